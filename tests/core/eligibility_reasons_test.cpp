// Reasons a clerk can act on (issue 13, items 4 and 5): a broken chain names its year, only the
// years that lack a title are called missing, the headline follows the branch closest to
// passing, a clause for other nominees reads "does not apply", no code reaches the text in
// either language, and every award form gets an answer.
#include "core/catalogue/catalogue.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/eligibility/evaluator.h"
#include "core/eligibility/rulesets.h"
#include "core/error.h"
#include "core/i18n/language.h"
#include "core/registry/movementrepository.h"
#include "core/registry/unitrepository.h"
#include "eligibility_support.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTranslator>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Eligibility;
using Test::find;
using Test::Office;

namespace {
/// Vietnamese for the life of the object, as `vinhdanh --lang vi` installs it; English after.
struct Vietnamese
{
    Vietnamese() { REQUIRE(Language::install(*QCoreApplication::instance(), QStringLiteral("vi"))); }
    ~Vietnamese()
    {
        for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        Language::install(*QCoreApplication::instance(), QStringLiteral("en"));
    }
};

void collectTexts(const ConditionResult &c, QStringList &out)
{
    out << c.description << c.explanation << c.progress << c.evidence;
    for (const ConditionResult &k : c.children)
        collectTexts(k, out);
}

QStringList textsOf(const Result &r)
{
    QStringList out{r.awardName, r.progress, verdictLabel(r.verdict)};
    out << r.checklist;
    for (const ConditionResult &c : r.conditions)
        collectTexts(c, out);
    return out;
}

/// A stored code in a text: "cong_chuc", "canh_cao", "co_so", "BK_TINH", "CO_TD_TINH".
QStringList codesIn(const QStringList &texts)
{
    static const QRegularExpression code(QStringLiteral("\\b([a-z]+_[a-z_]+|[A-Z]+_[A-Z0-9_]+)\\b"));
    QStringList found;
    for (const QString &t : texts)
        for (auto it = code.globalMatch(t); it.hasNext();)
            found << QStringLiteral("%1  ← in: %2").arg(it.next().captured(1), t);
    return found;
}

void discipline(Database &db, const Subject &s, const QString &kind, const QDate &from, const QDate &to, const QString &number)
{
    Discipline d;
    d.subject = s;
    d.kind = kind;
    d.startDate = from;
    d.endDate = to;
    d.decisionNo = number;
    RecordRepository(db).saveDiscipline(d);
}
} // namespace

TEST_CASE("bkTtg_chainBrokenByAnHtnvYear_namesThatYearAndWhatItHad", "[eligibility][reasons]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Đứt Chuỗi")));
    o.award(p, QStringLiteral("BK_TINH"), 2019);
    o.rate(p, 2020, 2024, QStringLiteral("HTTNV"));
    o.rate(p, 2022, 2022, QStringLiteral("HTNV"));
    for (int y : {2020, 2021, 2023})
        o.award(p, QStringLiteral("CSTDCS"), y);
    const Result r = o.check(p, QStringLiteral("BK_TTG"), 2024);
    const ConditionResult *after = find(r.conditions, QStringLiteral("sau-bk-tinh"));
    REQUIRE(after);
    CHECK(after->state == Verdict::NotEligible);
    CHECK(after->explanation.contains(QStringLiteral("only 2 consecutive year(s)")));
    CHECK(after->explanation.contains(QStringLiteral("2022 was rated only HTNV; needs HTTNV or better")));
    CHECK(r.progress == QStringLiteral("2/5 years after Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh 2019"));

    // No rating at all in the breaking year says so instead.
    const Subject q = Subject::person(o.person(QStringLiteral("Thiếu Xếp Loại")));
    o.award(q, QStringLiteral("BK_TINH"), 2019);
    o.rate(q, 2020, 2021, QStringLiteral("HTTNV"));
    o.rate(q, 2023, 2024, QStringLiteral("HTTNV"));
    CHECK(find(o.check(q, QStringLiteral("BK_TTG"), 2024).conditions, QStringLiteral("sau-bk-tinh"))
              ->explanation.contains(QStringLiteral("no task rating recorded for 2022")));
}

