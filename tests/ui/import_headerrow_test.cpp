// The header-row picker and the encoding choice from what was read (issue 15): in the import
// dialog and the dossier's nominee-list dialog, the clerk who sees a sign-off box taken for the
// header picks the table's own header row and the preview follows, the file already deleted; a
// column's text encoding chosen after the file is gone converts the rows read; the nominee-list
// dialog has the encoding bar too; a saved column mapping brings its header row back. SQLite
// and PostgreSQL.
#include "uitesthelpers.h"

#include "core/tables/mappingpresets.h"
#include "core/tables_support.h"
#include "tests/support/testdatabase.h"
#include "tests/ui/eligibilitytesthelpers.h"
#include "tests/ui/workflowtesthelpers.h"
#include "ui/dossiers/nomineelistdialog.h"
#include "ui/registry/columnmappingpanel.h"
#include "ui/registry/encodingbar.h"
#include "ui/registry/importtabledialog.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QTemporaryDir>

using namespace VinhDanh;

namespace {
void writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
}

QString cell(QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->data(model->index(row, column), role).toString();
}

/// A sign-off box above the table reads as a header; the table's own header is row 4.
const QString kStaff = QStringLiteral("Họ và tên;Đơn vị\n"
                                      "Người lập biểu;Văn phòng\n"
                                      "\n"
                                      "Họ và tên;Ngày sinh;Đơn vị;Đối tượng\n"
                                      "Lê Thị Hoa;02/03/1985;Văn phòng;Công chức\n");

/// The clerk picks `row` in the header-row box, as a click on its item does.
void pickHeaderRow(Ui::ColumnMappingPanel *panel, int row)
{
    auto *box = panel->findChild<QComboBox *>(QStringLiteral("headerRow"));
    REQUIRE(box);
    REQUIRE(box->isVisibleTo(panel));
    const int at = box->findData(row);
    REQUIRE(at >= 0);
    box->setCurrentIndex(at);
    emit box->activated(at);
    QCoreApplication::processEvents(); // the preview is made again, queued
}

/// The clerk picks `encoding` for the column shown first in the encoding bar of `dialog`.
void pickEncoding(QWidget *dialog, const QString &column, const QString &encoding)
{
    auto *columns = dialog->findChild<QComboBox *>(QStringLiteral("encodingColumn"));
    auto *encodings = dialog->findChild<QComboBox *>(QStringLiteral("encodingChoice"));
    REQUIRE(columns);
    REQUIRE(encodings);
    REQUIRE(columns->isVisibleTo(dialog));
    const int c = columns->findText(column);
    REQUIRE(c >= 0);
    columns->setCurrentIndex(c);
    const int e = encodings->findText(encoding);
    REQUIRE(e >= 0);
    encodings->setCurrentIndex(e);
    emit encodings->activated(e);
    QCoreApplication::processEvents();
}
} // namespace

