// Records saved without a key get one a clerk can read out and type ("DV0003", "CN000002"),
// never a UUID (issue 16: numbers a person can say); a key the office types is kept.
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"

#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;

namespace {
Unit unitNamed(const QString &name, const QString &key = {})
{
    Unit u;
    u.name = name;
    u.kind = QStringLiteral("provincial_agency");
    u.key = key;
    return u;
}

Person personNamed(const QString &name, qint64 unitId)
{
    Person p;
    p.fullName = name;
    p.unitId = unitId;
    p.category = QStringLiteral("cong_chuc");
    return p;
}
} // namespace

TEST_CASE("unitsAndPeopleSavedWithoutAKey_getShortNumberedKeys_afterTheLargestOne_andTypedKeysAreKept", "[units][people][keys]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        UnitRepository units(t.db());
        Unit a = unitNamed(QStringLiteral("Sở Nội vụ"));
        units.save(a);
        CHECK(a.key == QLatin1String("DV0001"));
        Unit own = unitNamed(QStringLiteral("Sở Tư pháp"), QStringLiteral("STP"));
        units.save(own);
        CHECK(own.key == QLatin1String("STP"));
        // A key the office typed in the same pattern moves the count on; one that only starts
        // with the prefix does not confuse it.
        Unit typed = unitNamed(QStringLiteral("Sở Y tế"), QStringLiteral("DV0040"));
        units.save(typed);
        Unit odd = unitNamed(QStringLiteral("Sở Xây dựng"), QStringLiteral("DV-SXD"));
        units.save(odd);
        Unit next = unitNamed(QStringLiteral("Sở Tài chính"));
        units.save(next);
        CHECK(next.key == QLatin1String("DV0041"));

        PersonRepository people(t.db());
        Person p = personNamed(QStringLiteral("Nguyễn Văn An"), a.id);
        people.save(p);
        Person q = personNamed(QStringLiteral("Trần Thị Bình"), a.id);
        people.save(q);
        CHECK(p.key == QLatin1String("CN000001"));
        CHECK(q.key == QLatin1String("CN000002"));
        // A batch (the staff import) counts on in memory after reading the table once.
        PersonRepository::Batch batch(t.db());
        QList<Person> many{personNamed(QStringLiteral("Lê Văn C"), a.id), personNamed(QStringLiteral("Phạm Thị D"), a.id)};
        for (Person &m : many)
            batch.checkNew(m);
        batch.insertChecked(many);
        CHECK(many.at(0).key == QLatin1String("CN000003"));
        CHECK(many.at(1).key == QLatin1String("CN000004"));
        const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-"));
        for (const QString &key : {a.key, next.key, p.key, many.at(1).key})
            CHECK_FALSE(uuid.match(key).hasMatch());
    });
}
