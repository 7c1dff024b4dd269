#include "ui/common/backupactions.h"

#include "ui/widgets/columns.h"
#include "ui/widgets/filedialogs.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/error.h"
#include "core/store/backup.h"
#include "ui/widgets/errorbox.h"

#include <QAction>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

BackupActions::BackupActions(QWidget *window)
    : QObject(window), m_window(window), m_backupNow(new QAction(tr("&Back up now"), this)),
      m_restore(new QAction(tr("&Restore from a backup…"), this))
{
    m_backupNow->setObjectName(QStringLiteral("backupNow"));
    m_restore->setObjectName(QStringLiteral("restoreBackup"));
    connect(m_backupNow, &QAction::triggered, this, &BackupActions::backUpNow);
    connect(m_restore, &QAction::triggered, this, &BackupActions::chooseRestore);
    setDatabase(nullptr);
}

void BackupActions::setDatabase(Core::Database *db)
{
    m_db = db;
    const bool file = db && db->backend() == Core::Backend::Sqlite && db->settings().path != QLatin1String(":memory:");
    m_backupNow->setEnabled(db != nullptr);
    m_restore->setEnabled(file);
}

void BackupActions::backUpNow()
{
    if (!m_db)
        return;
    QString target;
    if (m_db->backend() == Core::Backend::Sqlite) {
        const QString path = m_db->settings().path;
        target = QStringLiteral("%1/%2-%3-thu-cong.sqlite")
                     .arg(Core::Backup::folderFor(path), QFileInfo(path).completeBaseName(),
                          QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    } else {
        target = FileDialogs::saveFile(m_window, tr("Back up the server's database"), QDir::homePath(),
                                       tr("pg_dump archives (*.dump)"));
        if (target.isEmpty())
            return;
    }
    try {
        Core::Permissions::require(*m_db, Core::Permissions::Action::ExportData);
        Core::Backup::write(*m_db, target);
    } catch (const Core::Error &e) {
        showError(m_window, tr("Back up now"), e);
        return;
    }
    QMessageBox::information(m_window, tr("Back up now"),
                             tr("The database was backed up to %1.").arg(QDir::toNativeSeparators(target)));
}

void BackupActions::chooseRestore()
{
    if (!m_db)
        return;
    try {
        // Restoring replaces every record: an administrator's act where there are accounts.
        Core::Permissions::require(*m_db, Core::Permissions::Action::ManageAccounts);
    } catch (const Core::Error &e) {
        showError(m_window, tr("Restore from a backup"), e);
        return;
    }
    RestoreDialog dialog(m_db->settings().path, m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.chosen().isEmpty())
        return;
    const auto answer = QMessageBox::question(
        m_window, tr("Restore from a backup"),
        tr("Replace the open database with this backup? Everything recorded after the backup was taken is replaced; "
           "the current contents are kept as a backup of their own."));
    if (answer == QMessageBox::Yes)
        emit restoreRequested(dialog.chosen());
}

RestoreDialog::RestoreDialog(const QString &databasePath, QWidget *parent)
    : QDialog(parent), m_table(new QTableWidget(this)), m_summary(new QLabel(this))
{
    setWindowTitle(tr("Restore from a backup"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Backups kept in %1:").arg(QDir::toNativeSeparators(Core::Backup::folderFor(databasePath))), this));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Taken on"), tr("Kind"), tr("Size")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    const QList<Core::Backup::Summary> backups = Core::Backup::list(databasePath);
    m_table->setRowCount(int(backups.size()));
    const QLocale locale;
    for (int row = 0; row < backups.size(); ++row) {
        const Core::Backup::Summary &s = backups.at(row);
        auto *when = new QTableWidgetItem(s.takenAt.toString(QStringLiteral("dd/MM/yyyy HH:mm")));
        when->setData(Qt::UserRole, s.path);
        m_table->setItem(row, 0, when);
        m_table->setItem(row, 1, new QTableWidgetItem(Core::Backup::kindName(s.kind)));
        m_table->setItem(row, 2, new QTableWidgetItem(locale.formattedDataSize(s.bytes)));
    }
    m_table->setObjectName(QStringLiteral("backups"));
    Columns::remember(m_table, QStringLiteral("backups"), {1}); // the kind is the longest words
    layout->addWidget(m_table);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setText(backups.isEmpty() ? tr("No backups yet. Choose a backup file with \"Other file…\".")
                                         : tr("Choose a backup to see what it holds."));
    layout->addWidget(m_summary);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *other = buttons->addButton(tr("&Other file…"), QDialogButtonBox::ActionRole);
    m_restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    m_restore->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem *> selected = m_table->selectedItems();
        if (!selected.isEmpty())
            select(m_table->item(selected.first()->row(), 0)->data(Qt::UserRole).toString());
    });
    connect(other, &QPushButton::clicked, this, [this, databasePath] {
        const QString path = FileDialogs::openFile(this, tr("Choose a backup"), Core::Backup::folderFor(databasePath),
                                                   tr("Vinh Danh backups (*.sqlite *.db);;All files (*)"));
        if (!path.isEmpty())
            select(path);
    });
    resize(640, 420);
    m_table->setFocus();
}

void RestoreDialog::select(const QString &path)
{
    m_chosen.clear();
    m_restore->setEnabled(false);
    try {
        m_summary->setText(Core::Backup::inspect(path).describe());
        m_chosen = path;
        m_restore->setEnabled(true);
    } catch (const Core::Error &e) {
        m_summary->setText(shownInPlace("backup to restore", e));
    }
}

} // namespace VinhDanh::Ui
