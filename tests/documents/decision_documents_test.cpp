// The quyết định khen thưởng and its attached list: header, authority, bases, the three
// articles, each awardee's bonus and the total in figures and words; drafts marked DỰ THẢO;
// an amending decision citing the one it amends; the PDF keeps the Vietnamese words.
#include "core/decisions/decisionrepository.h"
#include "core/documents/builders_p.h"
#include "core/documents/decisiondocuments.h"
#include "core/documents/documentkinds.h"
#include "core/documents/letterhead.h"
#include "core/documents/renderer.h"
#include "core/proposals/paydata.h"
#include "core/registry/movementrepository.h"
#include "decisioncase.h"
#include "pdftools.h"
#include "tests/core/workflow_council_support.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace VinhDanh;
using namespace VinhDanh::Documents;
namespace Wf = Core::Workflow;

namespace {
using Test::DecisionCase;
using Test::kBangKhen;
using Test::kCollective;
using Test::kTotal;
using Test::kTotalInWords;

QString joined(const QStringList &list)
{
    return list.join(QLatin1Char('\n'));
}

QStringList shownRows(const Table &table)
{
    QStringList shown;
    for (const TableRow &r : table.rows)
        shown << (r.heading
                      ? QString(QStringLiteral("# ") + r.cells.value(0))
                      : QString(r.cells.value(0) + QLatin1Char(' ') + r.cells.value(1) + QStringLiteral(" | ") + r.cells.value(3)));
    return shown;
}
} // namespace

TEST_CASE("decision_hasEveryBlock_theAuthority_theBases_andTheThreeArticlesWithTheTotalInWords", "[documents][decision]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        DecisionCase c(t.db());
        const Wf::Decision d = c.issue();
        REQUIRE(d.total == kTotal); // the repository priced it with the rates set above
        const Document doc = DecisionDocuments::decision(t.db(), d.id);
        CHECK(doc.kind == QStringLiteral("quyet-dinh"));
        CHECK(doc.body == QStringLiteral("ỦY BAN NHÂN DÂN TỈNH THANH HÓA"));
        REQUIRE(doc.parts.size() == 2);
        const Part &p = doc.parts.first();
        CHECK(p.letterhead);
        CHECK(p.number == QStringLiteral("Số: ") + d.number);
        CHECK(d.number.startsWith(QStringLiteral("17/")));
        CHECK(p.placeDate == QStringLiteral("Thanh Hóa, ngày 15 tháng 01 năm 2026"));
        CHECK(p.typeName == QStringLiteral("QUYẾT ĐỊNH"));
        CHECK(p.subject == QStringLiteral("Về việc tặng Bằng khen và công nhận danh hiệu thi đua năm 2025"));
        CHECK(p.authorityLine == QStringLiteral("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA"));
        CHECK(p.decidesLine == QStringLiteral("QUYẾT ĐỊNH:"));

        REQUIRE(p.legalBases.size() >= 3);
        CHECK(p.legalBases.first().startsWith(QStringLiteral("Căn cứ Luật Thi đua, khen thưởng")));
        CHECK(p.legalBases.contains(QStringLiteral("Căn cứ Biên bản họp Hội đồng Thi đua – Khen thưởng ngày 10 tháng 12 năm 2025;")));
        // The proposing unit's head, as the real decision 2871/QĐ-UBND writes it; the council's
        // minutes are a basis of their own above.
        CHECK(p.legalBases.last() == QStringLiteral("Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ."));
        for (const QString &b : p.legalBases)
            CHECK_FALSE(b.contains(QStringLiteral("hiệu lực"))); // acts cited without effect notes
        for (int i = 0; i + 1 < p.legalBases.size(); ++i)
            CHECK(p.legalBases.at(i).endsWith(QLatin1Char(';')));

        const QString body = joined(p.paragraphs);
        CHECK(body.contains(QStringLiteral("Điều 1.")));
        CHECK(body.contains(QStringLiteral("Khen thưởng 01 tập thể và 02 cá nhân (có danh sách kèm theo)")));
        CHECK(body.contains(QStringLiteral("- Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 02 cá nhân")));
        CHECK(body.contains(QStringLiteral("- Công nhận danh hiệu “Tập thể lao động xuất sắc”: 01 tập thể")));
        CHECK(body.contains(QStringLiteral("Điều 2.")));
        CHECK(body.contains(QStringLiteral("Các tập thể, cá nhân có tên tại Điều 1 được nhận tiền thưởng")));
        CHECK(body.contains(QStringLiteral("mức lương cơ sở 2.500.000 đồng")));
        CHECK(body.contains(QStringLiteral("tổng số tiền thưởng: 8.750.000 đồng (bằng chữ: ") + kTotalInWords + QLatin1Char(')')));
        CHECK(body.contains(QStringLiteral("Điều 3.")));
        CHECK(body.contains(QStringLiteral("chịu trách nhiệm thi hành Quyết định này./.")));
        CHECK_FALSE(body.contains(QStringLiteral("DỰ THẢO")));

        CHECK(p.signature.authority == QStringLiteral("KT. CHỦ TỊCH"));
        CHECK(p.signature.title == QStringLiteral("PHÓ CHỦ TỊCH"));
        CHECK(p.signature.name == QStringLiteral("Nguyễn Văn Tỉnh"));
        CHECK(p.recipients == QStringList{QStringLiteral("Như Điều 3;"), QStringLiteral("Sở Nội vụ;"), QStringLiteral("Lưu: VT.")});
    });
}

