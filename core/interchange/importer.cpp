#include "core/interchange/importer.h"

#include "core/accounts/permissions.h"
#include "core/audit/bulkwrite.h"
#include "core/catalogue/movementjson.h"
#include "core/db/bulktuning.h"
#include "core/db/rowbatch.h"
#include "core/db/transaction.h"
#include "core/interchange/importer_p.h"
#include "core/registry/movementrepository.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/rowwriter.h"
#include "core/registry/unitrepository.h"
#include "core/registry/validation.h"
#include "core/text/strictjson.h"
#include "core/text/vntext.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryFile>
#include <QUuid>

namespace VinhDanh::Core::Interchange {

namespace Detail {

QString upsertTail(const RowWriter &rows, const QStringList &columns, const QStringList &derived)
{
    return rows.upsertTail(QStringLiteral("ext_key"), columns, derived);
}

QString upsertSql(const RowWriter &rows, const QStringList &columns, bool returning, const QStringList &derived)
{
    return rows.named(QStringList{QStringLiteral("ext_key")} + columns + derived,
                      upsertTail(rows, columns, derived) + (returning ? QStringLiteral(" RETURNING id") : QString()));
}

void checkCode(const JsonFields &f, const QString &field, Codes::Set set)
{
    const QString code = f.requiredString(field);
    if (!Codes::isValid(set, code))
        f.fail(field, Tr::tr("has the unknown code \"%1\" (expected one of %2)").arg(code, Codes::codesText(set)));
}

void checkForm(const JsonFields &f, const QHash<QString, QString> &formRecipients, const QString &form, const Subject &s)
{
    const QString recipients = formRecipients.value(form);
    if (recipients.isEmpty())
        f.fail(QStringLiteral("form"), Tr::tr("is not a known award form: \"%1\"").arg(form));
    if (recipients == (s.isPerson() ? QLatin1String("collective") : QLatin1String("individual")))
        f.fail(QStringLiteral("form"), Tr::tr("\"%1\" cannot be given to this kind of recipient").arg(form));
}

void failIfInvalid(const QStringList &problems)
{
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char(' ')));
}

qint64 Importer::requireRef(const JsonFields &f, KeyMap &map, const QString &field, const QString &what)
{
    const QString key = f.requiredString(field);
    const qint64 id = map.find(key);
    if (id == 0)
        throw Error(Tr::tr("%1: the %2 \"%3\" is neither in the file nor in the database.").arg(f.where(), what, key));
    return id;
}

qint64 Importer::optionalRef(const JsonFields &f, KeyMap &map, const QString &field, const QString &what)
{
    return f.optionalString(field).isEmpty() ? 0 : requireRef(f, map, field, what);
}

Subject Importer::subject(const JsonFields &f)
{
    const bool hasPerson = !f.optionalString(QStringLiteral("person")).isEmpty();
    const bool hasUnit = !f.optionalString(QStringLiteral("unit")).isEmpty();
    if (hasPerson == hasUnit)
        throw Error(Tr::tr("%1: give either \"person\" or \"unit\", not both and not neither.").arg(f.where()));
    return hasPerson ? Subject::person(requireRef(f, m_people, QStringLiteral("person"), Tr::tr("person")))
                     : Subject::unit(requireRef(f, m_units, QStringLiteral("unit"), Tr::tr("unit")));
}

qint64 Importer::upsert(Query &q, const char *table, const QString &key)
{
    q.exec();
    if (q.next()) {
        const qint64 id = q.id(0);
        q.raw().finish();
        return id;
    }
    return Lookup::idForKey(m_db, table, key); // unchanged: the WHERE skipped the update
}

