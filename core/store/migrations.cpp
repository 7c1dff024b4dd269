#include "core/store/migrations.h"

#include "core/audit/auditchain.h"
#include "core/audit/auditschema.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "core/proposals/workflowschema.h"
#include "core/registry/keyaliases.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlError>

namespace VinhDanh::Core::Migrations {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Database)
};

QString schemaFile(const QString &name)
{
    QFile file(QStringLiteral(":/vinhdanh/schema/") + name);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("The program is missing its schema file %1.").arg(name));
    return QString::fromUtf8(file.readAll());
}

bool tableExists(const Database &db, const QString &name)
{
    if (db.backend() == Backend::Sqlite)
        return Query(db.sql(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :n"))
                   .bind(QStringLiteral(":n"), name)
                   .scalar()
                   .toInt()
               > 0;
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                          "WHERE table_schema = current_schema() AND table_name = :n"))
               .bind(QStringLiteral(":n"), name)
               .scalar()
               .toInt()
           > 0;
}

int userTableCount(const Database &db)
{
    if (db.backend() == Backend::Sqlite)
        return Query(db.sql(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                              "AND name NOT LIKE 'sqlite_%'"))
            .scalar()
            .toInt();
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                          "WHERE table_schema = current_schema()"))
        .scalar()
        .toInt();
}

/// Step 7: the rows saved per form for an item that is now a fact of the year (counting for
/// every form) become one row without a form per nominee, year and item: the confirmed one
/// changed last wins; the others are deleted (the audit log keeps them).
void foldYearFacts(Database &db)
{
    QStringList items;
    for (const bool units : {false, true})
        for (const QString &item : Eligibility::ConfirmationRepository::yearFactItems(units))
            if (!items.contains(item))
                items << QStringLiteral("'%1'").arg(item); // fixed ids from the code, not input
    const QString list = items.join(QStringLiteral(", "));
    Query::run(
        db.sql(),
        QStringLiteral(
            "DELETE FROM eligibility_confirmations WHERE item_id IN (%1) AND EXISTS (SELECT 1 FROM eligibility_confirmations o "
            "WHERE o.item_id = eligibility_confirmations.item_id AND o.year = eligibility_confirmations.year "
            "AND COALESCE(o.person_id, 0) = COALESCE(eligibility_confirmations.person_id, 0) "
            "AND COALESCE(o.unit_id, 0) = COALESCE(eligibility_confirmations.unit_id, 0) "
            "AND (o.confirmed > eligibility_confirmations.confirmed OR (o.confirmed = eligibility_confirmations.confirmed "
            "AND (o.confirmed_at > eligibility_confirmations.confirmed_at OR (o.confirmed_at = eligibility_confirmations.confirmed_at "
            "AND o.id > eligibility_confirmations.id)))))")
            .arg(list));
    Query::run(db.sql(), QStringLiteral("UPDATE eligibility_confirmations SET form_code = NULL, movement_id = NULL "
                                        "WHERE item_id IN (%1)")
                             .arg(list));
}

