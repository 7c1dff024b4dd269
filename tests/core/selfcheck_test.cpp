// The database checks itself on open (issue 12 item 4): a file whose guard or audit triggers
// were removed, disabled or altered, or whose structure is damaged, opens read-only with the
// reason and the way back; and the audit is complete: every table is audited or exempt.
#include "core/accounts/accountrepository.h"
#include "core/audit/auditschema.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/unitrepository.h"
#include "core/settings.h"
#include "core/store/selfcheck.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using VinhDanh::Test::errorOf;

namespace {
Unit unit(const QString &name)
{
    Unit u;
    u.name = name;
    u.kind = QStringLiteral("provincial_agency");
    return u;
}

int count(Database &db, const QString &sql)
{
    return Query(db.sql(), sql).scalar(0).toInt();
}

bool pg(const Database &db)
{
    return db.backend() == Backend::Postgres;
}

/// Reopens after `tamper` ran on the open database, as someone with an SQL tool would.
Database &reopenAfter(Test::TestDatabase &t, const QStringList &tamper)
{
    for (const QString &sql : tamper)
        Query::run(t.db().sql(), sql);
    t.close();
    return t.open();
}

/// The tampered database is read-only, says what and the way back, and refuses a write.
void requireReadOnlyNaming(Database &db, const QString &what)
{
    REQUIRE(db.readOnly());
    CHECK(db.readOnlyReason().contains(what));
    CHECK(db.readOnlyReason().contains(QStringLiteral("read-only")));
    CHECK(db.readOnlyReason().contains(QStringLiteral("vinhdanh-cli restore")));
    const int units = count(db, QStringLiteral("SELECT count(*) FROM units"));
    Unit u = unit(QStringLiteral("Sở Tư pháp"));
    const QString message = errorOf([&] { UnitRepository(db).save(u); });
    CHECK(message.contains(QStringLiteral("open read-only, so nothing was saved")));
    CHECK(count(db, QStringLiteral("SELECT count(*) FROM units")) == units);
}

QStringList tableColumns(Database &db, const QString &table)
{
    QStringList out;
    Query q(db.sql(), pg(db) ? QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                              "current_schema() AND table_name = :t")
                             : QStringLiteral("SELECT name FROM pragma_table_info(:t)"));
    q.bind(QStringLiteral(":t"), table).exec();
    while (q.next())
        out << q.text(0);
    return out;
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}
} // namespace

TEST_CASE("intactDatabase_opensReadWrite_withNoSelfCheckProblems", "[selfcheck]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Unit u = unit(QStringLiteral("Sở Nội vụ"));
        UnitRepository(t.db()).save(u);
        t.close();
        Database &db = t.open();
        CHECK(SelfCheck::problems(db).isEmpty());
        CHECK_FALSE(db.readOnly());
        CHECK(db.readOnlyReason().isEmpty());
        Unit other = unit(QStringLiteral("Sở Y tế"));
        CHECK(errorOf([&] { UnitRepository(db).save(other); }).isEmpty());
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM units")) == 2);
    });
}

TEST_CASE("droppedGuardTrigger_opensReadOnly_namingIt_andRefusesWrites", "[selfcheck]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const bool server = pg(t.db());
        Database &db = reopenAfter(t, {server ? QStringLiteral("DROP TRIGGER guard_audit_log_delete ON audit_log")
                                              : QStringLiteral("DROP TRIGGER guard_audit_log_delete")});
        requireReadOnlyNaming(db, QStringLiteral("guard_audit_log_delete"));
        CHECK(db.readOnlyReason().contains(QStringLiteral("missing")));
    });
}

TEST_CASE("droppedAuditTrigger_opensReadOnly_namingIt_andRefusesWrites", "[selfcheck]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const bool server = pg(t.db());
        Database &db = reopenAfter(
            t, {server ? QStringLiteral("DROP TRIGGER audit_units ON units") : QStringLiteral("DROP TRIGGER audit_units_insert")});
        requireReadOnlyNaming(db, server ? QStringLiteral("audit_units") : QStringLiteral("audit_units_insert"));
    });
}

TEST_CASE("alteredOrDisabledTriggers_openReadOnly_namingWhatChanged", "[selfcheck]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        if (!pg(t.db())) {
            // Same name, a body that records nothing: only the text comparison can see it.
            Database &db = reopenAfter(t, {QStringLiteral("DROP TRIGGER audit_units_update"),
                                           QStringLiteral("CREATE TRIGGER audit_units_update AFTER UPDATE ON units "
                                                          "BEGIN SELECT 1; END")});
            requireReadOnlyNaming(db, QStringLiteral("the trigger audit_units_update on units was altered"));
            return;
        }
        Database &db = reopenAfter(t, {QStringLiteral("ALTER TABLE decisions DISABLE TRIGGER guard_decisions_update"),
                                       QStringLiteral("CREATE OR REPLACE FUNCTION vd_refuse() RETURNS trigger LANGUAGE plpgsql AS "
                                                      "$$ BEGIN RETURN NEW; END $$")});
        requireReadOnlyNaming(db, QStringLiteral("the trigger guard_decisions_update on decisions is disabled"));
        CHECK(db.readOnlyReason().contains(QStringLiteral("the function vd_refuse was altered")));
    });
}

