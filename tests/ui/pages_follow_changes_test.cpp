// Record pages follow the database's change notifier (issue 17, items 1 and 5): a page without
// unsaved edits shows what another program (another connection to the same database) wrote,
// within a few seconds and keeping what the clerk selected; a page with unsaved edits keeps
// them, says the record changed elsewhere, and Reload shows the stored record. The eligibility
// tab evaluates again when the person's records change elsewhere.
#include "eligibilitytesthelpers.h"
#include "workflowtesthelpers.h"

#include "core/council/councilrepository.h"
#include "core/db/changes.h"
#include "core/decisions/decisionrepository.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/council/sittingpage.h"
#include "ui/decisions/decisionpage.h"
#include "ui/decisions/subjectworkflowtab.h"
#include "ui/dossiers/appraisalpanel.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/nomineemodel.h"
#include "ui/eligibility/eligibilitymodel.h"
#include "ui/eligibility/eligibilitypanel.h"
#include "ui/registry/personpage.h"
#include "ui/registry/recordswidget.h"
#include "ui/widgets/editabletable.h"

#include <catch2/catch.hpp>

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTableWidget>

#include <functional>
#include <memory>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

namespace {
// The other program's commits are looked for every 100 ms here (2 s in the GUI): a few seconds,
// with room for a loaded machine.
bool waitFor(const std::function<bool()> &done)
{
    return Test::waitUntil(done, 8000);
}

/// This desk's connection, looking for the other desks' commits.
std::unique_ptr<Core::Database> thisDesk(const Test::TestDatabase &t)
{
    auto db = std::make_unique<Core::Database>(t.settings(), Core::Database::Mode::OpenExisting);
    db->changes().watchOutside(100);
    return db;
}

qint64 draftDecision(Core::Database &db, const QString &title)
{
    Wf::Decision d;
    d.issuer = QStringLiteral("UBND tỉnh");
    d.year = QDate::currentDate().year();
    d.registerNo = 7;
    d.date = QDate(2026, 1, 5);
    d.title = title;
    return Wf::DecisionRepository(db).save(d);
}

void retitleDecision(Core::Database &db, qint64 id, const QString &title)
{
    Wf::Decision d = Wf::DecisionRepository(db).decision(id);
    d.title = title;
    Wf::DecisionRepository(db).save(d);
}
} // namespace

TEST_CASE("decisionPageWithoutEdits_showsTheTitleAnotherClerkSaved_withinAFewSeconds", "[ui][changes][pages]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const qint64 id = draftDecision(t.db(), QStringLiteral("Về việc khen thưởng đột xuất"));
        auto mine = thisDesk(t);
        Ui::DecisionPage page;
        page.setDatabase(mine.get());
        REQUIRE(page.openDecision(id));
        auto *title = page.findChild<QLineEdit *>(QStringLiteral("decisionTitle"));
        REQUIRE(title);

        retitleDecision(t.db(), id, QStringLiteral("Về việc khen thưởng chuyên đề")); // another clerk
        CHECK(waitFor([&] { return title->text() == QStringLiteral("Về việc khen thưởng chuyên đề"); }));
        CHECK(page.decisionId() == id);
        CHECK_FALSE(page.hasUnsavedChanges());
        CHECK_FALSE(page.isChangeNoticeShown());
    });
}

