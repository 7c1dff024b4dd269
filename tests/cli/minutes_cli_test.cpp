// vinhdanh-cli minutes add | minutes list | confirm --minutes (issue 13 item 6): a unit's bình
// xét minutes recorded once, the facts of the year confirmed from them for everyone they name.
#include "cli/clioffice.h"
#include "cli/clirunner.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace VinhDanh;
using VinhDanh::Test::cli;
using VinhDanh::Test::cliOffice;
using VinhDanh::Test::CliRun;

namespace {
/// The office of clioffice.h plus P2, Trần Thị Bình, rated HTXSNV in 2024 and 2025.
QString office(const QTemporaryDir &dir, Core::Backend backend)
{
    return cliOffice(dir, backend, [](Core::Database &db, const Core::Unit &u) {
        Core::Person p;
        p.key = QStringLiteral("P2");
        p.fullName = QStringLiteral("Trần Thị Bình");
        p.unitId = u.id;
        p.category = QStringLiteral("cong_chuc");
        Core::PersonRepository(db).save(p);
        for (int y : {2024, 2025})
            Core::RecordRepository(db).setRating({0, Core::Subject::person(p.id), y, QStringLiteral("HTXSNV"), {}});
    });
}

QString verdict(const QString &db, const QString &person, const QString &award)
{
    const CliRun r = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"), person,
                          QStringLiteral("--award"), award, QStringLiteral("--year"), QStringLiteral("2025"),
                          QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.code == 0);
    return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("verdict")).toString();
}

QStringList addArgs(const QString &db)
{
    return {QStringLiteral("minutes"),     QStringLiteral("add"),
            QStringLiteral("--database"),  db,
            QStringLiteral("--unit"),      QStringLiteral("U1"),
            QStringLiteral("--year"),      QStringLiteral("2025"),
            QStringLiteral("--date"),      QStringLiteral("12/01/2026"),
            QStringLiteral("--number"),    QStringLiteral("03/BB-HĐTĐKT"),
            QStringLiteral("--attendees"), QStringLiteral("7/7 thành viên Hội đồng")};
}
} // namespace

TEST_CASE("cliMinutesAddWithConfirm_makesTheNamedPersonEligibleForEveryFormOfTheYear", "[cli][minutes]")
{
    Test::forEachCliBackend([&](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = office(dir, backend);
        REQUIRE(verdict(db, QStringLiteral("P1"), QStringLiteral("LDTT")) == QStringLiteral("needs_review"));
        const CliRun added = cli(addArgs(db)
                                 + QStringList{QStringLiteral("--person"), QStringLiteral("P1"), QStringLiteral("--confirm")});
        REQUIRE(added.code == 0);
        CHECK(added.out.contains(QStringLiteral("BBBX-2025-0001")));
        CHECK(added.out.contains(QStringLiteral("03/BB-HĐTĐKT")));
        CHECK(added.out.contains(QStringLiteral("12/01/2026")));
        CHECK(verdict(db, QStringLiteral("P1"), QStringLiteral("LDTT")) == QStringLiteral("eligible"));
        CHECK(verdict(db, QStringLiteral("P2"), QStringLiteral("LDTT")) == QStringLiteral("needs_review")); // not named

        const CliRun listed = cli({QStringLiteral("minutes"), QStringLiteral("list"), QStringLiteral("--database"), db,
                                   QStringLiteral("--year"), QStringLiteral("2025")});
        REQUIRE(listed.code == 0);
        CHECK(listed.out.contains(QStringLiteral("BBBX-2025-0001")));
        CHECK(listed.out.contains(QStringLiteral("Nguyễn Văn An")));
        CHECK(listed.out.contains(QStringLiteral("7/7 thành viên Hội đồng")));
    });
}

TEST_CASE("cliConfirmFromMinutes_withAFile_confirmsOnlyThoseListed", "[cli][minutes]")
{
    Test::forEachCliBackend([&](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = office(dir, backend);
        const QString named = dir.filePath(QStringLiteral("named.csv"));
        QFile f(named);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("key,name\nP1,Nguyễn Văn An\nP2,Trần Thị Bình\n");
        f.close();
        REQUIRE(cli(addArgs(db) + QStringList{QStringLiteral("--from-file"), named}).code == 0);

        const QString only = dir.filePath(QStringLiteral("only.csv"));
        QFile g(only);
        REQUIRE(g.open(QIODevice::WriteOnly));
        g.write("P2\n");
        g.close();
        const CliRun confirmed = cli({QStringLiteral("confirm"), QStringLiteral("--database"), db, QStringLiteral("--minutes"),
                                      QStringLiteral("BBBX-2025-0001"), QStringLiteral("--from-file"), only});
        REQUIRE(confirmed.code == 0);
        CHECK(verdict(db, QStringLiteral("P2"), QStringLiteral("LDTT")) == QStringLiteral("eligible"));
        CHECK(verdict(db, QStringLiteral("P1"), QStringLiteral("LDTT")) == QStringLiteral("needs_review"));

        const CliRun unknown = cli({QStringLiteral("confirm"), QStringLiteral("--database"), db, QStringLiteral("--minutes"),
                                    QStringLiteral("BBBX-1999-0001")});
        CHECK(unknown.code == 1);
        CHECK(unknown.err.contains(QStringLiteral("BBBX-1999-0001")));
    });
}

TEST_CASE("cliMinutesAdd_withAMissingOptionOrAnUnknownKey_saysWhy_andWritesNothing", "[cli][minutes]")
{
    QTemporaryDir dir;
    const QString db = office(dir, Core::Backend::Sqlite);
    QStringList noDate = addArgs(db);
    noDate.remove(noDate.indexOf(QStringLiteral("--date")), 2);
    const CliRun missingDate = cli(noDate + QStringList{QStringLiteral("--person"), QStringLiteral("P1")});
    CHECK(missingDate.code == 2);
    CHECK(missingDate.err.contains(QStringLiteral("--date")));
    const CliRun nobody = cli(addArgs(db));
    CHECK(nobody.code == 2);
    CHECK(nobody.err.contains(QStringLiteral("--person")));

    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    QFile f(bad);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("P1\nP9\n");
    f.close();
    const CliRun unknown = cli(addArgs(db) + QStringList{QStringLiteral("--from-file"), bad});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.contains(QStringLiteral("line 2")));
    CHECK(unknown.err.contains(QStringLiteral("P9")));
    const CliRun listed = cli({QStringLiteral("minutes"), QStringLiteral("list"), QStringLiteral("--database"), db});
    CHECK(listed.out.contains(QStringLiteral("No minutes recorded.")));
}
