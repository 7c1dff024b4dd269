// The staff-list preview's likely duplicates (issue 15 item 5) as the clerk sees them: the
// warning in the row's reasons, the row still new and the Import button still enabled.
#include "uitesthelpers.h"

#include "core/db/query.h"
#include "core/registry/personrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/registry/importtabledialog.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>

using namespace VinhDanh;

TEST_CASE("importDialog_newPersonLikeSomeoneInAnotherUnit_showsTheWarningInTheReasons_andStillImports", "[ui][tables]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const qint64 home = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
        Test::addUnit(db, QStringLiteral("Sở Tài chính"));
        Core::Person an;
        an.key = QStringLiteral("P000123");
        an.fullName = QStringLiteral("Nguyễn Văn An");
        an.birthDate = QDate(1980, 3, 4);
        an.unitId = home;
        an.category = QStringLiteral("cong_chuc");
        Core::PersonRepository(db).save(an);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("danh-sach.csv"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("Họ và tên;Ngày sinh;Đơn vị;Đối tượng\n"
                               "Nguyễn Văn An;04/03/1980;Sở Tài chính;Công chức\n"
                               "Trần Thị Mai;14/02/1992;Sở Tài chính;Viên chức\n")
                    .toUtf8());
        f.close();

        Ui::ImportTableDialog dialog(db);
        dialog.show();
        Test::ModelTestLog log;
        QAbstractItemModelTester tester(dialog.previewModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
        REQUIRE(dialog.loadFile(path));
        QAbstractItemModel *model = dialog.previewModel();
        REQUIRE(model->rowCount() == 2);
        const QString details = model->index(0, 4).data().toString();
        CHECK(model->index(0, 1).data(Qt::UserRole).toString() == QStringLiteral("new"));
        CHECK(details.contains(QStringLiteral("new person in Sở Tài chính")));
        CHECK(details.contains(QStringLiteral("warning: may be the same as Nguyễn Văn An (P000123, Sở Nội vụ, born 1980): "
                                              "the same birth date, another unit")));
        CHECK(model->index(0, 4).data(Qt::ToolTipRole).toString().contains(QStringLiteral("warning: may be the same as")));
        // The other new person has nobody like them: no warning, nor its colour.
        CHECK_FALSE(model->index(1, 4).data().toString().contains(QStringLiteral("warning")));
        CHECK_FALSE(model->index(1, 4).data(Qt::ForegroundRole).isValid());
        CHECK(model->index(0, 4).data(Qt::ForegroundRole).isValid());
        CHECK(dialog.findChild<QLabel *>(QStringLiteral("summary"))
                  ->text()
                  .contains(QStringLiteral("Rows that may add someone already in the registry: 1.")));

        auto *import = dialog.findChild<QPushButton *>(QStringLiteral("import"));
        REQUIRE(import);
        CHECK(import->isEnabled()); // a warning never blocks the import
        Test::MessageBoxAnswerer answers;
        import->click();
        CHECK(dialog.result() == QDialog::Accepted);
        CHECK(Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM people")).scalar(0).toInt() == 3);
        CHECK(log.messages().isEmpty());
    });
}
