// Correctness gaps of the spreadsheet imports found in review (issue 15): a district's form
// read as the province's, a mistyped key silently matched by name. Both backends.
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/tables/awardimport.h"
#include "core/tables/awardmapping.h"
#include "core/tables/initiativeimport.h"
#include "core/tables/nomineelist.h"
#include "core/tables/peopleimport.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/tablefile.h"
#include "core/tables/unitimport.h"
#include "core/tables/unitmapping.h"
#include "eligibility_support.h"
#include "support/testdatabase.h"
#include "tables_support.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;

namespace {
int count(Database &db, const char *table)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).scalar(0).toInt();
}

qint64 addUnit(Database &db, const QString &key, const QString &name)
{
    Unit u;
    u.key = key;
    u.name = name;
    u.kind = QStringLiteral("provincial_agency");
    return UnitRepository(db).save(u);
}

qint64 addPerson(Database &db, const QString &key, const QString &name, const QDate &birth, qint64 unit)
{
    Person p;
    p.key = key;
    p.fullName = name;
    p.birthDate = birth;
    p.unitId = unit;
    p.category = QStringLiteral("cong_chuc");
    return PersonRepository(db).save(p);
}

AwardPreview previewAwardCsv(Database &db, const QTemporaryDir &dir, const QString &csv)
{
    const QString path = dir.filePath(QStringLiteral("khen-thuong.csv"));
    Test::writeAll(path, csv.toUtf8());
    const TableFile file = readFile(path);
    return previewAwards(db, file.sheet, mapRecords(RecordList::Awards, file.sheet));
}
TableFile csvFile(const QTemporaryDir &dir, const QString &name, const QString &csv)
{
    const QString path = dir.filePath(name);
    Test::writeAll(path, csv.toUtf8());
    return readFile(path);
}
} // namespace

TEST_CASE("awardImport_aDistrictBangKhen_isARowErrorNamingTheLevel_notTheProvincesBangKhen", "[tables][awards][formnames]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 stc = addUnit(db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
        addPerson(db, QStringLiteral("P1"), QStringLiteral("Trần Văn Nam"), QDate(1980, 1, 2), stc);
        QTemporaryDir dir;
        const AwardPreview p = previewAwardCsv(db, dir,
                                               QStringLiteral("Mã;Họ và tên;Hình thức khen thưởng;Năm\n"
                                                              "P1;Trần Văn Nam;BK Chủ tịch UBND huyện;2024\n"
                                                              "P1;Trần Văn Nam;BK UBND tỉnh;2024\n"));
        REQUIRE(p.rows.size() == 2);
        CHECK(p.rows.at(0).status == RowStatus::Error);
        const QString why = reasonsText(p.rows.at(0).reasons);
        INFO(why.toStdString());
        CHECK(why.contains(QStringLiteral("huyện")));
        CHECK(!why.contains(QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")));
        CHECK(p.rows.at(1).status == RowStatus::New);
        const int before = count(db, "awards");
        CHECK_THROWS_AS(commitAwards(db, p), Error);
        CHECK(count(db, "awards") == before);
    });
}

