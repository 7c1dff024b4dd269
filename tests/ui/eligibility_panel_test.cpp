// The eligibility panel on a person's page: verdicts, the expandable trace, movement
// standards and judgements confirmed by the clerk (saved, so a new page shows them), the
// emulation bloc named in the item to confirm, and the tree model under QAbstractItemModelTester.
#include "eligibilitytesthelpers.h"

#include "core/eligibility/eligibility.h"
#include "core/registry/movementrepository.h"
#include "core/registry/unitrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/eligibility/eligibilitymodel.h"
#include "ui/eligibility/eligibilitypanel.h"
#include "ui/registry/personpage.h"
#include "ui/registry/recordswidget.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QTreeView>

using namespace VinhDanh;
using Core::Eligibility::Verdict;
using Ui::EligibilityModel;

namespace {
QModelIndex awardRow(const EligibilityModel &model, const QString &code)
{
    return model.indexOfAward(code);
}

Verdict verdictAt(const QModelIndex &index)
{
    return Verdict(index.data(EligibilityModel::VerdictRole).toInt());
}

/// Confirms, with a note, every condition of `award` the engine leaves to the clerk.
int confirmEverythingToReview(Ui::EligibilityPanel &panel, const QString &award)
{
    int confirmed = 0;
    for (int guard = 0; guard < 20; ++guard) {
        const QModelIndex open = Test::findRow(
            *panel.model(),
            [&](const QModelIndex &i) { return panel.model()->isConfirmable(i) && verdictAt(i) == Verdict::NeedsReview; },
            panel.model()->indexOfAward(award));
        if (!open.isValid())
            break;
        panel.setConfirmation(award, open.data(EligibilityModel::ConditionIdRole).toString(),
                              QStringLiteral("Biên bản họp đơn vị ngày 12/01/2025"));
        ++confirmed;
    }
    return confirmed;
}

qint64 movementWithOneStandardForLdtt(Core::Database &db)
{
    Core::Movement m;
    m.name = QStringLiteral("Thi đua “Dân vận khéo”");
    m.periodFrom = 2021;
    m.periodTo = 2025;
    m.categories << Core::MovementCategory{
        QStringLiteral("cn"), QStringLiteral("individual"), QStringLiteral("Cá nhân"), {}, {QStringLiteral("cong_chuc")}};
    Core::MovementStandard standard;
    standard.awardCodes = {QStringLiteral("LDTT")};
    standard.occasion = QStringLiteral("annual");
    standard.category = QStringLiteral("cn");
    standard.heading = QStringLiteral("Tiêu chuẩn cá nhân");
    standard.items = {QStringLiteral("Có mô hình dân vận khéo được công nhận")};
    m.standards << standard;
    return Core::MovementRepository(db).save(m);
}
} // namespace

TEST_CASE("eligibilityPanel_personRatedFiveYears_showsLdttVerdictTraceAndChecklist", "[ui][eligibility]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    const qint64 person = Test::addPerson(db, QStringLiteral("Nguyễn Thị Ánh Tuyết"), unit);
    Test::rateYears(db, Core::Subject::person(person), 2020, 2024);

    auto *page = new Ui::PersonPage(db, person);
    auto *panel = page->findChild<Ui::EligibilityPanel *>();
    REQUIRE(panel);
    panel->setYear(2024);
    // The tab evaluates only when shown: opening the page costs nothing until then.
    CHECK(panel->model()->rowCount() == 0);
    page->records()->setCurrentWidget(panel);
    page->show();
    REQUIRE(Test::waitUntil([&] { return panel->model()->rowCount() > 0; }));
    CHECK(panel->errorText().isEmpty());

    const EligibilityModel &model = *panel->model();
    const QModelIndex ldtt = awardRow(model, QStringLiteral("LDTT"));
    REQUIRE(ldtt.isValid());
    // The rating is there; the law's judgement ("tinh thần tự lực…") is the clerk's to confirm.
    CHECK(verdictAt(ldtt) == Verdict::NeedsReview);
    // The award's row reads as one of the four outcomes: eligible on the records, awaiting confirmation.
    CHECK(ldtt.siblingAtColumn(EligibilityModel::VerdictColumn).data().toString()
          == Core::Eligibility::outcomeLabel(Core::Eligibility::Outcome::AwaitingConfirmation));

    // Expanding shows the trace: conditions, met or not, with the records they used.
    REQUIRE(model.rowCount(ldtt) > 0);
    panel->tree()->expand(ldtt);
    CHECK(panel->tree()->isExpanded(ldtt));
    const QModelIndex evidence = Test::findRow(
        model,
        [](const QModelIndex &i) {
            return i.data(EligibilityModel::KindRole).toInt() == int(EligibilityModel::Kind::Evidence)
                   && i.data().toString().contains(QLatin1String("2024"));
        },
        ldtt);
    CHECK(evidence.isValid());
    const QModelIndex checklist = Test::findRow(
        model,
        [](const QModelIndex &i) { return i.data(EligibilityModel::KindRole).toInt() == int(EligibilityModel::Kind::ChecklistGroup); },
        ldtt);
    REQUIRE(checklist.isValid());
    CHECK(model.rowCount(checklist) > 0);

    // The clerk confirms each judgement with an evidence note: now eligible.
    const QModelIndex judgement = model.indexOfCondition(QStringLiteral("LDTT"), QStringLiteral("tinh-than"));
    REQUIRE(judgement.isValid());
    CHECK(model.isConfirmable(judgement));
    CHECK(confirmEverythingToReview(*panel, QStringLiteral("LDTT")) >= 1);
    CHECK(verdictAt(model.indexOfAward(QStringLiteral("LDTT"))) == Verdict::Eligible);
    CHECK(panel->tree()->isExpanded(model.indexOfAward(QStringLiteral("LDTT"))));

    // An award the person cannot have yet says what is missing.
    bool someNotEligibleExplains = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (verdictAt(index) == Verdict::NotEligible)
            someNotEligibleExplains |= !index.siblingAtColumn(EligibilityModel::ExplanationColumn).data().toString().isEmpty();
    }
    CHECK(someNotEligibleExplains);
    page->close();
}

