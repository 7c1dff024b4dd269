#include "core/auditlog/auditlog.h"
#include "core/auditlog/audittext.h"

#include "core/text/csv.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace VinhDanh::Core {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
};

/// The columns of audited tables that hold personal data (people.cccd, people.birth_date).
const QStringList &personalColumns()
{
    static const QStringList columns{QStringLiteral("cccd"), QStringLiteral("birth_date")};
    return columns;
}

QString maskValues(const QString &values)
{
    if (values.isEmpty())
        return values;
    QJsonObject o = QJsonDocument::fromJson(values.toUtf8()).object();
    bool changed = false;
    for (const QString &column : personalColumns())
        if (o.contains(column) && !o.value(column).isNull()) {
            o.insert(column, AuditLog::mask());
            changed = true;
        }
    // Untouched rows keep their stored text byte for byte.
    return changed ? QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) : values;
}

QString whereClause(const AuditFilter &f)
{
    QStringList parts;
    if (!f.actor.isEmpty())
        parts << QStringLiteral("actor IN (:actor, :osActor)");
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
    if (!f.actor.isEmpty()) {
        // "root" also finds the login stored as "os:root" (the name the leader reads).
        static const QString os = QStringLiteral("os:");
        q.bind(QStringLiteral(":actor"), f.actor);
        q.bind(QStringLiteral(":osActor"), f.actor.startsWith(os) ? f.actor : os + f.actor);
    }
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

QStringList AuditLog::changes(const AuditEntry &e, bool maskPersonal)
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
        // Compared in clear (so a changed CCCD still shows as changed), shown masked.
        const bool hide = maskPersonal && personalColumns().contains(k);
        const auto show = [&](const QJsonValue &v) { return hide && !v.isNull() && !v.isUndefined() ? AuditLog::mask() : shown(v); };
        if (e.action == QLatin1String("update"))
            out << QStringLiteral("%1: %2 → %3").arg(k, show(before.value(k)), show(after.value(k)));
        else
            out << QStringLiteral("%1: %2").arg(k, show(e.action == QLatin1String("delete") ? before.value(k) : after.value(k)));
    }
    return out;
}

const QString &AuditLog::mask()
{
    static const QString m = QStringLiteral("***");
    return m;
}

AuditEntry AuditLog::masked(const AuditEntry &entry)
{
    AuditEntry e = entry;
    e.oldValues = maskValues(e.oldValues);
    e.newValues = maskValues(e.newValues);
    return e;
}

QByteArray AuditLog::exportEntries(const AuditFilter &filter, const QString &format, bool unmasked, bool rawActors)
{
    if (format != QLatin1String("csv") && format != QLatin1String("json") && format != QLatin1String("text"))
        throw Error(Tr::tr("The audit log can be exported as csv, json or text, not \"%1\".").arg(format));
    if (unmasked)
        Permissions::require(m_db, Permissions::Action::ExportPersonalData);
    const QList<AuditEntry> list = entries(filter); // needs ViewAudit
    if (m_db.readOnly()) {
        // Nothing can be written to record the export: the masked one is still allowed (it is
        // what an administrator needs to investigate a damaged file), the unmasked one is not.
        if (unmasked)
            throw PermissionError(Tr::tr("This database is open read-only, so an export with CCCD numbers and birth dates "
                                         "could not be recorded in the audit log; export it masked."));
    } else {
        Transaction tx(m_db.sql());
        Query(m_db.sql(), QStringLiteral("INSERT INTO audit_exports (at, actor, format, unmasked, row_count) "
                                         "VALUES (:at, :actor, :format, :unmasked, :rows)"))
            .bind(QStringLiteral(":at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
            .bindOptional(QStringLiteral(":actor"), m_db.actorName())
            .bind(QStringLiteral(":format"), format)
            .bind(QStringLiteral(":unmasked"), unmasked ? 1 : 0)
            .bind(QStringLiteral(":rows"), int(list.size()))
            .exec();
        tx.commit();
    }
    if (format == QLatin1String("csv"))
        return csv(list, !unmasked);
    if (format == QLatin1String("json"))
        return json(list, !unmasked);
    return text(list, !unmasked, rawActors, &m_db).toUtf8();
}

QByteArray AuditLog::json(const QList<AuditEntry> &entries, bool maskPersonal)
{
    QJsonArray array;
    for (const AuditEntry &entry : entries) {
        const AuditEntry e = maskPersonal ? masked(entry) : entry;
        array.append(QJsonObject{{QStringLiteral("id"), e.id},
                                 {QStringLiteral("at"), e.at},
                                 {QStringLiteral("actor"), e.actor},
                                 {QStringLiteral("action"), e.action},
                                 {QStringLiteral("table"), e.table},
                                 {QStringLiteral("recordId"), e.recordId},
                                 {QStringLiteral("recordKey"), e.recordKey},
                                 {QStringLiteral("before"), QJsonDocument::fromJson(e.oldValues.toUtf8()).object()},
                                 {QStringLiteral("after"), QJsonDocument::fromJson(e.newValues.toUtf8()).object()}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray AuditLog::csv(const QList<AuditEntry> &entries, bool maskPersonal)
{
    QList<QStringList> rows{{QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("actor"), QStringLiteral("action"),
                             QStringLiteral("table"), QStringLiteral("record_id"), QStringLiteral("record_key"),
                             QStringLiteral("changes"), QStringLiteral("old_values"), QStringLiteral("new_values")}};
    for (const AuditEntry &e : entries) {
        const AuditEntry shownEntry = maskPersonal ? masked(e) : e;
        rows << QStringList{QString::number(e.id),
                            e.at,
                            e.actor,
                            e.action,
                            e.table,
                            QString::number(e.recordId),
                            e.recordKey,
                            changes(e, maskPersonal).join(QStringLiteral("; ")),
                            shownEntry.oldValues,
                            shownEntry.newValues};
    }
    return Csv::file(rows);
}

QString actorWords(const QString &actor)
{
    // The prefix is the one Database::actorName() writes. Only the words change: filters, JSON
    // and --codes keep the stored value, so an account that happens to be called "os:…" and a
    // login still stay apart there.
    static const QString prefix = QStringLiteral("os:");
    if (!actor.startsWith(prefix) || actor.size() == prefix.size())
        return actor;
    return Tr::tr("%1 (computer account)").arg(actor.mid(prefix.size()));
}

QString AuditLog::text(const QList<AuditEntry> &entries, bool maskPersonal, bool rawActors, Database *names)
{
    QString out;
    if (!rawActors) {
        // In words (issue 16): tables, fields and values as the forms name them.
        const AuditText words(names);
        for (const AuditEntry &e : entries)
            out += words.line(e, maskPersonal) + QLatin1Char('\n');
        return out;
    }
    for (const AuditEntry &e : entries)
        out += QStringLiteral("%1  %2  %3 %4 #%5 %6  %7\n")
                   .arg(e.at, e.actor.isEmpty() ? QStringLiteral("-") : e.actor, e.action, e.table)
                   .arg(e.recordId)
                   .arg(e.recordKey, changes(e, maskPersonal).join(QStringLiteral("; ")));
    return out;
}

} // namespace VinhDanh::Core
