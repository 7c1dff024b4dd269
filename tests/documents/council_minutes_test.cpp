// The biên bản as it is signed: when the sitting began and ended, who attended by name and
// role, the secretary named under THƯ KÝ; a long sitting's vote table on few pages. And the
// movement report addressed (Kính gửi) and signed with TM./KT. and a name.
#include "pdftools.h"

#include "core/documents/councildocuments.h"
#include "core/documents/letterhead.h"
#include "core/documents/renderer.h"
#include "core/documents/reportdocuments.h"
#include "core/registry/movementrepository.h"
#include "tests/core/workflow_council_support.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Documents;
namespace Wf = Core::Workflow;
namespace Pdf = VinhDanh::Test::Pdf;

namespace {
QString joined(const QStringList &list)
{
    return list.join(QLatin1Char('\n'));
}

/// A sitting from 08:00 to 10:30 of four members, one absent, with one nominee tallied.
/// `secretaryMember`: Phạm Thị Thư (role "Ủy viên") is marked secretary; otherwise the
/// secretary is Ngô Văn Ghi, who is not a member.
qint64 timedSitting(Test::WorkflowOffice &office, bool secretaryMember)
{
    QList<qint64> nominees;
    office.dossier(2025, {{office.person(QStringLiteral("Nguyễn Văn An")), 0, QStringLiteral("BK_TINH")}}, &nominees,
                   QStringLiteral("before_council"));
    Wf::Sitting s;
    s.title = QStringLiteral("Phiên họp xét khen thưởng cuối năm");
    s.heldOn = QDate(2025, 12, 10);
    s.place = QStringLiteral("Phòng họp số 1");
    s.chair = QStringLiteral("Lê Văn Chủ");
    s.startTime = QTime(8, 0);
    s.endTime = QTime(10, 30);
    s.members = {{0, 0, QStringLiteral("Lê Văn Chủ"), QStringLiteral("Giám đốc Sở, Chủ tịch Hội đồng"), true},
                 {0, 0, QStringLiteral("Phạm Thị Thư"), QStringLiteral("Ủy viên"), true, secretaryMember},
                 {0, 0, QStringLiteral("Trần Văn Ba"), QStringLiteral("Ủy viên"), true},
                 {0, 0, QStringLiteral("Hoàng Văn Vắng"), QStringLiteral("Ủy viên"), false}};
    if (!secretaryMember)
        s.secretary = QStringLiteral("Ngô Văn Ghi");
    Wf::CouncilRepository council(office.db);
    const qint64 id = council.save(s);
    council.recordTally(council.addItem(id, nominees.first()), 3, 0, 0);
    council.close(id);
    return id;
}
} // namespace

TEST_CASE("minutes_printTheirStartAndEndTime_theAttendeesByName_andTheSecretaryUnderThuKy", "[documents][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        const qint64 session = timedSitting(office, true);
        const Document doc = CouncilDocuments::minutes(t.db(), session);
        const Part &p = doc.parts.first();
        const QString body = joined(p.paragraphs);
        CHECK(body.contains(QStringLiteral("Thời gian: bắt đầu lúc 08 giờ 00 phút, ngày 10 tháng 12 năm 2025.")));
        CHECK(body.contains(QStringLiteral("Thư ký: Phạm Thị Thư."))); // marked, though her role says Ủy viên
        CHECK(body.contains(QStringLiteral("Thành viên có mặt:\n"
                                           "1. Ông/Bà Lê Văn Chủ – Giám đốc Sở, Chủ tịch Hội đồng;\n"
                                           "2. Ông/Bà Phạm Thị Thư – Ủy viên;\n"
                                           "3. Ông/Bà Trần Văn Ba – Ủy viên.\n"
                                           "Thành viên vắng mặt:\n"
                                           "1. Ông/Bà Hoàng Văn Vắng – Ủy viên.")));
        CHECK(p.closing.last().startsWith(QStringLiteral("Cuộc họp kết thúc lúc 10 giờ 30 phút cùng ngày.")));
        CHECK(p.secondSignature.title == QStringLiteral("THƯ KÝ"));
        CHECK(p.secondSignature.name == QStringLiteral("Phạm Thị Thư"));

        // On the page: the times, an attendee and the secretary's name under THƯ KÝ.
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("bien-ban.pdf"));
        Renderer::save(doc, pdf);
        const QString text = Pdf::text(pdf).simplified();
        CHECK(text.contains(QStringLiteral("bắt đầu lúc 08 giờ 00 phút")));
        CHECK(text.contains(QStringLiteral("kết thúc lúc 10 giờ 30 phút")));
        CHECK(text.contains(QStringLiteral("Trần Văn Ba – Ủy viên")));
        const Pdf::Word thuKy = Pdf::word(pdf, QStringLiteral("KÝ")); // only the block's title is in capitals
        REQUIRE(thuKy.page > 0);
        bool nameUnder = false; // "Phạm Thị Thư" below THƯ KÝ, in the left-hand block
        for (const Pdf::Word &w : Pdf::words(pdf))
            if (w.page == thuKy.page && w.text == QStringLiteral("Thư") && w.top > thuKy.bottom && w.top < thuKy.bottom + 60
                && w.left < 105)
                nameUnder = true;
        CHECK(nameUnder);
    });
}