TEST_CASE("eligibilityPanel_recordAddedOnThePage_reevaluatesAndKeepsTheTraceOpen", "[ui][eligibility]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Tư pháp"));
    const qint64 person = Test::addPerson(db, QStringLiteral("Trần Văn Đức"), unit);

    Ui::EligibilityPanel panel(db, Core::Subject::person(person));
    panel.setYear(2024);
    panel.show();
    REQUIRE(Test::waitUntil([&] { return panel.model()->rowCount() > 0; }));
    QModelIndex ldtt = panel.model()->indexOfAward(QStringLiteral("LDTT"));
    REQUIRE(ldtt.isValid());
    CHECK(verdictAt(ldtt) != Verdict::Eligible); // no rating for 2024 yet
    panel.tree()->expand(ldtt);

    Test::rateYears(db, Core::Subject::person(person), 2024, 2024);
    panel.invalidate();
    ldtt = panel.model()->indexOfAward(QStringLiteral("LDTT"));
    CHECK(verdictAt(ldtt) == Verdict::NeedsReview); // rated now; the judgement is left to the clerk
    CHECK(panel.tree()->isExpanded(ldtt));
}

TEST_CASE("eligibilityPanel_movementStandardConfirmedWithNote_countsAsMet", "[ui][eligibility]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    const qint64 person = Test::addPerson(db, QStringLiteral("Lê Thị Hồng"), unit);
    Test::rateYears(db, Core::Subject::person(person), 2022, 2024);
    const qint64 movement = movementWithOneStandardForLdtt(db);

    Ui::EligibilityPanel panel(db, Core::Subject::person(person));
    panel.setYear(2024);
    panel.setMovement(movement, QStringLiteral("annual"));
    panel.show();
    REQUIRE(Test::waitUntil([&] { return panel.model()->rowCount() > 0; }));

    auto isStandard = [](const QModelIndex &i) {
        return i.data(EligibilityModel::ConditionIdRole).toString().startsWith(QLatin1String("movement-"));
    };
    QModelIndex ldtt = panel.model()->indexOfAward(QStringLiteral("LDTT"));
    QModelIndex standard = Test::findRow(*panel.model(), isStandard, ldtt);
    REQUIRE(standard.isValid());
    CHECK(verdictAt(ldtt) == Verdict::NeedsReview);
    CHECK(verdictAt(standard) == Verdict::NeedsReview);
    CHECK(panel.model()->isConfirmable(standard));
    CHECK(standard.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Unchecked);

    const QString id = standard.data(EligibilityModel::ConditionIdRole).toString();
    const QString note = QStringLiteral("Quyết định công nhận số 15/QĐ-UBND");
    panel.setConfirmation(QStringLiteral("LDTT"), id, note);

    ldtt = panel.model()->indexOfAward(QStringLiteral("LDTT"));
    standard = panel.model()->indexOfCondition(QStringLiteral("LDTT"), id);
    REQUIRE(standard.isValid());
    CHECK(verdictAt(standard) == Verdict::Eligible);
    CHECK(standard.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked);
    CHECK(panel.confirmations().value(QStringLiteral("LDTT")).value(id) == note);
    CHECK(verdictAt(ldtt) == Verdict::NeedsReview); // the law's own judgement is still open
    CHECK(confirmEverythingToReview(panel, QStringLiteral("LDTT")) >= 1);
    CHECK(verdictAt(panel.model()->indexOfAward(QStringLiteral("LDTT"))) == Verdict::Eligible);

    // Withdrawing the confirmation puts the standard back to review.
    panel.setConfirmation(QStringLiteral("LDTT"), id, {});
    CHECK(verdictAt(panel.model()->indexOfAward(QStringLiteral("LDTT"))) == Verdict::NeedsReview);
}

