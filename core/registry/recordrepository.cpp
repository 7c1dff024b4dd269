#include "core/registry/recordrepository.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/rowwriter.h"
#include "core/registry/validation.h"
#include "core/registry/versioning.h"
#include "core/text/vntext.h"

#include <QCoreApplication>

#include <map>
#include <optional>

namespace VinhDanh::Core {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RecordRepository)
};

/// "person_id = :subject" or "unit_id = :subject" for a subject.
QString subjectColumn(const Subject &s)
{
    return s.isPerson() ? QStringLiteral("person_id") : QStringLiteral("unit_id");
}

qint64 subjectId(const Subject &s)
{
    return s.isPerson() ? s.personId : s.unitId;
}

Subject readSubject(const Query &q, int personColumn)
{
    return {q.id(personColumn), q.id(personColumn + 1)};
}

/// A clerk changes the records of people and units of their own subtree only.
void requireSubject(const Database &db, const Subject &s)
{
    const qint64 unit = s.isPerson() ? Lookup::column(db, "people", "unit_id", s.personId).toLongLong() : s.unitId;
    Permissions::require(db, Permissions::Action::EditRegistry, unit);
}

/// The same for a stored row of ratings, awards or disciplines (nothing to check when it is gone).
void requireRow(const Database &db, const char *table, qint64 id)
{
    Query q(db.sql(), QStringLiteral("SELECT person_id, unit_id FROM %1 WHERE id = :id").arg(QLatin1String(table)));
    q.bind(QStringLiteral(":id"), id).exec();
    if (q.next())
        requireSubject(db, readSubject(q, 0));
}

void requireHolders(const Database &db, qint64 initiativeId, const QList<qint64> &more = {})
{
    QList<qint64> holders = more;
    Query q(db.sql(), QStringLiteral("SELECT person_id FROM initiative_holders WHERE initiative_id = :i"));
    q.bind(QStringLiteral(":i"), initiativeId).exec();
    while (q.next())
        holders.append(q.id(0));
    if (holders.isEmpty())
        Permissions::require(db, Permissions::Action::EditRegistry);
    for (qint64 person : holders)
        requireSubject(db, Subject::person(person));
}

void failIfInvalid(const QStringList &problems)
{
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char(' ')));
}
} // namespace

QList<AwardForm> RecordRepository::awardForms() const
{
    Query q(m_db.sql(), QStringLiteral("SELECT code, name, kind, recipients, level, rank FROM award_forms "
                                       "ORDER BY kind DESC, rank, code"));
    q.exec();
    QList<AwardForm> out;
    while (q.next())
        out.append({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.integer(5)});
    return out;
}

QString RecordRepository::awardFormName(const QString &code) const
{
    return Query(m_db.sql(), QStringLiteral("SELECT name FROM award_forms WHERE code = :c"))
        .bind(QStringLiteral(":c"), code)
        .scalar(code)
        .toString();
}

QList<YearRecord> RecordRepository::yearRecords(const Subject &subject) const
{
    std::map<int, YearRecord, std::greater<int>> years;
    for (const Rating &r : ratings(subject)) {
        years[r.year].year = r.year;
        years[r.year].rating = r.rating;
    }
    Query q(m_db.sql(), QStringLiteral("SELECT a.year, a.form_code FROM awards a JOIN award_forms f ON f.code = a.form_code "
                                       "WHERE f.kind = 'title' AND a.")
                            + subjectColumn(subject) + QStringLiteral(" = :id ORDER BY a.year, f.rank"));
    q.bind(QStringLiteral(":id"), subjectId(subject)).exec();
    while (q.next()) {
        YearRecord &y = years[q.integer(0)];
        y.year = q.integer(0);
        y.titleCodes.append(q.text(1));
    }
    QList<YearRecord> out;
    for (const auto &entry : years)
        out.append(entry.second);
    return out;
}

QList<Rating> RecordRepository::ratings(const Subject &subject) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT id, person_id, unit_id, year, rating, note, version FROM ratings WHERE ")
                            + subjectColumn(subject) + QStringLiteral(" = :id ORDER BY year DESC"));
    q.bind(QStringLiteral(":id"), subjectId(subject)).exec();
    QList<Rating> out;
    while (q.next())
        out.append({q.id(0), readSubject(q, 1), q.integer(3), q.text(4), q.text(5), q.integer(6)});
    return out;
}

