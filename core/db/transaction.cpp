#include "core/db/transaction.h"

#include "core/db/changes.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>

namespace VinhDanh::Core {

namespace {
// Open transaction depth per connection name. A connection lives in one thread, but
// different threads may hold different connections, hence the mutex.
QMutex g_mutex;
QHash<QString, int> g_depth;

int enter(const QString &connection)
{
    QMutexLocker lock(&g_mutex);
    return g_depth[connection]++;
}

void leave(const QString &connection)
{
    QMutexLocker lock(&g_mutex);
    if (--g_depth[connection] <= 0)
        g_depth.remove(connection);
}

QString savepoint(int depth)
{
    return QStringLiteral("vd_sp_%1").arg(depth);
}

bool execute(const QSqlDatabase &db, const QString &sql, QString *error = nullptr)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

bool isSqlite(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QSQLITE");
}

/// Starts the outermost transaction. On SQLite it is BEGIN IMMEDIATE: a deferred BEGIN reads
/// first and upgrades to a write lock later, and SQLite answers such an upgrade with "database
/// is locked" at once instead of waiting out the busy timeout, so concurrent writers (two
/// clerks, a CLI import beside the GUI) would fail instead of queueing. IMMEDIATE takes the
/// write lock up front, where the busy timeout applies.
bool begin(QSqlDatabase &db, QString *error)
{
    if (!isSqlite(db)) {
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        // A write queues behind another program's write for up to 30 s, as SQLite's busy
        // timeout has it (core/db/database.cpp): the audit chain's lock and the gold book's are
        // held until their transaction commits, a print or an import for seconds. A read
        // outside a transaction waits only the session's shorter lock timeout
        // (ConnectionSettings::lockTimeoutMs): a list being browsed says "in use" sooner.
        if (execute(db, QStringLiteral("SET LOCAL lock_timeout = 30000"), error))
            return true;
        db.rollback(); // not left open behind a failed start
        return false;
    }
    return execute(db, QStringLiteral("BEGIN IMMEDIATE"), error);
}

bool isBusy(const QString &error)
{
    return error.contains(QLatin1String("database is locked"), Qt::CaseInsensitive)
           || error.contains(QLatin1String("database is busy"), Qt::CaseInsensitive);
}
} // namespace

bool Transaction::isOpen(const QSqlDatabase &db)
{
    QMutexLocker lock(&g_mutex);
    return g_depth.value(db.connectionName()) > 0;
}

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db)), m_depth(enter(m_db.connectionName()))
{
    QString error;
    const bool ok = m_depth == 0 ? begin(m_db, &error) : execute(m_db, QStringLiteral("SAVEPOINT ") + savepoint(m_depth), &error);
    if (!ok) {
        leave(m_db.connectionName());
        m_done = true;
        // With PRAGMA query_only (a file that failed its check on opening) SQLite refuses
        // BEGIN IMMEDIATE itself, before any statement could explain it.
        if (error.contains(QLatin1String("readonly database"), Qt::CaseInsensitive))
            throw DatabaseError(
                QCoreApplication::translate("Database",
                                            "The database is open read-only, so nothing was saved. If its check on opening failed, "
                                            "restore it from a backup: File ▸ Restore from a backup… or vinhdanh-cli restore."),
                error);
        if (isBusy(error))
            throw DatabaseError(
                QCoreApplication::translate("Database",
                                            "The database is busy: another program kept it locked for longer than the wait allows. "
                                            "Nothing was changed; try again in a moment."),
                error);
        throw DatabaseError(QCoreApplication::translate("Database", "Could not start a database transaction."), error);
    }
    // The database's change notifier (core/db/changes.h) follows the transaction from here.
    if (ChangeNotifier *changes = ChangeNotifier::forConnection(m_db.connectionName())) {
        try {
            if (m_depth == 0)
                changes->transactionBegun();
            else
                changes->savepointBegun(m_depth);
        } catch (...) {
            rollback();
            throw;
        }
    }
}

Transaction::~Transaction()
{
    if (!m_done)
        rollback();
}

void Transaction::rollback() noexcept
{
    if (m_depth == 0) {
        if (isSqlite(m_db))
            execute(m_db, QStringLiteral("ROLLBACK"));
        else
            m_db.rollback();
    } else {
        execute(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepoint(m_depth));
        execute(m_db, QStringLiteral("RELEASE SAVEPOINT ") + savepoint(m_depth));
    }
    m_done = true;
    leave(m_db.connectionName());
    if (ChangeNotifier *changes = ChangeNotifier::forConnection(m_db.connectionName())) {
        if (m_depth == 0)
            changes->rolledBack();
        else
            changes->savepointRolledBack(m_depth);
    }
}

void Transaction::commit()
{
    ChangeNotifier *changes = m_depth == 0 ? ChangeNotifier::forConnection(m_db.connectionName()) : nullptr;
    if (changes) {
        // What the transaction changed is read inside it (and PostgreSQL's NOTIFY queued there).
        try {
            changes->beforeCommit();
        } catch (...) {
            rollback();
            throw;
        }
    }
    QString error;
    bool ok = false;
    if (m_depth > 0)
        ok = execute(m_db, QStringLiteral("RELEASE SAVEPOINT ") + savepoint(m_depth), &error);
    else if (isSqlite(m_db))
        ok = execute(m_db, QStringLiteral("COMMIT"), &error);
    else if (!(ok = m_db.commit()))
        error = m_db.lastError().text();
    if (!ok) {
        rollback();
        throw DatabaseError(QCoreApplication::translate("Database", "Could not save the changes to the database."), error);
    }
    m_done = true;
    leave(m_db.connectionName());
    // Announced after the transaction is closed, so a subscriber that writes starts a new one.
    if (changes)
        changes->committed();
}

} // namespace VinhDanh::Core
