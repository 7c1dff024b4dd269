// Staff and their yearly ratings from a spreadsheet (issue 15): columns matched from the
// headers offices write, a preview with every row's status and reasons, and a commit that
// writes all of it or nothing. Each database test runs on SQLite and PostgreSQL.
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
qint64 addUnit(Database &db, const QString &name, const QString &key = {})
{
    Unit u;
    u.key = key;
    u.name = name;
    u.kind = QStringLiteral("provincial_agency");
    return UnitRepository(db).save(u);
}

Sheet csv(const QString &text)
{
    return CsvReader::read(text.toUtf8());
}

PeoplePreview preview(Database &db, const Sheet &s, const QHash<QString, QString> &overrides = {})
{
    return previewPeople(db, s, mapPeople(s, overrides));
}

int rowCount(Database &db, const QString &table)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM ") + table).scalar(0).toInt();
}

QStringList fieldsOf(const PeopleMapping &m)
{
    QStringList out;
    for (const MappedColumn &c : m.columns)
        out << fieldName(c.field, c.year);
    return out;
}
} // namespace

TEST_CASE("headersInTheirUsualSpellings_withOrWithoutDiacritics_areMatched", "[tables][mapping]")
{
    const QStringList expected{QStringLiteral("fullName"), QStringLiteral("birthDate"), QStringLiteral("gender"),
                               QStringLiteral("unit"),     QStringLiteral("position"),  QStringLiteral("category"),
                               QStringLiteral("cccd"),     QStringLiteral("key")};
    for (const QString &header :
         {QStringLiteral("Họ và tên,Ngày sinh,Giới tính,Đơn vị,Chức vụ,Đối tượng,CCCD,Mã"),
          QStringLiteral("Ho ten,Ngay sinh,Gioi tinh,Don vi,Chuc vu,Doi tuong,So CCCD,Ma"),
          QStringLiteral("HỌ TÊN,NGÀY SINH,GIỚI TÍNH,ĐƠN VỊ CÔNG TÁC,CHỨC VỤ,ĐỐI TƯỢNG,Căn cước công dân,MÃ")}) {
        INFO(header.toStdString());
        CHECK(fieldsOf(mapPeople(csv(header + QLatin1Char('\n')))) == expected);
    }
    // One column per year, written the ways clerks write it; STT is a known column left out.
    const PeopleMapping years = mapPeople(csv(QStringLiteral("STT,Họ và tên,Xếp loại 2021,2022,Năm 2023,XL 2024,Ghi chú mới\n")));
    CHECK(fieldsOf(years)
          == QStringList{QStringLiteral("ignore"), QStringLiteral("fullName"), QStringLiteral("rating:2021"),
                         QStringLiteral("rating:2022"), QStringLiteral("rating:2023"), QStringLiteral("rating:2024")});
    CHECK(years.unrecognised == QStringList{QStringLiteral("Ghi chú mới")});
    // The header is found below a title line.
    CHECK(mapPeople(csv(QStringLiteral("DANH SÁCH\n\nHọ và tên,Năm,Xếp loại\n"))).headerRow == 3);
}

TEST_CASE("mappingFile_overridesTheHeaders_andRefusesUnknownFieldsAndMissingColumns", "[tables][mapping]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.json"));
    Test::writeAll(path, R"({"Cán bộ": "fullName", "Nơi làm việc": "unit", "KQ 2024": "rating:2024", "Đơn vị": "ignore"})");
    const Sheet s = csv(QStringLiteral("Cán bộ,Nơi làm việc,KQ 2024,Đơn vị\n"));
    CHECK(errorOf([&] { mapPeople(s); }).contains(QStringLiteral("full-name column")));
    const PeopleMapping m = mapPeople(s, loadMappingFile(path));
    CHECK(fieldsOf(m)
          == QStringList{QStringLiteral("fullName"), QStringLiteral("unit"), QStringLiteral("rating:2024"), QStringLiteral("ignore")});
    Test::writeAll(path, R"({"Cán bộ": "hoTen"})");
    CHECK(errorOf([&] { loadMappingFile(path); }).contains(QStringLiteral("\"hoTen\"")));
    Test::writeAll(path, R"({"Cán bộ": "fullName", "Không có": "unit"})");
    CHECK(errorOf([&] { mapPeople(s, loadMappingFile(path)); }).contains(QStringLiteral("does not have")));
    // Two columns read as the same field are named, not silently merged.
    CHECK(errorOf([] { mapPeople(csv(QStringLiteral("Họ và tên,Họ tên,Đơn vị\n"))); }).contains(QStringLiteral("Columns A and B")));
}

