// The units tree sorts by any column (issue 16 item 5), and every list's columns menu opens
// from the keyboard (item 6: keyboard first), not only with a right click on the header.
#include "uitesthelpers.h"

#include "core/repo/unitrepository.h"
#include "core/settings.h"
#include "tests/support/testdatabase.h"
#include "ui/registry/peopleview.h"
#include "ui/registry/personlistmodel.h"
#include "ui/registry/unitsview.h"
#include "ui/registry/unittreemodel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>
#include <QTest>
#include <QTreeView>

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

void clickHeader(QTreeView *tree, int section)
{
    QHeaderView *header = tree->header();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2));
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
    CHECK(column(model, Tree::Key) == QStringList{QStringLiteral("DV2"), QStringLiteral("DV3"), QStringLiteral("DV10"), QStringLiteral("DV11")});
    const QModelIndex healthRow = model->indexOfId(health);
    CHECK(column(model, Tree::Key, healthRow) == QStringList{QStringLiteral("DV5"), QStringLiteral("DV21")});
    CHECK(view.currentId() == centre); // the clerk's row follows its unit

    // Again: descending.
    clickHeader(tree, Tree::Key);
    CHECK(column(model, Tree::Key) == QStringList{QStringLiteral("DV11"), QStringLiteral("DV10"), QStringLiteral("DV3"), QStringLiteral("DV2")});

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
