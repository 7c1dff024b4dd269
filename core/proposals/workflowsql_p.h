#pragma once
// Internals the workflow's repository files share (not a public header): their translation
// context, and the statements on a dossier's history and its nominees' outcomes that the
// dossier, council and decision repositories all run.

#include <QCoreApplication>
#include <QString>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Workflow {

/// The context of the workflow's messages (lupdate reads it from Q_DECLARE_TR_FUNCTIONS, so
/// Tr::tr() and the .ts agree).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Workflow)
};

namespace Sql {

/// Adds a row to a dossier's history (dossier_events), now and by the current actor.
void writeEvent(Database &db, qint64 dossierId, const QString &transition, const QString &from, const QString &to,
                const QString &reason);
/// Records what became of a nominee (nominee_outcomes) at `at` by the current actor; a
/// `decisionId` of 0 stores none.
void writeOutcome(Database &db, qint64 nomineeId, const QString &outcome, const QString &reason, const QString &at,
                  qint64 decisionId = 0);
/// How many of the dossier's nominees have no outcome yet.
int nomineesWithoutOutcome(const Database &db, qint64 dossierId);
/// Whether a council vote passed the nominee.
bool passedCouncil(const Database &db, qint64 nomineeId);

} // namespace Sql

} // namespace VinhDanh::Core::Workflow