TEST_CASE("importDialog_headerRowPicked_afterTheFileIsDeleted_previewsTheRowsUnderIt_andASavedMappingBringsItBack",
          "[ui][tables][mapping][headerrow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::addUnit(db, QStringLiteral("Văn phòng"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("can-bo.csv"));
        writeFile(path, kStaff);
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        Test::ModelTestLog log;
        QAbstractItemModel *preview = dialog.previewModel();
        QAbstractItemModelTester tester(preview, QAbstractItemModelTester::FailureReportingMode::Warning);
        REQUIRE(dialog.loadFile(path));
        // The guess: the sign-off box; its "Người lập biểu" would be a new person.
        CHECK(dialog.preview().headerRow == 1);
        auto *box = dialog.mappingPanel()->findChild<QComboBox *>(QStringLiteral("headerRow"));
        REQUIRE(box);
        CHECK(box->currentText() == QStringLiteral("Found from the headers (row 1)"));
        CHECK(box->findText(QStringLiteral("Row 4: Họ và tên | Ngày sinh | Đơn vị | Đối tượng")) >= 0);

        REQUIRE(QFile::remove(path));
        pickHeaderRow(dialog.mappingPanel(), 4);
        CHECK(dialog.problemText().isEmpty());
        CHECK(dialog.preview().headerRow == 4);
        REQUIRE(preview->rowCount() == 1);
        CHECK(cell(preview, 0, 0) == QStringLiteral("5"));
        CHECK(cell(preview, 0, 2) == QStringLiteral("Lê Thị Hoa"));
        CHECK(cell(preview, 0, 1, Qt::UserRole) == QStringLiteral("new"));
        CHECK(dialog.mappingPanel()->model()->rowCount() == 4); // the columns of row 4

        // A row with no name column: said in words, that row's columns offered to be named.
        pickHeaderRow(dialog.mappingPanel(), 2);
        CHECK(dialog.problemText().contains(QStringLiteral("Row 2, chosen as the header, has no full-name column")));
        CHECK(cell(dialog.mappingPanel()->model(), 0, Ui::ColumnMappingModel::Header) == QStringLiteral("Người lập biểu"));
        pickHeaderRow(dialog.mappingPanel(), 4);
        CHECK(dialog.problemText().isEmpty());

        // Saved with the column mapping; the next file of the layout is read under row 4 once chosen.
        REQUIRE(dialog.mappingPanel()->savePreset(QStringLiteral("Sở Nội vụ")));
        CHECK(Core::Tables::mappingPresetHeaderRow(db, Core::Tables::MappingKind::People, QStringLiteral("Sở Nội vụ")) == 4);
        const QString next = dir.filePath(QStringLiteral("dot-2.csv"));
        writeFile(next, kStaff);
        Ui::ImportTableDialog again(db);
        again.show();
        REQUIRE(again.loadFile(next));
        CHECK(again.preview().headerRow == 1);
        again.mappingPanel()->choosePreset(QStringLiteral("Sở Nội vụ"));
        QCoreApplication::processEvents();
        CHECK(again.mappingPanel()->headerRow() == 4);
        CHECK(again.preview().headerRow == 4);
        REQUIRE(again.previewModel()->rowCount() == 1);
        CHECK(cell(again.previewModel(), 0, 2) == QStringLiteral("Lê Thị Hoa"));
        CHECK(log.messages().isEmpty());
    });
}

TEST_CASE("importDialog_encodingChosen_afterTheFileIsDeleted_convertsTheRowsRead", "[ui][tables][legacy][headerrow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ds-tcvn3.csv"));
        writeFile(path, QStringLiteral("Họ và tên;Đơn vị;Đối tượng\n"
                                       "NguyÔn V¨n Hïng;Sở Nội vụ;Công chức\n"
                                       "TrÇn ThÞ H\u00AD\u00ACng;Sở Nội vụ;Viên chức\n"));
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        REQUIRE(dialog.loadFile(path));
        QAbstractItemModel *preview = dialog.previewModel();
        REQUIRE(preview->rowCount() == 2);
        CHECK(cell(preview, 0, 2) == QStringLiteral("Nguyễn Văn Hùng"));

        REQUIRE(QFile::remove(path));
        pickEncoding(&dialog, QStringLiteral("A – Họ và tên"), QStringLiteral("Unicode"));
        CHECK(dialog.problemText().isEmpty());
        REQUIRE(preview->rowCount() == 2);
        CHECK(cell(preview, 0, 2) == QStringLiteral("NguyÔn V¨n Hïng"));
        CHECK(dialog.encodingText().contains(QStringLiteral("Column A \"Họ và tên\": Unicode, as chosen")));

        pickEncoding(&dialog, QStringLiteral("A – Họ và tên"), QStringLiteral("TCVN3 (ABC)"));
        CHECK(dialog.problemText().isEmpty());
        CHECK(cell(preview, 0, 2) == QStringLiteral("Nguyễn Văn Hùng"));
        CHECK(cell(preview, 1, 2) == QStringLiteral("Trần Thị Hương"));
        CHECK(dialog.encodingText().contains(QStringLiteral("TCVN3 (ABC), as chosen; 2 cells converted")));
    });
}

