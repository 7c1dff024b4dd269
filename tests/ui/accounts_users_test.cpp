// Managing accounts in the GUI: only an administrator reaches the users dialog; a database
// without accounts switches them on with its first (administrator) account; an administrator
// adds a clerk and disables them.
#include "accountstesthelpers.h"
#include "uitesthelpers.h"

#include "core/accounts/permissions.h"
#include "tests/support/testdatabase.h"
#include "ui/accounts/accountdialogs.h"
#include "ui/accounts/logindialog.h"
#include "ui/accounts/usersdialog.h"
#include "ui/mainwindow.h"
#include "ui/widgets/formwidgets.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>

using namespace VinhDanh;

namespace {
QAction *action(Ui::MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QString::fromLatin1(name));
}

void openAs(Ui::MainWindow &window, Test::TestDatabase &t, const QString &username)
{
    Test::onModal<Ui::LoginDialog>([username](Ui::LoginDialog *dialog) {
        dialog->setUsername(username);
        Test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("password")), Test::kPassword);
        Test::clickButton(dialog, QDialogButtonBox::Ok);
    });
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    REQUIRE(window.database()->session().username == username);
}

QStringList column(QTableWidget *table, int c)
{
    QStringList out;
    for (int r = 0; r < table->rowCount(); ++r)
        out << table->item(r, c)->text();
    return out;
}
} // namespace

TEST_CASE("usersMenu_clerkLoggedIn_isDisabled_administratorEnabled", "[ui][accounts]")
{
    Test::TestDatabase t;
    {
        Core::Database &db = t.open();
        Test::addAdmin(db);
        const qint64 unit = Test::addUnit(db, QStringLiteral("UBND phường Hiến Nam"));
        Core::AccountRepository(db).create(QStringLiteral("van.thu"), QStringLiteral("Trần Văn Thư"), QStringLiteral("clerk"), unit,
                                           Test::kPassword);
        t.close();
    }
    Ui::MainWindow window;
    window.show();
    openAs(window, t, QStringLiteral("van.thu"));
    CHECK_FALSE(action(window, "usersAction")->isEnabled());
    CHECK_FALSE(action(window, "auditAction")->isEnabled());
    CHECK_FALSE(action(window, "firstAccountAction")->isEnabled());
    CHECK(window.findChild<QLabel *>(QStringLiteral("sessionLabel"))->text()
          == QStringLiteral("Logged in: van.thu (Clerk of a unit)"));

    openAs(window, t, QStringLiteral("quan.tri"));
    CHECK(action(window, "usersAction")->isEnabled());
    CHECK(action(window, "auditAction")->isEnabled());
}

TEST_CASE("firstAccount_onADatabaseWithoutAccounts_becomesAdministratorAndIsLoggedIn", "[ui][accounts]")
{
    Test::TestDatabase t;
    Ui::MainWindow window;
    window.show();
    REQUIRE(window.openDatabase(t.settings()).isEmpty());
    QAction *first = action(window, "firstAccountAction");
    CHECK(first->isEnabled());
    CHECK_FALSE(action(window, "usersAction")->isEnabled());
    CHECK_FALSE(action(window, "switchUserAction")->isEnabled());

    Test::onModal<Ui::AccountDialog>([](Ui::AccountDialog *dialog) {
        CHECK_FALSE(dialog->findChild<QComboBox *>(QStringLiteral("role"))->isEnabled());
        Test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("username")), QStringLiteral("truong.phong"));
        Test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("fullName")), QStringLiteral("Phạm Thị Hồng"));
        Test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("password")), Test::kPassword);
        Test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("repeat")), Test::kPassword);
        Test::clickButton(dialog, QDialogButtonBox::Ok);
    });
    Test::MessageBoxAnswerer boxes; // "accounts switched on"
    first->trigger();
    CHECK(Core::Permissions::accountsEnabled(*window.database()));
    CHECK(window.database()->session().username == QStringLiteral("truong.phong"));
    CHECK(window.database()->session().role == QStringLiteral("admin"));
    CHECK_FALSE(first->isEnabled());
    CHECK(action(window, "usersAction")->isEnabled());
    CHECK(action(window, "switchUserAction")->isEnabled());
}

