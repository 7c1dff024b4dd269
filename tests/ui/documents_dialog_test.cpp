// Official documents on screen: the preview dialog saving a PDF a clerk can read back, the
// spreadsheet buttons only for documents with a list, a refused file name, and the
// "Print / save…" buttons of the dossier, sitting, decision, person, unit and movement pages.
#include "counciltesthelpers.h"
#include "workflowtesthelpers.h"

#include "core/decisions/decisionrepository.h"
#include "core/documents/documentkinds.h"
#include "core/documents/letterhead.h"
#include "core/documents/renderer.h"
#include "tests/documents/pdftools.h"
#include "tests/support/testdatabase.h"
#include "ui/council/councilview.h"
#include "ui/council/sittingpage.h"
#include "ui/decisions/decisionpage.h"
#include "ui/decisions/decisionsview.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/mainwindow.h"
#include "ui/movements/movementsview.h"
#include "ui/registry/personpage.h"
#include "ui/registry/unitpage.h"
#include "ui/widgets/documentdialog.h"
#include "ui/widgets/printbutton.h"

#include <catch2/catch.hpp>

#include <QRegularExpression>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPrintPreviewWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

namespace {
/// A draft 2025 dossier of "Sở Nội vụ" naming Nguyễn Văn An (LDTT).
struct DossierOffice
{
    Test::WorkflowFixture f;
    qint64 dossier = 0;
    explicit DossierOffice(Core::Database &db) : f(db)
    {
        const qint64 an = f.eligiblePerson(2025, QStringLiteral("Nguyễn Văn An"));
        dossier = f.newDossier(2025).id;
        f.addPerson(dossier, an);
    }
};

QPushButton *button(QWidget *dialog, const char *name)
{
    auto *b = dialog->findChild<QPushButton *>(QLatin1String(name));
    REQUIRE(b);
    return b;
}

/// The DocumentDialog a print button opened over `window`, once it shows.
Ui::DocumentDialog *openedDocument(QWidget *window)
{
    Ui::DocumentDialog *dialog = nullptr;
    Test::waitUntil([&] {
        dialog = window->findChild<Ui::DocumentDialog *>();
        return dialog && dialog->isVisible();
    });
    return dialog;
}

/// Chooses `kindCode` on `print`: a window-modal DocumentDialog of that kind opens over the
/// page's window and goes away when closed. Returns the document's file stem.
QString printOpens(Ui::PrintButton *print, const QString &kindCode)
{
    REQUIRE(print->isEnabled());
    QAction *action = print->documentAction(kindCode);
    REQUIRE(action);
    QWidget *window = print->window();
    action->trigger();
    QPointer<Ui::DocumentDialog> dialog = openedDocument(window);
    REQUIRE(dialog);
    CHECK(dialog->document().kind == kindCode);
    CHECK(dialog->windowModality() == Qt::WindowModal);
    const QString stem = dialog->document().fileStem;
    dialog->close();
    CHECK(Test::waitUntil([&] { return dialog.isNull(); })); // deleted on close
    return stem;
}
} // namespace

