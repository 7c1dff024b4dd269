// The preview and the merge itself; the undo is in unmerge.cpp, the table of references in
// mergerefs.cpp.
#include "core/dedup/merge.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/dedup/mergenominees_p.h"
#include "core/dedup/mergerefs_p.h"
#include "core/error.h"
#include "core/registry/versioning.h"

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

/// A field the kept record may take from the dropped one, and its name in messages.
struct Field
{
    const char *column;
    const char *label; // QT_TRANSLATE_NOOP("Dedup", …)
    bool fill;         // filled when empty on the kept record; otherwise only compared
};

QList<Field> fields(Kind kind)
{
    if (kind == Kind::Units)
        return {{"kind", QT_TRANSLATE_NOOP("Dedup", "kind of unit"), false},
                {"parent_id", QT_TRANSLATE_NOOP("Dedup", "parent unit"), false},
                {"bloc_id", QT_TRANSLATE_NOOP("Dedup", "emulation bloc"), true},
                {"valid_from", QT_TRANSLATE_NOOP("Dedup", "start of validity"), true},
                // An empty end means "still valid": filling it would retire the kept unit.
                {"valid_to", QT_TRANSLATE_NOOP("Dedup", "end of validity"), false}};
    return {
        {"gender", QT_TRANSLATE_NOOP("Dedup", "gender"), true},      {"birth_date", QT_TRANSLATE_NOOP("Dedup", "birth date"), true},
        {"cccd", QT_TRANSLATE_NOOP("Dedup", "CCCD number"), true},   {"position", QT_TRANSLATE_NOOP("Dedup", "position"), true},
        {"category", QT_TRANSLATE_NOOP("Dedup", "category"), false}, {"unit_id", QT_TRANSLATE_NOOP("Dedup", "unit"), false}};
}

bool empty(const QVariant &v)
{
    return v.isNull() || v.toString().isEmpty();
}

QString nameColumn(Kind kind)
{
    return kind == Kind::Units ? QStringLiteral("name") : QStringLiteral("full_name");
}

QVariantMap stored(const Database &db, Kind kind, qint64 id)
{
    const QVariantMap row = Versioning::storedRow(db, QLatin1String(Refs::recordTable(kind)), id);
    if (row.isEmpty())
        throw Error(kind == Kind::Units ? Tr::tr("There is no unit with the id %1.").arg(id)
                                        : Tr::tr("There is no person with the id %1.").arg(id));
    return row;
}

/// The unit a record belongs to, for Permissions (a unit is its own).
qint64 unitOf(Kind kind, const QVariantMap &row)
{
    return kind == Kind::Units ? row.value(QStringLiteral("id")).toLongLong() : row.value(QStringLiteral("unit_id")).toLongLong();
}

QString counted(const char *noun, int n)
{
    return QCoreApplication::translate("Dedup", noun, nullptr, n);
}

QString ratingYears(const Database &db, const QList<qint64> &ids)
{
    QStringList years;
    for (const qint64 id : ids)
        years << Query(db.sql(), QStringLiteral("SELECT year FROM ratings WHERE id = :id"))
                     .bind(QStringLiteral(":id"), id)
                     .scalar()
                     .toString();
    return years.join(QStringLiteral(", "));
}
} // namespace

QStringList MergePreview::lines() const
{
    QStringList out;
    out << Tr::tr("Keep: %1 (%2)").arg(keepName, keepKey) << Tr::tr("Merge into it and delete: %1 (%2)").arg(dropName, dropKey);
    for (const QString &m : moves)
        out << Tr::tr("Moves: %1").arg(m);
    if (moves.isEmpty())
        out << Tr::tr("Nothing to move: the record to delete has no other rows.");
    for (const QString &f : filled)
        out << Tr::tr("Fills in: %1").arg(f);
    for (const QString &c : conflicts)
        out << Tr::tr("Conflict: %1").arg(c);
    for (const QString &b : blockers)
        out << Tr::tr("Cannot merge: %1").arg(b);
    return out;
}

