// The quyết định khen thưởng and its attached list: header, authority, bases, the three
// articles, each awardee's bonus and the total in figures and words; drafts marked DỰ THẢO;
// an amending decision citing the one it amends; the PDF keeps the Vietnamese words.
#include "core/documents/decisiondocuments.h"
#include "core/documents/documentkinds.h"
#include "core/documents/letterhead.h"
#include "core/documents/renderer.h"
#include "core/workflow/decisionrepository.h"
#include "core/workflow/paydata.h"
#include "decisioncase.h"
#include "pdftools.h"
#include "tests/core/workflow_council_support.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Documents;
namespace Wf = Core::Workflow;

namespace {
using Test::DecisionCase;
using Test::kTotal;
using Test::kTotalInWords;
using Test::kBangKhen;
using Test::kCollective;

QString joined(const QStringList &list)
{
    return list.join(QLatin1Char('\n'));
}

QStringList shownRows(const Table &table)
{
    QStringList shown;
    for (const TableRow &r : table.rows)
        shown << (r.heading ? QString(QStringLiteral("# ") + r.cells.value(0))
                            : QString(r.cells.value(0) + QLatin1Char(' ') + r.cells.value(1) + QStringLiteral(" | ") + r.cells.value(4)));
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
        CHECK(p.legalBases.last() == QStringLiteral("Xét đề nghị của Sở Khoa học và Công nghệ; Hội đồng Thi đua – Khen thưởng."));
        for (int i = 0; i + 1 < p.legalBases.size(); ++i)
            CHECK(p.legalBases.at(i).endsWith(QLatin1Char(';')));

        const QString body = joined(p.paragraphs);
        CHECK(body.contains(QStringLiteral("Điều 1.")));
        CHECK(body.contains(QStringLiteral("Khen thưởng 1 tập thể và 2 cá nhân (có danh sách kèm theo)")));
        CHECK(body.contains(QStringLiteral("- Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: 2 cá nhân")));
        CHECK(body.contains(QStringLiteral("- Công nhận danh hiệu “Tập thể lao động xuất sắc”: 1 tập thể")));
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
        CHECK(list.subject.contains(QStringLiteral("(Kèm theo Quyết định số %1 ngày 15/01/2026 của %2)").arg(d.number, d.issuer)));
        REQUIRE(list.tables.size() == 1);
        const Table &table = list.tables.first();
        CHECK(table.rightAligned.contains(4));
        // The council passed An, the unit, Bình in that order; the list puts the collective first.
        CHECK(shownRows(table) == QStringList{QStringLiteral("# I. TẬP THỂ"), QStringLiteral("# 1. Tập thể lao động xuất sắc"),
                                              QStringLiteral("1 Sở Khoa học và Công nghệ | 3.750.000"),
                                              QStringLiteral("# II. CÁ NHÂN"),
                                              QStringLiteral("# 1. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
                                              QStringLiteral("2 Nguyễn Văn An | 2.500.000"),
                                              QStringLiteral("3 Trần Thị Bình | 2.500.000")});
        CHECK(table.rows.at(5).cells.value(2).contains(QStringLiteral("Sở Khoa học và Công nghệ"))); // position and unit
        CHECK(table.rows.at(5).cells.value(3) == QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"));
        CHECK(table.totalRow.value(1) == QStringLiteral("Tổng cộng"));
        CHECK(table.totalRow.value(4) == QStringLiteral("8.750.000"));
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
    CHECK(doc.parts[1].tables.first().totalRow.value(4) == QStringLiteral("8.750.000"));
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
    CHECK(p.legalBases.last() == QStringLiteral("Căn cứ ") + reference
                                     + QStringLiteral(" về việc tặng Bằng khen và công nhận danh hiệu thi đua năm 2025."));
    CHECK(joined(p.paragraphs).contains(QStringLiteral("Các nội dung khác của ") + reference));
    // Without KT./TM. the head signs in their own name.
    CHECK(p.signature.authority.isEmpty());
    CHECK(p.signature.title == QStringLiteral("CHỦ TỊCH"));
    CHECK(joined(p.paragraphs).contains(QStringLiteral("Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 1 cá nhân")));
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
