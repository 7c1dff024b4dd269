// The tờ trình and the danh sách of a proposal dossier: every block there, the values right,
// collectives before individuals and grouped by award form.
#include "core/documents/documentkinds.h"
#include "core/documents/dossierdocuments.h"
#include "core/documents/letterhead.h"
#include "core/documents/renderer.h"
#include "core/registry/unitrepository.h"
#include "pdftools.h"
#include "tests/core/workflow_fixture.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Documents;
namespace Wf = Core::Workflow;

namespace {
struct DossierCase
{
    Test::WorkflowFixture f;
    qint64 dossier = 0;
    explicit DossierCase(Core::Database &db) : f(db)
    {
        Letterhead l = Letterhead::load(db);
        l.parentBody = QStringLiteral("UBND TỈNH THANH HÓA");
        l.place = QStringLiteral("Thanh Hóa");
        l.save(db);
        const qint64 school = f.newUnit(QStringLiteral("Trường THPT Lam Sơn"));
        const qint64 an = f.eligiblePerson(2025, QStringLiteral("Nguyễn Văn An"));
        const qint64 binh = f.eligiblePerson(2025, QStringLiteral("Lê Thị Bình"));
        Wf::Dossier d = f.newDossier(2025);
        d.letterNo = QStringLiteral("7/TTr-SNV");
        d.letterDate = QDate(2026, 1, 5);
        f.dossiers().save(d);
        dossier = d.id;
        f.addPerson(dossier, an, QStringLiteral("LDTT"));
        f.addUnit(dossier, school, QStringLiteral("TTLDTT"));
        f.addPerson(dossier, binh, QStringLiteral("LDTT"));
    }
};
} // namespace

TEST_CASE("proposalLetter_hasEveryBlock_theUnitsHeader_theCountsPerForm_andBasesEndingInAFullStop", "[documents][dossier]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        DossierCase c(t.db());
        const Document doc = DossierDocuments::proposalLetter(t.db(), c.dossier);
        CHECK(doc.kind == QStringLiteral("to-trinh"));
        CHECK(doc.body == QStringLiteral("SỞ NỘI VỤ")); // the proposing unit, in capitals
        CHECK(doc.parentBody == QStringLiteral("UBND TỈNH THANH HÓA"));
        REQUIRE(doc.parts.size() == 1);
        const Part &p = doc.parts.first();
        CHECK(p.number == QStringLiteral("Số: 07/TTr-SNV"));
        CHECK(p.placeDate == QStringLiteral("Thanh Hóa, ngày 05 tháng 01 năm 2026"));
        CHECK(p.typeName == QStringLiteral("TỜ TRÌNH"));
        CHECK(p.subject.startsWith(QStringLiteral("Về việc đề nghị khen thưởng năm 2025")));
        REQUIRE_FALSE(p.legalBases.isEmpty());
        CHECK(p.legalBases.first().startsWith(QStringLiteral("Căn cứ Luật Thi đua, khen thưởng")));
        CHECK(p.legalBases.last().endsWith(QLatin1Char('.')));
        for (int i = 0; i + 1 < p.legalBases.size(); ++i)
            CHECK(p.legalBases.at(i).endsWith(QLatin1Char(';')));
        const QString body = p.paragraphs.join(QLatin1Char('\n'));
        // Counts as a decision writes them: two digits, a group without anyone left out.
        CHECK(body.contains(QStringLiteral("cho 01 tập thể và 02 cá nhân, cụ thể:")));
        CHECK(body.contains(QStringLiteral("Lao động tiên tiến: 02 cá nhân;")));
        CHECK(body.contains(QStringLiteral("Tập thể lao động tiên tiến: 01 tập thể;")));
        CHECK_FALSE(body.contains(QStringLiteral("00 ")));
        CHECK_FALSE(p.signature.isEmpty());
        CHECK(p.recipients.contains(QStringLiteral("Lưu: VT.")));
    });
}

TEST_CASE("nomineeList_isLandscape_collectivesFirst_groupedByForm_numberedInOrder", "[documents][dossier]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        DossierCase c(t.db());
        const Document doc = DossierDocuments::nomineeList(t.db(), c.dossier);
        CHECK(doc.landscape);
        const Part &p = doc.parts.first();
        CHECK(p.subject.contains(QStringLiteral("Kèm theo Tờ trình số 7/TTr-SNV ngày 05/01/2026")));
        REQUIRE(p.tables.size() == 1);
        const Table &table = p.tables.first();
        QStringList shown;
        for (const TableRow &r : table.rows)
            shown << (r.heading ? QString(QStringLiteral("# ") + r.cells.value(0))
                                : QString(r.cells.value(0) + QLatin1Char(' ') + r.cells.value(1)));
        CHECK(shown
              == QStringList{QStringLiteral("# I. TẬP THỂ"), QStringLiteral("# 1. Tập thể lao động tiên tiến"),
                             QStringLiteral("1 Trường THPT Lam Sơn"), QStringLiteral("# II. CÁ NHÂN"),
                             QStringLiteral("# 1. Lao động tiên tiến"), QStringLiteral("2 Nguyễn Văn An"),
                             QStringLiteral("3 Lê Thị Bình")});
        CHECK(table.rows.at(5).cells.value(4) == QStringLiteral("Hoàn thành tốt nhiệm vụ được giao"));
    });
}

