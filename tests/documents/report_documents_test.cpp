// Reports: a person's and a unit's báo cáo thành tích prefilled from the registry (ratings,
// titles and awards, initiatives, no CCCD), and the movement report whose counts by award form,
// category and proposing unit follow the ledger and the dossiers of the movement.
#include "core/db/query.h"
#include "core/decisions/decisionrepository.h"
#include "core/documents/documentkinds.h"
#include "core/documents/letterhead.h"
#include "core/documents/renderer.h"
#include "core/documents/reportdocuments.h"
#include "core/documents/vnformat.h"
#include "core/proposals/paydata.h"
#include "core/registry/movementrepository.h"
#include "tests/core/eligibility_support.h"
#include "tests/core/workflow_council_support.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Documents;
namespace Wf = Core::Workflow;

namespace {
QString joined(const QStringList &list)
{
    return list.join(QLatin1Char('\n'));
}

/// "cell | cell | …" per row ("# heading" for a heading row), and the total row last.
QStringList shown(const Table &t)
{
    QStringList out;
    for (const TableRow &r : t.rows)
        out << (r.heading ? QStringLiteral("# ") + r.cells.value(0) : r.cells.join(QStringLiteral(" | ")));
    if (!t.totalRow.isEmpty())
        out << t.totalRow.join(QStringLiteral(" | "));
    return out;
}

const Table *tableWith(const Part &p, const QString &intro)
{
    for (const Table &t : p.tables)
        if (joined(t.intro).contains(intro))
            return &t;
    return nullptr;
}

qint64 unitOf(Core::Database &db, const QString &name, const QString &kind, qint64 parent = 0)
{
    Core::Unit u;
    u.name = name;
    u.kind = kind;
    u.parentId = parent;
    return Core::UnitRepository(db).save(u);
}

/// Chị Bình of the Sở Nội vụ: born 14/03/1985 with a CCCD; rated 2021–2025; LĐTT 2023,
/// CSTĐCS 2024 (for which her initiative was used), a Giấy khen 2024, and a Bằng khen of 2026
/// (after the report's year); a second initiative not used yet.
struct PersonCase
{
    Test::Office office;
    qint64 person = 0, cstdcs = 0;
    explicit PersonCase(Core::Database &db) : office(db)
    {
        Letterhead l = Letterhead::load(db);
        l.place = QStringLiteral("Thanh Hóa");
        l.save(db);
        Core::Person p;
        p.fullName = QStringLiteral("Lê Thị Bình");
        p.gender = QStringLiteral("female");
        p.birthDate = QDate(1985, 3, 14);
        p.cccd = QStringLiteral("038185001234");
        p.unitId = office.unit;
        p.position = QStringLiteral("Chuyên viên chính");
        p.category = QStringLiteral("cong_chuc");
        person = Core::PersonRepository(db).save(p);
        const Core::Subject s = Core::Subject::person(person);
        office.rate(s, 2021, 2023, QStringLiteral("HTTNV"));
        office.rate(s, 2024, 2025, QStringLiteral("HTXSNV"));
        office.award(s, QStringLiteral("LDTT"), 2023);
        cstdcs = office.award(s, QStringLiteral("CSTDCS"), 2024);
        office.award(s, QStringLiteral("GIAYKHEN"), 2024);
        office.award(s, QStringLiteral("BK_TINH"), 2026);
        office.initiative(person, QStringLiteral("Số hóa hồ sơ thi đua"), QStringLiteral("co_so"), 2024, cstdcs);
        office.initiative(person, QStringLiteral("Chữ ký số văn bản"), QStringLiteral("co_so"), 2025);
        // Shared with a colleague, and already used for the colleague's CSTĐCS.
        const qint64 cao = office.person(QStringLiteral("Trần Văn Cao"));
        Core::Initiative shared;
        shared.title = QStringLiteral("Phần mềm chấm công");
        shared.level = QStringLiteral("tinh");
        shared.holderIds = {person, cao};
        shared.usedForAwardId = office.award(Core::Subject::person(cao), QStringLiteral("CSTDCS"), 2024);
        Core::RecordRepository(db).saveInitiative(shared);
    }
};
} // namespace

