// The biên bản of a council sitting: attendance and quorum, each nominee's tally with the
// threshold recorded and the result, members standing aside for a conflict of interest, and
// the secretary's and chair's signatures.
#include "core/documents/councildocuments.h"
#include "core/documents/documentkinds.h"
#include "core/documents/letterhead.h"
#include "core/documents/renderer.h"
#include "core/documents/vnformat.h"
#include "core/proposals/paydata.h"
#include "tests/core/workflow_council_support.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Documents;
namespace Wf = Core::Workflow;

namespace {
/// A sitting of 9 members (7 present) over three nominees:
///   An    BK_TINH  5–1–0, Xung stands aside (conflict)  → 6 voters, > 50% of present: Đạt
///   unit  TTLDXS   9–0–0 (written opinions count)        → 9 voters, ≥ 90% of members: Đạt
///   Bình  BK_TINH  3–3–1                                  → 7 voters, not > 50%: Không đạt
struct SittingCase
{
    Test::WorkflowOffice office;
    qint64 session = 0;
    qint64 xung = 0; // the conflicted member
    explicit SittingCase(Core::Database &db) : office(db)
    {
        Letterhead l = Letterhead::load(db);
        l.abbreviation = QStringLiteral("SNV");
        l.place = QStringLiteral("Thanh Hóa");
        l.save(db);
        // The thresholds the tallies use, set here rather than taken from the seeded table.
        Wf::PayData pay(db);
        pay.saveThreshold({QStringLiteral("*"), 50, QStringLiteral("present"), true, {}, true});
        pay.saveThreshold({QStringLiteral("TTLDXS"), 90, QStringLiteral("members"), false, {}, true});

        QList<qint64> nominees;
        const qint64 an = office.person(QStringLiteral("Nguyễn Văn An"));
        const qint64 binh = office.person(QStringLiteral("Trần Thị Bình"));
        office.dossier(
            2025,
            {{an, 0, QStringLiteral("BK_TINH")}, {0, office.unit, QStringLiteral("TTLDXS")}, {binh, 0, QStringLiteral("BK_TINH")}},
            &nominees, QStringLiteral("before_council"));

        Wf::Sitting s;
        s.title = QStringLiteral("Phiên họp xét khen thưởng cuối năm");
        s.heldOn = QDate(2025, 12, 10);
        s.place = QStringLiteral("Phòng họp số 1");
        s.chair = QStringLiteral("Lê Văn Chủ");
        s.year = 2025;
        const QList<std::pair<QString, QString>> people = {
            {QStringLiteral("Lê Văn Chủ"), QStringLiteral("Chủ tịch Hội đồng")},
            {QStringLiteral("Phạm Thị Thư"), QStringLiteral("Thư ký Hội đồng")},
            {QStringLiteral("Trần Văn Xung"), QStringLiteral("Ủy viên")},
            {QStringLiteral("Ủy viên Bốn"), QStringLiteral("Ủy viên")},
            {QStringLiteral("Ủy viên Năm"), QStringLiteral("Ủy viên")},
            {QStringLiteral("Ủy viên Sáu"), QStringLiteral("Ủy viên")},
            {QStringLiteral("Ủy viên Bảy"), QStringLiteral("Ủy viên")},
            {QStringLiteral("Hoàng Văn Vắng"), QStringLiteral("Ủy viên")},
            {QStringLiteral("Đỗ Thị Nghỉ"), QStringLiteral("Ủy viên")},
        };
        for (int i = 0; i < people.size(); ++i)
            s.members.append({0, 0, people[i].first, people[i].second, i < 7});
        Wf::CouncilRepository council(db);
        session = council.save(s);
        xung = council.session(session).members[2].id;
        const qint64 itemAn = council.addItem(session, nominees[0]);
        const qint64 itemUnit = council.addItem(session, nominees[1]);
        const qint64 itemBinh = council.addItem(session, nominees[2]);
        council.setConflicts(itemAn, {xung});
        council.recordTally(itemAn, 5, 1, 0);
        council.recordTally(itemUnit, 9, 0, 0);
        council.recordTally(itemBinh, 3, 3, 1);
    }

    void close() { Wf::CouncilRepository(office.db).close(session); }
};

QString joined(const QStringList &list)
{
    return list.join(QLatin1Char('\n'));
}
} // namespace

