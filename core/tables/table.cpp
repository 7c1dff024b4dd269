#include "core/tables/table.h"

#include "core/error.h"
#include "core/text/vntext.h"

#include <QCoreApplication>

#include <algorithm>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};
} // namespace

Cell Cell::fromText(const QString &text)
{
    Cell c;
    // NFD text (macOS, some Unikey settings) must compare equal to what is stored.
    c.text = text.normalized(QString::NormalizationForm_C);
    c.kind = c.text.isEmpty() ? Kind::Empty : Kind::Text;
    return c;
}

const Cell &Row::cell(int column) const
{
    static const Cell empty;
    return column >= 0 && column < cells.size() ? cells.at(column) : empty;
}

bool Row::isEmpty() const
{
    return std::all_of(cells.begin(), cells.end(), [](const Cell &c) { return c.isEmpty(); });
}

int headerRowIndex(const Sheet &sheet, int rowNumber)
{
    if (rowNumber < 1)
        throw Error(Tr::tr("Rows are counted from 1, as the spreadsheet numbers them; there is no row %1.").arg(rowNumber));
    if (sheet.rows.isEmpty())
        throw Error(Tr::tr("The sheet \"%1\" is empty: it has no row %2 to read as the header.").arg(sheet.name).arg(rowNumber));
    // Looked for, not searched in halves: a Word file's tables joined need not number in order.
    int last = 0;
    for (qsizetype i = 0; i < sheet.rows.size(); ++i) {
        const Row &row = sheet.rows.at(i);
        if (row.number == rowNumber && !row.isEmpty())
            return int(i);
        last = qMax(last, row.number);
    }
    if (rowNumber > last)
        throw Error(
            Tr::tr("The sheet \"%1\" ends at row %2; row %3 cannot be its header row.").arg(sheet.name).arg(last).arg(rowNumber));
    throw Error(
        Tr::tr("Row %1 of the sheet \"%2\" is empty; choose the row that holds the column headers.").arg(rowNumber).arg(sheet.name));
}

QString columnName(int index)
{
    QString name;
    for (int n = index + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}

} // namespace VinhDanh::Core::Tables
