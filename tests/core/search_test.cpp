// The people and units lists' search through the engines' trigram indexes (schema step 13):
// what a clerk types finds the same records as before the index, and the index follows every
// write.
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/registry/personrepository.h"
#include "core/registry/search.h"
#include "core/registry/unitrepository.h"
#include "core/text/vntext.h"
#include "support/testdatabase.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

#include <QHash>

using namespace VinhDanh;
using namespace VinhDanh::Core;

namespace {
qint64 addUnit(Database &db, const QString &name, const QString &key = {})
{
    Unit u;
    u.key = key;
    u.name = name;
    u.kind = QStringLiteral("enterprise");
    return UnitRepository(db).save(u);
}

qint64 addPerson(Database &db, const QString &name, qint64 unitId, const QString &key = {})
{
    Person p;
    p.key = key;
    p.fullName = name;
    p.unitId = unitId;
    p.category = QStringLiteral("cong_chuc");
    return PersonRepository(db).save(p);
}
/// `n` namesakes at once (multi-row INSERTs: a thousand single saves are slow on PostgreSQL).
void addNamesakes(Database &db, const QString &name, qint64 unitId, int n)
{
    PersonRepository::Batch batch(db);
    QList<Person> chunk;
    for (int i = 0; i < n; ++i) {
        Person p;
        p.fullName = name;
        p.unitId = unitId;
        p.category = QStringLiteral("cong_chuc");
        batch.checkNew(p);
        chunk << p;
        if (chunk.size() == 200 || i == n - 1) {
            batch.insertChecked(chunk);
            chunk.clear();
        }
    }
}
/// `n` people named from `pattern` with the given names taken in turn.
void addVaried(Database &db, const QString &pattern, const QStringList &given, qint64 unitId, int n)
{
    PersonRepository::Batch batch(db);
    QList<Person> chunk;
    for (int i = 0; i < n; ++i) {
        Person p;
        p.fullName = pattern.arg(given.at(i % given.size()));
        p.unitId = unitId;
        p.category = QStringLiteral("cong_chuc");
        batch.checkNew(p);
        chunk << p;
        if (chunk.size() == 200 || i == n - 1) {
            batch.insertChecked(chunk);
            chunk.clear();
        }
    }
}
} // namespace

TEST_CASE("search_boundedCount_keepsToTheUnitFilterAndTheClerksSubtree_commonAndRareNames", "[search][people][scope]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::WorkflowFixture f(db);
        const qint64 other = f.newUnit(QStringLiteral("Sở Tư pháp"));
        // "nguyen van an" is common (more hits than kDense: the list walks its sort order),
        // "ly thi sen" rare (the trigram index answers): the scope must hold either way.
        addNamesakes(db, QStringLiteral("Nguyễn Văn An"), other, Search::kDense + 5);
        addNamesakes(db, QStringLiteral("Nguyễn Văn An"), f.unit, 2);
        addPerson(db, QStringLiteral("Lý Thị Sen"), other);
        addPerson(db, QStringLiteral("Lý Thị Sen"), f.unit);
        PersonRepository people(db);
        CHECK(people.countUpTo(Search::kDense, QStringLiteral("nguyen van an")) == Search::kDense + 1); // stopped
        CHECK(people.countUpTo(Search::kDense, QStringLiteral("nguyen van an"), f.unit) == 2);
        CHECK(people.countUpTo(Search::kDense, QStringLiteral("ly thi sen")) == 2);
        CHECK(people.countUpTo(Search::kDense, QStringLiteral("ly thi sen"), other) == 1);

        f.as(QStringLiteral("clerk"), f.unit); // sees Sở Nội vụ only
        CHECK(people.countUpTo(Search::kDense, QStringLiteral("nguyen van an")) == 2);
        CHECK(people.countUpTo(Search::kDense, QStringLiteral("nguyen van an"), other) == 0);
        CHECK(people.countUpTo(Search::kDense, QStringLiteral("ly thi sen")) == 1);
        const QList<PersonRow> page = people.page(QStringLiteral("nguyen van an"), PersonRepository::Sort::Name, true, 0, 50);
        CHECK(page.size() == 2);
        for (const PersonRow &r : page)
            CHECK(r.unitName == QStringLiteral("Sở Nội vụ"));
    });
}

