// Settings ▸ Bonuses and votes driven through its tables: a coefficient edited there prices
// the next decision, bad input is refused with the reason and nothing is written, unconfirmed
// figures stand out, and the movement page lists the proposals and decisions of a movement.
#include "counciltesthelpers.h"

#include "core/decisions/decisionrepository.h"
#include "core/proposals/paydata.h"
#include "core/registry/movementrepository.h"
#include "tests/support/testdatabase.h"
#include "tests/ui/movementstesthelpers.h"
#include "ui/council/paydatadialog.h"
#include "ui/decisions/awardeesmodel.h"
#include "ui/decisions/decisionpage.h"
#include "ui/decisions/decisionsview.h"
#include "ui/decisions/movementproposals.h"
#include "ui/movements/movementsview.h"
#include "ui/widgets/formwidgets.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

namespace {
/// The coefficients row of a form and recipient, or -1.
int coefficientRow(Ui::PayDataDialog &dialog, const QString &form, const QString &recipient)
{
    Ui::EditableTable *table = dialog.coefficients();
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->code(row, Ui::PayDataDialog::CoefFormColumn) == form
            && table->code(row, Ui::PayDataDialog::CoefRecipientColumn) == recipient)
            return row;
    return -1;
}

void clickSave(QDialog &dialog)
{
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
}
} // namespace

TEST_CASE("payDataDialog_editsACoefficient_andADecisionPricedAfterwardsUsesIt", "[ui][decisions][paydata]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        Test::CouncilOffice f(db);
        f.grassrootsOffice();
        const qint64 s = f.passedSitting(f.appraised({QStringLiteral("Nguyễn Văn An")}));

        {
            Ui::PayDataDialog dialog(db);
            dialog.show();
            const int row = coefficientRow(dialog, QStringLiteral("LDTT"), QStringLiteral("individual"));
            REQUIRE(row >= 0);
            CHECK(dialog.coefficients()->text(row, Ui::PayDataDialog::CoefValueColumn) == QStringLiteral("0,3"));
            dialog.tabs()->setCurrentWidget(dialog.coefficients());
            REQUIRE(Test::typeIntoCell(dialog.coefficients(), row, Ui::PayDataDialog::CoefValueColumn, QStringLiteral("0,5")));
            // The cell editor commits on the next turn of the event loop.
            CHECK(Test::waitUntil(
                [&] { return dialog.coefficients()->text(row, Ui::PayDataDialog::CoefValueColumn) == QStringLiteral("0,5"); }));
            clickSave(dialog);
            CHECK(dialog.result() == QDialog::Accepted);
        }
        CHECK(Wf::PayData(db).coefficientOn(QStringLiteral("LDTT"), QStringLiteral("individual"), QDate(2026, 1, 15)) == 500);

        Ui::DecisionsView view;
        view.show();
        view.setDatabase(&db);
        view.newAction()->trigger();
        Ui::DecisionPage *page = view.page();
        page->findChild<QLineEdit *>(QStringLiteral("decisionDate"))->setText(QStringLiteral("15/01/2026"));
        Ui::selectData(page->findChild<QComboBox *>(QStringLiteral("decisionSession")), s);
        const auto picked = Test::acceptFill();
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("fillFromCouncil")), Qt::LeftButton);
        REQUIRE(*picked);
        REQUIRE(page->awardeesModel()->rowCount() == 1);
        // 0,5 × 2.340.000 = 1.170.000 (already a multiple of 10.000).
        CHECK(page->awardeesModel()->index(0, Ui::AwardeesModel::CoefficientColumn).data().toString() == QStringLiteral("0,5"));
        CHECK(page->awardeesModel()->index(0, Ui::AwardeesModel::AmountColumn).data().toString() == QStringLiteral("1.170.000"));
    });
}

TEST_CASE("payDataDialog_refusesABadCoefficientAndAnImpossibleQuorum_withTheReason_andStaysOpen", "[ui][paydata]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Ui::PayDataDialog dialog(db);
    dialog.show();
    const int row = coefficientRow(dialog, QStringLiteral("BK_TINH"), QStringLiteral("individual"));
    REQUIRE(row >= 0);
    dialog.coefficients()->setText(row, Ui::PayDataDialog::CoefValueColumn, QStringLiteral("một rưỡi"));
    {
        Test::MessageBoxAnswerer boxes;
        clickSave(dialog);
        REQUIRE(boxes.texts().size() == 1);
        CHECK(boxes.texts().first()
              == QStringLiteral("Row %1: “một rưỡi” is not a coefficient: write a number with up to three decimals, like 1,5.")
                     .arg(row + 1));
    }
    CHECK(dialog.isVisible());
    CHECK(dialog.tabs()->currentWidget() == dialog.coefficients());
    CHECK(dialog.coefficients()->currentRow() == row);
    CHECK(Wf::PayData(db).coefficientOn(QStringLiteral("BK_TINH"), QStringLiteral("individual"), QDate(2026, 1, 1)) == 1500);

    dialog.coefficients()->setText(row, Ui::PayDataDialog::CoefValueColumn, QStringLiteral("1,5"));
    dialog.findChild<QSpinBox *>(QStringLiteral("quorumNum"))->setValue(4);
    dialog.findChild<QSpinBox *>(QStringLiteral("quorumDen"))->setValue(3);
    {
        Test::MessageBoxAnswerer boxes;
        clickSave(dialog);
        REQUIRE(boxes.texts().size() == 1);
        CHECK(boxes.texts().first().contains(QStringLiteral("4/3 is more than all of them")));
    }
    CHECK(dialog.isVisible());
    CHECK(Wf::PayData(db).setting(QStringLiteral("council.quorum")) == QStringLiteral("2/3"));

    // A base salary typed with dots is read as đồng.
    const int salary = dialog.salaries()->addRow();
    dialog.salaries()->setText(salary, Ui::PayDataDialog::SalaryFromColumn, QStringLiteral("01/07/2026"));
    dialog.salaries()->setText(salary, Ui::PayDataDialog::SalaryAmountColumn, QStringLiteral("2.530.000"));
    dialog.findChild<QSpinBox *>(QStringLiteral("quorumNum"))->setValue(3);
    dialog.findChild<QSpinBox *>(QStringLiteral("quorumDen"))->setValue(4);
    clickSave(dialog);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(Wf::PayData(db).baseSalaryOn(QDate(2026, 8, 1)) == 2530000);
    CHECK(Wf::PayData(db).setting(QStringLiteral("council.quorum")) == QStringLiteral("3/4"));
}

