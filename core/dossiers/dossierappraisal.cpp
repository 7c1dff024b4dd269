// Appraisal (thẩm định) of a dossier's nominees beside the engine's verdict, and what became
// of each nominee (outcomes).
#include "core/dossiers/dossierrepository.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/dossiers/dossierrepository_p.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/error.h"
#include "core/proposals/workflowrows.h"
#include "core/registry/recordrepository.h"
#include "core/text/vntext.h"

namespace VinhDanh::Core::Workflow {

namespace {
using namespace DossierDetail;
using Eligibility::Verdict;
using Permissions::Action;
using Rows::nowText;
using Rows::timeFrom;

const QString kEligible = Eligibility::verdictCode(Verdict::Eligible);
const QString kNotEligible = Eligibility::verdictCode(Verdict::NotEligible);
} // namespace

Eligibility::Result DossierRepository::evaluate(const Nominee &nominee) const
{
    const Head h = nominee.id > 0 ? headOfNominee(m_db, nominee.id) : head(m_db, nominee.dossierId);
    return Eligibility::Service(m_db).evaluate(requestFor(h, nominee));
}

std::optional<Eligibility::Result> DossierRepository::evaluateIfRuled(const Nominee &nominee) const
{
    const Head h = nominee.id > 0 ? headOfNominee(m_db, nominee.id) : head(m_db, nominee.dossierId);
    return Eligibility::Service(m_db).evaluateIfRuled(requestFor(h, nominee));
}

void DossierRepository::appraise(qint64 nomineeId, bool agreed, const QString &reason, const QString &overrideReason)
{
    const QString why = Text::clean(reason);
    const QString overriding = Text::clean(overrideReason);
    Transaction tx(m_db.sql());
    const Nominee n = nominee(nomineeId);
    const Head h = head(m_db, n.dossierId);
    Permissions::require(m_db, Action::AppraiseDossiers, h.unitId);
    if (h.status != Status::UnderAppraisal)
        throw Error(Tr::tr("Nominees are appraised while their dossier is under appraisal; \"%1\" is %2.")
                        .arg(h.title, statusLabel(h.status).toLower()));
    // A form without a rule (or a year without a rule set) is judged by hand: "needs review".
    QString verdict = Eligibility::verdictCode(Verdict::NeedsReview);
    QString ruleSet;
    if (const std::optional<Eligibility::Result> r = evaluateIfRuled(n)) {
        verdict = Eligibility::verdictCode(r->verdict);
        ruleSet = QStringLiteral("%1 v%2").arg(r->ruleSet.id).arg(r->ruleSet.version);
    }
    if (!agreed && why.isEmpty())
        throw Error(Tr::tr("Give the reason for not agreeing to propose %1; the unit reads it.").arg(n.name));
    if (agreed && verdict == kNotEligible && overriding.isEmpty())
        throw Error(Tr::tr("The eligibility check finds %1 not eligible for %2. To agree anyway, give the reason for "
                           "overriding the check.")
                        .arg(n.name, RecordRepository(m_db).awardFormName(n.formCode)));
    if (!agreed && verdict == kEligible && overriding.isEmpty())
        throw Error(Tr::tr("The eligibility check finds %1 eligible for %2. To refuse anyway, give the reason for "
                           "overriding the check.")
                        .arg(n.name, RecordRepository(m_db).awardFormName(n.formCode)));
    // One row per nominee: appraising again replaces the verdict (the audit log keeps the old one).
    const auto bindAll = [&](Query &q) -> Query & {
        return q.bind(QStringLiteral(":n"), nomineeId)
            .bind(QStringLiteral(":verdict"), verdict)
            .bindOptional(QStringLiteral(":rules"), ruleSet)
            .bind(QStringLiteral(":agreed"), agreed ? 1 : 0)
            .bindOptional(QStringLiteral(":reason"), why)
            .bindOptional(QStringLiteral(":override"), overriding)
            .bindOptional(QStringLiteral(":appraiser"), m_db.actorName())
            .bind(QStringLiteral(":at"), nowText());
    };
    Query update(m_db.sql(), QStringLiteral("UPDATE nominee_appraisals SET engine_verdict = :verdict, rule_set = :rules, "
                                            "agreed = :agreed, reason = :reason, override_reason = :override, "
                                            "appraiser = :appraiser, at = :at, version = version + 1 WHERE nominee_id = :n"));
    bindAll(update).exec();
    if (update.numRowsAffected() == 0) {
        Query insert(m_db.sql(), QStringLiteral("INSERT INTO nominee_appraisals (nominee_id, engine_verdict, rule_set, agreed, "
                                                "reason, override_reason, appraiser, at) VALUES (:n, :verdict, :rules, "
                                                ":agreed, :reason, :override, :appraiser, :at)"));
        bindAll(insert).exec();
    }
    tx.commit();
}

QList<Appraisal> DossierRepository::appraisals(qint64 dossierId) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT a.nominee_id, a.engine_verdict, a.rule_set, a.agreed, a.reason, a.override_reason, "
                                       "a.appraiser, a.at FROM nominee_appraisals a JOIN dossier_nominees n ON n.id = a.nominee_id "
                                       "WHERE n.dossier_id = :d ORDER BY n.position, n.id"));
    q.bind(QStringLiteral(":d"), dossierId).exec();
    QList<Appraisal> out;
    while (q.next())
        out << Appraisal{q.id(0), q.text(1), q.text(2), q.integer(3) != 0, q.text(4), q.text(5), q.text(6), timeFrom(q.value(7))};
    return out;
}