TEST_CASE("eligibilityModel_withTraceAndChecklist_passesModelTester", "[ui][eligibility]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    const qint64 person = Test::addPerson(db, QStringLiteral("Phạm Quốc Việt"), unit);
    Test::rateYears(db, Core::Subject::person(person), 2019, 2024);
    const qint64 movement = movementWithOneStandardForLdtt(db);

    Test::ModelTestLog log;
    Ui::EligibilityPanel panel(db, Core::Subject::person(person));
    QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::Warning);
    panel.setYear(2024);
    panel.evaluate();
    REQUIRE(panel.model()->rowCount() > 0);
    panel.setMovement(movement, QStringLiteral("annual"));
    panel.evaluate();
    panel.setYear(2021);
    panel.evaluate();
    panel.model()->clear();
    CHECK(log.messages().isEmpty());
}

TEST_CASE("eligibilityPanel_tickWithNote_isSaved_aNewPanelShowsItTicked_andUntickingThereWithdrawsIt", "[ui][eligibility]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
        const qint64 person = Test::addPerson(db, QStringLiteral("Đặng Thu Hà"), unit);
        Test::rateYears(db, Core::Subject::person(person), 2024, 2024);
        const QString note = QStringLiteral("Nhận xét của thủ trưởng đơn vị ngày 05/01/2025");
        auto judgementOf = [](const Ui::EligibilityPanel &panel) {
            return panel.model()->indexOfCondition(QStringLiteral("LDTT"), QStringLiteral("tinh-than"));
        };
        auto checkState = [&](const Ui::EligibilityPanel &panel) {
            return judgementOf(panel).data(Qt::CheckStateRole).value<Qt::CheckState>();
        };

        {
            Ui::EligibilityPanel panel(db, Core::Subject::person(person));
            panel.setYear(2024);
            panel.show();
            REQUIRE(Test::waitUntil([&] { return panel.model()->rowCount() > 0; }));
            REQUIRE(judgementOf(panel).isValid());
            CHECK(checkState(panel) == Qt::Unchecked);
            // The clerk selects the item, writes the evidence, then ticks it in the tree.
            panel.tree()->setCurrentIndex(judgementOf(panel));
            auto *noteEdit = panel.findChild<QLineEdit *>(QStringLiteral("note"));
            REQUIRE(noteEdit);
            noteEdit->setText(note);
            CHECK(panel.model()->setData(judgementOf(panel), Qt::Checked, Qt::CheckStateRole));
            REQUIRE(Test::waitUntil([&] { return checkState(panel) == Qt::Checked; }));
            CHECK(verdictAt(judgementOf(panel)) == Verdict::Eligible);
            CHECK(panel.errorText().isEmpty());
        }
        {
            // A new page on the same database: the tick was saved, with its note and author.
            Ui::EligibilityPanel panel(db, Core::Subject::person(person));
            panel.setYear(2024);
            panel.show();
            REQUIRE(Test::waitUntil([&] { return panel.model()->rowCount() > 0; }));
            CHECK(checkState(panel) == Qt::Checked);
            CHECK(verdictAt(judgementOf(panel)) == Verdict::Eligible);
            CHECK(judgementOf(panel).data(Qt::ToolTipRole).toString().contains(note));
            CHECK(panel.confirmations().value(QStringLiteral("LDTT")).value(QStringLiteral("tinh-than")) == note);
            // Un-ticking there withdraws it for good.
            CHECK(panel.model()->setData(judgementOf(panel), Qt::Unchecked, Qt::CheckStateRole));
            REQUIRE(Test::waitUntil([&] { return checkState(panel) == Qt::Unchecked; }));
            CHECK(verdictAt(judgementOf(panel)) == Verdict::NeedsReview);
        }
        Ui::EligibilityPanel panel(db, Core::Subject::person(person));
        panel.setYear(2024);
        panel.evaluate();
        CHECK(checkState(panel) == Qt::Unchecked);
        CHECK(verdictAt(panel.model()->indexOfAward(QStringLiteral("LDTT"))) == Verdict::NeedsReview);
    });
}

TEST_CASE("eligibilityPanel_unitInABloc_namesTheBlocInTheItemToConfirm", "[ui][eligibility]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Core::Bloc bloc;
    bloc.name = QStringLiteral("Khối các cơ quan Đảng, đoàn thể");
    bloc.kind = QStringLiteral("khoi");
    Core::Unit unit;
    unit.name = QStringLiteral("Hội Nông dân tỉnh");
    unit.kind = QStringLiteral("front_org");
    unit.blocId = Core::UnitRepository(db).saveBloc(bloc);
    Core::UnitRepository(db).save(unit);

    Ui::EligibilityPanel panel(db, Core::Subject::unit(unit.id));
    panel.setYear(2025);
    panel.evaluate();
    const QModelIndex member = panel.model()->indexOfCondition(QStringLiteral("CO_TD_TINH"), QStringLiteral("thuoc-cum-khoi"));
    REQUIRE(member.isValid());
    CHECK(verdictAt(member) == Verdict::Eligible);
    const QModelIndex lead = panel.model()->indexOfCondition(QStringLiteral("CO_TD_TINH"), QStringLiteral("dan-dau-cum-khoi"));
    REQUIRE(lead.isValid());
    CHECK(lead.data().toString().contains(bloc.name));
    CHECK(panel.model()->isConfirmable(lead));
}
