#pragma once

#include "core/dedup/duplicates.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core {
class Database;
}

/// Merging two records of the same person (or unit) into one, and undoing it (issue 15 item 5).
///
/// What a merge does, in one transaction:
///  - every row that names the dropped record (ratings, awards, initiative authorship,
///    disciplines, dossier nominees, places on decisions' lists, confirmations, bình xét
///    minutes; for a unit also its people, sub-units, accounts, dossiers) is moved to the kept
///    one — the audit triggers write each move's before/after;
///  - where both records have a row that must be unique (a rating of the same year, the same
///    initiative, the same confirmation, the same minutes) the KEPT record's row stays and the
///    dropped record's is set aside (deleted; the preview lists each such conflict);
///  - fields empty on the kept record are filled from the dropped one (a person's gender,
///    birth date, CCCD, position; a unit's bloc and start of validity); a field both have
///    with different values keeps the kept record's value, and the preview says so;
///  - the dropped record is deleted (the schema has no "retired" person), after which
///    registry_merges records what moved; that insert is the audit entry naming both.
/// It is refused, with nothing written, when a row of the dropped record is protected (an
/// award or a decision list written by an issued decision, a nominee of a submitted
/// dossier): keep that record instead. Also when a unit is under the other, or the kept unit
/// names the dropped one as its successor. Permissions as for editing both records.
///
/// unmerge() puts everything back: the dropped record (from the audit log's delete entry,
/// under its old id and key), the rows still on the kept record moved back, the rows set aside
/// re-inserted, the filled fields emptied again. Versions move forward, so a form opened
/// before either step reports a conflict instead of overwriting.
namespace VinhDanh::Core::Dedup {

struct MergePreview
{
    Kind kind = Kind::People;
    qint64 keepId = 0, dropId = 0;
    QString keepName, dropName, keepKey, dropKey;
    QStringList moves;     // "3 yearly ratings", one line per kind of row
    QStringList conflicts; // what is set aside, and field values that differ
    QStringList filled;    // fields of the kept record filled from the dropped one
    QStringList blockers;  // why the merge cannot be done; empty = it can
    bool possible() const { return blockers.isEmpty(); }
    /// Everything above as lines for a confirmation or the CLI.
    QStringList lines() const;
};

/// A recorded merge, for the undo list.
struct MergeRecord
{
    qint64 id = 0;
    Kind kind = Kind::People;
    qint64 keptId = 0;
    QString keptKey, keptName;
    qint64 droppedId = 0;
    QString droppedKey, droppedName;
    QString mergedAt, mergedBy; // ISO UTC; account
    QString undoneAt;           // empty while the merge stands
};

class Merger
{
public:
    explicit Merger(Database &db) : m_db(db) {}

    /// What merge(kind, keepId, dropId) would do; writes nothing. Throws Error for a record
    /// that does not exist or for the same record twice.
    MergePreview preview(Kind kind, qint64 keepId, qint64 dropId) const;
    /// Merges and returns the merge's id (for unmerge). Throws Error (nothing written) when
    /// preview() lists blockers, PermissionError outside the session's subtree.
    qint64 merge(Kind kind, qint64 keepId, qint64 dropId);
    /// Undoes a merge. Throws Error, nothing written, when it was undone already, the kept
    /// record is gone, or the dropped record's key is in use again.
    void unmerge(qint64 mergeId);

    /// Merges, newest first; `standingOnly` leaves out those undone.
    QList<MergeRecord> merges(bool standingOnly = true) const;

private:
    Database &m_db;
};

} // namespace VinhDanh::Core::Dedup