TEST_CASE("decision_listsAwardeesWithBonusesAndTheTotalInWords_collectivesFirst", "[documents][decision]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        DecisionCase c(t.db());
        const Wf::Decision d = c.issue();
        const Document doc = DecisionDocuments::decision(t.db(), d.id);
        REQUIRE(doc.parts.size() == 2);
        const Part &list = doc.parts.at(1);
        CHECK(list.typeName == QStringLiteral("DANH SÁCH"));
        CHECK(list.number.isEmpty());
        // As the real attached list: no national header, an italic caption naming who decided
        // (the Chairman, for whom a deputy signed KT.), the date in words.
        CHECK_FALSE(list.letterhead);
        CHECK(list.caption
              == QStringLiteral("(Kèm theo Quyết định số %1 ngày 15 tháng 01 năm 2026\ncủa Chủ tịch %2)").arg(d.number, d.issuer));
        REQUIRE(list.tables.size() == 1);
        const Table &table = list.tables.first();
        CHECK(table.rightAligned.contains(3));
        // The form is the group heading only: no column repeats it on every row.
        CHECK_FALSE(table.headers.contains(QStringLiteral("Hình thức khen thưởng")));
        // The council passed An, the unit, Bình in that order; the list puts the collective first.
        CHECK(shownRows(table)
              == QStringList{QStringLiteral("# I. TẬP THỂ"), QStringLiteral("# 1. Tập thể lao động xuất sắc"),
                             QStringLiteral("1 Sở Khoa học và Công nghệ | 3.750.000"), QStringLiteral("# II. CÁ NHÂN"),
                             QStringLiteral("# 1. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
                             QStringLiteral("2 Nguyễn Văn An | 2.500.000"), QStringLiteral("3 Trần Thị Bình | 2.500.000")});
        CHECK(table.rows.at(5).cells.value(2).contains(QStringLiteral("Sở Khoa học và Công nghệ"))); // position and unit
        CHECK(table.totalRow.value(1) == QStringLiteral("Tổng cộng"));
        CHECK(table.totalRow.value(3) == QStringLiteral("8.750.000"));
        CHECK(table.totalRow.value(2) == QStringLiteral("01 tập thể và 02 cá nhân"));
        CHECK(joined(list.closing).contains(QStringLiteral("Tổng số tiền thưởng: 8.750.000 đồng (bằng chữ: ") + kTotalInWords));
    });
}

TEST_CASE("draftDecision_isMarkedDuThao_inBothParts_andPricedWithoutWritingAnything", "[documents][decision]")
{
    Test::TestDatabase t;
    DecisionCase c(t.open());
    const Document doc = DecisionDocuments::decision(t.db(), c.draft.id);
    REQUIRE(doc.parts.size() == 2);
    CHECK(doc.parts[0].subject.contains(QStringLiteral("DỰ THẢO")));
    CHECK(doc.parts[1].subject.contains(QStringLiteral("DỰ THẢO")));
    CHECK(doc.title.startsWith(QStringLiteral("Dự thảo")));
    // The draft shows what issuing would price, but the stored decision is untouched.
    CHECK(doc.parts[1].tables.first().totalRow.value(3) == QStringLiteral("8.750.000"));
    CHECK(Wf::DecisionRepository(t.db()).decision(c.draft.id).total == 0);
    // Once issued the mark is gone.
    c.issue();
    const Document issued = DecisionDocuments::decision(t.db(), c.draft.id);
    CHECK_FALSE(issued.parts[0].subject.contains(QStringLiteral("DỰ THẢO")));
    CHECK_FALSE(issued.parts[1].subject.contains(QStringLiteral("DỰ THẢO")));
}

