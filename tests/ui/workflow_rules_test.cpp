// Issue 13's workflow rules as a clerk meets them in the GUI: sending a dossier with required
// documents missing asks the reason (kept in the history); "Trình Hội đồng" offers the open
// sittings that accept the dossier and asks to confirm a regular-track dossier before a
// movement's sitting; "Fill from the council's result" fills from the dossiers ticked (one
// basis) and shows what it left out; issuing a form whose awarding authority is unconfirmed
// asks the reason and keeps it in the ledger; a nominee for a form the movement does not offer
// at the dossier's occasion waits for a reason.
#include "counciltesthelpers.h"

#include "core/decisions/decisionrepository.h"
#include "core/registry/recordrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/council/councilfilldialog.h"
#include "ui/decisions/awardeesmodel.h"
#include "ui/decisions/decisionpage.h"
#include "ui/decisions/decisionsview.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/nomineedialog.h"
#include "ui/dossiers/subjectpicker.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/widgets/formwidgets.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTreeWidget>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

namespace {
/// A code where a clerk reads words: "to_trinh", "BK_TINH", "needs_review"…
const QRegularExpression kCode(QStringLiteral("[a-z]+_[a-z_]+|[A-Z]+_[A-Z_]+"));

/// An appraised dossier of the regular track: one nominee per (person, form), every one agreed.
qint64 appraisedDossier(Test::CouncilOffice &f, int year, const QList<QPair<qint64, QString>> &nominees)
{
    const qint64 d = f.newDossier(year).id;
    for (const auto &n : nominees)
        f.addPerson(d, n.first, n.second);
    f.attachRequired(d);
    Wf::DossierRepository repo(f.db);
    repo.transition(d, Wf::Transition::Submit);
    repo.transition(d, Wf::Transition::StartAppraisal);
    for (const Wf::Nominee &n : repo.nominees(d))
        repo.appraise(n.id, true, {}, QStringLiteral("Đối chiếu hồ sơ gốc: đủ tiêu chuẩn"));
    repo.transition(d, Wf::Transition::FinishAppraisal);
    return d;
}

/// Answers the next QInputDialog::getItem with the entry containing `text`, keeping every
/// entry it offered in `*offered`.
std::shared_ptr<bool> chooseFrom(const QString &text, std::shared_ptr<QStringList> offered)
{
    return Test::onNextDialog<QInputDialog>([text, offered](QInputDialog *dialog) {
        *offered = dialog->comboBoxItems();
        for (const QString &item : dialog->comboBoxItems()) {
            if (item.contains(text)) {
                dialog->setTextValue(item);
                dialog->accept();
                return;
            }
        }
        dialog->reject();
    });
}

QString historyReasonOf(QTableWidget *history, Wf::Transition t)
{
    for (int row = 0; row < history->rowCount(); ++row)
        if (history->item(row, 2) && history->item(row, 2)->text() == Wf::transitionLabel(t))
            return history->item(row, 4) ? history->item(row, 4)->text() : QString();
    return {};
}
} // namespace

TEST_CASE("submitWithDocumentsMissing_namesThemAndAsksTheReason_theHistoryKeepsIt", "[ui][workflow][rules]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Test::DraftDossier seed = Test::addDraftWithNominee(db, QStringLiteral("Sở Tư pháp"), QStringLiteral("Đinh Thị Lan"));
        Wf::DossierRepository repo(db);
        QStringList missing;
        for (const Wf::RequiredDocument &r : repo.requiredDocuments(seed.dossier))
            if (!r.present)
                missing << r.label;
        REQUIRE(missing.size() >= 3);

        auto *page = new Ui::DossierPage(db, seed.dossier);
        page->show();
        // Cancelled: the dossier stays a draft.
        auto prompt = std::make_shared<QString>();
        const auto cancelled = Test::onNextDialog<Ui::ReasonDialog>([prompt](Ui::ReasonDialog *dialog) {
            for (const QLabel *label : dialog->findChildren<QLabel *>())
                *prompt += label->text();
            CHECK_FALSE(dialog->okButton()->isEnabled()); // no reason, no way on
            dialog->reject();
        });
        page->transitionButton(Wf::Transition::Submit)->click();
        REQUIRE(*cancelled);
        CHECK(repo.dossier(seed.dossier).status == Wf::Status::Draft);
        for (const QString &label : std::as_const(missing))
            CHECK(prompt->contains(label));
        CHECK_FALSE(prompt->contains(kCode));

        const QString reason = QStringLiteral("Báo cáo thành tích bản giấy đã gửi qua văn thư ngày 10/12");
        const auto answered = Test::answerReason<Ui::ReasonDialog>(reason);
        page->transitionButton(Wf::Transition::Submit)->click();
        REQUIRE(*answered);
        CHECK(repo.dossier(seed.dossier).status == Wf::Status::Submitted);
        CHECK(historyReasonOf(page->history(), Wf::Transition::Submit) == reason);
        page->close();

        // Every document attached: sent at once, nothing asked.
        Test::CouncilOffice f(db);
        const Wf::Dossier complete = f.newDossier(2025);
        f.addPerson(complete.id, f.eligiblePerson(2025, QStringLiteral("Vũ Văn Khải")));
        f.attachRequired(complete.id);
        auto *second = new Ui::DossierPage(db, complete.id);
        second->show();
        const auto asked = Test::onNextDialog<Ui::ReasonDialog>([](Ui::ReasonDialog *dialog) { dialog->reject(); }, 300);
        second->transitionButton(Wf::Transition::Submit)->click();
        Test::waitUntil([] { return false; }, 400); // the poller gives up: no dialog came
        CHECK_FALSE(*asked);
        CHECK(repo.dossier(complete.id).status == Wf::Status::Submitted);
        second->close();
    });
}