TEST_CASE("decisionPageWithUnsavedEdits_keepsThemWhenAnotherClerkSavesTheDecision_andReloadShowsTheirs", "[ui][changes][pages]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const qint64 id = draftDecision(t.db(), QStringLiteral("Về việc khen thưởng đột xuất"));
        auto mine = thisDesk(t);
        Ui::DecisionPage page;
        page.show();
        page.setDatabase(mine.get());
        REQUIRE(page.openDecision(id));
        auto *title = page.findChild<QLineEdit *>(QStringLiteral("decisionTitle"));
        REQUIRE(title);
        title->selectAll();
        Test::typeText(title, QStringLiteral("Về việc tặng Bằng khen"));
        REQUIRE(page.hasUnsavedChanges());

        retitleDecision(t.db(), id, QStringLiteral("Về việc tặng Giấy khen"));
        REQUIRE(waitFor([&] { return page.isChangeNoticeShown(); }));
        CHECK(page.changeNotice()->isVisible());
        // The clerk's edit is still there, unsaved.
        CHECK(title->text() == QStringLiteral("Về việc tặng Bằng khen"));
        CHECK(page.hasUnsavedChanges());

        auto *reload = page.changeNotice()->findChild<QPushButton *>(QStringLiteral("reloadChangedRecord"));
        REQUIRE(reload);
        reload->click();
        CHECK(title->text() == QStringLiteral("Về việc tặng Giấy khen"));
        CHECK_FALSE(page.hasUnsavedChanges());
        CHECK_FALSE(page.isChangeNoticeShown());
    });
}

TEST_CASE("decisionPageWithUnsavedEdits_isLeftAloneWhenAnotherDecisionChanges", "[ui][changes][pages]")
{
    Test::TestDatabase t;
    const qint64 id = draftDecision(t.db(), QStringLiteral("Về việc khen thưởng đột xuất"));
    Core::Database &db = t.db();
    Ui::DecisionPage page;
    page.setDatabase(&db);
    REQUIRE(page.openDecision(id));
    auto *title = page.findChild<QLineEdit *>(QStringLiteral("decisionTitle"));
    title->selectAll();
    Test::typeText(title, QStringLiteral("Về việc tặng Bằng khen"));
    REQUIRE(page.hasUnsavedChanges());

    // Core writes another decision on this very connection (no main window in between).
    Wf::Decision other;
    other.issuer = QStringLiteral("UBND tỉnh");
    other.year = QDate::currentDate().year();
    other.registerNo = 8;
    other.date = QDate(2026, 1, 6);
    other.title = QStringLiteral("Về việc tặng Giấy khen");
    Wf::DecisionRepository(db).save(other);
    QCoreApplication::processEvents();
    CHECK_FALSE(page.isChangeNoticeShown());
    CHECK(page.hasUnsavedChanges());
    CHECK(title->text() == QStringLiteral("Về việc tặng Bằng khen"));
}

TEST_CASE("sittingPageWithoutEdits_showsAMemberAnotherClerkAdded", "[ui][changes][pages]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Wf::Sitting s;
        s.title = QStringLiteral("Phiên họp Hội đồng Thi đua – Khen thưởng");
        s.heldOn = QDate(2026, 1, 10);
        s.year = 2025;
        Wf::CouncilMember chair;
        chair.fullName = QStringLiteral("Nguyễn Văn An");
        chair.title = QStringLiteral("Chủ tịch Hội đồng");
        s.members << chair;
        const qint64 id = Wf::CouncilRepository(t.db()).save(s);
        auto mine = thisDesk(t);
        Ui::SittingPage page;
        page.setDatabase(mine.get());
        REQUIRE(page.openSession(id));
        REQUIRE(page.membersTable()->rowCount() == 1);

        Wf::Sitting stored = Wf::CouncilRepository(t.db()).session(id);
        Wf::CouncilMember member;
        member.fullName = QStringLiteral("Trần Thị Bình");
        member.title = QStringLiteral("Ủy viên");
        member.position = 1;
        stored.members << member;
        Wf::CouncilRepository(t.db()).save(stored);
        CHECK(waitFor([&] { return page.membersTable()->rowCount() == 2; }));
        CHECK(page.membersTable()->text(1, Ui::SittingPage::NameColumn) == QStringLiteral("Trần Thị Bình"));
        CHECK_FALSE(page.hasUnsavedChanges());
    });
}

