// File ▸ Import staff list from Excel (issue 15): the clerk's preview of a staff list, the
// Import button that waits for a clean file, the import itself and its Cancel, on SQLite and
// PostgreSQL.
#include "uitesthelpers.h"

#include "core/db/query.h"
#include "core/registry/recordrepository.h"
#include "core/tables_support.h"
#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"
#include "ui/registry/importtabledialog.h"
#include "ui/registry/peopleview.h"
#include "ui/widgets/listpage.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace VinhDanh;

namespace {
/// Two new people with their ratings for 2024 and 2025 and, with `bad`, a third whose birth
/// date does not exist. UTF-8 with BOM and ";" as Excel saves a CSV under Vietnamese settings.
QString writeStaffCsv(const QTemporaryDir &dir, bool bad)
{
    QString text = QStringLiteral("Họ và tên;Ngày sinh;Đơn vị;Đối tượng;Xếp loại 2024;Xếp loại 2025\n"
                                  "Trần Thị Mai;14/02/1992;Sở Nội vụ;Viên chức;HTTNV;HTXSNV\n"
                                  "Lê Văn Bình;03/05/1985;Sở Nội vụ;Công chức;Hoàn thành tốt nhiệm vụ;HTXSNV\n");
    if (bad)
        text += QStringLiteral("Hà Văn Sai;31/02/1990;Sở Nội vụ;Công chức;HTTNV;HTTNV\n");
    const QString path = dir.filePath(QStringLiteral("danh-sach.csv"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("\xEF\xBB\xBF" + text.toUtf8());
    return path;
}

int count(Core::Database &db, const QString &table)
{
    return Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM ") + table).scalar(0).toInt();
}

qint64 personNamed(Core::Database &db, const QString &name)
{
    return Core::Query(db.sql(), QStringLiteral("SELECT id FROM people WHERE full_name = :n"))
        .bind(QStringLiteral(":n"), name)
        .scalar(0)
        .toLongLong();
}

QPushButton *button(QDialog &dialog, const char *name)
{
    auto *b = dialog.findChild<QPushButton *>(QString::fromLatin1(name));
    REQUIRE(b);
    return b;
}

QString cell(QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->data(model->index(row, column), role).toString();
}
} // namespace

TEST_CASE("importDialog_listWithAnErrorRow_showsEveryRowInWords_andImportWaitsUntilTheFileIsFixed", "[ui][tables]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
        QTemporaryDir dir;
        const QString path = writeStaffCsv(dir, true);
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        Test::ModelTestLog log;
        QAbstractItemModelTester tester(dialog.previewModel(), QAbstractItemModelTester::FailureReportingMode::Warning);

        REQUIRE(dialog.loadFile(path));
        CHECK(dialog.problemText().isEmpty());
        QAbstractItemModel *model = dialog.previewModel();
        REQUIRE(model->rowCount() == 3);
        CHECK(cell(model, 0, 0) == QStringLiteral("2")); // the spreadsheet's own row numbers
        CHECK(cell(model, 2, 0) == QStringLiteral("4"));
        CHECK(cell(model, 0, 1, Qt::UserRole) == QStringLiteral("new"));
        CHECK(cell(model, 1, 1, Qt::UserRole) == QStringLiteral("new"));
        CHECK(cell(model, 2, 1, Qt::UserRole) == QStringLiteral("error"));
        CHECK(cell(model, 0, 1) == QStringLiteral("new person")); // words, not the code
        CHECK(cell(model, 2, 2) == QStringLiteral("Hà Văn Sai"));
        CHECK(cell(model, 2, 3) == QStringLiteral("Sở Nội vụ"));
        CHECK(cell(model, 2, 4).contains(QStringLiteral("not a real date")));
        CHECK(dialog.findChild<QLabel *>(QStringLiteral("summary"))
                  ->text()
                  .contains(QStringLiteral("2 new, 0 changed, 0 unchanged, 1 with errors.")));

        QPushButton *import = button(dialog, "import");
        CHECK_FALSE(import->isEnabled());
        CHECK(import->toolTip().contains(QStringLiteral("Rows with errors: 1.")));
        CHECK_FALSE(button(dialog, "saveRejected")->isHidden());

        // The clerk corrects the file in Excel and reads it again.
        writeStaffCsv(dir, false);
        QTest::mouseClick(button(dialog, "reload"), Qt::LeftButton);
        CHECK(model->rowCount() == 2);
        CHECK(import->isEnabled());
        CHECK(import->toolTip().isEmpty());
        CHECK(button(dialog, "saveRejected")->isHidden());
        CHECK(log.messages().isEmpty());
    });
}

