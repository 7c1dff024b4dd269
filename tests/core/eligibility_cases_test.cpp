// A table of cases per award through Eligibility::Service, with the boundaries of issue 3.
#include "core/eligibility/eligibilityservice.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "eligibility_support.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Eligibility;
using Test::find;
using Test::Office;

namespace {
const QString kNd152 = QStringLiteral("luat-06-2022-nd-152-2025");
const QString kNd98 = QStringLiteral("luat-06-2022-nd-98-2023");
} // namespace

TEST_CASE("ldtt_httnvYear_needsReviewForTheSoftCriteria_andEligibleOnceConfirmed", "[eligibility]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Office o(t.db());
        const Subject p = Subject::person(o.person(QStringLiteral("Nguyễn Văn An")));
        o.rate(p, 2025, 2025, QStringLiteral("HTTNV"));
        const Result r = o.check(p, QStringLiteral("LDTT"), 2025);
        CHECK(r.verdict == Verdict::NeedsReview);
        CHECK(r.ruleSet.id == kNd152);
        CHECK(r.ruleSet.version == 3); // version 3: BK_BO counts for BK_TTG; HCLD_2 and HCLD_1 get rules
        CHECK(r.progress == QStringLiteral("1/1 consecutive years"));
        CHECK(r.checklist.join(QLatin1Char('\n')).contains(QStringLiteral("tự lực")));
        CHECK(o.check(p, QStringLiteral("LDTT"), 2025, Test::confirmAll(r)).verdict == Verdict::Eligible);
    });
}

TEST_CASE("ldtt_htnvOrNoRating_isNotEligible_sayingWhatIsMissing", "[eligibility]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Nguyễn Văn An")));
    o.rate(p, 2024, 2024, QStringLiteral("HTNV"));
    const Result low = o.check(p, QStringLiteral("LDTT"), 2024);
    CHECK(low.verdict == Verdict::NotEligible);
    CHECK(find(low.conditions, QStringLiteral("htt-nam-xet"))->explanation.contains(QStringLiteral("2024 was rated only HTNV")));
    const Result none = o.check(p, QStringLiteral("LDTT"), 2025);
    CHECK(none.verdict == Verdict::NotEligible);
    CHECK(find(none.conditions, QStringLiteral("htt-nam-xet"))
              ->explanation.contains(QStringLiteral("no task rating recorded for 2025")));
}

TEST_CASE("cstdTinh_threeConsecutiveCstdcs_versusTwo_andAGapYear", "[eligibility]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    auto make = [&](const QString &name, const QList<int> &years) {
        const Subject p = Subject::person(o.person(name));
        o.rate(p, 2021, 2025, QStringLiteral("HTXSNV"));
        for (int y : years)
            o.award(p, QStringLiteral("CSTDCS"), y);
        o.initiative(p.personId, QStringLiteral("Số hóa hồ sơ ") + name, QStringLiteral("tinh"), 2024);
        return p;
    };
    const Subject three = make(QStringLiteral("Ba Năm"), {2023, 2024, 2025});
    const Subject two = make(QStringLiteral("Hai Năm"), {2024, 2025});
    const Subject gap = make(QStringLiteral("Có Gián Đoạn"), {2022, 2023, 2025});

    const Result r3 = o.check(three, QStringLiteral("CSTD_TINH"), 2025);
    CHECK(r3.verdict == Verdict::NeedsReview); // the council's choice and the recognition stay with people
    CHECK(find(r3.conditions, QStringLiteral("cstdcs-3-lan"))->state == Verdict::Eligible);
    CHECK(r3.progress == QStringLiteral("3/3 consecutive times"));
    CHECK(o.check(three, QStringLiteral("CSTD_TINH"), 2025, Test::confirmAll(r3)).verdict == Verdict::Eligible);

    const Result r2 = o.check(two, QStringLiteral("CSTD_TINH"), 2025);
    CHECK(r2.verdict == Verdict::NotEligible);
    CHECK(r2.progress == QStringLiteral("2/3 consecutive times"));
    CHECK(find(r2.conditions, QStringLiteral("cstdcs-3-lan"))->explanation.contains(QStringLiteral("2023")));
    CHECK(r2.earliestYear == 2026); // if 2026 were HTXSNV, CSTĐCS 2024–2026

    const Result rg = o.check(gap, QStringLiteral("CSTD_TINH"), 2025);
    CHECK(rg.verdict == Verdict::NotEligible);
    CHECK(find(rg.conditions, QStringLiteral("cstdcs-3-lan"))->explanation.contains(QStringLiteral("for 2024")));
}