TEST_CASE("dossierPage_showsANomineeAddedElsewhere_keepingTheSelectedNominee", "[ui][changes][pages]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const Test::DraftDossier d = Test::addDraftWithNominee(t.db(), QStringLiteral("Sở Y tế"), QStringLiteral("Lê Thị Hoa"));
        auto mine = thisDesk(t);
        auto *page = new Ui::DossierPage(*mine, d.dossier);
        page->show();
        REQUIRE(page->nominees()->rowCount() == 1);
        page->nomineeTable()->selectRow(0);
        const qint64 selected = page->nominees()->index(0, 0).data(Ui::NomineeTableModel::IdRole).toLongLong();

        // Another clerk adds a second nominee to the same dossier.
        const qint64 second = Test::addPerson(t.db(), QStringLiteral("Phạm Văn Bình"), d.unit);
        Test::addNominee(t.db(), d.dossier, Core::Subject::person(second), QStringLiteral("LDTT"),
                         QStringLiteral("Xếp loại năm 2024 sẽ bổ sung."));
        CHECK(waitFor([&] { return page->nominees()->rowCount() == 2; }));
        const QModelIndexList rows = page->nomineeTable()->selectionModel()->selectedRows();
        REQUIRE(rows.size() == 1);
        CHECK(rows.first().data(Ui::NomineeTableModel::IdRole).toLongLong() == selected);
        page->close();
    });
}

TEST_CASE("dossierPageWithAnAppraisalBeingTyped_keepsItWhileOthersWrite_andSaysWhenTheDossierIsReturned", "[ui][changes][pages]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const qint64 unit = Test::addUnit(t.db(), QStringLiteral("Sở Xây dựng"));
        const qint64 first = Test::addPerson(t.db(), QStringLiteral("Vũ Thị Lan"), unit);
        const qint64 second = Test::addPerson(t.db(), QStringLiteral("Đặng Quốc Bảo"), unit);
        Test::rateYears(t.db(), Core::Subject::person(first), 2020, 2024);
        Test::rateYears(t.db(), Core::Subject::person(second), 2020, 2024);
        const qint64 dossier = Test::addDossier(t.db(), unit);
        const qint64 mineToAppraise = Test::addNominee(t.db(), dossier, Core::Subject::person(first));
        const qint64 theirs = Test::addNominee(t.db(), dossier, Core::Subject::person(second));
        Wf::DossierRepository repo(t.db());
        repo.transition(dossier, Wf::Transition::Submit, Test::missingDocumentsReason());
        repo.transition(dossier, Wf::Transition::StartAppraisal);

        auto mine = thisDesk(t);
        auto *page = new Ui::DossierPage(*mine, dossier);
        page->show();
        Ui::AppraisalPanel *panel = page->appraisal();
        page->tabs()->setCurrentWidget(panel);
        panel->selectNominee(mineToAppraise);
        panel->notAgreedButton()->click();
        const QString reason = QStringLiteral("Chưa có sáng kiến được công nhận trong năm.");
        Test::typeText(panel->reasonEdit(), reason);
        REQUIRE(page->hasUnsavedChanges());

        // Another appraiser records the other nominee: the typed appraisal stays.
        repo.appraise(theirs, true, QString());
        Test::waitUntil([] { return false; }, 1500); // the other desk's commit has been seen by now
        CHECK(panel->currentNomineeId() == mineToAppraise);
        CHECK(panel->reasonEdit()->toPlainText() == reason);
        CHECK(panel->notAgreedButton()->isChecked());

        // The dossier itself is returned meanwhile: the page says so and still keeps the text.
        repo.transition(dossier, Wf::Transition::Return, QStringLiteral("Bổ sung bản thành tích."));
        REQUIRE(waitFor([&] { return page->isChangeNoticeShown(); }));
        CHECK(panel->reasonEdit()->toPlainText() == reason);
        CHECK(page->hasUnsavedChanges());
        page->close();
    });
}