InterchangeCounts Importer::run(RecordReader &reader)
{
    m_reader = &reader;
    const JsonFields root(reader.header(), Tr::tr("file"));
    if (root.optionalString(QStringLiteral("format")) != QLatin1String("vinhdanh-interchange"))
        throw Error(Tr::tr("This is not a Vinh Danh interchange file (\"format\" must be \"vinhdanh-interchange\")."));
    const int version = root.requiredInt(QStringLiteral("formatVersion"));
    if (version > kFormatVersion)
        throw Error(Tr::tr("The file was written by a newer version of Vinh Danh (format version %1); this program reads "
                           "versions up to %2. Install the newer Vinh Danh to import it.")
                        .arg(version)
                        .arg(kFormatVersion));
    // A misspelt section ("peoples") would otherwise import nothing of it and say nothing.
    root.allowOnly({QStringLiteral("format"), QStringLiteral("formatVersion"), QStringLiteral("officeId"),
                    QStringLiteral("officeName"), QStringLiteral("blocs"), QStringLiteral("units"), QStringLiteral("people"),
                    QStringLiteral("movements"), QStringLiteral("ratings"), QStringLiteral("awards"), QStringLiteral("initiatives"),
                    QStringLiteral("disciplines"), QStringLiteral("confirmations")});
    InterchangeCounts counts;
    counts.officeId = root.optionalString(QStringLiteral("officeId"));
    // The letterhead's issuing body keeps its lines (as the letterhead stores it), each cleaned.
    if (!root.optionalString(QStringLiteral("officeName")).isEmpty()) {
        QStringList lines;
        for (const QString &line : root.object().value(QStringLiteral("officeName")).toString().split(QLatin1Char('\n')))
            if (const QString clean = Text::clean(line); !clean.isEmpty())
                lines << clean;
        counts.officeName = lines.join(QLatin1Char('\n'));
    }
    if (!counts.officeId.isEmpty() && QUuid::fromString(counts.officeId).isNull())
        root.fail(QStringLiteral("officeId"), Tr::tr("is not an office id: \"%1\"").arg(counts.officeId));
    if (!counts.officeId.isEmpty())
        decideOffice(counts);
    m_lastPersonBefore = Query(m_db.sql(), QStringLiteral("SELECT COALESCE(max(id), 0) FROM people")).scalar(0).toLongLong();
    m_lastUnitBefore = Query(m_db.sql(), QStringLiteral("SELECT COALESCE(max(id), 0) FROM units")).scalar(0).toLongLong();
    counts.blocs = importBlocs(root);
    counts.units = importUnits(root);
    counts.people = importPeople(root);
    counts.movements = importMovements(root);
    counts.ratings = importRatings(root);
    QHash<QString, QString> formRecipients;
    {
        Query forms(m_db.sql(), QStringLiteral("SELECT code, recipients FROM award_forms"));
        forms.exec();
        while (forms.next())
            formRecipients.insert(forms.text(0), forms.text(1));
    }
    counts.awards = importAwards(root, formRecipients);
    counts.initiatives = importInitiatives(root);
    counts.disciplines = importDisciplines(root);
    counts.confirmations = importConfirmations(root, formRecipients);
    const std::pair<const char *, KeyMap *> maps[] = {{"blocs", &m_blocs},
                                                      {"units", &m_units},
                                                      {"people", &m_people},
                                                      {"movements", &m_movements},
                                                      {"awards", &m_awards},
                                                      {"initiatives", &m_initiatives},
                                                      {"disciplines", &m_disciplines}};
    for (const auto &[section, map] : maps)
        if (map->renamed() > 0)
            counts.newKeys.append({QString::fromLatin1(section), map->renamed()});
    return counts;
}

bool Importer::registryEmpty() const
{
    for (const char *from : {"blocs", "units", "people", "ratings", "awards", "initiatives", "disciplines",
                             "eligibility_confirmations", "movements WHERE is_catalogue = 0"})
        if (!noRows(from))
            return false;
    return true;
}

bool Importer::noRows(const char *from) const
{
    return !Query(m_db.sql(), QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(QLatin1String(from))).exec().next();
}

void Importer::prepareKeys(KeyMap &map, const QString &section)
{
    if (m_otherOffice.isEmpty())
        return;
    // One more read of the section, for its keys only: an office's own file never pays it.
    QSet<QString> keys;
    m_reader->forEach(section, [&](int, const QJsonObject *object) {
        if (object)
            keys.insert(object->value(QStringLiteral("key")).toString());
    });
    map.fromOffice(m_otherOffice, std::move(keys));
}