TEST_CASE("cstdTinh_dotXuatAwardDoesNotCount_towardTheRegularTrack", "[eligibility]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Lê Văn Đột")));
    o.rate(p, 2023, 2025, QStringLiteral("HTXSNV"));
    o.award(p, QStringLiteral("CSTDCS"), 2023);
    o.award(p, QStringLiteral("CSTDCS"), 2024, QStringLiteral("dot_xuat"));
    o.award(p, QStringLiteral("CSTDCS"), 2025);
    o.initiative(p.personId, QStringLiteral("Quy trình mới"), QStringLiteral("tinh"), 2025);
    const Result r = o.check(p, QStringLiteral("CSTD_TINH"), 2025);
    CHECK(r.verdict == Verdict::NotEligible);
    const ConditionResult *c = find(r.conditions, QStringLiteral("cstdcs-3-lan"));
    CHECK(c->progress == QStringLiteral("1/3 consecutive times"));
    CHECK(c->explanation.contains(QStringLiteral("does not count toward the regular track")));
}

TEST_CASE("disciplineEndingInsideTheWindow_achievementsCountOnlyAfterItEnds", "[eligibility]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Office o(t.db());
        const Subject p = Subject::person(o.person(QStringLiteral("Phạm Kỷ Luật")));
        o.rate(p, 2024, 2026, QStringLiteral("HTXSNV"));
        for (int y : {2024, 2025, 2026})
            o.award(p, QStringLiteral("CSTDCS"), y);
        o.initiative(p.personId, QStringLiteral("Cải tiến kho"), QStringLiteral("tinh"), 2026);
        o.discipline(p, QStringLiteral("khien_trach"), QDate(2023, 10, 1), QDate(2024, 9, 30));
        const Result r = o.check(p, QStringLiteral("CSTD_TINH"), 2026);
        CHECK(r.verdict == Verdict::NotEligible);
        const ConditionResult *c = find(r.conditions, QStringLiteral("cstdcs-3-lan"));
        CHECK(c->progress == QStringLiteral("2/3 consecutive times"));
        CHECK(c->explanation.contains(QStringLiteral("2024 does not count")));
        CHECK(find(r.conditions, QStringLiteral("khong-ky-luat"))->state == Verdict::Eligible); // none in force in 2026
        CHECK(o.check(p, QStringLiteral("LDTT"), 2024).verdict == Verdict::NotEligible);        // in force in 2024
    });
}

TEST_CASE("cstdcs_initiativeAlreadyUsed_isNotCountedAgain_andNamesTheAward", "[eligibility]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Võ Sáng Kiến")));
    o.rate(p, 2023, 2025, QStringLiteral("HTTNV"));
    const qint64 bk = o.award(p, QStringLiteral("BK_TINH"), 2023);
    o.initiative(p.personId, QStringLiteral("Phần mềm một cửa"), QStringLiteral("co_so"), 2025, bk);
    Result r = o.check(p, QStringLiteral("CSTDCS"), 2025);
    const ConditionResult *c = find(r.conditions, QStringLiteral("sang-kien-co-so"));
    CHECK(c->state == Verdict::NotEligible);
    CHECK(c->explanation.contains(QStringLiteral("initiative \"Phần mềm một cửa\" was already used for Bằng khen")));
    CHECK(c->explanation.contains(QStringLiteral("2023")));
    CHECK(r.verdict == Verdict::NeedsReview); // the S&T route is the clerk's to check
    CHECK(r.checklist.join(QLatin1Char('\n')).contains(QStringLiteral("đề tài")));

    o.initiative(p.personId, QStringLiteral("Sổ tay số"), QStringLiteral("co_so"), 2025);
    r = o.check(p, QStringLiteral("CSTDCS"), 2025);
    CHECK(find(r.conditions, QStringLiteral("sang-kien-co-so"))->state == Verdict::Eligible);
    CHECK(find(r.conditions, QStringLiteral("khoan-2"))->state == Verdict::Eligible);
}

