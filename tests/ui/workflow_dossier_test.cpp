// The dossier page driven through its widgets: a new dossier from the work queue, a nominee
// added through the dialog, the reason a not-eligible nominee needs, submitting (content turns
// read-only) and returning for supplement with a reason the history keeps.
#include "workflowtesthelpers.h"

#include "accountstesthelpers.h"
#include "core/accounts/accountrepository.h"
#include "core/proposals/statemachine.h"
#include "core/settings.h"
#include "eligibilitytesthelpers.h"
#include "tests/support/testdatabase.h"
#include "ui/dossiers/dossierdialog.h"
#include "ui/dossiers/dossierlistmodel.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/dossiersview.h"
#include "ui/dossiers/nomineedialog.h"
#include "ui/dossiers/nomineemodel.h"
#include "ui/dossiers/subjectpicker.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/eligibility/eligibilitymodel.h"
#include "ui/widgets/formwidgets.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

namespace {
/// Chooses the nominee by typing part of the name without accents, then the award form.
void chooseNominee(Ui::NomineeDialog *dialog, const QString &search, const QString &formCode)
{
    Test::typeText(dialog->picker()->filterEdit(), search);
    dialog->picker()->applyFilter(); // one match: chosen without a click
    REQUIRE(Test::waitUntil([&] { return dialog->picker()->subject().personId != 0; }));
    const int row = dialog->formChoice()->findData(formCode);
    REQUIRE(row > 0);
    dialog->formChoice()->setCurrentIndex(row);
    REQUIRE(Test::waitUntil([&] { return !dialog->warningsLabel()->text().startsWith(QLatin1String("Choose")); }));
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}
} // namespace

TEST_CASE("newDossierFromTheQueue_addsANomineeThroughTheDialog_andTheQueueCountsIt", "[ui][workflow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Khoa học và Công nghệ"));
        const qint64 person = Test::addPerson(db, QStringLiteral("Trần Thị Bích Ngọc"), unit);
        Test::rateYears(db, Core::Subject::person(person), 2020, 2024);

        Ui::DossiersView view;
        view.setDatabase(&db);
        view.show();
        CHECK(view.shownTotal() == 0);

        auto created = Test::onNextDialog<Ui::DossierDialog>([&](Ui::DossierDialog *dialog) {
            dialog->unitPicker()->setUnitId(unit);
            dialog->yearBox()->setValue(2024);
            CHECK(dialog->titleEdit()->text().contains(QLatin1String("2024"))); // the suggested title follows the year
            Test::okButton(dialog)->click();
        });
        view.newButton()->click();
        REQUIRE(*created);
        REQUIRE(view.model()->rowCount() == 1);
        const qint64 id = view.model()->idAt(0);
        CHECK(view.shownCount(Wf::Status::Draft) == 1);
        Ui::DossierPage *page = view.pageOf(id); // a new dossier opens at once
        REQUIRE(page);
        CHECK(page->isVisible());
        CHECK(page->readOnlyReason().isEmpty());

        const QString summary = QStringLiteral("Chủ trì 2 đề tài cấp tỉnh, nghiệm thu xuất sắc.");
        auto added = Test::onNextDialog<Ui::NomineeDialog>([&](Ui::NomineeDialog *dialog) {
            chooseNominee(dialog, QStringLiteral("bich ngoc"), QStringLiteral("LDTT"));
            Test::typeText(dialog->summaryEdit(), summary);
            CHECK_FALSE(dialog->needsReason()); // rated five years: the engine leaves a judgement, no refusal
            CHECK(Test::okButton(dialog)->isEnabled());
            Test::okButton(dialog)->click();
            CHECK(dialog->problemText().isEmpty());
        });
        page->findChild<QPushButton *>(QStringLiteral("addNominee"))->click();
        REQUIRE(*added);

        REQUIRE(page->nominees()->rowCount() == 1);
        CHECK(cell(*page->nominees(), 0, Ui::NomineeTableModel::Name) == QStringLiteral("Trần Thị Bích Ngọc"));
        CHECK(cell(*page->nominees(), 0, Ui::NomineeTableModel::Verdict)
              == Core::Eligibility::verdictLabel(Core::Eligibility::Verdict::NeedsReview));
        const QList<Wf::Nominee> stored = Wf::DossierRepository(db).nominees(id);
        REQUIRE(stored.size() == 1);
        CHECK(stored.first().personId == person);
        CHECK(stored.first().summary == summary);
        // The queue follows the page: one nominee in the row.
        CHECK(cell(*view.model(), 0, Ui::DossierListModel::Nominees) == QStringLiteral("1"));
        page->close();
    });
}

