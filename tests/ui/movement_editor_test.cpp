#include "core/registry/movementrepository.h"
#include "tests/support/testdatabase.h"
#include "tests/ui/movementstesthelpers.h"
#include "ui/movements/movementeditordialog.h"
#include "ui/widgets/editabletable.h"

#include <catch2/catch.hpp>

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

using namespace VinhDanh;
using Dialog = Ui::MovementEditorDialog;

namespace {

Ui::EditableTable *table(Dialog &dialog, const char *name)
{
    auto *t = dialog.findChild<Ui::EditableTable *>(QLatin1String(name));
    REQUIRE(t);
    return t;
}

QLineEdit *field(Dialog &dialog, const char *name)
{
    auto *edit = dialog.findChild<QLineEdit *>(QLatin1String(name));
    REQUIRE(edit);
    return edit;
}

void clickSave(Dialog &dialog)
{
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
}

void clickAdd(Ui::EditableTable *t)
{
    QTest::mouseClick(t->addButton(), Qt::LeftButton);
}

void showDialog(Dialog &dialog)
{
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
}

} // namespace

TEST_CASE("editorSavesPhasesAndStandards_roundTrip", "[movements]")
{
    Test::TestDatabase t;
    Core::MovementRepository repo(t.db());
    Dialog dialog(t.db(), Core::Movement{});
    showDialog(dialog);

    Test::typeText(field(dialog, "name"), QStringLiteral("Chuyển đổi số phường Lê Đại Hành"));
    Test::typeText(field(dialog, "issuer"), QStringLiteral("Ủy ban nhân dân phường Lê Đại Hành"));
    Test::typeText(field(dialog, "planNumber"), QStringLiteral("45/KH-UBND"));
    dialog.findChild<QCheckBox *>(QStringLiteral("planDated"))->setChecked(true);
    dialog.findChild<QDateEdit *>(QStringLiteral("planDate"))->setDate(QDate(2025, 9, 12));
    dialog.findChild<QSpinBox *>(QStringLiteral("periodFrom"))->setValue(2025);
    dialog.findChild<QSpinBox *>(QStringLiteral("periodTo"))->setValue(2030);

    Ui::EditableTable *phases = table(dialog, "phases");
    clickAdd(phases);
    clickAdd(phases);
    REQUIRE(phases->rowCount() == 2);
    REQUIRE(Test::typeIntoCell(phases, 0, Dialog::PhaseName, QStringLiteral("Giai đoạn 1")));
    REQUIRE(Test::typeIntoCell(phases, 0, Dialog::PhaseFrom, QStringLiteral("2025")));
    REQUIRE(Test::typeIntoCell(phases, 0, Dialog::PhaseTo, QStringLiteral("2027")));
    phases->setCode(0, Dialog::PhaseReview, QStringLiteral("so_ket"));
    REQUIRE(Test::typeIntoCell(phases, 0, Dialog::PhaseReviewYear, QStringLiteral("2027")));
    REQUIRE(Test::typeIntoCell(phases, 1, Dialog::PhaseName, QStringLiteral("Giai đoạn 2")));
    phases->setYear(1, Dialog::PhaseFrom, 2028);
    phases->setYear(1, Dialog::PhaseTo, 2030);
    phases->setCode(1, Dialog::PhaseReview, QStringLiteral("tong_ket"));
    phases->setYear(1, Dialog::PhaseReviewYear, 2030);
    REQUIRE(Test::typeIntoCell(phases, 1, Dialog::PhaseText, QStringLiteral("Tổng kết phong trào")));

    Ui::EditableTable *categories = table(dialog, "categories");
    clickAdd(categories);
    const QString categoryCode = categories->text(0, Dialog::CategoryCode);
    CHECK_FALSE(categoryCode.isEmpty()); // a new category gets a code at once
    REQUIRE(Test::typeIntoCell(categories, 0, Dialog::CategoryName, QStringLiteral("Các tổ dân phố")));
    categories->setCode(0, Dialog::CategoryKind, QStringLiteral("collective"));
    categories->setCodes(0, Dialog::CategoryUnitKinds, {QStringLiteral("department")});

    Ui::EditableTable *awards = table(dialog, "awards");
    clickAdd(awards);
    awards->setCode(0, Dialog::AwardOccasion, QStringLiteral("tong_ket"));
    awards->setCodes(0, Dialog::AwardCodes, {QStringLiteral("GIAYKHEN")});
    REQUIRE(Test::typeIntoCell(awards, 0, Dialog::AwardName, QStringLiteral("Giấy khen của Chủ tịch UBND phường")));
    awards->setCode(0, Dialog::AwardRecipients, QStringLiteral("both"));

    Ui::EditableTable *standards = table(dialog, "standards");
    clickAdd(standards);
    standards->setCodes(0, Dialog::StandardCodes, {QStringLiteral("GIAYKHEN")});
    standards->setCode(0, Dialog::StandardOccasion, QStringLiteral("tong_ket"));
    standards->setCode(0, Dialog::StandardCategory, categoryCode);
    REQUIRE(Test::typeIntoCell(standards, 0, Dialog::StandardHeading, QStringLiteral("a) Đối với tập thể")));
    auto *items = dialog.findChild<QPlainTextEdit *>(QStringLiteral("standardItems"));
    REQUIRE(items->isEnabled());
    Test::typeText(items, QStringLiteral("Nội bộ đoàn kết."));
    QTest::keyClick(items, Qt::Key_Return);
    Test::typeText(items, QStringLiteral("Có mô hình chuyển đổi số hiệu quả."));
    CHECK(standards->text(0, Dialog::StandardItems) == QStringLiteral("2 items"));

    Ui::EditableTable *contents = table(dialog, "contents");
    clickAdd(contents);
    REQUIRE(Test::typeIntoCell(contents, 0, Dialog::ContentNumber, QStringLiteral("1")));
    REQUIRE(Test::typeIntoCell(contents, 0, Dialog::ContentText, QStringLiteral("Thi đua số hóa hồ sơ")));
    Ui::EditableTable *legal = table(dialog, "legalBases");
    clickAdd(legal);
    REQUIRE(Test::typeIntoCell(legal, 0, 0, QStringLiteral("Nghị quyết số 57-NQ/TW")));
    Ui::EditableTable *notes = table(dialog, "notes");
    clickAdd(notes);
    clickAdd(notes); // left blank: not saved
    REQUIRE(Test::typeIntoCell(notes, 0, 0, QStringLiteral("Báo cáo trước 15/12")));

    clickSave(dialog);
    INFO(dialog.problemsText().toStdString());
    REQUIRE(dialog.result() == QDialog::Accepted);
    REQUIRE(dialog.savedId() > 0);

    const std::optional<Core::Movement> m = repo.get(dialog.savedId());
    REQUIRE(m);
    CHECK_FALSE(m->isCatalogue);
    CHECK(m->name == QStringLiteral("Chuyển đổi số phường Lê Đại Hành"));
    CHECK(m->issuer == QStringLiteral("Ủy ban nhân dân phường Lê Đại Hành"));
    CHECK(m->planNumber == QStringLiteral("45/KH-UBND"));
    CHECK(m->planDate == QDate(2025, 9, 12));
    CHECK(m->periodFrom == 2025);
    CHECK(m->periodTo == 2030);
    REQUIRE(m->phases.size() == 2);
    CHECK(m->phases.at(0).ordinal == 1);
    CHECK(m->phases.at(0).name == QStringLiteral("Giai đoạn 1"));
    CHECK(m->phases.at(0).fromYear == 2025);
    CHECK(m->phases.at(0).toYear == 2027);
    CHECK(m->phases.at(0).review == QStringLiteral("so_ket"));
    CHECK(m->phases.at(0).reviewYear == 2027);
    CHECK(m->phases.at(1).ordinal == 2);
    CHECK(m->phases.at(1).review == QStringLiteral("tong_ket"));
    CHECK(m->phases.at(1).text == QStringLiteral("Tổng kết phong trào"));
    REQUIRE(m->categories.size() == 1);
    CHECK(m->categories.at(0).code == categoryCode);
    CHECK(m->categories.at(0).kind == QStringLiteral("collective"));
    CHECK(m->categories.at(0).unitKinds == QStringList{QStringLiteral("department")});
    REQUIRE(m->awards.size() == 1);
    CHECK(m->awards.at(0).awardCodes == QStringList{QStringLiteral("GIAYKHEN")});
    CHECK(m->awards.at(0).name == QStringLiteral("Giấy khen của Chủ tịch UBND phường"));
    REQUIRE(m->standards.size() == 1);
    CHECK(m->standards.at(0).category == categoryCode);
    CHECK(m->standards.at(0).occasion == QStringLiteral("tong_ket"));
    CHECK(m->standards.at(0).heading == QStringLiteral("a) Đối với tập thể"));
    CHECK(m->standards.at(0).items
          == QStringList{QStringLiteral("Nội bộ đoàn kết."), QStringLiteral("Có mô hình chuyển đổi số hiệu quả.")});
    REQUIRE(m->contents.size() == 1);
    CHECK(m->contents.at(0).number == QStringLiteral("1"));
    CHECK(m->legalBases == QStringList{QStringLiteral("Nghị quyết số 57-NQ/TW")});
    CHECK(m->notes == QStringList{QStringLiteral("Báo cáo trước 15/12")});
}

