// Lists made for reading (issue 16 item 5): columns fitted and remembered, the units tree with
// its flat search mode, the decisions' trích yếu, and the nominees' warnings in words.
#include "uitesthelpers.h"

#include "core/decisions/decisionrepository.h"
#include "core/registry/personrepository.h"
#include "core/settings.h"
#include "tests/support/testdatabase.h"
#include "ui/decisions/decisionlistmodel.h"
#include "ui/decisions/decisionsview.h"
#include "ui/dossiers/nomineemodel.h"
#include "ui/registry/peopleview.h"
#include "ui/registry/personlistmodel.h"
#include "ui/registry/unitlistmodel.h"
#include "ui/registry/unitpage.h"
#include "ui/registry/unitsview.h"
#include "ui/registry/unittreemodel.h"
#include "ui/widgets/columns.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

namespace {

/// Forgets a list's remembered columns when the test starts and ends (the settings outlive it).
struct ForgetColumns
{
    QString list;
    int columns;
    ForgetColumns(const QString &l, int c) : list(l), columns(c) { Core::Settings::setListColumns(list, columns, {}); }
    ~ForgetColumns() { Core::Settings::setListColumns(list, columns, {}); }
};

QAction *menuAction(QMenu *menu, const QString &text)
{
    for (QAction *a : menu->actions())
        if (a->text() == text)
            return a;
    return nullptr;
}

} // namespace

TEST_CASE("peopleList_columnsFitContentAndAreRestoredAfterReopening", "[ui][lists][columns]")
{
    const ForgetColumns forget(QStringLiteral("people"), Ui::PersonListModel::ColumnCount);
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Công ty cổ phần Xi măng và Xây dựng công trình Thanh Hóa"));
    Core::Person p;
    p.fullName = QStringLiteral("Nguyễn Văn An");
    p.key = QStringLiteral("CB-0001"); // a key the office set: short
    p.unitId = unit;
    p.category = QStringLiteral("cong_chuc");
    Core::PersonRepository(db).save(p);

    {
        Ui::PeopleView view;
        view.resize(1000, 400);
        view.setDatabase(&db);
        view.show();
        REQUIRE(QTest::qWaitForWindowExposed(&view));
        QHeaderView *header = view.table()->horizontalHeader();
        // Fitted on the first rows: the unit is shown whole, the key narrow.
        REQUIRE(Test::waitUntil([&] {
            return header->sectionSize(Ui::PersonListModel::Unit)
                   >= static_cast<QAbstractItemView *>(view.table())->sizeHintForColumn(Ui::PersonListModel::Unit);
        }));
        CHECK(header->sectionSize(Ui::PersonListModel::Key) < header->sectionSize(Ui::PersonListModel::Unit));
        CHECK(header->sectionSize(Ui::PersonListModel::Key) < header->sectionSize(Ui::PersonListModel::Name));

        // The clerk hides the gender from the header's menu, widens the name, moves the unit first.
        std::unique_ptr<QMenu> menu(Ui::Columns::headerMenu(view.table(), nullptr));
        QAction *gender = menuAction(menu.get(), QStringLiteral("Gender"));
        REQUIRE(gender);
        CHECK(gender->isChecked());
        gender->setChecked(false);
        CHECK(header->isSectionHidden(Ui::PersonListModel::Gender));
        header->resizeSection(Ui::PersonListModel::Name, 333);
        header->moveSection(header->visualIndex(Ui::PersonListModel::Unit), 0);
    }

    Ui::PeopleView again;
    again.resize(1000, 400);
    again.setDatabase(&db);
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    QCoreApplication::processEvents();
    QHeaderView *header = again.table()->horizontalHeader();
    CHECK(header->isSectionHidden(Ui::PersonListModel::Gender));
    CHECK(header->sectionSize(Ui::PersonListModel::Name) == 333);
    CHECK(header->visualIndex(Ui::PersonListModel::Unit) == 0);

    // "Fit to contents" forgets the layout: every column back, in its place.
    std::unique_ptr<QMenu> menu(Ui::Columns::headerMenu(again.table(), nullptr));
    QAction *fit = menu->actions().last();
    fit->trigger();
    CHECK_FALSE(header->isSectionHidden(Ui::PersonListModel::Gender));
    CHECK(header->visualIndex(Ui::PersonListModel::Unit) == Ui::PersonListModel::Unit);
    CHECK(Core::Settings::listColumns(QStringLiteral("people"), Ui::PersonListModel::ColumnCount).isEmpty());
}

TEST_CASE("headerMenu_neverHidesTheLastShownColumn", "[ui][lists][columns]")
{
    const ForgetColumns forget(QStringLiteral("people"), Ui::PersonListModel::ColumnCount);
    Ui::PeopleView view;
    QHeaderView *header = view.table()->horizontalHeader();
    for (int c = 1; c < header->count(); ++c)
        header->hideSection(c);
    std::unique_ptr<QMenu> menu(Ui::Columns::headerMenu(view.table(), nullptr));
    QAction *name = menuAction(menu.get(), QStringLiteral("Full name"));
    REQUIRE(name);
    CHECK_FALSE(name->isEnabled());
}