TEST_CASE("notEligibleNominee_cannotBeSavedUntilAReasonIsTyped_andTheReasonIsStored", "[ui][workflow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Tài chính"));
        Test::addPerson(db, QStringLiteral("Lê Văn Đức"), unit); // no rating: not eligible for LDTT
        const qint64 id = Test::addDossier(db, unit);

        auto *page = new Ui::DossierPage(db, id);
        page->show();
        const QString reason = QStringLiteral("Xếp loại năm 2024 đang chờ quyết định của Sở, sẽ bổ sung.");
        auto ran = Test::onNextDialog<Ui::NomineeDialog>([&](Ui::NomineeDialog *dialog) {
            chooseNominee(dialog, QStringLiteral("le van duc"), QStringLiteral("LDTT"));
            REQUIRE(dialog->needsReason());
            CHECK(dialog->proceedReasonEdit()->isVisible());
            CHECK(dialog->warningsLabel()->text().contains(QStringLiteral("⚠")));
            // The engine's trace is there to read, the eligibility panel's own tree.
            CHECK(dialog->trace()->isVisible());
            CHECK(dialog->trace()->model()->rowCount() == 1);
            CHECK(dialog->trace()->model()->rowCount(dialog->trace()->model()->index(0, 0)) > 0);

            QPushButton *ok = Test::okButton(dialog);
            CHECK_FALSE(ok->isEnabled());
            ok->click(); // disabled: nothing happens
            CHECK(dialog->isVisible());
            Test::typeText(dialog->proceedReasonEdit(), QStringLiteral("   "));
            CHECK_FALSE(ok->isEnabled()); // blanks are no reason
            dialog->proceedReasonEdit()->clear();
            Test::typeText(dialog->proceedReasonEdit(), reason);
            CHECK(ok->isEnabled());
            ok->click();
        });
        page->findChild<QPushButton *>(QStringLiteral("addNominee"))->click();
        REQUIRE(*ran);

        const QList<Wf::Nominee> stored = Wf::DossierRepository(db).nominees(id);
        REQUIRE(stored.size() == 1);
        CHECK(stored.first().engineVerdict == QStringLiteral("not_eligible"));
        CHECK(stored.first().proceedReason == reason);
        CHECK_FALSE(stored.first().warnings.isEmpty());
        REQUIRE(page->nominees()->rowCount() == 1);
        CHECK(cell(*page->nominees(), 0, Ui::NomineeTableModel::ProceedReason) == reason);
        CHECK_FALSE(page->nominees()->index(0, Ui::NomineeTableModel::Warnings).data(Qt::ToolTipRole).toString().isEmpty());
        page->close();
    });
}

TEST_CASE("submitThroughTheButton_makesEveryContentControlReadOnly_andSaysWhy", "[ui][workflow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Test::DraftDossier seed = Test::addDraftWithNominee(db, QStringLiteral("Sở Y tế"), QStringLiteral("Phạm Thị Hoa"));
        const qint64 id = seed.dossier;

        auto *page = new Ui::DossierPage(db, id);
        page->show();
        // A draft offers exactly what the state machine allows from it.
        REQUIRE(page->transitionButton(Wf::Transition::Submit));
        CHECK_FALSE(page->transitionButton(Wf::Transition::Recall));
        for (QWidget *control : page->contentControls())
            if (control->objectName() != QLatin1String("editNominee") && control->objectName() != QLatin1String("removeNominee")
                && control->objectName() != QLatin1String("removeFile"))
                CHECK(control->isEnabled()); // edit/remove wait for a selection

        // No document is attached: the page asks why it goes without them.
        const auto asked = Test::answerReason<Ui::ReasonDialog>(Test::missingDocumentsReason());
        page->transitionButton(Wf::Transition::Submit)->click();
        CHECK(*asked);

        CHECK(page->dossier().status == Wf::Status::Submitted);
        CHECK(Wf::DossierRepository(db).dossier(id).status == Wf::Status::Submitted);
        page->nomineeTable()->selectRow(0);
        for (QWidget *control : page->contentControls()) {
            INFO(control->objectName().toStdString());
            CHECK_FALSE(control->isEnabled());
        }
        CHECK_FALSE(page->readOnlyReason().isEmpty());
        CHECK(page->findChild<QLabel *>(QStringLiteral("readOnlyReason"))->isVisible());
        // Submitted: recall, or the appraiser starts; nothing else.
        QList<Wf::Transition> shown;
        for (Wf::Transition tr : Wf::allTransitions())
            if (page->transitionButton(tr))
                shown << tr;
        CHECK(shown.size() == Wf::StateMachine::allowedFrom(Wf::Status::Submitted).size());
        CHECK(page->transitionButton(Wf::Transition::Recall));
        CHECK(page->transitionButton(Wf::Transition::StartAppraisal));
        CHECK(page->history()->rowCount() >= 1);
        page->close();
    });
}

