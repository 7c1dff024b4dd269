// Certificates on pre-printed blanks through vinhdanh-cli: a decision's certificates and a
// reprint of one, the test grid, a printer's calibration kept on this computer (an XDG config
// folder of the test's own, so no clerk's settings are touched) and the office's layout.
#include "cli/clirunner.h"
#include "documents/pdftools.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;
namespace Pdf = VinhDanh::Test::Pdf;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/// A small demo province (its award season issues one decision of Bằng khen); the decision.
QJsonObject demoDecision(const QString &db)
{
    REQUIRE(cli({s("init"), s("--database"), db}).code == 0);
    const CliRun demo = cli({s("demo"), s("--database"), db, s("--units"), s("15"), s("--people"), s("60")});
    INFO(demo.err.toStdString());
    REQUIRE(demo.code == 0);
    const CliRun list = cli({s("decisions"), s("--database"), db, s("--format"), s("json")});
    REQUIRE(list.code == 0);
    const QJsonArray decisions = QJsonDocument::fromJson(list.out.toUtf8()).array();
    REQUIRE(decisions.size() == 1);
    return decisions.at(0).toObject();
}

int bangKhenCount(const QJsonObject &decision)
{
    int n = 0;
    for (const QJsonValue &a : decision.value(s("awardees")).toArray())
        n += a.toObject().value(s("award")).toString().startsWith(s("BK_")) ? 1 : 0;
    return n;
}
} // namespace

TEST_CASE("cliPrintCertificates_onePagePerBangKhenOfTheDecision_orOneForAReprint_pdfOnly", "[cli][certificates]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(s("office.sqlite"));
    const QJsonObject decision = demoDecision(db);
    const QString key = decision.value(s("key")).toString();
    const int expected = bangKhenCount(decision);
    REQUIRE(expected >= 1);

    const QString all = dir.filePath(s("bang-khen.pdf"));
    const CliRun printed = cli(
        {s("print"), s("--database"), db, s("--document"), s("phoi-bang-khen"), s("--id"), key, s("--output"), all});
    INFO(printed.err.toStdString());
    REQUIRE(printed.code == 0);
    CHECK(Pdf::pages(all) == expected);
    // The demo office has a People's Committee letterhead: its place and its head's title.
    const QString text = Pdf::text(all, 1);
    CHECK(text.contains(s("Bắc Định, ngày")));
    CHECK(text.contains(s("KT. CHỦ TỊCH")));
    CHECK(text.contains(decision.value(s("number")).toString()));

    const QString one = dir.filePath(s("mot.pdf"));
    REQUIRE(
        cli({s("print"), s("--database"), db, s("--document"), s("phoi-bang-khen"), s("--id"), key + s("/1"), s("--output"), one}).code
        == 0);
    CHECK(Pdf::pages(one) == 1);

    // Not a PDF, a number past the list, a draft-free decision with no Giấy khen: refused, no file.
    const QString odt = dir.filePath(s("bang-khen.odt"));
    const CliRun badFormat = cli(
        {s("print"), s("--database"), db, s("--document"), s("phoi-bang-khen"), s("--id"), key, s("--output"), odt});
    CHECK(badFormat.code == 2);
    CHECK(badFormat.err.contains(s(".pdf")));
    CHECK_FALSE(QFile::exists(odt));
    const QString none = dir.filePath(s("none.pdf"));
    const CliRun past = cli(
        {s("print"), s("--database"), db, s("--document"), s("phoi-bang-khen"), s("--id"), key + s("/99"), s("--output"), none});
    CHECK(past.code == 1);
    CHECK(past.err.contains(s("Number 99")));
    const CliRun giayKhen = cli(
        {s("print"), s("--database"), db, s("--document"), s("phoi-giay-khen"), s("--id"), key, s("--output"), none});
    CHECK(giayKhen.code == 1);
    CHECK(giayKhen.err.contains(s("awards nothing printed")));
    CHECK_FALSE(QFile::exists(none));
}

TEST_CASE("cliCalibrate_fromWhatTheGridMeasured_isKeptPerPrinter_andMovesWhatThatPrinterPrints", "[cli][certificates]")
{
    QTemporaryDir dir;
    const QMap<QString, QString> env{{s("XDG_CONFIG_HOME"), dir.filePath(s("config"))}};
    const QString db = dir.filePath(s("office.sqlite"));
    demoDecision(db);

    const CliRun fresh = cli({s("calibrate"), s("--printer"), s("Máy in tầng 2")}, env);
    REQUIRE(fresh.code == 0);
    CHECK(fresh.out.contains(s("0 mm across, 0 mm down")));
    // The grid came out with its cross 22 mm from the left and 19,5 mm from the top.
    const CliRun measured = cli(
        {s("calibrate"), s("--printer"), s("Máy in tầng 2"), s("--measured-left"), s("22"), s("--measured-top"), s("19,5")}, env);
    INFO(measured.err.toStdString());
    REQUIRE(measured.code == 0);
    CHECK(measured.out.contains(s("-2 mm across, 0.5 mm down")));
    CHECK(cli({s("calibrate"), s("--printer"), s("Máy in tầng 2")}, env).out.contains(s("-2 mm across, 0.5 mm down")));
    CHECK(cli({s("calibrate"), s("--printer"), s("Máy khác")}, env).out.contains(s("0 mm across, 0 mm down")));
    CHECK(cli({s("calibrate"), s("--printer"), s("X"), s("--offset-x"), s("80")}, env).code == 2);

    const QString plain = dir.filePath(s("grid.pdf"));
    const QString moved = dir.filePath(s("grid-moved.pdf"));
    REQUIRE(
        cli({s("print"), s("--database"), db, s("--document"), s("luoi-can-chinh"), s("--id"), s("bang-khen"), s("--output"), plain},
            env)
            .code
        == 0);
    REQUIRE(cli({s("print"), s("--database"), db, s("--document"), s("luoi-can-chinh"), s("--id"), s("bang-khen"), s("--output"),
                 moved, s("--printer"), s("Máy in tầng 2")},
                env)
                .code
            == 0);
    const Pdf::Word a = Pdf::word(plain, s("100"));
    const Pdf::Word b = Pdf::word(moved, s("100"));
    REQUIRE(a.page == 1);
    REQUIRE(b.page == 1);
    CHECK(b.left - a.left == Approx(-2).margin(0.2));
    CHECK(b.top - a.top == Approx(0.5).margin(0.2));
    CHECK(cli({s("print"), s("--database"), db, s("--document"), s("luoi-can-chinh"), s("--id"), s("bang-to"), s("--output"), plain},
              env)
              .code
          == 1);
}

