#pragma once

#include <QSqlDatabase>

namespace VinhDanh::Core {

/// RAII transaction: begins in the constructor, rolls back in the destructor unless
/// commit() was called. Every multi-statement write goes through one, so a failure
/// half-way leaves the database as it was.
/// Nesting is allowed (an import calls repositories that open their own): an inner
/// Transaction becomes a SAVEPOINT of the outer one, on SQLite and PostgreSQL alike, and
/// only the outermost commit makes the changes durable — and makes the database's change
/// notifier announce them (core/db/changes.h); a rollback announces nothing.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();
    /// Whether a Transaction is open on this connection (in this process). Statements that
    /// PostgreSQL refuses inside a transaction block (VACUUM) check it first: the refusal
    /// would abort the caller's transaction.
    static bool isOpen(const QSqlDatabase &db);

private:
    void rollback() noexcept;
    QSqlDatabase m_db;
    int m_depth = 0; // 0 = the real transaction; n > 0 = savepoint n
    bool m_done = false;
};

} // namespace VinhDanh::Core
