#include "ui/accounts/usersdialog.h"

#include "core/accounts/permissions.h"
#include "core/error.h"
#include "core/registry/unitrepository.h"
#include "ui/accounts/accountdialogs.h"
#include "ui/widgets/changewatch.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/errorbox.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace {
enum Column { Username, FullName, Role, Unit, Disabled, Locked, ColumnCount };
}

UsersDialog::UsersDialog(Core::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_table(new QTableWidget(0, ColumnCount, this)), m_add(new QPushButton(tr("&Add…"), this)),
      m_disable(new QPushButton(tr("&Disable"), this)), m_reset(new QPushButton(tr("&Reset password…"), this)),
      m_role(new QPushButton(tr("Change &role…"), this))
{
    setWindowTitle(tr("User accounts"));
    m_table->setObjectName(QStringLiteral("accounts"));
    m_add->setObjectName(QStringLiteral("add"));
    m_disable->setObjectName(QStringLiteral("disable"));
    m_reset->setObjectName(QStringLiteral("resetPassword"));
    m_role->setObjectName(QStringLiteral("changeRole"));
    m_table->setHorizontalHeaderLabels({tr("Username"), tr("Full name"), tr("Role"), tr("Unit"), tr("Disabled"), tr("Locked")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    Columns::remember(m_table, QStringLiteral("accounts"), {FullName, Unit});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    auto *row = new QHBoxLayout;
    row->addWidget(m_add);
    row->addWidget(m_disable);
    row->addWidget(m_reset);
    row->addWidget(m_role);
    row->addStretch();
    layout->addLayout(row);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);

    connect(m_add, &QPushButton::clicked, this, &UsersDialog::addAccount);
    connect(m_disable, &QPushButton::clicked, this, &UsersDialog::toggleDisabled);
    connect(m_reset, &QPushButton::clicked, this, &UsersDialog::resetPassword);
    connect(m_role, &QPushButton::clicked, this, &UsersDialog::changeRole);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UsersDialog::updateButtons);
    // An account locked by wrong passwords elsewhere, or changed by another administrator or the
    // CLI, shows without closing the dialog (reload keeps the selected account).
    auto *watch = new ChangeWatch(
        {QStringLiteral("accounts")}, [this](const Core::ChangeSet &) { reload(); }, this);
    watch->setDatabase(&m_db);
    reload();
    resize(760, 380);
}

void UsersDialog::reload()
{
    const QString selected = currentUsername();
    QHash<qint64, QString> unitNames;
    try {
        m_accounts = Core::AccountRepository(m_db).list();
        for (const Core::IdName &u : Core::UnitRepository(m_db).names())
            unitNames.insert(u.id, u.name);
    } catch (const Core::Error &e) {
        m_accounts.clear();
        warn(e);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_table->setRowCount(int(m_accounts.size()));
    for (int r = 0; r < m_accounts.size(); ++r) {
        const Core::Account &a = m_accounts[r];
        const bool locked = a.lockedUntil.isValid() && a.lockedUntil > now;
        const QStringList cells{
            a.username,
            a.fullName,
            Core::Permissions::roleName(a.role),
            a.unitId > 0 ? unitNames.value(a.unitId) : QString(),
            a.disabled ? tr("Disabled") : QString(),
            locked ? tr("Until %1").arg(a.lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm dd/MM/yyyy"))) : QString(),
        };
        for (int c = 0; c < ColumnCount; ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    selectUsername(selected);
    updateButtons();
}

QString UsersDialog::currentUsername() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_accounts.size() && m_table->item(row, Username)->isSelected() ? m_accounts[row].username : QString();
}

void UsersDialog::selectUsername(const QString &username)
{
    for (int r = 0; r < m_accounts.size(); ++r) {
        if (m_accounts[r].username == username) {
            m_table->selectRow(r);
            return;
        }
    }
    m_table->clearSelection();
}

void UsersDialog::updateButtons()
{
    const QString name = currentUsername();
    const bool manage = Core::Permissions::allowed(m_db, Core::Permissions::Action::ManageAccounts);
    m_add->setEnabled(manage);
    m_disable->setEnabled(manage && !name.isEmpty());
    m_reset->setEnabled(manage && !name.isEmpty());
    m_role->setEnabled(manage && !name.isEmpty());
    const int row = m_table->currentRow();
    const bool disabled = !name.isEmpty() && m_accounts[row].disabled;
    m_disable->setText(disabled ? tr("&Enable") : tr("&Disable"));
}

void UsersDialog::addAccount()
{
    AccountDialog dialog(m_db, AccountDialog::NewAccount, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    selectUsername(dialog.username());
}

void UsersDialog::toggleDisabled()
{
    const QString name = currentUsername();
    if (name.isEmpty())
        return;
    const bool disable = !m_accounts[m_table->currentRow()].disabled;
    try {
        Core::AccountRepository(m_db).setDisabled(name, disable);
    } catch (const Core::Error &e) {
        warn(e);
    }
    reload();
}

void UsersDialog::resetPassword()
{
    const QString name = currentUsername();
    if (name.isEmpty())
        return;
    PasswordDialog dialog(m_db, name, this);
    if (dialog.exec() == QDialog::Accepted)
        reload();
}

void UsersDialog::changeRole()
{
    const QString name = currentUsername();
    if (name.isEmpty())
        return;
    RoleDialog dialog(m_db, m_accounts[m_table->currentRow()], this);
    if (dialog.exec() == QDialog::Accepted)
        reload();
    selectUsername(name);
}

void UsersDialog::warn(const Core::Error &error)
{
    showError(this, tr("User accounts"), error);
}

} // namespace VinhDanh::Ui
