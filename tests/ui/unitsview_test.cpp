// Deleting from the lists: confirmation first, and a refusal from the repository shown with
// its reason while nothing is deleted.
#include "uitesthelpers.h"

#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/registry/peopleview.h"
#include "ui/registry/personlistmodel.h"
#include "ui/registry/unitlistmodel.h"
#include "ui/registry/unitsview.h"
#include "ui/widgets/formwidgets.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTableView>

using namespace VinhDanh;

TEST_CASE("unitsView_deleteUnitWithPeople_refusedWithReason_nothingDeleted", "[ui][unitsview]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Xây dựng"));
    Test::addPerson(db, QStringLiteral("Ngô Văn Hải"), unit);

    Ui::UnitsView view;
    view.setDatabase(&db);
    view.show();
    view.selectId(unit);
    REQUIRE(view.currentId() == unit);

    Test::MessageBoxAnswerer answers({QMessageBox::Yes, QMessageBox::Ok});
    view.deleteSelected();

    const QStringList texts = answers.texts();
    REQUIRE(texts.size() == 2);
    CHECK(texts[0].contains(QStringLiteral("Sở Xây dựng"))); // the question names the unit
    CHECK(texts[1].contains(QStringLiteral("cannot be deleted")));
    CHECK(texts[1].contains(QStringLiteral("1 person"))); // the reason: someone works there
    CHECK(Core::UnitRepository(db).get(unit).has_value());
    CHECK(Core::PersonRepository(db).count() == 1);
    CHECK(view.unitModel()->rowCount() == 1);
}

TEST_CASE("unitsView_deleteEmptyUnit_onlyAfterYes", "[ui][unitsview]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Ban Thi đua – Khen thưởng"));
    Ui::UnitsView view;
    view.setDatabase(&db);
    view.show();
    view.selectId(unit);

    {
        Test::MessageBoxAnswerer answers({QMessageBox::No});
        view.deleteSelected();
        CHECK(answers.texts().size() == 1);
    }
    CHECK(Core::UnitRepository(db).count() == 1);

    QSignalSpy changed(&view, &Ui::ListPage::changed);
    {
        Test::MessageBoxAnswerer answers({QMessageBox::Yes});
        view.deleteSelected();
        CHECK(answers.texts().size() == 1);
    }
    CHECK(Core::UnitRepository(db).count() == 0);
    CHECK(view.unitModel()->rowCount() == 0);
    CHECK(changed.count() == 1);
}

TEST_CASE("peopleView_unitFilter_listsOnlyThatUnitsPeople", "[ui][peopleview]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 a = Test::addUnit(db, QStringLiteral("Sở Nông nghiệp"));
    const qint64 b = Test::addUnit(db, QStringLiteral("Sở Ngoại vụ"));
    Test::addPerson(db, QStringLiteral("Lý Văn Toàn"), a);
    Test::addPerson(db, QStringLiteral("Mai Thị Thu"), b);

    Ui::PeopleView view;
    view.setDatabase(&db);
    view.show();
    REQUIRE(view.personModel()->rowCount() == 2);
    view.unitFilter()->setCurrentIndex(view.unitFilter()->findData(b));
    REQUIRE(view.personModel()->rowCount() == 1);
    CHECK(view.personModel()->index(0, Ui::PersonListModel::Name).data().toString() == QStringLiteral("Mai Thị Thu"));
    view.unitFilter()->setCurrentIndex(0); // (all units)
    CHECK(view.personModel()->rowCount() == 2);
}
