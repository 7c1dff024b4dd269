// The import dialog's "Get a template…" and "Save rejected rows…" (issue 15 items 2 and 3): the
// template of the list kind chosen, with the database's units in its drop-down, and the
// rejected rows offered as XLSX first.
#include "uitesthelpers.h"

#include "core/interchange_support.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/tablefile.h"
#include "core/tables/unitmapping.h"
#include "core/tables/xlsxreader.h"
#include "tests/support/testdatabase.h"
#include "ui/registry/importtabledialog.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

using namespace VinhDanh;

namespace {
/// Clicks `button` and answers the file dialog it opens with `chosen`; returns the dialog's
/// name filters.
QStringList saveThrough(QPushButton *button, const QString &chosen)
{
    QStringList filters;
    bool answered = false;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!files || answered)
            return;
        answered = true;
        filters = files->nameFilters();
        files->selectFile(chosen);
        static_cast<QDialog *>(files)->accept(); // public in QDialog, protected in QFileDialog
    });
    poll.start();
    button->click();
    poll.stop();
    REQUIRE(answered);
    return filters;
}

QPushButton *button(QDialog &dialog, const char *name)
{
    auto *b = dialog.findChild<QPushButton *>(QString::fromLatin1(name));
    REQUIRE(b);
    return b;
}
} // namespace

TEST_CASE("importDialog_getATemplate_writesTheChosenListsTemplateWithTheDatabasesUnits", "[ui][tables][templates]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    QTemporaryDir dir;
    Ui::ImportTableDialog dialog(db);
    dialog.show();

    const QString staff = dir.filePath(QStringLiteral("mau-can-bo.xlsx"));
    const QStringList filters = saveThrough(button(dialog, "getTemplate"), staff);
    CHECK(filters.value(0).contains(QStringLiteral("*.xlsx")));
    REQUIRE(QFile::exists(staff));
    const Core::Tables::TableFile file = Core::Tables::readFile(staff);
    CHECK(Core::Tables::mapPeople(file.sheet).unrecognised.isEmpty());
    const Core::Tables::Sheet lists = Core::Tables::XlsxWorkbook(Test::readAll(staff)).read(QStringLiteral("Danh mục"));
    bool unitListed = false;
    for (const Core::Tables::Row &r : lists.rows)
        for (const Core::Tables::Cell &c : r.cells)
            unitListed = unitListed || c.text == QStringLiteral("Sở Nội vụ");
    CHECK(unitListed);

    // The List box chooses the template: a unit list, its name given without the extension.
    dialog.setListKind(Ui::ImportTableDialog::ListKind::Units);
    saveThrough(button(dialog, "getTemplate"), dir.filePath(QStringLiteral("mau-don-vi")));
    const QString units = dir.filePath(QStringLiteral("mau-don-vi.xlsx"));
    REQUIRE(QFile::exists(units));
    CHECK(Core::Tables::mapUnits(Core::Tables::readFile(units).sheet).unrecognised.isEmpty());
}

TEST_CASE("importDialog_saveRejectedRows_offersXlsxFirst_andWritesAWorkbookWithTheReasons", "[ui][tables][rejected]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("ds.csv"));
    {
        QFile f(input);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("Họ và tên;Đơn vị;Đối tượng;Ngày sinh\nHà Văn Sai;Sở Nội vụ;Công chức;31/02/1990\n");
    }
    Ui::ImportTableDialog dialog(db);
    dialog.show();
    REQUIRE(dialog.loadFile(input));
    QPushButton *rejected = button(dialog, "saveRejected");
    REQUIRE_FALSE(rejected->isHidden());
    const QStringList filters = saveThrough(rejected, dir.filePath(QStringLiteral("loi")));
    REQUIRE(filters.size() == 2);
    CHECK(filters.at(0).contains(QStringLiteral("*.xlsx")));
    CHECK(filters.at(1).contains(QStringLiteral("*.csv")));
    const QString saved = dir.filePath(QStringLiteral("loi.xlsx"));
    REQUIRE(QFile::exists(saved));
    const Core::Tables::Sheet back = Core::Tables::XlsxWorkbook(Test::readAll(saved)).read();
    REQUIRE(back.rows.size() == 2);
    CHECK(back.rows.at(1).cell(0).text == QStringLiteral("2"));
    CHECK(back.rows.at(1).cell(1).text == QStringLiteral("Hà Văn Sai"));
    CHECK(back.rows.at(1).cell(5).text.contains(QStringLiteral("not a real date")));
}