TEST_CASE("returnThroughTheButton_refusesAnEmptyReason_andTheHistoryShowsIt", "[ui][workflow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Test::DraftDossier seed = Test::addDraftWithNominee(db, QStringLiteral("Sở Giáo dục và Đào tạo"),
                                                                  QStringLiteral("Hoàng Minh Tuấn"));
        const qint64 id = seed.dossier;
        Wf::DossierRepository repo(db);
        repo.transition(id, Wf::Transition::Submit, Test::missingDocumentsReason());
        repo.transition(id, Wf::Transition::StartAppraisal);

        auto *page = new Ui::DossierPage(db, id);
        page->show();
        REQUIRE(page->transitionButton(Wf::Transition::Return));
        const QString reason = QStringLiteral("Thiếu báo cáo thành tích có xác nhận của thủ trưởng đơn vị.");

        // Cancelled: nothing happens.
        auto cancelled = Test::onNextDialog<Ui::ReasonDialog>([](Ui::ReasonDialog *dialog) { dialog->reject(); });
        page->transitionButton(Wf::Transition::Return)->click();
        REQUIRE(*cancelled);
        CHECK(repo.dossier(id).status == Wf::Status::UnderAppraisal);

        auto answered = Test::onNextDialog<Ui::ReasonDialog>([&](Ui::ReasonDialog *dialog) {
            CHECK_FALSE(dialog->okButton()->isEnabled());
            dialog->okButton()->click(); // an empty reason is refused: the dialog stays
            CHECK(dialog->isVisible());
            Test::typeText(dialog->editor(), reason);
            CHECK(dialog->okButton()->isEnabled());
            dialog->okButton()->click();
        });
        page->transitionButton(Wf::Transition::Return)->click();
        REQUIRE(*answered);

        const Wf::Dossier stored = repo.dossier(id);
        CHECK(stored.status == Wf::Status::Returned);
        CHECK(stored.returnReason == reason);
        CHECK(page->findChild<QLabel *>(QStringLiteral("status"))->text().contains(reason));
        bool inHistory = false;
        for (int row = 0; row < page->history()->rowCount(); ++row)
            inHistory |= page->history()->item(row, 4) && page->history()->item(row, 4)->text() == reason
                         && page->history()->item(row, 2)->text() == Wf::transitionLabel(Wf::Transition::Return);
        CHECK(inHistory);
        // Returned: the content can change again, and resubmitting is the way on.
        CHECK(page->readOnlyReason().isEmpty());
        CHECK(page->findChild<QPushButton *>(QStringLiteral("addNominee"))->isEnabled());
        CHECK(page->transitionButton(Wf::Transition::Resubmit));
        page->close();
    });
}

TEST_CASE("transitionAndContentControls_areDisabledWhenTheAccountMayNotUseThem", "[ui][workflow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Test::DraftDossier seed = Test::addDraftWithNominee(db, QStringLiteral("Sở Công Thương"), QStringLiteral("Lý Thị Mai"));
        const qint64 unit = seed.unit;
        const qint64 submitted = seed.dossier;
        const qint64 draft = Test::addDossier(db, unit, 2024, QStringLiteral("Đề nghị khen thưởng chuyên đề"));
        Test::addAdmin(db);
        Core::AccountRepository accounts(db);
        accounts.create(QStringLiteral("can.bo"), QStringLiteral("Trần Văn Cán"), QStringLiteral("clerk"), unit, Test::kPassword);
        accounts.create(QStringLiteral("lanh.dao"), QStringLiteral("Phan Văn Lãnh"), QStringLiteral("leader"), 0, Test::kPassword);

        // A clerk submits and may recall, but the appraiser starts the appraisal.
        accounts.login(QStringLiteral("can.bo"), Test::kPassword);
        Wf::DossierRepository(db).transition(submitted, Wf::Transition::Submit, Test::missingDocumentsReason());
        auto *page = new Ui::DossierPage(db, submitted);
        REQUIRE(page->transitionButton(Wf::Transition::Recall));
        CHECK(page->transitionButton(Wf::Transition::Recall)->isEnabled());
        REQUIRE(page->transitionButton(Wf::Transition::StartAppraisal));
        CHECK_FALSE(page->transitionButton(Wf::Transition::StartAppraisal)->isEnabled());
        CHECK_FALSE(page->transitionButton(Wf::Transition::StartAppraisal)->toolTip().isEmpty());
        page->close();

        // A leader reads a draft but changes nothing in it, and the page says so.
        accounts.login(QStringLiteral("lanh.dao"), Test::kPassword);
        page = new Ui::DossierPage(db, draft);
        CHECK_FALSE(page->readOnlyReason().isEmpty());
        for (QWidget *control : page->contentControls()) {
            INFO(control->objectName().toStdString());
            CHECK_FALSE(control->isEnabled());
        }
        REQUIRE(page->transitionButton(Wf::Transition::Submit));
        CHECK_FALSE(page->transitionButton(Wf::Transition::Submit)->isEnabled());
        page->close();
    });
}