int Importer::importBlocs(const JsonFields &root)
{
    prepareKeys(m_blocs, QStringLiteral("blocs"));
    Query upsertBloc(m_db.sql(), upsertSql(UnitRepository::blocRows(), {QStringLiteral("name"), QStringLiteral("kind")}, true));
    return each(root, QStringLiteral("blocs"), {QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("kind")},
                [&](const JsonFields &f) {
                    const QString key = m_blocs.recordKey(f.requiredString(QStringLiteral("key")));
                    const QString kind = f.requiredString(QStringLiteral("kind"));
                    if (kind != QLatin1String("cum") && kind != QLatin1String("khoi"))
                        f.fail(QStringLiteral("kind"), Tr::tr("must be cum or khoi"));
                    upsertBloc.bind(QStringLiteral(":ext_key"), key)
                        .bind(QStringLiteral(":name"), f.requiredString(QStringLiteral("name")))
                        .bind(QStringLiteral(":kind"), kind);
                    m_blocs.add(key, upsert(upsertBloc, "blocs", key));
                });
}

int Importer::importUnits(const JsonFields &root)
{
    const QStringList fields{QStringLiteral("key"),     QStringLiteral("name"),       QStringLiteral("kind"),
                             QStringLiteral("parent"),  QStringLiteral("bloc"),       QStringLiteral("validFrom"),
                             QStringLiteral("validTo"), QStringLiteral("succeededBy")};
    prepareKeys(m_units, QStringLiteral("units"));
    // Units in two passes: rows first, then parent and successor links, so a file may list a
    // unit before its parent.
    Query unitUpsert(m_db.sql(), upsertSql(UnitRepository::unitRows(),
                                           {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("bloc_id"),
                                            QStringLiteral("valid_from"), QStringLiteral("valid_to")},
                                           true, {QStringLiteral("search_key")}));
    const int count = each(root, QStringLiteral("units"), fields, [&](const JsonFields &f) {
        Unit u;
        u.key = m_units.recordKey(f.requiredString(QStringLiteral("key")));
        u.name = f.requiredString(QStringLiteral("name"));
        u.kind = f.requiredString(QStringLiteral("kind"));
        u.validFrom = f.optionalDate(QStringLiteral("validFrom"));
        u.validTo = f.optionalDate(QStringLiteral("validTo"));
        checkCode(f, QStringLiteral("kind"), Codes::Set::UnitKind);
        failIfInvalid(Validation::unit(u));
        unitUpsert.bind(QStringLiteral(":ext_key"), u.key)
            .bind(QStringLiteral(":name"), u.name)
            .bind(QStringLiteral(":kind"), u.kind)
            .bindOptional(QStringLiteral(":bloc_id"), optionalRef(f, m_blocs, QStringLiteral("bloc"), Tr::tr("emulation bloc")))
            .bind(QStringLiteral(":valid_from"), Keys::dateValue(u.validFrom))
            .bind(QStringLiteral(":valid_to"), Keys::dateValue(u.validTo))
            .bind(QStringLiteral(":search_key"), Text::fold(u.name + QLatin1Char(' ') + u.key));
        m_units.add(u.key, upsert(unitUpsert, "units", u.key));
    });
    QHash<qint64, qint64> parentOf;
    Query unitLinks(m_db.sql(), QStringLiteral("UPDATE units SET parent_id = :p, succeeded_by_id = :s, version = version + 1 "
                                               "WHERE ext_key = :k AND (parent_id IS DISTINCT FROM :p2 "
                                               "OR succeeded_by_id IS DISTINCT FROM :s2)"));
    each(root, QStringLiteral("units"), fields, [&](const JsonFields &f) {
        const QString key = m_units.current(f.requiredString(QStringLiteral("key")));
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
            .bindOptional(QStringLiteral(":p2"), parent)
            .bindOptional(QStringLiteral(":s2"), successor)
            .bind(QStringLiteral(":k"), key)
            .exec();
    });
    return count;
}

