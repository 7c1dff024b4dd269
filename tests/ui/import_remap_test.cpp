// Re-mapping without re-reading (issue 15 item 2): once a list is read, another column choice,
// a saved mapping chosen or another list kind previews the rows first read, even after the file
// changed or vanished on disk; "Read the file again" reads it anew. Deleting a saved mapping
// asks first, naming it. With a file read, the dialog's Alt letters never collide, in both
// languages. SQLite and PostgreSQL where a database matters.
#include "uitesthelpers.h"

#include "clerkwords.h"
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
#include <QTemporaryDir>

#include <optional>

using namespace VinhDanh;

namespace {
void writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
}

/// A staff list whose unit column has a header nothing recognises ("Nơi làm việc").
const QString kStaff = QStringLiteral("Họ và tên;Nơi làm việc;Ngày sinh;Đối tượng\n"
                                      "Lê Thị Hoa;Văn phòng;02/03/1985;Công chức\n"
                                      "Trần Văn Nam;Văn phòng;15/08/1979;Công chức\n");

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

/// The clerk's choice of what the column headed `header` holds, as the table's editor sets it.
void choose(Ui::ColumnMappingPanel *panel, const QString &header, const QString &field)
{
    QAbstractItemModel *m = panel->model();
    const int row = rowOf(m, header);
    REQUIRE(row >= 0);
    REQUIRE(m->setData(m->index(row, Ui::ColumnMappingModel::Reading), field, Qt::EditRole));
    QCoreApplication::processEvents(); // the preview is made again, queued
}
} // namespace

TEST_CASE("importDialog_fileChangedOrDeletedAfterReading_aMappingChangeStillPreviewsTheRowsFirstRead", "[ui][tables][mapping]")
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
        QAbstractItemModelTester mappingTester(dialog.mappingPanel()->model(),
                                               QAbstractItemModelTester::FailureReportingMode::Warning);
        REQUIRE(dialog.loadFile(path));
        REQUIRE(preview->rowCount() == 2);
        CHECK(cell(preview, 0, 3).isEmpty()); // "Nơi làm việc" not read yet

        // The file changes on disk (another office's list saved over it), then the clerk maps
        // the column: the preview is of the rows read, not of the file as it is now.
        writeFile(path, QStringLiteral("Họ và tên;Nơi làm việc\nPhạm Thị Mới;Văn phòng\n"));
        choose(dialog.mappingPanel(), QStringLiteral("Nơi làm việc"), QStringLiteral("unit"));
        REQUIRE(preview->rowCount() == 2);
        CHECK(cell(preview, 0, 2) == QStringLiteral("Lê Thị Hoa"));
        CHECK(cell(preview, 0, 3) == QStringLiteral("Văn phòng"));
        CHECK(cell(preview, 0, 1, Qt::UserRole) == QStringLiteral("new"));

        // Deleted: a mapping change, and another list kind and back, still preview from memory.
        REQUIRE(QFile::remove(path));
        choose(dialog.mappingPanel(), QStringLiteral("Đối tượng"), QStringLiteral("ignore"));
        CHECK(dialog.problemText().isEmpty());
        REQUIRE(preview->rowCount() == 2);
        CHECK(cell(preview, 1, 2) == QStringLiteral("Trần Văn Nam"));
        dialog.setListKind(Ui::ImportTableDialog::ListKind::Units);
        CHECK_FALSE(dialog.problemText().contains(QStringLiteral("Cannot open")));
        dialog.setListKind(Ui::ImportTableDialog::ListKind::People);
        CHECK(dialog.problemText().isEmpty());
        REQUIRE(preview->rowCount() == 2);
        CHECK(cell(preview, 0, 2) == QStringLiteral("Lê Thị Hoa"));

        // "Read the file again" reads the disk: now gone, and it says so.
        auto *reload = dialog.findChild<QPushButton *>(QStringLiteral("reload"));
        REQUIRE(reload);
        reload->click();
        CHECK(dialog.problemText().contains(QStringLiteral("Cannot open")));
        CHECK(preview->rowCount() == 0);
        // Written again with other rows: read anew.
        writeFile(path, QStringLiteral("Họ và tên;Đơn vị\nPhạm Thị Mới;Văn phòng\n"));
        reload->click();
        CHECK(dialog.problemText().isEmpty());
        REQUIRE(preview->rowCount() == 1);
        CHECK(cell(preview, 0, 2) == QStringLiteral("Phạm Thị Mới"));
        CHECK(log.messages().isEmpty());
    });
}

