// The tờ trình and the danh sách of a proposal dossier: every block there, the values right,
// collectives before individuals and grouped by award form.
#include "core/documents/documentkinds.h"
#include "core/documents/dossierdocuments.h"
#include "core/documents/letterhead.h"
#include "core/documents/renderer.h"
#include "core/repo/unitrepository.h"
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
            shown << (r.heading ? QString(QStringLiteral("# ") + r.cells.value(0)) : QString(r.cells.value(0) + QLatin1Char(' ') + r.cells.value(1)));
        CHECK(shown == QStringList{QStringLiteral("# I. TẬP THỂ"), QStringLiteral("# 1. Tập thể lao động tiên tiến"),
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
    CHECK(Test::errorOf([&] { build(t.db(), QStringLiteral("to-trinh"), QStringLiteral("HS-KHONG-CO")); })
              .contains(QStringLiteral("HS-KHONG-CO")));
}
