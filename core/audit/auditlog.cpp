#include "core/audit/auditlog.h"

#include "core/text/csv.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace VinhDanh::Core {

namespace {
QString whereClause(const AuditFilter &f)
{
    QStringList parts;
    if (!f.actor.isEmpty())
        parts << QStringLiteral("actor = :actor");
    if (!f.table.isEmpty())
        parts << QStringLiteral("table_name = :table");
    if (f.recordId > 0)
        parts << QStringLiteral("record_id = :rid");
    if (!f.recordKey.isEmpty())
        parts << QStringLiteral("record_key = :rkey");
    if (!f.action.isEmpty())
        parts << QStringLiteral("action = :action");
    if (f.from.isValid())
        parts << QStringLiteral("at >= :from");
    if (f.to.isValid())
        parts << QStringLiteral("at < :to");
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

void bindFilter(Query &q, const AuditFilter &f)
{
    if (!f.actor.isEmpty())
        q.bind(QStringLiteral(":actor"), f.actor);
    if (!f.table.isEmpty())
        q.bind(QStringLiteral(":table"), f.table);
    if (f.recordId > 0)
        q.bind(QStringLiteral(":rid"), f.recordId);
    if (!f.recordKey.isEmpty())
        q.bind(QStringLiteral(":rkey"), f.recordKey);
    if (!f.action.isEmpty())
        q.bind(QStringLiteral(":action"), f.action);
    // `at` is ISO text, so date bounds compare as text: [from, to + 1 day).
    if (f.from.isValid())
        q.bind(QStringLiteral(":from"), f.from.toString(Qt::ISODate));
    if (f.to.isValid())
        q.bind(QStringLiteral(":to"), f.to.addDays(1).toString(Qt::ISODate));
}

QString shown(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("∅");
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("v"), v}}).toJson(QJsonDocument::Compact));
}
} // namespace

QList<AuditEntry> AuditLog::entries(const AuditFilter &filter) const
{
    Permissions::require(m_db, Permissions::Action::ViewAudit);
    QString sql = QStringLiteral("SELECT id, at, actor, action, table_name, record_id, record_key, old_values, new_values "
                                 "FROM audit_log")
        + whereClause(filter) + QStringLiteral(" ORDER BY id DESC");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT :limit OFFSET :offset");
    Query q(m_db.sql(), sql);
    bindFilter(q, filter);
    if (filter.limit > 0)
        q.bind(QStringLiteral(":limit"), filter.limit).bind(QStringLiteral(":offset"), filter.offset);
    q.exec();
    QList<AuditEntry> out;
    while (q.next())
        out.append({q.id(0), q.text(1), q.text(2), q.text(3), q.text(4), q.id(5), q.text(6), q.text(7), q.text(8)});
    return out;
}

int AuditLog::count(const AuditFilter &filter) const
{
    Permissions::require(m_db, Permissions::Action::ViewAudit);
    Query q(m_db.sql(), QStringLiteral("SELECT count(*) FROM audit_log") + whereClause(filter));
    bindFilter(q, filter);
    return q.scalar(0).toInt();
}

QStringList AuditLog::actors() const
{
    Query q(m_db.sql(), QStringLiteral("SELECT DISTINCT actor FROM audit_log WHERE actor IS NOT NULL ORDER BY actor"));
    q.exec();
    QStringList out;
    while (q.next())
        out << q.text(0);
    return out;
}

QStringList AuditLog::changes(const AuditEntry &e)
{
    const QJsonObject before = QJsonDocument::fromJson(e.oldValues.toUtf8()).object();
    const QJsonObject after = QJsonDocument::fromJson(e.newValues.toUtf8()).object();
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    keys.sort();
    QStringList out;
    for (const QString &k : keys) {
        if (k == QLatin1String("version") || before.value(k) == after.value(k))
            continue;
        if (e.action == QLatin1String("update"))
            out << QStringLiteral("%1: %2 → %3").arg(k, shown(before.value(k)), shown(after.value(k)));
        else
            out << QStringLiteral("%1: %2").arg(k, shown(e.action == QLatin1String("delete") ? before.value(k) : after.value(k)));
    }
    return out;
}

QByteArray AuditLog::csv(const QList<AuditEntry> &entries)
{
    QList<QStringList> rows{{QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("actor"), QStringLiteral("action"),
                             QStringLiteral("table"), QStringLiteral("record_id"), QStringLiteral("record_key"),
                             QStringLiteral("changes"), QStringLiteral("old_values"), QStringLiteral("new_values")}};
    for (const AuditEntry &e : entries)
        rows << QStringList{QString::number(e.id), e.at, e.actor, e.action, e.table, QString::number(e.recordId),
                            e.recordKey, changes(e).join(QStringLiteral("; ")), e.oldValues, e.newValues};
    return Csv::file(rows);
}

QString AuditLog::text(const QList<AuditEntry> &entries)
{
    QString out;
    for (const AuditEntry &e : entries)
        out += QStringLiteral("%1  %2  %3 %4 #%5 %6  %7\n")
                   .arg(e.at, e.actor.isEmpty() ? QStringLiteral("-") : e.actor, e.action, e.table)
                   .arg(e.recordId)
                   .arg(e.recordKey, changes(e).join(QStringLiteral("; ")));
    return out;
}

} // namespace VinhDanh::Core