TEST_CASE("putBeforeCouncil_offersOnlyOpenSittingsThatAcceptTheDossier_andConfirmsARegularOneForAMovement", "[ui][workflow][rules]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        Test::CouncilOffice f(db);
        const qint64 dossier = f.appraised({QStringLiteral("Phan Văn Đức")});
        f.passedSitting(f.appraised({QStringLiteral("Lý Thị Mai")})); // closed: never offered
        const qint64 regular = f.sitting(9, 9, QStringLiteral("Phiên họp thường kỳ quý I"));
        Wf::Sitting ms;
        ms.title = QStringLiteral("Phiên họp xét khen thưởng phong trào");
        ms.heldOn = QDate(2026, 1, 12);
        ms.year = 2025;
        ms.movementId = f.movement();
        const qint64 movementSitting = f.council().save(ms);

        auto *page = new Ui::DossierPage(db, dossier);
        page->show();
        REQUIRE(page->transitionButton(Wf::Transition::PutToCouncil));

        // The movement's sitting, refused at the confirmation: nothing is put before it.
        auto offered = std::make_shared<QStringList>();
        {
            Test::MessageBoxAnswerer boxes({QMessageBox::No});
            const auto chosen = chooseFrom(ms.title, offered);
            page->transitionButton(Wf::Transition::PutToCouncil)->click();
            REQUIRE(*chosen);
            REQUIRE(boxes.texts().size() == 1);
            CHECK(boxes.texts().first().contains(
                QStringLiteral("Put this regular-track dossier before the movement's sitting all the same?")));
        }
        // The two open sittings, then a new sitting of the dossier's own track.
        REQUIRE(offered->size() == 3);
        CHECK(offered->last().startsWith(QStringLiteral("A new sitting for this dossier")));
        QString regularLine, movementLine;
        for (const QString &line : offered->mid(0, 2))
            (line.contains(ms.title) ? movementLine : regularLine) = line;
        // The sitting by its register number, then its title and date.
        CHECK(QRegularExpression(QStringLiteral("^Sitting [0-9]+/20[0-9][0-9]: Phiên họp thường kỳ quý I — held on 10/01/2026"))
                  .match(regularLine)
                  .hasMatch());
        CHECK_FALSE(regularLine.contains(QStringLiteral("confirmation")));
        CHECK(movementLine.contains(QStringLiteral("asks for confirmation")));
        CHECK(f.council().items(movementSitting).isEmpty());
        CHECK(f.dossiers().dossier(dossier).status == Wf::Status::Appraised);

        // Confirmed: its nominee is on the movement's sitting and the dossier before the council.
        {
            Test::MessageBoxAnswerer boxes({QMessageBox::Yes});
            const auto chosen = chooseFrom(ms.title, offered);
            page->transitionButton(Wf::Transition::PutToCouncil)->click();
            REQUIRE(*chosen);
        }
        CHECK(f.council().items(movementSitting).size() == 1);
        CHECK(f.council().items(regular).isEmpty());
        CHECK(f.dossiers().dossier(dossier).status == Wf::Status::BeforeCouncil);
        page->close();
    });
}