TEST_CASE("titleChain_withOneMissingYear_callsOnlyThatYearMissing", "[eligibility][reasons]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Một Năm Thiếu")));
    o.rate(p, 2023, 2025, QStringLiteral("HTXSNV"));
    o.award(p, QStringLiteral("CSTDCS"), 2023);
    o.award(p, QStringLiteral("CSTDCS"), 2025);
    const Result r = o.check(p, QStringLiteral("CSTD_TINH"), 2025);
    const ConditionResult *chain = find(r.conditions, QStringLiteral("cstdcs-3-lan"));
    REQUIRE(chain);
    CHECK(chain->state == Verdict::NotEligible);
    CHECK(chain->progress == QStringLiteral("1/3 consecutive times"));
    CHECK(chain->explanation == QStringLiteral("no Chiến sĩ thi đua cơ sở for 2024"));
    CHECK_FALSE(chain->explanation.contains(QStringLiteral("2023"))); // 2023 has it
}

TEST_CASE("cstdcs_htxsnvBranchPassed_headlineIsNotTheMissingInitiative", "[eligibility][reasons]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Xuất Sắc")));
    o.rate(p, 2025, 2025, QStringLiteral("HTXSNV"));
    const Result r = o.check(p, QStringLiteral("CSTDCS"), 2025);
    CHECK(find(r.conditions, QStringLiteral("htxs-nam-xet"))->state == Verdict::Eligible);
    CHECK(find(r.conditions, QStringLiteral("sang-kien-co-so"))->progress == QStringLiteral("0/1 initiatives"));
    CHECK(r.progress == QStringLiteral("1/1 consecutive years"));

    // Neither branch passed: the closest one, not simply the first unmet count.
    const Subject q = Subject::person(o.person(QStringLiteral("Một Sáng Kiến")));
    o.rate(q, 2025, 2025, QStringLiteral("HTTNV"));
    const Result none = o.check(q, QStringLiteral("CSTDCS"), 2025);
    CHECK(none.progress == QStringLiteral("0/1 consecutive years"));
}

TEST_CASE("bkTinh_qualifyingThroughTwoInitiatives_headlineFollowsThatBranch", "[eligibility][reasons]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Hai Sáng Kiến")));
    o.rate(p, 2024, 2025, QStringLiteral("HTXSNV"));
    o.initiative(p.personId, QStringLiteral("Số hóa lưu trữ"), QStringLiteral("co_so"), 2024);
    o.initiative(p.personId, QStringLiteral("Một cửa điện tử"), QStringLiteral("co_so"), 2025);
    const Result r = o.check(p, QStringLiteral("BK_TINH"), 2025);
    CHECK(find(r.conditions, QStringLiteral("htxs-2-nam"))->state == Verdict::Eligible);
    CHECK(find(r.conditions, QStringLiteral("cstdcs-2-lan"))->progress == QStringLiteral("0/2 consecutive times"));
    CHECK(r.progress == QStringLiteral("2/2 consecutive years"));

    // The rule's own headline (two CSTĐCS) still leads when that is the branch closest to passing.
    const Subject q = Subject::person(o.person(QStringLiteral("Một Lần")));
    o.rate(q, 2024, 2025, QStringLiteral("HTTNV"));
    o.award(q, QStringLiteral("CSTDCS"), 2025);
    CHECK(o.check(q, QStringLiteral("BK_TINH"), 2025).progress == QStringLiteral("1/2 consecutive times"));
}

TEST_CASE("ldtt_clauseForOtherNominees_readsNotApplicable_andIsFoldedAway", "[eligibility][reasons]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Office o(t.db());
        const Subject servant = Subject::person(o.person(QStringLiteral("Công Chức")));
        o.rate(servant, 2025, 2025, QStringLiteral("HTTNV"));
        const Result r = o.check(servant, QStringLiteral("LDTT"), 2025);
        const ConditionResult *workers = find(r.conditions, QStringLiteral("khoan-3"));
        REQUIRE(workers);
        CHECK(workers->notApplicable);
        CHECK(workers->children.isEmpty()); // no "not met" lines under it
        CHECK(workers->explanation == QStringLiteral("does not apply (for citizen, not for civil servant)"));
        CHECK_FALSE(find(r.conditions, QStringLiteral("tieu-chuan-ldtt"))->notApplicable);
        CHECK(r.verdict == Verdict::NeedsReview); // the clause that applies decides

        // A farmer: the other way round.
        const Subject farmer = Subject::person(o.person(QStringLiteral("Nông Dân"), 0, QStringLiteral("nhan_dan")));
        const Result f = o.check(farmer, QStringLiteral("LDTT"), 2025);
        CHECK(find(f.conditions, QStringLiteral("tieu-chuan-ldtt"))->notApplicable);
        CHECK_FALSE(find(f.conditions, QStringLiteral("khoan-3"))->notApplicable);
        CHECK_FALSE(find(f.conditions, QStringLiteral("khoan-3"))->children.isEmpty());

        // Where the clause is required (an all-of), a wrong category is plainly not met.
        const Result c = o.check(farmer, QStringLiteral("CSTDCS"), 2025);
        CHECK(c.verdict == Verdict::NotEligible);
        CHECK_FALSE(find(c.conditions, QStringLiteral("tieu-chuan-ldtt"))->notApplicable);
    });
}