int Importer::importPeople(const JsonFields &root)
{
    const QStringList columns{QStringLiteral("full_name"), QStringLiteral("gender"),  QStringLiteral("birth_date"),
                              QStringLiteral("cccd"),      QStringLiteral("unit_id"), QStringLiteral("position"),
                              QStringLiteral("category")};
    const QStringList derived{QStringLiteral("given_name"), QStringLiteral("search_key")};
    prepareKeys(m_people, QStringLiteral("people"));
    // By chunks: on SQLite each statement that writes people flushes their FTS5 search index
    // to a new segment (100,000 segments and their merges for a province).
    const RowWriter &rows = PersonRepository::rows();
    RowBatch batch(m_db, rows.head(QStringList{QStringLiteral("ext_key")} + columns + derived),
                   int(columns.size() + derived.size()) + 1, upsertTail(rows, columns, derived));
    batch.setStraightCopies(noRows("people"));
    // The CCCD numbers the database holds, read once (a question per person was a round trip
    // each on PostgreSQL). A record of the file that changes its person's number frees the old
    // one; the file's own repeats are Seen's.
    struct Holder
    {
        QString key, name;
    };
    QHash<QString, Holder> heldBy;   // number -> its person in the database
    QHash<QString, QString> heldNow; // key -> the number its person holds
    {
        Query held(m_db.sql(), QStringLiteral("SELECT cccd, ext_key, full_name FROM people WHERE cccd IS NOT NULL"));
        held.exec();
        while (held.next()) {
            heldBy.insert(held.text(0), {held.text(1), held.text(2)});
            heldNow.insert(held.text(1), held.text(0));
        }
    }
    Seen cccdOwner;
    const int count = each(
        root, QStringLiteral("people"),
        {QStringLiteral("key"), QStringLiteral("fullName"), QStringLiteral("gender"), QStringLiteral("birthDate"),
         QStringLiteral("cccd"), QStringLiteral("unit"), QStringLiteral("position"), QStringLiteral("category")},
        [&](const JsonFields &f) {
            Person p;
            p.key = m_people.recordKey(f.requiredString(QStringLiteral("key")));
            p.fullName = f.requiredString(QStringLiteral("fullName"));
            p.gender = f.optionalString(QStringLiteral("gender"));
            p.birthDate = f.optionalDate(QStringLiteral("birthDate"),
                                         1900); // people born before 1945 are honoured too
            p.cccd = f.optionalString(QStringLiteral("cccd"));
            p.position = f.optionalString(QStringLiteral("position"));
            p.category = f.requiredString(QStringLiteral("category"));
            checkCode(f, QStringLiteral("category"), Codes::Set::PersonCategory);
            p.unitId = requireRef(f, m_units, QStringLiteral("unit"), Tr::tr("unit"));
            failIfInvalid(Validation::person(p));
            if (const auto was = heldNow.constFind(p.key); was != heldNow.constEnd() && *was != p.cccd) {
                heldBy.remove(*was); // given up by this record
                heldNow.erase(was);
            }
            if (!p.cccd.isEmpty()) {
                const QString other = cccdOwner.firstWith(p.cccd, p.key);
                if (!other.isEmpty())
                    throw Error(Tr::tr("the CCCD number %1 is also given to %2 in the file.").arg(p.cccd, other));
                // Name the holder rather than let the unique index answer in the driver's English.
                if (const auto holder = heldBy.constFind(p.cccd); holder != heldBy.constEnd() && holder->key != p.key)
                    throw Error(Tr::tr("the CCCD number %1 already belongs to %2 (%3) in the database; one CCCD "
                                       "number identifies one person.")
                                    .arg(p.cccd, holder->key, holder->name));
            }
            batch.add({p.key, p.fullName, RowBatch::optional(p.gender), Keys::dateValue(p.birthDate), RowBatch::optional(p.cccd),
                       p.unitId, RowBatch::optional(p.position), p.category, Text::givenName(p.fullName),
                       Text::fold(p.fullName + QLatin1Char(' ') + p.key)},
                      f.where());
        });
    batch.flush();
    // The rows' ids, for the records that name people: one read instead of one per person.
    Query ids(m_db.sql(), QStringLiteral("SELECT ext_key, id FROM people"));
    ids.exec();
    while (ids.next())
        m_people.add(ids.text(0), ids.id(1));
    return count;
}

int Importer::importMovements(const JsonFields &root)
{
    MovementRepository movements(m_db);
    prepareKeys(m_movements, QStringLiteral("movements"));
    return each(root, QStringLiteral("movements"), MovementJson::fieldNames(), [&](const JsonFields &f) {
        Movement m = MovementJson::fromJson(f.object(), f.where(), MovementJson::Source::File);
        m.key = m_movements.recordKey(m.key);
        const qint64 existing = movements.idForKey(m.key);
        const std::optional<Movement> stored = existing > 0 ? movements.get(existing) : std::nullopt;
        if (stored && stored->isCatalogue)
            throw Error(Tr::tr("%1: \"%2\" is a catalogue movement, which an import cannot replace.").arg(f.where(), m.key));
        if (stored && MovementJson::toJson(*stored) == MovementJson::toJson(m)) {
            m_movements.add(m.key, existing); // unchanged: no new version, no audit entry
            return;
        }
        m.id = existing;
        m.version = stored ? stored->version : 0; // an import replaces what is stored now
        m_movements.add(m.key, movements.save(m));
    });
}

