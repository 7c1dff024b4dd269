// Council sittings: the header, members and attendance, the quorum, closing. Items, conflicts
// and tallies are in councilitems.cpp.
#include "core/council/councilrepository.h"

#include "core/accounts/permissions.h"
#include "core/council/councilrepository_p.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "core/proposals/recordstates.h"
#include "core/proposals/registernumbers.h"
#include "core/proposals/workflowrows.h"
#include "core/registry/keys.h"
#include "core/registry/versioning.h"
#include "core/text/vntext.h"

#include <QSet>

namespace VinhDanh::Core::Workflow {

using Permissions::Action;

namespace {
const QString kSessionColumns = QStringLiteral("id, ext_key, title, held_on, place, chair, year, movement_id, quorum_num, "
                                               "quorum_den, status, version, start_time, end_time, secretary, "
                                               "register_year, register_seq");
const QString kClock = QStringLiteral("HH:mm"); // how start_time and end_time are stored

QString clockText(const QTime &t)
{
    return t.isValid() ? t.toString(kClock) : QString();
}

Sitting readSession(const Query &q)
{
    Sitting s;
    s.id = q.id(0);
    s.key = q.text(1);
    s.title = q.text(2);
    s.heldOn = Keys::dateFrom(q.value(3));
    s.place = q.text(4);
    s.chair = q.text(5);
    s.year = q.integer(6);
    s.movementId = q.id(7);
    s.quorumNum = q.integer(8);
    s.quorumDen = q.integer(9);
    s.status = sittingStatusFromCode(q.text(10)); // an unknown code is an Error, never "open"
    s.version = q.integer(11);
    s.startTime = QTime::fromString(q.text(12), kClock);
    s.endTime = QTime::fromString(q.text(13), kClock);
    s.secretary = q.text(14);
    s.registerYear = q.integer(15);
    s.registerSeq = q.integer(16);
    return s;
}

/// "at least 90% of all members", "more than 50% of the members present".
QString thresholdText(int percent, const QString &basis, bool strictlyMore)
{
    if (basis == QLatin1String("members"))
        return strictlyMore ? Tr::tr("more than %1% of all members").arg(percent) : Tr::tr("at least %1% of all members").arg(percent);
    return strictlyMore ? Tr::tr("more than %1% of the members present").arg(percent)
                        : Tr::tr("at least %1% of the members present").arg(percent);
}

/// The header columns save() writes, for its INSERT and its UPDATE alike.
void bindHeader(Query &q, const Sitting &s)
{
    q.bind(QStringLiteral(":title"), s.title)
        .bind(QStringLiteral(":held"), Keys::dateValue(s.heldOn))
        .bindOptional(QStringLiteral(":place"), s.place)
        .bindOptional(QStringLiteral(":chair"), s.chair)
        .bind(QStringLiteral(":year"), s.year)
        .bindOptional(QStringLiteral(":movement"), s.movementId)
        .bindOptional(QStringLiteral(":start"), clockText(s.startTime))
        .bindOptional(QStringLiteral(":end"), clockText(s.endTime))
        .bindOptional(QStringLiteral(":secretary"), s.secretary);
}

/// The times and the secretary of a sitting as the minutes will state them (texts cleaned).
void checkTimesAndSecretary(Sitting &s)
{
    if (s.endTime.isValid() && !s.startTime.isValid())
        throw Error(Tr::tr("Enter the time the sitting started as well as the time it ended."));
    if (s.endTime.isValid() && s.endTime <= s.startTime)
        throw Error(Tr::tr("The sitting cannot end at %1 when it started at %2: the end time must be after the start time.")
                        .arg(s.endTime.toString(kClock), s.startTime.toString(kClock)));
    s.secretary = Text::clean(s.secretary);
    QStringList marked;
    for (const CouncilMember &m : std::as_const(s.members))
        if (m.secretary)
            marked << m.fullName;
    if (marked.size() > 1)
        throw Error(Tr::tr("Only one member can be the secretary; %1 are marked.").arg(marked.join(QStringLiteral(", "))));
    // A name typed for a secretary who is also marked among the members says the same twice.
    if (!marked.isEmpty() && s.secretary == marked.first())
        s.secretary.clear();
    if (!marked.isEmpty() && !s.secretary.isEmpty())
        throw Error(Tr::tr("The secretary is either a member (%1 is marked) or someone else named (%2), not both: clear one.")
                        .arg(marked.first(), s.secretary));
}

void saveMembers(Database &db, Sitting &s)
{
    QSet<qint64> stored;
    Query existing(db.sql(), QStringLiteral("SELECT id FROM council_members WHERE session_id = :s"));
    existing.bind(QStringLiteral(":s"), s.id).exec();
    while (existing.next())
        stored.insert(existing.id(0));
    QSet<qint64> kept;
    for (const CouncilMember &m : std::as_const(s.members))
        if (stored.contains(m.id))
            kept.insert(m.id);
    // A member who leaves the list takes their declared conflicts along.
    for (qint64 id : std::as_const(stored)) {
        if (kept.contains(id))
            continue;
        Query(db.sql(), QStringLiteral("DELETE FROM council_conflicts WHERE member_id = :m")).bind(QStringLiteral(":m"), id).exec();
        Query(db.sql(), QStringLiteral("DELETE FROM council_members WHERE id = :m")).bind(QStringLiteral(":m"), id).exec();
    }
    for (int i = 0; i < s.members.size(); ++i) {
        CouncilMember &m = s.members[i];
        m.position = i + 1;
        if (kept.contains(m.id)) {
            Query(db.sql(), QStringLiteral("UPDATE council_members SET position = :p, full_name = :n, title = :t, "
                                           "attended = :a, secretary = :sec, version = version + 1 WHERE id = :id"))
                .bind(QStringLiteral(":p"), m.position)
                .bind(QStringLiteral(":n"), m.fullName)
                .bindOptional(QStringLiteral(":t"), m.title)
                .bind(QStringLiteral(":a"), m.attended ? 1 : 0)
                .bind(QStringLiteral(":sec"), m.secretary ? 1 : 0)
                .bind(QStringLiteral(":id"), m.id)
                .exec();
        } else {
            m.id = Query(db.sql(), QStringLiteral("INSERT INTO council_members (session_id, position, full_name, title, "
                                                  "attended, secretary) VALUES (:s, :p, :n, :t, :a, :sec) RETURNING id"))
                       .bind(QStringLiteral(":s"), s.id)
                       .bind(QStringLiteral(":p"), m.position)
                       .bind(QStringLiteral(":n"), m.fullName)
                       .bindOptional(QStringLiteral(":t"), m.title)
                       .bind(QStringLiteral(":a"), m.attended ? 1 : 0)
                       .bind(QStringLiteral(":sec"), m.secretary ? 1 : 0)
                       .insertReturningId();
        }
    }
}

} // namespace

namespace CouncilRows {
SittingStatus requireAllowed(const Database &db, qint64 sessionId, SittingAction action)
{
    const QVariant status = Lookup::column(db, "council_sessions", "status", sessionId);
    if (status.isNull())
        throw Error(Tr::tr("The council sitting no longer exists; someone else may have deleted it."));
    const SittingStatus from = sittingStatusFromCode(status.toString());
    SittingMachine::require(from, action);
    return from;
}

void requireOpen(const Database &db, qint64 sessionId)
{
    requireAllowed(db, sessionId, SittingAction::Change);
}

} // namespace CouncilRows

QList<Sitting> CouncilRepository::sessions() const
{
    Query q(m_db.sql(),
            QStringLiteral("SELECT ") + kSessionColumns + QStringLiteral(" FROM council_sessions ORDER BY held_on DESC, id DESC"));
    q.exec();
    QList<Sitting> out;
    while (q.next())
        out.append(readSession(q));
    return out;
}

Sitting CouncilRepository::session(qint64 id) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT ") + kSessionColumns + QStringLiteral(" FROM council_sessions WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        throw Error(Tr::tr("The council sitting no longer exists; someone else may have deleted it."));
    Sitting s = readSession(q);
    Query m(m_db.sql(), QStringLiteral("SELECT id, position, full_name, title, attended, secretary FROM council_members "
                                       "WHERE session_id = :s ORDER BY position, id"));
    m.bind(QStringLiteral(":s"), id).exec();
    while (m.next())
        s.members.append({m.id(0), m.integer(1), m.text(2), m.text(3), m.integer(4) != 0, m.integer(5) != 0});
    return s;
}

