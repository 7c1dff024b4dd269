// The units tree sorts by any column (issue 16 item 5), and every list's columns menu opens
// from the keyboard (item 6: keyboard first), not only with a right click on the header.
#include "uitesthelpers.h"

#include "core/registry/unitrepository.h"
#include "core/settings.h"
#include "tests/support/testdatabase.h"
#include "ui/registry/peopleview.h"
#include "ui/registry/personlistmodel.h"
#include "ui/registry/unitlistmodel.h"
#include "ui/registry/unitsview.h"
#include "ui/registry/unittreemodel.h"
#include "ui/widgets/columns.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <memory>

using namespace VinhDanh;
using Tree = Ui::UnitTreeModel;

namespace {
qint64 unit(Core::Database &db, const QString &name, const QString &key, qint64 parent = 0)
{
    Core::Unit u;
    u.name = name;
    u.key = key;
    u.kind = parent ? QStringLiteral("department") : QStringLiteral("provincial_agency");
    u.parentId = parent;
    Core::UnitRepository(db).save(u);
    return u.id;
}

QStringList column(QAbstractItemModel *model, int column, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model->rowCount(parent); ++row)
        out << model->index(row, column, parent).data().toString();
    return out;
}

void clickHeader(QHeaderView *header, int section)
{
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2));
}

void clickHeader(QTreeView *tree, int section)
{
    clickHeader(tree->header(), section);
}

/// The top-level row of unit `id`, found without reading any branch.
QModelIndex topRow(Tree *model, qint64 id)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->idAt(model->index(row, 0)) == id)
            return model->index(row, 0);
    return {};
}

/// The columns menu open now, if any.
QMenu *openColumnsMenu()
{
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    return menu && menu->objectName() == QLatin1String("columnsMenu") ? menu : nullptr;
}

struct ForgetColumns
{
    QString list;
    int columns;
    ForgetColumns(const QString &l, int c) : list(l), columns(c) { Core::Settings::setListColumns(list, columns, {}); }
    ~ForgetColumns() { Core::Settings::setListColumns(list, columns, {}); }
};
} // namespace

