// The unit form, driven as a clerk would: type, choose, press OK.
#include "uitesthelpers.h"

#include "core/registry/unitrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/registry/unitdialog.h"
#include "ui/widgets/formwidgets.h"

#include <catch2/catch.hpp>

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace VinhDanh;

namespace {
void clickOk(QDialog &dialog)
{
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    REQUIRE(ok);
    QTest::mouseClick(ok, Qt::LeftButton);
}

// The completer's popup opens while typing; a real clerk closes it by choosing or pressing
// Escape. Left open, it would swallow the click on OK (a click outside a popup closes it).
void closeCompleter(Ui::UnitPicker *picker)
{
    if (picker->completer()->popup()->isVisible())
        QTest::keyClick(picker->completer()->popup(), Qt::Key_Escape);
}

void chooseKind(QDialog &dialog, const QString &code)
{
    auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("kind"));
    REQUIRE(kind);
    const int row = kind->findData(code);
    REQUIRE(row > 0);
    kind->setCurrentIndex(row);
}
} // namespace

TEST_CASE("unitForm_typedNameAndKind_savesUnitInRepository", "[ui][unitdialog]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Ui::UnitDialog dialog(db);
    dialog.show();
    Test::typeText(dialog.findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("Sở Nội vụ"));
    chooseKind(dialog, QStringLiteral("provincial_agency"));
    Test::typeText(dialog.findChild<QLineEdit *>(QStringLiteral("validFrom")), QStringLiteral("1/7/2025"));
    clickOk(dialog);

    CHECK(dialog.problemText().isEmpty());
    REQUIRE(dialog.result() == QDialog::Accepted);
    REQUIRE(dialog.unitId() > 0);
    const std::optional<Core::Unit> saved = Core::UnitRepository(db).get(dialog.unitId());
    REQUIRE(saved);
    CHECK(saved->name == QStringLiteral("Sở Nội vụ"));
    CHECK(saved->kind == QStringLiteral("provincial_agency"));
    CHECK(saved->validFrom == QDate(2025, 7, 1));
    CHECK_FALSE(saved->validTo.isValid()); // left empty = no date
}

TEST_CASE("unitForm_emptyName_refusedWithMessage_savesNothing", "[ui][unitdialog]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Ui::UnitDialog dialog(db);
    dialog.show();
    chooseKind(dialog, QStringLiteral("commune_ward"));
    clickOk(dialog);

    CHECK(dialog.isVisible()); // still open: nothing typed is lost
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.problemText().contains(QStringLiteral("The unit name is required.")));
    CHECK(Core::UnitRepository(db).count() == 0);
}

TEST_CASE("unitForm_unreadableDate_refusedNamingTheField", "[ui][unitdialog]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Ui::UnitDialog dialog(db);
    dialog.show();
    Test::typeText(dialog.findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("Phường Ba Đình"));
    chooseKind(dialog, QStringLiteral("commune_ward"));
    Test::typeText(dialog.findChild<QLineEdit *>(QStringLiteral("validTo")), QStringLiteral("31/02/2025"));
    clickOk(dialog);

    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.problemText().contains(QStringLiteral("Valid to")));
    CHECK(dialog.problemText().contains(QStringLiteral("31/02/2025")));
    CHECK(Core::UnitRepository(db).count() == 0);
}

TEST_CASE("unitForm_parentTypedWithoutAccents_savesUnderThatParent", "[ui][unitdialog]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 parent = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    Test::addUnit(db, QStringLiteral("Sở Tài chính"));

    Ui::UnitDialog dialog(db);
    dialog.show();
    Test::typeText(dialog.findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("Phòng Thi đua"));
    chooseKind(dialog, QStringLiteral("department"));
    auto *picker = dialog.findChild<Ui::UnitPicker *>(QStringLiteral("parent"));
    REQUIRE(picker);
    picker->lineEdit()->clear();
    QTest::keyClicks(picker->lineEdit(), QStringLiteral("SO NOI VU"));
    CHECK(picker->unitId() == parent);
    closeCompleter(picker);
    clickOk(dialog);

    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK(Core::UnitRepository(db).get(dialog.unitId())->parentId == parent);
}

TEST_CASE("unitForm_unknownParentName_refusedSavesNothing", "[ui][unitdialog]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    Ui::UnitDialog dialog(db);
    dialog.show();
    Test::typeText(dialog.findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("Phòng Tổ chức"));
    chooseKind(dialog, QStringLiteral("department"));
    auto *picker = dialog.findChild<Ui::UnitPicker *>(QStringLiteral("parent"));
    picker->lineEdit()->clear();
    QTest::keyClicks(picker->lineEdit(), QStringLiteral("So Khong Co"));
    closeCompleter(picker);
    clickOk(dialog);

    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.problemText().contains(QStringLiteral("So Khong Co")));
    CHECK(Core::UnitRepository(db).count() == 1);
}

TEST_CASE("unitForm_editingExistingUnit_keepsIdAndUpdatesName", "[ui][unitdialog]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 id = Test::addUnit(db, QStringLiteral("UBND xã Cũ"), 0, QStringLiteral("commune_ward"));
    Ui::UnitDialog dialog(db, id);
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("name"));
    CHECK(name->text() == QStringLiteral("UBND xã Cũ"));
    name->clear();
    Test::typeText(name, QStringLiteral("UBND xã Mới"));
    clickOk(dialog);

    REQUIRE(dialog.result() == QDialog::Accepted);
    CHECK(dialog.unitId() == id);
    CHECK(Core::UnitRepository(db).count() == 1);
    CHECK(Core::UnitRepository(db).name(id) == QStringLiteral("UBND xã Mới"));
}
