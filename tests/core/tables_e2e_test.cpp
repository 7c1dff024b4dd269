// The "done when" for staff: a real-looking Excel list of staff with Vietnamese headers
// and five years of ratings is read, previewed, committed, and the eligibility engine then
// counts those years.
#include "core/eligibility/eligibilityservice.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/tables/peopleimport.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/tablefile.h"
#include "eligibility_support.h"
#include "support/testdatabase.h"
#include "tables_support.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;

TEST_CASE("staffListWithFiveYearsOfRatings_isPreviewedCommitted_andCountedByEligibility", "[tables][import][eligibility]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Unit u;
        u.key = QStringLiteral("STC");
        u.name = QStringLiteral("Sở Tài chính");
        u.kind = QStringLiteral("provincial_agency");
        UnitRepository(db).save(u);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("danh-sach.xlsx"));
        {
            Test::XlsxWriter book(path);
            lxw_worksheet *ws = book.sheet(QStringLiteral("Cán bộ 2021-2025"));
            book.row(ws, 0, {QStringLiteral("DANH SÁCH CÁN BỘ, CÔNG CHỨC VÀ KẾT QUẢ XẾP LOẠI 2021–2025")});
            book.row(ws, 2,
                     {QStringLiteral("STT"), QStringLiteral("Họ và tên"), QStringLiteral("Ngày sinh"), QStringLiteral("Giới tính"),
                      QStringLiteral("Đơn vị"), QStringLiteral("Chức vụ"), QStringLiteral("Đối tượng"),
                      QStringLiteral("Xếp loại 2021"), QStringLiteral("Xếp loại 2022"), QStringLiteral("Xếp loại 2023"),
                      QStringLiteral("Xếp loại 2024"), QStringLiteral("Xếp loại 2025")});
            const QString xs = QStringLiteral("Hoàn thành xuất sắc nhiệm vụ");
            book.row(ws, 3,
                     {1, QStringLiteral("Nguyễn Thị Hoa"), QDate(1985, 3, 8), QStringLiteral("Nữ"), QStringLiteral("Sở Tài chính"),
                      QStringLiteral("Trưởng phòng"), QStringLiteral("Công chức"), QStringLiteral("HTTNV"), xs,
                      QStringLiteral("HTXSNV"), xs, QStringLiteral("HTXSNV")});
            book.row(ws, 4,
                     {2, QStringLiteral("Lê Văn Tùng"), QStringLiteral("12/11/1979"), QStringLiteral("Nam"), QStringLiteral("STC"),
                      QStringLiteral("Chuyên viên"), QStringLiteral("Công chức"), QStringLiteral("HTXSNV"), QStringLiteral("HTXSNV"),
                      QStringLiteral("HTXSNV"), QStringLiteral("Hoàn thành tốt nhiệm vụ"), QStringLiteral("HTXSNV")});
        }
        const TableFile file = readFile(path);
        const PeoplePreview p = previewPeople(db, file.sheet, mapPeople(file.sheet));
        REQUIRE(p.rows.size() == 2);
        CHECK(p.headerRow == 3);
        CHECK(p.rows.at(0).sheetRow == 4);
        CHECK(p.count(RowStatus::New) == 2);
        const CommitResult r = commitPeople(db, p);
        CHECK(r.peopleAdded == 2);
        CHECK(r.ratingsSet == 10);

        PersonRepository people(db);
        const QList<PersonRow> rows = people.page(QStringLiteral("Nguyễn Thị Hoa"), PersonRepository::Sort::Name, true, 0, 5);
        REQUIRE(rows.size() == 1);
        const Subject hoa = Subject::person(rows.first().id);
        const Subject tung = Subject::person(
            people.page(QStringLiteral("Lê Văn Tùng"), PersonRepository::Sort::Name, true, 0, 5).first().id);
        CHECK(people.get(hoa.personId)->birthDate == QDate(1985, 3, 8));

        Test::Office office(db);
        // Bằng khen of the province asks for two consecutive HTXSNV years up to the year considered.
        const Eligibility::Result forHoa = office.check(hoa, QStringLiteral("BK_TINH"), 2025);
        const Eligibility::ConditionResult *streak = Test::find(forHoa.conditions, QStringLiteral("htxs-2-nam-lien-tuc"));
        REQUIRE(streak);
        CHECK(streak->state == Eligibility::Verdict::Eligible);
        CHECK(streak->progress == QStringLiteral("2/2 consecutive years"));
        const Eligibility::Result forTung = office.check(tung, QStringLiteral("BK_TINH"), 2025);
        const Eligibility::ConditionResult *broken = Test::find(forTung.conditions, QStringLiteral("htxs-2-nam-lien-tuc"));
        REQUIRE(broken);
        CHECK(broken->state == Eligibility::Verdict::NotEligible); // 2024 was only HTTNV
        CHECK(broken->progress == QStringLiteral("1/2 consecutive years"));
        // Lao động tiên tiến 2025 now has its rating: only the clerk's soft criteria remain.
        CHECK(office.check(hoa, QStringLiteral("LDTT"), 2025).verdict == Eligibility::Verdict::NeedsReview);
    });
}
