// Decisions from their dossiers (issue 13): which dossiers of a sitting a decision may be
// filled from, filling it from those the clerk picks, what the decision is about (movement,
// occasion, year: from the awardees' dossiers, never from the sitting) and who may award the
// forms on its list.
#include "core/decisions/decisionrepository.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/decisions/awardauthority.h"
#include "core/decisions/decisionrepository_p.h"
#include "core/domain/codes.h"
#include "core/domain/movement.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/movementrepository.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace VinhDanh::Core::Workflow {

namespace {
/// A nominee the sitting passed that a decision could take: still without an outcome and not
/// on another decision's list. `dossier` = its dossier.
struct Passed
{
    qint64 nomineeId = 0;
    qint64 dossierId = 0;
    QString name;
    QString formCode;
};

QList<Passed> passedNominees(const Database &db, qint64 decisionId, qint64 sessionId)
{
    Query q(db.sql(), QStringLiteral("SELECT n.id, n.dossier_id, COALESCE(p.full_name, u.name), n.form_code "
                                     "FROM council_items ci JOIN dossier_nominees n ON n.id = ci.nominee_id "
                                     "LEFT JOIN people p ON p.id = n.person_id LEFT JOIN units u ON u.id = n.unit_id "
                                     "WHERE ci.session_id = :s AND ci.passed = 1 "
                                     "AND NOT EXISTS (SELECT 1 FROM nominee_outcomes o WHERE o.nominee_id = n.id) "
                                     "AND NOT EXISTS (SELECT 1 FROM decision_awardees a WHERE a.nominee_id = n.id "
                                     "AND a.decision_id <> :d) ORDER BY ci.position, ci.id"));
    q.bind(QStringLiteral(":s"), sessionId).bind(QStringLiteral(":d"), decisionId).exec();
    // Read whole before other statements run: on PostgreSQL a forward-only result is lost then.
    QList<Passed> out;
    while (q.next())
        out << Passed{q.id(0), q.id(1), q.text(2), q.text(3)};
    return out;
}

/// The basis a dossier gives a decision: track/movement, occasion and year.
struct Key
{
    qint64 movementId = 0;
    QString occasion;
    int year = 0;
    bool operator==(const Key &o) const { return movementId == o.movementId && occasion == o.occasion && year == o.year; }
};

Key keyOf(const Dossier &d)
{
    return {d.movementId, d.occasion, d.year};
}

QString keyText(const Dossier &d)
{
    const QString occasion = Codes::label(Codes::Set::Occasion, d.occasion).toLower();
    return d.movementId > 0 ? Tr::tr("\"%1\", %2 %3").arg(d.movementName, occasion).arg(d.year)
                            : Tr::tr("the regular track, %1 %2").arg(occasion).arg(d.year);
}
} // namespace

QList<Dossier> DecisionRepository::offeredDossiers(qint64 decisionId, qint64 sessionId) const
{
    QSet<qint64> ids;
    QHash<QString, bool> fillable; // form → the issuer awards it (with or without a reason)
    for (const Passed &p : passedNominees(m_db, decisionId, sessionId)) {
        if (!fillable.contains(p.formCode))
            fillable.insert(p.formCode, AwardAuthority::check(m_db, p.formCode).allowedWithReason());
        if (fillable.value(p.formCode))
            ids.insert(p.dossierId);
    }
    QList<Dossier> out;
    const DossierRepository dossiers(m_db);
    for (qint64 id : std::as_const(ids))
        out << dossiers.reference(id);
    std::sort(out.begin(), out.end(), [](const Dossier &a, const Dossier &b) { return a.id > b.id; });
    return out;
}

QStringList DecisionRepository::fillFromCouncil(qint64 decisionId, qint64 sessionId)
{
    QList<qint64> all;
    for (const Dossier &d : offeredDossiers(decisionId, sessionId))
        all << d.id;
    return fillFromCouncil(decisionId, sessionId, all);
}