TEST_CASE("mappingPanel_deletingTheChosenMapping_asksNamingIt_thenReadsFromTheHeadersAgain", "[ui][tables][mapping]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::addUnit(db, QStringLiteral("Văn phòng"));
        Core::Tables::saveMappingPreset(db, Core::Tables::MappingKind::People, QStringLiteral("Sở Nội vụ"),
                                        {{QStringLiteral("noi lam viec"), QStringLiteral("unit")}});
        Core::Tables::saveMappingPreset(db, Core::Tables::MappingKind::People, QStringLiteral("Bệnh viện"),
                                        {{QStringLiteral("khoa"), QStringLiteral("unit")}});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("can-bo.csv"));
        writeFile(path, kStaff);
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        REQUIRE(dialog.loadFile(path));
        Ui::ColumnMappingPanel *panel = dialog.mappingPanel();
        auto *remove = panel->findChild<QPushButton *>(QStringLiteral("deleteMapping"));
        auto *presets = panel->findChild<QComboBox *>(QStringLiteral("mappingPresets"));
        REQUIRE(remove);
        REQUIRE(presets);
        CHECK_FALSE(remove->isEnabled()); // the automatic reading is no saved mapping
        panel->choosePreset(QStringLiteral("Sở Nội vụ"));
        QCoreApplication::processEvents();
        CHECK(cell(dialog.previewModel(), 0, 3) == QStringLiteral("Văn phòng"));
        REQUIRE(remove->isEnabled());

        {
            // "No": nothing deleted, the mapping still applied.
            Test::MessageBoxAnswerer answers({QMessageBox::No});
            remove->click();
            REQUIRE(answers.texts().size() == 1);
            CHECK(answers.texts().first().contains(QStringLiteral("\"Sở Nội vụ\"")));
        }
        CHECK(Core::Tables::mappingPresetNames(db, Core::Tables::MappingKind::People).size() == 2);
        CHECK(presets->currentText() == QStringLiteral("Sở Nội vụ"));
        {
            Test::MessageBoxAnswerer answers({QMessageBox::Yes});
            remove->click();
            REQUIRE(answers.texts().size() == 1);
        }
        QCoreApplication::processEvents();
        // Gone from the database and the box; the file read from its headers again.
        CHECK(Core::Tables::mappingPresetNames(db, Core::Tables::MappingKind::People) == QStringList{QStringLiteral("Bệnh viện")});
        CHECK(panel->presetNames() == QStringList{QStringLiteral("Bệnh viện")});
        CHECK(presets->currentIndex() == 0);
        CHECK_FALSE(remove->isEnabled());
        CHECK(cell(dialog.previewModel(), 0, 3).isEmpty());
        // A name no longer saved (another clerk deleted it meanwhile): refused, said, nothing changed.
        {
            Test::MessageBoxAnswerer answers;
            CHECK_FALSE(panel->deletePreset(QStringLiteral("Sở Nội vụ")));
            REQUIRE(answers.texts().size() == 1);
            CHECK(answers.texts().first().contains(QStringLiteral("Bệnh viện")));
        }
        CHECK(panel->presetNames() == QStringList{QStringLiteral("Bệnh viện")});
    });
}

TEST_CASE("importDialog_withAFileRead_itsAltLettersNeverCollide_inBothLanguages", "[ui][keyboard][mnemonics][mapping]")
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
    Core::Tables::saveMappingPreset(db, Core::Tables::MappingKind::People, QStringLiteral("Sở Nội vụ"),
                                    {{QStringLiteral("noi lam viec"), QStringLiteral("unit")}});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("can-bo.csv"));
    writeFile(path, kStaff); // no unit "Văn phòng": every row an error, "Save rejected rows…" shown
    Ui::ImportTableDialog dialog(db);
    dialog.show();
    dialog.loadFile(path);
    dialog.mappingPanel()->choosePreset(QStringLiteral("Sở Nội vụ")); // "Delete…" on
    QCoreApplication::processEvents();
    REQUIRE(dialog.mappingPanel()->isVisible());
    REQUIRE(dialog.findChild<QPushButton *>(QStringLiteral("saveRejected"))->isVisible());
    const QStringList clashes = Test::collisions(&dialog, QStringLiteral("ImportTableDialog"));
    INFO(clashes.join(QLatin1Char('\n')).toStdString());
    CHECK(clashes.isEmpty());
}
