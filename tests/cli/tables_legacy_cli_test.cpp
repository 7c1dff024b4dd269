// vinhdanh-cli import-table with a staff list whose names were typed in TCVN3 (issue 15 item 4
// and its "done when"): the names arrive in Unicode, the preview says which column was
// converted and how sure the guess is, and --encoding overrides the guess.
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
/// An office's list from the .VnTime years: Vietnamese headers in Unicode (retyped since), a
/// title and the names still in TCVN3 as Excel shows them, five years of ratings.
QString tcvn3StaffList(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("ds-can-bo-cu.xlsx"));
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("Danh sách"));
    book.row(ws, 0, {QStringLiteral("DANH S¸CH C¸N Bé Vµ KÕT QU¶ XÕP LO¹I 2021 - 2025")});
    book.row(ws, 1, {QStringLiteral("STT"), QStringLiteral("Họ và tên"), QStringLiteral("Ngày sinh"), QStringLiteral("Đơn vị"),
                     QStringLiteral("Đối tượng"), QStringLiteral("Xếp loại 2021"), QStringLiteral("Xếp loại 2022"),
                     QStringLiteral("Xếp loại 2023"), QStringLiteral("Xếp loại 2024"), QStringLiteral("Xếp loại 2025")});
    const QString xs = QStringLiteral("HTXSNV");
    book.row(ws, 2, {1, QStringLiteral("NguyÔn ThÞ Hoa"), QDate(1985, 3, 8), QStringLiteral("Sở Nội vụ"), QStringLiteral("Công chức"),
                     QStringLiteral("HTTNV"), xs, xs, xs, xs});
    book.row(ws, 3, {2, QStringLiteral("TrÇn V¨n Tïng"), QStringLiteral("12/11/1979"), QStringLiteral("U1"), QStringLiteral("Công chức"),
                     xs, xs, xs, QStringLiteral("HTTNV"), xs});
    book.row(ws, 4, {3, QStringLiteral("Lª ThÞ H\u00AD\u00ACng"), QDate(1990, 6, 1), QStringLiteral("Sở Nội vụ"),
                     QStringLiteral("Viên chức"), xs, xs, xs, xs, QStringLiteral("Hoàn thành tốt nhiệm vụ")});
    book.close();
    return path;
}

QStringList importArgs(const QString &db, const QString &input, const QString &mode)
{
    return {QStringLiteral("import-table"), QStringLiteral("--database"), db, QStringLiteral("--input"), input,
            QStringLiteral("--kind"), QStringLiteral("people"), mode};
}

QJsonObject encodingOf(const QJsonObject &report, const QString &column)
{
    for (const QJsonValue &v : report.value(QStringLiteral("encodings")).toArray())
        if (v.toObject().value(QStringLiteral("column")).toString() == column)
            return v.toObject();
    return {};
}
} // namespace

