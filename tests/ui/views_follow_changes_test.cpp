// The candidates, rule sets, accounts and audit windows follow the database's change notifier
// (issue 17 item 1): what core writes in this program, or another program writes to the same
// database, shows in the open window without the main window telling it, and the row the clerk
// was on stays chosen. The candidates page does not sweep again unasked: it says its rows are old.
#include "accountstesthelpers.h"
#include "eligibilitytesthelpers.h"

#include "core/accounts/accountrepository.h"
#include "core/auditlog/auditlog.h"
#include "core/db/changes.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/registry/movementrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/accounts/auditmodel.h"
#include "ui/accounts/auditview.h"
#include "ui/accounts/usersdialog.h"
#include "ui/eligibility/candidatesmodel.h"
#include "ui/eligibility/candidatesview.h"
#include "ui/eligibility/rulesetsview.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>

using namespace VinhDanh;
namespace Elig = Core::Eligibility;

namespace {
// The GUI polls another program's changes every 2 s; here every 100 ms, with room for a loaded machine.
bool waitFor(const std::function<bool()> &done)
{
    return Test::waitUntil(done, 8000);
}

qint64 addMovement(Core::Database &db, const QString &name)
{
    Core::Movement m;
    m.name = name;
    m.periodFrom = 2021;
    m.periodTo = 2025;
    return Core::MovementRepository(db).save(m);
}
} // namespace

TEST_CASE("candidatesView_registryChangedAfterTheSweep_saysTheRowsAreOld_untilFoundAgain_andOffersANewMovement",
          "[ui][eligibility][changes]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Giáo dục và Đào tạo"));
    const qint64 rated = Test::addPerson(db, QStringLiteral("Nguyễn Thị Ánh Tuyết"), unit);
    const qint64 later = Test::addPerson(db, QStringLiteral("Trần Văn Bình"), unit);
    Test::rateYears(db, Core::Subject::person(rated), 2020, 2024);
    const qint64 first = addMovement(db, QStringLiteral("Thi đua “Dân vận khéo”"));

    Ui::CandidatesView view;
    view.setDatabase(&db);
    view.show();
    view.yearBox()->setValue(2024);
    view.run();
    REQUIRE(Test::waitUntil([&] { return !view.isRunning(); }, 20000));
    const int rows = view.model()->rowCount();
    REQUIRE(rows > 0);
    CHECK(view.staleNotice()->isHidden());
    auto *movements = view.findChild<QComboBox *>(QStringLiteral("movement"));
    REQUIRE(movements);
    movements->setCurrentIndex(movements->findData(first));

    // Another person's ratings are recorded (here through core): the rows found stay, and say so.
    Test::rateYears(db, Core::Subject::person(later), 2020, 2024);
    QCoreApplication::processEvents();
    CHECK_FALSE(view.staleNotice()->isHidden());
    CHECK(view.staleNotice()->text().contains(QStringLiteral("Find candidates")));
    CHECK(view.model()->rowCount() == rows);

    // A movement added meanwhile is offered, the one chosen stays chosen.
    const qint64 second = addMovement(db, QStringLiteral("Thi đua chuyển đổi số"));
    QCoreApplication::processEvents();
    CHECK(movements->findData(second) >= 0);
    CHECK(movements->currentData().toLongLong() == first);

    movements->setCurrentIndex(0); // no movement, as the first sweep
    view.run();
    REQUIRE(Test::waitUntil([&] { return !view.isRunning(); }, 20000));
    CHECK(view.staleNotice()->isHidden());
    CHECK(view.model()->rowCount() > rows); // the second person now has rows of her own
}

TEST_CASE("ruleSetsView_aSetImportedByAnotherProgram_showsWithinAFewSeconds_keepingTheSelectedRow", "[ui][eligibility][changes]")
{
    Test::TestDatabase t;
    Core::Database &writer = t.open();
    Core::Database mine(t.settings(), Core::Database::Mode::OpenExisting);
    mine.changes().watchOutside(100);
    Ui::RuleSetsView view;
    view.setDatabase(&mine);
    view.show();
    const int before = view.table()->rowCount();
    REQUIRE(before > 1);
    view.table()->setCurrentCell(0, Ui::RuleSetsView::TitleColumn); // not the set in force, which is last
    const QString chosen = view.table()->item(0, Ui::RuleSetsView::IdColumn)->text();

    // The built-in set, written again under another id as version 99, imported by another program.
    const QString path = t.dir() + QStringLiteral("/bo-quy-tac.json");
    {
        QFile builtIn(QStringLiteral(":/vinhdanh/rules/2025-nd152-2025.json"));
        REQUIRE(builtIn.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(builtIn.readAll()).object();
        o.insert(QStringLiteral("id"), QStringLiteral("so-noi-vu-2026"));
        o.insert(QStringLiteral("version"), 99);
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(o).toJson());
    }
    Elig::Service(writer).importRuleSet(path);
    CHECK(waitFor([&] { return view.table()->rowCount() == before + 1; }));
    REQUIRE(view.table()->currentRow() >= 0);
    CHECK(view.table()->item(view.table()->currentRow(), Ui::RuleSetsView::IdColumn)->text() == chosen);
}

TEST_CASE("usersDialog_anAccountAddedElsewhere_showsWithoutClosingTheDialog_keepingTheSelectedAccount", "[ui][accounts][changes]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addAdmin(db);
    Ui::UsersDialog dialog(db);
    dialog.show();
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("accounts"));
    REQUIRE(table);
    REQUIRE(table->rowCount() == 1);
    dialog.selectUsername(table->item(0, 0)->text());
    const QString selected = dialog.currentUsername();
    REQUIRE_FALSE(selected.isEmpty());

    Core::AccountRepository(db).create(QStringLiteral("van.thu"), QStringLiteral("Trần Văn Thư"), QStringLiteral("leader"), 0,
                                       Test::kPassword);
    QCoreApplication::processEvents();
    CHECK(table->rowCount() == 2);
    CHECK(dialog.currentUsername() == selected);
}

TEST_CASE("auditView_changesMadeWhileItIsOpen_showAtTheTop_andTheEntryBeingReadStaysSelected", "[ui][accounts][changes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::addUnit(db, QStringLiteral("Sở Tư pháp"));
        Core::Database mine(t.settings(), Core::Database::Mode::OpenExisting);
        mine.changes().watchOutside(100);
        Ui::AuditView view(mine);
        view.show();
        Ui::AuditModel *model = view.model();
        REQUIRE(model->rowCount() >= 1);
        auto *table = view.findChild<QTableView *>(QStringLiteral("entries"));
        REQUIRE(table);
        table->setCurrentIndex(model->index(0, 0));
        const qint64 reading = model->entry(0).id;
        const int before = model->rowCount();

        // Another clerk adds a unit: its entry comes first, the one being read is still selected.
        Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
        CHECK(waitFor([&] { return model->rowCount() == before + 1; }));
        CHECK(model->entry(0).id > reading);
        REQUIRE(table->currentIndex().isValid());
        CHECK(model->entry(table->currentIndex().row()).id == reading);
    });
}
