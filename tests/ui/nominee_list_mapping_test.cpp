// The dossier's "Import list…" with the column mapping of the import dialog (issue 15 item 2):
// a list whose name column nobody recognises is named by hand, the preview follows from what
// was read (the file already gone), the mapping is saved for nominee lists only and applied to
// the next list; with a list read, the dialog's Alt letters never collide, in both languages.
// SQLite and PostgreSQL.
#include "clerkwords.h"
#include "core/tables/mappingpresets.h"
#include "core/tables_support.h"
#include "tests/support/testdatabase.h"
#include "tests/ui/eligibilitytesthelpers.h"
#include "tests/ui/workflowtesthelpers.h"

#include "ui/dossiers/nomineelistdialog.h"
#include "ui/registry/columnmappingpanel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace VinhDanh;

namespace {
/// "Người được đề nghị" is nobody's spelling of the name column; the rest is as lists write it.
QString oddListXlsx(const QTemporaryDir &dir, const QString &name = QStringLiteral("danh-sach.xlsx"))
{
    const QString path = dir.filePath(name);
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("Danh sách"));
    book.row(ws, 0, {QStringLiteral("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024")});
    book.row(ws, 2,
             {QStringLiteral("STT"), QStringLiteral("Người được đề nghị"), QStringLiteral("Đơn vị công tác"),
              QStringLiteral("Danh hiệu đề nghị"), QStringLiteral("Ghi chú riêng")});
    book.row(ws, 3,
             {QStringLiteral("1"), QStringLiteral("Nguyễn Thị Lan"), QStringLiteral("Sở Y tế"), QStringLiteral("LĐTT"),
              QStringLiteral("Đề nghị lần đầu")});
    book.close();
    return path;
}

QString cell(QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->data(model->index(row, column), role).toString();
}

int rowOf(QAbstractItemModel *model, const QString &header)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (cell(model, r, Ui::ColumnMappingModel::Header) == header)
            return r;
    return -1;
}

struct Office
{
    qint64 unit = 0, lan = 0, dossier = 0;
    explicit Office(Core::Database &db)
    {
        unit = Test::addUnit(db, QStringLiteral("Sở Y tế"));
        lan = Test::addPerson(db, QStringLiteral("Nguyễn Thị Lan"), unit);
        Test::rateYears(db, Core::Subject::person(lan), 2022, 2024);
        dossier = Test::addDossier(db, unit);
    }
};
} // namespace

