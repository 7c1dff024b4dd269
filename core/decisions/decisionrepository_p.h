#pragma once

#include "core/proposals/workflowsql_p.h"

#include "core/decisions/decision.h"
#include "core/decisions/decisionrepository.h"
#include "core/proposals/recordstates.h"

#include <QtGlobal>

namespace VinhDanh::Core {
class Database;
}

// Internal to the decision repository's two files (decisionrepository.cpp: the register,
// drafts and their lists; decisionissue.cpp: pricing and issuing).
namespace VinhDanh::Core::Workflow::DecisionRows {

/// The person/unit, form and kind a nominee was proposed with; Error when it is gone.
Awardee nomineeAsAwardee(const Database &db, qint64 nomineeId);
/// Checks a new awardee and completes its recipient (individual for a person, collective for
/// a unit).
void validateAwardee(const Database &db, Awardee &a);
/// Appends the awardee to the decision's list; returns its id.
qint64 insertAwardee(Database &db, qint64 decisionId, const Awardee &a);
/// Throws Error unless the decision exists and DecisionMachine allows the action from its
/// status; returns the status.
DecisionStatus requireAllowed(const Database &db, qint64 decisionId, DecisionAction action);
/// Throws Error unless the decision exists and is still a draft (requireAllowed with Change).
void requireDraft(const Database &db, qint64 decisionId);
/// Prices every awardee at the decision date and stores the amounts, base salary and total.
/// No permission check: price() (drafting) and issue() (signing) both use it.
void priceDecision(Database &db, qint64 decisionId);

/// The awardees with the coefficient and amount in force on the decision's date, worked out
/// without writing. Strict: an Error naming what is missing (the date, a base salary, a
/// coefficient). Partial: what is missing leaves amount −1 and the awardee in `unpriced`.
/// The program's one pricing: price(), issue(), pricing() and the draft's documents.
enum class PriceMode { Strict, Partial };
DecisionRepository::Pricing computePrices(Database &db, qint64 decisionId, PriceMode mode = PriceMode::Strict);

} // namespace VinhDanh::Core::Workflow::DecisionRows
