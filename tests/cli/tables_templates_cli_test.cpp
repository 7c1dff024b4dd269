// vinhdanh-cli template and import-table --rejected FILE.xlsx (issue 15 items 2, 3, 7): the
// template a script hands out, with or without the database's units, read back by the import;
// the rejected rows as a workbook. Both backends.
#include "cli/clioffice.h"
#include "cli/clirunner.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/tablefile.h"
#include "core/tables/xlsxreader.h"
#include "core/tables_support.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;
using namespace VinhDanh;
using namespace VinhDanh::Core::Tables;

namespace {
/// The values of the hidden "Danh mục" sheet's column headed `title`.
QStringList listValues(const QString &path, const QString &title)
{
    const Sheet lists = XlsxWorkbook(Test::readAll(path)).read(QStringLiteral("Danh mục"));
    QStringList out;
    for (int c = 0; c < lists.rows.first().cells.size(); ++c) {
        if (lists.rows.first().cell(c).text != title)
            continue;
        for (int r = 1; r < lists.rows.size(); ++r)
            if (!lists.rows.at(r).cell(c).isEmpty())
                out << lists.rows.at(r).cell(c).text;
    }
    return out;
}
} // namespace

TEST_CASE("templateCommand_writesAWorkbookTheImportMaps_withTheDatabasesUnitsOnlyWhenGivenOne", "[cli][tables][templates]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend);
        const QString withDb = dir.filePath(QStringLiteral("mau-can-bo.xlsx"));
        const CliRun run = cli({QStringLiteral("template"), QStringLiteral("--kind"), QStringLiteral("people"),
                                QStringLiteral("--output"), withDb, QStringLiteral("--database"), db});
        INFO(run.out.toStdString() << run.err.toStdString());
        REQUIRE(run.code == 0);
        CHECK(run.out.contains(QStringLiteral("Template written")));
        CHECK(listValues(withDb, QStringLiteral("Đơn vị")) == QStringList{QStringLiteral("Sở Nội vụ")});
        const PeopleMapping m = mapPeople(readFile(withDb).sheet);
        CHECK(m.unrecognised.isEmpty());
        CHECK(m.columnOf(Field::Unit) >= 0);

        // The empty template previews as no rows: its example lives on the guide sheet.
        const CliRun preview = cli({QStringLiteral("import-table"), QStringLiteral("--database"), db, QStringLiteral("--input"),
                                    withDb, QStringLiteral("--kind"), QStringLiteral("people"), QStringLiteral("--preview")});
        INFO(preview.out.toStdString() << preview.err.toStdString());
        CHECK(preview.code == 0);
        CHECK(preview.out.contains(QStringLiteral("Rows: 0 new, 0 changed, 0 unchanged, 0 with errors.")));
    });

    QTemporaryDir dir;
    const QString bare = dir.filePath(QStringLiteral("mau-don-vi.xlsx"));
    const CliRun run = cli(
        {QStringLiteral("template"), QStringLiteral("--kind"), QStringLiteral("units"), QStringLiteral("--output"), bare});
    INFO(run.out.toStdString() << run.err.toStdString());
    REQUIRE(run.code == 0);
    CHECK(listValues(bare, QStringLiteral("Đơn vị")).isEmpty());
    CHECK(listValues(bare, QStringLiteral("Loại hình")).size() == 7);

    // Without a database the award forms come from the built-in catalogue.
    const QString awards = dir.filePath(QStringLiteral("mau-khen-thuong.xlsx"));
    const CliRun award = cli(
        {QStringLiteral("template"), QStringLiteral("--kind"), QStringLiteral("awards"), QStringLiteral("--output"), awards});
    REQUIRE(award.code == 0);
    CHECK(listValues(awards, QStringLiteral("Hình thức khen thưởng")).contains(QStringLiteral("Chiến sĩ thi đua cơ sở")));
}

TEST_CASE("templateCommand_refusesAnUnknownKindOrANonXlsxOutput_andWritesNothing", "[cli][tables][templates]")
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("mau.xlsx"));
    const CliRun kind = cli(
        {QStringLiteral("template"), QStringLiteral("--kind"), QStringLiteral("cars"), QStringLiteral("--output"), out});
    CHECK(kind.code == 2);
    CHECK(kind.err.contains(QStringLiteral("--kind must be one of people, units")));
    const CliRun csv = cli({QStringLiteral("template"), QStringLiteral("--kind"), QStringLiteral("people"), QStringLiteral("--output"),
                            dir.filePath(QStringLiteral("mau.csv"))});
    CHECK(csv.code == 2);
    CHECK(csv.err.contains(QStringLiteral("--output must name an .xlsx file")));
    CHECK(QDir(dir.path()).isEmpty());
}

TEST_CASE("importTable_rejectedXlsx_holdsTheRefusedRowsWithRowNumberAndReason_formulasAsText", "[cli][tables][rejected]")
{
    QTemporaryDir dir;
    const QString db = Test::cliOffice(dir, Core::Backend::Sqlite);
    const QString input = dir.filePath(QStringLiteral("ds.csv"));
    {
        QFile f(input);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("Họ và tên;Đơn vị;Đối tượng;Ngày sinh\n"
                "Trần Văn Được;Sở Nội vụ;Công chức;01/01/1980\n"
                "=1+1;Sở Nội vụ;Công chức;31/02/1990\n");
    }
    const QString rejected = dir.filePath(QStringLiteral("loi.xlsx"));
    const CliRun run = cli({QStringLiteral("import-table"), QStringLiteral("--database"), db, QStringLiteral("--input"), input,
                            QStringLiteral("--kind"), QStringLiteral("people"), QStringLiteral("--preview"),
                            QStringLiteral("--rejected"), rejected});
    INFO(run.out.toStdString() << run.err.toStdString());
    REQUIRE(run.code == 0);
    const Sheet back = XlsxWorkbook(Test::readAll(rejected)).read();
    REQUIRE(back.rows.size() == 2);
    CHECK(back.rows.at(0).cell(0).text == QStringLiteral("Row"));
    CHECK(back.rows.at(0).cell(5).text == QStringLiteral("Reason"));
    CHECK(back.rows.at(1).cell(0).text == QStringLiteral("3"));
    CHECK(back.rows.at(1).cell(1).kind == Cell::Kind::Text);
    CHECK(back.rows.at(1).cell(1).text == QStringLiteral("=1+1"));
    CHECK(back.rows.at(1).cell(5).text.contains(QStringLiteral("not a real date")));
}