TEST_CASE("importDialog_letterheadInUnicodeOverAShortTcvn3List_namesConvertedBelowTheHeaderFound", "[ui][tables][legacy][headerrow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ds.csv"));
        // Four lines of letterhead retyped in Unicode outvote two names when the whole sheet is
        // guessed from; the header (row 5) is found, and the guess is made again below it.
        writeFile(path, Test::kTcvn3UnderLetterhead);
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        REQUIRE(dialog.loadFile(path));
        CHECK(dialog.problemText().isEmpty());
        CHECK(dialog.preview().headerRow == 5);
        QAbstractItemModel *preview = dialog.previewModel();
        REQUIRE(preview->rowCount() == 2);
        CHECK(cell(preview, 0, 2) == QStringLiteral("Nguyễn Văn Hùng"));
        CHECK(cell(preview, 1, 2) == QStringLiteral("Trần Thị Hương"));
        CHECK(dialog.encodingText().contains(QStringLiteral("Column A \"Họ và tên\": TCVN3 (ABC)")));
        // The header-row box lists the rows as converted.
        auto *box = dialog.mappingPanel()->findChild<QComboBox *>(QStringLiteral("headerRow"));
        REQUIRE(box);
        CHECK(box->findText(QStringLiteral("Row 6: Nguyễn Văn Hùng | Sở Nội vụ | Công chức")) >= 0);
    });
}

namespace {
/// A nominee list with a sign-off box over the table (row 3), its name typed in .VnTime.
const QString kNominees = QStringLiteral("Họ và tên;Hình thức đề nghị\n"
                                         "Người ký;Trưởng phòng\n"
                                         "STT;Họ và tên;Chức vụ, đơn vị công tác;Hình thức đề nghị\n"
                                         "1;NguyÔn ThÞ Lan;Chuyên viên, Sở Y tế;Lao động tiên tiến\n"
                                         "2;TrÇn V¨n B×nh;Chuyên viên, Sở Y tế;Lao động tiên tiến\n");

struct Office
{
    qint64 unit = 0, dossier = 0;
    explicit Office(Core::Database &db)
    {
        unit = Test::addUnit(db, QStringLiteral("Sở Y tế"));
        for (const QString &name : {QStringLiteral("Nguyễn Thị Lan"), QStringLiteral("Trần Văn Bình")})
            Test::rateYears(db, Core::Subject::person(Test::addPerson(db, name, unit)), 2022, 2024);
        dossier = Test::addDossier(db, unit);
    }
};
} // namespace

