#include "core/audit/auditchanges.h"

#include "core/db/database.h"
#include "core/db/query.h"

namespace VinhDanh::Core::AuditChanges {

namespace {
Change::Kind kindOf(const QString &action)
{
    if (action == QLatin1String("insert"))
        return Change::Kind::Added;
    if (action == QLatin1String("delete"))
        return Change::Kind::Removed;
    return Change::Kind::Modified;
}
} // namespace

qint64 mark(const Database &db)
{
    // The primary key's index answers max(id) without a scan, on both backends.
    return Query(db.sql(), QStringLiteral("SELECT COALESCE(max(id), 0) FROM audit_log")).scalar(0).toLongLong();
}

QList<Change> since(const Database &db, qint64 mark)
{
    QList<Change> out;
    {
        Query q(db.sql(), QStringLiteral("SELECT table_name, record_id, record_key, action FROM audit_log "
                                         "WHERE id > :mark ORDER BY id LIMIT :limit"));
        q.bind(QStringLiteral(":mark"), mark).bind(QStringLiteral(":limit"), MaxRecords + 1).exec();
        while (q.next())
            out << Change{q.text(0), q.id(1), q.text(2), kindOf(q.text(3))};
    }
    if (out.size() <= MaxRecords)
        return out;
    out.clear();
    Query q(db.sql(), QStringLiteral("SELECT table_name, action FROM audit_log WHERE id > :mark GROUP BY table_name, action"));
    q.bind(QStringLiteral(":mark"), mark).exec();
    while (q.next())
        out << Change{q.text(0), 0, {}, kindOf(q.text(1))};
    return out;
}

void attach(Database &db)
{
    Database *d = &db;
    db.changes().setSource({[d] { return AuditChanges::mark(*d); }, [d](qint64 from) { return AuditChanges::since(*d, from); }});
}

} // namespace VinhDanh::Core::AuditChanges
