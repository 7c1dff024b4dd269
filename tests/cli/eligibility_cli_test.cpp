// vinhdanh-cli check | candidates | rules, run as a script would.
#include "core/db/database.h"

#include "cli/clioffice.h"
#include "cli/clirunner.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using namespace VinhDanh::Core;

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;
using VinhDanh::Test::cliOffice;

TEST_CASE("cliCheck_json_givesVerdictRuleSetAndNestedConditions", "[cli][eligibility]")
{
    QTemporaryDir dir;
    const QString db = cliOffice(dir);
    const CliRun r = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"), QStringLiteral("P1"),
                       QStringLiteral("--award"), QStringLiteral("CSTD_TINH"), QStringLiteral("--year"), QStringLiteral("2025"),
                       QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.code == 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("verdict")).toString() == QStringLiteral("not_eligible"));
    CHECK(o.value(QStringLiteral("ruleSet")).toObject().value(QStringLiteral("id")).toString() == QStringLiteral("luat-06-2022-nd-152-2025"));
    CHECK(o.value(QStringLiteral("ruleSet")).toObject().value(QStringLiteral("version")).toInt() == 1);
    CHECK(o.value(QStringLiteral("progress")).toString() == QStringLiteral("2/3 consecutive times"));
    const QJsonArray conditions = o.value(QStringLiteral("conditions")).toArray();
    REQUIRE(conditions.size() == 3);
    const QJsonArray inner = conditions.at(2).toObject().value(QStringLiteral("conditions")).toArray();
    REQUIRE(inner.size() >= 2);
    CHECK(inner.at(1).toObject().value(QStringLiteral("id")).toString() == QStringLiteral("cstdcs-3-lan"));
    CHECK_FALSE(inner.at(1).toObject().value(QStringLiteral("met")).toBool());
    CHECK(inner.at(1).toObject().value(QStringLiteral("explanation")).toString().contains(QStringLiteral("2023")));
}

TEST_CASE("cliCheck_text_andErrors_andUsage", "[cli][eligibility]")
{
    QTemporaryDir dir;
    const QString db = cliOffice(dir);
    const CliRun text = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"), QStringLiteral("P1"),
                          QStringLiteral("--award"), QStringLiteral("BK_TINH"), QStringLiteral("--year"), QStringLiteral("2025")});
    CHECK(text.code == 0);
    CHECK(text.out.contains(QStringLiteral("Verdict: needs_review")));
    CHECK(text.out.contains(QStringLiteral("Checklist:")));
    const CliRun unknown = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"), QStringLiteral("NOBODY"),
                             QStringLiteral("--award"), QStringLiteral("LDTT"), QStringLiteral("--year"), QStringLiteral("2025")});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.trimmed().count(QLatin1Char('\n')) == 0);
    const CliRun both = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"), QStringLiteral("P1"),
                          QStringLiteral("--unit"), QStringLiteral("U1"), QStringLiteral("--award"), QStringLiteral("LDTT"),
                          QStringLiteral("--year"), QStringLiteral("2025")});
    CHECK(both.code == 2);
}

TEST_CASE("cliCandidates_csvAndJson", "[cli][eligibility]")
{
    QTemporaryDir dir;
    const QString db = cliOffice(dir);
    const CliRun csv = cli({QStringLiteral("candidates"), QStringLiteral("--database"), db, QStringLiteral("--year"), QStringLiteral("2025"),
                         QStringLiteral("--format"), QStringLiteral("csv")});
    REQUIRE(csv.code == 0);
    CHECK(csv.out.startsWith(QStringLiteral("award,kind,key,name,unit,verdict,progress,proposed\n")));
    CHECK(csv.out.contains(QStringLiteral("BK_TINH,person,P1,Nguyễn Văn An,Sở Nội vụ,needs_review")));
    const CliRun json = cli({QStringLiteral("candidates"), QStringLiteral("--database"), db, QStringLiteral("--year"), QStringLiteral("2025"),
                          QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(json.code == 0);
    CHECK(QJsonDocument::fromJson(json.out.toUtf8()).array().size() >= 2);
}

TEST_CASE("cliRules_listsTheSets_andRefusesABadFileWithItsLine", "[cli][eligibility]")
{
    QTemporaryDir dir;
    const QString db = cliOffice(dir);
    const CliRun list = cli({QStringLiteral("rules"), QStringLiteral("--database"), db});
    CHECK(list.code == 0);
    CHECK(list.out.contains(QStringLiteral("luat-06-2022-nd-152-2025")));
    CHECK(list.out.contains(QStringLiteral("luat-06-2022-nd-98-2023")));
    QFile bad(dir.filePath(QStringLiteral("bad.json")));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write("{\n  \"format\": \"vinhdanh-rules\",\n  \"formatVersion\": 1,\n  \"id\": \"x\"\n  \"version\": 1\n}\n");
    bad.close();
    const CliRun r = cli({QStringLiteral("rules"), QStringLiteral("--database"), db, QStringLiteral("--import"), bad.fileName()});
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("bad.json, line 5")));
}
