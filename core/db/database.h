#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace VinhDanh::Core {

enum class Backend { Sqlite, Postgres };

/// Where a database lives: a SQLite file (the default), or a PostgreSQL server for an office
/// whose clerks share one database. Parsed from what the user types: a file path, or a
/// `postgresql://user:password@host:port/dbname` address.
struct ConnectionSettings
{
    Backend backend = Backend::Sqlite;
    QString path; // SQLite file, or ":memory:"
    QString host;
    int port = 5432;
    QString databaseName;
    QString user;
    QString password;
    /// PostgreSQL: how long a statement outside a transaction (a list, a page being read)
    /// waits for a lock another program holds (an import loading the office's first history)
    /// before it is refused with a message saying so, instead of freezing the window. Writes,
    /// inside a Transaction, queue for up to 30 s as on SQLite (core/db/transaction.cpp).
    int lockTimeoutMs = 10000;

    static ConnectionSettings sqlite(const QString &path);
    /// A `postgresql://` or `postgres://` address becomes a server connection; anything else
    /// is a SQLite file path.
    static ConnectionSettings parse(const QString &text);
    /// What the title bar shows: the file path, or user@host:port/db (never the password).
    QString displayName() const;
};

struct ActorSlot;
class ChangeNotifier;

/// Who works on one connection: the logged-in account, or nobody (a database without
/// accounts, or before login). The audit triggers record `actorName()` with every change.
struct Session
{
    qint64 accountId = 0;
    QString username;
    QString role;      // clerk | appraiser | council_secretary | leader | admin
    qint64 unitId = 0; // a clerk's unit: the subtree they may edit
    bool loggedIn() const { return accountId > 0; }
};

/// One open, migrated database connection. Opening sets and verifies the per-connection
/// settings (foreign keys on; WAL for SQLite files), upgrades an older schema through the
/// migration ladder, refuses a newer one, and loads the built-in catalogue.
/// Not thread-safe: a connection belongs to the thread that opened it.
///
/// db/ is the lowest folder of core and knows no schema: the connection's mechanics are
/// db/database.cpp, while the constructors, schemaVersion() and saveCopy(), which need the
/// migration ladder, the catalogue, the self-check and the backups, are defined by the store
/// that assembles them (core/store/opendatabase.cpp).
class Database
{
public:
    enum class Mode { OpenOrCreate, OpenExisting };

    /// Throws Error with a clear message when the file is missing (OpenExisting), is not a
    /// Vinh Danh database, comes from a newer version, or the driver is not installed.
    explicit Database(const ConnectionSettings &settings, Mode mode = Mode::OpenOrCreate);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase sql() const { return QSqlDatabase::database(m_connectionName, false); }
    Backend backend() const { return m_settings.backend; }
    const ConnectionSettings &settings() const { return m_settings; }
    QString connectionName() const { return m_connectionName; }
    int schemaVersion() const;

    /// Sets who works on this connection (after login; empty Session to log out) and the actor
    /// the audit triggers record: the username, or "os:<login>" when nobody is logged in.
    void setSession(const Session &session);
    const Session &session() const { return m_session; }
    QString actorName() const;
    /// SQLite: the state behind this connection's vd_actor() and vd_bulk() (nullptr on
    /// PostgreSQL, where session settings hold it). For core/audit/bulkwrite.cpp.
    ActorSlot *sqliteSlot() const { return m_actorSlot; }

    /// Announces what each commit on this connection changed, and (while watching) what other
    /// programs changed: views subscribe to it (core/db/changes.h).
    ChangeNotifier &changes() const { return *m_changes; }

    /// Copies the whole database into a new SQLite file (File ▸ Save a copy, and backups).
    /// Uses VACUUM INTO on SQLite, so the copy is consistent even while others write.
    void saveCopy(const QString &targetPath) const;

    /// Things the clerk should know that did not stop the opening (today's automatic backup
    /// failed, …), translated; the GUI shows them, the CLI prints them on stderr.
    const QStringList &notices() const { return m_notices; }

    /// True when the self-check on open (core/store/selfcheck.h) found the guards or audit
    /// triggers removed or altered, or the file damaged: the connection then refuses writes,
    /// and readOnlyReason() is the translated sentence that says what and the way back.
    bool readOnly() const { return !m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const { return m_readOnlyReason; }

    /// Opens without migrating, for tests that build a database at an older schema version.
    struct NoMigrate
    {};
    Database(const ConnectionSettings &settings, NoMigrate);

private:
    static QString nextConnectionName();
    /// The connection itself (db/database.cpp). `beforeFirstWrite` runs on a SQLite file before
    /// anything changes it: the opener refuses there a file it cannot take.
    void openConnection(Mode mode, const std::function<void()> &beforeFirstWrite);
    void configureSqlite(const std::function<void()> &beforeFirstWrite);
    void applyActor();
    QString m_connectionName;
    ConnectionSettings m_settings;
    Session m_session;
    ActorSlot *m_actorSlot = nullptr; // owned by the SQLite connection
    QString m_readOnlyReason;
    QStringList m_notices;
    std::unique_ptr<ChangeNotifier> m_changes;
};

} // namespace VinhDanh::Core
