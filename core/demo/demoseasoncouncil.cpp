// The demo season's council: its members (one absent, one with a conflict of interest), the
// sittings, the secret-ballot tallies, and the decision issued from the first sitting.
#include "core/demo/demoseason_p.h"

#include "core/decisions/awardauthority.h"
#include "core/demo/vietnamesenames.h"
#include "core/proposals/paydata.h"

namespace VinhDanh::Core::DemoSeasonParts {

QList<CouncilMember> Season::members()
{
    static const char16_t *const kTitles[] = {
        u"Chủ tịch UBND tỉnh – Chủ tịch Hội đồng",
        u"Phó Chủ tịch UBND tỉnh – Phó Chủ tịch Hội đồng",
        u"Giám đốc Sở Nội vụ – Phó Chủ tịch thường trực",
        u"Chủ tịch Liên đoàn Lao động tỉnh – Ủy viên",
        u"Chánh Văn phòng UBND tỉnh – Ủy viên",
        u"Giám đốc Sở Tài chính – Ủy viên",
        u"Trưởng ban Ban Thi đua – Khen thưởng – Ủy viên thư ký",
    };
    const Demo::NameParts &parts = Demo::nameParts();
    QList<CouncilMember> out;
    QSet<QString> names;
    for (const char16_t *title : kTitles) {
        QString name;
        do {
            const bool female = pick(3) == 0;
            const QString family = parts.familyNames.at(pick(int(parts.familyNames.size())));
            const QStringList &middles = female ? parts.femaleMiddleNames : parts.maleMiddleNames;
            const QString middle = middles.at(pick(int(middles.size())));
            const QStringList &givens = female ? parts.femaleGivenNames : parts.maleGivenNames;
            const QString given = givens.at(pick(int(givens.size())));
            name = QStringList{family, middle, given}.join(QLatin1Char(' '));
        } while (names.contains(name));
        names.insert(name);
        CouncilMember m;
        m.position = int(out.size()) + 1;
        m.fullName = name;
        m.title = str(title);
        out << m;
    }
    return out;
}

qint64 Season::sitting(const QString &round, const QDate &day, const QList<CouncilMember> &members)
{
    Sitting s;
    s.title = str(u"Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh xét khen thưởng năm %1 (%2)").arg(m_year).arg(round);
    s.heldOn = day;
    s.place = str(u"Phòng họp số 1, Ủy ban nhân dân tỉnh");
    s.chair = members.first().fullName;
    s.year = m_year;
    s.movementId = m_movementId;
    s.members = members;
    ++m_out.sittings;
    return m_council.save(s);
}

void Season::vote(qint64 sessionId, const QList<qint64> &failing, const QString &conflictMember)
{
    const Sitting s = m_council.session(sessionId);
    int present = 0;
    qint64 conflictId = 0;
    for (const CouncilMember &m : s.members) {
        present += m.attended ? 1 : 0;
        if (m.fullName == conflictMember && m.attended)
            conflictId = m.id;
    }
    bool conflictDeclared = false;
    for (const CouncilItem &item : m_council.items(sessionId)) {
        const bool fails = failing.contains(item.nomineeId);
        Council::TallyInput in;
        in.members = int(s.members.size());
        in.present = present;
        // The first nominee who passes has a member related to them, who leaves the vote.
        if (!fails && !conflictDeclared && conflictId) {
            m_council.setConflicts(item.id, {conflictId});
            in.conflictedMembers = in.conflictedPresent = 1;
            conflictDeclared = true;
        }
        const Threshold threshold = m_council.thresholdFor(item.formCode);
        const int voters = Council::evaluate(threshold, in).voters;
        // Ballots: a clear yes (a vote or two short of unanimous, still over the threshold) or a
        // clear no; checked with the same arithmetic the repository applies.
        in.agree = fails ? 1 + pick(2) : voters;
        for (int shave = pick(3); !fails && shave > 0; --shave) {
            Council::TallyInput fewer = in;
            --fewer.agree;
            ++fewer.abstain;
            if (!Council::evaluate(threshold, fewer).passed)
                break;
            in = fewer;
        }
        if (fails) {
            in.abstain = pick(2);
            in.disagree = std::max(0, voters - in.agree - in.abstain);
        }
        m_council.recordTally(item.id, in.agree, in.disagree, in.abstain);
    }
}

void Season::issue(qint64 sessionId, const QDate &sittingDay, const QList<CouncilMember> &members)
{
    Decision d;
    d.issuer = PayData(m_db).setting(QStringLiteral("decision.issuer"), str(u"UBND tỉnh"));
    d.date = sittingDay.addDays(5 + pick(6));
    d.year = d.date.year();
    const int number = 100 + pick(150);
    d.registerNo = std::max(m_decisions.nextRegisterNo(d.issuer, d.year), number);
    d.title = m_movementId ? str(u"Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho các tập thể, cá nhân có thành tích "
                                 u"xuất sắc trong phong trào thi đua “%1” năm %2")
                                 .arg(m_movementName)
                                 .arg(m_year)
                           : str(u"Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc năm %1").arg(m_year);
    d.signer = members.at(1).fullName;
    d.signerTitle = str(u"Phó Chủ tịch");
    d.authority = QStringLiteral("KT");
    d.sessionId = sessionId;
    d.movementId = m_movementId;
    const qint64 id = m_decisions.save(d);
    m_decisions.fillFromCouncil(id, sessionId);
    if (m_decisions.awardees(id).isEmpty()) {
        m_decisions.remove(id); // nobody passed: no decision
        return;
    }
    // Who awards Tập thể lao động xuất sắc is not confirmed by the law notes: issuing it asks why.
    QString authorityReason;
    for (const Awardee &a : m_decisions.awardees(id))
        if (AwardAuthority::check(m_db, a.formCode).verdict == AwardAuthority::Check::Verdict::Unconfirmed)
            authorityReason = str(u"Theo thẩm quyền khen thưởng của Chủ tịch UBND tỉnh đã áp dụng các năm trước; Sở Nội vụ "
                                  u"đã xác nhận bằng văn bản.");
    m_decisions.issue(id, authorityReason);
    const Decision issued = m_decisions.decision(id);
    ++m_out.decisions;
    m_out.awardees += issued.awardeeCount;
    m_out.total += issued.total;
}

} // namespace VinhDanh::Core::DemoSeasonParts
