#include "core/db/query.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QSqlError>

namespace VinhDanh::Core {

Query::Query(const QSqlDatabase &db, const QString &sql) : m_query(std::make_unique<QSqlQuery>(db)), m_sql(sql)
{
    m_query->setForwardOnly(true);
    if (!m_query->prepare(sql))
        fail(QStringLiteral("prepare"));
}

Query::~Query() = default;

Query &Query::bind(const QString &name, const QVariant &value)
{
    m_query->bindValue(name, value);
    return *this;
}

Query &Query::bindOptional(const QString &name, const QString &value)
{
    m_query->bindValue(name, value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value));
    return *this;
}

Query &Query::bindOptional(const QString &name, qint64 idOrZero)
{
    m_query->bindValue(name, idOrZero > 0 ? QVariant(idOrZero) : QVariant(QMetaType(QMetaType::LongLong)));
    return *this;
}

Query &Query::bindAt(int position, const QVariant &value)
{
    m_query->bindValue(position, value);
    return *this;
}

Query &Query::bindOptionalAt(int position, const QString &value)
{
    m_query->bindValue(position, value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value));
    return *this;
}

Query &Query::bindOptionalAt(int position, qint64 idOrZero)
{
    m_query->bindValue(position, idOrZero > 0 ? QVariant(idOrZero) : QVariant(QMetaType(QMetaType::LongLong)));
    return *this;
}

Query &Query::exec()
{
    if (!m_query->exec())
        fail(QStringLiteral("exec"));
    return *this;
}

bool Query::next()
{
    return m_query->next();
}

qint64 Query::insertReturningId()
{
    exec();
    if (!m_query->next())
        fail(QStringLiteral("returning"));
    const qint64 id = m_query->value(0).toLongLong();
    m_query->finish();
    return id;
}

QVariant Query::scalar(const QVariant &fallback)
{
    exec();
    const QVariant v = m_query->next() ? m_query->value(0) : fallback;
    m_query->finish();
    return v;
}

void Query::run(const QSqlDatabase &db, const QString &sql)
{
    // Executed directly, not prepared: PostgreSQL cannot PREPARE DDL (CREATE, PRAGMA…).
    QSqlQuery q(db);
    if (!q.exec(sql))
        raise(q, QStringLiteral("exec"), sql);
}

void Query::fail(const QString &what) const
{
    raise(*m_query, what, m_sql);
}

void Query::raise(const QSqlQuery &query, const QString &what, const QString &sql)
{
    const QSqlError err = query.lastError();
    const QString text = err.text().trimmed();
    // The SQLSTATE first: a timeout's text may name a foreign key it waited on.
    if (err.nativeErrorCode() == QLatin1String("55P03")) {
        // PostgreSQL's lock_timeout (ConnectionSettings::lockTimeoutMs): another program holds
        // the table, usually an import loading the office's first history (core/db/bulktuning.h).
        throw DatabaseError(QCoreApplication::translate("Database",
                                                        "Another program is using this data right now (for instance a large "
                                                        "import into the database), so nothing was done. Try again in a minute."),
                            text);
    }
    // Constraint violations reach the user as readable sentences; everything else keeps the
    // driver's words as detail so support can see them.
    if (text.contains(QLatin1String("FOREIGN KEY"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("foreign key"), Qt::CaseInsensitive)) {
        throw DatabaseError(QCoreApplication::translate(
                                "Database", "The record is still used by other records, or refers to a record that does not exist."),
                            text);
    }
    if (text.contains(QLatin1String("vinhdanh-protected"))) {
        // A guard trigger (core/audit/auditschema.h) refused to change a protected row.
        throw DatabaseError(QCoreApplication::translate("Database",
                                                        "This record is protected and can no longer be changed or deleted; "
                                                        "record a correction as a new record instead."),
                            text);
    }
    if (text.contains(QLatin1String("readonly database"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("read-only transaction"), Qt::CaseInsensitive)) {
        // SQLite's PRAGMA query_only / PostgreSQL's default_transaction_read_only, set when the
        // self-check on open failed (core/store/selfcheck.h), or a file opened without write access.
        throw DatabaseError(QCoreApplication::translate(
                                "Database", "The database is open read-only, so nothing was saved. If its check on opening failed, "
                                            "restore it from a backup: File ▸ Restore from a backup… or vinhdanh-cli restore."),
                            text);
    }
    if (text.contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("duplicate key"), Qt::CaseInsensitive)) {
        throw DatabaseError(QCoreApplication::translate("Database", "A record with the same key already exists."), text);
    }
    // Logged here because a caller may show only the message; the detail names the statement.
    qCInfo(vinhdanhCore).noquote() << "statement failed:" << what << text << sql.simplified().left(200);
    throw DatabaseError(QCoreApplication::translate("Database", "The database could not carry out the operation."),
                        what + QStringLiteral(": ") + text + QStringLiteral(" — ") + sql.simplified().left(200));
}

} // namespace VinhDanh::Core
