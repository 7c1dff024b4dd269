#include "core/interchange/importer.h"

#include "core/accounts/permissions.h"
#include "core/catalogue/movementjson.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/domain/codes.h"
#include "core/domain/validation.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/error.h"
#include "core/interchange/jsonfields.h"
#include "core/repo/keys.h"
#include "core/repo/movementrepository.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace VinhDanh::Core::Interchange {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Interchange)
};

/// Resolves external keys of one table to row ids: first the keys the file itself adds,
/// then the database.
class KeyMap
{
public:
    KeyMap(Database &db, const char *table) : m_db(db), m_table(table) {}
    void add(const QString &key, qint64 id) { m_ids.insert(key, id); }
    qint64 find(const QString &key)
    {
        if (key.isEmpty())
            return 0;
        auto it = m_ids.constFind(key);
        if (it != m_ids.constEnd())
            return *it;
        const qint64 id = Lookup::idForKey(m_db, m_table, key);
        if (id > 0)
            m_ids.insert(key, id);
        return id;
    }

private:
    Database &m_db;
    const char *m_table;
    QHash<QString, qint64> m_ids;
};

class Importer
{
public:
    explicit Importer(Database &db)
        : m_db(db), m_blocs(db, "blocs"), m_units(db, "units"), m_people(db, "people"), m_movements(db, "movements"),
          m_awards(db, "awards")
    {
    }

    InterchangeCounts run(const QJsonObject &root);

private:
    /// Calls `body` for each object of the array, with a JsonFields that names the record
    /// (`units[4] (U0005)`) so every message says which record is at fault.
    template<typename Body>
    int each(const JsonFields &root, const QString &field, Body body)
    {
        const QJsonArray array = root.array(field);
        for (int i = 0; i < array.size(); ++i) {
            QString where = QStringLiteral("%1[%2]").arg(field).arg(i);
            if (!array.at(i).isObject())
                throw Error(Tr::tr("%1: each record must be a JSON object.").arg(where));
            const QJsonObject object = array.at(i).toObject();
            const QString key = object.value(QStringLiteral("key")).toString();
            if (!key.isEmpty())
                where += QStringLiteral(" (%1)").arg(key);
            const JsonFields f(object, where);
            try {
                body(f);
            } catch (const Error &e) {
                // Database and validation messages do not know the record: add it.
                if (e.message().startsWith(where))
                    throw;
                throw Error(QStringLiteral("%1: %2").arg(where, e.message()), e.detail());
            }
        }
        return int(array.size());
    }

    qint64 requireRef(const JsonFields &f, KeyMap &map, const QString &field, const QString &what)
    {
        const QString key = f.requiredString(field);
        const qint64 id = map.find(key);
        if (id == 0)
            throw Error(Tr::tr("%1: the %2 \"%3\" is neither in the file nor in the database.").arg(f.where(), what, key));
        return id;
    }

    qint64 optionalRef(const JsonFields &f, KeyMap &map, const QString &field, const QString &what)
    {
        return f.optionalString(field).isEmpty() ? 0 : requireRef(f, map, field, what);
    }

    Subject subject(const JsonFields &f)
    {
        const bool hasPerson = !f.optionalString(QStringLiteral("person")).isEmpty();
        const bool hasUnit = !f.optionalString(QStringLiteral("unit")).isEmpty();
        if (hasPerson == hasUnit)
            throw Error(Tr::tr("%1: give either \"person\" or \"unit\", not both and not neither.").arg(f.where()));
        return hasPerson ? Subject::person(requireRef(f, m_people, QStringLiteral("person"), Tr::tr("person")))
                         : Subject::unit(requireRef(f, m_units, QStringLiteral("unit"), Tr::tr("unit")));
    }

    void checkCode(const JsonFields &f, const QString &field, Codes::Set set)
    {
        const QString code = f.requiredString(field);
        if (!Codes::isValid(set, code))
            f.fail(field, Tr::tr("has the unknown code \"%1\" (expected one of %2)").arg(code, Codes::codesText(set)));
    }