TEST_CASE("search_followsRenamesAndRemovals_ofPeopleAndUnits", "[search][people][units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        PersonRepository people(db);
        UnitRepository units(db);
        const qint64 unit = addUnit(db, QStringLiteral("Công ty Cổ phần Sách Thăng Long"));
        const qint64 id = addPerson(db, QStringLiteral("Trần Thị Mai"), unit);
        addPerson(db, QStringLiteral("Trần Văn Mạnh"), unit);
        CHECK(people.count(QStringLiteral("tran thi mai")) == 1);
        CHECK(people.count(QStringLiteral("TRẦN")) == 2);

        Person p = *people.get(id);
        p.fullName = QStringLiteral("Trần Thị Lan");
        people.save(p);
        CHECK(people.count(QStringLiteral("tran thi mai")) == 0);
        CHECK(people.count(QStringLiteral("thi lan")) == 1);
        people.remove(id);
        CHECK(people.count(QStringLiteral("thi lan")) == 0);
        CHECK(people.count(QStringLiteral("tran")) == 1);

        Unit u = *units.get(unit);
        u.name = QStringLiteral("Công ty Cổ phần In Hà Nội");
        units.save(u);
        CHECK(units.count(QStringLiteral("thang long")) == 0);
        CHECK(units.count(QStringLiteral("in ha noi")) == 1);
    });
}

TEST_CASE("search_findsAPersonByTheirKey_andAnyPartOfIt", "[search][people]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const qint64 unit = addUnit(t.db(), QStringLiteral("Sở Khoa học và Công nghệ"));
        addPerson(t.db(), QStringLiteral("Lê Thị Hoa"), unit, QStringLiteral("P050000"));
        addPerson(t.db(), QStringLiteral("Lê Văn Hòa"), unit, QStringLiteral("P050001"));
        PersonRepository people(t.db());
        CHECK(people.count(QStringLiteral("P050000")) == 1);
        CHECK(people.count(QStringLiteral("p05000")) == 2);
        const QList<PersonRow> rows = people.page(QStringLiteral("050001"), PersonRepository::Sort::Name, true, 0, 10);
        REQUIRE(rows.size() == 1);
        CHECK(rows.first().fullName == QStringLiteral("Lê Văn Hòa"));
    });
}

TEST_CASE("search_shortTextAndLikeWildcards_matchLiterally", "[search][units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        addUnit(t.db(), QStringLiteral("Công ty TNHH MTV 100% vốn nhà nước"));
        addUnit(t.db(), QStringLiteral("Công ty TNHH 1000 Cây Số"));
        UnitRepository units(t.db());
        CHECK(units.count(QStringLiteral("100%")) == 1); // % is a character here, not "anything"
        CHECK(units.count(QStringLiteral("10%")) == 0);
        CHECK(units.count(QStringLiteral("0_")) == 0);
        CHECK(units.count(QStringLiteral("số")) == 1); // two letters: no trigram, still found
        CHECK(units.count(QStringLiteral("m")) == 1);  // one letter (not in the keys DV0001, DV0002)
    });
}

TEST_CASE("search_onSqlite_answersFromTheTrigramIndex_notByReadingEveryPerson", "[search][people]")
{
    Test::TestDatabase t(Backend::Sqlite);
    addPerson(t.db(), QStringLiteral("Nguyễn Văn An"), addUnit(t.db(), QStringLiteral("Sở Nội vụ")));
    PersonRepository people(t.db());
    REQUIRE(people.count(QStringLiteral("van an")) == 1);
    // Emptying the index (never done by the program) shows which path answered: three letters
    // or more come from the index, fewer from the table itself.
    Query::run(t.db().sql(), QStringLiteral("INSERT INTO people_search(people_search) VALUES ('delete-all')"));
    CHECK(people.count(QStringLiteral("van an")) == 0);
    CHECK(people.page(QStringLiteral("van an"), PersonRepository::Sort::Name, true, 0, 10).isEmpty());
    CHECK(people.count(QStringLiteral("an")) == 1);
    Query::run(t.db().sql(), QStringLiteral("INSERT INTO people_search(people_search) VALUES ('rebuild')"));
    CHECK(people.count(QStringLiteral("van an")) == 1);
}