TEST_CASE("nomineeListDialog_hasTheEncodingBar_andHeaderRowAndEncodingPickedAfterTheFileIsDeleted_previewFromMemory",
          "[ui][workflow][nominees][headerrow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Office o(db);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("de-nghi.csv"));
        writeFile(path, kNominees);
        Core::Workflow::DossierRepository repo(db);
        Ui::NomineeListDialog dialog(db, repo.dossier(o.dossier));
        dialog.show();
        Test::ModelTestLog log;
        QAbstractItemModel *preview = dialog.previewModel();
        QAbstractItemModelTester tester(preview, QAbstractItemModelTester::FailureReportingMode::Warning);
        REQUIRE(dialog.findChild<Ui::EncodingBar *>());
        dialog.loadFile(path);
        // The guess: the sign-off box, the table's own header read as a nominee.
        CHECK(dialog.preview().headerRow == 1);
        CHECK(preview->rowCount() == 4);

        REQUIRE(QFile::remove(path));
        pickHeaderRow(dialog.mappingPanel(), 3);
        CHECK(dialog.problemText().isEmpty());
        CHECK(dialog.preview().headerRow == 3);
        REQUIRE(preview->rowCount() == 2);
        CHECK(cell(preview, 0, 0) == QStringLiteral("4"));
        // Guessed again from the table's own rows (the box above no longer outvotes the two
        // names): TCVN3, converted from memory, the registry's people.
        CHECK(dialog.encodingText().contains(QStringLiteral("Column B \"Họ và tên\": TCVN3 (ABC)")));
        CHECK(cell(preview, 0, 2) == QStringLiteral("Nguyễn Thị Lan"));
        CHECK(cell(preview, 1, 2) == QStringLiteral("Trần Văn Bình"));
        CHECK(cell(preview, 0, 1, Qt::UserRole) == QStringLiteral("new"));
        CHECK(cell(preview, 1, 1, Qt::UserRole) == QStringLiteral("new"));

        // The clerk says the names are Unicode: from memory, nobody of those names.
        pickEncoding(&dialog, QStringLiteral("B – Họ và tên"), QStringLiteral("Unicode"));
        CHECK(dialog.problemText().isEmpty());
        CHECK_FALSE(dialog.summaryText().contains(QStringLiteral("Cannot open")));
        REQUIRE(preview->rowCount() == 2);
        CHECK(cell(preview, 0, 1, Qt::UserRole) == QStringLiteral("error"));
        CHECK(dialog.encodingText().contains(QStringLiteral("Column B \"Họ và tên\": Unicode, as chosen")));
        // And TCVN3 again, still from memory.
        pickEncoding(&dialog, QStringLiteral("B – Họ và tên"), QStringLiteral("TCVN3 (ABC)"));
        CHECK(dialog.problemText().isEmpty());
        CHECK(dialog.encodingText().contains(QStringLiteral("Column B \"Họ và tên\": TCVN3 (ABC), as chosen")));
        CHECK(cell(preview, 0, 2) == QStringLiteral("Nguyễn Thị Lan"));
        CHECK(cell(preview, 0, 1, Qt::UserRole) == QStringLiteral("new"));
        CHECK(dialog.preview().headerRow == 3); // the header row stays the clerk's
        CHECK(log.messages().isEmpty());
        CHECK(repo.nominees(o.dossier).isEmpty()); // nothing written until Import
    });
}

namespace {
/// A workbook of two sheets: the first with a sign-off box over its table (header row 4 for
/// staff, 3 for nominees), the second with its header on row 1.
QString twoSheets(const QTemporaryDir &dir, bool nominees)
{
    const QString path = dir.filePath(nominees ? QStringLiteral("de-nghi.xlsx") : QStringLiteral("can-bo.xlsx"));
    Test::XlsxWriter book(path);
    lxw_worksheet *first = book.sheet(QStringLiteral("Đợt 1"));
    lxw_worksheet *second = book.sheet(QStringLiteral("Đợt 2"));
    if (nominees) {
        const QVariantList header = {QStringLiteral("STT"), QStringLiteral("Họ và tên"), QStringLiteral("Chức vụ, đơn vị công tác"),
                                     QStringLiteral("Hình thức đề nghị")};
        book.row(first, 0, {QStringLiteral("Họ và tên"), QStringLiteral("Hình thức đề nghị")});
        book.row(first, 1, {QStringLiteral("Người ký"), QStringLiteral("Trưởng phòng")});
        book.row(first, 2, header);
        book.row(first, 3,
                 {1, QStringLiteral("Nguyễn Thị Lan"), QStringLiteral("Chuyên viên, Sở Y tế"), QStringLiteral("Lao động tiên tiến")});
        book.row(second, 0, header);
        book.row(second, 1,
                 {1, QStringLiteral("Trần Văn Bình"), QStringLiteral("Chuyên viên, Sở Y tế"), QStringLiteral("Lao động tiên tiến")});
    } else {
        const QVariantList header = {QStringLiteral("Họ và tên"), QStringLiteral("Ngày sinh"), QStringLiteral("Đơn vị"),
                                     QStringLiteral("Đối tượng")};
        book.row(first, 0, {QStringLiteral("Họ và tên"), QStringLiteral("Đơn vị")});
        book.row(first, 1, {QStringLiteral("Người lập biểu"), QStringLiteral("Văn phòng")});
        book.row(first, 3, header);
        book.row(
            first, 4,
            {QStringLiteral("Lê Thị Hoa"), QStringLiteral("02/03/1985"), QStringLiteral("Văn phòng"), QStringLiteral("Công chức")});
        book.row(second, 0, header);
        book.row(
            second, 1,
            {QStringLiteral("Phạm Văn Nam"), QStringLiteral("04/05/1988"), QStringLiteral("Văn phòng"), QStringLiteral("Công chức")});
    }
    book.close();
    return path;
}

/// A plain staff list: its header is row 1, row 4 is a person.
const QString kPlainStaff = QStringLiteral("Họ và tên;Ngày sinh;Đơn vị;Đối tượng\n"
                                           "Lê Thị Hoa;02/03/1985;Văn phòng;Công chức\n"
                                           "Phạm Văn Nam;04/05/1988;Văn phòng;Công chức\n"
                                           "Đỗ Thu Hà;06/07/1990;Văn phòng;Công chức\n");
} // namespace

