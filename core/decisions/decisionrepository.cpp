// Decisions: the register, drafts and their lists of awardees. Pricing and issuing are in
// decisionissue.cpp.
#include "core/decisions/decisionrepository.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/decisions/awardauthority.h"
#include "core/decisions/decisionrepository_p.h"
#include "core/domain/codes.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "core/proposals/recordstates.h"
#include "core/proposals/registernumbers.h"
#include "core/proposals/workflowrows.h"
#include "core/registry/keys.h"
#include "core/registry/versioning.h"
#include "core/text/vntext.h"

namespace VinhDanh::Core::Workflow {

using Permissions::Action;

namespace {
QString decisionSql(const QString &where)
{
    return QStringLiteral("SELECT d.id, d.ext_key, d.issuer, d.year, d.register_no, d.number, d.decision_date, d.title, "
                          "d.signer, d.signer_title, d.authority, d.session_id, d.movement_id, d.amends_id, d.base_salary, "
                          "d.total, d.status, d.issued_at, d.issued_by, d.version, "
                          "(SELECT count(*) FROM decision_awardees a WHERE a.decision_id = d.id) FROM decisions d ")
           + where + QStringLiteral(" ORDER BY d.decision_date DESC, d.id DESC");
}

Decision readDecision(const Query &q)
{
    Decision d;
    d.id = q.id(0);
    d.key = q.text(1);
    d.issuer = q.text(2);
    d.year = q.integer(3);
    d.registerNo = q.integer(4);
    d.number = q.text(5);
    d.date = Keys::dateFrom(q.value(6));
    d.title = q.text(7);
    d.signer = q.text(8);
    d.signerTitle = q.text(9);
    d.authority = q.text(10);
    d.sessionId = q.id(11);
    d.movementId = q.id(12);
    d.amendsId = q.id(13);
    d.baseSalary = q.value(14).toLongLong();
    d.total = q.value(15).toLongLong();
    d.status = decisionStatusFromCode(q.text(16)); // an unknown code is an Error, never a draft
    d.issuedAt = Rows::timeFrom(q.value(17));
    d.issuedBy = q.text(18);
    d.version = q.integer(19);
    d.awardeeCount = q.integer(20);
    return d;
}

QList<Decision> readDecisions(Query &q)
{
    QList<Decision> out;
    while (q.next())
        out.append(readDecision(q));
    return out;
}

qint64 decisionOfAwardee(const Database &db, qint64 awardeeId)
{
    const qint64 id = Lookup::column(db, "decision_awardees", "decision_id", awardeeId).toLongLong();
    if (id == 0)
        throw Error(Tr::tr("The awardee is no longer on the decision's list; someone else may have removed them."));
    return id;
}

/// "123/QĐ-UBND" keeps its suffix but follows the register number, so the two never disagree.
QString numberFor(const Decision &d, const QString &defaultSuffix)
{
    const int slash = d.number.indexOf(QLatin1Char('/'));
    const QString suffix = slash > 0 ? d.number.mid(slash + 1).trimmed() : QString();
    return QStringLiteral("%1/%2").arg(d.registerNo).arg(suffix.isEmpty() ? defaultSuffix : suffix);
}

/// The column is NOT NULL with '' for "no authority": a null QString would bind as NULL.
QVariant authorityValue(const QString &authority)
{
    return authority.isEmpty() ? QVariant(QStringLiteral("")) : QVariant(authority);
}

/// The header columns save() writes, for its INSERT and its UPDATE alike.
void bindHeader(Query &q, const Decision &d)
{
    q.bind(QStringLiteral(":issuer"), d.issuer)
        .bind(QStringLiteral(":year"), d.year)
        .bind(QStringLiteral(":no"), d.registerNo)
        .bind(QStringLiteral(":number"), d.number)
        .bind(QStringLiteral(":date"), Keys::dateValue(d.date))
        .bindOptional(QStringLiteral(":title"), d.title)
        .bindOptional(QStringLiteral(":signer"), d.signer)
        .bindOptional(QStringLiteral(":stitle"), d.signerTitle)
        .bind(QStringLiteral(":auth"), authorityValue(d.authority))
        .bindOptional(QStringLiteral(":session"), d.sessionId)
        .bindOptional(QStringLiteral(":movement"), d.movementId)
        .bindOptional(QStringLiteral(":amends"), d.amendsId);
}

void validateHeader(Database &db, Decision &d)
{
    d.issuer = Text::clean(d.issuer);
    if (d.issuer.isEmpty())
        d.issuer = PayData(db).setting(QStringLiteral("decision.issuer"));
    d.title = Text::clean(d.title);
    d.signer = Text::clean(d.signer);
    d.signerTitle = Text::clean(d.signerTitle);
    d.number = Text::clean(d.number);
    if (d.issuer.isEmpty())
        throw Error(Tr::tr("Enter who issues the decision (the register it is numbered in), e.g. \"UBND tỉnh\"."));
    if (!d.date.isValid())
        throw Error(Tr::tr("Enter the date of the decision."));
    if (d.year == 0)
        d.year = d.date.year();
    if (d.year < 1945 || d.year > 2100)
        throw Error(Tr::tr("%1 is not a valid register year; enter a year from 1945 to 2100.").arg(d.year));
    if (d.registerNo <= 0)
        throw Error(Tr::tr("Enter the decision's number in the register: a whole number from 1."));
    if (!Codes::authorityFromCode(d.authority))
        throw Error(Tr::tr("The signing authority must be TM., KT., Q. or none, not \"%1\".").arg(d.authority));
    if (d.amendsId > 0) {
        if (d.amendsId == d.id)
            throw Error(Tr::tr("A decision cannot amend itself; choose the issued decision it corrects."));
        const QVariant amended = Lookup::column(db, "decisions", "status", d.amendsId);
        if (amended.isNull())
            throw Error(DecisionMachine::refusal(DecisionStatus::Draft, DecisionAction::Amend)); // gone: choose another
        DecisionMachine::require(decisionStatusFromCode(amended.toString()), DecisionAction::Amend);
    }
}
} // namespace

namespace DecisionRows {
/// The person/unit, form and kind a nominee was proposed with; Error when it is gone.
Awardee nomineeAsAwardee(const Database &db, qint64 nomineeId)
{
    Query q(db.sql(), QStringLiteral("SELECT person_id, unit_id, form_code, award_kind FROM dossier_nominees WHERE id = :n"));
    q.bind(QStringLiteral(":n"), nomineeId).exec();
    if (!q.next())
        throw Error(Tr::tr("The nominee no longer exists; someone else may have removed it."));
    Awardee a;
    a.nomineeId = nomineeId;
    a.personId = q.id(0);
    a.unitId = q.id(1);
    a.formCode = q.text(2);
    a.awardKind = q.text(3);
    return a;
}

/// Checks a new awardee and completes its recipient (individual for a person, collective for
/// a unit).
void validateAwardee(const Database &db, Awardee &a)
{
    if ((a.personId > 0) == (a.unitId > 0))
        throw Error(Tr::tr("An awardee is either one person or one unit; choose exactly one."));
    Query f(db.sql(), QStringLiteral("SELECT name, recipients FROM award_forms WHERE code = :c"));
    f.bind(QStringLiteral(":c"), a.formCode).exec();
    if (!f.next())
        throw Error(Tr::tr("Unknown award form \"%1\"; choose a form from the list.").arg(a.formCode));
    a.recipient = a.personId > 0 ? QStringLiteral("individual") : QStringLiteral("collective");
    if (f.text(1) != QLatin1String("both") && f.text(1) != a.recipient)
        throw Error(a.personId > 0 ? Tr::tr("%1 is awarded to collectives only, not to a person.").arg(f.text(0))
                                   : Tr::tr("%1 is awarded to individuals only, not to a unit.").arg(f.text(0)));
    if (a.awardKind.isEmpty())
        a.awardKind = QStringLiteral("cong_trang");
    if (!Codes::isValid(Codes::Set::AwardKind, a.awardKind))
        throw Error(Tr::tr("Unknown kind of award \"%1\"; use one of: %2.").arg(a.awardKind, Codes::codesText(Codes::Set::AwardKind)));
}

qint64 insertAwardee(Database &db, qint64 decisionId, const Awardee &a)
{
    const int position = Query(db.sql(), QStringLiteral("SELECT COALESCE(MAX(position), 0) + 1 FROM decision_awardees "
                                                        "WHERE decision_id = :d"))
                             .bind(QStringLiteral(":d"), decisionId)
                             .scalar(1)
                             .toInt();
    return Query(db.sql(), QStringLiteral("INSERT INTO decision_awardees (decision_id, position, nominee_id, person_id, unit_id, "
                                          "form_code, award_kind, recipient) VALUES (:d, :p, :n, :person, :unit, :form, :kind, "
                                          ":rec) RETURNING id"))
        .bind(QStringLiteral(":d"), decisionId)
        .bind(QStringLiteral(":p"), position)
        .bindOptional(QStringLiteral(":n"), a.nomineeId)
        .bindOptional(QStringLiteral(":person"), a.personId)
        .bindOptional(QStringLiteral(":unit"), a.unitId)
        .bind(QStringLiteral(":form"), a.formCode)
        .bind(QStringLiteral(":kind"), a.awardKind)
        .bind(QStringLiteral(":rec"), a.recipient)
        .insertReturningId();
}

DecisionStatus requireAllowed(const Database &db, qint64 decisionId, DecisionAction action)
{
    const QVariant status = Lookup::column(db, "decisions", "status", decisionId);
    if (status.isNull())
        throw Error(Tr::tr("The decision no longer exists; someone else may have deleted it."));
    const DecisionStatus from = decisionStatusFromCode(status.toString());
    DecisionMachine::require(from, action);
    return from;
}

void requireDraft(const Database &db, qint64 decisionId)
{
    requireAllowed(db, decisionId, DecisionAction::Change);
}
} // namespace DecisionRows

QList<Decision> DecisionRepository::list() const
{
    Query q(m_db.sql(), decisionSql({}));
    q.exec();
    return readDecisions(q);
}

Decision DecisionRepository::decision(qint64 id) const
{
    Query q(m_db.sql(), decisionSql(QStringLiteral("WHERE d.id = :id")));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        throw Error(Tr::tr("The decision no longer exists; someone else may have deleted it."));
    return readDecision(q);
}

qint64 DecisionRepository::idForKey(const QString &key) const
{
    return Registers::decisionId(m_db, key); // the key, or the decision's number
}

QList<Decision> DecisionRepository::naming(qint64 personId, qint64 unitId) const
{
    Query q(m_db.sql(), decisionSql(QStringLiteral("WHERE d.id IN (SELECT decision_id FROM decision_awardees "
                                                   "WHERE person_id = :p OR unit_id = :u)")));
    // 0 matches no row: ids start at 1.
    q.bind(QStringLiteral(":p"), personId).bind(QStringLiteral(":u"), unitId).exec();
    return readDecisions(q);
}

int DecisionRepository::nextRegisterNo(const QString &issuer, int year) const
{
    // Drafts hold their numbers too: the next free one is past every number given out.
    return Query(m_db.sql(), QStringLiteral("SELECT COALESCE(MAX(register_no), 0) + 1 FROM decisions "
                                            "WHERE issuer = :i AND year = :y"))
        .bind(QStringLiteral(":i"), Text::clean(issuer))
        .bind(QStringLiteral(":y"), year)
        .scalar(1)
        .toInt();
}

QString DecisionRepository::formatNumber(int registerNo) const
{
    const QString suffix = PayData(m_db).setting(QStringLiteral("decision.suffix"), QStringLiteral("QĐ-UBND"));
    return QStringLiteral("%1/%2").arg(registerNo).arg(suffix);
}

QStringList DecisionRepository::numberInUse(const QString &issuer, int year, int registerNo, qint64 exceptId) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT number, decision_date, status, title FROM decisions WHERE issuer = :i "
                                       "AND year = :y AND register_no = :n AND id <> :except ORDER BY decision_date, id"));
    q.bind(QStringLiteral(":i"), Text::clean(issuer))
        .bind(QStringLiteral(":y"), year)
        .bind(QStringLiteral(":n"), registerNo)
        .bind(QStringLiteral(":except"), exceptId)
        .exec();
    QStringList out;
    while (q.next()) {
        const QString date = Keys::dateFrom(q.value(1)).toString(QStringLiteral("dd/MM/yyyy"));
        const bool inForce = DecisionMachine::inForce(decisionStatusFromCode(q.text(2)));
        out << (inForce ? Tr::tr("decision %1 of %2, issued: %3").arg(q.text(0), date, q.text(3))
                        : Tr::tr("draft decision %1 of %2: %3").arg(q.text(0), date, q.text(3)));
    }
    return out;
}

