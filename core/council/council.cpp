// The arithmetic of a council sitting: quorum and the threshold of a tally.
#include "core/council/sitting.h"

#include "core/error.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QRegularExpression>

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

QTime timeOfDay(const QString &text)
{
    const QString t = Text::clean(text).toLower();
    if (t.isEmpty())
        return {};
    // "8:00", "08:00", "8h30", "8h", "08 giờ 30", "08 giờ 30 phút": hours 0–23, minutes 00–59.
    static const QRegularExpression form(QStringLiteral("^(\\d{1,2})\\s*(?::|h|\\.|giờ)\\s*(?:(\\d{2})\\s*(?:phút)?)?$"));
    const QRegularExpressionMatch m = form.match(t);
    const QTime time = m.hasMatch() ? QTime(m.captured(1).toInt(), m.captured(2).toInt()) : QTime();
    if (!time.isValid())
        throw Error(Tr::tr("“%1” is not a time of day: write it as hh:mm, from 00:00 to 23:59 (for example 08:00 or 14:30).")
                        .arg(text.trimmed()));
    return time;
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
        out.problem = Tr::tr("%1 ballots were counted, but only %2 members could vote on this nominee.").arg(ballots).arg(out.voters);
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

namespace VinhDanh::Core::Workflow {

QString Sitting::secretaryName() const
{
    for (const CouncilMember &m : members)
        if (m.secretary)
            return m.fullName;
    if (!secretary.isEmpty())
        return secretary;
    // The role is the title's last part ("Trưởng ban Ban Thi đua – Khen thưởng – Ủy viên thư
    // ký"): "Thư ký Hội đồng" and "Ủy viên thư ký" take the minutes; "Thư ký tổng hợp" in a
    // member's post before the dash does not.
    for (const CouncilMember &m : members) {
        static const QRegularExpression dash(QStringLiteral("[-–—]"));
        const QString role = Text::clean(m.title.split(dash).last()).toLower();
        if (role.startsWith(QStringLiteral("thư ký")) || role.startsWith(QStringLiteral("ủy viên thư ký")))
            return m.fullName;
    }
    return {};
}

} // namespace VinhDanh::Core::Workflow