TEST_CASE("unitsTree_headerClickSortsEveryLevelsSiblings_inVietnameseOrder_andKeepsTheSelection", "[ui][lists][units]")
{
    ForgetColumns forget(QStringLiteral("unitsTree"), Tree::ColumnCount);
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 health = unit(db, QStringLiteral("Sở Y tế"), QStringLiteral("DV10"));
    unit(db, QStringLiteral("Ủy ban MTTQ tỉnh"), QStringLiteral("DV2"));
    unit(db, QStringLiteral("Đài Phát thanh tỉnh"), QStringLiteral("DV3"));
    unit(db, QStringLiteral("Ban Dân tộc"), QStringLiteral("DV11"));
    unit(db, QStringLiteral("Bệnh viện Đa khoa"), QStringLiteral("DV21"), health);
    const qint64 centre = unit(db, QStringLiteral("Trung tâm Kiểm soát bệnh tật"), QStringLiteral("DV5"), health);

    Ui::UnitsView view;
    view.resize(900, 500);
    Test::ModelTestLog log;
    QAbstractItemModelTester tester(view.treeModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
    view.setDatabase(&db);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    Tree *model = view.treeModel();
    QTreeView *tree = view.tree();
    REQUIRE(tree->isSortingEnabled());

    // As read: by name in Vietnamese order (Đ after D, Ủ with the U's), arrow on the name.
    CHECK(tree->header()->sortIndicatorSection() == Tree::Name);
    CHECK(tree->header()->sortIndicatorOrder() == Qt::AscendingOrder);
    CHECK(column(model, Tree::Name)
          == QStringList{QStringLiteral("Ban Dân tộc"), QStringLiteral("Đài Phát thanh tỉnh"), QStringLiteral("Sở Y tế"),
                         QStringLiteral("Ủy ban MTTQ tỉnh")});
    view.selectId(centre);
    REQUIRE(view.currentId() == centre);

    // By key: numbers by value (DV2 before DV10), children of an open branch too.
    clickHeader(tree, Tree::Key);
    CHECK(tree->header()->sortIndicatorSection() == Tree::Key);
    CHECK(column(model, Tree::Key)
          == QStringList{QStringLiteral("DV2"), QStringLiteral("DV3"), QStringLiteral("DV10"), QStringLiteral("DV11")});
    const QModelIndex healthRow = model->indexOfId(health);
    CHECK(column(model, Tree::Key, healthRow) == QStringList{QStringLiteral("DV5"), QStringLiteral("DV21")});
    CHECK(view.currentId() == centre); // the clerk's row follows its unit

    // Again: descending.
    clickHeader(tree, Tree::Key);
    CHECK(column(model, Tree::Key)
          == QStringList{QStringLiteral("DV11"), QStringLiteral("DV10"), QStringLiteral("DV3"), QStringLiteral("DV2")});

    // By name, descending: every level, and the read order comes back when ascending again.
    clickHeader(tree, Tree::Name);
    clickHeader(tree, Tree::Name);
    REQUIRE(tree->header()->sortIndicatorOrder() == Qt::DescendingOrder);
    CHECK(column(model, Tree::Name).first() == QStringLiteral("Ủy ban MTTQ tỉnh"));
    CHECK(column(model, Tree::Name, model->indexOfId(health))
          == QStringList{QStringLiteral("Trung tâm Kiểm soát bệnh tật"), QStringLiteral("Bệnh viện Đa khoa")});
    clickHeader(tree, Tree::Name);
    CHECK(column(model, Tree::Name).first() == QStringLiteral("Ban Dân tộc"));
    CHECK(view.currentId() == centre);

    // A reload (another clerk saved) keeps the chosen order for the rows read again.
    clickHeader(tree, Tree::Key);
    view.reload();
    CHECK(Test::waitUntil([&] {
        return column(model, Tree::Key)
               == QStringList{QStringLiteral("DV2"), QStringLiteral("DV3"), QStringLiteral("DV10"), QStringLiteral("DV11")};
    }));
    INFO(log.messages().join(QLatin1Char('\n')).toStdString());
    CHECK(log.messages().isEmpty());
}

TEST_CASE("unitsTree_numbersInNamesSortByValue_andDescendingIsTheExactReverse", "[ui][lists][units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        ForgetColumns forget(QStringLiteral("unitsTree"), Tree::ColumnCount);
        Core::Database &db = t.db();
        unit(db, QStringLiteral("Trường THCS số 10"), QStringLiteral("T10"));
        unit(db, QStringLiteral("Trường THCS số 2"), QStringLiteral("T2"));
        unit(db, QStringLiteral("Ban Thi đua"), QStringLiteral("B1"));
        unit(db, QStringLiteral("Trường THCS số 1"), QStringLiteral("T1"));

        Ui::UnitsView view;
        view.resize(900, 400);
        Test::ModelTestLog log;
        QAbstractItemModelTester tester(view.treeModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
        view.setDatabase(&db);
        view.show();
        REQUIRE(QTest::qWaitForWindowExposed(&view));
        const QStringList ascending{QStringLiteral("Ban Thi đua"), QStringLiteral("Trường THCS số 1"),
                                    QStringLiteral("Trường THCS số 2"), QStringLiteral("Trường THCS số 10")};
        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());

        // "số 2" before "số 10" as a clerk counts, the first time and after each click.
        CHECK(column(view.treeModel(), Tree::Name) == ascending);
        clickHeader(view.tree(), Tree::Name);
        REQUIRE(view.tree()->header()->sortIndicatorOrder() == Qt::DescendingOrder);
        CHECK(column(view.treeModel(), Tree::Name) == descending);
        clickHeader(view.tree(), Tree::Name);
        CHECK(column(view.treeModel(), Tree::Name) == ascending);
        INFO(log.messages().join(QLatin1Char('\n')).toStdString());
        CHECK(log.messages().isEmpty());
    });
}

