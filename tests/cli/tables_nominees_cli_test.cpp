// vinhdanh-cli dossier import-list (issue 15): a lower unit's list as XLSX and as DOCX into a
// draft dossier; the preview in words and as JSON writes nothing, a list with an error row is
// refused whole, --proceed-reason lets the not-eligible through, an old .doc is refused with
// the way out. Both backends.
#include "cli/clioffice.h"
#include "cli/clirunner.h"
#include "core/db/query.h"
#include "core/docx_support.h"
#include "core/tables/tablefile.h"
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
const QStringList kHeader = {QStringLiteral("STT"), QStringLiteral("Họ và tên"), QStringLiteral("Chức vụ, đơn vị công tác"),
                             QStringLiteral("Hình thức đề nghị"), QStringLiteral("Tóm tắt thành tích")};

QList<QStringList> rows(bool withStranger)
{
    QList<QStringList> out = {
        {QStringLiteral("1"), QStringLiteral("Nguyễn Văn An"), QStringLiteral("Chuyên viên, Sở Nội vụ"), QStringLiteral("LĐTT"),
         QStringLiteral("Hoàn thành xuất sắc nhiệm vụ")},
        {QStringLiteral("2"), QStringLiteral("Trần Thị Bình"), QStringLiteral("Chuyên viên, Sở Nội vụ"),
         QStringLiteral("Lao động tiên tiến"), QStringLiteral("Hoàn thành tốt nhiệm vụ")},
    };
    if (withStranger)
        out << QStringList{QStringLiteral("3"), QStringLiteral("Phạm Văn Dũng"), QStringLiteral("Sở Nội vụ"),
                           QStringLiteral("Lao động tiên tiến"), QString()};
    return out;
}

QString listXlsx(const QTemporaryDir &dir, bool withStranger)
{
    const QString path = dir.filePath(withStranger ? QStringLiteral("ds-loi.xlsx") : QStringLiteral("ds.xlsx"));
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("Sheet1"));
    book.row(ws, 0, {QStringLiteral("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025")});
    QVariantList header;
    for (const QString &h : kHeader)
        header << h;
    book.row(ws, 2, header);
    int r = 3;
    for (const QStringList &cells : rows(withStranger)) {
        QVariantList v;
        for (const QString &c : cells)
            v << c;
        book.row(ws, r++, v);
    }
    book.close();
    return path;
}

QString listDocx(const QTemporaryDir &dir)
{
    using Test::Docx::Cell;
    QList<QList<Cell>> table;
    QList<Cell> header;
    for (const QString &h : kHeader)
        header << Cell{h};
    table << header;
    for (const QStringList &cells : rows(false)) {
        QList<Cell> row;
        for (const QString &c : cells)
            row << Cell{c};
        table << row;
    }
    const QString path = dir.filePath(QStringLiteral("ds.docx"));
    Test::Docx::write(path, Test::Docx::paragraphXml(QStringLiteral("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")) + Test::Docx::tableXml(table));
    return path;
}

int nominees(const QString &db)
{
    Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
    return Core::Query(d.sql(), QStringLiteral("SELECT count(*) FROM dossier_nominees")).scalar(0).toInt();
}

QStringList importArgs(const QString &db, const QString &dossier, const QString &input, const QString &mode)
{
    return {QStringLiteral("dossier"),
            QStringLiteral("import-list"),
            QStringLiteral("--database"),
            db,
            QStringLiteral("--dossier"),
            dossier,
            QStringLiteral("--input"),
            input,
            mode};
}
} // namespace

