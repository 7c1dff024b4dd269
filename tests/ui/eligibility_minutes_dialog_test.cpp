// "Confirm from minutes…" (issue 13 item 6): rows selected on the Candidates page, a unit's
// bình xét minutes recorded (or picked) in MinutesDialog, and the facts of the year confirmed
// for every form, so the rows turn eligible.
#include "eligibilitytesthelpers.h"
#include "workflowtesthelpers.h"

#include "core/db/query.h"
#include "core/eligibility/minutesrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/eligibility/candidatesmodel.h"
#include "ui/eligibility/candidatesview.h"
#include "ui/eligibility/minutesdialog.h"
#include "ui/widgets/formwidgets.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>

using namespace VinhDanh;
using Core::Eligibility::Verdict;
using Ui::CandidatesModel;

namespace {
const QString kName = QStringLiteral("Nguyễn Thị Ánh Tuyết");

struct Office
{
    qint64 unit = 0;
    qint64 person = 0;
};

Office seed(Core::Database &db)
{
    Office o;
    o.unit = Test::addUnit(db, QStringLiteral("Sở Giáo dục và Đào tạo"));
    o.person = Test::addPerson(db, kName, o.unit);
    Test::rateYears(db, Core::Subject::person(o.person), 2020, 2024);
    return o;
}

void runSweep(Ui::CandidatesView &view, int year)
{
    view.yearBox()->setValue(year);
    view.run();
    REQUIRE(Test::waitUntil([&] { return !view.isRunning(); }, 20000));
}

/// The verdicts of the person's rows, by award code.
QMap<QString, Verdict> verdictsOf(const CandidatesModel &model, qint64 personId)
{
    QMap<QString, Verdict> out;
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.candidateAt(row).personId == personId)
            out.insert(model.candidateAt(row).awardCode, model.candidateAt(row).verdict);
    return out;
}

int count(Core::Database &db, const QString &table)
{
    return Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM %1").arg(table)).scalar().toInt();
}
} // namespace

TEST_CASE("candidatesView_confirmFromNewMinutes_makesTheSelectedPersonEligibleForEveryForm", "[ui][eligibility][minutes]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const Office o = seed(db);
    Ui::CandidatesView view;
    view.setDatabase(&db);
    view.show();
    runSweep(view, 2024);
    const QMap<QString, Verdict> before = verdictsOf(*view.model(), o.person);
    REQUIRE(before.value(QStringLiteral("LDTT"), Verdict::NotEligible) == Verdict::NeedsReview);
    REQUIRE(before.value(QStringLiteral("CSTDCS"), Verdict::NotEligible) == Verdict::NeedsReview);
    CHECK_FALSE(view.fromMinutesButton()->isEnabled());

    view.table()->selectAll();
    CHECK(view.fromMinutesButton()->isEnabled());
    const QList<Core::Subject> chosen = view.selectedSubjects();
    REQUIRE(chosen.size() == 1); // one person, however many forms
    CHECK(chosen.first().personId == o.person);

    Ui::MinutesDialog dialog(db, chosen, 2024);
    CHECK(dialog.unitPicker()->unitId() == o.unit); // the unit whose meeting can name them all
    dialog.dateField()->setText(QStringLiteral("12/01/2025"));
    dialog.numberEdit()->setText(QStringLiteral("03/BB-HĐTĐKT"));
    dialog.attendeesEdit()->setText(QStringLiteral("7/7 thành viên"));
    dialog.accept();
    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK(dialog.resultText().contains(QStringLiteral("03/BB-HĐTĐKT")));
    CHECK(dialog.resultText().contains(QStringLiteral("12/01/2025")));

    runSweep(view, 2024);
    const QMap<QString, Verdict> after = verdictsOf(*view.model(), o.person);
    CHECK(after.value(QStringLiteral("LDTT")) == Verdict::Eligible);
    CHECK(after.value(QStringLiteral("CSTDCS")) == Verdict::Eligible);
}

TEST_CASE("minutesDialog_withoutADate_saysWhy_andWritesNothing", "[ui][eligibility][minutes]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const Office o = seed(db);
    Ui::MinutesDialog dialog(db, {Core::Subject::person(o.person)}, 2024);
    dialog.show();
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.problems()->isVisible());
    CHECK(dialog.problems()->text().contains(QStringLiteral("date")));
    dialog.dateField()->setText(QStringLiteral("12/01/2023")); // before the year it reviews: core refuses
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.problems()->text().contains(QStringLiteral("2024")));
    CHECK(count(db, QStringLiteral("review_minutes")) == 0);
    CHECK(count(db, QStringLiteral("eligibility_confirmations")) == 0);
}

