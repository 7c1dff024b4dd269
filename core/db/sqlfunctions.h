#pragma once

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>

namespace VinhDanh::Core {

/// What vd_actor() answers on one SQLite connection. SQLite owns it once registered and frees
/// it when the connection closes; Database keeps a pointer to change the text.
struct ActorSlot
{
    QByteArray actor; // UTF-8; empty = NULL
    // Bulk-write mode (core/audit/bulkwrite.h): while on, vd_bulk(table) answers 1, so the
    // tables' INSERT audit triggers stay silent, and counts the rows per table. The commit and
    // rollback hooks clear it, so it cannot outlive the transaction that switched it on.
    bool bulk = false;
    QHash<QByteArray, qint64> bulkAdded;
};

/// Registers vd_actor() on a SQLite connection: the audit triggers call it to record who made
/// each change. A connection without it cannot write audited tables ("no such function"),
/// which is the point: an anonymous writer is refused. PostgreSQL gets a SQL function of the
/// same name reading the session setting vinhdanh.actor (core/audit/auditschema.cpp).
/// It also registers vd_audit_hash() (9 arguments), the audit chain's row hash that the audit
/// triggers store in audit_log.row_hash (core/audit/auditchain.h has the encoding), and
/// vd_bulk(table), read in the WHEN of every INSERT audit trigger (see ActorSlot::bulk).
ActorSlot *registerActorFunction(const QSqlDatabase &db);

} // namespace VinhDanh::Core