Decision DecisionRepository::draftDefaults(const QDate &date, qint64 amendsId, const QString &issuer, int year) const
{
    Decision d;
    d.date = date;
    d.year = year > 0 ? year : date.year();
    if (amendsId > 0) {
        const Decision old = decision(amendsId);
        DecisionMachine::require(old.status, DecisionAction::Amend);
        d.amendsId = old.id;
        d.issuer = old.issuer;
        d.title = old.title;
        d.signer = old.signer;
        d.signerTitle = old.signerTitle;
        d.authority = old.authority;
        d.sessionId = old.sessionId;
        d.movementId = old.movementId;
    } else {
        d.issuer = PayData(m_db).setting(QStringLiteral("decision.issuer"));
    }
    if (const QString given = Text::clean(issuer); !given.isEmpty())
        d.issuer = given;
    if (amendsId == 0) {
        // The latest in list() order: by date, then the later record.
        Query q(m_db.sql(), QStringLiteral("SELECT signer, signer_title, authority FROM decisions WHERE issuer = :i "
                                           "ORDER BY decision_date DESC, id DESC LIMIT 1"));
        q.bind(QStringLiteral(":i"), d.issuer).exec();
        if (q.next()) {
            d.signer = q.text(0);
            d.signerTitle = q.text(1);
            d.authority = q.text(2);
        }
    }
    d.registerNo = nextRegisterNo(d.issuer, d.year);
    d.number = formatNumber(d.registerNo);
    return d;
}

