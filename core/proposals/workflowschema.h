#pragma once

#include "core/audit/auditschema.h"

#include <QList>

namespace VinhDanh::Core {
class Database;
}

/// Schema step 4's dialect part: audit triggers for the workflow tables and the guards that
/// make issued and submitted records read-only in the database itself (SQLite triggers and
/// PostgreSQL trigger functions alike):
///  - decisions: an issued row refuses UPDATE and DELETE;
///  - decision_awardees: rows of an issued decision refuse INSERT, UPDATE, DELETE;
///  - awards: a ledger row written by a decision (decision_id set) refuses UPDATE and DELETE;
///  - dossiers: once submitted (any status but draft/returned) the content columns, the key
///    and the register number refuse change (status moves on); only a draft can be deleted;
///  - dossier_nominees, nominee_checklist, dossier_attachments: refuse INSERT, UPDATE and
///    DELETE unless their dossier is draft or returned;
///  - dossier_events, nominee_outcomes: never updated or deleted;
///  - council_members, council_items, council_conflicts: frozen once the sitting is closed.
namespace VinhDanh::Core::WorkflowSchema {
void install(Database &db);
/// The guards above, as install() creates them (the self-check on open compares with these).
/// `registerNumbers` false: the dossiers guard as step 4 installs it, before step 14 added the
/// register number's columns (a trigger naming a missing column would fail); step 16 puts the
/// full one in its place, so a submitted dossier's register number is as fixed as its key.
QList<AuditSchema::Guard> guards(bool registerNumbers = true);
} // namespace VinhDanh::Core::WorkflowSchema
