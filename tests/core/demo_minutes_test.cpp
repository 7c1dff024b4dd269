// The demo season's bình xét minutes (core/demo/demominutes.cpp, issue 13 item 6): the units
// record them and confirm from them the facts of the year, so the demo province's candidates
// list shows eligible people instead of a list where everyone waits for the same ticks.
#include "demo_support.h"
#include "support/testdatabase.h"

#include "core/eligibility/eligibilityservice.h"
#include "core/eligibility/minutesrepository.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core::Eligibility;
using VinhDanh::Test::scalar;
using VinhDanh::Test::smallProvince;

TEST_CASE("demoSeason_recordsBinhXetMinutes_andItsCandidatesListShowsEligiblePeople", "[demo][minutes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Core::Demo::generate(db, smallProvince(7));
        const auto eligiblePeople = [&] {
            QSet<qint64> out;
            for (const Candidate &c : Service(db).candidates(2025))
                if (c.verdict == Verdict::Eligible && c.personId)
                    out.insert(c.personId);
            return out;
        };
        // The registry alone leaves every individual waiting for the clerk's ticks.
        CHECK(eligiblePeople().isEmpty());

        const Core::DemoSeason season = Core::Demo::generateSeason(db, 7, 2025);
        CHECK(season.minutes > 0);
        const QList<ReviewMinutes> minutes = MinutesRepository(db).list(2025);
        REQUIRE(int(minutes.size()) == season.minutes);
        for (const ReviewMinutes &m : minutes) {
            CHECK_FALSE(m.subjects.isEmpty());
            CHECK(m.date >= QDate(2026, 1, 1));
        }
        const QSet<qint64> eligible = eligiblePeople();
        CHECK(eligible.size() >= 5);
        // Eligible because of the minutes: each has its facts of the year confirmed from them.
        for (const qint64 id : eligible)
            CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM eligibility_confirmations WHERE person_id = %1 AND year = 2025 "
                                            "AND minutes_id IS NOT NULL AND form_code IS NULL")
                                 .arg(id))
                  > 0);
        // The evidence names the minutes as a clerk reads them.
        const QString evidence = Core::Query(db.sql(), QStringLiteral("SELECT evidence FROM eligibility_confirmations "
                                                                      "WHERE minutes_id IS NOT NULL ORDER BY id"))
                                     .scalar()
                                     .toString();
        CHECK(evidence.contains(QStringLiteral("/BB-HĐTĐKT")));
        CHECK(evidence.contains(QStringLiteral("/01/2026")));
    });
}