TEST_CASE("minutes_showAttendanceTheQuorumMetEachTallyAndResult_andTheConflictedMemberStandingAside", "[documents][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        SittingCase c(t.db());
        c.close();
        const Document doc = CouncilDocuments::minutes(t.db(), c.session);
        CHECK(doc.kind == QStringLiteral("bien-ban"));
        CHECK(doc.body == Letterhead::load(t.db()).body); // the office's own letterhead
        REQUIRE(doc.parts.size() == 1);
        const Part &p = doc.parts.first();
        CHECK(p.number == VnFormat::numberLine(QStringLiteral("BB-SNV"))); // numbered in the register when signed
        CHECK(p.typeName == QStringLiteral("BIÊN BẢN"));
        CHECK(p.subject == QStringLiteral("Họp Hội đồng Thi đua – Khen thưởng xét khen thưởng năm 2025"));

        const QString body = joined(p.paragraphs);
        CHECK(body.contains(QStringLiteral("Thời gian: bắt đầu lúc …… giờ …… phút, ngày 10 tháng 12 năm 2025.")));
        CHECK(body.contains(QStringLiteral("Địa điểm: Phòng họp số 1.")));
        CHECK(body.contains(QStringLiteral("Nội dung: Phiên họp xét khen thưởng cuối năm.")));
        CHECK(body.contains(QStringLiteral("Chủ trì: Lê Văn Chủ, Chủ tịch Hội đồng.")));
        CHECK(body.contains(QStringLiteral("Thư ký: Phạm Thị Thư."))); // by the role typed: no member is marked
        CHECK(body.contains(QStringLiteral("Hội đồng có 9 thành viên; có mặt 7 thành viên; vắng mặt 2 thành viên.")));
        CHECK(body.contains(QStringLiteral("Thành viên vắng mặt:\n1. Ông/Bà Hoàng Văn Vắng – Ủy viên;\n"
                                           "2. Ông/Bà Đỗ Thị Nghỉ – Ủy viên.")));
        CHECK(body.contains(QStringLiteral("Số thành viên có mặt là 7/9, đạt tỷ lệ tối thiểu 2/3 tổng số thành viên")));
        CHECK(body.contains(QStringLiteral("cuộc họp đủ điều kiện tiến hành và biểu quyết")));
        CHECK(body.contains(QStringLiteral("Hội đồng đã xem xét 3 trường hợp")));

        // Seven columns: each award form is a heading row with the threshold its tallies used,
        // higher forms first (Bằng khen before Tập thể lao động xuất sắc), TT counting through.
        REQUIRE(p.tables.size() == 1);
        const Table &table = p.tables.first();
        CHECK(table.headers
              == QStringList{QStringLiteral("TT"), QStringLiteral("Họ và tên / Tên tập thể"), QStringLiteral("Số người biểu quyết"),
                             QStringLiteral("Đồng ý"), QStringLiteral("Không đồng ý"), QStringLiteral("Không ý kiến"),
                             QStringLiteral("Kết quả")});
        REQUIRE(table.rows.size() == 5);
        CHECK(table.rows[0].heading);
        CHECK(table.rows[0].cells
              == QStringList{QStringLiteral("I. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (số phiếu đồng ý "
                                            "cần đạt: trên 50% số thành viên dự họp)")});
        CHECK(table.rows[1].cells
              == QStringList{QStringLiteral("1"), QStringLiteral("Nguyễn Văn An"), QStringLiteral("6"), QStringLiteral("5"),
                             QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("Đạt")});
        CHECK(table.rows[2].cells
              == QStringList{QStringLiteral("2"), QStringLiteral("Trần Thị Bình"), QStringLiteral("7"), QStringLiteral("3"),
                             QStringLiteral("3"), QStringLiteral("1"), QStringLiteral("Không đạt")});
        CHECK(table.rows[3].cells
              == QStringList{QStringLiteral("II. Tập thể lao động xuất sắc (số phiếu đồng ý cần đạt: từ 90% "
                                            "tổng số thành viên trở lên)")});
        CHECK(table.rows[4].cells
              == QStringList{QStringLiteral("3"), QStringLiteral("Sở Khoa học và Công nghệ"), QStringLiteral("9"), QStringLiteral("9"),
                             QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("Đạt")});

        // Xung stood aside for An only: named against An, and nowhere else.
        const QString closing = joined(p.closing);
        CHECK(closing.contains(QStringLiteral("xung đột lợi ích")));
        CHECK(closing.contains(QStringLiteral("- Nguyễn Văn An (TT 1): Trần Văn Xung.")));
        CHECK(closing.count(QStringLiteral("Trần Văn Xung")) == 1);
        CHECK(closing.contains(QStringLiteral("2 trường hợp đạt, 1 trường hợp không đạt.")));
        CHECK(p.closing.last().endsWith(QStringLiteral("./.")));

        CHECK(p.signature.title == QStringLiteral("CHỦ TỊCH HỘI ĐỒNG"));
        CHECK(p.signature.name == QStringLiteral("Lê Văn Chủ"));
        CHECK(p.secondSignature.title == QStringLiteral("THƯ KÝ"));
        CHECK(p.secondSignature.name == QStringLiteral("Phạm Thị Thư"));
        CHECK(p.recipients.isEmpty());
        // Both blocks reach the page: the secretary where Nơi nhận would be.
        const QString html = Renderer::html(doc);
        CHECK(html.contains(QStringLiteral("THƯ KÝ")));
        CHECK(html.contains(QStringLiteral("Phạm Thị Thư")));
        CHECK(html.contains(QStringLiteral("CHỦ TỊCH HỘI ĐỒNG")));
        CHECK_FALSE(html.contains(QStringLiteral("Nơi nhận")));
    });
}

