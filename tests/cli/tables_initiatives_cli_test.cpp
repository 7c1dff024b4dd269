// vinhdanh-cli import-table --kind initiatives (issue 15 item 1): the preview writes nothing, the
// commit writes the initiative with its holder and the award it was used for, and a second
// import finds every row unchanged. Both backends.
#include "cli/clioffice.h"
#include "cli/clirunner.h"
#include "core/db/query.h"
#include "core/tables_support.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;
using namespace VinhDanh;

namespace {
QStringList importArgs(const QString &db, const QString &input, const QString &mode)
{
    return {QStringLiteral("import-table"), QStringLiteral("--database"),  db,  QStringLiteral("--input"), input,
            QStringLiteral("--kind"),       QStringLiteral("initiatives"), mode};
}

QVariant scalar(const QString &db, const QString &sql)
{
    Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
    return Core::Query(d.sql(), sql).scalar(0);
}
} // namespace

TEST_CASE("importTableInitiatives_previewWritesNothing_commitWrites_andASecondImportIsUnchanged", "[cli][tables][initiatives]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        // Nguyễn Văn An (P1) has CSTĐCS for 2025.
        const QString db = Test::cliOffice(dir, backend);
        const QString list = dir.filePath(QStringLiteral("sang-kien.csv"));
        Test::writeAll(list, QStringLiteral("Tên sáng kiến;Mã;Tác giả;Số QĐ công nhận;Ngày QĐ;Cấp công nhận;Dùng để đề nghị\n"
                                            "Số hóa hồ sơ;P1;Nguyễn Văn An;15/QĐ-SNV;20/10/2025;cơ sở;CSTĐCS 2025\n")
                                 .toUtf8());
        const CliRun preview = cli(importArgs(db, list, QStringLiteral("--preview")));
        INFO(preview.out.toStdString() << preview.err.toStdString());
        REQUIRE(preview.code == 0);
        CHECK(preview.out.contains(QStringLiteral("Row 2: new initiative, Nguyễn Văn An: new initiative: \"Số hóa hồ sơ\" "
                                                  "(Grassroots), holders: Nguyễn Văn An")));
        CHECK(preview.out.contains(QStringLiteral("Preview only: nothing was written.")));
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM initiatives")).toInt() == 0);

        const CliRun commit = cli(importArgs(db, list, QStringLiteral("--commit")));
        INFO(commit.out.toStdString() << commit.err.toStdString());
        REQUIRE(commit.code == 0);
        CHECK(commit.out.contains(QStringLiteral("Imported: 1 initiatives added, 0 changed.")));
        CHECK(
            scalar(db, QStringLiteral("SELECT a.form_code FROM initiatives i JOIN awards a ON a.id = i.used_for_award_id")).toString()
            == QStringLiteral("CSTDCS"));

        const CliRun again = cli(importArgs(db, list, QStringLiteral("--commit")));
        REQUIRE(again.code == 0);
        CHECK(again.out.contains(QStringLiteral("Rows: 0 new, 0 changed, 1 unchanged, 0 with errors.")));
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM initiative_holders")).toInt() == 1);
    });
}
