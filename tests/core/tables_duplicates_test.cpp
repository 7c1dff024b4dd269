// Likely duplicates shown on a staff-list import (issue 15 item 5): a row that would add
// someone the registry probably holds already warns and still imports; a CCCD that belongs to
// someone else is refused. Each database test runs on SQLite and PostgreSQL.
#include "core/accounts/accountrepository.h"
#include "core/db/query.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/tables/csvreader.h"
#include "core/tables/peopleimport.h"
#include "core/tables/peoplemapping.h"
#include "support/testdatabase.h"
#include "tables_support.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;
using VinhDanh::Test::errorOf;

namespace {
/// Nguyễn Văn An (P000123), born 04/03/1980, CCCD 001080001234, at the Sở Nội vụ; the Sở Tài
/// chính has nobody yet.
struct Registry
{
    qint64 home = 0, other = 0;
    Person an;
};

qint64 unit(Database &db, const QString &key, const QString &name)
{
    Unit u;
    u.key = key;
    u.name = name;
    u.kind = QStringLiteral("provincial_agency");
    return UnitRepository(db).save(u);
}

Registry registry(Database &db)
{
    Registry r;
    r.home = unit(db, QStringLiteral("SNV"), QStringLiteral("Sở Nội vụ"));
    r.other = unit(db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
    r.an.key = QStringLiteral("P000123");
    r.an.fullName = QStringLiteral("Nguyễn Văn An");
    r.an.birthDate = QDate(1980, 3, 4);
    r.an.cccd = QStringLiteral("001080001234");
    r.an.unitId = r.home;
    r.an.category = QStringLiteral("cong_chuc");
    PersonRepository(db).save(r.an);
    return r;
}

PeoplePreview preview(Database &db, const QString &text)
{
    const Sheet s = CsvReader::read(text.toUtf8());
    return previewPeople(db, s, mapPeople(s));
}

int people(Database &db)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM people")).scalar(0).toInt();
}

const QString kHeader = QStringLiteral("Họ và tên,Ngày sinh,Đơn vị,Đối tượng,CCCD\n");
} // namespace

TEST_CASE("newRowWithTheNameAndBirthDateOfSomeoneInAnotherUnit_warnsNamingThem_andStillImportsAsNew", "[tables][import][duplicates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        registry(db);
        // Moved to the Sở Tài chính and typed without diacritics: the same folded name.
        const PeoplePreview p = preview(db, kHeader + QStringLiteral("NGUYEN VAN AN,04/03/1980,STC,Công chức,\n"));
        REQUIRE(p.rows.size() == 1);
        const PreviewRow &row = p.rows.at(0);
        CHECK(row.status == RowStatus::New);
        REQUIRE(row.warnings.size() == 1);
        CHECK(
            row.warnings.at(0)
            == QStringLiteral("may be the same as Nguyễn Văn An (P000123, Sở Nội vụ, born 1980): the same birth date, another unit"));
        // The birth year only, and never the CCCD, in what the preview shows.
        const QString shown = (row.reasons + row.warnings).join(QLatin1Char('|'));
        CHECK_FALSE(shown.contains(QStringLiteral("04/03")));
        CHECK_FALSE(shown.contains(QStringLiteral("1234")));
        CHECK_FALSE(p.hasErrors());
        const CommitResult done = commitPeople(db, p);
        CHECK(done.peopleAdded == 1);
        CHECK(people(db) == 2);
    });
}

TEST_CASE("newRowWithTheCccdOfSomeoneElse_isRefusedNamingThem_andWritesNothing", "[tables][import][duplicates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        registry(db);
        const PeoplePreview p = preview(db, kHeader + QStringLiteral("Trần Thị Bình,01/01/1990,STC,Công chức,001080001234\n"));
        REQUIRE(p.rows.size() == 1);
        CHECK(p.rows.at(0).status == RowStatus::Error);
        CHECK(p.rows.at(0)
                  .reasons.join(QLatin1Char('|'))
                  .contains(QStringLiteral("the CCCD number already belongs to Nguyễn Văn An (P000123, Sở Nội vụ, born 1980) "
                                           "in the registry")));
        // An error, not a warning: the commit refuses the whole list.
        CHECK(p.rows.at(0).warnings.isEmpty());
        CHECK_FALSE(errorOf([&] { commitPeople(db, p); }).isEmpty());
        CHECK(people(db) == 1);
    });
}

TEST_CASE("namesakeWithAnotherBirthDate_orWithoutOneInAnotherUnit_getsNoWarning", "[tables][import][duplicates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        registry(db);
        const PeoplePreview p = preview(db, kHeader
                                                + QStringLiteral("Nguyễn Văn An,05/03/1980,STC,Công chức,\n"
                                                                 "Nguyễn Văn An,,STC,Công chức,\n"));
        REQUIRE(p.rows.size() == 2);
        for (const PreviewRow &row : p.rows) {
            CHECK(row.status == RowStatus::New);
            CHECK(row.warnings.isEmpty());
        }
    });
}

