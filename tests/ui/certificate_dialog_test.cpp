// In phôi through the GUI: the decision page offers certificates once the decision is issued;
// the dialog lists the Bằng khen in the list's order, saves all or only the selected rows
// (a reprint), keeps each printer's offset and turns a measurement on the test grid into it,
// and imports an office's layout only when it is valid.
#include "core/documents/certificates.h"
#include "core/settings.h"
#include "tests/documents/decisioncase.h"
#include "tests/documents/pdftools.h"
#include "tests/support/testdatabase.h"
#include "ui/decisions/decisionpage.h"
#include "ui/decisions/decisionsview.h"
#include "ui/documents/certificatedialog.h"
#include "ui/widgets/printbutton.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace VinhDanh;
namespace Cert = Documents::Certificates;

namespace {
template<typename T>
T *child(QWidget *w, const char *name)
{
    auto *c = w->findChild<T *>(QLatin1String(name));
    REQUIRE(c);
    return c;
}
} // namespace

TEST_CASE("decisionPage_offersCertificates_onlyOnceTheDecisionIsIssued", "[ui][certificates]")
{
    Test::TestDatabase t;
    Test::DecisionCase c(t.open());
    Ui::DecisionsView view;
    view.resize(1200, 900);
    view.show();
    view.setDatabase(&t.db());
    Ui::DecisionPage *page = view.page();
    REQUIRE(page->openDecision(c.draft.id));
    QAction *certificates = page->printButton()->menu()->findChild<QAction *>(QStringLiteral("print_certificates"));
    REQUIRE(certificates);
    CHECK_FALSE(certificates->isEnabled());
    CHECK_FALSE(Ui::CertificateDialog::whyNot(t.db(), c.draft.id).isEmpty());

    c.issue();
    REQUIRE(page->openDecision(c.draft.id));
    CHECK(certificates->isEnabled());
    CHECK(Ui::CertificateDialog::whyNot(t.db(), c.draft.id).isEmpty());
    certificates->trigger();
    auto *dialog = page->window()->findChild<Ui::CertificateDialog *>();
    REQUIRE(dialog);
    CHECK(dialog->isVisible());
    dialog->close();
}

TEST_CASE("certificateDialog_savesAllInListOrder_orOnlyTheSelectedRow", "[ui][certificates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::DecisionCase c(t.db());
        c.issue();
        Ui::CertificateDialog dialog(t.db(), c.draft.id);
        auto *blank = child<QComboBox>(&dialog, "blank");
        CHECK(blank->count() == 1); // the decision awards Bằng khen, and no Giấy khen
        CHECK(dialog.blankType() == QStringLiteral("bang-khen"));
        auto *table = child<QTableWidget>(&dialog, "certificates");
        REQUIRE(table->rowCount() == 2);
        CHECK(table->item(0, 1)->text() == QStringLiteral("Nguyễn Văn An"));
        CHECK(table->item(1, 1)->text() == QStringLiteral("Trần Thị Bình"));
        CHECK(table->item(1, 0)->text() == QStringLiteral("3")); // its number in the decision's list

        QTemporaryDir dir;
        const QString all = dir.filePath(QStringLiteral("all.pdf"));
        REQUIRE(dialog.savePdf(all));
        CHECK(Test::Pdf::pages(all) == 2);
        CHECK(child<QLabel>(&dialog, "status")->text()
              == QStringLiteral("2 certificates saved to %1.").arg(QDir::toNativeSeparators(all)));

        table->selectRow(1);
        const QString one = dir.filePath(QStringLiteral("one.pdf"));
        REQUIRE(dialog.savePdf(one));
        CHECK(Test::Pdf::pages(one) == 1);
        const QString text = Test::Pdf::text(one);
        CHECK(text.contains(QStringLiteral("Trần Thị Bình")));
        CHECK_FALSE(text.contains(QStringLiteral("Nguyễn Văn An")));
        // The count saved, and where: "1" alone would match any digit of the temporary path.
        CHECK(child<QLabel>(&dialog, "status")->text()
              == QStringLiteral("1 certificate saved to %1.").arg(QDir::toNativeSeparators(one)));
    });
}

