#pragma once

#include "core/workflow/workflowsql_p.h"

#include <QtGlobal>

namespace VinhDanh::Core {
class Database;
}

// Internal to the council repository's two files (councilrepository.cpp: sittings, members,
// closing; councilitems.cpp: nominees before a sitting, conflicts and tallies).
namespace VinhDanh::Core::Workflow::CouncilRows {

/// Refuses any change to a missing or closed sitting (the database refuses it too, but with
/// words meant for support, not for the secretary).
void requireOpen(const Database &db, qint64 sessionId);

} // namespace VinhDanh::Core::Workflow::CouncilRows