TEST_CASE("nomineeListDialog_nameColumnNamedByHand_previewsFromMemory_andTheSavedMappingServesTheNextList",
          "[ui][workflow][nominees][mapping]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Office o(db);
        QTemporaryDir dir;
        const QString path = oddListXlsx(dir);
        Core::Workflow::DossierRepository repo(db);
        Ui::NomineeListDialog dialog(db, repo.dossier(o.dossier));
        dialog.show();
        Test::ModelTestLog log;
        Ui::ColumnMappingPanel *panel = dialog.mappingPanel();
        QAbstractItemModel *mapping = panel->model();
        QAbstractItemModelTester mappingTester(mapping, QAbstractItemModelTester::FailureReportingMode::Warning);
        QAbstractItemModelTester previewTester(dialog.previewModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
        CHECK(panel->isHidden());

        // No name column recognised: refused, the header's columns there to be named.
        CHECK_FALSE(dialog.loadFile(path));
        CHECK(dialog.problemText().contains(QStringLiteral("No header row with a name column")));
        REQUIRE(panel->isVisible());
        const int name = rowOf(mapping, QStringLiteral("Người được đề nghị"));
        REQUIRE(name >= 0);
        CHECK(cell(mapping, name, Ui::ColumnMappingModel::Reading) == QStringLiteral("Left out (not recognised)"));

        // The file is gone before the clerk names the column: the rows read are previewed.
        REQUIRE(QFile::remove(path));
        REQUIRE(mapping->setData(mapping->index(name, Ui::ColumnMappingModel::Reading), QStringLiteral("name"), Qt::EditRole));
        QCoreApplication::processEvents();
        CHECK(dialog.problemText().isEmpty());
        CHECK(cell(mapping, rowOf(mapping, QStringLiteral("Người được đề nghị")), Ui::ColumnMappingModel::Reading)
              == QStringLiteral("Name (a person or a collective)"));
        CHECK(cell(mapping, rowOf(mapping, QStringLiteral("Danh hiệu đề nghị")), Ui::ColumnMappingModel::Reading)
              == QStringLiteral("Award form"));
        QAbstractItemModel *preview = dialog.previewModel();
        REQUIRE(preview->rowCount() == 1);
        CHECK(cell(preview, 0, 2) == QStringLiteral("Nguyễn Thị Lan"));
        CHECK(cell(preview, 0, 1, Qt::UserRole) == QStringLiteral("new"));
        CHECK(dialog.importButton()->isEnabled());
        // The reason given (also from memory) keeps the row as it is.
        dialog.setProceedReason(QStringLiteral("Đơn vị đề nghị xét đặc cách"));
        CHECK(dialog.problemText().isEmpty());
        CHECK(preview->rowCount() == 1);

        // Saved for nominee lists only.
        REQUIRE(panel->savePreset(QStringLiteral("Huyện Lệ Thủy")));
        CHECK(Core::Tables::mappingPresetNames(db, Core::Tables::MappingKind::Nominees)
              == QStringList{QStringLiteral("Huyện Lệ Thủy")});
        CHECK(Core::Tables::mappingPresetNames(db, Core::Tables::MappingKind::People).isEmpty());
        // "Read the file again" does read the disk: the file is gone, and the dialog says so.
        auto *reread = dialog.findChild<QPushButton *>(QStringLiteral("reload"));
        REQUIRE(reread);
        REQUIRE(reread->isEnabled());
        reread->click();
        CHECK(dialog.problemText().contains(QStringLiteral("Cannot open")));
        CHECK(dialog.previewModel()->rowCount() == 0);
        CHECK_FALSE(dialog.importButton()->isEnabled());

        // The next list of the same layout: refused at first, read once the saved mapping is chosen.
        const QString next = oddListXlsx(dir, QStringLiteral("dot-2.xlsx"));
        Ui::NomineeListDialog again(db, repo.dossier(o.dossier));
        again.show();
        CHECK_FALSE(again.loadFile(next));
        auto *presets = again.mappingPanel()->findChild<QComboBox *>(QStringLiteral("mappingPresets"));
        REQUIRE(presets);
        REQUIRE(presets->count() == 2);
        CHECK(presets->itemText(1) == QStringLiteral("Huyện Lệ Thủy"));
        presets->setFocus();
        QTest::keyClick(presets, Qt::Key_Down);
        QCoreApplication::processEvents();
        CHECK(again.problemText().isEmpty());
        REQUIRE(again.previewModel()->rowCount() == 1);
        CHECK(cell(again.previewModel(), 0, 2) == QStringLiteral("Nguyễn Thị Lan"));
        CHECK(log.messages().isEmpty());
        // Nothing written until Import.
        CHECK(repo.nominees(o.dossier).isEmpty());
    });
}

TEST_CASE("nomineeListDialog_withAListRead_itsAltLettersNeverCollide_inBothLanguages", "[ui][keyboard][mnemonics][nominees]")
{
    const bool vietnamese = GENERATE(false, true);
    std::optional<Test::VietnameseUi> vi;
    if (vietnamese) {
        vi.emplace();
        REQUIRE(vi->installed());
    }
    INFO((vietnamese ? "Vietnamese" : "English"));
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const Office o(db);
    Core::Tables::saveMappingPreset(db, Core::Tables::MappingKind::Nominees, QStringLiteral("Huyện"),
                                    {{QStringLiteral("nguoi duoc de nghi"), QStringLiteral("name")}});
    QTemporaryDir dir;
    Ui::NomineeListDialog dialog(db, Core::Workflow::DossierRepository(db).dossier(o.dossier));
    dialog.show();
    dialog.loadFile(oddListXlsx(dir));
    dialog.mappingPanel()->choosePreset(QStringLiteral("Huyện")); // "Delete…" on
    QCoreApplication::processEvents();
    REQUIRE(dialog.mappingPanel()->isVisible());
    const QStringList clashes = Test::collisions(&dialog, QStringLiteral("NomineeListDialog"));
    INFO(clashes.join(QLatin1Char('\n')).toStdString());
    CHECK(clashes.isEmpty());
}