TEST_CASE("amendingDecision_citesTheDecisionItAmends", "[documents][decision]")
{
    Test::TestDatabase t;
    DecisionCase c(t.open());
    const Wf::Decision first = c.issue();
    Wf::DecisionRepository decisions(t.db());
    Wf::Decision amending;
    amending.registerNo = 18;
    amending.date = QDate(2026, 2, 2);
    amending.signer = QStringLiteral("Nguyễn Văn Tỉnh");
    amending.signerTitle = QStringLiteral("Chủ tịch");
    amending.amendsId = first.id;
    decisions.save(amending);
    Wf::Awardee extra;
    extra.personId = c.office.person(QStringLiteral("Phạm Văn Em"));
    extra.formCode = QStringLiteral("BK_TINH");
    decisions.addAwardee(amending.id, extra);

    const Part p = DecisionDocuments::decision(t.db(), amending.id).parts.first();
    const QString reference = QStringLiteral("Quyết định số %1 ngày 15/01/2026 của %2").arg(first.number, first.issuer);
    CHECK(p.subject.startsWith(QStringLiteral("Về việc sửa đổi, bổ sung ") + reference));
    // No council and no dossier behind the added awardee: the amended decision is the last basis.
    CHECK(p.legalBases.last()
          == QStringLiteral("Căn cứ ") + reference
                 + QStringLiteral(" về việc tặng Bằng khen và công nhận danh hiệu thi đua năm 2025."));
    CHECK(joined(p.paragraphs).contains(QStringLiteral("Các nội dung khác của ") + reference));
    // Without KT./TM. the head signs in their own name.
    CHECK(p.signature.authority.isEmpty());
    CHECK(p.signature.title == QStringLiteral("CHỦ TỊCH"));
    CHECK(joined(p.paragraphs).contains(QStringLiteral("Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 cá nhân")));
    // Only individuals: the articles do not speak of collectives.
    CHECK(joined(p.paragraphs).contains(QStringLiteral("Các cá nhân có tên tại Điều 1 được nhận tiền thưởng")));
    CHECK_FALSE(joined(p.paragraphs).contains(QStringLiteral("tập thể")));
}

TEST_CASE("decisionPdf_givesBackTheTotalInVietnameseWords", "[documents][decision][pdf]")
{
    Test::TestDatabase t;
    DecisionCase c(t.open());
    const Wf::Decision d = c.issue();
    const QString key = d.key;
    const Document doc = build(t.db(), QStringLiteral("quyet-dinh"), key);
    const QString path = t.dir() + QStringLiteral("/quyet-dinh.pdf");
    Renderer::save(doc, path);
    REQUIRE(Test::Pdf::pages(path) >= 2); // the list starts on a page of its own
    const QString text = Test::Pdf::text(path).simplified();
    CHECK(text.contains(kTotalInWords));
    CHECK(text.contains(QStringLiteral("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA")));
    CHECK(text.contains(QStringLiteral("Trần Thị Bình")));
    CHECK(text.contains(QStringLiteral("8.750.000")));
}

