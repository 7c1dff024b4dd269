// Backups and restore (issue 12 item 3): consistent copies, never losing the old backup,
// restoring whole, and the automatic ones before an upgrade and once a day.
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/unitrepository.h"
#include "core/store/backup.h"
#include "core/store/migrations.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

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

QStringList unitNames(Database &db)
{
    QStringList names;
    Query q(db.sql(), QStringLiteral("SELECT name FROM units ORDER BY name"));
    q.exec();
    while (q.next())
        names << q.text(0);
    return names;
}

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}
} // namespace

TEST_CASE("backupOfAnOpenDatabase_holdsWhatIsStillInTheWal_andPassesItsCheck", "[backup]")
{
    Test::TestDatabase t;
    Database &db = t.open();
    addUnit(db, QStringLiteral("UBND xã Tân Dân"));
    addUnit(db, QStringLiteral("Sở Nội vụ"));
    // The writes sit in the -wal; a plain copy of the .sqlite file would miss them.
    REQUIRE(QFileInfo(t.path() + QStringLiteral("-wal")).size() > 0);
    const QString target = t.dir() + QStringLiteral("/copy.sqlite");
    Backup::write(db, target);
    const Backup::Summary s = Backup::inspect(target);
    CHECK(s.units == 2);
    CHECK(s.schemaVersion == Migrations::latestVersion());
    CHECK(QDir(t.dir()).entryList({QStringLiteral("copy.sqlite.part*")}).isEmpty());
    CHECK_FALSE(QFile::exists(target + QStringLiteral("-wal"))); // one self-contained file
    Database copy(ConnectionSettings::sqlite(target), Database::Mode::OpenExisting);
    CHECK(unitNames(copy) == unitNames(db));
}

TEST_CASE("backupThatFails_keepsThePreviousBackupOfTheSameName", "[backup]")
{
    Test::TestDatabase t;
    Database &db = t.open();
    addUnit(db, QStringLiteral("UBND xã Tân Dân"));
    const QString target = t.dir() + QStringLiteral("/weekly.sqlite");
    Backup::write(db, target);
    const QByteArray before = bytesOf(target);
    // Something in the way of the temporary file makes the next backup fail half-way.
    REQUIRE(QDir().mkpath(QStringLiteral("%1.part-%2/blocker").arg(target).arg(QCoreApplication::applicationPid())));
    addUnit(db, QStringLiteral("Sở Nội vụ"));
    CHECK_FALSE(Test::errorOf([&] { Backup::write(db, target); }).isEmpty());
    CHECK(bytesOf(target) == before);
    CHECK(Backup::inspect(target).units == 1);
}

TEST_CASE("backupOverTheOpenDatabaseItself_isRefused", "[backup]")
{
    Test::TestDatabase t;
    Database &db = t.open();
    CHECK(Test::errorOf([&] { Backup::write(db, t.path()); }).contains(QStringLiteral("over the database itself")));
    CHECK(Test::errorOf([&] { db.saveCopy(t.path() + QStringLiteral("-wal")); }).contains(QStringLiteral("over the database itself")));
    CHECK(unitNames(db).isEmpty());
}

TEST_CASE("restoreReplacesTheDatabaseWhole_andKeepsTheReplacedContentsBesideIt", "[backup]")
{
    Test::TestDatabase t;
    Database &db = t.open();
    addUnit(db, QStringLiteral("UBND xã Tân Dân"));
    const QString backup = t.dir() + QStringLiteral("/monday.sqlite");
    Backup::write(db, backup);
    addUnit(db, QStringLiteral("Sở Nội vụ"));
    // Another connection stays open during the restore, as a second clerk's would.
    Database other(t.settings(), Database::Mode::OpenExisting);
    const QString kept = Backup::restore(t.path(), backup);
    CHECK(unitNames(other) == QStringList{QStringLiteral("UBND xã Tân Dân")});
    t.close();
    CHECK(unitNames(t.open()) == QStringList{QStringLiteral("UBND xã Tân Dân")});
    REQUIRE(QFileInfo(kept).absolutePath() == Backup::folderFor(t.path()));
    CHECK(Backup::inspect(kept).units == 2);
    CHECK(Backup::inspect(kept).kind == Backup::Kind::BeforeRestore);
    Database keptDb(ConnectionSettings::sqlite(kept), Database::Mode::OpenExisting);
    CHECK(unitNames(keptDb).contains(QStringLiteral("Sở Nội vụ")));
}