TEST_CASE("documentDialog_savesAPdfWithTheNomineesName_andOffersSpreadsheetsOnlyForAList", "[ui][documents]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        DossierOffice o(t.db());
        const Documents::Document list = Documents::buildFor(t.db(), QStringLiteral("danh-sach"), o.dossier);
        const Documents::Document letter = Documents::buildFor(t.db(), QStringLiteral("to-trinh"), o.dossier);
        REQUIRE(Documents::Renderer::canSave(list, QStringLiteral("xlsx")));
        REQUIRE_FALSE(Documents::Renderer::canSave(letter, QStringLiteral("xlsx")));

        Ui::DocumentDialog listDialog(list);
        listDialog.show();
        for (const char *name : {"printButton", "savePdf", "saveDocx", "saveXlsx", "saveCsv"}) {
            INFO(name);
            CHECK(button(&listDialog, name)->isVisible());
            CHECK(button(&listDialog, name)->isEnabled());
        }
        // The preview lays the pages out as the printer will.
        REQUIRE(Test::waitUntil([&] { return listDialog.preview()->pageCount() >= 1; }));

        QTemporaryDir dir;
        const QString pdf = dir.filePath(list.fileStem + QStringLiteral(".pdf"));
        REQUIRE(listDialog.saveTo(pdf));
        CHECK(Test::Pdf::text(pdf).contains(QStringLiteral("Nguyễn Văn An")));
        const QString xlsx = dir.filePath(QStringLiteral("danh-sach.xlsx"));
        REQUIRE(listDialog.saveTo(xlsx));
        CHECK(QFileInfo(xlsx).size() > 0);
        const QString docx = dir.filePath(QStringLiteral("danh-sach.docx"));
        REQUIRE(listDialog.saveTo(docx));
        CHECK(QFileInfo(docx).size() > 0);

        // A letter without a list: no spreadsheet to offer.
        Ui::DocumentDialog letterDialog(letter);
        letterDialog.show();
        CHECK(button(&letterDialog, "savePdf")->isVisible());
        for (const char *name : {"saveXlsx", "saveCsv"}) {
            INFO(name);
            CHECK_FALSE(button(&letterDialog, name)->isVisible());
            CHECK_FALSE(button(&letterDialog, name)->isEnabled());
        }
    });
}

TEST_CASE("documentDialog_refusesAFileNameItCannotWrite_showsWhy_andWritesNothing", "[ui][documents]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        DossierOffice o(t.db());
        Ui::DocumentDialog dialog(Documents::buildFor(t.db(), QStringLiteral("to-trinh"), o.dossier));
        dialog.show();
        QTemporaryDir dir;

        // ODT is no longer made: the message sends the clerk to .docx.
        const QString odt = dir.filePath(QStringLiteral("to-trinh.odt"));
        Test::MessageBoxAnswerer answers;
        CHECK_FALSE(dialog.saveTo(odt));
        REQUIRE(answers.texts().size() == 1);
        CHECK(answers.texts().first().contains(QStringLiteral(".docx")));
        // A letter has no list: a spreadsheet of it is refused the same way.
        const QString csv = dir.filePath(QStringLiteral("to-trinh.csv"));
        CHECK_FALSE(dialog.saveTo(csv));
        REQUIRE(answers.texts().size() == 2);
        CHECK(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    });
}

TEST_CASE("savingALongList_showsItsProgress_andStoppingItWritesNoFileAndAsksNothing", "[ui][documents]")
{
    // 3,000 rows: long enough for the progress dialog; the clerk presses Stop when it shows.
    Documents::Document doc;
    doc.kind = QStringLiteral("danh-sach");
    doc.title = QStringLiteral("Danh sách dài");
    doc.body = QStringLiteral("SỞ NỘI VỤ");
    Documents::Part part;
    part.typeName = QStringLiteral("DANH SÁCH");
    Documents::Table table;
    table.headers = {QStringLiteral("TT"), QStringLiteral("Họ và tên")};
    for (int i = 1; i <= 3000; ++i)
        table.rows << Documents::TableRow{{QString::number(i), QStringLiteral("Nguyễn Văn An %1").arg(i)}, false};
    part.tables << table;
    doc.parts << part;
    Ui::DocumentDialog dialog(doc);
    dialog.show();
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("danh-sach.pdf"));

    int shown = 0;
    QTimer stopper;
    QObject::connect(&stopper, &QTimer::timeout, [&] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *p = qobject_cast<QProgressDialog *>(w);
                p && p->objectName() == QLatin1String("layoutProgress") && p->isVisible()) {
                ++shown;
                p->cancel();
            }
        for (QProgressDialog *p : dialog.findChildren<QProgressDialog *>(QStringLiteral("layoutProgress")))
            if (p->isVisible()) {
                ++shown;
                p->cancel();
            }
    });
    stopper.start(0);
    Test::MessageBoxAnswerer answers;
    CHECK_FALSE(dialog.saveTo(pdf));
    stopper.stop();
    CHECK(shown > 0);
    CHECK(answers.texts().isEmpty()); // stopping is the clerk's choice, not an error to confirm
    CHECK(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    CHECK(dialog.findChild<QLabel *>(QStringLiteral("documentStatus"))->text().contains(QStringLiteral("no file")));

    // Left to run, the same list is saved whole.
    REQUIRE(dialog.saveTo(pdf));
    CHECK(Test::Pdf::text(pdf).contains(QStringLiteral("Nguyễn Văn An 3000")));
}

