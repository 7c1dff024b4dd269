// The audit view: filtering by who made the change, the before/after pane, CSV export.
#include "accountstesthelpers.h"
#include "uitesthelpers.h"

#include "core/repo/unitrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/accounts/auditmodel.h"
#include "ui/accounts/auditview.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QTableView>
#include <QTableWidget>

using namespace VinhDanh;

using VinhDanh::Test::ModelTestLog;

namespace {

QStringList columnOf(Ui::AuditModel *model, int column)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, column).data().toString();
    return out;
}
} // namespace

TEST_CASE("auditView_filtersByActor_showsBeforeAfter_andExportsTheChangeAsCsv", "[ui][accounts][audit]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addAdmin(db);
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Xây dựng"));
    Core::AccountRepository(db).create(QStringLiteral("tham.dinh"), QString(), QStringLiteral("appraiser"), 0, Test::kPassword);
    {
        // The appraiser renames the unit from another connection (another clerk's computer).
        Core::Database other(t.settings(), Core::Database::Mode::OpenExisting);
        Core::AccountRepository(other).login(QStringLiteral("tham.dinh"), Test::kPassword);
        Core::Unit u = *Core::UnitRepository(other).get(unit);
        u.name = QStringLiteral("Sở Xây dựng tỉnh Hưng Yên");
        Core::UnitRepository(other).save(u);
    }

    Ui::AuditView view(db);
    view.show();
    Ui::AuditModel *model = view.model();
    ModelTestLog log;
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Warning);
    CHECK(columnOf(model, Ui::AuditModel::Actor).contains(QStringLiteral("quan.tri")));

    auto *actor = view.findChild<QComboBox *>(QStringLiteral("actor"));
    const int row = actor->findData(QStringLiteral("tham.dinh"));
    REQUIRE(row > 0);
    actor->setCurrentIndex(row);
    REQUIRE(model->rowCount() > 0);
    QStringList actors = columnOf(model, Ui::AuditModel::Actor);
    actors.removeDuplicates();
    CHECK(actors == QStringList{QStringLiteral("tham.dinh")});

    auto *table = view.findChild<QComboBox *>(QStringLiteral("table"));
    table->setCurrentIndex(table->findData(QStringLiteral("units")));
    REQUIRE(model->rowCount() == 1);
    CHECK(model->index(0, Ui::AuditModel::Action).data().toString() == QStringLiteral("Changed"));

    // The detail pane shows the name before and after, side by side.
    auto *entries = view.findChild<QTableView *>(QStringLiteral("entries"));
    entries->setCurrentIndex(model->index(0, 0));
    auto *detail = view.findChild<QTableWidget *>(QStringLiteral("detail"));
    QStringList nameRow;
    for (int r = 0; r < detail->rowCount(); ++r)
        if (detail->item(r, 0)->text() == QStringLiteral("name"))
            nameRow << detail->item(r, 1)->text() << detail->item(r, 2)->text();
    CHECK(nameRow == QStringList{QStringLiteral("Sở Xây dựng"), QStringLiteral("Sở Xây dựng tỉnh Hưng Yên")});

    const QString path = t.dir() + QStringLiteral("/audit.csv");
    REQUIRE(view.exportCsv(path).isEmpty());
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    CHECK(csv.contains(QStringLiteral("tham.dinh,update,units")));
    CHECK(csv.contains(QStringLiteral("name: Sở Xây dựng → Sở Xây dựng tỉnh Hưng Yên")));
    CHECK_FALSE(csv.contains(QStringLiteral("quan.tri,")));
    CHECK(log.messages().isEmpty());
}

TEST_CASE("auditModel_largeLog_loadsAPageAtATime", "[ui][accounts][audit]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 parent = Test::addUnit(db, QStringLiteral("UBND tỉnh"));
    for (int i = 0; i < Ui::AuditModel::kPageSize + 20; ++i)
        Test::addUnit(db, QStringLiteral("Phòng %1").arg(i), parent);

    Ui::AuditModel model;
    ModelTestLog log;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    tester.setUseFetchMore(false); // this test counts the pages itself
    Core::AuditFilter filter;
    filter.table = QStringLiteral("units");
    model.setFilter(&db, filter);
    CHECK(model.total() == Ui::AuditModel::kPageSize + 21);
    CHECK(model.rowCount() == Ui::AuditModel::kPageSize);
    REQUIRE(model.canFetchMore({}));
    model.fetchMore({});
    CHECK(model.rowCount() == Ui::AuditModel::kPageSize + 21);
    CHECK_FALSE(model.canFetchMore({}));
    CHECK(log.messages().isEmpty());
}
