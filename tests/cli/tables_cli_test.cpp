// vinhdanh-cli import-table (issue 15): a staff list previewed and committed as a script or a
// clerk at a terminal does it, on SQLite and PostgreSQL.
#include "cli/clioffice.h"
#include "cli/clirunner.h"
#include "core/db/query.h"
#include "core/tables/csvreader.h"
#include "core/tables/peopleimport.h"
#include "core/tables_support.h"
#include "core/text/vntext.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;
using namespace VinhDanh;

namespace {
QStringList importArgs(const QString &db, const QString &input, const QString &mode)
{
    return {QStringLiteral("import-table"), QStringLiteral("--database"), db,  QStringLiteral("--input"), input,
            QStringLiteral("--kind"),       QStringLiteral("people"),     mode};
}

int count(const QString &db, const QString &table)
{
    Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
    return Core::Query(d.sql(), QStringLiteral("SELECT count(*) FROM ") + table).scalar(0).toInt();
}

/// Two good rows and, with `bad`, one with an impossible birth date.
QString staffCsv(const QTemporaryDir &dir, bool bad)
{
    QString text = QStringLiteral("Mã;Họ và tên;Ngày sinh;Đơn vị;Đối tượng;Xếp loại 2024;Xếp loại 2025\n"
                                  "P1;Nguyễn Văn An;;U1;;HTXSNV;HTXSNV\n"
                                  ";Trần Thị Mai;14/02/1992;Sở Nội vụ;Viên chức;Hoàn thành tốt nhiệm vụ;HTXSNV\n");
    if (bad)
        text += QStringLiteral(";Hà Văn Sai;31/02/1990;Sở Nội vụ;Công chức;HTTNV;HTTNV\n");
    const QString path = dir.filePath(bad ? QStringLiteral("loi.csv") : QStringLiteral("tot.csv"));
    Test::writeAll(path, "\xEF\xBB\xBF" + text.toUtf8());
    return path;
}
} // namespace

TEST_CASE("cliImportTablePreview_printsEveryRowInWords_andWritesNothing", "[cli][tables]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend);
        const int people = count(db, QStringLiteral("people"));
        const CliRun r = cli(importArgs(db, staffCsv(dir, true), QStringLiteral("--preview")));
        INFO(r.out.toStdString() << r.err.toStdString());
        CHECK(r.code == 0);
        CHECK(r.out.contains(QStringLiteral("header on row 1")));
        CHECK(r.out.contains(QStringLiteral("Row 2: unchanged, Nguyễn Văn An")));
        CHECK(r.out.contains(QStringLiteral("Row 3: new person, Trần Thị Mai: new person in Sở Nội vụ")));
        CHECK(r.out.contains(QStringLiteral("Row 4: error, Hà Văn Sai: column C (Ngày sinh): \"31/02/1990\" is not a real date")));
        CHECK(r.out.contains(QStringLiteral("Rows: 1 new, 0 changed, 1 unchanged, 1 with errors.")));
        CHECK(r.out.contains(QStringLiteral("nothing was written")));
        CHECK(!QRegularExpression(QStringLiteral("\\b(new|changed|error):")).match(r.out).hasMatch());
        CHECK(count(db, QStringLiteral("people")) == people);
    });
}

TEST_CASE("cliImportTablePreviewInVietnamese_speaksVietnamese_withNoCodesOrEnglishStatusWords", "[cli][tables]")
{
    QTemporaryDir dir;
    const QString db = Test::cliOffice(dir, Core::Backend::Sqlite);
    const CliRun r = Test::cliIn(QStringLiteral("vi"), importArgs(db, staffCsv(dir, true), QStringLiteral("--preview")));
    INFO(r.out.toStdString() << r.err.toStdString());
    REQUIRE(r.code == 0);
    // The file's own path (a temporary folder named after the test program) is not the report.
    QString report = r.out;
    report.remove(QDir::toNativeSeparators(dir.path())).remove(dir.path());
    CHECK(report.contains(QStringLiteral("Hà Văn Sai")));
    // No stored code (vien_chuc, cong_chuc, provincial_agency…) reaches the clerk.
    const QRegularExpressionMatch code = QRegularExpression(QStringLiteral("\\b[a-z]+_[a-z_]+\\b")).match(report);
    CHECK_FALSE(code.hasMatch());
    // Needs the Vietnamese translations of the row report (statusText, "Row %1: …", "Rows: …").
    const QRegularExpressionMatch english =
        QRegularExpression(QStringLiteral("\\b(Row|Rows|new|changed|unchanged|error|person|column|header|nothing)\\b")).match(report);
    CHECK(english.captured() == QString());
}

