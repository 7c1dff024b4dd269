// A clerk reads only their own unit's subtree wherever they may write only there: the
// eligibility check, the candidates sweep, the unit pickers and adding a nominee to a dossier.
// Core refuses (PermissionError naming the account and its unit), so the GUI and the CLI
// refuse alike; every other role, and a database without accounts, sees everything.
#include "core/accounts/permissions.h"
#include "core/error.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using Test::errorOf;

namespace {

/// Sở Nội vụ (the fixture's unit) with Phòng Công chức below it, and Sở Tư pháp beside it;
/// one person eligible for LDTT 2025 in each of the department and Sở Tư pháp.
struct TwoOffices
{
    Test::WorkflowFixture &f;
    qint64 department = 0;
    qint64 other = 0;
    qint64 inside = 0;
    qint64 outside = 0;

    explicit TwoOffices(Test::WorkflowFixture &fixture) : f(fixture)
    {
        Unit d;
        d.name = QStringLiteral("Phòng Công chức");
        d.kind = QStringLiteral("department");
        d.parentId = f.unit;
        department = UnitRepository(f.db).save(d);
        other = f.newUnit(QStringLiteral("Sở Tư pháp"), QStringLiteral("provincial_agency"));
        inside = f.eligiblePerson(2025, QStringLiteral("Nguyễn Văn An"), department);
        outside = f.eligiblePerson(2025, QStringLiteral("Trần Thị Bình"), other);
    }
};

Eligibility::Request request(const Subject &s, const QString &code = QStringLiteral("LDTT"))
{
    Eligibility::Request r;
    r.personId = s.personId;
    r.unitId = s.unitId;
    r.awardCode = code;
    r.year = 2025;
    return r;
}

bool refusedAsOutside(const std::function<void()> &action)
{
    try {
        action();
    } catch (const PermissionError &e) {
        // Names the account and the unit it is limited to.
        return e.message().contains(QStringLiteral("clerk")) && e.message().contains(QStringLiteral("Sở Nội vụ"));
    }
    return false;
}

QStringList candidateNames(Database &db)
{
    QStringList names;
    for (const Eligibility::Candidate &c : Eligibility::Service(db).candidates(2025))
        names << c.name;
    names.removeDuplicates();
    names.sort();
    return names;
}

} // namespace

TEST_CASE("clerk_checksOnlyPeopleAndUnitsOfTheirSubtree", "[scope][eligibility]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const TwoOffices o(f);
        Eligibility::Service service(f.db);

        f.as(QStringLiteral("clerk"), f.unit);
        CHECK(service.evaluate(request(Subject::person(o.inside))).awardCode == QStringLiteral("LDTT"));
        CHECK(service.evaluateAll(0, o.department, 2025).size() > 0);
        CHECK(refusedAsOutside([&] { service.evaluate(request(Subject::person(o.outside))); }));
        CHECK(refusedAsOutside([&] { service.evaluate(request(Subject::unit(o.other), QStringLiteral("TTLDTT"))); }));
        CHECK(refusedAsOutside([&] { service.evaluateAll(o.outside, 0, 2025); }));
        CHECK(refusedAsOutside([&] { service.evaluateAll(0, o.other, 2025); }));
        // Withdrawing a confirmation is no way around it either, and nothing is written.
        const int confirmations = f.count(QStringLiteral("eligibility_confirmations"));
        CHECK(refusedAsOutside([&] { service.confirm(request(Subject::person(o.outside)), QStringLiteral("x"), false, {}); }));
        CHECK(f.count(QStringLiteral("eligibility_confirmations")) == confirmations);

        // Other roles see every unit.
        f.as(QStringLiteral("appraiser"));
        CHECK_NOTHROW(service.evaluate(request(Subject::person(o.outside))));
        f.asNobody();
        CHECK_NOTHROW(service.evaluate(request(Subject::person(o.outside))));
    });
}

TEST_CASE("clerk_candidatesSweep_listsOnlyTheirSubtree", "[scope][eligibility]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const TwoOffices o(f);
        const QStringList everyone = candidateNames(f.db);
        REQUIRE(everyone.contains(QStringLiteral("Nguyễn Văn An")));
        REQUIRE(everyone.contains(QStringLiteral("Trần Thị Bình")));

        f.as(QStringLiteral("clerk"), f.unit);
        const QStringList mine = candidateNames(f.db);
        CHECK(mine.contains(QStringLiteral("Nguyễn Văn An")));
        CHECK_FALSE(mine.contains(QStringLiteral("Trần Thị Bình")));
        // Sở Tư pháp's clerk sees the other half, and nobody of Sở Nội vụ.
        f.as(QStringLiteral("clerk"), o.other);
        const QStringList theirs = candidateNames(f.db);
        CHECK(theirs.contains(QStringLiteral("Trần Thị Bình")));
        CHECK_FALSE(theirs.contains(QStringLiteral("Nguyễn Văn An")));
    });
}

TEST_CASE("clerk_cannotAddAnotherUnitsPersonOrUnitToTheirOwnDossier", "[scope][workflow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const TwoOffices o(f);
        const Workflow::Dossier dossier = f.newDossier(2025);

        f.as(QStringLiteral("clerk"), f.unit);
        CHECK(refusedAsOutside([&] { f.addPerson(dossier.id, o.outside); }));
        CHECK(refusedAsOutside([&] { f.addUnit(dossier.id, o.other); }));
        CHECK(f.count(QStringLiteral("dossier_nominees")) == 0);
        CHECK(f.addPerson(dossier.id, o.inside) > 0);
        CHECK(f.count(QStringLiteral("dossier_nominees")) == 1);

        // An appraiser (who may edit every dossier) may propose anyone.
        f.as(QStringLiteral("appraiser"));
        CHECK(f.addPerson(dossier.id, o.outside) > 0);
    });
}

TEST_CASE("clerk_unitPickersOfferTheirSubtree_plusTheValueAlreadyHeld", "[scope][registry]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const TwoOffices o(f);
        auto names = [&](qint64 also = 0) {
            QStringList out;
            for (const IdName &u : UnitRepository(f.db).visibleNames(also))
                out << u.name;
            return out;
        };
        CHECK(names() == QStringList{QStringLiteral("Phòng Công chức"), QStringLiteral("Sở Nội vụ"), QStringLiteral("Sở Tư pháp")});
        f.as(QStringLiteral("clerk"), o.department);
        CHECK(names() == QStringList{QStringLiteral("Phòng Công chức")});
        // The department's own parent stays offered in its form, so a rename keeps it.
        CHECK(names(f.unit) == QStringList{QStringLiteral("Phòng Công chức"), QStringLiteral("Sở Nội vụ")});
        f.as(QStringLiteral("leader"));
        CHECK(names().size() == 3);
    });
}

TEST_CASE("clerk_unitsTree_startsAtTheirOwnUnit", "[scope][units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const TwoOffices o(f);
        UnitRepository units(f.db);
        f.as(QStringLiteral("clerk"), f.unit);
        // The top of the clerk's tree is their own unit, not the province's top level.
        const QList<UnitNode> top = units.children(0);
        REQUIRE(top.size() == 1);
        CHECK(top.first().row.id == f.unit);
        CHECK(top.first().childCount == 1);
        const QList<UnitNode> below = units.children(f.unit);
        REQUIRE(below.size() == 1);
        CHECK(below.first().row.id == o.department);
        f.asNobody();
        CHECK(units.children(0).size() >= 2); // Sở Nội vụ and Sở Tư pháp, at least
    });
}
