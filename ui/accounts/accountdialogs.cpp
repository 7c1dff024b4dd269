#include "ui/accounts/accountdialogs.h"

#include "core/accounts/accountrepository.h"
#include "core/accounts/permissions.h"
#include "core/error.h"
#include "core/registry/unitrepository.h"
#include "ui/widgets/formwidgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace VinhDanh::Ui {

namespace {
QLineEdit *passwordField(QWidget *parent, const QString &name)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}
} // namespace

QStringList passwordProblems(const QString &password, const QString &repeat)
{
    QStringList problems;
    if (password.size() < Core::AccountRepository::kMinPasswordLength)
        problems
            << AccountDialog::tr("The password must have at least %1 characters.").arg(Core::AccountRepository::kMinPasswordLength);
    if (password != repeat)
        problems << AccountDialog::tr("The two passwords are not the same.");
    return problems;
}

AccountDialog::AccountDialog(Core::Database &db, Mode mode, QWidget *parent)
    : FormDialog(parent), m_db(db), m_mode(mode), m_username(new QLineEdit(this)), m_fullName(new QLineEdit(this)),
      m_role(new QComboBox(this)), m_unit(new UnitPicker(this)), m_password(passwordField(this, QStringLiteral("password"))),
      m_repeat(passwordField(this, QStringLiteral("repeat")))
{
    setWindowTitle(mode == FirstAccount ? tr("Create the first account") : tr("New account"));
    m_username->setObjectName(QStringLiteral("username"));
    m_fullName->setObjectName(QStringLiteral("fullName"));
    m_role->setObjectName(QStringLiteral("role"));
    m_unit->setObjectName(QStringLiteral("unit"));
    for (const QString &role : Core::Permissions::roles())
        m_role->addItem(Core::Permissions::roleName(role), role);
    try {
        m_unit->setUnits(Core::UnitRepository(db).names(), tr("(choose the clerk's unit)"));
    } catch (const Core::Error &e) {
        setProblems({e.message()});
    }
    if (mode == FirstAccount) {
        auto *note = new QLabel(tr("Once this database has an account, everyone must log in. The first account is "
                                   "its administrator: it adds the others."),
                                this);
        note->setWordWrap(true);
        form()->addRow(note);
        selectData(m_role, QStringLiteral("admin"));
        m_role->setEnabled(false);
    }
    form()->addRow(tr("&Username:"), m_username);
    form()->addRow(tr("&Full name:"), m_fullName);
    form()->addRow(tr("&Role:"), m_role);
    form()->addRow(tr("U&nit (clerks):"), m_unit);
    form()->addRow(tr("&Password:"), m_password);
    form()->addRow(tr("R&epeat the password:"), m_repeat);
    connect(m_role, &QComboBox::currentIndexChanged, this, &AccountDialog::roleChanged);
    roleChanged();
}

QString AccountDialog::username() const
{
    return m_username->text().trimmed();
}

void AccountDialog::roleChanged()
{
    m_unit->setEnabled(currentCode(m_role) == QLatin1String("clerk"));
}

QStringList AccountDialog::check() const
{
    QStringList problems;
    if (username().isEmpty() || username().contains(QLatin1Char(' ')))
        problems << tr("A username is required and has no spaces.");
    if (currentCode(m_role) == QLatin1String("clerk") && m_unit->unitId() <= 0)
        problems << tr("Choose the unit whose records this clerk keeps.");
    problems << passwordProblems(m_password->text(), m_repeat->text());
    return problems;
}

void AccountDialog::save()
{
    Core::AccountRepository accounts(m_db);
    const QString role = currentCode(m_role);
    accounts.create(username(), m_fullName->text(), role, role == QLatin1String("clerk") ? m_unit->unitId() : 0, m_password->text());
    // The database now needs a login: the administrator who just created it is the one.
    if (m_mode == FirstAccount)
        accounts.login(username(), m_password->text());
}

RoleDialog::RoleDialog(Core::Database &db, const Core::Account &account, QWidget *parent)
    : FormDialog(parent), m_db(db), m_username(account.username), m_role(new QComboBox(this)), m_unit(new UnitPicker(this))
{
    setWindowTitle(tr("Change the role of %1").arg(account.username));
    m_role->setObjectName(QStringLiteral("role"));
    m_unit->setObjectName(QStringLiteral("unit"));
    for (const QString &role : Core::Permissions::roles())
        m_role->addItem(Core::Permissions::roleName(role), role);
    try {
        m_unit->setUnits(Core::UnitRepository(db).names(), tr("(choose the clerk's unit)"));
    } catch (const Core::Error &e) {
        setProblems({e.message()});
    }
    selectData(m_role, account.role);
    if (account.unitId > 0)
        m_unit->setUnitId(account.unitId);
    form()->addRow(tr("&Role:"), m_role);
    form()->addRow(tr("U&nit (clerks):"), m_unit);
    const auto roleChanged = [this] { m_unit->setEnabled(currentCode(m_role) == QLatin1String("clerk")); };
    connect(m_role, &QComboBox::currentIndexChanged, this, roleChanged);
    roleChanged();
}

QStringList RoleDialog::check() const
{
    if (currentCode(m_role) == QLatin1String("clerk") && m_unit->unitId() <= 0)
        return {tr("Choose the unit whose records this clerk keeps.")};
    return {};
}

void RoleDialog::save()
{
    const QString role = currentCode(m_role);
    Core::AccountRepository(m_db).setRole(m_username, role, role == QLatin1String("clerk") ? m_unit->unitId() : 0);
}

PasswordDialog::PasswordDialog(Core::Database &db, const QString &username, QWidget *parent)
    : FormDialog(parent), m_db(db), m_username(username), m_password(passwordField(this, QStringLiteral("password"))),
      m_repeat(passwordField(this, QStringLiteral("repeat")))
{
    setWindowTitle(tr("Reset the password of %1").arg(username));
    form()->addRow(tr("&New password:"), m_password);
    form()->addRow(tr("R&epeat the password:"), m_repeat);
}

QStringList PasswordDialog::check() const
{
    return passwordProblems(m_password->text(), m_repeat->text());
}

void PasswordDialog::save()
{
    Core::AccountRepository(m_db).resetPassword(m_username, m_password->text());
}

} // namespace VinhDanh::Ui
