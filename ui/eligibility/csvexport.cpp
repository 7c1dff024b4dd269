#include "ui/eligibility/csvexport.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace VinhDanh::Ui::Csv {

namespace {
QString field(const QString &text)
{
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
                       || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))
                       || (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote)
        return text;
    QString out = text;
    out.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}
} // namespace

QByteArray encode(const QList<QStringList> &rows)
{
    QString text;
    for (const QStringList &row : rows) {
        QStringList fields;
        fields.reserve(row.size());
        for (const QString &cell : row)
            fields << field(cell);
        text += fields.join(QLatin1Char(','));
        text += QLatin1String("\r\n");
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

void write(const QString &path, const QList<QStringList> &rows)
{
    // QSaveFile: a failed export never leaves half a file where a good one was.
    QSaveFile file(path);
    const QByteArray bytes = encode(rows);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        throw Core::Error(QCoreApplication::translate("VinhDanh::Ui::Csv", "Cannot write the file %1.")
                              .arg(QDir::toNativeSeparators(path)),
                          file.errorString());
    }
}

} // namespace VinhDanh::Ui::Csv