TEST_CASE("editorRefusesEmptyName_showsMessage_savesNothing", "[movements]")
{
    Test::TestDatabase t;
    Core::MovementRepository repo(t.db());
    const int before = int(repo.list().size());
    Dialog dialog(t.db(), Core::Movement{});
    showDialog(dialog);
    CHECK(dialog.problemsText().isEmpty()); // an untouched new form is not an error yet

    clickSave(dialog);
    CHECK(dialog.isVisible());
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.savedId() == 0);
    CHECK(dialog.problemsText().contains(QLatin1String("name"), Qt::CaseInsensitive));
    CHECK(repo.list().size() == before);

    // The message follows the fix as it is typed.
    Test::typeText(field(dialog, "name"), QStringLiteral("Phong trào mới"));
    CHECK(dialog.problemsText().isEmpty());
}

TEST_CASE("editorShowsStandardNamingMissingCategory_andStaysOpen", "[movements]")
{
    Test::TestDatabase t;
    Dialog dialog(t.db(), Core::Movement{});
    showDialog(dialog);
    Test::typeText(field(dialog, "name"), QStringLiteral("Phong trào"));
    Ui::EditableTable *standards = table(dialog, "standards");
    clickAdd(standards);
    REQUIRE(Test::typeIntoCell(standards, 0, Dialog::StandardHeading, QStringLiteral("Tiêu chuẩn")));
    clickSave(dialog);
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.problemsText().contains(QLatin1String("category"), Qt::CaseInsensitive));
}