TEST_CASE("tcvn3StaffList_importsNamesInUnicode_andCountsTheirRatings", "[cli][tables][legacy]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend);
        const QString list = tcvn3StaffList(dir);

        const CliRun text = cli(importArgs(db, list, QStringLiteral("--preview")));
        INFO(text.out.toStdString() << text.err.toStdString());
        REQUIRE(text.code == 0);
        CHECK(text.out.contains(QStringLiteral("Column B \"Họ và tên\": TCVN3 (ABC), confidence 75%; 3 cells converted to Unicode.")));
        CHECK(text.out.contains(QStringLiteral("Row 3: new person, Nguyễn Thị Hoa")));
        CHECK(text.out.contains(QStringLiteral("Row 5: new person, Lê Thị Hương")));

        const CliRun json = cli(importArgs(db, list, QStringLiteral("--preview")) << QStringLiteral("--format") << QStringLiteral("json"));
        REQUIRE(json.code == 0);
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonObject names = encodingOf(report, QStringLiteral("B"));
        CHECK(names.value(QStringLiteral("header")).toString() == QStringLiteral("Họ và tên"));
        CHECK(names.value(QStringLiteral("encoding")).toString() == QStringLiteral("tcvn3"));
        CHECK(names.value(QStringLiteral("confidence")).toInt() == 75); // the header "Họ và tên" is Unicode
        CHECK(names.value(QStringLiteral("chosen")).toBool() == false);
        CHECK(names.value(QStringLiteral("converted")).toInt() == 3);
        // The title in column A is TCVN3 too; the units and categories are Unicode.
        CHECK(encodingOf(report, QStringLiteral("A")).value(QStringLiteral("encoding")).toString() == QStringLiteral("tcvn3"));
        CHECK(encodingOf(report, QStringLiteral("D")).value(QStringLiteral("encoding")).toString() == QStringLiteral("unicode"));
        CHECK(report.value(QStringLiteral("rows")).toArray().at(1).toObject().value(QStringLiteral("name")).toString()
              == QStringLiteral("Trần Văn Tùng"));

        const CliRun commit = cli(importArgs(db, list, QStringLiteral("--commit")));
        INFO(commit.out.toStdString() << commit.err.toStdString());
        REQUIRE(commit.code == 0);
        CHECK(commit.out.contains(QStringLiteral("Imported: 3 people added, 0 people changed, 15 ratings set.")));
        QString key;
        {
            Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
            key = Core::Query(d.sql(), QStringLiteral("SELECT ext_key FROM people WHERE full_name = :n"))
                      .bind(QStringLiteral(":n"), QStringLiteral("Nguyễn Thị Hoa"))
                      .scalar()
                      .toString();
            CHECK(Core::Query(d.sql(), QStringLiteral("SELECT count(*) FROM people WHERE full_name IN ('Trần Văn Tùng', 'Lê Thị Hương')"))
                      .scalar(0)
                      .toInt()
                  == 2);
        }
        REQUIRE(!key.isEmpty());
        const CliRun check = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"), key,
                                  QStringLiteral("--award"), QStringLiteral("BK_TINH"), QStringLiteral("--year"),
                                  QStringLiteral("2025"), QStringLiteral("--format"), QStringLiteral("json")});
        REQUIRE(check.code == 0);
        CHECK(check.out.contains(QStringLiteral("2/2 consecutive years")));
    });
}

TEST_CASE("encodingOverride_winsOverTheGuess_onTheCommandLine", "[cli][tables][legacy]")
{
    QTemporaryDir dir;
    const QString db = Test::cliOffice(dir, Core::Backend::Sqlite);
    const QString list = tcvn3StaffList(dir);
    auto preview = [&](const QStringList &more) {
        return cli(importArgs(db, list, QStringLiteral("--preview")) << QStringLiteral("--format") << QStringLiteral("json") << more);
    };
    // The clerk says the names are Unicode after all: they stay as written.
    const CliRun kept = preview({QStringLiteral("--encoding"), QStringLiteral("Họ và tên=unicode")});
    REQUIRE(kept.code == 0);
    const QJsonObject k = QJsonDocument::fromJson(kept.out.toUtf8()).object();
    CHECK(encodingOf(k, QStringLiteral("B")).value(QStringLiteral("chosen")).toBool());
    CHECK(encodingOf(k, QStringLiteral("B")).value(QStringLiteral("encoding")).toString() == QStringLiteral("unicode"));
    CHECK(k.value(QStringLiteral("rows")).toArray().at(0).toObject().value(QStringLiteral("name")).toString()
          == QStringLiteral("NguyÔn ThÞ Hoa"));
    // By number, repeated for two columns, in the text report.
    const CliRun numbered = cli(importArgs(db, list, QStringLiteral("--preview"))
                                << QStringLiteral("--encoding") << QStringLiteral("2=tcvn3") << QStringLiteral("--encoding")
                                << QStringLiteral("1=unicode"));
    INFO(numbered.out.toStdString() << numbered.err.toStdString());
    REQUIRE(numbered.code == 0);
    CHECK(numbered.out.contains(QStringLiteral("Column B \"Họ và tên\": TCVN3 (ABC), as chosen; 3 cells converted to Unicode.")));
    CHECK(numbered.out.contains(QStringLiteral("Column A \"STT\": Unicode, as chosen; 0 cells converted to Unicode.")));
    CHECK(numbered.out.contains(QStringLiteral("Row 3: new person, Nguyễn Thị Hoa")));

    // An unknown encoding is a usage mistake; a column the sheet lacks is an error; one line each.
    const CliRun usage = preview({QStringLiteral("--encoding"), QStringLiteral("Họ và tên=koi8")});
    CHECK(usage.code == 2);
    CHECK(usage.err.contains(QStringLiteral("--encoding takes COLUMN=ENCODING")));
    const CliRun missing = preview({QStringLiteral("--encoding"), QStringLiteral("Quê quán=vni")});
    CHECK(missing.code == 1);
    CHECK(missing.err.trimmed().count(QLatin1Char('\n')) == 0);
    CHECK(missing.err.contains(QStringLiteral("No column headed \"Quê quán\"")));
}
