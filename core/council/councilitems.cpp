// Council sittings: the nominees put before them, conflicts of interest and the tallies.
#include "core/council/councilrepository.h"

#include "core/accounts/permissions.h"
#include "core/council/councilrepository_p.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/proposals/registernumbers.h"
#include "core/proposals/workflowrows.h"
#include "core/registry/keys.h"

#include <QHash>
#include <QSet>

namespace VinhDanh::Core::Workflow {

using CouncilRows::requireOpen;
using Permissions::Action;

namespace {
// Items with what the GUI shows of their nominee. Columns 15–19: Rows::subjectColumns(); 20–21:
// the dossier's register number.
QString itemSql(const QString &where)
{
    return QStringLiteral("SELECT ci.id, ci.session_id, ci.nominee_id, ci.position, n.form_code, d.ext_key, ci.agree, "
                          "ci.disagree, ci.abstain, ci.voters, ci.base, ci.threshold_percent, ci.threshold_basis, "
                          "ci.threshold_strict, ci.passed, ")
           + Rows::subjectColumns() + QStringLiteral(", d.register_year, d.register_seq")
           + QStringLiteral(" FROM council_items ci JOIN dossier_nominees n ON n.id = ci.nominee_id "
                            "JOIN dossiers d ON d.id = n.dossier_id")
           + Rows::subjectJoins(QStringLiteral("n")) + QStringLiteral(" WHERE ") + where
           + QStringLiteral(" ORDER BY ci.position, ci.id");
}

CouncilItem readItem(const Query &q)
{
    CouncilItem i;
    i.id = q.id(0);
    i.sessionId = q.id(1);
    i.nomineeId = q.id(2);
    i.position = q.integer(3);
    i.formCode = q.text(4);
    i.dossierKey = q.text(5);
    i.dossierNumber = Registers::text(Registers::Book::Dossier, q.integer(20), q.integer(21));
    i.tallied = !q.value(14).isNull();
    if (i.tallied) {
        i.agree = q.integer(6);
        i.disagree = q.integer(7);
        i.abstain = q.integer(8);
        i.voters = q.integer(9);
        i.base = q.integer(10);
        // The stored threshold does not say whether it was the form's own row or "*".
        i.threshold.formCode.clear();
        i.threshold.percent = q.integer(11);
        i.threshold.basis = q.text(12);
        i.threshold.strictlyMore = q.integer(13) != 0;
        i.passed = q.integer(14) != 0;
    }
    i.nomineeName = q.text(16);
    return i;
}

qint64 sessionOfItem(const Database &db, qint64 itemId)
{
    const qint64 id = Lookup::column(db, "council_items", "session_id", itemId).toLongLong();
    if (id == 0)
        throw Error(Tr::tr("The council item no longer exists; someone else may have removed it."));
    return id;
}

/// Puts one nominee before an open sitting (no permission check, no dossier transition).
/// A nominee already on this sitting keeps its item.
qint64 insertItem(Database &db, qint64 sessionId, qint64 nomineeId)
{
    Query q(db.sql(), QStringLiteral("SELECT d.status, a.agreed, (SELECT count(*) FROM nominee_outcomes o "
                                     "WHERE o.nominee_id = n.id), ")
                          + Rows::subjectColumns()
                          + QStringLiteral(" FROM dossier_nominees n JOIN dossiers d ON d.id = n.dossier_id "
                                           "LEFT JOIN nominee_appraisals a ON a.nominee_id = n.id")
                          + Rows::subjectJoins(QStringLiteral("n")) + QStringLiteral(" WHERE n.id = :n"));
    q.bind(QStringLiteral(":n"), nomineeId).exec();
    if (!q.next())
        throw Error(Tr::tr("The nominee no longer exists; someone else may have removed it."));
    const QString name = q.text(4);
    const Status status = statusFromCode(q.text(0));
    if (status != Status::Appraised && status != Status::BeforeCouncil)
        throw Error(Tr::tr("%1 cannot be put before the council: the dossier is %2, and only appraised dossiers go to "
                           "the council.")
                        .arg(name, statusLabel(status).toLower()));
    if (q.value(1).isNull() || q.integer(1) != 1)
        throw Error(Tr::tr("%1 cannot be put before the council: the appraiser did not agree to propose this nominee.").arg(name));
    if (q.integer(2) > 0)
        throw Error(Tr::tr("%1 cannot be put before the council: what became of this nominee is already recorded.").arg(name));

    const qint64 existing = Query(db.sql(), QStringLiteral("SELECT id FROM council_items WHERE session_id = :s AND nominee_id = :n"))
                                .bind(QStringLiteral(":s"), sessionId)
                                .bind(QStringLiteral(":n"), nomineeId)
                                .scalar(0)
                                .toLongLong();
    if (existing > 0)
        return existing;
    Query other(db.sql(), QStringLiteral("SELECT s.title, s.status, ci.passed FROM council_items ci "
                                         "JOIN council_sessions s ON s.id = ci.session_id "
                                         "WHERE ci.nominee_id = :n AND ci.session_id <> :s ORDER BY s.held_on, s.id"));
    other.bind(QStringLiteral(":n"), nomineeId).bind(QStringLiteral(":s"), sessionId).exec();
    while (other.next()) {
        if (other.integer(2) == 1 && !other.value(2).isNull())
            throw Error(Tr::tr("%1 already passed the vote at the council sitting \"%2\".").arg(name, other.text(0)));
        if (SittingMachine::changeable(sittingStatusFromCode(other.text(1))))
            throw Error(Tr::tr("%1 is already before the council sitting \"%2\", which is still open.").arg(name, other.text(0)));
    }
    const int position = Query(db.sql(),
                               QStringLiteral("SELECT COALESCE(MAX(position), 0) + 1 FROM council_items WHERE session_id = :s"))
                             .bind(QStringLiteral(":s"), sessionId)
                             .scalar(1)
                             .toInt();
    return Query(db.sql(), QStringLiteral("INSERT INTO council_items (session_id, nominee_id, position) "
                                          "VALUES (:s, :n, :p) RETURNING id"))
        .bind(QStringLiteral(":s"), sessionId)
        .bind(QStringLiteral(":n"), nomineeId)
        .bind(QStringLiteral(":p"), position)
        .insertReturningId();
}

/// Whether a sitting takes a dossier: 0 yes, 1 only with a confirmation (a regular-track
/// dossier before a movement's sitting), 2 never (another movement's dossier). `why` says so.
int acceptance(const Database &db, qint64 sessionId, qint64 dossierId, QString *why)
{
    Query q(db.sql(), QStringLiteral("SELECT s.movement_id, sm.name, s.title, d.movement_id, dm.name, d.title "
                                     "FROM council_sessions s LEFT JOIN movements sm ON sm.id = s.movement_id, "
                                     "dossiers d LEFT JOIN movements dm ON dm.id = d.movement_id WHERE s.id = :s AND d.id = :d"));
    q.bind(QStringLiteral(":s"), sessionId).bind(QStringLiteral(":d"), dossierId).exec();
    if (!q.next())
        return 0; // a missing row is reported by the caller's own checks
    const qint64 sittingMovement = q.id(0), dossierMovement = q.id(3);
    if (sittingMovement <= 0 || sittingMovement == dossierMovement)
        return 0;
    if (dossierMovement <= 0) {
        *why = Tr::tr("The sitting \"%1\" considers the movement \"%2\", and the dossier \"%3\" is of the regular track.")
                   .arg(q.text(2), q.text(1), q.text(5));
        return 1;
    }
    *why = Tr::tr("The sitting \"%1\" considers the movement \"%2\"; the dossier \"%3\" belongs to the movement \"%4\". "
                  "Put it before a sitting of its own movement or of the regular track.")
               .arg(q.text(2), q.text(1), q.text(5), q.text(4));
    return 2;
}

void requireAccepts(const Database &db, qint64 sessionId, qint64 dossierId, bool confirmRegular)
{
    QString why;
    const int a = acceptance(db, sessionId, dossierId, &why);
    if (a == 2)
        throw Error(why);
    if (a == 1 && !confirmRegular)
        throw Error(Tr::tr("%1 Confirm that the sitting considers it all the same; the decision will then cite the "
                           "regular track for it, not the movement.")
                        .arg(why));
}

/// An appraised dossier whose every agreed nominee is now on a sitting moves to
/// before_council. Through DossierRepository, so its history is written in one place.
void putToCouncilWhenComplete(Database &db, qint64 dossierId)
{
    if (Lookup::column(db, "dossiers", "status", dossierId).toString() != statusCode(Status::Appraised))
        return;
    const int missing = Query(db.sql(), QStringLiteral("SELECT count(*) FROM dossier_nominees n "
                                                       "JOIN nominee_appraisals a ON a.nominee_id = n.id AND a.agreed = 1 "
                                                       "WHERE n.dossier_id = :d AND NOT EXISTS "
                                                       "(SELECT 1 FROM council_items ci WHERE ci.nominee_id = n.id)"))
                            .bind(QStringLiteral(":d"), dossierId)
                            .scalar(0)
                            .toInt();
    if (missing == 0)
        DossierRepository(db).transition(dossierId, Transition::PutToCouncil);
}
} // namespace

qint64 CouncilRepository::addItem(qint64 sessionId, qint64 nomineeId, bool confirmRegular)
{
    Permissions::require(m_db, Action::RunCouncil);
    Transaction tx(m_db.sql());
    requireOpen(m_db, sessionId);
    requireAccepts(m_db, sessionId, Lookup::column(m_db, "dossier_nominees", "dossier_id", nomineeId).toLongLong(), confirmRegular);
    const qint64 id = insertItem(m_db, sessionId, nomineeId);
    putToCouncilWhenComplete(m_db, Lookup::column(m_db, "dossier_nominees", "dossier_id", nomineeId).toLongLong());
    tx.commit();
    return id;
}

void CouncilRepository::addDossier(qint64 sessionId, qint64 dossierId, bool confirmRegular)
{
    Permissions::require(m_db, Action::RunCouncil);
    Transaction tx(m_db.sql());
    requireOpen(m_db, sessionId);
    const QVariant status = Lookup::column(m_db, "dossiers", "status", dossierId);
    if (status.isNull())
        throw Error(Tr::tr("The dossier no longer exists; someone else may have deleted it."));
    requireAccepts(m_db, sessionId, dossierId, confirmRegular);
    const Status s = statusFromCode(status.toString());
    if (s != Status::Appraised && s != Status::BeforeCouncil)
        throw Error(Tr::tr("The dossier is %1; only appraised dossiers go to the council.").arg(statusLabel(s).toLower()));
    Query q(m_db.sql(), QStringLiteral("SELECT n.id FROM dossier_nominees n JOIN nominee_appraisals a ON a.nominee_id = n.id "
                                       "AND a.agreed = 1 WHERE n.dossier_id = :d AND NOT EXISTS "
                                       "(SELECT 1 FROM nominee_outcomes o WHERE o.nominee_id = n.id) ORDER BY n.position, n.id"));
    q.bind(QStringLiteral(":d"), dossierId).exec();
    QList<qint64> nominees;
    while (q.next())
        nominees << q.id(0);
    if (nominees.isEmpty())
        throw Error(Tr::tr("The dossier has no nominee that the appraiser agreed to propose and that still awaits the council."));
    for (qint64 nominee : std::as_const(nominees))
        insertItem(m_db, sessionId, nominee);
    putToCouncilWhenComplete(m_db, dossierId);
    tx.commit();
}

QList<CouncilRepository::Offer> CouncilRepository::sittingsFor(qint64 dossierId) const
{
    QList<Offer> out;
    for (const Sitting &s : sessions()) {
        if (!SittingMachine::changeable(s.status))
            continue;
        QString why;
        const int a = acceptance(m_db, s.id, dossierId, &why);
        if (a == 2)
            continue;
        out << Offer{s, a == 1, a == 1 ? why : QString()};
    }
    return out;
}

QList<CouncilItem> CouncilRepository::items(qint64 sessionId) const
{
    Query q(m_db.sql(), itemSql(QStringLiteral("ci.session_id = :s")));
    q.bind(QStringLiteral(":s"), sessionId).exec();
    QList<CouncilItem> out;
    QHash<qint64, int> row;
    while (q.next()) {
        row.insert(q.id(0), out.size());
        out.append(readItem(q));
    }
    Query c(m_db.sql(), QStringLiteral("SELECT cc.item_id, cc.member_id FROM council_conflicts cc "
                                       "JOIN council_items ci ON ci.id = cc.item_id WHERE ci.session_id = :s "
                                       "ORDER BY cc.item_id, cc.member_id"));
    c.bind(QStringLiteral(":s"), sessionId).exec();
    while (c.next())
        if (row.contains(c.id(0)))
            out[row.value(c.id(0))].conflictedMemberIds.append(c.id(1));
    return out;
}

CouncilItem CouncilRepository::item(qint64 itemId) const
{
    Query q(m_db.sql(), itemSql(QStringLiteral("ci.id = :i")));
    q.bind(QStringLiteral(":i"), itemId).exec();
    if (!q.next())
        throw Error(Tr::tr("The council item no longer exists; someone else may have removed it."));
    CouncilItem out = readItem(q);
    Query c(m_db.sql(), QStringLiteral("SELECT member_id FROM council_conflicts WHERE item_id = :i ORDER BY member_id"));
    c.bind(QStringLiteral(":i"), itemId).exec();
    while (c.next())
        out.conflictedMemberIds.append(c.id(0));
    return out;
}

void CouncilRepository::setConflicts(qint64 itemId, const QList<qint64> &memberIds)
{
    Permissions::require(m_db, Action::RunCouncil);
    Transaction tx(m_db.sql());
    const qint64 sessionId = sessionOfItem(m_db, itemId);
    requireOpen(m_db, sessionId);
    const QSet<qint64> wanted(memberIds.begin(), memberIds.end());
    for (qint64 member : wanted)
        if (Lookup::column(m_db, "council_members", "session_id", member).toLongLong() != sessionId)
            throw Error(Tr::tr("Only a member of this sitting can declare a conflict of interest for its nominee."));
    QSet<qint64> stored;
    Query q(m_db.sql(), QStringLiteral("SELECT member_id FROM council_conflicts WHERE item_id = :i"));
    q.bind(QStringLiteral(":i"), itemId).exec();
    while (q.next())
        stored.insert(q.id(0));
    if (stored == wanted) {
        tx.commit();
        return;
    }
    Query(m_db.sql(), QStringLiteral("DELETE FROM council_conflicts WHERE item_id = :i")).bind(QStringLiteral(":i"), itemId).exec();
    for (qint64 member : wanted)
        Query(m_db.sql(), QStringLiteral("INSERT INTO council_conflicts (item_id, member_id) VALUES (:i, :m)"))
            .bind(QStringLiteral(":i"), itemId)
            .bind(QStringLiteral(":m"), member)
            .exec();
    // Who may vote changed, so a tally already entered no longer holds: it is cleared and must
    // be entered again.
    Query(m_db.sql(), QStringLiteral("UPDATE council_items SET agree = NULL, disagree = NULL, abstain = NULL, voters = NULL, "
                                     "base = NULL, threshold_percent = NULL, threshold_basis = NULL, threshold_strict = NULL, "
                                     "passed = NULL, tallied_at = NULL, version = version + 1 "
                                     "WHERE id = :i AND passed IS NOT NULL"))
        .bind(QStringLiteral(":i"), itemId)
        .exec();
    tx.commit();
}

Threshold CouncilRepository::thresholdFor(const QString &formCode) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT form_code, percent, basis, strictly_more, source, confirmed FROM vote_thresholds "
                                       "WHERE form_code = :f OR form_code = '*' "
                                       "ORDER BY CASE WHEN form_code = '*' THEN 1 ELSE 0 END"));
    q.bind(QStringLiteral(":f"), formCode).exec();
    if (!q.next()) {
        Threshold fallback; // a simple majority of those present, when the office deleted every row
        fallback.formCode = QStringLiteral("*");
        return fallback;
    }
    return {q.text(0), q.integer(1), q.text(2), q.integer(3) != 0, q.text(4), q.integer(5) != 0};
}