TEST_CASE("dossierPage_printButton_opensTheProposalLetterInThePreview", "[ui][documents]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        DossierOffice o(t.db());
        auto *page = new Ui::DossierPage(t.db(), o.dossier);
        page->show();
        Ui::PrintButton *print = page->printButton();
        REQUIRE(print);
        REQUIRE(print->isEnabled()); // a draft is printed to be signed
        REQUIRE(print->documentAction(QStringLiteral("danh-sach")));

        print->documentAction(QStringLiteral("to-trinh"))->trigger();
        Ui::DocumentDialog *dialog = openedDocument(page);
        REQUIRE(dialog);
        CHECK(dialog->document().kind == QStringLiteral("to-trinh"));
        CHECK(dialog->document().title.contains(QStringLiteral("Tờ trình"), Qt::CaseInsensitive));
        CHECK(dialog->windowModality() == Qt::WindowModal);
        CHECK(Test::waitUntil([&] { return dialog->preview()->pageCount() >= 1; }));
        dialog->close();
        page->close();
    });
}

TEST_CASE("sessionPage_printsTheMinutesOnlyOfASavedSitting", "[ui][documents]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        Test::CouncilOffice f(db);
        const qint64 sitting = f.passedSitting(f.appraised({QStringLiteral("Nguyễn Văn An")}));

        Ui::CouncilView view;
        view.resize(1200, 900);
        view.show();
        view.setDatabase(&db);
        view.newAction()->trigger();
        REQUIRE(view.isPageShown());
        Ui::SittingPage *page = view.page();
        CHECK_FALSE(page->printButton()->isEnabled()); // a new sitting is not saved yet
        CHECK_FALSE(page->printButton()->toolTip().isEmpty());

        REQUIRE(page->openSession(sitting));
        // Named by the sitting's register number, never its internal key (issue 16).
        const QString stem = printOpens(page->printButton(), QStringLiteral("bien-ban"));
        CHECK(QRegularExpression(QStringLiteral("^Phien-[0-9]+-20[0-9][0-9]-bien-ban$")).match(stem).hasMatch());
    });
}

TEST_CASE("decisionPage_printsASavedDecision_notANewDraft", "[ui][documents]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        Wf::Decision d;
        d.issuer = QStringLiteral("UBND tỉnh");
        d.year = 2026;
        d.registerNo = 12;
        d.date = QDate(2026, 1, 15);
        d.title = QStringLiteral("Về việc tặng danh hiệu Lao động tiên tiến năm 2025");
        d.signer = QStringLiteral("Trần Văn Minh");
        d.signerTitle = QStringLiteral("Phó Chủ tịch");
        d.authority = QStringLiteral("KT");
        const qint64 id = Wf::DecisionRepository(db).save(d);

        // Under the default letterhead (a Sở's) the People's Committee's decision is refused,
        // saying why, and no document opens.
        {
            Ui::DecisionsView view;
            view.show();
            view.setDatabase(&db);
            REQUIRE(view.page()->openDecision(id));
            Test::MessageBoxAnswerer answers;
            QAction *action = view.page()->printButton()->documentAction(QStringLiteral("quyet-dinh"));
            REQUIRE(action);
            action->trigger();
            CHECK(Test::waitUntil([&] { return !answers.texts().isEmpty(); }));
            REQUIRE_FALSE(answers.texts().isEmpty());
            CHECK(answers.texts().first().contains(QStringLiteral("SỞ NỘI VỤ")));
            CHECK_FALSE(view.findChild<Ui::DocumentDialog *>());
        }
        // The issuer's own letterhead.
        Documents::Letterhead letterhead = Documents::Letterhead::load(db);
        letterhead.parentBody.clear();
        letterhead.body = QStringLiteral("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA");
        letterhead.headTitle = QStringLiteral("Chủ tịch");
        letterhead.save(db);

        Ui::DecisionsView view;
        view.resize(1200, 900);
        view.show();
        view.setDatabase(&db);
        view.newAction()->trigger();
        Ui::DecisionPage *page = view.page();
        CHECK_FALSE(page->printButton()->isEnabled()); // not saved yet

        REQUIRE(page->openDecision(id));
        CHECK(page->printButton()->isEnabled());
        // An edit not saved yet: the document would not show it, so printing waits.
        auto *title = page->findChild<QLineEdit *>(QStringLiteral("decisionTitle"));
        REQUIRE(title);
        Test::typeText(title, QStringLiteral(" (sửa)"));
        CHECK_FALSE(page->printButton()->isEnabled());
        REQUIRE(page->openDecision(id));
        // "QD-173-QD-UBND-24-01-2026": the decision's number and date (issue 16).
        const Core::Workflow::Decision stored = Core::Workflow::DecisionRepository(db).decision(id);
        CHECK(printOpens(page->printButton(), QStringLiteral("quyet-dinh"))
              == (stored.status == Wf::DecisionStatus::Issued ? QString() : QStringLiteral("du-thao-")) + QStringLiteral("QD-")
                     + QString(stored.number)
                           .replace(QLatin1Char('/'), QLatin1Char('-'))
                           .replace(QStringLiteral("Đ"), QStringLiteral("D"))
                     + stored.date.toString(QStringLiteral("-dd-MM-yyyy")));
    });
}

