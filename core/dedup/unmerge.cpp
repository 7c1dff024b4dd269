// Undoing a merge (see merge.h): the dropped record and the rows set aside come back from the
// audit log's delete entries; the rows that moved go back by id.
#include "core/dedup/merge.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/dedup/mergenominees_p.h"
#include "core/dedup/mergerefs_p.h"
#include "core/error.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace VinhDanh::Core::Dedup {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Dedup)
};

const Refs::Ref *refFor(Kind kind, const QString &key)
{
    for (const Refs::Ref &r : Refs::refs(kind))
        if (r.key() == key)
            return &r;
    return nullptr;
}

bool idTaken(const Database &db, const QString &table, qint64 id)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM %1 WHERE id = :id").arg(table))
               .bind(QStringLiteral(":id"), id)
               .scalar(0)
               .toInt()
           > 0;
}

/// The dropped record as the merge deleted it: the newest delete entry of that id with the
/// same key (SQLite may have given the id to a newer row since, itself deleted later). The
/// entry may name the key the record had before schema step 16 gave it a short one.
QJsonObject droppedRow(const Database &db, const QString &table, qint64 id, const QString &key)
{
    QStringList keys{key};
    Query aliases(db.sql(), QStringLiteral("SELECT old_key FROM key_aliases WHERE table_name = :t AND new_key = :k"));
    aliases.bind(QStringLiteral(":t"), table).bind(QStringLiteral(":k"), key).exec();
    while (aliases.next())
        keys << aliases.text(0);
    Query q(db.sql(), QStringLiteral("SELECT old_values FROM audit_log WHERE table_name = :t AND record_id = :id "
                                     "AND action = 'delete' ORDER BY id DESC"));
    q.bind(QStringLiteral(":t"), table).bind(QStringLiteral(":id"), id).exec();
    while (q.next()) {
        const QJsonObject row = QJsonDocument::fromJson(q.text(0).toUtf8()).object();
        if (keys.contains(row.value(QStringLiteral("ext_key")).toString()))
            return row;
    }
    return {};
}
} // namespace

void Merger::unmerge(qint64 mergeId)
{
    Transaction tx(m_db.sql());
    Query m(m_db.sql(), QStringLiteral("SELECT kind, kept_id, dropped_id, dropped_key, moved, set_aside, filled, undone_at "
                                       "FROM registry_merges WHERE id = :id"));
    m.bind(QStringLiteral(":id"), mergeId).exec();
    if (!m.next())
        throw Error(Tr::tr("There is no merge number %1.").arg(mergeId));
    const Kind kind = m.text(0) == QLatin1String("unit") ? Kind::Units : Kind::People;
    const qint64 keptId = m.id(1), droppedId = m.id(2);
    const QString droppedKey = m.text(3);
    const QMap<QString, QList<qint64>> moved = Refs::idsFromJson(m.text(4)), setAside = Refs::idsFromJson(m.text(5));
    const QJsonArray filled = QJsonDocument::fromJson(m.text(6).toUtf8()).array();
    if (!m.value(7).isNull())
        throw Error(Tr::tr("The merge number %1 has already been undone.").arg(mergeId));

    const QString table = QLatin1String(Refs::recordTable(kind));
    const QVariant keptUnit = Query(m_db.sql(), kind == Kind::Units ? QStringLiteral("SELECT id FROM units WHERE id = :id")
                                                                    : QStringLiteral("SELECT unit_id FROM people WHERE id = :id"))
                                  .bind(QStringLiteral(":id"), keptId)
                                  .scalar();
    if (keptUnit.isNull())
        throw Error(Tr::tr("The merge number %1 cannot be undone: the record it kept has been deleted since.").arg(mergeId));
    QJsonObject dropped = droppedRow(m_db, table, droppedId, droppedKey);
    if (dropped.isEmpty())
        throw Error(Tr::tr("The merge number %1 cannot be undone: the audit log holds no copy of the merged record.").arg(mergeId));
    Permissions::require(m_db, Permissions::Action::EditRegistry, keptUnit.toLongLong());
    Permissions::require(m_db, Permissions::Action::EditRegistry,
                         qint64(dropped.value(kind == Kind::Units ? QStringLiteral("id") : QStringLiteral("unit_id")).toDouble()));
    if (Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM %1 WHERE ext_key = :k").arg(table))
            .bind(QStringLiteral(":k"), droppedKey)
            .scalar(0)
            .toInt()
        > 0)
        throw Error(Tr::tr("The merge number %1 cannot be undone: the key %2 is in use again.").arg(mergeId).arg(droppedKey));

    // The kept record gives back what it took, where it still holds the same value (the CCCD
    // must be free again before the dropped record returns with it).
    for (const QJsonValue &c : filled) {
        const QString column = c.toString();
        Query(m_db.sql(),
              QStringLiteral("UPDATE %1 SET %2 = NULL, version = version + 1 WHERE id = :id AND %2 = :v").arg(table, column))
            .bind(QStringLiteral(":id"), keptId)
            .bind(QStringLiteral(":v"), dropped.value(column).toVariant())
            .exec();
    }
    // The same id when it is free (PostgreSQL never gives it again; SQLite may have).
    if (idTaken(m_db, table, droppedId))
        dropped.remove(QStringLiteral("id"));
    const QString name = dropped.value(kind == Kind::Units ? QStringLiteral("name") : QStringLiteral("full_name")).toString();
    Refs::insertRow(m_db, table, dropped,
                    {{QStringLiteral("ext_key"), droppedKey}, // the short key, where the old row had a generated one
                     {QStringLiteral("search_key"), Text::fold(name + QLatin1Char(' ') + droppedKey)}});
    const qint64 restoredId = Query(m_db.sql(), QStringLiteral("SELECT id FROM %1 WHERE ext_key = :k").arg(table))
                                  .bind(QStringLiteral(":k"), droppedKey)
                                  .scalar(0)
                                  .toLongLong();

    for (auto it = moved.cbegin(); it != moved.cend(); ++it)
        if (const Refs::Ref *ref = refFor(kind, it.key()))
            Refs::move(m_db, *ref, it.value(), keptId, restoredId); // rows deleted since stay deleted
    for (auto it = setAside.cbegin(); it != setAside.cend(); ++it) {
        const Refs::Ref *ref = refFor(kind, it.key());
        if (!ref)
            continue;
        const QString refTable = QLatin1String(ref->table), column = QLatin1String(ref->column);
        for (const qint64 rowId : it.value()) {
            QJsonObject row = Refs::deletedRow(m_db, refTable, rowId, column, droppedId);
            if (row.isEmpty())
                continue;
            row.insert(column, double(restoredId));
            if (qstrcmp(ref->rowId, "id") == 0 && idTaken(m_db, refTable, rowId))
                row.remove(QStringLiteral("id"));
            Refs::insertRow(m_db, refTable, row);
        }
    }
    // Nominations the merge folded into one come back last: the survivor is back on its record.
    Fold::unfold(m_db, kind, setAside, droppedId, restoredId);
    Query(m_db.sql(), QStringLiteral("UPDATE registry_merges SET undone_at = :at, undone_by = :by, version = version + 1 "
                                     "WHERE id = :id"))
        .bind(QStringLiteral(":at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
        .bindOptional(QStringLiteral(":by"), m_db.actorName())
        .bind(QStringLiteral(":id"), mergeId)
        .exec();
    tx.commit();
}

} // namespace VinhDanh::Core::Dedup
