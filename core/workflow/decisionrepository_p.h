#pragma once

#include "core/workflow/workflowsql_p.h"

#include <QtGlobal>

namespace VinhDanh::Core {
class Database;
}

// Internal to the decision repository's two files (decisionrepository.cpp: the register,
// drafts and their lists; decisionissue.cpp: pricing and issuing).
namespace VinhDanh::Core::Workflow::DecisionRows {

/// Throws Error unless the decision exists and is still a draft.
void requireDraft(const Database &db, qint64 decisionId);
/// Prices every awardee at the decision date and stores the amounts, base salary and total.
/// No permission check: price() (drafting) and issue() (signing) both use it.
void priceDecision(Database &db, qint64 decisionId);

} // namespace VinhDanh::Core::Workflow::DecisionRows