MergePreview Merger::preview(Kind kind, qint64 keepId, qint64 dropId) const
{
    if (keepId == dropId)
        throw Error(Tr::tr("A record cannot be merged with itself: choose two different records."));
    const QVariantMap keep = stored(m_db, kind, keepId), drop = stored(m_db, kind, dropId);
    if (kind == Kind::Units) {
        Permissions::requireVisibleUnit(m_db, keepId);
        Permissions::requireVisibleUnit(m_db, dropId);
    } else {
        Permissions::requireVisiblePerson(m_db, keepId);
        Permissions::requireVisiblePerson(m_db, dropId);
    }
    MergePreview p;
    p.kind = kind;
    p.keepId = keepId, p.dropId = dropId;
    p.keepName = keep.value(nameColumn(kind)).toString(), p.dropName = drop.value(nameColumn(kind)).toString();
    p.keepKey = keep.value(QStringLiteral("ext_key")).toString(), p.dropKey = drop.value(QStringLiteral("ext_key")).toString();

    QStringList locked;
    for (const Refs::Ref &ref : Refs::refs(kind)) {
        const int n = int(Refs::rowsOf(m_db, ref, dropId).size());
        if (n == 0)
            continue;
        const QList<qint64> clash = Refs::conflictingRows(m_db, ref, keepId, dropId);
        if (n > clash.size())
            p.moves << counted(ref.noun, n - int(clash.size()));
        if (!clash.isEmpty()) {
            if (qstrcmp(ref.table, "ratings") == 0)
                p.conflicts << Tr::tr("both records are rated for %1: the kept record's rating stays, the other is set aside.")
                                   .arg(ratingYears(m_db, clash));
            else
                p.conflicts << Tr::tr("%1 that the kept record has too: the kept record's stay, the others are set aside.")
                                   .arg(counted(ref.noun, int(clash.size())));
        }
        if (const int l = Refs::lockedRows(m_db, ref, dropId); l > 0)
            locked << counted(ref.noun, l);
    }
    for (const Fold::Pair &pair : Fold::pairs(m_db, kind, keepId, dropId, &p.blockers))
        p.conflicts << Tr::tr("both records are nominated for %1 in the dossier \"%2\": the two nominations become one, "
                              "with the confirmations and files of both.")
                           .arg(pair.form, pair.dossier);
    if (!locked.isEmpty())
        p.blockers << Tr::tr("%1 of the record to delete are fixed by an issued decision or a submitted dossier and cannot "
                             "change hands. Keep that record and merge the other one into it.")
                          .arg(locked.join(QStringLiteral(", ")));
    for (const QString &where : Refs::unknownReferences(m_db, kind)) {
        const QStringList parts = where.split(QLatin1Char('.'));
        const int n = Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = :id").arg(parts[0], parts[1]))
                          .bind(QStringLiteral(":id"), dropId)
                          .scalar(0)
                          .toInt();
        if (n > 0)
            p.blockers << Tr::tr("the record to delete is still named in %1, which this version cannot move.").arg(where);
    }
    for (const Field &f : fields(kind)) {
        const QString column = QLatin1String(f.column);
        const QVariant k = keep.value(column), d = drop.value(column);
        if (empty(d))
            continue;
        const QString label = QCoreApplication::translate("Dedup", f.label);
        if (empty(k)) {
            if (f.fill)
                p.filled << label;
        } else if (k.toString() != d.toString()) {
            // Values are not shown: a birth date or CCCD belongs on the person's own page only.
            if (column == QLatin1String("cccd"))
                p.blockers << Tr::tr("the two records have different CCCD numbers: they are two people.");
            else
                p.conflicts << Tr::tr("the %1 differs: the kept record's stays.").arg(label);
        }
    }
    if (kind == Kind::Units) {
        if (Permissions::inSubtree(m_db, dropId, keepId))
            p.blockers << Tr::tr("the unit to keep lies under the unit to delete; keep the upper one instead.");
        if (keep.value(QStringLiteral("succeeded_by_id")).toLongLong() == dropId)
            p.blockers << Tr::tr("the unit to keep names the unit to delete as its successor; keep the successor instead.");
    }
    return p;
}

