// vinhdanh-cli backup / restore, and many CLI writers on one SQLite file (issue 12 items 2, 3).
#include "cli/clirunner.h"

#include "core/db/database.h"
#include "core/db/query.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>
#include <vector>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/// An interchange file with `count` units whose keys start with `prefix`.
QString unitsFile(const QString &dir, const QString &prefix, int count)
{
    QJsonArray units;
    for (int i = 0; i < count; ++i)
        units.append(QJsonObject{{s("key"), QStringLiteral("%1-%2").arg(prefix).arg(i)},
                                 {s("name"), QStringLiteral("UBND xã %1 số %2").arg(prefix).arg(i)},
                                 {s("kind"), s("commune_ward")}});
    const QString path = QStringLiteral("%1/%2.json").arg(dir, prefix);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(
        QJsonDocument(QJsonObject{{s("format"), s("vinhdanh-interchange")}, {s("formatVersion"), 2}, {s("units"), units}}).toJson());
    return path;
}

/// A count (or integrity_check: "ok" reads as 0) through a connection of the program's own,
/// which registers the "vi" collation that the indexes use.
qint64 countRows(const QString &db, const QString &sql)
{
    VinhDanh::Core::Database d(VinhDanh::Core::ConnectionSettings::sqlite(db), VinhDanh::Core::Database::Mode::OpenExisting);
    return VinhDanh::Core::Query(d.sql(), sql).scalar().toLongLong();
}
} // namespace

TEST_CASE("cliBackupThenRestore_bringsBackTheBackedUpState_andKeepsTheReplacedFile", "[cli][backup]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(s("office.sqlite"));
    const QString backup = dir.filePath(s("before.sqlite"));
    REQUIRE(cli({s("init"), s("--database"), db}).code == 0);
    REQUIRE(cli({s("import"), s("--database"), db, s("--input"), unitsFile(dir.path(), s("a"), 3)}).code == 0);
    const CliRun made = cli({s("backup"), s("--database"), db, s("--output"), backup});
    INFO(made.err.toStdString());
    REQUIRE(made.code == 0);
    CHECK(made.out.contains(s("3 units")));
    REQUIRE(cli({s("import"), s("--database"), db, s("--input"), unitsFile(dir.path(), s("b"), 2)}).code == 0);
    REQUIRE(countRows(db, s("SELECT count(*) FROM units")) == 5);

    const CliRun check = cli({s("restore"), s("--database"), db, s("--input"), backup, s("--check")});
    CHECK(check.code == 0);
    CHECK(check.out.contains(s("3 units")));
    CHECK(countRows(db, s("SELECT count(*) FROM units")) == 5); // --check changes nothing

    const CliRun restored = cli({s("restore"), s("--database"), db, s("--input"), backup});
    INFO(restored.err.toStdString());
    REQUIRE(restored.code == 0);
    CHECK(countRows(db, s("SELECT count(*) FROM units")) == 3);
    CHECK(countRows(db, s("PRAGMA integrity_check")) == 0); // "ok" reads as 0
    const QDir folder(dir.filePath(s("office-saoluu")));
    const QStringList kept = folder.entryList({s("*-truoc-khoi-phuc.sqlite")});
    REQUIRE(kept.size() == 1);
    CHECK(restored.out.contains(kept.first()));
    CHECK(countRows(folder.filePath(kept.first()), s("SELECT count(*) FROM units")) == 5);

    const CliRun listed = cli({s("backup"), s("--database"), db, s("--list")});
    CHECK(listed.code == 0);
    CHECK(listed.out.contains(s("before a restore")));
}

TEST_CASE("cliRestoreRefusesAFileThatIsNotABackup_andChangesNothing", "[cli][backup]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(s("office.sqlite"));
    REQUIRE(cli({s("init"), s("--database"), db}).code == 0);
    REQUIRE(cli({s("import"), s("--database"), db, s("--input"), unitsFile(dir.path(), s("a"), 2)}).code == 0);
    const QString notes = dir.filePath(s("notes.sqlite"));
    QFile f(notes);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("not a database");
    f.close();
    const CliRun r = cli({s("restore"), s("--database"), db, s("--input"), notes});
    CHECK(r.code == 1);
    CHECK(r.err.contains(s("not a Vinh Danh backup")));
    CHECK(countRows(db, s("SELECT count(*) FROM units")) == 2);
    CHECK(QDir(dir.filePath(s("office-saoluu"))).entryList({s("*-truoc-khoi-phuc.sqlite")}).isEmpty());
}

TEST_CASE("eightCliWritersOnOneFile_allSucceed_andNoWriteIsLost", "[cli][concurrency]")
{
    // Each import reads (keys, units) before it writes: with a deferred BEGIN, SQLite answers
    // the upgrade to a write lock with "database is locked" at once. BEGIN IMMEDIATE queues.
    QTemporaryDir dir;
    const QString db = dir.filePath(s("office.sqlite"));
    REQUIRE(cli({s("init"), s("--database"), db}).code == 0);
    constexpr int kWriters = 8;
    constexpr int kRounds = 3;
    constexpr int kUnitsPerFile = 300;
    QStringList files;
    for (int w = 0; w < kWriters; ++w)
        for (int r = 0; r < kRounds; ++r)
            files << unitsFile(dir.path(), QStringLiteral("w%1r%2").arg(w).arg(r), kUnitsPerFile);
    // Eight loops at once, each importing its files one after another.
    std::vector<std::unique_ptr<QProcess>> loops;
    for (int w = 0; w < kWriters; ++w) {
        QStringList script;
        for (int r = 0; r < kRounds; ++r)
            script << QStringLiteral("\"%1\" --lang en import --database \"%2\" --input \"%3\" || echo FAILED")
                          .arg(s(VINHDANH_CLI), db, files.at(w * kRounds + r));
        auto p = std::make_unique<QProcess>();
        p->start(s("/bin/sh"), {s("-c"), script.join(s("; "))});
        loops.push_back(std::move(p));
    }
    QString output;
    for (auto &p : loops) {
        REQUIRE(p->waitForFinished(180000));
        output += QString::fromUtf8(p->readAllStandardOutput()) + QString::fromUtf8(p->readAllStandardError());
    }
    INFO(output.toStdString());
    CHECK_FALSE(output.contains(s("FAILED")));
    CHECK_FALSE(output.contains(s("locked")));
    CHECK_FALSE(output.contains(s("busy")));
    CHECK(countRows(db, s("SELECT count(*) FROM units")) == kWriters * kRounds * kUnitsPerFile);
    CHECK(countRows(db, s("PRAGMA integrity_check")) == 0);
}
