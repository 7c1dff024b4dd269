// The import dialog's award and discipline lists (issue 15 item 1): the "List" box offers them,
// the preview says each award in words, and Import writes them. SQLite and PostgreSQL.
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
QString writeCsv(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("\xEF\xBB\xBF" + text.toUtf8());
    return path;
}

QString cell(QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->data(model->index(row, column), role).toString();
}

int count(Core::Database &db, const char *table)
{
    return Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).scalar(0).toInt();
}
} // namespace

TEST_CASE("importDialog_listBoxOffersAwardsAndDisciplines_andImportsTheAwardHistory", "[ui][tables][awards]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const qint64 snv = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
        Test::addPerson(db, QStringLiteral("Nguyễn Văn An"), snv);
        QTemporaryDir dir;
        const QString path = writeCsv(dir, QStringLiteral("danh-hieu.csv"),
                                      QStringLiteral("Họ và tên;Đơn vị;Danh hiệu 2024;Danh hiệu 2025\n"
                                                     "Nguyễn Văn An;Sở Nội vụ;LĐTT;LĐTT, CSTĐCS\n"));
        Ui::ImportTableDialog dialog(db);
        dialog.show();
        Test::ModelTestLog log;
        QAbstractItemModelTester tester(dialog.previewModel(), QAbstractItemModelTester::FailureReportingMode::Warning);

        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("listKind"));
        REQUIRE(kind);
        QStringList offered;
        for (int i = 0; i < kind->count(); ++i)
            offered << kind->itemText(i);
        CHECK(offered
              == QStringList{QStringLiteral("staff"), QStringLiteral("units"), QStringLiteral("awards and titles"),
                             QStringLiteral("disciplines"), QStringLiteral("initiatives")});

        dialog.setListKind(Ui::ImportTableDialog::ListKind::Awards);
        CHECK(dialog.windowTitle() == QStringLiteral("Import award history"));
        REQUIRE(dialog.loadFile(path));
        QAbstractItemModel *model = dialog.previewModel();
        REQUIRE(model->rowCount() == 1);
        CHECK(cell(model, 0, 1) == QStringLiteral("new award"));
        CHECK(cell(model, 0, 2) == QStringLiteral("Nguyễn Văn An"));
        CHECK(cell(model, 0, 3) == QStringLiteral("Sở Nội vụ"));
        CHECK(cell(model, 0, 4).contains(QStringLiteral("new award: Chiến sĩ thi đua cơ sở, 2025")));

        auto *import = dialog.findChild<QPushButton *>(QStringLiteral("import"));
        REQUIRE(import);
        REQUIRE(import->isEnabled());
        Test::MessageBoxAnswerer answers;
        QTest::mouseClick(import, Qt::LeftButton);
        CHECK(dialog.result() == QDialog::Accepted);
        REQUIRE(answers.texts().size() == 1);
        CHECK(answers.texts().first() == QStringLiteral("Imported: 3 awards added, 0 awards changed."));
        CHECK(count(db, "awards") == 3);
        CHECK(log.messages().isEmpty());

        // Disciplines: the kind in Vietnamese words, imported the same way.
        const QString disciplines = writeCsv(dir, QStringLiteral("ky-luat.csv"),
                                             QStringLiteral("Họ và tên;Đơn vị;Hình thức kỷ luật;Từ ngày\n"
                                                            "Nguyễn Văn An;Sở Nội vụ;Cảnh cáo;01/02/2023\n"));
        Ui::ImportTableDialog second(db);
        second.setListKind(Ui::ImportTableDialog::ListKind::Disciplines);
        REQUIRE(second.loadFile(disciplines));
        CHECK(second.disciplinePreview().count(Core::Tables::RowStatus::New) == 1);
        CHECK(cell(second.previewModel(), 0, 1) == QStringLiteral("new disciplinary record"));
    });
}
