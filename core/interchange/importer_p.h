#pragma once
// The interchange importer's insides, shared by importer.cpp (the registry sections) and
// importledger.cpp (ratings and confirmations). Not for other code: use importer.h.

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/rowbatch.h"
#include "core/domain/codes.h"
#include "core/error.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "core/interchange/recordreader.h"
#include "core/registry/keyaliases.h"
#include "core/registry/keys.h"
#include "core/registry/registry.h"
#include "core/registry/rowwriter.h"
#include "core/text/jsonfields.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>

namespace VinhDanh::Core::Interchange::Detail {

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
    /// `remember` false: keys are looked up in the database each time instead of being kept
    /// (the province's million awards would hold ~100 MB of keys for the few that are named).
    KeyMap(Database &db, const char *table, bool remember = true)
        : m_db(db), m_table(table), m_remember(remember), m_aliases(db, table)
    {
    }
    /// The file is another office's (Keys::OfficeKeys): its keys are that office's, and each
    /// record's key here is decided by recordKey(). `fileKeys`: every key of the section.
    void fromOffice(const QString &office, QSet<QString> fileKeys)
    {
        m_office.emplace(m_db, office, m_table);
        m_fileKeys = std::move(fileKeys);
    }
    bool fromOffice() const { return m_office.has_value(); }
    /// The key here of a record the file names. An office's own file: the key as it is, or the
    /// record's key now for one it had before short keys (schema step 16), so an old export
    /// names records as they are named now. Another office's: the key its record got here.
    QString current(const QString &key) const { return m_aliases.current(m_office ? m_office->current(key) : key); }
    /// The key under which the file's record `fileKey` is written: current() for an office's
    /// own file; for another office's, decided (and stored) on first sight.
    QString recordKey(const QString &fileKey)
    {
        const QString key = m_aliases.current(m_office ? m_office->record(fileKey, m_fileKeys) : fileKey);
        // A generated key ("person-<UUID>": an export made before short keys) is written as
        // it is, then replaced once the whole file is in (Importer::generatedKeys). The length
        // test first: a regular expression per record would cost a province's import time.
        if (!m_sawGenerated && key.size() > 37 && key.at(key.size() - 13) == QLatin1Char('-') && Keys::hasAliases(m_table)
            && Keys::isGenerated(key))
            m_sawGenerated = true;
        return key;
    }
    /// Whether a record of the file was written under a generated key.
    bool sawGenerated() const { return m_sawGenerated; }
    /// How many of another office's records got a new key here.
    int renamed() const { return m_office ? m_office->renamed() : 0; }
    void add(const QString &key, qint64 id)
    {
        if (m_remember)
            m_ids.insert(key, id);
    }
    /// Looks up `fileKeys` a thousand to a statement and keeps those found, even in a map that
    /// does not remember: on PostgreSQL a look-up per key is a round trip (the province's
    /// 22,938 awards named by initiatives: 4 s). A key not found goes find()'s way (aliases).
    void prefetch(const QStringList &fileKeys);
    qint64 find(const QString &fileKey)
    {
        if (fileKey.isEmpty())
            return 0;
        const QString key = current(fileKey);
        auto it = m_ids.constFind(key);
        if (it != m_ids.constEnd())
            return *it;
        // Prepared once: on PostgreSQL a statement made per look-up is two more round trips
        // (PREPARE, DEALLOCATE) for each of a province's thousands of named awards.
        if (!m_byKey)
            m_byKey = std::make_unique<Query>(m_db.sql(),
                                              QStringLiteral("SELECT id FROM %1 WHERE ext_key = :k").arg(QLatin1String(m_table)));
        qint64 id = m_byKey->bind(QStringLiteral(":k"), key).scalar(0).toLongLong();
        if (id == 0)
            id = Lookup::idForKey(m_db, m_table, key); // a key the record had before (an alias)
        if (id > 0 && m_remember)
            m_ids.insert(key, id);
        return id;
    }

private:
    Database &m_db;
    const char *m_table;
    bool m_remember;
    Keys::Aliases m_aliases;
    std::optional<Keys::OfficeKeys> m_office;
    QSet<QString> m_fileKeys;
    QHash<QString, qint64> m_ids;
    std::unique_ptr<Query> m_byKey;
    bool m_sawGenerated = false;
};

