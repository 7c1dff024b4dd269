// Likely duplicates (issue 15 item 5): which pairs are found, how sure, and why in words.
#include "core/dedup/duplicates.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/text/vntext.h"
#include "support/testdatabase.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;

namespace {
qint64 addPerson(Database &db, const QString &name, qint64 unit, const QDate &birth = {}, const QString &cccd = {})
{
    Person p;
    p.fullName = name;
    p.unitId = unit;
    p.category = QStringLiteral("cong_chuc");
    p.birthDate = birth;
    p.cccd = cccd;
    return PersonRepository(db).save(p);
}

qint64 addUnit(Database &db, const QString &name, qint64 parent = 0, const QDate &from = {}, const QDate &to = {})
{
    Unit u;
    u.name = name;
    u.kind = QStringLiteral("department");
    u.parentId = parent;
    u.validFrom = from;
    u.validTo = to;
    return UnitRepository(db).save(u);
}

Dedup::PersonFacts facts(const QString &name, const QDate &birth, const QString &cccd, qint64 unit, qint64 id)
{
    Dedup::PersonFacts f;
    f.id = id;
    f.fullName = name;
    f.folded = Text::fold(name);
    f.birthDate = birth;
    f.cccd = cccd;
    f.unitId = unit;
    return f;
}
} // namespace

TEST_CASE("duplicates_sameNameWithoutDiacriticsAndSameBirthDate_areAStrongPair", "[dedup]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const qint64 other = f.newUnit(QStringLiteral("Sở Tư pháp"));
        const QDate birth(1980, 5, 17);
        const qint64 a = addPerson(t.db(), QStringLiteral("Nguyễn Văn A"), f.unit, birth, QStringLiteral("001080012345"));
        const qint64 b = addPerson(t.db(), QStringLiteral("nguyen van a"), other, birth);
        addPerson(t.db(), QStringLiteral("Nguyễn Văn Á"), f.unit, birth); // another tone mark, the same folded name
        addPerson(t.db(), QStringLiteral("Trần Thị Bình"), f.unit, birth);

        const QList<Dedup::Pair> pairs = Dedup::findPeople(t.db());
        // "Nguyễn Văn Á" pairs with both: folding drops tone marks by design; the clerk decides.
        REQUIRE(pairs.size() == 3);
        const auto ab = std::find_if(pairs.begin(), pairs.end(), [&](const Dedup::Pair &p) {
            return (p.firstId == a && p.secondId == b) || (p.firstId == b && p.secondId == a);
        });
        REQUIRE(ab != pairs.end());
        CHECK(ab->score == 80);
        CHECK(ab->reasons.contains(QStringLiteral("the same birth date")));
        CHECK(ab->reasons.contains(QStringLiteral("the same name (ignoring case and diacritics)")));
        CHECK(ab->reasons.join(QLatin1Char(' ')).contains(QStringLiteral("Sở Tư pháp")));
        // Personal data stays out of the list: the birth year only, the CCCD masked.
        CHECK(ab->firstBirthYear == 1980);
        const QString cccd = ab->firstId == a ? ab->firstCccd : ab->secondCccd;
        CHECK(cccd == QStringLiteral("********2345"));
        // The same unit is surer than different units.
        const auto same = std::find_if(pairs.begin(), pairs.end(), [](const Dedup::Pair &p) { return p.score == 90; });
        CHECK(same != pairs.end());
        CHECK(pairs.first().score == 90); // most certain first
    });
}

TEST_CASE("duplicates_sameNameDifferentBirthDates_areNotAPair", "[dedup]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        addPerson(t.db(), QStringLiteral("Lê Thị Hoa"), f.unit, QDate(1985, 1, 2));
        addPerson(t.db(), QStringLiteral("LE THI HOA"), f.unit, QDate(1986, 1, 2));
        CHECK(Dedup::findPeople(t.db()).isEmpty());
    });
}

TEST_CASE("duplicates_sameNameNoBirthDate_isPossibleInOneUnit_andNothingAcrossUnits", "[dedup]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const qint64 other = f.newUnit(QStringLiteral("Sở Tư pháp"));
        addPerson(t.db(), QStringLiteral("Phạm Văn Đức"), f.unit);
        addPerson(t.db(), QStringLiteral("Pham Van Duc"), f.unit, QDate(1990, 3, 3));
        addPerson(t.db(), QStringLiteral("Phạm Văn Đức"), other); // a namesake elsewhere, no birth date
        const QList<Dedup::Pair> pairs = Dedup::findPeople(t.db());
        REQUIRE(pairs.size() == 1);
        CHECK(pairs.first().score == 50);
        CHECK(pairs.first().reasons.contains(QStringLiteral("no birth date to compare")));
        CHECK(pairs.first().firstUnit == QStringLiteral("Sở Nội vụ"));
    });
}

