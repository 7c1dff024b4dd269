// Who a spreadsheet row is (issue 15): keys, name + birth date + unit, the one-row-per-year
// layout, and ratings changed in place. Found by review: each case here once wrote the wrong
// person or lost data. Each database test runs on SQLite and PostgreSQL.
#include "core/accounts/accountrepository.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "core/tables/csvreader.h"
#include "core/tables/peopleimport.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/tablefile.h"
#include "support/testdatabase.h"
#include "tables_support.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;
using VinhDanh::Test::errorOf;

namespace {
struct Office
{
    qint64 unit = 0;
    Person known; // P-1, Lê Thị Cũ, born 05/06/1980, rated HTTNV in 2024 with a note
};

Office office(Database &db)
{
    Office o;
    Unit u;
    u.key = QStringLiteral("SNV");
    u.name = QStringLiteral("Sở Nội vụ");
    u.kind = QStringLiteral("provincial_agency");
    o.unit = UnitRepository(db).save(u);
    o.known.key = QStringLiteral("P-1");
    o.known.fullName = QStringLiteral("Lê Thị Cũ");
    o.known.birthDate = QDate(1980, 6, 5);
    o.known.unitId = o.unit;
    o.known.category = QStringLiteral("cong_chuc");
    PersonRepository(db).save(o.known);
    RecordRepository(db).setRating(
        {0, Subject::person(o.known.id), 2024, QStringLiteral("HTTNV"), QStringLiteral("Khen theo Quyết định 12"), 0});
    return o;
}

PeoplePreview preview(Database &db, const QString &text)
{
    const Sheet s = CsvReader::read(text.toUtf8());
    return previewPeople(db, s, mapPeople(s));
}

int rowCount(Database &db, const QString &table)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM ") + table).scalar(0).toInt();
}

QString reasons(const PeoplePreview &p, int row)
{
    return p.rows.at(row).reasons.join(QLatin1Char('|'));
}

Rating rating(Database &db, qint64 person, int year)
{
    for (const Rating &r : RecordRepository(db).ratings(Subject::person(person)))
        if (r.year == year)
            return r;
    return {};
}
} // namespace

TEST_CASE("importChangingAStoredRating_keepsItsNote", "[tables][import][matching]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const Office o = office(db);
        const PeoplePreview p = preview(db, QStringLiteral("Mã,Họ và tên,Xếp loại 2024\nP-1,Lê Thị Cũ,HTXSNV\n"));
        REQUIRE(p.count(RowStatus::Changed) == 1);
        CHECK(commitPeople(db, p).ratingsSet == 1);
        const Rating r = rating(db, o.known.id, 2024);
        CHECK(r.rating == QStringLiteral("HTXSNV"));
        CHECK(r.note == QStringLiteral("Khen theo Quyết định 12"));
    });
}

TEST_CASE("ratingChangedByAnotherClerkAfterThePreview_failsTheCommit_andKeepsTheirRating", "[tables][import][matching]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const Office o = office(db);
        const PeoplePreview p = preview(db, QStringLiteral("Mã,Họ và tên,Xếp loại 2024\nP-1,Lê Thị Cũ,HTXSNV\n"));
        Rating theirs = rating(db, o.known.id, 2024);
        theirs.rating = QStringLiteral("HTNV"); // saved meanwhile by someone else
        RecordRepository(db).setRating(theirs);
        CHECK(errorOf([&] { commitPeople(db, p); }).contains(QStringLiteral("Row 2")));
        CHECK(rating(db, o.known.id, 2024).rating == QStringLiteral("HTNV"));
    });
}

TEST_CASE("unknownKey_withTheNameBirthDateAndUnitOfSomeone_matchesThem_ratherThanAddingAPerson", "[tables][import][matching]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const Office o = office(db);
        const PeoplePreview p = preview(db, QStringLiteral("Mã,Họ và tên,Ngày sinh,Đơn vị,Đối tượng,Xếp loại 2025\n"
                                                           "NV-0007,Lê Thị Cũ,05/06/1980,SNV,Công chức,HTXSNV\n"));
        REQUIRE(p.rows.size() == 1);
        CHECK(p.rows.at(0).status == RowStatus::Changed);
        // A warning naming the key written and the person taken (issue 15 review), not a note.
        REQUIRE(p.rows.at(0).warnings.size() == 1);
        CHECK(p.rows.at(0).warnings.first().contains(QStringLiteral("no person has the key NV-0007")));
        CHECK(p.rows.at(0).warnings.first().contains(QStringLiteral("Lê Thị Cũ")));
        commitPeople(db, p);
        CHECK(rowCount(db, QStringLiteral("people")) == 1);
        CHECK(rating(db, o.known.id, 2025).rating == QStringLiteral("HTXSNV"));
    });
}

