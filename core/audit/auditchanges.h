#pragma once

#include "core/db/changes.h"

#include <QList>

namespace VinhDanh::Core {

class Database;

/// Where the change notifier (core/db/changes.h) learns what a transaction changed: the audit
/// log, which the database's own triggers write for every change of an audited table, in the
/// same transaction — so no repository has to announce its writes one by one.
namespace AuditChanges {

/// The newest audit row now (inside the transaction that is starting).
qint64 mark(const Database &db);
/// The records behind the audit rows written after `mark`, read just before the commit. A
/// savepoint rolled back has taken its rows with it. Past MaxRecords rows (a demo, a big
/// unbulked write) only the tables and kinds are given, without ids.
/// On PostgreSQL the rows of another clerk's transaction that committed meanwhile are included
/// too: a view reads again once more than needed, never once less.
QList<Change> since(const Database &db, qint64 mark);

inline constexpr int MaxRecords = 10000;

/// Sets the audit log as `db`'s change source.
void attach(Database &db);

} // namespace AuditChanges
} // namespace VinhDanh::Core
