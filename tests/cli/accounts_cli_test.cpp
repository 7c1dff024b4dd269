#include "cli/clirunner.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;

namespace {

const QString kAdminPassword = QStringLiteral("admin-password");
} // namespace

TEST_CASE("cliUsers_firstAccountIsAdmin_thenCommandsNeedALogin_andRolesAreEnforced", "[cli][accounts]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("office.sqlite"));
    REQUIRE(cli({QStringLiteral("init"), QStringLiteral("--database"), db}).code == 0);

    // The first account needs no login and becomes the administrator; the password comes from stdin.
    CliRun r = cli({QStringLiteral("users"), QStringLiteral("--database"), db, QStringLiteral("--add"), QStringLiteral("quantri"),
                    QStringLiteral("--role"), QStringLiteral("leader")},
                   {}, kAdminPassword.toUtf8() + "\n");
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(QStringLiteral("Administrator")));

    // From now on a command without --user is refused, with a message saying what to do.
    r = cli({QStringLiteral("movements"), QStringLiteral("--database"), db});
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("--user")));
    r = cli({QStringLiteral("movements"), QStringLiteral("--database"), db, QStringLiteral("--user"), QStringLiteral("quantri")},
            {{QStringLiteral("VINHDANH_PASSWORD"), QStringLiteral("wrong-password")}});
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("not correct")));

    // The admin adds a leader (new password from the environment, never from argv).
    r = cli({QStringLiteral("users"), QStringLiteral("--database"), db, QStringLiteral("--user"), QStringLiteral("quantri"),
             QStringLiteral("--add"), QStringLiteral("lanhdao"), QStringLiteral("--role"), QStringLiteral("leader"),
             QStringLiteral("--full-name"), QStringLiteral("Nguyễn Văn Lãnh")},
            {{QStringLiteral("VINHDANH_PASSWORD"), kAdminPassword},
             {QStringLiteral("VINHDANH_NEW_PASSWORD"), QStringLiteral("leader-password")}});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);

    // A leader may not generate demo data, nor manage accounts: refused, nothing written.
    const QMap<QString, QString> leader = {{QStringLiteral("VINHDANH_PASSWORD"), QStringLiteral("leader-password")}};
    r = cli({QStringLiteral("demo"), QStringLiteral("--database"), db, QStringLiteral("--units"), QStringLiteral("3"),
             QStringLiteral("--people"), QStringLiteral("5"), QStringLiteral("--user"), QStringLiteral("lanhdao")},
            leader);
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("not allowed generating demo data")));
    r = cli({QStringLiteral("users"), QStringLiteral("--database"), db, QStringLiteral("--list"), QStringLiteral("--user"),
             QStringLiteral("lanhdao")},
            leader);
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("not allowed managing accounts")));

    // …but may read the audit log, which shows who added the leader.
    r = cli({QStringLiteral("audit"), QStringLiteral("--database"), db, QStringLiteral("--format"), QStringLiteral("json"),
             QStringLiteral("--user"), QStringLiteral("lanhdao"), QStringLiteral("--since"), QStringLiteral("2000-01-01")},
            leader);
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    bool found = false;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("table")).toString() == QStringLiteral("accounts")
            && o.value(QStringLiteral("action")).toString() == QStringLiteral("insert")
            && o.value(QStringLiteral("recordKey")).toString() == QStringLiteral("lanhdao")) {
            found = true;
            CHECK(o.value(QStringLiteral("actor")).toString() == QStringLiteral("quantri"));
            CHECK_FALSE(o.value(QStringLiteral("after")).toObject().contains(QStringLiteral("password_hash")));
        }
    }
    CHECK(found);

    // The admin lists accounts (password on stdin this time) and disables the leader.
    r = cli({QStringLiteral("users"), QStringLiteral("--database"), db, QStringLiteral("--list"), QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("--user"), QStringLiteral("quantri"), QStringLiteral("--password-stdin")},
            {}, kAdminPassword.toUtf8() + "\n");
    REQUIRE(r.code == 0);
    CHECK(QJsonDocument::fromJson(r.out.toUtf8()).array().size() == 2);
    // …changes the leader's role, which the list then shows…
    r = cli({QStringLiteral("users"), QStringLiteral("--database"), db, QStringLiteral("--set-role"), QStringLiteral("lanhdao"),
             QStringLiteral("--role"), QStringLiteral("council_secretary"), QStringLiteral("--user"), QStringLiteral("quantri")},
            {{QStringLiteral("VINHDANH_PASSWORD"), kAdminPassword}});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    r = cli({QStringLiteral("users"), QStringLiteral("--database"), db, QStringLiteral("--list"), QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("--user"), QStringLiteral("quantri")},
            {{QStringLiteral("VINHDANH_PASSWORD"), kAdminPassword}});
    QStringList roles;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array())
        roles << v.toObject().value(QStringLiteral("role")).toString();
    CHECK(roles.contains(QStringLiteral("council_secretary")));
    r = cli({QStringLiteral("users"), QStringLiteral("--database"), db, QStringLiteral("--disable"), QStringLiteral("lanhdao"),
             QStringLiteral("--user"), QStringLiteral("quantri")},
            {{QStringLiteral("VINHDANH_PASSWORD"), kAdminPassword}});
    REQUIRE(r.code == 0);
    r = cli({QStringLiteral("audit"), QStringLiteral("--database"), db, QStringLiteral("--user"), QStringLiteral("lanhdao")}, leader);
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("disabled")));

    // CSV export of the audit log has a header and one line per change.
    r = cli({QStringLiteral("audit"), QStringLiteral("--database"), db, QStringLiteral("--format"), QStringLiteral("csv"),
             QStringLiteral("--user"), QStringLiteral("quantri")},
            {{QStringLiteral("VINHDANH_PASSWORD"), kAdminPassword}});
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(QStringLiteral("id,at,actor,action,table,record_id")));
}
