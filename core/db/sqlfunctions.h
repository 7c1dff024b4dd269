#pragma once

#include <QByteArray>
#include <QSqlDatabase>

namespace VinhDanh::Core {

/// What vd_actor() answers on one SQLite connection. SQLite owns it once registered and frees
/// it when the connection closes; Database keeps a pointer to change the text.
struct ActorSlot
{
    QByteArray actor; // UTF-8; empty = NULL
};

/// Registers vd_actor() on a SQLite connection: the audit triggers call it to record who made
/// each change. A connection without it cannot write audited tables ("no such function"),
/// which is the point: an anonymous writer is refused. PostgreSQL gets a SQL function of the
/// same name reading the session setting vinhdanh.actor (core/audit/auditschema.cpp).
/// It also registers vd_audit_hash() (9 arguments), the audit chain's row hash that the audit
/// triggers store in audit_log.row_hash (core/audit/auditchain.h has the encoding).
ActorSlot *registerActorFunction(const QSqlDatabase &db);

} // namespace VinhDanh::Core
