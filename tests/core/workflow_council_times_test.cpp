// A sitting's start and end time and its secretary (schema version 10): kept as entered,
// refused when they cannot be true (25:00, ending before it starts, two secretaries) with the
// database left as it was, and gained by a database made before them with its sittings intact.
#include "core/council/councilrepository.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/store/migrations.h"
#include "core/store/selfcheck.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Workflow;
using VinhDanh::Test::errorOf;

namespace {
Sitting sitting()
{
    Sitting s;
    s.title = QStringLiteral("Phiên họp xét khen thưởng năm 2025");
    s.heldOn = QDate(2025, 12, 10);
    s.members = {{0, 0, QStringLiteral("Lê Văn Chủ"), QStringLiteral("Chủ tịch Hội đồng"), true},
                 {0, 0, QStringLiteral("Phạm Thị Thư"), QStringLiteral("Ủy viên"), true},
                 {0, 0, QStringLiteral("Trần Văn Ba"), QStringLiteral("Ủy viên"), true}};
    return s;
}

int sittings(Database &db)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM council_sessions")).scalar().toInt();
}
} // namespace

TEST_CASE("timeOfDay_readsTheWaysClerksWriteIt_andRefusesATimeThatIsNotOne", "[workflow][council]")
{
    CHECK(Council::timeOfDay(QStringLiteral("08:00")) == QTime(8, 0));
    CHECK(Council::timeOfDay(QStringLiteral(" 8:05 ")) == QTime(8, 5));
    CHECK(Council::timeOfDay(QStringLiteral("14h30")) == QTime(14, 30));
    CHECK(Council::timeOfDay(QStringLiteral("8h")) == QTime(8, 0));
    CHECK(Council::timeOfDay(QStringLiteral("10 giờ 30 phút")) == QTime(10, 30));
    CHECK(Council::timeOfDay(QString()).isNull());
    const QString message = errorOf([] { Council::timeOfDay(QStringLiteral("25:00")); });
    CHECK(message.contains(QStringLiteral("“25:00” is not a time of day")));
    CHECK(message.contains(QStringLiteral("00:00 to 23:59")));
    for (const char *bad : {"08:60", "8:5", "tám giờ", "08:00:00", "-1:00"})
        CHECK_FALSE(errorOf([bad] { Council::timeOfDay(QString::fromUtf8(bad)); }).isEmpty());
}

TEST_CASE("secretary_ofASittingWithoutTheMark_isTheMemberWhoseRoleIsSecretary", "[workflow][council]")
{
    Sitting s = sitting();
    CHECK(s.secretaryName().isEmpty());
    // The role is the title's last part: a post named "Thư ký tổng hợp" is not the council's.
    s.members[1].title = QStringLiteral("Thư ký tổng hợp - Ủy viên");
    CHECK(s.secretaryName().isEmpty());
    s.members[2].title = QStringLiteral("Trưởng ban Ban Thi đua – Khen thưởng – Ủy viên thư ký");
    CHECK(s.secretaryName() == QStringLiteral("Trần Văn Ba"));
    // The mark and a name given come first.
    s.secretary = QStringLiteral("Ngô Văn Ghi");
    CHECK(s.secretaryName() == QStringLiteral("Ngô Văn Ghi"));
    s.members[0].secretary = true;
    CHECK(s.secretaryName() == QStringLiteral("Lê Văn Chủ"));
}

TEST_CASE("sitting_keepsItsStartAndEndTime_andItsSecretary_aMemberMarkedOrANameGiven", "[workflow][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        CouncilRepository council(t.db());
        Sitting s = sitting();
        s.startTime = QTime(8, 0);
        s.endTime = QTime(10, 30);
        s.members[1].secretary = true;
        const qint64 id = council.save(s);
        Sitting stored = council.session(id);
        CHECK(stored.startTime == QTime(8, 0));
        CHECK(stored.endTime == QTime(10, 30));
        CHECK(stored.members[1].secretary);
        CHECK_FALSE(stored.members[0].secretary);
        CHECK(stored.secretaryName() == QStringLiteral("Phạm Thị Thư"));
        // Stored as the minutes read them, "hh:mm".
        CHECK(Query(t.db().sql(), QStringLiteral("SELECT start_time || '-' || end_time FROM council_sessions WHERE id = :id"))
                  .bind(QStringLiteral(":id"), id)
                  .scalar()
                  .toString()
              == QStringLiteral("08:00-10:30"));

        // The secretary is not a member: named, and no member marked.
        stored.members[1].secretary = false;
        stored.secretary = QStringLiteral("Ngô Văn Ghi");
        council.save(stored);
        stored = council.session(id);
        CHECK(stored.secretary == QStringLiteral("Ngô Văn Ghi"));
        CHECK(stored.secretaryName() == QStringLiteral("Ngô Văn Ghi"));

        // The same name typed and marked is one secretary, not a conflict.
        stored.secretary = QStringLiteral("Trần Văn Ba");
        stored.members[2].secretary = true;
        council.save(stored);
        stored = council.session(id);
        CHECK(stored.secretary.isEmpty());
        CHECK(stored.secretaryName() == QStringLiteral("Trần Văn Ba"));

        // A sitting opened for a dossier takes the last one's members with the secretary's mark.
        Sitting copy = sitting();
        copy.startTime = QTime(14, 0); // only a start: the end is written when it ends
        const qint64 second = council.save(copy);
        CHECK(council.session(second).startTime == QTime(14, 0));
        CHECK_FALSE(council.session(second).endTime.isValid());
    });
}

