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
    book.row(ws, 1,
             {QStringLiteral("STT"), QStringLiteral("Họ và tên"), QStringLiteral("Ngày sinh"), QStringLiteral("Đơn vị"),
              QStringLiteral("Đối tượng"), QStringLiteral("Xếp loại 2021"), QStringLiteral("Xếp loại 2022"),
              QStringLiteral("Xếp loại 2023"), QStringLiteral("Xếp loại 2024"), QStringLiteral("Xếp loại 2025")});
    const QString xs = QStringLiteral("HTXSNV");
    book.row(ws, 2,
             {1, QStringLiteral("NguyÔn ThÞ Hoa"), QDate(1985, 3, 8), QStringLiteral("Sở Nội vụ"), QStringLiteral("Công chức"),
              QStringLiteral("HTTNV"), xs, xs, xs, xs});
    book.row(ws, 3,
             {2, QStringLiteral("TrÇn V¨n Tïng"), QStringLiteral("12/11/1979"), QStringLiteral("U1"), QStringLiteral("Công chức"), xs,
              xs, xs, QStringLiteral("HTTNV"), xs});
    book.row(ws, 4,
             {3, QStringLiteral("Lª ThÞ H\u00AD\u00ACng"), QDate(1990, 6, 1), QStringLiteral("Sở Nội vụ"), QStringLiteral("Viên chức"),
              xs, xs, xs, xs, QStringLiteral("Hoàn thành tốt nhiệm vụ")});
    book.close();
    return path;
}

QStringList importArgs(const QString &db, const QString &input, const QString &mode)
{
    return {QStringLiteral("import-table"), QStringLiteral("--database"), db,  QStringLiteral("--input"), input,
            QStringLiteral("--kind"),       QStringLiteral("people"),     mode};
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

        const CliRun json = cli(importArgs(db, list, QStringLiteral("--preview"))
                                << QStringLiteral("--format") << QStringLiteral("json"));
        REQUIRE(json.code == 0);
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonObject names = encodingOf(report, QStringLiteral("B"));
        CHECK(names.value(QStringLiteral("header")).toString() == QStringLiteral("Họ và tên"));
        CHECK(names.value(QStringLiteral("encoding")).toString() == QStringLiteral("tcvn3"));
        CHECK(names.value(QStringLiteral("confidence")).toInt() == 75); // the header "Họ và tên" is Unicode
        CHECK(names.value(QStringLiteral("chosen")).toBool() == false);
        CHECK(names.value(QStringLiteral("converted")).toInt() == 3);
        // The title above the header (TCVN3 too) is guessed on its own, apart from the table's
        // column A ("STT" and numbers); the units and categories are Unicode.
        CHECK(encodingOf(report, QStringLiteral("A")).value(QStringLiteral("encoding")).toString() == QStringLiteral("unicode"));
        CHECK(encodingOf(report, QStringLiteral("A")).value(QStringLiteral("converted")).toInt() == 0);
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
            CHECK(Core::Query(d.sql(),
                              QStringLiteral("SELECT count(*) FROM people WHERE full_name IN ('Trần Văn Tùng', 'Lê Thị Hương')"))
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

namespace {
/// The "done when" of issue 15 in one workbook: the office's staff list for 2021-2025 with
/// the yearly ratings and titles side by side, an older award in "Hình thức khen thưởng" /
/// "Năm", names still in TCVN3, and one column headed as nobody's template does ("ĐG 2025").
QString staffWithTitles(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("ds-can-bo-2021-2025.xlsx"));
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("Cán bộ"));
    book.row(ws, 0, {QStringLiteral("DANH S¸CH C¸N Bé, XÕP LO¹I Vµ DANH HIÖU THI §UA 2021 - 2025")});
    QVariantList header = {QStringLiteral("STT"),    QStringLiteral("Họ và tên"), QStringLiteral("Ngày sinh"),
                           QStringLiteral("Đơn vị"), QStringLiteral("Chức vụ"),   QStringLiteral("Đối tượng")};
    for (int y = 2021; y <= 2024; ++y)
        header << QStringLiteral("Xếp loại %1").arg(y);
    header << QStringLiteral("ĐG 2025");
    for (int y = 2021; y <= 2025; ++y)
        header << QStringLiteral("Danh hiệu %1").arg(y);
    header << QStringLiteral("Hình thức khen thưởng") << QStringLiteral("Năm") << QStringLiteral("Số QĐ");
    book.row(ws, 2, header);
    const QString xs = QStringLiteral("HTXSNV"), tot = QStringLiteral("HTTNV"), cs = QStringLiteral("CSTĐCS"),
                  tt = QStringLiteral("LĐTT");
    book.row(ws, 3,
             {1, QStringLiteral("NguyÔn ThÞ Hoa"), QDate(1985, 3, 8), QStringLiteral("Sở Nội vụ"), QStringLiteral("Chuyên viên"),
              QStringLiteral("Công chức"), xs, xs, xs, xs, xs, cs, tt, cs, tt, cs, QStringLiteral("BK UBND tỉnh"), 2020,
              QStringLiteral("123/QĐ-UBND")});
    book.row(ws, 4,
             {2, QStringLiteral("TrÇn V¨n Tïng"), QStringLiteral("12/11/1979"), QStringLiteral("Sở Nội vụ"),
              QStringLiteral("Phó Chánh Văn phòng"), QStringLiteral("Công chức"), tot, tot, xs, tot, tot, tt, tt, tt, tt, tt});
    book.close();
    return path;
}

QString keyOf(const QString &db, const QString &name)
{
    Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
    return Core::Query(d.sql(), QStringLiteral("SELECT ext_key FROM people WHERE full_name = :n"))
        .bind(QStringLiteral(":n"), name)
        .scalar()
        .toString();
}
} // namespace