TEST_CASE("importDialog_import_putsThePeopleAndTheirRatingsInTheRegistry_andSaysHowMany", "[ui][tables]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
        QTemporaryDir dir;
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        REQUIRE(dialog.loadFile(writeStaffCsv(dir, false)));
        Test::MessageBoxAnswerer answers;
        QTest::mouseClick(button(dialog, "import"), Qt::LeftButton);

        CHECK(dialog.result() == QDialog::Accepted);
        REQUIRE(answers.texts().size() == 1);
        CHECK(answers.texts().first().contains(QStringLiteral("2 people added, 0 people changed, 4 ratings set")));
        const qint64 mai = personNamed(db, QStringLiteral("Trần Thị Mai"));
        REQUIRE(mai > 0);
        REQUIRE(personNamed(db, QStringLiteral("Lê Văn Bình")) > 0);
        const QList<Core::Rating> ratings = Core::RecordRepository(db).ratings(Core::Subject::person(mai));
        REQUIRE(ratings.size() == 2);
        QStringList byYear;
        for (const Core::Rating &r : ratings)
            byYear << QStringLiteral("%1 %2").arg(r.year).arg(r.rating);
        byYear.sort();
        CHECK(byYear == QStringList{QStringLiteral("2024 HTTNV"), QStringLiteral("2025 HTXSNV")});

        // The same list read again changes nothing, and Import says so.
        Ui::ImportTableDialog again(db);
        REQUIRE(again.loadFile(dir.filePath(QStringLiteral("danh-sach.csv"))));
        CHECK(again.preview().count(Core::Tables::RowStatus::Unchanged) == 2);
        CHECK_FALSE(button(again, "import")->isEnabled());
    });
}

TEST_CASE("importDialog_cancelDuringTheImport_leavesTheRegistryAsItWas", "[ui][tables]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
        const int people = count(db, QStringLiteral("people"));
        const int ratings = count(db, QStringLiteral("ratings"));
        QTemporaryDir dir;
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        REQUIRE(dialog.loadFile(writeStaffCsv(dir, false)));
        // The clerk presses Cancel while the first person is already written.
        QObject::connect(&dialog, &Ui::ImportTableDialog::progressed, &dialog, [&dialog](int done, int) {
            auto *progress = dialog.findChild<QProgressDialog *>(QStringLiteral("importProgress"));
            if (done == 1 && progress)
                QTest::mouseClick(progress->findChild<QPushButton *>(), Qt::LeftButton);
        });
        Test::MessageBoxAnswerer answers;
        QTest::mouseClick(button(dialog, "import"), Qt::LeftButton);

        CHECK(dialog.result() != QDialog::Accepted);
        REQUIRE(answers.texts().size() == 1);
        CHECK(answers.texts().first().contains(QStringLiteral("cancelled: nothing was written")));
        CHECK(count(db, QStringLiteral("people")) == people);
        CHECK(count(db, QStringLiteral("ratings")) == ratings);
        CHECK(button(dialog, "import")->isEnabled()); // the preview still holds: the clerk may try again
    });
}

