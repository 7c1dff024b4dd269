#include "core/text/csv.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace VinhDanh::Core::Csv {

QString field(const QString &value, QChar separator)
{
    const bool edgeSpace = !value.isEmpty() && (value.front().isSpace() || value.back().isSpace());
    if (!edgeSpace && !value.contains(separator) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
        && !value.contains(QLatin1Char('\r')))
        return value;
    QString v = value;
    return QLatin1Char('"') + v.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

QString line(const QStringList &fields, QChar separator)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << field(f, separator);
    return quoted.join(separator) + QStringLiteral("\r\n");
}

QByteArray file(const QList<QStringList> &rows, QChar separator)
{
    QString text;
    for (const QStringList &row : rows)
        text += line(row, separator);
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

void save(const QString &path, const QList<QStringList> &rows)
{
    QSaveFile out(path);
    const QByteArray bytes = file(rows);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        throw Error(
            QCoreApplication::translate("VinhDanh::Core::Csv", "Cannot write the file %1.").arg(QDir::toNativeSeparators(path)),
            out.errorString());
}

} // namespace VinhDanh::Core::Csv
