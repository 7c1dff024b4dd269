// vinhdanh-cli check | confirm | candidates | rules, run as a script would.
#include "core/db/database.h"
#include "core/eligibility/eligibilityservice.h"

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
using VinhDanh::Test::cliOffice;
using VinhDanh::Test::CliRun;

TEST_CASE("cliCheck_json_givesVerdictRuleSetAndNestedConditions", "[cli][eligibility]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        // The version of the rule set in force, as the engine has it (raised when a rule changes).
        int version = 0;
        const QString db = cliOffice(dir, backend, [&](Database &d, const Unit &) {
            version = Eligibility::Service(d).ruleSetInForce(QDate(2025, 12, 31)).version;
        });
        REQUIRE(version > 0);
        const CliRun r = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"),
                              QStringLiteral("P1"), QStringLiteral("--award"), QStringLiteral("CSTD_TINH"), QStringLiteral("--year"),
                              QStringLiteral("2025"), QStringLiteral("--format"), QStringLiteral("json")});
        REQUIRE(r.code == 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        CHECK(o.value(QStringLiteral("verdict")).toString() == QStringLiteral("not_eligible"));
        CHECK(o.value(QStringLiteral("ruleSet")).toObject().value(QStringLiteral("id")).toString()
              == QStringLiteral("luat-06-2022-nd-152-2025"));
        CHECK(o.value(QStringLiteral("ruleSet")).toObject().value(QStringLiteral("version")).toInt() == version);
        CHECK(o.value(QStringLiteral("progress")).toString() == QStringLiteral("2/3 consecutive times"));
        const QJsonArray conditions = o.value(QStringLiteral("conditions")).toArray();
        REQUIRE(conditions.size() == 3);
        const QJsonArray inner = conditions.at(2).toObject().value(QStringLiteral("conditions")).toArray();
        REQUIRE(inner.size() >= 2);
        CHECK(inner.at(1).toObject().value(QStringLiteral("id")).toString() == QStringLiteral("cstdcs-3-lan"));
        CHECK_FALSE(inner.at(1).toObject().value(QStringLiteral("met")).toBool());
        CHECK(inner.at(1).toObject().value(QStringLiteral("explanation")).toString().contains(QStringLiteral("2023")));
    });
}

TEST_CASE("cliCheck_text_andErrors_andUsage", "[cli][eligibility]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = cliOffice(dir, backend);
        const CliRun text = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"),
                                 QStringLiteral("P1"), QStringLiteral("--award"), QStringLiteral("BK_TINH"), QStringLiteral("--year"),
                                 QStringLiteral("2025")});
        CHECK(text.code == 0);
        CHECK(text.out.contains(QStringLiteral("Verdict: Needs review")));
        CHECK(text.out.contains(QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, 2025:"))); // the form's name, not BK_TINH
        CHECK(text.out.contains(QStringLiteral("Checklist:")));
        const CliRun unknown = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"),
                                    QStringLiteral("NOBODY"), QStringLiteral("--award"), QStringLiteral("LDTT"),
                                    QStringLiteral("--year"), QStringLiteral("2025")});
        CHECK(unknown.code == 1);
        CHECK(unknown.err.trimmed().count(QLatin1Char('\n')) == 0);
        const CliRun both = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"),
                                 QStringLiteral("P1"), QStringLiteral("--unit"), QStringLiteral("U1"), QStringLiteral("--award"),
                                 QStringLiteral("LDTT"), QStringLiteral("--year"), QStringLiteral("2025")});
        CHECK(both.code == 2);
    });
}