TEST_CASE("unitsView_showsChildUnderItsParent_andFlatListWhileSearching", "[ui][lists][units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const qint64 health = Test::addUnit(db, QStringLiteral("Sở Y tế"));
        const qint64 hospital = Test::addUnit(db, QStringLiteral("Bệnh viện Đa khoa tỉnh"), health, QStringLiteral("department"));
        const qint64 ward = Test::addUnit(db, QStringLiteral("Khoa Nhi"), hospital, QStringLiteral("department"));
        Test::addUnit(db, QStringLiteral("Sở Tư pháp"));

        Ui::UnitsView view;
        view.resize(900, 500);
        Test::ModelTestLog log;
        QAbstractItemModelTester tester(view.treeModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
        view.setDatabase(&db);
        view.show();
        REQUIRE(QTest::qWaitForWindowExposed(&view));
        Ui::UnitTreeModel *tree = view.treeModel();

        // Empty search: the tree; the two departments at the top, by name.
        REQUIRE(view.showsTree());
        CHECK(view.tree()->isVisible());
        CHECK_FALSE(view.table()->isVisible());
        REQUIRE(tree->rowCount() == 2);
        const QModelIndex top = tree->index(0, Ui::UnitTreeModel::Name);
        CHECK(top.data().toString() == QStringLiteral("Sở Tư pháp"));
        const QModelIndex healthRow = tree->index(1, Ui::UnitTreeModel::Name);
        CHECK(healthRow.data().toString() == QStringLiteral("Sở Y tế"));
        CHECK(tree->hasChildren(healthRow));
        CHECK_FALSE(tree->hasChildren(top));
        view.tree()->expand(healthRow);
        REQUIRE(tree->rowCount(healthRow) == 1);
        CHECK(tree->index(0, Ui::UnitTreeModel::Name, healthRow).data().toString() == QStringLiteral("Bệnh viện Đa khoa tỉnh"));

        // Selecting a unit deep down opens its branches; Enter opens its page, as in the list.
        view.selectId(ward);
        CHECK(view.currentId() == ward);
        CHECK(view.tree()->isExpanded(view.treeModel()->indexOfId(hospital)));
        view.tree()->setFocus();
        QTest::keyClick(view.tree(), Qt::Key_Return);
        auto *page = view.findChild<Ui::UnitPage *>();
        REQUIRE(page);
        CHECK(page->unitId() == ward);
        page->close();
        delete page;

        // Typing a search: the flat list of matches; clearing it: the tree again, still open.
        view.filterEdit()->setText(QStringLiteral("khoa"));
        view.applyFilter();
        CHECK_FALSE(view.showsTree());
        CHECK(view.table()->isVisible());
        CHECK_FALSE(view.tree()->isVisible());
        CHECK(view.unitModel()->rowCount() == 2); // "Bệnh viện Đa khoa tỉnh", "Khoa Nhi"
        CHECK(view.unitModel()->index(0, Ui::UnitListModel::Parent).data().toString() == QStringLiteral("Sở Y tế"));
        view.filterEdit()->clear();
        view.applyFilter();
        CHECK(view.tree()->isVisible());
        CHECK(view.tree()->isExpanded(view.treeModel()->indexOfId(health)));
        CHECK(view.currentId() == ward);
        INFO(log.messages().join(QLatin1Char('\n')).toStdString());
        CHECK(log.messages().isEmpty());
    });
}

TEST_CASE("decisionsList_showsTrichYeuAndStatusInWords", "[ui][lists][decisions]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Wf::Decision d;
        d.issuer = QStringLiteral("UBND tỉnh");
        d.year = 2026;
        d.registerNo = 12;
        d.date = QDate(2026, 1, 5);
        d.title = QStringLiteral("Về việc tặng Bằng khen của Chủ tịch UBND tỉnh năm 2025");
        Wf::DecisionRepository(db).save(d);

        Test::ModelTestLog log;
        Ui::DecisionsView view;
        view.setDatabase(&db);
        view.show();
        auto *list = view.findChild<QTableView *>(QStringLiteral("decisionList"));
        REQUIRE(list);
        QAbstractItemModel *model = list->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Warning);
        REQUIRE(model->rowCount() == 1);
        CHECK(model->headerData(Ui::DecisionListModel::SummaryColumn, Qt::Horizontal).toString() == QStringLiteral("Summary"));
        CHECK(model->index(0, Ui::DecisionListModel::SummaryColumn).data().toString() == d.title);
        CHECK(model->index(0, Ui::DecisionListModel::StatusColumn).data().toString() == QStringLiteral("Draft"));
        CHECK_FALSE(list->isColumnHidden(Ui::DecisionListModel::SummaryColumn));
        CHECK(log.messages().isEmpty());
    });
}

TEST_CASE("nomineeWarnings_spelledOutInColumnAndEveryOneInTooltip", "[ui][lists][nominees]")
{
    Wf::Nominee n;
    n.id = 7;
    n.name = QStringLiteral("Lê Thị Hồng");
    n.engineVerdict = QStringLiteral("needs_review");
    n.warnings = {QStringLiteral("Chưa có xếp loại năm 2024."), QStringLiteral("Đã được tặng Bằng khen năm 2024.")};
    Wf::Nominee clean;
    clean.id = 8;
    clean.name = QStringLiteral("Phan Văn Tú");

    Test::ModelTestLog log;
    Ui::NomineeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setContent({n, clean}, {}, {}, {});
    const QModelIndex cell = model.index(0, Ui::NomineeTableModel::Warnings);
    CHECK(cell.data().toString() == QStringLiteral("Chưa có xếp loại năm 2024.; Đã được tặng Bằng khen năm 2024."));
    const QString tip = cell.data(Qt::ToolTipRole).toString();
    CHECK(tip.startsWith(QStringLiteral("2 warning"))); // "2 warnings:" once the plural is translated
    CHECK(tip.contains(QStringLiteral("• Chưa có xếp loại năm 2024.")));
    CHECK(tip.contains(QStringLiteral("• Đã được tặng Bằng khen năm 2024.")));
    CHECK(model.index(1, Ui::NomineeTableModel::Warnings).data().toString().isEmpty());
    CHECK(model.index(1, Ui::NomineeTableModel::Warnings).data(Qt::ToolTipRole).isNull());
    CHECK(log.messages().isEmpty());
}
