#include "core/audit/auditschema.h"

#include "core/db/database.h"
#include "core/db/query.h"

namespace VinhDanh::Core::AuditSchema {

namespace {
// ISO UTC with milliseconds, the same text on both backends so audit rows sort and compare alike.
const QString kSqliteNow = QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");

QStringList sqliteColumns(const Database &db, const QString &table)
{
    Query q(db.sql(), QStringLiteral("SELECT name FROM pragma_table_info(:t) ORDER BY cid"));
    q.bind(QStringLiteral(":t"), table).exec();
    QStringList out;
    const QStringList excluded = excludedColumns();
    while (q.next())
        if (!excluded.contains(q.text(0)))
            out << q.text(0);
    return out;
}

QString jsonObject(const QString &row, const QStringList &columns)
{
    QStringList args;
    for (const QString &c : columns)
        args << QStringLiteral("'%1', %2.%1").arg(c, row);
    return QStringLiteral("json_object(%1)").arg(args.join(QStringLiteral(", ")));
}

/// A string literal for SQL text we build from fixed identifiers (no user input).
QString literal(QString text)
{
    return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QLatin1String("''")) + QLatin1Char('\'');
}

/// Drops a trigger if it is there (PostgreSQL's DROP … IF EXISTS would print a NOTICE otherwise).
void dropTrigger(const Database &db, const QString &name, const QString &table)
{
    if (db.backend() == Backend::Sqlite) {
        Query::run(db.sql(), QStringLiteral("DROP TRIGGER IF EXISTS ") + name);
        return;
    }
    const bool exists = Query(db.sql(), QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgname = :n "
                                                       "AND tgrelid = to_regclass(:t)"))
                            .bind(QStringLiteral(":n"), name)
                            .bind(QStringLiteral(":t"), table)
                            .scalar(0)
                            .toInt()
        > 0;
    if (exists)
        Query::run(db.sql(), QStringLiteral("DROP TRIGGER %1 ON %2").arg(name, table));
}

void installSqliteAudit(Database &db, const AuditedTable &t)
{
    const QString table = QString::fromLatin1(t.table);
    const QStringList columns = sqliteColumns(db, table);
    struct Op
    {
        const char *action;
        const char *event;
        const char *row; // the row that names the record
        bool before;
        bool after;
    };
    const Op ops[] = {{"insert", "INSERT", "NEW", false, true},
                      {"update", "UPDATE", "NEW", true, true},
                      {"delete", "DELETE", "OLD", true, false}};
    for (const Op &op : ops) {
        const QString name = QStringLiteral("audit_%1_%2").arg(table, QLatin1String(op.action));
        const QString row = QLatin1String(op.row);
        const QString key = t.keyColumn ? row + QLatin1Char('.') + QLatin1String(t.keyColumn) : QStringLiteral("NULL");
        dropTrigger(db, name, table);
        Query::run(db.sql(),
                   QStringLiteral("CREATE TRIGGER %1 AFTER %2 ON %3 BEGIN "
                                  "INSERT INTO audit_log (at, actor, action, table_name, record_id, record_key, "
                                  "old_values, new_values) VALUES (%4, vd_actor(), '%5', '%3', %6.%7, %8, %9, %10); END")
                       .arg(name, QLatin1String(op.event), table, kSqliteNow, QLatin1String(op.action), row,
                            QLatin1String(t.idColumn), key,
                            op.before ? jsonObject(QStringLiteral("OLD"), columns) : QStringLiteral("NULL"))
                       .arg(op.after ? jsonObject(QStringLiteral("NEW"), columns) : QStringLiteral("NULL")));
    }
}

void installPostgresAudit(Database &db, const AuditedTable &t)
{
    const QString table = QString::fromLatin1(t.table);
    const QString name = QStringLiteral("audit_%1").arg(table);
    dropTrigger(db, name, table);
    Query::run(db.sql(), QStringLiteral("CREATE TRIGGER %1 AFTER INSERT OR UPDATE OR DELETE ON %2 FOR EACH ROW "
                                        "EXECUTE FUNCTION vd_audit(%3, %4)")
                             .arg(name, table, literal(QLatin1String(t.idColumn)),
                                  literal(t.keyColumn ? QLatin1String(t.keyColumn) : QString())));
}
} // namespace

const QList<AuditedTable> &auditedTables()
{
    static const QList<AuditedTable> tables = {
        {"blocs", "id", "ext_key"},
        {"units", "id", "ext_key"},
        {"people", "id", "ext_key"},
        {"movements", "id", "ext_key"},
        {"ratings", "id", nullptr},
        {"awards", "id", "ext_key"},
        {"initiatives", "id", "ext_key"},
        {"initiative_holders", "initiative_id", nullptr},
        {"disciplines", "id", "ext_key"},
        {"accounts", "id", "username"},
        // Step 4, the workflow (core/workflow/workflowschema.cpp installs these).
        {"base_salaries", "id", nullptr, 4},
        {"bonus_coefficients", "id", "form_code", 4},
        {"vote_thresholds", "id", "form_code", 4},
        {"dossiers", "id", "ext_key", 4},
        {"dossier_nominees", "id", nullptr, 4},
        {"nominee_checklist", "id", nullptr, 4},
        {"dossier_attachments", "id", "file_name", 4},
        {"nominee_appraisals", "nominee_id", nullptr, 4},
        {"nominee_outcomes", "nominee_id", "outcome", 4},
        {"council_sessions", "id", "ext_key", 4},
        {"council_members", "id", "full_name", 4},
        {"council_items", "id", nullptr, 4},
        {"council_conflicts", "item_id", nullptr, 4},
        {"decisions", "id", "number", 4},
        {"decision_awardees", "id", nullptr, 4},
        // Step 5, the clerk's confirmations on the eligibility page.
        {"eligibility_confirmations", "id", "item_id", 5},
    };
    return tables;
}

