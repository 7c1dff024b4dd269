// The award workflow through vinhdanh-cli, run as a script would: dossiers, appraisal, the
// council and decisions.
#include "core/proposals/recordstates.h"
#include "core/proposals/statemachine.h"

#include "cli/clioffice.h"
#include "cli/clirunner.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace VinhDanh::Core;

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;

namespace {

QString word(const char *s)
{
    return QString::fromUtf8(s);
}
QString word(const QString &s)
{
    return s;
}
/// vd("dossier", "new", "--database", db, …): the arguments of one command.
template<typename... T>
CliRun vd(const T &...args)
{
    return cli(QStringList{word(args)...});
}

QJsonObject object(const CliRun &r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

/// The CLI tests' office (U1 and P1, who meets the standard of the provincial Bằng khen for
/// 2025) and P2 of U1, rated HTNV without a title: not a Chiến sĩ thi đua cấp tỉnh, which asks
/// for three CSTĐCS in a row.
QString office(const QTemporaryDir &dir, Backend backend)
{
    return VinhDanh::Test::cliOffice(dir, backend, [](Database &db, const Unit &u) {
        Person p;
        p.key = QStringLiteral("P2");
        p.fullName = QStringLiteral("Trần Thị Bình");
        p.unitId = u.id;
        p.category = QStringLiteral("cong_chuc");
        PersonRepository(db).save(p);
        for (int y : {2024, 2025})
            RecordRepository(db).setRating({0, Subject::person(p.id), y, QStringLiteral("HTNV"), {}});
    });
}

QString newDossier(const QString &db)
{
    const CliRun r = vd("dossier", "new", "--database", db, "--unit", "U1", "--year", "2025", "--title",
                        "Đề nghị khen thưởng năm 2025", "--letter-no", "12/TTr-SNV", "--letter-date", "05/01/2026");
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    return r.out.trimmed();
}

QString textFile(const QTemporaryDir &dir, const char *name, const char *text)
{
    QFile f(dir.filePath(QString::fromLatin1(name)));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text);
    return f.fileName();
}

/// Every command below must succeed; on failure the test shows what the program said.
void ok(const CliRun &r)
{
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
}

QString status(const QString &db, const QString &key)
{
    return object(vd("dossier", "show", "--database", db, "--dossier", key, "--format", "json"))
        .value(QStringLiteral("status"))
        .toString();
}
} // namespace

