#include "core/store/migrations.h"

#include "cli/clirunner.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}
} // namespace

TEST_CASE("cliInitCreatesADatabase_andRefusesToOverwriteOne", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("office.sqlite"));
    const CliRun first = cli({QStringLiteral("init"), QStringLiteral("--database"), db});
    CHECK(first.code == 0);
    CHECK(QFile::exists(db));
    const CliRun again = cli({QStringLiteral("init"), QStringLiteral("--database"), db});
    CHECK(again.code == 1);
    CHECK(again.err.trimmed().count(QLatin1Char('\n')) == 0);
    CHECK(again.err.contains(QStringLiteral("already exists")));
}

TEST_CASE("cliDemoExportImportExport_roundTripsByteForByte", "[cli]")
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.sqlite"));
    const QString b = dir.filePath(QStringLiteral("b.sqlite"));
    REQUIRE(cli({QStringLiteral("init"), QStringLiteral("--database"), a}).code == 0);
    REQUIRE(cli({QStringLiteral("demo"), QStringLiteral("--database"), a, QStringLiteral("--units"), QStringLiteral("15"),
                 QStringLiteral("--people"), QStringLiteral("120"), QStringLiteral("--seed"), QStringLiteral("4")})
                .code
            == 0);
    REQUIRE(cli({QStringLiteral("export"), QStringLiteral("--database"), a, QStringLiteral("--output"),
                 dir.filePath(QStringLiteral("a.json"))})
                .code
            == 0);
    REQUIRE(cli({QStringLiteral("init"), QStringLiteral("--database"), b}).code == 0);
    // b is a copy of a's office (issue 15: an empty database no longer takes a file's office silently).
    const CliRun imported = cli({QStringLiteral("import"), QStringLiteral("--database"), b, QStringLiteral("--input"),
                                 dir.filePath(QStringLiteral("a.json")), QStringLiteral("--same-office")});
    CHECK(imported.code == 0);
    CHECK(imported.out.contains(QStringLiteral("120 people")));
    REQUIRE(cli({QStringLiteral("export"), QStringLiteral("--database"), b, QStringLiteral("--output"),
                 dir.filePath(QStringLiteral("b.json"))})
                .code
            == 0);
    CHECK(readAll(dir.filePath(QStringLiteral("a.json"))) == readAll(dir.filePath(QStringLiteral("b.json"))));
}

TEST_CASE("cliImportOfBrokenFile_failsWithOneLine_andChangesNothing", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("office.sqlite"));
    REQUIRE(cli({QStringLiteral("init"), QStringLiteral("--database"), db}).code == 0);
    QFile f(dir.filePath(QStringLiteral("bad.json")));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "vinhdanh-interchange", "formatVersion": 1,
        "units": [{"key": "U1", "name": "Sở Nội vụ", "kind": "provincial_agency"}],
        "people": [{"key": "P1", "fullName": "Nguyễn Văn A", "unit": "U2", "category": "cong_chuc"}]})");
    f.close();
    const CliRun r = cli({QStringLiteral("import"), QStringLiteral("--database"), db, QStringLiteral("--input"), f.fileName()});
    CHECK(r.code == 1); // README: 1 when the work fails (2 is kept for a usage mistake)
    CHECK(r.err.trimmed().count(QLatin1Char('\n')) == 0);
    CHECK(r.err.contains(QStringLiteral("people[0] (P1)")));
    CHECK(r.err.contains(QStringLiteral("U2")));
    const CliRun exported = cli({QStringLiteral("export"), QStringLiteral("--database"), db, QStringLiteral("--output"),
                                 dir.filePath(QStringLiteral("out.json"))});
    CHECK(exported.out.contains(QStringLiteral("0 units, 0 people")));
}

TEST_CASE("cliMovementsJson_listsTheFiveCatalogueMovements", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("office.sqlite"));
    REQUIRE(cli({QStringLiteral("init"), QStringLiteral("--database"), db}).code == 0);
    const CliRun r = cli(
        {QStringLiteral("movements"), QStringLiteral("--database"), db, QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.code == 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
    REQUIRE(list.size() == 5);
    CHECK(list.at(3).toObject().value(QStringLiteral("key")).toString() == QStringLiteral("catalogue-003"));
    CHECK(list.at(3).toObject().value(QStringLiteral("catalogue")).toBool());
    const CliRun text = cli({QStringLiteral("movements"), QStringLiteral("--database"), db});
    CHECK(text.out.contains(QStringLiteral("Hà Tĩnh")));
    CHECK(cli({QStringLiteral("movements"), QStringLiteral("--database"), db, QStringLiteral("--format"), QStringLiteral("xml")}).code
          == 2);
}

TEST_CASE("cliRefusesDatabaseFromNewerVersion_withClearMessage", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("office.sqlite"));
    REQUIRE(cli({QStringLiteral("init"), QStringLiteral("--database"), db}).code == 0);
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(db);
        REQUIRE(raw.open());
        QSqlQuery q(raw);
        REQUIRE(q.exec(QStringLiteral("UPDATE schema_info SET value = '%1' WHERE key = 'version'")
                           .arg(VinhDanh::Core::Migrations::latestVersion() + 1)));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    const CliRun r = cli({QStringLiteral("movements"), QStringLiteral("--database"), db});
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("newer version of Vinh Danh")));
}