TEST_CASE("personReport_showsRatingsAwardsAndAUsedInitiative_birthYearOnly_andNoCccd", "[documents][report]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        PersonCase c(t.db());
        const Document doc = ReportDocuments::achievementReport(t.db(), Core::Subject::person(c.person), 0);
        CHECK(doc.kind == QStringLiteral("bao-cao-ca-nhan"));
        CHECK(doc.body == QStringLiteral("SỞ NỘI VỤ")); // the person's unit issues it
        REQUIRE(doc.parts.size() == 1);
        const Part &p = doc.parts.first();
        CHECK(p.number.isEmpty());
        CHECK(p.typeName == QStringLiteral("BÁO CÁO THÀNH TÍCH"));
        CHECK(p.subject == QStringLiteral("Đề nghị khen thưởng năm 2025")); // year 0: the latest rated
        CHECK(p.placeDate.startsWith(QStringLiteral("Thanh Hóa, ngày")));
        CHECK_FALSE(p.placeDate.contains(QStringLiteral("2025")));
        const QString body = joined(p.paragraphs);
        CHECK(body.contains(QStringLiteral("Họ và tên: Lê Thị Bình")));
        CHECK(body.contains(QStringLiteral("Giới tính: Nữ")));
        CHECK(body.contains(QStringLiteral("Năm sinh: 1985")));
        CHECK(body.contains(QStringLiteral("Chức vụ: Chuyên viên chính")));
        CHECK(body.contains(QStringLiteral("Đơn vị công tác: Sở Nội vụ")));

        // Personal data beyond the customary fields appears nowhere in what is printed.
        const QString html = Renderer::html(doc);
        CHECK_FALSE(html.contains(QStringLiteral("038185001234")));
        CHECK_FALSE(html.contains(QStringLiteral("14/03/1985")));
        CHECK_FALSE(html.contains(QStringLiteral("CCCD")));
        // Each section heading prints between the table before it and its own table.
        const auto at = [&html](const char *text) { return html.indexOf(QString::fromUtf8(text)); };
        CHECK(at("Hoàn thành xuất sắc nhiệm vụ") < at("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"));
        CHECK(at("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG") < at("Cơ quan ban hành"));

        const Table *ratings = tableWith(p, QStringLiteral("xếp loại"));
        REQUIRE(ratings);
        CHECK(shown(*ratings)
              == QStringList{QStringLiteral("2021 | Hoàn thành tốt nhiệm vụ"), QStringLiteral("2022 | Hoàn thành tốt nhiệm vụ"),
                             QStringLiteral("2023 | Hoàn thành tốt nhiệm vụ"), QStringLiteral("2024 | Hoàn thành xuất sắc nhiệm vụ"),
                             QStringLiteral("2025 | Hoàn thành xuất sắc nhiệm vụ")});
        const Table *titles = tableWith(p, QStringLiteral("Danh hiệu thi đua"));
        REQUIRE(titles);
        CHECK(joined(titles->intro).contains(QStringLiteral("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")));
        CHECK(shown(*titles)
              == QStringList{QStringLiteral("2023 | Lao động tiên tiến | 2023/QĐ-UBND ngày 15/01/2024 | "),
                             QStringLiteral("2024 | Chiến sĩ thi đua cơ sở | 2024/QĐ-UBND ngày 15/01/2025 | ")});
        const Table *awards = tableWith(p, QStringLiteral("Hình thức khen thưởng"));
        REQUIRE(awards);
        // The Bằng khen of 2026 is after the report's year.
        CHECK(shown(*awards) == QStringList{QStringLiteral("2024 | Giấy khen | 2024/QĐ-UBND ngày 15/01/2025 | ")});
        const Table *initiatives = tableWith(p, QStringLiteral("Sáng kiến"));
        REQUIRE(initiatives);
        CHECK(shown(*initiatives)
                  .contains(QStringLiteral(
                      "Số hóa hồ sơ thi đua | Cấp cơ sở | 2024 | SK-2024 ngày 01/10/2024 | Chiến sĩ thi đua cơ sở năm 2024")));
        CHECK(shown(*initiatives).contains(QStringLiteral("Chữ ký số văn bản | Cấp cơ sở | 2025 | SK-2025 ngày 01/10/2025 | ")));
        CHECK(
            shown(*initiatives)
                .contains(QStringLiteral("Phần mềm chấm công | Cấp tỉnh |  |  | Chiến sĩ thi đua cơ sở năm 2024 (của Trần Văn Cao)")));
        CHECK_FALSE(tableWith(p, QStringLiteral("KỶ LUẬT"))); // none recorded: no section

        CHECK(p.signature.title == QStringLiteral("NGƯỜI BÁO CÁO"));
        CHECK(p.signature.name == QStringLiteral("Lê Thị Bình"));
        CHECK(p.secondSignature.title == QStringLiteral("XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ"));
    });
}

