// The database announces its changes (issue 17 item 1): after the outermost commit, once, with
// the tables and ids the audit log saw; nothing for a rollback; other programs' commits while
// watching (SQLite: data_version polling; PostgreSQL: LISTEN/NOTIFY).
#include "core/audit/bulkwrite.h"
#include "core/db/changes.h"
#include "core/db/database.h"
#include "core/db/transaction.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace VinhDanh;
using namespace VinhDanh::Core;

namespace {
qint64 addUnit(Database &db, const QString &name)
{
    Unit u;
    u.name = name;
    u.kind = QStringLiteral("commune_ward");
    UnitRepository(db).save(u);
    return u.id;
}

/// Runs the event loop until `done` or `ms` pass (timers and PostgreSQL's socket need it).
bool waitFor(const std::function<bool()> &done, int ms = 5000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > ms)
            return false;
        QTest::qWait(20);
    }
    return true;
}

ChangeSet setAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<ChangeSet>();
}

int outsideCount(const QSignalSpy &spy)
{
    int n = 0;
    for (int i = 0; i < spy.count(); ++i)
        n += setAt(spy, i).isOutside() ? 1 : 0;
    return n;
}
} // namespace

TEST_CASE("commit_announcesOnce_withTheTablesAndIdsItChanged", "[changes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        QSignalSpy spy(&db.changes(), &ChangeNotifier::changed);
        const qint64 unit = addUnit(db, QStringLiteral("UBND xã Tân Dân"));
        REQUIRE(spy.count() == 1);
        const ChangeSet added = setAt(spy, 0);
        CHECK_FALSE(added.isOutside());
        CHECK(added.tables() == QStringList{QStringLiteral("units")});
        CHECK(added.ids(QStringLiteral("units"), Change::Kind::Added) == QList<qint64>{unit});
        CHECK(added.touches({QStringLiteral("people"), QStringLiteral("units")}));
        CHECK_FALSE(added.touches({QStringLiteral("people")}));

        Unit u = *UnitRepository(db).get(unit);
        u.name = QStringLiteral("UBND phường Tân Dân");
        UnitRepository(db).save(u);
        REQUIRE(spy.count() == 2);
        CHECK(setAt(spy, 1).ids(QStringLiteral("units"), Change::Kind::Modified) == QList<qint64>{unit});
        // A read announces nothing.
        UnitRepository(db).get(unit);
        CHECK(spy.count() == 2);
    });
}

TEST_CASE("rollback_announcesNothing_andTheNextCommitOnlyItsOwnChanges", "[changes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        QSignalSpy spy(&db.changes(), &ChangeNotifier::changed);
        {
            Transaction tx(db.sql());
            addUnit(db, QStringLiteral("Sở Nội vụ"));
            db.changes().record(QStringLiteral("people"), Change::Kind::Added);
        } // not committed
        CHECK(spy.count() == 0);
        CHECK(UnitRepository(db).count() == 0);
        const qint64 unit = addUnit(db, QStringLiteral("Sở Tài chính"));
        REQUIRE(spy.count() == 1);
        CHECK(setAt(spy, 0).tables() == QStringList{QStringLiteral("units")});
        CHECK(setAt(spy, 0).ids(QStringLiteral("units")) == QList<qint64>{unit});
    });
}

TEST_CASE("nestedTransactions_announceAtTheOutermostCommit_withoutWhatASavepointRolledBack", "[changes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        QSignalSpy spy(&db.changes(), &ChangeNotifier::changed);
        qint64 first = 0;
        qint64 second = 0;
        {
            Transaction outer(db.sql());
            first = addUnit(db, QStringLiteral("Sở Giáo dục")); // the repository's own transaction: a savepoint
            CHECK(spy.count() == 0);
            {
                Transaction inner(db.sql());
                addUnit(db, QStringLiteral("Sở Y tế"));
                db.changes().record(QStringLiteral("people"), Change::Kind::Added);
            } // rolled back to its savepoint
            second = addUnit(db, QStringLiteral("Sở Xây dựng"));
            CHECK(spy.count() == 0);
            outer.commit();
        }
        REQUIRE(spy.count() == 1);
        const ChangeSet set = setAt(spy, 0);
        CHECK(set.tables() == QStringList{QStringLiteral("units")}); // not "people": its savepoint was undone
        QList<qint64> ids = set.ids(QStringLiteral("units"), Change::Kind::Added);
        std::sort(ids.begin(), ids.end());
        CHECK(ids == QList<qint64>{first, second});
        CHECK(UnitRepository(db).count() == 2);
    });
}

