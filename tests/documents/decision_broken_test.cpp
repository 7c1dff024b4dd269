// A draft decision whose rates or rule sets cannot be read (issue 17, item 2): the failure
// reaches the caller as a Core::DatabaseError. Before, it was read as "no base salary in
// force" (the list printed unpriced) or "no rule set in force" (the acts left out of the bases).
#include "core/db/query.h"
#include "core/documents/decisiondocuments.h"
#include "core/error.h"
#include "decisioncase.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Documents;

TEST_CASE("draftDecision_whenItsDataCannotBeRead_failsWithDatabaseError_notAsMissingRates", "[documents][decision][errors]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::DecisionCase c(t.db());
        REQUIRE_NOTHROW(DecisionDocuments::decision(t.db(), c.draft.id)); // priced, with its bases
        SECTION("the base salaries")
        {
            Core::Query::run(t.db().sql(), QStringLiteral("ALTER TABLE base_salaries RENAME TO base_salaries_lost"));
            CHECK_THROWS_AS(DecisionDocuments::decision(t.db(), c.draft.id), Core::DatabaseError);
        }
        SECTION("the bonus coefficients")
        {
            Core::Query::run(t.db().sql(), QStringLiteral("ALTER TABLE bonus_coefficients RENAME TO bonus_coefficients_lost"));
            CHECK_THROWS_AS(DecisionDocuments::decision(t.db(), c.draft.id), Core::DatabaseError);
        }
        SECTION("the rule sets the bases cite")
        {
            Core::Query::run(t.db().sql(), QStringLiteral("ALTER TABLE rule_sets RENAME TO rule_sets_lost"));
            CHECK_THROWS_AS(DecisionDocuments::decision(t.db(), c.draft.id), Core::DatabaseError);
        }
    });
}
