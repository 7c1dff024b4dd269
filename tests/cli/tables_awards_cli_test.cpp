// vinhdanh-cli import-table --kind awards | disciplines (issue 15 item 1): the preview in words
// and as JSON writes nothing; the commit writes; a second import finds every row unchanged; a
// decision number given later completes the award recorded without it. Both backends.
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

namespace {
QStringList importArgs(const QString &db, const QString &input, const QString &kind, const QString &mode)
{
    return {QStringLiteral("import-table"),
            QStringLiteral("--database"),
            db,
            QStringLiteral("--input"),
            input,
            QStringLiteral("--kind"),
            kind,
            mode};
}

int rows(const QString &db, const char *table)
{
    Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
    return Core::Query(d.sql(), QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).scalar(0).toInt();
}
} // namespace

TEST_CASE("importTableAwards_previewWritesNothing_commitWrites_andASecondImportIsUnchanged", "[cli][tables][awards]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        // Nguyễn Văn An (P1) has CSTĐCS for 2024 and 2025, recorded without a decision number.
        const QString db = Test::cliOffice(dir, backend);
        const QString list = dir.filePath(QStringLiteral("khen-thuong.csv"));
        Test::writeAll(list, QStringLiteral("Mã;Họ và tên;Hình thức khen thưởng;Năm;Số QĐ;Ngày QĐ\n"
                                            "P1;Nguyễn Văn An;BK UBND tỉnh;2025;125/QĐ-UBND;15/01/2026\n"
                                            "P1;Nguyễn Văn An;CSTĐCS;2025;88/QĐ-SNV;20/12/2025\n")
                                 .toUtf8());
        const int before = rows(db, "awards");

        const CliRun preview = cli(importArgs(db, list, QStringLiteral("awards"), QStringLiteral("--preview")));
        INFO(preview.out.toStdString() << preview.err.toStdString());
        REQUIRE(preview.code == 0);
        CHECK(preview.out.contains(
            QStringLiteral("Row 2: new award, Nguyễn Văn An: new award: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, 2025")));
        CHECK(preview.out.contains(QStringLiteral("Row 3: changes an award, Nguyễn Văn An: Chiến sĩ thi đua cơ sở, 2025: "
                                                  "decision number: (empty) → 88/QĐ-SNV")));
        CHECK(preview.out.contains(QStringLiteral("Rows: 1 new, 1 changed, 0 unchanged, 0 with errors.")));
        CHECK(preview.out.contains(QStringLiteral("Preview only: nothing was written.")));
        CHECK(rows(db, "awards") == before);

        const CliRun json = cli(importArgs(db, list, QStringLiteral("awards"), QStringLiteral("--preview"))
                                << QStringLiteral("--format") << QStringLiteral("json"));
        REQUIRE(json.code == 0);
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonArray reportRows = report.value(QStringLiteral("rows")).toArray();
        REQUIRE(reportRows.size() == 2);
        CHECK(reportRows.at(0).toObject().value(QStringLiteral("status")).toString() == QStringLiteral("new"));
        CHECK(reportRows.at(1).toObject().value(QStringLiteral("status")).toString() == QStringLiteral("changed"));
        CHECK(rows(db, "awards") == before);

        const CliRun commit = cli(importArgs(db, list, QStringLiteral("awards"), QStringLiteral("--commit")));
        INFO(commit.out.toStdString() << commit.err.toStdString());
        REQUIRE(commit.code == 0);
        CHECK(commit.out.contains(QStringLiteral("Imported: 1 awards added, 1 awards changed.")));
        CHECK(rows(db, "awards") == before + 1);

        const CliRun again = cli(importArgs(db, list, QStringLiteral("awards"), QStringLiteral("--commit")));
        REQUIRE(again.code == 0);
        CHECK(again.out.contains(QStringLiteral("Rows: 0 new, 0 changed, 2 unchanged, 0 with errors.")));
        CHECK(rows(db, "awards") == before + 1);
    });
}

TEST_CASE("importTableAwards_unknownForm_refusesTheCommit_namingTheWords", "[cli][tables][awards]")
{
    QTemporaryDir dir;
    const QString db = Test::cliOffice(dir);
    const QString list = dir.filePath(QStringLiteral("sai.csv"));
    Test::writeAll(list, QStringLiteral("Mã;Hình thức khen thưởng;Năm\nP1;Huy hiệu Bác Hồ;2025\nP1;LĐTT;2025\n").toUtf8());
    const int before = rows(db, "awards");
    const CliRun r = cli(importArgs(db, list, QStringLiteral("awards"), QStringLiteral("--commit")));
    CHECK(r.code != 0);
    CHECK(r.out.contains(QStringLiteral("Row 2: error, Nguyễn Văn An: column B (Hình thức khen thưởng): \"Huy hiệu Bác Hồ\" is "
                                        "not an award form of the catalogue")));
    CHECK(r.err.contains(QStringLiteral("nothing was written")));
    CHECK(rows(db, "awards") == before);
}

TEST_CASE("importTableDisciplines_previewWritesNothing_andCommitWritesTheRecords", "[cli][tables][disciplines]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend);
        const QString list = dir.filePath(QStringLiteral("ky-luat.csv"));
        Test::writeAll(list, QStringLiteral("Mã;Họ và tên;Hình thức kỷ luật;Từ ngày;Đến ngày;Số QĐ\n"
                                            "P1;Nguyễn Văn An;Khiển trách;01/03/2023;29/02/2024;7/QĐ-SNV\n")
                                 .toUtf8());
        const CliRun preview = cli(importArgs(db, list, QStringLiteral("disciplines"), QStringLiteral("--preview")));
        INFO(preview.out.toStdString() << preview.err.toStdString());
        REQUIRE(preview.code == 0);
        CHECK(preview.out.contains(QStringLiteral("Row 2: new disciplinary record, Nguyễn Văn An: new disciplinary record: "
                                                  "Reprimand from 01/03/2023")));
        CHECK(rows(db, "disciplines") == 0);
        const CliRun commit = cli(importArgs(db, list, QStringLiteral("disciplines"), QStringLiteral("--commit")));
        REQUIRE(commit.code == 0);
        CHECK(commit.out.contains(QStringLiteral("Imported: 1 disciplinary records added, 0 changed.")));
        CHECK(rows(db, "disciplines") == 1);
    });
}