TEST_CASE("buildByKey_findsTheDossier_andRefusesAnUnknownKindOrKey", "[documents][dossier]")
{
    Test::TestDatabase t;
    DossierCase c(t.open());
    const QString key = Wf::DossierRepository(t.db()).dossier(c.dossier).key;
    CHECK(build(t.db(), QStringLiteral("danh-sach"), key).parts.first().tables.first().rows.size() == 7);
    CHECK(Test::errorOf([&] { build(t.db(), QStringLiteral("thu-moi"), key); }).contains(QStringLiteral("to-trinh")));
    CHECK(Test::errorOf([&] {
              build(t.db(), QStringLiteral("to-trinh"), QStringLiteral("HS-KHONG-CO"));
          }).contains(QStringLiteral("HS-KHONG-CO")));
}

TEST_CASE("proposalLetterPdf_parentAboveTheUnit_numberAndDateOnOneBaseline_titleAndAddresseeCentred", "[documents][dossier][pdf]")
{
    // Block positions as the real proposal 2753/TTr-STP sets them (pdftotext -bbox, in mm; the
    // text area of a portrait page runs from 30 to 195 mm, its centre at 112.5).
    Test::TestDatabase t;
    DossierCase c(t.open());
    const QString path = t.dir() + QStringLiteral("/to-trinh.pdf");
    Renderer::save(DossierDocuments::proposalLetter(t.db(), c.dossier), path);
    using Test::Pdf::word;
    const auto parent = word(path, QStringLiteral("UBND"), 1);
    const auto unit = word(path, QStringLiteral("SỞ"), 1);
    REQUIRE(parent.page == 1);
    REQUIRE(unit.page == 1);
    CHECK(unit.top > parent.bottom - 0.5); // "SỞ NỘI VỤ" on the line under "UBND TỈNH THANH HÓA"
    CHECK(unit.right < 105);               // both in the left column
    const auto number = word(path, QStringLiteral("Số:"), 1);
    const auto date = word(path, QStringLiteral("ngày"), 1);
    CHECK(std::abs(number.bottom - date.bottom) < 0.6);
    CHECK(number.right < 105);
    CHECK(date.left > 100);
    const auto to = word(path, QStringLiteral("TỜ"), 1);
    const auto trinh = word(path, QStringLiteral("TRÌNH"), 1);
    CHECK(std::abs((to.left + trinh.right) / 2 - 112.5) < 3);
    CHECK(to.top > number.bottom); // under the number line
    const auto kinh = word(path, QStringLiteral("Kính"), 1);
    REQUIRE(kinh.page == 1);
    CHECK(kinh.top > trinh.bottom);
    CHECK(kinh.left > 40); // centred, not at the margin
    const auto head = word(path, QStringLiteral("THỦ"));
    CHECK(head.left > 110); // the signer on the right, Nơi nhận on the left
    CHECK(word(path, QStringLiteral("Nơi")).right < 105);
}

TEST_CASE("nomineeListPdf_isLandscape_centresItsTitle_andItsTableFillsTheTextWidth", "[documents][dossier][pdf]")
{
    // A landscape page's text area runs from 30 to 282 mm, its centre at 156.
    Test::TestDatabase t;
    DossierCase c(t.open());
    const QString path = t.dir() + QStringLiteral("/danh-sach.pdf");
    Renderer::save(DossierDocuments::nomineeList(t.db(), c.dossier), path);
    using Test::Pdf::word;
    const auto title = word(path, QStringLiteral("DANH"), 1);
    const auto sach = word(path, QStringLiteral("SÁCH"), 1);
    REQUIRE(title.page == 1);
    CHECK(std::abs((title.left + sach.right) / 2 - 156) < 3);
    const auto tt = word(path, QStringLiteral("TT"), 1);
    CHECK(tt.left > 30);
    CHECK(tt.left < 40); // the first column starts at the margin
    const auto summary = word(path, QStringLiteral("Tóm"), 1);
    CHECK(summary.left > 200);                                  // the last column near the right margin
    CHECK(word(path, QStringLiteral("Lê"), 1).top > tt.bottom); // rows under the header
    const auto head = word(path, QStringLiteral("THỦ"));
    CHECK(head.left > 156); // the head signs on the right half
    CHECK(head.top > word(path, QStringLiteral("Bình"), head.page).bottom);
}