TEST_CASE("certificateDialog_keepsThePrintersOffset_andAppliesWhatTheTestGridMeasured", "[ui][certificates]")
{
    Test::TestDatabase t;
    Test::DecisionCase c(t.open());
    c.issue();
    Ui::CertificateDialog dialog(t.db(), c.draft.id);
    const QString printer = dialog.printerName();
    Core::Settings::setCertificateOffset(printer, QPointF());

    auto *x = child<QDoubleSpinBox>(&dialog, "offsetX");
    auto *y = child<QDoubleSpinBox>(&dialog, "offsetY");
    x->setValue(1.5);
    CHECK(Core::Settings::certificateOffset(printer).x() == Approx(1.5));

    // The grid, printed with +1.5 mm, put its cross 21 mm from the left and 18.5 mm from the top.
    child<QDoubleSpinBox>(&dialog, "measuredLeft")->setValue(21);
    child<QDoubleSpinBox>(&dialog, "measuredTop")->setValue(18.5);
    child<QPushButton>(&dialog, "applyMeasurement")->click();
    CHECK(x->value() == Approx(0.5));
    CHECK(y->value() == Approx(1.5));
    CHECK(Core::Settings::certificateOffset(printer) == QPointF(0.5, 1.5));
    CHECK(child<QDoubleSpinBox>(&dialog, "measuredLeft")->value() == Approx(Cert::kCrossInset));

    // A new dialog for the same printer starts from it; the grid is saved with it.
    Ui::CertificateDialog again(t.db(), c.draft.id);
    CHECK(again.offset() == QPointF(0.5, 1.5));
    QTemporaryDir dir;
    const QString grid = dir.filePath(QStringLiteral("grid.pdf"));
    REQUIRE(again.saveTestGrid(grid));
    CHECK(Test::Pdf::text(grid).contains(QStringLiteral("LƯỚI CĂN CHỈNH")));
    Core::Settings::setCertificateOffset(printer, QPointF());
}

TEST_CASE("certificateDialog_importsAValidLayout_refusesABadOne_andResets", "[ui][certificates]")
{
    Test::TestDatabase t;
    Test::DecisionCase c(t.open());
    c.issue();
    Ui::CertificateDialog dialog(t.db(), c.draft.id);
    QTemporaryDir dir;
    const QString exported = dir.filePath(QStringLiteral("bk.json"));
    REQUIRE(dialog.exportLayout(exported));

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("{ \"type\": \"bang-khen\" ");
    f.close();
    CHECK_FALSE(dialog.importLayout(bad));
    CHECK(child<QLabel>(&dialog, "status")->text().contains(QStringLiteral("JSON")));
    CHECK_FALSE(Cert::hasOfficeLayout(t.db(), QStringLiteral("bang-khen")));

    REQUIRE(dialog.importLayout(exported));
    CHECK(Cert::hasOfficeLayout(t.db(), QStringLiteral("bang-khen")));
    dialog.resetLayout();
    CHECK_FALSE(Cert::hasOfficeLayout(t.db(), QStringLiteral("bang-khen")));
}

TEST_CASE("certificateDialog_showsTheGoldBookNumberGivenOnFirstSave_andAReprintKeepsIt", "[ui][certificates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::DecisionCase c(t.db());
        c.issue();
        Ui::CertificateDialog dialog(t.db(), c.draft.id);
        auto *table = child<QTableWidget>(&dialog, "certificates");
        REQUIRE(table->rowCount() == 2);
        REQUIRE(table->columnCount() == 4);
        CHECK(table->item(0, 3)->text() == QStringLiteral("not printed yet"));

        // Bình (second row) is saved alone first: number 1 of 2026; An is still without one.
        QTemporaryDir dir;
        table->selectRow(1);
        const QString binh = dir.filePath(QStringLiteral("binh.pdf"));
        REQUIRE(dialog.savePdf(binh));
        CHECK(Test::Pdf::text(binh).contains(QStringLiteral("Số sổ vàng: 1")));
        CHECK(table->item(1, 3)->text() == QStringLiteral("1 of 2026"));
        CHECK(table->item(0, 3)->text() == QStringLiteral("not printed yet"));

        // All of them: An gets 2, Bình keeps 1 — and a new dialog reads both back.
        table->clearSelection();
        const QString all = dir.filePath(QStringLiteral("all.pdf"));
        REQUIRE(dialog.savePdf(all));
        CHECK(Test::Pdf::text(all, 1).contains(QStringLiteral("Số sổ vàng: 2")));
        CHECK(Test::Pdf::text(all, 2).contains(QStringLiteral("Số sổ vàng: 1")));
        CHECK(table->item(0, 3)->text() == QStringLiteral("2 of 2026"));
        Ui::CertificateDialog again(t.db(), c.draft.id);
        auto *reopened = child<QTableWidget>(&again, "certificates");
        CHECK(reopened->item(0, 3)->text() == QStringLiteral("2 of 2026"));
        CHECK(reopened->item(1, 3)->text() == QStringLiteral("1 of 2026"));
    });
}