int Importer::importAwards(const JsonFields &root, const QHash<QString, QString> &formRecipients)
{
    // An award a decision wrote is guarded against any UPDATE: the WHERE of upsertSql keeps an
    // office's own unchanged export from touching it; a changed one is still refused.
    const QStringList columns{QStringLiteral("person_id"),     QStringLiteral("unit_id"),   QStringLiteral("form_code"),
                              QStringLiteral("kind"),          QStringLiteral("year"),      QStringLiteral("decision_no"),
                              QStringLiteral("decision_date"), QStringLiteral("authority"), QStringLiteral("movement_id"),
                              QStringLiteral("note")};
    // By chunks (a round trip per award on PostgreSQL); nothing needs their ids back (an
    // initiative's "usedForAward" is looked up by key).
    prepareKeys(m_awards, QStringLiteral("awards"));
    const RowWriter &rows = RecordRepository::awardRows();
    RowBatch batch(m_db, rows.head(QStringList{QStringLiteral("ext_key")} + columns), int(columns.size()) + 1,
                   upsertTail(rows, columns));
    batch.setStraightCopies(noRows("awards"));
    const int count = each(
        root, QStringLiteral("awards"),
        {QStringLiteral("key"), QStringLiteral("person"), QStringLiteral("unit"), QStringLiteral("form"), QStringLiteral("kind"),
         QStringLiteral("year"), QStringLiteral("decisionNo"), QStringLiteral("decisionDate"), QStringLiteral("authority"),
         QStringLiteral("movement"), QStringLiteral("note")},
        [&](const JsonFields &f) {
            Award a;
            a.key = m_awards.recordKey(f.requiredString(QStringLiteral("key")));
            a.subject = subject(f);
            a.formCode = f.requiredString(QStringLiteral("form"));
            a.kind = f.requiredString(QStringLiteral("kind"));
            a.year = f.requiredYear(QStringLiteral("year"));
            a.decisionNo = f.optionalString(QStringLiteral("decisionNo"));
            a.decisionDate = f.optionalDate(QStringLiteral("decisionDate"));
            a.authority = f.optionalString(QStringLiteral("authority"));
            a.movementId = optionalRef(f, m_movements, QStringLiteral("movement"), Tr::tr("movement"));
            a.note = f.optionalString(QStringLiteral("note"));
            checkForm(f, formRecipients, a.formCode, a.subject);
            failIfInvalid(Validation::award(a));
            batch.add({a.key, RowBatch::optional(a.subject.personId), RowBatch::optional(a.subject.unitId), a.formCode, a.kind, a.year,
                       RowBatch::optional(a.decisionNo), Keys::dateValue(a.decisionDate), RowBatch::optional(a.authority),
                       RowBatch::optional(a.movementId), RowBatch::optional(a.note)},
                      f.where());
        });
    batch.flush();
    return count;
}

} // namespace Detail

