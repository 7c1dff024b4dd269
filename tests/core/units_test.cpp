#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using VinhDanh::Test::errorOf;

namespace {
Unit makeUnit(const QString &name, const QString &kind = QStringLiteral("provincial_agency"), qint64 parent = 0)
{
    Unit u;
    u.name = name;
    u.kind = kind;
    u.parentId = parent;
    return u;
}

} // namespace

TEST_CASE("savedUnit_getsAStableKey_andReadsBackEveryField", "[units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        UnitRepository repo(t.db());
        Bloc bloc{0, {}, QStringLiteral("Khối các cơ quan tổng hợp"), QStringLiteral("khoi")};
        repo.saveBloc(bloc);
        Unit parent = makeUnit(QStringLiteral("UBND tỉnh Hưng Yên"));
        repo.save(parent);
        Unit successor = makeUnit(QStringLiteral("UBND phường Hồng Châu"), QStringLiteral("commune_ward"));
        repo.save(successor);
        Unit u = makeUnit(QStringLiteral("  UBND   phường Lê Lợi "), QStringLiteral("commune_ward"), parent.id);
        u.blocId = bloc.id;
        u.validFrom = QDate(2020, 1, 1);
        u.validTo = QDate(2025, 6, 30);
        u.succeededById = successor.id;
        const qint64 id = repo.save(u);
        REQUIRE(id > 0);
        CHECK_FALSE(u.key.isEmpty());
        const Unit back = *repo.get(id);
        CHECK(back.name == QStringLiteral("UBND phường Lê Lợi"));
        CHECK(back.key == u.key);
        CHECK(back.parentId == parent.id);
        CHECK(back.blocId == bloc.id);
        CHECK(back.validFrom == QDate(2020, 1, 1));
        CHECK(back.validTo == QDate(2025, 6, 30));
        CHECK(back.succeededById == successor.id);
        const QList<UnitRow> rows = repo.page(QStringLiteral("le loi"), UnitRepository::Sort::Name, true, 0, 10);
        REQUIRE(rows.size() == 1);
        CHECK(rows.first().parentName == QStringLiteral("UBND tỉnh Hưng Yên"));
        CHECK(rows.first().blocName == QStringLiteral("Khối các cơ quan tổng hợp"));
        CHECK(rows.first().succeededByName == QStringLiteral("UBND phường Hồng Châu"));
    });
}

TEST_CASE("unitWithoutName_isRefused_andNothingSaved", "[units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        UnitRepository repo(t.db());
        Unit u = makeUnit(QStringLiteral("   "));
        CHECK(errorOf([&] { repo.save(u); }).contains(QStringLiteral("name is required")));
        CHECK(repo.count() == 0);
    });
}

TEST_CASE("unitValidToBeforeValidFrom_isRefused", "[units]")
{
    Test::TestDatabase t;
    UnitRepository repo(t.db());
    Unit u = makeUnit(QStringLiteral("Sở Tư pháp"));
    u.validFrom = QDate(2025, 1, 1);
    u.validTo = QDate(2024, 1, 1);
    CHECK(errorOf([&] { repo.save(u); }).contains(QStringLiteral("before the valid-from date")));
}

TEST_CASE("unitUnderItsOwnSubunit_isRefused", "[units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        UnitRepository repo(t.db());
        Unit top = makeUnit(QStringLiteral("Sở Nội vụ"));
        repo.save(top);
        Unit child = makeUnit(QStringLiteral("Phòng Thi đua – Khen thưởng"), QStringLiteral("department"), top.id);
        repo.save(child);
        top.parentId = child.id;
        CHECK(errorOf([&] { repo.save(top); }).contains(QStringLiteral("own sub-units")));
        CHECK(repo.get(top.id)->parentId == 0);
    });
}

TEST_CASE("deletingUnitWithPeopleOrSubunits_isRefusedWithReasons_andKeepsTheUnit", "[units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        UnitRepository units(t.db());
        Unit top = makeUnit(QStringLiteral("Sở Khoa học và Công nghệ"));
        units.save(top);
        Unit child = makeUnit(QStringLiteral("Phòng Quản lý công nghệ"), QStringLiteral("department"), top.id);
        units.save(child);
        Person p;
        p.fullName = QStringLiteral("Nguyễn Văn A");
        p.unitId = top.id;
        p.category = QStringLiteral("cong_chuc");
        PersonRepository(t.db()).save(p);
        const QString message = errorOf([&] { units.remove(top.id); });
        CHECK(message.contains(QStringLiteral("cannot be deleted")));
        CHECK(message.contains(QStringLiteral("1 sub-unit belongs")));
        CHECK(message.contains(QStringLiteral("1 person works")));
        CHECK(units.get(top.id).has_value());
        // A unit nothing refers to can go.
        units.remove(child.id);
        CHECK_FALSE(units.get(child.id).has_value());
    });
}

TEST_CASE("unitListFiltersIgnoringDiacritics_andSortsVietnamese", "[units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        UnitRepository repo(t.db());
        for (const QString &name : {QStringLiteral("UBND xã Đông Hưng"), QStringLiteral("UBND xã Dương Quang"),
                                    QStringLiteral("UBND xã An Vĩ"), QStringLiteral("Sở Y tế")}) {
            Unit u = makeUnit(name, QStringLiteral("commune_ward"));
            repo.save(u);
        }
        CHECK(repo.count(QStringLiteral("ubnd xa")) == 3);
        CHECK(repo.count(QStringLiteral("DONG HUNG")) == 1);
        QStringList names;
        for (const UnitRow &r : repo.page({}, UnitRepository::Sort::Name, true, 0, 10))
            names << r.name;
        // D before Đ in Vietnamese; S before U.
        CHECK(names
              == QStringList{QStringLiteral("Sở Y tế"), QStringLiteral("UBND xã An Vĩ"), QStringLiteral("UBND xã Dương Quang"),
                             QStringLiteral("UBND xã Đông Hưng")});
    });
}

TEST_CASE("unitChildren_byNameWithTheirChildCounts_topLevelHasNoParent", "[units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        UnitRepository repo(t.db());
        Unit province = makeUnit(QStringLiteral("UBND tỉnh"));
        repo.save(province);
        Unit other = makeUnit(QStringLiteral("Sở Tài chính"));
        repo.save(other);
        // Out of order: Đ is a letter after D, and "Phòng Dân tộc" sorts before it.
        for (const char *name : {"Phòng Đào tạo", "Phòng Dân tộc"}) {
            Unit u = makeUnit(QString::fromUtf8(name), QStringLiteral("department"), province.id);
            repo.save(u);
        }
        const QList<UnitNode> top = repo.children(0);
        REQUIRE(top.size() == 2);
        CHECK(top.at(0).row.name == QStringLiteral("Sở Tài chính"));
        CHECK(top.at(0).childCount == 0);
        CHECK(top.at(1).row.name == QStringLiteral("UBND tỉnh"));
        CHECK(top.at(1).childCount == 2);
        const QList<UnitNode> below = repo.children(province.id);
        REQUIRE(below.size() == 2);
        CHECK(below.at(0).row.name == QStringLiteral("Phòng Dân tộc"));
        CHECK(below.at(1).row.name == QStringLiteral("Phòng Đào tạo"));
        CHECK(below.at(0).row.parentName == QStringLiteral("UBND tỉnh"));
        CHECK(repo.children(other.id).isEmpty());
    });
}