qint64 DecisionRepository::save(Decision &d)
{
    Permissions::require(m_db, Action::DraftDecisions);
    validateHeader(m_db, d);
    d.number = numberFor(d, PayData(m_db).setting(QStringLiteral("decision.suffix"), QStringLiteral("QĐ-UBND")));
    Transaction tx(m_db.sql());
    if (d.id == 0) {
        d.key = Keys::generate(QStringLiteral("decision"));
        d.status = DecisionStatus::Draft; // the column's default
        Query insert(m_db.sql(), QStringLiteral("INSERT INTO decisions (ext_key, issuer, year, register_no, number, decision_date, "
                                                "title, signer, signer_title, authority, session_id, movement_id, amends_id) "
                                                "VALUES (:key, :issuer, :year, :no, :number, :date, :title, :signer, "
                                                ":stitle, :auth, :session, :movement, :amends) RETURNING id"));
        insert.bind(QStringLiteral(":key"), d.key);
        bindHeader(insert, d);
        d.id = insert.insertReturningId();
        d.version = 1;
    } else {
        DecisionRows::requireDraft(m_db, d.id);
        Query q(m_db.sql(), QStringLiteral("UPDATE decisions SET issuer = :issuer, year = :year, register_no = :no, "
                                           "number = :number, decision_date = :date, title = :title, signer = :signer, "
                                           "signer_title = :stitle, authority = :auth, session_id = :session, "
                                           "movement_id = :movement, amends_id = :amends, version = version + 1 "
                                           "WHERE id = :id AND version = :version"));
        bindHeader(q, d);
        q.bind(QStringLiteral(":id"), d.id).bind(QStringLiteral(":version"), d.version).exec();
        Versioning::checkUpdated(m_db, q, QStringLiteral("decisions"), d.id,
                                 Tr::tr("The decision no longer exists; someone else may have deleted it."));
        ++d.version;
    }
    tx.commit();
    return d.id;
}

