// A failure of the database reaches the script that ran vinhdanh-cli with the driver's own
// words (issue 17, item 2): the message, then the detail, on one line of stderr, exit code 1.
#include "core/db/database.h"
#include "core/db/query.h"

#include "cli/clioffice.h"
#include "cli/clirunner.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using namespace VinhDanh::Core;

using VinhDanh::Test::cli;
using VinhDanh::Test::cliOffice;
using VinhDanh::Test::CliRun;

TEST_CASE("cliCheck_whenTheRulesCannotBeRead_printsTheDatabaseFailureWithItsDetail", "[cli][errors]")
{
    VinhDanh::Test::forEachCliBackend([&](Backend backend) {
        QTemporaryDir dir;
        const QString db = cliOffice(dir, backend, [](Database &d, const Unit &) {
            Query::run(d.sql(), QStringLiteral("ALTER TABLE rule_sets RENAME TO rule_sets_lost"));
        });
        const CliRun r = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"),
                              QStringLiteral("P1"), QStringLiteral("--award"), QStringLiteral("CSTD_TINH"), QStringLiteral("--year"),
                              QStringLiteral("2025")});
        INFO(r.err.toStdString());
        CHECK(r.code == 1);
        CHECK(r.out.isEmpty()); // no verdict printed as if there were no imported rule sets
        // The error's one line (opening also warns that the lost table's guards changed):
        // the message, then the detail naming the statement and the driver's reason.
        const QStringList lines = r.err.split(QLatin1Char('\n')).filter(QStringLiteral("vinhdanh-cli check:"));
        REQUIRE(lines.size() == 1);
        CHECK(lines.first().contains(QStringLiteral("The database could not carry out the operation.")));
        CHECK(lines.first().contains(QStringLiteral("rule_sets")));
    });
}