namespace {
/// Saves a rating that was read (it has an id): only if nobody changed it since.
void updateReadRating(Database &db, const Rating &rating)
{
    Query q(db.sql(), QStringLiteral("UPDATE ratings SET rating = :rating, note = :note, version = version + 1 "
                                     "WHERE id = :id AND version = :version"));
    q.bind(QStringLiteral(":rating"), rating.rating)
        .bindOptional(QStringLiteral(":note"), Text::clean(rating.note))
        .bind(QStringLiteral(":id"), rating.id)
        .bind(QStringLiteral(":version"), rating.version)
        .exec();
    Versioning::checkUpdated(db, q, QStringLiteral("ratings"), rating.id,
                             Tr::tr("The rating no longer exists; someone else may have deleted it."));
}
} // namespace

void RecordRepository::setRating(const Rating &rating)
{
    Transaction tx(m_db.sql());
    RatingBatch(m_db).set(rating);
    tx.commit();
}

/// The year-keyed statements for people and for units, prepared on first use: preparing an
/// INSERT compiles the table's audit triggers into it, which cost more than running it.
struct RecordRepository::RatingBatch::Statements
{
    std::optional<Query> update[2], insert;
    std::map<qsizetype, Query> insertMany; // by the number of rows it inserts
};

RecordRepository::RatingBatch::RatingBatch(Database &db) : m_db(db), m_statements(std::make_unique<Statements>()) {}
RecordRepository::RatingBatch::~RatingBatch() = default;

void RecordRepository::RatingBatch::requireOnce(const Subject &subject)
{
    // The permission depends on the subject's unit: checked once per person and per unit.
    QSet<qint64> &checked = subject.isPerson() ? m_personChecked : m_unitChecked;
    if (checked.contains(subjectId(subject)))
        return;
    requireSubject(m_db, subject);
    checked.insert(subjectId(subject));
}

void RecordRepository::RatingBatch::insertNew(const QList<Rating> &ratings)
{
    if (ratings.size() <= 1) {
        for (const Rating &r : ratings)
            set(r, true);
        return;
    }
    for (const Rating &r : ratings) {
        failIfInvalid(Validation::rating(r));
        requireOnce(r.subject); // cached: one check per person or unit, whoever the rows name
    }
    auto found = m_statements->insertMany.find(ratings.size());
    if (found == m_statements->insertMany.end()) {
        QStringList rows;
        for (qsizetype i = 0; i < ratings.size(); ++i)
            rows << QStringLiteral("(:person%1, :unit%1, :year%1, :rating%1, :note%1)").arg(i);
        found = m_statements->insertMany
                    .emplace(ratings.size(), Query(m_db.sql(), RecordRepository::ratingRows().head() + QStringLiteral(" VALUES ")
                                                                   + rows.join(QStringLiteral(", "))))
                    .first;
    }
    Query &q = found->second;
    // By position (5 a row): binding thousands of placeholders by name costs their number squared.
    for (qsizetype i = 0; i < ratings.size(); ++i) {
        const Rating &r = ratings.at(i);
        const int at = int(i) * 5;
        q.bindOptionalAt(at, r.subject.personId)
            .bindOptionalAt(at + 1, r.subject.unitId)
            .bindAt(at + 2, r.year)
            .bindAt(at + 3, r.rating)
            .bindOptionalAt(at + 4, Text::clean(r.note));
    }
    q.exec();
}

