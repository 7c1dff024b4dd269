// The import dialog in units mode (issue 15 item 1): a clerk who opened it for a staff list
// switches "List" to units, sees each unit row in words with its parent, and imports the list,
// parents before the units under them. SQLite and PostgreSQL.
#include "uitesthelpers.h"

#include "core/db/query.h"
#include "tests/support/testdatabase.h"
#include "ui/registry/importtabledialog.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace VinhDanh;

namespace {
/// A commune's units, the parent named by its name one row below; with `bad`, a kind nobody
/// has. UTF-8 with BOM and ";" as Excel saves a CSV under Vietnamese settings.
QString writeUnitCsv(const QTemporaryDir &dir, bool bad)
{
    const QString text = QStringLiteral("Mã đơn vị;Tên đơn vị;Trực thuộc;Loại hình\n"
                                        "VP;Văn phòng HĐND và UBND;UBND xã Tân Lập;Phòng ban\n"
                                        "TL;UBND xã Tân Lập;Sở Nội vụ;UBND xã\n"
                                        "HTX;Hợp tác xã Tân Lập;UBND xã Tân Lập;%1\n")
                             .arg(bad ? QStringLiteral("Tổ hợp") : QStringLiteral("HTX"));
    const QString path = dir.filePath(QStringLiteral("don-vi.csv"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("\xEF\xBB\xBF" + text.toUtf8());
    return path;
}

QString cell(QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->data(model->index(row, column), role).toString();
}

QPushButton *button(QDialog &dialog, const char *name)
{
    auto *b = dialog.findChild<QPushButton *>(QString::fromLatin1(name));
    REQUIRE(b);
    return b;
}

QString parentKeyOf(Core::Database &db, const QString &key)
{
    return Core::Query(db.sql(),
                       QStringLiteral("SELECT p.ext_key FROM units u JOIN units p ON p.id = u.parent_id WHERE u.ext_key = :k"))
        .bind(QStringLiteral(":k"), key)
        .scalar(0)
        .toString();
}
} // namespace

TEST_CASE("importDialog_unitsMode_showsUnitRowsInWords_andImportsParentsFirst", "[ui][tables][units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const qint64 snv = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
        QTemporaryDir dir;
        const QString path = writeUnitCsv(dir, true);
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        Test::ModelTestLog log;
        QAbstractItemModelTester tester(dialog.previewModel(), QAbstractItemModelTester::FailureReportingMode::Warning);

        // Opened for a staff list, the unit list has no full-name column: the dialog says so.
        CHECK_FALSE(dialog.loadFile(path));
        CHECK(dialog.problemText().contains(QStringLiteral("full-name column")));
        // The clerk switches the List box to units (keyboard, as the box is the first field).
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("listKind"));
        REQUIRE(kind);
        kind->setFocus();
        QTest::keyClick(kind, Qt::Key_Down);
        REQUIRE(dialog.listKind() == Ui::ImportTableDialog::ListKind::Units);
        CHECK(dialog.windowTitle() == QStringLiteral("Import unit list"));
        CHECK(dialog.problemText().isEmpty());

        QAbstractItemModel *model = dialog.previewModel();
        REQUIRE(model->rowCount() == 3);
        CHECK(model->headerData(2, Qt::Horizontal).toString() == QStringLiteral("Unit name"));
        CHECK(model->headerData(3, Qt::Horizontal).toString() == QStringLiteral("Parent unit"));
        CHECK(cell(model, 0, 1) == QStringLiteral("new unit"));
        CHECK(cell(model, 0, 2) == QStringLiteral("Văn phòng HĐND và UBND"));
        CHECK(cell(model, 0, 3) == QStringLiteral("UBND xã Tân Lập"));
        CHECK(cell(model, 2, 1, Qt::UserRole) == QStringLiteral("error"));
        CHECK(cell(model, 2, 4).contains(QStringLiteral("\"Tổ hợp\" is not a kind of unit")));
        QPushButton *import = button(dialog, "import");
        CHECK_FALSE(import->isEnabled());
        CHECK_FALSE(button(dialog, "saveRejected")->isHidden());

        // Fixed in the file and read again: Import writes the three units.
        writeUnitCsv(dir, false);
        QTest::mouseClick(button(dialog, "reload"), Qt::LeftButton);
        CHECK(dialog.unitPreview().count(Core::Tables::RowStatus::New) == 3);
        REQUIRE(import->isEnabled());
        Test::MessageBoxAnswerer answers;
        QTest::mouseClick(import, Qt::LeftButton);
        CHECK(dialog.result() == QDialog::Accepted);
        REQUIRE(answers.texts().size() == 1);
        CHECK(answers.texts().first() == QStringLiteral("Imported: 3 units added, 0 units changed."));
        CHECK(parentKeyOf(db, QStringLiteral("VP")) == QStringLiteral("TL"));
        CHECK(parentKeyOf(db, QStringLiteral("HTX")) == QStringLiteral("TL"));
        CHECK(Core::Query(db.sql(), QStringLiteral("SELECT parent_id FROM units WHERE ext_key = 'TL'")).scalar(0).toLongLong() == snv);
        CHECK(log.messages().isEmpty());

        // The same list again: nothing to import.
        Ui::ImportTableDialog again(db);
        again.setListKind(Ui::ImportTableDialog::ListKind::Units);
        REQUIRE(again.loadFile(path));
        CHECK(again.unitPreview().count(Core::Tables::RowStatus::Unchanged) == 3);
        CHECK_FALSE(button(again, "import")->isEnabled());
    });
}
