// The main window as a coordinator: opening a database, the title, the pages, and a refused
// file that stays untouched.
#include "uitesthelpers.h"

#include "clerkwords.h"
#include "core/demo/demogenerator.h"

#include "core/decisions/decisionrepository.h"
#include "core/dossiers/dossierrepository.h"
#include "core/settings.h"
#include "tests/support/testdatabase.h"
#include "ui/decisions/decisionpage.h"
#include "ui/decisions/decisionsview.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/dossiersview.h"
#include "ui/mainwindow.h"
#include "ui/movements/movementsview.h"
#include "ui/registry/peopleview.h"
#include "ui/registry/personlistmodel.h"
#include "ui/registry/unitlistmodel.h"
#include "ui/registry/unitsview.h"
#include "ui/widgets/formwidgets.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>
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
    // Units, People, Movements, Dossiers, Council, Decisions, Candidates, Rule sets
    CHECK(pages->count() == 8);
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
    // Nobody tells the people page (issue 17): it hears the commit from the database itself.
    Test::addUnit(*window.database(), QStringLiteral("Hội Nông dân"));
    QCoreApplication::processEvents();
    CHECK(window.peopleView()->unitFilter()->count() == before + 1);
}

TEST_CASE("mainWindow_movementPageOpensADossierOrDecision_onItsOwnPage_andSettingsFollowTheDatabase", "[ui][mainwindow]")
{
    Test::TestDatabase t;
    t.open();
    const qint64 unit = Test::addUnit(t.db(), QStringLiteral("UBND phường Ba Đình"));
    Core::Workflow::Dossier dossier;
    dossier.unitId = unit;
    dossier.year = 2025;
    dossier.title = QStringLiteral("Đề nghị khen thưởng năm 2025");
    const qint64 dossierId = Core::Workflow::DossierRepository(t.db()).save(dossier);
    Core::Workflow::Decision decision;
    decision.issuer = QStringLiteral("UBND tỉnh");
    decision.year = 2025;
    decision.registerNo = 7;
    decision.date = QDate(2025, 12, 1);
    decision.title = QStringLiteral("Về việc khen thưởng");
    const qint64 decisionId = Core::Workflow::DecisionRepository(t.db()).save(decision);
    t.close();

    Ui::MainWindow window;
    window.show();
    QAction *payData = nullptr;
    for (QAction *menu : window.menuBar()->actions())
        for (QAction *action : menu->menu() ? menu->menu()->actions() : QList<QAction *>{})
            if (action->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("Bonuses and votes")))
                payData = action;
    REQUIRE(payData);
    CHECK_FALSE(payData->isEnabled()); // nothing open yet

    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    CHECK(payData->isEnabled());
    auto *movements = window.findChild<Ui::MovementsView *>();
    REQUIRE(movements);

    emit movements->dossierRequested(dossierId);
    CHECK(window.pages()->currentWidget() == window.dossiersView());
    Ui::DossierPage *page = window.dossiersView()->pageOf(dossierId);
    REQUIRE(page);
    CHECK(page->dossierId() == dossierId);
    page->close();

    emit movements->decisionRequested(decisionId);
    CHECK(window.pages()->currentWidget() == window.decisionsView());
    CHECK(window.decisionsView()->isPageShown());
    CHECK(window.decisionsView()->page()->decisionId() == decisionId);
}

TEST_CASE("mainWindow_statusBarCounts_areNumbersAsAVietnameseReadsThem", "[ui][mainwindow]")
{
    Test::TestDatabase t;
    Core::DemoOptions options;
    options.units = 8;
    options.people = 1200;
    Core::Demo::generateProvince(t.open(), options);
    t.close();
    const QLocale before;
    {
        Test::VietnameseUi vietnamese;
        REQUIRE(vietnamese.installed());
        Ui::MainWindow window;
        window.show();
        REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
        QStringList shown;
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
            shown << label->text();
        INFO(shown.join(QStringLiteral(" | ")).toStdString());
        // "1.200 cá nhân": the thousands grouped with a dot, never "1200".
        CHECK(shown.contains(QStringLiteral("1.200 cá nhân")));
        CHECK(shown.contains(QStringLiteral("8 đơn vị")));
    }
    QLocale::setDefault(before);
}