TEST_CASE("ratingValues_areReadFromCodesAndWords", "[tables][mapping]")
{
    CHECK(Values::rating(QStringLiteral("HTXSNV")) == QStringLiteral("HTXSNV"));
    CHECK(Values::rating(QStringLiteral("htxsnv")) == QStringLiteral("HTXSNV"));
    CHECK(Values::rating(QStringLiteral("Hoàn thành xuất sắc nhiệm vụ")) == QStringLiteral("HTXSNV"));
    CHECK(Values::rating(QStringLiteral("Hoan thanh tot nhiem vu")) == QStringLiteral("HTTNV"));
    CHECK(Values::rating(QStringLiteral("Hoàn thành nhiệm vụ")) == QStringLiteral("HTNV"));
    CHECK(Values::rating(QStringLiteral("Không hoàn thành nhiệm vụ")) == QStringLiteral("KHTNV"));
    CHECK(Values::rating(QStringLiteral("Tốt")).isEmpty());
    CHECK(Values::category(QStringLiteral("Công chức")) == QStringLiteral("cong_chuc"));
    CHECK(Values::category(QStringLiteral("vien_chuc")) == QStringLiteral("vien_chuc"));
    CHECK(Values::category(QStringLiteral("Người lao động")) == QStringLiteral("nguoi_lao_dong"));
    CHECK(Values::gender(QStringLiteral("Nữ")) == QStringLiteral("female"));
}

TEST_CASE("preview_listsEveryRowWithItsStatusAndReasons_andWritesNothing", "[tables][import]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 unit = addUnit(db, QStringLiteral("Sở Nội vụ"), QStringLiteral("SNV"));
        Person known;
        known.key = QStringLiteral("P-1");
        known.fullName = QStringLiteral("Lê Thị Cũ");
        known.unitId = unit;
        known.category = QStringLiteral("cong_chuc");
        known.position = QStringLiteral("Chuyên viên");
        PersonRepository(db).save(known);
        RecordRepository(db).setRating({0, Subject::person(known.id), 2024, QStringLiteral("HTTNV"), {}, 0});
        const int auditBefore = rowCount(db, QStringLiteral("audit_log"));

        const Sheet s = csv(QStringLiteral("Mã,Họ và tên,Ngày sinh,Đơn vị,Chức vụ,Đối tượng,Xếp loại 2024\n"
                                           "P-1,Lê Thị Cũ,,SNV,Chuyên viên,,HTTNV\n"                // unchanged
                                           ",Phạm Văn Mới,02/03/1985,sở nội vụ,,Công chức,HTXSNV\n" // new; unit by folded name
                                           ",Hồ Sai,31/02/1985,Sở Ngoại vụ,,Cán bộ,Tốt\n"           // errors
                                           "P-1,Lê Thị Cũ,,SNV,Phó phòng,,HTXSNV\n"));              // same person: changes
        const PeoplePreview p = preview(db, s);
        REQUIRE(p.rows.size() == 4);
        CHECK(p.rows.at(0).sheetRow == 2);
        CHECK(p.rows.at(0).status == RowStatus::Unchanged);
        CHECK(p.rows.at(1).status == RowStatus::New);
        CHECK(p.rows.at(1).reasons.join(QLatin1Char('|')).contains(QStringLiteral("new person in Sở Nội vụ")));
        CHECK(p.rows.at(1).reasons.join(QLatin1Char('|')).contains(QStringLiteral("rating of 2024")));
        const PreviewRow &bad = p.rows.at(2);
        CHECK(bad.status == RowStatus::Error);
        CHECK(bad.sheetRow == 4);
        const QString why = bad.reasons.join(QLatin1Char('|'));
        CHECK(why.contains(QStringLiteral("column C (Ngày sinh): \"31/02/1985\" is not a real date")));
        CHECK(why.contains(QStringLiteral("column D (Đơn vị): no unit has the key or the name \"Sở Ngoại vụ\"")));
        CHECK(why.contains(QStringLiteral("column G (Xếp loại 2024): \"Tốt\" is not a task rating")));
        // Rows 2 and 5 are the same person: the later one disagrees on the rating of 2024.
        CHECK(p.rows.at(3).status == RowStatus::Error);
        CHECK(p.rows.at(3).reasons.join(QLatin1Char('|')).contains(QStringLiteral("also given on row 2")));
        CHECK(p.count(RowStatus::Error) == 2);
        CHECK(rowCount(db, QStringLiteral("people")) == 1);
        CHECK(rowCount(db, QStringLiteral("audit_log")) == auditBefore);
    });
}

