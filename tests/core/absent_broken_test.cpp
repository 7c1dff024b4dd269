// Absent is not broken (issue 17, item 2): a look-up that finds nothing answers "none"
// (std::optional) without an exception, and a failing database reaches the caller as a
// Core::DatabaseError instead of being read as "there is no rule / no rate".
#include "core/error.h"
#include "support/testdatabase.h"
#include "workflow_fixture.h"

#include "core/db/query.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/eligibility/rulesets.h"
#include "core/proposals/paydata.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core::Workflow;
namespace Elig = VinhDanh::Core::Eligibility;

namespace {
/// Takes the imported rule sets' table away under the repositories, as a damaged file or a
/// server that lost the table would: every read of it fails in the driver.
void loseTheRuleSetsTable(Core::Database &db)
{
    Core::Query::run(db.sql(), QStringLiteral("ALTER TABLE rule_sets RENAME TO rule_sets_lost"));
}

Nominee firstNominee(Test::WorkflowFixture &f, qint64 dossierId)
{
    const QList<Nominee> nominees = f.dossiers().nominees(dossierId);
    REQUIRE(nominees.size() == 1);
    return nominees.first();
}
} // namespace

TEST_CASE("lookupsOfSomethingAbsent_answerNone_withoutAnException", "[errors][absent]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const PayData pay(t.db());
        const QDate before(1990, 1, 1); // before every base salary, coefficient and rule set
        const QDate later(2025, 12, 31);

        std::optional<qint64> salary;
        CHECK_NOTHROW(salary = pay.findBaseSalaryOn(before));
        CHECK_FALSE(salary.has_value());
        CHECK(pay.findBaseSalaryOn(later).value_or(0) == 2340000); // present: the amount itself

        std::optional<int> coefficient;
        CHECK_NOTHROW(coefficient = pay.findCoefficientOn(QStringLiteral("LDTT"), QStringLiteral("individual"), before));
        CHECK_FALSE(coefficient.has_value());
        CHECK(pay.findCoefficientOn(QStringLiteral("LDTT"), QStringLiteral("individual"), later).value_or(0) == 300);

        std::optional<Elig::RuleSet> set;
        CHECK_NOTHROW(set = Elig::RuleSets::findInForce(t.db(), before));
        CHECK_FALSE(set.has_value());
        CHECK(Elig::RuleSets::findInForce(t.db(), later).has_value());

        // The eligibility check of a year no rule set covers: none, where evaluate() refuses.
        Elig::Request request;
        request.personId = f.eligiblePerson(2025);
        request.awardCode = QStringLiteral("LDTT");
        request.year = 1990;
        std::optional<Elig::Result> result;
        CHECK_NOTHROW(result = Elig::Service(t.db()).evaluateIfRuled(request));
        CHECK_FALSE(result.has_value());
        CHECK_THROWS_AS(Elig::Service(t.db()).evaluate(request), Core::Error);
        request.year = 2025;
        CHECK(Elig::Service(t.db()).evaluateIfRuled(request).has_value());

        // The strict forms still say what is missing, as a refusal, not as a database failure.
        const QString missing = Test::errorOf([&] { pay.baseSalaryOn(before); });
        CHECK(missing.contains(QStringLiteral("No base salary is in force on 01/01/1990")));
        bool databaseError = false;
        try {
            pay.baseSalaryOn(before);
        } catch (const Core::DatabaseError &) {
            databaseError = true;
        } catch (const Core::Error &) {
        }
        CHECK_FALSE(databaseError);
    });
}

TEST_CASE("appraise_whenTheRulesCannotBeRead_failsWithDatabaseError_andStoresNoVerdict", "[errors][broken][workflow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const qint64 dossier = f.dossierIn(Status::UnderAppraisal, {f.eligiblePerson(2025)});
        const Nominee nominee = firstNominee(f, dossier);
        const int appraisalsBefore = f.count(QStringLiteral("nominee_appraisals"));
        loseTheRuleSetsTable(t.db());
        // Before, the failure was taken for "no rule for this form" and the nominee was stored
        // as needing review by hand.
        CHECK_THROWS_AS(f.dossiers().appraise(nominee.id, true, {}), Core::DatabaseError);
        CHECK(f.count(QStringLiteral("nominee_appraisals")) == appraisalsBefore);
        CHECK(f.dossiers().appraisals(dossier).isEmpty());
    });
}

TEST_CASE("entryWarnings_whenTheRulesCannotBeRead_failWithDatabaseError_notAsNoRule", "[errors][broken][workflow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const Dossier d = f.newDossier(2025);
        Nominee n;
        n.dossierId = d.id;
        n.personId = f.eligiblePerson(2025);
        n.formCode = QStringLiteral("LDTT");
        DossierRepository repo = f.dossiers();
        REQUIRE_NOTHROW(repo.warningsFor(d, n));
        loseTheRuleSetsTable(t.db());
        try {
            repo.warningsFor(d, n);
            FAIL("a database failure was read as \"no eligibility rule\"");
        } catch (const Core::DatabaseError &e) {
            CHECK_FALSE(e.detail().isEmpty()); // the driver's words, for support
        }
        CHECK_THROWS_AS(repo.saveNominee(n), Core::DatabaseError);
        CHECK(f.count(QStringLiteral("dossier_nominees")) == 0);
    });
}

TEST_CASE("driverFailures_areDatabaseErrors_withTheDriverTextAsDetail", "[errors][broken][db]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        try {
            Core::Query(db.sql(), QStringLiteral("SELECT no_such_column FROM units")).exec();
            FAIL("a bad statement ran");
        } catch (const Core::DatabaseError &e) {
            CHECK(e.detail().contains(QStringLiteral("no_such_column")));
        }
    });
}
