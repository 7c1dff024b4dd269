// Views follow the database's change notifier (issue 17): a list open in the window shows what
// another program adds within a few seconds, and what core writes in this program without the
// main window telling it; a record's page keeps unsaved edits when its list reads again.
#include "uitesthelpers.h"

#include "core/db/changes.h"
#include "core/decisions/decisionrepository.h"
#include "core/registry/unitrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/decisions/decisionlistmodel.h"
#include "ui/decisions/decisionpage.h"
#include "ui/decisions/decisionsview.h"
#include "ui/mainwindow.h"
#include "ui/registry/peopleview.h"
#include "ui/registry/personlistmodel.h"
#include "ui/registry/unitlistmodel.h"
#include "ui/registry/unitsview.h"
#include "ui/registry/unittreemodel.h"
#include "ui/widgets/formwidgets.h"

#include <catch2/catch.hpp>

#include <QLineEdit>
#include <QTest>

#include <functional>

using namespace VinhDanh;

namespace {
// The GUI polls every 2 s: a few seconds, with room for a loaded machine.
bool waitFor(const std::function<bool()> &done)
{
    return Test::waitUntil(done, 8000);
}

/// Whether the units page shows a unit of that name (tree or flat list, whichever is shown).
bool showsUnit(Ui::UnitsView *view, const QString &name)
{
    QAbstractItemModel *model = view->showsTree() ? static_cast<QAbstractItemModel *>(view->treeModel())
                                                  : static_cast<QAbstractItemModel *>(view->unitModel());
    return !model->match(model->index(0, 0), Qt::DisplayRole, name, 1, Qt::MatchExactly | Qt::MatchRecursive).isEmpty();
}
} // namespace

TEST_CASE("unitsListOpenInTheWindow_showsAUnitAddedByAnotherProgram_withinAFewSeconds", "[ui][changes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::addUnit(t.db(), QStringLiteral("Sở Văn hóa"));
        Ui::MainWindow window;
        window.setHeadless(true);
        REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
        REQUIRE(showsUnit(window.unitsView(), QStringLiteral("Sở Văn hóa")));
        const int unitsInFilter = window.peopleView()->unitFilter()->count();

        // Another program (t.db() is a connection of its own) adds a unit and a person.
        const qint64 unit = Test::addUnit(t.db(), QStringLiteral("Hội Nông dân"));
        Test::addPerson(t.db(), QStringLiteral("Lê Văn Tám"), unit);
        CHECK(waitFor([&] { return showsUnit(window.unitsView(), QStringLiteral("Hội Nông dân")); }));
        CHECK(waitFor([&] { return window.peopleView()->personModel()->rowCount() == 1; }));
        CHECK(window.peopleView()->unitFilter()->count() == unitsInFilter + 1);
    });
}

TEST_CASE("unitAddedThroughCore_showsInTheUnitsAndPeopleLists_withoutAMainWindow", "[ui][changes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Ui::UnitsView units;
        Ui::PeopleView people;
        units.setDatabase(&db);
        people.setDatabase(&db);
        const int unitsInFilter = people.unitFilter()->count();

        const qint64 unit = Test::addUnit(db, QStringLiteral("Đoàn Thanh niên"));
        QCoreApplication::processEvents(); // the lists read again on the next turn of the loop
        CHECK(showsUnit(&units, QStringLiteral("Đoàn Thanh niên")));
        CHECK(people.unitFilter()->count() == unitsInFilter + 1);

        // A rename shows in the people list's unit column too.
        Test::addPerson(db, QStringLiteral("Phạm Thị Hoa"), unit);
        Core::Unit u = *Core::UnitRepository(db).get(unit);
        u.name = QStringLiteral("Đoàn TNCS Hồ Chí Minh");
        Core::UnitRepository(db).save(u);
        QCoreApplication::processEvents();
        REQUIRE(people.personModel()->rowCount() == 1);
        CHECK(people.personModel()->index(0, Ui::PersonListModel::Unit).data().toString() == QStringLiteral("Đoàn TNCS Hồ Chí Minh"));
        CHECK(showsUnit(&units, QStringLiteral("Đoàn TNCS Hồ Chí Minh")));
    });
}

TEST_CASE("filteredUnitsList_readsAgainAfterAnOutsideChange_keepingTheClerksFilter", "[ui][changes]")
{
    Test::TestDatabase t;
    Test::addUnit(t.db(), QStringLiteral("Sở Tài chính"));
    Core::Database mine(t.settings(), Core::Database::Mode::OpenExisting);
    Ui::UnitsView units;
    units.setDatabase(&mine);
    mine.changes().watchOutside(100);
    units.filterEdit()->setText(QStringLiteral("so"));
    units.applyFilter();
    REQUIRE(units.unitModel()->rowCount() == 1);

    Test::addUnit(t.db(), QStringLiteral("Sở Tư pháp"));
    CHECK(waitFor([&] { return units.unitModel()->rowCount() == 2; }));
    CHECK(units.filterEdit()->text() == QStringLiteral("so"));
}

TEST_CASE("decisionPageWithUnsavedEdits_keepsThemWhenAnotherClerkAddsADecision_andTheListShowsIt", "[ui][changes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        namespace Wf = Core::Workflow;
        const auto draft = [](Core::Database &db, int registerNo, const QString &title) {
            Wf::Decision d;
            d.issuer = QStringLiteral("UBND tỉnh");
            d.year = QDate::currentDate().year();
            d.registerNo = registerNo;
            d.date = QDate(2026, 1, 5);
            d.title = title;
            return Wf::DecisionRepository(db).save(d);
        };
        const qint64 mine = draft(t.db(), 10, QStringLiteral("Về việc khen thưởng đột xuất"));
        Core::Database db(t.settings(), Core::Database::Mode::OpenExisting);
        db.changes().watchOutside(100);
        Ui::DecisionsView view;
        view.show();
        view.setDatabase(&db);
        REQUIRE(view.model()->rowCount() == 1);
        view.openDecision(mine);
        REQUIRE(view.isPageShown());
        auto *title = view.page()->findChild<QLineEdit *>(QStringLiteral("decisionTitle"));
        REQUIRE(title);
        title->selectAll();
        Test::typeText(title, QStringLiteral("Về việc khen thưởng chuyên đề"));
        REQUIRE(view.page()->hasUnsavedChanges());

        draft(t.db(), 11, QStringLiteral("Về việc tặng giấy khen")); // another clerk, another connection
        CHECK(waitFor([&] { return view.model()->rowCount() == 2; }));
        // The list read again behind the page; the clerk's edit is still there, unsaved.
        CHECK(view.isPageShown());
        CHECK(view.page()->hasUnsavedChanges());
        CHECK(title->text() == QStringLiteral("Về việc khen thưởng chuyên đề"));
        CHECK(view.page()->decisionId() == mine);
    });
}