TEST_CASE("commitWithAnErrorRow_writesNothing_andTheRejectedFileGivesTheReasons", "[tables][import]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("Sở Tư pháp"));
        const Sheet s = csv(QStringLiteral("Họ và tên,Đơn vị,Đối tượng,Ngày sinh\n"
                                           "Trần Văn Được,Sở Tư pháp,Công chức,01/01/1980\n"
                                           "Trần Văn Hỏng,Sở Tư pháp,Công chức,31/02/2025\n"));
        const PeoplePreview p = preview(db, s);
        const QString message = errorOf([&] { commitPeople(db, p); });
        CHECK(message.contains(QStringLiteral("1 row of the sheet has")));
        CHECK(message.contains(QStringLiteral("nothing was written")));
        CHECK(rowCount(db, QStringLiteral("people")) == 0);
        QTemporaryDir dir;
        const QString rejected = dir.filePath(QStringLiteral("loi.csv"));
        saveRejected(p, rejected);
        const Sheet back = CsvReader::read(Test::readAll(rejected));
        REQUIRE(back.rows.size() == 2);
        CHECK(back.rows.at(0).cell(4).text == QStringLiteral("Row"));
        CHECK(back.rows.at(0).cell(5).text == QStringLiteral("Reason"));
        CHECK(back.rows.at(1).cell(0).text == QStringLiteral("Trần Văn Hỏng"));
        CHECK(back.rows.at(1).cell(4).text == QStringLiteral("3"));
        CHECK(back.rows.at(1).cell(5).text.contains(QStringLiteral("not a real date")));
    });
}

TEST_CASE("commit_writesPeopleAndRatingsThroughTheRepositories_andAgainChangesNothing", "[tables][import]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("UBND xã Tân Lập"));
        // One rating per row ("Năm" + "Xếp loại"): three rows make one person.
        const Sheet s = csv(QStringLiteral("Họ và tên;Ngày sinh;Giới tính;Đơn vị;Đối tượng;CCCD;Năm;Xếp loại\n"
                                           "Vũ Thị Lan;05/06/1990;Nữ;UBND xã Tân Lập;Viên chức;001090000123;2023;HTTNV\n"
                                           "Vũ Thị Lan;05/06/1990;Nữ;UBND xã Tân Lập;Viên chức;;2024;Hoàn thành xuất sắc nhiệm vụ\n"
                                           "Vũ Thị Lan;05/06/1990;;UBND xã Tân Lập;;;2025;HTXSNV\n"));
        PeoplePreview p = preview(db, s);
        REQUIRE(p.count(RowStatus::New) == 3);
        QList<int> steps;
        const CommitResult r = commitPeople(db, p, [&](int done, int total) { steps << done << total; });
        CHECK(r.peopleAdded == 1);
        CHECK(r.ratingsSet == 3);
        CHECK(steps == QList<int>{1, 1});
        const qint64 id = Query(db.sql(), QStringLiteral("SELECT id FROM people")).scalar().toLongLong();
        const Person stored = *PersonRepository(db).get(id);
        CHECK(stored.birthDate == QDate(1990, 6, 5));
        CHECK(stored.gender == QStringLiteral("female"));
        CHECK(stored.category == QStringLiteral("vien_chuc"));
        CHECK(stored.cccd == QStringLiteral("001090000123"));
        CHECK(RecordRepository(db).ratings(Subject::person(id)).size() == 3);
        // A bulk import: one audit entry for the batch instead of one per new row (issue 15).
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'ratings'")).scalar().toInt() == 0);
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'import_batches'")).scalar().toInt()
              == 1);
        // The same list again: matched by name, birth date and unit; nothing to do.
        const int auditBefore = rowCount(db, QStringLiteral("audit_log"));
        p = preview(db, s);
        CHECK(p.count(RowStatus::Unchanged) == 3);
        const CommitResult again = commitPeople(db, p);
        CHECK(again.peopleAdded == 0);
        CHECK(again.peopleChanged == 0);
        CHECK(again.ratingsSet == 0);
        CHECK(rowCount(db, QStringLiteral("people")) == 1);
        CHECK(rowCount(db, QStringLiteral("audit_log")) == auditBefore);
    });
}

