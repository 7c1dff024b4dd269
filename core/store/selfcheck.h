#pragma once

#include <QString>
#include <QStringList>

namespace VinhDanh::Core {

class Database;

/// The database checks itself on open (issue 12 item 4). Anyone holding a SQLite file can
/// drop a guard or an audit trigger with any SQLite tool, and an owner of a PostgreSQL
/// schema can disable one; the program would then keep writing without its protections.
/// So every open compares:
///  - SQLite: PRAGMA quick_check (structure of the file) — on the first open of the day on
///    this computer, since it reads every page;
///  - the guard and audit triggers (and on PostgreSQL the trigger functions) with what the
///    schema version requires, built by the same code that installs them (AuditSchema::
///    auditObjects/guardObjects, WorkflowSchema::guards): on SQLite the CREATE text in
///    sqlite_master, whitespace normalised; on PostgreSQL each trigger's table, enabled
///    state, function, arguments and kind, and each function's body.
/// Triggers named audit_* or guard_* that the schema does not know are reported too; other
/// triggers are not ours and are left alone.
///
/// A new guard or audited table must be added where the expected set is built
/// (selfcheck.cpp, expectedObjects) — tests/core/selfcheck_test.cpp fails on a fresh database
/// otherwise. The trap the other way: changing the SQL text an installer builds changes what
/// every existing file is compared with, so such a change needs a migration step that
/// reinstalls those triggers — or existing files open read-only.
namespace SelfCheck {

/// What is wrong, one translated phrase each; empty when all is well. `scanFile` false skips
/// SQLite's quick_check, which reads every page (seconds on a province's file): Database runs
/// it on the first open of the day and compares the triggers (milliseconds) on every open.
QStringList problems(const Database &db, bool scanFile = true);

/// Runs problems() on a freshly opened, migrated database. When something is wrong, makes
/// the connection read-only (SQLite PRAGMA query_only; PostgreSQL default_transaction_read_only
/// for the session) and returns the translated sentence that names the problems and the way
/// back (restore from a backup); returns an empty string when the database is sound.
QString checkOnOpen(Database &db, bool scanFile = true);

} // namespace SelfCheck
} // namespace VinhDanh::Core