namespace {
/// A lower unit's list as it comes: the letterhead ("UBND TỈNH…" beside "CỘNG HÒA…"), a title
/// merged across, then the table, whose name column nobody recognises.
QString letterheadListXlsx(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("cong-van.xlsx"));
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("Danh sách"));
    book.row(ws, 0,
             {QStringLiteral("UBND TỈNH QUẢNG BÌNH"), QVariant(), QVariant(), QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")});
    book.row(ws, 1, {QStringLiteral("SỞ Y TẾ"), QVariant(), QVariant(), QStringLiteral("Độc lập - Tự do - Hạnh phúc")});
    worksheet_merge_range(ws, 3, 0, 3, 4, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024", nullptr);
    book.row(ws, 5,
             {QStringLiteral("STT"), QStringLiteral("Người được đề nghị"), QStringLiteral("Chức vụ, đơn vị công tác"),
              QStringLiteral("Hình thức đề nghị"), QStringLiteral("Ghi chú")});
    book.row(ws, 6,
             {QStringLiteral("1"), QStringLiteral("Nguyễn Thị Lan"), QStringLiteral("Chuyên viên, Sở Y tế"), QStringLiteral("LĐTT"),
              QString()});
    book.close();
    return path;
}

/// "Đề nghị khen thưởng" merged over "Mức khen" (nobody's spelling) and "Tóm tắt thành tích".
QString twoRowHeaderXlsx(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("hai-dong.xlsx"));
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("Danh sách"));
    book.row(ws, 0, {QStringLiteral("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024")});
    worksheet_merge_range(ws, 2, 0, 3, 0, "STT", nullptr);
    worksheet_merge_range(ws, 2, 1, 3, 1, "Họ và tên", nullptr);
    worksheet_merge_range(ws, 2, 2, 3, 2, "Chức vụ, đơn vị công tác", nullptr);
    worksheet_merge_range(ws, 2, 3, 2, 4, "Đề nghị khen thưởng", nullptr);
    book.row(ws, 3, {QVariant(), QVariant(), QVariant(), QStringLiteral("Mức khen"), QStringLiteral("Tóm tắt thành tích")});
    book.row(ws, 4,
             {QStringLiteral("1"), QStringLiteral("Nguyễn Thị Lan"), QStringLiteral("Chuyên viên, Sở Y tế"), QStringLiteral("LĐTT"),
              QStringLiteral("Hoàn thành tốt nhiệm vụ")});
    book.close();
    return path;
}
} // namespace

TEST_CASE("nomineeListDialog_noHeaderRecognisedUnderALetterhead_offersTheTablesHeader_notTheLetterhead",
          "[ui][workflow][nominees][mapping]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const Office o(db);
    QTemporaryDir dir;
    Ui::NomineeListDialog dialog(db, Core::Workflow::DossierRepository(db).dossier(o.dossier));
    dialog.show();
    QAbstractItemModel *mapping = dialog.mappingPanel()->model();
    CHECK_FALSE(dialog.loadFile(letterheadListXlsx(dir)));
    REQUIRE(dialog.mappingPanel()->isVisible());
    // The table's five columns, not the letterhead's two cells.
    CHECK(rowOf(mapping, QStringLiteral("UBND TỈNH QUẢNG BÌNH")) < 0);
    CHECK(mapping->rowCount() == 5);
    const int name = rowOf(mapping, QStringLiteral("Người được đề nghị"));
    REQUIRE(name >= 0);
    REQUIRE(mapping->setData(mapping->index(name, Ui::ColumnMappingModel::Reading), QStringLiteral("name"), Qt::EditRole));
    QCoreApplication::processEvents();
    CHECK(dialog.problemText().isEmpty());
    REQUIRE(dialog.previewModel()->rowCount() == 1);
    CHECK(cell(dialog.previewModel(), 0, 2) == QStringLiteral("Nguyễn Thị Lan"));
    CHECK(cell(dialog.previewModel(), 0, 1, Qt::UserRole) == QStringLiteral("new"));
}

