#pragma once

#include "ui/registry/formdialog.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace VinhDanh::Core {
class Database;
struct Account;
} // namespace VinhDanh::Core

namespace VinhDanh::Ui {

class UnitPicker;

/// New account: username, full name, role, the unit of a clerk, password typed twice.
/// In "first account" mode the role is fixed to administrator (the core makes the first
/// account of a database its administrator whatever is asked) and, once saved, the new
/// administrator is logged in on the connection, since from then on the database needs it.
class AccountDialog : public FormDialog
{
    Q_OBJECT
public:
    enum Mode { NewAccount, FirstAccount };
    AccountDialog(Core::Database &db, Mode mode, QWidget *parent = nullptr);

    QString username() const;

protected:
    QStringList check() const override;
    void save() override;

private:
    void roleChanged();

    Core::Database &m_db;
    Mode m_mode;
    QLineEdit *m_username;
    QLineEdit *m_fullName;
    QComboBox *m_role;
    UnitPicker *m_unit;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
};

/// An administrator sets a new password for an account (which also unlocks it).
class PasswordDialog : public FormDialog
{
    Q_OBJECT
public:
    PasswordDialog(Core::Database &db, const QString &username, QWidget *parent = nullptr);

protected:
    QStringList check() const override;
    void save() override;

private:
    Core::Database &m_db;
    QString m_username;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
};

/// An administrator changes an account's role (and a clerk's unit).
class RoleDialog : public FormDialog
{
    Q_OBJECT
public:
    RoleDialog(Core::Database &db, const Core::Account &account, QWidget *parent = nullptr);

protected:
    QStringList check() const override;
    void save() override;

private:
    Core::Database &m_db;
    QString m_username;
    QComboBox *m_role;
    UnitPicker *m_unit;
};

/// The "typed twice" checks both forms share.
QStringList passwordProblems(const QString &password, const QString &repeat);

} // namespace VinhDanh::Ui