TEST_CASE("personAndUnitPages_offerTheirAchievementReports", "[ui][documents]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        const qint64 unit = Test::addUnit(db, QStringLiteral("Trường THPT Lam Sơn"));
        const qint64 person = Test::addPerson(db, QStringLiteral("Lê Thị Hoa"), unit);

        auto *personPage = new Ui::PersonPage(db, person);
        personPage->show();
        auto *personPrint = personPage->findChild<Ui::PrintButton *>();
        REQUIRE(personPrint);
        printOpens(personPrint, QStringLiteral("bao-cao-ca-nhan"));
        personPage->close();

        auto *unitPage = new Ui::UnitPage(db, unit);
        unitPage->show();
        auto *unitPrint = unitPage->findChild<Ui::PrintButton *>();
        REQUIRE(unitPrint);
        printOpens(unitPrint, QStringLiteral("bao-cao-tap-the"));
        unitPage->close();
    });
}

TEST_CASE("movementReport_asksForAYearOfThePeriodOrAReview_andCancelOpensNothing", "[ui][documents]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        Test::WorkflowFixture f(db);
        const qint64 movement = f.movement(); // 2025–2030, sơ kết and tổng kết

        Ui::MovementsView view;
        view.show();
        CHECK_FALSE(view.printButton()->isEnabled()); // no database
        view.setDatabase(&db);
        view.selectMovement(movement);
        REQUIRE(view.currentId() == movement);
        Ui::PrintButton *print = view.printButton();
        REQUIRE(print->isEnabled());
        QAction *report = print->documentAction(QStringLiteral("bao-cao-phong-trao"));
        REQUIRE(report);

        // The choices: every year of the period, then the two reviews. Cancel: nothing opens.
        QStringList offered;
        Test::onModal<QInputDialog>([&offered](QInputDialog *dialog) {
            offered = dialog->comboBoxItems();
            dialog->reject();
        });
        report->trigger();
        REQUIRE(offered.size() == 8);
        CHECK(offered.first().contains(QStringLiteral("2025")));
        CHECK(offered.at(5).contains(QStringLiteral("2030")));
        CHECK(offered.at(6).contains(QStringLiteral("sơ kết")));
        CHECK(offered.at(7).contains(QStringLiteral("tổng kết")));
        CHECK_FALSE(view.findChild<Ui::DocumentDialog *>());

        // The choice reaches the report: a review, or one year.
        auto chose = Test::chooseItem(QStringLiteral("tổng kết"));
        CHECK(printOpens(print, QStringLiteral("bao-cao-phong-trao")).endsWith(QStringLiteral("-tong_ket")));
        CHECK(*chose);
        chose = Test::chooseItem(QStringLiteral("2026"));
        CHECK(printOpens(print, QStringLiteral("bao-cao-phong-trao")).endsWith(QStringLiteral("-2026")));
        CHECK(*chose);
    });
}