void RecordRepository::RatingBatch::set(const Rating &rating, bool subjectIsNew)
{
    failIfInvalid(Validation::rating(rating));
    requireOnce(rating.subject);
    if (rating.id > 0) { // read before (a preview, a form): refused if someone changed it since
        updateReadRating(m_db, rating);
        return;
    }
    const int kind = rating.subject.isPerson() ? 0 : 1;
    // Rating a year sets it: an existing rating of that year is updated (and audited as such).
    if (!subjectIsNew) {
        std::optional<Query> &update = m_statements->update[kind];
        if (!update)
            update.emplace(m_db.sql(),
                           QStringLiteral("UPDATE ratings SET rating = :rating, note = :note, version = version + 1 WHERE ")
                               + subjectColumn(rating.subject) + QStringLiteral(" = :id AND year = :year"));
        update->bind(QStringLiteral(":rating"), rating.rating)
            .bindOptional(QStringLiteral(":note"), Text::clean(rating.note))
            .bind(QStringLiteral(":id"), subjectId(rating.subject))
            .bind(QStringLiteral(":year"), rating.year)
            .exec();
        if (update->numRowsAffected() > 0)
            return;
    }
    std::optional<Query> &insert = m_statements->insert;
    if (!insert)
        insert.emplace(m_db.sql(), RecordRepository::ratingRows().values({}, u":person, :unit, :year, :rating, :note"));
    insert->bindOptional(QStringLiteral(":person"), rating.subject.personId)
        .bindOptional(QStringLiteral(":unit"), rating.subject.unitId)
        .bind(QStringLiteral(":year"), rating.year)
        .bind(QStringLiteral(":rating"), rating.rating)
        .bindOptional(QStringLiteral(":note"), Text::clean(rating.note))
        .exec();
}

void RecordRepository::removeRating(const Subject &subject, int year)
{
    requireSubject(m_db, subject);
    Query(m_db.sql(),
          QStringLiteral("DELETE FROM ratings WHERE ") + subjectColumn(subject) + QStringLiteral(" = :id AND year = :year"))
        .bind(QStringLiteral(":id"), subjectId(subject))
        .bind(QStringLiteral(":year"), year)
        .exec();
}

QList<AwardRow> RecordRepository::awards(const Subject &subject) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT a.id, a.ext_key, a.person_id, a.unit_id, a.form_code, a.kind, a.year, a.decision_no, "
                                       "a.decision_date, a.authority, a.movement_id, a.note, f.name, m.name, a.version "
                                       "FROM awards a JOIN award_forms f ON f.code = a.form_code "
                                       "LEFT JOIN movements m ON m.id = a.movement_id WHERE a.")
                            + subjectColumn(subject) + QStringLiteral(" = :id ORDER BY a.year DESC, f.rank DESC, a.id DESC"));
    q.bind(QStringLiteral(":id"), subjectId(subject)).exec();
    QList<AwardRow> out;
    while (q.next()) {
        Award a;
        a.id = q.id(0);
        a.key = q.text(1);
        a.subject = readSubject(q, 2);
        a.formCode = q.text(4);
        a.kind = q.text(5);
        a.year = q.integer(6);
        a.decisionNo = q.text(7);
        a.decisionDate = Keys::dateFrom(q.value(8));
        a.authority = q.text(9);
        a.movementId = q.id(10);
        a.note = q.text(11);
        a.version = q.integer(14);
        out.append({a, q.text(12), q.text(13)});
    }
    return out;
}

namespace {
/// Permission checks of a batch: once per person and per unit, whoever the rows name.
struct SubjectChecks
{
    QSet<qint64> persons, units;
    void require(const Database &db, const Subject &subject)
    {
        QSet<qint64> &checked = subject.isPerson() ? persons : units;
        if (checked.contains(subjectId(subject)))
            return;
        requireSubject(db, subject);
        checked.insert(subjectId(subject));
    }
    /// A stored row changes hands only within the clerk's subtree: its current subject is
    /// checked too (nothing to check when it is gone; the update then reports the conflict).
    void requireStored(const Database &db, std::optional<Query> &select, const char *table, qint64 id)
    {
        if (!select)
            select.emplace(db.sql(), QStringLiteral("SELECT person_id, unit_id FROM %1 WHERE id = :id").arg(QLatin1String(table)));
        select->bind(QStringLiteral(":id"), id).exec();
        if (!select->next())
            return;
        const Subject stored = readSubject(*select, 0);
        select->raw().finish(); // no open read statement while the batch writes
        require(db, stored);
    }
};
} // namespace

/// Statements prepared on first use (preparing an INSERT compiles the audit triggers into it),
/// the catalogue's recipients read once, and the permissions already checked.
struct RecordRepository::AwardBatch::State
{
    std::optional<Query> insert, update, stored;
    QHash<QString, QString> recipients; // form code → individual | collective | both
    SubjectChecks checks;
};

