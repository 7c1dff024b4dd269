// A clerk prints the báo cáo thành tích of their own subtree only: the GUI (buildFor) and the
// CLI (build) reach the same core builder, which refuses another unit's person or unit.
#include "core/documents/documentkinds.h"
#include "core/error.h"
#include "core/registry/unitrepository.h"
#include "tests/core/workflow_fixture.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;

TEST_CASE("clerk_printsAchievementReportsOfTheirSubtreeOnly", "[documents][scope]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const qint64 other = f.newUnit(QStringLiteral("Sở Tư pháp"), QStringLiteral("provincial_agency"));
        const qint64 inside = f.eligiblePerson(2025, QStringLiteral("Nguyễn Văn An"));
        const qint64 outside = f.eligiblePerson(2025, QStringLiteral("Trần Thị Bình"), other);

        f.as(QStringLiteral("clerk"), f.unit);
        CHECK(Documents::buildFor(f.db, QStringLiteral("bao-cao-ca-nhan"), inside, 2025)
                  .title.contains(QStringLiteral("Nguyễn Văn An")));
        CHECK_NOTHROW(Documents::buildFor(f.db, QStringLiteral("bao-cao-tap-the"), f.unit, 2025));
        for (const auto &[kind, id] :
             {std::pair{QStringLiteral("bao-cao-ca-nhan"), outside}, std::pair{QStringLiteral("bao-cao-tap-the"), other}}) {
            INFO(kind.toStdString());
            QString message;
            try {
                Documents::buildFor(f.db, kind, id, 2025);
            } catch (const Core::PermissionError &e) {
                message = e.message();
            }
            CHECK(message.contains(QStringLiteral("clerk")));
            CHECK(message.contains(QStringLiteral("Sở Nội vụ")));
        }
        f.as(QStringLiteral("leader"));
        CHECK_NOTHROW(Documents::buildFor(f.db, QStringLiteral("bao-cao-ca-nhan"), outside, 2025));
    });
}