TEST_CASE("unitsTree_sortKeepsOpenBranchesAndTheCurrentUnit_andABranchOpenedLaterComesSorted", "[ui][lists][units]")
{
    ForgetColumns forget(QStringLiteral("unitsTree"), Tree::ColumnCount);
    ForgetColumns forgetFlat(QStringLiteral("units"), Ui::UnitListModel::ColumnCount);
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 health = unit(db, QStringLiteral("Sở Y tế"), QStringLiteral("DV10"));
    unit(db, QStringLiteral("Bệnh viện Đa khoa"), QStringLiteral("DV21"), health);
    const qint64 centre = unit(db, QStringLiteral("Trung tâm Kiểm soát bệnh tật"), QStringLiteral("DV5"), health);
    const qint64 justice = unit(db, QStringLiteral("Sở Tư pháp"), QStringLiteral("DV7"));
    // By name "số 1" comes first; by key (DV4 before DV30) "số 2" does.
    unit(db, QStringLiteral("Phòng Công chứng số 1"), QStringLiteral("DV30"), justice);
    unit(db, QStringLiteral("Phòng Công chứng số 2"), QStringLiteral("DV4"), justice);

    // No QAbstractItemModelTester here: it reads every branch after each change (the other
    // tree tests run it through sorting), and this test counts the branches read.
    Ui::UnitsView view;
    view.resize(900, 500);
    view.setDatabase(&db);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    Tree *model = view.treeModel();
    QTreeView *tree = view.tree();
    tree->expand(topRow(model, health));
    view.selectId(centre);
    REQUIRE(model->idAt(tree->currentIndex()) == centre);
    REQUIRE(model->canFetchMore(topRow(model, justice))); // the justice branch is not read yet

    clickHeader(tree, Tree::Key);
    // The open branch is still open, the clerk's unit still current and selected...
    CHECK(tree->isExpanded(topRow(model, health)));
    CHECK(model->idAt(tree->currentIndex()) == centre);
    CHECK(view.currentId() == centre);
    CHECK(column(model, Tree::Key, topRow(model, health)) == QStringList{QStringLiteral("DV5"), QStringLiteral("DV21")});
    // ...and the sort read no branch the clerk has not opened.
    CHECK(model->canFetchMore(topRow(model, justice)));

    // Opened now, the branch comes in the chosen order.
    tree->expand(topRow(model, justice));
    // The view reads the branch when it lays the rows out again (the sort asked it to).
    REQUIRE(Test::waitUntil([&] { return model->rowCount(topRow(model, justice)) == 2; }));
    CHECK(column(model, Tree::Name, topRow(model, justice))
          == QStringList{QStringLiteral("Phòng Công chứng số 2"), QStringLiteral("Phòng Công chứng số 1")});

    // Descending: both branches turn round and stay open.
    clickHeader(tree, Tree::Key);
    REQUIRE(tree->header()->sortIndicatorOrder() == Qt::DescendingOrder);
    CHECK(column(model, Tree::Key) == QStringList{QStringLiteral("DV10"), QStringLiteral("DV7")});
    CHECK(column(model, Tree::Key, topRow(model, justice)) == QStringList{QStringLiteral("DV30"), QStringLiteral("DV4")});
    CHECK(tree->isExpanded(topRow(model, health)));
    CHECK(tree->isExpanded(topRow(model, justice)));
    CHECK(model->idAt(tree->currentIndex()) == centre);

    // A search shows the flat list, sorted by its own header; clearing it brings the tree back
    // in the order the clerk chose, its branches still open.
    view.filterEdit()->setText(QStringLiteral("công chứng"));
    view.applyFilter();
    REQUIRE_FALSE(view.showsTree());
    clickHeader(view.table()->horizontalHeader(), Ui::UnitListModel::Name);
    REQUIRE(view.table()->horizontalHeader()->sortIndicatorOrder() == Qt::DescendingOrder);
    CHECK(Test::waitUntil([&] {
        return column(view.table()->model(), Ui::UnitListModel::Name)
               == QStringList{QStringLiteral("Phòng Công chứng số 2"), QStringLiteral("Phòng Công chứng số 1")};
    }));
    view.filterEdit()->clear();
    view.applyFilter();
    REQUIRE(view.showsTree());
    CHECK(column(model, Tree::Key) == QStringList{QStringLiteral("DV10"), QStringLiteral("DV7")});
    CHECK(tree->isExpanded(topRow(model, justice)));
    CHECK(column(model, Tree::Key, topRow(model, justice)) == QStringList{QStringLiteral("DV30"), QStringLiteral("DV4")});
}