TEST_CASE("personReport_forAGivenYear_ratesTheFiveYearsUpToIt_blankWhereNotRated", "[documents][report]")
{
    Test::TestDatabase t;
    PersonCase c(t.open());
    const Part p = ReportDocuments::achievementReport(t.db(), Core::Subject::person(c.person), 2022).parts.first();
    CHECK(p.subject == QStringLiteral("Đề nghị khen thưởng năm 2022"));
    CHECK(shown(*tableWith(p, QStringLiteral("xếp loại"))).first() == QStringLiteral("2018 | "));
    CHECK(shown(*tableWith(p, QStringLiteral("Danh hiệu thi đua"))).isEmpty()); // nothing received by 2022
}

TEST_CASE("unitReport_showsItsKindAndParent_itsAwardsAndDisciplines_underItsOwnHeader", "[documents][report]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::Office office(t.db());
        const qint64 unit = unitOf(t.db(), QStringLiteral("Phòng Thi đua – Khen thưởng"), QStringLiteral("department"), office.unit);
        const Core::Subject s = Core::Subject::unit(unit);
        office.rate(s, 2024, 2025, QStringLiteral("HTXSNV"));
        office.award(s, QStringLiteral("TTLDTT"), 2024);
        office.discipline(s, QStringLiteral("khien_trach"), QDate(2023, 5, 1), QDate(2024, 5, 1));

        const Document doc = build(t.db(), QStringLiteral("bao-cao-tap-the"), Core::UnitRepository(t.db()).keyForId(unit));
        CHECK(doc.kind == QStringLiteral("bao-cao-tap-the"));
        CHECK(doc.body == QStringLiteral("PHÒNG THI ĐUA – KHEN THƯỞNG"));
        CHECK(doc.parentBody == QStringLiteral("SỞ NỘI VỤ"));
        const Part &p = doc.parts.first();
        CHECK(p.subject == QStringLiteral("Đề nghị khen thưởng năm 2025"));
        const QString body = joined(p.paragraphs);
        CHECK(body.contains(QStringLiteral("Tên đơn vị: Phòng Thi đua – Khen thưởng")));
        CHECK(body.contains(QStringLiteral("Loại hình: Phòng, ban thuộc đơn vị")));
        CHECK(body.contains(QStringLiteral("Đơn vị cấp trên: Sở Nội vụ")));
        CHECK(body.contains(QStringLiteral("II. THÀNH TÍCH ĐẠT ĐƯỢC")));
        CHECK_FALSE(tableWith(p, QStringLiteral("Sáng kiến")));
        CHECK(shown(*tableWith(p, QStringLiteral("Danh hiệu thi đua")))
              == QStringList{QStringLiteral("2024 | Tập thể lao động tiên tiến | 2024/QĐ-UBND ngày 15/01/2025 | ")});
        const Table *disciplines = tableWith(p, QStringLiteral("KỶ LUẬT"));
        REQUIRE(disciplines);
        CHECK(shown(*disciplines) == QStringList{QStringLiteral("Khiển trách | 01/05/2023 | 01/05/2024 | KL-1")});
        CHECK(p.signature.title == QStringLiteral("THỦ TRƯỞNG ĐƠN VỊ"));
    });
}