TEST_CASE("staffListWithFiveYearsOfRatingsAndTitles_mappedPreviewedCommitted_thenEligibilityCountsThoseYears",
          "[cli][tables][legacy][donewhen]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend);
        const QString list = staffWithTitles(dir);
        // The clerk's mapping: "ĐG 2025" is the 2025 rating; the award's "Năm" is not a rating
        // year (without it the staff import leaves that "Năm" out itself, beside per-year ratings).
        const QString mapping = dir.filePath(QStringLiteral("anh-xa.json"));
        Test::writeAll(mapping, QStringLiteral(R"({"ĐG 2025": "rating:2025", "Năm": "ignore"})").toUtf8());
        auto people = [&](const QString &mode) { return cli(importArgs(db, list, mode) << QStringLiteral("--mapping") << mapping); };
        auto awards = [&](const QString &mode) {
            return cli({QStringLiteral("import-table"), QStringLiteral("--database"), db, QStringLiteral("--input"), list,
                        QStringLiteral("--kind"), QStringLiteral("awards"), mode});
        };

        const CliRun unmapped = cli(importArgs(db, list, QStringLiteral("--preview")));
        // Unmapped, the sheet is still read: the award's "Năm" and "ĐG 2025" are left out.
        CHECK(unmapped.code == 0);
        CHECK(unmapped.out.contains(QStringLiteral("Columns left out (not recognised): ĐG 2025, ")));
        CHECK(unmapped.out.contains(QStringLiteral(", Số QĐ, Năm.")));
        CHECK_FALSE(unmapped.out.contains(QStringLiteral("rating of 2025")));
        const CliRun preview = people(QStringLiteral("--preview"));
        INFO(preview.out.toStdString() << preview.err.toStdString());
        REQUIRE(preview.code == 0);
        CHECK(preview.out.contains(QStringLiteral("header on row 3")));
        CHECK(preview.out.contains(QStringLiteral("TCVN3 (ABC)")));
        CHECK(preview.out.contains(QStringLiteral("Row 4: new person, Nguyễn Thị Hoa")));
        CHECK(preview.out.contains(QStringLiteral("rating of 2025: HTXSNV")));
        CHECK(preview.out.contains(QStringLiteral("Preview only: nothing was written.")));
        CHECK(keyOf(db, QStringLiteral("Nguyễn Thị Hoa")).isEmpty());

        const CliRun committed = people(QStringLiteral("--commit"));
        INFO(committed.out.toStdString() << committed.err.toStdString());
        REQUIRE(committed.code == 0);
        CHECK(committed.out.contains(QStringLiteral("Imported: 2 people added, 0 people changed, 10 ratings set.")));

        // The same workbook as the award list: the titles by year and the older Bằng khen,
        // found by the names (converted from TCVN3 again) and birth dates.
        const CliRun awardPreview = awards(QStringLiteral("--preview"));
        INFO(awardPreview.out.toStdString() << awardPreview.err.toStdString());
        REQUIRE(awardPreview.code == 0);
        CHECK(awardPreview.out.contains(QStringLiteral("Row 4: new award, Nguyễn Thị Hoa: new award: Bằng khen của Chủ tịch Ủy ban "
                                                       "nhân dân tỉnh, 2020; new award: Chiến sĩ thi đua cơ sở, 2021")));
        CHECK(awardPreview.out.contains(QStringLiteral("Rows: 2 new, 0 changed, 0 unchanged, 0 with errors.")));
        const CliRun awardCommit = awards(QStringLiteral("--commit"));
        REQUIRE(awardCommit.code == 0);
        CHECK(awardCommit.out.contains(QStringLiteral("Imported: 11 awards added, 0 awards changed.")));

        // The eligibility of the Prime Minister's Bằng khen counts the five imported years
        // after the imported Bằng khen, and the three CSTĐCS among them.
        const QString hoa = keyOf(db, QStringLiteral("Nguyễn Thị Hoa"));
        REQUIRE(!hoa.isEmpty());
        const CliRun check = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"), hoa,
                                  QStringLiteral("--award"), QStringLiteral("BK_TTG"), QStringLiteral("--year"),
                                  QStringLiteral("2025")});
        INFO(check.out.toStdString() << check.err.toStdString());
        REQUIRE(check.code == 0);
        CHECK(check.out.contains(QStringLiteral("[met] sau-bk-tinh")));
        CHECK(check.out.contains(QStringLiteral("5/5 years after Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh 2020")));
        CHECK(check.out.contains(QStringLiteral("[met] cstdcs-3-lan")));
        CHECK(check.out.contains(QStringLiteral("(3/3 times)")));
        // Her colleague, with no Bằng khen in the list, is counted from nothing.
        const CliRun tung = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"),
                                 keyOf(db, QStringLiteral("Trần Văn Tùng")), QStringLiteral("--award"), QStringLiteral("BK_TTG"),
                                 QStringLiteral("--year"), QStringLiteral("2025")});
        CHECK(tung.out.contains(QStringLiteral("[not met] sau-bk-tinh")));
    });
}
