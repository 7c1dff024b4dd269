// What the preview of any list shares (staff, units, awards, initiatives, disciplines, nominee
// lists): the rows counted by status, the header noted, a row's reasons and warnings in words.
#include "core/tables/peopleimport.h"

#include <QCoreApplication>

#include <algorithm>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};
} // namespace

int SheetPreview::count(RowStatus status) const
{
    return int(std::count_if(rows.begin(), rows.end(), [&](const PreviewRow &r) { return r.status == status; }));
}

void SheetPreview::begin(const Sheet &sheet, int headerIndex, int headerNumber, const QStringList &unrecognised)
{
    sheetName = sheet.name;
    headerRow = headerNumber;
    for (const Cell &c : sheet.rows.at(headerIndex).cells)
        headers << c.text.simplified();
    if (!unrecognised.isEmpty())
        notes << Tr::tr("Columns left out (not recognised): %1.").arg(unrecognised.join(QStringLiteral(", ")));
}

QStringList PreviewRow::detailLines() const
{
    QStringList out = reasons;
    for (const QString &w : warnings)
        out << Tr::tr("warning: %1").arg(w);
    return out;
}

QString reasonsText(const QStringList &reasons)
{
    QStringList parts;
    for (QString r : reasons) {
        if (r.endsWith(QLatin1Char('.')) && !r.endsWith(QLatin1String("…).")))
            r.chop(1);
        parts << r;
    }
    return parts.join(QStringLiteral("; "));
}

QString statusCode(RowStatus status)
{
    switch (status) {
    case RowStatus::New: return QStringLiteral("new");
    case RowStatus::Changed: return QStringLiteral("changed");
    case RowStatus::Unchanged: return QStringLiteral("unchanged");
    case RowStatus::Error: return QStringLiteral("error");
    }
    return {};
}

} // namespace VinhDanh::Core::Tables