TEST_CASE("cliImportTableCommitWithAnErrorRow_exitsOne_writesNothing_andSavesTheRejectedRows", "[cli][tables]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend);
        const int people = count(db, QStringLiteral("people"));
        const int ratings = count(db, QStringLiteral("ratings"));
        const QString rejected = dir.filePath(QStringLiteral("bi-loai.csv"));
        const CliRun r = cli(importArgs(db, staffCsv(dir, true), QStringLiteral("--commit"))
                             << QStringLiteral("--rejected") << rejected);
        CHECK(r.code == 1);
        CHECK(r.out.contains(QStringLiteral("Row 4: error"))); // the row report comes first
        CHECK(r.err.trimmed().count(QLatin1Char('\n')) == 0);
        CHECK(r.err.contains(QStringLiteral("nothing was written")));
        CHECK(count(db, QStringLiteral("people")) == people);
        CHECK(count(db, QStringLiteral("ratings")) == ratings);
        const Core::Tables::Sheet back = Core::Tables::CsvReader::read(Test::readAll(rejected));
        REQUIRE(back.rows.size() == 2); // the header and the one refused row
        CHECK(back.rows.at(1).cell(1).text == QStringLiteral("Hà Văn Sai"));
        CHECK(back.rows.at(1).cell(8).text.contains(QStringLiteral("not a real date")));
    });
}

TEST_CASE("cliImportTableCommit_importsTheRows_andTheEligibilityCheckCountsThem", "[cli][tables]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend);
        const CliRun r = cli(importArgs(db, staffCsv(dir, false), QStringLiteral("--commit")));
        INFO(r.out.toStdString() << r.err.toStdString());
        REQUIRE(r.code == 0);
        CHECK(r.out.contains(QStringLiteral("Imported: 1 people added, 0 people changed, 2 ratings set.")));
        const QString key = [&] {
            Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
            return Core::Query(d.sql(), QStringLiteral("SELECT ext_key FROM people WHERE full_name = :n"))
                .bind(QStringLiteral(":n"), QStringLiteral("Trần Thị Mai"))
                .scalar()
                .toString();
        }();
        REQUIRE(!key.isEmpty());
        const CliRun check = cli({QStringLiteral("check"), QStringLiteral("--database"), db, QStringLiteral("--person"), key,
                                  QStringLiteral("--award"), QStringLiteral("BK_TINH"), QStringLiteral("--year"),
                                  QStringLiteral("2025"), QStringLiteral("--format"), QStringLiteral("json")});
        REQUIRE(check.code == 0);
        // HTTNV in 2024, HTXSNV in 2025: one of the two consecutive HTXSNV years.
        CHECK(check.out.contains(QStringLiteral("1/2 consecutive years")));
        // Committing the same file again changes nothing.
        const CliRun again = cli(importArgs(db, staffCsv(dir, false), QStringLiteral("--preview"))
                                 << QStringLiteral("--format") << QStringLiteral("json"));
        REQUIRE(again.code == 0);
        const QJsonObject o = QJsonDocument::fromJson(again.out.toUtf8()).object();
        CHECK(o.value(QStringLiteral("counts")).toObject().value(QStringLiteral("unchanged")).toInt() == 2);
        CHECK(o.value(QStringLiteral("rows")).toArray().at(1).toObject().value(QStringLiteral("status")).toString()
              == QStringLiteral("unchanged"));
    });
}

