#pragma once

// Internal to the demo award season (demoseason.cpp: choosing nominees, dossiers and the run;
// demoseasoncouncil.cpp: the council's members, sittings, votes and the decision).
#include "core/council/councilrepository.h"
#include "core/decisions/decisionrepository.h"
#include "core/demo/demogenerator.h"
#include "core/dossiers/dossierrepository.h"
#include "core/eligibility/eligibilityservice.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSet>

#include <optional>

namespace VinhDanh::Core::DemoSeasonParts {

using namespace Workflow;
using Eligibility::Candidate;
using Eligibility::ConditionResult;
using Eligibility::Verdict;

inline QString str(const char16_t *text)
{
    return QString::fromUtf16(text);
}

/// The dossiers of the season, in the order they are made; one status each.
enum Plan { PlanDecided, PlanBeforeCouncil, PlanAppraised, PlanUnderAppraisal, PlanReturned, PlanSubmitted, PlanDraft, PlanCount };

/// What to look for, in order of preference.
struct Slot
{
    bool person = true;
    QStringList forms;
};

inline constexpr int kCandidatesConsidered = 2000; // enough to fill the season, bounded on a large province
inline const QString kEvidence = str(u"Đã đối chiếu hồ sơ lưu tại đơn vị và xác nhận của cấp ủy");
// A movement's plan may offer, at this occasion, only forms the province does not award (the 2025
// annual awards of the catalogue movements are Giấy khen, given by the units themselves): a
// provincial form proposed there needs the clerk's reason (issue 13), which the demo gives.
inline const QString kNotOffered = str(u"Thành tích tiêu biểu trong phong trào vượt phạm vi khen thưởng của đơn vị; đề nghị "
                                       u"cấp tỉnh xem xét khen thưởng theo thành tích thực tế.");

class Season
{
public:
    Season(Database &db, quint32 seed, int year)
        : m_db(db), m_rng(seed ^ 0x5ea50u), m_year(year), m_dossiers(db), m_council(db), m_decisions(db)
    {
    }
    DemoSeason run();

private:
    int pick(int n) { return n <= 1 ? 0 : int(m_rng.bounded(n)); }
    void chooseMovement();
    void loadCandidates();
    qint64 rootOf(qint64 unitId);
    qint64 nextRoot();
    std::optional<Dossier> newDossier(int plan);
    std::optional<Nominee> propose(const Dossier &d, const Slot &slot, bool confirm);
    std::optional<Nominee> proposePerson(const Dossier &d, const QString &form, const QString &notEligibleReason);
    bool acceptable(const Dossier &d, Nominee &n, bool notEligible);
    void saveNominee(Nominee &n, bool confirm);
    void attach(const Dossier &d, int plan, const QList<Nominee> &nominees);
    void appraise(const Nominee &n, bool agreed, const QString &reason = {});
    QList<CouncilMember> members();
    qint64 sitting(const QString &round, const QDate &day, const QList<CouncilMember> &members);
    void vote(qint64 sessionId, const QList<qint64> &failing, const QString &conflictMember);
    void issue(qint64 sessionId, const QDate &sittingDay, const QList<CouncilMember> &members);

    Database &m_db;
    QRandomGenerator m_rng;
    const int m_year;
    DossierRepository m_dossiers;
    CouncilRepository m_council;
    DecisionRepository m_decisions;
    qint64 m_movementId = 0;
    QString m_movementName;
    QString m_occasion = QStringLiteral("annual");
    QList<Candidate> m_candidates;
    QList<qint64> m_candidateRoots; // the proposing unit of each candidate
    QList<qint64> m_roots;          // top-level units with candidates, most first
    QHash<qint64, qint64> m_parents;
    QSet<QString> m_used; // "p12" / "u3": nobody is proposed twice
    QHash<qint64, int> m_rootUse;
    DemoSeason m_out;
};

} // namespace VinhDanh::Core::DemoSeasonParts