TEST_CASE("explanations_nameCategoriesDisciplinesLevelsAndFormsInWords", "[eligibility][reasons]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject farmer = Subject::person(o.person(QStringLiteral("Người Dân"), 0, QStringLiteral("nhan_dan")));
    CHECK(find(o.check(farmer, QStringLiteral("CSTDCS"), 2025).conditions, QStringLiteral("doi-tuong"))->explanation
          == QStringLiteral("category citizen is not among official (cán bộ), civil servant, public employee, worker"));

    const Subject warned = Subject::person(o.person(QStringLiteral("Bị Cảnh Cáo")));
    o.rate(warned, 2025, 2025, QStringLiteral("HTTNV"));
    discipline(t.db(), warned, QStringLiteral("canh_cao"), QDate(2025, 3, 1), QDate(2025, 12, 31), QString());
    const QString noNumber =
        find(o.check(warned, QStringLiteral("LDTT"), 2025).conditions, QStringLiteral("khong-ky-luat"))->explanation;
    CHECK(noNumber == QStringLiteral("discipline warning from 01/03/2025 to 31/12/2025 overlaps 2025"));

    const Subject numbered = Subject::person(o.person(QStringLiteral("Có Số Quyết Định")));
    discipline(t.db(), numbered, QStringLiteral("khien_trach"), QDate(2025, 3, 1), QDate(), QStringLiteral("12/QĐ-UBND"));
    CHECK(find(o.check(numbered, QStringLiteral("LDTT"), 2025).conditions, QStringLiteral("khong-ky-luat"))->explanation
          == QStringLiteral("discipline reprimand (decision 12/QĐ-UBND) from 01/03/2025, still in force overlaps 2025"));

    const Subject inventor = Subject::person(o.person(QStringLiteral("Nhà Sáng Chế")));
    o.rate(inventor, 2025, 2025, QStringLiteral("HTTNV"));
    o.initiative(inventor.personId, QStringLiteral("Bản đồ số"), QStringLiteral("co_so"), 2025);
    const Result withIdea = o.check(inventor, QStringLiteral("CSTDCS"), 2025);
    const ConditionResult *idea = find(withIdea.conditions, QStringLiteral("sang-kien-co-so"));
    REQUIRE(idea);
    CHECK(idea->explanation == QStringLiteral("1 unused initiative(s) recognised at grassroots or above in 2025."));
    CHECK(idea->evidence == QStringList{QStringLiteral("initiative \"Bản đồ số\" (grassroots, 2025)")});
}