qint64 CouncilRepository::idForKey(const QString &key) const
{
    return Registers::sittingId(m_db, key); // the key, or the register number a clerk types
}

qint64 CouncilRepository::save(Sitting &s)
{
    Permissions::require(m_db, Action::RunCouncil);
    s.title = Text::clean(s.title);
    s.place = Text::clean(s.place);
    s.chair = Text::clean(s.chair);
    if (s.title.isEmpty())
        throw Error(Tr::tr("Enter the title of the council sitting."));
    if (!s.heldOn.isValid())
        throw Error(Tr::tr("Enter the date of the council sitting."));
    if (s.year == 0)
        s.year = s.heldOn.year();
    if (s.year < 1945 || s.year > 2100)
        throw Error(Tr::tr("%1 is not a year the council can consider; enter a year from 1945 to 2100.").arg(s.year));
    for (int i = 0; i < s.members.size(); ++i) {
        s.members[i].fullName = Text::clean(s.members[i].fullName);
        s.members[i].title = Text::clean(s.members[i].title);
        if (s.members[i].fullName.isEmpty())
            throw Error(Tr::tr("Council member %1 has no name; enter it or remove the row.").arg(i + 1));
    }
    checkTimesAndSecretary(s);
    Transaction tx(m_db.sql());
    if (s.id == 0) {
        // The quorum is the office's rule on the day the sitting is made, kept with it.
        PayData(m_db).quorum(&s.quorumNum, &s.quorumDen);
        s.key = Keys::generate(QStringLiteral("council"));
        s.status = SittingStatus::Open; // the column's default
        Query insert(m_db.sql(), QStringLiteral("INSERT INTO council_sessions (ext_key, title, held_on, place, chair, year, "
                                                "movement_id, start_time, end_time, secretary, quorum_num, quorum_den, register_year, "
                                                "register_seq) VALUES (:key, :title, :held, :place, :chair, :year, :movement, "
                                                ":start, :end, :secretary, :qn, :qd, :ryear, :rseq) RETURNING id"));
        bindHeader(insert, s);
        // The register number of the sitting's year, in this transaction (Registers::take).
        s.registerYear = s.year;
        s.registerSeq = Registers::take(m_db, Registers::Book::Sitting, s.registerYear);
        s.id = insert.bind(QStringLiteral(":key"), s.key)
                   .bind(QStringLiteral(":ryear"), s.registerYear)
                   .bind(QStringLiteral(":rseq"), s.registerSeq)
                   .bind(QStringLiteral(":qn"), s.quorumNum)
                   .bind(QStringLiteral(":qd"), s.quorumDen)
                   .insertReturningId();
        s.version = 1;
    } else {
        CouncilRows::requireOpen(m_db, s.id);
        Query q(m_db.sql(), QStringLiteral("UPDATE council_sessions SET title = :title, held_on = :held, place = :place, "
                                           "chair = :chair, year = :year, movement_id = :movement, start_time = :start, "
                                           "end_time = :end, secretary = :secretary, version = version + 1 "
                                           "WHERE id = :id AND version = :version"));
        bindHeader(q, s);
        q.bind(QStringLiteral(":id"), s.id).bind(QStringLiteral(":version"), s.version).exec();
        Versioning::checkUpdated(m_db, q, QStringLiteral("council_sessions"), s.id,
                                 Tr::tr("The council sitting no longer exists; someone else may have deleted it."));
        ++s.version;
    }
    saveMembers(m_db, s);
    tx.commit();
    return s.id;
}

