#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/keyaliases.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/store/migrations.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QUuid>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using VinhDanh::Test::errorOf;

namespace {
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

TEST_CASE("newDatabase_isAtLatestSchemaVersion_withForeignKeysEnforced", "[migrations]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        CHECK(t.db().schemaVersion() == Migrations::latestVersion());
        // A person in a unit that does not exist must be refused by the database itself.
        const QString message = errorOf([&] {
            Query::run(t.db().sql(), QStringLiteral("INSERT INTO people (ext_key, full_name, given_name, unit_id, category, "
                                                    "search_key) VALUES ('p', 'A B', 'B', 999, 'cong_chuc', 'a b')"));
        });
        CHECK(message.contains(QStringLiteral("does not exist")));
    });
}

TEST_CASE("sqliteConnection_usesWalAndForeignKeys", "[migrations]")
{
    Test::TestDatabase t;
    CHECK(Query(t.db().sql(), QStringLiteral("PRAGMA foreign_keys")).scalar().toInt() == 1);
    CHECK(Query(t.db().sql(), QStringLiteral("PRAGMA journal_mode")).scalar().toString() == QStringLiteral("wal"));
}

TEST_CASE("migratesFromEveryEarlierVersion_keepingItsData", "[migrations]")
{
    for (Backend backend : Test::TestDatabase::backends()) {
        for (int from = 0; from < Migrations::latestVersion(); ++from) {
            DYNAMIC_SECTION(Test::TestDatabase::backendName(backend).toStdString() << " from version " << from)
            {
                Test::TestDatabase t(backend);
                {
                    Database old(t.settings(), Database::NoMigrate{});
                    Migrations::migrate(old, from);
                    CHECK(Migrations::storedVersion(old) == from);
                    if (from >= 1) {
                        Query::run(old.sql(), QStringLiteral("INSERT INTO units (ext_key, name, kind, search_key) "
                                                             "VALUES ('U1', 'Sở Nội vụ', 'provincial_agency', 'so noi vu')"));
                        Query::run(old.sql(), QStringLiteral("INSERT INTO people (ext_key, full_name, given_name, unit_id, category, "
                                                             "search_key) SELECT 'P1', 'Nguyễn Thị Ngọc', 'Ngọc', id, 'cong_chuc', "
                                                             "'nguyen thi ngoc p1' FROM units WHERE ext_key = 'U1'"));
                    }
                }
                Database &db = t.open();
                CHECK(db.schemaVersion() == Migrations::latestVersion());
                // Step 17 gives every database, new or upgraded, an office id of its own.
                CHECK_FALSE(QUuid::fromString(Keys::officeId(db)).isNull());
                if (from >= 1) {
                    CHECK(UnitRepository(db).idForKey(QStringLiteral("U1")) > 0);
                    // Rows from before step 13 are in its search index too.
                    CHECK(UnitRepository(db).count(QStringLiteral("Nội vụ")) == 1);
                    // And a person from before step 18 in PostgreSQL's word-order index.
                    CHECK(PersonRepository(db).count(QStringLiteral("Nguyễn Thị Ng")) == 1);
                    CHECK(PersonRepository(db).page(QStringLiteral("thi ngoc"), PersonRepository::Sort::Name, true, 0, 10).size()
                          == 1);
                }
                if (backend == Backend::Postgres) // step 18, whatever the version upgraded from
                    CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = 'people_search_words'"))
                              .scalar()
                              .toInt()
                          == 1);
            }
        }
    }
}

TEST_CASE("databaseFromNewerVersion_isRefusedWithClearMessage_andLeftUnchanged", "[migrations]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Query(t.db().sql(), QStringLiteral("UPDATE schema_info SET value = :v WHERE key = 'version'"))
            .bind(QStringLiteral(":v"), QString::number(Migrations::latestVersion() + 1))
            .exec();
        t.close();
        const QByteArray before = t.settings().backend == Backend::Sqlite ? fileHash(t.path()) : QByteArray();
        const QString message = errorOf([&] { t.open(); });
        CHECK(message.contains(QStringLiteral("newer version of Vinh Danh")));
        CHECK(message.contains(QStringLiteral("was not changed")));
        if (t.settings().backend == Backend::Sqlite)
            CHECK(fileHash(t.path()) == before);
    });
}

TEST_CASE("failingMigrationStep_rollsBackTheWholeLadder", "[migrations]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        t.close();
        if (t.settings().backend == Backend::Postgres)
            Test::TestDatabase::resetPostgres(t.settings());
        else
            QFile::remove(t.path());
        Database db(t.settings(), Database::NoMigrate{});
        const std::vector<Migrations::Step> steps = {
            {1, QStringLiteral("good"), [](Database &d) { Query::run(d.sql(), QStringLiteral("CREATE TABLE t1 (x INTEGER)")); }},
            {2, QStringLiteral("bad"), [](Database &d) { Query::run(d.sql(), QStringLiteral("CREATE TABLE broken (")); }},
        };
        const QString message = errorOf([&] { Migrations::migrate(db, -1, &steps); });
        CHECK(message.contains(QStringLiteral("version 2")));
        CHECK(Migrations::storedVersion(db) == 0);
        QSqlQuery probe(db.sql());
        CHECK_FALSE(probe.exec(QStringLiteral("SELECT x FROM t1")));
    });
}

TEST_CASE("fileThatIsNotADatabase_isRefused_andNotOverwritten", "[migrations]")
{
    Test::TestDatabase t;
    QFile f(t.path());
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("Họ và tên,Đơn vị\nNguyễn Văn A,Sở Nội vụ\n");
    f.close();
    const QByteArray before = fileHash(t.path());
    CHECK(errorOf([&] { t.open(); }).contains(QStringLiteral("not a Vinh Danh database")));
    CHECK(fileHash(t.path()) == before);
}

TEST_CASE("sqliteFileOfAnotherProgram_isRefused", "[migrations]")
{
    Test::TestDatabase t;
    {
        Database other(t.settings(), Database::NoMigrate{});
        Query::run(other.sql(), QStringLiteral("CREATE TABLE invoices (id INTEGER)"));
    }
    CHECK(errorOf([&] { t.open(); }).contains(QStringLiteral("not made by Vinh Danh")));
}

TEST_CASE("openExisting_refusesMissingFile_insteadOfCreatingIt", "[migrations]")
{
    Test::TestDatabase t;
    CHECK(errorOf([&] { Database db(t.settings(), Database::Mode::OpenExisting); }).contains(QStringLiteral("does not exist")));
    CHECK_FALSE(QFile::exists(t.path()));
}

TEST_CASE("saveCopy_writesAnOpenableDatabaseWithTheSameData", "[migrations]")
{
    Test::TestDatabase t;
    Unit u;
    u.name = QStringLiteral("Sở Nội vụ");
    u.kind = QStringLiteral("provincial_agency");
    UnitRepository(t.db()).save(u);
    const QString copy = t.dir() + QStringLiteral("/copy.sqlite");
    t.db().saveCopy(copy);
    Database db(ConnectionSettings::sqlite(copy), Database::Mode::OpenExisting);
    CHECK(UnitRepository(db).idForKey(u.key) > 0);
}