TEST_CASE("bkTinh_routeD_twoConsecutiveCstdcs_versusOne", "[eligibility]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject two = Subject::person(o.person(QStringLiteral("Hai Lần")));
    const Subject one = Subject::person(o.person(QStringLiteral("Một Lần")));
    o.rate(two, 2024, 2025, QStringLiteral("HTTNV"));
    o.rate(one, 2024, 2025, QStringLiteral("HTTNV"));
    o.award(two, QStringLiteral("CSTDCS"), 2024);
    o.award(two, QStringLiteral("CSTDCS"), 2025);
    o.award(one, QStringLiteral("CSTDCS"), 2025);
    const Result r2 = o.check(two, QStringLiteral("BK_TINH"), 2025);
    CHECK(find(r2.conditions, QStringLiteral("diem-d"))->state == Verdict::Eligible);
    CHECK(r2.verdict == Verdict::NeedsReview);
    const Result r1 = o.check(one, QStringLiteral("BK_TINH"), 2025);
    CHECK(find(r1.conditions, QStringLiteral("diem-d"))->state == Verdict::NotEligible);
    CHECK(r1.progress == QStringLiteral("1/2 consecutive times"));
    CHECK(r1.verdict == Verdict::NeedsReview); // routes a–c are judgement
    CHECK(r1.earliestYear == 2026);
}

TEST_CASE("bkTtg_fiveYearsAfterBkTinh_versusFour", "[eligibility]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    auto make = [&](const QString &name, int bkYear) {
        const Subject p = Subject::person(o.person(name));
        o.award(p, QStringLiteral("BK_TINH"), bkYear);
        o.rate(p, bkYear + 1, 2024, QStringLiteral("HTTNV"));
        for (int y : {2021, 2022, 2024})
            o.award(p, QStringLiteral("CSTDCS"), y);
        return p;
    };
    const Subject five = make(QStringLiteral("Năm Năm"), 2019);
    const Subject four = make(QStringLiteral("Bốn Năm"), 2020);
    const Result r5 = o.check(five, QStringLiteral("BK_TTG"), 2024);
    CHECK(find(r5.conditions, QStringLiteral("sau-bk-tinh"))->state == Verdict::Eligible);
    CHECK(r5.progress == QStringLiteral("5/5 years after Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh 2019"));
    const Result r4 = o.check(four, QStringLiteral("BK_TTG"), 2024);
    CHECK(find(r4.conditions, QStringLiteral("sau-bk-tinh"))->state == Verdict::NotEligible);
    CHECK(r4.progress == QStringLiteral("4/5 years after Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh 2020"));
    CHECK(r4.earliestYear == 2025);
}

TEST_CASE("hcld3_unconfirmedHtxsnvElement_answersNeedsReviewWithChecklist", "[eligibility]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Huân Chương")));
    o.award(p, QStringLiteral("BK_TTG"), 2019);
    o.rate(p, 2020, 2024, QStringLiteral("HTTNV"));
    o.rate(p, 2022, 2022, QStringLiteral("HTXSNV"));
    for (int y : {2020, 2022, 2024})
        o.award(p, QStringLiteral("CSTDCS"), y);
    const Result r = o.check(p, QStringLiteral("HCLD_3"), 2024);
    CHECK(r.verdict == Verdict::NeedsReview);
    CHECK(find(r.conditions, QStringLiteral("htxs-1-nam"))->state == Verdict::NeedsReview);
    CHECK(r.checklist.join(QLatin1Char('\n')).contains(QStringLiteral("Điều 44")));
    CHECK(o.check(p, QStringLiteral("HCLD_3"), 2024, Test::confirmAll(r)).verdict == Verdict::Eligible);
}

