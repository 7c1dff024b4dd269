#pragma once
// What refers to a person or a unit, and how a merge moves it: one table shared by the
// preview, the merge and the undo (merge.cpp, unmerge.cpp).

#include "core/dedup/duplicates.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantMap>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Dedup::Refs {

/// One column that holds the id of a person or a unit.
struct Ref
{
    const char *table;
    const char *column;
    const char *rowId;  // the column that names a row: "id", or "initiative_id" for the holders
    const char *unique; // columns that with `column` must stay unique ("year"), nullptr if none
    const char *noun;   // QT_TRANSLATE_N_NOOP("Dedup", "%n …") — what moves, counted
    const char *locked; // SQL over the row (alias r) when a guard refuses to move it, or nullptr
    bool versioned;     // the table has a version column (a move bumps it: open forms then conflict)
    QString key() const { return QLatin1String(table) + QLatin1Char('.') + QLatin1String(column); }
};

const QList<Ref> &refs(Kind kind);

/// "people" or "units".
const char *recordTable(Kind kind);
QString kindCode(Kind kind); // "person" | "unit" (registry_merges.kind)

/// Columns of other tables that reference `recordTable(kind)` (from the schema's foreign keys)
/// and are not in refs(kind): a table added later that the merge would not know how to move.
QStringList unknownReferences(const Database &db, Kind kind);

/// The row ids of `ref` that point at `recordId`.
QList<qint64> rowsOf(const Database &db, const Ref &ref, qint64 recordId);
/// Rows of `dropId` whose like (same `unique` columns) `keepId` already has.
QList<qint64> conflictingRows(const Database &db, const Ref &ref, qint64 keepId, qint64 dropId);
/// Rows of `recordId` a guard would refuse to move.
int lockedRows(const Database &db, const Ref &ref, qint64 recordId);

/// Moves the rows named by `rowIds` from `from` to `to` (rows no longer on `from` are left alone).
void move(const Database &db, const Ref &ref, const QList<qint64> &rowIds, qint64 from, qint64 to);

/// The newest audit_log "delete" entry's old values for a row of `table` (the row as it was
/// before it was deleted), or an empty object. `match` ("person_id" = 12) picks among
/// entries of a table whose record_id is not unique (the initiative holders).
QJsonObject deletedRow(const Database &db, const QString &table, qint64 recordId, const QString &matchColumn = {},
                       qint64 matchValue = 0);
/// Inserts a row from its audit values through the table's one writer (RowWriter::restore:
/// its id and version kept, columns the table no longer has skipped; the caller adds derived
/// columns such as search_key to `extra`).
void insertRow(const Database &db, const QString &table, const QJsonObject &values, const QVariantMap &extra = {});

QJsonObject toJson(const QMap<QString, QList<qint64>> &ids);
QMap<QString, QList<qint64>> idsFromJson(const QString &json);

} // namespace VinhDanh::Core::Dedup::Refs
