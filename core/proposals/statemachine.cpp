#include "core/proposals/statemachine.h"

#include <QCoreApplication>
#include <QStringList>

namespace VinhDanh::Core::Workflow::StateMachine {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Workflow)
};

struct Edge
{
    Status from;
    Transition transition;
    Status to;
};
// The whole state machine. Order = the order buttons appear in.
const Edge kEdges[] = {
    {Status::Draft, Transition::Submit, Status::Submitted},
    {Status::Submitted, Transition::StartAppraisal, Status::UnderAppraisal},
    {Status::Submitted, Transition::Recall, Status::Draft},
    {Status::UnderAppraisal, Transition::FinishAppraisal, Status::Appraised},
    {Status::UnderAppraisal, Transition::Return, Status::Returned},
    {Status::Returned, Transition::Resubmit, Status::Submitted},
    {Status::Appraised, Transition::PutToCouncil, Status::BeforeCouncil},
    {Status::BeforeCouncil, Transition::Decide, Status::Decided},
};
} // namespace

bool target(Status from, Transition t, Status *to)
{
    for (const Edge &e : kEdges)
        if (e.from == from && e.transition == t) {
            if (to)
                *to = e.to;
            return true;
        }
    return false;
}

QList<Transition> allowedFrom(Status from)
{
    QList<Transition> out;
    for (const Edge &e : kEdges)
        if (e.from == from)
            out << e.transition;
    return out;
}

bool needsReason(Transition t)
{
    return t == Transition::Return;
}

QString refusal(Status from, Transition t)
{
    QString why;
    if (t == Transition::Recall && from != Status::Draft)
        why = Tr::tr("a dossier can be recalled only while it is submitted, before appraisal starts.");
    else if (!contentEditable(from) && (t == Transition::Submit))
        why = Tr::tr("it has already been submitted.");
    else if (from == Status::Decided)
        why = Tr::tr("the dossier is decided; nothing more can happen to it.");
    QStringList legal;
    for (Transition a : allowedFrom(from))
        legal << transitionLabel(a);
    if (why.isEmpty())
        why = legal.isEmpty() ? Tr::tr("no action is possible from this status.")
                              : Tr::tr("from this status you can only: %1.").arg(legal.join(QStringLiteral(", ")));
    return Tr::tr("Cannot %1 a dossier that is %2: %3").arg(transitionLabel(t).toLower(), statusLabel(from).toLower(), why);
}

bool contentEditable(Status s)
{
    return s == Status::Draft || s == Status::Returned;
}

QString contentEditableSql()
{
    QStringList codes;
    for (Status s : allStatuses())
        if (contentEditable(s))
            codes << statusSql(s);
    return QLatin1Char('(') + codes.join(QStringLiteral(", ")) + QLatin1Char(')');
}

Permissions::Action requiredAction(Transition t)
{
    using Permissions::Action;
    switch (t) {
    case Transition::Submit:
    case Transition::Recall:
    case Transition::Resubmit: return Action::EditDossiers;
    case Transition::StartAppraisal:
    case Transition::Return:
    case Transition::FinishAppraisal: return Action::AppraiseDossiers;
    case Transition::PutToCouncil:
    case Transition::Decide: break;
    }
    return Action::RunCouncil;
}

} // namespace VinhDanh::Core::Workflow::StateMachine