TEST_CASE("cliWorkflow_fullSeason_fromDossierToIssuedDecision_pricesTheAwardee", "[cli][workflow]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = office(dir, backend);
        const QString key = newDossier(db);
        CHECK(key == QStringLiteral("Dossier 1/2025")); // its register number, which --dossier takes

        ok(vd("dossier", "add-nominee", "--database", db, "--dossier", key, "--person", "P1", "--award", "BK_TINH", "--summary",
              "Hoàn thành xuất sắc nhiệm vụ hai năm liền"));
        ok(vd("dossier", "attach", "--database", db, "--dossier", key, "--kind", "to_trinh", "--file",
              textFile(dir, "to-trinh.txt", "TỜ TRÌNH")));
        ok(vd("dossier", "attach", "--database", db, "--dossier", key, "--kind", "bao_cao_thanh_tich", "--nominee-person", "P1",
              "--file", textFile(dir, "bao-cao.txt", "BÁO CÁO THÀNH TÍCH")));
        // Still without the list and the minutes: submitting needs a reason, or the documents.
        CliRun missing = vd("dossier", "submit", "--database", db, "--dossier", key);
        CHECK(missing.code == 1);
        CHECK(missing.err.contains(QStringLiteral("biên bản")));
        CHECK(status(db, key) == QStringLiteral("draft"));
        ok(vd("dossier", "attach", "--database", db, "--dossier", key, "--kind", "danh_sach", "--file",
              textFile(dir, "danh-sach.txt", "DANH SÁCH")));
        ok(vd("dossier", "attach", "--database", db, "--dossier", key, "--kind", "bien_ban", "--file",
              textFile(dir, "bien-ban.txt", "BIÊN BẢN")));
        ok(vd("dossier", "submit", "--database", db, "--dossier", key));
        ok(vd("dossier", "start-appraisal", "--database", db, "--dossier", key));
        ok(vd("dossier", "appraise", "--database", db, "--dossier", key, "--person", "P1", "--agree"));
        ok(vd("dossier", "finish-appraisal", "--database", db, "--dossier", key));
        CHECK(status(db, key) == QStringLiteral("appraised"));

        // Five members, one absent (quorum 4/5 ≥ 2/3); one present member declares a conflict.
        CliRun r = vd("council", "new", "--database", db, "--title", "Phiên họp xét khen thưởng năm 2025", "--date", "2026-01-15",
                      "--year", "2025", "--members",
                      "Lê Văn Chủ|Chủ tịch;Phạm Thị Phó|Phó Chủ tịch;Hoàng Văn Ủy|Ủy viên;Đỗ Thị Viên|Ủy viên;Vũ Văn Thư|Thư ký",
                      "--absent", "Vũ Văn Thư");
        ok(r);
        const QString session = r.out.trimmed();
        ok(vd("council", "add-dossier", "--database", db, "--session", session, "--dossier", key));
        CHECK(status(db, key) == QStringLiteral("before_council"));
        r = vd("council", "tally", "--database", db, "--session", session, "--person", "P1", "--agree", "3", "--disagree", "0",
               "--abstain", "0", "--conflict", "Hoàng Văn Ủy");
        ok(r);
        CHECK(r.out.contains(QStringLiteral("passed")));
        r = vd("council", "show", "--database", db, "--session", session, "--format", "json");
        ok(r);
        const QJsonObject item = object(r).value(QStringLiteral("items")).toArray().at(0).toObject();
        CHECK(item.value(QStringLiteral("voters")).toInt() == 3); // 4 present, 1 conflicted
        CHECK(item.value(QStringLiteral("conflicts")).toArray().at(0).toString() == QStringLiteral("Hoàng Văn Ủy"));
        ok(vd("council", "close", "--database", db, "--session", session));

        // --authority is one of the signing authorities (core's Codes::Authority); any other is refused, nothing stored.
        r = vd("decision", "new", "--database", db, "--year", "2026", "--number", "45", "--date", "20/01/2026", "--signer",
               "Phạm Thị Phó", "--signer-title", "Phó Chủ tịch", "--authority", "PT", "--session", session);
        CHECK(r.code != 0);
        CHECK(r.err.contains(QStringLiteral("--authority")));
        CHECK(r.err.contains(QStringLiteral("\"PT\"")));
        r = vd("decision", "new", "--database", db, "--year", "2026", "--number", "45", "--date", "20/01/2026", "--signer",
               "Phạm Thị Phó", "--signer-title", "Phó Chủ tịch", "--authority", "KT", "--session", session, "--title",
               "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh");
        ok(r);
        const QString decision = r.out.trimmed();
        // A draft is priced at today's rates in the listings, as on the decision page.
        r = vd("decision", "show", "--database", db, "--decision", decision);
        ok(r);
        CHECK(r.out.contains(QStringLiteral("1,5 × 2.340.000 = 3.510.000")));
        CHECK(r.out.contains(QStringLiteral("Total at today's rates: 3.510.000 đồng")));
        r = vd("decisions", "--database", db, "--format", "json");
        ok(r);
        CHECK(QJsonDocument::fromJson(r.out.toUtf8()).array().at(0).toObject().value(QStringLiteral("total")).toInteger() == 3510000);
        CHECK(QJsonDocument::fromJson(r.out.toUtf8()).array().at(0).toObject().value(QStringLiteral("priced")).toBool());
        r = vd("decision", "issue", "--database", db, "--decision", decision);
        ok(r);
        CHECK(r.out.contains(QStringLiteral("45/")));

        r = vd("decisions", "--database", db, "--format", "json");
        ok(r);
        const QJsonArray decisions = QJsonDocument::fromJson(r.out.toUtf8()).array();
        REQUIRE(decisions.size() == 1);
        const QJsonObject d = decisions.at(0).toObject();
        CHECK(d.value(QStringLiteral("status")).toString() == QStringLiteral("issued"));
        CHECK(d.value(QStringLiteral("authority")).toString() == QStringLiteral("KT"));
        const QJsonArray awardees = d.value(QStringLiteral("awardees")).toArray();
        REQUIRE(awardees.size() == 1);
        CHECK(awardees.at(0).toObject().value(QStringLiteral("key")).toString() == QStringLiteral("P1"));
        CHECK(awardees.at(0).toObject().value(QStringLiteral("award")).toString() == QStringLiteral("BK_TINH"));
        // Bằng khen of the province for an individual: 1.5 × 2,340,000 = 3,510,000 đồng.
        CHECK(awardees.at(0).toObject().value(QStringLiteral("amount")).toInteger() == 3510000);
        CHECK(d.value(QStringLiteral("total")).toInteger() == 3510000);
        r = vd("decisions", "--database", db);
        ok(r);
        CHECK(r.out.contains(QStringLiteral("KT. Phó Chủ tịch Phạm Thị Phó")));
        CHECK(r.out.contains(QStringLiteral("3.510.000")));
        CHECK(r.out.contains(decision)); // its number, for print --id

        // An amending decision starts from the issued one as on the decision page (core's
        // draftDefaults): its title, the next free number; a draft cannot be amended.
        r = vd("decision", "new", "--database", db, "--year", "2026", "--date", "25/01/2026", "--signer", "Lê Văn Chủ",
               "--signer-title", "Chủ tịch", "--amends", decision);
        ok(r);
        const QString amendment = r.out.trimmed();
        CHECK(amendment.startsWith(QStringLiteral("46/")));
        r = vd("decision", "show", "--database", db, "--decision", amendment, "--format", "json");
        ok(r);
        CHECK(object(r).value(QStringLiteral("title")).toString() == QStringLiteral("Về việc tặng Bằng khen của Chủ tịch UBND tỉnh"));
        CHECK(object(r).value(QStringLiteral("status")).toString() == QStringLiteral("draft"));
        CHECK(object(r).value(QStringLiteral("authority")).toString().isEmpty()); // the signature is the command's
        r = vd("decision", "new", "--database", db, "--year", "2026", "--date", "25/01/2026", "--signer", "Lê Văn Chủ",
               "--signer-title", "Chủ tịch", "--amends", amendment);
        CHECK(r.code == 1);
        CHECK(r.err.contains(Workflow::DecisionMachine::refusal(Workflow::DecisionStatus::Draft, Workflow::DecisionAction::Amend)));

        r = vd("dossiers", "--database", db, "--status", "decided", "--format", "json");
        ok(r);
        const QJsonObject queue = object(r);
        CHECK(queue.value(QStringLiteral("counts")).toObject().value(QStringLiteral("decided")).toInt() == 1);
        REQUIRE(queue.value(QStringLiteral("dossiers")).toArray().size() == 1);
        const QJsonObject listed = queue.value(QStringLiteral("dossiers")).toArray().at(0).toObject();
        CHECK(listed.value(QStringLiteral("number")).toString() == key);
        CHECK(listed.value(QStringLiteral("key")).toString().startsWith(QStringLiteral("dossier-"))); // kept for scripts
        CHECK(listed.value(QStringLiteral("movement")).toString() == QStringLiteral("regular"));
        CHECK(listed.value(QStringLiteral("nominees")).toInt() == 1);
        // The dossier shows the outcome and its history from creation to decision.
        r = vd("dossier", "show", "--database", db, "--dossier", key);
        ok(r);
        CHECK(r.out.contains(QStringLiteral("45/")));
        CHECK(r.out.contains(QStringLiteral("decided")));
    });
}