/// Remembers the records of one section by what identifies them, and refuses the second
/// with the same identity: without it the later record silently overwrote the earlier one.
class Seen
{
public:
    /// The place of the first record with `identity`, or an empty string (and it is noted).
    QString firstWith(const QString &identity, const QString &where)
    {
        const auto it = m_first.constFind(identity);
        if (it != m_first.constEnd())
            return *it;
        m_first.insert(identity, where);
        return {};
    }

private:
    QHash<QString, QString> m_first;
};

/// The same for a million records: only a number per record (the key's hash, or a rating's
/// person and year packed) and the index of its first record. A hash seen before is a
/// repeat only when the caller confirms it (two keys may share a hash).
template<typename Identity>
class SeenIndex
{
public:
    /// The index of an earlier record with `identity`, or -1 (and `index` is noted).
    int firstWith(const Identity &identity, int index)
    {
        const auto it = m_first.constFind(identity);
        if (it != m_first.constEnd())
            return *it;
        m_first.insert(identity, index);
        return -1;
    }

private:
    QHash<Identity, int> m_first;
};

/// INSERT … ON CONFLICT (ext_key) DO UPDATE of `columns` (placeholders named after them), with
/// a WHERE that skips the update when no column changed: an unchanged record is not written
/// at all, so no guard fires (a ledger row of an issued decision), no version moves and the
/// audit log stays quiet. With `returning`, the new or changed row's id comes back; an
/// unchanged row returns nothing (see Importer::upsert). `derived` columns (search keys, the
/// given name) are written with the others but not compared: the demo and the editors compute
/// them their own way, and they follow from the compared ones.
QString upsertSql(const RowWriter &rows, const QStringList &columns, bool returning, const QStringList &derived = {});
/// Its ON CONFLICT … part alone, for a multi-row INSERT (RowBatch).
QString upsertTail(const RowWriter &rows, const QStringList &columns, const QStringList &derived = {});

class Importer
{
public:
    /// `newFile`: the database is one importIntoNewFile made for the file, which takes the
    /// file's office id with no choice to make.
    Importer(Database &db, FileOffice office, bool newFile)
        : m_db(db), m_office(office), m_newFile(newFile), m_blocs(db, "blocs"), m_units(db, "units"), m_people(db, "people"),
          m_movements(db, "movements"), m_awards(db, "awards", false), m_initiatives(db, "initiatives", false),
          m_disciplines(db, "disciplines", false)
    {
    }

