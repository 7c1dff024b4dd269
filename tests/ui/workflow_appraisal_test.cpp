// Appraisal on the dossier page: the engine's verdict and trace beside the appraiser's, the
// override reason asked for only when they differ, and the nominees table showing the result;
// the nominees model under QAbstractItemModelTester.
#include "workflowtesthelpers.h"

#include "eligibilitytesthelpers.h"
#include "tests/support/testdatabase.h"
#include "ui/dossiers/appraisalpanel.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/nomineemodel.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/eligibility/eligibilitymodel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

namespace {
struct Appraising
{
    qint64 dossier = 0;
    qint64 notEligible = 0; // entered with a reason to proceed
    qint64 rated = 0;       // rated five years: the engine leaves a judgement to people
};

Appraising dossierUnderAppraisal(Core::Database &db)
{
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Xây dựng"));
    const qint64 unrated = Test::addPerson(db, QStringLiteral("Vũ Thị Lan"), unit);
    const qint64 rated = Test::addPerson(db, QStringLiteral("Đặng Quốc Bảo"), unit);
    Test::rateYears(db, Core::Subject::person(rated), 2020, 2024);
    Appraising a;
    a.dossier = Test::addDossier(db, unit);
    a.notEligible = Test::addNominee(db, a.dossier, Core::Subject::person(unrated), QStringLiteral("LDTT"),
                                     QStringLiteral("Đơn vị xác nhận xếp loại năm 2024, quyết định đang trình ký."));
    a.rated = Test::addNominee(db, a.dossier, Core::Subject::person(rated));
    Wf::DossierRepository repo(db);
    repo.transition(a.dossier, Wf::Transition::Submit, Test::missingDocumentsReason());
    repo.transition(a.dossier, Wf::Transition::StartAppraisal);
    return a;
}
} // namespace

TEST_CASE("appraisalThatOverridesTheEngine_requiresAnOverrideReason_andTheTableShowsIt", "[ui][workflow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Appraising a = dossierUnderAppraisal(db);

        auto *page = new Ui::DossierPage(db, a.dossier);
        page->show();
        Ui::AppraisalPanel *panel = page->appraisal();
        REQUIRE(page->tabs()->isTabVisible(page->tabs()->indexOf(panel)));
        page->tabs()->setCurrentWidget(panel);
        panel->selectNominee(a.notEligible);
        REQUIRE(panel->currentNomineeId() == a.notEligible);
        // The engine's verdict, evaluated now, with its trace.
        CHECK(panel->trace()->model()->rowCount() == 1);
        CHECK(panel->trace()->verdictText().contains(Core::Eligibility::verdictLabel(Core::Eligibility::Verdict::NotEligible)));
        CHECK_FALSE(panel->recordButton()->isEnabled()); // no verdict chosen yet
        CHECK_FALSE(panel->overrideEdit()->isVisible());

        // Agreeing with a "not eligible" engine overrides it: the reason field appears.
        panel->agreedButton()->click();
        CHECK(panel->overrideNeeded());
        CHECK(panel->overrideEdit()->isVisible());
        CHECK_FALSE(panel->recordButton()->isEnabled());
        const QString why = QStringLiteral("Quyết định xếp loại năm 2024 đã ban hành, hồ sơ bổ sung kèm theo.");
        Test::typeText(panel->overrideEdit(), why);
        CHECK(panel->recordButton()->isEnabled());
        // Not agreed agrees with the engine: no override, but a reason of its own.
        panel->notAgreedButton()->click();
        CHECK_FALSE(panel->overrideEdit()->isVisible());
        CHECK_FALSE(panel->recordButton()->isEnabled());
        panel->agreedButton()->click();
        REQUIRE(panel->recordButton()->isEnabled());
        panel->recordButton()->click();

        const QList<Wf::Appraisal> stored = Wf::DossierRepository(db).appraisals(a.dossier);
        REQUIRE(stored.size() == 1);
        CHECK(stored.first().nomineeId == a.notEligible);
        CHECK(stored.first().agreed);
        CHECK(stored.first().overrideReason == why);
        const int row = page->nominees()->rowOfId(a.notEligible);
        REQUIRE(row >= 0);
        CHECK(page->nominees()->index(row, Ui::NomineeTableModel::Appraisal).data().toString()
              == Ui::NomineeTableModel::appraisalText(stored.first()));
        CHECK(page->nominees()->index(row, Ui::NomineeTableModel::Appraisal).data().toString().contains(QLatin1String("overrides")));

        // The other nominee: the engine leaves a judgement, so "not agreed" needs only its reason.
        panel->selectNominee(a.rated);
        panel->notAgreedButton()->click();
        CHECK_FALSE(panel->overrideNeeded());
        CHECK_FALSE(panel->recordButton()->isEnabled());
        Test::typeText(panel->reasonEdit(), QStringLiteral("Chưa có sáng kiến được công nhận."));
        REQUIRE(panel->recordButton()->isEnabled());
        panel->recordButton()->click();
        CHECK(Wf::DossierRepository(db).appraisals(a.dossier).size() == 2);
        REQUIRE(page->transitionButton(Wf::Transition::FinishAppraisal));
        CHECK(page->transitionButton(Wf::Transition::FinishAppraisal)->isEnabled());
        page->close();
    });
}

TEST_CASE("nomineeTableModel_passesModelTester_andShowsVerdictWarningsAndAppraisal", "[ui][workflow]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const Appraising a = dossierUnderAppraisal(db);
    Wf::DossierRepository repo(db);
    repo.appraise(a.notEligible, false, QStringLiteral("Không đủ tiêu chuẩn."));

    Test::ModelTestLog log;
    Ui::NomineeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setContent(repo.nominees(a.dossier), repo.appraisals(a.dossier), repo.outcomes(a.dossier),
                     Ui::WorkflowText::awardFormNames(db));
    REQUIRE(model.rowCount() == 2);
    const int row = model.rowOfId(a.notEligible);
    CHECK(model.index(row, Ui::NomineeTableModel::Verdict).data().toString()
          == Core::Eligibility::verdictLabel(Core::Eligibility::Verdict::NotEligible));
    CHECK_FALSE(model.index(row, Ui::NomineeTableModel::Verdict).data(Qt::DecorationRole).isNull());
    CHECK_FALSE(model.index(row, Ui::NomineeTableModel::Warnings).data(Qt::DecorationRole).isNull());
    CHECK(model.index(row, Ui::NomineeTableModel::Form).data().toString() == QStringLiteral("Lao động tiên tiến"));
    CHECK(model.index(row, Ui::NomineeTableModel::Appraisal).data().toString().startsWith(QLatin1String("Not agreed")));
    CHECK(model.index(model.rowOfId(a.rated), Ui::NomineeTableModel::Appraisal).data().toString().isEmpty());
    model.setContent({}, {}, {}, {});
    CHECK(model.rowCount() == 0);
    CHECK(log.messages().isEmpty());
}