TEST_CASE("ttldtt_collectiveAt69PercentVersus70PercentLdtt", "[eligibility]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Office o(t.db());
        const qint64 at69 = o.newUnit(QStringLiteral("Phòng Sáu Chín"));
        const qint64 at70 = o.newUnit(QStringLiteral("Phòng Bảy Mươi"));
        for (int i = 0; i < 100; ++i) {
            const Subject a = Subject::person(o.person(QStringLiteral("Cán bộ A%1").arg(i), at69));
            const Subject b = Subject::person(o.person(QStringLiteral("Cán bộ B%1").arg(i), at70));
            if (i < 69)
                o.award(a, QStringLiteral("LDTT"), 2025);
            if (i < 70)
                o.award(b, QStringLiteral("LDTT"), 2025);
        }
        o.rate(Subject::unit(at69), 2025, 2025, QStringLiteral("HTTNV"));
        o.rate(Subject::unit(at70), 2025, 2025, QStringLiteral("HTTNV"));
        const Result r69 = o.check(Subject::unit(at69), QStringLiteral("TTLDTT"), 2025);
        CHECK(r69.verdict == Verdict::NotEligible);
        CHECK(r69.progress == QStringLiteral("69/100 members (69%)"));
        CHECK(find(r69.conditions, QStringLiteral("ldtt-70"))->explanation.contains(QStringLiteral("needs at least 70%")));
        const Result r70 = o.check(Subject::unit(at70), QStringLiteral("TTLDTT"), 2025);
        CHECK(r70.verdict == Verdict::NeedsReview);
        CHECK(find(r70.conditions, QStringLiteral("ldtt-70"))->state == Verdict::Eligible);
    });
}

TEST_CASE("ttldtt_memberWarnedInTheYear_blocksTheCollective", "[eligibility]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const qint64 unit = o.newUnit(QStringLiteral("Phòng Hành chính"));
    qint64 last = 0;
    for (int i = 0; i < 10; ++i) {
        last = o.person(QStringLiteral("Nhân viên %1").arg(i), unit);
        o.award(Subject::person(last), QStringLiteral("LDTT"), 2025);
    }
    o.rate(Subject::unit(unit), 2025, 2025, QStringLiteral("HTXSNV"));
    o.discipline(Subject::person(last), QStringLiteral("canh_cao"), QDate(2025, 3, 1), QDate(2026, 2, 28));
    const Result r = o.check(Subject::unit(unit), QStringLiteral("TTLDTT"), 2025);
    CHECK(r.verdict == Verdict::NotEligible);
    CHECK(find(r.conditions, QStringLiteral("khong-canh-cao"))->explanation.contains(QStringLiteral("Nhân viên 9")));
}

TEST_CASE("ttldxs_needsEveryMemberRated_andOneCstdcs", "[eligibility]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const qint64 unit = o.newUnit(QStringLiteral("Phòng Xuất Sắc"));
    QList<Subject> members;
    for (int i = 0; i < 10; ++i) {
        members << Subject::person(o.person(QStringLiteral("Thành viên %1").arg(i), unit));
        o.award(members.back(), QStringLiteral("LDTT"), 2025);
        if (i < 9)
            o.rate(members.back(), 2025, 2025, QStringLiteral("HTTNV"));
    }
    o.rate(Subject::unit(unit), 2025, 2025, QStringLiteral("HTXSNV"));
    Result r = o.check(Subject::unit(unit), QStringLiteral("TTLDXS"), 2025);
    CHECK(r.verdict == Verdict::NotEligible);
    CHECK(find(r.conditions, QStringLiteral("hoan-thanh-100"))->explanation.contains(QStringLiteral("Thành viên 9")));
    CHECK(find(r.conditions, QStringLiteral("co-cstdcs"))->state == Verdict::NotEligible);
    o.rate(members.back(), 2025, 2025, QStringLiteral("HTNV"));
    o.award(members.first(), QStringLiteral("CSTDCS"), 2025);
    r = o.check(Subject::unit(unit), QStringLiteral("TTLDXS"), 2025);
    CHECK(r.verdict == Verdict::NeedsReview);
}

TEST_CASE("giayKhen_andFlags_areAlwaysForTheClerk_withTheirCitation", "[eligibility]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Giấy Khen")));
    const Result gk = o.check(p, QStringLiteral("GIAYKHEN"), 2025);
    CHECK(gk.verdict == Verdict::NeedsReview);
    CHECK(gk.checklist.join(QLatin1Char('\n')).contains(QStringLiteral("Điều 75")));
    CHECK(gk.earliestYear == 0); // nothing in the registry can decide it
    const Result flag = o.check(Subject::unit(o.unit), QStringLiteral("CO_TD_TINH"), 2025);
    CHECK(flag.verdict == Verdict::NeedsReview);
    // No bloc recorded for the unit: the bloc route is out, the thematic route is the clerk's.
    CHECK(flag.checklist.join(QLatin1Char('\n')).contains(QStringLiteral("chuyên đề")));
    CHECK(o.check(p, QStringLiteral("CO_TD_CP"), 2025).verdict == Verdict::NotEligible); // not for individuals
}

