#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// Asks for a username and password when the database has accounts. OK logs in through the
/// core (Core::AccountRepository::login, which also sets the connection's session, so the
/// audit triggers name the clerk); a wrong password, a locked or a disabled account shows the
/// core's message and the dialog stays. Cancel leaves nobody logged in.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(Core::Database &db, QWidget *parent = nullptr);

    /// Logs someone in on `db` when it has accounts. Returns true when someone is logged in
    /// (or the database has no accounts), false when the clerk cancelled.
    static bool logIn(Core::Database &db, QWidget *parent, const QString &username = {});

    void setUsername(const QString &username);
    /// The red message under the fields (empty when hidden); for tests and accessibility.
    QString problemText() const;

public slots:
    void accept() override;

private:
    Core::Database &m_db;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLabel *m_problem;
};

} // namespace VinhDanh::Ui