TEST_CASE("minutesDialog_offersRecordedMinutesNamingTheNominee_andConfirmsFromThem", "[ui][eligibility][minutes]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const Office o = seed(db);
    Core::Eligibility::ReviewMinutes m;
    m.unitId = o.unit;
    m.year = 2024;
    m.date = QDate(2025, 1, 10);
    m.number = QStringLiteral("05/BB");
    m.subjects = {Core::Subject::person(o.person)};
    const Core::Eligibility::ReviewMinutes saved = Core::Eligibility::MinutesRepository(db).add(m);

    Ui::MinutesDialog dialog(db, {Core::Subject::person(o.person)}, 2024);
    REQUIRE(dialog.minutesChoice()->count() == 2);
    CHECK(dialog.minutesChoice()->currentData().toLongLong() == saved.id); // picked already
    // Shown by number and date, as the clerk knows it; the key is for scripts.
    CHECK(dialog.minutesChoice()->currentText().contains(QStringLiteral("05/BB")));
    CHECK(dialog.minutesChoice()->currentText().contains(QStringLiteral("10/01/2025")));
    CHECK_FALSE(dialog.minutesChoice()->currentText().contains(saved.key));
    dialog.accept();
    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK(count(db, QStringLiteral("review_minutes")) == 1); // no second minutes
    CHECK(Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM eligibility_confirmations WHERE minutes_id IS NOT NULL"))
              .scalar()
              .toInt()
          > 0);
}

TEST_CASE("dossierPage_confirmFromMinutes_confirmsTheFactsOfItsNomineesForTheDossiersYear", "[ui][workflow][minutes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Test::DraftDossier d = Test::addDraftWithNominee(db, QStringLiteral("Sở Tài chính"), QStringLiteral("Lê Văn Đức"));
        auto *page = new Ui::DossierPage(db, d.dossier);
        page->show();
        auto *button = page->findChild<QPushButton *>(QStringLiteral("fromMinutes"));
        REQUIRE(button);
        CHECK(button->isEnabled());
        auto ran = Test::onNextDialog<Ui::MinutesDialog>([&](Ui::MinutesDialog *dialog) {
            CHECK(dialog->unitPicker()->unitId() == d.unit);
            dialog->dateField()->setText(QStringLiteral("10/01/2025"));
            dialog->numberEdit()->setText(QStringLiteral("02/BB-STC"));
            dialog->accept();
        });
        button->click();
        CHECK(*ran);
        const int year = page->dossier().year;
        CHECK(Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM eligibility_confirmations WHERE person_id = %1 AND year = %2 "
                                                   "AND form_code IS NULL AND minutes_id IS NOT NULL")
                                        .arg(d.person)
                                        .arg(year))
                  .scalar()
                  .toInt()
              > 0);
        page->close();
    });
}

TEST_CASE("candidatesView_selectingOnlyNotEligibleRows_leavesConfirmFromMinutesDisabled_andSkipsThemInAMixedSelection",
          "[ui][eligibility][minutes]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const Office o = seed(db); // awaiting confirmation: rated HTXSNV, the qualitative items open
    // Proposed for LĐTT although rated only HTNV: a not-eligible row, nothing to confirm.
    const qint64 weak = Test::addPerson(db, QStringLiteral("Trần Văn Bình"), o.unit);
    Test::rateYears(db, Core::Subject::person(weak), 2020, 2024, QStringLiteral("HTNV"));
    const qint64 dossier = Test::addDossier(db, o.unit);
    Test::addNominee(db, dossier, Core::Subject::person(weak), QStringLiteral("LDTT"), QStringLiteral("Đề nghị theo ý kiến hội nghị"));

    Ui::CandidatesView view;
    view.setDatabase(&db);
    view.show();
    runSweep(view, 2024);
    const CandidatesModel &model = *view.model();
    QItemSelectionModel *selection = view.table()->selectionModel();
    int notEligibleRows = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.candidateAt(row).personId == weak) {
            REQUIRE(model.candidateAt(row).outcome == Core::Eligibility::Outcome::NotEligible);
            selection->select(model.index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
            ++notEligibleRows;
        }
    REQUIRE(notEligibleRows > 0);
    CHECK_FALSE(view.fromMinutesButton()->isEnabled());
    CHECK(view.selectedSubjects().isEmpty());

    // Add one row awaiting confirmation: enabled, and only that person goes to the minutes.
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.candidateAt(row).personId == o.person
            && model.candidateAt(row).outcome == Core::Eligibility::Outcome::AwaitingConfirmation) {
            selection->select(model.index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
            break;
        }
    CHECK(view.fromMinutesButton()->isEnabled());
    int skipped = -1;
    const QList<Core::Subject> chosen = view.selectedSubjects(&skipped);
    REQUIRE(chosen.size() == 1);
    CHECK(chosen.first().personId == o.person);
    CHECK(skipped == 1);
    auto ran = Test::onNextDialog<Ui::MinutesDialog>([&](Ui::MinutesDialog *dialog) {
        CHECK(dialog->skippedNote()->isVisible());
        CHECK(dialog->skippedNote()->text().contains(QStringLiteral("1 other selected nominee")));
        dialog->reject();
    });
    view.fromMinutesButton()->click();
    CHECK(*ran);
}