TEST_CASE("minutes_ofAnOpenSitting_areADraft_andAClosedOneIsNot", "[documents][council]")
{
    Test::TestDatabase t;
    SittingCase c(t.open());
    CHECK(CouncilDocuments::minutes(t.db(), c.session).parts.first().subject.contains(QStringLiteral("DỰ THẢO")));
    c.close();
    CHECK_FALSE(CouncilDocuments::minutes(t.db(), c.session).parts.first().subject.contains(QStringLiteral("DỰ THẢO")));
}

TEST_CASE("minutes_sayWhenTheQuorumWasNotMet_andLeaveAnUntalliedNomineeWithoutAResult", "[documents][council]")
{
    Test::TestDatabase t;
    Test::WorkflowOffice office(t.open());
    QList<qint64> nominees;
    office.dossier(2025, {{office.person(QStringLiteral("Vũ Văn Chờ")), 0, QStringLiteral("BK_TINH")}}, &nominees,
                   QStringLiteral("before_council"));
    const qint64 session = office.sitting(9, 5); // 5 of 9 is below two thirds
    Wf::CouncilRepository(t.db()).addItem(session, nominees[0]);
    const Part p = CouncilDocuments::minutes(t.db(), session).parts.first();
    const QString body = joined(p.paragraphs);
    CHECK(body.contains(QStringLiteral("Số thành viên có mặt là 5/9, chưa đạt tỷ lệ tối thiểu 2/3")));
    CHECK(body.contains(QStringLiteral("cuộc họp không đủ điều kiện biểu quyết")));
    CHECK(body.contains(QStringLiteral("vắng mặt 4 thành viên.")));
    CHECK(body.contains(QStringLiteral("Thành viên vắng mặt:\n1. Ông/Bà Thành viên 6 – Ủy viên;")));
    REQUIRE(p.tables.first().rows.size() == 2);
    CHECK(p.tables.first().rows.first().cells == QStringList{QStringLiteral("I. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")});
    const QStringList row = p.tables.first().rows.last().cells;
    CHECK(row.value(2).isEmpty());
    CHECK(row.value(3).isEmpty());
    CHECK(row.value(6) == QStringLiteral("Chưa biểu quyết"));
    CHECK(joined(p.closing).contains(QStringLiteral("1 trường hợp chưa biểu quyết")));
}

TEST_CASE("buildByKey_makesTheMinutesOfASittingKey", "[documents][council]")
{
    Test::TestDatabase t;
    SittingCase c(t.open());
    const QString key = Wf::CouncilRepository(t.db()).session(c.session).key;
    const Document doc = build(t.db(), QStringLiteral("bien-ban"), key);
    CHECK(doc.kind == QStringLiteral("bien-ban"));
    CHECK(doc.parts.first().tables.first().rows.size() == 5); // two form headings, three nominees
    REQUIRE(kind(QStringLiteral("bien-ban")));
    CHECK(kind(QStringLiteral("bien-ban"))->source == Source::Sitting);
}
