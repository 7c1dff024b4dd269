// A unit's bình xét minutes and the one-step confirmation from them (issue 13 item 6): the
// meeting is recorded once, and the qualitative facts of every nominee it names (not under
// review for discipline, solidarity, active emulation, compliance) are confirmed for the
// year, so they count for every award form instead of being ticked form by form.
#include "core/eligibility/minutesrepository.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/rowbatch.h"
#include "core/db/transaction.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/rowwriter.h"
#include "core/registry/versioning.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>

namespace VinhDanh::Core::Eligibility {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Eligibility)
};

const QString kColumns = QStringLiteral("m.id, m.ext_key, m.unit_id, u.name, m.year, m.held_on, m.number, m.attendees, m.note, "
                                        "m.recorded_by, m.recorded_at, m.version");

/// Cleaned text, never NULL (the columns are NOT NULL DEFAULT '' and a null QString binds NULL).
QString text(const QString &value)
{
    const QString clean = Text::clean(value);
    return clean.isNull() ? QStringLiteral("") : clean;
}

bool same(const Subject &a, const Subject &b)
{
    return a.personId == b.personId && a.unitId == b.unitId;
}

using Interchange::Detail::RowBatch;

/// The units of the people the subjects name (person id → unit id; a missing person is
/// absent), read 500 at a time: a query per person was three round trips each on PostgreSQL
/// (prepare, execute, deallocate), most of the demo's minutes.
QHash<qint64, qint64> unitsOfPeople(const Database &db, const QList<Subject> &subjects)
{
    QList<qint64> ids;
    for (const Subject &s : subjects)
        if (s.isPerson())
            ids << s.personId;
    QHash<qint64, qint64> out;
    constexpr int kChunk = 500;
    for (int from = 0; from < ids.size(); from += kChunk) {
        const int n = std::min(kChunk, int(ids.size()) - from);
        Query q(db.sql(), QStringLiteral("SELECT id, unit_id FROM people WHERE id IN (%1)")
                              .arg(QStringList(n, QStringLiteral("?")).join(QStringLiteral(", "))));
        for (int i = 0; i < n; ++i)
            q.bindAt(i, ids.at(from + i));
        q.exec();
        while (q.next())
            out.insert(q.id(0), q.id(1));
    }
    return out;
}

/// The unit a subject belongs to for permissions: a person's unit (0 when there is no such
/// person), or the unit itself.
qint64 unitOf(const QHash<qint64, qint64> &people, const Subject &s)
{
    return s.isPerson() ? people.value(s.personId) : s.unitId;
}

/// The ids of `root` and every unit below it, in one recursive query (Permissions::inSubtree
/// walks up with a query per level, per subject).
QSet<qint64> subtreeOf(const Database &db, qint64 root)
{
    Query q(db.sql(), Permissions::subtreeSql());
    q.bind(QStringLiteral(":vis_root"), root).exec();
    QSet<qint64> ids;
    while (q.next())
        ids.insert(q.id(0));
    return ids;
}

/// A stored year-fact row of a subject, as confirmFrom needs it.
struct StoredFact
{
    qint64 id = 0;
    bool confirmed = false;
    int version = 0;
};

QString factKey(const Subject &s, const QString &item)
{
    return (s.isPerson() ? QStringLiteral("p%1/") : QStringLiteral("u%1/")).arg(s.isPerson() ? s.personId : s.unitId) + item;
}

/// The subjects' stored year facts of `year` (form NULL, movement NULL: how
/// ConfirmationRepository stores them), by factKey, in one query per 500 subjects of a kind.
QHash<QString, StoredFact> storedFacts(const Database &db, const QList<Subject> &subjects, int year)
{
    QHash<QString, StoredFact> out;
    for (const bool people : {true, false}) {
        QList<qint64> ids;
        for (const Subject &s : subjects)
            if (s.isPerson() == people)
                ids << (people ? s.personId : s.unitId);
        const QString column = people ? QStringLiteral("person_id") : QStringLiteral("unit_id");
        constexpr int kChunk = 500;
        for (int from = 0; from < ids.size(); from += kChunk) {
            const int n = std::min(kChunk, int(ids.size()) - from);
            Query q(db.sql(), QStringLiteral("SELECT %1, item_id, id, confirmed, version FROM eligibility_confirmations "
                                             "WHERE year = ? AND form_code IS NULL AND movement_id IS NULL AND %1 IN (%2)")
                                  .arg(column, QStringList(n, QStringLiteral("?")).join(QStringLiteral(", "))));
            q.bindAt(0, year);
            for (int i = 0; i < n; ++i)
                q.bindAt(i + 1, ids.at(from + i));
            q.exec();
            while (q.next()) {
                const Subject s = people ? Subject::person(q.id(0)) : Subject::unit(q.id(0));
                out.insert(factKey(s, q.text(1)), StoredFact{q.id(2), q.integer(3) != 0, q.integer(4)});
            }
        }
    }
    return out;
}
} // namespace