TEST_CASE("personPage_showsANameCorrectedElsewhere", "[ui][changes][pages]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const qint64 unit = Test::addUnit(t.db(), QStringLiteral("Sở Nội vụ"));
        const qint64 person = Test::addPerson(t.db(), QStringLiteral("Nguyễn Thi Tuyết"), unit);
        auto mine = thisDesk(t);
        auto *page = new Ui::PersonPage(*mine, person);
        page->show();
        auto *title = page->findChild<QLabel *>(QStringLiteral("title"));
        REQUIRE(title);
        REQUIRE(title->text() == QStringLiteral("Nguyễn Thi Tuyết"));

        Core::Person p = *Core::PersonRepository(t.db()).get(person);
        p.fullName = QStringLiteral("Nguyễn Thị Tuyết");
        Core::PersonRepository(t.db()).save(p);
        CHECK(waitFor([&] { return title->text() == QStringLiteral("Nguyễn Thị Tuyết"); }));
        CHECK(page->windowTitle().contains(QStringLiteral("Nguyễn Thị Tuyết")));
        page->close();
    });
}

TEST_CASE("personPage_anAwardIssuedFromAWindowOpenedOverIt_showsInItsAwardsTab", "[ui][changes][pages]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    const qint64 person = Test::addPerson(db, QStringLiteral("Lê Văn Tám"), unit);
    auto *page = new Ui::PersonPage(db, person);
    page->show();
    auto *awards = page->findChild<Ui::RecordSection *>(QStringLiteral("awards"));
    REQUIRE(awards);
    REQUIRE(awards->table()->rowCount() == 0);

    // A decision issued in a window opened from the page's dossiers tab: the award is written
    // (in this program), then that window says it changed. Not the page's own write: the
    // change the notifier brings is read, not dropped.
    Core::Award a;
    a.subject = Core::Subject::person(person);
    a.formCode = QStringLiteral("CSTDCS");
    a.kind = QStringLiteral("cong_trang");
    a.year = 2025;
    Core::RecordRepository(db).saveAward(a);
    auto *workflow = page->findChild<Ui::SubjectWorkflowTab *>();
    REQUIRE(workflow);
    emit workflow->changed();
    CHECK(waitFor([&] { return awards->table()->rowCount() == 1; }));
    page->close();
}

TEST_CASE("eligibilityTab_evaluatesAgainWhenThePersonIsRatedElsewhere", "[ui][changes][pages][eligibility]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const qint64 unit = Test::addUnit(t.db(), QStringLiteral("Sở Nội vụ"));
        const qint64 person = Test::addPerson(t.db(), QStringLiteral("Nguyễn Thị Ánh Tuyết"), unit);
        Test::rateYears(t.db(), Core::Subject::person(person), 2020, 2023);
        auto mine = thisDesk(t);
        auto *page = new Ui::PersonPage(*mine, person);
        auto *panel = page->findChild<Ui::EligibilityPanel *>();
        REQUIRE(panel);
        panel->setYear(2024);
        page->records()->setCurrentWidget(panel);
        page->show();
        const auto ldtt = [&] {
            return Core::Eligibility::Verdict(
                panel->model()->indexOfAward(QStringLiteral("LDTT")).data(Ui::EligibilityModel::VerdictRole).toInt());
        };
        REQUIRE(waitFor([&] { return panel->model()->rowCount() > 0; }));
        // No rating for 2024 yet: not eligible for the year.
        REQUIRE(ldtt() == Core::Eligibility::Verdict::NotEligible);

        Test::rateYears(t.db(), Core::Subject::person(person), 2024, 2024); // another clerk
        CHECK(waitFor([&] { return ldtt() != Core::Eligibility::Verdict::NotEligible; }));
        // The yearly records on the same page followed too.
        auto *years = page->records()->findChild<QWidget *>(QStringLiteral("years"));
        REQUIRE(years);
        CHECK(years->findChild<QTableWidget *>()->rowCount() == 5);
        page->close();
    });
}