RecordRepository::AwardBatch::AwardBatch(Database &db) : m_db(db), m_state(std::make_unique<State>())
{
    Query q(m_db.sql(), QStringLiteral("SELECT code, recipients FROM award_forms"));
    q.exec();
    while (q.next())
        m_state->recipients.insert(q.text(0), q.text(1));
}

RecordRepository::AwardBatch::~AwardBatch() = default;

qint64 RecordRepository::AwardBatch::save(Award &award)
{
    failIfInvalid(Validation::award(award));
    m_state->checks.require(m_db, award.subject);
    if (award.id > 0)
        m_state->checks.requireStored(m_db, m_state->stored, "awards", award.id);
    const QString recipients = m_state->recipients.value(award.formCode);
    if (recipients.isEmpty())
        throw Error(Tr::tr("The award form %1 is not known.").arg(award.formCode));
    if (award.subject.isPerson() && recipients == QLatin1String("collective"))
        throw Error(
            Tr::tr("%1 is awarded to collectives, not to individuals.").arg(RecordRepository(m_db).awardFormName(award.formCode)));
    if (!award.subject.isPerson() && recipients == QLatin1String("individual"))
        throw Error(
            Tr::tr("%1 is awarded to individuals, not to collectives.").arg(RecordRepository(m_db).awardFormName(award.formCode)));
    if (award.key.isEmpty())
        award.key = Keys::generate(QStringLiteral("award"));
    std::optional<Query> &q = award.id > 0 ? m_state->update : m_state->insert;
    const RowWriter &rows = RecordRepository::awardRows();
    if (!q)
        q.emplace(m_db.sql(), award.id > 0
                                  ? QStringLiteral("UPDATE awards SET ext_key = :key, person_id = :person, unit_id = :unit, "
                                                   "form_code = :form, kind = :kind, year = :year, decision_no = :no, "
                                                   "decision_date = :date, authority = :authority, movement_id = :movement, "
                                                   "note = :note, version = version + 1 WHERE id = :id AND version = :version")
                                  : rows.values(rows.without({QStringLiteral("decision_id")}),
                                                u":key, :person, :unit, :form, :kind, :year, :no, :date, :authority, :movement, :note",
                                                QStringLiteral("RETURNING id")));
    q->bind(QStringLiteral(":key"), award.key)
        .bindOptional(QStringLiteral(":person"), award.subject.personId)
        .bindOptional(QStringLiteral(":unit"), award.subject.unitId)
        .bind(QStringLiteral(":form"), award.formCode)
        .bind(QStringLiteral(":kind"), award.kind)
        .bind(QStringLiteral(":year"), award.year)
        .bindOptional(QStringLiteral(":no"), Text::clean(award.decisionNo))
        .bind(QStringLiteral(":date"), Keys::dateValue(award.decisionDate))
        .bindOptional(QStringLiteral(":authority"), Text::clean(award.authority))
        .bindOptional(QStringLiteral(":movement"), award.movementId)
        .bindOptional(QStringLiteral(":note"), Text::clean(award.note));
    if (award.id > 0) {
        q->bind(QStringLiteral(":id"), award.id).bind(QStringLiteral(":version"), award.version).exec();
        Versioning::checkUpdated(m_db, *q, QStringLiteral("awards"), award.id,
                                 Tr::tr("The award no longer exists; someone else may have deleted it."));
        ++award.version;
    } else {
        award.id = q->insertReturningId();
        award.version = 1;
    }
    return award.id;
}

qint64 RecordRepository::saveAward(Award &award)
{
    Transaction tx(m_db.sql());
    AwardBatch(m_db).save(award);
    tx.commit();
    return award.id;
}

void RecordRepository::removeAward(qint64 id)
{
    Transaction tx(m_db.sql());
    requireRow(m_db, "awards", id);
    const int used = Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM initiatives WHERE used_for_award_id = :id"))
                         .bind(QStringLiteral(":id"), id)
                         .scalar(0)
                         .toInt();
    if (used > 0)
        throw Error(Tr::tr("The award cannot be deleted: %1 initiative(s) are recorded as used for it. "
                           "Clear that first.")
                        .arg(used));
    Query(m_db.sql(), QStringLiteral("DELETE FROM awards WHERE id = :id")).bind(QStringLiteral(":id"), id).exec();
    tx.commit();
}

