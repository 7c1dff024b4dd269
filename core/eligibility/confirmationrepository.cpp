#include "core/eligibility/confirmationrepository.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/rowwriter.h"
#include "core/registry/versioning.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QDateTime>

namespace VinhDanh::Core::Eligibility {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Eligibility)
};

const QString kColumns = QStringLiteral("id, person_id, unit_id, form_code, year, movement_id, item_id, confirmed, evidence, "
                                        "confirmed_by, confirmed_at, version, minutes_id");

SavedConfirmation readRow(const Query &q)
{
    SavedConfirmation c;
    c.id = q.id(0);
    c.key.subject = {q.id(1), q.id(2)};
    c.key.awardCode = q.text(3);
    c.key.year = q.integer(4);
    c.key.movementId = q.id(5);
    c.key.itemId = q.text(6);
    c.confirmed = q.integer(7) != 0;
    c.evidence = q.text(8);
    c.by = q.text(9);
    c.at = q.text(10);
    c.version = q.integer(11);
    c.minutesId = q.id(12);
    return c;
}

/// The movement a row is stored under: a movement's standard keeps it, every other item is the
/// nominee's fact for the year whatever movement the clerk was looking at.
qint64 storedMovement(const ConfirmationKey &key)
{
    return ConfirmationRepository::isMovementItem(key.itemId) ? key.movementId : 0;
}

/// "movement_id IS NULL" or "(movement_id IS NULL OR movement_id = :m)" for `alias`.
QString movementFilter(const QString &column, qint64 movementId)
{
    return movementId ? QStringLiteral("(%1 IS NULL OR %1 = :m)").arg(column) : QStringLiteral("%1 IS NULL").arg(column);
}
} // namespace

const RowWriter &ConfirmationRepository::rows()
{
    static const RowWriter writer(u"INSERT INTO eligibility_confirmations (person_id, unit_id, form_code, year, movement_id, "
                                  u"item_id, confirmed, evidence, confirmed_by, confirmed_at, minutes_id)");
    return writer;
}

bool ConfirmationRepository::isMovementItem(const QString &itemId)
{
    return itemId.startsWith(QLatin1String("movement-"));
}

namespace {
// The rule sets' (resources/rules/*.json) qualitative items that speak of the nominee and the
// year rather than of a form: the set's common "khong-dang-xem-xet"; for people "tinh-than"
// (LĐTT, CSTĐCS: self-reliance, solidarity, active emulation), "lao-dong-hieu-qua" (LĐTT for
// workers and farmers: effective work, law-abiding, wholesome life), "chap-hanh" (Bằng khen
// and higher: exemplary compliance with the Party's and the State's policy and law); for
// units "phong-trao-doan-ket" (TTLĐTT, TTLĐXS: emulation, internal unity) and
// "chap-hanh-doan-ket" (Bằng khen: compliance, internal unity). The same id means the same
// clause in every form that has it. Routes (a thesis, leading a bloc) and a form's own
// selection ("lua-chon") are not: they stay per form.
const QStringList kPersonYearFacts = {QStringLiteral("khong-dang-xem-xet"), QStringLiteral("tinh-than"),
                                      QStringLiteral("lao-dong-hieu-qua"), QStringLiteral("chap-hanh")};
const QStringList kUnitYearFacts = {QStringLiteral("khong-dang-xem-xet"), QStringLiteral("phong-trao-doan-ket"),
                                    QStringLiteral("chap-hanh-doan-ket")};
} // namespace

bool ConfirmationRepository::isYearFact(const QString &itemId)
{
    return kPersonYearFacts.contains(itemId) || kUnitYearFacts.contains(itemId);
}

QStringList ConfirmationRepository::yearFactItems(bool units)
{
    return units ? kUnitYearFacts : kPersonYearFacts;
}

QString ConfirmationRepository::storedAwardCode(const QString &awardCode, const QString &itemId)
{
    return isYearFact(itemId) ? QString() : awardCode;
}

QMap<QString, Confirmation> forAward(const GivenConfirmations &given, const QString &awardCode)
{
    const auto facts = given.constFind(QString());
    const auto own = given.constFind(awardCode);
    if (facts == given.constEnd())
        return own == given.constEnd() ? QMap<QString, Confirmation>() : *own;
    QMap<QString, Confirmation> out = *facts;
    if (own != given.constEnd())
        for (auto it = own->begin(); it != own->end(); ++it)
            out.insert(it.key(), it.value()); // a form's own row (say, from its dossier) is the more specific
    return out;
}