TEST_CASE("decisionBases_officesOwnAroundTheActs_aPlanOnlyWithNumberAndDate", "[documents][decision]")
{
    Test::TestDatabase t;
    DecisionCase c(t.open());
    // The office's own bases, typed the way clerks do (with "Căn cứ" and a semicolon): stored bare.
    Letterhead l = Letterhead::load(t.db());
    l.basesBefore = {QStringLiteral("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;")};
    l.basesAfter = {QStringLiteral("Quyết định số 35/2025/QĐ-UBND ngày 11/11/2025 ban hành Quy chế Thi đua, Khen thưởng tỉnh")};
    l.save(t.db());
    CHECK(Letterhead::load(t.db()).basesBefore
          == QStringList{QStringLiteral("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025")});
    const Wf::Decision d = c.issue();
    const QStringList bases = DecisionDocuments::decision(t.db(), d.id).parts.first().legalBases;
    INFO(joined(bases).toStdString());
    REQUIRE(bases.size() >= 4);
    CHECK(bases.first() == QStringLiteral("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"));
    CHECK(bases.at(1).startsWith(QStringLiteral("Căn cứ Luật Thi đua, khen thưởng")));
    const int quyChe = int(
        bases.indexOf(QStringLiteral("Căn cứ Quyết định số 35/2025/QĐ-UBND ngày 11/11/2025 ban hành Quy chế Thi đua, "
                                     "Khen thưởng tỉnh;")));
    const int nghiDinh = int(
        std::find_if(bases.begin(), bases.end(), [](const QString &b) { return b.startsWith(QStringLiteral("Căn cứ Nghị định")); })
        - bases.begin());
    CHECK(quyChe > nghiDinh); // after the award rules' acts
    CHECK(nghiDinh < bases.size());

    // A movement's plan: cited with its number and date, never without them.
    Core::MovementRepository movements(t.db());
    Core::Movement m;
    m.key = QStringLiteral("pt-test");
    m.name = QStringLiteral("Thi đua đổi mới sáng tạo");
    m.periodFrom = 2025;
    m.periodTo = 2030;
    movements.save(m);
    CHECK_FALSE(Build::legalBases(t.db(), Letterhead::load(t.db()), QDate(2026, 1, 15), m.id)
                    .join(QString())
                    .contains(QStringLiteral("Kế hoạch")));
    m.planNumber = QStringLiteral("45/KH-UBND");
    m.planDate = QDate(2025, 3, 2);
    m.issuer = QStringLiteral("Ủy ban nhân dân tỉnh");
    movements.save(m);
    CHECK(Build::legalBases(t.db(), Letterhead::load(t.db()), QDate(2026, 1, 15), m.id)
              .contains(QStringLiteral("Căn cứ Kế hoạch số 45/KH-UBND ngày 02 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh về phong trào "
                                       "thi đua “Thi đua đổi mới sáng tạo”.")));
}

TEST_CASE("proposalLine_namesTheHeadOfTheProposingBody", "[documents][decision]")
{
    CHECK(Build::headOf(QStringLiteral("Sở Tư pháp")) == QStringLiteral("Giám đốc Sở Tư pháp"));
    CHECK(Build::headOf(QStringLiteral("UBND xã Đại Mỗ")) == QStringLiteral("Chủ tịch UBND xã Đại Mỗ"));
    CHECK(Build::headOf(QStringLiteral("Văn phòng UBND tỉnh")) == QStringLiteral("Chánh Văn phòng UBND tỉnh"));
    CHECK(Build::headOf(QStringLiteral("Hội Nông dân tỉnh")) == QStringLiteral("Chủ tịch Hội Nông dân tỉnh"));
    CHECK(Build::headOf(QStringLiteral("Phòng Tổ chức cán bộ")) == QStringLiteral("Trưởng Phòng Tổ chức cán bộ"));
    CHECK(Build::headOf(QStringLiteral("Quỹ Bảo trợ trẻ em")) == QStringLiteral("Thủ trưởng Quỹ Bảo trợ trẻ em"));
}