TEST_CASE("keyOfAnotherPerson_isARowErrorNamingBothNames_andRenamesNobody", "[tables][import][matching]")
{
    Test::TestDatabase t;
    t.open();
    const Office o = office(t.db());
    const PeoplePreview p = preview(t.db(), QStringLiteral("Mã,Họ và tên,Ngày sinh\nP-1,Trần Văn Khác,01/01/1999\n"));
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows.at(0).status == RowStatus::Error);
    CHECK(reasons(p, 0).contains(QStringLiteral("the key P-1 belongs to Lê Thị Cũ in the registry, not to Trần Văn Khác")));
    // The same name written without diacritics or in capitals is the same person.
    CHECK(preview(t.db(), QStringLiteral("Mã,Họ và tên\nP-1,LE THI CU\n")).rows.at(0).status != RowStatus::Error);
    CHECK(PersonRepository(t.db()).get(o.known.id)->fullName == QStringLiteral("Lê Thị Cũ"));
}

TEST_CASE("unknownKeyWithoutUnitOrCategory_saysFirstThatNoPersonHasTheKey", "[tables][import][matching]")
{
    Test::TestDatabase t;
    t.open();
    office(t.db());
    const PeoplePreview p = preview(t.db(), QStringLiteral("Mã,Họ và tên\nP-9,Lê Thị Cũ\n"));
    REQUIRE(p.rows.size() == 1);
    REQUIRE(!p.rows.at(0).reasons.isEmpty());
    CHECK(p.rows.at(0).reasons.first().contains(QStringLiteral("no person has the key P-9")));
}

TEST_CASE("yearLayout_laterRowsAddTheirFields_andARowWithoutTheBirthDateJoinsItsPerson", "[tables][import][matching]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        office(db);
        const PeoplePreview p = preview(db, QStringLiteral("Họ và tên;Ngày sinh;Đơn vị;Đối tượng;Chức vụ;CCCD;Năm;Xếp loại\n"
                                                           "Phạm Văn Mới;02/03/1985;SNV;Công chức;;;2023;HTTNV\n"
                                                           "Phạm Văn Mới;;SNV;;Chuyên viên;001085000321;2024;HTXSNV\n"));
        REQUIRE(p.rows.size() == 2);
        CHECK(p.rows.at(1).status == RowStatus::New);
        CHECK(reasons(p, 1).contains(QStringLiteral("more of the person on row 2")));
        const CommitResult r = commitPeople(db, p);
        CHECK(r.peopleAdded == 1);
        CHECK(r.ratingsSet == 2);
        const qint64 id =
            Query(db.sql(), QStringLiteral("SELECT id FROM people WHERE full_name = 'Phạm Văn Mới'")).scalar().toLongLong();
        const Person stored = *PersonRepository(db).get(id);
        CHECK(stored.position == QStringLiteral("Chuyên viên"));
        CHECK(stored.cccd == QStringLiteral("001085000321"));
        CHECK(stored.birthDate == QDate(1985, 3, 2));
    });
}

TEST_CASE("yearLayout_keyedAndUnkeyedRowsOfOneExistingPerson_areOnePerson", "[tables][import][matching]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        office(db);
        const PeoplePreview p = preview(db, QStringLiteral("Mã;Họ và tên;Ngày sinh;Đơn vị;Năm;Xếp loại\n"
                                                           "P-1;Lê Thị Cũ;;;2025;HTTNV\n"
                                                           ";Lê Thị Cũ;05/06/1980;SNV;2025;HTXSNV\n"));
        REQUIRE(p.rows.size() == 2);
        CHECK(p.plans.size() == 1);
        CHECK(p.rows.at(1).status == RowStatus::Error);
        CHECK(reasons(p, 1).contains(QStringLiteral("the rating of 2025 is also given on row 2")));
    });
}