TEST_CASE("anotherSheetOrWordTable_isReadFromItsOwnHeaders_notUnderTheRowPickedOnTheFirst", "[ui][tables][nominees][headerrow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Office o(db);
        Test::addUnit(db, QStringLiteral("Văn phòng"));
        QTemporaryDir dir;

        Ui::ImportTableDialog dialog(db);
        dialog.show();
        REQUIRE(dialog.loadFile(twoSheets(dir, false)));
        pickHeaderRow(dialog.mappingPanel(), 4);
        REQUIRE(dialog.preview().headerRow == 4);
        auto *sheet = dialog.findChild<QComboBox *>(QStringLiteral("sheet"));
        REQUIRE(sheet);
        const int at = sheet->findText(QStringLiteral("Đợt 2"));
        REQUIRE(at >= 0);
        sheet->setCurrentIndex(at);
        emit sheet->activated(at);
        QCoreApplication::processEvents();
        CHECK(dialog.problemText().isEmpty());
        CHECK(dialog.mappingPanel()->headerRow() == 0);
        CHECK(dialog.preview().headerRow == 1);
        REQUIRE(dialog.previewModel()->rowCount() == 1);
        CHECK(cell(dialog.previewModel(), 0, 2) == QStringLiteral("Phạm Văn Nam"));

        Core::Workflow::DossierRepository repo(db);
        Ui::NomineeListDialog nominees(db, repo.dossier(o.dossier));
        nominees.show();
        nominees.loadFile(twoSheets(dir, true));
        pickHeaderRow(nominees.mappingPanel(), 3);
        REQUIRE(nominees.preview().headerRow == 3);
        REQUIRE(nominees.chooseSheet(QStringLiteral("Đợt 2")));
        QCoreApplication::processEvents();
        CHECK(nominees.problemText().isEmpty());
        CHECK(nominees.mappingPanel()->headerRow() == 0);
        CHECK(nominees.preview().headerRow == 1);
        REQUIRE(nominees.previewModel()->rowCount() == 1);
        CHECK(cell(nominees.previewModel(), 0, 2) == QStringLiteral("Trần Văn Bình"));
    });
}