void DecisionRepository::remove(qint64 id)
{
    Permissions::require(m_db, Action::DraftDecisions);
    Transaction tx(m_db.sql());
    DecisionRows::requireDraft(m_db, id);
    Query(m_db.sql(), QStringLiteral("DELETE FROM decision_awardees WHERE decision_id = :d")).bind(QStringLiteral(":d"), id).exec();
    Query(m_db.sql(), QStringLiteral("DELETE FROM decisions WHERE id = :d")).bind(QStringLiteral(":d"), id).exec();
    tx.commit();
}

QList<Awardee> DecisionRepository::awardees(qint64 decisionId) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT a.id, a.decision_id, a.position, a.nominee_id, a.person_id, a.unit_id, "
                                       "a.form_code, a.award_kind, a.recipient, a.coefficient_milli, a.amount, a.award_id, ")
                            + Rows::subjectColumns() + QStringLiteral(" FROM decision_awardees a")
                            + Rows::subjectJoins(QStringLiteral("a"))
                            + QStringLiteral(" WHERE a.decision_id = :d ORDER BY a.position, a.id"));
    q.bind(QStringLiteral(":d"), decisionId).exec();
    QList<Awardee> out;
    while (q.next()) {
        Awardee a;
        a.id = q.id(0);
        a.decisionId = q.id(1);
        a.position = q.integer(2);
        a.nomineeId = q.id(3);
        a.personId = q.id(4);
        a.unitId = q.id(5);
        a.formCode = q.text(6);
        a.awardKind = q.text(7);
        a.recipient = q.text(8);
        a.coefficientMilli = q.integer(9);
        a.amount = q.value(10).toLongLong();
        a.awardId = q.id(11);
        a.key = q.text(12);
        a.name = q.text(13);
        a.context = Rows::subjectContext(q, 12);
        out.append(a);
    }
    return out;
}

