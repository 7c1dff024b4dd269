// Amounts in words and the date and number lines of Decree 30/2020.
#include "core/documents/vnformat.h"

#include <catch2/catch.hpp>

using namespace VinhDanh::Documents;

TEST_CASE("amountInWords_readsTheDecisionAmountsTheVietnameseWay", "[documents][words]")
{
    const std::vector<std::pair<qint64, const char *>> cases = {
        {0, "Không đồng"},
        {10000, "Mười nghìn đồng"},
        {1000000, "Một triệu đồng"},
        {2340000, "Hai triệu ba trăm bốn mươi nghìn đồng"},
        {28080000, "Hai mươi tám triệu không trăm tám mươi nghìn đồng"},
        {1005000000, "Một tỷ không trăm linh năm triệu đồng"},
        // The irregular units: mốt, lăm, mười, linh.
        {21000, "Hai mươi mốt nghìn đồng"},
        {15000, "Mười lăm nghìn đồng"},
        {105000, "Một trăm linh năm nghìn đồng"},
        {1000005, "Một triệu không trăm linh năm đồng"},
        {3510000, "Ba triệu năm trăm mười nghìn đồng"},
    };
    for (const auto &[amount, words] : cases) {
        INFO(amount);
        CHECK(VnFormat::amountInWords(amount) == QString::fromUtf8(words));
    }
}

TEST_CASE("amount_isWrittenWithDotsBetweenThousands", "[documents][words]")
{
    CHECK(VnFormat::amount(2340000) == QStringLiteral("2.340.000"));
    CHECK(VnFormat::amount(0) == QStringLiteral("0"));
}

TEST_CASE("dateLine_hasALeadingZeroForEarlyDaysAndForJanuaryAndFebruaryOnly", "[documents][format]")
{
    CHECK(VnFormat::placeDate(QStringLiteral("Thanh Hóa"), QDate(2026, 1, 5))
          == QStringLiteral("Thanh Hóa, ngày 05 tháng 01 năm 2026"));
    CHECK(VnFormat::longDate(QDate(2026, 3, 15)) == QStringLiteral("ngày 15 tháng 3 năm 2026"));
    CHECK(VnFormat::longDate(QDate(2025, 12, 9)) == QStringLiteral("ngày 09 tháng 12 năm 2025"));
}

TEST_CASE("numberLine_padsNumbersBelowTen_andLeavesABlankWhenNotNumbered", "[documents][format]")
{
    CHECK(VnFormat::numberLine(QStringLiteral("5/TTr-SNV")) == QStringLiteral("Số: 05/TTr-SNV"));
    CHECK(VnFormat::numberLine(QStringLiteral("123/QĐ-UBND")) == QStringLiteral("Số: 123/QĐ-UBND"));
    // A blank of non-breaking spaces (HTML keeps them) to write the number in.
    CHECK(VnFormat::numberLine(QStringLiteral("TTr-SNV")).startsWith(QStringLiteral("Số:\u00A0\u00A0\u00A0")));
    CHECK(VnFormat::numberLine(QStringLiteral("TTr-SNV")).endsWith(QStringLiteral("/TTr-SNV")));
}