TEST_CASE("savedMappingWithoutHeaderRow_chosenAfterOneWithARow_readsFromTheHeaders_butKeepsTheClerksRow",
          "[ui][tables][mapping][headerrow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::addUnit(db, QStringLiteral("Văn phòng"));
        using Core::Tables::MappingKind;
        Core::Tables::saveMappingPreset(db, MappingKind::People, QStringLiteral("Sở Nội vụ"),
                                        {{QStringLiteral("don vi"), QStringLiteral("unit")}}, 4);
        Core::Tables::saveMappingPreset(db, MappingKind::People, QStringLiteral("Bệnh viện"),
                                        {{QStringLiteral("khoa"), QStringLiteral("unit")}});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("can-bo.csv"));
        writeFile(path, kPlainStaff);
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        REQUIRE(dialog.loadFile(path));
        Ui::ColumnMappingPanel *panel = dialog.mappingPanel();

        // The first mapping's row, made for another layout: the error says the mapping chose it.
        panel->choosePreset(QStringLiteral("Sở Nội vụ"));
        QCoreApplication::processEvents();
        CHECK(panel->headerRow() == 4);
        CHECK(dialog.problemText().contains(QStringLiteral("Row 4, chosen as the header")));
        CHECK(dialog.problemText().contains(QStringLiteral("The saved column mapping \"Sở Nội vụ\" chose row 4 as the header")));

        // The second, saved without a row: the header is found again.
        panel->choosePreset(QStringLiteral("Bệnh viện"));
        QCoreApplication::processEvents();
        CHECK(panel->headerRow() == 0);
        CHECK(dialog.problemText().isEmpty());
        CHECK(dialog.preview().headerRow == 1);
        CHECK(dialog.previewModel()->rowCount() == 3);

        // A row the clerk picked is theirs: neither blamed on a mapping nor dropped by one without a row.
        pickHeaderRow(panel, 4);
        CHECK(dialog.problemText().contains(QStringLiteral("Row 4, chosen as the header")));
        CHECK_FALSE(dialog.problemText().contains(QStringLiteral("saved column mapping")));
        panel->choosePreset(QStringLiteral("Bệnh viện"));
        QCoreApplication::processEvents();
        CHECK(panel->headerRow() == 4);
    });
}

TEST_CASE("nomineeListDialog_headerTypedInTcvn3_overUnicodeNames_keepsTheEncodingBar_andTheClerksChoiceMapsIt",
          "[ui][workflow][nominees][legacy]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Office o(db);
        QTemporaryDir dir;
        // The header kept from an old .VnTime template; the names under it typed in Unicode: the
        // column reads as Unicode, its header is not recognised and the list cannot be mapped.
        const QString path = dir.filePath(QStringLiteral("de-nghi.csv"));
        writeFile(path, QStringLiteral("STT;H\u00E4 v\u00B5 t\u00AAn;Chức vụ, đơn vị công tác;Hình thức đề nghị\n"
                                       "1;Nguyễn Thị Lan;Chuyên viên, Sở Y tế;Lao động tiên tiến\n"
                                       "2;Trần Văn Bình;Chuyên viên, Sở Y tế;Lao động tiên tiến\n"));
        Core::Workflow::DossierRepository repo(db);
        Ui::NomineeListDialog dialog(db, repo.dossier(o.dossier));
        dialog.show();
        dialog.loadFile(path);
        REQUIRE_FALSE(dialog.problemText().isEmpty());
        // The bar is there to say what the header is typed in.
        CHECK(dialog.encodingText().contains(QStringLiteral("All columns are read as Unicode")));
        pickEncoding(&dialog, QStringLiteral("B – H\u00E4 v\u00B5 t\u00AAn"), QStringLiteral("TCVN3 (ABC)"));
        CHECK(dialog.problemText().isEmpty());
        REQUIRE(dialog.previewModel()->rowCount() == 2);
        CHECK(cell(dialog.previewModel(), 0, 2) == QStringLiteral("Nguyễn Thị Lan"));
        CHECK(dialog.encodingText().contains(QStringLiteral("Column B \"Họ và tên\": TCVN3 (ABC), as chosen")));
    });
}
