// The person form: validation inline, saving through the repository, duplicate CCCD refused.
#include "uitesthelpers.h"

#include "core/registry/personrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/registry/persondialog.h"
#include "ui/widgets/formwidgets.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace VinhDanh;

namespace {
/// Fills the form with a valid person of `unitId`; the caller changes what the case is about.
void fill(Ui::PersonDialog &dialog, const QString &name, qint64 unitId, const QString &cccd)
{
    Test::typeText(dialog.findChild<QLineEdit *>(QStringLiteral("fullName")), name);
    dialog.findChild<Ui::UnitPicker *>(QStringLiteral("unit"))->setUnitId(unitId);
    auto *category = dialog.findChild<QComboBox *>(QStringLiteral("category"));
    category->setCurrentIndex(category->findData(QStringLiteral("vien_chuc")));
    auto *gender = dialog.findChild<QComboBox *>(QStringLiteral("gender"));
    gender->setCurrentIndex(gender->findData(QStringLiteral("female")));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("cccd")), cccd);
}

void clickOk(QDialog &dialog)
{
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
}
} // namespace

TEST_CASE("personForm_validPerson_savedWithPersonalData", "[ui][persondialog]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Trường THPT Chu Văn An"));
    Ui::PersonDialog dialog(db);
    dialog.show();
    fill(dialog, QStringLiteral("Nguyễn Thị Hồng Nhung"), unit, QStringLiteral("001190012345"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("birthDate")), QStringLiteral("05.03.1990"));
    clickOk(dialog);

    CHECK(dialog.problemText().isEmpty());
    REQUIRE(dialog.result() == QDialog::Accepted);
    const std::optional<Core::Person> saved = Core::PersonRepository(db).get(dialog.personId());
    REQUIRE(saved);
    CHECK(saved->fullName == QStringLiteral("Nguyễn Thị Hồng Nhung"));
    CHECK(saved->unitId == unit);
    CHECK(saved->cccd == QStringLiteral("001190012345"));
    CHECK(saved->birthDate == QDate(1990, 3, 5));
    CHECK(saved->gender == QStringLiteral("female"));
    CHECK(saved->category == QStringLiteral("vien_chuc"));
}

TEST_CASE("personForm_invalidCccd_refusedWithMessage_savesNothing", "[ui][persondialog]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Y tế"));
    Ui::PersonDialog dialog(db);
    dialog.show();
    fill(dialog, QStringLiteral("Trần Văn Bình"), unit, QStringLiteral("12345"));
    clickOk(dialog);

    CHECK(dialog.isVisible());
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.problemText().contains(QStringLiteral("CCCD")));
    CHECK(Core::PersonRepository(db).count() == 0);
}

TEST_CASE("personForm_duplicateCccd_refusedNamingTheHolder_savesNothing", "[ui][persondialog]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Y tế"));
    Test::addPerson(db, QStringLiteral("Lê Văn Cường"), unit, QStringLiteral("079085001234"));
    Ui::PersonDialog dialog(db);
    dialog.show();
    fill(dialog, QStringLiteral("Phạm Thị Dung"), unit, QStringLiteral("079085001234"));
    clickOk(dialog);

    CHECK(dialog.isVisible());
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.problemText().contains(QStringLiteral("079085001234")));
    CHECK(dialog.problemText().contains(QStringLiteral("Lê Văn Cường")));
    CHECK(Core::PersonRepository(db).count() == 1);
}

TEST_CASE("personForm_noUnitChosen_refusedSavesNothing", "[ui][persondialog]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addUnit(db, QStringLiteral("Sở Y tế"));
    Ui::PersonDialog dialog(db);
    dialog.show();
    fill(dialog, QStringLiteral("Đỗ Minh Quân"), 0, QString());
    clickOk(dialog);

    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.problemText().contains(QStringLiteral("Choose the unit")));
    CHECK(Core::PersonRepository(db).count() == 0);
}
