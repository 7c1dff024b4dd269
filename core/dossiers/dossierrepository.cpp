// Proposal dossiers: the header, lists and counts, removal, and the state machine with its
// checks and history. Nominees, attachments and appraisal are in the files beside this one.
#include "core/dossiers/dossierrepository.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/domain/codes.h"
#include "core/domain/movement.h"
#include "core/dossiers/dossierrepository_p.h"
#include "core/error.h"
#include "core/proposals/registernumbers.h"
#include "core/proposals/statemachine.h"
#include "core/proposals/workflowrows.h"
#include "core/registry/keys.h"
#include "core/registry/movementrepository.h"
#include "core/registry/versioning.h"
#include "core/text/vntext.h"

namespace VinhDanh::Core::Workflow {

namespace {
using namespace DossierDetail;
using Permissions::Action;
using Rows::nowText;
using Rows::timeFrom;
using Sql::writeEvent;

const QString kSelect = QStringLiteral(
    "SELECT d.id, d.ext_key, d.unit_id, u.name, d.movement_id, m.name, d.occasion, d.year, d.title, d.letter_no, "
    "d.letter_date, d.status, d.return_reason, d.created_at, d.submitted_at, d.version, "
    "(SELECT count(*) FROM dossier_nominees n WHERE n.dossier_id = d.id), d.register_year, d.register_seq "
    "FROM dossiers d JOIN units u ON u.id = d.unit_id LEFT JOIN movements m ON m.id = d.movement_id");

Dossier readDossier(const Query &q)
{
    Dossier d;
    d.id = q.id(0);
    d.key = q.text(1);
    d.unitId = q.id(2);
    d.unitName = q.text(3);
    d.movementId = q.id(4);
    d.movementName = q.text(5);
    d.occasion = q.text(6);
    d.year = q.integer(7);
    d.title = q.text(8);
    d.letterNo = q.text(9);
    d.letterDate = Keys::dateFrom(q.value(10));
    d.status = statusFromCode(q.text(11));
    d.returnReason = q.text(12);
    d.createdAt = timeFrom(q.value(13));
    d.submittedAt = timeFrom(q.value(14));
    d.version = q.integer(15);
    d.nomineeCount = q.integer(16);
    d.registerYear = q.integer(17);
    d.registerSeq = q.integer(18);
    return d;
}

/// A clerk sees the dossiers of their own subtree only.
void addVisibility(const Database &db, QStringList &where)
{
    if (Permissions::visibleRoot(db) > 0)
        where << QStringLiteral("d.unit_id IN (%1)").arg(Permissions::subtreeSql());
}

void bindVisibility(const Database &db, Query &q)
{
    if (const qint64 root = Permissions::visibleRoot(db); root > 0)
        q.bind(QStringLiteral(":vis_root"), root);
}

QString whereText(const QStringList &where)
{
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

/// The occasions a movement plan has: its award occasions and its phases' reviews. For a
/// review (sơ kết / tổng kết) held in known years, the dossier's year must be one of them.
QStringList occasionProblems(const Movement &m, const QString &occasion, int year)
{
    QStringList allowed;
    for (const MovementAward &a : m.awards)
        if (!allowed.contains(a.occasion))
            allowed << a.occasion;
    QList<int> reviewYears;
    for (const MovementPhase &p : m.phases) {
        if (p.review.isEmpty())
            continue;
        if (!allowed.contains(p.review))
            allowed << p.review;
        if (p.review == occasion && p.reviewYear > 0)
            reviewYears << p.reviewYear;
    }
    QStringList labels;
    for (const QString &o : allowed)
        labels << Codes::label(Codes::Set::Occasion, o);
    if (!allowed.contains(occasion))
        return {Tr::tr("The movement \"%1\" has no %2; choose one of: %3.")
                    .arg(m.name, Codes::label(Codes::Set::Occasion, occasion), labels.join(QStringLiteral(", ")))};
    if (!reviewYears.isEmpty() && !reviewYears.contains(year)) {
        QStringList years;
        for (int y : reviewYears)
            years << QString::number(y);
        return {Tr::tr("The movement \"%1\" holds its %2 in %3, not in %4; correct the year.")
                    .arg(m.name, Codes::label(Codes::Set::Occasion, occasion), years.join(QStringLiteral(", ")))
                    .arg(year)};
    }
    return {};
}

/// A unit that ended before the dossier's year (merged, dissolved, renamed) proposes nothing
/// for it: its successor does.
QStringList endedUnitProblems(Database &db, qint64 unitId, int year)
{
    Query q(db.sql(), QStringLiteral("SELECT u.name, u.valid_to, s.name FROM units u LEFT JOIN units s ON s.id = u.succeeded_by_id "
                                     "WHERE u.id = :u"));
    q.bind(QStringLiteral(":u"), unitId).exec();
    if (!q.next())
        return {};
    const QDate ended = Keys::dateFrom(q.value(1));
    if (!ended.isValid() || ended >= QDate(year, 1, 1))
        return {};
    const QString when = ended.toString(QStringLiteral("dd/MM/yyyy"));
    if (!q.text(2).isEmpty())
        return {Tr::tr("%1 ended on %2 and was succeeded by %3: it cannot propose for %4. Make the dossier in the name of %3.")
                    .arg(q.text(0), when, q.text(2))
                    .arg(year)};
    return {
        Tr::tr("%1 ended on %2: it cannot propose for %3. Choose the unit that took over its work.").arg(q.text(0), when).arg(year)};
}

QStringList validate(Database &db, const Dossier &d)
{
    QStringList problems;
    if (d.unitId <= 0 || Lookup::column(db, "units", "id", d.unitId).isNull())
        problems << Tr::tr("Choose the proposing unit.");
    else
        problems << endedUnitProblems(db, d.unitId, d.year);
    if (d.year < 1945 || d.year > 2100)
        problems << Tr::tr("The year %1 is out of range; enter the year of the achievements (1945–2100).").arg(d.year);
    if (d.title.isEmpty())
        problems << Tr::tr("The title of the dossier is required (e.g. \"Đề nghị khen thưởng năm %1\").").arg(d.year);
    if (!Codes::isValid(Codes::Set::Occasion, d.occasion)) {
        problems << Tr::tr("Unknown occasion \"%1\"; use one of: %2.").arg(d.occasion, Codes::codesText(Codes::Set::Occasion));
    } else if (d.movementId > 0) {
        const std::optional<Movement> m = MovementRepository(db).get(d.movementId);
        if (!m)
            problems << Tr::tr("The movement of the dossier no longer exists; choose another or the regular track.");
        else
            problems << occasionProblems(*m, d.occasion, d.year);
    } else if (d.occasion != QLatin1String("annual")) {
        problems << Tr::tr("A dossier of the regular track is annual; choose a movement for a sơ kết or tổng kết.");
    }
    return problems;
}

/// Names of the dossier's nominees that a query selects (`SELECT name … WHERE n.dossier_id = :d`).
QStringList nomineeNames(Database &db, const QString &condition, qint64 dossierId)
{
    Query q(db.sql(), QStringLiteral("SELECT COALESCE(p.full_name, u.name) FROM dossier_nominees n "
                                     "LEFT JOIN people p ON p.id = n.person_id LEFT JOIN units u ON u.id = n.unit_id "
                                     "WHERE n.dossier_id = :d AND ")
                          + condition + QStringLiteral(" ORDER BY n.position, n.id"));
    q.bind(QStringLiteral(":d"), dossierId).exec();
    QStringList out;
    while (q.next())
        out << q.text(0);
    return out;
}

QString namesText(const QStringList &names)
{
    constexpr int kShown = 5;
    QStringList shown = names.mid(0, kShown);
    if (names.size() > kShown)
        shown << Tr::tr("and %n more", nullptr, int(names.size() - kShown));
    return shown.join(QStringLiteral(", "));
}

/// The checks a transition needs beyond the table; throws Error when one fails.
void checkTransition(Database &db, const Head &h, Transition t, const QString &reason)
{
    const QString label = transitionLabel(t).toLower();
    if (StateMachine::needsReason(t) && reason.isEmpty())
        throw Error(Tr::tr("Give the reason to %1: what the unit must supplement or correct.").arg(label));
    if (t == Transition::Submit || t == Transition::Resubmit) {
        if (nomineeNames(db, QStringLiteral("1 = 1"), h.id).isEmpty())
            throw Error(Tr::tr("The dossier has no nominee; add at least one before you %1 it.").arg(label));
        const QStringList noReason = nomineeNames(
            db, QStringLiteral("n.engine_verdict = 'not_eligible' AND (n.proceed_reason IS NULL OR n.proceed_reason = '')"), h.id);
        if (!noReason.isEmpty())
            throw Error(Tr::tr("The eligibility check found these nominees not eligible and no reason to propose them "
                               "was given: %1. Give the reason for each, or remove them.")
                            .arg(namesText(noReason)));
        // Required documents missing: the dossier may go on, but only with the clerk's reason,
        // which the history keeps (transition() writes it with the event).
        QStringList missing;
        for (const RequiredDocument &r : DossierRepository(db).requiredDocuments(h.id))
            if (!r.present)
                missing << r.label;
        if (!missing.isEmpty() && reason.isEmpty())
            throw Error(Tr::tr("%n required document(s) of the dossier are missing: %1. Attach them, or give the reason "
                               "to %2 it without them (it is kept in the dossier's history).",
                               nullptr, int(missing.size()))
                            .arg(namesText(missing), label));
    }
    if (t == Transition::FinishAppraisal) {
        const QStringList open = nomineeNames(
            db, QStringLiteral("NOT EXISTS (SELECT 1 FROM nominee_appraisals a WHERE a.nominee_id = n.id)"), h.id);
        if (!open.isEmpty())
            throw Error(Tr::tr("Every nominee must be appraised before the appraisal is finished; not yet appraised: %1.")
                            .arg(namesText(open)));
    }
    if (t == Transition::PutToCouncil) {
        const QStringList missing = nomineeNames(
            db,
            QStringLiteral("EXISTS (SELECT 1 FROM nominee_appraisals a WHERE a.nominee_id = n.id AND a.agreed = 1) "
                           "AND NOT EXISTS (SELECT 1 FROM council_items c WHERE c.nominee_id = n.id)"),
            h.id);
        if (!missing.isEmpty())
            throw Error(Tr::tr("Every nominee the appraisal agreed to must be on a council sitting first; not yet on one: %1.")
                            .arg(namesText(missing)));
    }
    if (t == Transition::Decide) {
        const QStringList open = nomineeNames(
            db, QStringLiteral("NOT EXISTS (SELECT 1 FROM nominee_outcomes o WHERE o.nominee_id = n.id)"), h.id);
        if (!open.isEmpty())
            throw Error(Tr::tr("The dossier can be closed only when every nominee has an outcome (awarded, not awarded "
                               "or forwarded); still open: %1.")
                            .arg(namesText(open)));
    }
}

/// At the end of appraisal the nominees the appraiser did not agree to are settled: not awarded,
/// with the appraiser's reason.
void settleRefused(Database &db, qint64 dossierId)
{
    // Through Sql::writeOutcome, nominee_outcomes' one INSERT: a dossier has tens of nominees.
    Query refused(db.sql(), QStringLiteral("SELECT a.nominee_id, a.reason FROM nominee_appraisals a "
                                           "JOIN dossier_nominees n ON n.id = a.nominee_id WHERE n.dossier_id = :d AND a.agreed = 0 "
                                           "AND NOT EXISTS (SELECT 1 FROM nominee_outcomes o WHERE o.nominee_id = a.nominee_id)"));
    refused.bind(QStringLiteral(":d"), dossierId).exec();
    QList<std::pair<qint64, QString>> rows;
    while (refused.next())
        rows.append({refused.id(0), refused.text(1)});
    const QString at = nowText();
    for (const auto &[nominee, reason] : rows)
        Sql::writeOutcome(db, nominee, QStringLiteral("not_awarded"), reason, at);
}
} // namespace

StatusCounts DossierRepository::counts() const
{
    StatusCounts out;
    for (Status s : allStatuses())
        out.insert(s, 0);
    QStringList where;
    addVisibility(m_db, where);
    Query q(m_db.sql(),
            QStringLiteral("SELECT d.status, count(*) FROM dossiers d") + whereText(where) + QStringLiteral(" GROUP BY d.status"));
    bindVisibility(m_db, q);
    q.exec();
    while (q.next())
        out.insert(statusFromCode(q.text(0)), q.integer(1));
    return out;
}

QList<Dossier> DossierRepository::list(const DossierFilter &filter) const
{
    QStringList where;
    if (!filter.anyStatus)
        where << QStringLiteral("d.status = :status");
    if (filter.movementId > 0)
        where << QStringLiteral("d.movement_id = :movement");
    if (filter.year > 0)
        where << QStringLiteral("d.year = :year");
    if (filter.personId > 0)
        where << QStringLiteral("EXISTS (SELECT 1 FROM dossier_nominees fp WHERE fp.dossier_id = d.id AND fp.person_id = :person)");
    if (filter.unitId > 0)
        where << QStringLiteral("(d.unit_id = :unit OR EXISTS (SELECT 1 FROM dossier_nominees fu "
                                "WHERE fu.dossier_id = d.id AND fu.unit_id = :unit2))");
    addVisibility(m_db, where);
    Query q(m_db.sql(), kSelect + whereText(where) + QStringLiteral(" ORDER BY d.created_at DESC, d.id DESC"));
    if (!filter.anyStatus)
        q.bind(QStringLiteral(":status"), statusCode(filter.status));
    if (filter.movementId > 0)
        q.bind(QStringLiteral(":movement"), filter.movementId);
    if (filter.year > 0)
        q.bind(QStringLiteral(":year"), filter.year);
    if (filter.personId > 0)
        q.bind(QStringLiteral(":person"), filter.personId);
    if (filter.unitId > 0)
        q.bind(QStringLiteral(":unit"), filter.unitId).bind(QStringLiteral(":unit2"), filter.unitId);
    bindVisibility(m_db, q);
    q.exec();
    QList<Dossier> out;
    while (q.next())
        out << readDossier(q);
    return out;
}

Dossier DossierRepository::reference(qint64 id) const
{
    Query q(m_db.sql(), kSelect + QStringLiteral(" WHERE d.id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        throw Error(Tr::tr("The dossier no longer exists; someone else may have deleted it."));
    return readDossier(q);
}

Dossier DossierRepository::dossier(qint64 id) const
{
    Dossier d = reference(id);
    // The same limit as list(): a clerk opening another unit's dossier by key or id is told why.
    if (const qint64 root = Permissions::visibleRoot(m_db); root > 0 && !Permissions::inSubtree(m_db, root, d.unitId)) {
        const QString unitName = Lookup::column(m_db, "units", "name", root).toString();
        throw PermissionError(Tr::tr("This dossier was proposed by a unit outside %1 and its sub-units; the account %2 "
                                     "can open only the dossiers of its own units. Ask the office that handles it.")
                                  .arg(unitName, m_db.session().username));
    }
    return d;
}

qint64 DossierRepository::idForKey(const QString &key) const
{
    return Registers::dossierId(m_db, key); // the key, or the register number a clerk types
}

qint64 DossierRepository::save(Dossier &d)
{
    d.title = Text::clean(d.title);
    d.letterNo = Text::clean(d.letterNo);
    const QStringList problems = validate(m_db, d);
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char(' ')));
    Transaction tx(m_db.sql());
    const bool insert = d.id == 0;
    if (insert) {
        Permissions::require(m_db, Action::EditDossiers, d.unitId);
    } else {
        const Head h = head(m_db, d.id);
        requireEdit(m_db, h);
        if (d.unitId != h.unitId)
            Permissions::require(m_db, Action::EditDossiers, d.unitId);
        requireEditable(h);
    }
    if (d.key.isEmpty())
        d.key = Keys::generate(QStringLiteral("dossier"));
    const QString created = nowText();
    Query q(m_db.sql(), insert ? QStringLiteral("INSERT INTO dossiers (ext_key, unit_id, movement_id, occasion, year, title, "
                                                "letter_no, letter_date, status, created_at, register_year, register_seq) "
                                                "VALUES (:key, :unit, :movement, :occasion, :year, :title, :no, :date, :draft, "
                                                ":at, :ryear, :rseq) RETURNING id")
                               : QStringLiteral("UPDATE dossiers SET ext_key = :key, unit_id = :unit, movement_id = :movement, "
                                                "occasion = :occasion, year = :year, title = :title, letter_no = :no, "
                                                "letter_date = :date, version = version + 1 WHERE id = :id AND version = :version"));
    q.bind(QStringLiteral(":key"), d.key)
        .bind(QStringLiteral(":unit"), d.unitId)
        .bindOptional(QStringLiteral(":movement"), d.movementId)
        .bind(QStringLiteral(":occasion"), d.occasion)
        .bind(QStringLiteral(":year"), d.year)
        .bind(QStringLiteral(":title"), d.title)
        .bindOptional(QStringLiteral(":no"), d.letterNo)
        .bind(QStringLiteral(":date"), Keys::dateValue(d.letterDate));
    if (!insert) {
        q.bind(QStringLiteral(":id"), d.id).bind(QStringLiteral(":version"), d.version).exec();
        Versioning::checkUpdated(m_db, q, QStringLiteral("dossiers"), d.id,
                                 Tr::tr("The dossier no longer exists; someone else may have deleted it."));
        ++d.version;
        tx.commit();
        return d.id;
    }
    // The register number of the dossier's year, in this transaction (Registers::take).
    d.registerYear = d.year;
    d.registerSeq = Registers::take(m_db, Registers::Book::Dossier, d.registerYear);
    d.id = q.bind(QStringLiteral(":at"), created)
               .bind(QStringLiteral(":draft"), statusCode(Status::Draft))
               .bind(QStringLiteral(":ryear"), d.registerYear)
               .bind(QStringLiteral(":rseq"), d.registerSeq)
               .insertReturningId();
    writeEvent(m_db, d.id, QStringLiteral("create"), {}, statusCode(Status::Draft), {});
    d.status = Status::Draft;
    d.createdAt = timeFrom(created);
    d.version = 1;
    tx.commit();
    return d.id;
}

void DossierRepository::remove(qint64 id)
{
    Transaction tx(m_db.sql());
    const Head h = head(m_db, id);
    requireEdit(m_db, h);
    if (h.status != Status::Draft)
        throw Error(Tr::tr("Only a draft dossier can be deleted; \"%1\" is %2. Recall it first if it is submitted "
                           "and not yet under appraisal.")
                        .arg(h.title, statusLabel(h.status).toLower()));
    // Children first (foreign keys). A recalled draft may carry appraisals of an earlier round.
    const QString ofNominees = QStringLiteral(" WHERE nominee_id IN (SELECT id FROM dossier_nominees WHERE dossier_id = :d)");
    for (const QString &sql : QStringList{QStringLiteral("DELETE FROM nominee_checklist") + ofNominees,
                                          QStringLiteral("DELETE FROM nominee_appraisals") + ofNominees,
                                          QStringLiteral("DELETE FROM dossier_attachments WHERE dossier_id = :d"),
                                          QStringLiteral("DELETE FROM dossier_nominees WHERE dossier_id = :d"),
                                          QStringLiteral("DELETE FROM dossier_events WHERE dossier_id = :d"),
                                          QStringLiteral("DELETE FROM dossiers WHERE id = :d")})
        Query(m_db.sql(), sql).bind(QStringLiteral(":d"), id).exec();
    tx.commit();
}

void DossierRepository::transition(qint64 dossierId, Transition t, const QString &reason)
{
    const QString why = Text::clean(reason);
    Transaction tx(m_db.sql());
    const Head h = head(m_db, dossierId);
    Status to = h.status;
    if (!StateMachine::target(h.status, t, &to))
        throw Error(StateMachine::refusal(h.status, t));
    Permissions::require(m_db, StateMachine::requiredAction(t), h.unitId);
    checkTransition(m_db, h, t, why);
    if (t == Transition::FinishAppraisal)
        settleRefused(m_db, dossierId);
    const bool submits = t == Transition::Submit || t == Transition::Resubmit;
    // `status = :from` makes a concurrent change of status fail instead of being overwritten.
    Query q(m_db.sql(), QStringLiteral("UPDATE dossiers SET status = :to, version = version + 1")
                            + (t == Transition::Return ? QStringLiteral(", return_reason = :reason") : QString())
                            + (submits ? QStringLiteral(", submitted_at = :at") : QString())
                            + QStringLiteral(" WHERE id = :id AND status = :from"));
    q.bind(QStringLiteral(":to"), statusCode(to))
        .bind(QStringLiteral(":id"), dossierId)
        .bind(QStringLiteral(":from"), statusCode(h.status));
    if (t == Transition::Return)
        q.bind(QStringLiteral(":reason"), why);
    if (submits)
        q.bind(QStringLiteral(":at"), nowText());
    q.exec();
    if (q.numRowsAffected() != 1)
        throw Error(Tr::tr("Someone else changed the status of the dossier \"%1\" meanwhile; reopen it and try again.").arg(h.title));
    writeEvent(m_db, dossierId, transitionCode(t), statusCode(h.status), statusCode(to), why);
    tx.commit();
}

QList<Event> DossierRepository::history(qint64 dossierId) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT at, actor, transition, from_status, to_status, reason FROM dossier_events "
                                       "WHERE dossier_id = :d ORDER BY id"));
    q.bind(QStringLiteral(":d"), dossierId).exec();
    QList<Event> out;
    while (q.next())
        out << Event{timeFrom(q.value(0)), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5)};
    return out;
}

