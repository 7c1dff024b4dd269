// vinhdanh-cli mapping: list the saved column mappings of a list kind, or delete one (issue 15
// item 2). Storage, rights and the audit are core/tables/mappingpresets; this file is options.
#include "mappingcommands.h"

#include "core/db/database.h"
#include "core/tables/mappingpresets.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VinhDanh::Cli {

using namespace Core;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QString kindCodes()
{
    QStringList codes;
    for (Tables::MappingKind k : Tables::mappingKinds())
        codes << Tables::mappingKindCode(k);
    return codes.join(QStringLiteral(", "));
}

void mapping(QCommandLineParser &p)
{
    // Usage first: nothing is opened while the command line is wrong.
    const QString database = required(p, QStringLiteral("database"));
    const QString kindCode = required(p, QStringLiteral("kind"));
    const std::optional<Tables::MappingKind> kind = Tables::mappingKindFromCode(kindCode);
    if (!kind)
        throw UsageError{Tr::tr("--kind must be one of %1, not \"%2\".").arg(kindCodes(), kindCode)};
    const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
    Database db(ConnectionSettings::parse(database), Database::Mode::OpenExisting);
    login(p, db);
    if (p.isSet(QStringLiteral("delete"))) {
        // Error naming the saved ones when there is none of that name (exit code 1).
        const QString deleted = Tables::deleteMappingPreset(db, *kind, p.value(QStringLiteral("delete")));
        if (fmt == QLatin1String("json"))
            out() << QString::fromUtf8(
                QJsonDocument(QJsonObject{{QStringLiteral("kind"), kindCode}, {QStringLiteral("deleted"), deleted}})
                    .toJson(QJsonDocument::Indented));
        else
            out() << Tr::tr("Deleted the column mapping \"%1\".").arg(deleted) << '\n';
        return;
    }
    const QStringList names = Tables::mappingPresetNames(db, *kind);
    if (fmt == QLatin1String("json")) {
        QJsonArray list;
        for (const QString &name : names) {
            const QHash<QString, QString> columns = Tables::mappingPreset(db, *kind, name);
            QJsonObject object;
            for (auto it = columns.cbegin(); it != columns.cend(); ++it)
                object.insert(it.key(), it.value());
            // 0: the header row is found from the headers, as when none was saved.
            list.append(QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("columns"), object},
                                    {QStringLiteral("headerRow"), Tables::mappingPresetHeaderRow(db, *kind, name)}});
        }
        out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("kind"), kindCode}, {QStringLiteral("mappings"), list}})
                                       .toJson(QJsonDocument::Indented));
        return;
    }
    if (names.isEmpty())
        out() << Tr::tr("No column mapping is saved for this list (--kind %1).").arg(kindCode) << '\n';
    for (const QString &name : names) {
        // The row it reads the header from, when saved with one: it applies to every file.
        const int row = Tables::mappingPresetHeaderRow(db, *kind, name);
        if (row > 0)
            out() << Tr::tr("%1 (header on row %2)").arg(name).arg(row) << '\n';
        else
            out() << name << '\n';
    }
}
} // namespace

void addMappingCommands(CommandTable &table)
{
    table.emplace(
        QStringLiteral("mapping"),
        Command{
            QT_TRANSLATE_NOOP("Cli", "List the column mappings saved in the import dialogs for a kind of list, or delete "
                                     "one."),
            [](QCommandLineParser &p) {
                p.addOption(databaseOption());
                p.addOption({QStringLiteral("kind"),
                             Tr::tr("The kind of list: people, units, awards, disciplines, initiatives or nominees."),
                             Tr::tr("KIND")});
                p.addOption({QStringLiteral("delete"), Tr::tr("Delete the saved column mapping of this name."), Tr::tr("NAME")});
                p.addOption({QStringLiteral("format"), Tr::tr("text (default) or json."), Tr::tr("FORMAT"), QStringLiteral("text")});
            },
            mapping});
}

} // namespace VinhDanh::Cli