    /// A known award form (code → "individual" / "collective" / both) that suits the recipient.
    static void checkForm(const JsonFields &f, const QHash<QString, QString> &formRecipients, const QString &form,
                          const Subject &s)
    {
        const QString recipients = formRecipients.value(form);
        if (recipients.isEmpty())
            f.fail(QStringLiteral("form"), Tr::tr("is not a known award form: \"%1\"").arg(form));
        if (recipients == (s.isPerson() ? QLatin1String("collective") : QLatin1String("individual")))
            f.fail(QStringLiteral("form"), Tr::tr("\"%1\" cannot be given to this kind of recipient").arg(form));
    }

    static void failIfInvalid(const QStringList &problems)
    {
        if (!problems.isEmpty())
            throw Error(problems.join(QLatin1Char(' ')));
    }

    int importConfirmations(const JsonFields &root, const QHash<QString, QString> &formRecipients);

    Database &m_db;
    KeyMap m_blocs, m_units, m_people, m_movements, m_awards;
};

InterchangeCounts Importer::run(const QJsonObject &object)
{
    const JsonFields root(object, Tr::tr("file"));
    if (root.optionalString(QStringLiteral("format")) != QLatin1String("vinhdanh-interchange"))
        throw Error(Tr::tr("This is not a Vinh Danh interchange file (\"format\" must be \"vinhdanh-interchange\")."));
    const int version = root.requiredInt(QStringLiteral("formatVersion"));
    if (version > kFormatVersion)
        throw Error(Tr::tr("The file was written by a newer version of Vinh Danh (format version %1); this program reads "
                           "versions up to %2. Install the newer Vinh Danh to import it.")
                        .arg(version)
                        .arg(kFormatVersion));
    InterchangeCounts counts;
    const QSqlDatabase sql = m_db.sql();

    counts.blocs = each(root, QStringLiteral("blocs"), [&](const JsonFields &f) {
        const QString kind = f.requiredString(QStringLiteral("kind"));
        if (kind != QLatin1String("cum") && kind != QLatin1String("khoi"))
            f.fail(QStringLiteral("kind"), Tr::tr("must be cum or khoi"));
        const qint64 id = Query(sql, QStringLiteral("INSERT INTO blocs (ext_key, name, kind) VALUES (:k, :n, :kind) "
                                                    "ON CONFLICT (ext_key) DO UPDATE SET version = blocs.version + 1, name = excluded.name, "
                                                    "kind = excluded.kind RETURNING id"))
                              .bind(QStringLiteral(":k"), f.requiredString(QStringLiteral("key")))
                              .bind(QStringLiteral(":n"), f.requiredString(QStringLiteral("name")))
                              .bind(QStringLiteral(":kind"), kind)
                              .insertReturningId();
        m_blocs.add(f.requiredString(QStringLiteral("key")), id);
    });

    // Units in two passes: rows first, then parent and successor links, so a file may list a
    // unit before its parent.
    Query unitUpsert(sql, QStringLiteral(
        "INSERT INTO units (ext_key, name, kind, bloc_id, valid_from, valid_to, search_key) "
        "VALUES (:k, :n, :kind, :bloc, :from, :to, :search) ON CONFLICT (ext_key) DO UPDATE SET version = units.version + 1, name = excluded.name, "
        "kind = excluded.kind, bloc_id = excluded.bloc_id, valid_from = excluded.valid_from, "
        "valid_to = excluded.valid_to, search_key = excluded.search_key RETURNING id"));
    counts.units = each(root, QStringLiteral("units"), [&](const JsonFields &f) {
        Unit u;
        u.key = f.requiredString(QStringLiteral("key"));
        u.name = f.requiredString(QStringLiteral("name"));
        u.kind = f.requiredString(QStringLiteral("kind"));
        u.validFrom = f.optionalDate(QStringLiteral("validFrom"));
        u.validTo = f.optionalDate(QStringLiteral("validTo"));
        checkCode(f, QStringLiteral("kind"), Codes::Set::UnitKind);
        failIfInvalid(Validation::unit(u));
        unitUpsert.bind(QStringLiteral(":k"), u.key)
            .bind(QStringLiteral(":n"), u.name)
            .bind(QStringLiteral(":kind"), u.kind)
            .bindOptional(QStringLiteral(":bloc"), optionalRef(f, m_blocs, QStringLiteral("bloc"), Tr::tr("emulation bloc")))
            .bind(QStringLiteral(":from"), Keys::dateValue(u.validFrom))
            .bind(QStringLiteral(":to"), Keys::dateValue(u.validTo))
            .bind(QStringLiteral(":search"), Text::fold(u.name + QLatin1Char(' ') + u.key));
        m_units.add(u.key, unitUpsert.insertReturningId());
    });
    QHash<qint64, qint64> parentOf;
    Query unitLinks(sql, QStringLiteral("UPDATE units SET parent_id = :p, succeeded_by_id = :s, version = version + 1 WHERE ext_key = :k"));
    each(root, QStringLiteral("units"), [&](const JsonFields &f) {
        const QString key = f.requiredString(QStringLiteral("key"));
        const qint64 parent = optionalRef(f, m_units, QStringLiteral("parent"), Tr::tr("parent unit"));
        const qint64 successor = optionalRef(f, m_units, QStringLiteral("succeededBy"), Tr::tr("successor unit"));
        const qint64 self = m_units.find(key);
        if (parent == self || successor == self)
            throw Error(Tr::tr("%1: a unit cannot be its own parent or successor.").arg(f.where()));
        for (qint64 up = parent; up > 0; up = parentOf.value(up))
            if (up == self)
                throw Error(Tr::tr("%1: the parent units form a loop.").arg(f.where()));
        parentOf.insert(self, parent);
        unitLinks.bindOptional(QStringLiteral(":p"), parent)
            .bindOptional(QStringLiteral(":s"), successor)
            .bind(QStringLiteral(":k"), key)
            .exec();
    });

    Query personUpsert(sql, QStringLiteral(
        "INSERT INTO people (ext_key, full_name, given_name, gender, birth_date, cccd, unit_id, position, category, "
        "search_key) VALUES (:k, :n, :given, :gender, :birth, :cccd, :unit, :position, :category, :search) "
        "ON CONFLICT (ext_key) DO UPDATE SET version = people.version + 1, full_name = excluded.full_name, given_name = excluded.given_name, "
        "gender = excluded.gender, birth_date = excluded.birth_date, cccd = excluded.cccd, unit_id = excluded.unit_id, "
        "position = excluded.position, category = excluded.category, search_key = excluded.search_key RETURNING id"));
    QHash<QString, QString> cccdOwner;
    counts.people = each(root, QStringLiteral("people"), [&](const JsonFields &f) {
        Person p;
        p.key = f.requiredString(QStringLiteral("key"));
        p.fullName = f.requiredString(QStringLiteral("fullName"));
        p.gender = f.optionalString(QStringLiteral("gender"));
        p.birthDate = f.optionalDate(QStringLiteral("birthDate"));
        p.cccd = f.optionalString(QStringLiteral("cccd"));
        p.position = f.optionalString(QStringLiteral("position"));
        p.category = f.requiredString(QStringLiteral("category"));
        checkCode(f, QStringLiteral("category"), Codes::Set::PersonCategory);
        p.unitId = requireRef(f, m_units, QStringLiteral("unit"), Tr::tr("unit"));
        failIfInvalid(Validation::person(p));
        if (!p.cccd.isEmpty()) {
            const QString other = cccdOwner.value(p.cccd);
            if (!other.isEmpty())
                throw Error(Tr::tr("the CCCD number %1 is also given to %2 in the file.").arg(p.cccd, other));
            cccdOwner.insert(p.cccd, p.key);
        }
        personUpsert.bind(QStringLiteral(":k"), p.key)
            .bind(QStringLiteral(":n"), p.fullName)
            .bind(QStringLiteral(":given"), Text::givenName(p.fullName))
            .bindOptional(QStringLiteral(":gender"), p.gender)
            .bind(QStringLiteral(":birth"), Keys::dateValue(p.birthDate))
            .bindOptional(QStringLiteral(":cccd"), p.cccd)
            .bind(QStringLiteral(":unit"), p.unitId)
            .bindOptional(QStringLiteral(":position"), p.position)
            .bind(QStringLiteral(":category"), p.category)
            .bind(QStringLiteral(":search"), Text::fold(p.fullName + QLatin1Char(' ') + p.key));
        m_people.add(p.key, personUpsert.insertReturningId());
    });

    MovementRepository movements(m_db);
    counts.movements = each(root, QStringLiteral("movements"), [&](const JsonFields &f) {
        Movement m = MovementJson::fromJson(f.object(), f.where());
        const qint64 existing = movements.idForKey(m.key);
        const std::optional<Movement> stored = existing > 0 ? movements.get(existing) : std::nullopt;
        if (stored && stored->isCatalogue)
            throw Error(Tr::tr("%1: \"%2\" is a catalogue movement, which an import cannot replace.").arg(f.where(), m.key));
        m.id = existing;
        m.version = stored ? stored->version : 0; // an import replaces what is stored now
        m_movements.add(m.key, movements.save(m));
    });

    Query ratingDeletePerson(sql, QStringLiteral("DELETE FROM ratings WHERE person_id = :id AND year = :y"));
    Query ratingDeleteUnit(sql, QStringLiteral("DELETE FROM ratings WHERE unit_id = :id AND year = :y"));
    Query ratingInsert(sql, QStringLiteral("INSERT INTO ratings (person_id, unit_id, year, rating, note) "
                                           "VALUES (:p, :u, :y, :r, :note)"));
    counts.ratings = each(root, QStringLiteral("ratings"), [&](const JsonFields &f) {
        Rating r{0, subject(f), f.requiredInt(QStringLiteral("year")), f.requiredString(QStringLiteral("rating")),
                 f.optionalString(QStringLiteral("note"))};
        failIfInvalid(Validation::rating(r));
        Query &del = r.subject.isPerson() ? ratingDeletePerson : ratingDeleteUnit;
        del.bind(QStringLiteral(":id"), r.subject.isPerson() ? r.subject.personId : r.subject.unitId)
            .bind(QStringLiteral(":y"), r.year)
            .exec();
        ratingInsert.bindOptional(QStringLiteral(":p"), r.subject.personId)
            .bindOptional(QStringLiteral(":u"), r.subject.unitId)
            .bind(QStringLiteral(":y"), r.year)
            .bind(QStringLiteral(":r"), r.rating)
            .bindOptional(QStringLiteral(":note"), r.note)
            .exec();
    });

    QHash<QString, QString> formRecipients;
    {
        Query forms(sql, QStringLiteral("SELECT code, recipients FROM award_forms"));
        forms.exec();
        while (forms.next())
            formRecipients.insert(forms.text(0), forms.text(1));
    }
    Query awardUpsert(sql, QStringLiteral(
        "INSERT INTO awards (ext_key, person_id, unit_id, form_code, kind, year, decision_no, decision_date, authority, "
        "movement_id, note) VALUES (:k, :p, :u, :form, :kind, :y, :no, :date, :auth, :mov, :note) "
        "ON CONFLICT (ext_key) DO UPDATE SET version = awards.version + 1, person_id = excluded.person_id, unit_id = excluded.unit_id, "
        "form_code = excluded.form_code, kind = excluded.kind, year = excluded.year, decision_no = excluded.decision_no, "
        "decision_date = excluded.decision_date, authority = excluded.authority, movement_id = excluded.movement_id, "
        "note = excluded.note RETURNING id"));
    counts.awards = each(root, QStringLiteral("awards"), [&](const JsonFields &f) {
        Award a;
        a.key = f.requiredString(QStringLiteral("key"));
        a.subject = subject(f);
        a.formCode = f.requiredString(QStringLiteral("form"));
        a.kind = f.requiredString(QStringLiteral("kind"));
        a.year = f.requiredInt(QStringLiteral("year"));
        a.decisionNo = f.optionalString(QStringLiteral("decisionNo"));
        a.decisionDate = f.optionalDate(QStringLiteral("decisionDate"));
        a.authority = f.optionalString(QStringLiteral("authority"));
        a.movementId = optionalRef(f, m_movements, QStringLiteral("movement"), Tr::tr("movement"));
        a.note = f.optionalString(QStringLiteral("note"));
        checkForm(f, formRecipients, a.formCode, a.subject);
        failIfInvalid(Validation::award(a));
        awardUpsert.bind(QStringLiteral(":k"), a.key)
            .bindOptional(QStringLiteral(":p"), a.subject.personId)
            .bindOptional(QStringLiteral(":u"), a.subject.unitId)
            .bind(QStringLiteral(":form"), a.formCode)
            .bind(QStringLiteral(":kind"), a.kind)
            .bind(QStringLiteral(":y"), a.year)
            .bindOptional(QStringLiteral(":no"), a.decisionNo)
            .bind(QStringLiteral(":date"), Keys::dateValue(a.decisionDate))
            .bindOptional(QStringLiteral(":auth"), a.authority)
            .bindOptional(QStringLiteral(":mov"), a.movementId)
            .bindOptional(QStringLiteral(":note"), a.note);
        m_awards.add(a.key, awardUpsert.insertReturningId());
    });

    Query initiativeUpsert(sql, QStringLiteral(
        "INSERT INTO initiatives (ext_key, title, decision_no, decision_date, level, used_for_award_id, note) "
        "VALUES (:k, :t, :no, :date, :level, :used, :note) ON CONFLICT (ext_key) DO UPDATE SET version = initiatives.version + 1, title = excluded.title, "
        "decision_no = excluded.decision_no, decision_date = excluded.decision_date, level = excluded.level, "
        "used_for_award_id = excluded.used_for_award_id, note = excluded.note RETURNING id"));
    Query holdersClear(sql, QStringLiteral("DELETE FROM initiative_holders WHERE initiative_id = :i"));
    Query holderInsert(sql, QStringLiteral("INSERT INTO initiative_holders (initiative_id, person_id) VALUES (:i, :p)"));
    counts.initiatives = each(root, QStringLiteral("initiatives"), [&](const JsonFields &f) {
        Initiative i;
        i.key = f.requiredString(QStringLiteral("key"));
        i.title = f.requiredString(QStringLiteral("title"));
        i.decisionNo = f.optionalString(QStringLiteral("decisionNo"));
        i.decisionDate = f.optionalDate(QStringLiteral("decisionDate"));
        i.level = f.requiredString(QStringLiteral("level"));
        i.note = f.optionalString(QStringLiteral("note"));
        i.usedForAwardId = optionalRef(f, m_awards, QStringLiteral("usedForAward"), Tr::tr("award"));
        for (const QString &holder : f.stringList(QStringLiteral("holders"))) {
            const qint64 id = m_people.find(holder);
            if (id == 0)
                throw Error(Tr::tr("%1: the holder \"%2\" is neither in the file nor in the database.").arg(f.where(), holder));
            if (!i.holderIds.contains(id))
                i.holderIds.append(id);
        }
        failIfInvalid(Validation::initiative(i));
        i.id = initiativeUpsert.bind(QStringLiteral(":k"), i.key)
                   .bind(QStringLiteral(":t"), i.title)
                   .bindOptional(QStringLiteral(":no"), i.decisionNo)
                   .bind(QStringLiteral(":date"), Keys::dateValue(i.decisionDate))
                   .bind(QStringLiteral(":level"), i.level)
                   .bindOptional(QStringLiteral(":used"), i.usedForAwardId)
                   .bindOptional(QStringLiteral(":note"), i.note)
                   .insertReturningId();
        holdersClear.bind(QStringLiteral(":i"), i.id).exec();
        for (qint64 person : std::as_const(i.holderIds))
            holderInsert.bind(QStringLiteral(":i"), i.id).bind(QStringLiteral(":p"), person).exec();
    });

    Query disciplineUpsert(sql, QStringLiteral(
        "INSERT INTO disciplines (ext_key, person_id, unit_id, kind, start_date, end_date, decision_no, note) "
        "VALUES (:k, :p, :u, :kind, :start, :end, :no, :note) ON CONFLICT (ext_key) DO UPDATE SET version = disciplines.version + 1, "
        "person_id = excluded.person_id, unit_id = excluded.unit_id, kind = excluded.kind, "
        "start_date = excluded.start_date, end_date = excluded.end_date, decision_no = excluded.decision_no, "
        "note = excluded.note"));
    counts.disciplines = each(root, QStringLiteral("disciplines"), [&](const JsonFields &f) {
        Discipline d;
        d.key = f.requiredString(QStringLiteral("key"));
        d.subject = subject(f);
        d.kind = f.requiredString(QStringLiteral("kind"));
        d.startDate = f.requiredDate(QStringLiteral("startDate"));
        d.endDate = f.optionalDate(QStringLiteral("endDate"));
        d.decisionNo = f.optionalString(QStringLiteral("decisionNo"));
        d.note = f.optionalString(QStringLiteral("note"));
        failIfInvalid(Validation::discipline(d));
        disciplineUpsert.bind(QStringLiteral(":k"), d.key)
            .bindOptional(QStringLiteral(":p"), d.subject.personId)
            .bindOptional(QStringLiteral(":u"), d.subject.unitId)
            .bind(QStringLiteral(":kind"), d.kind)
            .bind(QStringLiteral(":start"), Keys::dateValue(d.startDate))
            .bind(QStringLiteral(":end"), Keys::dateValue(d.endDate))
            .bindOptional(QStringLiteral(":no"), d.decisionNo)
            .bindOptional(QStringLiteral(":note"), d.note)
            .exec();
    });
    counts.confirmations = importConfirmations(root, formRecipients);
    return counts;
}

