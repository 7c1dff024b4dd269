// A council sitting driven through its page: the roll and the quorum shown live, a tally the
// core refuses without quorum, one recorded once a sixth member is marked present, the result
// per threshold, conflicts of interest leaving members out of the vote, and closing.
#include "counciltesthelpers.h"

#include "core/proposals/paydata.h"
#include "core/proposals/registernumbers.h"
#include "tests/support/testdatabase.h"
#include "ui/council/councilitemsmodel.h"
#include "ui/council/councilview.h"
#include "ui/council/sittinglistmodel.h"
#include "ui/council/sittingpage.h"
#include "ui/council/tallyeditor.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

namespace {
template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    REQUIRE(w);
    return w;
}

void selectItem(Ui::SittingPage *page, int row)
{
    page->itemsView()->setCurrentIndex(page->itemsModel()->index(row, 0));
}

/// Sets the three counts of the tally editor and clicks Record.
void recordTally(Ui::SittingPage *page, int agree, int disagree, int abstain)
{
    child<QSpinBox>(page, "agree")->setValue(agree);
    child<QSpinBox>(page, "disagree")->setValue(disagree);
    child<QSpinBox>(page, "abstain")->setValue(abstain);
    QTest::mouseClick(child<QPushButton>(page, "recordTally"), Qt::LeftButton);
}

QString itemText(Ui::SittingPage *page, int row, int column)
{
    return page->itemsModel()->index(row, column).data().toString();
}
/// A sitting of nine members, six present, with one appraised nominee before it, open in the
/// council view on that nominee.
struct OneNomineeSitting
{
    Test::CouncilOffice office;
    qint64 sitting = 0;
    Ui::CouncilView view;

    explicit OneNomineeSitting(Core::Database &db) : office(db)
    {
        const qint64 dossier = office.appraised({QStringLiteral("Phạm Văn Cường")});
        sitting = office.sitting(9, 6);
        office.council().addDossier(sitting, dossier);
        view.show();
        view.setDatabase(&db);
        view.openSession(sitting);
        selectItem(view.page(), 0);
    }
};
} // namespace

TEST_CASE("newSitting_nineMembersFiveAttending_tallyRefusedForQuorum_sixthPresentRecordsItPerThreshold", "[ui][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        Test::CouncilOffice f(db);
        f.appraised({QStringLiteral("Nguyễn Văn An"), QStringLiteral("Lê Thị Hoa")});

        Ui::CouncilView view;
        view.resize(1200, 900);
        view.show();
        view.setDatabase(&db);
        view.newAction()->trigger();
        REQUIRE(view.isPageShown());
        Ui::SittingPage *page = view.page();
        Test::typeText(child<QLineEdit>(page, "sessionTitle"), QStringLiteral("Phiên họp xét khen thưởng năm 2025"));
        for (int i = 1; i <= 9; ++i)
            Test::addMember(page->membersTable(), QStringLiteral("Thành viên %1").arg(i), QStringLiteral("Ủy viên"), i <= 5);
        // The quorum follows the roll before anything is saved.
        CHECK(page->quorumText() == QStringLiteral("5/9 present — no quorum: 2/3 of the members (6) must attend"));
        QTest::mouseClick(child<QPushButton>(page, "saveSession"), Qt::LeftButton);
        REQUIRE(page->sessionId() > 0);
        CHECK(f.council().session(page->sessionId()).members.size() == 9);

        auto chosen = Test::chooseItem(QStringLiteral("Đề nghị khen thưởng năm 2025"));
        QTest::mouseClick(child<QPushButton>(page, "addDossier"), Qt::LeftButton);
        CHECK(*chosen);
        REQUIRE(page->itemsModel()->rowCount() == 2);
        CHECK(itemText(page, 0, Ui::CouncilItemsModel::NomineeColumn) == QStringLiteral("Nguyễn Văn An"));
        CHECK(itemText(page, 0, Ui::CouncilItemsModel::ResultColumn) == QStringLiteral("Not voted yet"));

        selectItem(page, 0);
        {
            Test::MessageBoxAnswerer boxes;
            recordTally(page, 5, 0, 0);
            REQUIRE(boxes.texts().size() == 1);
            CHECK(boxes.texts().first().startsWith(QStringLiteral("The sitting has no quorum: 5 of its 9 members attended")));
        }
        CHECK_FALSE(f.council().item(page->itemsModel()->item(0).id).tallied);

        // The sixth member arrives: ticking them present is written at once.
        page->membersTable()->setChecked(5, Ui::SittingPage::AttendedColumn, true);
        CHECK(page->quorumText() == QStringLiteral("6/9 present — quorum of 2/3 met"));
        CHECK(f.council().quorumMet(page->sessionId()));

        // The default threshold: more than 50% of the members present (6): 4 passes, 3 does not.
        selectItem(page, 0);
        recordTally(page, 4, 2, 0);
        selectItem(page, 1);
        recordTally(page, 3, 3, 0);
        CHECK(itemText(page, 0, Ui::CouncilItemsModel::ResultColumn) == QStringLiteral("Passed"));
        CHECK(itemText(page, 0, Ui::CouncilItemsModel::AgreeColumn) == QStringLiteral("4"));
        CHECK(itemText(page, 0, Ui::CouncilItemsModel::ThresholdColumn) == QStringLiteral("more than 50% of the members present"));
        CHECK(itemText(page, 1, Ui::CouncilItemsModel::ResultColumn) == QStringLiteral("Not passed"));
        CHECK(f.council().item(page->itemsModel()->item(1).id).tallied);

        // The list shows the roll and the quorum of the sitting.
        Ui::SittingListModel *list = view.model();
        REQUIRE(list->rowCount() == 1);
        CHECK(list->index(0, Ui::SittingListModel::AttendanceColumn).data().toString() == QStringLiteral("6/9"));
        CHECK(list->index(0, Ui::SittingListModel::QuorumColumn).data().toString() == QStringLiteral("Yes"));
        CHECK(list->index(0, Ui::SittingListModel::StatusColumn).data().toString() == QStringLiteral("Open"));
    });
}