TEST_CASE("awardImport_aKeyMatchingNobody_isAnError_unlessNameAndBirthFindOnePerson_thenAWarningNamingBoth", "[tables][awards]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 stc = addUnit(db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
        addPerson(db, QStringLiteral("P0001"), QStringLiteral("Trần Văn Nam"), QDate(1980, 1, 2), stc);
        addPerson(db, QStringLiteral("P0002"), QStringLiteral("Lê Thị Hà"), QDate(1990, 5, 6), stc);
        QTemporaryDir dir;
        const AwardPreview p = previewAwardCsv(db, dir,
                                               QStringLiteral("Mã;Họ và tên;Ngày sinh;Đơn vị;Hình thức khen thưởng;Năm\n"
                                                              // mistyped key, no birth date: the name alone
                                                              // used to pick Nam silently
                                                              "P0010;Trần Văn Nam;;STC;LĐTT;2024\n"
                                                              // mistyped key, name + birth date find Nam
                                                              "P0010;Trần Văn Nam;02/01/1980;STC;LĐTT;2023\n"
                                                              // mistyped key, another birth date: nobody
                                                              "P0020;Lê Thị Hà;07/07/1991;STC;LĐTT;2024\n"));
        REQUIRE(p.rows.size() == 3);
        CHECK(p.rows.at(0).status == RowStatus::Error);
        CHECK(reasonsText(p.rows.at(0).reasons).contains(QStringLiteral("P0010")));
        CHECK(p.rows.at(1).status == RowStatus::New);
        REQUIRE(p.rows.at(1).warnings.size() == 1);
        CHECK(p.rows.at(1).warnings.first().contains(QStringLiteral("P0010")));
        CHECK(p.rows.at(1).warnings.first().contains(QStringLiteral("P0001")));
        CHECK(p.rows.at(1).warnings.first().contains(QStringLiteral("Trần Văn Nam")));
        CHECK(p.rows.at(2).status == RowStatus::Error);
        CHECK(reasonsText(p.rows.at(2).reasons).contains(QStringLiteral("P0020")));
        // A key that exists is taken without a warning.
        const AwardPreview ok = previewAwardCsv(db, dir,
                                                QStringLiteral("Mã;Họ và tên;Hình thức khen thưởng;Năm\n"
                                                               "P0001;Trần Văn Nam;LĐTT;2024\n"));
        REQUIRE(ok.rows.size() == 1);
        CHECK(ok.rows.at(0).status == RowStatus::New);
        CHECK(ok.rows.at(0).warnings.isEmpty());
    });
}

TEST_CASE("peopleAndUnitImport_aKeyMatchingNobody_butFoundByIdentity_isAWarningNamingBoth", "[tables][units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 stc = addUnit(db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
        addPerson(db, QStringLiteral("P0001"), QStringLiteral("Trần Văn Nam"), QDate(1980, 1, 2), stc);
        QTemporaryDir dir;
        const TableFile staff = csvFile(dir, QStringLiteral("can-bo.csv"),
                                        QStringLiteral("Mã;Họ và tên;Ngày sinh;Đơn vị;Đối tượng;Chức vụ\n"
                                                       "P0010;Trần Văn Nam;02/01/1980;STC;Công chức;Chuyên viên\n"));
        const PeoplePreview people = previewPeople(db, staff.sheet, mapPeople(staff.sheet));
        REQUIRE(people.rows.size() == 1);
        CHECK(people.rows.at(0).status != RowStatus::Error);
        REQUIRE(people.rows.at(0).warnings.size() == 1);
        CHECK(people.rows.at(0).warnings.first().contains(QStringLiteral("P0010")));
        CHECK(people.rows.at(0).warnings.first().contains(QStringLiteral("P0001")));
        CHECK(!reasonsText(people.rows.at(0).reasons).contains(QStringLiteral("P0010")));

        const TableFile units = csvFile(dir, QStringLiteral("don-vi.csv"),
                                        QStringLiteral("Mã đơn vị;Tên đơn vị;Loại hình\n"
                                                       "STX;Sở Tài chính;Cơ quan cấp tỉnh\n"));
        const UnitPreview u = previewUnits(db, units.sheet, mapUnits(units.sheet));
        REQUIRE(u.rows.size() == 1);
        INFO(reasonsText(u.rows.at(0).reasons).toStdString());
        CHECK(u.rows.at(0).status != RowStatus::Error);
        REQUIRE(u.rows.at(0).warnings.size() == 1);
        CHECK(u.rows.at(0).warnings.first().contains(QStringLiteral("STX")));
        CHECK(u.rows.at(0).warnings.first().contains(QStringLiteral("STC")));
    });
}