TEST_CASE("cliWorkflow_illegalTransition_exitsOneWithTheRefusal", "[cli][workflow]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = office(dir, backend);
        const QString key = newDossier(db);
        const CliRun r = vd("dossier", "decide", "--database", db, "--dossier", key);
        CHECK(r.code == 1);
        CHECK(r.err.trimmed().count(QLatin1Char('\n')) == 0);
        CHECK(r.err.contains(Workflow::StateMachine::refusal(Workflow::Status::Draft, Workflow::Transition::Decide)));
        CHECK(status(db, key) == QStringLiteral("draft"));
        // Unknown keys and bad dates are told apart, each on one line.
        CliRun bad = vd("dossier", "submit", "--database", db, "--dossier", "no-such-dossier");
        CHECK(bad.code == 1);
        CHECK(bad.err.contains(QStringLiteral("no-such-dossier")));
        bad = vd("dossier", "new", "--database", db, "--unit", "U1", "--year", "2025", "--title", "X", "--letter-date", "31/02/2026");
        CHECK(bad.code == 2);
        CHECK(bad.err.contains(QStringLiteral("31/02/2026")));
        bad = vd("dossier", "new", "--database", db, "--unit", "U9", "--year", "2025", "--title", "X");
        CHECK(bad.code == 1);
        CHECK(bad.err.contains(QStringLiteral("U9")));
        CHECK(vd("dossier", "--database", db).code == 2);
        CHECK(vd("dossiers", "--database", db, "--status", "lost").code == 2);
    });
}