TEST_CASE("conflictedMember_reducesTheVotersShown_andThePreviewFollowsTheCounts", "[ui][council]")
{
    Test::TestDatabase t;
    OneNomineeSitting sitting(t.open());
    Test::CouncilOffice &f = sitting.office;
    Ui::SittingPage *page = sitting.view.page();
    Ui::TallyEditor *tally = page->tallyEditor();
    CHECK(tally->votersText().startsWith(QStringLiteral("Voters: 6.")));

    child<QSpinBox>(page, "agree")->setValue(3);
    CHECK(tally->previewText() == QStringLiteral("Does not pass: 3 of 6 voters agree."));

    // Member 2 (present) declares a conflict: five may vote, and 3 of 5 passes.
    auto *conflicts = child<QListWidget>(page, "conflicts");
    REQUIRE(conflicts->count() == 9);
    conflicts->item(1)->setCheckState(Qt::Checked);
    CHECK(tally->votersText().startsWith(QStringLiteral("Voters: 5 (1 member with a conflict of interest left out).")));
    CHECK(tally->previewText() == QStringLiteral("Passes: 3 of 5 voters agree."));

    // More ballots than voters: the preview says so before anything is saved.
    child<QSpinBox>(page, "disagree")->setValue(3);
    CHECK(tally->previewText() == QStringLiteral("6 ballots were counted, but only 5 members could vote on this nominee."));

    child<QSpinBox>(page, "disagree")->setValue(1);
    QTest::mouseClick(child<QPushButton>(page, "recordTally"), Qt::LeftButton);
    const Wf::CouncilItem stored = f.council().item(page->itemsModel()->item(0).id);
    CHECK(stored.conflictedMemberIds.size() == 1);
    CHECK(stored.voters == 5);
    CHECK(stored.passed);
    CHECK(page->itemsModel()->index(0, Ui::CouncilItemsModel::ConflictsColumn).data().toInt() == 1);
}

