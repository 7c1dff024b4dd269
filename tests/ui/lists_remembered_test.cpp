// Lists made for reading (issue 16, item 5): the lists that came to Ui::Columns last keep the
// clerk's layout like the others, and the flat units list sorts keys as a person reads them.
#include "uitesthelpers.h"

#include "core/registry/unitrepository.h"
#include "core/settings.h"
#include "tests/support/testdatabase.h"
#include "ui/common/backupactions.h"
#include "ui/council/paydatadialog.h"
#include "ui/dossiers/subjectpicker.h"
#include "ui/registry/unitlistmodel.h"
#include "ui/registry/unitsview.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/editabletable.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace VinhDanh;

namespace {

struct ForgetColumns
{
    QString list;
    int columns;
    ForgetColumns(const QString &l, int c) : list(l), columns(c) { Core::Settings::setListColumns(list, columns, {}); }
    ~ForgetColumns() { Core::Settings::setListColumns(list, columns, {}); }
};

/// What a clerk does: unticks `hidden` in the header's menu and drags `column` to `width`.
void customise(QTableView *view, int hidden, int column, int width)
{
    std::unique_ptr<QMenu> menu(Ui::Columns::headerMenu(view, nullptr));
    QAction *entry = nullptr;
    for (QAction *a : menu->actions())
        if (a->isCheckable() && a->data().toInt() == hidden)
            entry = a;
    REQUIRE(entry);
    entry->toggle();
    view->horizontalHeader()->resizeSection(column, width); // as a drag of its edge does
}

qint64 unit(Core::Database &db, const QString &name, const QString &key)
{
    Core::Unit u;
    u.name = name;
    u.key = key;
    u.kind = QStringLiteral("provincial_agency");
    Core::UnitRepository(db).save(u);
    return u.id;
}

QStringList keys(QAbstractItemModel *model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, Ui::UnitListModel::Key).data().toString();
    return out;
}

} // namespace

TEST_CASE("restoreDialogsList_hiddenColumnAndWidthSetByTheClerk_areThereWhenTheDialogIsMadeAgain", "[ui][lists][columns]")
{
    const ForgetColumns forget(QStringLiteral("backups"), 3);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("office.sqlite"));
    {
        Ui::RestoreDialog dialog(path);
        dialog.show();
        REQUIRE(QTest::qWaitForWindowExposed(&dialog));
        REQUIRE(Ui::Columns::remembered(dialog.table()));
        customise(dialog.table(), 2, 0, 333); // no size; a wide "taken on"
        REQUIRE(dialog.table()->horizontalHeader()->isSectionHidden(2));
    }
    Ui::RestoreDialog again(path);
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    QTest::qWait(50); // a fit would come on the next tick: it must not undo the clerk's layout
    QHeaderView *header = again.table()->horizontalHeader();
    CHECK(header->isSectionHidden(2));
    CHECK_FALSE(header->isSectionHidden(1));
    CHECK(header->sectionSize(0) == 333);
}

TEST_CASE("bonusesTable_hiddenColumnAndWidthSetByTheClerk_areThereWhenThePayDataDialogIsMadeAgain", "[ui][lists][columns]")
{
    // An editable table remembers its columns under its name once it is first shown.
    const ForgetColumns forget(QStringLiteral("editable-coefficients"), 6);
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const auto showBonuses = [](Ui::PayDataDialog &dialog) {
        dialog.show();
        REQUIRE(QTest::qWaitForWindowExposed(&dialog));
        auto *tabs = dialog.findChild<QTabWidget *>();
        REQUIRE(tabs);
        for (int i = 0; i < tabs->count() && !dialog.coefficients()->isVisible(); ++i)
            tabs->setCurrentIndex(i);
        REQUIRE(dialog.coefficients()->isVisible());
        QTest::qWait(50);
        return dialog.coefficients()->table();
    };
    {
        Ui::PayDataDialog dialog(db);
        QTableWidget *table = showBonuses(dialog);
        REQUIRE(Ui::Columns::remembered(table));
        customise(table, Ui::PayDataDialog::CoefSourceColumn, Ui::PayDataDialog::CoefRecipientColumn, 211);
    }
    Ui::PayDataDialog again(db);
    QTableWidget *table = showBonuses(again);
    QHeaderView *header = table->horizontalHeader();
    CHECK(header->isSectionHidden(Ui::PayDataDialog::CoefSourceColumn));
    CHECK_FALSE(header->isSectionHidden(Ui::PayDataDialog::CoefFormColumn));
    CHECK(header->sectionSize(Ui::PayDataDialog::CoefRecipientColumn) == 211);
}

