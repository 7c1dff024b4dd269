#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core {

class Database;

/// The database side of "who did what": triggers that write audit_log in the same transaction
/// as every change, and guards that make rows refuse UPDATE and DELETE. Both are enforced by
/// the database itself (SQLite triggers; PL/pgSQL triggers on PostgreSQL), so no program path
/// — GUI, CLI, import or a stray SQL tool on our connection — can bypass them.
namespace AuditSchema {

/// A table the audit log follows, the column that identifies a row and the one that names it.
struct AuditedTable
{
    const char *table;
    const char *idColumn;  // "id", "initiative_id" for the holder links, nullptr for a text key
    const char *keyColumn; // "ext_key", "username", or nullptr
    int schemaStep = 2;    // the migration step that creates the table (and its triggers)
};
const QList<AuditedTable> &auditedTables();

/// Columns never copied into audit_log: derived search text and the password hash.
QStringList excludedColumns();

/// Tables deliberately not audited, each with the reason (English, for the docs and tests).
/// Every other table of the schema must be in auditedTables() (tests/core/selfcheck_test.cpp).
struct ExemptTable
{
    const char *table;
    const char *reason;
};
const QList<ExemptTable> &exemptTables();

/// One trigger or function the schema requires, as built by the code that installs it, so
/// the self-check on open (core/store/selfcheck.h) compares the database with the same text.
struct DbObject
{
    enum class Kind { Trigger, Function };
    Kind kind = Kind::Trigger;
    QString name;
    QString table; // a trigger's table
    QString sql;   // the statement that creates it (SQLite compares this with sqlite_master)
    // PostgreSQL, compared with pg_trigger / pg_proc: a trigger's function, arguments and
    // tgtype bits (1 row, 2 before, 4 insert, 8 delete, 16 update, 32 truncate); a function's body.
    QString function;
    QStringList arguments;
    int pgType = 0;
    QString body;
    QString when;     // PostgreSQL: a trigger's WHEN as pg_get_triggerdef() prints it (empty: none)
    QString newTable; // PostgreSQL: a statement trigger's transition table (REFERENCING NEW TABLE AS)
};

/// Whether audit_log has its hash chain column (schema version 6 on). The triggers written
/// before then have no row_hash; the migration to 6 rebuilds every one of them.
bool chained(const Database &db);

/// (Re)creates the insert/update/delete audit triggers of one table. On SQLite the triggers
/// name the table's columns (json_object), so a later migration that adds columns to an
/// audited table must call this again for it; PostgreSQL's to_jsonb(NEW) follows by itself.
void installAudit(Database &db, const AuditedTable &table);
QList<DbObject> auditObjects(const Database &db, const AuditedTable &table);

/// A rule that makes rows of a table refuse changes, checked by the database.
/// Issue 4 uses it for issued decisions, their awardees and ledger entries, and submitted
/// dossiers, e.g. {"decisions", "issued decision", true, "OLD.status = 'issued'", true,
/// "OLD.status = 'issued'"}. Conditions are SQL over OLD (NEW for updates and inserts) that
/// both SQLite and PostgreSQL accept, subqueries included (on PostgreSQL a conditional guard
/// runs in its own trigger function, since a trigger's WHEN may not hold a subquery); an
/// empty condition means "always".
struct Guard
{
    QString table;
    QString reason; // short English words; the error detail reads "vinhdanh-protected: <reason>"
    bool refuseUpdate = true;
    QString updateWhen;
    bool refuseDelete = true;
    QString deleteWhen;
    bool refuseInsert = false;
    QString insertWhen;
};
void installGuard(Database &db, const Guard &guard);
QList<DbObject> guardObjects(const Database &db, const Guard &guard);
/// audit_log's own guard: rows refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL).
Guard auditLogGuard();
/// import_batches' guard (schema version 11): a batch's record, like its audit entry, stays.
Guard importBatchGuard();

/// The functions the triggers call on PostgreSQL (vd_actor, vd_now, vd_audit, vd_refuse).
/// On SQLite vd_actor() is registered per connection (core/db/sqlfunctions.h) instead.
void installPostgresFunctions(Database &db);
QList<DbObject> postgresFunctionObjects(const Database &db);

/// Creates objects built above (functions and triggers, in order). Triggers of the same name
/// must have been dropped first (installAudit/installGuard do that).
void create(Database &db, const QList<DbObject> &objects);
/// Drops a trigger if it is there.
void dropTrigger(const Database &db, const QString &name, const QString &table);

/// Migration step 2's trigger part: audit on its tables (schemaStep 2), audit_log guarded.
void installAll(Database &db);

/// The marker at the start of a guard's error text, recognised by Query to explain it.
inline constexpr const char *kProtectedMarker = "vinhdanh-protected";

} // namespace AuditSchema
} // namespace VinhDanh::Core