// ----- internals shared with the other files -----

namespace DossierDetail {

Head head(const Database &db, qint64 dossierId)
{
    Query q(db.sql(), QStringLiteral("SELECT id, unit_id, movement_id, occasion, year, title, status FROM dossiers WHERE id = :id"));
    q.bind(QStringLiteral(":id"), dossierId).exec();
    if (!q.next())
        throw Error(Tr::tr("The dossier no longer exists; someone else may have deleted it."));
    return {q.id(0), q.id(1), q.id(2), q.text(3), q.integer(4), q.text(5), statusFromCode(q.text(6))};
}

Head headOfNominee(const Database &db, qint64 nomineeId)
{
    const QVariant dossierId = Lookup::column(db, "dossier_nominees", "dossier_id", nomineeId);
    if (dossierId.isNull())
        throw Error(Tr::tr("The nominee no longer exists; someone else may have removed it from the dossier."));
    return head(db, dossierId.toLongLong());
}

void requireEditable(const Head &h)
{
    if (!StateMachine::contentEditable(h.status))
        throw Error(Tr::tr("The dossier \"%1\" is %2: its content can no longer be changed. It can be changed again "
                           "only if the appraiser returns it for supplement.")
                        .arg(h.title, statusLabel(h.status).toLower()));
}

void requireEdit(const Database &db, const Head &h)
{
    Permissions::require(db, Action::EditDossiers, h.unitId);
}

} // namespace DossierDetail

} // namespace VinhDanh::Core::Workflow
