// vinhdanh-cli import-table --kind units (issue 15 item 1): the preview in words and as JSON
// codes, the refusal of a list with an error row (nothing written, the rejected rows saved),
// then the commit with parents written before the units under them. Both backends.
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
/// Two units under a Sở listed below them, a commune with a kind nobody has (with `bad`), and a
/// name in TCVN3 (.VnTime).
QString unitList(const QTemporaryDir &dir, bool bad)
{
    const QString path = dir.filePath(QStringLiteral("don-vi.xlsx"));
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("Đơn vị"));
    book.row(ws, 0,
             {QStringLiteral("Mã đơn vị"), QStringLiteral("Tên đơn vị"), QStringLiteral("Trực thuộc"), QStringLiteral("Loại hình"),
              QStringLiteral("Ngày thành lập")});
    book.row(ws, 1, {QStringLiteral("PKH"), QStringLiteral("Phßng KÕ ho¹ch"), QStringLiteral("SGD"), QStringLiteral("Phòng ban")});
    book.row(ws, 2,
             {QStringLiteral("PTC"), QStringLiteral("Phßng Tæ chøc c¸n bé"), QStringLiteral("Sở Giáo dục và Đào tạo"),
              QStringLiteral("Phòng ban")});
    book.row(ws, 3,
             {QStringLiteral("SGD"), QStringLiteral("Së Gi¸o dôc vµ §µo t¹o"), QVariant(), QStringLiteral("Sở"), QDate(2008, 3, 15)});
    book.row(ws, 4,
             {QStringLiteral("XAB"), QStringLiteral("UBND x· An B×nh"), QVariant(),
              bad ? QStringLiteral("Thôn") : QStringLiteral("UBND xã")});
    book.close();
    return path;
}

QStringList importArgs(const QString &db, const QString &input, const QString &mode)
{
    return {QStringLiteral("import-table"), QStringLiteral("--database"), db,  QStringLiteral("--input"), input,
            QStringLiteral("--kind"),       QStringLiteral("units"),      mode};
}

int units(const QString &db)
{
    Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
    return Core::Query(d.sql(), QStringLiteral("SELECT count(*) FROM units")).scalar(0).toInt();
}

qint64 parentOf(const QString &db, const QString &key)
{
    Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
    return Core::Query(d.sql(), QStringLiteral("SELECT p.ext_key = 'SGD' FROM units u JOIN units p ON p.id = u.parent_id "
                                               "WHERE u.ext_key = :k"))
        .bind(QStringLiteral(":k"), key)
        .scalar(0)
        .toBool();
}
} // namespace

TEST_CASE("importTableUnits_previewSaysEveryRowInWords_refusesAListWithErrors_thenCommitsParentsFirst", "[cli][tables][units]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend);
        const int before = units(db); // the office's own unit, U1

        const CliRun bad = cli(importArgs(db, unitList(dir, true), QStringLiteral("--preview")));
        INFO(bad.out.toStdString() << bad.err.toStdString());
        REQUIRE(bad.code == 0);
        CHECK(bad.out.contains(QStringLiteral("Column B \"Tên đơn vị\": TCVN3 (ABC)")));
        CHECK(bad.out.contains(QStringLiteral("Row 2: new unit, Phòng Kế hoạch: new unit: Department inside a unit, under Sở Giáo "
                                              "dục và Đào tạo")));
        CHECK(bad.out.contains(QStringLiteral("Row 5: error, UBND xã An Bình: column D (Loại hình): \"Thôn\" is not a kind of unit")));
        CHECK(bad.out.contains(QStringLiteral("Rows: 3 new, 0 changed, 0 unchanged, 1 with errors.")));
        CHECK(bad.out.contains(QStringLiteral("Preview only: nothing was written.")));

        // --commit with an error row writes nothing, says why, and saves the row to fix.
        const QString rejected = dir.filePath(QStringLiteral("bi-loai.csv"));
        const CliRun refused = cli(importArgs(db, unitList(dir, true), QStringLiteral("--commit"))
                                   << QStringLiteral("--rejected") << rejected);
        CHECK(refused.code != 0);
        CHECK(refused.err.contains(QStringLiteral("nothing was written")));
        CHECK(units(db) == before);
        const QString rejectedText = QString::fromUtf8(Test::readAll(rejected));
        CHECK(rejectedText.contains(QStringLiteral("UBND xã An Bình")));
        CHECK(rejectedText.contains(QStringLiteral("\"\"Thôn\"\" is not a kind of unit"))); // CSV doubles the quotes
        CHECK_FALSE(rejectedText.contains(QStringLiteral("Phòng Kế hoạch")));

        const CliRun json = cli(importArgs(db, unitList(dir, false), QStringLiteral("--commit"))
                                << QStringLiteral("--format") << QStringLiteral("json"));
        INFO(json.out.toStdString() << json.err.toStdString());
        REQUIRE(json.code == 0);
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonArray rows = report.value(QStringLiteral("rows")).toArray();
        REQUIRE(rows.size() == 4);
        CHECK(rows.at(0).toObject().value(QStringLiteral("status")).toString() == QStringLiteral("new"));
        CHECK(rows.at(0).toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Phòng Kế hoạch"));
        CHECK(report.value(QStringLiteral("counts")).toObject().value(QStringLiteral("new")).toInt() == 4);
        CHECK(report.value(QStringLiteral("committed")).toObject().value(QStringLiteral("unitsAdded")).toInt() == 4);
        CHECK(units(db) == before + 4);
        CHECK(parentOf(db, QStringLiteral("PKH")));
        CHECK(parentOf(db, QStringLiteral("PTC")));

        // Imported again, every row is unchanged.
        const CliRun again = cli(importArgs(db, unitList(dir, false), QStringLiteral("--preview")));
        CHECK(again.out.contains(QStringLiteral("Rows: 0 new, 0 changed, 4 unchanged, 0 with errors.")));
    });
}

TEST_CASE("importTable_unknownKind_isAUsageError_namingBothKinds", "[cli][tables][units]")
{
    QTemporaryDir dir;
    const CliRun r = cli({QStringLiteral("import-table"), QStringLiteral("--database"), dir.filePath(QStringLiteral("x.sqlite")),
                          QStringLiteral("--input"), dir.filePath(QStringLiteral("x.csv")), QStringLiteral("--kind"),
                          QStringLiteral("medals"), QStringLiteral("--preview")});
    CHECK(r.code != 0);
    CHECK(r.err.contains(QStringLiteral("\"people\"")));
    CHECK(r.err.contains(QStringLiteral("\"units\"")));
}