QStringList excludedColumns()
{
    // `data`: attachment file contents (a BLOB json_object cannot hold, and too big to copy).
    return {QStringLiteral("search_key"), QStringLiteral("password_hash"), QStringLiteral("data")};
}

void installAudit(Database &db, const AuditedTable &table)
{
    if (db.backend() == Backend::Sqlite)
        installSqliteAudit(db, table);
    else
        installPostgresAudit(db, table);
}

void installGuard(Database &db, const Guard &g)
{
    const QString message = QStringLiteral("%1: %2").arg(QLatin1String(kProtectedMarker), g.reason);
    const bool pg = db.backend() == Backend::Postgres;
    const auto one = [&](bool refuse, const char *event, const QString &when) {
        const QString name = QStringLiteral("guard_%1_%2").arg(g.table, QString::fromLatin1(event).toLower());
        dropTrigger(db, name, g.table);
        if (!refuse)
            return;
        if (pg && !when.isEmpty()) {
            // PostgreSQL refuses subqueries in a trigger's WHEN, so the condition moves into
            // a function of its own; a BEFORE trigger returning the row lets it through.
            const QString fn = name + QStringLiteral("_fn");
            Query::run(db.sql(), QStringLiteral("CREATE OR REPLACE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                                                "BEGIN\n  IF (%2) THEN RAISE EXCEPTION '%', %3; END IF;\n"
                                                "  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;\n  RETURN NEW;\nEND\n$$")
                                     .arg(fn, when, literal(message)));
            Query::run(db.sql(), QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 FOR EACH ROW EXECUTE FUNCTION %4()")
                                     .arg(name, QLatin1String(event), g.table, fn));
            return;
        }
        const QString whenClause = when.isEmpty() ? QString() : QStringLiteral(" WHEN (%1)").arg(when);
        if (pg)
            Query::run(db.sql(), QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 FOR EACH ROW%4 EXECUTE FUNCTION vd_refuse(%5)")
                                     .arg(name, QLatin1String(event), g.table, whenClause, literal(message)));
        else
            Query::run(db.sql(), QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 FOR EACH ROW%4 BEGIN "
                                                "SELECT RAISE(ABORT, %5); END")
                                     .arg(name, QLatin1String(event), g.table, whenClause, literal(message)));
    };
    one(g.refuseUpdate, "UPDATE", g.updateWhen);
    one(g.refuseDelete, "DELETE", g.deleteWhen);
    one(g.refuseInsert, "INSERT", g.insertWhen);
    if (pg && g.refuseDelete && g.deleteWhen.isEmpty()) {
        // TRUNCATE skips row triggers; a table whose every row is protected refuses it too.
        const QString name = QStringLiteral("guard_%1_truncate").arg(g.table);
        dropTrigger(db, name, g.table);
        Query::run(db.sql(), QStringLiteral("CREATE TRIGGER %1 BEFORE TRUNCATE ON %2 FOR EACH STATEMENT "
                                            "EXECUTE FUNCTION vd_refuse(%3)")
                                 .arg(name, g.table, literal(message)));
    }
}

void installPostgresFunctions(Database &db)
{
    // set_config('vinhdanh.actor', …) per connection (Database::setSession); unset = NULL.
    Query::run(db.sql(), QStringLiteral("CREATE OR REPLACE FUNCTION vd_actor() RETURNS text LANGUAGE sql STABLE AS "
                                        "$$ SELECT NULLIF(current_setting('vinhdanh.actor', true), '') $$"));
    Query::run(db.sql(), QStringLiteral("CREATE OR REPLACE FUNCTION vd_now() RETURNS text LANGUAGE sql VOLATILE AS "
                                        "$$ SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                                        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') $$"));
    // TG_ARGV[0]: the id column; TG_ARGV[1]: the column that names the record ('' for none).
    Query::run(db.sql(), QStringLiteral(
        "CREATE OR REPLACE FUNCTION vd_audit() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "DECLARE o jsonb; n jsonb; r jsonb;\n"
        "BEGIN\n"
        "  IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD) - 'search_key' - 'password_hash' - 'data'; END IF;\n"
        "  IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW) - 'search_key' - 'password_hash' - 'data'; END IF;\n"
        "  r := COALESCE(n, o);\n"
        "  INSERT INTO audit_log (at, actor, action, table_name, record_id, record_key, old_values, new_values)\n"
        "  VALUES (vd_now(), vd_actor(), lower(TG_OP), TG_TABLE_NAME, CAST(r ->> TG_ARGV[0] AS BIGINT),\n"
        "          CASE WHEN TG_ARGV[1] = '' THEN NULL ELSE r ->> TG_ARGV[1] END, CAST(o AS TEXT), CAST(n AS TEXT));\n"
        "  RETURN NULL;\n"
        "END\n$$"));
    Query::run(db.sql(), QStringLiteral("CREATE OR REPLACE FUNCTION vd_refuse() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                                        "BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END\n$$"));
}

void installAll(Database &db)
{
    if (db.backend() == Backend::Postgres)
        installPostgresFunctions(db);
    for (const AuditedTable &t : auditedTables())
        if (t.schemaStep == 2)
            installAudit(db, t);
    Guard g;
    g.table = QStringLiteral("audit_log");
    g.reason = QStringLiteral("audit rows cannot be changed or deleted");
    installGuard(db, g);
}

} // namespace AuditSchema