    InterchangeCounts run(RecordReader &reader);
    /// A bloc, unit, person or movement of the file came with a generated key: the caller
    /// gives those short keys (Keys::replaceGenerated) before it commits.
    bool generatedKeys() const
    {
        return m_blocs.sawGenerated() || m_units.sawGenerated() || m_people.sawGenerated() || m_movements.sawGenerated();
    }

private:
    /// Calls `body` for each object of the section, with a JsonFields that names the record
    /// (`units[4] (U0005)`) so every message says which record is at fault. Refuses a field
    /// not in `fields` and a key given to two records of the section. The records come one at
    /// a time from the file (RecordReader), never the whole section.
    template<typename Body>
    int each(const JsonFields &root, const QString &section, const QStringList &fields, Body body)
    {
        root.array(section); // "must be a list" when it is something else
        SeenIndex<size_t> keys;
        QHash<QString, int> collided; // keys whose hash an earlier, different key has: compared as texts
        m_reader->forEach(section, [&](int i, const QJsonObject *object) {
            QString where = QStringLiteral("%1[%2]").arg(section).arg(i);
            if (!object)
                throw Error(Tr::tr("%1: each record must be a JSON object.").arg(where));
            const QString key = object->value(QStringLiteral("key")).toString();
            if (!key.isEmpty())
                where += QStringLiteral(" (%1)").arg(key);
            const JsonFields f(*object, where);
            f.allowOnly(fields);
            if (!key.isEmpty()) {
                int first = collided.value(key, -1);
                if (first < 0) {
                    first = keys.firstWith(qHash(key), i);
                    // The same hash: a repeat only if that record really has this key.
                    if (first >= 0 && m_reader->record(section, first).value(QStringLiteral("key")).toString() != key) {
                        collided.insert(key, i);
                        first = -1;
                    }
                }
                if (first >= 0)
                    throw Error(Tr::tr("%1: the key \"%2\" is given a second time in \"%3\" (first at %4); each record "
                                       "appears once in a file.")
                                    .arg(where, key, section, QStringLiteral("%1[%2]").arg(section).arg(first)));
            }
            try {
                body(f);
            } catch (const RecordError &) {
                throw; // a batch's error: it names its own record, written before this one
            } catch (const Error &e) {
                // Database and validation messages do not know the record: add it.
                if (e.message().startsWith(where))
                    throw;
                rethrowWithMessage(e, QStringLiteral("%1: %2").arg(where, e.message()));
            }
        });
        return m_reader->count(section);
    }

    /// Another office's file: the keys of `section`, for `map` to give no record one of them.
    void prepareKeys(KeyMap &map, const QString &section);
    /// No registry record yet (the catalogue's movements do not count).
    bool registryEmpty() const;
    /// `from` (a table, or a table and its WHERE) has no row (RowBatch::setStraightCopies).
    bool noRows(const char *from) const;
    /// Whose the file is (importoffice.cpp): sets counts' office flags and m_otherOffice, or
    /// refuses a file of an office this database does not know without a FileOffice choice.
    void decideOffice(InterchangeCounts &counts);

    qint64 requireRef(const JsonFields &f, KeyMap &map, const QString &field, const QString &what);
    qint64 optionalRef(const JsonFields &f, KeyMap &map, const QString &field, const QString &what);
    Subject subject(const JsonFields &f);
    /// Runs an upsertSql(…, true) statement: the id of the written row, or of the unchanged one.
    qint64 upsert(Query &q, const char *table, const QString &key);

    int importBlocs(const JsonFields &root);
    int importUnits(const JsonFields &root);
    int importPeople(const JsonFields &root);
    int importMovements(const JsonFields &root);
    int importRatings(const JsonFields &root);
    int importAwards(const JsonFields &root, const QHash<QString, QString> &formRecipients);
    int importInitiatives(const JsonFields &root);
    int importDisciplines(const JsonFields &root);
    int importConfirmations(const JsonFields &root, const QHash<QString, QString> &formRecipients);

    Database &m_db;
    FileOffice m_office;
    bool m_newFile;
    RecordReader *m_reader = nullptr;
    // The highest row ids before the import: a higher one is a record the import added (ids
    // only grow on both backends), whose ratings need no comparing with stored ones.
    qint64 m_lastPersonBefore = 0, m_lastUnitBefore = 0;
    KeyMap m_blocs, m_units, m_people, m_movements, m_awards, m_initiatives, m_disciplines;
    QString m_otherOffice; // the office id of another office's file; empty for the office's own
};

void checkCode(const JsonFields &f, const QString &field, Codes::Set set);
/// A known award form (code → "individual" / "collective" / both) that suits the recipient.
void checkForm(const JsonFields &f, const QHash<QString, QString> &formRecipients, const QString &form, const Subject &s);
void failIfInvalid(const QStringList &problems);

} // namespace VinhDanh::Core::Interchange::Detail
