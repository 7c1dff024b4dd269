#include "core/audit/auditschema.h"

#include "core/db/database.h"
#include "core/db/query.h"

namespace VinhDanh::Core::AuditSchema {

namespace {
// ISO UTC with milliseconds, the same text on both backends so audit rows sort and compare alike.
const QString kSqliteNow = QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");

// PostgreSQL: every audit insert takes this transaction-scoped advisory lock before reading
// the newest row_hash, so concurrent transactions chain one after the other (the lock is
// held until commit, and the next writer's statement then sees the committed row).
constexpr const char *kChainLock = "pg_advisory_xact_lock(7306812110)";

// pg_trigger.tgtype bits.
enum PgType { Row = 1, Before = 2, Insert = 4, Delete = 8, Update = 16, Truncate = 32 };

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

DbObject trigger(const QString &name, const QString &table, const QString &sql)
{
    DbObject o;
    o.name = name;
    o.table = table;
    o.sql = sql;
    return o;
}

DbObject pgFunction(const QString &name, const QString &signature, const QString &body)
{
    DbObject o;
    o.kind = DbObject::Kind::Function;
    o.name = name;
    o.body = body;
    o.sql = QStringLiteral("CREATE OR REPLACE FUNCTION %1 AS $$%2$$").arg(signature, body);
    return o;
}

const char *const kAuditActions[] = {"insert", "update", "delete"};

QList<DbObject> sqliteAudit(const Database &db, const AuditedTable &t)
{
    const QString table = QString::fromLatin1(t.table);
    const QStringList columns = sqliteColumns(db, table);
    const bool chain = chained(db);
    struct Op
    {
        const char *action;
        const char *event;
        const char *row; // the row that names the record
        bool before;
        bool after;
    };
    const Op ops[] = {
        {"insert", "INSERT", "NEW", false, true}, {"update", "UPDATE", "NEW", true, true}, {"delete", "DELETE", "OLD", true, false}};
    QList<DbObject> out;
    for (const Op &op : ops) {
        const QString name = QStringLiteral("audit_%1_%2").arg(table, QLatin1String(op.action));
        const QString row = QLatin1String(op.row);
        const QString id = t.idColumn ? row + QLatin1Char('.') + QLatin1String(t.idColumn) : QStringLiteral("NULL");
        const QString key = t.keyColumn ? row + QLatin1Char('.') + QLatin1String(t.keyColumn) : QStringLiteral("NULL");
        const QString oldValues = op.before ? jsonObject(QStringLiteral("OLD"), columns) : QStringLiteral("NULL");
        const QString newValues = op.after ? jsonObject(QStringLiteral("NEW"), columns) : QStringLiteral("NULL");
        // Bulk-write mode (core/audit/bulkwrite.h): a new row of an import writes no row of its
        // own; vd_bulk() counts it for the batch's one entry. Updates and deletes stay audited.
        const QString event = QLatin1String(op.event)
                              + (qstrcmp(op.action, "insert") == 0 ? QStringLiteral(" ON %1 WHEN vd_bulk('%1') = 0").arg(table)
                                                                   : QStringLiteral(" ON %1").arg(table));
        if (!chain) {
            out << trigger(name, table,
                           QStringLiteral("CREATE TRIGGER %1 AFTER %2 BEGIN "
                                          "INSERT INTO audit_log (at, actor, action, table_name, record_id, record_key, "
                                          "old_values, new_values) VALUES (%4, vd_actor(), '%5', '%3', %6, %7, %8, %9); END")
                               .arg(name, event, table, kSqliteNow, QLatin1String(op.action), id, key, oldValues)
                               .arg(newValues));
            continue;
        }
        // The values are computed once in the inner SELECT and hashed with the newest row's
        // hash (writers are serialised on SQLite, so "newest" is the chain's head).
        out << trigger(name, table,
                       QStringLiteral("CREATE TRIGGER %1 AFTER %2 BEGIN "
                                      "INSERT INTO audit_log (at, actor, action, table_name, record_id, record_key, "
                                      "old_values, new_values, row_hash) "
                                      "SELECT v_at, v_actor, v_action, v_table, v_id, v_key, v_old, v_new, "
                                      "vd_audit_hash((SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1), "
                                      "v_at, v_actor, v_action, v_table, v_id, v_key, v_old, v_new) "
                                      "FROM (SELECT %4 AS v_at, vd_actor() AS v_actor, '%5' AS v_action, '%3' AS v_table, "
                                      "%6 AS v_id, %7 AS v_key, %8 AS v_old, %9 AS v_new); END")
                           .arg(name, event, table, kSqliteNow, QLatin1String(op.action), id, key, oldValues)
                           .arg(newValues));
    }
    return out;
}

// Bulk-write mode on PostgreSQL (core/audit/bulkwrite.h): the INSERT row trigger is skipped by
// its WHEN, so no PL/pgSQL call runs per new row, and a statement trigger counts the statement's
// new rows from its transition table. The WHEN texts as pg_get_triggerdef() prints them (the
// self-check compares them), and as written.
constexpr const char *kBulkOff = "current_setting('vinhdanh.bulk', true) IS DISTINCT FROM 'on'";
constexpr const char *kBulkOn = "current_setting('vinhdanh.bulk', true) = 'on'";
constexpr const char *kBulkOffShown = "(current_setting('vinhdanh.bulk'::text, true) IS DISTINCT FROM 'on'::text)";
constexpr const char *kBulkOnShown = "(current_setting('vinhdanh.bulk'::text, true) = 'on'::text)";

QList<DbObject> postgresAudit(const AuditedTable &t)
{
    const QString table = QString::fromLatin1(t.table);
    const QString name = QStringLiteral("audit_%1").arg(table);
    const QString id = t.idColumn ? QLatin1String(t.idColumn) : QString();
    const QString key = t.keyColumn ? QLatin1String(t.keyColumn) : QString();
    DbObject o = trigger(name, table,
                         QStringLiteral("CREATE TRIGGER %1 AFTER UPDATE OR DELETE ON %2 FOR EACH ROW "
                                        "EXECUTE FUNCTION vd_audit(%3, %4)")
                             .arg(name, table, literal(id), literal(key)));
    o.function = QStringLiteral("vd_audit");
    o.arguments = QStringList{id, key};
    o.pgType = Row | Delete | Update;
    DbObject insert = trigger(name + QStringLiteral("_insert"), table,
                              QStringLiteral("CREATE TRIGGER %1_insert AFTER INSERT ON %2 FOR EACH ROW WHEN (%5) "
                                             "EXECUTE FUNCTION vd_audit(%3, %4)")
                                  .arg(name, table, literal(id), literal(key), QLatin1String(kBulkOff)));
    insert.function = QStringLiteral("vd_audit");
    insert.arguments = QStringList{id, key};
    insert.pgType = Row | Insert;
    insert.when = QLatin1String(kBulkOffShown);
    DbObject bulk = trigger(name + QStringLiteral("_bulk"), table,
                            QStringLiteral("CREATE TRIGGER %1_bulk AFTER INSERT ON %2 REFERENCING NEW TABLE AS added "
                                           "FOR EACH STATEMENT WHEN (%3) EXECUTE FUNCTION vd_bulk_count()")
                                .arg(name, table, QLatin1String(kBulkOn)));
    bulk.function = QStringLiteral("vd_bulk_count");
    bulk.pgType = Insert;
    bulk.when = QLatin1String(kBulkOnShown);
    bulk.newTable = QStringLiteral("added");
    return {o, insert, bulk};
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
        // Step 4, the workflow (core/proposals/workflowschema.cpp installs these).
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
        // Step 6 (issue 12): the tables that had no audit until then. office_settings and
        // award_forms are keyed by text, so record_id stays NULL and record_key names the row.
        {"office_settings", nullptr, "key", 6},
        {"award_forms", nullptr, "code", 6},
        {"rule_sets", "id", "set_id", 6},
        {"dossier_events", "id", "transition", 6},
        {"audit_exports", "id", "format", 6},
        // Step 7 (issue 13): a unit's bình xét minutes and the people and units they name.
        {"review_minutes", "id", "ext_key", 7},
        {"review_minutes_subjects", "id", nullptr, 7},
        // Step 9 (issue 14): the gold book, numbering the certificates the office prints.
        {"gold_book", "id", "book", 9},
        // Step 11 (issue 15): one row per bulk import, the batch's entry in the audit log.
        {"import_batches", "id", "file_name", 11},
        // Step 12 (issue 15): merges of duplicate people and units (one row names both).
        {"registry_merges", "id", "dropped_key", 12},
    };
    return tables;
}

const QList<ExemptTable> &exemptTables()
{
    static const QList<ExemptTable> tables = {
        {"audit_log", "the audit log itself: append-only (guarded) and hash-chained"},
        {"schema_info", "the schema version, written only by migrations, which run before anyone logs in; "
                        "the self-check on open compares the triggers with that version. Since step 17 also the "
                        "office id, a UUID no clerk reads, which an import into an empty database copies from "
                        "the file (the import's batch entry names the file)"},
        // Step 13 (issue 16): SQLite's search indexes and their FTS5 shadow tables. They hold no
        // data of their own: triggers copy search_key (itself derived from the audited name and
        // key) and 'rebuild' remakes them from people and units.
        {"people_search", "SQLite only: the search index of people, derived from their audited name and key"},
        {"people_search_data", "SQLite only: the search index of people, derived from their audited name and key"},
        {"people_search_idx", "SQLite only: the search index of people, derived from their audited name and key"},
        {"people_search_docsize", "SQLite only: the search index of people, derived from their audited name and key"},
        {"people_search_config", "SQLite only: the search index of people, derived from their audited name and key"},
        {"units_search", "SQLite only: the search index of units, derived from their audited name and key"},
        {"units_search_data", "SQLite only: the search index of units, derived from their audited name and key"},
        {"units_search_idx", "SQLite only: the search index of units, derived from their audited name and key"},
        {"units_search_docsize", "SQLite only: the search index of units, derived from their audited name and key"},
        {"units_search_config", "SQLite only: the search index of units, derived from their audited name and key"},
        // Step 14 (issue 16): the last register number given per year; every number it gives is
        // in the audited dossier or sitting row that took it.
        {"register_counters", "the last register number given per year, each number recorded in the audited dossier "
                              "or sitting that took it"},
        // Step 16 (issue 16): written once, by the upgrade that gave short keys; each change of
        // key is in the audited record's own UPDATE (old and new ext_key).
        {"key_aliases", "the keys records had before short keys, written only by the upgrade that replaced them, "
                        "each replacement recorded in the audited record's own row"},
        // Step 17 (issue 15): which key another office's records got here, written only by the
        // interchange import, whose batch entry in the audit log names the file.
        {"office_key_aliases", "the keys other offices' records got in this database, written only by the interchange "
                               "import, whose batch entry in the audit log names the file"},
    };
    return tables;
}

QStringList excludedColumns()
{
    // `data`: attachment file contents (a BLOB json_object cannot hold, and too big to copy).
    return {QStringLiteral("search_key"), QStringLiteral("password_hash"), QStringLiteral("data")};
}

bool chained(const Database &db)
{
    if (db.backend() == Backend::Sqlite)
        return Query(db.sql(), QStringLiteral("SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'row_hash'"))
                   .scalar(0)
                   .toInt()
               > 0;
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                                          "current_schema() AND table_name = 'audit_log' AND column_name = 'row_hash'"))
               .scalar(0)
               .toInt()
           > 0;
}

