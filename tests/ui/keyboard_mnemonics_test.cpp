// Alt+letter in the main window (issue 16, item 6): the menu bar, the tabs and the buttons and
// labelled fields of the page shown never share a letter, so Alt+letter always does one thing.
#include "uitesthelpers.h"

#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"
#include "ui/startpage.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QTabBar>
#include <QTabWidget>

using namespace VinhDanh;

using Test::collisions;
using Test::mnemonicOf;
using Test::mnemonics;

TEST_CASE("mainWindowMnemonics_neverCollide", "[ui][keyboard][mnemonics]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addPerson(db, QStringLiteral("Vi Thị Hoa"), Test::addUnit(db, QStringLiteral("UBND xã Tả Van")));
    t.close();
    Ui::MainWindow window;
    window.show();
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    REQUIRE_FALSE(window.isStartPageShown());

    QStringList problems;
    int tabsWithLetter = 0;
    for (int i = 0; i < window.pages()->count(); ++i) {
        window.pages()->setCurrentIndex(i);
        if (!mnemonicOf(window.pages()->tabText(i)).isNull())
            ++tabsWithLetter;
        problems << collisions(&window, window.pages()->tabText(i).remove(QLatin1Char('&')));
        // VINHDANH_DUMP_MNEMONICS=1 lists every letter in use per page, to choose a free one.
        if (qEnvironmentVariableIsSet("VINHDANH_DUMP_MNEMONICS")) {
            const auto all = mnemonics(&window);
            QStringList line;
            for (auto it = all.cbegin(); it != all.cend(); ++it)
                line << QStringLiteral("%1=%2").arg(it.key(), it.value().join(QLatin1Char('/')));
            qWarning("%s: %s", qPrintable(window.pages()->tabText(i)), qPrintable(line.join(QStringLiteral(", "))));
        }
    }
    CHECK(tabsWithLetter == window.pages()->count()); // every tab has one
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    CHECK(problems.isEmpty());
}

TEST_CASE("startPageMnemonics_neverCollide", "[ui][keyboard][mnemonics][startpage]")
{
    Test::TestDatabase t;
    t.open();
    t.close();
    Ui::MainWindow window;
    window.show();
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    REQUIRE(window.isStartPageShown());
    int buttons = 0;
    for (QAbstractButton *button : window.startPage()->findChildren<QAbstractButton *>())
        if (!mnemonicOf(button->text()).isNull())
            ++buttons;
    CHECK(buttons == 7);
    const QStringList problems = collisions(&window, QStringLiteral("start page"));
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    CHECK(problems.isEmpty());
}