TEST_CASE("unitsTree_sortChosenByAClick_isTheOrderWhenTheListIsMadeAgain_andTheColumnsStillFit", "[ui][lists][units][columns]")
{
    ForgetColumns forget(QStringLiteral("unitsTree"), Tree::ColumnCount);
    Test::TestDatabase t;
    Core::Database &db = t.open();
    unit(db, QStringLiteral("Sở Y tế"), QStringLiteral("DV10"));
    unit(db, QStringLiteral("Ban Dân tộc"), QStringLiteral("DV11"));
    unit(db, QStringLiteral("Đài Phát thanh tỉnh"), QStringLiteral("DV3"));
    const QStringList byKeyDescending{QStringLiteral("DV11"), QStringLiteral("DV10"), QStringLiteral("DV3")};

    const auto open = [&db](Ui::UnitsView &view) {
        view.resize(700, 400);
        view.setDatabase(&db);
        view.show();
        REQUIRE(QTest::qWaitForWindowExposed(&view));
    };
    {
        Ui::UnitsView view;
        open(view);
        clickHeader(view.tree(), Tree::Key);
        clickHeader(view.tree(), Tree::Key);
        REQUIRE(column(view.treeModel(), Tree::Key) == byKeyDescending);
    } // closed with the sort alone changed: no width, no column moved

    {
        Ui::UnitsView again;
        open(again);
        QHeaderView *header = again.tree()->header();
        CHECK(header->sortIndicatorSection() == Tree::Key);
        CHECK(header->sortIndicatorOrder() == Qt::DescendingOrder);
        CHECK(column(again.treeModel(), Tree::Key) == byKeyDescending);
        // The widths were not frozen by the sort: a wider window gives the name the room.
        REQUIRE(Test::waitUntil([&] { return header->sectionSize(Tree::Name) > 0; }));
        const int narrow = header->sectionSize(Tree::Name);
        again.resize(1300, 400);
        CHECK(Test::waitUntil([&] { return header->sectionSize(Tree::Name) > narrow + 200; }));

        // "Fit to contents" forgets widths and order, not the sort.
        std::unique_ptr<QMenu> menu(Ui::Columns::headerMenu(again.tree(), nullptr));
        menu->actions().last()->trigger();
    }

    Ui::UnitsView third;
    open(third);
    CHECK(third.tree()->header()->sortIndicatorSection() == Tree::Key);
    CHECK(column(third.treeModel(), Tree::Key) == byKeyDescending);
}

TEST_CASE("unitsSearchList_sortChosenByAClick_isTheOrderWhenThePageIsMadeAgain", "[ui][lists][units][columns]")
{
    ForgetColumns forget(QStringLiteral("units"), Ui::UnitListModel::ColumnCount);
    Test::TestDatabase t;
    Core::Database &db = t.open();
    unit(db, QStringLiteral("Sở Y tế"), QStringLiteral("DV1"));
    unit(db, QStringLiteral("Sở Tư pháp"), QStringLiteral("DV2"));
    const QStringList descending{QStringLiteral("Sở Y tế"), QStringLiteral("Sở Tư pháp")};
    const auto search = [&db](Ui::UnitsView &view) {
        view.resize(900, 400);
        view.setDatabase(&db);
        view.show();
        REQUIRE(QTest::qWaitForWindowExposed(&view));
        view.filterEdit()->setText(QStringLiteral("sở"));
        view.applyFilter();
        REQUIRE_FALSE(view.showsTree());
    };
    {
        Ui::UnitsView view;
        search(view);
        clickHeader(view.table()->horizontalHeader(), Ui::UnitListModel::Name);
        REQUIRE(Test::waitUntil([&] { return column(view.table()->model(), Ui::UnitListModel::Name) == descending; }));
    }
    // The page is made with the sort already on its search list (it sorts the list as it is
    // made, before the tree beside it has its selection).
    Ui::UnitsView again;
    search(again);
    CHECK(again.table()->horizontalHeader()->sortIndicatorOrder() == Qt::DescendingOrder);
    CHECK(Test::waitUntil([&] { return column(again.table()->model(), Ui::UnitListModel::Name) == descending; }));
}