TEST_CASE("cliImportTable_xlsxWithAHiddenSheet_readsTheVisibleOne_andSaysWhatWasLeftOut", "[cli][tables]")
{
    QTemporaryDir dir;
    const QString db = Test::cliOffice(dir, Core::Backend::Sqlite);
    const QString path = dir.filePath(QStringLiteral("ds.xlsx"));
    {
        Test::XlsxWriter book(path);
        lxw_worksheet *ws = book.sheet(QStringLiteral("Danh sách"));
        book.row(ws, 0,
                 {QStringLiteral("Họ và tên"), QStringLiteral("Ngày sinh"), QStringLiteral("Đơn vị"), QStringLiteral("Đối tượng"),
                  QStringLiteral("Quê quán"), QStringLiteral("Năm"), QStringLiteral("Xếp loại")});
        book.row(ws, 1,
                 {QStringLiteral("Đặng Thu Hà"), QDate(1991, 7, 2), QStringLiteral("Sở Nội vụ"), QStringLiteral("Công chức"),
                  QStringLiteral("Hà Nam"), 2025, QStringLiteral("HTXSNV")});
        lxw_worksheet *hidden = book.sheet(QStringLiteral("Tham số"));
        worksheet_hide(hidden);
    }
    const CliRun r = cli(importArgs(db, path, QStringLiteral("--preview")));
    INFO(r.out.toStdString() << r.err.toStdString());
    CHECK(r.code == 0);
    CHECK(r.out.contains(QStringLiteral("(XLSX), sheet \"Danh sách\"")));
    CHECK(r.out.contains(QStringLiteral("Hidden sheets, not read: Tham số.")));
    CHECK(r.out.contains(QStringLiteral("Columns left out (not recognised): Quê quán.")));
    CHECK(r.out.contains(QStringLiteral("Row 2: new person, Đặng Thu Hà")));
}

TEST_CASE("cliImportTable_hostileFile_exitsOneWithOneLine_andTheDatabaseIsUnchanged", "[cli][tables]")
{
    QTemporaryDir dir;
    const QString db = Test::cliOffice(dir, Core::Backend::Sqlite);
    const QString ole = dir.filePath(QStringLiteral("cu.xls"));
    Test::writeAll(ole, QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(504, '\0'));
    const CliRun r = cli(importArgs(db, ole, QStringLiteral("--commit")));
    CHECK(r.code == 1);
    CHECK(r.out.isEmpty());
    CHECK(r.err.trimmed().count(QLatin1Char('\n')) == 0);
    CHECK(r.err.contains(QStringLiteral("save it as .xlsx")));
    CHECK(count(db, QStringLiteral("people")) == 1);
}

TEST_CASE("cliImportTable_usageMistakes_exitTwoWithOneLine", "[cli][tables][usage]")
{
    QTemporaryDir dir;
    const QString db = Test::cliOffice(dir, Core::Backend::Sqlite);
    const QString input = staffCsv(dir, false);
    const QList<QStringList> mistakes = {
        importArgs(db, input, QStringLiteral("--preview")).mid(0, 7),                     // neither --preview nor --commit
        importArgs(db, input, QStringLiteral("--preview")) << QStringLiteral("--commit"), // both
        {QStringLiteral("import-table"), QStringLiteral("--database"), db, QStringLiteral("--input"), input, QStringLiteral("--kind"),
         QStringLiteral("medals"), QStringLiteral("--preview")}, // a kind there is not
        importArgs(db, input, QStringLiteral("--preview")) << QStringLiteral("--format") << QStringLiteral("xml"),
    };
    for (const QStringList &args : mistakes) {
        const CliRun r = cli(args);
        INFO(args.join(QLatin1Char(' ')).toStdString() << " → " << r.err.toStdString());
        CHECK(r.code == 2);
        CHECK(r.err.startsWith(QStringLiteral("vinhdanh-cli import-table: ")));
        CHECK(r.err.trimmed().count(QLatin1Char('\n')) == 0);
        CHECK(r.out.isEmpty());
    }
    CHECK(count(db, QStringLiteral("people")) == 1);
}