TEST_CASE("unitsSearchList_sortedByKey_readsDV4BeforeDV30_andPagesNeitherRepeatNorSkip", "[ui][lists][units][sort]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        // Created out of order, so neither the id nor the text order is the answer.
        const QStringList created{QStringLiteral("DV30"), QStringLiteral("DV4"),  QStringLiteral("DV100"), QStringLiteral("DV2"),
                                  QStringLiteral("dv10"), QStringLiteral("DV11"), QStringLiteral("DV1"),   QStringLiteral("DV21")};
        for (int i = 0; i < created.size(); ++i)
            unit(db, QStringLiteral("Trường số %1").arg(i + 1), created.at(i));
        unit(db, QStringLiteral("Phòng không khớp"), QStringLiteral("DV5")); // filtered out below
        const QStringList ascending{QStringLiteral("DV1"),  QStringLiteral("DV2"),  QStringLiteral("DV4"),  QStringLiteral("dv10"),
                                    QStringLiteral("DV11"), QStringLiteral("DV21"), QStringLiteral("DV30"), QStringLiteral("DV100")};
        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());

        Ui::UnitListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setPageSize(3); // three pages: each is a slice of the one order
        model.setDatabase(&db);
        model.setFilter(QStringLiteral("truong")); // the flat list is the search list
        model.sort(Ui::UnitListModel::Key, Qt::AscendingOrder);
        CHECK(model.totalCount() == 8);
        CHECK(keys(&model) == ascending);
        model.sort(Ui::UnitListModel::Key, Qt::DescendingOrder);
        CHECK(keys(&model) == descending);
        // Another filter reads again: no row of the earlier search stays.
        model.setFilter(QStringLiteral("DV1"));
        CHECK(keys(&model)
              == QStringList{QStringLiteral("DV100"), QStringLiteral("DV11"), QStringLiteral("dv10"), QStringLiteral("DV1")});
    });
}

TEST_CASE("unitsSearchList_headerClickOnKey_showsDV4BeforeDV30", "[ui][lists][units][sort]")
{
    const ForgetColumns forget(QStringLiteral("units"), Ui::UnitListModel::ColumnCount);
    Test::TestDatabase t;
    Core::Database &db = t.open();
    unit(db, QStringLiteral("Sở Tư pháp"), QStringLiteral("DV30"));
    unit(db, QStringLiteral("Sở Y tế"), QStringLiteral("DV4"));
    Ui::UnitsView view;
    view.resize(900, 400);
    view.setDatabase(&db);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    view.filterEdit()->setText(QStringLiteral("sở"));
    view.applyFilter();
    REQUIRE_FALSE(view.showsTree());
    QHeaderView *header = view.table()->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(Ui::UnitListModel::Key) + header->sectionSize(Ui::UnitListModel::Key) / 2,
                             header->height() / 2));
    REQUIRE(header->sortIndicatorSection() == Ui::UnitListModel::Key);
    const QStringList shown = keys(view.table()->model());
    const QStringList expected = header->sortIndicatorOrder() == Qt::AscendingOrder
                                     ? QStringList{QStringLiteral("DV4"), QStringLiteral("DV30")}
                                     : QStringList{QStringLiteral("DV30"), QStringLiteral("DV4")};
    CHECK(shown == expected);
}

TEST_CASE("subjectPicker_unitChosenThenAPersonThenBackToUnits_theSameUnitCanBeChosenAgain", "[ui][workflow][lists]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    // Two of each: one match alone is chosen as the list is shown.
    const qint64 unit = Test::addUnit(db, QStringLiteral("Ban Thi đua"));
    Test::addUnit(db, QStringLiteral("Sở Tư pháp"));
    Test::addPerson(db, QStringLiteral("Lê Văn Tám"), unit);
    Test::addPerson(db, QStringLiteral("Trần Thị Mai"), unit);
    Ui::SubjectPicker picker(db);
    picker.show();
    picker.unitButton()->setChecked(true);
    picker.chooseRow(0);
    REQUIRE(picker.subject().unitId == unit);
    picker.personButton()->setChecked(true);
    picker.chooseRow(0);
    REQUIRE(picker.subject().isPerson());
    // Back to the units: the unit chosen before is not still the list's current row, so choosing
    // it again chooses it (a current row clicked again says nothing).
    picker.unitButton()->setChecked(true);
    CHECK_FALSE(picker.table()->currentIndex().isValid());
    picker.chooseRow(0);
    CHECK(picker.subject().unitId == unit);
}
