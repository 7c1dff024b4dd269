#pragma once

#include "core/accounts/accountrepository.h"

#include <QDialog>

class QPushButton;
class QTableWidget;

namespace VinhDanh::Core {
class Error;
}

namespace VinhDanh::Ui {

/// Administrators' list of the database's accounts (username, full name, role, unit,
/// disabled, locked) with Add, Disable/Enable, Reset password and Change role. Every action goes through
/// Core::AccountRepository, which checks the role again; a refusal is shown, never hidden.
class UsersDialog : public QDialog
{
    Q_OBJECT
public:
    explicit UsersDialog(Core::Database &db, QWidget *parent = nullptr);

    void reload();
    /// The username of the selected row (empty when none).
    QString currentUsername() const;
    void selectUsername(const QString &username);

public slots:
    void addAccount();
    void toggleDisabled();
    void resetPassword();
    void changeRole();

private:
    void updateButtons();
    void warn(const Core::Error &error);

    Core::Database &m_db;
    QList<Core::Account> m_accounts;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_disable;
    QPushButton *m_reset;
    QPushButton *m_role;
};

} // namespace VinhDanh::Ui