QStringList DecisionRepository::fillFromCouncil(qint64 decisionId, qint64 sessionId, const QList<qint64> &dossierIds)
{
    Permissions::require(m_db, Permissions::Action::DraftDecisions);
    Transaction tx(m_db.sql());
    DecisionRows::requireDraft(m_db, decisionId);
    if (Lookup::column(m_db, "council_sessions", "id", sessionId).isNull())
        throw Error(Tr::tr("The council sitting no longer exists; someone else may have deleted it."));

    // The picked dossiers must be offered, and one decision cites one basis.
    const QList<Dossier> offered = offeredDossiers(decisionId, sessionId);
    QList<Dossier> picked;
    for (qint64 id : dossierIds) {
        const auto it = std::find_if(offered.cbegin(), offered.cend(), [id](const Dossier &d) { return d.id == id; });
        if (it == offered.cend()) {
            const QString title = Lookup::column(m_db, "dossiers", "title", id).toString();
            throw Error(Tr::tr("The dossier \"%1\" has no nominee this sitting passed that this decision can award; "
                               "pick among the dossiers offered.")
                            .arg(title.isEmpty() ? QString::number(id) : title));
        }
        picked << *it;
    }
    for (const Dossier &d : std::as_const(picked))
        if (!(keyOf(d) == keyOf(picked.first())))
            throw Error(Tr::tr("The dossiers picked differ: \"%1\" is of %2, \"%3\" of %4. A decision cites one basis; "
                               "pick dossiers of the same track, movement, occasion and year, and make another "
                               "decision for the others.")
                            .arg(picked.first().title, keyText(picked.first()), d.title, keyText(d)));

    Query(m_db.sql(), QStringLiteral("DELETE FROM decision_awardees WHERE decision_id = :d"))
        .bind(QStringLiteral(":d"), decisionId)
        .exec();
    QSet<qint64> wanted;
    for (const Dossier &d : std::as_const(picked))
        wanted.insert(d.id);
    QStringList leftOut;
    for (const Passed &p : passedNominees(m_db, decisionId, sessionId)) {
        if (!wanted.contains(p.dossierId))
            continue;
        const AwardAuthority::Check authority = AwardAuthority::check(m_db, p.formCode);
        if (!authority.allowedWithReason()) {
            leftOut << Tr::tr("%1: %2").arg(p.name, authority.message);
            continue;
        }
        Awardee a = DecisionRows::nomineeAsAwardee(m_db, p.nomineeId);
        DecisionRows::validateAwardee(m_db, a);
        DecisionRows::insertAwardee(m_db, decisionId, a);
    }
    // The list came from this sitting, and the decision's movement is its dossiers' (none for
    // the regular track), never the sitting's. The version moves on, so a header form opened
    // before reloads instead of writing the old links back.
    Query(m_db.sql(), QStringLiteral("UPDATE decisions SET session_id = :s, movement_id = :m, version = version + 1 WHERE id = :d"))
        .bind(QStringLiteral(":s"), sessionId)
        .bindOptional(QStringLiteral(":m"), picked.isEmpty() ? qint64(0) : picked.first().movementId)
        .bind(QStringLiteral(":d"), decisionId)
        .exec();
    tx.commit();
    return leftOut;
}

DecisionBasis DecisionRepository::basis(qint64 decisionId) const
{
    const Decision d = decision(decisionId);
    DecisionBasis out;
    out.year = d.year;
    Query q(m_db.sql(), QStringLiteral("SELECT dd.movement_id, dd.occasion, dd.year FROM decision_awardees a "
                                       "LEFT JOIN dossier_nominees n ON n.id = a.nominee_id "
                                       "LEFT JOIN dossiers dd ON dd.id = n.dossier_id WHERE a.decision_id = :d"));
    q.bind(QStringLiteral(":d"), decisionId).exec();
    bool typedIn = false, any = false, oneMovement = true, oneOccasion = true, oneYear = true;
    qint64 movement = -1;
    QString occasion;
    int year = 0;
    while (q.next()) {
        if (q.value(2).isNull()) { // typed in directly: not from a dossier
            typedIn = true;
            continue;
        }
        const qint64 m = q.id(0);
        if (!any) {
            movement = m;
            occasion = q.text(1);
            year = q.integer(2);
        }
        any = true;
        oneMovement = oneMovement && m == movement;
        oneOccasion = oneOccasion && q.text(1) == occasion;
        oneYear = oneYear && q.integer(2) == year;
    }
    if (!any) {
        // Nothing came from a dossier: the header's own movement, as the clerk chose it.
        out.movementId = d.movementId;
    } else {
        out.fromDossiers = true;
        if (oneYear)
            out.year = year;
        // A movement only when every awardee came from a dossier of that one movement.
        if (!typedIn && oneMovement && movement > 0) {
            out.movementId = movement;
            if (oneOccasion)
                out.occasion = occasion;
        }
    }
    if (out.movementId > 0)
        if (const std::optional<Movement> m = MovementRepository(m_db).get(out.movementId))
            out.movementName = m->name;
    return out;
}

QStringList DecisionRepository::authorityWarnings(qint64 decisionId) const
{
    QStringList out;
    QSet<QString> seen;
    for (const Awardee &a : awardees(decisionId)) {
        if (seen.contains(a.formCode))
            continue;
        seen.insert(a.formCode);
        const AwardAuthority::Check c = AwardAuthority::check(m_db, a.formCode);
        if (c.verdict != AwardAuthority::Check::Verdict::Allowed)
            out << c.message;
    }
    return out;
}

} // namespace VinhDanh::Core::Workflow
