// The import dialog's initiative list (issue 15 item 1): chosen in the "List" box, previewed in
// words, imported with the dialog's Import button. SQLite and PostgreSQL.
#include "uitesthelpers.h"

#include "core/db/query.h"
#include "tests/support/testdatabase.h"
#include "ui/registry/importtabledialog.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace VinhDanh;

TEST_CASE("importDialog_initiativeList_isPreviewedInWords_andImported", "[ui][tables][initiatives]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const qint64 snv = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
        Test::addPerson(db, QStringLiteral("Nguyễn Văn An"), snv);
        Test::addPerson(db, QStringLiteral("Lê Thị Bình"), snv);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sang-kien.csv"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QStringLiteral("\xFEFFTên sáng kiến;Tác giả;Đơn vị;Số QĐ công nhận;Ngày QĐ;Cấp công nhận\n"
                               "Một cửa điện tử;Nguyễn Văn An;Sở Nội vụ;9/QĐ-SNV;01/11/2025;cấp tỉnh\n"
                               "Một cửa điện tử;Lê Thị Bình;Sở Nội vụ;9/QĐ-SNV;;\n")
                    .toUtf8());
        f.close();
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        Test::ModelTestLog log;
        QAbstractItemModelTester tester(dialog.previewModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
        dialog.setListKind(Ui::ImportTableDialog::ListKind::Initiatives);
        CHECK(dialog.windowTitle() == QStringLiteral("Import initiatives"));
        REQUIRE(dialog.loadFile(path));
        QAbstractItemModel *model = dialog.previewModel();
        REQUIRE(model->rowCount() == 2);
        CHECK(model->data(model->index(0, 1)).toString() == QStringLiteral("new initiative"));
        CHECK(model->data(model->index(0, 4)).toString().contains(QStringLiteral("holders: Nguyễn Văn An, Lê Thị Bình")));

        auto *import = dialog.findChild<QPushButton *>(QStringLiteral("import"));
        REQUIRE(import);
        REQUIRE(import->isEnabled());
        Test::MessageBoxAnswerer answers;
        QTest::mouseClick(import, Qt::LeftButton);
        REQUIRE(answers.texts().size() == 1);
        CHECK(answers.texts().first() == QStringLiteral("Imported: 1 initiatives added, 0 changed."));
        CHECK(Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM initiative_holders")).scalar(0).toInt() == 2);
        CHECK(log.messages().isEmpty());
    });
}