TEST_CASE("restoreRefusesADamagedOrForeignBackup_andLeavesTheDatabaseAsItWas", "[backup]")
{
    Test::TestDatabase t;
    Database &db = t.open();
    addUnit(db, QStringLiteral("UBND xã Tân Dân"));
    const QString good = t.dir() + QStringLiteral("/good.sqlite");
    Backup::write(db, good);

    SECTION("damaged pages")
    {
        const QString damaged = t.dir() + QStringLiteral("/damaged.sqlite");
        QByteArray bytes = bytesOf(good);
        for (qsizetype i = 4096 * 2; i < qMin<qsizetype>(bytes.size(), 4096 * 6); ++i)
            bytes[i] = char(0x5a);
        QFile f(damaged);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const QString message = Test::errorOf([&] { Backup::restore(t.path(), damaged); });
        CHECK((message.contains(QStringLiteral("damaged")) || message.contains(QStringLiteral("not a Vinh Danh backup"))));
    }
    SECTION("another program's file")
    {
        const QString text = t.dir() + QStringLiteral("/notes.sqlite");
        QFile f(text);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("Biên bản họp\n");
        f.close();
        CHECK(Test::errorOf([&] { Backup::restore(t.path(), text); }).contains(QStringLiteral("not a Vinh Danh backup")));
    }
    SECTION("a backup whose audit guard was dropped")
    {
        const QString tampered = t.dir() + QStringLiteral("/tampered.sqlite");
        REQUIRE(QFile::copy(good, tampered));
        {
            Database raw(ConnectionSettings::sqlite(tampered), Database::NoMigrate{});
            Query::run(raw.sql(), QStringLiteral("DROP TRIGGER guard_audit_log_delete"));
        }
        CHECK(Test::errorOf([&] { Backup::restore(t.path(), tampered); }).contains(QStringLiteral("guards")));
    }
    CHECK(unitNames(db) == QStringList{QStringLiteral("UBND xã Tân Dân")});
    CHECK(Backup::list(t.path()).isEmpty()); // nothing was even kept: nothing was replaced
}

TEST_CASE("restoreOfABackupMissingAnAuditTrigger_isUndone_andSaysWhy", "[backup]")
{
    Test::TestDatabase t;
    Database &db = t.open();
    addUnit(db, QStringLiteral("UBND xã Tân Dân"));
    const QString tampered = t.dir() + QStringLiteral("/tampered.sqlite");
    Backup::write(db, tampered);
    {
        // Someone removed the trigger that records new units, with another SQLite tool.
        Database raw(ConnectionSettings::sqlite(tampered), Database::NoMigrate{});
        Query::run(raw.sql(), QStringLiteral("DROP TRIGGER audit_units_insert"));
    }
    addUnit(db, QStringLiteral("Sở Nội vụ"));
    const QString message = Test::errorOf([&] { Backup::restore(t.path(), tampered); });
    CHECK(message.contains(QStringLiteral("fails the database's check on opening")));
    CHECK(unitNames(db) == (QStringList{QStringLiteral("Sở Nội vụ"), QStringLiteral("UBND xã Tân Dân")}));
    t.close();
    CHECK_FALSE(t.open().readOnly());
}

TEST_CASE("openingAnOlderDatabase_backsItUpBeforeTheUpgrade", "[backup]")
{
    Test::TestDatabase t;
    {
        Database old(t.settings(), Database::NoMigrate{});
        Migrations::migrate(old, 4);
    }
    t.open();
    const QList<Backup::Summary> backups = Backup::list(t.path());
    const auto before = std::find_if(backups.begin(), backups.end(),
                                     [](const Backup::Summary &s) { return s.kind == Backup::Kind::BeforeUpgrade; });
    REQUIRE(before != backups.end());
    CHECK(Backup::inspect(before->path).schemaVersion == 4);
    CHECK(t.db().schemaVersion() == Migrations::latestVersion());
}

TEST_CASE("firstOpenOfTheDay_takesOneDailyBackup_andKeepsOnlyTheNewest", "[backup]")
{
    qputenv("VINHDANH_BACKUPS_KEEP", "3");
    Test::TestDatabase t;
    t.open(); // created now: nothing to back up yet
    CHECK(Backup::list(t.path()).isEmpty());
    // Five older daily backups, as five earlier days would have left.
    QDir().mkpath(Backup::folderFor(t.path()));
    const QString base = QFileInfo(t.path()).completeBaseName();
    for (int day = 1; day <= 5; ++day) {
        const QString old = QStringLiteral("%1/%2-2026010%3-080000-hang-ngay.sqlite").arg(Backup::folderFor(t.path()), base).arg(day);
        Backup::write(t.db(), old);
    }
    t.close();
    t.open();
    t.close();
    t.open(); // the second open of the day takes none
    QList<Backup::Summary> daily;
    for (const Backup::Summary &s : Backup::list(t.path()))
        if (s.kind == Backup::Kind::Daily)
            daily << s;
    qunsetenv("VINHDANH_BACKUPS_KEEP");
    REQUIRE(daily.size() == 3);
    CHECK(daily.at(0).takenAt.date() == QDate::currentDate());
    CHECK(daily.at(1).takenAt.date() == QDate(2026, 1, 5));
    CHECK(daily.at(2).takenAt.date() == QDate(2026, 1, 4));
}

TEST_CASE("backupOfAServerDatabase_isAPgDumpArchive", "[backup]")
{
    if (Test::TestDatabase::backends().size() < 2)
        return; // no PostgreSQL configured: backends() said so (or failed, when one is required)
    REQUIRE_FALSE(QStandardPaths::findExecutable(QStringLiteral("pg_dump")).isEmpty());
    Test::TestDatabase t(Backend::Postgres);
    Database &db = t.open();
    addUnit(db, QStringLiteral("UBND xã Tân Dân"));
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("office.dump"));
    Backup::write(db, target);
    CHECK(bytesOf(target).startsWith("PGDMP"));
    QProcess list;
    list.start(QStringLiteral("pg_restore"), {QStringLiteral("--list"), target});
    REQUIRE(list.waitForFinished(60000));
    CHECK(QString::fromUtf8(list.readAllStandardOutput()).contains(QStringLiteral("TABLE DATA public units")));
}
