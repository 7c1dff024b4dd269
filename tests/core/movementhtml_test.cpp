#include "core/catalogue/movementhtml.h"
#include "core/domain/codes.h"
#include "core/registry/movementrepository.h"
#include "core/registry/recordrepository.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;

namespace {

QMap<QString, QString> awardNames(Core::Database &db)
{
    QMap<QString, QString> names;
    for (const Core::AwardForm &f : Core::RecordRepository(db).awardForms())
        names.insert(f.code, f.name);
    return names;
}

Core::Movement sample()
{
    Core::Movement m;
    m.name = QStringLiteral("Chuyển đổi số");
    m.issuer = QStringLiteral("Ủy ban nhân dân phường");
    m.periodFrom = 2025;
    m.periodTo = 2030;
    m.phases.append(
        {1, QStringLiteral("Giai đoạn 1"), 2025, 2027, QStringLiteral("so_ket"), 2027, QStringLiteral("Sơ kết giai đoạn")});
    m.phases.append({2, QStringLiteral("Giai đoạn 2"), 2028, 2030, QStringLiteral("tong_ket"), 2030, {}});
    m.contents.append({QStringLiteral("2.1"), QStringLiteral("Thi đua nâng cao nhận thức")});
    m.contents.append({{}, QStringLiteral("Nội dung không số")});
    m.categories.append(
        {QStringLiteral("dn"), QStringLiteral("collective"), QStringLiteral("Doanh nghiệp"), {QStringLiteral("enterprise")}, {}});
    m.categories.append(
        {QStringLiteral("cn"), QStringLiteral("individual"), QStringLiteral("Cá nhân"), {}, {QStringLiteral("cong_chuc")}});
    m.awards.append({QStringLiteral("tong_ket"),
                     {QStringLiteral("BK_TINH")},
                     QStringLiteral("Bằng khen của Chủ tịch UBND thành phố"),
                     QStringLiteral("both"),
                     {}});
    m.awards.append({QStringLiteral("annual"), {QStringLiteral("NO_SUCH")}, {}, QStringLiteral("collective"), {}});
    m.standards.append(
        {{QStringLiteral("BK_TINH")}, QStringLiteral("tong_ket"), QStringLiteral("dn"), {}, {QStringLiteral("Đổi mới công nghệ")}});
    m.notes << QStringLiteral("Báo cáo trước 15/12");
    return m;
}

} // namespace

TEST_CASE("movementHtml_showsSeed001FourStandardsHeadingsForBangKhen_inPlanOrder", "[movements]")
{
    Test::TestDatabase t;
    Core::MovementRepository repo(t.db());
    const std::optional<Core::Movement> m = repo.get(repo.idForKey(QStringLiteral("catalogue-001")));
    REQUIRE(m);
    const QString html = Core::MovementHtml::render(*m, awardNames(t.db()));

    const QList<Core::MovementStandard> bangKhen = m->standardsFor(QStringLiteral("BK_TINH"));
    REQUIRE(bangKhen.size() == 4);
    CHECK(html.contains(QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh").toHtmlEscaped()));
    int last = -1;
    for (const Core::MovementStandard &s : bangKhen) {
        const int at = html.indexOf(s.heading.toHtmlEscaped());
        INFO(s.heading.toStdString());
        CHECK(at > last); // shown, and in the plan's order
        last = at;
        for (const QString &item : s.items)
            CHECK(html.contains(item.toHtmlEscaped()));
    }
    CHECK(html.contains(QStringLiteral("a) Đối với các cơ quan, tổ chức, đơn vị")));
    CHECK(html.contains(QStringLiteral("Đối với doanh nghiệp")));
    // The plan leaves its number and date blank.
    CHECK(html.contains(QStringLiteral("not numbered")));
    CHECK(html.contains(QStringLiteral("not dated")));
}

TEST_CASE("movementHtml_escapesData", "[movements]")
{
    Core::Movement m = sample();
    m.name = QStringLiteral("<b>A & B</b>");
    m.notes << QStringLiteral("<script>x</script>");
    const QString html = Core::MovementHtml::render(m, {});
    CHECK(html.contains(QStringLiteral("&lt;b&gt;A &amp; B&lt;/b&gt;")));
    CHECK_FALSE(html.contains(QStringLiteral("<b>A & B</b>")));
    CHECK_FALSE(html.contains(QStringLiteral("<script>")));
}

TEST_CASE("movementHtml_showsNumberAndDate_ddMMyyyy_orSaysTheyAreBlank", "[movements]")
{
    Core::Movement m = sample();
    QString html = Core::MovementHtml::render(m, {});
    CHECK(html.contains(QStringLiteral("not numbered")));
    CHECK(html.contains(QStringLiteral("not dated")));
    m.planNumber = QStringLiteral("150/KH-UBND");
    m.planDate = QDate(2026, 5, 4);
    html = Core::MovementHtml::render(m, {});
    CHECK(html.contains(QStringLiteral("150/KH-UBND")));
    CHECK(html.contains(QStringLiteral("04/05/2026")));
    CHECK_FALSE(html.contains(QStringLiteral("not numbered")));
    CHECK_FALSE(html.contains(QStringLiteral("not dated")));
}

TEST_CASE("movementHtml_showsPhasesReviews_contents_categories_awardsPerOccasion", "[movements]")
{
    const Core::Movement m = sample();
    const QMap<QString, QString> names{{QStringLiteral("BK_TINH"), QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")}};
    const QString html = Core::MovementHtml::render(m, names);
    const QString soKet = Core::Codes::label(Core::Codes::Set::Occasion, QStringLiteral("so_ket")).toHtmlEscaped();
    const QString tongKet = Core::Codes::label(Core::Codes::Set::Occasion, QStringLiteral("tong_ket")).toHtmlEscaped();
    CHECK(html.contains(QStringLiteral("%1 in 2027").arg(soKet)));
    CHECK(html.contains(QStringLiteral("%1 in 2030").arg(tongKet)));
    CHECK(html.contains(QStringLiteral("2025–2030")));
    CHECK(html.contains(QStringLiteral("<b>2.1.</b> Thi đua nâng cao nhận thức")));
    CHECK(html.contains(QStringLiteral("<b>2.</b> Nội dung không số"))); // numbered by position
    CHECK(html.contains(QStringLiteral("Collectives")));
    CHECK(html.contains(Core::Codes::label(Core::Codes::Set::UnitKind, QStringLiteral("enterprise")).toHtmlEscaped()));
    CHECK(html.contains(Core::Codes::label(Core::Codes::Set::PersonCategory, QStringLiteral("cong_chuc")).toHtmlEscaped()));
    // The plan's own award name, with what the registry records it as.
    CHECK(html.contains(QStringLiteral("Bằng khen của Chủ tịch UBND thành phố")));
    CHECK(html.contains(QStringLiteral("Recorded as: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")));
    // Annual awards come before final-review ones, whatever the list order.
    CHECK(html.indexOf(QStringLiteral("NO_SUCH")) < html.indexOf(QStringLiteral("Bằng khen của Chủ tịch UBND thành phố")));
    // A standard without a heading is titled by its category's name.
    CHECK(html.contains(QStringLiteral("<p><b>Doanh nghiệp</b></p>")));
    CHECK(html.contains(QStringLiteral("Báo cáo trước 15/12")));
}
