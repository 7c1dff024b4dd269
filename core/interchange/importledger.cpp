// The interchange importer's records without a key of their own: ratings (one per person or
// unit and year) and the clerk's eligibility confirmations. Like the keyed records, a row the
// file repeats unchanged is left alone, and two rows with the same identity are refused.
#include "core/eligibility/confirmationrepository.h"
#include "core/interchange/importer_p.h"
#include "core/registry/recordrepository.h"
#include "core/registry/rowwriter.h"
#include "core/registry/validation.h"

#include <QDateTime>

namespace VinhDanh::Core::Interchange::Detail {

int Importer::importRatings(const JsonFields &root)
{
    const QSqlDatabase sql = m_db.sql();
    Query storedPerson(sql, QStringLiteral("SELECT rating, note FROM ratings WHERE person_id = :id AND year = :y"));
    Query storedUnit(sql, QStringLiteral("SELECT rating, note FROM ratings WHERE unit_id = :id AND year = :y"));
    Query deletePerson(sql, QStringLiteral("DELETE FROM ratings WHERE person_id = :id AND year = :y"));
    Query deleteUnit(sql, QStringLiteral("DELETE FROM ratings WHERE unit_id = :id AND year = :y"));
    const RowWriter &ratings = RecordRepository::ratingRows();
    Query insert(sql, ratings.values({}, u":p, :u, :y, :r, :note"));
    // A person or unit this import added has no stored rating to compare or replace: its
    // ratings go straight in by chunks (a province's million ratings were three statements each).
    RowBatch fresh(m_db, ratings.head(), 5, QString(), 500);
    SeenIndex<quint64> seen; // a million ratings: a number each, not two texts
    int index = 0;
    const int count = each(
        root, QStringLiteral("ratings"),
        {QStringLiteral("person"), QStringLiteral("unit"), QStringLiteral("year"), QStringLiteral("rating"), QStringLiteral("note")},
        [&](const JsonFields &f) {
            Rating r{0, subject(f), f.requiredYear(QStringLiteral("year")), f.requiredString(QStringLiteral("rating")),
                     f.optionalString(QStringLiteral("note"))};
            failIfInvalid(Validation::rating(r));
            const qint64 id = r.subject.isPerson() ? r.subject.personId : r.subject.unitId;
            // Person or unit in the top bit, the row id above the year's 12 bits.
            const quint64 identity = (r.subject.isPerson() ? quint64(1) << 63 : 0) | quint64(id) << 12 | quint64(r.year);
            const int first = seen.firstWith(identity, index++);
            if (first >= 0)
                throw Error(Tr::tr("%1: a second rating of the same person or unit for %2 (first at %3); a file "
                                   "gives one rating a year.")
                                .arg(f.where())
                                .arg(r.year)
                                .arg(QStringLiteral("ratings[%1]").arg(first)));
            if (id > (r.subject.isPerson() ? m_lastPersonBefore : m_lastUnitBefore)) {
                fresh.add({RowBatch::optional(r.subject.personId), RowBatch::optional(r.subject.unitId), r.year, r.rating,
                           RowBatch::optional(r.note)},
                          f.where());
                return;
            }
            Query &stored = r.subject.isPerson() ? storedPerson : storedUnit;
            stored.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":y"), r.year).exec();
            int rows = 0;
            bool same = false;
            while (stored.next()) {
                ++rows;
                same = stored.text(0) == r.rating && stored.text(1) == r.note; // NULL reads as ""
            }
            if (rows == 1 && same)
                return; // unchanged: not rewritten, so the audit log does not see it
            Query &del = r.subject.isPerson() ? deletePerson : deleteUnit;
            del.bind(QStringLiteral(":id"), id).bind(QStringLiteral(":y"), r.year).exec();
            insert.bindOptional(QStringLiteral(":p"), r.subject.personId)
                .bindOptional(QStringLiteral(":u"), r.subject.unitId)
                .bind(QStringLiteral(":y"), r.year)
                .bind(QStringLiteral(":r"), r.rating)
                .bindOptional(QStringLiteral(":note"), r.note)
                .exec();
        });
    fresh.flush();
    return count;
}