qint64 Merger::merge(Kind kind, qint64 keepId, qint64 dropId)
{
    Transaction tx(m_db.sql());
    const QVariantMap keep = stored(m_db, kind, keepId), drop = stored(m_db, kind, dropId);
    // Editing both records: a clerk must hold both in their subtree.
    Permissions::require(m_db, Permissions::Action::EditRegistry, unitOf(kind, keep));
    Permissions::require(m_db, Permissions::Action::EditRegistry, unitOf(kind, drop));
    const MergePreview p = preview(kind, keepId, dropId);
    if (!p.possible())
        throw Error(Tr::tr("%1 and %2 cannot be merged: %3").arg(p.dropName, p.keepName, p.blockers.join(QLatin1Char(' '))));

    QMap<QString, QList<qint64>> moved, setAside;
    // Two nominations of the two records in one dossier become one before the rows move, so
    // the kept record is not nominated twice (the preview told; set_aside records it).
    QStringList blockers;
    Fold::fold(m_db, Fold::pairs(m_db, kind, keepId, dropId, &blockers), setAside);
    for (const Refs::Ref &ref : Refs::refs(kind)) {
        // The kept record's row wins: the dropped one's like is deleted first (the audit log
        // keeps it, and unmerge() re-inserts it from there).
        const QList<qint64> clash = Refs::conflictingRows(m_db, ref, keepId, dropId);
        for (const qint64 row : clash)
            Query(m_db.sql(), QStringLiteral("DELETE FROM %1 WHERE %2 = :drop AND %3 = :row")
                                  .arg(QLatin1String(ref.table), QLatin1String(ref.column), QLatin1String(ref.rowId)))
                .bind(QStringLiteral(":drop"), dropId)
                .bind(QStringLiteral(":row"), row)
                .exec();
        if (!clash.isEmpty())
            setAside.insert(ref.key(), clash);
        const QList<qint64> rows = Refs::rowsOf(m_db, ref, dropId);
        if (rows.isEmpty())
            continue;
        Refs::move(m_db, ref, rows, dropId, keepId);
        moved.insert(ref.key(), rows);
    }

    const QString table = QLatin1String(Refs::recordTable(kind));
    // Deleted before the kept record takes its CCCD, which is unique.
    Query(m_db.sql(), QStringLiteral("DELETE FROM %1 WHERE id = :id").arg(table)).bind(QStringLiteral(":id"), dropId).exec();
    QJsonArray filled;
    for (const Field &f : fields(kind)) {
        const QString column = QLatin1String(f.column);
        if (!f.fill || !empty(keep.value(column)) || empty(drop.value(column)))
            continue;
        Query(m_db.sql(), QStringLiteral("UPDATE %1 SET %2 = :v, version = version + 1 WHERE id = :id").arg(table, column))
            .bind(QStringLiteral(":v"), drop.value(column))
            .bind(QStringLiteral(":id"), keepId)
            .exec();
        filled.append(column);
    }

    const qint64 id =
        Query(m_db.sql(), QStringLiteral("INSERT INTO registry_merges (kind, kept_id, kept_key, dropped_id, dropped_key, "
                                         "dropped_name, moved, set_aside, filled, merged_at, merged_by) VALUES (:kind, :kept, "
                                         ":keptKey, :dropped, :droppedKey, :name, :moved, :aside, :filled, :at, :by) "
                                         "RETURNING id"))
            .bind(QStringLiteral(":kind"), Refs::kindCode(kind))
            .bind(QStringLiteral(":kept"), keepId)
            .bind(QStringLiteral(":keptKey"), p.keepKey)
            .bind(QStringLiteral(":dropped"), dropId)
            .bind(QStringLiteral(":droppedKey"), p.dropKey)
            .bind(QStringLiteral(":name"), p.dropName)
            .bind(QStringLiteral(":moved"), QString::fromUtf8(QJsonDocument(Refs::toJson(moved)).toJson(QJsonDocument::Compact)))
            .bind(QStringLiteral(":aside"), QString::fromUtf8(QJsonDocument(Refs::toJson(setAside)).toJson(QJsonDocument::Compact)))
            .bind(QStringLiteral(":filled"), QString::fromUtf8(QJsonDocument(filled).toJson(QJsonDocument::Compact)))
            .bind(QStringLiteral(":at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
            .bindOptional(QStringLiteral(":by"), m_db.actorName())
            .insertReturningId();
    tx.commit();
    return id;
}

QList<MergeRecord> Merger::merges(bool standingOnly) const
{
    const qint64 root = Permissions::visibleRoot(m_db);
    Query q(m_db.sql(),
            QStringLiteral("SELECT m.id, m.kind, m.kept_id, m.kept_key, COALESCE(p.full_name, u.name), m.dropped_id, "
                           "m.dropped_key, m.dropped_name, m.merged_at, m.merged_by, m.undone_at "
                           "FROM registry_merges m "
                           "LEFT JOIN people p ON m.kind = 'person' AND p.id = m.kept_id "
                           "LEFT JOIN units u ON m.kind = 'unit' AND u.id = m.kept_id")
                + QStringLiteral(" WHERE 1 = 1")
                + (standingOnly ? QStringLiteral(" AND m.undone_at IS NULL") : QString())
                // A clerk sees the merges whose kept record lies in their subtree.
                + (root > 0 ? QStringLiteral(" AND COALESCE(p.unit_id, u.id) IN (%1)").arg(Permissions::subtreeSql()) : QString())
                + QStringLiteral(" ORDER BY m.id DESC"));
    if (root > 0)
        q.bind(QStringLiteral(":vis_root"), root);
    q.exec();
    QList<MergeRecord> out;
    while (q.next()) {
        MergeRecord r;
        r.id = q.id(0);
        r.kind = q.text(1) == QLatin1String("unit") ? Kind::Units : Kind::People;
        r.keptId = q.id(2);
        r.keptKey = q.text(3);
        r.keptName = q.text(4);
        r.droppedId = q.id(5);
        r.droppedKey = q.text(6);
        r.droppedName = q.text(7);
        r.mergedAt = q.text(8);
        r.mergedBy = q.text(9);
        r.undoneAt = q.text(10);
        out << r;
    }
    return out;
}

} // namespace VinhDanh::Core::Dedup
