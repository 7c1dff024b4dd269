#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using VinhDanh::Test::errorOf;

namespace {
} // namespace

TEST_CASE("copyFromCatalogue_givesAnEditableMovement_andLeavesTheCatalogueAlone", "[movements]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        MovementRepository repo(t.db());
        const qint64 source = repo.idForKey(QStringLiteral("catalogue-003"));
        const Movement original = *repo.get(source);
        const qint64 id = repo.copy(source);
        Movement copy = *repo.get(id);
        CHECK_FALSE(copy.isCatalogue);
        CHECK(copy.copiedFrom == QStringLiteral("catalogue-003"));
        CHECK(copy.phases.size() == original.phases.size());
        CHECK(copy.standards.size() == original.standards.size());
        copy.name = QStringLiteral("Phong trào của Sở Nội vụ");
        copy.phases[0].reviewYear = 2026;
        copy.standards[0].items.append(QStringLiteral("Có ít nhất một sáng kiến được công nhận."));
        repo.save(copy);
        const Movement saved = *repo.get(id);
        CHECK(saved.name == QStringLiteral("Phong trào của Sở Nội vụ"));
        CHECK(saved.phases[0].reviewYear == 2026);
        CHECK(saved.standards[0].items.last() == QStringLiteral("Có ít nhất một sáng kiến được công nhận."));
        const Movement again = *repo.get(source);
        CHECK(again.name == original.name);
        CHECK(again.phases[0].reviewYear == 2027);
        CHECK(again.standards[0].items == original.standards[0].items);
    });
}

TEST_CASE("catalogueMovement_cannotBeChangedOrDeleted", "[movements]")
{
    Test::TestDatabase t;
    MovementRepository repo(t.db());
    Movement m = *repo.get(repo.idForKey(QStringLiteral("catalogue-001")));
    m.name = QStringLiteral("Đổi tên");
    CHECK(errorOf([&] { repo.save(m); }).contains(QStringLiteral("Make a copy")));
    CHECK(errorOf([&] { repo.remove(m.id); }).contains(QStringLiteral("cannot be deleted")));
    CHECK(repo.get(m.id)->name != QStringLiteral("Đổi tên"));
}

TEST_CASE("newMovement_isValidatedBeforeSaving", "[movements]")
{
    Test::TestDatabase t;
    MovementRepository repo(t.db());
    Movement m;
    m.periodFrom = 2026;
    m.periodTo = 2025;
    m.awards.append({QStringLiteral("annual"), {QStringLiteral("NO_SUCH")}, QStringLiteral("X"), {}, {}});
    m.standards.append({{}, QStringLiteral("annual"), QStringLiteral("ghost"), {}, {}});
    const QString message = errorOf([&] { repo.save(m); });
    CHECK(message.contains(QStringLiteral("name is required")));
    CHECK(message.contains(QStringLiteral("ends (2025) before it starts (2026)")));
    CHECK(message.contains(QStringLiteral("NO_SUCH")));
    CHECK(message.contains(QStringLiteral("ghost")));
    CHECK(repo.list().size() == 5);
}

TEST_CASE("movementUsedByAnAward_cannotBeDeleted", "[movements]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        MovementRepository repo(t.db());
        const qint64 id = repo.copy(repo.idForKey(QStringLiteral("catalogue-002")));
        Unit u;
        u.name = QStringLiteral("UBND phường Hạc Thành");
        u.kind = QStringLiteral("commune_ward");
        UnitRepository(t.db()).save(u);
        Award a;
        a.subject = Subject::unit(u.id);
        a.formCode = QStringLiteral("BK_TINH");
        a.kind = QStringLiteral("theo_dot");
        a.year = 2027;
        a.movementId = id;
        RecordRepository(t.db()).saveAward(a);
        CHECK(errorOf([&] { repo.remove(id); }).contains(QStringLiteral("1 award")));
        CHECK(repo.get(id).has_value());
    });
}

TEST_CASE("movementFilterIgnoresDiacritics", "[movements]")
{
    Test::TestDatabase t;
    const QList<MovementSummary> found = MovementRepository(t.db()).list(QStringLiteral("thanh hoa"));
    REQUIRE(found.size() == 1);
    CHECK(found.first().key == QStringLiteral("catalogue-002"));
}
