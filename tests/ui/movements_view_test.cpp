#include "core/registry/movementrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "core/text/vntext.h"
#include "tests/support/testdatabase.h"
#include "tests/ui/movementstesthelpers.h"
#include "ui/movements/movementeditordialog.h"
#include "ui/movements/movementlistmodel.h"
#include "ui/movements/movementsview.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTextBrowser>

using namespace VinhDanh;

namespace {

Ui::MovementListModel *listModel(Ui::MovementsView &view)
{
    return qobject_cast<Ui::MovementListModel *>(view.findChild<QTableView *>(QStringLiteral("movementList"))->model());
}

QString detailsText(Ui::MovementsView &view)
{
    return view.findChild<QTextBrowser *>(QStringLiteral("movementDetails"))->toPlainText();
}

qint64 idOf(Core::Database &db, const char *key)
{
    return Core::MovementRepository(db).idForKey(QLatin1String(key));
}

/// A unit and an award in the ledger that refers to the movement.
void addAwardFor(Core::Database &db, qint64 movementId)
{
    Core::Unit unit;
    unit.name = QStringLiteral("Sở Khoa học và Công nghệ");
    unit.kind = QStringLiteral("provincial_agency");
    Core::UnitRepository(db).save(unit);
    Core::Award award;
    award.subject = Core::Subject::unit(unit.id);
    award.formCode = QStringLiteral("BK_TINH");
    award.kind = QStringLiteral("theo_dot");
    award.year = 2026;
    award.movementId = movementId;
    Core::RecordRepository(db).saveAward(award);
}

} // namespace

TEST_CASE("catalogueListedFirst_markedAsCatalogue_ownAfter", "[movements]")
{
    Test::TestDatabase t;
    Core::Movement own;
    own.name = QStringLiteral("Thi đua chuyển đổi số của phường");
    own.periodFrom = own.periodTo = 2026;
    Core::MovementRepository(t.db()).save(own);

    Ui::MovementsView view;
    view.setDatabase(&t.db());
    Ui::MovementListModel *model = listModel(view);
    REQUIRE(model->rowCount() == 6);
    for (int row = 0; row < 5; ++row) {
        CHECK(model->summary(row).isCatalogue);
        CHECK(model->summary(row).key.startsWith(QLatin1String("catalogue-")));
        const QModelIndex source = model->index(row, Ui::MovementListModel::SourceColumn);
        CHECK(source.data().toString() == QStringLiteral("Catalogue"));
        CHECK(source.data(Qt::FontRole).value<QFont>().bold());
    }
    CHECK_FALSE(model->summary(5).isCatalogue);
    CHECK(model->summary(5).name == own.name);
    CHECK(model->index(5, Ui::MovementListModel::SourceColumn).data().toString() == QStringLiteral("Own"));
    CHECK_FALSE(model->index(5, Ui::MovementListModel::SourceColumn).data(Qt::FontRole).value<QFont>().bold());
    CHECK(model->index(5, Ui::MovementListModel::PlanNumberColumn).data().toString() == QStringLiteral("not numbered"));
}

TEST_CASE("listModel_passesModelTester_throughReloadsAndFilters", "[movements]")
{
    Test::TestDatabase t;
    Ui::MovementListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 0);
    model.setDatabase(&t.db());
    model.reload();
    CHECK(model.rowCount() == 5);
    model.setFilter(QStringLiteral("hà tĩnh"));
    model.reload();
    CHECK(model.rowCount() == 1);
    model.setFilter(QStringLiteral("no such movement"));
    model.reload();
    CHECK(model.rowCount() == 0);
    model.setFilter({});
    Core::MovementRepository(t.db()).copy(idOf(t.db(), "catalogue-002"));
    model.reload();
    CHECK(model.rowCount() == 6);
    CHECK(model.index(0, 0).data(Ui::MovementListModel::IsCatalogueRole).toBool());
    CHECK(model.index(5, 0).data(Ui::MovementListModel::IdRole).toLongLong() == model.summary(5).id);
    model.setDatabase(nullptr);
    model.reload();
    CHECK(model.rowCount() == 0);
}