TEST_CASE("cancelDuringCommit_rollsEverythingBack", "[tables][import]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("Sở Y tế"));
        QString text = QStringLiteral("Họ và tên,Đơn vị,Đối tượng,2025\n");
        for (int i = 0; i < 5; ++i)
            text += QStringLiteral("Người Số %1,Sở Y tế,Viên chức,HTTNV\n").arg(QChar(u'A' + i));
        const PeoplePreview p = preview(db, csv(text));
        // A first list fills empty tables with their indexes (and PostgreSQL's foreign keys)
        // set aside until the rows are in: a cancel or a commit must leave them all in place.
        const auto indexesAndKeys = [&] {
            return Query(db.sql(),
                         db.backend() == Backend::Sqlite
                             ? QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master "
                                              "WHERE tbl_name IN ('people', 'ratings') ORDER BY name)")
                             : QStringLiteral("SELECT string_agg(n, ',' ORDER BY n) FROM (SELECT indexname AS n FROM pg_indexes "
                                              "WHERE tablename IN ('people', 'ratings') UNION ALL SELECT conname FROM pg_constraint "
                                              "WHERE conrelid IN (CAST('people' AS regclass), CAST('ratings' AS regclass))) AS k"))
                .scalar()
                .toString();
        };
        const QString schema = indexesAndKeys();
        REQUIRE(schema.contains(QLatin1String("people_unit")));
        std::atomic_bool cancel = false;
        const CommitResult r = commitPeople(
            db, p, [&](int done, int) { cancel = done == 3; }, &cancel);
        CHECK(r.cancelled);
        CHECK(rowCount(db, QStringLiteral("people")) == 0);
        CHECK(rowCount(db, QStringLiteral("ratings")) == 0);
        CHECK(indexesAndKeys() == schema);
        cancel = false;
        const CommitResult done = commitPeople(db, p, {}, &cancel);
        CHECK(done.peopleAdded == 5);
        CHECK(rowCount(db, QStringLiteral("ratings")) == 5);
        CHECK(indexesAndKeys() == schema);
    });
}

TEST_CASE("personChangedByAnotherClerkAfterThePreview_failsTheCommit_andWritesNothing", "[tables][import]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 unit = addUnit(db, QStringLiteral("Sở Xây dựng"));
        Person p;
        p.key = QStringLiteral("XD-1");
        p.fullName = QStringLiteral("Đỗ Văn Xây");
        p.unitId = unit;
        p.category = QStringLiteral("cong_chuc");
        PersonRepository(db).save(p);
        const PeoplePreview plan = preview(db, csv(QStringLiteral("Mã,Họ và tên,Chức vụ,Đơn vị,Đối tượng\n"
                                                                  "XD-2,Mai Văn Mới,,Sở Xây dựng,Công chức\n"
                                                                  "XD-1,Đỗ Văn Xây,Trưởng phòng,,\n")));
        REQUIRE(plan.count(RowStatus::Changed) == 1);
        p.position = QStringLiteral("Phó phòng"); // saved meanwhile by someone else
        PersonRepository(db).save(p);
        CHECK(errorOf([&] { commitPeople(db, plan); }).contains(QStringLiteral("Row 3")));
        CHECK(rowCount(db, QStringLiteral("people")) == 1); // the new person of row 2 went too
        CHECK(PersonRepository(db).get(p.id)->position == QStringLiteral("Phó phòng"));
    });
}

TEST_CASE("cccdTypedIntoANumberCell_getsItsLeadingZerosBack", "[tables][import]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("Sở Công Thương"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cccd.xlsx"));
        {
            Test::XlsxWriter book(path);
            lxw_worksheet *ws = book.sheet(QStringLiteral("DS"));
            book.row(ws, 0,
                     {QStringLiteral("Họ và tên"), QStringLiteral("Số CCCD"), QStringLiteral("Đơn vị"), QStringLiteral("Đối tượng")});
            // 001090000123 typed into a number cell: Excel keeps 1090000123.
            book.row(ws, 1,
                     {QStringLiteral("Bùi Văn Số"), 1090000123.0, QStringLiteral("Sở Công Thương"), QStringLiteral("Công chức")});
        }
        const Sheet s = readFile(path).sheet;
        const PeoplePreview p = preview(db, s);
        REQUIRE(p.count(RowStatus::New) == 1);
        commitPeople(db, p);
        CHECK(Query(db.sql(), QStringLiteral("SELECT cccd FROM people")).scalar().toString() == QStringLiteral("001090000123"));
    });
}

