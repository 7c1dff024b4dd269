#include "core/db/transaction.h"

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
} // namespace

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db)), m_depth(enter(m_db.connectionName()))
{
    QString error;
    const bool ok = m_depth == 0 ? m_db.transaction() : execute(m_db, QStringLiteral("SAVEPOINT ") + savepoint(m_depth), &error);
    if (!ok) {
        leave(m_db.connectionName());
        m_done = true;
        throw Error(QCoreApplication::translate("Database", "Could not start a database transaction."),
                    m_depth == 0 ? m_db.lastError().text() : error);
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
        m_db.rollback();
    } else {
        execute(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepoint(m_depth));
        execute(m_db, QStringLiteral("RELEASE SAVEPOINT ") + savepoint(m_depth));
    }
    m_done = true;
    leave(m_db.connectionName());
}

void Transaction::commit()
{
    QString error;
    const bool ok = m_depth == 0 ? m_db.commit() : execute(m_db, QStringLiteral("RELEASE SAVEPOINT ") + savepoint(m_depth), &error);
    if (!ok) {
        if (m_depth == 0)
            error = m_db.lastError().text();
        rollback();
        throw Error(QCoreApplication::translate("Database", "Could not save the changes to the database."), error);
    }
    m_done = true;
    leave(m_db.connectionName());
}

} // namespace VinhDanh::Core
