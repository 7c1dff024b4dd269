// vinhdanh-cli council new --start --end --secretary: the sitting's times and secretary kept
// and shown by council show; 25:00, an end before the start or a stray flag record nothing.
#include "cli/clioffice.h"
#include "cli/clirunner.h"
#include "core/db/query.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace VinhDanh;
using VinhDanh::Test::cli;
using VinhDanh::Test::cliOffice;
using VinhDanh::Test::CliRun;

namespace {
QStringList newArgs(const QString &db)
{
    return {QStringLiteral("council"),    QStringLiteral("new"),
            QStringLiteral("--database"), db,
            QStringLiteral("--title"),    QStringLiteral("Phiên họp xét khen thưởng năm 2025"),
            QStringLiteral("--date"),     QStringLiteral("15/01/2026"),
            QStringLiteral("--year"),     QStringLiteral("2025"),
            QStringLiteral("--members"),  QStringLiteral("Lê Văn Chủ|Chủ tịch;Phạm Thị Thư|Ủy viên;Hoàng Văn Ủy|Ủy viên")};
}

CliRun show(const QString &db, const QString &session, bool json)
{
    QStringList args{
        QStringLiteral("council"), QStringLiteral("show"), QStringLiteral("--database"), db, QStringLiteral("--session"), session};
    if (json)
        args << QStringLiteral("--format") << QStringLiteral("json");
    return cli(args);
}

/// The sittings the database holds, read directly (the CLI must have written none).
int sittingsIn(const QString &db)
{
    Core::Database d(Core::ConnectionSettings::parse(db));
    return Core::Query(d.sql(), QStringLiteral("SELECT count(*) FROM council_sessions")).scalar().toInt();
}
} // namespace

TEST_CASE("cliCouncilNew_keepsTheStartEndAndSecretary_andShowPrintsThem", "[cli][council]")
{
    Test::forEachCliBackend([&](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = cliOffice(dir, backend);
        // A member named as secretary is marked; the times as a clerk types them.
        CliRun r = cli(newArgs(db)
                       + QStringList{QStringLiteral("--start"), QStringLiteral("8h00"), QStringLiteral("--end"),
                                     QStringLiteral("10:30"), QStringLiteral("--secretary"), QStringLiteral("Phạm Thị Thư")});
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
        const QString session = r.out.trimmed();
        r = show(db, session, false);
        REQUIRE(r.code == 0);
        CHECK(r.out.contains(QStringLiteral("Started at 08:00, ended at 10:30.")));
        CHECK(r.out.contains(QStringLiteral("Secretary: Phạm Thị Thư")));
        r = show(db, session, true);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        CHECK(o.value(QStringLiteral("start")).toString() == QStringLiteral("08:00"));
        CHECK(o.value(QStringLiteral("end")).toString() == QStringLiteral("10:30"));
        CHECK(o.value(QStringLiteral("secretary")).toString() == QStringLiteral("Phạm Thị Thư"));
        CHECK(o.value(QStringLiteral("members")).toArray().at(1).toObject().value(QStringLiteral("secretary")).toBool());

        // Someone who is not a member: named, no member marked; no times yet.
        r = cli(newArgs(db) + QStringList{QStringLiteral("--secretary"), QStringLiteral("Ngô Văn Ghi")});
        REQUIRE(r.code == 0);
        r = show(db, r.out.trimmed(), false);
        CHECK(r.out.contains(QStringLiteral("Secretary: Ngô Văn Ghi")));
        CHECK(r.out.contains(QStringLiteral("Started at not recorded, ended at not recorded.")));
    });
}

TEST_CASE("cliCouncilNew_at25h_orEndingBeforeItStarts_isRefusedWithAClearMessage_andRecordsNothing", "[cli][council]")
{
    Test::forEachCliBackend([&](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = cliOffice(dir, backend);
        const int before = sittingsIn(db);

        CliRun r = cli(newArgs(db) + QStringList{QStringLiteral("--start"), QStringLiteral("25:00")});
        CHECK(r.code != 0);
        CHECK(r.err.contains(QStringLiteral("--start: “25:00” is not a time of day: write it as hh:mm, from 00:00 to 23:59")));
        CHECK(r.out.isEmpty());

        r = cli(newArgs(db)
                + QStringList{QStringLiteral("--start"), QStringLiteral("10:30"), QStringLiteral("--end"), QStringLiteral("08:00")});
        CHECK(r.code != 0);
        CHECK(r.err.contains(QStringLiteral("The sitting cannot end at 08:00 when it started at 10:30")));
        CHECK(r.out.isEmpty());

        // In Vietnamese too, the message says what is wrong.
        r = Test::cliIn(QStringLiteral("vi"), newArgs(db) + QStringList{QStringLiteral("--end"), QStringLiteral("24:00")});
        CHECK(r.code != 0);
        CHECK(r.err.contains(QStringLiteral("24:00")));

        CHECK(sittingsIn(db) == before); // no sitting was written
    });
}