TEST_CASE("ruleSetInForce_isChosenByTheEvaluationDate", "[eligibility]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Ngày Hiệu Lực")));
    o.rate(p, 2025, 2025, QStringLiteral("HTTNV"));
    CHECK(o.check(p, QStringLiteral("LDTT"), 2025).ruleSet.id == kNd152);
    // Decree 152 is not yet in force on 30 June 2025: the Decree 98 set answers.
    CHECK(o.check(p, QStringLiteral("LDTT"), 2025, {}, QDate(2025, 6, 30)).ruleSet.id == kNd98);
    CHECK(o.check(p, QStringLiteral("LDTT"), 2024).ruleSet.id == kNd98);
    CHECK(Test::errorOf([&] { o.check(p, QStringLiteral("LDTT"), 2023); }).contains(QStringLiteral("No rule set is in force")));
    Service s(t.db());
    CHECK(s.ruleSetInForce(QDate(2025, 7, 1)).id == kNd152);
    CHECK(s.ruleSets().size() == 2);
}

TEST_CASE("movementStandards_needConfirmationWithEvidence_andOtherCategoriesAreNotNominees", "[eligibility]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const qint64 movement = MovementRepository(t.db()).idForKey(QStringLiteral("catalogue-001"));
    REQUIRE(movement > 0);
    const Subject p = Subject::person(o.person(QStringLiteral("Phong Trào")));
    Result r = o.check(p, QStringLiteral("BK_TINH"), 2026, {}, {}, movement);
    const ConditionResult *m = find(r.conditions, QStringLiteral("movement"));
    REQUIRE(m);
    CHECK(m->state == Verdict::NeedsReview);
    REQUIRE(m->children.size() == 2);
    QMap<QString, QString> confirmed;
    for (const ConditionResult &c : m->children)
        confirmed.insert(c.id, QStringLiteral("Báo cáo thành tích ngày 10/12/2026"));
    r = o.check(p, QStringLiteral("BK_TINH"), 2026, confirmed, {}, movement);
    CHECK(find(r.conditions, QStringLiteral("movement"))->state == Verdict::Eligible);
    CHECK(find(r.conditions, QStringLiteral("movement"))->progress == QStringLiteral("2/2 confirmed"));

    const qint64 coop = o.newUnit(QStringLiteral("HTX Nông nghiệp"), QStringLiteral("cooperative"));
    const Result c = o.check(Subject::unit(coop), QStringLiteral("BK_TINH"), 2026, {}, {}, movement);
    CHECK(c.verdict == Verdict::NotEligible);
    CHECK(find(c.conditions, QStringLiteral("movement"))->explanation.contains(QStringLiteral("cooperative")));
}

TEST_CASE("candidates_listThoseTheRegistryQualifies_andNotTheOthers", "[eligibility]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Office o(t.db());
        const qint64 unit = o.newUnit(QStringLiteral("Phòng Ứng Viên"));
        const Subject good = Subject::person(o.person(QStringLiteral("Ứng Viên Tốt"), unit));
        const Subject weak = Subject::person(o.person(QStringLiteral("Chưa Đạt"), unit));
        o.rate(good, 2025, 2025, QStringLiteral("HTXSNV"));
        o.rate(weak, 2025, 2025, QStringLiteral("HTNV"));
        o.award(good, QStringLiteral("LDTT"), 2025);
        const QList<Candidate> list = Service(t.db()).candidates(2025);
        auto has = [&](qint64 person, const QString &code) {
            return std::any_of(list.begin(), list.end(),
                               [&](const Candidate &c) { return c.personId == person && c.awardCode == code; });
        };
        CHECK(has(good.personId, QStringLiteral("LDTT")));
        CHECK(has(good.personId, QStringLiteral("CSTDCS")));
        CHECK_FALSE(has(weak.personId, QStringLiteral("LDTT")));
        CHECK_FALSE(has(good.personId, QStringLiteral("GIAYKHEN"))); // provincial standards: never swept
        for (const Candidate &c : list)
            CHECK_FALSE(c.proposed);
    });
}