TEST_CASE("cliWorkflow_returnWithoutReason_failsAndChangesNothing", "[cli][workflow]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = office(dir, backend);
        const QString key = newDossier(db);
        ok(vd("dossier", "add-nominee", "--database", db, "--dossier", key, "--person", "P1", "--award", "BK_TINH"));
        // No document attached: the clerk says why, and the history keeps it.
        ok(vd("dossier", "submit", "--database", db, "--dossier", key, "--reason", "Hồ sơ giấy gửi kèm qua văn thư"));
        CHECK(object(vd("dossier", "show", "--database", db, "--dossier", key, "--format", "json"))
                  .value(QStringLiteral("history"))
                  .toArray()
                  .last()
                  .toObject()
                  .value(QStringLiteral("reason"))
                  .toString()
              == QStringLiteral("Hồ sơ giấy gửi kèm qua văn thư"));
        ok(vd("dossier", "start-appraisal", "--database", db, "--dossier", key));
        const int events = object(vd("dossier", "show", "--database", db, "--dossier", key, "--format", "json"))
                               .value(QStringLiteral("history"))
                               .toArray()
                               .size();

        // docs/workflow.md: a missing option or reason is a usage mistake, exit code 2 (not 1).
        CliRun r = vd("dossier", "return", "--database", db, "--dossier", key);
        CHECK(r.code == 2);
        CHECK(r.err.contains(QStringLiteral("--reason")));
        r = vd("dossier", "return", "--database", db, "--dossier", key, "--reason", "   ");
        CHECK(r.code == 2);
        CHECK(r.err.contains(QStringLiteral("--reason")));
        const QJsonObject after = object(vd("dossier", "show", "--database", db, "--dossier", key, "--format", "json"));
        CHECK(after.value(QStringLiteral("status")).toString() == QStringLiteral("under_appraisal"));
        CHECK(after.value(QStringLiteral("history")).toArray().size() == events);

        ok(vd("dossier", "return", "--database", db, "--dossier", key, "--reason", "Thiếu báo cáo thành tích"));
        const QJsonObject returned = object(vd("dossier", "show", "--database", db, "--dossier", key, "--format", "json"));
        CHECK(returned.value(QStringLiteral("status")).toString() == QStringLiteral("returned"));
        CHECK(returned.value(QStringLiteral("returnReason")).toString() == QStringLiteral("Thiếu báo cáo thành tích"));
    });
}

