#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

namespace VinhDanh::Core {

/// A prepared statement that throws Error on any failure, so no exec() goes unchecked.
/// Bind by name (":name"); Qt emulates named placeholders on QPSQL, so avoid the
/// PostgreSQL "::type" cast syntax in SQL text (it would be read as a placeholder).
class Query
{
public:
    Query(const QSqlDatabase &db, const QString &sql);
    ~Query();
    Query(Query &&) noexcept = default;
    Query &operator=(Query &&) = delete;
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;

    Query &bind(const QString &name, const QVariant &value);
    /// Binds a null for an empty string: optional text columns store NULL, not ''.
    Query &bindOptional(const QString &name, const QString &value);
    Query &bindOptional(const QString &name, qint64 idOrZero);
    /// The same by the placeholder's position (0 = the first in the SQL text). For statements
    /// with thousands of placeholders (multi-row INSERTs): Qt 6.4 finds a named placeholder by a
    /// linear search, so binding all of them by name costs their number squared.
    Query &bindAt(int position, const QVariant &value);
    Query &bindOptionalAt(int position, const QString &value);
    Query &bindOptionalAt(int position, qint64 idOrZero);
    Query &exec();
    bool next();
    QVariant value(int column) const { return m_query->value(column); }
    QVariant value(const QString &name) const { return m_query->value(name); }
    qint64 id(int column) const { return m_query->value(column).toLongLong(); }
    QString text(int column) const { return m_query->value(column).toString(); }
    int integer(int column) const { return m_query->value(column).toInt(); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    QSqlQuery &raw() { return *m_query; }

    /// Runs an INSERT … RETURNING id and gives the new id (works on SQLite ≥ 3.35 and PostgreSQL).
    qint64 insertReturningId();
    /// Runs the statement and gives the first column of its single row, or `fallback` if none.
    QVariant scalar(const QVariant &fallback = {});

    /// One-shot statement without parameters (DDL and pragmas included).
    static void run(const QSqlDatabase &db, const QString &sql);

private:
    [[noreturn]] void fail(const QString &what) const;
    [[noreturn]] static void raise(const QSqlQuery &query, const QString &what, const QString &sql);
    std::unique_ptr<QSqlQuery> m_query;
    QString m_sql;
};

} // namespace VinhDanh::Core