TEST_CASE("cliCertificateLayout_exportsImportsAndResets_andRefusesABadFileKeepingTheLayout", "[cli][certificates]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(s("office.sqlite"));
    demoDecision(db);
    const QString file = dir.filePath(s("bang-khen.json"));
    const CliRun exported = cli({s("certificate-layout"), s("--database"), db, s("--type"), s("bang-khen"), s("--export"), file});
    REQUIRE(exported.code == 0);
    CHECK(exported.out.contains(s("the shipped layout")));

    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadOnly));
    QJsonObject layout = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QJsonArray fields = layout.value(s("fields")).toArray();
    QJsonObject first = fields.at(0).toObject();
    first.insert(s("y"), 125);
    fields.replace(0, first);
    layout.insert(s("fields"), fields);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(layout).toJson());
    f.close();
    const CliRun imported = cli({s("certificate-layout"), s("--database"), db, s("--type"), s("bang-khen"), s("--import"), file});
    INFO(imported.err.toStdString());
    REQUIRE(imported.code == 0);
    CHECK(imported.out.contains(s("the office's own layout")));

    const QString bad = dir.filePath(s("bad.json"));
    QFile b(bad);
    REQUIRE(b.open(QIODevice::WriteOnly));
    b.write(R"({"type": "bang-khen", "paper": {"width": 400, "height": 300}, "fields": [{"field": "recipient", "x": 10, "y": 10}]})");
    b.close();
    const CliRun refused = cli({s("certificate-layout"), s("--database"), db, s("--type"), s("bang-khen"), s("--import"), bad});
    CHECK(refused.code == 1);
    CHECK(refused.err.contains(s("fields[0].width is missing")));
    CHECK(cli({s("certificate-layout"), s("--database"), db, s("--type"), s("bang-khen")}).out.contains(s("the office's own layout")));

    const CliRun reset = cli({s("certificate-layout"), s("--database"), db, s("--type"), s("bang-khen"), s("--reset")});
    REQUIRE(reset.code == 0);
    CHECK(reset.out.contains(s("the shipped layout")));
}

TEST_CASE("cliPrintCertificates_givesGoldBookNumbersOnFirstPrint_andAReprintKeepsThem", "[cli][certificates]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(s("office.sqlite"));
    const QJsonObject decision = demoDecision(db);
    const QString key = decision.value(s("key")).toString();
    REQUIRE(bangKhenCount(decision) >= 2);

    // A PDF that cannot be written gives no number: the first real print still starts at 1.
    const QString nowhere = dir.filePath(s("missing-folder/bang-khen.pdf"));
    const CliRun failed = cli(
        {s("print"), s("--database"), db, s("--document"), s("phoi-bang-khen"), s("--id"), key + s("/2"), s("--output"), nowhere});
    CHECK(failed.code == 1);

    // The second of the list is printed alone first: number 1 of the decision's year.
    const QString second = dir.filePath(s("second.pdf"));
    const CliRun one = cli(
        {s("print"), s("--database"), db, s("--document"), s("phoi-bang-khen"), s("--id"), key + s("/2"), s("--output"), second});
    INFO(one.err.toStdString());
    REQUIRE(one.code == 0);
    CHECK(one.out.contains(s("no. 2 of the list: 1")));
    CHECK(Pdf::text(second).contains(s("Số sổ vàng: 1")));

    // The whole list: the first gets the next number, the second keeps its own; again, the same.
    for (const char *name : {"all.pdf", "again.pdf"}) {
        const QString all = dir.filePath(s(name));
        const CliRun printed = cli(
            {s("print"), s("--database"), db, s("--document"), s("phoi-bang-khen"), s("--id"), key, s("--output"), all});
        REQUIRE(printed.code == 0);
        CHECK(printed.out.contains(s("no. 1 of the list: 2; no. 2 of the list: 1")));
        CHECK(Pdf::text(all, 1).contains(s("Số sổ vàng: 2")));
        CHECK(Pdf::text(all, 2).contains(s("Số sổ vàng: 1")));
    }
}