TEST_CASE("putBeforeCouncil_withNoOpenSitting_opensOneOfTheDossiersTrack_withTheLastMembers", "[ui][workflow][rules]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        Test::CouncilOffice f(db);
        const qint64 dossier = f.appraised({QStringLiteral("Phan Văn Đức")});
        const qint64 closed = f.passedSitting(f.appraised({QStringLiteral("Lý Thị Mai")})); // closed: never offered
        const int members = int(f.council().session(closed).members.size());

        auto *page = new Ui::DossierPage(db, dossier);
        page->show();
        {
            // No open sitting: the clerk is asked whether to open one, and says yes.
            Test::MessageBoxAnswerer boxes({QMessageBox::Yes});
            page->transitionButton(Wf::Transition::PutToCouncil)->click();
            REQUIRE(boxes.texts().size() == 1);
            CHECK(boxes.texts().first().contains(QStringLiteral("No open council sitting accepts this dossier")));
        }
        const QList<Wf::Sitting> sittings = f.council().sessions();
        REQUIRE(sittings.size() == 2);
        const Wf::Sitting opened = f.council().session(sittings.first().id);
        CHECK(opened.id != closed);
        CHECK(opened.status == Wf::SittingStatus::Open);
        CHECK(opened.heldOn == QDate::currentDate());
        CHECK(opened.members.size() == members);
        CHECK(f.council().items(opened.id).size() == 1);
        CHECK(f.dossiers().dossier(dossier).status == Wf::Status::BeforeCouncil);
        page->close();
    });
}

TEST_CASE("fillFromCouncil_fillsFromTheDossiersTicked_refusesMixedBases_andShowsWhatItLeftOut", "[ui][decisions][rules]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        Test::CouncilOffice f(db);
        f.grassrootsOffice(); // LDTT is this office's to award; BK_TINH goes upward
        const qint64 an = f.eligiblePerson(2025, QStringLiteral("Nguyễn Văn An"));
        const qint64 binh = f.eligiblePerson(2025, QStringLiteral("Trần Văn Bình"));
        const qint64 cuong = f.eligiblePerson(2024, QStringLiteral("Lê Văn Cường"));
        const qint64 of2025 = appraisedDossier(f, 2025, {{an, QStringLiteral("LDTT")}, {binh, QStringLiteral("BK_TINH")}});
        const qint64 of2024 = appraisedDossier(f, 2024, {{cuong, QStringLiteral("LDTT")}});
        const qint64 s = f.sitting(9, 9);
        auto council = f.council();
        council.addDossier(s, of2025);
        council.addDossier(s, of2024);
        for (const Wf::CouncilItem &item : council.items(s))
            council.recordTally(item.id, 9, 0, 0);
        council.close(s);

        Ui::DecisionsView view;
        view.resize(1300, 800);
        view.show();
        view.setDatabase(&db);
        view.newAction()->trigger();
        Ui::DecisionPage *page = view.page();
        auto *date = page->findChild<QLineEdit *>(QStringLiteral("decisionDate"));
        date->selectAll();
        Test::typeText(date, QStringLiteral("15/01/2026"));
        Ui::selectData(page->findChild<QComboBox *>(QStringLiteral("decisionSession")), s);

        QStringList bases;
        const auto picked = Test::onNextDialog<Ui::CouncilFillDialog>([&](Ui::CouncilFillDialog *dialog) {
            QTreeWidget *list = dialog->list();
            REQUIRE(list->topLevelItemCount() == 2);
            for (int i = 0; i < 2; ++i) {
                bases << list->topLevelItem(i)->text(2);
                list->topLevelItem(i)->setCheckState(0, Qt::Checked); // the clerk ticks both
            }
            CHECK_FALSE(dialog->okButton()->isEnabled());
            CHECK(dialog->findChild<QLabel *>(QStringLiteral("fillHint"))->text().contains(QStringLiteral("differ")));
            dialog->setPicked({of2025});
            CHECK(dialog->okButton()->isEnabled());
            dialog->okButton()->click();
        });
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("fillFromCouncil")), Qt::LeftButton);
        REQUIRE(*picked);
        CHECK(bases.contains(QStringLiteral("Regular (annual) track; annual; year 2025")));
        CHECK(bases.contains(QStringLiteral("Regular (annual) track; annual; year 2024")));

        // Only the 2025 dossier's LDTT nominee; its Bằng khen is the province's, said below.
        Ui::AwardeesModel *awardees = page->awardeesModel();
        REQUIRE(awardees->rowCount() == 1);
        CHECK(awardees->awardee(0).personId == an);
        const QString state = page->findChild<QLabel *>(QStringLiteral("decisionState"))->text();
        CHECK(state.startsWith(QStringLiteral("Left out of the list:\nTrần Văn Bình: ")));
        CHECK_FALSE(state.contains(kCode));
    });
}