TEST_CASE("editButtonDisabledForCatalogueMovement_enabledForOwn", "[movements]")
{
    Test::TestDatabase t;
    const qint64 copyId = Core::MovementRepository(t.db()).copy(idOf(t.db(), "catalogue-001"));
    Ui::MovementsView view;
    view.setDatabase(&t.db());

    view.selectMovement(idOf(t.db(), "catalogue-001"));
    CHECK_FALSE(view.editAction()->isEnabled());
    CHECK(view.editAction()->toolTip().contains(QLatin1String("copy"), Qt::CaseInsensitive));
    CHECK_FALSE(view.deleteAction()->isEnabled());
    CHECK(view.copyAction()->isEnabled());

    view.selectMovement(copyId);
    CHECK(view.currentId() == copyId);
    CHECK(view.editAction()->isEnabled());
    CHECK(view.deleteAction()->isEnabled());
    CHECK_FALSE(view.editAction()->toolTip().contains(QLatin1String("copy"), Qt::CaseInsensitive));

    view.setDatabase(nullptr);
    CHECK_FALSE(view.newAction()->isEnabled());
    CHECK_FALSE(view.copyAction()->isEnabled());
    CHECK_FALSE(view.editAction()->isEnabled());
}

TEST_CASE("copyFromCatalogue_createsEditableMovement_catalogueUnchanged", "[movements]")
{
    Test::TestDatabase t;
    Core::MovementRepository repo(t.db());
    const qint64 catalogueId = idOf(t.db(), "catalogue-001");
    const Core::Movement before = *repo.get(catalogueId);

    Ui::MovementsView view;
    view.setDatabase(&t.db());
    view.selectMovement(catalogueId);
    view.copyAction()->trigger();

    const qint64 copyId = view.currentId();
    REQUIRE(copyId > 0);
    CHECK(copyId != catalogueId);
    CHECK(listModel(view)->rowCount() == 6);
    CHECK(view.editAction()->isEnabled());

    const std::optional<Core::Movement> copy = repo.get(copyId);
    REQUIRE(copy);
    CHECK_FALSE(copy->isCatalogue);
    CHECK(copy->copiedFrom == QStringLiteral("catalogue-001"));
    CHECK(copy->name.contains(before.name));
    CHECK(copy->standards.size() == before.standards.size());

    // The copy can be saved; the catalogue movement itself stays as it was.
    Core::Movement changed = *copy;
    changed.name = QStringLiteral("Chuyển đổi số năm 2027");
    repo.save(changed);
    const Core::Movement after = *repo.get(catalogueId);
    CHECK(after.isCatalogue);
    CHECK(after.name == before.name);
    CHECK(after.standards.size() == before.standards.size());
    CHECK(after.phases.size() == before.phases.size());
}

TEST_CASE("filterIgnoresDiacritics_findsThanhHoa", "[movements]")
{
    Test::TestDatabase t;
    Ui::MovementsView view;
    view.setDatabase(&t.db());
    auto *filter = view.findChild<QLineEdit *>(QStringLiteral("movementFilter"));
    REQUIRE(filter);

    QTest::keyClicks(filter, QStringLiteral("thanh hoa"));
    Ui::MovementListModel *model = listModel(view);
    REQUIRE(model->rowCount() == 1);
    CHECK(model->summary(0).key == QStringLiteral("catalogue-002"));
    CHECK(Core::Text::fold(model->summary(0).issuer).contains(QLatin1String("thanh hoa")));
    // The match is shown at once in the detail pane.
    CHECK(view.currentId() == model->summary(0).id);
    CHECK(detailsText(view).contains(QStringLiteral("Thanh Hóa")));

    filter->setText(QStringLiteral("THANH HÓA"));
    CHECK(model->rowCount() == 1);

    filter->setText(QStringLiteral("zzz không có"));
    CHECK(model->rowCount() == 0);
    CHECK(view.currentId() == 0);
    CHECK(detailsText(view).isEmpty());
    CHECK_FALSE(view.copyAction()->isEnabled());

    filter->clear();
    CHECK(model->rowCount() == 5);
}

