#include "core/db/sqlfunctions.h"

#include "core/db/chainhash.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace VinhDanh::Core {

namespace {
void actorFunction(sqlite3_context *context, int, sqlite3_value **)
{
    const auto *slot = static_cast<const ActorSlot *>(sqlite3_user_data(context));
    if (slot->actor.isEmpty())
        sqlite3_result_null(context);
    else
        sqlite3_result_text(context, slot->actor.constData(), int(slot->actor.size()), SQLITE_TRANSIENT);
}

/// vd_audit_hash(previous_hash, at, actor, action, table_name, record_id, record_key,
/// old_values, new_values): the audit chain's row hash (core/audit/auditchain.h). A value's
/// text is what SQLite gives for it (an integer record_id as decimal), NULL stays NULL.
void auditHashFunction(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    ChainHash::Field fields[9];
    for (int i = 0; i < argc && i < 9; ++i) {
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
            continue;
        // _text before _bytes: SQLite's documented order for getting the UTF-8 length.
        fields[i].data = reinterpret_cast<const char *>(sqlite3_value_text(argv[i]));
        fields[i].size = sqlite3_value_bytes(argv[i]);
        if (!fields[i].data) {
            sqlite3_result_error_nomem(context);
            return;
        }
    }
    const QByteArray hex = ChainHash::hashFields(fields, 9).toLatin1();
    sqlite3_result_text(context, hex.constData(), int(hex.size()), SQLITE_TRANSIENT);
}

/// vd_bulk(table): 0 when bulk-write mode is off (the INSERT audit trigger then writes its
/// row); 1 when it is on, after counting the row for the table. Counting in the WHEN makes the
/// batch entry's "added" numbers what the database inserted, not what the importer claims.
/// Trap: SQLite evaluates a trigger's WHEN once per row, so each row counts once; but a
/// ROLLBACK TO a savepoint inside a bulk transaction does not take its counts back (the
/// importers roll back only the whole transaction, which clears them).
void bulkFunction(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    auto *slot = static_cast<ActorSlot *>(sqlite3_user_data(context));
    if (!slot->bulk || argc != 1) {
        sqlite3_result_int(context, 0);
        return;
    }
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    ++slot->bulkAdded[QByteArray(text ? text : "")];
    sqlite3_result_int(context, 1);
}

/// The end of any transaction switches bulk-write mode off: nothing can leave it on. A commit
/// while it is still on (BulkWrite::finish() never ran, so the new rows would have no audit
/// entry at all) is turned into a rollback: non-zero from the commit hook makes SQLite roll
/// back, and COMMIT fails with SQLITE_CONSTRAINT_COMMITHOOK.
int bulkOffOnCommit(void *data)
{
    auto *slot = static_cast<ActorSlot *>(data);
    const bool unrecorded = slot->bulk;
    slot->bulk = false;
    slot->bulkAdded.clear();
    return unrecorded ? 1 : 0;
}

void bulkOffOnRollback(void *data)
{
    auto *slot = static_cast<ActorSlot *>(data);
    slot->bulk = false;
    slot->bulkAdded.clear();
}

void destroySlot(void *slot)
{
    delete static_cast<ActorSlot *>(slot);
}
} // namespace

ActorSlot *registerActorFunction(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        throw DatabaseError(QCoreApplication::translate("Database", "The SQLite connection handle is not available."));
    sqlite3 *raw = *static_cast<sqlite3 *const *>(handle.constData());
    auto *slot = new ActorSlot;
    // Not SQLITE_DETERMINISTIC: the answer changes when someone logs in on this connection.
    const int rc = sqlite3_create_function_v2(raw, "vd_actor", 0, SQLITE_UTF8, slot, actorFunction, nullptr, nullptr, destroySlot);
    if (rc != SQLITE_OK) {
        // sqlite3_create_function_v2 calls xDestroy itself when it fails.
        throw DatabaseError(QCoreApplication::translate("Database", "Could not prepare the database connection for the audit log."),
                            QString::fromUtf8(sqlite3_errstr(rc)));
    }
    const int hashRc = sqlite3_create_function_v2(raw, "vd_audit_hash", 9, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                                  auditHashFunction, nullptr, nullptr, nullptr);
    if (hashRc != SQLITE_OK)
        throw DatabaseError(QCoreApplication::translate("Database", "Could not prepare the database connection for the audit log."),
                            QString::fromUtf8(sqlite3_errstr(hashRc)));
    // Not SQLITE_DETERMINISTIC either: its answer depends on the mode and it counts.
    const int bulkRc = sqlite3_create_function_v2(raw, "vd_bulk", 1, SQLITE_UTF8, slot, bulkFunction, nullptr, nullptr, nullptr);
    if (bulkRc != SQLITE_OK)
        throw DatabaseError(QCoreApplication::translate("Database", "Could not prepare the database connection for the audit log."),
                            QString::fromUtf8(sqlite3_errstr(bulkRc)));
    sqlite3_commit_hook(raw, bulkOffOnCommit, slot);
    sqlite3_rollback_hook(raw, bulkOffOnRollback, slot);
    return slot;
}

} // namespace VinhDanh::Core