TEST_CASE("cliCandidates_csvAndJson", "[cli][eligibility]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = cliOffice(dir, backend);
        const CliRun csv = cli({QStringLiteral("candidates"), QStringLiteral("--database"), db, QStringLiteral("--year"),
                                QStringLiteral("2025"), QStringLiteral("--format"), QStringLiteral("csv")});
        REQUIRE(csv.code == 0);
        // A clerk's spreadsheet: headers and values in words.
        CHECK(csv.out.startsWith(QStringLiteral("Award form,Nominee kind,Key,Name,Unit,Verdict,Progress,Proposed\n")));
        CHECK(csv.out.contains(QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh,Individual,P1,Nguyễn Văn An,Sở Nội vụ,")));
        CHECK_FALSE(csv.out.contains(QStringLiteral("needs_review")));
        // Scripts ask for the codes.
        const CliRun codes = cli({QStringLiteral("--codes"), QStringLiteral("candidates"), QStringLiteral("--database"), db,
                                  QStringLiteral("--year"), QStringLiteral("2025"), QStringLiteral("--format"),
                                  QStringLiteral("csv")});
        REQUIRE(codes.code == 0);
        CHECK(codes.out.startsWith(QStringLiteral("award,kind,key,name,unit,verdict,progress,proposed\n")));
        CHECK(codes.out.contains(QStringLiteral("BK_TINH,person,P1,Nguyễn Văn An,Sở Nội vụ,needs_review")));
        const CliRun json = cli({QStringLiteral("candidates"), QStringLiteral("--database"), db, QStringLiteral("--year"),
                                 QStringLiteral("2025"), QStringLiteral("--format"), QStringLiteral("json")});
        REQUIRE(json.code == 0);
        CHECK(QJsonDocument::fromJson(json.out.toUtf8()).array().size() >= 2);
    });
}

TEST_CASE("cliRules_listsTheSets_andRefusesABadFileWithItsLine", "[cli][eligibility]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = cliOffice(dir, backend);
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
    });
}

namespace {
/// The condition `id` anywhere in check's JSON conditions, or an empty object.
QJsonObject conditionIn(const QJsonArray &conditions, const QString &id)
{
    for (const QJsonValue &v : conditions) {
        const QJsonObject c = v.toObject();
        if (c.value(QStringLiteral("id")).toString() == id)
            return c;
        const QJsonObject inner = conditionIn(c.value(QStringLiteral("conditions")).toArray(), id);
        if (!inner.isEmpty())
            return inner;
    }
    return {};
}

QStringList nominee(const QString &db, const QString &command)
{
    return {command,
            QStringLiteral("--database"),
            db,
            QStringLiteral("--person"),
            QStringLiteral("P1"),
            QStringLiteral("--award"),
            QStringLiteral("LDTT"),
            QStringLiteral("--year"),
            QStringLiteral("2025")};
}

QJsonObject checkJson(const QString &db)
{
    const CliRun r = cli(nominee(db, QStringLiteral("check")) + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.code == 0);
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}
} // namespace

TEST_CASE("cliConfirm_thenCheckJson_showsTheItemConfirmedAndByWhom_andUndoWithdrawsIt", "[cli][eligibility]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = cliOffice(dir, backend);
        const QString note = QStringLiteral("Biên bản họp đơn vị ngày 12/01/2026");
        const QMap<QString, QString> env{{QStringLiteral("USER"), QStringLiteral("vanthu")}};
        CHECK(conditionIn(checkJson(db).value(QStringLiteral("conditions")).toArray(), QStringLiteral("tinh-than"))
                  .value(QStringLiteral("state"))
                  .toString()
              == QStringLiteral("needs_review"));

        const CliRun confirmed = cli(
            nominee(db, QStringLiteral("confirm"))
                + QStringList{QStringLiteral("--item"), QStringLiteral("tinh-than"), QStringLiteral("--note"), note},
            env);
        REQUIRE(confirmed.code == 0);
        CHECK(confirmed.out.contains(QStringLiteral("Confirmed tinh-than")));
        CHECK(confirmed.out.contains(QStringLiteral("Verdict: Needs review"))); // the common judgement is still open
        cli(nominee(db, QStringLiteral("confirm"))
                + QStringList{QStringLiteral("--item"), QStringLiteral("khong-dang-xem-xet"), QStringLiteral("--note"), note},
            env);

        QJsonObject o = checkJson(db);
        CHECK(o.value(QStringLiteral("verdict")).toString() == QStringLiteral("eligible"));
        const QJsonObject item = conditionIn(o.value(QStringLiteral("conditions")).toArray(), QStringLiteral("tinh-than"));
        CHECK(item.value(QStringLiteral("met")).toBool());
        const QJsonObject by = item.value(QStringLiteral("confirmed")).toObject();
        CHECK(by.value(QStringLiteral("source")).toString() == QStringLiteral("eligibility"));
        CHECK(by.value(QStringLiteral("note")).toString() == note);
        CHECK(by.value(QStringLiteral("by")).toString() == QStringLiteral("os:vanthu"));
        CHECK_FALSE(by.value(QStringLiteral("at")).toString().isEmpty());
        // Unconfirmed items carry no "confirmed".
        CHECK_FALSE(conditionIn(o.value(QStringLiteral("conditions")).toArray(), QStringLiteral("khong-ky-luat"))
                        .contains(QStringLiteral("confirmed")));
        const CliRun text = cli(nominee(db, QStringLiteral("check")));
        CHECK(text.out.contains(QStringLiteral("confirmed by vanthu (computer account) at "))); // the OS login, in words

        const CliRun undo = cli(nominee(db, QStringLiteral("confirm"))
                                + QStringList{QStringLiteral("--item"), QStringLiteral("tinh-than"), QStringLiteral("--undo")});
        REQUIRE(undo.code == 0);
        CHECK(undo.out.contains(QStringLiteral("Withdrew")));
        o = checkJson(db);
        CHECK(o.value(QStringLiteral("verdict")).toString() == QStringLiteral("needs_review"));
        CHECK_FALSE(conditionIn(o.value(QStringLiteral("conditions")).toArray(), QStringLiteral("tinh-than"))
                        .contains(QStringLiteral("confirmed")));
    });
}

