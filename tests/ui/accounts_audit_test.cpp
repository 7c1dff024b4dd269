// The audit view: filtering by who made the change, the before/after pane, CSV export.
#include "accountstesthelpers.h"
#include "uitesthelpers.h"

#include "core/db/query.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/accounts/auditmodel.h"
#include "ui/accounts/auditview.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
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
    // An account reads as its holder's name and username (issue 16).
    CHECK(columnOf(model, Ui::AuditModel::Actor).contains(QStringLiteral("Nguyễn Văn Quản (quan.tri)")));

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
        if (detail->item(r, 0)->text() == QStringLiteral("Unit name")) // the column as the form labels it
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

TEST_CASE("auditView_withoutAccounts_namesTheComputerLoginInWords_andStillFiltersByIt", "[ui][accounts][audit]")
{
    // Without accounts the triggers record the OS login as "os:vanthu"; a clerk reads words.
    const bool hadUser = qEnvironmentVariableIsSet("USER");
    const QByteArray savedUser = qgetenv("USER");
    qputenv("USER", "vanthu");
    const auto restore = qScopeGuard([&] { hadUser ? qputenv("USER", savedUser) : qunsetenv("USER"); });
    Test::TestDatabase t;
    Core::Database &db = t.open();
    db.setSession({}); // picks up $USER for the triggers
    Test::addUnit(db, QStringLiteral("Sở Tư pháp"));

    Ui::AuditView view(db);
    view.show();
    Ui::AuditModel *model = view.model();
    REQUIRE(model->rowCount() > 0);
    const QStringList actors = columnOf(model, Ui::AuditModel::Actor);
    CHECK(actors.contains(QStringLiteral("vanthu (computer account)")));
    for (const QString &a : actors)
        CHECK_FALSE(a.startsWith(QStringLiteral("os:")));

    // The filter offers the same words and still matches the stored name.
    auto *actor = view.findChild<QComboBox *>(QStringLiteral("actor"));
    const int row = actor->findData(QStringLiteral("os:vanthu"));
    REQUIRE(row > 0);
    CHECK(actor->itemText(row) == QStringLiteral("vanthu (computer account)"));
    for (int i = 0; i < actor->count(); ++i)
        CHECK_FALSE(actor->itemText(i).startsWith(QStringLiteral("os:")));
    actor->setCurrentIndex(row);
    REQUIRE(model->rowCount() > 0);
    QStringList filtered = columnOf(model, Ui::AuditModel::Actor);
    filtered.removeDuplicates();
    CHECK(filtered == QStringList{QStringLiteral("vanthu (computer account)")});
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

TEST_CASE("auditView_verify_showsTheChainIntact_thenTheFirstBrokenRow", "[ui][accounts][audit]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addAdmin(db);
    Test::addUnit(db, QStringLiteral("Sở Xây dựng"));
    Test::addUnit(db, QStringLiteral("Sở Công Thương"));

    auto verifyLine = [&](Core::Database &d) {
        Ui::AuditView view(d);
        auto *verify = view.findChild<QPushButton *>(QStringLiteral("verifyChain"));
        REQUIRE(verify);
        verify->click();
        return view.findChild<QLabel *>(QStringLiteral("chainState"))->text();
    };
    CHECK(verifyLine(db).contains(QStringLiteral("intact")));

    // Someone with an SQLite tool removes a row's update guard and rewrites the row.
    const qint64 victim =
        Core::Query(db.sql(), QStringLiteral("SELECT max(id) FROM audit_log WHERE table_name = 'units'")).scalar(0).toLongLong();
    Core::Query::run(db.sql(), QStringLiteral("DROP TRIGGER guard_audit_log_update"));
    Core::Query::run(db.sql(), QStringLiteral("UPDATE audit_log SET actor = 'ai.do' WHERE id = %1").arg(victim));
    t.close();
    Core::Database &reopened = t.open();
    // Logging in records the login, which a read-only database refuses; the session stands
    // for the administrator's.
    reopened.setSession(
        {Core::Query(reopened.sql(), QStringLiteral("SELECT id FROM accounts WHERE username = 'quan.tri'")).scalar(0).toLongLong(),
         QStringLiteral("quan.tri"), QStringLiteral("admin"), 0});
    {
        // Before Verify, the line says why the database is read-only.
        Ui::AuditView view(reopened);
        CHECK(view.chainState().contains(QStringLiteral("guard_audit_log_update")));
    }
    const QString line = verifyLine(reopened);
    CHECK(line.contains(QStringLiteral("broken at row #%1").arg(victim)));
}

TEST_CASE("auditViewExport_masksCccd_theUnmaskedBoxIsForAdministrators_andTheExportIsRecorded", "[ui][accounts][audit]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Xây dựng"));
    Core::Person p;
    p.fullName = QStringLiteral("Đỗ Thị Hoa");
    p.category = QStringLiteral("cong_chuc");
    p.unitId = unit;
    p.cccd = QStringLiteral("036190001234");
    p.birthDate = QDate(1990, 5, 2);
    Core::PersonRepository(db).save(p);
    Test::addAdmin(db);
    Core::AccountRepository(db).create(QStringLiteral("lanh.dao"), QString(), QStringLiteral("leader"), 0, Test::kPassword);
    auto exported = [&](Ui::AuditView &view) {
        const QString path = t.dir() + QStringLiteral("/audit.csv");
        const QString error = view.exportCsv(path);
        INFO(error.toStdString());
        REQUIRE(error.isEmpty());
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        return QString::fromUtf8(file.readAll());
    };

    Core::AccountRepository(db).login(QStringLiteral("lanh.dao"), Test::kPassword);
    {
        Ui::AuditView view(db);
        view.show();
        CHECK(view.unmaskedBox()->isHidden());
        const QString csv = exported(view);
        CHECK(csv.contains(QStringLiteral("Đỗ Thị Hoa")));
        CHECK_FALSE(csv.contains(QStringLiteral("036190001234")));
        CHECK_FALSE(csv.contains(QStringLiteral("1990-05-02")));
    }
    Core::AccountRepository(db).login(QStringLiteral("quan.tri"), Test::kPassword);
    Ui::AuditView view(db);
    view.show();
    REQUIRE(view.unmaskedBox()->isVisible());
    CHECK_FALSE(view.unmaskedBox()->isChecked()); // masked unless asked
    CHECK_FALSE(exported(view).contains(QStringLiteral("036190001234")));
    view.unmaskedBox()->setChecked(true);
    CHECK(exported(view).contains(QStringLiteral("036190001234")));
    CHECK(Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_exports WHERE actor = 'quan.tri' AND unmasked = 1 "
                                               "AND format = 'csv'"))
              .scalar(0)
              .toInt()
          == 1);
    CHECK(Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'audit_exports'")).scalar(0).toInt()
          == 3);
}
