// The "Dossiers and decisions" tab of a person's and a unit's page: the dossiers naming them,
// opened from there.
#include "workflowtesthelpers.h"

#include "core/decisions/decisionrepository.h"
#include "core/proposals/paydata.h"
#include "tests/support/testdatabase.h"
#include "ui/decisions/awardeesmodel.h"
#include "ui/decisions/decisionpage.h"
#include "ui/decisions/subjectworkflowtab.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/registry/personpage.h"
#include "ui/registry/recordswidget.h"
#include "ui/registry/unitpage.h"

#include <catch2/catch.hpp>

#include <QDialog>
#include <QTableWidget>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

TEST_CASE("personPage_listsTheDossiersAndDecisionsNamingThePerson_andOpensEach", "[ui][workflow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Văn hóa, Thể thao và Du lịch"));
        const qint64 person = Test::addPerson(db, QStringLiteral("Bùi Thị Thu Trang"), unit);
        const qint64 other = Test::addPerson(db, QStringLiteral("Đỗ Văn Nam"), unit);
        const qint64 named = Test::addDossier(db, unit, 2024, QStringLiteral("Đề nghị khen thưởng năm 2024"));
        Test::addNominee(db, named, Core::Subject::person(person), QStringLiteral("LDTT"),
                         QStringLiteral("Đủ điều kiện theo biên bản."));
        const qint64 notNamed = Test::addDossier(db, unit, 2024, QStringLiteral("Đề nghị khen thưởng đột xuất"));
        Test::addNominee(db, notNamed, Core::Subject::person(other), QStringLiteral("LDTT"),
                         QStringLiteral("Đủ điều kiện theo biên bản."));
        // A draft decision typed in directly, naming the person: LDTT is the grassroots
        // level's to award, so the office issues at that level (a province's may not).
        Wf::PayData(db).setSetting(QStringLiteral("office.level"), QStringLiteral("co_so"));
        Wf::DecisionRepository decisions(db);
        Wf::Decision decision;
        decision.issuer = QStringLiteral("UBND phường Hạc Thành");
        decision.year = 2025;
        decision.registerNo = 41;
        decision.date = QDate(2025, 3, 2);
        decision.title = QStringLiteral("Về việc tặng danh hiệu Lao động tiên tiến");
        const qint64 decisionId = decisions.save(decision);
        Wf::Awardee awardee;
        awardee.personId = person;
        awardee.formCode = QStringLiteral("LDTT");
        awardee.recipient = QStringLiteral("individual");
        decisions.addAwardee(decisionId, awardee);

        auto *page = new Ui::PersonPage(db, person);
        auto *tab = page->findChild<Ui::SubjectWorkflowTab *>();
        REQUIRE(tab);
        page->records()->setCurrentWidget(tab);
        page->show();
        REQUIRE(Test::waitUntil([&] { return tab->dossiers()->rowCount() > 0; }));
        CHECK(tab->dossiers()->rowCount() == 1);
        CHECK(tab->dossierIdAt(0) == named);
        CHECK(tab->dossiers()->item(0, 1)->text() == QStringLiteral("Đề nghị khen thưởng năm 2024"));

        emit tab->dossiers()->cellDoubleClicked(0, 1);
        auto *dossier = page->findChild<Ui::DossierPage *>();
        REQUIRE(dossier);
        CHECK(dossier->dossierId() == named);
        dossier->close();

        REQUIRE(tab->decisions()->rowCount() == 1);
        CHECK(tab->decisionIdAt(0) == decisionId);
        CHECK(tab->decisions()->item(0, 0)->text().startsWith(QStringLiteral("41/")));
        emit tab->decisions()->cellDoubleClicked(0, 0);
        auto *decisionWindow = page->findChild<QDialog *>(QStringLiteral("decisionWindow"));
        REQUIRE(decisionWindow);
        auto *decisionPage = decisionWindow->findChild<Ui::DecisionPage *>();
        REQUIRE(decisionPage);
        CHECK(decisionPage->decisionId() == decisionId);
        CHECK(decisionPage->awardeesModel()->rowCount() == 1);
        decisionWindow->close();
        page->close();

        // The unit's page lists both: it proposes them.
        auto *unitPage = new Ui::UnitPage(db, unit);
        auto *unitTab = unitPage->findChild<Ui::SubjectWorkflowTab *>();
        REQUIRE(unitTab);
        unitPage->records()->setCurrentWidget(unitTab);
        unitPage->show();
        REQUIRE(Test::waitUntil([&] { return unitTab->dossiers()->rowCount() == 2; }));
        unitPage->close();
    });
}