TEST_CASE("issue_withAFormWhoseAuthorityIsUnconfirmed_asksTheReason_andTheLedgerKeepsIt", "[ui][decisions][rules]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        Test::CouncilOffice f(db);
        const qint64 unit = Test::addUnit(db, QStringLiteral("Phòng Kế hoạch – Tài chính"));
        Wf::DecisionRepository repo(db);
        Wf::Decision d;
        d.issuer = QStringLiteral("UBND tỉnh");
        d.year = 2026;
        d.registerNo = 5;
        d.date = QDate(2026, 1, 15);
        d.title = QStringLiteral("Về việc tặng danh hiệu Tập thể lao động xuất sắc năm 2025");
        d.signer = QStringLiteral("Trần Văn Minh");
        d.signerTitle = QStringLiteral("Chủ tịch");
        const qint64 id = repo.save(d);
        Wf::Awardee a;
        a.unitId = unit;
        a.formCode = QStringLiteral("TTLDXS");
        a.recipient = QStringLiteral("collective");
        repo.addAwardee(id, a);

        Ui::DecisionsView view;
        view.resize(1300, 800);
        view.show();
        view.setDatabase(&db);
        view.openDecision(id);
        Ui::DecisionPage *page = view.page();
        REQUIRE(page->decisionId() == id);

        // Cancelled at the reason: still a draft.
        auto prompt = std::make_shared<QString>();
        {
            Test::MessageBoxAnswerer boxes({QMessageBox::Yes});
            const auto asked = Test::onNextDialog<Ui::ReasonDialog>([prompt](Ui::ReasonDialog *dialog) {
                for (const QLabel *label : dialog->findChildren<QLabel *>())
                    *prompt += label->text();
                dialog->reject();
            });
            QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("issueDecision")), Qt::LeftButton);
            REQUIRE(*asked);
        }
        CHECK(prompt->contains(QStringLiteral("not confirmed")));
        CHECK(prompt->contains(QStringLiteral("Write why decision 5/QĐ-UBND is issued all the same")));
        CHECK_FALSE(prompt->contains(kCode));
        CHECK(repo.decision(id).status == Wf::DecisionStatus::Draft);

        const QString reason = QStringLiteral("Sở Nội vụ xác nhận thẩm quyền bằng công văn 12/SNV");
        {
            Test::MessageBoxAnswerer boxes({QMessageBox::Yes});
            const auto answered = Test::answerReason<Ui::ReasonDialog>(reason);
            QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("issueDecision")), Qt::LeftButton);
            REQUIRE(*answered);
        }
        CHECK(repo.decision(id).status == Wf::DecisionStatus::Issued);
        const QList<Core::AwardRow> ledger = Core::RecordRepository(db).awards(Core::Subject::unit(unit));
        REQUIRE(ledger.size() == 1);
        CHECK(ledger.first().award.formCode == QStringLiteral("TTLDXS"));
        CHECK(ledger.first().award.note.contains(reason));
    });
}

TEST_CASE("nomineeDialog_aFormTheMovementDoesNotOfferAtTheOccasion_blocksUntilAReasonIsTyped", "[ui][workflow][rules]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        Test::CouncilOffice f(db);
        f.eligiblePerson(2025, QStringLiteral("Hà Văn Thịnh"));
        // catalogue-002 offers only Giấy khen for its annual awards: LDTT is not among them.
        const Wf::Dossier dossier = f.newDossier(2025, f.movement(), QStringLiteral("annual"));

        auto *page = new Ui::DossierPage(db, dossier.id);
        page->show();
        const QString reason = QStringLiteral("Đơn vị đề nghị theo kết quả bình xét cuối năm, không theo phong trào.");
        const auto ran = Test::onNextDialog<Ui::NomineeDialog>([&](Ui::NomineeDialog *dialog) {
            Test::typeText(dialog->picker()->filterEdit(), QStringLiteral("ha van thinh"));
            dialog->picker()->applyFilter();
            REQUIRE(Test::waitUntil([&] { return dialog->picker()->subject().personId != 0; }));
            const int row = dialog->formChoice()->findData(QStringLiteral("LDTT"));
            REQUIRE(row > 0);
            dialog->formChoice()->setCurrentIndex(row);
            REQUIRE(Test::waitUntil([&] { return dialog->warningsLabel()->text().contains(QStringLiteral("does not offer")); }));
            CHECK(dialog->needsReason());
            CHECK(dialog->proceedReasonEdit()->isVisible());
            bool prompted = false;
            for (const QLabel *label : dialog->findChildren<QLabel *>())
                prompted |= label->isVisible() && label->text().startsWith(QStringLiteral("The movement does not offer this form"));
            CHECK(prompted);
            QPushButton *ok = Test::okButton(dialog);
            CHECK_FALSE(ok->isEnabled());
            Test::typeText(dialog->proceedReasonEdit(), reason);
            CHECK(ok->isEnabled());
            ok->click();
        });
        page->findChild<QPushButton *>(QStringLiteral("addNominee"))->click();
        REQUIRE(*ran);
        const QList<Wf::Nominee> stored = f.dossiers().nominees(dossier.id);
        REQUIRE(stored.size() == 1);
        CHECK(stored.first().proceedReason == reason);
        page->close();
    });
}