TEST_CASE("peopleImport_twoRowsOfOneSheetForLikelyTheSamePerson_warnNamingTheOtherRow", "[tables][duplicates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
        addUnit(db, QStringLiteral("SYT"), QStringLiteral("Sở Y tế"));
        QTemporaryDir dir;
        // Row 2 with a key, row 3 the same person without it (two new people before the
        // review, silently), row 4 a namesake born the same day in another unit, row 5 someone else.
        const TableFile staff = csvFile(dir, QStringLiteral("can-bo.csv"),
                                        QStringLiteral("Mã;Họ và tên;Ngày sinh;Đơn vị;Đối tượng\n"
                                                       "NV1;Trần Văn Nam;02/01/1980;STC;Công chức\n"
                                                       ";Tran Van Nam;02/01/1980;STC;Công chức\n"
                                                       ";Trần Văn Nam;02/01/1980;SYT;Công chức\n"
                                                       ";Lê Thị Hà;03/03/1990;STC;Công chức\n"));
        const PeoplePreview p = previewPeople(db, staff.sheet, mapPeople(staff.sheet));
        REQUIRE(p.rows.size() == 4);
        for (const PreviewRow &r : p.rows)
            CHECK(r.status == RowStatus::New); // warnings, not errors: namesakes exist
        const QString second = p.rows.at(1).warnings.join(QLatin1Char('\n'));
        INFO(second.toStdString());
        CHECK(second.contains(QStringLiteral("row 2 of this sheet")));
        CHECK(second.contains(QStringLiteral("row 4 of this sheet")));
        CHECK(p.rows.at(0).warnings.join(QLatin1Char('\n')).contains(QStringLiteral("row 3 of this sheet")));
        CHECK(p.rows.at(3).warnings.isEmpty());
    });
}

TEST_CASE("nomineeList_aKeyMatchingNobody_isAnError_unlessNameAndBirthFindOnePerson_thenAWarning", "[tables][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::WorkflowFixture f(db);
        const qint64 nam = f.eligiblePerson(2025, QStringLiteral("Trần Văn Nam"));
        Person p = *PersonRepository(db).get(nam);
        p.birthDate = QDate(1980, 1, 2);
        PersonRepository(db).save(p);
        const QString key = PersonRepository(db).get(nam)->key;
        const qint64 dossier = f.newDossier(2025).id;
        QTemporaryDir dir;
        const TableFile list = csvFile(dir, QStringLiteral("danh-sach.csv"),
                                       QStringLiteral("STT;Mã;Họ và tên;Ngày sinh;Hình thức đề nghị\n"
                                                      "1;PX-9;Trần Văn Nam;;LĐTT\n"
                                                      "2;PX-9;Trần Văn Nam;02/01/1980;LĐTT\n"));
        const NomineeListPreview preview = previewNomineeList(db, dossier, list.sheet, mapNomineeList(list.sheet), {});
        REQUIRE(preview.rows.size() == 2);
        // The name alone no longer stands in for a mistyped key.
        CHECK(preview.rows.at(0).status == RowStatus::Error);
        CHECK(reasonsText(preview.rows.at(0).reasons).contains(QStringLiteral("PX-9")));
        // Name and birth date find Nam: taken, with a warning naming both keys.
        INFO(reasonsText(preview.rows.at(1).reasons).toStdString());
        REQUIRE(preview.rows.at(1).warnings.size() == 1);
        CHECK(preview.rows.at(1).warnings.first().contains(QStringLiteral("PX-9")));
        CHECK(preview.rows.at(1).warnings.first().contains(key));
    });
}

