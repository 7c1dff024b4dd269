#include "core/text/csv.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace VinhDanh::Core::Csv {

QString field(const QString &value)
{
    const bool edgeSpace = !value.isEmpty() && (value.front().isSpace() || value.back().isSpace());
    if (!edgeSpace && !value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString v = value;
    return QLatin1Char('"') + v.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

QString line(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &f : fields)
        quoted << field(f);
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

QByteArray file(const QList<QStringList> &rows)
{
    QString text;
    for (const QStringList &row : rows)
        text += line(row);
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

void save(const QString &path, const QList<QStringList> &rows)
{
    QSaveFile out(path);
    const QByteArray bytes = file(rows);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        throw Error(QCoreApplication::translate("VinhDanh::Core::Csv", "Cannot write the file %1.").arg(QDir::toNativeSeparators(path)),
                    out.errorString());
}

} // namespace VinhDanh::Core::Csv
