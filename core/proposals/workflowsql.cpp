// The statements on a dossier's history and its nominees' outcomes that the dossier, council
// and decision repositories share.
#include "core/proposals/workflowsql_p.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/proposals/workflowrows.h"

namespace VinhDanh::Core::Workflow::Sql {

void writeEvent(Database &db, qint64 dossierId, const QString &transition, const QString &from, const QString &to,
                const QString &reason)
{
    Query(db.sql(), QStringLiteral("INSERT INTO dossier_events (dossier_id, at, actor, transition, from_status, to_status, reason) "
                                   "VALUES (:d, :at, :actor, :t, :from, :to, :reason)"))
        .bind(QStringLiteral(":d"), dossierId)
        .bind(QStringLiteral(":at"), Rows::nowText())
        .bindOptional(QStringLiteral(":actor"), db.actorName())
        .bind(QStringLiteral(":t"), transition)
        .bindOptional(QStringLiteral(":from"), from)
        .bind(QStringLiteral(":to"), to)
        .bindOptional(QStringLiteral(":reason"), reason)
        .exec();
}

void writeOutcome(Database &db, qint64 nomineeId, const QString &outcome, const QString &reason, const QString &at, qint64 decisionId)
{
    Query(db.sql(), QStringLiteral("INSERT INTO nominee_outcomes (nominee_id, outcome, decision_id, reason, at, actor) "
                                   "VALUES (:n, :outcome, :decision, :reason, :at, :actor)"))
        .bind(QStringLiteral(":n"), nomineeId)
        .bind(QStringLiteral(":outcome"), outcome)
        .bindOptional(QStringLiteral(":decision"), decisionId)
        .bindOptional(QStringLiteral(":reason"), reason)
        .bind(QStringLiteral(":at"), at)
        .bindOptional(QStringLiteral(":actor"), db.actorName())
        .exec();
}

int nomineesWithoutOutcome(const Database &db, qint64 dossierId)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM dossier_nominees n WHERE n.dossier_id = :d AND "
                                          "NOT EXISTS (SELECT 1 FROM nominee_outcomes o WHERE o.nominee_id = n.id)"))
        .bind(QStringLiteral(":d"), dossierId)
        .scalar(0)
        .toInt();
}

bool passedCouncil(const Database &db, qint64 nomineeId)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM council_items WHERE nominee_id = :n AND passed = 1"))
               .bind(QStringLiteral(":n"), nomineeId)
               .scalar(0)
               .toInt()
           > 0;
}

} // namespace VinhDanh::Core::Workflow::Sql
