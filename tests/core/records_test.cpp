#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using VinhDanh::Test::errorOf;

namespace {
struct Fixture
{
    qint64 unit = 0;
    qint64 person = 0;
    qint64 other = 0;
    explicit Fixture(Database &db)
    {
        Unit u;
        u.name = QStringLiteral("Sở Nội vụ");
        u.kind = QStringLiteral("provincial_agency");
        unit = UnitRepository(db).save(u);
        Person p;
        p.fullName = QStringLiteral("Nguyễn Văn A");
        p.unitId = unit;
        p.category = QStringLiteral("cong_chuc");
        person = PersonRepository(db).save(p);
        Person q = p;
        q.id = 0;
        q.key.clear();
        q.fullName = QStringLiteral("Trần Thị B");
        other = PersonRepository(db).save(q);
    }
};

Award makeAward(const Subject &s, const QString &form, int year, const QString &kind = QStringLiteral("cong_trang"))
{
    Award a;
    a.subject = s;
    a.formCode = form;
    a.kind = kind;
    a.year = year;
    a.decisionNo = QStringLiteral("12/QĐ-UBND");
    a.decisionDate = QDate(year + 1, 2, 1);
    return a;
}

} // namespace

TEST_CASE("yearRecords_combineRatingAndTitlesPerYear_newestFirst", "[records]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Fixture f(t.db());
        RecordRepository repo(t.db());
        const Subject s = Subject::person(f.person);
        repo.setRating({0, s, 2023, QStringLiteral("HTTNV"), {}});
        repo.setRating({0, s, 2024, QStringLiteral("HTTNV"), {}});
        repo.setRating({0, s, 2024, QStringLiteral("HTXSNV"), {}}); // replaces the year's rating
        Award ldtt = makeAward(s, QStringLiteral("LDTT"), 2024);
        Award cstd = makeAward(s, QStringLiteral("CSTDCS"), 2024);
        Award bk = makeAward(s, QStringLiteral("BK_TINH"), 2024); // not a title: ledger only
        repo.saveAward(ldtt);
        repo.saveAward(cstd);
        repo.saveAward(bk);
        const QList<YearRecord> years = repo.yearRecords(s);
        REQUIRE(years.size() == 2);
        CHECK(years[0].year == 2024);
        CHECK(years[0].rating == QStringLiteral("HTXSNV"));
        CHECK(years[0].titleCodes == QStringList{QStringLiteral("LDTT"), QStringLiteral("CSTDCS")});
        CHECK(years[1].year == 2023);
        CHECK(years[1].titleCodes.isEmpty());
        CHECK(repo.awards(s).size() == 3);
        CHECK(repo.awards(Subject::person(f.other)).isEmpty());
    });
}

TEST_CASE("collectiveTitleForAPerson_isRefused", "[records]")
{
    Test::TestDatabase t;
    Fixture f(t.db());
    RecordRepository repo(t.db());
    Award a = makeAward(Subject::person(f.person), QStringLiteral("TTLDTT"), 2024);
    CHECK(errorOf([&] { repo.saveAward(a); }).contains(QStringLiteral("collectives, not to individuals")));
    Award b = makeAward(Subject::unit(f.unit), QStringLiteral("CSTDCS"), 2024);
    CHECK(errorOf([&] { repo.saveAward(b); }).contains(QStringLiteral("individuals, not to collectives")));
    CHECK(repo.awards(Subject::person(f.person)).isEmpty());
}

TEST_CASE("ratingWithUnknownCode_isRefused", "[records]")
{
    Test::TestDatabase t;
    Fixture f(t.db());
    RecordRepository repo(t.db());
    CHECK(errorOf([&] {
              repo.setRating({0, Subject::person(f.person), 2024, QStringLiteral("XUATSAC"), {}});
          }).contains(QStringLiteral("HTXSNV, HTTNV, HTNV, KHTNV")));
    CHECK(errorOf([&] {
              repo.setRating({0, Subject::person(f.person), 1800, QStringLiteral("HTNV"), {}});
          }).contains(QStringLiteral("1800")));
    CHECK(repo.ratings(Subject::person(f.person)).isEmpty());
}

TEST_CASE("initiativeServesOnlyAnAwardOfItsHolders_andBlocksDeletingThatAward", "[records]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Fixture f(t.db());
        RecordRepository repo(t.db());
        Award mine = makeAward(Subject::person(f.person), QStringLiteral("CSTDCS"), 2024);
        Award theirs = makeAward(Subject::person(f.other), QStringLiteral("CSTDCS"), 2024);
        repo.saveAward(mine);
        repo.saveAward(theirs);
        Initiative i;
        i.title = QStringLiteral("Số hóa hồ sơ thi đua");
        i.level = QStringLiteral("co_so");
        i.holderIds = {f.person};
        i.usedForAwardId = theirs.id;
        CHECK(errorOf([&] { repo.saveInitiative(i); }).contains(QStringLiteral("holders")));
        i.usedForAwardId = mine.id;
        repo.saveInitiative(i);
        const QList<Initiative> list = repo.initiatives(f.person);
        REQUIRE(list.size() == 1);
        CHECK(list.first().usedForAwardId == mine.id);
        CHECK(list.first().holderIds == QList<qint64>{f.person});
        CHECK(errorOf([&] { repo.removeAward(mine.id); }).contains(QStringLiteral("initiative")));
        CHECK(repo.awards(Subject::person(f.person)).size() == 1);
    });
}

TEST_CASE("disciplineEndingBeforeItStarts_isRefused", "[records]")
{
    Test::TestDatabase t;
    Fixture f(t.db());
    RecordRepository repo(t.db());
    Discipline d;
    d.subject = Subject::person(f.person);
    d.kind = QStringLiteral("khien_trach");
    d.startDate = QDate(2024, 5, 1);
    d.endDate = QDate(2024, 1, 1);
    CHECK(errorOf([&] { repo.saveDiscipline(d); }).contains(QStringLiteral("ends before it starts")));
    d.endDate = QDate(2025, 5, 1);
    repo.saveDiscipline(d);
    CHECK(repo.disciplines(Subject::person(f.person)).size() == 1);
}