TEST_CASE("rowsOfOnePersonThatDisagree_nameThePersonAndTheField", "[tables][import][matching]")
{
    Test::TestDatabase t;
    t.open();
    office(t.db());
    const PeoplePreview p = preview(t.db(), QStringLiteral("Họ và tên;Ngày sinh;Đơn vị;Đối tượng;Chức vụ;Năm;Xếp loại\n"
                                                           "Phạm Văn Mới;02/03/1985;SNV;Công chức;Chuyên viên;2023;HTTNV\n"
                                                           "Phạm Văn Mới;02/03/1985;SNV;Công chức;Phó phòng;2024;HTTNV\n"));
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows.at(1).status == RowStatus::Error);
    CHECK(reasons(p, 1).contains(QStringLiteral("Phạm Văn Mới is written differently on row 2: position")));
}

TEST_CASE("nineDigitCmndInANumberCell_isARowError_notAPaddedCccd", "[tables][import][matching]")
{
    Test::TestDatabase t;
    t.open();
    office(t.db());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cmnd.xlsx"));
    {
        Test::XlsxWriter book(path);
        lxw_worksheet *ws = book.sheet(QStringLiteral("DS"));
        book.row(ws, 0,
                 {QStringLiteral("Họ và tên"), QStringLiteral("Số CCCD"), QStringLiteral("Đơn vị"), QStringLiteral("Đối tượng")});
        book.row(ws, 1, {QStringLiteral("Bùi Văn Cũ"), 12345678.0 * 10 + 9, QStringLiteral("SNV"), QStringLiteral("Công chức")});
    }
    const Sheet s = readFile(path).sheet;
    const PeoplePreview p = previewPeople(t.db(), s, mapPeople(s));
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows.at(0).status == RowStatus::Error);
    CHECK(reasons(p, 0).contains(QStringLiteral("column B (Số CCCD): a 9-digit CMND number, not a 12-digit CCCD number")));
}

TEST_CASE("formulaWithoutAValueOrATrueFalseCell_isARowError_notAnEmptyCell", "[tables][import][matching]")
{
    Test::TestDatabase t;
    t.open();
    office(t.db());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.xlsx"));
    {
        Test::XlsxWriter book(path);
        book.row(book.sheet(QStringLiteral("DS")), 0, {QStringLiteral("x")});
    }
    auto text = [](const char *ref, const char *t) -> QByteArray {
        return QByteArray("<c r=\"") + ref + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
    };
    Test::replaceZipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml"),
                          "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                          "<row r=\"1\">"
                              + text("A1", "Mã") + text("B1", "Họ và tên") + text("C1", "Giới tính") + text("D1", "Xếp loại 2025")
                              + "</row>"
                                "<row r=\"2\">"
                              + text("A2", "P-1") + text("B2", "Lê Thị Cũ")
                              + "<c r=\"C2\" t=\"b\"><v>1</v></c><c r=\"D2\"><f>Sheet2!B7</f></c></row>"
                                "</sheetData></worksheet>");
    const Sheet s = readFile(path).sheet;
    const PeoplePreview p = previewPeople(t.db(), s, mapPeople(s));
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows.at(0).status == RowStatus::Error);
    const QString why = reasons(p, 0);
    CHECK(why.contains(QStringLiteral("column D (Xếp loại 2025): the formula has no computed value")));
    CHECK(why.contains(QStringLiteral("column C (Giới tính): the cell holds a yes/no value (TRUE)")));
}

TEST_CASE("rejectedRowsFile_usesSemicolons_andDefusesFormulas", "[tables][import]")
{
    Test::TestDatabase t;
    t.open();
    office(t.db());
    const PeoplePreview p = preview(t.db(), QStringLiteral("Họ và tên,Đơn vị,Đối tượng,Ngày sinh\n"
                                                           "\"=HYPERLINK(\"\"http://x\"\",\"\"Xem\"\")\",@SNV,-1,+1\n"));
    REQUIRE(p.hasErrors());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("loai.csv"));
    saveRejected(p, path);
    const QByteArray bytes = Test::readAll(path);
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    CHECK(bytes.contains("Họ và tên;Đơn vị;Đối tượng;Ngày sinh;Row;Reason"));
    const Sheet back = CsvReader::read(bytes);
    REQUIRE(back.rows.size() == 2);
    CHECK(back.rows.at(1).cell(0).text == QStringLiteral("'=HYPERLINK(\"http://x\",\"Xem\")"));
    CHECK(back.rows.at(1).cell(1).text == QStringLiteral("'@SNV"));
    CHECK(back.rows.at(1).cell(2).text == QStringLiteral("'-1"));
    CHECK(back.rows.at(1).cell(3).text == QStringLiteral("'+1"));
}