Initiative RecordRepository::initiativeAt(Query &q)
{
    Initiative i;
    i.id = q.id(0);
    i.key = q.text(1);
    i.title = q.text(2);
    i.decisionNo = q.text(3);
    i.decisionDate = Keys::dateFrom(q.value(4));
    i.level = q.text(5);
    i.usedForAwardId = q.id(6);
    i.note = q.text(7);
    i.version = q.integer(8);
    return i;
}

QList<Initiative> RecordRepository::initiatives(qint64 personId) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT i.id, i.ext_key, i.title, i.decision_no, i.decision_date, i.level, "
                                       "i.used_for_award_id, i.note, i.version FROM initiatives i "
                                       "JOIN initiative_holders h ON h.initiative_id = i.id "
                                       "WHERE h.person_id = :p ORDER BY i.decision_date DESC, i.id DESC"));
    q.bind(QStringLiteral(":p"), personId).exec();
    QList<Initiative> out;
    while (q.next())
        out.append(initiativeAt(q));
    for (Initiative &i : out) {
        Query h(m_db.sql(), QStringLiteral("SELECT person_id FROM initiative_holders WHERE initiative_id = :i "
                                           "ORDER BY person_id"));
        h.bind(QStringLiteral(":i"), i.id).exec();
        while (h.next())
            i.holderIds.append(h.id(0));
    }
    return out;
}

qint64 RecordRepository::saveInitiative(Initiative &initiative)
{
    initiative.title = Text::clean(initiative.title);
    failIfInvalid(Validation::initiative(initiative));
    Transaction tx(m_db.sql());
    requireHolders(m_db, initiative.id, initiative.holderIds);
    if (initiative.usedForAwardId > 0) {
        // The award must belong to one of the holders: an initiative cannot serve someone else's award.
        Query owner(m_db.sql(), QStringLiteral("SELECT person_id FROM awards WHERE id = :a"));
        owner.bind(QStringLiteral(":a"), initiative.usedForAwardId).exec();
        if (!owner.next() || !initiative.holderIds.contains(owner.id(0)))
            throw Error(Tr::tr("An initiative can only be used for an award of one of its holders."));
    }
    if (initiative.key.isEmpty())
        initiative.key = Keys::generate(QStringLiteral("initiative"));
    const QString columns = QStringLiteral("ext_key = :key, title = :title, decision_no = :no, decision_date = :date, "
                                           "level = :level, used_for_award_id = :used, note = :note");
    Query q(m_db.sql(), initiative.id > 0 ? QStringLiteral("UPDATE initiatives SET ") + columns
                                                + QStringLiteral(", version = version + 1 WHERE id = :id AND version = :version")
                                          : RecordRepository::initiativeRows().values(
                                              {}, u":key, :title, :no, :date, :level, :used, :note", QStringLiteral("RETURNING id")));
    q.bind(QStringLiteral(":key"), initiative.key)
        .bind(QStringLiteral(":title"), initiative.title)
        .bindOptional(QStringLiteral(":no"), Text::clean(initiative.decisionNo))
        .bind(QStringLiteral(":date"), Keys::dateValue(initiative.decisionDate))
        .bind(QStringLiteral(":level"), initiative.level)
        .bindOptional(QStringLiteral(":used"), initiative.usedForAwardId)
        .bindOptional(QStringLiteral(":note"), Text::clean(initiative.note));
    if (initiative.id > 0) {
        q.bind(QStringLiteral(":id"), initiative.id).bind(QStringLiteral(":version"), initiative.version).exec();
        Versioning::checkUpdated(m_db, q, QStringLiteral("initiatives"), initiative.id,
                                 Tr::tr("The initiative no longer exists; someone else may have deleted it."));
        ++initiative.version;
        Query(m_db.sql(), QStringLiteral("DELETE FROM initiative_holders WHERE initiative_id = :i"))
            .bind(QStringLiteral(":i"), initiative.id)
            .exec();
    } else {
        initiative.id = q.insertReturningId();
        initiative.version = 1;
    }
    Query holder(m_db.sql(), RecordRepository::holderRows().values({}, u":i, :p"));
    for (qint64 personId : initiative.holderIds)
        holder.bind(QStringLiteral(":i"), initiative.id).bind(QStringLiteral(":p"), personId).exec();
    tx.commit();
    return initiative.id;
}