TEST_CASE("editorLoadsCopiedSeed_andSavesItUnchanged", "[movements]")
{
    // Every list of a real plan goes through the tables and back without loss.
    Test::TestDatabase t;
    Core::MovementRepository repo(t.db());
    const qint64 copyId = repo.copy(repo.idForKey(QStringLiteral("catalogue-002")));
    const Core::Movement before = *repo.get(copyId);
    REQUIRE_FALSE(before.standards.isEmpty());

    Dialog dialog(t.db(), before);
    showDialog(dialog);
    CHECK(field(dialog, "name")->text() == before.name);
    clickSave(dialog);
    INFO(dialog.problemsText().toStdString());
    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK(dialog.savedId() == copyId);

    const Core::Movement after = *repo.get(copyId);
    CHECK(after.key == before.key);
    CHECK(after.copiedFrom == before.copiedFrom);
    CHECK(after.title == before.title);
    CHECK(after.issuer == before.issuer);
    CHECK(after.planNumber == before.planNumber);
    CHECK(after.planDate == before.planDate);
    CHECK(after.signerName == before.signerName);
    CHECK(after.legalBases == before.legalBases);
    CHECK(after.notes == before.notes);
    REQUIRE(after.phases.size() == before.phases.size());
    for (int i = 0; i < after.phases.size(); ++i) {
        CHECK(after.phases.at(i).name == before.phases.at(i).name);
        CHECK(after.phases.at(i).review == before.phases.at(i).review);
        CHECK(after.phases.at(i).reviewYear == before.phases.at(i).reviewYear);
        CHECK(after.phases.at(i).text == before.phases.at(i).text);
    }
    REQUIRE(after.contents.size() == before.contents.size());
    for (int i = 0; i < after.contents.size(); ++i)
        CHECK(after.contents.at(i).text == before.contents.at(i).text);
    REQUIRE(after.categories.size() == before.categories.size());
    for (int i = 0; i < after.categories.size(); ++i) {
        CHECK(after.categories.at(i).code == before.categories.at(i).code);
        CHECK(after.categories.at(i).unitKinds == before.categories.at(i).unitKinds);
        CHECK(after.categories.at(i).personCategories == before.categories.at(i).personCategories);
    }
    REQUIRE(after.awards.size() == before.awards.size());
    for (int i = 0; i < after.awards.size(); ++i) {
        CHECK(after.awards.at(i).awardCodes == before.awards.at(i).awardCodes);
        CHECK(after.awards.at(i).name == before.awards.at(i).name);
        CHECK(after.awards.at(i).recipients == before.awards.at(i).recipients);
    }
    REQUIRE(after.standards.size() == before.standards.size());
    for (int i = 0; i < after.standards.size(); ++i) {
        CHECK(after.standards.at(i).awardCodes == before.standards.at(i).awardCodes);
        CHECK(after.standards.at(i).category == before.standards.at(i).category);
        CHECK(after.standards.at(i).heading == before.standards.at(i).heading);
        CHECK(after.standards.at(i).items == before.standards.at(i).items);
    }
}