QList<Outcome> DossierRepository::outcomes(qint64 dossierId) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT o.nominee_id, o.outcome, o.decision_id, o.reason, o.at, o.actor "
                                       "FROM nominee_outcomes o JOIN dossier_nominees n ON n.id = o.nominee_id "
                                       "WHERE n.dossier_id = :d ORDER BY n.position, n.id"));
    q.bind(QStringLiteral(":d"), dossierId).exec();
    QList<Outcome> out;
    while (q.next())
        out << Outcome{q.id(0), q.text(1), q.id(2), q.text(3), timeFrom(q.value(4)), q.text(5)};
    return out;
}

void DossierRepository::recordOutcome(qint64 nomineeId, const QString &outcome, const QString &reason)
{
    const QString why = Text::clean(reason);
    Transaction tx(m_db.sql());
    const Nominee n = nominee(nomineeId);
    const Head h = head(m_db, n.dossierId);
    Permissions::require(m_db, Action::RunCouncil, h.unitId);
    if (outcome == QLatin1String("awarded"))
        throw Error(Tr::tr("A nominee becomes awarded when the decision that awards them is issued, not by hand."));
    if (outcome != QLatin1String("forwarded") && outcome != QLatin1String("not_awarded"))
        throw Error(Tr::tr("Unknown outcome \"%1\"; use forwarded or not_awarded.").arg(outcome));
    if (h.status != Status::Appraised && h.status != Status::BeforeCouncil)
        throw Error(Tr::tr("Outcomes are recorded after the appraisal, while the dossier waits for or is before the "
                           "council; \"%1\" is %2.")
                        .arg(h.title, statusLabel(h.status).toLower()));
    const QString stored = Query(m_db.sql(), QStringLiteral("SELECT outcome FROM nominee_outcomes WHERE nominee_id = :n"))
                               .bind(QStringLiteral(":n"), nomineeId)
                               .scalar()
                               .toString();
    if (!stored.isEmpty())
        throw Error(
            Tr::tr("The outcome of %1 is already recorded (%2) and cannot be changed.").arg(n.name, outcomeLabel(stored).toLower()));
    if (outcome == QLatin1String("not_awarded") && why.isEmpty())
        throw Error(Tr::tr("Give the reason why %1 is not awarded.").arg(n.name));
    if (outcome == QLatin1String("forwarded") && !Sql::passedCouncil(m_db, nomineeId))
        throw Error(Tr::tr("%1 can be forwarded to a higher level only after the council passed them; record the "
                           "council's tally first.")
                        .arg(n.name));
    Sql::writeOutcome(m_db, nomineeId, outcome, why, nowText());
    tx.commit();
}

} // namespace VinhDanh::Core::Workflow
