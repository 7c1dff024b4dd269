// vinhdanh-cli import-table --kind people: the likely duplicates of the people a list would add
// (issue 15 item 5), as a script reads them (JSON "warnings") and a clerk at a terminal does.
#include "cli/clioffice.h"
#include "cli/clirunner.h"
#include "core/db/query.h"
#include "core/tables_support.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;
using namespace VinhDanh;

TEST_CASE("cliImportTable_newPersonLikeSomeoneInAnotherUnit_isWarnedInTextAndJson_andStillCommits", "[cli][tables]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        // Lê Thị Hoa (P2, born 09/07/1985) works at the Sở Nội vụ; the list has her at the Sở Tài chính.
        const QString db = Test::cliOffice(dir, backend, [](Core::Database &d, const Core::Unit &u) {
            Core::Unit other;
            other.key = QStringLiteral("STC");
            other.name = QStringLiteral("Sở Tài chính");
            other.kind = QStringLiteral("provincial_agency");
            Core::UnitRepository(d).save(other);
            Core::Person hoa;
            hoa.key = QStringLiteral("P2");
            hoa.fullName = QStringLiteral("Lê Thị Hoa");
            hoa.birthDate = QDate(1985, 7, 9);
            hoa.cccd = QStringLiteral("001185004321");
            hoa.unitId = u.id;
            hoa.category = QStringLiteral("cong_chuc");
            Core::PersonRepository(d).save(hoa);
        });
        const QString input = dir.filePath(QStringLiteral("ds.csv"));
        Test::writeAll(input, QStringLiteral("Họ và tên;Ngày sinh;Đơn vị;Đối tượng\nLê Thị Hoa;09/07/1985;STC;Công chức\n").toUtf8());
        const QStringList args{QStringLiteral("import-table"), QStringLiteral("--database"), db, QStringLiteral("--input"), input,
                               QStringLiteral("--kind"),       QStringLiteral("people")};
        const QString warning = QStringLiteral(
            "may be the same as Lê Thị Hoa (P2, Sở Nội vụ, born 1985): the same birth date, another unit");

        const CliRun json = cli(QStringList(args)
                                << QStringLiteral("--preview") << QStringLiteral("--format") << QStringLiteral("json"));
        INFO(json.out.toStdString() << json.err.toStdString());
        REQUIRE(json.code == 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonObject row = o.value(QStringLiteral("rows")).toArray().at(0).toObject();
        CHECK(row.value(QStringLiteral("status")).toString() == QStringLiteral("new"));
        CHECK(row.value(QStringLiteral("warnings")).toArray() == QJsonArray{warning});
        CHECK(o.value(QStringLiteral("counts")).toObject().value(QStringLiteral("warned")).toInt() == 1);
        CHECK_FALSE(json.out.contains(QStringLiteral("4321"))); // never the CCCD

        const CliRun text = cli(QStringList(args) << QStringLiteral("--preview"));
        CHECK(text.out.contains(QStringLiteral("  Warning: ") + warning));
        CHECK(text.out.contains(QStringLiteral("Rows that may add someone already in the registry: 1")));

        const CliRun commit = cli(QStringList(args) << QStringLiteral("--commit"));
        INFO(commit.out.toStdString() << commit.err.toStdString());
        CHECK(commit.code == 0);
        Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
        CHECK(Core::Query(d.sql(), QStringLiteral("SELECT count(*) FROM people")).scalar(0).toInt() == 3);
    });
}