TEST_CASE("decisionPdf_committeeOnTwoWholeLines_numberAndDateOnOneBaseline_listWithoutNationalHeader", "[documents][decision][pdf]")
{
    // Block positions as the real decision 2871/QĐ-UBND sets them (pdftotext -bbox, in mm).
    Test::TestDatabase t;
    DecisionCase c(t.open()); // letterhead "ỦY BAN NHÂN DÂN TỈNH THANH HÓA", typed on one line
    const Wf::Decision d = c.issue();
    const QString path = t.dir() + QStringLiteral("/quyet-dinh.pdf");
    Renderer::save(build(t.db(), QStringLiteral("quyet-dinh"), d.key), path);
    const Test::Pdf::Word committee = Test::Pdf::word(path, QStringLiteral("DÂN"), 1);
    const Test::Pdf::Word province = Test::Pdf::word(path, QStringLiteral("TỈNH"), 1);
    const Test::Pdf::Word thanhHoa = Test::Pdf::word(path, QStringLiteral("HÓA"), 1);
    REQUIRE(committee.page == 1);
    REQUIRE(province.page == 1);
    CHECK(province.top > committee.bottom - 0.5);       // "TỈNH THANH HÓA" below "ỦY BAN NHÂN DÂN"…
    CHECK(std::abs(thanhHoa.top - province.top) < 0.5); // …and whole on its line
    const Test::Pdf::Word number = Test::Pdf::word(path, QStringLiteral("Số:"), 1);
    const Test::Pdf::Word date = Test::Pdf::word(path, QStringLiteral("ngày"), 1);
    REQUIRE(number.page == 1);
    REQUIRE(date.page == 1);
    CHECK(std::abs(number.bottom - date.bottom) < 0.6); // one baseline
    CHECK(number.right < 105);                          // left column
    CHECK(date.left > 100);                             // right column
    // The attached list: no national header of its own, the caption in words.
    const QString list = Test::Pdf::text(path, 2).simplified();
    CHECK(list.contains(QStringLiteral("DANH SÁCH")));
    CHECK_FALSE(list.contains(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
    CHECK(list.contains(QStringLiteral("(Kèm theo Quyết định số %1 ngày 15 tháng 01 năm 2026 của Chủ tịch").arg(d.number)));
}

TEST_CASE("letterheadLines_keepTheClerksLines_andBreakALongNameOnlyBetweenWords", "[documents][letterhead]")
{
    CHECK(Letterhead::lines(QStringLiteral("ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH"))
          == QStringList{QStringLiteral("ỦY BAN NHÂN DÂN"), QStringLiteral("TỈNH QUẢNG BÌNH")});
    CHECK(Letterhead::lines(QStringLiteral("UBND TỈNH THANH HÓA\n  SỞ NỘI VỤ \n"))
          == QStringList{QStringLiteral("UBND TỈNH THANH HÓA"), QStringLiteral("SỞ NỘI VỤ")});
    CHECK(Letterhead::oneLine(QStringLiteral("ỦY BAN NHÂN DÂN\nTỈNH BẮC ĐỊNH")) == QStringLiteral("ỦY BAN NHÂN DÂN TỈNH BẮC ĐỊNH"));
    const QString name = QStringLiteral("CÔNG TY CỔ PHẦN VIỄN THÔNG VÀ CÔNG NGHỆ SỐ TÂN THỦY");
    const QStringList lines = Renderer::letterheadLines(name, true, false);
    CHECK(lines.size() >= 2);
    CHECK(lines.join(QLatin1Char(' ')) == name); // every word kept, in order
    CHECK(Renderer::letterheadLines(QStringLiteral("SỞ NỘI VỤ"), true, false) == QStringList{QStringLiteral("SỞ NỘI VỤ")});
}

TEST_CASE("peoplesCommitteeDecision_underASosLetterhead_isRefusedWithTheWayToFixIt", "[documents][decision]")
{
    Test::TestDatabase t;
    DecisionCase c(t.open());
    const Wf::Decision d = c.issue(); // issued by "UBND tỉnh"
    Letterhead l = Letterhead::load(t.db());
    l.body = QStringLiteral("SỞ NỘI VỤ");
    l.save(t.db());
    const QString message = Test::errorOf([&] { DecisionDocuments::decision(t.db(), d.id); });
    CHECK(message.contains(QStringLiteral("SỞ NỘI VỤ")));
    CHECK(message.contains(QStringLiteral("letterhead")));
    l.body = QStringLiteral("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA"); // the same body on two lines agrees
    l.save(t.db());
    CHECK(Test::errorOf([&] { DecisionDocuments::decision(t.db(), d.id); }).isEmpty());
}

TEST_CASE("listsGroupHigherFormsFirst_aBangKhenBeforeAGiayKhen", "[documents][decision]")
{
    Test::TestDatabase t;
    const QStringList order = Build::formOrder(t.open());
    auto at = [&order](const char *code) { return order.indexOf(QLatin1String(code)); };
    REQUIRE(at("GIAYKHEN") >= 0);
    CHECK(at("HCLD_1") == 0);
    CHECK(at("BK_TTG") < at("BK_TINH"));
    CHECK(at("BK_TINH") < at("GIAYKHEN"));
    CHECK(at("GIAYKHEN") < at("LDTT"));
}
