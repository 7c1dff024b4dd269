// Decisions driven through their page: the next register number and the warning on a number
// already used, filling the list from a sitting's result, issuing (the ledger is written and
// the page turns read-only), a refusal shown with its reason, and an amending decision.
#include "counciltesthelpers.h"

#include "core/decisions/decisionrepository.h"
#include "core/domain/codes.h"
#include "core/registry/recordrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/decisions/awardeesmodel.h"
#include "ui/decisions/decisionlistmodel.h"
#include "ui/decisions/decisionpage.h"
#include "ui/decisions/decisionsview.h"
#include "ui/widgets/formwidgets.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
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

void typeInto(QWidget *page, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(page, name);
    edit->selectAll();
    Test::typeText(edit, text);
}

/// A stored draft of the office's register with this number.
qint64 draftNumbered(Core::Database &db, int registerNo, const QString &title)
{
    Wf::Decision d;
    d.issuer = QStringLiteral("UBND tỉnh");
    d.year = QDate::currentDate().year(); // a new decision's register is this year's
    d.registerNo = registerNo;
    d.date = QDate(2026, 1, 5);
    d.title = title;
    return Wf::DecisionRepository(db).save(d);
}

/// Fills the header of the new draft shown on the page: date, title, signer; the sitting.
void fillHeader(Ui::DecisionPage *page, qint64 sessionId, bool withSigner = true)
{
    typeInto(page, "decisionDate", QStringLiteral("15/01/2026"));
    typeInto(page, "decisionTitle", QStringLiteral("Về việc tặng danh hiệu Lao động tiên tiến năm 2025"));
    if (withSigner) {
        typeInto(page, "signer", QStringLiteral("Trần Văn Minh"));
        typeInto(page, "signerTitle", QStringLiteral("Phó Chủ tịch"));
        Ui::selectData(child<QComboBox>(page, "authority"), QStringLiteral("KT"));
    }
    Ui::selectData(child<QComboBox>(page, "decisionSession"), sessionId);
}
} // namespace

TEST_CASE("newDecision_showsTheNextNumber_andWarnsWhenTheNumberIsInUse", "[ui][decisions]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    draftNumbered(db, 123, QStringLiteral("Về việc khen thưởng đột xuất"));

    Ui::DecisionsView view;
    view.show();
    view.setDatabase(&db);
    CHECK(view.model()->rowCount() == 1);
    view.newAction()->trigger();
    REQUIRE(view.isPageShown());
    Ui::DecisionPage *page = view.page();
    CHECK(child<QLineEdit>(page, "issuer")->text() == QStringLiteral("UBND tỉnh"));
    CHECK(child<QSpinBox>(page, "registerNo")->value() == 124);
    CHECK(page->numberText() == QStringLiteral("124/QĐ-UBND"));
    CHECK(page->numberWarning().isEmpty());

    child<QSpinBox>(page, "registerNo")->setValue(123);
    CHECK(page->numberText() == QStringLiteral("123/QĐ-UBND"));
    CHECK(page->numberWarning().contains(QStringLiteral("draft decision 123/QĐ-UBND")));
    CHECK(page->numberWarning().contains(QStringLiteral("Về việc khen thưởng đột xuất")));

    // Another register has its own numbers.
    typeInto(page, "issuer", QStringLiteral("Sở Nội vụ"));
    CHECK(page->numberWarning().isEmpty());
}

// The header a new decision starts from is core's (DecisionRepository::draftDefaults, which the
// CLI's "decision new" takes too), and the signing authorities are core's vocabulary.
TEST_CASE("newDecision_startsFromCoresDefaults_andOffersTheSigningAuthoritiesOfTheCodes", "[ui][decisions]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 earlier = draftNumbered(db, 40, QStringLiteral("Về việc khen thưởng đột xuất"));
    Wf::Decision signedBefore = Wf::DecisionRepository(db).decision(earlier);
    signedBefore.signer = QStringLiteral("Trần Thị Mới");
    signedBefore.signerTitle = QStringLiteral("Phó Chủ tịch");
    signedBefore.authority = QStringLiteral("KT");
    Wf::DecisionRepository(db).save(signedBefore);
    const Wf::Decision defaults = Wf::DecisionRepository(db).draftDefaults(QDate::currentDate());

    Ui::DecisionsView view;
    view.show();
    view.setDatabase(&db);
    view.newAction()->trigger();
    REQUIRE(view.isPageShown());
    Ui::DecisionPage *page = view.page();
    CHECK(child<QLineEdit>(page, "issuer")->text() == defaults.issuer);
    CHECK(child<QSpinBox>(page, "registerNo")->value() == defaults.registerNo);
    CHECK(child<QLineEdit>(page, "signer")->text() == defaults.signer);
    CHECK(child<QLineEdit>(page, "signerTitle")->text() == defaults.signerTitle);
    CHECK(defaults.signer == QStringLiteral("Trần Thị Mới")); // the register's latest signer signs the next one

    auto *authority = child<QComboBox>(page, "authority");
    CHECK(authority->currentData().toString() == defaults.authority);
    const QList<Core::Codes::Authority> all = Core::Codes::authorities();
    REQUIRE(authority->count() == all.size());
    for (int i = 0; i < all.size(); ++i) {
        CHECK(authority->itemData(i).toString() == Core::Codes::authorityCode(all.at(i)));
        CHECK(authority->itemText(i) == Core::Codes::authorityLabel(all.at(i)));
        CHECK(authority->itemData(i, Qt::ToolTipRole).toString() == Core::Codes::authorityToolTip(all.at(i)));
    }
}