TEST_CASE("dossierImportList_previewWritesNothing_errorsRefuseTheWholeList_reasonLetsTheNotEligibleIn", "[cli][tables][nominees]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend, [](Core::Database &d, const Core::Unit &u) {
            Core::Person p;
            p.key = QStringLiteral("P2");
            p.fullName = QStringLiteral("Trần Thị Bình");
            p.unitId = u.id;
            p.category = QStringLiteral("cong_chuc");
            Core::PersonRepository(d).save(p);
        });
        const CliRun made = cli({QStringLiteral("dossier"), QStringLiteral("new"), QStringLiteral("--database"), db,
                                 QStringLiteral("--unit"), QStringLiteral("U1"), QStringLiteral("--year"), QStringLiteral("2025"),
                                 QStringLiteral("--title"), QStringLiteral("Đề nghị khen thưởng năm 2025")});
        REQUIRE(made.code == 0);
        const QString dossier = made.out.trimmed();

        const CliRun preview = cli(importArgs(db, dossier, listXlsx(dir, true), QStringLiteral("--preview")));
        INFO(preview.out.toStdString() << preview.err.toStdString());
        REQUIRE(preview.code == 0);
        CHECK(preview.out.contains(QStringLiteral("header on row 3")));
        CHECK(preview.out.contains(QStringLiteral("Row 4: new nominee, Nguyễn Văn An: person in the registry: Nguyễn Văn An, Sở Nội "
                                                  "vụ; form: Lao động tiên tiến")));
        CHECK(preview.out.contains(QStringLiteral("Row 5: error, Trần Thị Bình: ")));
        CHECK(preview.out.contains(QStringLiteral("give a proceed reason")));
        CHECK(preview.out.contains(QStringLiteral("Row 6: error, Phạm Văn Dũng: Phạm Văn Dũng is not in the registry")));
        CHECK(preview.out.contains(QStringLiteral("Rows: 1 new nominees, 0 already in the dossier, 2 with errors.")));
        CHECK(preview.out.contains(QStringLiteral("Preview only: nothing was written.")));
        CHECK(nominees(db) == 0);

        // With an error row nothing is written, even with a reason for the not-eligible.
        const CliRun refused = cli(importArgs(db, dossier, listXlsx(dir, true), QStringLiteral("--commit"))
                                   << QStringLiteral("--proceed-reason") << QStringLiteral("Đề nghị đặc cách"));
        CHECK(refused.code == 1);
        CHECK(refused.err.contains(QStringLiteral("nothing was written")));
        CHECK(nominees(db) == 0);

        // The Word file of the fixed list, as JSON, then committed with the reason.
        const QString docx = listDocx(dir);
        const CliRun json = cli(importArgs(db, dossier, docx, QStringLiteral("--commit"))
                                << QStringLiteral("--proceed-reason") << QStringLiteral("Đề nghị đặc cách")
                                << QStringLiteral("--format") << QStringLiteral("json"));
        INFO(json.out.toStdString() << json.err.toStdString());
        REQUIRE(json.code == 0);
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        CHECK(report.value(QStringLiteral("format")).toString() == QLatin1String("DOCX"));
        const QJsonArray rowsJson = report.value(QStringLiteral("rows")).toArray();
        REQUIRE(rowsJson.size() == 2);
        CHECK(rowsJson.at(0).toObject().value(QStringLiteral("key")).toString() == QLatin1String("P1"));
        CHECK(rowsJson.at(0).toObject().value(QStringLiteral("form")).toString() == QLatin1String("LDTT"));
        CHECK(rowsJson.at(1).toObject().value(QStringLiteral("verdict")).toString() == QLatin1String("not_eligible"));
        CHECK(rowsJson.at(1).toObject().value(QStringLiteral("needsReason")).toBool());
        CHECK(report.value(QStringLiteral("committed")).toObject().value(QStringLiteral("nomineesAdded")).toInt() == 2);
        CHECK(nominees(db) == 2);

        const CliRun shown = cli({QStringLiteral("dossier"), QStringLiteral("show"), QStringLiteral("--database"), db,
                                  QStringLiteral("--dossier"), dossier});
        CHECK(shown.out.contains(QStringLiteral("Nguyễn Văn An")));
        CHECK(shown.out.contains(QStringLiteral("Trần Thị Bình")));

        // The same list again: both already there.
        const CliRun again = cli(importArgs(db, dossier, listXlsx(dir, false), QStringLiteral("--preview")));
        CHECK(again.out.contains(QStringLiteral("Rows: 0 new nominees, 2 already in the dossier, 0 with errors.")));
    });
}

TEST_CASE("dossierImportList_oldWordDoc_isRefusedWithTheWayOut_andWithoutModeIsAUsageError", "[cli][tables][nominees]")
{
    QTemporaryDir dir;
    const QString db = Test::cliOffice(dir);
    const QString doc = dir.filePath(QStringLiteral("ds.doc"));
    QFile f(doc);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(1024, '\0'));
    f.close();
    const CliRun r = cli(importArgs(db, QStringLiteral("D1"), doc, QStringLiteral("--preview")));
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("save it as .docx")));
    const CliRun usage = cli(importArgs(db, QStringLiteral("D1"), doc, QStringLiteral("--format")) << QStringLiteral("text"));
    CHECK(usage.code == 2);
    CHECK(usage.err.contains(QStringLiteral("--preview")));
}

