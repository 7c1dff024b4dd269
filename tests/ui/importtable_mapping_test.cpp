// The import dialog's column mapping (issue 15 item 2): the clerk sees how each column of the
// file is read, corrects one with the keyboard, the preview follows; the correction saved under
// a name is offered to the next import and applied when chosen. SQLite and PostgreSQL.
#include "uitesthelpers.h"

#include "core/tables/mappingpresets.h"
#include "tests/support/testdatabase.h"
#include "ui/registry/columnmappingpanel.h"
#include "ui/registry/importtabledialog.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace VinhDanh;

namespace {
/// A staff list whose unit column has a header nothing recognises ("Nơi làm việc").
QString writeStaffCsv(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("can-bo.csv"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QStringLiteral("Họ và tên;Nơi làm việc;Ngày sinh;Đối tượng\n"
                           "Lê Thị Hoa;Văn phòng;02/03/1985;Công chức\n"
                           "Trần Văn Nam;Văn phòng;15/08/1979;Công chức\n")
                .toUtf8());
    return path;
}

QString cell(QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->data(model->index(row, column), role).toString();
}

/// The mapping table's row of the column headed `header`.
int rowOf(QAbstractItemModel *model, const QString &header)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (cell(model, r, Ui::ColumnMappingModel::Header) == header)
            return r;
    return -1;
}
} // namespace

TEST_CASE("importDialog_clerkCorrectsAColumn_previewFollows_andTheSavedMappingIsOfferedNextTime", "[ui][tables][mapping]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::addUnit(db, QStringLiteral("Văn phòng"));
        QTemporaryDir dir;
        const QString path = writeStaffCsv(dir);
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        Test::ModelTestLog log;
        Ui::ColumnMappingPanel *panel = dialog.mappingPanel();
        QAbstractItemModel *mapping = panel->model();
        QAbstractItemModelTester tester(mapping, QAbstractItemModelTester::FailureReportingMode::Warning);
        CHECK(panel->isHidden()); // nothing to map before a file is read

        REQUIRE(dialog.loadFile(path));
        CHECK(panel->isVisible());
        REQUIRE(mapping->rowCount() == 4);
        const int place = rowOf(mapping, QStringLiteral("Nơi làm việc"));
        REQUIRE(place >= 0);
        CHECK(cell(mapping, rowOf(mapping, QStringLiteral("Họ và tên")), Ui::ColumnMappingModel::Reading)
              == QStringLiteral("Full name"));
        CHECK(cell(mapping, place, Ui::ColumnMappingModel::Reading) == QStringLiteral("Left out (not recognised)"));
        QAbstractItemModel *preview = dialog.previewModel();
        REQUIRE(preview->rowCount() == 2);
        CHECK(cell(preview, 0, 3).isEmpty()); // no unit read

        // With the keyboard: the reading of "Nơi làm việc", F2, one step down the list to "Unit".
        auto *view = panel->findChild<QTableView *>(QStringLiteral("columnMapping"));
        REQUIRE(view);
        view->setFocus();
        // Walking the readings with the arrows changes none of them (an editor that opened on
        // the current cell would take each Down as a new choice).
        QStringList before;
        for (int r = 0; r < mapping->rowCount(); ++r)
            before << cell(mapping, r, Ui::ColumnMappingModel::Reading);
        view->setCurrentIndex(mapping->index(0, Ui::ColumnMappingModel::Reading));
        for (int r = 0; r < mapping->rowCount(); ++r)
            QTest::keyClick(view, Qt::Key_Down);
        QCoreApplication::processEvents();
        for (int r = 0; r < mapping->rowCount(); ++r)
            CHECK(cell(mapping, r, Ui::ColumnMappingModel::Reading) == before.at(r));
        CHECK_FALSE(view->findChild<QComboBox *>(QStringLiteral("readingEditor")));
        view->setCurrentIndex(mapping->index(place, Ui::ColumnMappingModel::Reading));
        QTest::keyClick(view, Qt::Key_F2);
        auto *editor = view->findChild<QComboBox *>(QStringLiteral("readingEditor"));
        REQUIRE(editor);
        CHECK(editor->currentText() == QStringLiteral("Leave out"));
        editor->setCurrentIndex(editor->findData(QStringLiteral("unit")) - 1);
        QTest::keyClick(editor, Qt::Key_Down);
        QCoreApplication::processEvents(); // the preview is made again once the editor has closed
        CHECK(cell(mapping, place, Ui::ColumnMappingModel::Reading) == QStringLiteral("Unit"));
        REQUIRE(preview->rowCount() == 2);
        CHECK(cell(preview, 0, 3) == QStringLiteral("Văn phòng"));
        CHECK(cell(preview, 0, 1, Qt::UserRole) == QStringLiteral("new"));
        CHECK(dialog.problemText().isEmpty());

        // Saved under a name: in the database, for this list kind only.
        auto *save = panel->findChild<QPushButton *>(QStringLiteral("saveMapping"));
        REQUIRE(save);
        CHECK(save->isEnabled());
        REQUIRE(panel->savePreset(QStringLiteral("Sở Nội vụ")));
        CHECK(Core::Tables::mappingPresetNames(db, Core::Tables::MappingKind::People) == QStringList{QStringLiteral("Sở Nội vụ")});
        CHECK(Core::Tables::mappingPresetNames(db, Core::Tables::MappingKind::Units).isEmpty());

        // The next import: read automatically first, the saved mapping offered and applied.
        Ui::ImportTableDialog again(db);
        again.show();
        REQUIRE(again.loadFile(path));
        CHECK(cell(again.previewModel(), 0, 3).isEmpty());
        auto *presets = again.mappingPanel()->findChild<QComboBox *>(QStringLiteral("mappingPresets"));
        REQUIRE(presets);
        REQUIRE(presets->count() == 2);
        CHECK(presets->itemText(1) == QStringLiteral("Sở Nội vụ"));
        presets->setFocus();
        QTest::keyClick(presets, Qt::Key_Down);
        QCoreApplication::processEvents();
        CHECK(cell(again.previewModel(), 0, 3) == QStringLiteral("Văn phòng"));
        CHECK(cell(again.mappingPanel()->model(), place, Ui::ColumnMappingModel::Reading) == QStringLiteral("Unit"));
        // Another list kind has its own mappings: none here.
        again.setListKind(Ui::ImportTableDialog::ListKind::Units);
        CHECK(again.mappingPanel()->presetNames().isEmpty());
        CHECK(log.messages().isEmpty());
    });
}

