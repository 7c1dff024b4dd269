// An office's first import of its history into its own database (issue 15 item 6): the big
// tables get their indexes (and on PostgreSQL their foreign keys) after the rows, yet another
// clerk's program is never left waiting on the loaded tables: it is told the data is in use,
// and an import that finds the tables in use loads with the indexes in place instead.
#include "core/db/bulktuning.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QStringList>

using namespace VinhDanh;
using namespace VinhDanh::Core;

namespace {
const QStringList kLoaded{QStringLiteral("people"), QStringLiteral("ratings"), QStringLiteral("awards")};

/// The awards table's secondary indexes by their storage identity: a rebuilt index is a new
/// object (PostgreSQL's oid), an index left in place keeps its own.
QString awardIndexIdentity(Database &db)
{
    return Query(db.sql(), QStringLiteral("SELECT string_agg(CAST(indexrelid AS text), ',' ORDER BY indexrelid) FROM pg_index "
                                          "WHERE indrelid = CAST('awards' AS regclass) AND NOT indisunique"))
        .scalar()
        .toString();
}

/// A second program on the same database, its lock wait short so the test does not idle.
ConnectionSettings otherClerk(const Test::TestDatabase &t)
{
    ConnectionSettings s = t.settings();
    s.lockTimeoutMs = 300;
    return s;
}
} // namespace

TEST_CASE("anotherClerksProgram_whileTheFirstHistoryLoads_isToldTheDataIsInUse_insteadOfWaiting", "[interchange][firstload]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Database other(otherClerk(t), Database::Mode::OpenExisting);
        bool deferred = false;
        QString seen;
        qint64 waitedMs = 0;
        {
            Transaction tx(db.sql());
            deferred = withIndexesDeferred(
                db, kLoaded,
                [&] {
                    QElapsedTimer timer;
                    timer.start();
                    try {
                        seen = QStringLiteral("read ")
                               + Query(other.sql(), QStringLiteral("SELECT count(*) FROM people")).scalar().toString();
                    } catch (const Error &e) {
                        seen = e.message();
                    }
                    waitedMs = timer.elapsed();
                },
                Locks::GiveWay);
            tx.commit();
        }
        CHECK(deferred);
        INFO(seen.toStdString());
        if (db.backend() == Backend::Sqlite) {
            // SQLite's readers keep their snapshot of the file: the other clerk reads on.
            CHECK(seen == QLatin1String("read 0"));
        } else {
            // The server's exclusive lock: refused after the clerk's lock wait, in words.
            CHECK(seen.startsWith(QStringLiteral("Another program is using this data right now")));
            CHECK(waitedMs < 5000);
        }
        // After the commit the other program works as before.
        CHECK(Query(other.sql(), QStringLiteral("SELECT count(*) FROM people")).scalar().toInt() == 0);
        if (db.backend() == Backend::Postgres) {
            // A save queues longer than a read (as SQLite's busy timeout): the audit chain's lock
            // is held until another program's commit, a print's or an import's for seconds.
            CHECK(Query(other.sql(), QStringLiteral("SELECT current_setting('lock_timeout')")).scalar().toString()
                  == QLatin1String("300ms"));
            Transaction save(other.sql());
            CHECK(Query(other.sql(), QStringLiteral("SELECT current_setting('lock_timeout')")).scalar().toString()
                  == QLatin1String("30s"));
        }
    });
}

TEST_CASE("firstLoad_deferringOnlyWhileTheOfficeHasNoRegistry_theOfficesDataKeepsItsIndexes", "[interchange][firstload]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Demo::generate(db, {7, 5, 1, 2025});
        // People are on record: their tables are in use, nothing is dropped, even for the
        // tables still empty (initiatives may be), and the load runs all the same.
        bool ran = false;
        Transaction tx(db.sql());
        const bool deferred = withIndexesDeferred(
            db, kLoaded + QStringList{QStringLiteral("disciplines")}, [&] { ran = true; }, Locks::GiveWay);
        tx.commit();
        CHECK(ran);
        CHECK_FALSE(deferred);
    });
}

TEST_CASE("firstImportIntoTheOfficesServer_givesWayToAProgramReadingTheTables_andImportsAllTheSame", "[interchange][firstload]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::TestDatabase source;
        Demo::generate(source.db(), {7, 40, 3, 2025});
        const QString path = source.dir() + QStringLiteral("/office.json");
        Interchange::exportTo(source.db(), path);
        Database &db = t.db();
        const bool server = db.backend() == Backend::Postgres;
        const QString before = server ? awardIndexIdentity(db) : QString();

        SECTION("nobody reads: the indexes are made after the rows")
        {
            const auto counts = Interchange::importFrom(db, path, {Interchange::FileOffice::Same});
            CHECK(counts.people == 40);
            if (server)
                CHECK(awardIndexIdentity(db) != before);
        }
        SECTION("another program has the people open in a transaction")
        {
            Database other(otherClerk(t), Database::Mode::OpenExisting);
            QSqlDatabase reader = other.sql();
            REQUIRE(reader.transaction());
            CHECK(Query(reader, QStringLiteral("SELECT count(*) FROM people")).scalar().toInt() == 0);
            QElapsedTimer timer;
            timer.start();
            const auto counts = Interchange::importFrom(db, path, {Interchange::FileOffice::Same});
            CHECK(counts.people == 40);
            CHECK(timer.elapsed() < 20000); // gave way after a moment, did not wait for the reader
            if (server)
                CHECK(awardIndexIdentity(db) == before); // loaded among the indexes in place
            CHECK(reader.commit());
        }
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM people")).scalar().toInt() == 40);
    });
}
