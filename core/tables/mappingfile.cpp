#include "core/tables/mappingfile.h"

#include "core/error.h"
#include "core/text/strictjson.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};
} // namespace

QString headerKey(const QString &text)
{
    QString folded = Text::fold(text);
    for (QChar &c : folded)
        if (!c.isLetterOrNumber())
            c = u' ';
    return folded.simplified();
}

QHash<QString, QString> readMappingFile(const QString &path, const std::function<bool(const QString &)> &isField,
                                        const QString &fieldNames)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("Cannot open the mapping file \"%1\": %2.").arg(QFileInfo(path).fileName(), file.errorString()));
    const StrictJson::Document doc = StrictJson::parse(file.read(1024 * 1024), QFileInfo(path).fileName());
    if (!doc.json.isObject())
        throw Error(Tr::tr("The mapping file \"%1\" must be one JSON object: {\"column header\": \"field\", …}.")
                        .arg(QFileInfo(path).fileName()));
    QHash<QString, QString> out;
    const QJsonObject object = doc.json.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString name = it.value().toString();
        if (!isField(name))
            throw Error(Tr::tr("The mapping file gives the column \"%1\" the field \"%2\", which is not one of: %3.")
                            .arg(StrictJson::quoted(it.key()), StrictJson::quoted(name), fieldNames));
        out.insert(headerKey(it.key()), name);
    }
    return out;
}

void requireMappedHeaders(const Row &header, const QHash<QString, QString> &overrides)
{
    QSet<QString> present;
    for (const Cell &c : header.cells)
        present.insert(headerKey(c.text));
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        if (!present.contains(it.key()))
            throw Error(Tr::tr("The mapping file names the column \"%1\", which row %2 of the sheet does not have.")
                            .arg(it.key())
                            .arg(header.number));
}

} // namespace VinhDanh::Core::Tables