TEST_CASE("damagedFile_failsQuickCheck_andOpensReadOnly", "[selfcheck]")
{
    Test::TestDatabase t;
    Database &db = t.db();
    const int pageSize = count(db, QStringLiteral("PRAGMA page_size"));
    // An index no opening touches: damage its root page as a disk error would.
    const int root = count(db, QStringLiteral("SELECT rootpage FROM sqlite_master WHERE type = 'index' "
                                              "AND name = 'accounts_unit'"));
    REQUIRE(root > 1);
    t.close();
    {
        QFile file(t.path());
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.seek(qint64(root - 1) * pageSize));
        file.write(QByteArray(64, '\xff'));
    }
    // The whole file is read on the first open of a day (every open compares the triggers):
    // the next morning's open finds the damage.
    Settings::setLastFileCheck(QFileInfo(t.path()).absoluteFilePath(), QDate::currentDate().addDays(-1));
    Database &reopened = t.open();
    REQUIRE(reopened.readOnly());
    CHECK(reopened.readOnlyReason().contains(QStringLiteral("quick_check")));
    CHECK(reopened.readOnlyReason().contains(QStringLiteral("vinhdanh-cli restore")));
}

TEST_CASE("everyTable_isAuditedOrExplicitlyExempt", "[selfcheck][audit]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        QSet<QString> audited, exempt;
        for (const AuditSchema::AuditedTable &a : AuditSchema::auditedTables())
            audited.insert(QString::fromLatin1(a.table));
        for (const AuditSchema::ExemptTable &e : AuditSchema::exemptTables()) {
            exempt.insert(QString::fromLatin1(e.table));
            CHECK(QString::fromLatin1(e.reason).size() > 20);
        }
        CHECK_FALSE(audited.intersects(exempt));
        Query q(db.sql(), pg(db) ? QStringLiteral("SELECT table_name FROM information_schema.tables "
                                                  "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
                                 : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                  "AND name NOT LIKE 'sqlite_%'"));
        q.exec();
        int auditedSeen = 0;
        while (q.next()) {
            const QString table = q.text(0);
            INFO("table " << table.toStdString());
            CHECK((audited.contains(table) || exempt.contains(table)));
            auditedSeen += audited.contains(table) ? 1 : 0;
        }
        // Every audited table exists (some exempt ones, the search indexes, are SQLite's only).
        CHECK(auditedSeen == audited.size());
    });
}

TEST_CASE("auditTriggers_recordEveryColumn_ofEveryAuditedTable", "[selfcheck][audit]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const QStringList excluded = AuditSchema::excludedColumns();
        for (const AuditSchema::AuditedTable &a : AuditSchema::auditedTables()) {
            const QString table = QString::fromLatin1(a.table);
            INFO("table " << table.toStdString());
            QStringList expected;
            for (const QString &c : tableColumns(db, table))
                if (!excluded.contains(c))
                    expected << c;
            REQUIRE_FALSE(expected.isEmpty());
            if (pg(db)) {
                // vd_audit records to_jsonb(OLD/NEW), which carries every column, minus what
                // the installed function subtracts: exactly the excluded columns.
                const QString body =
                    Query(db.sql(), QStringLiteral("SELECT prosrc FROM pg_proc WHERE proname = 'vd_audit'")).scalar().toString();
                for (const char *row : {"OLD", "NEW"}) {
                    const QRegularExpression line(QStringLiteral("to_jsonb\\(%1\\)((?: - '\\w+')*);").arg(QLatin1String(row)));
                    const auto m = line.match(body);
                    REQUIRE(m.hasMatch());
                    QStringList subtracted;
                    for (auto it = QRegularExpression(QStringLiteral("'(\\w+)'")).globalMatch(m.captured(1)); it.hasNext();)
                        subtracted << it.next().captured(1);
                    CHECK(sorted(subtracted) == sorted(excluded));
                }
                // …and the trigger is on the table.
                CHECK(count(db, QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_%1' AND tgrelid = "
                                               "to_regclass('%1')")
                                    .arg(table))
                      == 1);
                continue;
            }
            // The installed triggers (not the code that builds them) name every column.
            for (const char *action : {"insert", "update", "delete"}) {
                const QString sql = Query(db.sql(), QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                                                   "AND name = :n"))
                                        .bind(QStringLiteral(":n"), QStringLiteral("audit_%1_%2").arg(table, QLatin1String(action)))
                                        .scalar()
                                        .toString();
                REQUIRE_FALSE(sql.isEmpty());
                const QString row = qstrcmp(action, "delete") == 0 ? QStringLiteral("OLD") : QStringLiteral("NEW");
                QStringList named;
                const QRegularExpression pair(QStringLiteral("'(\\w+)', %1\\.(\\w+)").arg(row));
                for (auto it = pair.globalMatch(sql); it.hasNext();) {
                    const auto m = it.next();
                    CHECK(m.captured(1) == m.captured(2));
                    named << m.captured(1);
                }
                CHECK(sorted(named) == sorted(expected));
            }
        }
    });
}

