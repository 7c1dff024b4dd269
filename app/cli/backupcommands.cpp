// backup and restore (issue 12 item 3; docs/backup.md).
#include "clisupport.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/error.h"
#include "core/store/backup.h"

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

void listBackups(const QString &databasePath)
{
    const QList<Backup::Summary> backups = Backup::list(databasePath);
    if (backups.isEmpty()) {
        out() << Tr::tr("No automatic backups in %1.").arg(Backup::folderFor(databasePath)) << '\n';
        return;
    }
    out() << Tr::tr("Automatic backups in %1, newest first:").arg(Backup::folderFor(databasePath)) << '\n';
    const QLocale locale;
    for (const Backup::Summary &s : backups) {
        out() << QStringLiteral("  %1  %2  %3  %4\n")
                     .arg(s.takenAt.toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")), Backup::kindName(s.kind),
                          locale.formattedDataSize(s.bytes), QFileInfo(s.path).fileName());
    }
}

/// Logs in on the database about to be replaced and checks the right to restore it. A file
/// that does not open at all (damaged) cannot say who may restore it: the restore goes on, and
/// the damaged file is kept beside the restored one.
void requireRestoreRight(QCommandLineParser &p, const ConnectionSettings &settings)
{
    if (!QFileInfo::exists(settings.path))
        return;
    std::unique_ptr<Database> db;
    try {
        db = std::make_unique<Database>(settings, Database::Mode::OpenExisting);
    } catch (const Error &e) {
        err() << Tr::tr("The database does not open (%1); it is kept beside the restored one.").arg(e.fullText()) << '\n';
        return;
    }
    login(p, *db);
    Permissions::require(*db, Permissions::Action::ManageAccounts);
}
} // namespace

void addBackupCommands(CommandTable &table)
{
    const CommandTable commands = {
        {QStringLiteral("backup"),
         {QT_TRANSLATE_NOOP("Cli", "Back up a database into a file (consistent while others work), or list the automatic backups."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("output"),
                           Tr::tr("The backup file to write (SQLite: .sqlite; PostgreSQL: a pg_dump archive)."), Tr::tr("FILE")});
              p.addOption({QStringLiteral("list"), Tr::tr("List the automatic backups kept beside the database.")});
          },
          [](QCommandLineParser &p) {
              const ConnectionSettings settings = ConnectionSettings::parse(required(p, QStringLiteral("database")));
              if (p.isSet(QStringLiteral("list"))) {
                  if (settings.backend != Backend::Sqlite)
                      throw UsageError{Tr::tr("--list is for a SQLite database file.")};
                  if (!QFileInfo::exists(settings.path))
                      throw Error(
                          QCoreApplication::translate("Database", "The database file \"%1\" does not exist.").arg(settings.path));
                  listBackups(settings.path);
                  return;
              }
              const QString output = required(p, QStringLiteral("output"));
              Database db(settings, Database::Mode::OpenExisting);
              login(p, db);
              // A backup holds every record, personal data included: the same right as an export.
              Permissions::require(db, Permissions::Action::ExportData);
              Backup::write(db, output);
              if (db.backend() == Backend::Postgres) {
                  out() << Tr::tr("Backed up %1 into %2 (pg_dump custom format). To restore it into an empty database: "
                                  "pg_restore --no-owner --dbname=DATABASE %2")
                               .arg(settings.displayName(), output)
                        << '\n';
                  return;
              }
              out() << Backup::inspect(output).describe() << '\n';
              out() << Tr::tr("Backed up %1 into %2.").arg(settings.displayName(), output) << '\n';
          }}},
        {QStringLiteral("restore"),
         {QT_TRANSLATE_NOOP("Cli", "Replace a database with a backup, whole; the replaced contents are kept beside it."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("input"), Tr::tr("The backup file to restore."), Tr::tr("FILE")});
              p.addOption({QStringLiteral("check"), Tr::tr("Only check the backup and show what it holds; change nothing.")});
          },
          [](QCommandLineParser &p) {
              const ConnectionSettings settings = ConnectionSettings::parse(required(p, QStringLiteral("database")));
              const QString input = required(p, QStringLiteral("input"));
              if (settings.backend != Backend::Sqlite)
                  throw Error(Tr::tr("A PostgreSQL database is restored with the server's tools: create an empty database, "
                                     "then run pg_restore --no-owner --dbname=DATABASE %1, and point Vinh Danh at it.")
                                  .arg(input));
              const Backup::Summary summary = Backup::inspect(input);
              out() << summary.describe() << '\n';
              if (p.isSet(QStringLiteral("check")))
                  return;
              requireRestoreRight(p, settings);
              const QString kept = Backup::restore(settings.path, input);
              if (!kept.isEmpty())
                  out() << Tr::tr("The replaced database was kept as %1.").arg(kept) << '\n';
              // Open once: migrates an older backup (after its own backup) and checks it.
              Database db(settings, Database::Mode::OpenExisting);
              out() << Tr::tr("Restored %1 from %2 (schema version %3).").arg(settings.displayName(), input).arg(db.schemaVersion())
                    << '\n';
          }}},
    };
    table.insert(commands.begin(), commands.end());
}

} // namespace VinhDanh::Cli