namespace {

enum class Target { Existing, NewFile };

InterchangeCounts import(Database &db, const QString &path, Target target, FileOffice office)
{
    using Detail::Tr;
    Permissions::require(db, Permissions::Action::ImportData);
    InterchangeCounts counts;
    try {
        // One streamed pass checks the syntax and UTF-8 and indexes the records before the
        // database is touched; each record is then read strictly (repeated members, control
        // characters, text limits) as the import reaches it. Peak memory: the index and one record.
        Detail::RecordReader reader(path);
        // 128 MiB keeps a province's index pages in memory (the budget is 300 MB of peak memory;
        // the import itself holds ~100 MB).
        BulkTuning tuning(db, 128, target == Target::NewFile ? BulkTuning::Durability::Disposable : BulkTuning::Durability::Kept);
        Transaction tx(db.sql());
        // One audit entry for the file (its name, SHA-256 and the counts per table) instead of
        // one per new record; records it changes keep their before/after rows.
        BulkWrite bulk(db, tx, BulkWrite::Source{QStringLiteral("interchange"), QFileInfo(path).fileName(), reader.sha256(), 0});
        const auto run = [&] {
            Detail::Importer importer(db, office, target == Target::NewFile);
            counts = importer.run(reader);
            // An export made before short keys (schema step 16) names records by generated
            // keys: they get short keys now, as step 16 gave this database's own, the old key
            // kept as an alias, so a clerk never reads a UUID and the file's next import still
            // finds them. After the whole file: the issuer must see every key the file brought.
            if (importer.generatedKeys())
                Keys::replaceGenerated(db);
        };
        // The big tables get their secondary indexes (and on PostgreSQL their foreign keys)
        // after the rows: in a new file always; in the office's database only while it has
        // no registry yet, the office's first import of its history, and only when no other
        // program is reading those tables (Locks::GiveWay, core/db/bulktuning.h). Every
        // reference was resolved to a stored record above, so the keys coming back find none
        // missing. A database in use keeps its indexes: rebuilding them would cost more.
        withIndexesDeferred(db,
                            {QStringLiteral("people"), QStringLiteral("ratings"), QStringLiteral("awards"),
                             QStringLiteral("initiatives"), QStringLiteral("initiative_holders"), QStringLiteral("disciplines")},
                            run, target == Target::NewFile ? Locks::Wait : Locks::GiveWay);
        bulk.setRows(qint64(counts.blocs) + counts.units + counts.people + counts.movements + counts.ratings + counts.awards
                     + counts.initiatives + counts.disciplines + counts.confirmations);
        bulk.finish();
        tx.commit();
    } catch (const Error &e) {
        rethrowWithMessage(e, Tr::tr("Nothing was imported. %1").arg(e.message()));
    }
    // A small file changes nothing the planner or the visibility map would notice.
    if (qint64(counts.units) + counts.people + counts.ratings + counts.awards >= 1000)
        settleAfterBulkLoad(db,
                            {QStringLiteral("units"), QStringLiteral("people"), QStringLiteral("ratings"), QStringLiteral("awards")});
    return counts;
}

/// The temporary file's companions SQLite may leave (the WAL and its index).
void removeDatabaseFile(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

InterchangeCounts importFrom(Database &db, const QString &path, const ImportOptions &options)
{
    return import(db, path, Target::Existing, options.office);
}

InterchangeCounts importIntoNewFile(const QString &path, const QString &target)
{
    using Detail::Tr;
    if (QFileInfo::exists(target))
        throw Error(Tr::tr("Nothing was imported: the file \"%1\" already exists. Choose a new name for the database "
                           "the import makes.")
                        .arg(target));
    // A name of our own beside the target (the same file system, so the rename below is
    // atomic); QTemporaryFile only picks it and makes it empty, which SQLite takes as a new
    // database.
    QTemporaryFile placeholder(target + QStringLiteral(".importing-XXXXXX"));
    if (!placeholder.open())
        throw Error(Tr::tr("Nothing was imported: could not write the file \"%1\": %2").arg(target, placeholder.errorString()));
    const QString temporary = placeholder.fileName();
    placeholder.setAutoRemove(false); // from here on removeDatabaseFile() cleans up
    placeholder.close();
    // QTemporaryFile makes it owner-only (0600), and SQLite gives its WAL the file's mode: the
    // office's database must open for the accounts it shares the folder with, as one SQLite
    // made itself (0644).
    QFile::setPermissions(temporary, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser
                                         | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    InterchangeCounts counts;
    try {
        {
            Database db(ConnectionSettings::sqlite(temporary));
            counts = import(db, path, Target::NewFile, FileOffice::Same);
            // One file to rename, no WAL beside it (every open sets WAL again). SQLite answers
            // the mode it is in: still "wal" only if another connection held the file.
            const QString mode = Query(db.sql(), QStringLiteral("PRAGMA journal_mode = DELETE")).scalar().toString();
            if (mode.compare(QLatin1String("delete"), Qt::CaseInsensitive) != 0)
                throw Error(Tr::tr("Nothing was imported: another program opened the new database while it was being "
                                   "written."),
                            mode);
        }
        // A second program could have taken the name meanwhile: rename() never overwrites.
        if (!QFile::rename(temporary, target))
            throw Error(Tr::tr("Nothing was imported: the database could not be saved as \"%1\" (does that file exist "
                               "now?).")
                            .arg(target));
    } catch (...) {
        removeDatabaseFile(temporary);
        throw;
    }
    return counts;
}

} // namespace VinhDanh::Core::Interchange