TEST_CASE("cliConfirm_withoutNote_isUsage_andAnItemNotLeftToTheClerk_isRefusedWithTheList", "[cli][eligibility]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = cliOffice(dir, backend);
        const CliRun noNote = cli(nominee(db, QStringLiteral("confirm"))
                                  + QStringList{QStringLiteral("--item"), QStringLiteral("tinh-than")});
        CHECK(noNote.code == 2);
        CHECK(noNote.err.contains(QStringLiteral("--note")));
        const CliRun registryItem = cli(
            nominee(db, QStringLiteral("confirm"))
            + QStringList{QStringLiteral("--item"), QStringLiteral("khong-ky-luat"), QStringLiteral("--note"), QStringLiteral("x")});
        CHECK(registryItem.code == 1);
        CHECK(registryItem.err.contains(QStringLiteral("tinh-than")));
        CHECK(registryItem.err.trimmed().count(QLatin1Char('\n')) == 0);
        CHECK(checkJson(db).value(QStringLiteral("verdict")).toString() == QStringLiteral("needs_review"));
    });
}

TEST_CASE("cliCheck_aClauseForAnotherCategory_readsDoesNotApply_notNotMet", "[cli][eligibility]")
{
    // P1 is a civil servant: LĐTT's clause for workers and farmers does not apply to them.
    QTemporaryDir dir;
    const QString db = cliOffice(dir);
    const CliRun text = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"),
                             QStringLiteral("P1"), QStringLiteral("--award"), QStringLiteral("LDTT"), QStringLiteral("--year"),
                             QStringLiteral("2025")});
    REQUIRE(text.code == 0);
    const QStringList lines = text.out.split(QLatin1Char('\n'));
    QStringList notApplicable;
    for (const QString &line : lines)
        if (line.contains(QStringLiteral("does not apply (")))
            notApplicable << line;
    INFO(text.out.toStdString());
    REQUIRE_FALSE(notApplicable.isEmpty());
    // The explanation line sits under its condition line, which must not say "[not met]".
    const qsizetype at = lines.indexOf(notApplicable.first());
    REQUIRE(at > 0);
    CHECK(lines.at(at - 1).contains(QStringLiteral("[does not apply]")));
    CHECK_FALSE(lines.at(at - 1).contains(QStringLiteral("[not met]")));
    const CliRun json = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"),
                             QStringLiteral("P1"), QStringLiteral("--award"), QStringLiteral("LDTT"), QStringLiteral("--year"),
                             QStringLiteral("2025"), QStringLiteral("--format"), QStringLiteral("json")});
    CHECK(json.out.contains(QStringLiteral("\"notApplicable\": true")));
}
