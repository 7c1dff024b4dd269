// vinhdanh-cli template: the XLSX a lower unit or a clerk fills in for import-table (issue 15
// item 2). The workbook is core/tables/templates; this file is options.
#include "templatecommands.h"

#include "core/db/database.h"
#include "core/tables/templates.h"

#include <QCoreApplication>
#include <QDir>

#include <memory>

namespace VinhDanh::Cli {

using namespace Core;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

void writeTemplate(QCommandLineParser &p)
{
    // Usage first: nothing is opened or written while the command line is wrong.
    const QString kindCode = required(p, QStringLiteral("kind"));
    const std::optional<Tables::TemplateKind> kind = Tables::templateKindFromCode(kindCode);
    if (!kind) {
        QStringList codes;
        for (Tables::TemplateKind k : Tables::templateKinds())
            codes << Tables::templateKindCode(k);
        throw UsageError{Tr::tr("--kind must be one of %1, not \"%2\".").arg(codes.join(QStringLiteral(", ")), kindCode)};
    }
    const QString output = required(p, QStringLiteral("output"));
    if (!output.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        throw UsageError{Tr::tr("--output must name an .xlsx file, not \"%1\".").arg(output)};
    // With a database the drop-downs list its units; without one, the built-in lists only.
    std::unique_ptr<Database> db;
    if (p.isSet(QStringLiteral("database"))) {
        db = std::make_unique<Database>(ConnectionSettings::parse(p.value(QStringLiteral("database"))), Database::Mode::OpenExisting);
        login(p, *db);
    }
    Tables::writeTemplate(db.get(), *kind, output);
    out() << Tr::tr("Template written: %1").arg(QDir::toNativeSeparators(output)) << '\n';
}
} // namespace

void addTemplateCommands(CommandTable &table)
{
    table.emplace(QStringLiteral("template"),
                  Command{QT_TRANSLATE_NOOP("Cli", "Write an XLSX template to fill in for import-table, with drop-down lists."),
                          [](QCommandLineParser &p) {
                              p.addOption({QStringLiteral("kind"),
                                           Tr::tr("What the list holds: people, units, awards, disciplines or initiatives."),
                                           Tr::tr("KIND")});
                              p.addOption({QStringLiteral("output"), Tr::tr("The XLSX file to write."), Tr::tr("FILE")});
                              // Optional here: with it, the drop-downs list the database's units.
                              p.addOption(databaseOption());
                          },
                          writeTemplate});
}

} // namespace VinhDanh::Cli