std::optional<SavedConfirmation> ConfirmationRepository::get(const ConfirmationKey &key) const
{
    const bool person = key.subject.isPerson();
    const qint64 movement = storedMovement(key);
    const QString code = storedAwardCode(key.awardCode, key.itemId);
    Query q(m_db.sql(), QStringLiteral("SELECT %1 FROM eligibility_confirmations WHERE %2 = :s AND %4 AND year = :y "
                                       "AND item_id = :i AND %3")
                            .arg(kColumns, person ? QStringLiteral("person_id") : QStringLiteral("unit_id"),
                                 movement ? QStringLiteral("movement_id = :m") : QStringLiteral("movement_id IS NULL"),
                                 code.isEmpty() ? QStringLiteral("form_code IS NULL") : QStringLiteral("form_code = :f")));
    q.bind(QStringLiteral(":s"), person ? key.subject.personId : key.subject.unitId)
        .bind(QStringLiteral(":y"), key.year)
        .bind(QStringLiteral(":i"), key.itemId);
    if (!code.isEmpty())
        q.bind(QStringLiteral(":f"), code);
    if (movement)
        q.bind(QStringLiteral(":m"), movement);
    q.exec();
    if (!q.next())
        return std::nullopt;
    return readRow(q);
}

QList<SavedConfirmation> ConfirmationRepository::forNominee(const Subject &subject, int year, qint64 movementId) const
{
    const bool person = subject.isPerson();
    Query q(m_db.sql(), QStringLiteral("SELECT %1 FROM eligibility_confirmations WHERE %2 = :s AND year = :y AND %3 "
                                       "ORDER BY COALESCE(form_code, ''), item_id")
                            .arg(kColumns, person ? QStringLiteral("person_id") : QStringLiteral("unit_id"),
                                 movementFilter(QStringLiteral("movement_id"), movementId)));
    q.bind(QStringLiteral(":s"), person ? subject.personId : subject.unitId).bind(QStringLiteral(":y"), year);
    if (movementId)
        q.bind(QStringLiteral(":m"), movementId);
    q.exec();
    QList<SavedConfirmation> out;
    while (q.next())
        out << readRow(q);
    return out;
}

SavedConfirmation ConfirmationRepository::save(const ConfirmationKey &key, bool confirmed, const QString &evidence,
                                               int expectedVersion, qint64 minutesId)
{
    if ((key.subject.personId > 0) == (key.subject.unitId > 0))
        throw Error(Tr::tr("Choose either a person or a unit to confirm for."));
    if ((key.awardCode.isEmpty() && !isYearFact(key.itemId)) || key.itemId.isEmpty() || key.year < 1945 || key.year > 2100)
        throw Error(Tr::tr("A confirmation needs an award code, a year from 1945 to 2100 and the item it confirms."));
    if (isMovementItem(key.itemId) && key.movementId <= 0)
        throw Error(Tr::tr("\"%1\" is one of a movement's own standards: name the movement it belongs to.").arg(key.itemId));
    const QString note = Text::clean(evidence);
    if (confirmed && note.isEmpty())
        throw Error(Tr::tr("A confirmation needs its evidence: write what shows the standard is met (a report, a decision "
                           "number, the minutes of a meeting)."));

    Transaction tx(m_db.sql());
    const qint64 unit = key.subject.isPerson() ? Lookup::column(m_db, "people", "unit_id", key.subject.personId).toLongLong()
                                               : key.subject.unitId;
    if (key.subject.isPerson() && unit == 0)
        throw Error(Tr::tr("There is no person with the id %1.").arg(key.subject.personId));
    Permissions::require(m_db, Permissions::Action::EditRegistry, unit);

    const std::optional<SavedConfirmation> stored = get(key);
    if (expectedVersion >= 0 && (stored ? stored->version : 0) != expectedVersion) {
        throw ConflictError(Tr::tr("Someone else changed this confirmation after you opened it; it now shows what is stored. "
                                   "Tick or un-tick it again if you still mean to."),
                            QStringLiteral("eligibility_confirmations"), stored ? stored->id : 0,
                            stored ? Versioning::storedRow(m_db, QStringLiteral("eligibility_confirmations"), stored->id)
                                   : QVariantMap());
    }
    if (!stored && !confirmed)
        return {}; // nothing ticked, nothing to take back
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    // Un-ticking keeps the stored note: the evidence stays on record beside "not confirmed".
    const QString kept = !confirmed && note.isEmpty() && stored ? stored->evidence : note;
    if (stored) {
        Query u(m_db.sql(), QStringLiteral("UPDATE eligibility_confirmations SET confirmed = :c, evidence = :e, confirmed_by = :by, "
                                           "confirmed_at = :at, minutes_id = :mi, version = version + 1 "
                                           "WHERE id = :id AND version = :v"));
        u.bind(QStringLiteral(":c"), confirmed ? 1 : 0)
            .bindOptional(QStringLiteral(":mi"), confirmed ? minutesId : 0)
            .bind(QStringLiteral(":e"), kept)
            .bindOptional(QStringLiteral(":by"), m_db.actorName())
            .bind(QStringLiteral(":at"), now)
            .bind(QStringLiteral(":id"), stored->id)
            .bind(QStringLiteral(":v"), stored->version)
            .exec();
        Versioning::checkUpdated(m_db, u, QStringLiteral("eligibility_confirmations"), stored->id,
                                 Tr::tr("The confirmation was deleted meanwhile."));
    } else {
        Query(m_db.sql(), rows().values({}, u":p, :u, :f, :y, :m, :i, 1, :e, :by, :at, :mi"))
            .bindOptional(QStringLiteral(":p"), key.subject.personId)
            .bindOptional(QStringLiteral(":u"), key.subject.unitId)
            .bindOptional(QStringLiteral(":f"), storedAwardCode(key.awardCode, key.itemId)) // NULL: every form
            .bindOptional(QStringLiteral(":mi"), minutesId)
            .bind(QStringLiteral(":y"), key.year)
            .bindOptional(QStringLiteral(":m"), storedMovement(key))
            .bind(QStringLiteral(":i"), key.itemId)
            .bind(QStringLiteral(":e"), kept)
            .bindOptional(QStringLiteral(":by"), m_db.actorName())
            .bind(QStringLiteral(":at"), now)
            .exec();
    }
    const std::optional<SavedConfirmation> saved = get(key);
    tx.commit();
    return saved.value_or(SavedConfirmation{});
}