/// pg_trgm, for the search indexes of step 13. It ships with PostgreSQL and is trusted, so the
/// database's owner may create it. Where it is missing or refused, the lists still search (by
/// reading every row, as before), so the upgrade goes on without the indexes rather than fail;
/// a savepoint keeps the refused CREATE from aborting the migration's transaction.
bool createTrigramExtension(Database &db)
{
    if (Query(db.sql(), QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).scalar(0).toInt() > 0)
        return true;
    if (Query(db.sql(), QStringLiteral("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")).scalar(0).toInt() == 0)
        return false;
    Query::run(db.sql(), QStringLiteral("SAVEPOINT vd_trigram"));
    try {
        Query::run(db.sql(), QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"));
    } catch (const Error &) {
        Query::run(db.sql(), QStringLiteral("ROLLBACK TO SAVEPOINT vd_trigram"));
        return false;
    }
    Query::run(db.sql(), QStringLiteral("RELEASE SAVEPOINT vd_trigram"));
    return true;
}

std::vector<Step> buildLadder()
{
    std::vector<Step> steps;
    steps.push_back({1, QStringLiteral("registry, ledger and movements"), [](Database &db) {
                         if (db.backend() == Backend::Postgres) {
                             // The same "vi" collation name the SQLite connection registers.
                             Query::run(db.sql(), QStringLiteral("CREATE COLLATION IF NOT EXISTS vi "
                                                                 "(provider = icu, locale = 'vi-VN')"));
                         }
                         runScript(db, schemaFile(QStringLiteral("001_registry.sql")));
                     }});
    steps.push_back({2, QStringLiteral("accounts, audit log and record versions"), [](Database &db) {
                         runScript(db, schemaFile(QStringLiteral("002_accounts_audit.sql")));
                         // Triggers are dialect-specific (json_object vs to_jsonb, RAISE vs RAISE EXCEPTION).
                         AuditSchema::installAll(db);
                     }});
    steps.push_back(
        {3, QStringLiteral("rule sets"), [](Database &db) { runScript(db, schemaFile(QStringLiteral("003_rule_sets.sql"))); }});
    steps.push_back({4, QStringLiteral("award workflow: dossiers, appraisal, council, decisions"), [](Database &db) {
                         runScript(db, schemaFile(QStringLiteral("004_workflow.sql")));
                         Workflow::PayData::seedDefaults(db);
                         WorkflowSchema::install(db);
                     }});
    steps.push_back({5, QStringLiteral("eligibility confirmations"), [](Database &db) {
                         runScript(db, schemaFile(QStringLiteral("005_eligibility_confirmations.sql")));
                         for (const AuditSchema::AuditedTable &t : AuditSchema::auditedTables())
                             if (t.schemaStep == 5)
                                 AuditSchema::installAudit(db, t);
                     }});
    steps.push_back({6, QStringLiteral("rules under control, complete and tamper-evident audit log"), [](Database &db) {
                         runScript(db, schemaFile(QStringLiteral("006_audit_chain.sql")));
                         // Hashes for the rows already there: lift audit_log's guard for this
                         // transaction only (the whole ladder is one transaction, so a failure
                         // leaves the guard as it was), then put it back.
                         for (const char *event : {"update", "delete", "truncate"})
                             AuditSchema::dropTrigger(db, QStringLiteral("guard_audit_log_%1").arg(QLatin1String(event)),
                                                      QStringLiteral("audit_log"));
                         AuditChain::fill(db);
                         AuditSchema::installGuard(db, AuditSchema::auditLogGuard());
                         // vd_audit (PostgreSQL) and every SQLite audit trigger now write the chain;
                         // the new tables get their first audit triggers.
                         if (db.backend() == Backend::Postgres)
                             AuditSchema::installPostgresFunctions(db);
                         for (const AuditSchema::AuditedTable &t : AuditSchema::auditedTables())
                             if (t.schemaStep <= 6) // later steps' tables do not exist yet
                                 AuditSchema::installAudit(db, t);
                     }});
    steps.push_back({7, QStringLiteral("bình xét minutes, confirmations for every form of a year"), [](Database &db) {
                         runScript(db, schemaFile(QStringLiteral("007_review_minutes.sql")));
                         runScript(db, schemaFile(db.backend() == Backend::Postgres ? QStringLiteral("007_confirmations_postgres.sql")
                                                                                    : QStringLiteral("007_confirmations_sqlite.sql")));
                         // The new tables' audit, and eligibility_confirmations' again: SQLite's
                         // triggers went with the rebuilt table and name its columns.
                         for (const AuditSchema::AuditedTable &t : AuditSchema::auditedTables())
                             if (t.schemaStep == 7 || QLatin1String(t.table) == QLatin1String("eligibility_confirmations"))
                                 AuditSchema::installAudit(db, t);
                         foldYearFacts(db); // audited, on both backends
                         runScript(db, schemaFile(QStringLiteral("007_confirmations_indexes.sql")));
                     }});
    steps.push_back({8, QStringLiteral("the candidates sweep reads awards from one index"),
                     [](Database &db) { runScript(db, schemaFile(QStringLiteral("008_sweep_index.sql"))); }});
    steps.push_back({9, QStringLiteral("the gold book (sổ vàng) numbering printed certificates"), [](Database &db) {
                         runScript(db, schemaFile(QStringLiteral("009_gold_book.sql")));
                         for (const AuditSchema::AuditedTable &t : AuditSchema::auditedTables())
                             if (t.schemaStep == 9)
                                 AuditSchema::installAudit(db, t);
                     }});
    steps.push_back({10, QStringLiteral("a council sitting's start and end time and its secretary"), [](Database &db) {
                         runScript(db, schemaFile(QStringLiteral("010_council_times.sql")));
                         // SQLite's audit triggers name the columns: renew them for the two
                         // tables that gained some (PostgreSQL's to_jsonb(NEW) follows alone).
                         for (const AuditSchema::AuditedTable &t : AuditSchema::auditedTables())
                             if (qstrcmp(t.table, "council_sessions") == 0 || qstrcmp(t.table, "council_members") == 0)
                                 AuditSchema::installAudit(db, t);
                     }});
    steps.push_back({11, QStringLiteral("a bulk import writes one audit entry for its batch"), [](Database &db) {
                         runScript(db, schemaFile(QStringLiteral("011_import_batches.sql")));
                         // Every INSERT audit trigger (SQLite) and vd_audit (PostgreSQL) learn
                         // bulk-write mode (core/audit/bulkwrite.h); the rows already in the log
                         // and their hash chain are untouched.
                         if (db.backend() == Backend::Postgres)
                             AuditSchema::installPostgresFunctions(db);
                         for (const AuditSchema::AuditedTable &t : AuditSchema::auditedTables())
                             if (t.schemaStep <= 11)
                                 AuditSchema::installAudit(db, t);
                         AuditSchema::installGuard(db, AuditSchema::importBatchGuard());
                     }});
    steps.push_back({12, QStringLiteral("merges of duplicate people and units, each undoable"), [](Database &db) {
                         runScript(db, schemaFile(QStringLiteral("012_registry_merges.sql")));
                         for (const AuditSchema::AuditedTable &t : AuditSchema::auditedTables())
                             if (t.schemaStep == 12)
                                 AuditSchema::installAudit(db, t);
                     }});
    steps.push_back({13, QStringLiteral("people and units searched through trigram indexes"), [](Database &db) {
                         if (db.backend() == Backend::Sqlite) {
                             runScript(db, schemaFile(QStringLiteral("013_search_sqlite.sql")));
                         } else if (createTrigramExtension(db)) {
                             runScript(db, schemaFile(QStringLiteral("013_search_postgres.sql")));
                         }
                     }});
    steps.push_back({14, QStringLiteral("register numbers of dossiers and council sittings"), [](Database &db) {
                         // A closed sitting refuses every update: lift its guard for the
                         // backfill only (the ladder is one transaction), then put it back.
                         AuditSchema::dropTrigger(db, QStringLiteral("guard_council_sessions_update"),
                                                  QStringLiteral("council_sessions"));
                         runScript(db, schemaFile(QStringLiteral("014_register_numbers.sql")));
                         for (const AuditSchema::Guard &g : WorkflowSchema::guards())
                             if (g.table == QLatin1String("council_sessions"))
                                 AuditSchema::installGuard(db, g);
                         // SQLite's audit triggers name the columns: renew them for the two
                         // tables that gained some.
                         for (const AuditSchema::AuditedTable &t : AuditSchema::auditedTables())
                             if (qstrcmp(t.table, "council_sessions") == 0 || qstrcmp(t.table, "dossiers") == 0)
                                 AuditSchema::installAudit(db, t);
                     }});
    steps.push_back({15, QStringLiteral("the people list's order walked in an index"), [](Database &db) {
                         runScript(db, schemaFile(db.backend() == Backend::Postgres ? QStringLiteral("015_name_order_postgres.sql")
                                                                                    : QStringLiteral("015_name_order_sqlite.sql")));
                     }});
    steps.push_back({16, QStringLiteral("short keys for records that had generated ones; a dossier's number fixed"), [](Database &db) {
                         runScript(db, schemaFile(QStringLiteral("016_key_aliases.sql")));
                         Keys::replaceGenerated(db); // core/registry/keyaliases.h
                         // A submitted dossier's register number refuses change like its key.
                         for (const AuditSchema::Guard &g : WorkflowSchema::guards())
                             if (g.table == QLatin1String("dossiers"))
                                 AuditSchema::installGuard(db, g);
                     }});
    steps.push_back({17, QStringLiteral("an office id, and the keys other offices' records have here"), [](Database &db) {
                         runScript(db, schemaFile(QStringLiteral("017_office_identity.sql")));
                         Keys::makeOfficeId(db); // core/registry/keyaliases.h: a new database and an upgraded one alike
                     }});
    steps.push_back({18, QStringLiteral("people searched through an index that keeps the order of a name's words"), [](Database &db) {
                         // PostgreSQL only (core/registry/search.cpp); SQLite's FTS5 phrase keeps the order already.
                         if (db.backend() == Backend::Postgres && createTrigramExtension(db))
                             runScript(db, schemaFile(QStringLiteral("018_search_words_postgres.sql")));
                     }});
    return steps;
}
} // namespace

