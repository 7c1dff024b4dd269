// The arithmetic of a council sitting: quorum and the threshold of a tally.
#include "core/workflow/workflow.h"

#include <QCoreApplication>

namespace VinhDanh::Core::Workflow::Council {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Workflow)
};
} // namespace

bool quorumMet(int members, int attended, int num, int den)
{
    if (members <= 0 || den <= 0)
        return false;
    // attended / members ≥ num / den, in integers (no rounding of two thirds).
    return qint64(attended) * den >= qint64(members) * num;
}

TallyOutcome evaluate(const Threshold &threshold, const TallyInput &in)
{
    TallyOutcome out;
    const bool ofMembers = threshold.basis == QLatin1String("members");
    // Who may cast a ballot on this nominee: with basis "members", absent members' written
    // opinions count too; members with a conflict of interest are left out either way.
    out.voters = ofMembers ? in.members - in.conflictedMembers : in.present - in.conflictedPresent;
    out.base = out.voters;
    if (in.agree < 0 || in.disagree < 0 || in.abstain < 0) {
        out.problem = Tr::tr("Vote counts cannot be negative.");
        return out;
    }
    const int ballots = in.agree + in.disagree + in.abstain;
    if (ballots > out.voters) {
        out.problem = Tr::tr("%1 ballots were counted, but only %2 members could vote on this nominee.")
                          .arg(ballots)
                          .arg(out.voters);
        return out;
    }
    if (out.base <= 0) {
        out.problem = Tr::tr("No member can vote on this nominee.");
        return out;
    }
    out.valid = true;
    const qint64 lhs = qint64(in.agree) * 100;
    const qint64 rhs = qint64(threshold.percent) * out.base;
    out.passed = threshold.strictlyMore ? lhs > rhs : lhs >= rhs;
    return out;
}

} // namespace VinhDanh::Core::Workflow::Council