TEST_CASE("dossierImportList_sheetByNumber_andRejectedRowsToXlsx", "[cli][tables][nominees]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend, [](Core::Database &, const Core::Unit &) {});
        const CliRun made = cli({QStringLiteral("dossier"), QStringLiteral("new"), QStringLiteral("--database"), db,
                                 QStringLiteral("--unit"), QStringLiteral("U1"), QStringLiteral("--year"), QStringLiteral("2025"),
                                 QStringLiteral("--title"), QStringLiteral("Đề nghị khen thưởng năm 2025")});
        REQUIRE(made.code == 0);
        const QString dossier = made.out.trimmed();
        // The cover letter on the first sheet, the list on the second.
        const QString path = dir.filePath(QStringLiteral("to-trinh-va-danh-sach.xlsx"));
        {
            Test::XlsxWriter book(path);
            lxw_worksheet *cover = book.sheet(QStringLiteral("Tờ trình"));
            book.row(cover, 0, {QStringLiteral("Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh")});
            lxw_worksheet *ws = book.sheet(QStringLiteral("Danh sách"));
            QVariantList header;
            for (const QString &h : kHeader)
                header << h;
            book.row(ws, 0, header);
            int r = 1;
            for (const QStringList &cells : rows(true)) {
                QVariantList v;
                for (const QString &c : cells)
                    v << c;
                book.row(ws, r++, v);
            }
            book.close();
        }
        const QString rejected = dir.filePath(QStringLiteral("bi-loai.xlsx"));
        const CliRun preview = cli(importArgs(db, dossier, path, QStringLiteral("--preview"))
                                   << QStringLiteral("--sheet") << QStringLiteral("2") << QStringLiteral("--rejected") << rejected);
        INFO(preview.out.toStdString() << preview.err.toStdString());
        REQUIRE(preview.code == 0);
        CHECK(preview.out.contains(QStringLiteral("sheet \"Danh sách\"")));
        CHECK(preview.out.contains(QStringLiteral("Row 2: new nominee, Nguyễn Văn An")));
        CHECK(preview.out.contains(QStringLiteral("Row 4: error, Phạm Văn Dũng")));
        // The rejected rows as a workbook, with the reason, read back by the program's own reader.
        const Core::Tables::TableFile back = Core::Tables::readFile(rejected);
        CHECK(back.format == QLatin1String("XLSX"));
        QStringList cells;
        for (const Core::Tables::Row &row : back.sheet.rows)
            for (const Core::Tables::Cell &c : row.cells)
                cells << c.text;
        const QString all = cells.join(QLatin1Char('|'));
        CHECK(all.contains(QStringLiteral("Phạm Văn Dũng")));
        CHECK(all.contains(QStringLiteral("not in the registry")));
        CHECK_FALSE(all.contains(QStringLiteral("Nguyễn Văn An")));
        CHECK(nominees(db) == 0);
        // A sheet the workbook does not have is named with the ones it has.
        const CliRun wrong = cli(importArgs(db, dossier, path, QStringLiteral("--preview"))
                                 << QStringLiteral("--sheet") << QStringLiteral("7"));
        CHECK(wrong.code != 0);
        CHECK(wrong.err.contains(QStringLiteral("Danh sách")));
    });
}

TEST_CASE("dossierImportList_aMistypedKeyFoundByNameAndBirth_isAWarningInTextAndInTheJsonReport", "[cli][tables][nominees]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend, [](Core::Database &d, const Core::Unit &) {
            Core::Query(d.sql(), QStringLiteral("UPDATE people SET birth_date = '1980-01-02' WHERE ext_key = 'P1'")).exec();
        });
        const CliRun made = cli({QStringLiteral("dossier"), QStringLiteral("new"), QStringLiteral("--database"), db,
                                 QStringLiteral("--unit"), QStringLiteral("U1"), QStringLiteral("--year"), QStringLiteral("2025"),
                                 QStringLiteral("--title"), QStringLiteral("Đề nghị khen thưởng năm 2025")});
        REQUIRE(made.code == 0);
        const QString dossier = made.out.trimmed();
        // "PX-9" is nobody's key; An's name and birth date find him alone.
        const QString path = dir.filePath(QStringLiteral("ds.csv"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("STT;Mã;Họ và tên;Ngày sinh;Hình thức đề nghị\n1;PX-9;Nguyễn Văn An;02/01/1980;LĐTT\n").toUtf8());
        f.close();

        const CliRun text = cli(importArgs(db, dossier, path, QStringLiteral("--preview")));
        INFO(text.out.toStdString() << text.err.toStdString());
        REQUIRE(text.code == 0);
        CHECK(text.out.contains(QStringLiteral("Warning: no person has the key PX-9; taken as Nguyễn Văn An (key P1)")));

        const CliRun json = cli(importArgs(db, dossier, path, QStringLiteral("--preview"))
                                << QStringLiteral("--format") << QStringLiteral("json"));
        INFO(json.out.toStdString() << json.err.toStdString());
        REQUIRE(json.code == 0);
        const QJsonArray rowsJson = QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("rows")).toArray();
        REQUIRE(rowsJson.size() == 1);
        const QJsonObject row = rowsJson.at(0).toObject();
        CHECK(row.value(QStringLiteral("key")).toString() == QLatin1String("P1"));
        const QJsonArray warnings = row.value(QStringLiteral("warnings")).toArray();
        REQUIRE(warnings.size() == 1);
        CHECK(warnings.at(0).toString().contains(QStringLiteral("PX-9")));
        CHECK(warnings.at(0).toString().contains(QStringLiteral("P1")));
        CHECK(nominees(db) == 0);
    });
}
