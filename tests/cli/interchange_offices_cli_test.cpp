// Issue 15: `import` of another office's file says, in words, whose file it was and how many
// of its records got new keys here, in text and in --format json; the office's next file
// matches the same records. The target is a file or the PostgreSQL test database.
#include "cli/clioffice.h"
#include "cli/clirunner.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;
using namespace VinhDanh;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

void ok(const QStringList &args)
{
    const CliRun r = cli(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.err.toStdString());
    REQUIRE(r.code == 0);
}
} // namespace

TEST_CASE("cliImportFromAnotherOffice_saysWhichOfficeAndHowManyRecordsGotNewKeys_inTextAndJson", "[cli][interchange]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString a = backend == Core::Backend::Sqlite ? dir.filePath(s("province.sqlite"))
                                                           : qEnvironmentVariable("VINHDANH_TEST_PG");
        if (backend == Core::Backend::Postgres)
            Test::TestDatabase::resetPostgres(Core::ConnectionSettings::parse(a));
        ok({s("init"), s("--database"), a});
        ok({s("demo"), s("--database"), a, s("--units"), s("8"), s("--people"), s("30"), s("--seed"), s("1")});
        // A district whose keys overlap the province's (both start at U0001 and P000001).
        const QString b = dir.filePath(s("district.sqlite"));
        ok({s("init"), s("--database"), b});
        ok({s("demo"), s("--database"), b, s("--units"), s("10"), s("--people"), s("20"), s("--seed"), s("2")});
        ok({s("letterhead"), s("--database"), b, s("--body"), s("ỦY BAN NHÂN DÂN\\nHUYỆN QUỲ HỢP")});
        const QString file = dir.filePath(s("district.json"));
        ok({s("export"), s("--database"), b, s("--output"), file});

        // Unknown office: refused, nothing written, the office named and the two ways on given.
        const CliRun refused = cli({s("import"), s("--database"), a, s("--input"), file});
        CHECK(refused.code == 1);
        CHECK(refused.err.contains(s("Nothing was imported")));
        CHECK(refused.err.contains(s("“ỦY BAN NHÂN DÂN HUYỆN QUỲ HỢP”")));
        CHECK(refused.err.contains(s("--same-office")));
        CHECK(refused.err.contains(s("--other-office")));
        CHECK_FALSE(refused.err.contains(QRegularExpression(s("[0-9a-f]{8}-[0-9a-f]{4}-"))));
        CHECK(cli({s("import"), s("--database"), a, s("--input"), file, s("--same-office"), s("--other-office")}).code == 2);

        const CliRun first = cli({s("import"), s("--database"), a, s("--input"), file, s("--other-office")});
        INFO(first.err.toStdString());
        REQUIRE(first.code == 0);
        CHECK(first.out.contains(s("20 people")));
        CHECK(first.out.contains(s("comes from another office, “ỦY BAN NHÂN DÂN HUYỆN QUỲ HỢP”")));
        // Its blocs, U0001–U0008 and all its people (and its awards…) are taken here; U0009 and U0010 are not.
        CHECK(first.out.contains(s("Its keys for 10 emulation blocs, 8 units, 20 people, ")));
        CHECK(first.out.contains(s("are used here by other records, so those records got new keys")));
        // No UUID in text output (issue 16): the office is named, never shown by its id.
        CHECK_FALSE(first.out.contains(QRegularExpression(s("[0-9a-f]{8}-[0-9a-f]{4}-"))));

        // The district's next file (no option: the office is known now): the same records, nothing
        // new, and JSON says so with the id.
        const CliRun again = cli({s("import"), s("--database"), a, s("--input"), file, s("--format"), s("json")});
        REQUIRE(again.code == 0);
        const QJsonObject json = QJsonDocument::fromJson(again.out.toUtf8()).object();
        CHECK(json.value(s("imported")).toObject().value(s("people")).toInt() == 20);
        const QJsonObject office = json.value(s("office")).toObject();
        CHECK(office.value(s("anotherOffice")).toBool());
        CHECK(office.value(s("name")).toString() == s("ỦY BAN NHÂN DÂN\nHUYỆN QUỲ HỢP"));
        CHECK(office.value(s("id")).toString().size() == 36);
        CHECK(json.value(s("newKeys")).toObject().isEmpty());
        // 30 of the province's and 20 of the district's, none twice.
        const QString out = dir.filePath(s("province.json"));
        ok({s("export"), s("--database"), a, s("--output"), out});
        QFile exported(out);
        REQUIRE(exported.open(QIODevice::ReadOnly));
        CHECK(QJsonDocument::fromJson(exported.readAll()).object().value(s("people")).toArray().size() == 50);
    });
}

TEST_CASE("cliImportIntoAnEmptyDatabase_isRefusedWithoutAChoice_andSameOfficeMakesItACopy", "[cli][interchange]")
{
    QTemporaryDir dir;
    const QString b = dir.filePath(s("district.sqlite"));
    ok({s("init"), s("--database"), b});
    ok({s("demo"), s("--database"), b, s("--units"), s("7"), s("--people"), s("12"), s("--seed"), s("3")});
    ok({s("letterhead"), s("--database"), b, s("--body"), s("UBND HUYỆN QUỲ HỢP")});
    const QString file = dir.filePath(s("district.json"));
    ok({s("export"), s("--database"), b, s("--output"), file});
    const QString empty = dir.filePath(s("empty.sqlite"));
    ok({s("init"), s("--database"), empty});
    const CliRun refused = cli({s("import"), s("--database"), empty, s("--input"), file});
    CHECK(refused.code == 1);
    CHECK(refused.err.contains(s("“UBND HUYỆN QUỲ HỢP”")));
    const CliRun copied = cli({s("import"), s("--database"), empty, s("--input"), file, s("--same-office")});
    INFO(copied.err.toStdString());
    REQUIRE(copied.code == 0);
    CHECK(copied.out.contains(s("12 people")));
    CHECK(copied.out.contains(s("it is now a copy of the office that wrote the file, “UBND HUYỆN QUỲ HỢP”")));
    // Its next file needs no option, and matches by key: an export of the copy is the district's.
    ok({s("import"), s("--database"), empty, s("--input"), file});
    const QString again = dir.filePath(s("copy.json"));
    ok({s("export"), s("--database"), empty, s("--output"), again});
    QFile one(file), two(again);
    REQUIRE(one.open(QIODevice::ReadOnly));
    REQUIRE(two.open(QIODevice::ReadOnly));
    CHECK(one.readAll() == two.readAll());
    // --new takes no choice: the new file is the office's copy.
    CHECK(cli({s("import"), s("--new"), s("--database"), dir.filePath(s("new.sqlite")), s("--input"), file, s("--other-office")}).code
          == 2);
}
