#include "ui/council/counciltext.h"

#include <QCoreApplication>

namespace VinhDanh::Ui::CouncilText {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CouncilText)
};

/// The smallest number of members present that meets num/den of `members`.
int needed(int members, int num, int den)
{
    return den > 0 ? int((qint64(members) * num + den - 1) / den) : members;
}
} // namespace

QString sessionStatus(Core::Workflow::SittingStatus status)
{
    switch (status) {
    case Core::Workflow::SittingStatus::Open: break;
    case Core::Workflow::SittingStatus::Closed: return Tr::tr("Closed");
    }
    return Tr::tr("Open");
}

QString decisionStatus(Core::Workflow::DecisionStatus status)
{
    switch (status) {
    case Core::Workflow::DecisionStatus::Draft: break;
    case Core::Workflow::DecisionStatus::Issued: return Tr::tr("Issued");
    }
    return Tr::tr("Draft");
}

QString date(const QDate &date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString attendance(int present, int members)
{
    return QStringLiteral("%1/%2").arg(present).arg(members);
}

QString quorumLine(int present, int members, int num, int den)
{
    if (members <= 0)
        return Tr::tr("No members yet: add the council's members to check the quorum.");
    if (Core::Workflow::Council::quorumMet(members, present, num, den))
        return Tr::tr("%1/%2 present — quorum of %3/%4 met").arg(present).arg(members).arg(num).arg(den);
    return Tr::tr("%1/%2 present — no quorum: %3/%4 of the members (%5) must attend")
        .arg(present)
        .arg(members)
        .arg(num)
        .arg(den)
        .arg(needed(members, num, den));
}

QString threshold(const Core::Workflow::Threshold &t)
{
    const bool ofMembers = t.basis == QLatin1String("members");
    if (t.strictlyMore)
        return ofMembers ? Tr::tr("more than %1% of all members").arg(t.percent)
                         : Tr::tr("more than %1% of the members present").arg(t.percent);
    return ofMembers ? Tr::tr("at least %1% of all members").arg(t.percent)
                     : Tr::tr("at least %1% of the members present").arg(t.percent);
}

QString result(const Core::Workflow::CouncilItem &item)
{
    if (!item.tallied)
        return Tr::tr("Not voted yet");
    return item.passed ? Tr::tr("Passed") : Tr::tr("Not passed");
}

QString recipient(const QString &recipient)
{
    return recipient == QLatin1String("collective") ? Tr::tr("Collective") : Tr::tr("Individual");
}

QString member(const Core::Workflow::CouncilMember &m)
{
    const QString name = m.title.isEmpty() ? m.fullName : Tr::tr("%1 — %2").arg(m.fullName, m.title);
    return m.attended ? name : Tr::tr("%1 (absent)").arg(name);
}

} // namespace VinhDanh::Ui::CouncilText
