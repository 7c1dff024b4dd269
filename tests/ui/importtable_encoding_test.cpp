// The staff-list import's legacy-text line (issue 15 item 4): a column typed in TCVN3 is shown
// converted, the line above the preview says so with its confidence, and the clerk's choice of
// encoding for a column wins over the guess.
#include "uitesthelpers.h"

#include "core/db/query.h"
#include "tests/support/testdatabase.h"
#include "ui/registry/importtabledialog.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace VinhDanh;

namespace {
/// A CSV saved as "CSV UTF-8" from a workbook whose names are still in .VnTime (TCVN3): Excel
/// writes the Latin-1 look-alikes it shows.
QString writeTcvn3Csv(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("ds-tcvn3.csv"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QStringLiteral("Họ và tên;Đơn vị;Đối tượng;Xếp loại 2025\n"
                           "NguyÔn V¨n Hïng;Sở Nội vụ;Công chức;HTXSNV\n"
                           "TrÇn ThÞ H\u00AD\u00ACng;Sở Nội vụ;Viên chức;HTTNV\n")
                .toUtf8());
    return path;
}

QString name(QAbstractItemModel *model, int row)
{
    return model->data(model->index(row, 2)).toString();
}
} // namespace

TEST_CASE("importDialog_tcvn3Names_showConvertedWithTheGuess_andTheClerksEncodingWins", "[ui][tables][legacy]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
        QTemporaryDir dir;
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        Test::ModelTestLog log;
        QAbstractItemModelTester tester(dialog.previewModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
        REQUIRE(dialog.loadFile(writeTcvn3Csv(dir)));
        QAbstractItemModel *model = dialog.previewModel();
        REQUIRE(model->rowCount() == 2);
        CHECK(name(model, 0) == QStringLiteral("Nguyễn Văn Hùng"));
        CHECK(name(model, 1) == QStringLiteral("Trần Thị Hương"));
        CHECK(dialog.encodingText()
              == QStringLiteral("Column A \"Họ và tên\": TCVN3 (ABC), confidence 67%; 2 cells converted to Unicode."));

        // The bar starts on the converted column; the clerk says it is Unicode after all.
        auto *column = dialog.findChild<QComboBox *>(QStringLiteral("encodingColumn"));
        auto *encoding = dialog.findChild<QComboBox *>(QStringLiteral("encodingChoice"));
        REQUIRE(column);
        REQUIRE(encoding);
        CHECK(column->currentText() == QStringLiteral("A – Họ và tên"));
        CHECK(encoding->currentText() == QStringLiteral("TCVN3 (ABC)"));
        const int unicode = encoding->findText(QStringLiteral("Unicode"));
        encoding->setCurrentIndex(unicode);
        emit encoding->activated(unicode);
        CHECK(name(model, 0) == QStringLiteral("NguyÔn V¨n Hïng"));
        CHECK(dialog.encodingText().contains(QStringLiteral("Column A \"Họ và tên\": Unicode, as chosen; 0 cells")));
        CHECK(encoding->currentText() == QStringLiteral("Unicode"));

        // Back to TCVN3, kept when the file is read again, and imported in Unicode.
        dialog.chooseEncoding(0, Core::Tables::TextEncoding::Tcvn3);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("reload")), Qt::LeftButton);
        CHECK(name(model, 0) == QStringLiteral("Nguyễn Văn Hùng"));
        CHECK(dialog.encodingText().contains(QStringLiteral("TCVN3 (ABC), as chosen; 2 cells converted")));
        Test::MessageBoxAnswerer answers;
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("import")), Qt::LeftButton);
        CHECK(dialog.result() == QDialog::Accepted);
        CHECK(Core::Query(db.sql(),
                          QStringLiteral("SELECT count(*) FROM people WHERE full_name IN ('Nguyễn Văn Hùng', 'Trần Thị Hương')"))
                  .scalar(0)
                  .toInt()
              == 2);
        CHECK(log.messages().isEmpty());
    });
}
