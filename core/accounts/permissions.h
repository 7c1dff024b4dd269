#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace VinhDanh::Core {

class Database;

/// What a role may do. One table (permissions.cpp) answers for the CLI, the GUI and the
/// repositories alike; the repositories call require() before writing, so a refused action
/// fails the same way whatever asked for it.
///
///                     clerk        appraiser  council_secr.  leader  admin
///   ViewRegistry      yes          yes        yes            yes     yes
///   EditRegistry      own subtree  yes        -              -       yes
///   EditMovements     -            yes        yes            -       yes
///   ImportData        -            yes        -              -       yes
///   ExportData        -            yes        yes            yes     yes
///   GenerateDemo      -            -          -              -       yes
///   ManageAccounts    -            -          -              -       yes
///   ViewAudit         -            -          -              yes     yes
///   EditDossiers      own subtree  yes        -              -       yes   (make, fill, submit, recall)
///   AppraiseDossiers  -            yes        -              -       yes   (receive, return, appraise)
///   RunCouncil        -            -          yes            -       yes   (sittings, tallies, outcomes)
///   DraftDecisions    -            yes        yes            -       yes
///   SignDecisions     -            -          -              yes     yes   (issue)
///   EditPayData       -            yes        -              -       yes   (salaries, coefficients, thresholds)
///   EditLetterhead    -            yes        yes            -       yes   (the header and signers of documents)
///   ManageRuleSets    -            -          -              -       yes   (import, replace, retire rule sets: the law)
///   ExportPersonalData  -          -          -              -       yes   (audit exports with CCCD, birth dates)
namespace Permissions {

enum class Action {
    ViewRegistry,
    EditRegistry,
    EditMovements,
    ImportData,
    ExportData,
    GenerateDemo,
    ManageAccounts,
    ViewAudit,
    EditDossiers,
    AppraiseDossiers,
    RunCouncil,
    DraftDecisions,
    SignDecisions,
    EditPayData,
    EditLetterhead,
    ManageRuleSets,
    ExportPersonalData,
};

/// The role codes, in the order forms list them.
QStringList roles();
bool isRole(const QString &role);
/// The role's name for people ("Clerk of a unit", …), translated.
QString roleName(const QString &role);
/// What the action is, as a noun phrase for messages ("editing the registry"), translated.
QString actionName(Action action);

/// The matrix above, without the unit limitation (a clerk "can" EditRegistry).
bool can(const QString &role, Action action);

/// True when `unitId` is `rootUnitId` or lies below it (follows parent_id).
bool inSubtree(const Database &db, qint64 rootUnitId, qint64 unitId);

/// Does the connection's session allow `action`? `unitId` is the unit the record belongs to
/// (0 = not bound to one unit: a clerk is then refused an edit). A database without accounts
/// allows everything; one with accounts refuses everything until someone logs in.
/// Throws PermissionError naming the account, the action and the reason.
void require(const Database &db, Action action, qint64 unitId = 0);
/// The same, as a yes/no for menus and buttons (no unit: the action in general).
bool allowed(const Database &db, Action action);

/// The unit whose subtree the session may see: a clerk's unit, 0 for every other role (and
/// without accounts) — they see everything. Lists of units, people and dossiers apply it.
qint64 visibleRoot(const Database &db);
/// SQL that selects the ids of a subtree, for `column IN (…)`; binds `:vis_root`. Recursive
/// CTE, accepted by SQLite and PostgreSQL alike.
QString subtreeSql();

/// The ids of the units the session may see: a clerk's subtree, or nullopt for everyone else
/// (everything is visible). For sweeps that filter in memory (the candidates list).
std::optional<QSet<qint64>> visibleUnitIds(const Database &db);
/// Reads limited like writes: a clerk may look at (check, list as a candidate, print, propose)
/// only the people and units of their subtree. Throws PermissionError naming the account and
/// its unit otherwise; every other role, and a database without accounts, passes. A person
/// with no unit is outside every clerk's subtree.
void requireVisibleUnit(const Database &db, qint64 unitId);
void requireVisiblePerson(const Database &db, qint64 personId);

/// Whether the database has any account (so login is required).
bool accountsEnabled(const Database &db);

} // namespace Permissions
} // namespace VinhDanh::Core
