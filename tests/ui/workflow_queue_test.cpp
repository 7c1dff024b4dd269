// The dossiers work queue: counts per status that follow a transition made in an open dossier,
// the filters (status, movement, year, text without accents), and the list model under
// QAbstractItemModelTester through paging and filtering.
#include "workflowtesthelpers.h"

#include "core/registry/movementrepository.h"
#include "eligibilitytesthelpers.h"
#include "tests/support/testdatabase.h"
#include "ui/dossiers/dossierlistmodel.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/dossiersview.h"
#include "ui/dossiers/workflowwidgets.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

TEST_CASE("workQueueCounts_followATransitionMadeInAnOpenDossier", "[ui][workflow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Test::DraftDossier seed = Test::addDraftWithNominee(db, QStringLiteral("Sở Nông nghiệp và Môi trường"),
                                                                  QStringLiteral("Ngô Văn Hải"));
        const qint64 first = seed.dossier;
        Test::addDossier(db, seed.unit, 2024, QStringLiteral("Đề nghị khen thưởng đột xuất"));

        Ui::DossiersView view;
        view.setDatabase(&db);
        view.show();
        CHECK(view.shownTotal() == 2);
        CHECK(view.shownCount(Wf::Status::Draft) == 2);
        CHECK(view.shownCount(Wf::Status::Submitted) == 0);
        // Every status is listed, in workflow order, after "All".
        REQUIRE(view.statusList()->count() == int(Wf::allStatuses().size()) + 1);
        CHECK(view.statusList()->item(1)->text().startsWith(Wf::statusLabel(Wf::Status::Draft)));

        view.openDossier(first);
        Ui::DossierPage *page = view.pageOf(first);
        REQUIRE(page);
        view.openDossier(first); // the same window, brought to the front
        CHECK(view.findChildren<Ui::DossierPage *>().size() == 1);
        REQUIRE(page->transitionButton(Wf::Transition::Submit));
        const auto asked = Test::answerReason<Ui::ReasonDialog>(Test::missingDocumentsReason());
        page->transitionButton(Wf::Transition::Submit)->click();
        CHECK(*asked);

        CHECK(view.shownCount(Wf::Status::Draft) == 1);
        CHECK(view.shownCount(Wf::Status::Submitted) == 1);
        CHECK(view.shownTotal() == 2);
        view.showStatus(Wf::Status::Submitted);
        REQUIRE(view.model()->rowCount() == 1);
        CHECK(view.model()->idAt(0) == first);
        view.showStatus(Wf::Status::Draft, true);
        CHECK(view.model()->rowCount() == 2);

        // Closing the database closes the dossier windows that hold it.
        view.setDatabase(nullptr);
        CHECK(view.pageOf(first) == nullptr);
        CHECK(view.model()->rowCount() == 0);
    });
}

TEST_CASE("workQueueFilters_byMovementYearAndTextWithoutAccents", "[ui][workflow]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 health = Test::addUnit(db, QStringLiteral("Sở Y tế"));
    const qint64 school = Test::addUnit(db, QStringLiteral("Trường THPT Chuyên Lê Quý Đôn"));
    const QList<Core::MovementSummary> movements = Core::MovementRepository(db).list();
    REQUIRE_FALSE(movements.isEmpty());
    // One of the plan's own occasions, in the year the plan holds it.
    const std::optional<Core::Movement> movement = Core::MovementRepository(db).get(movements.first().id);
    REQUIRE(movement);
    REQUIRE_FALSE(movement->awards.isEmpty());
    const QString occasion = movement->awards.first().occasion;
    int movementYear = 2024;
    for (const Core::MovementPhase &p : movement->phases)
        if (p.review == occasion && p.reviewYear > 0)
            movementYear = p.reviewYear;
    Test::addDossier(db, health, 2024, QStringLiteral("Đề nghị khen thưởng năm 2024"));
    Test::addDossier(db, school, 2019, QStringLiteral("Đề nghị khen thưởng năm học 2018–2019"));
    Test::addDossier(db, school, movementYear, QStringLiteral("Khen thưởng phong trào"), movements.first().id, occasion);

    Ui::DossiersView view;
    view.setDatabase(&db);
    REQUIRE(view.model()->rowCount() == 3);

    view.filterEdit()->setText(QStringLiteral("le quy don"));
    view.applyFilter();
    CHECK(view.model()->rowCount() == 2);
    view.yearFilter()->setValue(2019); // before every plan of the catalogue
    REQUIRE(view.model()->rowCount() == 1);
    CHECK(view.model()->index(0, Ui::DossierListModel::Year).data().toInt() == 2019);
    view.yearFilter()->setValue(0);
    view.movementFilter()->setCurrentIndex(view.movementFilter()->findData(Ui::DossierListModel::RegularTrack));
    CHECK(view.model()->rowCount() == 1);
    view.movementFilter()->setCurrentIndex(view.movementFilter()->findData(movements.first().id));
    REQUIRE(view.model()->rowCount() == 1);
    CHECK(view.model()->index(0, Ui::DossierListModel::Track).data().toString() == movements.first().name);
    view.filterEdit()->clear();
    view.applyFilter();
    view.movementFilter()->setCurrentIndex(0);
    CHECK(view.model()->rowCount() == 3);
}

TEST_CASE("dossierListModel_passesModelTester_throughPagingAndFilters", "[ui][workflow]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("UBND phường Hòa Bình"));
    for (int i = 1; i <= 7; ++i)
        Test::addDossier(db, unit, 2020 + i % 3, QStringLiteral("Đề nghị khen thưởng số %1").arg(i));

    Test::ModelTestLog log;
    Ui::DossierListModel model;
    model.setPageSize(3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    tester.setUseFetchMore(false); // this test counts the pages itself
    model.setDatabase(&db);
    CHECK(model.totalCount() == 7);
    CHECK(model.rowCount() == 3);
    REQUIRE(model.canFetchMore({}));
    model.fetchMore({});
    model.fetchMore({});
    CHECK(model.rowCount() == 7);
    CHECK_FALSE(model.canFetchMore({}));

    model.setFilter(true, Wf::Status::Draft, 0, 2021);
    CHECK(model.totalCount() == 3);
    model.setText(QStringLiteral("SO 4"));
    REQUIRE(model.rowCount() == 1);
    INFO(model.index(0, Ui::DossierListModel::Title).data().toString().toStdString());
    CHECK(model.index(0, Ui::DossierListModel::Title).data().toString().endsWith(QStringLiteral("số 4")));
    model.setFilter(false, Wf::Status::Submitted, 0, 0);
    CHECK(model.rowCount() == 0);
    model.setDatabase(nullptr);
    CHECK(model.rowCount() == 0);
    CHECK(log.messages().isEmpty());
}