TEST_CASE("importDialog_noHeaderRecognised_theClerkNamesTheColumnsByHand_andTheListReads", "[ui][tables][mapping]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addUnit(db, QStringLiteral("Văn phòng"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nhan-vien.csv"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("Tên nhân viên;Phòng;Đối tượng\nLê Thị Hoa;Văn phòng;Công chức\n").toUtf8());
    f.close();
    Ui::ImportTableDialog dialog(db);
    dialog.show();
    // Refused as before, but the columns are there to be named.
    CHECK_FALSE(dialog.loadFile(path));
    CHECK_FALSE(dialog.problemText().isEmpty());
    QAbstractItemModel *mapping = dialog.mappingPanel()->model();
    REQUIRE(dialog.mappingPanel()->isVisible());
    REQUIRE(mapping->rowCount() == 3);
    CHECK(cell(mapping, 0, Ui::ColumnMappingModel::Reading) == QStringLiteral("Left out (not recognised)"));
    // The name column named: the list reads, its rows refused for want of a unit.
    REQUIRE(mapping->setData(mapping->index(0, Ui::ColumnMappingModel::Reading), QStringLiteral("fullName"), Qt::EditRole));
    QCoreApplication::processEvents();
    CHECK(dialog.problemText().isEmpty());
    CHECK(cell(mapping, 0, Ui::ColumnMappingModel::Reading) == QStringLiteral("Full name"));
    CHECK(cell(mapping, 2, Ui::ColumnMappingModel::Reading) == QStringLiteral("Category"));
    REQUIRE(dialog.previewModel()->rowCount() == 1);
    CHECK(cell(dialog.previewModel(), 0, 1, Qt::UserRole) == QStringLiteral("error"));
    REQUIRE(mapping->setData(mapping->index(1, Ui::ColumnMappingModel::Reading), QStringLiteral("unit"), Qt::EditRole));
    QCoreApplication::processEvents();
    CHECK(dialog.problemText().isEmpty());
    REQUIRE(dialog.previewModel()->rowCount() == 1);
    CHECK(cell(dialog.previewModel(), 0, 2) == QStringLiteral("Lê Thị Hoa"));
    CHECK(cell(dialog.previewModel(), 0, 3) == QStringLiteral("Văn phòng"));
    CHECK(cell(dialog.previewModel(), 0, 1, Qt::UserRole) == QStringLiteral("new"));
}

TEST_CASE("importDialog_savedMappingNamesAColumnTheFileLacks_theNotesSayWhich_andTheListStillReads", "[ui][tables][mapping]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addUnit(db, QStringLiteral("Văn phòng"));
    Core::Tables::saveMappingPreset(
        db, Core::Tables::MappingKind::People, QStringLiteral("Sở Y tế"),
        {{QStringLiteral("noi lam viec"), QStringLiteral("unit")}, {QStringLiteral("so dien thoai"), QStringLiteral("ignore")}});
    QTemporaryDir dir;
    Ui::ImportTableDialog dialog(db);
    dialog.show();
    REQUIRE(dialog.loadFile(writeStaffCsv(dir)));
    CHECK_FALSE(dialog.sheetPreview().notes.join(QLatin1Char('\n')).contains(QStringLiteral("so dien thoai")));
    dialog.mappingPanel()->choosePreset(QStringLiteral("Sở Y tế"));
    QCoreApplication::processEvents();
    CHECK(dialog.problemText().isEmpty());
    CHECK(dialog.sheetPreview().notes.contains(
        QStringLiteral("The column mapping names columns this file does not have: so dien thoai.")));
    REQUIRE(dialog.previewModel()->rowCount() == 2);
    CHECK(cell(dialog.previewModel(), 0, 1, Qt::UserRole) == QStringLiteral("new"));
}