TEST_CASE("importDialog_workbookWithSeveralSheets_letsTheClerkChooseAVisibleSheet_andNamesTheHiddenOnes", "[ui][tables]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("danh-sach.xlsx"));
    {
        Test::XlsxWriter book(path);
        book.row(book.sheet(QStringLiteral("Hướng dẫn")), 0, {QStringLiteral("Điền danh sách ở trang sau.")});
        lxw_worksheet *list = book.sheet(QStringLiteral("Danh sách"));
        book.row(list, 0,
                 {QStringLiteral("Họ và tên"), QStringLiteral("Ngày sinh"), QStringLiteral("Đơn vị"), QStringLiteral("Đối tượng"),
                  QStringLiteral("Xếp loại 2025")});
        book.row(list, 1,
                 {QStringLiteral("Trần Thị Mai"), QDate(1992, 2, 14), QStringLiteral("Sở Nội vụ"), QStringLiteral("Viên chức"),
                  QStringLiteral("HTXSNV")});
        worksheet_hide(book.sheet(QStringLiteral("Cũ")));
    }
    Ui::ImportTableDialog dialog(db);
    dialog.show();
    // The first visible sheet is an instruction page: no staff list there, and the dialog says so.
    CHECK_FALSE(dialog.loadFile(path));
    CHECK_FALSE(dialog.problemText().isEmpty());
    auto *sheet = dialog.findChild<QComboBox *>(QStringLiteral("sheet"));
    REQUIRE(sheet);
    CHECK_FALSE(sheet->isHidden());
    REQUIRE(sheet->count() == 2); // the hidden sheet is not offered
    CHECK(sheet->itemText(1) == QStringLiteral("Danh sách"));

    sheet->setCurrentIndex(1);
    emit sheet->activated(1);
    CHECK(dialog.problemText().isEmpty());
    REQUIRE(dialog.previewModel()->rowCount() == 1);
    CHECK(cell(dialog.previewModel(), 0, 2) == QStringLiteral("Trần Thị Mai"));
    CHECK(cell(dialog.previewModel(), 0, 1, Qt::UserRole) == QStringLiteral("new"));
    CHECK(dialog.findChild<QLabel *>(QStringLiteral("summary"))->text().contains(QStringLiteral("Cũ")));
    CHECK(button(dialog, "import")->isEnabled());
}

TEST_CASE("importDialog_oldExcelFile_saysWhyInTheDialog_andOffersNoImport", "[ui][tables]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cu.xls"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromHex("D0CF11E0A1B11AE1") + QByteArray(504, '\0'));
    f.close();
    Ui::ImportTableDialog dialog(db);
    dialog.show();
    CHECK_FALSE(dialog.loadFile(path));
    CHECK(dialog.problemText().contains(QStringLiteral("cu.xls")));
    CHECK(dialog.previewModel()->rowCount() == 0);
    CHECK_FALSE(button(dialog, "import")->isEnabled());
}

TEST_CASE("mainWindow_fileImportStaffList_opensTheDialog_andThePeoplePageShowsTheImportedPeople", "[ui][tables][mainwindow]")
{
    Test::TestDatabase t;
    Ui::MainWindow window;
    auto *action = window.findChild<QAction *>(QStringLiteral("importStaffList"));
    REQUIRE(action);
    CHECK_FALSE(action->isEnabled()); // no database open yet
    REQUIRE(window.openDatabase(t.settings()).isEmpty());
    CHECK(action->isEnabled());
    Test::addUnit(*window.database(), QStringLiteral("Sở Nội vụ"));
    QTemporaryDir dir;
    const QString path = writeStaffCsv(dir, false);
    const int before = window.peopleView()->table()->model()->rowCount();

    // The clerk's part inside the modal dialog: the file, then Import.
    bool driven = false;
    QTimer::singleShot(0, &window, [&] {
        auto *dialog = window.findChild<Ui::ImportTableDialog *>();
        REQUIRE(dialog);
        REQUIRE(dialog->loadFile(path));
        QTest::mouseClick(button(*dialog, "import"), Qt::LeftButton);
        driven = true;
    });
    Test::MessageBoxAnswerer answers;
    action->trigger();
    REQUIRE(driven);
    CHECK(answers.texts().size() == 1);
    CHECK(Test::waitUntil([&] { return window.peopleView()->table()->model()->rowCount() == before + 2; }));
}