const std::vector<Step> &ladder()
{
    static const std::vector<Step> steps = buildLadder();
    return steps;
}

int latestVersion()
{
    return ladder().back().version;
}

QString dialect(const Database &db, QString sql)
{
    const bool pg = db.backend() == Backend::Postgres;
    sql.replace(QLatin1String("{{ID}}"),
                pg ? QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY") : QLatin1String("INTEGER PRIMARY KEY"));
    sql.replace(QLatin1String("{{BLOB}}"), pg ? QLatin1String("BYTEA") : QLatin1String("BLOB"));
    return sql;
}

void runScript(Database &db, const QString &script)
{
    const QString sql = dialect(db, script);
    const QStringList statements = sql.split(QStringLiteral(";\n"), Qt::SkipEmptyParts);
    for (QString statement : statements) {
        // Drop comment lines so a trailing comment block does not become an empty statement.
        QStringList lines = statement.split(QLatin1Char('\n'));
        lines.erase(
            std::remove_if(lines.begin(), lines.end(), [](const QString &l) { return l.trimmed().startsWith(QLatin1String("--")); }),
            lines.end());
        statement = lines.join(QLatin1Char('\n')).trimmed();
        if (!statement.isEmpty())
            Query::run(db.sql(), statement);
    }
}

int storedVersion(const Database &db)
{
    if (!tableExists(db, QStringLiteral("schema_info"))) {
        if (userTableCount(db) > 0)
            throw Error(Tr::tr("This database was not made by Vinh Danh (it has tables but no Vinh Danh schema version). "
                               "Nothing was changed."));
        return 0;
    }
    return Query(db.sql(), QStringLiteral("SELECT value FROM schema_info WHERE key = 'version'")).scalar(0).toInt();
}

void migrate(Database &db, int target, const std::vector<Step> *steps)
{
    const std::vector<Step> &ladderSteps = steps ? *steps : ladder();
    const int latest = ladderSteps.empty() ? 0 : ladderSteps.back().version;
    if (target < 0)
        target = latest;
    const int current = storedVersion(db);
    if (current > latest)
        throw Error(Tr::tr("This database was made by a newer version of Vinh Danh (schema version %1; this program "
                           "knows up to version %2). Install the newer version to open it. The file was not changed.")
                        .arg(current)
                        .arg(latest));
    if (current >= target)
        return;

    Transaction tx(db.sql());
    if (current == 0)
        Query::run(db.sql(), QStringLiteral("CREATE TABLE schema_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
    for (const Step &step : ladderSteps) {
        if (step.version <= current || step.version > target)
            continue;
        try {
            step.apply(db);
        } catch (const Error &e) {
            // The transaction rolls the steps back; the reason stays a DatabaseError if it was one.
            const QString message = Tr::tr("Upgrading the database to version %1 (%2) failed; the file was left as it was.")
                                        .arg(step.version)
                                        .arg(step.description);
            if (dynamic_cast<const DatabaseError *>(&e))
                throw DatabaseError(message, e.fullText());
            throw Error(message, e.fullText());
        }
    }
    Query(db.sql(), current == 0 ? QStringLiteral("INSERT INTO schema_info (key, value) VALUES ('version', :v)")
                                 : QStringLiteral("UPDATE schema_info SET value = :v WHERE key = 'version'"))
        .bind(QStringLiteral(":v"), QString::number(target))
        .exec();
    tx.commit();
}

} // namespace VinhDanh::Core::Migrations
