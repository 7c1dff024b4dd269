#include "core/db/sqlfunctions.h"

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
    return slot;
}

} // namespace VinhDanh::Core