TEST_CASE("everyExplanation_ofVariedNominees_carriesNoCode_inEitherLanguage", "[eligibility][reasons]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    // People of every category, with ratings, titles, a used and a free initiative, disciplines
    // with and without a number; a unit with members, one of them disciplined; a cooperative
    // outside the movement's categories.
    QList<Subject> people;
    const QStringList categories{QStringLiteral("can_bo"),         QStringLiteral("cong_chuc"),  QStringLiteral("vien_chuc"),
                                 QStringLiteral("nguoi_lao_dong"), QStringLiteral("doanh_nhan"), QStringLiteral("nhan_dan")};
    for (int i = 0; i < categories.size(); ++i) {
        const Subject p = Subject::person(o.person(QStringLiteral("Người %1").arg(i + 1), 0, categories.at(i)));
        o.rate(p, 2018, 2025, i % 2 ? QStringLiteral("HTXSNV") : QStringLiteral("HTTNV"));
        o.rate(p, 2022, 2022, QStringLiteral("HTNV"));
        for (int y : {2019, 2023, 2025})
            o.award(p, QStringLiteral("CSTDCS"), y);
        o.award(p, i % 2 ? QStringLiteral("BK_BO") : QStringLiteral("BK_TINH"), 2018);
        o.award(p, QStringLiteral("HCLD_3"), 2018);
        o.award(p, QStringLiteral("CSTD_TINH"), 2024, QStringLiteral("dot_xuat"));
        const qint64 bk = o.award(p, QStringLiteral("BK_TINH"), 2021);
        o.initiative(p.personId, QStringLiteral("Sáng kiến đã dùng %1").arg(i), QStringLiteral("tinh"), 2025, bk);
        o.initiative(p.personId, QStringLiteral("Sáng kiến mới %1").arg(i), QStringLiteral("co_so"), 2025);
        people << p;
    }
    discipline(t.db(), people.at(1), QStringLiteral("canh_cao"), QDate(2025, 3, 1), QDate(2025, 12, 31), QString());
    discipline(t.db(), people.at(2), QStringLiteral("khac"), QDate(2023, 1, 1), QDate(), QStringLiteral("KL-7"));
    QList<Subject> units{Subject::unit(o.unit),
                         Subject::unit(o.newUnit(QStringLiteral("Hợp tác xã Sao Mai"), QStringLiteral("cooperative")))};
    o.rate(units.at(0), 2023, 2025, QStringLiteral("HTXSNV"));
    o.award(units.at(0), QStringLiteral("TTLDXS"), 2024);
    const qint64 movement = MovementRepository(t.db()).idForKey(QStringLiteral("catalogue-001"));
    REQUIRE(movement > 0);

    auto sweep = [&] {
        QStringList texts;
        Service s(t.db());
        for (const qint64 m : {qint64(0), movement}) {
            for (const Subject &p : people)
                for (const Result &r : s.evaluateAll(p.personId, 0, 2025, m))
                    texts << textsOf(r);
            for (const Subject &u : units)
                for (const Result &r : s.evaluateAll(0, u.unitId, 2025, m))
                    texts << textsOf(r);
        }
        return texts;
    };
    const QStringList english = sweep();
    CHECK(english.join(QLatin1Char('\n')).contains(QStringLiteral("category civil servant.")));
    CHECK(codesIn(english) == QStringList());
    {
        Vietnamese vi;
        const QStringList vietnamese = sweep();
        // The translator is in force: the Vietnamese of a category and of a verdict show.
        CHECK(vietnamese.join(QLatin1Char('\n')).contains(QStringLiteral("đối tượng công chức.")));
        CHECK(vietnamese.contains(QStringLiteral("Cần xem xét")));
        CHECK(codesIn(vietnamese) == QStringList());
    }
}

TEST_CASE("everyAwardForm_getsAnAnswer_forThoseItIsGivenTo_underBothRuleSets", "[eligibility][reasons]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Office o(t.db());
        const Subject p = Subject::person(o.person(QStringLiteral("Mọi Hình Thức")));
        const Subject u = Subject::unit(o.unit);
        o.rate(p, 2020, 2025, QStringLiteral("HTTNV"));
        o.rate(u, 2020, 2025, QStringLiteral("HTTNV"));
        const QList<AwardForm> forms = Catalogue::awardForms();
        REQUIRE(forms.size() >= 15);
        for (const AwardForm &f : forms)
            for (const int year : {2024, 2025})
                for (const bool collective : {false, true}) {
                    if (f.recipients != QLatin1String("both") && (f.recipients == QLatin1String("collective")) != collective)
                        continue;
                    CAPTURE(f.code, year, collective);
                    Result r;
                    REQUIRE(Test::errorOf([&] { r = o.check(collective ? u : p, f.code, year); }) == QString());
                    CHECK(r.awardCode == f.code);
                    CHECK(r.awardName == f.name);
                    REQUIRE_FALSE(r.conditions.isEmpty());
                    CHECK(r.conditions.first().id != QStringLiteral("recipient")); // a rule of its own, not "who can receive it"
                    if (r.verdict == Verdict::NeedsReview)
                        CHECK_FALSE(r.checklist.isEmpty());
                    CHECK(codesIn(textsOf(r)) == QStringList());
                }
    });
}

