#include "clisupport.h"

#include "core/accounts/permissions.h"
#include "core/catalogue/movementtext.h"
#include "core/db/database.h"
#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "core/repo/movementrepository.h"
#include "core/workflow/workflow.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace VinhDanh::Cli {

using namespace Core;

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QString countsLine(const InterchangeCounts &c)
{
    return Tr::tr("%1 blocs, %2 units, %3 people, %4 movements, %5 ratings, %6 awards, %7 initiatives, %8 disciplines, "
                  "%9 eligibility confirmations")
        .arg(c.blocs)
        .arg(c.units)
        .arg(c.people)
        .arg(c.movements)
        .arg(c.ratings)
        .arg(c.awards)
        .arg(c.initiatives)
        .arg(c.disciplines)
        .arg(c.confirmations);
}

} // namespace

void addRegistryCommands(CommandTable &table)
{
    const CommandTable commands = {
        {QStringLiteral("init"),
         {QT_TRANSLATE_NOOP("Cli", "Create a database with the movement catalogue."),
          [](QCommandLineParser &p) { p.addOption(databaseOption()); },
          [](QCommandLineParser &p) {
              const auto settings = ConnectionSettings::parse(required(p, QStringLiteral("database")));
              if (settings.backend == Backend::Sqlite && QFileInfo::exists(settings.path))
                  throw Error(Tr::tr("The file \"%1\" already exists; init does not overwrite a database.").arg(settings.path));
              Database db(settings);
              login(p, db);
              out() << Tr::tr("Created %1 (schema version %2).").arg(settings.displayName()).arg(db.schemaVersion()) << '\n';
          }}},
        {QStringLiteral("demo"),
         {QT_TRANSLATE_NOOP("Cli", "Fill a database with a deterministic synthetic province."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("units"), Tr::tr("Number of units."), Tr::tr("N")});
              p.addOption({QStringLiteral("people"), Tr::tr("Number of people."), Tr::tr("N")});
              p.addOption({QStringLiteral("seed"), Tr::tr("Random seed; the same seed gives the same data."), Tr::tr("S")});
          },
          [](QCommandLineParser &p) {
              DemoOptions options;
              const QString path = required(p, QStringLiteral("database"));
              options.units = positiveInt(p, QStringLiteral("units"), 0, true);
              options.people = positiveInt(p, QStringLiteral("people"), 0, true);
              options.seed = quint32(positiveInt(p, QStringLiteral("seed"), 1, false));
              // Only init creates a database: a mistyped path is an error, not a new empty file.
              Database db(ConnectionSettings::parse(path), Database::Mode::OpenExisting);
              login(p, db);
              Permissions::require(db, Permissions::Action::GenerateDemo);
              const auto [r, s] = Demo::generateProvince(db, options, [](const QString &step) {
                  err() << step << '\n';
                  err().flush();
              });
              out() << Tr::tr("Demo province: %1 units, %2 people, %3 ratings, %4 awards, %5 initiatives, %6 disciplines.")
                           .arg(r.units)
                           .arg(r.people)
                           .arg(r.ratings)
                           .arg(r.awards)
                           .arg(r.initiatives)
                           .arg(r.disciplines)
                    << '\n';
              // The movement by its name (its key with --codes).
              QString track = Tr::tr("regular track");
              if (!s.movementKey.isEmpty()) {
                  const MovementRepository movements(db);
                  const std::optional<Movement> m = movements.get(movements.idForKey(s.movementKey));
                  track = shown(m ? QStringLiteral("“%1”").arg(m->name) : s.movementKey, s.movementKey);
              }
              out() << Tr::tr("Award season %1 (%2): %3 dossiers, %4 nominees, %5 council sittings, %6 decision(s) issued "
                              "awarding %7, total %8 đồng.")
                           .arg(s.year)
                           .arg(track)
                           .arg(s.dossiers)
                           .arg(s.nominees)
                           .arg(s.sittings)
                           .arg(s.decisions)
                           .arg(s.awardees)
                           .arg(Workflow::Money::amountText(s.total))
                    << '\n';
          }}},
        {QStringLiteral("export"),
         {QT_TRANSLATE_NOOP("Cli", "Export the registry to an interchange JSON file."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("output"), Tr::tr("The JSON file to write."), Tr::tr("FILE")});
          },
          [](QCommandLineParser &p) {
              const QString output = required(p, QStringLiteral("output"));
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
              login(p, db);
              out() << Tr::tr("Exported %1.").arg(countsLine(Interchange::exportTo(db, output))) << '\n';
          }}},
        {QStringLiteral("import"),
         {QT_TRANSLATE_NOOP("Cli", "Import an interchange JSON file (all of it or nothing)."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("input"), Tr::tr("The JSON file to read."), Tr::tr("FILE")});
              p.addOption({QStringLiteral("new"),
                           Tr::tr("Make --database as a new SQLite file from the import (faster; the file must not exist).")});
          },
          [](QCommandLineParser &p) {
              const QString input = required(p, QStringLiteral("input"));
              const ConnectionSettings target = ConnectionSettings::parse(required(p, QStringLiteral("database")));
              // --new: the import makes the SQLite file itself, under a temporary name without a
              // journal (nothing of the office's is at risk) renamed when complete, so a failed import
              // leaves no file behind. Explicit, so a mistyped path is still refused, never created.
              if (p.isSet(QStringLiteral("new"))) {
                  if (target.backend != Backend::Sqlite || target.path == QLatin1String(":memory:"))
                      throw UsageError{Tr::tr("--new makes a new database file: give --database a file path.")};
                  out() << Tr::tr("Imported %1.").arg(countsLine(Interchange::importIntoNewFile(input, target.path))) << '\n';
                  return;
              }
              Database db(target, Database::Mode::OpenExisting);
              login(p, db);
              out() << Tr::tr("Imported %1.").arg(countsLine(Interchange::importFrom(db, input))) << '\n';
          }}},
        {QStringLiteral("movements"),
         {QT_TRANSLATE_NOOP("Cli", "List the movements (the catalogue and the office's own)."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("format"), Tr::tr("text (default) or json."), Tr::tr("FORMAT"), QStringLiteral("text")});
          },
          [](QCommandLineParser &p) {
              const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
              login(p, db);
              MovementRepository repo(db);
              QList<Movement> movements;
              for (const MovementSummary &s : repo.list())
                  movements.append(*repo.get(s.id));
              if (fmt == QLatin1String("json"))
                  out() << QString::fromUtf8(MovementText::json(movements).toJson(QJsonDocument::Indented));
              else
                  out() << MovementText::summary(movements);
          }}},
    };
    table.insert(commands.begin(), commands.end());
}


} // namespace VinhDanh::Cli