TEST_CASE("nomineeListDialog_twoRowHeaderWithAnUnknownLowerName_showsTheLowerNames_andOnceNamedBothRowsAreTheHeader",
          "[ui][workflow][nominees][mapping]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Office o(db);
        QTemporaryDir dir;
        Ui::NomineeListDialog dialog(db, Core::Workflow::DossierRepository(db).dossier(o.dossier));
        dialog.show();
        QAbstractItemModel *mapping = dialog.mappingPanel()->model();
        QAbstractItemModelTester tester(mapping, QAbstractItemModelTester::FailureReportingMode::Warning);
        dialog.loadFile(twoRowHeaderXlsx(dir));
        REQUIRE(dialog.mappingPanel()->isVisible());
        // "Mức khen" is read as data for now: its row is an error, and the panel offers it.
        CHECK(dialog.preview().hasErrors());
        const int level = rowOf(mapping, QStringLiteral("Mức khen"));
        REQUIRE(level >= 0);
        CHECK(cell(mapping, level, Ui::ColumnMappingModel::Reading) == QStringLiteral("Left out (not recognised)"));
        CHECK(cell(mapping, rowOf(mapping, QStringLiteral("Tóm tắt thành tích")), Ui::ColumnMappingModel::Reading, Qt::UserRole)
              == QStringLiteral("summary"));
        CHECK(rowOf(mapping, QStringLiteral("Đề nghị khen thưởng")) < 0); // the span's name gives way to the lower ones

        REQUIRE(mapping->setData(mapping->index(level, Ui::ColumnMappingModel::Reading), QStringLiteral("form"), Qt::EditRole));
        QCoreApplication::processEvents();
        CHECK(dialog.problemText().isEmpty());
        // Both rows are the header now: one nominee, from sheet row 5, with the form and summary.
        QAbstractItemModel *preview = dialog.previewModel();
        REQUIRE(preview->rowCount() == 1);
        CHECK(cell(preview, 0, 0) == QStringLiteral("5"));
        CHECK(cell(preview, 0, 1, Qt::UserRole) == QStringLiteral("new"));
        CHECK(cell(preview, 0, 3) == QStringLiteral("Lao động tiên tiến"));
        REQUIRE(dialog.preview().plans.size() == 1);
        CHECK(dialog.preview().plans.at(0).nominee.summary == QStringLiteral("Hoàn thành tốt nhiệm vụ"));
        CHECK(cell(mapping, rowOf(mapping, QStringLiteral("Mức khen")), Ui::ColumnMappingModel::Reading, Qt::UserRole)
              == QStringLiteral("form"));
        CHECK(dialog.importButton()->isEnabled());
    });
}

TEST_CASE("nomineeListDialog_savedMappingNamesAColumnTheListLacks_theSummarySaysWhich", "[ui][workflow][nominees][mapping]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const Office o(db);
    Core::Tables::saveMappingPreset(
        db, Core::Tables::MappingKind::Nominees, QStringLiteral("Huyện"),
        {{QStringLiteral("nguoi duoc de nghi"), QStringLiteral("name")}, {QStringLiteral("so dien thoai"), QStringLiteral("note")}});
    QTemporaryDir dir;
    Ui::NomineeListDialog dialog(db, Core::Workflow::DossierRepository(db).dossier(o.dossier));
    dialog.show();
    dialog.loadFile(oddListXlsx(dir));
    CHECK_FALSE(dialog.summaryText().contains(QStringLiteral("so dien thoai")));
    dialog.mappingPanel()->choosePreset(QStringLiteral("Huyện"));
    QCoreApplication::processEvents();
    CHECK(dialog.problemText().isEmpty());
    REQUIRE(dialog.previewModel()->rowCount() == 1);
    CHECK(dialog.summaryText().contains(QStringLiteral("names columns this list does not have: so dien thoai.")));
}