void CouncilRepository::setAttendance(qint64 memberId, bool attended)
{
    Permissions::require(m_db, Action::RunCouncil);
    const qint64 sessionId = Lookup::column(m_db, "council_members", "session_id", memberId).toLongLong();
    if (sessionId == 0)
        throw Error(Tr::tr("The council member no longer exists; someone else may have removed them."));
    Transaction tx(m_db.sql());
    CouncilRows::requireOpen(m_db, sessionId);
    Query(m_db.sql(), QStringLiteral("UPDATE council_members SET attended = :a, version = version + 1 WHERE id = :id"))
        .bind(QStringLiteral(":a"), attended ? 1 : 0)
        .bind(QStringLiteral(":id"), memberId)
        .exec();
    tx.commit();
}

void CouncilRepository::close(qint64 sessionId)
{
    Permissions::require(m_db, Action::RunCouncil);
    Transaction tx(m_db.sql());
    const SittingStatus from = CouncilRows::requireAllowed(m_db, sessionId, SittingAction::Close);
    SittingStatus closed = from;
    SittingMachine::target(from, SittingAction::Close, &closed); // the status written last
    const int untallied = Query(m_db.sql(),
                                QStringLiteral("SELECT count(*) FROM council_items WHERE session_id = :s AND passed IS NULL"))
                              .bind(QStringLiteral(":s"), sessionId)
                              .scalar(0)
                              .toInt();
    if (untallied > 0)
        throw Error(Tr::tr("%n nominee(s) of the sitting have no vote recorded. Record every tally before closing the sitting.",
                           nullptr, untallied));

    // A failed vote becomes the nominee's outcome only now, not at the tally: an outcome can
    // never change once written, and a mistyped tally must stay correctable while the sitting
    // is open.
    const QString now = Rows::nowText();
    Query failed(m_db.sql(), QStringLiteral("SELECT ci.nominee_id, ci.agree, ci.base, ci.threshold_percent, ci.threshold_basis, "
                                            "ci.threshold_strict FROM council_items ci WHERE ci.session_id = :s AND ci.passed = 0 "
                                            "AND NOT EXISTS (SELECT 1 FROM nominee_outcomes o WHERE o.nominee_id = ci.nominee_id) "
                                            "ORDER BY ci.position, ci.id"));
    failed.bind(QStringLiteral(":s"), sessionId).exec();
    // Read the whole list first: on PostgreSQL a forward-only result is lost when another
    // statement runs while it is being read.
    QList<QPair<qint64, QString>> reasons;
    while (failed.next())
        reasons.append({failed.id(0), Tr::tr("Council vote: %1/%2 agree; the threshold is %3.")
                                          .arg(failed.integer(1))
                                          .arg(failed.integer(2))
                                          .arg(thresholdText(failed.integer(3), failed.text(4), failed.integer(5) != 0))});
    for (const auto &[nominee, reason] : std::as_const(reasons))
        Sql::writeOutcome(m_db, nominee, QStringLiteral("not_awarded"), reason, now);

    // A dossier none of whose nominees waits any more (every one failed, or was refused at
    // appraisal) is decided now; one with passed nominees is decided when its decision is issued.
    Query touched(m_db.sql(), QStringLiteral("SELECT DISTINCT n.dossier_id FROM council_items ci "
                                             "JOIN dossier_nominees n ON n.id = ci.nominee_id WHERE ci.session_id = :s"));
    touched.bind(QStringLiteral(":s"), sessionId).exec();
    QList<qint64> dossiers;
    while (touched.next())
        dossiers << touched.id(0);
    for (qint64 dossierId : std::as_const(dossiers)) {
        if (Sql::nomineesWithoutOutcome(m_db, dossierId) == 0
            && Lookup::column(m_db, "dossiers", "status", dossierId).toString() == statusCode(Status::BeforeCouncil))
            DossierRepository(m_db).transition(dossierId, Transition::Decide);
    }

    // Last: once closed, the guards refuse any change to the sitting and its items.
    Query(m_db.sql(), QStringLiteral("UPDATE council_sessions SET status = :to, version = version + 1 WHERE id = :s"))
        .bind(QStringLiteral(":to"), sittingStatusCode(closed))
        .bind(QStringLiteral(":s"), sessionId)
        .exec();
    tx.commit();
}