namespace {
/// Movement catalogue-002 copied; in 2025 under it:
///  Sở Khoa học và Công nghệ proposes An and Bình (LĐTT) and its Phòng Quản lý (TTLĐTT): all
///   three passed and awarded by decision 17 (the ledger rows issuing wrote);
///  UBND phường Ba Đình proposes Cường (a viên chức, LĐTT), still waiting;
///  a draft dossier (not counted), and typed into the registry: Dung of the Sở Tài chính a Giấy
///   khen under the movement in 2025 (counted), one in 2024 and one outside any movement
///   (neither counted), and a "theo đợt" award of 2027 (the sơ kết, not the year).
struct MovementCase
{
    Test::WorkflowOffice office;
    qint64 movement = 0;
    QString key, name;
    explicit MovementCase(Core::Database &db) : office(db)
    {
        Core::MovementRepository movements(db);
        movement = movements.copy(movements.idForKey(QStringLiteral("catalogue-002")));
        key = movements.keyForId(movement);
        name = movements.get(movement)->name; // the copy's own name
        const qint64 science = office.unit;
        const qint64 room = unitOf(db, QStringLiteral("Phòng Quản lý khoa học"), QStringLiteral("department"), science);
        const qint64 ward = unitOf(db, QStringLiteral("UBND phường Ba Đình"), QStringLiteral("commune_ward"));
        const qint64 finance = unitOf(db, QStringLiteral("Sở Tài chính"), QStringLiteral("provincial_agency"));
        const qint64 an = office.person(QStringLiteral("Nguyễn Văn An"));
        const qint64 binh = office.person(QStringLiteral("Trần Thị Bình"));
        Core::Person cuong;
        cuong.fullName = QStringLiteral("Lê Văn Cường");
        cuong.unitId = ward;
        cuong.category = QStringLiteral("vien_chuc");
        Core::PersonRepository(db).save(cuong);
        Core::Person dung;
        dung.fullName = QStringLiteral("Phạm Thị Dung");
        dung.unitId = finance;
        dung.category = QStringLiteral("cong_chuc");
        Core::PersonRepository(db).save(dung);

        QList<qint64> nominees;
        office.dossier(2025, {{an, 0, QStringLiteral("LDTT")}, {0, room, QStringLiteral("TTLDTT")}, {binh, 0, QStringLiteral("LDTT")}},
                       &nominees, QStringLiteral("before_council"), movement);
        office.unit = ward;
        office.dossier(2025, {{cuong.id, 0, QStringLiteral("LDTT")}}, nullptr, QStringLiteral("appraised"), movement);
        office.dossier(2025, {{cuong.id, 0, QStringLiteral("CSTDCS")}}, nullptr, QStringLiteral("draft"), movement);
        office.unit = science;

        const qint64 session = office.sitting(5, 5);
        Wf::CouncilRepository council(db);
        for (qint64 n : nominees)
            council.recordTally(council.addItem(session, n), 5, 0, 0);
        council.close(session);
        // This office is a department (the letterhead says Sở Nội vụ): its head awards the
        // grassroots titles (LĐTT, TTLĐTT) that decision 17 lists; a provincial office could not.
        Wf::PayData(db).setSetting(QStringLiteral("office.level"), QStringLiteral("co_so"));
        Wf::DecisionRepository decisions(db);
        Wf::Decision d;
        d.registerNo = 17;
        d.date = QDate(2026, 1, 15);
        d.title = QStringLiteral("Về việc công nhận danh hiệu thi đua năm 2025");
        d.signer = QStringLiteral("Nguyễn Văn Tỉnh");
        d.signerTitle = QStringLiteral("Chủ tịch");
        decisions.save(d);
        decisions.fillFromCouncil(d.id, session);
        decisions.issue(d.id);

        typedIn(db, dung.id, 2025, movement, QStringLiteral("cong_trang"));
        typedIn(db, dung.id, 2024, movement, QStringLiteral("cong_trang"));
        typedIn(db, dung.id, 2025, 0, QStringLiteral("cong_trang"));
        typedIn(db, dung.id, 2027, movement, QStringLiteral("theo_dot"));
    }