TEST_CASE("dossierPage_nomineeWithNothingToConfirm_leavesConfirmFromMinutesDisabled", "[ui][workflow][minutes]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Tư pháp"));
    const qint64 weak = Test::addPerson(db, QStringLiteral("Trần Văn Bình"), unit);
    Test::rateYears(db, Core::Subject::person(weak), 2020, 2024, QStringLiteral("HTNV"));
    const qint64 dossier = Test::addDossier(db, unit);
    Test::addNominee(db, dossier, Core::Subject::person(weak), QStringLiteral("LDTT"), QStringLiteral("Đề nghị theo ý kiến hội nghị"));
    auto *page = new Ui::DossierPage(db, dossier);
    page->show();
    auto *button = page->findChild<QPushButton *>(QStringLiteral("fromMinutes"));
    REQUIRE(button);
    CHECK_FALSE(button->isEnabled()); // not eligible: the minutes would confirm nothing that helps
    page->findChild<QTableView *>(QStringLiteral("nominees"))->selectRow(0);
    CHECK_FALSE(button->isEnabled());
    page->close();
}

TEST_CASE("minutesDialog_forAPersonOfUnitB_defaultsToB_andOffersOnlyBsMinutesOfTheYear", "[ui][eligibility][minutes]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unitA = Test::addUnit(db, QStringLiteral("Sở Giáo dục và Đào tạo"));
    const qint64 unitB = Test::addUnit(db, QStringLiteral("Sở Y tế"));
    const qint64 inA = Test::addPerson(db, QStringLiteral("Nguyễn Văn An"), unitA);
    const qint64 inB = Test::addPerson(db, QStringLiteral("Lê Thị Bích"), unitB);
    const qint64 otherInB = Test::addPerson(db, QStringLiteral("Phạm Văn Cường"), unitB);
    Core::Eligibility::MinutesRepository repo(db);
    const auto record = [&](qint64 unit, int year, const QString &number, qint64 person) {
        Core::Eligibility::ReviewMinutes m;
        m.unitId = unit;
        m.year = year;
        m.date = QDate(year + 1, 1, 10);
        m.number = number;
        m.subjects = {Core::Subject::person(person)};
        return repo.add(m);
    };
    const Core::Eligibility::ReviewMinutes ofA = record(unitA, 2024, QStringLiteral("01/BB-SGD"), inA);
    const Core::Eligibility::ReviewMinutes ofB = record(unitB, 2024, QStringLiteral("02/BB-SYT"), otherInB);
    const Core::Eligibility::ReviewMinutes ofBEarlier = record(unitB, 2023, QStringLiteral("03/BB-SYT"), otherInB);

    Ui::MinutesDialog dialog(db, {Core::Subject::person(inB)}, 2024);
    CHECK(dialog.unitPicker()->unitId() == unitB);
    QComboBox *choice = dialog.minutesChoice();
    CHECK(choice->findData(ofB.id) > 0);            // B's minutes of the year may still be picked
    CHECK(choice->findData(ofA.id) < 0);            // another unit's meeting is not offered
    CHECK(choice->findData(ofBEarlier.id) < 0);     // nor another year's
    CHECK(choice->count() == 2);                    // "Record new minutes" and B's
    CHECK(choice->currentData().toLongLong() == 0); // none names the person: new minutes by default
}