TEST_CASE("sitting_endingBeforeItStarts_orWithTwoSecretaries_isRefused_andChangesNothing", "[workflow][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        CouncilRepository council(t.db());
        Sitting s = sitting();
        s.startTime = QTime(10, 30);
        s.endTime = QTime(8, 0);
        CHECK(
            errorOf([&] { council.save(s); })
            == QStringLiteral("The sitting cannot end at 08:00 when it started at 10:30: the end time must be after the start time."));
        s.endTime = QTime(10, 30);
        CHECK(errorOf([&] { council.save(s); }).contains(QStringLiteral("must be after the start time")));
        s.startTime = QTime();
        CHECK(errorOf([&] { council.save(s); }).contains(QStringLiteral("started as well as the time it ended")));
        CHECK(sittings(t.db()) == 0); // nothing was written

        s = sitting();
        s.startTime = QTime(8, 0);
        const qint64 id = council.save(s);
        Sitting edit = council.session(id);
        edit.members[0].secretary = edit.members[1].secretary = true;
        CHECK(errorOf([&] { council.save(edit); }).contains(QStringLiteral("Only one member can be the secretary")));
        edit.members[0].secretary = false;
        edit.secretary = QStringLiteral("Ngô Văn Ghi");
        CHECK(errorOf([&] {
                  council.save(edit);
              }).contains(QStringLiteral("either a member (Phạm Thị Thư is marked) or someone else named (Ngô Văn Ghi)")));
        // The stored sitting is as it was: same version, no secretary.
        const Sitting after = council.session(id);
        CHECK(after.version == 1);
        CHECK(after.secretaryName().isEmpty());
        CHECK(after.startTime == QTime(8, 0));

        // The database refuses an impossible time written around the repository, too.
        CHECK_FALSE(
            errorOf([&] { Query::run(t.db().sql(), QStringLiteral("UPDATE council_sessions SET start_time = '25:00'")); }).isEmpty());
        CHECK_FALSE(
            errorOf([&] { Query::run(t.db().sql(), QStringLiteral("UPDATE council_sessions SET end_time = '07:00'")); }).isEmpty());
    });
}

TEST_CASE("databaseOfVersion9_gainsTheSittingsTimesAndSecretary_withItsSittingsIntact", "[migrations][council]")
{
    for (Backend backend : Test::TestDatabase::backends()) {
        DYNAMIC_SECTION(Test::TestDatabase::backendName(backend).toStdString())
        {
            Test::TestDatabase t(backend);
            {
                Database old(t.settings(), Database::NoMigrate{});
                Migrations::migrate(old, 9);
                Query::run(old.sql(), QStringLiteral("INSERT INTO council_sessions (ext_key, title, held_on, place, chair, year, "
                                                     "quorum_num, quorum_den) VALUES ('council-old', 'Phiên họp năm 2024', "
                                                     "'2024-12-12', 'Phòng họp A', 'Lê Văn Chủ', 2024, 2, 3)"));
                Query::run(old.sql(), QStringLiteral("INSERT INTO council_members (session_id, position, full_name, title, attended) "
                                                     "SELECT id, 1, 'Phạm Thị Thư', 'Thư ký Hội đồng', 1 FROM council_sessions"));
            }
            Database &db = t.open();
            CHECK(db.schemaVersion() == Migrations::latestVersion());
            CHECK(SelfCheck::problems(db, false).isEmpty()); // the renewed audit triggers are the expected ones
            CouncilRepository council(db);
            const qint64 id = council.idForKey(QStringLiteral("council-old"));
            REQUIRE(id > 0);
            Sitting s = council.session(id);
            CHECK(s.title == QStringLiteral("Phiên họp năm 2024"));
            CHECK(s.place == QStringLiteral("Phòng họp A"));
            CHECK(s.heldOn == QDate(2024, 12, 12));
            REQUIRE(s.members.size() == 1);
            CHECK_FALSE(s.members[0].secretary);
            CHECK_FALSE(s.startTime.isValid());
            CHECK_FALSE(s.endTime.isValid());
            CHECK(s.secretaryName() == QStringLiteral("Phạm Thị Thư")); // by the role, as before

            // The new columns take the times, and the audit log records them.
            s.startTime = QTime(8, 0);
            s.endTime = QTime(9, 45);
            council.save(s);
            CHECK(council.session(id).endTime == QTime(9, 45));
            CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'council_sessions' "
                                                 "AND new_values LIKE '%09:45%'"))
                      .scalar()
                      .toInt()
                  == 1);
        }
    }
}