TEST_CASE("closingTheSitting_refusedWhileANomineeIsUntallied_thenFreezesThePage", "[ui][council]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::CouncilOffice f(db);
    const qint64 d = f.appraised({QStringLiteral("Võ Thị Mai")});
    const qint64 s = f.sitting(3, 3);
    f.council().addDossier(s, d);

    Ui::CouncilView view;
    view.show();
    view.setDatabase(&db);
    view.openSession(s);
    Ui::SittingPage *page = view.page();
    {
        Test::MessageBoxAnswerer boxes({QMessageBox::Yes});
        QTest::mouseClick(child<QPushButton>(page, "closeSession"), Qt::LeftButton);
        REQUIRE(boxes.texts().size() == 2); // the question, then the refusal
        CHECK(boxes.texts().at(1).contains(QStringLiteral("has no vote recorded")));
    }
    CHECK_FALSE(page->isReadOnly());

    selectItem(page, 0);
    recordTally(page, 3, 0, 0);
    {
        Test::MessageBoxAnswerer boxes({QMessageBox::Yes});
        QTest::mouseClick(child<QPushButton>(page, "closeSession"), Qt::LeftButton);
        CHECK(boxes.texts().size() == 1);
    }
    CHECK(f.council().session(s).status == Wf::SittingStatus::Closed);
    CHECK(page->isReadOnly());
    CHECK(page->membersTable()->isReadOnly());
    CHECK_FALSE(child<QPushButton>(page, "recordTally")->isVisible());
    CHECK_FALSE(child<QPushButton>(page, "addDossier")->isVisible());
    CHECK(child<QLineEdit>(page, "sessionTitle")->isReadOnly());
    CHECK_FALSE(page->membersTable()->table()->item(0, Ui::SittingPage::AttendedColumn)->flags() & Qt::ItemIsUserCheckable);
    CHECK(child<QLabel>(page, "sessionState")->text() == QStringLiteral("This sitting is closed: its record is read-only."));
}

TEST_CASE("sessionAndItemModels_passTheModelTester", "[ui][council]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::CouncilOffice f(db);
    const qint64 d = f.appraised({QStringLiteral("Đỗ Văn Hùng"), QStringLiteral("Trịnh Thị Lan")});
    const qint64 s = f.sitting(5, 4);
    f.sitting(7, 2, QStringLiteral("Phiên họp bất thường"));

    Test::ModelTestLog log;
    Ui::SittingListModel sessions;
    QAbstractItemModelTester sessionsTester(&sessions, QAbstractItemModelTester::FailureReportingMode::Warning);
    sessions.setDatabase(&db);
    sessions.reload();
    CHECK(sessions.rowCount() == 2);

    Ui::CouncilItemsModel items;
    QAbstractItemModelTester itemsTester(&items, QAbstractItemModelTester::FailureReportingMode::Warning);
    items.load(&db, s);
    CHECK(items.rowCount() == 0);
    f.council().addDossier(s, d);
    f.council().recordTally(f.council().items(s).first().id, 4, 0, 0);
    items.load(&db, s);
    CHECK(items.rowCount() == 2);
    // The dossier by its register number first, then its title and unit (never its key).
    CHECK(items.index(0, Ui::CouncilItemsModel::DossierColumn).data().toString()
          == QStringLiteral("%1: Đề nghị khen thưởng năm 2025 — Sở Nội vụ")
                 .arg(Core::Workflow::Registers::text(f.dossiers().dossier(d))));
    sessions.setDatabase(nullptr);
    sessions.reload();
    items.load(nullptr, 0);
    CHECK(log.messages().isEmpty());
}

TEST_CASE("sittingPage_votesTypedAndNotRecorded_areKeptWhenTheSittingChangesElsewhere", "[ui][council][changes]")
{
    Test::TestDatabase t;
    OneNomineeSitting sitting(t.open());
    Test::CouncilOffice &f = sitting.office;
    const qint64 s = sitting.sitting;
    Ui::SittingPage *page = sitting.view.page();
    child<QSpinBox>(page, "agree")->setValue(4);
    page->itemsView()->setFocus(); // the clerk clicks the list before pressing Record

    // Meanwhile the sitting is changed (here through core): the page would read it again.
    Wf::Sitting stored = f.council().session(s);
    stored.place = QStringLiteral("Phòng họp số 2");
    f.council().save(stored);
    QTest::qWait(800); // past a retry or two
    CHECK(child<QSpinBox>(page, "agree")->value() == 4);

    // Recorded, the page follows changes again.
    QTest::mouseClick(child<QPushButton>(page, "recordTally"), Qt::LeftButton);
    CHECK(f.council().item(page->itemsModel()->item(0).id).agree == 4);
    page->itemsView()->setFocus(); // and leaves the tally
    CHECK(Test::waitUntil([&] { return child<QLineEdit>(page, "sessionPlace")->text() == QStringLiteral("Phòng họp số 2"); }, 5000));
}