void dropTrigger(const Database &db, const QString &name, const QString &table)
{
    if (db.backend() == Backend::Sqlite) {
        Query::run(db.sql(), QStringLiteral("DROP TRIGGER IF EXISTS ") + name);
        return;
    }
    // PostgreSQL's DROP … IF EXISTS would print a NOTICE when it is not there.
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

void create(Database &db, const QList<DbObject> &objects)
{
    for (const DbObject &o : objects)
        Query::run(db.sql(), o.sql);
}

QList<DbObject> auditObjects(const Database &db, const AuditedTable &table)
{
    return db.backend() == Backend::Sqlite ? sqliteAudit(db, table) : postgresAudit(table);
}

void installAudit(Database &db, const AuditedTable &table)
{
    const QString name = QString::fromLatin1(table.table);
    if (db.backend() == Backend::Sqlite) {
        for (const char *action : kAuditActions)
            dropTrigger(db, QStringLiteral("audit_%1_%2").arg(name, QLatin1String(action)), name);
    } else {
        for (const char *suffix : {"", "_insert", "_bulk"})
            dropTrigger(db, QStringLiteral("audit_%1%2").arg(name, QLatin1String(suffix)), name);
    }
    create(db, auditObjects(db, table));
}

QList<DbObject> guardObjects(const Database &db, const Guard &g)
{
    const QString message = QStringLiteral("%1: %2").arg(QLatin1String(kProtectedMarker), g.reason);
    const bool pg = db.backend() == Backend::Postgres;
    QList<DbObject> out;
    const auto one = [&](bool refuse, const char *event, int eventBit, const QString &when) {
        if (!refuse)
            return;
        const QString name = QStringLiteral("guard_%1_%2").arg(g.table, QString::fromLatin1(event).toLower());
        if (pg && !when.isEmpty()) {
            // PostgreSQL refuses subqueries in a trigger's WHEN, so the condition moves into
            // a function of its own; a BEFORE trigger returning the row lets it through.
            const QString fn = name + QStringLiteral("_fn");
            out << pgFunction(fn, fn + QStringLiteral("() RETURNS trigger LANGUAGE plpgsql"),
                              QStringLiteral("\nBEGIN\n  IF (%1) THEN RAISE EXCEPTION '%', %2; END IF;\n"
                                             "  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;\n  RETURN NEW;\nEND\n")
                                  .arg(when, literal(message)));
            DbObject t = trigger(name, g.table,
                                 QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 FOR EACH ROW EXECUTE FUNCTION %4()")
                                     .arg(name, QLatin1String(event), g.table, fn));
            t.function = fn;
            t.pgType = Row | Before | eventBit;
            out << t;
            return;
        }
        const QString whenClause = when.isEmpty() ? QString() : QStringLiteral(" WHEN (%1)").arg(when);
        if (pg) {
            DbObject t = trigger(name, g.table,
                                 QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 FOR EACH ROW EXECUTE FUNCTION vd_refuse(%4)")
                                     .arg(name, QLatin1String(event), g.table, literal(message)));
            t.function = QStringLiteral("vd_refuse");
            t.arguments = QStringList{message};
            t.pgType = Row | Before | eventBit;
            out << t;
        } else {
            out << trigger(name, g.table,
                           QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 FOR EACH ROW%4 BEGIN "
                                          "SELECT RAISE(ABORT, %5); END")
                               .arg(name, QLatin1String(event), g.table, whenClause, literal(message)));
        }
    };
    one(g.refuseUpdate, "UPDATE", Update, g.updateWhen);
    one(g.refuseDelete, "DELETE", Delete, g.deleteWhen);
    one(g.refuseInsert, "INSERT", Insert, g.insertWhen);
    if (pg && g.refuseDelete && g.deleteWhen.isEmpty()) {
        // TRUNCATE skips row triggers; a table whose every row is protected refuses it too.
        const QString name = QStringLiteral("guard_%1_truncate").arg(g.table);
        DbObject t = trigger(name, g.table,
                             QStringLiteral("CREATE TRIGGER %1 BEFORE TRUNCATE ON %2 FOR EACH STATEMENT "
                                            "EXECUTE FUNCTION vd_refuse(%3)")
                                 .arg(name, g.table, literal(message)));
        t.function = QStringLiteral("vd_refuse");
        t.arguments = QStringList{message};
        t.pgType = Before | Truncate;
        out << t;
    }
    return out;
}