TEST_CASE("bulkImport_announcesTheTablesItFilledWithoutAuditRows", "[changes][bulk]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 unit = addUnit(db, QStringLiteral("Sở Tư pháp"));
        QSignalSpy spy(&db.changes(), &ChangeNotifier::changed);
        {
            Transaction tx(db.sql());
            BulkWrite bulk(db, tx, {QStringLiteral("people-table"), QStringLiteral("list.xlsx"), {}, 1});
            Person p;
            p.fullName = QStringLiteral("Nguyễn Văn An");
            p.category = QStringLiteral("vien_chuc");
            p.unitId = unit;
            PersonRepository(db).save(p);
            bulk.finish();
            tx.commit();
        }
        REQUIRE(spy.count() == 1);
        CHECK(setAt(spy, 0).touches({QStringLiteral("people")}));
        CHECK(setAt(spy, 0).tables().contains(QStringLiteral("import_batches")));
    });
}

TEST_CASE("sqliteFileWrittenByAnotherConnection_isAnnouncedAtTheNextPoll_ownCommitsAreNot", "[changes][sqlite]")
{
    Test::TestDatabase t(Backend::Sqlite);
    Database &mine = t.db();
    Database other(t.settings(), Database::Mode::OpenExisting);
    QSignalSpy spy(&mine.changes(), &ChangeNotifier::changed);
    mine.changes().watchOutside(100);
    CHECK(mine.changes().watchingOutside());

    addUnit(mine, QStringLiteral("UBND xã An Bình"));
    CHECK_FALSE(mine.changes().checkOutside()); // its own commit was announced as its own
    CHECK(outsideCount(spy) == 0);

    addUnit(other, QStringLiteral("UBND xã Bình An"));
    REQUIRE(waitFor([&] { return outsideCount(spy) == 1; }));
    const ChangeSet outside = setAt(spy, spy.count() - 1);
    CHECK(outside.isOutside());
    CHECK_FALSE(outside.tablesKnown()); // SQLite only says that the file changed
    CHECK(outside.touches({QStringLiteral("units")}));
    QTest::qWait(300);
    CHECK(outsideCount(spy) == 1); // once per change, not once per poll

    // Paused (the application inactive): nothing is announced until watching resumes.
    mine.changes().pauseOutside();
    addUnit(other, QStringLiteral("UBND xã Hòa Bình"));
    QTest::qWait(300);
    CHECK(outsideCount(spy) == 1);
    mine.changes().watchOutside(100);
    CHECK(outsideCount(spy) == 2);
}

TEST_CASE("postgresCommitOfAnotherConnection_arrivesAsANotificationWithItsTables_ownAreIgnored", "[changes][postgres]")
{
    if (qEnvironmentVariableIsEmpty("VINHDANH_TEST_PG"))
        return; // the PostgreSQL server is not configured (the suite's server test says so)
    Test::TestDatabase t(Backend::Postgres);
    Database &mine = t.db();
    Database other(t.settings(), Database::Mode::OpenExisting);
    QSignalSpy spy(&mine.changes(), &ChangeNotifier::changed);
    mine.changes().watchOutside();

    addUnit(mine, QStringLiteral("UBND xã An Bình"));
    QTest::qWait(300);
    CHECK(outsideCount(spy) == 0); // its own NOTIFY came back, and was recognised

    addUnit(other, QStringLiteral("UBND xã Bình An"));
    REQUIRE(waitFor([&] { return outsideCount(spy) == 1; }));
    const ChangeSet outside = setAt(spy, spy.count() - 1);
    CHECK(outside.isOutside());
    CHECK(outside.tables() == QStringList{QStringLiteral("units")});
    CHECK_FALSE(outside.touches({QStringLiteral("people")}));

    // A rolled-back transaction of the other connection sends nothing.
    {
        Transaction tx(other.sql());
        addUnit(other, QStringLiteral("UBND xã Hòa Bình"));
    }
    QTest::qWait(300);
    CHECK(outsideCount(spy) == 1);
}