GivenConfirmations ConfirmationRepository::effective(const Subject &subject, int year, qint64 movementId) const
{
    const qint64 id = subject.isPerson() ? subject.personId : subject.unitId;
    return effectiveFor(subject.isPerson() ? QStringLiteral("person_id") : QStringLiteral("unit_id"), QStringLiteral(" = :s"), year,
                        movementId, id)
        .value(id);
}

QHash<qint64, GivenConfirmations> ConfirmationRepository::effectiveForPeople(int year, qint64 movementId) const
{
    return effectiveFor(QStringLiteral("person_id"), QStringLiteral(" IS NOT NULL"), year, movementId, 0);
}

QHash<qint64, GivenConfirmations> ConfirmationRepository::effectiveForUnits(int year, qint64 movementId) const
{
    return effectiveFor(QStringLiteral("unit_id"), QStringLiteral(" IS NOT NULL"), year, movementId, 0);
}

QHash<qint64, GivenConfirmations> ConfirmationRepository::effectiveFor(const QString &column, const QString &filter, int year,
                                                                       qint64 movementId, qint64 subjectId) const
{
    QHash<qint64, GivenConfirmations> out;
    const auto bindAll = [&](Query &q, bool bindMovement) {
        q.bind(QStringLiteral(":y"), year);
        if (subjectId)
            q.bind(QStringLiteral(":s"), subjectId);
        if (bindMovement)
            q.bind(QStringLiteral(":m"), movementId);
        q.exec();
    };
    // A dossier's checklist holds its movement's standards: only a dossier of the same
    // movement (or, without one, of none) speaks for this evaluation.
    Query d(m_db.sql(),
            QStringLiteral("SELECT n.%1, n.form_code, c.item_id, c.evidence, d.ext_key, d.title "
                           "FROM nominee_checklist c JOIN dossier_nominees n ON n.id = c.nominee_id "
                           "JOIN dossiers d ON d.id = n.dossier_id "
                           "WHERE c.confirmed = 1 AND d.year = :y AND n.%1%2 AND %3 ORDER BY d.id, c.position")
                .arg(column, filter, movementId ? QStringLiteral("d.movement_id = :m") : QStringLiteral("d.movement_id IS NULL")));
    bindAll(d, movementId != 0);
    while (d.next()) {
        Confirmation c;
        c.source = Confirmation::Source::Dossier;
        c.note = d.text(3).trimmed().isEmpty() ? Tr::tr("confirmed on the dossier's checklist") : d.text(3);
        c.dossier = QStringLiteral("%1 — %2").arg(d.text(4), d.text(5));
        out[d.id(0)][d.text(1)].insert(d.text(2), c);
    }
    // form_code NULL (a year fact) reads as the empty code: forAward() merges it into every form.
    Query s(m_db.sql(), QStringLiteral("SELECT %1, form_code, item_id, evidence, confirmed_by, confirmed_at "
                                       "FROM eligibility_confirmations WHERE confirmed = 1 AND year = :y AND %1%2 AND %3")
                            .arg(column, filter, movementFilter(QStringLiteral("movement_id"), movementId)));
    bindAll(s, movementId != 0);
    while (s.next()) {
        Confirmation c;
        c.source = Confirmation::Source::Saved;
        c.note = s.text(3);
        c.by = s.text(4);
        c.at = s.text(5);
        out[s.id(0)][s.value(1).isNull() ? QString() : s.text(1)].insert(s.text(2), c); // the eligibility page's own wins
    }
    return out;
}

} // namespace VinhDanh::Core::Eligibility