TEST_CASE("search_findsTheTypedWordsInTheirOrder_onlyThere_andNotByTheIndexsSpelling", "[search][people]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 unit = addUnit(db, QStringLiteral("Sở Y tế"));
        addPerson(db, QStringLiteral("Nguyễn Thị Ngọc"), unit, QStringLiteral("P000101"));
        addPerson(db, QStringLiteral("Lê Nguyễn Thị Ngân"), unit, QStringLiteral("P000102"));  // inside the name
        addPerson(db, QStringLiteral("Thị Nguyễn Ngọc"), unit, QStringLiteral("P000103"));     // the words, other order
        addPerson(db, QStringLiteral("Nguyễn Văn Thị Ngọc"), unit, QStringLiteral("P000104")); // a word between
        const qint64 spelled = addPerson(db, QStringLiteral("Nguyễn Thị Nga"), unit, QStringLiteral("P000105"));
        // PostgreSQL's word-order index spells a space as 'z' (schema step 18); a search text
        // holding that spelling, written around the program, must not pass for the words.
        Query::run(db.sql(), QStringLiteral("UPDATE people SET search_key = 'nguyenzthiznga p000105' WHERE id = %1").arg(spelled));
        PersonRepository people(db);
        const QList<PersonRow> rows = people.page(QStringLiteral("Nguyễn thị ng"), PersonRepository::Sort::Name, true, 0, 10);
        QStringList names;
        for (const PersonRow &r : rows)
            names << r.fullName;
        CHECK(names == QStringList{QStringLiteral("Lê Nguyễn Thị Ngân"), QStringLiteral("Nguyễn Thị Ngọc")});
        CHECK(people.count(QStringLiteral("nguyen thi ng")) == 2);
        CHECK(people.countUpTo(Search::kDense, QStringLiteral("nguyen thi ng")) == 2);
        CHECK(people.count(QStringLiteral("thi ngoc p000101")) == 1); // from the name into the key
        CHECK(people.count(QStringLiteral("nguyen ngoc")) == 1);      // Thị Nguyễn Ngọc
    });
}

TEST_CASE("search_rareMidAndCommonTexts_findWhatReadingEveryPersonFinds_inTheListsOrder", "[search][people][order]")
{
    // Each way a search takes (core/registry/search.h) must give the rows and order that testing
    // every person's search text in the unfiltered list gives: a common text (PostgreSQL: many
    // hits among the table's first rows, the index skipped), one with more than kDense hits that
    // come late in the table (the index probe, then the walk of the order), a rare one (the
    // probe's ids sorted), a short one (no index) and one that finds nobody.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 unit = addUnit(db, QStringLiteral("Sở Giáo dục và Đào tạo"));
        // Heap order is insertion order: the common text fills the table's first rows, the
        // mid one (more than kDense hits, none among them) comes after 2,000 others.
        addVaried(db, QStringLiteral("Nguyễn Thị %1"),
                  {QStringLiteral("Hoa"), QStringLiteral("Lan"), QStringLiteral("Yến"), QStringLiteral("Ánh"), QStringLiteral("Đào")},
                  unit, Search::kDense + 100);
        addVaried(db, QStringLiteral("Lê Văn %1"),
                  {QStringLiteral("An"), QStringLiteral("Bình"), QStringLiteral("Tú"), QStringLiteral("Yến")}, unit, 1000);
        addVaried(db, QStringLiteral("Trần Minh %1"),
                  {QStringLiteral("Tú"), QStringLiteral("Anh"), QStringLiteral("Ý"), QStringLiteral("Hải")}, unit,
                  Search::kDense + 50);
        addNamesakes(db, QStringLiteral("Trần Minh Tuấn"), unit, 3);
        addNamesakes(db, QStringLiteral("Phạm Nguyễn Thị Hòa"), unit, 2);

        PersonRepository people(db);
        const int total = people.count();
        QList<qint64> order;
        for (const PersonRow &r : people.page({}, PersonRepository::Sort::Name, true, 0, total))
            order << r.id;
        QHash<qint64, QString> searchText;
        Query all(db.sql(), QStringLiteral("SELECT id, search_key FROM people"));
        all.exec();
        while (all.next())
            searchText.insert(all.id(0), all.text(1));

        for (const QString &typed : {QStringLiteral("nguyen thi"), QStringLiteral("Trần Minh"), QStringLiteral("minh tu"),
                                     QStringLiteral("tran minh tuan"), QStringLiteral("thi hoa"), QStringLiteral("tú"),
                                     QStringLiteral("n"), QStringLiteral("van y"), QStringLiteral("khong co ai")}) {
            INFO(typed.toStdString()); // the data once per backend: no section per text
            QList<qint64> expected;
            for (const qint64 id : order)
                if (searchText.value(id).contains(Text::fold(typed)))
                    expected << id;
            CHECK(people.count(typed) == expected.size());
            CHECK(people.countUpTo(Search::kDense, typed) == std::min<int>(expected.size(), Search::kDense + 1));
            for (const int offset : {0, 900}) {
                QList<qint64> got;
                for (const PersonRow &r : people.page(typed, PersonRepository::Sort::Name, true, offset, 200))
                    got << r.id;
                CHECK(got == expected.mid(offset, 200));
            }
        }
    });
}
