// Numbers a person can say, on the command line (issue 16): every command that names a
// dossier, a sitting or a decision takes its register number as typed ("HS 2/2025", "2/2025",
// "Phiên 1/2026", "45/QĐ-UBND"), the commands that make one print it, and no text output shows
// an internal key (a UUID) — the JSON keeps the key and adds the number.
#include "cli/clioffice.h"
#include "cli/clirunner.h"

#include <catch2/catch.hpp>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

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
template<typename... T>
CliRun vd(const T &...args)
{
    return cli(QStringList{word(args)...});
}

CliRun ok(const CliRun &r)
{
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    return r;
}

/// The part of a generated key (Keys::generate) after its prefix: 8 hex digits, a dash, 4 more.
bool showsAKey(const QString &text)
{
    static const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}"));
    return text.contains(uuid) || text.contains(QStringLiteral("dossier-")) || text.contains(QStringLiteral("council-"))
           || text.contains(QStringLiteral("decision-"));
}

QString newDossier(const QString &db, const char *title)
{
    return ok(vd("dossier", "new", "--database", db, "--unit", "U1", "--year", "2025", "--title", title)).out.trimmed();
}
} // namespace

TEST_CASE("cliRegisterNumbers_nameEveryRecord_andNoTextOutputShowsAKey", "[cli][workflow][register]")
{
    VinhDanh::Test::forEachCliBackend([&](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = VinhDanh::Test::cliOffice(dir, backend);
        CHECK(newDossier(db, "Đề nghị khen thưởng đợt một") == QStringLiteral("Dossier 1/2025"));
        CHECK(newDossier(db, "Đề nghị khen thưởng đợt hai") == QStringLiteral("Dossier 2/2025"));

        // Every way a clerk writes the number finds the second dossier.
        for (const char *typed : {"HS 2/2025", "2/2025", "Dossier 2/2025", "hs2/2025"}) {
            const CliRun shown = ok(vd("dossier", "show", "--database", db, "--dossier", typed));
            CHECK(shown.out.startsWith(QStringLiteral("Dossier 2/2025: Đề nghị khen thưởng đợt hai")));
        }
        const CliRun missing = vd("dossier", "show", "--database", db, "--dossier", "HS 7/2025");
        CHECK(missing.code == 1);
        CHECK(missing.err.contains(QStringLiteral("HS 7/2025")));

        // Through appraisal to a sitting and a decision, naming everything by number.
        ok(vd("dossier", "add-nominee", "--database", db, "--dossier", "HS 2/2025", "--person", "P1", "--award", "BK_TINH"));
        ok(vd("dossier", "submit", "--database", db, "--dossier", "2/2025", "--reason", "Hồ sơ giấy gửi kèm"));
        ok(vd("dossier", "start-appraisal", "--database", db, "--dossier", "HS 2/2025"));
        ok(vd("dossier", "appraise", "--database", db, "--dossier", "HS 2/2025", "--person", "P1", "--agree"));
        const CliRun finished = ok(vd("dossier", "finish-appraisal", "--database", db, "--dossier", "HS 2/2025"));
        CHECK(finished.out.startsWith(QStringLiteral("Dossier 2/2025: ")));
        const QString sitting = ok(vd("council", "new", "--database", db, "--title", "Phiên họp xét khen thưởng", "--date",
                                      "2026-01-15", "--year", "2025", "--members",
                                      "Lê Văn Chủ|Chủ tịch;Phạm Thị Phó|Phó Chủ tịch;Hoàng Văn Ủy|Ủy viên"))
                                    .out.trimmed();
        CHECK(sitting == QStringLiteral("Sitting 1/2025"));
        const CliRun offered = ok(vd("council", "sittings-for", "--database", db, "--dossier", "HS 2/2025"));
        CHECK(offered.out.startsWith(QStringLiteral("Sitting 1/2025\t")));
        const CliRun added = ok(vd("council", "add-dossier", "--database", db, "--session", "Phiên 1/2025", "--dossier", "HS 2/2025"));
        CHECK(added.out.contains(QStringLiteral("Dossier 2/2025")));
        CHECK(added.out.contains(QStringLiteral("Sitting 1/2025")));
        ok(vd("council", "tally", "--database", db, "--session", "1/2025", "--person", "P1", "--agree", "3", "--disagree", "0",
              "--abstain", "0"));
        const CliRun council = ok(vd("council", "show", "--database", db, "--session", "Phiên 1/2025"));
        CHECK(council.out.contains(QStringLiteral("Dossier 2/2025")));
        ok(vd("council", "close", "--database", db, "--session", "Phiên 1/2025"));
        const QString decision = ok(vd("decision", "new", "--database", db, "--year", "2026", "--number", "45", "--date", "20/01/2026",
                                       "--signer", "Phạm Thị Phó", "--signer-title", "Phó Chủ tịch", "--authority", "KT", "--session",
                                       "Phiên 1/2025"))
                                     .out.trimmed();
        CHECK(decision.startsWith(QStringLiteral("45/")));
        ok(vd("decision", "show", "--database", db, "--decision", decision));
        ok(vd("decision", "show", "--database", db, "--decision", "45/qd-ubnd")); // typed without Vietnamese keys

        // The documents take the numbers too, and suggest nothing with a key in it.
        const QString pdf = dir.filePath(QStringLiteral("to-trinh.pdf"));
        ok(vd("print", "--database", db, "--document", "to-trinh", "--id", "HS 2/2025", "--output", pdf));
        CHECK(QFileInfo::exists(pdf));
        ok(vd("print", "--database", db, "--document", "bien-ban", "--id", "Phiên 1/2025", "--output",
              dir.filePath(QStringLiteral("bien-ban.pdf"))));

        // No text output names a record by its internal key…
        const QList<CliRun> texts = {
            ok(vd("dossiers", "--database", db)), ok(vd("dossier", "show", "--database", db, "--dossier", "HS 2/2025")),
            ok(vd("council", "show", "--database", db, "--session", "Phiên 1/2025")), ok(vd("decisions", "--database", db)),
            ok(vd("decision", "show", "--database", db, "--decision", decision))};
        for (const CliRun &r : texts) {
            INFO(r.out.toStdString());
            CHECK_FALSE(showsAKey(r.out));
        }
        CHECK(texts[0].out.contains(QStringLiteral("Dossier 1/2025\t")));
        CHECK(texts[3].out.contains(decision));
        // …while the JSON keeps the key for scripts and adds the number.
        const QJsonObject listed = QJsonDocument::fromJson(ok(vd("dossiers", "--database", db, "--format", "json")).out.toUtf8())
                                       .object()
                                       .value(QStringLiteral("dossiers"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
        CHECK(listed.value(QStringLiteral("number")).toString() == QStringLiteral("Dossier 2/2025"));
        CHECK(listed.value(QStringLiteral("registerNo")).toInt() == 2);
        CHECK(listed.value(QStringLiteral("registerYear")).toInt() == 2025);
        CHECK(listed.value(QStringLiteral("key")).toString().startsWith(QStringLiteral("dossier-")));
        const QJsonObject session =
            QJsonDocument::fromJson(
                ok(vd("council", "show", "--database", db, "--session", "1/2025", "--format", "json")).out.toUtf8())
                .object();
        CHECK(session.value(QStringLiteral("number")).toString() == QStringLiteral("Sitting 1/2025"));
        CHECK(session.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("dossierNumber")).toString()
              == QStringLiteral("Dossier 2/2025"));
    });
}
