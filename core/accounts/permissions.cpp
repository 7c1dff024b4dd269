#include "core/accounts/permissions.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"

#include <QCoreApplication>

namespace VinhDanh::Core::Permissions {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Permissions)
};

const QString kClerk = QStringLiteral("clerk");
const QString kAppraiser = QStringLiteral("appraiser");
const QString kSecretary = QStringLiteral("council_secretary");
const QString kLeader = QStringLiteral("leader");
const QString kAdmin = QStringLiteral("admin");
} // namespace

QStringList roles()
{
    return {kClerk, kAppraiser, kSecretary, kLeader, kAdmin};
}

bool isRole(const QString &role)
{
    return roles().contains(role);
}

QString roleName(const QString &role)
{
    if (role == kClerk)
        return Tr::tr("Clerk of a unit");
    if (role == kAppraiser)
        return Tr::tr("Appraiser");
    if (role == kSecretary)
        return Tr::tr("Council secretary");
    if (role == kLeader)
        return Tr::tr("Leader");
    if (role == kAdmin)
        return Tr::tr("Administrator");
    return role;
}

QString actionName(Action action)
{
    switch (action) {
    case Action::ViewRegistry: return Tr::tr("viewing the registry");
    case Action::EditRegistry: return Tr::tr("changing the registry");
    case Action::EditMovements: return Tr::tr("changing movements");
    case Action::ImportData: return Tr::tr("importing data");
    case Action::ExportData: return Tr::tr("exporting data");
    case Action::GenerateDemo: return Tr::tr("generating demo data");
    case Action::ManageAccounts: return Tr::tr("managing accounts");
    case Action::ViewAudit: return Tr::tr("reading the audit log");
    case Action::EditDossiers: return Tr::tr("preparing proposal dossiers");
    case Action::AppraiseDossiers: return Tr::tr("appraising proposal dossiers");
    case Action::RunCouncil: return Tr::tr("recording council sittings");
    case Action::DraftDecisions: return Tr::tr("drafting decisions");
    case Action::SignDecisions: return Tr::tr("issuing decisions");
    case Action::EditPayData: return Tr::tr("changing bonus and voting data");
    case Action::EditLetterhead: return Tr::tr("changing the letterhead of documents");
    case Action::ManageRuleSets: return Tr::tr("importing or retiring rule sets");
    case Action::ExportPersonalData: return Tr::tr("exporting CCCD numbers and birth dates");
    }
    return {};
}

bool can(const QString &role, Action action)
{
    if (role == kAdmin)
        return true;
    switch (action) {
    case Action::ViewRegistry: return isRole(role);
    case Action::EditRegistry: return role == kClerk || role == kAppraiser;
    case Action::EditMovements: return role == kAppraiser || role == kSecretary;
    case Action::ImportData: return role == kAppraiser;
    case Action::ExportData: return role == kAppraiser || role == kSecretary || role == kLeader;
    case Action::ViewAudit: return role == kLeader;
    case Action::EditDossiers: return role == kClerk || role == kAppraiser;
    case Action::AppraiseDossiers: return role == kAppraiser;
    case Action::RunCouncil: return role == kSecretary;
    case Action::DraftDecisions: return role == kAppraiser || role == kSecretary;
    case Action::SignDecisions: return role == kLeader;
    case Action::EditPayData: return role == kAppraiser;
    case Action::EditLetterhead: return role == kAppraiser || role == kSecretary;
    case Action::GenerateDemo:
    case Action::ManageAccounts:
    case Action::ManageRuleSets:
    case Action::ExportPersonalData: return false;
    }
    return false;
}

bool inSubtree(const Database &db, qint64 rootUnitId, qint64 unitId)
{
    // Walks up from the unit; a province is a few levels deep, and the guard stops a loop.
    for (int depth = 0; unitId > 0 && depth < 64; ++depth) {
        if (unitId == rootUnitId)
            return true;
        unitId = Query(db.sql(), QStringLiteral("SELECT parent_id FROM units WHERE id = :id"))
                     .bind(QStringLiteral(":id"), unitId)
                     .scalar(0)
                     .toLongLong();
    }
    return false;
}

qint64 visibleRoot(const Database &db)
{
    const Session &s = db.session();
    return s.loggedIn() && s.role == kClerk ? s.unitId : 0;
}

QString subtreeSql()
{
    return QStringLiteral("WITH RECURSIVE vis_sub(id) AS (SELECT CAST(:vis_root AS BIGINT) UNION ALL "
                          "SELECT vu.id FROM units vu JOIN vis_sub ON vu.parent_id = vis_sub.id) SELECT id FROM vis_sub");
}

std::optional<QSet<qint64>> visibleUnitIds(const Database &db)
{
    const qint64 root = visibleRoot(db);
    if (root <= 0)
        return std::nullopt;
    Query q(db.sql(), subtreeSql());
    q.bind(QStringLiteral(":vis_root"), root).exec();
    QSet<qint64> ids;
    while (q.next())
        ids.insert(q.id(0));
    return ids;
}

namespace {
[[noreturn]] void refuseRead(const Database &db)
{
    const Session &s = db.session();
    const QString unitName = Query(db.sql(), QStringLiteral("SELECT name FROM units WHERE id = :id"))
                                 .bind(QStringLiteral(":id"), s.unitId)
                                 .scalar()
                                 .toString();
    throw PermissionError(
        Tr::tr("The account %1 may only see the people and units of %2 and its sub-units.").arg(s.username, unitName));
}
} // namespace

void requireVisibleUnit(const Database &db, qint64 unitId)
{
    if (const qint64 root = visibleRoot(db); root > 0 && !inSubtree(db, root, unitId))
        refuseRead(db);
}

void requireVisiblePerson(const Database &db, qint64 personId)
{
    if (const qint64 root = visibleRoot(db); root > 0) {
        const qint64 unitId = Query(db.sql(), QStringLiteral("SELECT unit_id FROM people WHERE id = :id"))
                                  .bind(QStringLiteral(":id"), personId)
                                  .scalar(0)
                                  .toLongLong();
        if (!inSubtree(db, root, unitId))
            refuseRead(db);
    }
}

bool accountsEnabled(const Database &db)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM accounts")).scalar(0).toInt() > 0;
}

void require(const Database &db, Action action, qint64 unitId)
{
    const Session &s = db.session();
    if (!s.loggedIn()) {
        if (!accountsEnabled(db))
            return;
        throw PermissionError(Tr::tr("This database has user accounts: log in before %1.").arg(actionName(action)));
    }
    if (!can(s.role, action))
        throw PermissionError(Tr::tr("The account %1 (%2) is not allowed %3.").arg(s.username, roleName(s.role), actionName(action)));
    if (s.role == kClerk && (action == Action::EditRegistry || action == Action::EditDossiers) && !inSubtree(db, s.unitId, unitId)) {
        const QString unitName = Query(db.sql(), QStringLiteral("SELECT name FROM units WHERE id = :id"))
                                     .bind(QStringLiteral(":id"), s.unitId)
                                     .scalar()
                                     .toString();
        throw PermissionError(Tr::tr("The account %1 may only change records of %2 and its sub-units.").arg(s.username, unitName));
    }
}

bool allowed(const Database &db, Action action)
{
    const Session &s = db.session();
    return s.loggedIn() ? can(s.role, action) : !accountsEnabled(db);
}

} // namespace VinhDanh::Core::Permissions
