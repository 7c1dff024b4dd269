// vinhdanh-cli audit --verify: exit 0 with "intact" for a sound audit log; exit 1 naming the
// first broken row once a row was deleted behind the program's back (issue 12 item 4).
#include "cli/clirunner.h"

#include "core/db/query.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;

TEST_CASE("cliAuditVerify_saysIntact_thenNamesTheRowAfterADeletedOne", "[cli][audit]")
{
    for (Core::Backend backend : Test::TestDatabase::backends()) {
        DYNAMIC_SECTION(Test::TestDatabase::backendName(backend).toStdString())
        {
            Test::TestDatabase t(backend);
            const QString address = backend == Core::Backend::Sqlite ? t.path() : qEnvironmentVariable("VINHDANH_TEST_PG");
            qint64 victim = 0;
            qint64 next = 0;
            {
                Core::Database &db = t.db();
                for (const QString &name : {QStringLiteral("Sở Nội vụ"), QStringLiteral("Sở Y tế"), QStringLiteral("Sở Tư pháp")}) {
                    Core::Unit u;
                    u.name = name;
                    u.kind = QStringLiteral("provincial_agency");
                    Core::UnitRepository(db).save(u);
                }
                victim = Core::Query(db.sql(), QStringLiteral("SELECT id FROM audit_log WHERE table_name = 'units' "
                                                              "ORDER BY id LIMIT 1 OFFSET 1"))
                             .scalar(0)
                             .toLongLong();
                next = Core::Query(db.sql(), QStringLiteral("SELECT min(id) FROM audit_log WHERE id > %1").arg(victim))
                           .scalar(0)
                           .toLongLong();
                REQUIRE(next > victim);
                t.close();
            }
            CliRun r = cli({QStringLiteral("audit"), QStringLiteral("--database"), address, QStringLiteral("--verify")});
            INFO(r.err.toStdString());
            CHECK(r.code == 0);
            CHECK(r.out.contains(QStringLiteral("intact")));

            // An attacker with an SQL tool lifts the guard and deletes one row.
            {
                Core::Database &db = t.open();
                Core::Query::run(db.sql(), backend == Core::Backend::Postgres
                                               ? QStringLiteral("DROP TRIGGER guard_audit_log_delete ON audit_log")
                                               : QStringLiteral("DROP TRIGGER guard_audit_log_delete"));
                Core::Query::run(db.sql(), QStringLiteral("DELETE FROM audit_log WHERE id = %1").arg(victim));
                t.close();
            }
            r = cli({QStringLiteral("audit"), QStringLiteral("--database"), address, QStringLiteral("--verify")});
            INFO(r.err.toStdString());
            CHECK(r.code == 1);
            CHECK(r.err.contains(QStringLiteral("broken at row #%1").arg(next)));
            // The missing guard also made the opening read-only, and the CLI says so.
            CHECK(r.err.contains(QStringLiteral("guard_audit_log_delete")));
            CHECK(r.err.contains(QStringLiteral("vinhdanh-cli restore")));
        }
    }
}
