#include "clisupport.h"

#include "core/accounts/permissions.h"
#include "core/catalogue/movementtext.h"
#include "core/council/sitting.h"
#include "core/db/database.h"
#include "core/decisions/decision.h"
#include "core/demo/demogenerator.h"
#include "core/dossiers/dossier.h"
#include "core/error.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "core/registry/movementrepository.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

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

/// "3 units, 12 people" (numbers as countsLine writes them): the sections of another office's records that got new keys.
QString newKeysText(const InterchangeCounts &c)
{
    QStringList parts;
    for (const auto &[section, n] : c.newKeys) {
        if (section == QLatin1String("blocs"))
            parts << Tr::tr("%1 emulation blocs").arg(n);
        else if (section == QLatin1String("units"))
            parts << Tr::tr("%1 units").arg(n);
        else if (section == QLatin1String("people"))
            parts << Tr::tr("%1 people").arg(n);
        else if (section == QLatin1String("movements"))
            parts << Tr::tr("%1 movements").arg(n);
        else if (section == QLatin1String("awards"))
            parts << Tr::tr("%1 awards").arg(n);
        else if (section == QLatin1String("initiatives"))
            parts << Tr::tr("%1 initiatives").arg(n);
        else
            parts << Tr::tr("%1 disciplines").arg(n);
    }
    return parts.join(QStringLiteral(", "));
}

/// The office a file comes from, as a clerk reads it: its letterhead's name on one line. Never
/// its id, a UUID (no UUID in CLI text, issue 16); --format json gives it.
QString officeText(const InterchangeCounts &c)
{
    const QString name = QString(c.officeName).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return name.isEmpty() ? Tr::tr("an office whose letterhead has no name") : QStringLiteral("“%1”").arg(name);
}

/// What `import` prints: the counts, and where the file came from when it is not the office's own.
void printImport(const InterchangeCounts &c, const QString &fmt)
{
    if (fmt == QLatin1String("json")) {
        QJsonObject newKeys;
        for (const auto &[section, n] : c.newKeys)
            newKeys.insert(section, n);
        const QJsonObject report{
            {QStringLiteral("imported"), QJsonObject{{QStringLiteral("blocs"), c.blocs},
                                                     {QStringLiteral("units"), c.units},
                                                     {QStringLiteral("people"), c.people},
                                                     {QStringLiteral("movements"), c.movements},
                                                     {QStringLiteral("ratings"), c.ratings},
                                                     {QStringLiteral("awards"), c.awards},
                                                     {QStringLiteral("initiatives"), c.initiatives},
                                                     {QStringLiteral("disciplines"), c.disciplines},
                                                     {QStringLiteral("confirmations"), c.confirmations}}},
            {QStringLiteral("office"),
             QJsonObject{{QStringLiteral("id"), c.officeId.isEmpty() ? QJsonValue() : QJsonValue(c.officeId)},
                         {QStringLiteral("name"), c.officeName.isEmpty() ? QJsonValue() : QJsonValue(c.officeName)},
                         {QStringLiteral("anotherOffice"), c.anotherOffice},
                         {QStringLiteral("tookOfficeIdentity"), c.tookOfficeIdentity},
                         {QStringLiteral("addedOfficeId"), c.addedOfficeId}}},
            {QStringLiteral("newKeys"), newKeys}};
        out() << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Indented));
        return;
    }
    out() << Tr::tr("Imported %1.").arg(countsLine(c)) << '\n';
    if (c.tookOfficeIdentity)
        out() << Tr::tr("The database held no records: it is now a copy of the office that wrote the file, %1, and that "
                        "office's later files update it by key.")
                     .arg(officeText(c))
              << '\n';
    if (c.addedOfficeId)
        out() << Tr::tr("The file was taken as this office's own, from another database of it (%1): its records were "
                        "matched by key, and its later files will be too, with no option.")
                     .arg(officeText(c))
              << '\n';
    if (!c.anotherOffice)
        return;
    if (c.newKeyCount() == 0)
        out() << Tr::tr("The file comes from another office, %1: its records were matched to the ones its earlier "
                        "files brought, or kept their keys; none got a new key.")
                     .arg(officeText(c))
              << '\n';
    else
        out() << Tr::tr("The file comes from another office, %1. Its keys for %2 are used here by other records, so "
                        "those records got new keys; the office's next file updates them under those keys.")
                     .arg(officeText(c), newKeysText(c))
              << '\n';
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
              // A file of an office id this database does not know is refused without one of these
              // (docs/interchange.md, "Files of another office"); the answer is remembered.
              p.addOption({QStringLiteral("same-office"),
                           Tr::tr("The file is this office's own, from another of its databases (made before offices had "
                                  "ids, moved to PostgreSQL, an old backup): match its records by key and remember its "
                                  "office id as this office's. A database with no records takes the id as its own.")});
              p.addOption({QStringLiteral("other-office"),
                           Tr::tr("The file is another office's: keep its records apart, under new keys where theirs are "
                                  "used here.")});
              p.addOption({QStringLiteral("format"), Tr::tr("text (default) or json."), Tr::tr("FORMAT"), QStringLiteral("text")});
          },
          [](QCommandLineParser &p) {
              const QString input = required(p, QStringLiteral("input"));
              Interchange::ImportOptions options;
              if (p.isSet(QStringLiteral("same-office")) && p.isSet(QStringLiteral("other-office")))
                  throw UsageError{Tr::tr("Give --same-office or --other-office, not both.")};
              if (p.isSet(QStringLiteral("same-office")))
                  options.office = Interchange::FileOffice::Same;
              else if (p.isSet(QStringLiteral("other-office")))
                  options.office = Interchange::FileOffice::Other;
              const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
              const ConnectionSettings target = ConnectionSettings::parse(required(p, QStringLiteral("database")));
              // --new: the import makes the SQLite file itself, under a temporary name without a
              // journal (nothing of the office's is at risk) renamed when complete, so a failed import
              // leaves no file behind. Explicit, so a mistyped path is still refused, never created.
              if (p.isSet(QStringLiteral("new"))) {
                  if (target.backend != Backend::Sqlite || target.path == QLatin1String(":memory:"))
                      throw UsageError{Tr::tr("--new makes a new database file: give --database a file path.")};
                  // The new file is a copy of the file's office: there is no choice to make.
                  if (options.office != Interchange::FileOffice::Ask)
                      throw UsageError{Tr::tr("--new makes a copy of the file's office: --same-office and "
                                              "--other-office are for an existing database.")};
                  printImport(Interchange::importIntoNewFile(input, target.path), fmt);
                  return;
              }
              Database db(target, Database::Mode::OpenExisting);
              login(p, db);
              printImport(Interchange::importFrom(db, input, options), fmt);
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
