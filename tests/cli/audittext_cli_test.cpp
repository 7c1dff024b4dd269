// `vinhdanh-cli audit` in text is for a leader to read: tables, fields and values in words,
// local times, the computer account named (issue 16 item 1). --format json keeps the codes.
#include "cli/clioffice.h"
#include "cli/clirunner.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using VinhDanh::Test::cliIn;
using VinhDanh::Test::CliRun;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList codesIn(const QString &text)
{
    // snake_case names and codes (people_id, cong_chuc), upper-case codes with an underscore
    // (BK_TINH), ISO dates and times, an "os:" login, a bare table name.
    static const QRegularExpression re(
        s(R"(\b[a-z]+_[a-z_]+\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b\d{4}-\d{2}-\d{2}|\bos:|\b(units|people|ratings|awards)\b)"));
    QStringList found;
    for (const QString &line : text.split(QLatin1Char('\n')))
        for (auto it = re.globalMatch(line); it.hasNext();)
            found << it.next().captured(0) + s("  ⟵  ") + line.left(200);
    return found;
}

int lines(const QString &text)
{
    return int(text.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size());
}
} // namespace

TEST_CASE("cliAudit_textHasNoCodes_jsonKeepsThem", "[cli][audit]")
{
    VinhDanh::Test::forEachCliBackend([](VinhDanh::Core::Backend backend) {
        QTemporaryDir dir;
        // Made without accounts: every change is recorded under the computer's login.
        const QString db = VinhDanh::Test::cliOffice(dir, backend);
        for (const QString &lang : {s("vi"), s("en")}) {
            const CliRun text = cliIn(lang, {s("audit"), s("--database"), db});
            INFO(lang.toStdString() << " " << text.err.toStdString() << "\n" << text.out.toStdString());
            REQUIRE(text.code == 0);
            REQUIRE(lines(text.out) >= 6); // the unit, the person, two ratings, two awards
            CHECK(codesIn(text.out).isEmpty());
            // Names where the log holds ids: the rating names the person it is about.
            CHECK(text.out.contains(s("Nguyễn Văn An")));
            CHECK(text.out.contains(s("Sở Nội vụ")));
        }
        const CliRun english = cliIn(s("en"), {s("audit"), s("--database"), db});
        CHECK(english.out.contains(s("Civil servant"))); // cong_chuc
        CHECK(english.out.contains(s("(computer account)")));

        const CliRun json = cliIn(s("en"), {s("audit"), s("--database"), db, s("--format"), s("json")});
        REQUIRE(json.code == 0);
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
        REQUIRE(!rows.isEmpty());
        QStringList tables;
        for (const QJsonValue &row : rows)
            tables << row.toObject().value(s("table")).toString();
        CHECK(tables.contains(s("people")));
        CHECK(json.out.contains(s("\"cong_chuc\"")));
        CHECK(json.out.contains(s("\"CSTDCS\"")));
        const QString actor = rows.last().toObject().value(s("actor")).toString();
        REQUIRE(actor.startsWith(s("os:")));

        // --actor takes the login as the leader reads it, with or without "os:".
        const CliRun byStored = cliIn(s("en"), {s("audit"), s("--database"), db, s("--actor"), actor});
        const CliRun byLogin = cliIn(s("en"), {s("audit"), s("--database"), db, s("--actor"), actor.mid(3)});
        REQUIRE(byStored.code == 0);
        REQUIRE(byLogin.code == 0);
        CHECK(lines(byLogin.out) >= 6);
        // Each text export is itself recorded (audit_exports) after it is read: one row more.
        CHECK(lines(byLogin.out) == lines(byStored.out) + 1);
        CHECK(lines(cliIn(s("en"), {s("audit"), s("--database"), db, s("--actor"), s("nobody-here")}).out) == 0);
    });
}
