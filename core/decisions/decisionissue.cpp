// Decisions: pricing the awardees and issuing (the ledger, the outcomes, the dossiers).
#include "core/decisions/decisionrepository.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/decisions/awardauthority.h"
#include "core/decisions/decisionrepository_p.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "core/proposals/recordstates.h"
#include "core/proposals/workflowrows.h"
#include "core/registry/keys.h"
#include "core/registry/recordrepository.h"
#include "core/registry/rowwriter.h"
#include "core/text/vntext.h"

namespace VinhDanh::Core::Workflow {

namespace {
/// Where a ledger row belongs: the dossier's year and movement for a nominee, the decision's
/// for an awardee typed in directly.
struct LedgerPlace
{
    int year = 0;
    qint64 movementId = 0;
    qint64 dossierId = 0;
};

LedgerPlace placeOf(const Database &db, const Decision &d, const Awardee &a)
{
    LedgerPlace place{d.year, d.movementId, 0};
    if (a.nomineeId == 0)
        return place;
    Query q(db.sql(), QStringLiteral("SELECT d.year, d.movement_id, d.id FROM dossier_nominees n "
                                     "JOIN dossiers d ON d.id = n.dossier_id WHERE n.id = :n"));
    q.bind(QStringLiteral(":n"), a.nomineeId).exec();
    if (q.next())
        place = {q.integer(0), q.id(1) > 0 ? q.id(1) : d.movementId, q.id(2)};
    return place;
}

/// Whether the nominee's outcome still has to be written: Error when it is already known,
/// except for the "awarded" an amended decision wrote (the correction keeps it).
bool needsOutcome(const Database &db, const Decision &d, const Awardee &a)
{
    Query q(db.sql(), QStringLiteral("SELECT outcome, decision_id FROM nominee_outcomes WHERE nominee_id = :n"));
    q.bind(QStringLiteral(":n"), a.nomineeId).exec();
    if (!q.next())
        return true;
    if (d.amendsId > 0 && q.text(0) == QLatin1String("awarded") && q.id(1) == d.amendsId)
        return false;
    throw Error(
        Tr::tr("%1 already has an outcome (%2); remove them from the list before issuing.").arg(a.name, outcomeLabel(q.text(0))));
}

/// Moves a dossier whose every nominee now has an outcome from before_council to decided.
/// Written here with SQL, not through DossierRepository::transition(): issuing is the
/// leader's act, and the Decide transition there requires the council secretary's
/// permission. The history row is written by the same Sql::writeEvent() transition() uses.
void decideWhenComplete(Database &db, qint64 dossierId, const QString &number)
{
    if (Sql::nomineesWithoutOutcome(db, dossierId) > 0)
        return;
    const int moved = Query(db.sql(), QStringLiteral("UPDATE dossiers SET status = :to, version = version + 1 "
                                                     "WHERE id = :d AND status = :from"))
                          .bind(QStringLiteral(":to"), statusCode(Status::Decided))
                          .bind(QStringLiteral(":from"), statusCode(Status::BeforeCouncil))
                          .bind(QStringLiteral(":d"), dossierId)
                          .exec()
                          .numRowsAffected();
    if (moved == 0)
        return;
    Sql::writeEvent(db, dossierId, transitionCode(Transition::Decide), statusCode(Status::BeforeCouncil), statusCode(Status::Decided),
                    Tr::tr("Decision %1 issued").arg(number));
}
} // namespace

DecisionRepository::Pricing DecisionRows::computePrices(Database &db, qint64 decisionId, PriceMode mode)
{
    const bool strict = mode == PriceMode::Strict;
    const QDate date = Keys::dateFrom(Lookup::column(db, "decisions", "decision_date", decisionId));
    if (!date.isValid() && strict)
        throw Error(Tr::tr("Enter the date of the decision: the bonus follows the rates in force on that date."));
    const PayData pay(db);
    DecisionRepository::Pricing out;
    if (strict)
        out.baseSalary = pay.baseSalaryOn(date);
    else if (date.isValid())
        out.baseSalary = pay.findBaseSalaryOn(date).value_or(0);
    out.awardees = DecisionRepository(db).awardees(decisionId);
    for (Awardee &a : out.awardees) {
        // Awardees keep the recipient they were added with (individual for a person).
        const QString recipient = !a.recipient.isEmpty()
                                      ? a.recipient
                                      : (a.unitId > 0 ? QStringLiteral("collective") : QStringLiteral("individual"));
        std::optional<int> coefficient;
        if (strict) {
            try {
                coefficient = pay.coefficientOn(a.formCode, recipient, date);
            } catch (const Error &e) {
                rethrowWithMessage(e, Tr::tr("The bonus of %1 cannot be worked out. %2").arg(a.name, e.message()));
            }
        } else if (out.baseSalary > 0) {
            coefficient = pay.findCoefficientOn(a.formCode, recipient, date);
        }
        if (!coefficient) { // partial only: no base salary, or no coefficient for this form
            a.amount = -1;
            out.unpriced << a.name;
            continue;
        }
        a.coefficientMilli = *coefficient;
        a.amount = Money::bonus(a.coefficientMilli, out.baseSalary);
        out.total += a.amount;
    }
    return out;
}

void DecisionRows::priceDecision(Database &db, qint64 decisionId)
{
    const DecisionRepository::Pricing priced = computePrices(db, decisionId);
    for (const Awardee &a : priced.awardees)
        Query(db.sql(), QStringLiteral("UPDATE decision_awardees SET coefficient_milli = :c, amount = :a, "
                                       "version = version + 1 WHERE id = :id"))
            .bind(QStringLiteral(":c"), a.coefficientMilli)
            .bind(QStringLiteral(":a"), a.amount)
            .bind(QStringLiteral(":id"), a.id)
            .exec();
    Query(db.sql(), QStringLiteral("UPDATE decisions SET base_salary = :b, total = :t, version = version + 1 WHERE id = :id"))
        .bind(QStringLiteral(":b"), priced.baseSalary)
        .bind(QStringLiteral(":t"), priced.total)
        .bind(QStringLiteral(":id"), decisionId)
        .exec();
}

void DecisionRepository::issue(qint64 decisionId, const QString &authorityReason)
{
    const QString reason = Text::clean(authorityReason);
    Permissions::require(m_db, Permissions::Action::SignDecisions);
    Transaction tx(m_db.sql());
    // The status written at the end is the machine's: issuing leads from a draft to issued.
    const DecisionStatus from = DecisionRows::requireAllowed(m_db, decisionId, DecisionAction::Issue);
    DecisionStatus issued = from;
    DecisionMachine::target(from, DecisionAction::Issue, &issued);
    Decision d = decision(decisionId);
    if (d.signer.isEmpty())
        throw Error(Tr::tr("Enter who signs decision %1 before issuing it.").arg(d.number));
    if (d.awardeeCount == 0)
        throw Error(Tr::tr("Decision %1 names nobody to award; fill its list before issuing it.").arg(d.number));
    // The partial unique index refuses it too; this says which decision holds the number.
    Query held(m_db.sql(), QStringLiteral("SELECT number, decision_date FROM decisions WHERE issuer = :i AND year = :y "
                                          "AND register_no = :n AND status = :issued AND id <> :id"));
    held.bind(QStringLiteral(":i"), d.issuer)
        .bind(QStringLiteral(":y"), d.year)
        .bind(QStringLiteral(":n"), d.registerNo)
        .bind(QStringLiteral(":id"), d.id)
        .bind(QStringLiteral(":issued"), decisionStatusCode(DecisionStatus::Issued))
        .exec();
    if (held.next())
        throw Error(Tr::tr("Number %1 of the %2 register for %3 is held by decision %4 issued on %5. "
                           "Give this decision the next free number, %6.")
                        .arg(QString::number(d.registerNo), d.issuer, QString::number(d.year), held.text(0),
                             Keys::dateFrom(held.value(1)).toString(QStringLiteral("dd/MM/yyyy")),
                             QString::number(nextRegisterNo(d.issuer, d.year))));
    const QVariant amended = d.amendsId > 0 ? Lookup::column(m_db, "decisions", "status", d.amendsId) : QVariant();
    if (d.amendsId > 0
        && (amended.isNull() || !DecisionMachine::target(decisionStatusFromCode(amended.toString()), DecisionAction::Amend)))
        throw Error(Tr::tr("Decision %1 amends a decision that is not issued; correct the decision it amends.").arg(d.number));

    // Who may award each form: a form another level awards is refused; one whose authority the
    // law notes leave open goes through only with the clerk's reason, kept in the ledger.
    QStringList refused, unconfirmed;
    for (const Awardee &a : awardees(decisionId)) {
        const AwardAuthority::Check c = AwardAuthority::check(m_db, a.formCode);
        QStringList &list = c.verdict == AwardAuthority::Check::Verdict::Unconfirmed ? unconfirmed : refused;
        if (c.verdict != AwardAuthority::Check::Verdict::Allowed && !list.contains(c.message))
            list << c.message;
    }
    if (!refused.isEmpty())
        throw Error(Tr::tr("Decision %1 cannot be issued: %2 Remove those awardees from the list.")
                        .arg(d.number, refused.join(QLatin1Char(' '))));
    if (!unconfirmed.isEmpty() && reason.isEmpty())
        throw Error(Tr::tr("%1 To issue decision %2 all the same, give the reason (it is kept with the awards in the ledger).")
                        .arg(unconfirmed.join(QLatin1Char(' ')), d.number));
    const QString note = unconfirmed.isEmpty() ? QString()
                                               : Tr::tr("Issued although who awards the form is not confirmed: %1").arg(reason);

    DecisionRows::priceDecision(m_db, decisionId);
    d = decision(decisionId);
    const QString now = Rows::nowText();
    QList<qint64> dossiers;
    for (const Awardee &a : awardees(decisionId)) {
        bool outcomeDue = false;
        if (a.nomineeId > 0) {
            if (!Sql::passedCouncil(m_db, a.nomineeId))
                throw Error(
                    Tr::tr("%1 has not passed a council vote; remove them from the list or put them before the council.").arg(a.name));
            outcomeDue = needsOutcome(m_db, d, a);
        }
        const LedgerPlace place = placeOf(m_db, d, a);
        // The award goes into the ledger through the awards' one INSERT (RecordRepository).
        const qint64 awardId =
            Query(m_db.sql(), RecordRepository::awardRows().values(
                                  {}, u":key, :person, :unit, :form, :kind, :year, :no, :date, :auth, :movement, :note, :decision",
                                  QStringLiteral("RETURNING id")))
                .bind(QStringLiteral(":key"), Keys::generate(QStringLiteral("award")))
                .bindOptional(QStringLiteral(":person"), a.personId)
                .bindOptional(QStringLiteral(":unit"), a.unitId)
                .bind(QStringLiteral(":form"), a.formCode)
                .bind(QStringLiteral(":kind"), a.awardKind)
                .bind(QStringLiteral(":year"), place.year)
                .bind(QStringLiteral(":no"), d.number)
                .bind(QStringLiteral(":date"), Keys::dateValue(d.date))
                .bind(QStringLiteral(":auth"), d.issuer)
                .bindOptional(QStringLiteral(":movement"), place.movementId)
                .bind(QStringLiteral(":decision"), d.id)
                .bindOptional(
                    QStringLiteral(":note"),
                    AwardAuthority::check(m_db, a.formCode).verdict == AwardAuthority::Check::Verdict::Unconfirmed ? note : QString())
                .insertReturningId();
        // Before the status changes: once issued, the guards refuse any change to the list.
        Query(m_db.sql(), QStringLiteral("UPDATE decision_awardees SET award_id = :award, version = version + 1 WHERE id = :id"))
            .bind(QStringLiteral(":award"), awardId)
            .bind(QStringLiteral(":id"), a.id)
            .exec();
        if (outcomeDue)
            Sql::writeOutcome(m_db, a.nomineeId, QStringLiteral("awarded"), Tr::tr("Decision %1").arg(d.number), now, d.id);
        if (place.dossierId > 0 && !dossiers.contains(place.dossierId))
            dossiers << place.dossierId;
    }
    Query(m_db.sql(), QStringLiteral("UPDATE decisions SET status = :to, issued_at = :at, issued_by = :by, "
                                     "version = version + 1 WHERE id = :id"))
        .bind(QStringLiteral(":to"), decisionStatusCode(issued))
        .bind(QStringLiteral(":at"), now)
        .bind(QStringLiteral(":by"), m_db.actorName())
        .bind(QStringLiteral(":id"), d.id)
        .exec();
    for (qint64 dossierId : std::as_const(dossiers))
        decideWhenComplete(m_db, dossierId, d.number);
    tx.commit();
}

} // namespace VinhDanh::Core::Workflow