TEST_CASE("samePersonOnTwoRowsOfAOneRowPerPersonList_isAnError_notAMerge", "[tables][import]")
{
    Test::TestDatabase t;
    t.open();
    addUnit(t.db(), QStringLiteral("Sở Văn hóa"));
    const PeoplePreview p = preview(t.db(), csv(QStringLiteral("Họ và tên,Đơn vị,Đối tượng,Xếp loại 2025\n"
                                                               "Nguyễn Văn An,Sở Văn hóa,Công chức,HTTNV\n"
                                                               "Nguyễn Văn An,Sở Văn hóa,Công chức,HTTNV\n")));
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows.at(0).status == RowStatus::New);
    CHECK(p.rows.at(1).status == RowStatus::Error);
    CHECK(p.rows.at(1).reasons.join(QLatin1Char('|')).contains(QStringLiteral("already on row 2")));
}

TEST_CASE("personAddedMeanwhileInTheMiddleOfALongSheet_isNamedByItsOwnRow_andNothingIsWritten", "[tables][import]")
{
    // 600 new people go in by chunks of 250; row 302 is in the second chunk, not its first row
    // (252), so the message proves the chunk was retried person by person to find it.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 unit = addUnit(db, QStringLiteral("Sở Nội vụ"));
        const QStringList family{QStringLiteral("Nguyễn"), QStringLiteral("Trần"),  QStringLiteral("Lê"),
                                 QStringLiteral("Phạm"),   QStringLiteral("Hoàng"), QStringLiteral("Vũ")};
        const QStringList middle{QStringLiteral("Văn"),  QStringLiteral("Thị"),  QStringLiteral("Hữu"),   QStringLiteral("Đức"),
                                 QStringLiteral("Minh"), QStringLiteral("Ngọc"), QStringLiteral("Thanh"), QStringLiteral("Quốc"),
                                 QStringLiteral("Xuân"), QStringLiteral("Kim")};
        const QStringList given{QStringLiteral("An"),    QStringLiteral("Bình"), QStringLiteral("Cường"), QStringLiteral("Dũng"),
                                QStringLiteral("Giang"), QStringLiteral("Hà"),   QStringLiteral("Khánh"), QStringLiteral("Lan"),
                                QStringLiteral("Mai"),   QStringLiteral("Nam")};
        QString text = QStringLiteral("Mã,Họ và tên,Đơn vị,Đối tượng,2025\n");
        for (int i = 0; i < 600; ++i)
            text += QStringLiteral("NV-%1,%2 %3 %4,Sở Nội vụ,Công chức,HTTNV\n")
                        .arg(i + 1)
                        .arg(family.at(i / 100), middle.at(i / 10 % 10), given.at(i % 10));
        const PeoplePreview p = preview(db, csv(text));
        REQUIRE(p.count(RowStatus::New) == 600);
        Person meanwhile; // another clerk saves a person with row 302's code after the preview
        meanwhile.key = QStringLiteral("NV-301");
        meanwhile.fullName = QStringLiteral("Đinh Công Tráng");
        meanwhile.unitId = unit;
        meanwhile.category = QStringLiteral("cong_chuc");
        PersonRepository(db).save(meanwhile);
        const int auditBefore = rowCount(db, QStringLiteral("audit_log"));

        const QString message = errorOf([&] { commitPeople(db, p); });
        CHECK(message.startsWith(QStringLiteral("Row 302:")));
        CHECK(message.endsWith(QStringLiteral("Nothing was written.")));
        CHECK(rowCount(db, QStringLiteral("people")) == 1); // only the one saved meanwhile
        CHECK(rowCount(db, QStringLiteral("ratings")) == 0);
        CHECK(rowCount(db, QStringLiteral("audit_log")) == auditBefore); // no entry for the sheet
    });
}
