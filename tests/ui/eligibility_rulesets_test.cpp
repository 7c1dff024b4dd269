// The rule-set page: the set in force today, every set with its citations, and the import of
// a new set file that a bad file cannot get past.
#include "uitesthelpers.h"

#include "core/accounts/accountrepository.h"
#include "core/eligibility/eligibilityservice.h"
#include "tests/support/testdatabase.h"
#include "ui/eligibility/rulesetsview.h"

#include <catch2/catch.hpp>

#include <QDate>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>

using namespace VinhDanh;
namespace Elig = Core::Eligibility;

TEST_CASE("ruleSetsView_showsTheSetInForceToday_andEverySetWithCitations", "[ui][eligibility]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const Elig::Service service(db);
    const Elig::RuleSetInfo inForce = service.ruleSetInForce(QDate::currentDate());
    const QList<Elig::RuleSetInfo> sets = service.ruleSets();

    Ui::RuleSetsView view;
    view.setDatabase(&db);
    view.show();
    // The banner names the set by its title, not its id.
    CHECK(view.inForceLabel()->text().contains(inForce.title));
    CHECK_FALSE(view.inForceLabel()->text().contains(inForce.id));
    CHECK(view.table()->rowCount() == sets.size());
    // The set in force is the one selected, its citations shown below the list.
    const int row = view.table()->currentRow();
    REQUIRE(row >= 0);
    CHECK(view.table()->item(row, Ui::RuleSetsView::IdColumn)->text() == inForce.id);
    // A clerk reads titles: the id column is hidden; the details give it for the command line.
    CHECK(view.table()->isColumnHidden(Ui::RuleSetsView::IdColumn));
    CHECK(view.details()->toPlainText().contains(inForce.id));
    CHECK(view.table()->item(row, Ui::RuleSetsView::VersionColumn)->text() == QString::number(inForce.version));
    REQUIRE(!inForce.citations.isEmpty());
    CHECK(view.details()->toPlainText().contains(inForce.citations.first()));
}

TEST_CASE("ruleSetImport_brokenFile_showsLineAndReason_andStoresNothing", "[ui][eligibility]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const QString path = t.dir() + QStringLiteral("/bo-quy-tac-hong.json");
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("{\n  \"id\": \"broken\",\n  \"version\": 1,\n  \"awards\": [ oops ]\n}\n");
    }
    const QString expected = Test::errorOf([&] { Elig::Service(db).importRuleSet(path); });
    REQUIRE(!expected.isEmpty());
    CHECK(expected.contains(QLatin1String("4"))); // the engine names the line

    Ui::RuleSetsView view;
    view.setDatabase(&db);
    view.show();
    const int before = view.table()->rowCount();
    Test::MessageBoxAnswerer answerer;
    CHECK_FALSE(view.importPath(path));
    REQUIRE(answerer.texts().size() == 1);
    CHECK(answerer.texts().first().contains(expected));
    CHECK(view.table()->rowCount() == before);
    CHECK(Elig::Service(db).ruleSets().size() == before);
}

TEST_CASE("ruleSetsView_importAndRetireAreForAdministrators_retiredSetStaysListed", "[ui][eligibility][rules]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Core::AccountRepository accounts(db);
    const QString password = QStringLiteral("mat-khau-dai");
    accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, password);
    accounts.login(QStringLiteral("quantri"), password);
    accounts.create(QStringLiteral("lanhdao"), {}, QStringLiteral("leader"), 0, password);
    const QString path = t.dir() + QStringLiteral("/rules.json");
    {
        QFile builtIn(QStringLiteral(":/vinhdanh/rules/2025-nd152-2025.json"));
        REQUIRE(builtIn.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(builtIn.readAll()).object();
        o.insert(QStringLiteral("id"), QStringLiteral("test-replaced"));
        o.insert(QStringLiteral("version"), 99);
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(o).toJson());
    }

    // Without the permission both buttons stay disabled.
    accounts.login(QStringLiteral("lanhdao"), password);
    Ui::RuleSetsView view;
    view.setDatabase(&db);
    view.show();
    CHECK_FALSE(view.importButton()->isEnabled());
    CHECK_FALSE(view.retireButton()->isEnabled());

    // The administrator imports; the new set is in force and can be retired.
    accounts.login(QStringLiteral("quantri"), password);
    view.setDatabase(&db);
    CHECK(view.importButton()->isEnabled());
    Test::MessageBoxAnswerer answerer;
    REQUIRE(view.importPath(path));
    CHECK(view.inForceLabel()->text().contains(QStringLiteral("version 99"))); // same title as the built-in set
    CHECK(view.table()->item(view.table()->currentRow(), Ui::RuleSetsView::IdColumn)->text() == QStringLiteral("test-replaced"));
    CHECK(view.retireButton()->isEnabled());
    CHECK(view.details()->toPlainText().contains(QStringLiteral("quantri"))); // who imported it
    REQUIRE(view.retire(QStringLiteral("test-replaced"), 99));
    CHECK_FALSE(view.inForceLabel()->text().contains(QStringLiteral("version 99")));
    bool listedRetired = false;
    for (int row = 0; row < view.table()->rowCount(); ++row)
        if (view.table()->item(row, Ui::RuleSetsView::IdColumn)->text() == QStringLiteral("test-replaced"))
            listedRetired = view.table()->item(row, Ui::RuleSetsView::OriginColumn)->text().contains(QStringLiteral("retired"));
    CHECK(listedRetired);
}