TEST_CASE("cliCommandsOtherThanInit_refuseAMissingDatabase_andCreateNoFile", "[cli]")
{
    QTemporaryDir dir;
    const QString typo = dir.filePath(QStringLiteral("typo.sqlite"));
    QFile json(dir.filePath(QStringLiteral("empty.json")));
    REQUIRE(json.open(QIODevice::WriteOnly));
    json.write(R"({"format": "vinhdanh-interchange", "formatVersion": 2})");
    json.close();
    const QList<QStringList> commands = {
        {QStringLiteral("import"), QStringLiteral("--database"), typo, QStringLiteral("--input"), json.fileName()},
        {QStringLiteral("demo"), QStringLiteral("--database"), typo, QStringLiteral("--units"), QStringLiteral("3"),
         QStringLiteral("--people"), QStringLiteral("5")},
        {QStringLiteral("movements"), QStringLiteral("--database"), typo},
        {QStringLiteral("backup"), QStringLiteral("--database"), typo, QStringLiteral("--output"),
         dir.filePath(QStringLiteral("b.sqlite"))},
    };
    for (const QStringList &args : commands) {
        INFO(args.join(QLatin1Char(' ')).toStdString());
        const CliRun r = cli(args, {{QStringLiteral("VINHDANH_LANG"), QStringLiteral("en")}});
        CHECK(r.code == 1);
        CHECK(r.err.contains(QStringLiteral("does not exist")));
        CHECK_FALSE(QFile::exists(typo));
    }
}

TEST_CASE("cliRefusesAReadOnlyDatabaseFile_sayingItIsReadOnly", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("office.sqlite"));
    REQUIRE(cli({QStringLiteral("init"), QStringLiteral("--database"), db}).code == 0);
    REQUIRE(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const CliRun r = cli({QStringLiteral("movements"), QStringLiteral("--database"), db},
                         {{QStringLiteral("VINHDANH_LANG"), QStringLiteral("en")}});
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("is read-only")));
    CHECK_FALSE(r.err.contains(QStringLiteral("not a Vinh Danh database")));
}

TEST_CASE("cliRefusesAnotherProgramsSqliteFile_leavingItByteForByte", "[cli]")
{
    QTemporaryDir dir;
    const QString other = dir.filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        raw.setDatabaseName(other);
        REQUIRE(raw.open());
        QSqlQuery q(raw);
        REQUIRE(q.exec(QStringLiteral("CREATE TABLE songs (title TEXT)")));
        REQUIRE(q.exec(QStringLiteral("INSERT INTO songs VALUES ('Quê hương')")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    const QByteArray before = readAll(other);
    const CliRun r = cli({QStringLiteral("movements"), QStringLiteral("--database"), other},
                         {{QStringLiteral("VINHDANH_LANG"), QStringLiteral("en")}});
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("not made by Vinh Danh")));
    CHECK(readAll(other) == before); // not even the journal mode in its header
    CHECK_FALSE(QFile::exists(other + QStringLiteral("-wal")));
}

TEST_CASE("cliChangeWithoutUserVariable_isRecordedUnderTheOsAccount_neverEmpty", "[cli][audit]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("office.sqlite"));
    REQUIRE(cli({QStringLiteral("init"), QStringLiteral("--database"), db}).code == 0);
    QFile f(dir.filePath(QStringLiteral("unit.json")));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "vinhdanh-interchange", "formatVersion": 2,
        "units": [{"key": "U1", "name": "Sở Nội vụ", "kind": "provincial_agency"}]})");
    f.close();
    // As under cron or `env -i`: neither USER nor USERNAME is set.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("USER"));
    env.remove(QStringLiteral("USERNAME"));
    env.remove(QStringLiteral("LOGNAME"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(VINHDANH_CLI),
            {QStringLiteral("import"), QStringLiteral("--database"), db, QStringLiteral("--input"), f.fileName()});
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("actor"));
    raw.setDatabaseName(db);
    REQUIRE(raw.open());
    {
        QSqlQuery q(raw);
        // The import's one audit entry (issue 15: a bulk import is one batch entry).
        REQUIRE(q.exec(QStringLiteral("SELECT actor FROM audit_log WHERE table_name = 'import_batches'")));
        REQUIRE(q.next());
        const QString actor = q.value(0).toString();
        CHECK(actor.startsWith(QStringLiteral("os:")));
        CHECK(actor.size() > 3);
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("actor"));
}