TEST_CASE("newRowWithoutABirthDate_namedLikeSomeoneOfTheSameUnit_warns", "[tables][import][duplicates]")
{
    Test::TestDatabase t;
    t.open();
    registry(t.db());
    const PeoplePreview p = preview(t.db(), kHeader + QStringLiteral("Nguyễn Văn An,,SNV,Công chức,\n"));
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows.at(0).status == RowStatus::New);
    CHECK(p.rows.at(0).warnings
          == QStringList{QStringLiteral(
              "may be the same as Nguyễn Văn An (P000123, Sở Nội vụ, born 1980): no birth date to compare, the same unit")});
}

TEST_CASE("yearLayout_theBirthDateOnALaterRow_stillWarnsOnThePersonsFirstRow", "[tables][import][duplicates]")
{
    Test::TestDatabase t;
    t.open();
    registry(t.db());
    const PeoplePreview p = preview(t.db(), QStringLiteral("Họ và tên,Ngày sinh,Đơn vị,Đối tượng,Năm,Xếp loại\n"
                                                           "Nguyễn Văn An,,STC,Công chức,2024,HTNV\n"
                                                           "Nguyễn Văn An,04/03/1980,STC,,2025,HTNV\n"));
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows.at(0).status == RowStatus::New);
    REQUIRE(p.rows.at(0).warnings.size() == 1);
    CHECK(p.rows.at(0).warnings.at(0).contains(QStringLiteral("the same birth date, another unit")));
    CHECK(p.rows.at(1).warnings.isEmpty()); // one warning per person, not per year
}

TEST_CASE("likelyDuplicateOutsideAClerksUnits_isWarnedWithoutNamingThem", "[tables][import][duplicates]")
{
    Test::TestDatabase t;
    t.open();
    Database &db = t.db();
    const Registry r = registry(db);
    AccountRepository accounts(db);
    accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, QStringLiteral("mat-khau-dai-1"));
    accounts.login(QStringLiteral("quantri"), QStringLiteral("mat-khau-dai-1"));
    accounts.create(QStringLiteral("vanthu"), {}, QStringLiteral("clerk"), r.other, QStringLiteral("mat-khau-dai-2"));
    accounts.login(QStringLiteral("vanthu"), QStringLiteral("mat-khau-dai-2"));
    const PeoplePreview p = preview(db, kHeader + QStringLiteral("Nguyễn Văn An,04/03/1980,STC,Công chức,\n"));
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows.at(0).status == RowStatus::New);
    CHECK(p.rows.at(0).warnings
          == QStringList{QStringLiteral("may be the same as a person in a unit outside the units you may edit: the same "
                                        "birth date, another unit")});
}

TEST_CASE("cccdTakenBetweenPreviewAndCommit_isRefusedNamingTheHolder_andWritesNothing", "[tables][import][duplicates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        registry(db);
        // Free when previewed; another clerk gives the number to someone before the commit.
        const PeoplePreview p = preview(db, kHeader
                                                + QStringLiteral("Lê Văn Cường,02/02/1985,STC,Công chức,001085004321\n"
                                                                 "Phạm Thị Dung,03/03/1986,STC,Công chức,\n"));
        REQUIRE_FALSE(p.hasErrors());
        Person other;
        other.fullName = QStringLiteral("Hoàng Văn Em");
        other.cccd = QStringLiteral("001085004321");
        other.unitId = p.plans.at(0).person.unitId;
        other.category = QStringLiteral("cong_chuc");
        PersonRepository(db).save(other);
        const QString error = errorOf([&] { commitPeople(db, p); });
        CHECK(error.contains(QStringLiteral("Row 2:")));
        CHECK(error.contains(QStringLiteral("The CCCD number 001085004321 already belongs to Hoàng Văn Em.")));
        CHECK(people(db) == 2);
    });
}

TEST_CASE("batchCccdCheck_followsTheNumbersTheBatchMovesAndTakes", "[tables][import][duplicates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Registry r = registry(db);
        PersonRepository::Batch batch(db);
        batch.prefetchCccds({r.an.cccd, QStringLiteral("001090000001")});
        // An's number moves: the old one is free for someone new, the new one is An's.
        r.an.cccd = QStringLiteral("001080009999");
        batch.save(r.an);
        auto newPerson = [&](const QString &name, const QString &cccd) {
            Person p;
            p.fullName = name;
            p.cccd = cccd;
            p.unitId = r.other;
            p.category = QStringLiteral("cong_chuc");
            return p;
        };
        Person first = newPerson(QStringLiteral("Trần Thị Bình"), QStringLiteral("001080001234"));
        CHECK(errorOf([&] { batch.checkNew(first); }).isEmpty());
        Person second = newPerson(QStringLiteral("Lê Văn Cường"), QStringLiteral("001080009999"));
        CHECK(errorOf([&] { batch.checkNew(second); })
              == QStringLiteral("The CCCD number 001080009999 already belongs to Nguyễn Văn An."));
        // A number a new person of the batch took (not written yet) is refused to the next one.
        Person third = newPerson(QStringLiteral("Phạm Văn Dũng"), QStringLiteral("001080001234"));
        CHECK(errorOf([&] { batch.checkNew(third); })
              == QStringLiteral("The CCCD number 001080001234 already belongs to Trần Thị Bình."));
        QList<Person> written{first};
        batch.insertChecked(written);
        CHECK(written.at(0).id > 0);
    });
}