TEST_CASE("fillFromCouncilAndIssue_writesTheLedger_pageTurnsReadOnly_andOffersAnAmendment", "[ui][decisions]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        Test::CouncilOffice f(db);
        f.grassrootsOffice();
        const qint64 d = f.appraised({QStringLiteral("Nguyễn Văn An"), QStringLiteral("Lê Thị Hoa")});
        const qint64 s = f.passedSitting(d);

        Ui::DecisionsView view;
        view.resize(1300, 800);
        view.show();
        view.setDatabase(&db);
        view.newAction()->trigger();
        Ui::DecisionPage *page = view.page();
        CHECK(page->numberText() == QStringLiteral("1/QĐ-UBND"));
        fillHeader(page, s);
        const auto picked1 = Test::acceptFill();
        QTest::mouseClick(child<QPushButton>(page, "fillFromCouncil"), Qt::LeftButton);
        REQUIRE(*picked1);
        REQUIRE(page->decisionId() > 0);
        Ui::AwardeesModel *awardees = page->awardeesModel();
        REQUIRE(awardees->rowCount() == 2);
        CHECK(awardees->index(0, Ui::AwardeesModel::NameColumn).data().toString() == QStringLiteral("Nguyễn Văn An"));
        // LDTT: 0,3 × 2.340.000 = 702.000, rounded up to the next 10.000.
        CHECK(awardees->index(0, Ui::AwardeesModel::CoefficientColumn).data().toString() == QStringLiteral("0,3"));
        CHECK(awardees->index(0, Ui::AwardeesModel::AmountColumn).data().toString() == QStringLiteral("710.000"));
        CHECK(page->totalText() == QStringLiteral("Total: 1.420.000 VND"));

        {
            Test::MessageBoxAnswerer boxes({QMessageBox::Yes});
            QTest::mouseClick(child<QPushButton>(page, "issueDecision"), Qt::LeftButton);
            REQUIRE(boxes.texts().size() == 1);
            CHECK(boxes.texts().first().startsWith(QStringLiteral("Issue decision 1/QĐ-UBND dated 15/01/2026 with 2 awardees?")));
        }
        const Wf::Decision issued = Wf::DecisionRepository(db).decision(page->decisionId());
        CHECK(issued.status == Wf::DecisionStatus::Issued);
        for (const Wf::Awardee &a : Wf::DecisionRepository(db).awardees(issued.id)) {
            const QList<Core::AwardRow> ledger = Core::RecordRepository(db).awards(Core::Subject::person(a.personId));
            REQUIRE(ledger.size() == 1);
            CHECK(ledger.first().award.formCode == QStringLiteral("LDTT"));
            CHECK(ledger.first().award.decisionNo == QStringLiteral("1/QĐ-UBND"));
            CHECK(ledger.first().award.decisionDate == QDate(2026, 1, 15));
        }

        CHECK(page->isReadOnly());
        CHECK(child<QLineEdit>(page, "decisionTitle")->isReadOnly());
        CHECK_FALSE(child<QPushButton>(page, "issueDecision")->isVisible());
        CHECK_FALSE(child<QPushButton>(page, "fillFromCouncil")->isVisible());
        REQUIRE(child<QPushButton>(page, "amendDecision")->isVisible());
        const QModelIndex row = view.model()->index(0, Ui::DecisionListModel::StatusColumn);
        CHECK(row.data().toString() == QStringLiteral("Issued"));
        CHECK(view.model()->index(0, Ui::DecisionListModel::TotalColumn).data().toString() == QStringLiteral("1.420.000"));
        CHECK(view.model()->index(0, Ui::DecisionListModel::SignerColumn).data().toString()
              == QStringLiteral("KT. Phó Chủ tịch Trần Văn Minh"));

        // The amendment starts from the issued decision and points back to it.
        QTest::mouseClick(child<QPushButton>(page, "amendDecision"), Qt::LeftButton);
        CHECK_FALSE(page->isReadOnly());
        CHECK(page->decisionId() == 0);
        CHECK(page->numberText() == QStringLiteral("2/QĐ-UBND"));
        CHECK(child<QLabel>(page, "amends")->text() == QStringLiteral("Amends decision 1/QĐ-UBND of 15/01/2026."));
        CHECK(child<QLineEdit>(page, "signer")->text() == QStringLiteral("Trần Văn Minh"));
        QTest::mouseClick(child<QPushButton>(page, "saveDecision"), Qt::LeftButton);
        REQUIRE(page->decisionId() > 0);
        CHECK(Wf::DecisionRepository(db).decision(page->decisionId()).amendsId == issued.id);
    });
}