void installGuard(Database &db, const Guard &g)
{
    // Drop every trigger this guard may own, so a guard that no longer refuses an event
    // leaves no trigger behind.
    for (const char *event : {"update", "delete", "insert", "truncate"}) {
        if (qstrcmp(event, "truncate") == 0 && db.backend() != Backend::Postgres)
            continue;
        dropTrigger(db, QStringLiteral("guard_%1_%2").arg(g.table, QLatin1String(event)), g.table);
    }
    create(db, guardObjects(db, g));
}

Guard importBatchGuard()
{
    Guard g;
    g.table = QStringLiteral("import_batches");
    g.reason = QStringLiteral("import batch records cannot be changed or deleted");
    return g;
}

Guard auditLogGuard()
{
    Guard g;
    g.table = QStringLiteral("audit_log");
    g.reason = QStringLiteral("audit rows cannot be changed or deleted");
    return g;
}

QList<DbObject> postgresFunctionObjects(const Database &db)
{
    QList<DbObject> out;
    // set_config('vinhdanh.actor', …) per connection (Database::setSession); unset = NULL.
    out << pgFunction(QStringLiteral("vd_actor"), QStringLiteral("vd_actor() RETURNS text LANGUAGE sql STABLE"),
                      QStringLiteral(" SELECT NULLIF(current_setting('vinhdanh.actor', true), '') "));
    out << pgFunction(QStringLiteral("vd_now"), QStringLiteral("vd_now() RETURNS text LANGUAGE sql VOLATILE"),
                      QStringLiteral(" SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                                     "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') "));
    // The chain's encoding (core/audit/auditchain.h): NULL → '-', text → byte length ':' bytes.
    out << pgFunction(QStringLiteral("vd_audit_hash"),
                      QStringLiteral("vd_audit_hash(VARIADIC f text[]) RETURNS text LANGUAGE sql IMMUTABLE"),
                      QStringLiteral(" SELECT encode(sha256(convert_to(string_agg(CASE WHEN x IS NULL THEN '-' ELSE "
                                     "octet_length(convert_to(x, 'UTF8')) || ':' || x END, '' ORDER BY i), 'UTF8')), "
                                     "'hex') FROM unnest(f) WITH ORDINALITY AS u(x, i) "));
    // TG_ARGV[0]: the id column ('' for a table keyed by text); TG_ARGV[1]: the column that
    // names the record ('' for none).
    const QString values = QStringLiteral(
        "  IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD) - 'search_key' - 'password_hash' - 'data'; END IF;\n"
        "  IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW) - 'search_key' - 'password_hash' - 'data'; END IF;\n"
        "  r := COALESCE(n, o);\n"
        "  rid := CASE WHEN TG_ARGV[0] = '' THEN NULL ELSE CAST(r ->> TG_ARGV[0] AS BIGINT) END;\n"
        "  rkey := CASE WHEN TG_ARGV[1] = '' THEN NULL ELSE r ->> TG_ARGV[1] END;\n"
        "  t_at := vd_now();\n  t_actor := vd_actor();\n");
    // Bulk-write mode (core/audit/bulkwrite.h), switched on per transaction with
    // set_config('vinhdanh.bulk', 'on', true): a changed or deleted row is counted per action and
    // table in a transaction-local setting (so a rolled-back savepoint takes its counts back)
    // and audited as always. New rows do not get here (the INSERT trigger's WHEN skips them;
    // vd_bulk_count counts them per statement); the INSERT line is a second lock. An unset
    // setting reads NULL, a reverted one ''.
    const QString bulk = QStringLiteral(
        "  IF current_setting('vinhdanh.bulk', true) = 'on' THEN\n"
        "    IF TG_OP = 'INSERT' THEN RETURN NULL; END IF;\n"
        "    k := 'vinhdanh.bulk_' || lower(TG_OP) || '_' || TG_TABLE_NAME;\n"
        "    PERFORM set_config(k, CAST(COALESCE(CAST(NULLIF(current_setting(k, true), '') AS BIGINT), 0) + 1 AS TEXT), true);\n"
        "  END IF;\n");
    QString body;
    if (chained(db)) {
        body = QStringLiteral("\nDECLARE o jsonb; n jsonb; r jsonb; rid bigint; rkey text; t_at text; t_actor text; "
                              "prev text; k text;\nBEGIN\n")
               + bulk + values
               + QStringLiteral("  PERFORM %1;\n"
                                "  SELECT row_hash INTO prev FROM audit_log ORDER BY id DESC LIMIT 1;\n"
                                "  INSERT INTO audit_log (at, actor, action, table_name, record_id, record_key, old_values, "
                                "new_values, row_hash)\n"
                                "  VALUES (t_at, t_actor, lower(TG_OP), TG_TABLE_NAME, rid, rkey, CAST(o AS TEXT), CAST(n AS TEXT),\n"
                                "          vd_audit_hash(prev, t_at, t_actor, lower(TG_OP), TG_TABLE_NAME, CAST(rid AS TEXT), "
                                "rkey, CAST(o AS TEXT), CAST(n AS TEXT)));\n"
                                "  RETURN NULL;\nEND\n")
                     .arg(QLatin1String(kChainLock));
    } else {
        body = QStringLiteral("\nDECLARE o jsonb; n jsonb; r jsonb; rid bigint; rkey text; t_at text; t_actor text; "
                              "k text;\nBEGIN\n")
               + bulk + values
               + QStringLiteral("  INSERT INTO audit_log (at, actor, action, table_name, record_id, record_key, old_values, "
                                "new_values)\n"
                                "  VALUES (t_at, t_actor, lower(TG_OP), TG_TABLE_NAME, rid, rkey, CAST(o AS TEXT), CAST(n AS TEXT));\n"
                                "  RETURN NULL;\nEND\n");
    }
    out << pgFunction(QStringLiteral("vd_audit"), QStringLiteral("vd_audit() RETURNS trigger LANGUAGE plpgsql"), body);
    // The statement trigger of bulk-write mode: counts the new rows of one INSERT statement.
    out << pgFunction(
        QStringLiteral("vd_bulk_count"), QStringLiteral("vd_bulk_count() RETURNS trigger LANGUAGE plpgsql"),
        QStringLiteral("\nDECLARE n bigint; k text;\nBEGIN\n"
                       "  SELECT count(*) INTO n FROM added;\n"
                       "  IF n > 0 THEN\n"
                       "    k := 'vinhdanh.bulk_insert_' || TG_TABLE_NAME;\n"
                       "    PERFORM set_config(k, CAST(COALESCE(CAST(NULLIF(current_setting(k, true), '') AS BIGINT), 0) + n "
                       "AS TEXT), true);\n"
                       "  END IF;\n  RETURN NULL;\nEND\n"));
    out << pgFunction(QStringLiteral("vd_refuse"), QStringLiteral("vd_refuse() RETURNS trigger LANGUAGE plpgsql"),
                      QStringLiteral("\nBEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END\n"));
    return out;
}

void installPostgresFunctions(Database &db)
{
    create(db, postgresFunctionObjects(db));
}

void installAll(Database &db)
{
    if (db.backend() == Backend::Postgres)
        installPostgresFunctions(db);
    for (const AuditedTable &t : auditedTables())
        if (t.schemaStep == 2)
            installAudit(db, t);
    installGuard(db, auditLogGuard());
}

} // namespace VinhDanh::Core::AuditSchema
