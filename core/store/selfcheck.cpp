#include "core/store/selfcheck.h"

#include "core/audit/auditschema.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/proposals/workflowschema.h"

#include <QCoreApplication>
#include <QHash>

namespace VinhDanh::Core::SelfCheck {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SelfCheck)
};

using AuditSchema::DbObject;

/// Everything the latest schema requires, built by the installers themselves.
QList<DbObject> expectedObjects(const Database &db)
{
    QList<DbObject> out;
    if (db.backend() == Backend::Postgres)
        out << AuditSchema::postgresFunctionObjects(db);
    for (const AuditSchema::AuditedTable &t : AuditSchema::auditedTables())
        out << AuditSchema::auditObjects(db, t);
    out << AuditSchema::guardObjects(db, AuditSchema::auditLogGuard());
    out << AuditSchema::guardObjects(db, AuditSchema::importBatchGuard());
    for (const AuditSchema::Guard &g : WorkflowSchema::guards())
        out << AuditSchema::guardObjects(db, g);
    return out;
}

bool ours(const QString &triggerName)
{
    return triggerName.startsWith(QLatin1String("audit_")) || triggerName.startsWith(QLatin1String("guard_"));
}

QString missing(const DbObject &o)
{
    return Tr::tr("the trigger %1 on %2 is missing").arg(o.name, o.table);
}

QString altered(const DbObject &o)
{
    return Tr::tr("the trigger %1 on %2 was altered").arg(o.name, o.table);
}

QStringList sqliteProblems(const Database &db, const QList<DbObject> &expected, bool scanFile)
{
    QStringList out;
    if (scanFile) {
        // quick_check: the file's structure (pages, records, index entry counts) without the
        // full index comparison of integrity_check, which is slower on large files.
        Query q(db.sql(), QStringLiteral("PRAGMA quick_check(5)"));
        q.exec();
        QStringList messages;
        while (q.next())
            messages << q.text(0);
        if (messages != QStringList{QStringLiteral("ok")})
            out << Tr::tr("the file's integrity check (quick_check) reports: %1").arg(messages.join(QStringLiteral("; ")));
    }
    QHash<QString, QPair<QString, QString>> actual; // name → (table, sql)
    Query q(db.sql(), QStringLiteral("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"));
    q.exec();
    while (q.next())
        actual.insert(q.text(0), {q.text(1), q.text(2)});
    QSet<QString> seen;
    for (const DbObject &o : expected) {
        seen.insert(o.name);
        const auto it = actual.constFind(o.name);
        if (it == actual.cend())
            out << missing(o);
        else if (it->first != o.table || it->second.simplified() != o.sql.simplified())
            out << altered(o);
    }
    for (auto it = actual.cbegin(); it != actual.cend(); ++it)
        if (ours(it.key()) && !seen.contains(it.key()))
            out << Tr::tr("an unknown trigger %1 on %2 imitates the program's own").arg(it.key(), it->first);
    return out;
}

QStringList postgresProblems(const Database &db, const QList<DbObject> &expected)
{
    QStringList out;
    const QString role = Query(db.sql(), QStringLiteral("SELECT current_setting('session_replication_role')")).scalar().toString();
    if (role != QLatin1String("origin"))
        out << Tr::tr("triggers are switched off for this connection (session_replication_role is %1)").arg(role);

    struct Trigger
    {
        QString table, enabled, function;
        QStringList args;
        int type = 0;
        bool hasWhen = false;
        QString definition; // pg_get_triggerdef: holds the WHEN as PostgreSQL prints it
        QString newTable;
    };
    QHash<QString, Trigger> triggers; // "table.name" → trigger
    Query t(db.sql(),
            QStringLiteral(
                "SELECT t.tgname, c.relname, t.tgenabled, p.proname, t.tgargs, t.tgtype, t.tgqual IS NOT NULL, "
                "pg_get_triggerdef(t.oid), t.tgnewtable "
                "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE NOT t.tgisinternal AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())"));
    t.exec();
    while (t.next()) {
        Trigger tr;
        tr.table = t.text(1);
        tr.enabled = t.text(2);
        tr.function = t.text(3);
        // tgargs: each argument followed by a NUL byte.
        const QList<QByteArray> parts = t.value(4).toByteArray().split('\0');
        for (int i = 0; i + 1 < parts.size(); ++i)
            tr.args << QString::fromUtf8(parts.at(i));
        tr.type = t.value(5).toInt();
        tr.hasWhen = t.value(6).toBool();
        tr.definition = t.text(7);
        tr.newTable = t.text(8);
        triggers.insert(tr.table + QLatin1Char('.') + t.text(0), tr);
    }
    QHash<QString, QString> bodies; // function name → source
    Query f(db.sql(), QStringLiteral("SELECT proname, prosrc FROM pg_proc WHERE pronamespace = "
                                     "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"));
    f.exec();
    while (f.next())
        bodies.insert(f.text(0), f.text(1));

    QSet<QString> seen;
    for (const DbObject &o : expected) {
        if (o.kind == DbObject::Kind::Function) {
            const auto it = bodies.constFind(o.name);
            if (it == bodies.cend())
                out << Tr::tr("the function %1 is missing").arg(o.name);
            else if (it->simplified() != o.body.simplified())
                out << Tr::tr("the function %1 was altered").arg(o.name);
            continue;
        }
        const QString key = o.table + QLatin1Char('.') + o.name;
        seen.insert(key);
        const auto it = triggers.constFind(key);
        if (it == triggers.cend())
            out << missing(o);
        else if (it->function != o.function || it->args != o.arguments || it->type != o.pgType || it->newTable != o.newTable
                 || it->hasWhen != !o.when.isEmpty()
                 || (!o.when.isEmpty() && !it->definition.contains(QStringLiteral(" WHEN (%1) ").arg(o.when))))
            out << altered(o);
        // 'O' fires normally, 'A' always; 'D' is disabled and 'R' fires only on replicas.
        else if (it->enabled != QLatin1String("O") && it->enabled != QLatin1String("A"))
            out << Tr::tr("the trigger %1 on %2 is disabled").arg(o.name, o.table);
    }
    for (auto it = triggers.cbegin(); it != triggers.cend(); ++it) {
        const QString name = it.key().mid(it->table.size() + 1);
        if (ours(name) && !seen.contains(it.key()))
            out << Tr::tr("an unknown trigger %1 on %2 imitates the program's own").arg(name, it->table);
    }
    return out;
}
} // namespace

QStringList problems(const Database &db, bool scanFile)
{
    const QList<DbObject> expected = expectedObjects(db);
    return db.backend() == Backend::Sqlite ? sqliteProblems(db, expected, scanFile) : postgresProblems(db, expected);
}

QString checkOnOpen(Database &db, bool scanFile)
{
    const QStringList found = problems(db, scanFile);
    if (found.isEmpty())
        return {};
    if (db.backend() == Backend::Sqlite)
        Query::run(db.sql(), QStringLiteral("PRAGMA query_only = ON"));
    else
        Query::run(db.sql(), QStringLiteral("SET default_transaction_read_only = on"));
    constexpr int kShown = 5;
    QString what = found.mid(0, kShown).join(QStringLiteral("; "));
    if (found.size() > kShown)
        what = Tr::tr("%1; and %n more", nullptr, int(found.size() - kShown)).arg(what);
    return Tr::tr("This database failed its check on opening, so it is open read-only and nothing can be changed: "
                  "%1. Its protections may have been removed with another tool. Restore it from a backup: "
                  "File ▸ Restore from a backup… or vinhdanh-cli restore.")
        .arg(what);
}

} // namespace VinhDanh::Core::SelfCheck