QString ReviewMinutes::evidence() const
{
    const QString day = date.toString(QStringLiteral("dd/MM/yyyy"));
    return number.trimmed().isEmpty() ? Tr::tr("Minutes of the emulation review meeting of %1").arg(day)
                                      : Tr::tr("Minutes of the emulation review meeting no. %1 of %2").arg(number.trimmed(), day);
}

const RowWriter &MinutesRepository::subjectRows()
{
    static const RowWriter writer(u"INSERT INTO review_minutes_subjects (minutes_id, person_id, unit_id, position)");
    return writer;
}

ReviewMinutes MinutesRepository::add(const ReviewMinutes &in)
{
    if (in.id != 0)
        throw Error(Tr::tr("These minutes are recorded already; record new minutes for another meeting."));
    if (in.unitId <= 0 || !Lookup::column(m_db, "units", "id", in.unitId).isValid())
        throw Error(Tr::tr("Choose the unit whose review meeting the minutes record."));
    if (in.year < 1945 || in.year > 2100)
        throw Error(Tr::tr("The year %1 is out of range.").arg(in.year));
    // The meeting reviews a year: it is held in that year or after it (usually in January).
    if (!in.date.isValid() || in.date.year() < in.year || in.date > QDate::currentDate().addDays(1))
        throw Error(Tr::tr("The meeting's date must be in %1 or later, and not in the future.").arg(in.year));
    if (in.subjects.isEmpty())
        throw Error(Tr::tr("The minutes name nobody: list the people or units the meeting reviewed."));
    Permissions::require(m_db, Permissions::Action::EditRegistry, in.unitId);
    const QString unitName = Lookup::column(m_db, "units", "name", in.unitId).toString();
    // Read once for all the subjects; the checks below then go subject by subject, in order,
    // so the first bad entry is the one named.
    const QHash<qint64, qint64> people = unitsOfPeople(m_db, in.subjects);
    const QSet<qint64> subtree = subtreeOf(m_db, in.unitId);
    for (int i = 0; i < in.subjects.size(); ++i) {
        const Subject &s = in.subjects.at(i);
        if ((s.personId > 0) == (s.unitId > 0))
            throw Error(Tr::tr("Each entry of the minutes is either a person or a unit."));
        const qint64 unit = unitOf(people, s);
        if (unit <= 0 || (!subtree.contains(unit) && !Lookup::column(m_db, "units", "id", unit).isValid()))
            throw Error(s.isPerson() ? Tr::tr("There is no person with the id %1.").arg(s.personId)
                                     : Tr::tr("There is no unit with the id %1.").arg(s.unitId));
        // A unit's meeting reviews its own people and units, not another unit's.
        if (!subtree.contains(unit)) {
            const QString name = s.isPerson() ? Lookup::column(m_db, "people", "full_name", s.personId).toString()
                                              : Lookup::column(m_db, "units", "name", s.unitId).toString();
            throw Error(Tr::tr("%1 is not in %2 or below it: the meeting of %2 cannot review them.").arg(name, unitName));
        }
        for (int j = 0; j < i; ++j)
            if (same(in.subjects.at(j), s))
                throw Error(Tr::tr("The minutes name the same person or unit twice."));
    }

    Transaction tx(m_db.sql());
    QString key = Text::clean(in.key);
    if (key.isEmpty()) {
        // Short enough to type in the CLI: BBBX-<year>-<n>.
        int n = Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM review_minutes WHERE year = :y"))
                    .bind(QStringLiteral(":y"), in.year)
                    .scalar()
                    .toInt();
        do
            key = QStringLiteral("BBBX-%1-%2").arg(in.year).arg(++n, 4, 10, QLatin1Char('0'));
        while (Lookup::idForKey(m_db, "review_minutes", key) != 0);
    } else if (Lookup::idForKey(m_db, "review_minutes", key) != 0) {
        throw Error(Tr::tr("There are minutes with the key \"%1\" already.").arg(key));
    }
    Query(m_db.sql(), QStringLiteral("INSERT INTO review_minutes (ext_key, unit_id, year, held_on, number, attendees, note, "
                                     "recorded_by, recorded_at) VALUES (:k, :u, :y, :d, :n, :a, :note, :by, :at)"))
        .bind(QStringLiteral(":k"), key)
        .bind(QStringLiteral(":u"), in.unitId)
        .bind(QStringLiteral(":y"), in.year)
        .bind(QStringLiteral(":d"), Keys::dateValue(in.date))
        .bind(QStringLiteral(":n"), text(in.number))
        .bind(QStringLiteral(":a"), text(in.attendees))
        .bind(QStringLiteral(":note"), text(in.note))
        .bindOptional(QStringLiteral(":by"), m_db.actorName())
        .bind(QStringLiteral(":at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
        .exec();
    const qint64 id = Lookup::idForKey(m_db, "review_minutes", key);
    RowBatch named(m_db, subjectRows().head(), 4, {});
    for (int i = 0; i < in.subjects.size(); ++i)
        named.add({id, RowBatch::optional(in.subjects.at(i).personId), RowBatch::optional(in.subjects.at(i).unitId), i}, key);
    named.flush();
    const std::optional<ReviewMinutes> saved = get(id);
    tx.commit();
    return saved.value_or(ReviewMinutes{});
}

QList<ReviewMinutes> MinutesRepository::select(const QString &where, const std::function<void(Query &)> &bind) const
{
    // A clerk reads the minutes of their own subtree only.
    const qint64 root = Permissions::visibleRoot(m_db);
    QString sql = QStringLiteral("SELECT %1 FROM review_minutes m JOIN units u ON u.id = m.unit_id WHERE %2").arg(kColumns, where);
    if (root)
        sql += QStringLiteral(" AND m.unit_id IN (%1)").arg(Permissions::subtreeSql());
    sql += QStringLiteral(" ORDER BY m.held_on DESC, m.id DESC");
    Query q(m_db.sql(), sql);
    bind(q);
    if (root)
        q.bind(QStringLiteral(":vis_root"), root);
    q.exec();
    QList<ReviewMinutes> out;
    while (q.next()) {
        ReviewMinutes m;
        m.id = q.id(0);
        m.key = q.text(1);
        m.unitId = q.id(2);
        m.unitName = q.text(3);
        m.year = q.integer(4);
        m.date = Keys::dateFrom(q.value(5));
        m.number = q.text(6);
        m.attendees = q.text(7);
        m.note = q.text(8);
        m.by = q.text(9);
        m.at = q.text(10);
        m.version = q.integer(11);
        out << m;
    }
    // The people and units each names, in the order written.
    for (ReviewMinutes &m : out) {
        Query s(m_db.sql(), QStringLiteral("SELECT person_id, unit_id FROM review_minutes_subjects WHERE minutes_id = :m "
                                           "ORDER BY position, id"));
        s.bind(QStringLiteral(":m"), m.id).exec();
        while (s.next())
            m.subjects << Subject{s.id(0), s.id(1)};
    }
    return out;
}

std::optional<ReviewMinutes> MinutesRepository::get(qint64 id) const
{
    const QList<ReviewMinutes> found = select(QStringLiteral("m.id = :id"), [&](Query &q) { q.bind(QStringLiteral(":id"), id); });
    return found.isEmpty() ? std::nullopt : std::optional<ReviewMinutes>(found.first());
}

std::optional<ReviewMinutes> MinutesRepository::byKey(const QString &key) const
{
    const QList<ReviewMinutes> found = select(QStringLiteral("m.ext_key = :k"),
                                              [&](Query &q) { q.bind(QStringLiteral(":k"), Text::clean(key)); });
    return found.isEmpty() ? std::nullopt : std::optional<ReviewMinutes>(found.first());
}

QList<ReviewMinutes> MinutesRepository::list(int year, qint64 unitId) const
{
    QStringList where{QStringLiteral("1 = 1")};
    if (year)
        where << QStringLiteral("m.year = :y");
    if (unitId)
        where << QStringLiteral("m.unit_id = :u");
    return select(where.join(QStringLiteral(" AND ")), [&](Query &q) {
        if (year)
            q.bind(QStringLiteral(":y"), year);
        if (unitId)
            q.bind(QStringLiteral(":u"), unitId);
    });
}

QList<ReviewMinutes> MinutesRepository::naming(const Subject &subject, int year) const
{
    const QString column = subject.isPerson() ? QStringLiteral("person_id") : QStringLiteral("unit_id");
    return select(QStringLiteral("m.year = :y AND m.id IN (SELECT minutes_id FROM review_minutes_subjects WHERE %1 = :s)").arg(column),
                  [&](Query &q) {
                      q.bind(QStringLiteral(":y"), year);
                      q.bind(QStringLiteral(":s"), subject.isPerson() ? subject.personId : subject.unitId);
                  });
}

MinutesConfirmation MinutesRepository::confirmFrom(qint64 minutesId, const QList<Subject> &only)
{
    const std::optional<ReviewMinutes> minutes = get(minutesId);
    if (!minutes)
        throw Error(Tr::tr("There are no minutes with the id %1.").arg(minutesId));
    Permissions::require(m_db, Permissions::Action::EditRegistry, minutes->unitId);
    QList<Subject> subjects = minutes->subjects;
    if (!only.isEmpty()) {
        for (const Subject &s : only)
            if (std::none_of(subjects.begin(), subjects.end(), [&](const Subject &m) { return same(m, s); }))
                throw Error(Tr::tr("The minutes %1 do not name everyone chosen; add them to the minutes or confirm by hand.")
                                .arg(minutes->key));
        subjects = only;
    }
    // What ConfirmationRepository::save() checks and writes for each item, for all of them at
    // once: the row-by-row way was a dozen statements per item (three round trips each on
    // PostgreSQL), 4.5 s of the PostgreSQL demo's 12 s. The same rows, counts and audit rows
    // (the test confirmFromMinutes_batch_yieldsWhatSavingItemByItemYields keeps it so).
    const QString evidence = Text::clean(minutes->evidence());
    if (minutes->year < 1945 || minutes->year > 2100)
        throw Error(Tr::tr("A confirmation needs an award code, a year from 1945 to 2100 and the item it confirms."));
    MinutesConfirmation done;
    Transaction tx(m_db.sql());
    const QHash<qint64, qint64> people = unitsOfPeople(m_db, subjects);
    QSet<qint64> allowed;
    QHash<QString, StoredFact> stored = storedFacts(m_db, subjects, minutes->year);
    const QVariant by = RowBatch::optional(m_db.actorName());
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const RowWriter &confirmations = ConfirmationRepository::rows();
    RowBatch added(m_db, confirmations.head(), int(confirmations.columns().size()), {});
    for (const Subject &s : subjects) {
        bool any = false;
        for (const QString &item : ConfirmationRepository::yearFactItems(!s.isPerson())) {
            const QString k = factKey(s, item);
            const auto found = stored.find(k);
            if (found != stored.end() && found->confirmed) {
                ++done.kept; // confirmed by hand or from other minutes: that evidence stands
                continue;
            }
            // Who may write the subject's confirmations: the unit it is in now (a person may
            // have moved since the meeting), checked where save() checked it — before the
            // first item to write, not for items kept — each unit once.
            const qint64 unit = unitOf(people, s);
            if (s.isPerson() && unit == 0)
                throw Error(Tr::tr("There is no person with the id %1.").arg(s.personId));
            if (!allowed.contains(unit)) {
                Permissions::require(m_db, Permissions::Action::EditRegistry, unit);
                allowed.insert(unit);
            }
            if (found != stored.end()) {
                // Un-ticked earlier: ticked again, with the version check save() makes (rare:
                // a statement each).
                Query u(m_db.sql(), QStringLiteral("UPDATE eligibility_confirmations SET confirmed = 1, evidence = :e, "
                                                   "confirmed_by = :by, confirmed_at = :at, minutes_id = :mi, version = version + 1 "
                                                   "WHERE id = :id AND version = :v"));
                u.bind(QStringLiteral(":mi"), minutes->id)
                    .bind(QStringLiteral(":e"), evidence)
                    .bind(QStringLiteral(":by"), by)
                    .bind(QStringLiteral(":at"), now)
                    .bind(QStringLiteral(":id"), found->id)
                    .bind(QStringLiteral(":v"), found->version)
                    .exec();
                Versioning::checkUpdated(m_db, u, QStringLiteral("eligibility_confirmations"), found->id,
                                         Tr::tr("The confirmation was deleted meanwhile."));
                found->confirmed = true;
            } else {
                added.add({RowBatch::optional(s.personId), RowBatch::optional(s.unitId), QVariant(QMetaType(QMetaType::QString)),
                           minutes->year, QVariant(QMetaType(QMetaType::LongLong)), item, 1, evidence, by, now, minutes->id},
                          Tr::tr("The confirmation of \"%1\" from the minutes %2").arg(item, minutes->key));
                stored.insert(k, StoredFact{0, true, 1}); // a subject chosen twice is kept the second time, as before
            }
            ++done.confirmed;
            any = true;
        }
        if (any)
            ++done.subjects;
    }
    added.flush();
    tx.commit();
    return done;
}

} // namespace VinhDanh::Core::Eligibility
