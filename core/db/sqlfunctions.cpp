#include "core/db/sqlfunctions.h"

#include "core/audit/auditchain.h"
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
    AuditChain::Field fields[9];
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
    const QByteArray hex = AuditChain::hashFields(fields, 9).toLatin1();
    sqlite3_result_text(context, hex.constData(), int(hex.size()), SQLITE_TRANSIENT);
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
        throw Error(QCoreApplication::translate("Database", "The SQLite connection handle is not available."));
    sqlite3 *raw = *static_cast<sqlite3 *const *>(handle.constData());
    auto *slot = new ActorSlot;
    // Not SQLITE_DETERMINISTIC: the answer changes when someone logs in on this connection.
    const int rc = sqlite3_create_function_v2(raw, "vd_actor", 0, SQLITE_UTF8, slot, actorFunction, nullptr, nullptr,
                                              destroySlot);
    if (rc != SQLITE_OK) {
        // sqlite3_create_function_v2 calls xDestroy itself when it fails.
        throw Error(QCoreApplication::translate("Database", "Could not prepare the database connection for the audit log."),
                    QString::fromUtf8(sqlite3_errstr(rc)));
    }
    const int hashRc = sqlite3_create_function_v2(raw, "vd_audit_hash", 9, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                                  auditHashFunction, nullptr, nullptr, nullptr);
    if (hashRc != SQLITE_OK)
        throw Error(QCoreApplication::translate("Database", "Could not prepare the database connection for the audit log."),
                    QString::fromUtf8(sqlite3_errstr(hashRc)));
    return slot;
}

} // namespace VinhDanh::Core
