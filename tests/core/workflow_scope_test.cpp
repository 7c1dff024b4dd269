// A clerk works on their own unit's subtree: the work queue, its counts and opening a dossier
// hold the dossiers proposed by that unit and the units below it; every other role, and a
// database without accounts, sees them all.
#include "core/error.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core::Workflow;

namespace {

qint64 childUnit(Test::WorkflowFixture &f, const QString &name, qint64 parentId)
{
    Core::Unit u;
    u.name = name;
    u.kind = QStringLiteral("department");
    u.parentId = parentId;
    return Core::UnitRepository(f.db).save(u);
}

QStringList titles(const QList<Dossier> &dossiers)
{
    QStringList out;
    for (const Dossier &d : dossiers)
        out << d.title;
    out.sort();
    return out;
}

int total(const StatusCounts &counts)
{
    int n = 0;
    for (int c : counts)
        n += c;
    return n;
}

/// Sở Nội vụ (the fixture's unit, A) with a department and a team below it, and Sở Tư pháp (B):
/// one dossier each, A's department's submitted.
struct ScopedOffice
{
    Test::WorkflowFixture &f;
    qint64 department = 0;
    qint64 team = 0;
    qint64 other = 0;
    Dossier own, below, deeper, foreign;

    explicit ScopedOffice(Test::WorkflowFixture &fixture) : f(fixture)
    {
        department = childUnit(f, QStringLiteral("Phòng Công chức"), f.unit);
        team = childUnit(f, QStringLiteral("Tổ Thi đua"), department);
        other = f.newUnit(QStringLiteral("Sở Tư pháp"));
        own = titled(f.newDossier(2025), QStringLiteral("A: Sở Nội vụ"));
        below = titled(f.newDossier(2025, 0, QStringLiteral("annual"), department), QStringLiteral("A1: Phòng Công chức"));
        deeper = titled(f.newDossier(2024, 0, QStringLiteral("annual"), team), QStringLiteral("A2: Tổ Thi đua"));
        foreign = titled(f.newDossier(2025, 0, QStringLiteral("annual"), other), QStringLiteral("B: Sở Tư pháp"));
        f.addPerson(below.id, f.eligiblePerson(2025, QStringLiteral("Vũ Văn Nam"), department));
        f.dossiers().transition(below.id, Transition::Submit, QStringLiteral("Hồ sơ giấy gửi kèm"));
    }

    Dossier titled(Dossier d, const QString &title)
    {
        d.title = title;
        f.dossiers().save(d);
        return d;
    }
};

} // namespace

TEST_CASE("clerk_seesAndCountsOnlyTheDossiersOfTheirSubtree", "[workflow][scope]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const ScopedOffice office(f);
        DossierRepository repo = f.dossiers();

        f.as(QStringLiteral("clerk"), f.unit);
        const QList<Dossier> seen = repo.list();
        CHECK(titles(seen)
              == QStringList{QStringLiteral("A1: Phòng Công chức"), QStringLiteral("A2: Tổ Thi đua"), QStringLiteral("A: Sở Nội vụ")});
        const StatusCounts counts = repo.counts();
        CHECK(counts.value(Status::Draft) == 2);
        CHECK(counts.value(Status::Submitted) == 1);
        CHECK(total(counts) == seen.size());
        // The filters narrow within the subtree, never past it.
        DossierFilter submitted;
        submitted.anyStatus = false;
        submitted.status = Status::Submitted;
        CHECK(titles(repo.list(submitted)) == QStringList{QStringLiteral("A1: Phòng Công chức")});
        DossierFilter ofOther;
        ofOther.unitId = office.other;
        CHECK(repo.list(ofOther).isEmpty());

        // A clerk of the department sees it and the team below, not the agency above.
        f.as(QStringLiteral("clerk"), office.department);
        CHECK(titles(repo.list()) == QStringList{QStringLiteral("A1: Phòng Công chức"), QStringLiteral("A2: Tổ Thi đua")});
        CHECK(total(repo.counts()) == 2);

        f.as(QStringLiteral("clerk"), office.other);
        CHECK(titles(repo.list()) == QStringList{QStringLiteral("B: Sở Tư pháp")});
        CHECK(repo.counts().value(Status::Submitted) == 0);
    });
}

TEST_CASE("otherRolesAndDatabasesWithoutAccounts_seeEveryDossier", "[workflow][scope]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const ScopedOffice office(f);
        DossierRepository repo = f.dossiers();
        CHECK(repo.list().size() == 4);
        for (const char *role : {"appraiser", "council_secretary", "leader", "admin"}) {
            INFO(role);
            f.as(QString::fromLatin1(role));
            CHECK(repo.list().size() == 4);
            CHECK(repo.counts().value(Status::Draft) == 3);
            CHECK(repo.counts().value(Status::Submitted) == 1);
            CHECK(repo.dossier(office.foreign.id).title == QStringLiteral("B: Sở Tư pháp"));
        }
    });
}

TEST_CASE("clerk_openingADossierOutsideTheirSubtree_isRefusedWithTheReason", "[workflow][scope]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const ScopedOffice office(f);
        DossierRepository repo = f.dossiers();

        f.as(QStringLiteral("clerk"), f.unit);
        CHECK(repo.dossier(office.deeper.id).title == QStringLiteral("A2: Tổ Thi đua"));
        CHECK_THROWS_AS(repo.dossier(office.foreign.id), Core::PermissionError);
        const QString refusal = Test::errorOf([&] { repo.dossier(office.foreign.id); });
        CHECK(refusal.contains(QStringLiteral("outside Sở Nội vụ and its sub-units")));
        CHECK_FALSE(refusal.contains(QStringLiteral("Sở Tư pháp"))); // nothing of the other unit leaks
        // Looked up by its key (as the CLI does), it is refused the same way.
        CHECK_THROWS_AS(repo.dossier(repo.idForKey(office.foreign.key)), Core::PermissionError);

        // A clerk further down cannot open the dossier of the agency above either.
        f.as(QStringLiteral("clerk"), office.team);
        CHECK_THROWS_AS(repo.dossier(office.own.id), Core::PermissionError);

        // A sitting or a decision still names the dossiers of every unit.
        CHECK(repo.reference(office.own.id).unitName == QStringLiteral("Sở Nội vụ"));
    });
}
