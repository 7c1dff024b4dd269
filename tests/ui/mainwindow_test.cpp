// The main window as a coordinator: opening a database, the title, the pages, and a refused
// file that stays untouched.
#include "uitesthelpers.h"

#include "core/settings.h"
#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"
#include "ui/registry/formwidgets.h"
#include "ui/registry/peopleview.h"
#include "ui/registry/personlistmodel.h"
#include "ui/registry/unitlistmodel.h"
#include "ui/registry/unitsview.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace VinhDanh;

TEST_CASE("mainWindow_opensDatabase_titleShowsFileAndPagesShowData", "[ui][mainwindow]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("phong-tdkt.sqlite"));
    {
        // Seed the file, then close it, as another session would have left it.
        Core::Database seed(Core::ConnectionSettings::sqlite(path));
        const qint64 unit = Test::addUnit(seed, QStringLiteral("Sở Văn hóa"));
        Test::addPerson(seed, QStringLiteral("Đặng Thu Thảo"), unit);
    }

    Ui::MainWindow window;
    window.show();
    const QString error = window.openDatabase(Core::ConnectionSettings::sqlite(path), Core::Database::Mode::OpenExisting);
    REQUIRE(error.isEmpty());
    CHECK(window.windowTitle().contains(QStringLiteral("phong-tdkt.sqlite")));
    CHECK(Core::Settings::lastDatabase() == QFileInfo(path).absoluteFilePath());
    CHECK(Core::Settings::recentDatabases().value(0) == QFileInfo(path).absoluteFilePath());
    CHECK(window.unitsView()->unitModel()->rowCount() == 1);
    CHECK(window.peopleView()->personModel()->rowCount() == 1);

    auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
    REQUIRE(pages);
    CHECK(pages->count() == 5); // Units, People, Movements, Candidates, Rule sets
}

TEST_CASE("mainWindow_fileThatIsNotADatabase_refusedKeepsCurrentAndFile", "[ui][mainwindow]")
{
    Test::TestDatabase good;
    good.open();
    good.close();
    QTemporaryDir dir;
    const QString junk = dir.filePath(QStringLiteral("ghi-chu.sqlite"));
    const QByteArray content("Danh sách khen thưởng năm 2024 – không phải cơ sở dữ liệu\n");
    {
        QFile f(junk);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(content);
    }

    Ui::MainWindow window;
    REQUIRE(window.openDatabase(good.settings()).isEmpty());
    const QString title = window.windowTitle();
    Core::Database *before = window.database();

    const QString error = window.openDatabase(Core::ConnectionSettings::sqlite(junk), Core::Database::Mode::OpenExisting);
    CHECK_FALSE(error.isEmpty());
    CHECK(window.windowTitle() == title);
    CHECK(window.database() == before);
    QFile f(junk);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == content); // never modified
}

TEST_CASE("mainWindow_unitAddedInUnitsPage_appearsInPeoplePageUnitFilter", "[ui][mainwindow]")
{
    Test::TestDatabase t;
    Ui::MainWindow window;
    REQUIRE(window.openDatabase(t.settings()).isEmpty());
    const int before = window.peopleView()->unitFilter()->count();
    Test::addUnit(*window.database(), QStringLiteral("Hội Nông dân"));
    emit window.unitsView()->changed(); // what the page emits after its form saved
    CHECK(window.peopleView()->unitFilter()->count() == before + 1);
}