TEST_CASE("payDataDialog_showsUnconfirmedRowsInItalics_withATooltip", "[ui][paydata]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Ui::PayDataDialog dialog(db);
    const int unconfirmed = coefficientRow(dialog, QStringLiteral("GIAYKHEN"), QStringLiteral("individual"));
    const int confirmed = coefficientRow(dialog, QStringLiteral("BK_TINH"), QStringLiteral("individual"));
    REQUIRE(unconfirmed >= 0);
    QTableWidget *table = dialog.coefficients()->table();
    // GIAYKHEN has two individual rows (2024 and 2025): the 2025 one is the unconfirmed.
    int row2025 = -1;
    for (int row = 0; row < table->rowCount(); ++row)
        if (dialog.coefficients()->code(row, 0) == QStringLiteral("GIAYKHEN")
            && dialog.coefficients()->code(row, 1) == QStringLiteral("individual")
            && dialog.coefficients()->text(row, 2) == QStringLiteral("01/07/2025"))
            row2025 = row;
    REQUIRE(row2025 >= 0);
    CHECK(table->item(row2025, Ui::PayDataDialog::CoefValueColumn)->font().italic());
    CHECK(table->item(row2025, Ui::PayDataDialog::CoefSourceColumn)->toolTip().startsWith(QStringLiteral("Not confirmed:")));
    CHECK_FALSE(table->item(confirmed, Ui::PayDataDialog::CoefValueColumn)->font().italic());

    // Ticking Confirmed takes the mark away.
    dialog.coefficients()->setChecked(row2025, Ui::PayDataDialog::CoefConfirmedColumn, true);
    CHECK_FALSE(table->item(row2025, Ui::PayDataDialog::CoefValueColumn)->font().italic());
    // Every seeded threshold is unconfirmed.
    CHECK(dialog.thresholds()->table()->item(0, Ui::PayDataDialog::ThrPercentColumn)->font().italic());
}

TEST_CASE("movementPage_listsTheMovementsDossiersAndDecisions_underItsPhases_andOpensThem", "[ui][movements][decisions]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::CouncilOffice f(db);
    const qint64 movementId = f.movement();
    const Wf::Dossier dossier = f.newDossier(2025, movementId, QStringLiteral("annual"));
    Wf::Decision decision;
    decision.issuer = QStringLiteral("UBND tỉnh");
    decision.year = 2026;
    decision.registerNo = 12;
    decision.date = QDate(2026, 1, 20);
    decision.title = QStringLiteral("Về việc khen thưởng phong trào");
    decision.movementId = movementId;
    const qint64 decisionId = Wf::DecisionRepository(db).save(decision);

    Ui::MovementsView view;
    view.show();
    view.setDatabase(&db);
    view.selectMovement(movementId);
    QTreeWidget *tree = view.proposals()->tree();
    REQUIRE(tree->topLevelItemCount() >= 1);
    QTreeWidgetItem *dossierItem = nullptr;
    QTreeWidgetItem *decisionItem = nullptr;
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        const int kind = (*it)->data(0, Ui::MovementProposals::KindRole).toInt();
        if (kind == Ui::MovementProposals::DossierKind)
            dossierItem = *it;
        else if (kind == Ui::MovementProposals::DecisionKind)
            decisionItem = *it;
    }
    REQUIRE(dossierItem);
    REQUIRE(decisionItem);
    // year → occasion → dossier, under a phase of the plan.
    CHECK(dossierItem->text(0).endsWith(QStringLiteral(": Đề nghị khen thưởng năm 2025 — Sở Nội vụ")));
    CHECK(dossierItem->text(0).startsWith(QStringLiteral("Dossier "))); // its register number, never its key
    CHECK(dossierItem->text(1) == QStringLiteral("Draft"));
    CHECK(dossierItem->parent()->parent()->text(0) == QStringLiteral("2025"));
    REQUIRE(dossierItem->parent()->parent()->parent());
    CHECK(decisionItem->text(0) == QStringLiteral("Decision 12/QĐ-UBND: Về việc khen thưởng phong trào"));
    CHECK(decisionItem->parent()->text(0) == QStringLiteral("2026"));

    QSignalSpy dossiers(&view, &Ui::MovementsView::dossierRequested);
    QSignalSpy decisions(&view, &Ui::MovementsView::decisionRequested);
    emit tree->itemActivated(dossierItem, 0);
    emit tree->itemActivated(decisionItem, 0);
    REQUIRE(dossiers.size() == 1);
    CHECK(dossiers.first().first().toLongLong() == dossier.id);
    REQUIRE(decisions.size() == 1);
    CHECK(decisions.first().first().toLongLong() == decisionId);
}
