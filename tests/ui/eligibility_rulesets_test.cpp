// The rule-set page: the set in force today, every set with its citations, and the import of
// a new set file that a bad file cannot get past.
#include "uitesthelpers.h"

#include "core/eligibility/eligibilityservice.h"
#include "tests/support/testdatabase.h"
#include "ui/eligibility/rulesetsview.h"

#include <catch2/catch.hpp>

#include <QDate>
#include <QFile>
#include <QLabel>
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
    CHECK(view.inForceLabel()->text().contains(inForce.id));
    CHECK(view.table()->rowCount() == sets.size());
    // The set in force is the one selected, its citations shown below the list.
    const int row = view.table()->currentRow();
    REQUIRE(row >= 0);
    CHECK(view.table()->item(row, Ui::RuleSetsView::IdColumn)->text() == inForce.id);
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
