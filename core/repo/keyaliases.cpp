#include "core/repo/keyaliases.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/repo/keys.h"
#include "core/repo/movementrepository.h"
#include "core/text/vntext.h"

#include <QHash>
#include <QRegularExpression>

namespace VinhDanh::Core::Keys {

namespace {
struct Book
{
    const char *table;
    const char *mergeKind; // registry_merges.kind, or nullptr when records of it are not merged
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
    Query update(db.sql(), book.nameColumn
                               ? QStringLiteral("UPDATE %1 SET ext_key = :k, search_key = :s, version = version + 1 WHERE id = :id")
                                     .arg(table)
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
                Query(db.sql(), QStringLiteral("UPDATE registry_merges SET %1 = :n WHERE kind = :kind AND %1 = :o")
                                    .arg(QLatin1String(column)))
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

} // namespace VinhDanh::Core::Keys