    static void typedIn(Core::Database &db, qint64 person, int year, qint64 movementId, const QString &kind)
    {
        Core::Award a;
        a.subject = Core::Subject::person(person);
        a.formCode = QStringLiteral("GIAYKHEN");
        a.kind = kind;
        a.year = year;
        a.decisionNo = QStringLiteral("%1/QĐ-STC").arg(year - 2000);
        a.movementId = movementId;
        Core::RecordRepository(db).saveAward(a);
    }
};
} // namespace

TEST_CASE("movementReport_countsByFormCategoryAndUnit_theMovementsAwardsOfTheYear", "[documents][report]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        MovementCase c(t.db());
        const Document doc = ReportDocuments::movementReport(t.db(), c.movement, 2025, QStringLiteral("annual"));
        CHECK(doc.kind == QStringLiteral("bao-cao-phong-trao"));
        CHECK(doc.body == QStringLiteral("SỞ NỘI VỤ")); // the office's letterhead
        CHECK_FALSE(doc.landscape);
        const Part &p = doc.parts.first();
        CHECK(p.number == VnFormat::numberLine(QStringLiteral("BC-SNV")));
        CHECK(p.typeName == QStringLiteral("BÁO CÁO"));
        CHECK(p.subject == QStringLiteral("Kết quả thực hiện phong trào thi đua “%1” năm 2025").arg(c.name));
        const QString body = joined(p.paragraphs);
        CHECK(body.contains(QStringLiteral("đã gửi 2 hồ sơ")));
        CHECK(body.contains(QStringLiteral("đề nghị khen thưởng 1 tập thể và 3 cá nhân.")));
        CHECK(body.contains(QStringLiteral("đã được khen thưởng 3; đã trình cấp trên khen thưởng 0; không được khen thưởng 0; "
                                           "đang xem xét 1")));
        // Decision 17 (issued through the workflow) and the Giấy khen typed in: 4 awarded.
        CHECK(body.contains(QStringLiteral("đã khen thưởng 1 tập thể và 3 cá nhân theo 2 quyết định (số 17/QĐ-UBND, 25/QĐ-STC)")));

        REQUIRE(p.tables.size() == 3);
        // By award form, whatever the catalogue's order: the counts without the TT column.
        QStringList forms;
        for (const TableRow &r : p.tables[0].rows)
            forms << r.cells.mid(1).join(QStringLiteral(" | "));
        forms.sort();
        CHECK(forms
              == QStringList{QStringLiteral("Giấy khen | 0 | 1 | 1"), QStringLiteral("Lao động tiên tiến | 0 | 2 | 2"),
                             QStringLiteral("Tập thể lao động tiên tiến | 1 | 0 | 1")});
        CHECK(p.tables[0].totalRow.join(QStringLiteral(" | ")) == QStringLiteral(" | Tổng cộng | 1 | 3 | 4"));
        CHECK(shown(p.tables[1])
              == QStringList{QStringLiteral("# I. TẬP THỂ"), QStringLiteral("1 | Phòng, ban thuộc đơn vị | 1 | 1"),
                             QStringLiteral("# II. CÁ NHÂN"), QStringLiteral("2 | Công chức | 2 | 3"),
                             QStringLiteral("3 | Viên chức | 1 | 0"), QStringLiteral(" | Tổng cộng | 4 | 4")});
        CHECK(shown(p.tables[2])
              == QStringList{QStringLiteral("1 | Sở Khoa học và Công nghệ | 3 | 3"), QStringLiteral("2 | Sở Tài chính | 0 | 1"),
                             QStringLiteral("3 | UBND phường Ba Đình | 1 | 0"), QStringLiteral(" | Tổng cộng | 4 | 4")});
    });
}

