#include "core/db/database.h"

#include "core/db/changes.h"
#include "core/db/collation.h"
#include "core/db/query.h"
#include "core/db/sqlfunctions.h"
#include "core/error.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QUrl>

#include <pwd.h>
#include <unistd.h>

namespace VinhDanh::Core {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};

} // namespace

QString Database::nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("vinhdanh-%1").arg(counter.fetchAndAddRelaxed(1));
}

ConnectionSettings ConnectionSettings::sqlite(const QString &path)
{
    ConnectionSettings s;
    s.backend = Backend::Sqlite;
    s.path = path;
    return s;
}

ConnectionSettings ConnectionSettings::parse(const QString &text)
{
    if (!text.startsWith(QLatin1String("postgresql://")) && !text.startsWith(QLatin1String("postgres://")))
        return sqlite(text);
    const QUrl url(text);
    ConnectionSettings s;
    s.backend = Backend::Postgres;
    s.host = url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host();
    s.port = url.port(5432);
    s.databaseName = url.path().mid(1);
    s.user = url.userName();
    s.password = url.password();
    return s;
}

QString ConnectionSettings::displayName() const
{
    if (backend == Backend::Sqlite)
        return path;
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

Database::~Database()
{
    m_changes.reset(); // unsubscribes while the connection is still open
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void Database::openConnection(Mode mode, const std::function<void()> &beforeFirstWrite)
{
    const QString driver = m_settings.backend == Backend::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver))
        throw Error(Tr::tr("The database driver %1 is not installed (Debian package %2).")
                        .arg(driver, m_settings.backend == Backend::Sqlite ? QStringLiteral("libqt6sql6-sqlite")
                                                                           : QStringLiteral("libqt6sql6-psql")));
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, m_connectionName);
    if (m_settings.backend == Backend::Sqlite) {
        const bool memory = m_settings.path == QLatin1String(":memory:");
        if (!memory) {
            const QFileInfo info(m_settings.path);
            if (mode == Mode::OpenExisting && !info.exists())
                throw Error(Tr::tr("The database file \"%1\" does not exist.").arg(m_settings.path));
            if (info.exists() && info.isDir())
                throw Error(Tr::tr("\"%1\" is a folder, not a database file.").arg(m_settings.path));
            // The owner's write bit, not access(2): root may write anything, but a file its
            // owner made read-only is meant to stay so (and SQLite would otherwise fall back
            // to a read-only handle and fail later with a puzzling message).
            if (info.exists() && (!info.isWritable() || !(info.permissions() & QFileDevice::WriteOwner)))
                throw Error(Tr::tr("The database file \"%1\" is read-only. Ask for permission to change it, "
                                   "or copy it to a folder of your own and open the copy.")
                                .arg(m_settings.path));
            if (info.exists() && !QFileInfo(info.absolutePath()).isWritable())
                throw Error(Tr::tr("The folder of the database file \"%1\" is read-only; the database needs to "
                                   "write its journal beside the file.")
                                .arg(m_settings.path));
            QDir().mkpath(info.absolutePath());
        }
        db.setDatabaseName(m_settings.path);
        // Another clerk's app may hold the write lock for a moment, an import for seconds:
        // writers queue (BEGIN IMMEDIATE, core/db/transaction.cpp) for up to 30 s before
        // "the database is busy".
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    } else {
        db.setHostName(m_settings.host);
        db.setPort(m_settings.port);
        db.setDatabaseName(m_settings.databaseName);
        db.setUserName(m_settings.user);
        db.setPassword(m_settings.password);
        db.setConnectOptions(QStringLiteral("connect_timeout=5"));
    }
    if (!db.open())
        throw DatabaseError(Tr::tr("Could not open the database %1.").arg(m_settings.displayName()), db.lastError().text());

    if (m_settings.backend == Backend::Sqlite)
        configureSqlite(beforeFirstWrite);
    else
        Query::run(db, QStringLiteral("SET lock_timeout = %1").arg(qMax(0, m_settings.lockTimeoutMs)));
    applyActor();
}

void Database::configureSqlite(const std::function<void()> &beforeFirstWrite)
{
    QSqlDatabase db = sql();
    // A file that is not SQLite fails on its first read; say so plainly.
    {
        QSqlQuery probe(db);
        if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
            throw DatabaseError(Tr::tr("\"%1\" is not a Vinh Danh database file (it is not an SQLite database).").arg(m_settings.path),
                                probe.lastError().text());
    }
    // Before anything writes to the file (switching to WAL rewrites its header): the opener
    // (core/store/opendatabase.cpp) refuses a file of another program, or of a newer Vinh Danh.
    if (beforeFirstWrite)
        beforeFirstWrite();
    // Foreign keys are per connection in SQLite and silently off by default: set and verify.
    Query::run(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    if (Query(db, QStringLiteral("PRAGMA foreign_keys")).scalar().toInt() != 1)
        throw Error(Tr::tr("This SQLite library cannot enforce foreign keys; the database is not safe to use."));
    if (m_settings.path != QLatin1String(":memory:")) {
        const QString mode = Query(db, QStringLiteral("PRAGMA journal_mode = WAL")).scalar().toString();
        if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            throw Error(Tr::tr("Could not switch the database to write-ahead logging (journal mode is %1).").arg(mode));
    }
    // FULL: a commit survives a power cut, not only a crash of the program (NORMAL in WAL mode
    // may lose the last commits). The cost is one more fsync per transaction; see the bench.
    Query::run(db, QStringLiteral("PRAGMA synchronous = FULL"));
    registerVietnameseCollation(db);
    m_actorSlot = registerActorFunction(db);
}

void Database::setSession(const Session &session)
{
    m_session = session;
    applyActor();
}

QString Database::actorName() const
{
    if (m_session.loggedIn())
        return m_session.username;
    // Without accounts the operating-system login still says who sat at the machine. $USER is
    // missing under cron, systemd and `env -i`: the password database then names the account,
    // so a change is never recorded without an actor.
    QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    if (login.isEmpty()) {
        if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
            login = QString::fromLocal8Bit(pw->pw_name);
        else
            login = QStringLiteral("uid-%1").arg(::geteuid());
    }
    return QStringLiteral("os:") + login;
}

void Database::applyActor()
{
    const QString actor = actorName();
    if (m_settings.backend == Backend::Sqlite) {
        if (m_actorSlot)
            m_actorSlot->actor = actor.toUtf8();
        return;
    }
    // Session-level (not transaction-local) setting: it holds until changed or disconnected.
    Query(sql(), QStringLiteral("SELECT set_config('vinhdanh.actor', :actor, false)")).bind(QStringLiteral(":actor"), actor).scalar();
}

} // namespace VinhDanh::Core