TEST_CASE("editorRowButtons_moveAndRemoveRows_savedInNewOrder", "[movements]")
{
    Test::TestDatabase t;
    Dialog dialog(t.db(), Core::Movement{});
    showDialog(dialog);
    Test::typeText(field(dialog, "name"), QStringLiteral("Phong trào"));
    Ui::EditableTable *contents = table(dialog, "contents");
    for (const char *text : {"Một", "Hai", "Ba"}) {
        clickAdd(contents);
        contents->setText(contents->rowCount() - 1, Dialog::ContentText, QString::fromUtf8(text));
    }
    contents->setCurrentRow(2);
    QTest::mouseClick(contents->upButton(), Qt::LeftButton); // Một, Ba, Hai
    CHECK(contents->currentRow() == 1);
    contents->setCurrentRow(0);
    QTest::mouseClick(contents->removeButton(), Qt::LeftButton); // Ba, Hai
    contents->setCurrentRow(0);
    QTest::mouseClick(contents->downButton(), Qt::LeftButton); // Hai, Ba
    CHECK_FALSE(contents->downButton()->isEnabled());          // now on the last row

    clickSave(dialog);
    REQUIRE(dialog.result() == QDialog::Accepted);
    const Core::Movement m = *Core::MovementRepository(t.db()).get(dialog.savedId());
    REQUIRE(m.contents.size() == 2);
    CHECK(m.contents.at(0).text == QStringLiteral("Hai"));
    CHECK(m.contents.at(1).text == QStringLiteral("Ba"));
}

TEST_CASE("editorShowsCoreErrorWithoutClosing_whenMovementWasDeleted", "[movements]")
{
    Test::TestDatabase t;
    Core::MovementRepository repo(t.db());
    const qint64 copyId = repo.copy(repo.idForKey(QStringLiteral("catalogue-000")));
    Dialog dialog(t.db(), *repo.get(copyId));
    showDialog(dialog);
    repo.remove(copyId); // someone else deletes it meanwhile
    clickSave(dialog);
    CHECK(dialog.isVisible());
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.problemsText().contains(QLatin1String("no longer exists")));
}

TEST_CASE("editorOnCatalogueMovement_saysReadOnly_saveDisabled", "[movements]")
{
    Test::TestDatabase t;
    Core::MovementRepository repo(t.db());
    Dialog dialog(t.db(), *repo.get(repo.idForKey(QStringLiteral("catalogue-001"))));
    CHECK_FALSE(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->isEnabled());
    CHECK(dialog.problemsText().contains(QLatin1String("catalogue"), Qt::CaseInsensitive));
}