TEST_CASE("cliWorkflow_notEligibleNomineeWithoutReason_failsWithTheEnginesReasons", "[cli][workflow]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = office(dir, backend);
        const QString key = newDossier(db);
        CliRun r = vd("dossier", "add-nominee", "--database", db, "--dossier", key, "--person", "P2", "--award", "CSTD_TINH");
        CHECK(r.code == 1);
        CHECK(r.err.trimmed().count(QLatin1Char('\n')) == 0);
        CHECK(r.err.contains(QStringLiteral("not eligible")));
        CHECK(r.err.contains(QStringLiteral("--reason")));
        CHECK(object(vd("dossier", "show", "--database", db, "--dossier", key, "--format", "json"))
                  .value(QStringLiteral("nominees"))
                  .toArray()
                  .isEmpty());

        // With a reason it is proposed, the warning printed and kept for the appraiser.
        r = vd("dossier", "add-nominee", "--database", db, "--dossier", key, "--person", "P2", "--award", "CSTD_TINH", "--reason",
               "Thành tích đột xuất");
        ok(r);
        CHECK(r.err.contains(QStringLiteral("Warning")));
        const QJsonObject nominee = object(vd("dossier", "show", "--database", db, "--dossier", key, "--format", "json"))
                                        .value(QStringLiteral("nominees"))
                                        .toArray()
                                        .at(0)
                                        .toObject();
        CHECK(nominee.value(QStringLiteral("engineVerdict")).toString() == QStringLiteral("not_eligible"));
        CHECK(nominee.value(QStringLiteral("proceedReason")).toString() == QStringLiteral("Thành tích đột xuất"));
        CHECK_FALSE(nominee.value(QStringLiteral("warnings")).toArray().isEmpty());
    });
}

TEST_CASE("cliWorkflow_clerkCannotIssueADecision", "[cli][workflow][accounts]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = office(dir, backend);
        const QMap<QString, QString> admin = {{QStringLiteral("VINHDANH_PASSWORD"), QStringLiteral("admin-password")}};
        const QMap<QString, QString> clerk = {{QStringLiteral("VINHDANH_PASSWORD"), QStringLiteral("clerk-password")}};
        ok(cli({QStringLiteral("users"), QStringLiteral("--database"), db, QStringLiteral("--add"), QStringLiteral("quantri"),
                QStringLiteral("--role"), QStringLiteral("admin")},
               {}, "admin-password\n"));
        ok(cli({QStringLiteral("users"), QStringLiteral("--database"), db, QStringLiteral("--user"), QStringLiteral("quantri"),
                QStringLiteral("--add"), QStringLiteral("vanthu"), QStringLiteral("--role"), QStringLiteral("clerk"),
                QStringLiteral("--unit"), QStringLiteral("U1")},
               {{QStringLiteral("VINHDANH_PASSWORD"), QStringLiteral("admin-password")},
                {QStringLiteral("VINHDANH_NEW_PASSWORD"), QStringLiteral("clerk-password")}}));
        const CliRun drafted = cli({QStringLiteral("decision"), QStringLiteral("new"), QStringLiteral("--database"), db,
                                    QStringLiteral("--user"), QStringLiteral("quantri"), QStringLiteral("--year"),
                                    QStringLiteral("2026"), QStringLiteral("--date"), QStringLiteral("2026-01-20"),
                                    QStringLiteral("--signer"), QStringLiteral("Phạm Thị Phó"), QStringLiteral("--signer-title"),
                                    QStringLiteral("Phó Chủ tịch")},
                                   admin);
        ok(drafted);
        const QString decision = drafted.out.trimmed();

        const CliRun r = cli({QStringLiteral("decision"), QStringLiteral("issue"), QStringLiteral("--database"), db,
                              QStringLiteral("--user"), QStringLiteral("vanthu"), QStringLiteral("--decision"), decision},
                             clerk);
        CHECK(r.code == 1);
        CHECK(r.err.contains(QStringLiteral("not allowed issuing decisions")));
        const CliRun list = cli({QStringLiteral("decisions"), QStringLiteral("--database"), db, QStringLiteral("--format"),
                                 QStringLiteral("json"), QStringLiteral("--user"), QStringLiteral("vanthu")},
                                clerk);
        ok(list);
        CHECK(QJsonDocument::fromJson(list.out.toUtf8()).array().at(0).toObject().value(QStringLiteral("status")).toString()
              == QStringLiteral("draft"));
    });
}

