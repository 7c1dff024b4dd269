#include "ui/accounts/logindialog.h"

#include "core/accounts/accountrepository.h"
#include "core/accounts/permissions.h"
#include "core/error.h"
#include "ui/widgets/formwidgets.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

LoginDialog::LoginDialog(Core::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_username(new QLineEdit(this)), m_password(new QLineEdit(this)), m_problem(makeProblemLabel(this))
{
    setWindowTitle(tr("Log in"));
    m_username->setObjectName(QStringLiteral("username"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("This database has user accounts. Log in to work on %1.").arg(db.settings().displayName()), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Log in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    layout->addWidget(buttons);
    m_username->setFocus();
}

bool LoginDialog::logIn(Core::Database &db, QWidget *parent, const QString &username)
{
    try {
        if (!Core::Permissions::accountsEnabled(db))
            return true;
    } catch (const Core::Error &) {
        return false; // cannot even tell: treat like a refused login
    }
    LoginDialog dialog(db, parent);
    dialog.setUsername(username);
    return dialog.exec() == QDialog::Accepted;
}

void LoginDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    if (!username.isEmpty())
        m_password->setFocus();
}

QString LoginDialog::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void LoginDialog::accept()
{
    if (m_username->text().trimmed().isEmpty()) {
        showProblems(m_problem, {tr("Type your username.")});
        m_username->setFocus();
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor); // argon2id takes a moment, on purpose
    try {
        const Core::Session session = Core::AccountRepository(m_db).login(m_username->text(), m_password->text());
        m_db.setSession(session); // login() has done it already; say it where it matters
    } catch (const Core::Error &e) {
        QApplication::restoreOverrideCursor();
        showProblems(m_problem, {e.message()});
        m_problem->setToolTip(e.detail());
        m_password->clear();
        m_password->setFocus();
        return;
    }
    QApplication::restoreOverrideCursor();
    QDialog::accept();
}

} // namespace VinhDanh::Ui