TEST_CASE("cliUsageMistakes_exitWithCodeTwo", "[cli]")
{
    CHECK(cli({QStringLiteral("frobnicate")}).code == 2);
    CHECK(cli({QStringLiteral("export"), QStringLiteral("--database"), QStringLiteral("x.sqlite")}).code == 2);
    CHECK(cli({QStringLiteral("demo"), QStringLiteral("--database"), QStringLiteral("x.sqlite"), QStringLiteral("--units"),
               QStringLiteral("many"), QStringLiteral("--people"), QStringLiteral("3")})
              .code
          == 2);
}

TEST_CASE("cliSpeaksVietnameseByDefault", "[cli]")
{
    QProcess p;
    p.start(QStringLiteral(VINHDANH_CLI), {QStringLiteral("init")});
    REQUIRE(p.waitForFinished(30000));
    CHECK(p.exitCode() == 2);
    CHECK(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("Tùy chọn --database là bắt buộc")));
}

TEST_CASE("cliImportNew_makesTheDatabaseFromTheFile_andAFailedImportLeavesNoFile", "[cli]")
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.sqlite"));
    REQUIRE(cli({QStringLiteral("init"), QStringLiteral("--database"), a}).code == 0);
    REQUIRE(cli({QStringLiteral("demo"), QStringLiteral("--database"), a, QStringLiteral("--units"), QStringLiteral("8"),
                 QStringLiteral("--people"), QStringLiteral("40"), QStringLiteral("--seed"), QStringLiteral("2")})
                .code
            == 0);
    const QString json = dir.filePath(QStringLiteral("a.json"));
    REQUIRE(cli({QStringLiteral("export"), QStringLiteral("--database"), a, QStringLiteral("--output"), json}).code == 0);

    const QString made = dir.filePath(QStringLiteral("made.sqlite"));
    const CliRun imported = cli(
        {QStringLiteral("import"), QStringLiteral("--new"), QStringLiteral("--database"), made, QStringLiteral("--input"), json},
        {{QStringLiteral("VINHDANH_LANG"), QStringLiteral("en")}});
    CHECK(imported.code == 0);
    CHECK(imported.out.contains(QStringLiteral("40 people")));
    // Readable by the accounts the office shares the folder with, as any database SQLite makes.
    CHECK(QFileInfo(made).permissions().testFlag(QFileDevice::ReadGroup));
    CHECK(QFileInfo(made).permissions().testFlag(QFileDevice::ReadOther));
    const QString again = dir.filePath(QStringLiteral("again.json"));
    REQUIRE(cli({QStringLiteral("export"), QStringLiteral("--database"), made, QStringLiteral("--output"), again}).code == 0);
    CHECK(readAll(json) == readAll(again));

    // The file exists now: --new refuses it and leaves it as it was.
    const QByteArray before = readAll(made);
    const CliRun twice = cli(
        {QStringLiteral("import"), QStringLiteral("--new"), QStringLiteral("--database"), made, QStringLiteral("--input"), json},
        {{QStringLiteral("VINHDANH_LANG"), QStringLiteral("en")}});
    CHECK(twice.code == 1);
    CHECK(twice.err.contains(QStringLiteral("already exists")));
    CHECK(readAll(made) == before);

    // A broken file: refused, and neither the target nor a temporary file is left behind.
    QFile bad(dir.filePath(QStringLiteral("bad.json")));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"format": "vinhdanh-interchange", "formatVersion": 2, "units": [{"key": "U1"}]})");
    bad.close();
    const QString never = dir.filePath(QStringLiteral("never.sqlite"));
    const CliRun refused = cli({QStringLiteral("import"), QStringLiteral("--new"), QStringLiteral("--database"), never,
                                QStringLiteral("--input"), bad.fileName()});
    CHECK(refused.code == 1);
    CHECK_FALSE(QFile::exists(never));
    CHECK(QDir(dir.path()).entryList({QStringLiteral("never.sqlite*")}, QDir::Files | QDir::Hidden).isEmpty());
}