void CouncilRepository::recordTally(qint64 itemId, int agree, int disagree, int abstain)
{
    Permissions::require(m_db, Action::RunCouncil);
    Transaction tx(m_db.sql());
    const qint64 sessionId = sessionOfItem(m_db, itemId);
    requireOpen(m_db, sessionId);
    const Sitting s = session(sessionId);
    Council::TallyInput in;
    in.members = int(s.members.size());
    for (const CouncilMember &m : s.members)
        in.present += m.attended ? 1 : 0;
    if (!Council::quorumMet(in.members, in.present, s.quorumNum, s.quorumDen))
        throw Error(Tr::tr("The sitting has no quorum: %1 of its %2 members attended, and at least %3/%4 must. "
                           "Record the attendance first; without a quorum no vote is valid.")
                        .arg(in.present)
                        .arg(in.members)
                        .arg(s.quorumNum)
                        .arg(s.quorumDen));
    const CouncilItem current = item(itemId);
    for (const CouncilMember &m : s.members)
        if (current.conflictedMemberIds.contains(m.id)) {
            ++in.conflictedMembers;
            in.conflictedPresent += m.attended ? 1 : 0;
        }
    in.agree = agree;
    in.disagree = disagree;
    in.abstain = abstain;
    const Threshold threshold = thresholdFor(current.formCode);
    const Council::TallyOutcome out = Council::evaluate(threshold, in);
    if (!out.valid)
        throw Error(Tr::tr("The vote for %1 was not recorded: %2 Check the counts against the ballots.")
                        .arg(current.nomineeName, out.problem));
    Query(m_db.sql(), QStringLiteral("UPDATE council_items SET agree = :agree, disagree = :disagree, abstain = :abstain, "
                                     "voters = :voters, base = :base, threshold_percent = :tp, threshold_basis = :tb, "
                                     "threshold_strict = :ts, passed = :passed, tallied_at = :at, version = version + 1 "
                                     "WHERE id = :id"))
        .bind(QStringLiteral(":agree"), agree)
        .bind(QStringLiteral(":disagree"), disagree)
        .bind(QStringLiteral(":abstain"), abstain)
        .bind(QStringLiteral(":voters"), out.voters)
        .bind(QStringLiteral(":base"), out.base)
        .bind(QStringLiteral(":tp"), threshold.percent)
        .bind(QStringLiteral(":tb"), threshold.basis)
        .bind(QStringLiteral(":ts"), threshold.strictlyMore ? 1 : 0)
        .bind(QStringLiteral(":passed"), out.passed ? 1 : 0)
        .bind(QStringLiteral(":at"), Rows::nowText())
        .bind(QStringLiteral(":id"), itemId)
        .exec();
    tx.commit();
}

} // namespace VinhDanh::Core::Workflow
