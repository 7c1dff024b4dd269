// Logging in to a database with accounts: the main window asks before showing any data, the
// clerk's saves are audited under their name, a wrong password keeps the dialog, Cancel opens
// nothing, and "switch user" changes who is logged in.
#include "accountstesthelpers.h"
#include "uitesthelpers.h"

#include "core/auditlog/auditlog.h"
#include "tests/support/testdatabase.h"
#include "ui/accounts/logindialog.h"
#include "ui/mainwindow.h"
#include "ui/registry/unitdialog.h"
#include "ui/registry/unitlistmodel.h"
#include "ui/registry/unitsview.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

using namespace VinhDanh;

namespace {
/// Seeds a database with an administrator, one unit and an appraiser, then closes it.
void seedOffice(Test::TestDatabase &t)
{
    Core::Database &db = t.open();
    Test::addAdmin(db);
    Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    Core::AccountRepository(db).create(QStringLiteral("tham.dinh"), QStringLiteral("Lê Thị Thẩm"), QStringLiteral("appraiser"), 0,
                                       Test::kPassword);
    t.close();
}

/// Answers the next login dialog with `username` / `password`; records whether the pages were
/// still empty while it asked.
struct LoginAnswer
{
    bool seen = false;
    int unitRowsWhileAsking = -1;
};

void answerLogin(LoginAnswer &answer, Ui::MainWindow *window, const QString &username, const QString &password)
{
    Test::onModal<Ui::LoginDialog>([&answer, window, username, password](Ui::LoginDialog *dialog) {
        answer.seen = true;
        if (window)
            answer.unitRowsWhileAsking = window->unitsView()->unitModel()->rowCount();
        Test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("username")), username);
        Test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("password")), password);
        Test::clickButton(dialog, QDialogButtonBox::Ok);
    });
}
} // namespace

TEST_CASE("openDatabaseWithAccounts_asksToLogIn_andASaveIsAuditedUnderThatAccount", "[ui][accounts]")
{
    Test::TestDatabase t;
    seedOffice(t);

    Ui::MainWindow window;
    window.show();
    LoginAnswer answer;
    answerLogin(answer, &window, QStringLiteral("tham.dinh"), Test::kPassword);
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    REQUIRE(answer.seen);
    CHECK(answer.unitRowsWhileAsking == 0); // nothing shown before the login
    CHECK(window.database()->session().username == QStringLiteral("tham.dinh"));
    CHECK(window.unitsView()->unitModel()->rowCount() == 1);
    auto *label = window.findChild<QLabel *>(QStringLiteral("sessionLabel"));
    REQUIRE(label);
    CHECK(label->text() == QStringLiteral("Logged in: tham.dinh (Appraiser)"));

    Ui::UnitDialog form(*window.database());
    form.show();
    form.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("Sở Y tế"));
    auto *kind = form.findChild<QComboBox *>(QStringLiteral("kind"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("provincial_agency")));
    Test::clickButton(&form, QDialogButtonBox::Ok);
    INFO(form.problemText().toStdString());
    REQUIRE(form.problemText().isEmpty());
    REQUIRE(form.result() == QDialog::Accepted);

    // Read the log as the administrator, on a connection of its own.
    Core::Database admin(t.settings(), Core::Database::Mode::OpenExisting);
    Core::AccountRepository(admin).login(QStringLiteral("quan.tri"), Test::kPassword);
    Core::AuditFilter filter;
    filter.table = QStringLiteral("units");
    filter.action = QStringLiteral("insert");
    filter.actor = QStringLiteral("tham.dinh");
    const QList<Core::AuditEntry> rows = Core::AuditLog(admin).entries(filter);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].newValues.contains(QStringLiteral("Sở Y tế")));
}

TEST_CASE("loginDialog_wrongPassword_staysOpenWithTheMessage_thenTheRightOneLogsIn", "[ui][accounts]")
{
    Test::TestDatabase t;
    seedOffice(t);
    Core::Database &db = t.open();

    Ui::LoginDialog dialog(db);
    dialog.show();
    auto *username = dialog.findChild<QLineEdit *>(QStringLiteral("username"));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("password"));
    CHECK(password->echoMode() == QLineEdit::Password);
    Test::typeText(username, QStringLiteral("tham.dinh"));
    Test::typeText(password, QStringLiteral("sai-mat-khau"));
    Test::clickButton(&dialog, QDialogButtonBox::Ok);
    CHECK(dialog.isVisible());
    CHECK(dialog.problemText().contains(QStringLiteral("The username or password is not correct.")));
    CHECK(password->text().isEmpty());
    CHECK_FALSE(db.session().loggedIn());

    Test::typeText(password, Test::kPassword);
    Test::clickButton(&dialog, QDialogButtonBox::Ok);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(db.session().username == QStringLiteral("tham.dinh"));
}

TEST_CASE("loginDialog_disabledAccount_showsTheCoresMessage", "[ui][accounts]")
{
    Test::TestDatabase t;
    seedOffice(t);
    Core::Database &db = t.open();
    Core::AccountRepository(db).login(QStringLiteral("quan.tri"), Test::kPassword);
    Core::AccountRepository(db).setDisabled(QStringLiteral("tham.dinh"), true);
    Core::AccountRepository(db).logout();

    Ui::LoginDialog dialog(db);
    dialog.show();
    dialog.setUsername(QStringLiteral("tham.dinh"));
    Test::typeText(dialog.findChild<QLineEdit *>(QStringLiteral("password")), Test::kPassword);
    Test::clickButton(&dialog, QDialogButtonBox::Ok);
    CHECK(dialog.isVisible());
    CHECK(dialog.problemText().contains(QStringLiteral("The account tham.dinh is disabled; ask an administrator.")));
}

TEST_CASE("openDatabaseWithAccounts_loginCancelled_opensNothing", "[ui][accounts]")
{
    Test::TestDatabase t;
    seedOffice(t);

    Ui::MainWindow window;
    window.show();
    Test::onModal<Ui::LoginDialog>([](Ui::LoginDialog *dialog) { Test::clickButton(dialog, QDialogButtonBox::Cancel); });
    const QString error = window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting);
    CHECK_FALSE(error.isEmpty());
    CHECK(window.database() == nullptr);
    CHECK(window.unitsView()->unitModel()->rowCount() == 0);
}

TEST_CASE("switchUser_logsInAnotherAccount_orClosesTheDatabaseOnCancel", "[ui][accounts]")
{
    Test::TestDatabase t;
    seedOffice(t);
    Ui::MainWindow window;
    window.show();
    LoginAnswer first;
    answerLogin(first, nullptr, QStringLiteral("tham.dinh"), Test::kPassword);
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    auto *switchUser = window.findChild<QAction *>(QStringLiteral("switchUserAction"));
    REQUIRE(switchUser);
    REQUIRE(switchUser->isEnabled());

    LoginAnswer second;
    answerLogin(second, nullptr, QStringLiteral("quan.tri"), Test::kPassword);
    switchUser->trigger();
    REQUIRE(second.seen);
    CHECK(window.database()->session().username == QStringLiteral("quan.tri"));
    CHECK(window.findChild<QLabel *>(QStringLiteral("sessionLabel"))->text().contains(QStringLiteral("quan.tri")));

    Test::onModal<Ui::LoginDialog>([](Ui::LoginDialog *dialog) { Test::clickButton(dialog, QDialogButtonBox::Cancel); });
    switchUser->trigger();
    CHECK(window.database() == nullptr);
    CHECK(window.unitsView()->unitModel()->rowCount() == 0);
}
