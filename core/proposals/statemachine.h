#pragma once

#include "core/accounts/permissions.h"
#include "core/proposals/codes.h"

#include <QList>

// The dossier state machine as one table (statemachine.cpp), read by the repository that
// enforces it, the GUI that offers only the legal buttons, the CLI and the tests.
//
//   draft           --Submit-->          submitted
//   submitted       --Recall-->          draft            (until appraisal starts)
//   submitted       --StartAppraisal-->  under_appraisal
//   under_appraisal --Return-->          returned         (reason required)
//   returned        --Resubmit-->        submitted
//   under_appraisal --FinishAppraisal--> appraised        (every nominee appraised)
//   appraised       --PutToCouncil-->    before_council   (every agreed nominee on a sitting)
//   before_council  --Decide-->          decided          (every nominee has an outcome)
namespace VinhDanh::Core::Workflow::StateMachine {

/// The status a transition leads to from `from`, or false when it is not allowed from there.
bool target(Status from, Transition t, Status *to = nullptr);
/// The transitions allowed from a status, in the order buttons show them.
QList<Transition> allowedFrom(Status from);
/// Whether the transition needs a reason (Return).
bool needsReason(Transition t);
/// The refusal a clerk reads: "Không thể Rút lại hồ sơ ở trạng thái Đang thẩm định: …"
QString refusal(Status from, Transition t);
/// Content (nominees, checklist, attachments, title …) may change only in these statuses.
bool contentEditable(Status s);
/// The statuses of contentEditable() as an SQL list of their stored codes, "('draft', 'returned')",
/// for queries and the schema's guards: the rule is written here once, not as literals in SQL.
QString contentEditableSql();
/// The permission a transition needs: Submit/Recall/Resubmit EditDossiers (for the dossier's
/// unit), StartAppraisal/Return/FinishAppraisal AppraiseDossiers, PutToCouncil/Decide RunCouncil.
Permissions::Action requiredAction(Transition t);

} // namespace VinhDanh::Core::Workflow::StateMachine