TEST_CASE("dossierPage_historyWithoutAccounts_namesTheComputerLoginInWords", "[ui][workflow]")
{
    // Without accounts the history records the OS login as "os:vanthu"; a clerk reads words.
    const bool hadUser = qEnvironmentVariableIsSet("USER");
    const QByteArray savedUser = qgetenv("USER");
    qputenv("USER", "vanthu");
    const auto restore = qScopeGuard([&] { hadUser ? qputenv("USER", savedUser) : qunsetenv("USER"); });
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        db.setSession({}); // picks up $USER for the triggers and the history
        const Test::DraftDossier d = Test::addDraftWithNominee(db, QStringLiteral("Sở Tư pháp"), QStringLiteral("Đỗ Thị Hoa"));
        auto *page = new Ui::DossierPage(db, d.dossier);
        page->show();
        auto *history = page->findChild<QTableWidget *>(QStringLiteral("history"));
        REQUIRE(history);
        REQUIRE(history->rowCount() > 0);
        CHECK(history->item(0, 1)->text() == QStringLiteral("vanthu (computer account)"));
        for (int row = 0; row < history->rowCount(); ++row)
            for (int column = 0; column < history->columnCount(); ++column)
                if (history->item(row, column))
                    CHECK_FALSE(history->item(row, column)->text().contains(QStringLiteral("os:")));
        page->close();
    });
}

// The dossier window is as large as its nominee columns need, never past 90% of the screen
// (a fixed 1000 × 720 overflowed a laptop's screen and clipped the headers on a large one),
// and opens at the size the clerk last gave it, shrunk to fit a smaller screen.
TEST_CASE("dossierPage_sizesToTheScreen_andRemembersTheClerksSize", "[ui][workflow][keyboard]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const Test::DraftDossier seed = Test::addDraftWithNominee(db, QStringLiteral("Sở Y tế"), QStringLiteral("Phạm Thị Hoa"));
    Core::Settings::setWindowSize(QStringLiteral("dossier"), QSize()); // never resized
    const auto restore = qScopeGuard([] { Core::Settings::setWindowSize(QStringLiteral("dossier"), QSize()); });
    auto *page = new Ui::DossierPage(db, seed.dossier);
    const QRect screen = page->screen()->availableGeometry();
    const QSize most(screen.width() * 9 / 10, screen.height() * 9 / 10);
    INFO("screen " << screen.width() << "×" << screen.height() << ", page " << page->width() << "×" << page->height());
    CHECK(page->width() <= qMax(most.width(), page->minimumSizeHint().width()));
    CHECK(page->height() <= qMax(most.height(), page->minimumSizeHint().height()));

    // Closed untouched, nothing is remembered: the next dossier fits its own columns.
    auto *untouched = new Ui::DossierPage(db, seed.dossier);
    untouched->show();
    untouched->close();
    CHECK_FALSE(Core::Settings::windowSize(QStringLiteral("dossier")).isValid());

    // The clerk makes it smaller and closes it: the next dossier opens at that size.
    const QSize chosen = page->minimumSizeHint().expandedTo(QSize(500, 400)).boundedTo(most).expandedTo(page->minimumSizeHint());
    page->show();
    page->resize(chosen);
    page->close();
    CHECK(Core::Settings::windowSize(QStringLiteral("dossier")) == chosen);
    auto *again = new Ui::DossierPage(db, seed.dossier);
    CHECK(again->size() == chosen);
    delete again;

    // Remembered on a larger screen: shrunk to this one.
    Core::Settings::setWindowSize(QStringLiteral("dossier"), QSize(5000, 4000));
    auto *large = new Ui::DossierPage(db, seed.dossier);
    CHECK(large->width() <= qMax(most.width(), large->minimumSizeHint().width()));
    CHECK(large->height() <= qMax(most.height(), large->minimumSizeHint().height()));
    delete large;
}
