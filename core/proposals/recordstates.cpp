// The statuses of council sittings and decisions: stored codes and the two state tables
// (recordstates.h draws them).
#include "core/proposals/recordstates.h"

#include "core/error.h"

#include <QCoreApplication>

namespace VinhDanh::Core::Workflow {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Workflow)
};

template<typename S>
struct CodeRow
{
    S status;
    const char *code;
};
// The codes are the CHECK constraints' values in 004_workflow.sql: never rename one.
const CodeRow<SittingStatus> kSittingCodes[] = {{SittingStatus::Open, "open"}, {SittingStatus::Closed, "closed"}};
const CodeRow<DecisionStatus> kDecisionCodes[] = {{DecisionStatus::Draft, "draft"}, {DecisionStatus::Issued, "issued"}};

template<typename S, typename A>
struct Edge
{
    S from;
    A action;
    S to;
};
// The whole of each machine: an action not listed from a status is refused.
const Edge<SittingStatus, SittingAction> kSittingEdges[] = {
    {SittingStatus::Open, SittingAction::Change, SittingStatus::Open},
    {SittingStatus::Open, SittingAction::Close, SittingStatus::Closed},
};
const Edge<DecisionStatus, DecisionAction> kDecisionEdges[] = {
    {DecisionStatus::Draft, DecisionAction::Change, DecisionStatus::Draft},
    {DecisionStatus::Draft, DecisionAction::Issue, DecisionStatus::Issued},
    {DecisionStatus::Issued, DecisionAction::Amend, DecisionStatus::Issued},
};

template<typename S, size_t N>
QString codeOf(const CodeRow<S> (&rows)[N], S s)
{
    for (const CodeRow<S> &r : rows)
        if (r.status == s)
            return QString::fromLatin1(r.code);
    return {};
}

/// The status of a code; false for a code not in the table (`known` then lists the codes).
template<typename S, size_t N>
bool statusOf(const CodeRow<S> (&rows)[N], const QString &code, S *out, QString *known)
{
    QStringList codes;
    for (const CodeRow<S> &r : rows) {
        if (code == QLatin1String(r.code)) {
            *out = r.status;
            return true;
        }
        codes << QString::fromLatin1(r.code);
    }
    *known = codes.join(QStringLiteral(", "));
    return false;
}

template<typename S, typename A, size_t N>
bool edgeTarget(const Edge<S, A> (&edges)[N], S from, A a, S *to)
{
    for (const Edge<S, A> &e : edges)
        if (e.from == from && e.action == a) {
            if (to)
                *to = e.to;
            return true;
        }
    return false;
}

template<typename S, typename A, size_t N>
QList<A> edgesFrom(const Edge<S, A> (&edges)[N], S from)
{
    QList<A> out;
    for (const Edge<S, A> &e : edges)
        if (e.from == from)
            out << e.action;
    return out;
}
} // namespace

QString sittingStatusCode(SittingStatus s)
{
    return codeOf(kSittingCodes, s);
}

SittingStatus sittingStatusFromCode(const QString &code)
{
    SittingStatus s = SittingStatus::Open;
    QString known;
    if (!statusOf(kSittingCodes, code, &s, &known))
        throw Error(Tr::tr("A council sitting has the status \"%1\", which this version does not know (it knows: %2). "
                           "It may have been written by a newer version of the program.")
                        .arg(code, known));
    return s;
}

QList<SittingStatus> allSittingStatuses()
{
    return {SittingStatus::Open, SittingStatus::Closed};
}

QList<SittingAction> allSittingActions()
{
    return {SittingAction::Change, SittingAction::Close};
}

QString decisionStatusCode(DecisionStatus s)
{
    return codeOf(kDecisionCodes, s);
}

QString decisionStatusSql(DecisionStatus s)
{
    return QLatin1Char('\'') + decisionStatusCode(s) + QLatin1Char('\'');
}

DecisionStatus decisionStatusFromCode(const QString &code)
{
    DecisionStatus s = DecisionStatus::Draft;
    QString known;
    if (!statusOf(kDecisionCodes, code, &s, &known))
        throw Error(Tr::tr("A decision has the status \"%1\", which this version does not know (it knows: %2). "
                           "It may have been written by a newer version of the program.")
                        .arg(code, known));
    return s;
}

QList<DecisionStatus> allDecisionStatuses()
{
    return {DecisionStatus::Draft, DecisionStatus::Issued};
}

QList<DecisionAction> allDecisionActions()
{
    return {DecisionAction::Change, DecisionAction::Issue, DecisionAction::Amend};
}

namespace SittingMachine {

bool target(SittingStatus from, SittingAction a, SittingStatus *to)
{
    return edgeTarget(kSittingEdges, from, a, to);
}

QList<SittingAction> allowedFrom(SittingStatus from)
{
    return edgesFrom(kSittingEdges, from);
}

bool changeable(SittingStatus s)
{
    return target(s, SittingAction::Change);
}

QString refusal(SittingStatus from, SittingAction a)
{
    if (target(from, a))
        return {};
    // Only a closed sitting refuses anything; closing it again says the same.
    return Tr::tr("The council sitting is closed, so its minutes can no longer change. "
                  "Record further votes at a new sitting.");
}

void require(SittingStatus from, SittingAction a)
{
    if (!target(from, a))
        throw Error(refusal(from, a));
}

} // namespace SittingMachine

namespace DecisionMachine {

bool target(DecisionStatus from, DecisionAction a, DecisionStatus *to)
{
    return edgeTarget(kDecisionEdges, from, a, to);
}

QList<DecisionAction> allowedFrom(DecisionStatus from)
{
    return edgesFrom(kDecisionEdges, from);
}

bool changeable(DecisionStatus s)
{
    return target(s, DecisionAction::Change);
}

bool inForce(DecisionStatus s)
{
    return s == DecisionStatus::Issued;
}

QString refusal(DecisionStatus from, DecisionAction a)
{
    if (target(from, a))
        return {};
    if (a == DecisionAction::Amend) // from a draft: change the draft itself
        return Tr::tr("Only an issued decision can be amended; choose the issued decision this one corrects.");
    // Changing or issuing an issued decision (issuing twice would write the ledger twice).
    return Tr::tr("The decision is issued and can no longer be changed; issue an amending decision instead.");
}

void require(DecisionStatus from, DecisionAction a)
{
    if (!target(from, a))
        throw Error(refusal(from, a));
}

} // namespace DecisionMachine

} // namespace VinhDanh::Core::Workflow