TEST_CASE("movementReport_ofAReview_countsItsYearsTheDotAwards_andANewMovementGivesZeros", "[documents][report]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        MovementCase c(t.db());
        const Part review = build(t.db(), QStringLiteral("bao-cao-phong-trao"), c.key + QStringLiteral("/so_ket")).parts.first();
        CHECK(review.subject == QStringLiteral("Sơ kết phong trào thi đua “%1” giai đoạn 2025 – 2027").arg(c.name));
        CHECK(shown(review.tables[0]).last() == QStringLiteral(" | Tổng cộng | 0 | 1 | 1")); // the theo đợt award of 2027

        Core::MovementRepository movements(t.db());
        const qint64 fresh = movements.copy(movements.idForKey(QStringLiteral("catalogue-003")));
        const Document empty = build(t.db(), QStringLiteral("bao-cao-phong-trao"),
                                     movements.keyForId(fresh) + QStringLiteral("/2025"));
        const Part &p = empty.parts.first();
        CHECK(joined(p.paragraphs).contains(QStringLiteral("đã gửi 0 hồ sơ")));
        CHECK(joined(p.paragraphs).contains(QStringLiteral("đã khen thưởng 0 tập thể và 0 cá nhân theo 0 quyết định, cụ thể")));
        for (const Table &table : p.tables) {
            CHECK(table.rows.isEmpty());
            CHECK(table.totalRow.last() == QStringLiteral("0"));
        }
        // It still prints.
        CHECK(Renderer::html(empty).contains(QStringLiteral("Tổng cộng")));
    });
}

TEST_CASE("buildByKey_takesAMovementWithItsYearOrReview_andRefusesAnythingElse", "[documents][report]")
{
    Test::TestDatabase t;
    MovementCase c(t.open());
    CHECK(build(t.db(), QStringLiteral("bao-cao-phong-trao"), c.key + QStringLiteral("/2025"))
              .parts.first()
              .subject.endsWith(QStringLiteral("năm 2025")));
    CHECK(build(t.db(), QStringLiteral("bao-cao-phong-trao"), c.key + QStringLiteral("/tong_ket"))
              .parts.first()
              .subject.startsWith(QStringLiteral("Tổng kết")));
    for (const QString &bad : {QStringLiteral("/sơ kết"), QStringLiteral("/1900"), QString()})
        CHECK(Test::errorOf([&] {
                  build(t.db(), QStringLiteral("bao-cao-phong-trao"), c.key + bad);
              }).contains(QStringLiteral("KEY/2025, KEY/so_ket or KEY/tong_ket")));
    CHECK(Test::errorOf([&] {
              build(t.db(), QStringLiteral("bao-cao-phong-trao"), QStringLiteral("khong-co/2025"));
          }).contains(QStringLiteral("khong-co")));
    const QString person = Core::PersonRepository(t.db()).keyForId(
        Core::Query(t.db().sql(), QStringLiteral("SELECT MIN(id) FROM people")).scalar().toLongLong());
    CHECK(build(t.db(), QStringLiteral("bao-cao-ca-nhan"), person).kind == QStringLiteral("bao-cao-ca-nhan"));
}
