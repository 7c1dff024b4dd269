#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Workflow;
using VinhDanh::Test::errorOf;

TEST_CASE("bonus_isCoefficientTimesBaseSalary_forTheLawsRates", "[workflow][money]")
{
    struct Row
    {
        int milli;
        qint64 base;
        qint64 expected;
    };
    const Row rows[] = {
        {1500, 2340000, 3510000}, // Bằng khen of the provincial chairman, individual
        {3500, 2340000, 8190000}, // Bằng khen of the Prime Minister
        {3000, 2340000, 7020000}, // Chiến sĩ thi đua cấp tỉnh
        // Products off a 10,000 boundary go up to the next one (Decree 152 Art 49):
        {300, 2340000, 710000},  // Lao động tiên tiến: 702,000
        {150, 2340000, 360000},  // Giấy khen before 1 July 2025: 351,000
        {800, 2340000, 1880000}, // Tập thể lao động tiên tiến: 1,872,000
        {1000, 2340000, 2340000},
        {18000, 2340000, 42120000},
    };
    for (const Row &r : rows) {
        INFO(r.milli << " × " << r.base);
        CHECK(Money::bonus(r.milli, r.base) == r.expected);
    }
}

TEST_CASE("bonus_roundsUpToTheNextTenThousand_butKeepsAnExactBoundary", "[workflow][money]")
{
    CHECK(Money::bonus(300, 1490000) == 450000);   // 447,000 → 450,000
    CHECK(Money::bonus(1000, 2345001) == 2350000); // one đồng over a boundary goes up
    CHECK(Money::bonus(1000, 2340001) == 2350000);
    CHECK(Money::bonus(1000, 2340000) == 2340000); // already on a boundary: unchanged
    CHECK(Money::bonus(100, 100000) == 10000);     // exactly 10,000
    CHECK(Money::bonus(1, 100000) == 10000);       // 100 đồng still rounds up to 10,000
    CHECK(Money::bonus(0, 2340000) == 0);
    CHECK(Money::bonus(1500, 0) == 0);
}

TEST_CASE("coefficientText_andParse_roundTripWithEitherDecimalMark", "[workflow][money]")
{
    CHECK(Money::coefficientText(1500) == QStringLiteral("1,5"));
    CHECK(Money::coefficientText(150) == QStringLiteral("0,15"));
    CHECK(Money::coefficientText(3000) == QStringLiteral("3"));
    CHECK(Money::coefficientText(125) == QStringLiteral("0,125"));
    CHECK(Money::parseCoefficient(QStringLiteral("1,5")) == 1500);
    CHECK(Money::parseCoefficient(QStringLiteral("1.5")) == 1500);
    CHECK(Money::parseCoefficient(QStringLiteral("0.15")) == 150);
    CHECK(Money::parseCoefficient(QStringLiteral(" 12 ")) == 12000);
    for (int milli : {0, 150, 300, 1500, 3500, 12000, 18125})
        CHECK(Money::parseCoefficient(Money::coefficientText(milli)) == milli);
    CHECK(Money::parseCoefficient(QStringLiteral("abc")) == -1);
    CHECK(Money::parseCoefficient(QStringLiteral("1.2345")) == -1); // more than three decimals
    CHECK(Money::parseCoefficient(QStringLiteral("-1")) == -1);
    CHECK(Money::parseCoefficient(QString()) == -1);
    CHECK(Money::amountText(3510000) == QStringLiteral("3.510.000"));
}

TEST_CASE("coefficientAndBaseSalary_areThoseInForceOnTheDecisionDate", "[workflow][money]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        PayData pay(db);
        // Seeded: Giấy khen for an individual is 0.15 from 2024-01-01 and 0.3 from 2025-07-01.
        const QString form = QStringLiteral("GIAYKHEN");
        const QString individual = QStringLiteral("individual");
        CHECK(pay.coefficientOn(form, individual, QDate(2025, 6, 30)) == 150);
        CHECK(pay.coefficientOn(form, individual, QDate(2025, 7, 1)) == 300);
        CHECK(pay.coefficientOn(form, individual, QDate(2026, 3, 1)) == 300);
        CHECK(errorOf([&] { pay.coefficientOn(form, individual, QDate(2023, 12, 31)); }).contains(QStringLiteral("31/12/2023")));
        // Named as the clerk knows the form, not by its code.
        const QString missing = errorOf([&] { pay.coefficientOn(QStringLiteral("BK_TINH"), individual, QDate(2025, 6, 30)); });
        CHECK(missing.contains(QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")));
        CHECK_FALSE(missing.contains(QStringLiteral("BK_TINH")));
        // The Bằng khen of a ministry or sector is paid as the province's (Decree 152, Art 54).
        CHECK(pay.coefficientOn(QStringLiteral("BK_BO"), individual, QDate(2025, 7, 1)) == 1500);
        CHECK(pay.coefficientOn(QStringLiteral("BK_BO"), QStringLiteral("collective"), QDate(2025, 7, 1)) == 3000);

        // A new base salary applies from its own date, not the day before.
        BaseSalary next;
        next.effectiveFrom = QDate(2026, 1, 1);
        next.amount = 2530000;
        pay.saveBaseSalary(next);
        CHECK(pay.baseSalaryOn(QDate(2025, 12, 31)) == 2340000);
        CHECK(pay.baseSalaryOn(QDate(2026, 1, 1)) == 2530000);
        CHECK(pay.baseSalaryOn(QDate(2024, 7, 1)) == 2340000);
        CHECK(errorOf([&] { pay.baseSalaryOn(QDate(2024, 6, 30)); }).contains(QStringLiteral("30/06/2024")));
    });
}

TEST_CASE("payData_refusesDuplicateDatesAndValuesTheWorkflowCannotRead_withClearWords", "[workflow][money]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        PayData pay(t.db());
        BaseSalary again;
        again.effectiveFrom = QDate(2024, 7, 1); // seeded already
        again.amount = 2400000;
        CHECK(errorOf([&] { pay.saveBaseSalary(again); }).contains(QStringLiteral("already recorded")));
        Coefficient c;
        c.formCode = QStringLiteral("BK_TINH");
        c.recipient = QStringLiteral("individual");
        c.effectiveFrom = QDate(2025, 7, 1); // seeded already
        c.coefficientMilli = 1600;
        CHECK(errorOf([&] { pay.saveCoefficient(c); }).contains(QStringLiteral("already recorded")));
        CHECK(pay.coefficientOn(c.formCode, c.recipient, QDate(2025, 8, 1)) == 1500);

        CHECK(errorOf([&] {
                  pay.saveThreshold({QStringLiteral("BK_TINHH"), 60, QStringLiteral("present"), true, {}, true});
              }).contains(QStringLiteral("BK_TINHH")));
        CHECK(errorOf([&] {
                  pay.setSetting(QStringLiteral("council.quorum"), QStringLiteral("hai phần ba"));
              }).contains(QStringLiteral("2/3")));
        CHECK(
            errorOf([&] { pay.setSetting(QStringLiteral("council.quorum"), QStringLiteral("4/3")); }).contains(QStringLiteral("4/3")));
        CHECK(errorOf([&] {
                  pay.setSetting(QStringLiteral("office.level"), QStringLiteral("huyen"));
              }).contains(QStringLiteral("huyen")));
        pay.setSetting(QStringLiteral("council.quorum"), QStringLiteral("3/5"));
        int num = 0, den = 0;
        pay.quorum(&num, &den);
        CHECK(num == 3);
        CHECK(den == 5);
        CHECK(errorOf([&] { pay.baseSalaryOn(QDate()); }).contains(QStringLiteral("date")));
    });
}