bool CouncilRepository::quorumMet(qint64 sessionId) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT s.quorum_num, s.quorum_den, (SELECT count(*) FROM council_members m "
                                       "WHERE m.session_id = s.id), (SELECT count(*) FROM council_members m "
                                       "WHERE m.session_id = s.id AND m.attended = 1) FROM council_sessions s WHERE s.id = :s"));
    q.bind(QStringLiteral(":s"), sessionId).exec();
    return q.next() && Council::quorumMet(q.integer(2), q.integer(3), q.integer(0), q.integer(1));
}

qint64 CouncilRepository::openSittingFor(qint64 dossierId, const QDate &heldOn)
{
    Permissions::require(m_db, Action::RunCouncil);
    const Dossier d = DossierRepository(m_db).dossier(dossierId);
    const QList<Sitting> earlier = sessions();
    if (earlier.isEmpty())
        throw Error(Tr::tr("No council sitting has been recorded yet, so its members are not known: create the first "
                           "sitting with its members under Council, then put the dossier before it."));
    Sitting s;
    s.heldOn = heldOn.isValid() ? heldOn : QDate::currentDate();
    s.year = d.year;
    s.movementId = d.movementId;
    s.title = d.movementId ? Tr::tr("Council sitting on the awards of %1 in the movement “%2”").arg(d.year).arg(d.movementName)
                           : Tr::tr("Council sitting on the awards of %1").arg(d.year);
    const Sitting last = session(earlier.first().id);
    s.secretary = last.secretary; // the marked member, if any, comes with the members
    for (CouncilMember m : last.members) {
        m.id = 0;
        m.attended = true;
        s.members << m;
    }
    Transaction tx(m_db.sql());
    const qint64 id = save(s);
    addDossier(id, dossierId);
    tx.commit();
    return id;
}

} // namespace VinhDanh::Core::Workflow