/// The clerk's eligibility confirmations (format version 2; a version 1 file has none). A row
/// whose nominee, form, year, movement and item are already stored replaces that row, as a
/// rating replaces the year's rating; it is updated in place with version + 1, so a clerk who
/// has the old row open gets the usual conflict instead of overwriting the import. `by` and
/// `at` are kept from the file: they say who confirmed it originally, and the audit log says
/// who imported it.
int Importer::importConfirmations(const JsonFields &root, const QHash<QString, QString> &formRecipients)
{
    const QSqlDatabase sql = m_db.sql();
    Query update(sql, QStringLiteral(
        "UPDATE eligibility_confirmations SET confirmed = :c, evidence = :e, confirmed_by = :by, confirmed_at = :at, "
        "version = version + 1 WHERE COALESCE(person_id, 0) = :p AND COALESCE(unit_id, 0) = :u AND form_code = :f "
        "AND year = :y AND COALESCE(movement_id, 0) = :m AND item_id = :i"));
    Query insert(sql, QStringLiteral(
        "INSERT INTO eligibility_confirmations (person_id, unit_id, form_code, year, movement_id, item_id, confirmed, "
        "evidence, confirmed_by, confirmed_at) VALUES (:p, :u, :f, :y, :m, :i, :c, :e, :by, :at)"));
    return each(root, QStringLiteral("confirmations"), [&](const JsonFields &f) {
        const Subject s = subject(f);
        const QString form = f.requiredString(QStringLiteral("form"));
        checkForm(f, formRecipients, form, s);
        const int year = f.requiredInt(QStringLiteral("year"));
        if (year < 1945 || year > 2200)
            f.fail(QStringLiteral("year"), Tr::tr("must be a year from 1945 to 2200, not %1").arg(year));
        const QString item = f.requiredString(QStringLiteral("item"));
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
        for (Query *q : {&update, &insert})
            q->bind(QStringLiteral(":c"), confirmed ? 1 : 0)
                .bind(QStringLiteral(":e"), evidence)
                .bindOptional(QStringLiteral(":by"), by)
                .bind(QStringLiteral(":at"), at)
                .bind(QStringLiteral(":f"), form)
                .bind(QStringLiteral(":y"), year)
                .bind(QStringLiteral(":i"), item);
        update.bind(QStringLiteral(":p"), s.personId).bind(QStringLiteral(":u"), s.unitId).bind(QStringLiteral(":m"), movement);
        if (update.exec().numRowsAffected() > 0)
            return;
        insert.bindOptional(QStringLiteral(":p"), s.personId)
            .bindOptional(QStringLiteral(":u"), s.unitId)
            .bindOptional(QStringLiteral(":m"), movement)
            .exec();
    });
}
} // namespace

InterchangeCounts importFrom(Database &db, const QString &path)
{
    Permissions::require(db, Permissions::Action::ImportData);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("Could not read the file \"%1\": %2").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        throw Error(Tr::tr("The file \"%1\" is not valid JSON (at character %2: %3). Nothing was imported.")
                        .arg(path)
                        .arg(error.offset)
                        .arg(error.errorString()));
    if (!doc.isObject())
        throw Error(Tr::tr("The file \"%1\" is not a Vinh Danh interchange file. Nothing was imported.").arg(path));
    Transaction tx(db.sql());
    Importer importer(db);
    InterchangeCounts counts;
    try {
        counts = importer.run(doc.object());
    } catch (const Error &e) {
        throw Error(Tr::tr("Nothing was imported. %1").arg(e.message()), e.detail());
    }
    tx.commit();
    return counts;
}

} // namespace VinhDanh::Core::Interchange
