#pragma once

#include <QObject>

class QAction;
class QLabel;
class QMenu;
class QWidget;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// The accounts side of the main window, kept out of it: the File ▸ "Log out / switch user"
/// action, the Accounts menu (Users…, Create the first account…, Audit log…), each enabled
/// by Core::Permissions for the session, and the status-bar label naming who is logged in.
class AccountsMenu : public QObject
{
    Q_OBJECT
public:
    explicit AccountsMenu(QWidget *window);

    QMenu *menu() const { return m_menu; }
    QAction *switchUserAction() const { return m_switchUser; }
    QLabel *sessionLabel() const { return m_label; }

    /// The database the window shows now (nullptr when none); refreshes actions and label.
    void setDatabase(Core::Database *db);
    /// Enables the actions and names the account for the current session.
    void refresh();

public slots:
    /// Logs out and asks for a login again; Cancel emits closeRequested().
    void switchUser();
    void showUsers();
    void createFirstAccount();
    void showAudit();

signals:
    /// Someone logged out and nobody logged in: the window must stop showing the data.
    void closeRequested();
    /// Another account is now logged in (what it may do has changed).
    void sessionChanged();

private:
    QWidget *m_window;
    Core::Database *m_db = nullptr;
    QMenu *m_menu;
    QAction *m_switchUser;
    QAction *m_users;
    QAction *m_firstAccount;
    QAction *m_audit;
    QLabel *m_label;
};

} // namespace VinhDanh::Ui
