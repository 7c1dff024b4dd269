#include "core/proposals/workflowschema.h"

#include "core/audit/auditschema.h"
#include "core/db/database.h"
#include "core/proposals/codes.h"
#include "core/proposals/recordstates.h"
#include "core/proposals/statemachine.h"

namespace VinhDanh::Core::WorkflowSchema {

namespace {
using AuditSchema::Guard;

// A dossier's content may change only while it is a draft or returned for supplement
// (StateMachine::contentEditable).
QString dossierClosed(const QString &dossierIdExpr)
{
    return QStringLiteral("(SELECT status FROM dossiers WHERE id = %1) NOT IN %2")
        .arg(dossierIdExpr, Workflow::StateMachine::contentEditableSql());
}

QString nomineeDossierClosed(const QString &nomineeIdExpr)
{
    return dossierClosed(QStringLiteral("(SELECT dossier_id FROM dossier_nominees WHERE id = %1)").arg(nomineeIdExpr));
}

// The frozen statuses as SQL literals: 'issued' and 'closed', the stored codes, so the guards
// read exactly as the ones earlier versions installed.
QString issuedLiteral()
{
    return Workflow::decisionStatusSql(Workflow::DecisionStatus::Issued);
}

QString closedLiteral()
{
    return QStringLiteral("'%1'").arg(Workflow::sittingStatusCode(Workflow::SittingStatus::Closed));
}

QString decisionIssued(const QString &decisionIdExpr)
{
    return QStringLiteral("(SELECT status FROM decisions WHERE id = %1) = %2").arg(decisionIdExpr, issuedLiteral());
}

QString sessionClosed(const QString &sessionIdExpr)
{
    return QStringLiteral("(SELECT status FROM council_sessions WHERE id = %1) = %2").arg(sessionIdExpr, closedLiteral());
}

QString itemSessionClosed(const QString &itemIdExpr)
{
    return sessionClosed(QStringLiteral("(SELECT session_id FROM council_items WHERE id = %1)").arg(itemIdExpr));
}

Guard guard(const char *table, const char *reason)
{
    Guard g;
    g.table = QString::fromLatin1(table);
    g.reason = QString::fromLatin1(reason);
    return g;
}
} // namespace

QList<Guard> guards(bool registerNumbers)
{
    QList<Guard> out;
    Guard g = guard("decisions", "an issued decision cannot be changed or deleted; issue an amending decision");
    g.updateWhen = QStringLiteral("OLD.status = ") + issuedLiteral();
    g.deleteWhen = g.updateWhen;
    out << g;

    g = guard("decision_awardees", "the list of an issued decision cannot be changed");
    g.updateWhen = decisionIssued(QStringLiteral("OLD.decision_id"));
    g.deleteWhen = decisionIssued(QStringLiteral("OLD.decision_id"));
    g.refuseInsert = true;
    g.insertWhen = decisionIssued(QStringLiteral("NEW.decision_id"));
    out << g;

    g = guard("awards", "a ledger entry written by an issued decision cannot be changed or deleted");
    g.updateWhen = QStringLiteral("OLD.decision_id IS NOT NULL");
    g.deleteWhen = QStringLiteral("OLD.decision_id IS NOT NULL");
    out << g;

    g = guard("dossiers", "a submitted dossier's content cannot be changed until it is returned for supplement");
    QStringList changed;
    for (const char *c : {"ext_key", "unit_id", "movement_id", "occasion", "year", "title", "letter_no", "letter_date", "created_at",
                          "register_year", "register_seq"})
        if (registerNumbers || qstrncmp(c, "register_", 9) != 0)
            changed << QStringLiteral("NEW.%1 IS DISTINCT FROM OLD.%1").arg(QLatin1String(c));
    g.updateWhen = QStringLiteral("OLD.status NOT IN %1 AND (%2)")
                       .arg(Workflow::StateMachine::contentEditableSql(), changed.join(QStringLiteral(" OR ")));
    g.deleteWhen = QStringLiteral("OLD.status <> %1").arg(Workflow::statusSql(Workflow::Status::Draft));
    out << g;

    for (const char *table : {"dossier_nominees", "dossier_attachments"}) {
        g = guard(table, "a submitted dossier's content cannot be changed until it is returned for supplement");
        g.updateWhen = dossierClosed(QStringLiteral("OLD.dossier_id"));
        g.deleteWhen = g.updateWhen;
        g.refuseInsert = true;
        g.insertWhen = dossierClosed(QStringLiteral("NEW.dossier_id"));
        out << g;
    }
    g = guard("nominee_checklist", "a submitted dossier's content cannot be changed until it is returned for supplement");
    g.updateWhen = nomineeDossierClosed(QStringLiteral("OLD.nominee_id"));
    g.deleteWhen = g.updateWhen;
    g.refuseInsert = true;
    g.insertWhen = nomineeDossierClosed(QStringLiteral("NEW.nominee_id"));
    out << g;

    g = guard("dossier_events", "a dossier's history cannot be changed or deleted");
    // Removing a draft (DossierRepository::remove) takes its history with it — the foreign key
    // would otherwise make every dossier undeletable; the audit log keeps the deletion.
    g.deleteWhen = QStringLiteral("(SELECT status FROM dossiers WHERE id = OLD.dossier_id) IS DISTINCT FROM %1")
                       .arg(Workflow::statusSql(Workflow::Status::Draft));
    out << g;
    out << guard("nominee_outcomes", "a recorded outcome cannot be changed or deleted");

    g = guard("council_members", "a closed council sitting cannot be changed");
    g.updateWhen = sessionClosed(QStringLiteral("OLD.session_id"));
    g.deleteWhen = g.updateWhen;
    g.refuseInsert = true;
    g.insertWhen = sessionClosed(QStringLiteral("NEW.session_id"));
    out << g;
    g = guard("council_items", "a closed council sitting cannot be changed");
    g.updateWhen = sessionClosed(QStringLiteral("OLD.session_id"));
    g.deleteWhen = g.updateWhen;
    g.refuseInsert = true;
    g.insertWhen = sessionClosed(QStringLiteral("NEW.session_id"));
    out << g;
    g = guard("council_conflicts", "a closed council sitting cannot be changed");
    g.updateWhen = itemSessionClosed(QStringLiteral("OLD.item_id"));
    g.deleteWhen = g.updateWhen;
    g.refuseInsert = true;
    g.insertWhen = itemSessionClosed(QStringLiteral("NEW.item_id"));
    out << g;
    g = guard("council_sessions", "a closed council sitting cannot be changed");
    g.updateWhen = QStringLiteral("OLD.status = ") + closedLiteral();
    g.deleteWhen = g.updateWhen;
    out << g;
    return out;
}

void install(Database &db)
{
    for (const AuditSchema::AuditedTable &t : AuditSchema::auditedTables())
        if (t.schemaStep == 4)
            AuditSchema::installAudit(db, t);
    // awards gained decision_id: SQLite's audit triggers name the columns, so renew them.
    for (const AuditSchema::AuditedTable &t : AuditSchema::auditedTables())
        if (qstrcmp(t.table, "awards") == 0)
            AuditSchema::installAudit(db, t);
    for (const Guard &g : guards(false)) // step 4: no register number columns yet
        AuditSchema::installGuard(db, g);
}

} // namespace VinhDanh::Core::WorkflowSchema