TEST_CASE("hcld1_withoutTheArticleText_answersNeedsReview_namingWhatToCheck", "[eligibility][reasons]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Hạng Nhất")));
    for (const Subject &s : {p, Subject::unit(o.unit)}) {
        const Result r = o.check(s, QStringLiteral("HCLD_1"), 2025);
        CHECK(r.verdict == Verdict::NeedsReview);
        const QString list = r.checklist.join(QLatin1Char('\n'));
        CHECK(list.contains(QStringLiteral("Điều 42")));
        CHECK(list.contains(QStringLiteral("Huân chương Lao động hạng Nhì")));
        CHECK(list.contains(QStringLiteral("2013"))); // the superseded law is not to be used
    }
    // The sweep (Screen mode) never lists it on the registry alone: the standard is the clerk's.
    const RuleSet set = RuleSets::inForce(t.db(), QDate(2025, 12, 31));
    const Registry registry = loadPerson(t.db(), p.personId);
    EvalOptions screen;
    screen.year = 2025;
    screen.mode = Mode::Screen;
    screen.explain = false;
    screen.earliest = false;
    REQUIRE(set.rule(QStringLiteral("HCLD_1"), false));
    CHECK(evaluateRule(set, *set.rule(QStringLiteral("HCLD_1"), false), registry, registry.people.value(p.personId), screen).verdict
          == Verdict::NotEligible);
}

TEST_CASE("hcld2_pointDd_decidedFromTheRegistry_otherPointsLeftToTheClerk", "[eligibility][reasons]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    auto make = [&](const QString &name, int htxsnvYears) {
        const Subject p = Subject::person(o.person(name));
        o.award(p, QStringLiteral("HCLD_3"), 2019);
        o.rate(p, 2020, 2024, QStringLiteral("HTTNV"));
        o.rate(p, 2024 - htxsnvYears + 1, 2024, QStringLiteral("HTXSNV"));
        o.award(p, QStringLiteral("CSTD_TINH"), 2023);
        return p;
    };
    const Subject two = make(QStringLiteral("Hai Năm Xuất Sắc"), 2);
    const Subject one = make(QStringLiteral("Một Năm Xuất Sắc"), 1);

    const Result r = o.check(two, QStringLiteral("HCLD_2"), 2024);
    CHECK(find(r.conditions, QStringLiteral("sau-hcld-3"))->state == Verdict::Eligible);
    CHECK(r.verdict == Verdict::NeedsReview); // observing Party and State policy: the clerk confirms
    CHECK(r.progress == QStringLiteral("5/5 years after Huân chương Lao động hạng Ba 2019"));
    CHECK(o.check(two, QStringLiteral("HCLD_2"), 2024, Test::confirmAll(r)).verdict == Verdict::Eligible);
    // Points a–e and the workers' clause are items for the clerk, not "not met".
    for (const char *id : {"diem-a", "diem-b", "diem-c", "diem-d", "diem-e"})
        CHECK(find(r.conditions, QString::fromLatin1(id))->state == Verdict::NeedsReview);
    CHECK(find(r.conditions, QStringLiteral("cong-nhan-nong-dan"))->notApplicable); // a civil servant

    const Result short1 = o.check(one, QStringLiteral("HCLD_2"), 2024);
    const ConditionResult *dd = find(short1.conditions, QStringLiteral("sau-hcld-3"));
    CHECK(dd->state == Verdict::NotEligible);
    CHECK(find(short1.conditions, QStringLiteral("htxs-2-nam"))->explanation.contains(QStringLiteral("needs 2")));
    CHECK(short1.progress == QStringLiteral("1/2 years")); // the part of (đ) that is missing
}

TEST_CASE("bkTtg_countsABangKhenOfAMinistry_asArt73_1b_does", "[eligibility][reasons]")
{
    Test::TestDatabase t;
    t.open();
    Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Bằng Khen Bộ")));
    o.award(p, QStringLiteral("BK_BO"), 2019);
    o.rate(p, 2020, 2024, QStringLiteral("HTTNV"));
    for (int y : {2021, 2022, 2024})
        o.award(p, QStringLiteral("CSTDCS"), y);
    for (const int year : {2024, 2025}) { // Decree 98/2023 and Decree 152/2025 sets
        o.rate(p, year, year, QStringLiteral("HTTNV"));
        const Result r = o.check(p, QStringLiteral("BK_TTG"), year);
        const ConditionResult *after = find(r.conditions, QStringLiteral("sau-bk-tinh"));
        CHECK(after->state == Verdict::Eligible);
        CHECK(after->evidence.first().startsWith(QStringLiteral("Bằng khen cấp bộ, ban, ngành, đoàn thể trung ương 2019")));
    }
}