/// The clerk's eligibility confirmations (format version 2; a version 1 file has none). A row
/// whose nominee, form, year, movement and item are already stored replaces that row, as a
/// rating replaces the year's rating; it is updated in place with version + 1, so a clerk who
/// has the old row open gets the usual conflict instead of overwriting the import. `by` and
/// `at` are kept from the file: they say who confirmed it originally, and the audit log says
/// who imported it. A row the file repeats unchanged is not written.
int Importer::importConfirmations(const JsonFields &root, const QHash<QString, QString> &formRecipients)
{
    const QSqlDatabase sql = m_db.sql();
    const QString match = QStringLiteral("COALESCE(person_id, 0) = :p AND COALESCE(unit_id, 0) = :u AND COALESCE(form_code, '') = :f "
                                         "AND year = :y AND COALESCE(movement_id, 0) = :m AND item_id = :i");
    Query stored(sql, QStringLiteral("SELECT confirmed, evidence, confirmed_by, confirmed_at FROM eligibility_confirmations WHERE ")
                          + match);
    Query update(sql, QStringLiteral("UPDATE eligibility_confirmations SET confirmed = :c, evidence = :e, confirmed_by = :by, "
                                     "confirmed_at = :at, version = version + 1 WHERE ")
                          + match);
    const RowWriter &confirmations = Eligibility::ConfirmationRepository::rows();
    Query insert(
        sql, confirmations.values(confirmations.without({QStringLiteral("minutes_id")}), u":p, :u, :f, :y, :m, :i, :c, :e, :by, :at"));
    Seen seen;
    QHash<QString, QStringList> factForms; // the forms a fact of the year was named with so far
    const QStringList fields{QStringLiteral("person"),    QStringLiteral("unit"),     QStringLiteral("form"),
                             QStringLiteral("year"),      QStringLiteral("item"),     QStringLiteral("movement"),
                             QStringLiteral("confirmed"), QStringLiteral("evidence"), QStringLiteral("by"),
                             QStringLiteral("at")};
    return each(root, QStringLiteral("confirmations"), fields, [&](const JsonFields &f) {
        const Subject s = subject(f);
        const QString item = f.requiredString(QStringLiteral("item"));
        // A fact of the nominee and the year (ConfirmationRepository::isYearFact) counts for
        // every form: stored without one, as the repository stores it, whatever form the file names.
        const bool yearFact = Eligibility::ConfirmationRepository::isYearFact(item);
        const QString named = yearFact ? f.optionalString(QStringLiteral("form")) : f.requiredString(QStringLiteral("form"));
        if (!named.isEmpty())
            checkForm(f, formRecipients, named, s);
        const QString form = yearFact ? QStringLiteral("") : named;
        const int year = f.requiredYear(QStringLiteral("year"));
        const qint64 movement = optionalRef(f, m_movements, QStringLiteral("movement"), Tr::tr("movement"));
        // The repository's rule: only a movement's own standards are tied to a movement.
        const bool movementItem = Eligibility::ConfirmationRepository::isMovementItem(item);
        if (movementItem && movement == 0)
            f.fail(QStringLiteral("movement"), Tr::tr("is required: \"%1\" is one of a movement's own standards").arg(item));
        if (!movementItem && movement != 0)
            f.fail(QStringLiteral("movement"), Tr::tr("must be left out: only a movement's own standards (items "
                                                      "\"movement-…\") belong to a movement"));
        const bool confirmed = f.requiredBool(QStringLiteral("confirmed"));
        QString evidence = f.optionalString(QStringLiteral("evidence"));
        if (evidence.isNull())
            evidence = QStringLiteral(""); // a null QString binds as NULL; the column wants ''
        if (confirmed && evidence.isEmpty())
            f.fail(QStringLiteral("evidence"), Tr::tr("is required for a confirmed item: a tick without its evidence "
                                                      "is no confirmation"));
        const QString at = f.requiredString(QStringLiteral("at"));
        if (at.size() < 19 || !QDateTime::fromString(at, Qt::ISODateWithMs).isValid())
            f.fail(QStringLiteral("at"), Tr::tr("is not a date and time (YYYY-MM-DDThh:mm:ss): \"%1\"").arg(at));
        const QString by = f.optionalString(QStringLiteral("by"));
        const QString key =
            QStringLiteral("%1 %2 %3 %4 %5 %6").arg(s.personId).arg(s.unitId).arg(form).arg(year).arg(movement).arg(item);
        const QString first = seen.firstWith(key, f.where());
        // An export made before a fact of the year counted for every form names it once per form:
        // those answers fold into one, as schema step 7 folded stored rows (a confirmed answer
        // wins over an unconfirmed one, then the one changed last). The same form twice is still
        // a second answer.
        bool folding = false;
        if (!first.isEmpty()) {
            if (!yearFact || factForms.value(key).contains(named))
                throw Error(Tr::tr("%1: a second answer for the same nominee, form, year, movement and item (first at %2).")
                                .arg(f.where(), first));
            folding = true;
        }
        if (yearFact)
            factForms[key] << named;
        for (Query *q : {&stored, &update, &insert})
            q->bind(QStringLiteral(":f"), form).bind(QStringLiteral(":y"), year).bind(QStringLiteral(":i"), item);
        for (Query *q : {&stored, &update})
            q->bind(QStringLiteral(":p"), s.personId).bind(QStringLiteral(":u"), s.unitId).bind(QStringLiteral(":m"), movement);
        for (Query *q : {&update, &insert})
            q->bind(QStringLiteral(":c"), confirmed ? 1 : 0)
                .bind(QStringLiteral(":e"), evidence)
                .bindOptional(QStringLiteral(":by"), by)
                .bind(QStringLiteral(":at"), at);
        stored.exec();
        const bool exists = stored.next();
        if (exists && folding) {
            const bool storedConfirmed = stored.integer(0) != 0;
            const QString storedAt = stored.text(3);
            stored.raw().finish();
            if (confirmed != storedConfirmed ? confirmed : at > storedAt)
                update.exec();
            return;
        }
        if (exists) {
            const bool same = (stored.integer(0) != 0) == confirmed && stored.text(1) == evidence && stored.text(2) == by
                              && stored.text(3) == at;
            stored.raw().finish();
            if (!same)
                update.exec();
            return;
        }
        insert.bindOptional(QStringLiteral(":p"), s.personId)
            .bindOptional(QStringLiteral(":u"), s.unitId)
            .bindOptional(QStringLiteral(":f"), form) // NULL for a year fact
            .bindOptional(QStringLiteral(":m"), movement)
            .exec();
    });
}

} // namespace VinhDanh::Core::Interchange::Detail
