#include "core/db/database.h"

#include "core/audit/auditchanges.h"
#include "core/db/changes.h"
#include "core/db/collation.h"
#include "core/error.h"
#include "core/settings.h"
#include "core/store/backup.h"
#include "core/store/catalogueload.h"
#include "core/store/migrations.h"
#include "core/store/selfcheck.h"

#include <QCoreApplication>
#include <QDate>
#include <QFileInfo>

// What makes a connection ready to use: the migration ladder, the catalogue's load, the
// self-check, the automatic backups and the audit's change hooks. Database's connection
// mechanics stay in core/db/database.cpp; these definitions live here, above every folder
// the schema's assembly calls, so that db/ includes nothing else of core.
namespace VinhDanh::Core {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};

// A file of another program, or of a newer Vinh Danh, is refused untouched. storedVersion()
// throws for a foreign file; migrate() refuses a newer version before it changes anything.
void refuseForeignOrNewer(Database &db)
{
    if (Migrations::storedVersion(db) > Migrations::latestVersion())
        Migrations::migrate(db);
}
} // namespace

Database::Database(const ConnectionSettings &settings, Mode mode)
    : m_connectionName(nextConnectionName()), m_settings(settings),
      m_changes(std::make_unique<ChangeNotifier>(m_connectionName, settings.backend == Backend::Postgres))
{
    try {
        openConnection(mode, [this] { refuseForeignOrNewer(*this); });
        // An existing file is backed up before its schema changes (a failed backup refuses
        // the upgrade), and once a day on its first open (a failure there only warns).
        const int stored = m_settings.backend == Backend::Sqlite ? Migrations::storedVersion(*this) : 0;
        if (stored > 0 && stored < Migrations::latestVersion())
            Backup::automatic(*this, Backup::Kind::BeforeUpgrade);
        Migrations::migrate(*this);
        if (m_settings.backend == Backend::Sqlite)
            reindexIfCollationChanged(sql());
        Catalogue::ensureLoaded(*this);
        // The triggers on every open; the whole file (quick_check reads every page, seconds on
        // a province's database, which every CLI call would pay) on the first open of the day.
        const QString scanKey = m_settings.backend == Backend::Sqlite ? QFileInfo(m_settings.path).absoluteFilePath() : QString();
        const bool scan = !scanKey.isEmpty() && m_settings.path != QLatin1String(":memory:")
                          && Settings::lastFileCheck(scanKey) != QDate::currentDate();
        m_readOnlyReason = SelfCheck::checkOnOpen(*this, scan);
        if (scan && m_readOnlyReason.isEmpty())
            Settings::setLastFileCheck(scanKey, QDate::currentDate());
        // A file that failed its check is not backed up: its copies would push the good
        // backups out of the rotation.
        if (stored > 0 && !readOnly()) {
            try {
                Backup::automatic(*this, Backup::Kind::Daily);
            } catch (const Error &e) {
                m_notices << Tr::tr("Today's automatic backup could not be written: %1").arg(e.message());
            }
        }
        // Last: the migrations and the catalogue's load above announce nothing (nobody listens
        // yet, and the views read everything when they are given the database).
        AuditChanges::attach(*this);
        m_changes->enable();
    } catch (...) {
        QSqlDatabase::removeDatabase(m_connectionName);
        throw;
    }
}

Database::Database(const ConnectionSettings &settings, NoMigrate)
    : m_connectionName(nextConnectionName()), m_settings(settings),
      m_changes(std::make_unique<ChangeNotifier>(m_connectionName, settings.backend == Backend::Postgres))
{
    openConnection(Mode::OpenOrCreate, [this] { refuseForeignOrNewer(*this); });
}

int Database::schemaVersion() const
{
    return Migrations::storedVersion(*this);
}

void Database::saveCopy(const QString &targetPath) const
{
    if (m_settings.backend != Backend::Sqlite)
        throw Error(Tr::tr("A copy can only be saved from a SQLite database file; use the server's own backup for PostgreSQL."));
    // The online backup API into a temporary file, checked, then renamed over the target: an
    // existing file is replaced only by a whole, verified copy (VACUUM INTO needed the target
    // deleted first, so a failure lost the old copy).
    Backup::write(*this, targetPath);
}

} // namespace VinhDanh::Core
