#include "core/registry/keyaliases.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/movementrepository.h"
#include "core/registry/officesettings.h"
#include "core/text/vntext.h"

#include <QHash>
#include <QRegularExpression>
#include <QUuid>

namespace VinhDanh::Core::Keys {

namespace {
struct Book
{
    const char *table;
    const char *mergeKind;  // registry_merges.kind, or nullptr when records of it are not merged
    const char *nameColumn; // for the search text, or nullptr when the table has none
    const char *prefix;
    int digits;
};

// The same prefixes and widths the repositories give new records.
const Book kBooks[] = {
    {"blocs", nullptr, nullptr, "KTD", 3},
    {"units", "unit", "name", "DV", 4},
    {"people", "person", "full_name", "CN", 6},
    {"movements", nullptr, nullptr, "PT", 3},
};

void addAlias(Database &db, const char *table, const QString &oldKey, const QString &newKey)
{
    Query(db.sql(), QStringLiteral("INSERT INTO key_aliases (table_name, old_key, new_key) VALUES (:t, :o, :n)"))
        .bind(QStringLiteral(":t"), QString::fromLatin1(table))
        .bind(QStringLiteral(":o"), oldKey)
        .bind(QStringLiteral(":n"), newKey)
        .exec();
}

void replaceIn(Database &db, const Book &book)
{
    const QString table = QString::fromLatin1(book.table);
    ShortKeys keys(db, book.table, QString::fromLatin1(book.prefix), book.digits);
    struct Row
    {
        qint64 id;
        QString key, name;
    };
    QList<Row> rows;
    {
        // Every row is read to test its key in C++: the pattern is not LIKE-able on both
        // backends, and the upgrade runs once.
        Query q(db.sql(), QStringLiteral("SELECT id, ext_key, %1 FROM %2 ORDER BY id")
                              .arg(book.nameColumn ? QLatin1String(book.nameColumn) : QLatin1String("NULL"), table));
        q.exec();
        while (q.next())
            if (isGenerated(q.text(1)))
                rows.append({q.id(0), q.text(1), q.text(2)});
    }
    Query update(db.sql(),
                 book.nameColumn
                     ? QStringLiteral("UPDATE %1 SET ext_key = :k, search_key = :s, version = version + 1 WHERE id = :id").arg(table)
                     : QStringLiteral("UPDATE %1 SET ext_key = :k, version = version + 1 WHERE id = :id").arg(table));
    for (const Row &r : rows) {
        const QString key = keys.next();
        if (qstrcmp(book.table, "movements") == 0) {
            // The key is inside the stored plan and its search text too: the repository writes them.
            MovementRepository(db).rekey(r.id, r.key, key);
        } else {
            update.bind(QStringLiteral(":k"), key).bind(QStringLiteral(":id"), r.id);
            if (book.nameColumn) // the search text holds the key: "CN000123" finds the person
                update.bind(QStringLiteral(":s"), Text::fold(r.name + QLatin1Char(' ') + key));
            update.exec();
        }
        addAlias(db, book.table, r.key, key);
        if (book.mergeKind) // the merge history names records by key, as they were then
            for (const char *column : {"kept_key", "dropped_key"})
                Query(db.sql(),
                      QStringLiteral("UPDATE registry_merges SET %1 = :n WHERE kind = :kind AND %1 = :o").arg(QLatin1String(column)))
                    .bind(QStringLiteral(":n"), key)
                    .bind(QStringLiteral(":kind"), QString::fromLatin1(book.mergeKind))
                    .bind(QStringLiteral(":o"), r.key)
                    .exec();
    }
    if (!book.mergeKind)
        return;
    // Records merged away (still gone): their key waits in registry_merges for an undo, which
    // restores them under it (core/dedup/unmerge.cpp reads the alias to find the old row).
    QList<std::pair<qint64, QString>> pending;
    Query q(db.sql(), QStringLiteral("SELECT id, dropped_key FROM registry_merges WHERE kind = :kind AND undone_at IS NULL "
                                     "ORDER BY id"));
    q.bind(QStringLiteral(":kind"), QString::fromLatin1(book.mergeKind)).exec();
    while (q.next())
        if (isGenerated(q.text(1)))
            pending.append({q.id(0), q.text(1)});
    // One key can stand in two standing merges (merged away, brought back by re-importing an
    // old export, merged away again): both get the same short key, and one alias.
    QHash<QString, QString> given;
    for (const auto &[mergeId, oldKey] : pending) {
        const bool first = !given.contains(oldKey);
        if (first)
            given.insert(oldKey, keys.next());
        Query(db.sql(), QStringLiteral("UPDATE registry_merges SET dropped_key = :n, version = version + 1 WHERE id = :id"))
            .bind(QStringLiteral(":n"), given.value(oldKey))
            .bind(QStringLiteral(":id"), mergeId)
            .exec();
        if (first)
            addAlias(db, book.table, oldKey, given.value(oldKey));
    }
}
} // namespace

bool isGenerated(const QString &key)
{
    // Keys::generate: prefix-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (QUuid, lowercase hex).
    static const QRegularExpression generated(
        QStringLiteral("^[a-z_]+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return generated.match(key).hasMatch();
}

bool hasAliases(const char *table)
{
    for (const Book &b : kBooks)
        if (qstrcmp(b.table, table) == 0)
            return true;
    return false;
}

void replaceGenerated(Database &db)
{
    for (const Book &book : kBooks)
        replaceIn(db, book);
}

void addOldKeys(const Database &db, const char *table, QHash<QString, qint64> &byKey)
{
    if (!hasAliases(table) || !db.sql().tables().contains(QStringLiteral("key_aliases")))
        return;
    Query q(db.sql(), QStringLiteral("SELECT old_key, new_key FROM key_aliases WHERE table_name = :t"));
    q.bind(QStringLiteral(":t"), QString::fromLatin1(table)).exec();
    while (q.next())
        if (const auto it = byKey.constFind(q.text(1)); it != byKey.constEnd() && !byKey.contains(q.text(0)))
            byKey.insert(q.text(0), it.value());
}

Aliases::Aliases(const Database &db, const char *table)
{
    if (!hasAliases(table))
        return;
    Query q(db.sql(), QStringLiteral("SELECT old_key, new_key FROM key_aliases WHERE table_name = :t"));
    q.bind(QStringLiteral(":t"), QString::fromLatin1(table)).exec();
    while (q.next())
        m_current.insert(q.text(0), q.text(1));
}

namespace {
QString setting(const Database &db, const char *key)
{
    return OfficeSettings::value(db, QString::fromLatin1(key)).value_or(QString());
}

void putSetting(Database &db, const char *key, const QString &value)
{
    OfficeSettings::put(db, QString::fromLatin1(key), value);
}

/// The issuer's prefix and width for the keys of another office's records that collide here:
/// the repositories' own for the registry, and for the ledger (whose records the program
/// keys with UUIDs) the prefixes the demo and offices use.
const Book *bookFor(const char *table)
{
    static const Book ledger[] = {
        {"awards", nullptr, nullptr, "KT", 7},      // khen thưởng
        {"initiatives", nullptr, nullptr, "SK", 6}, // sáng kiến
        {"disciplines", nullptr, nullptr, "KL", 5}, // kỷ luật
    };
    for (const Book &b : kBooks)
        if (qstrcmp(b.table, table) == 0)
            return &b;
    for (const Book &b : ledger)
        if (qstrcmp(b.table, table) == 0)
            return &b;
    return nullptr;
}
} // namespace

QString officeId(const Database &db)
{
    if (db.schemaVersion() < 17)
        return {};
    return Query(db.sql(), QStringLiteral("SELECT value FROM schema_info WHERE key = 'office_id'")).scalar().toString();
}

QString officeName(const Database &db)
{
    return setting(db, "letterhead.body");
}

namespace {
/// schema_info's one writer outside the migrations. ON CONFLICT: a second remembering (a
/// retried import) changes nothing, and the office id, once made, is never made again.
void putInfo(Database &db, const QString &key, const QString &value)
{
    Query(db.sql(), QStringLiteral("INSERT INTO schema_info (key, value) VALUES (:k, :v) ON CONFLICT (key) DO NOTHING"))
        .bind(QStringLiteral(":k"), key)
        .bind(QStringLiteral(":v"), value.isNull() ? QStringLiteral("") : value) // a null QString binds NULL
        .exec();
}
} // namespace

void makeOfficeId(Database &db)
{
    // In schema_info, beside the version: not an office setting a clerk edits, and not in the
    // audit log, whose text shows no UUID (issue 16).
    putInfo(db, QStringLiteral("office_id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
}

namespace {
void rememberOffice(Database &db, const char *kind, const QString &id, const QString &name)
{
    putInfo(db, QStringLiteral("%1:%2").arg(QLatin1String(kind), id), name);
}

bool hasInfo(const Database &db, const QString &key)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM schema_info WHERE key = :k"))
               .bind(QStringLiteral(":k"), key)
               .scalar(0)
               .toInt()
           > 0;
}
} // namespace

void rememberSameOffice(Database &db, const QString &id, const QString &name)
{
    rememberOffice(db, "same_office", id, name);
}

void rememberOtherOffice(Database &db, const QString &id, const QString &name)
{
    rememberOffice(db, "other_office", id, name);
}

KnownOffice knownOffice(const Database &db, const QString &id)
{
    if (id == officeId(db))
        return KnownOffice::This;
    if (hasInfo(db, QStringLiteral("same_office:") + id))
        return KnownOffice::Same;
    // office_key_aliases too: it holds the offices imported before they were remembered.
    if (hasInfo(db, QStringLiteral("other_office:") + id)
        || Query(db.sql(), QStringLiteral("SELECT count(*) FROM office_key_aliases WHERE office_id = :o"))
                   .bind(QStringLiteral(":o"), id)
                   .scalar(0)
                   .toInt()
               > 0)
        return KnownOffice::Other;
    return KnownOffice::Unknown;
}

void takeOfficeIdentity(Database &db, const QString &id, const QString &name)
{
    // Files this database wrote under its former id are still the office's own.
    if (const QString former = officeId(db); !former.isEmpty() && former != id)
        rememberSameOffice(db, former, officeName(db));
    Query(db.sql(), QStringLiteral("UPDATE schema_info SET value = :v WHERE key = 'office_id'")).bind(QStringLiteral(":v"), id).exec();
    if (!name.isEmpty() && officeName(db).isEmpty())
        putSetting(db, "letterhead.body", name);
}

OfficeKeys::OfficeKeys(Database &db, QString officeId, const char *table) : m_db(db), m_office(std::move(officeId)), m_table(table)
{
    Query q(db.sql(), QStringLiteral("SELECT file_key, local_key FROM office_key_aliases WHERE office_id = :o AND table_name = :t"));
    q.bind(QStringLiteral(":o"), m_office).bind(QStringLiteral(":t"), QString::fromLatin1(table)).exec();
    while (q.next())
        m_local.insert(q.text(0), q.text(1));
}

bool OfficeKeys::takenHere(const QString &key)
{
    if (m_given.contains(key))
        return true;
    const auto held = [&](const QString &sql) {
        Query q(m_db.sql(), sql);
        q.bind(QStringLiteral(":k"), key);
        if (sql.contains(QLatin1String(":t")))
            q.bind(QStringLiteral(":t"), QString::fromLatin1(m_table));
        return q.scalar(0).toInt() > 0;
    };
    // A key free in the table may still name a record here: one another office's record got
    // (maybe deleted since: its office's next file brings it back under it), the key of a
    // record merged away (an undo restores it), or an old key that look-ups turn into a
    // record's current one. Taking any of them would put two records on one.
    if (held(QStringLiteral("SELECT count(*) FROM %1 WHERE ext_key = :k").arg(QLatin1String(m_table)))
        || held(QStringLiteral("SELECT count(*) FROM office_key_aliases WHERE table_name = :t AND local_key = :k"))
        || held(QStringLiteral("SELECT count(*) FROM key_aliases WHERE table_name = :t AND old_key = :k")))
        return true;
    const Book *book = bookFor(m_table);
    return book && book->mergeKind
           && Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM registry_merges WHERE kind = :kind AND dropped_key = :k"))
                      .bind(QStringLiteral(":kind"), QString::fromLatin1(book->mergeKind))
                      .bind(QStringLiteral(":k"), key)
                      .scalar(0)
                      .toInt()
                  > 0;
}

QString OfficeKeys::record(const QString &fileKey, const QSet<QString> &fileKeys)
{
    if (const auto it = m_local.constFind(fileKey); it != m_local.constEnd())
        return *it; // an earlier file of the office, or an earlier mention in this one
    QString key = fileKey;
    // A generated key ("award-<UUID>") names one record wherever it travels: found here, it is
    // that record (this office's, sent to the other and back). A catalogue movement is the
    // same in every database (an import refuses to replace it anyway).
    const bool universal = isGenerated(fileKey) || fileKey.startsWith(QLatin1String("catalogue-"));
    if (!universal && takenHere(fileKey)) {
        if (!m_issuer) {
            const Book *book = bookFor(m_table);
            if (!book)
                throw Error(QStringLiteral("OfficeKeys: no issuer for %1").arg(QLatin1String(m_table)));
            m_issuer.emplace(m_db, book->table, QString::fromLatin1(book->prefix), book->digits);
        }
        // The issuer counts on from the largest key stored when it was first asked; the file's
        // own keys (kept ones may still wait in a chunk) and this import's are skipped.
        do
            key = m_issuer->next();
        while (fileKeys.contains(key) || m_given.contains(key));
        ++m_renamed;
    }
    m_given.insert(key);
    m_local.insert(fileKey, key);
    Query(m_db.sql(), QStringLiteral("INSERT INTO office_key_aliases (office_id, table_name, file_key, local_key) "
                                     "VALUES (:o, :t, :f, :l)"))
        .bind(QStringLiteral(":o"), m_office)
        .bind(QStringLiteral(":t"), QString::fromLatin1(m_table))
        .bind(QStringLiteral(":f"), fileKey)
        .bind(QStringLiteral(":l"), key)
        .exec();
    return key;
}

} // namespace VinhDanh::Core::Keys