TEST_CASE("minutes_nameASecretaryWhoIsNotAMember_andLeaveBlanksForTimesNotRecorded", "[documents][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        const qint64 session = timedSitting(office, false);
        Part p = CouncilDocuments::minutes(t.db(), session).parts.first();
        CHECK(joined(p.paragraphs).contains(QStringLiteral("Thư ký: Ngô Văn Ghi.")));
        CHECK(p.secondSignature.name == QStringLiteral("Ngô Văn Ghi"));
        // Not among the attendees: the secretary is not a member.
        CHECK_FALSE(joined(p.paragraphs).contains(QStringLiteral("Ông/Bà Ngô Văn Ghi")));

        // A sitting recorded without times: dotted blanks the clerk writes in, never "00 giờ".
        const qint64 plain = office.sitting(3, 3);
        p = CouncilDocuments::minutes(t.db(), plain).parts.first();
        CHECK(joined(p.paragraphs).contains(QStringLiteral("bắt đầu lúc …… giờ …… phút, ngày 10 tháng 12 năm 2025")));
        CHECK(p.closing.last().startsWith(QStringLiteral("Cuộc họp kết thúc lúc …… giờ …… phút cùng ngày.")));
    });
}

TEST_CASE("minutesOf72Items_fitOnFewPages", "[documents][council][pdf]")
{
    Test::TestDatabase t;
    Test::WorkflowOffice office(t.open());
    // Two forms (so the table has two headings), each nominee a row of its own.
    QList<Test::NomineeSpec> specs;
    for (int i = 1; i <= 72; ++i)
        specs << Test::NomineeSpec{office.person(QStringLiteral("Nguyễn Thị Phương Thảo %1").arg(i)), 0,
                                   i % 3 == 0 ? QStringLiteral("CSTDCS") : QStringLiteral("BK_TINH")};
    QList<qint64> nominees;
    office.dossier(2025, specs, &nominees, QStringLiteral("before_council"));
    const qint64 session = office.sitting(15, 13);
    Wf::CouncilRepository council(t.db());
    for (qint64 n : nominees)
        council.recordTally(council.addItem(session, n), 12, 1, 0);
    council.close(session);

    const Document doc = CouncilDocuments::minutes(t.db(), session);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("bien-ban-72.pdf"));
    Renderer::save(doc, pdf);
    // Portrait A4 (the minutes are a letter, not an appendix), every nominee printed, and at
    // most four pages: the nine-column table took eight.
    CHECK(Pdf::pageSize(pdf).contains(QStringLiteral("595")));
    const QString text = Pdf::text(pdf);
    CHECK(text.contains(QStringLiteral("Nguyễn Thị Phương Thảo 72")));
    CHECK(Pdf::pages(pdf) <= 4);
}