TEST_CASE("usersDialog_administratorAddsAClerk_andDisablesThem", "[ui][accounts]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addAdmin(db);
    Test::addUnit(db, QStringLiteral("Sở Tài chính"));

    Ui::UsersDialog dialog(db);
    dialog.show();
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("accounts"));
    REQUIRE(table->rowCount() == 1);

    QString problems = QStringLiteral("(not seen)");
    Test::onModal<Ui::AccountDialog>([&problems](Ui::AccountDialog *form) {
        Test::typeText(form->findChild<QLineEdit *>(QStringLiteral("username")), QStringLiteral("van.thu"));
        Ui::selectData(form->findChild<QComboBox *>(QStringLiteral("role")), QStringLiteral("clerk"));
        auto *unit = form->findChild<Ui::UnitPicker *>(QStringLiteral("unit"));
        CHECK(unit->isEnabled());
        unit->setCurrentIndex(1);
        Test::typeText(form->findChild<QLineEdit *>(QStringLiteral("password")), Test::kPassword);
        Test::typeText(form->findChild<QLineEdit *>(QStringLiteral("repeat")), QStringLiteral("khac-hoan-toan"));
        Test::clickButton(form, QDialogButtonBox::Ok);
        problems = form->problemText(); // the two passwords differ: still open
        form->findChild<QLineEdit *>(QStringLiteral("repeat"))->setText(Test::kPassword);
        Test::clickButton(form, QDialogButtonBox::Ok);
    });
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("add")), Qt::LeftButton);
    CHECK(problems.contains(QStringLiteral("The two passwords are not the same.")));
    REQUIRE(table->rowCount() == 2);
    CHECK(column(table, 0) == QStringList{QStringLiteral("quan.tri"), QStringLiteral("van.thu")});
    CHECK(table->item(1, 2)->text() == QStringLiteral("Clerk of a unit"));
    CHECK(table->item(1, 3)->text() == QStringLiteral("Sở Tài chính"));
    CHECK(dialog.currentUsername() == QStringLiteral("van.thu"));

    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("disable")), Qt::LeftButton);
    CHECK(table->item(1, 4)->text() == QStringLiteral("Disabled"));
    CHECK(Core::AccountRepository(db).find(QStringLiteral("van.thu"))->disabled);
}

TEST_CASE("usersDialog_administratorChangesAClerkIntoAnAppraiser", "[ui][accounts]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addAdmin(db);
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Tài chính"));
    Core::AccountRepository(db).create(QStringLiteral("van.thu"), {}, QStringLiteral("clerk"), unit, Test::kPassword);

    Ui::UsersDialog dialog(db);
    dialog.show();
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("accounts"));
    dialog.selectUsername(QStringLiteral("van.thu"));
    bool unitEnabledForClerk = false;
    Test::onModal<Ui::RoleDialog>([&](Ui::RoleDialog *form) {
        auto *role = form->findChild<QComboBox *>(QStringLiteral("role"));
        unitEnabledForClerk = form->findChild<Ui::UnitPicker *>(QStringLiteral("unit"))->isEnabled();
        Ui::selectData(role, QStringLiteral("appraiser"));
        Test::clickButton(form, QDialogButtonBox::Ok);
    });
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("changeRole")), Qt::LeftButton);
    CHECK(unitEnabledForClerk);
    CHECK(Core::AccountRepository(db).find(QStringLiteral("van.thu"))->role == QStringLiteral("appraiser"));
    CHECK(Core::AccountRepository(db).find(QStringLiteral("van.thu"))->unitId == 0);
    CHECK(table->item(dialog.findChild<QTableWidget *>(QStringLiteral("accounts"))->currentRow(), 2)->text()
          == QStringLiteral("Appraiser"));
}