qint64 DecisionRepository::addAwardee(qint64 decisionId, Awardee awardee)
{
    Permissions::require(m_db, Action::DraftDecisions);
    Transaction tx(m_db.sql());
    DecisionRows::requireDraft(m_db, decisionId);
    if (awardee.nomineeId > 0) {
        const Awardee proposed = DecisionRows::nomineeAsAwardee(m_db, awardee.nomineeId);
        if (awardee.personId == 0 && awardee.unitId == 0) {
            awardee.personId = proposed.personId;
            awardee.unitId = proposed.unitId;
        }
        if (awardee.personId != proposed.personId || awardee.unitId != proposed.unitId)
            throw Error(Tr::tr("The awardee is not the person or unit that was proposed as this nominee."));
        if (awardee.formCode.isEmpty())
            awardee.formCode = proposed.formCode;
        const QString other = Query(m_db.sql(), QStringLiteral("SELECT d.number FROM decision_awardees a JOIN decisions d "
                                                               "ON d.id = a.decision_id WHERE a.nominee_id = :n "
                                                               "AND a.decision_id <> :d AND (d.status = :draft OR d.id <> "
                                                               "(SELECT COALESCE(amends_id, 0) FROM decisions WHERE id = :self))"))
                                  .bind(QStringLiteral(":n"), awardee.nomineeId)
                                  .bind(QStringLiteral(":d"), decisionId)
                                  .bind(QStringLiteral(":self"), decisionId)
                                  .bind(QStringLiteral(":draft"), decisionStatusCode(DecisionStatus::Draft))
                                  .scalar()
                                  .toString();
        if (!other.isEmpty())
            throw Error(Tr::tr("This nominee is already on the list of decision %1.").arg(other));
    }
    DecisionRows::validateAwardee(m_db, awardee);
    // A form this office's issuer may not award is refused here already; one whose authority
    // the law notes leave open is let in and warned about (authorityWarnings(), issue()).
    const AwardAuthority::Check authority = AwardAuthority::check(m_db, awardee.formCode);
    if (!authority.allowedWithReason())
        throw Error(authority.message);
    const qint64 id = DecisionRows::insertAwardee(m_db, decisionId, awardee);
    tx.commit();
    return id;
}

void DecisionRepository::removeAwardee(qint64 awardeeId)
{
    Permissions::require(m_db, Action::DraftDecisions);
    Transaction tx(m_db.sql());
    DecisionRows::requireDraft(m_db, decisionOfAwardee(m_db, awardeeId));
    Query(m_db.sql(), QStringLiteral("DELETE FROM decision_awardees WHERE id = :id")).bind(QStringLiteral(":id"), awardeeId).exec();
    tx.commit();
}

void DecisionRepository::price(qint64 decisionId)
{
    Permissions::require(m_db, Action::DraftDecisions);
    Transaction tx(m_db.sql());
    DecisionRows::requireDraft(m_db, decisionId);
    DecisionRows::priceDecision(m_db, decisionId);
    tx.commit();
}

DecisionRepository::Pricing DecisionRepository::pricing(qint64 decisionId) const
{
    const Decision d = decision(decisionId);
    if (DecisionMachine::inForce(d.status))
        return {awardees(decisionId), d.baseSalary, d.total, {}, {}};
    try {
        return DecisionRows::computePrices(m_db, decisionId);
    } catch (const DatabaseError &) {
        throw; // broken, not "cannot be priced yet": the caller must not show it as a missing rate
    } catch (const Error &e) {
        return {awardees(decisionId), 0, 0, e.message(), {}}; // no date, base salary or coefficient yet
    }
}

DecisionRepository::Pricing DecisionRepository::partialPricing(qint64 decisionId) const
{
    const Decision d = decision(decisionId);
    if (DecisionMachine::inForce(d.status))
        return {awardees(decisionId), d.baseSalary, d.total, {}, {}};
    return DecisionRows::computePrices(m_db, decisionId, DecisionRows::PriceMode::Partial);
}

} // namespace VinhDanh::Core::Workflow