TEST_CASE("issue_refusedWithoutASigner_orUnderANumberAlreadyIssued_showsTheReason", "[ui][decisions]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::CouncilOffice f(db);
    f.grassrootsOffice();
    const qint64 s = f.passedSitting(f.appraised({QStringLiteral("Hoàng Văn Nam")}));
    const qint64 s2 = f.passedSitting(f.appraised({QStringLiteral("Bùi Thị Thu")}));

    Ui::DecisionsView view;
    view.show();
    view.setDatabase(&db);
    view.newAction()->trigger();
    Ui::DecisionPage *page = view.page();
    fillHeader(page, s, false);
    const auto picked2 = Test::acceptFill();
    QTest::mouseClick(child<QPushButton>(page, "fillFromCouncil"), Qt::LeftButton);
    REQUIRE(*picked2);
    {
        Test::MessageBoxAnswerer boxes({QMessageBox::Yes});
        QTest::mouseClick(child<QPushButton>(page, "issueDecision"), Qt::LeftButton);
        REQUIRE(boxes.texts().size() == 2);
        CHECK(boxes.texts().at(1) == QStringLiteral("Enter who signs decision 1/QĐ-UBND before issuing it."));
    }
    CHECK_FALSE(page->isReadOnly());
    typeInto(page, "signer", QStringLiteral("Trần Văn Minh"));
    {
        Test::MessageBoxAnswerer boxes({QMessageBox::Yes});
        QTest::mouseClick(child<QPushButton>(page, "issueDecision"), Qt::LeftButton);
    }
    REQUIRE(page->isReadOnly());

    // A second draft given the number just issued: warned, and refused on issue.
    view.showList();
    view.newAction()->trigger();
    CHECK(page->numberText() == QStringLiteral("2/QĐ-UBND"));
    child<QSpinBox>(page, "registerNo")->setValue(1);
    CHECK(page->numberWarning().contains(QStringLiteral("decision 1/QĐ-UBND of 15/01/2026, issued")));
    fillHeader(page, s2);
    const auto picked3 = Test::acceptFill();
    QTest::mouseClick(child<QPushButton>(page, "fillFromCouncil"), Qt::LeftButton);
    REQUIRE(*picked3);
    REQUIRE(page->awardeesModel()->rowCount() == 1);
    {
        Test::MessageBoxAnswerer boxes({QMessageBox::Yes});
        QTest::mouseClick(child<QPushButton>(page, "issueDecision"), Qt::LeftButton);
        REQUIRE(boxes.texts().size() == 2);
        CHECK(boxes.texts().at(1).startsWith(QStringLiteral("Number 1 of the")));
    }
    CHECK(Wf::DecisionRepository(db).decision(page->decisionId()).status == Wf::DecisionStatus::Draft);
}

TEST_CASE("decisionAndAwardeeModels_passTheModelTester", "[ui][decisions]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::CouncilOffice f(db);
    f.grassrootsOffice();
    const qint64 s = f.passedSitting(f.appraised({QStringLiteral("Ngô Văn Lợi"), QStringLiteral("Mai Thị Lụa")}));
    Wf::DecisionRepository repo(db);
    const qint64 id = draftNumbered(db, 7, QStringLiteral("Về việc tặng danh hiệu"));

    Test::ModelTestLog log;
    Ui::DecisionListModel list;
    QAbstractItemModelTester listTester(&list, QAbstractItemModelTester::FailureReportingMode::Warning);
    list.setDatabase(&db);
    list.reload();
    CHECK(list.rowCount() == 1);
    CHECK(list.index(0, Ui::DecisionListModel::DateColumn).data().toString() == QStringLiteral("05/01/2026"));

    Ui::AwardeesModel awardees;
    QAbstractItemModelTester awardeesTester(&awardees, QAbstractItemModelTester::FailureReportingMode::Warning);
    awardees.load(&db, id);
    CHECK(awardees.rowCount() == 0);
    repo.fillFromCouncil(id, s);
    repo.price(id);
    awardees.load(&db, id);
    CHECK(awardees.rowCount() == 2);
    CHECK(awardees.total() == 1420000);
    list.reload();
    CHECK(list.index(0, Ui::DecisionListModel::AwardeesColumn).data().toInt() == 2);
    awardees.load(nullptr, 0);
    list.setDatabase(nullptr);
    list.reload();
    CHECK(log.messages().isEmpty());
}
