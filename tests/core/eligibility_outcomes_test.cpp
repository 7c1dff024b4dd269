// The four outcomes a clerk reads (issue 13 item 6): eligible; eligible on the records,
// awaiting confirmation of the items named; not eligible; missing data, naming what to enter.
#include "core/eligibility/eligibilityservice.h"
#include "tests/support/testdatabase.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Eligibility;
using Test::WorkflowFixture;

TEST_CASE("outcomes_separateAwaitingConfirmation_missingData_andNotEligible", "[eligibility][outcomes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        // Rated for 2025: only the clerk's confirmations are missing, and they are named.
        const Subject rated = Subject::person(o.eligiblePerson(2025));
        const Result waiting = o.check(rated, QStringLiteral("LDTT"), 2025);
        CHECK(waiting.outcome == Outcome::AwaitingConfirmation);
        CHECK(verdictCode(waiting.verdict) == QStringLiteral("needs_review")); // the JSON code stays
        CHECK(waiting.checklist.join(QLatin1Char(' ')).contains(QStringLiteral("tinh thần")));
        CHECK(waiting.missing.isEmpty());

        // No rating recorded for 2025 yet: missing data, naming the year to enter.
        const Subject unrated = Subject::person(o.person(QStringLiteral("Trần Thị Bình")));
        o.rate(unrated, 2024, 2024, QStringLiteral("HTXSNV"));
        const Result missing = o.check(unrated, QStringLiteral("LDTT"), 2025);
        CHECK(missing.verdict == Verdict::NotEligible);
        CHECK(missing.outcome == Outcome::MissingData);
        REQUIRE(missing.missing.size() == 1);
        CHECK(missing.missing.first().contains(QStringLiteral("2025")));
        CHECK(outcomeCode(missing.outcome) == QStringLiteral("missing_data"));

        // Rated too low: not eligible, nothing to enter.
        const Subject low = Subject::person(o.person(QStringLiteral("Lê Văn Cường")));
        o.rate(low, 2025, 2025, QStringLiteral("HTNV"));
        const Result notEligible = o.check(low, QStringLiteral("LDTT"), 2025);
        CHECK(notEligible.outcome == Outcome::NotEligible);
        CHECK(notEligible.missing.isEmpty());

        // Unrated but under discipline all year: a rating would not help, so not "missing data".
        const Subject disciplined = Subject::person(o.person(QStringLiteral("Phạm Văn Dũng")));
        o.discipline(disciplined, QStringLiteral("canh_cao"), QDate(2025, 1, 1), QDate(2025, 12, 31));
        CHECK(o.check(disciplined, QStringLiteral("LDTT"), 2025).outcome == Outcome::NotEligible);

        // The sweep carries the outcome and the items to confirm.
        for (const Candidate &c : Service(t.db()).candidates(2025))
            if (c.personId == rated.personId && c.awardCode == QLatin1String("LDTT")) {
                CHECK(c.outcome == Outcome::AwaitingConfirmation);
                CHECK_FALSE(c.pending.isEmpty());
            }
    });
}

TEST_CASE("aRouteTheRegistryCannotSee_leavesTheRecordsNotEligible_notAwaitingConfirmation", "[eligibility][outcomes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        // HTTNV in 2025, no initiative: CSTĐCS is open only through an S&T project the registry
        // cannot see. The clerk still decides (needs review), but the records do not qualify.
        const Subject good = Subject::person(o.eligiblePerson(2025));
        const Result byRoute = o.check(good, QStringLiteral("CSTDCS"), 2025);
        CHECK(byRoute.verdict == Verdict::NeedsReview);
        CHECK(byRoute.outcome == Outcome::NotEligible);
        // HTXSNV in 2025: the records qualify; only the facts of the year wait for confirmation.
        const Subject excellent = Subject::person(o.person(QStringLiteral("Lê Thị Hoa")));
        o.rate(excellent, 2024, 2025, QStringLiteral("HTXSNV"));
        const Result onRecords = o.check(excellent, QStringLiteral("CSTDCS"), 2025);
        CHECK(onRecords.verdict == Verdict::NeedsReview);
        CHECK(onRecords.outcome == Outcome::AwaitingConfirmation);
        // The Prime Minister's Bằng khen with no earlier Bằng khen: 0 of 5 years on the records.
        CHECK(o.check(excellent, QStringLiteral("BK_TTG"), 2025).outcome == Outcome::NotEligible);
    });
}

TEST_CASE("outcomeLabels_areWords_notCodes", "[eligibility][outcomes]")
{
    for (const Outcome o : {Outcome::Eligible, Outcome::AwaitingConfirmation, Outcome::NotEligible, Outcome::MissingData}) {
        const QString label = outcomeLabel(o);
        CHECK_FALSE(label.isEmpty());
        CHECK_FALSE(label.contains(QLatin1Char('_')));
        CHECK(label != outcomeCode(o));
    }
}