TEST_CASE("peopleList_sortChosenByAClick_isTheOrderWhenTheListIsMadeAgain", "[ui][lists][columns]")
{
    ForgetColumns forget(QStringLiteral("people"), Ui::PersonListModel::ColumnCount);
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 u = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    Test::addPerson(db, QStringLiteral("Nguyễn Văn An"), u);
    Test::addPerson(db, QStringLiteral("Trần Thị Bình"), u);
    {
        Ui::PeopleView view;
        view.resize(900, 400);
        view.setDatabase(&db);
        view.show();
        REQUIRE(QTest::qWaitForWindowExposed(&view));
        clickHeader(view.table()->horizontalHeader(), Ui::PersonListModel::Name);
        REQUIRE(view.table()->horizontalHeader()->sortIndicatorOrder() == Qt::DescendingOrder);
        REQUIRE(view.table()->model()->index(0, Ui::PersonListModel::Name).data().toString() == QStringLiteral("Trần Thị Bình"));
    }
    Ui::PeopleView again;
    again.resize(900, 400);
    again.setDatabase(&db);
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    CHECK(again.table()->horizontalHeader()->sortIndicatorSection() == Ui::PersonListModel::Name);
    CHECK(again.table()->horizontalHeader()->sortIndicatorOrder() == Qt::DescendingOrder);
    CHECK(Test::waitUntil([&] {
        return again.table()->model()->index(0, Ui::PersonListModel::Name).data().toString() == QStringLiteral("Trần Thị Bình");
    }));
}

TEST_CASE("columnsMenu_opensWithShiftF10OrTheMenuKey_andHidesAColumnFromTheKeyboard", "[ui][lists][columns][keyboard]")
{
    ForgetColumns forget(QStringLiteral("people"), Ui::PersonListModel::ColumnCount);
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 u = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    Test::addPerson(db, QStringLiteral("Nguyễn Văn An"), u);

    Ui::PeopleView view;
    view.resize(900, 400);
    view.setDatabase(&db);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    view.activateWindow();
    QTableView *table = view.table();
    table->setFocus();
    REQUIRE(Test::waitUntil([&] { return table->hasFocus(); }));
    QHeaderView *header = table->horizontalHeader();
    const QString keyHeader = table->model()->headerData(Ui::PersonListModel::Key, Qt::Horizontal).toString();
    REQUIRE_FALSE(header->isSectionHidden(Ui::PersonListModel::Key));

    // Shift+F10: the menu, its first entry ready; Down to "Key" and Enter hides the column.
    QTest::keyClick(table, Qt::Key_F10, Qt::ShiftModifier);
    QMenu *menu = openColumnsMenu();
    REQUIRE(menu);
    REQUIRE(menu->activeAction());
    for (int i = 0; i < 10 && menu->activeAction()->text() != keyHeader; ++i)
        QTest::keyClick(menu, Qt::Key_Down);
    REQUIRE(menu->activeAction()->text() == keyHeader);
    QTest::keyClick(menu, Qt::Key_Return);
    CHECK(Test::waitUntil([&] { return header->isSectionHidden(Ui::PersonListModel::Key); }));
    CHECK_FALSE(openColumnsMenu());

    // The Menu key opens it too; Esc closes it and changes nothing.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Menu);
    menu = openColumnsMenu();
    REQUIRE(menu);
    QTest::keyClick(menu, Qt::Key_Escape);
    CHECK(Test::waitUntil([] { return !openColumnsMenu(); }));
    CHECK(header->isSectionHidden(Ui::PersonListModel::Key));
    CHECK_FALSE(header->isSectionHidden(Ui::PersonListModel::Name));
}