TEST_CASE("cliCouncilAddDossier_newSitting_opensASittingOfTheDossiersTrack_andPutsItBefore", "[cli][workflow][council]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("demo.sqlite"));
    REQUIRE(vd("init", "--database", db).code == 0);
    REQUIRE(vd("demo", "--database", db, "--units", "60", "--people", "300").code == 0);
    // This demo's third dossier is appraised and waits for a sitting.
    CliRun r = vd("council", "add-dossier", "--database", db, "--dossier", "demo-hs-2025-03", "--new-sitting", "--session", "x");
    CHECK(r.code == 2);
    r = vd("council", "add-dossier", "--database", db, "--dossier", "demo-hs-2025-03", "--new-sitting", "--date", "20/02/2026");
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(QStringLiteral("Opened the sitting")));
    CHECK(r.out.contains(QStringLiteral("20/02/2026")));
    r = vd("dossier", "show", "--database", db, "--dossier", "demo-hs-2025-03", "--format", "json");
    REQUIRE(r.code == 0);
    CHECK(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("status")).toString()
          == QStringLiteral("before_council"));
}

TEST_CASE("cliDossierShowAndAudit_nameAComputerLoginInWords_jsonAndCodesKeepTheStoredActor", "[cli][workflow][audit]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = office(dir, backend);
        // Without accounts the OS login is recorded as "os:vanthu".
        const QMap<QString, QString> asVanthu{{QStringLiteral("USER"), QStringLiteral("vanthu")}};
        const CliRun created = cli({word("dossier"), word("new"), word("--database"), db, word("--unit"), word("U1"), word("--year"),
                                    word("2025"), word("--title"), word("Đề nghị khen thưởng năm 2025")},
                                   asVanthu);
        ok(created);
        const QString key = created.out.trimmed();

        const CliRun shown = vd("dossier", "show", "--database", db, "--dossier", key);
        ok(shown);
        CHECK(shown.out.contains(word("vanthu (computer account)")));
        CHECK_FALSE(shown.out.contains(word("os:")));

        // The audit log's text: the actor column in words (the values of the changed columns
        // are the stored data, which an audit shows as it is).
        const CliRun audit = vd("audit", "--database", db);
        ok(audit);
        QStringList actors;
        for (const QString &line : audit.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            actors << line.section(word("  "), 1, 1);
        CHECK(actors.contains(word("vanthu (computer account)")));
        for (const QString &a : actors)
            CHECK_FALSE(a.startsWith(word("os:")));

        // Scripts keep the stored value: JSON, and --codes in text.
        const QJsonArray history =
            object(vd("dossier", "show", "--database", db, "--dossier", key, "--format", "json")).value(word("history")).toArray();
        REQUIRE(!history.isEmpty());
        CHECK(history.first().toObject().value(word("actor")).toString() == word("os:vanthu"));
        CHECK(vd("--codes", "dossier", "show", "--database", db, "--dossier", key).out.contains(word("os:vanthu")));
        const CliRun rawAudit = vd("--codes", "audit", "--database", db);
        ok(rawAudit);
        CHECK(rawAudit.out.contains(word("  os:vanthu  ")));
        CHECK(vd("audit", "--database", db, "--format", "json").out.contains(word("\"os:vanthu\"")));
    });
}
