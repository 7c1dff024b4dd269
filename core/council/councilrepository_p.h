#pragma once

#include "core/proposals/recordstates.h"
#include "core/proposals/workflowsql_p.h"

#include <QtGlobal>

namespace VinhDanh::Core {
class Database;
}

// Internal to the council repository's two files (councilrepository.cpp: sittings, members,
// closing; councilitems.cpp: nominees before a sitting, conflicts and tallies).
namespace VinhDanh::Core::Workflow::CouncilRows {

/// Refuses the action on a missing sitting or one whose status SittingMachine does not allow it
/// from (the database refuses changes to a closed one too, but with words meant for support,
/// not for the secretary); returns the status.
SittingStatus requireAllowed(const Database &db, qint64 sessionId, SittingAction action);
/// Refuses any change to a missing or closed sitting (requireAllowed with Change).
void requireOpen(const Database &db, qint64 sessionId);

} // namespace VinhDanh::Core::Workflow::CouncilRows
