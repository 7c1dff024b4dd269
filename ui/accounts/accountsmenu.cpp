#include "ui/accounts/accountsmenu.h"

#include "core/accounts/accountrepository.h"
#include "core/accounts/permissions.h"
#include "core/error.h"
#include "ui/accounts/accountdialogs.h"
#include "ui/accounts/auditview.h"
#include "ui/accounts/logindialog.h"
#include "ui/accounts/usersdialog.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>

namespace VinhDanh::Ui {

using Core::Permissions::Action;

AccountsMenu::AccountsMenu(QWidget *window)
    : QObject(window), m_window(window), m_menu(new QMenu(tr("&Accounts"), window)), m_label(new QLabel(window))
{
    m_menu->setObjectName(QStringLiteral("accountsMenu"));
    m_label->setObjectName(QStringLiteral("sessionLabel"));
    m_switchUser = new QAction(tr("&Log out / switch user…"), window);
    m_switchUser->setObjectName(QStringLiteral("switchUserAction"));
    connect(m_switchUser, &QAction::triggered, this, &AccountsMenu::switchUser);
    m_users = m_menu->addAction(tr("&Users…"), this, &AccountsMenu::showUsers);
    m_users->setObjectName(QStringLiteral("usersAction"));
    m_firstAccount = m_menu->addAction(tr("Create the &first account…"), this, &AccountsMenu::createFirstAccount);
    m_firstAccount->setObjectName(QStringLiteral("firstAccountAction"));
    m_menu->addSeparator();
    m_audit = m_menu->addAction(tr("Audit &log…"), this, &AccountsMenu::showAudit);
    m_audit->setObjectName(QStringLiteral("auditAction"));
    refresh();
}

void AccountsMenu::setDatabase(Core::Database *db)
{
    m_db = db;
    refresh();
}

void AccountsMenu::refresh()
{
    bool accounts = false;
    try {
        accounts = m_db && Core::Permissions::accountsEnabled(*m_db);
    } catch (const Core::Error &e) {
        m_label->setToolTip(e.message());
    }
    const bool loggedIn = m_db && m_db->session().loggedIn();
    const auto allowed = [&](Action a) { return m_db && Core::Permissions::allowed(*m_db, a); };
    m_switchUser->setEnabled(accounts);
    m_users->setEnabled(accounts && loggedIn && allowed(Action::ManageAccounts));
    m_firstAccount->setEnabled(m_db && !accounts);
    // Without accounts the log names only the computer's login, but it is still worth reading.
    m_audit->setEnabled(allowed(Action::ViewAudit));
    if (loggedIn) {
        const Core::Session &s = m_db->session();
        m_label->setText(tr("Logged in: %1 (%2)").arg(s.username, Core::Permissions::roleName(s.role)));
    } else {
        m_label->setText(accounts ? tr("Not logged in") : QString());
    }
}

void AccountsMenu::switchUser()
{
    if (!m_db)
        return;
    Core::AccountRepository(*m_db).logout();
    refresh();
    if (LoginDialog::logIn(*m_db, m_window)) {
        refresh();
        emit sessionChanged();
    } else {
        emit closeRequested();
    }
}

void AccountsMenu::showUsers()
{
    if (!m_db)
        return;
    UsersDialog dialog(*m_db, m_window);
    dialog.exec();
    refresh();
}

void AccountsMenu::createFirstAccount()
{
    if (!m_db)
        return;
    AccountDialog dialog(*m_db, AccountDialog::FirstAccount, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    refresh();
    emit sessionChanged();
    QMessageBox::information(m_window, tr("Accounts switched on"),
                             tr("This database now has accounts: %1 is its administrator and is logged in. Add the "
                                "other accounts with Accounts ▸ Users.")
                                 .arg(dialog.username()));
}

void AccountsMenu::showAudit()
{
    if (!m_db || !Core::Permissions::allowed(*m_db, Action::ViewAudit))
        return;
    AuditView view(*m_db, m_window);
    view.exec();
}

} // namespace VinhDanh::Ui