TEST_CASE("initiativeImport_readOnlyForTheSheetsPeople_stillFindsAStoredInitiativeByItsNumber", "[tables][initiatives]")
{
    // The preview no longer loads every initiative of the registry (issue 15 review): it reads
    // those of the people and numbers the sheet names. An initiative stored with another
    // holder is still found by its number, and gets the new co-author, not a twin.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::Office office(db);
        const qint64 stc = addUnit(db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
        const qint64 an = addPerson(db, QStringLiteral("P1"), QStringLiteral("Trần Văn An"), QDate(1980, 1, 2), stc);
        addPerson(db, QStringLiteral("P2"), QStringLiteral("Lê Thị Bình"), QDate(1985, 3, 4), stc);
        office.initiative(an, QStringLiteral("Số hoá hồ sơ thi đua"), QStringLiteral("co_so"), 2024); // number SK-2024
        office.initiative(an, QStringLiteral("Một cửa liên thông"), QStringLiteral("co_so"), 2023);
        const int before = count(db, "initiatives");
        QTemporaryDir dir;
        const TableFile file = csvFile(dir, QStringLiteral("sang-kien.csv"),
                                       QStringLiteral("Tên sáng kiến;Mã;Tác giả;Số QĐ công nhận;Cấp công nhận\n"
                                                      "Số hoá hồ sơ thi đua;P2;Lê Thị Bình;SK-2024;Cấp cơ sở\n"));
        const InitiativePreview p = previewInitiatives(db, file.sheet, mapRecords(RecordList::Initiatives, file.sheet));
        REQUIRE(p.rows.size() == 1);
        INFO(reasonsText(p.rows.at(0).reasons).toStdString());
        CHECK(p.rows.at(0).status == RowStatus::Changed);
        commitInitiatives(db, p);
        CHECK(count(db, "initiatives") == before);
    });
}

TEST_CASE("awardImport_anotherBodysAwardOrACityOfNoKnownLevel_isARowError_andTheOfficesCityIsItsProvince",
          "[tables][awards][formnames]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 stc = addUnit(db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
        addPerson(db, QStringLiteral("P1"), QStringLiteral("Trần Văn Nam"), QDate(1980, 1, 2), stc);
        const QString csv = QStringLiteral("Mã;Họ và tên;Hình thức khen thưởng;Năm\n"
                                           "P1;Trần Văn Nam;Bằng khen BTV Tỉnh ủy;2022\n"
                                           "P1;Trần Văn Nam;Bằng khen UBND thành phố;2023\n"
                                           "P1;Trần Văn Nam;BK UBND TP Hà Nội;2024\n");
        QTemporaryDir dir;
        {
            // The letterhead's default ("UBND TỈNH", no place): "thành phố" cannot be told.
            const AwardPreview p = previewAwardCsv(db, dir, csv);
            REQUIRE(p.rows.size() == 3);
            CHECK(p.rows.at(0).status == RowStatus::Error);
            const QString party = reasonsText(p.rows.at(0).reasons);
            INFO(party.toStdString());
            CHECK(party.contains(QStringLiteral("Bằng khen BTV Tỉnh ủy")));
            CHECK(party.contains(QStringLiteral("not in the catalogue")));
            CHECK(p.rows.at(1).status == RowStatus::Error);
            CHECK(reasonsText(p.rows.at(1).reasons).contains(QStringLiteral("cannot be told")));
            CHECK(p.rows.at(2).status == RowStatus::New); // a named centrally-run city is a province
            const int before = count(db, "awards");
            CHECK_THROWS_AS(commitAwards(db, p), Error);
            CHECK(count(db, "awards") == before);
        }
        // An office in Hải Phòng: its "UBND thành phố" is the province's Bằng khen.
        Query(db.sql(), QStringLiteral("INSERT INTO office_settings (key, value) VALUES ('letterhead.body', :v)"))
            .bind(QStringLiteral(":v"), QStringLiteral("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG"))
            .exec();
        const AwardPreview p = previewAwardCsv(db, dir, csv);
        REQUIRE(p.rows.size() == 3);
        CHECK(p.rows.at(0).status == RowStatus::Error);
        CHECK(p.rows.at(1).status == RowStatus::New);
        CHECK(reasonsText(p.rows.at(1).reasons).contains(QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")));
    });
}