TEST_CASE("detailPaneShowsSelectedMovement_withItsStandards", "[movements]")
{
    Test::TestDatabase t;
    Ui::MovementsView view;
    view.setDatabase(&t.db());
    view.selectMovement(idOf(t.db(), "catalogue-001"));
    const QString text = detailsText(view);
    CHECK(text.contains(QStringLiteral("Đối với doanh nghiệp")));
    CHECK(text.contains(QStringLiteral("Catalogue movement")));
    view.selectMovement(idOf(t.db(), "catalogue-003"));
    CHECK(detailsText(view).contains(QStringLiteral("Hà Tĩnh")));
}

TEST_CASE("deleteAsksFirst_noKeeps_yesRemovesOwnMovement", "[movements]")
{
    Test::TestDatabase t;
    Core::MovementRepository repo(t.db());
    const qint64 copyId = repo.copy(idOf(t.db(), "catalogue-004"));
    Ui::MovementsView view;
    view.setDatabase(&t.db());
    view.selectMovement(copyId);

    {
        Test::MessageBoxAnswerer answer({QMessageBox::No});
        view.deleteAction()->trigger();
        CHECK(answer.texts().size() == 1);
        CHECK(answer.texts().value(0).contains(QLatin1String("Delete the movement")));
    }
    CHECK(repo.get(copyId).has_value());

    {
        Test::MessageBoxAnswerer answer({QMessageBox::Yes});
        view.deleteAction()->trigger();
        CHECK(answer.texts().size() == 1);
    }
    CHECK_FALSE(repo.get(copyId).has_value());
    CHECK(listModel(view)->rowCount() == 5);
}

TEST_CASE("deleteRefusedWhenAwardsReferToIt_showsReason_keepsMovement", "[movements]")
{
    Test::TestDatabase t;
    Core::MovementRepository repo(t.db());
    const qint64 copyId = repo.copy(idOf(t.db(), "catalogue-001"));
    addAwardFor(t.db(), copyId);
    Ui::MovementsView view;
    view.setDatabase(&t.db());
    view.selectMovement(copyId);

    Test::MessageBoxAnswerer answer({QMessageBox::Yes, QMessageBox::Ok});
    view.deleteAction()->trigger();
    REQUIRE(answer.texts().size() == 2);
    CHECK(answer.texts().at(1).contains(QLatin1String("award"), Qt::CaseInsensitive));
    CHECK(repo.get(copyId).has_value());
    CHECK(view.currentId() == copyId);
    CHECK(view.findChild<QLabel *>(QStringLiteral("movementStatus"))->text() == answer.texts().at(1));
}

TEST_CASE("editOwnMovement_throughEditor_updatesListAndDetails", "[movements]")
{
    Test::TestDatabase t;
    Core::MovementRepository repo(t.db());
    const qint64 copyId = repo.copy(idOf(t.db(), "catalogue-001"));
    Ui::MovementsView view;
    view.setDatabase(&t.db());
    view.selectMovement(copyId);

    bool shown = false;
    Test::whenShown<Ui::MovementEditorDialog>([&shown](Ui::MovementEditorDialog *dialog) {
        shown = true;
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("name"));
        name->selectAll();
        Test::typeText(name, QStringLiteral("Chuyển đổi số phường 2027"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    });
    view.editAction()->trigger();
    REQUIRE(shown);
    CHECK(repo.get(copyId)->name == QStringLiteral("Chuyển đổi số phường 2027"));
    CHECK(view.currentId() == copyId);
    Ui::MovementListModel *model = listModel(view);
    CHECK(model->summary(model->rowForId(copyId)).name == QStringLiteral("Chuyển đổi số phường 2027"));
    CHECK(detailsText(view).contains(QStringLiteral("Chuyển đổi số phường 2027")));
}

TEST_CASE("newMovement_throughEditor_appearsSelectedInList", "[movements]")
{
    Test::TestDatabase t;
    Ui::MovementsView view;
    view.setDatabase(&t.db());

    Test::whenShown<Ui::MovementEditorDialog>([](Ui::MovementEditorDialog *dialog) {
        Test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("Thi đua dân vận khéo"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    });
    view.newAction()->trigger();
    Ui::MovementListModel *model = listModel(view);
    REQUIRE(model->rowCount() == 6);
    CHECK(model->summary(5).name == QStringLiteral("Thi đua dân vận khéo"));
    CHECK(view.currentId() == model->summary(5).id);
}
