#pragma once
// Two records of one person (or unit) both nominated in one dossier for the same form: the
// merge folds the two nominations into one instead of leaving the kept record nominated twice
// (issue 15 review). Used by merge.cpp (preview and merge) and unmerge.cpp (the undo).

#include "core/dedup/duplicates.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Dedup::Fold {

/// One pair of nominations to fold: `survivor` stays (the one further along: gone on to
/// appraisal, the council, a decision or an outcome; else the one with more confirmed
/// standards; else the kept record's), `folded` is deleted after its checklist rows and files
/// move onto the survivor.
struct Pair
{
    qint64 survivor = 0, folded = 0;
    QString dossier; // the dossier's title, for messages
    QString form;    // the form's name
};

/// The pairs of an open dossier (draft or returned: a closed one blocks the merge anyway).
/// A pair whose two nominations have both gone on past the dossier adds a blocker naming the
/// dossier; so do the two records on the same draft decision's list or the same council
/// sitting (an issued decision is already refused as a locked row).
QList<Pair> pairs(const Database &db, Kind kind, qint64 keepId, qint64 dropId, QStringList *blockers);

/// Folds every pair inside the merge's transaction, recording in `record` (the merge's
/// set_aside map, under keys no reference table has) what the undo needs.
void fold(const Database &db, const QList<Pair> &pairs, QMap<QString, QList<qint64>> &record);

/// The undo: each folded nomination back from the audit log, for the record that held it
/// (`droppedId` now `restoredId`), with its checklist rows and files.
void unfold(const Database &db, Kind kind, const QMap<QString, QList<qint64>> &record, qint64 droppedId, qint64 restoredId);

} // namespace VinhDanh::Core::Dedup::Fold
