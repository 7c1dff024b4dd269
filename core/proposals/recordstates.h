#pragma once

#include "core/proposals/codes.h"

#include <QList>
#include <QString>

// The statuses of council sittings and decisions, their stored codes, and what each status
// allows, as two small tables (recordstates.cpp) beside the dossier's (statemachine.h). The
// repositories enforce them; the pages and the CLI read them to offer only what is allowed; the
// database's guards (workflowschema.cpp) refuse the same changes again, in words for support.
//
//   sitting   open   --Change-->  open     header, members, attendance, items, conflicts, tallies
//             open   --Close-->   closed   (every item tallied: CouncilRepository::close)
//   decision  draft  --Change-->  draft    header, awardees, pricing, deleting the draft
//             draft  --Issue-->   issued   (signer, awardees, a free number: DecisionRepository::issue)
//             issued --Amend-->   issued   a new draft names it in amendsId; it stays as it is
//
// Nothing leads back: a closed sitting and an issued decision are frozen for good.
namespace VinhDanh::Core::Workflow {

/// What can happen to a council sitting.
enum class SittingAction { Change, Close };
/// What can happen to a decision.
enum class DecisionAction { Change, Issue, Amend };

/// "open" | "closed", as stored in council_sessions.status.
QString sittingStatusCode(SittingStatus s);
/// Throws Error naming the code and the known ones: a code this version does not know (a newer
/// version's, a hand edit) is never read as open or closed.
SittingStatus sittingStatusFromCode(const QString &code);
QList<SittingStatus> allSittingStatuses();
QList<SittingAction> allSittingActions();

/// "draft" | "issued", as stored in decisions.status.
QString decisionStatusCode(DecisionStatus s);
/// The stored code as an SQL literal ("'issued'").
QString decisionStatusSql(DecisionStatus s);
/// Throws Error naming the code and the known ones (see sittingStatusFromCode).
DecisionStatus decisionStatusFromCode(const QString &code);
QList<DecisionStatus> allDecisionStatuses();
QList<DecisionAction> allDecisionActions();

namespace SittingMachine {
/// Whether the action is allowed from `from`, and the status it leads to.
bool target(SittingStatus from, SittingAction a, SittingStatus *to = nullptr);
QList<SittingAction> allowedFrom(SittingStatus from);
/// Whether the sitting's record may still change (Change is allowed).
bool changeable(SittingStatus s);
/// Why the action is refused, as the secretary reads it (translated); empty when allowed.
QString refusal(SittingStatus from, SittingAction a);
/// Throws Error(refusal()) when the action is not allowed.
void require(SittingStatus from, SittingAction a);
} // namespace SittingMachine

namespace DecisionMachine {
/// Whether the action is allowed from `from`, and the status it leads to.
bool target(DecisionStatus from, DecisionAction a, DecisionStatus *to = nullptr);
QList<DecisionAction> allowedFrom(DecisionStatus from);
/// Whether the decision may still change (a draft).
bool changeable(DecisionStatus s);
/// Whether the decision is in force (issued): it has its final number and date, writes the
/// ledger, prints certificates and can be amended.
bool inForce(DecisionStatus s);
/// Why the action is refused, as the clerk reads it (translated); empty when allowed.
QString refusal(DecisionStatus from, DecisionAction a);
/// Throws Error(refusal()) when the action is not allowed.
void require(DecisionStatus from, DecisionAction a);
} // namespace DecisionMachine

} // namespace VinhDanh::Core::Workflow