TEST_CASE("duplicates_sameCccd_isNearCertain_evenWithAnotherSpellingOrDecomposedText", "[dedup]")
{
    // Two records cannot share a CCCD in the registry (it is unique), so the same CCCD shows
    // when a row comes in: an import's person against the registry.
    const QString nfc = QStringLiteral("Nguyễn Văn A");
    const QString nfd = nfc.normalized(QString::NormalizationForm_D);
    REQUIRE(nfd != nfc);
    const Dedup::Match m = Dedup::scorePeople(facts(nfd, {}, QStringLiteral("001080012345"), 1, 1),
                                              facts(QStringLiteral("Nguyen Van Anh"), {}, QStringLiteral("001080012345"), 2, 2));
    CHECK(m.score == 100);
    CHECK(m.reasons.first() == QStringLiteral("the same CCCD number"));
    // Two different CCCDs are two people, whatever else matches.
    CHECK_FALSE(Dedup::scorePeople(facts(nfc, QDate(1980, 1, 1), QStringLiteral("001080012345"), 1, 1),
                                   facts(nfc, QDate(1980, 1, 1), QStringLiteral("001080099999"), 1, 2))
                    .isPair());

    Test::forEachBackend([&](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const qint64 a = addPerson(t.db(), nfc, f.unit, QDate(1980, 5, 17), QStringLiteral("001080012345"));
        Person incoming;
        incoming.fullName = QStringLiteral("Nguyen Van Anh"); // typed otherwise, same CCCD
        incoming.cccd = QStringLiteral("001080012345");
        QList<Dedup::Pair> found = Dedup::matchesFor(t.db(), incoming);
        REQUIRE(found.size() == 1);
        CHECK(found.first().secondId == a);
        CHECK(found.first().score == 100);
        // A decomposed name (some Unikey settings) with the same birth date: strong.
        incoming.fullName = nfd;
        incoming.cccd.clear();
        incoming.birthDate = QDate(1980, 5, 17);
        found = Dedup::matchesFor(t.db(), incoming);
        REQUIRE(found.size() == 1);
        CHECK(found.first().score == 80);
    });
}

TEST_CASE("duplicates_units_sameNameAndParentWhileBothValid_butNotASuccessor", "[dedup]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const qint64 a = addUnit(t.db(), QStringLiteral("Phòng Tổ chức"), f.unit, QDate(2020, 1, 1));
        const qint64 b = addUnit(t.db(), QStringLiteral("PHONG TO CHUC"), f.unit);
        addUnit(t.db(), QStringLiteral("Phòng Tổ chức"), 0); // another parent (top level): not a pair
        // Same name under another parent that ended before the other began: not a pair either.
        const qint64 p = f.newUnit(QStringLiteral("Sở Tư pháp"));
        addUnit(t.db(), QStringLiteral("Văn phòng"), p, QDate(2000, 1, 1), QDate(2010, 12, 31));
        addUnit(t.db(), QStringLiteral("Văn phòng"), p, QDate(2011, 1, 1));
        const QList<Dedup::Pair> pairs = Dedup::findUnits(t.db());
        REQUIRE(pairs.size() == 1);
        CHECK(QSet<qint64>{pairs.first().firstId, pairs.first().secondId} == QSet<qint64>{a, b});
        CHECK(pairs.first().score == 80);
        CHECK(pairs.first().reasons.contains(QStringLiteral("the same parent unit: Sở Nội vụ")));
    });
}

TEST_CASE("duplicates_aClerkSeesOnlyPairsInTheirSubtree", "[dedup][scope]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const qint64 other = f.newUnit(QStringLiteral("Sở Tư pháp"));
        addPerson(t.db(), QStringLiteral("Hoàng Văn Nam"), other);
        addPerson(t.db(), QStringLiteral("Hoang Van Nam"), other);
        CHECK(Dedup::findPeople(t.db()).size() == 1);
        f.as(QStringLiteral("clerk"), f.unit);
        CHECK(Dedup::findPeople(t.db()).isEmpty());
    });
}