void RecordRepository::removeInitiative(qint64 id)
{
    // Holders go with it (ON DELETE CASCADE); both statements are one change.
    requireHolders(m_db, id);
    Query(m_db.sql(), QStringLiteral("DELETE FROM initiatives WHERE id = :id")).bind(QStringLiteral(":id"), id).exec();
}

QList<Discipline> RecordRepository::disciplines(const Subject &subject) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT id, ext_key, person_id, unit_id, kind, start_date, end_date, decision_no, "
                                       "note, version FROM disciplines WHERE ")
                            + subjectColumn(subject) + QStringLiteral(" = :id ORDER BY start_date DESC"));
    q.bind(QStringLiteral(":id"), subjectId(subject)).exec();
    QList<Discipline> out;
    while (q.next()) {
        Discipline d;
        d.id = q.id(0);
        d.key = q.text(1);
        d.subject = readSubject(q, 2);
        d.kind = q.text(4);
        d.startDate = Keys::dateFrom(q.value(5));
        d.endDate = Keys::dateFrom(q.value(6));
        d.decisionNo = q.text(7);
        d.note = q.text(8);
        d.version = q.integer(9);
        out.append(d);
    }
    return out;
}

struct RecordRepository::DisciplineBatch::State
{
    std::optional<Query> insert, update, stored;
    SubjectChecks checks;
};

RecordRepository::DisciplineBatch::DisciplineBatch(Database &db) : m_db(db), m_state(std::make_unique<State>()) {}
RecordRepository::DisciplineBatch::~DisciplineBatch() = default;

qint64 RecordRepository::DisciplineBatch::save(Discipline &discipline)
{
    failIfInvalid(Validation::discipline(discipline));
    m_state->checks.require(m_db, discipline.subject);
    if (discipline.id > 0)
        m_state->checks.requireStored(m_db, m_state->stored, "disciplines", discipline.id);
    if (discipline.key.isEmpty())
        discipline.key = Keys::generate(QStringLiteral("discipline"));
    std::optional<Query> &q = discipline.id > 0 ? m_state->update : m_state->insert;
    if (!q)
        q.emplace(m_db.sql(),
                  discipline.id > 0
                      ? QStringLiteral("UPDATE disciplines SET ext_key = :key, person_id = :person, unit_id = :unit, "
                                       "kind = :kind, start_date = :start, end_date = :end, decision_no = :no, note = :note, "
                                       "version = version + 1 WHERE id = :id AND version = :version")
                      : RecordRepository::disciplineRows().values({}, u":key, :person, :unit, :kind, :start, :end, :no, :note",
                                                                  QStringLiteral("RETURNING id")));
    q->bind(QStringLiteral(":key"), discipline.key)
        .bindOptional(QStringLiteral(":person"), discipline.subject.personId)
        .bindOptional(QStringLiteral(":unit"), discipline.subject.unitId)
        .bind(QStringLiteral(":kind"), discipline.kind)
        .bind(QStringLiteral(":start"), Keys::dateValue(discipline.startDate))
        .bind(QStringLiteral(":end"), Keys::dateValue(discipline.endDate))
        .bindOptional(QStringLiteral(":no"), Text::clean(discipline.decisionNo))
        .bindOptional(QStringLiteral(":note"), Text::clean(discipline.note));
    if (discipline.id > 0) {
        q->bind(QStringLiteral(":id"), discipline.id).bind(QStringLiteral(":version"), discipline.version).exec();
        Versioning::checkUpdated(m_db, *q, QStringLiteral("disciplines"), discipline.id,
                                 Tr::tr("The disciplinary record no longer exists; someone else may have deleted it."));
        ++discipline.version;
    } else {
        discipline.id = q->insertReturningId();
        discipline.version = 1;
    }
    return discipline.id;
}

qint64 RecordRepository::saveDiscipline(Discipline &discipline)
{
    Transaction tx(m_db.sql());
    DisciplineBatch(m_db).save(discipline);
    tx.commit();
    return discipline.id;
}

void RecordRepository::removeDiscipline(qint64 id)
{
    requireRow(m_db, "disciplines", id);
    Query(m_db.sql(), QStringLiteral("DELETE FROM disciplines WHERE id = :id")).bind(QStringLiteral(":id"), id).exec();
}

} // namespace VinhDanh::Core