TEST_CASE("settingsRuleSetsAwardFormsAndExports_areAudited_withTheirKey", "[selfcheck][audit]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        db.setSession({3, QStringLiteral("quan.tri"), QStringLiteral("admin"), 0});
        Query::run(db.sql(), QStringLiteral("INSERT INTO office_settings (key, value) VALUES ('letterhead.place', 'Huế')"));
        Query::run(db.sql(), QStringLiteral("UPDATE office_settings SET value = 'Đà Nẵng' WHERE key = 'letterhead.place'"));
        Query::run(db.sql(), QStringLiteral("UPDATE award_forms SET name = name || ' (sửa)' WHERE code = "
                                            "(SELECT min(code) FROM award_forms)"));
        Query::run(db.sql(), QStringLiteral("INSERT INTO rule_sets (set_id, version, title, effective_from, content, "
                                            "imported_at, source_sha256, imported_by) VALUES ('luat-06', 2, 'Luật', "
                                            "'2024-01-01', '{}', '2025-01-01T00:00:00.000Z', 'ab12', 'quan.tri')"));
        Query::run(db.sql(), QStringLiteral("INSERT INTO audit_exports (at, actor, format, unmasked, row_count) "
                                            "VALUES ('2025-01-01T00:00:00.000Z', 'quan.tri', 'csv', 1, 10)"));
        Query q(db.sql(), QStringLiteral("SELECT table_name, action, record_id, record_key, new_values, actor FROM audit_log "
                                         "WHERE actor = 'quan.tri' ORDER BY id"));
        q.exec();
        QStringList seen;
        while (q.next()) {
            seen << q.text(0) + QLatin1Char('/') + q.text(1) + QLatin1Char('/') + q.text(3);
            if (q.text(0) == QLatin1String("office_settings"))
                CHECK(q.value(2).isNull()); // keyed by text: no numeric id
            if (q.text(0) == QLatin1String("rule_sets"))
                CHECK(QJsonDocument::fromJson(q.text(4).toUtf8()).object().value(QStringLiteral("source_sha256")).toString()
                      == QStringLiteral("ab12"));
        }
        const QString firstForm = Query(db.sql(), QStringLiteral("SELECT min(code) FROM award_forms")).scalar().toString();
        CHECK(seen
              == QStringList{QStringLiteral("office_settings/insert/letterhead.place"),
                             QStringLiteral("office_settings/update/letterhead.place"),
                             QStringLiteral("award_forms/update/") + firstForm, QStringLiteral("rule_sets/insert/luat-06"),
                             QStringLiteral("audit_exports/insert/csv")});
    });
}

TEST_CASE("tamperedDatabaseWithAccounts_stillLetsTheAdministratorLogInToRestoreIt", "[selfcheck][accounts]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        AccountRepository(t.db()).create(QStringLiteral("quantri"), QStringLiteral("Quản trị"), QStringLiteral("admin"), 0,
                                         QStringLiteral("mat-khau-dai-du"));
        Database &db = reopenAfter(t, {pg(t.db()) ? QStringLiteral("DROP TRIGGER guard_audit_log_delete ON audit_log")
                                                  : QStringLiteral("DROP TRIGGER guard_audit_log_delete")});
        REQUIRE(db.readOnly());
        // A wrong password is refused (and, the file being read-only, not counted)…
        CHECK_FALSE(
            errorOf([&] { AccountRepository(db).login(QStringLiteral("quantri"), QStringLiteral("sai-mat-khau")); }).isEmpty());
        // …the right one logs in, so the administrator can read, verify and restore.
        CHECK(errorOf([&] { AccountRepository(db).login(QStringLiteral("quantri"), QStringLiteral("mat-khau-dai-du")); }).isEmpty());
        CHECK(db.session().username == QStringLiteral("quantri"));
    });
}