TEST_CASE("yearLayout_aNewPersonsRequiredFieldsMayComeOnALaterRow_andAreStillRequired", "[tables][import][matching]")
{
    Test::TestDatabase t;
    t.open();
    office(t.db());
    const QString header = QStringLiteral("Họ và tên;Ngày sinh;Đơn vị;Đối tượng;Năm;Xếp loại\n");
    // The category only on the second row: one complete new person.
    PeoplePreview p = preview(t.db(), header
                                          + QStringLiteral("Phạm Văn Mới;02/03/1985;SNV;;2023;HTTNV\n"
                                                           "Phạm Văn Mới;02/03/1985;SNV;Công chức;2024;HTTNV\n"));
    CHECK(p.count(RowStatus::New) == 2);
    // On no row at all: the first row says what is missing.
    p = preview(t.db(), header
                            + QStringLiteral("Phạm Văn Mới;02/03/1985;SNV;;2023;HTTNV\n"
                                             "Phạm Văn Mới;02/03/1985;SNV;;2024;HTTNV\n"));
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows.at(0).status == RowStatus::Error);
    CHECK(reasons(p, 0) == QStringLiteral("the category (Đối tượng) is missing."));
}

TEST_CASE("importByAClerk_ofARatingOutsideTheirUnit_isRefused_andWritesNothing", "[tables][import][matching]")
{
    // The import writes ratings in bulk (statements prepared once); each person's unit is
    // still checked against the clerk's subtree, the first rating of a person as the later.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const Office o = office(db); // Lê Thị Cũ (P-1) works at the Sở Nội vụ
        Unit other;
        other.key = QStringLiteral("STC");
        other.name = QStringLiteral("Sở Tài chính");
        other.kind = QStringLiteral("provincial_agency");
        UnitRepository(db).save(other);
        Person mine;
        mine.key = QStringLiteral("P-2");
        mine.fullName = QStringLiteral("Phạm Văn Mình");
        mine.unitId = other.id;
        mine.category = QStringLiteral("cong_chuc");
        PersonRepository(db).save(mine);
        AccountRepository accounts(db);
        accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, QStringLiteral("mat-khau-dai-1"));
        accounts.login(QStringLiteral("quantri"), QStringLiteral("mat-khau-dai-1"));
        accounts.create(QStringLiteral("vanthu"), {}, QStringLiteral("clerk"), other.id, QStringLiteral("mat-khau-dai-2"));
        const int ratingsBefore = rowCount(db, QStringLiteral("ratings"));

        // The preview names the row a clerk may not write…
        accounts.login(QStringLiteral("vanthu"), QStringLiteral("mat-khau-dai-2"));
        const QString sheet = QStringLiteral("Mã,Họ và tên,Xếp loại 2024,Xếp loại 2025\n"
                                             "P-2,Phạm Văn Mình,HTXSNV,HTXSNV\nP-1,Lê Thị Cũ,HTXSNV,HTXSNV\n");
        CHECK(reasons(preview(db, sheet), 1).contains(QStringLiteral("outside the units you may edit")));
        // …and a preview made under the administrator's login is refused at the commit all the
        // same: their own person first, then one of the Sở Nội vụ, and nothing is written.
        accounts.login(QStringLiteral("quantri"), QStringLiteral("mat-khau-dai-1"));
        const PeoplePreview p = preview(db, sheet);
        REQUIRE_FALSE(p.hasErrors());
        accounts.login(QStringLiteral("vanthu"), QStringLiteral("mat-khau-dai-2"));
        CHECK(errorOf([&] { commitPeople(db, p); }).contains(QStringLiteral("Row 3")));
        CHECK(rowCount(db, QStringLiteral("ratings")) == ratingsBefore);
        CHECK(rating(db, o.known.id, 2024).rating == QStringLiteral("HTTNV"));
        // Their own person alone goes in.
        commitPeople(db, preview(db, QStringLiteral("Mã,Họ và tên,Xếp loại 2024\nP-2,Phạm Văn Mình,HTXSNV\n")));
        CHECK(rating(db, mine.id, 2024).rating == QStringLiteral("HTXSNV"));
    });
}