TEST_CASE("movementReport_isAddressed_andSignedWithTmAndAName", "[documents][report]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        Core::MovementRepository movements(t.db());
        const qint64 movement = movements.copy(movements.idForKey(QStringLiteral("catalogue-002")));
        Core::Movement m = *movements.get(movement);
        m.issuer = QStringLiteral("Ủy ban nhân dân tỉnh Thanh Hóa");
        movements.save(m);
        const auto report = [&] {
            return ReportDocuments::movementReport(t.db(), movement, 2025, QStringLiteral("annual")).parts.first();
        };

        // A Sở reports to the People's Committee that launched the movement; its deputy signs
        // for the director as the letterhead says.
        Letterhead l = Letterhead::load(t.db());
        l.parentBody = QStringLiteral("UBND TỈNH THANH HÓA");
        l.body = QStringLiteral("SỞ NỘI VỤ");
        l.headTitle = QStringLiteral("Giám đốc");
        l.signers = {{QStringLiteral("Lê Thị Hồng Nhung"), QStringLiteral("Phó Giám đốc"), QStringLiteral("KT")}};
        l.save(t.db());
        Part p = report();
        CHECK(p.addressee == QStringLiteral("Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa."));
        CHECK(p.signature.authority == QStringLiteral("KT. GIÁM ĐỐC"));
        CHECK(p.signature.title == QStringLiteral("PHÓ GIÁM ĐỐC"));
        CHECK(p.signature.name == QStringLiteral("Lê Thị Hồng Nhung"));
        CHECK(p.recipients.first() == QStringLiteral("Như trên;")); // "Như trên" now names someone

        // The People's Committee itself, with no signer set: it signs for the collective over
        // the head's title, a dotted line for the name; the movement is its own, so the report
        // goes to its parent body — none set here, so a blank to fill in.
        l.parentBody.clear();
        l.body = QStringLiteral("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA");
        l.headTitle = QStringLiteral("Chủ tịch");
        l.collectiveName.clear();
        l.signers.clear();
        l.save(t.db());
        p = report();
        CHECK(p.addressee == QStringLiteral("Kính gửi: ……………………………………."));
        CHECK(p.signature.authority == QStringLiteral("TM. ỦY BAN NHÂN DÂN TỈNH THANH HÓA"));
        CHECK(p.signature.title == QStringLiteral("CHỦ TỊCH"));
        CHECK(p.signature.name == QStringLiteral("……………………………"));

        // On the page: Kính gửi under the subject, TM. over CHỦ TỊCH.
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("bao-cao.pdf"));
        Renderer::save(ReportDocuments::movementReport(t.db(), movement, 2025, QStringLiteral("annual")), pdf);
        const QString text = Pdf::text(pdf).simplified();
        CHECK(text.contains(QStringLiteral("Kính gửi:")));
        CHECK(text.contains(QStringLiteral("TM. ỦY BAN NHÂN DÂN TỈNH THANH HÓA")));

        // Its vice-chair signing for the chair: three lines, TM. over KT. over the title.
        l.signers = {{QStringLiteral("Nguyễn Hồng Xuân"), QStringLiteral("Phó Chủ tịch"), QStringLiteral("KT")}};
        l.save(t.db());
        p = report();
        CHECK(p.signature.authority == QStringLiteral("TM. ỦY BAN NHÂN DÂN TỈNH THANH HÓA\nKT. CHỦ TỊCH"));
        Renderer::save(ReportDocuments::movementReport(t.db(), movement, 2025, QStringLiteral("annual")), pdf);
        const auto tm = Pdf::word(pdf, QStringLiteral("TM."));
        const auto kt = Pdf::word(pdf, QStringLiteral("KT."));
        const auto deputy = Pdf::word(pdf, QStringLiteral("PHÓ"));
        REQUIRE(tm.page > 0);
        CHECK(kt.top > tm.bottom - 0.5); // each on its own line, in this order
        CHECK(deputy.top > kt.bottom - 0.5);
        CHECK(std::abs((kt.left + kt.right) / 2 - (tm.left + tm.right) / 2) < 40); // in the same column
        l.signers.clear();

        // A Sở with no signer: its director signs in their own title (no TM.: a Sở is not a
        // collective body), and a movement of another body is still addressed to that body.
        l.parentBody = QStringLiteral("UBND TỈNH THANH HÓA");
        l.body = QStringLiteral("SỞ NỘI VỤ");
        l.headTitle = QStringLiteral("Giám đốc");
        l.save(t.db());
        p = report();
        CHECK(p.addressee == QStringLiteral("Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa."));
        CHECK(p.signature.authority.isEmpty());
        CHECK(p.signature.title == QStringLiteral("GIÁM ĐỐC"));
    });
}

TEST_CASE("movementReport_ofTheOfficesOwnMovement_goesToItsParentBody", "[documents][report]")
{
    Test::TestDatabase t;
    Test::WorkflowOffice office(t.open());
    Core::MovementRepository movements(t.db());
    const qint64 movement = movements.copy(movements.idForKey(QStringLiteral("catalogue-002")));
    Core::Movement m = *movements.get(movement);
    m.issuer = QStringLiteral("Sở Nội vụ"); // the office launched it: the report goes up
    movements.save(m);
    Letterhead l = Letterhead::load(t.db());
    l.parentBody = QStringLiteral("UBND TỈNH THANH HÓA");
    l.body = QStringLiteral("SỞ NỘI VỤ");
    l.save(t.db());
    const Part p = ReportDocuments::movementReport(t.db(), movement, 2025, QStringLiteral("annual")).parts.first();
    CHECK(p.addressee == QStringLiteral("Kính gửi: UBND tỉnh Thanh Hóa.")); // the letterhead's capitals as running text
}
