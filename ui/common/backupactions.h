#pragma once

#include <QDialog>
#include <QObject>
#include <QString>

class QAction;
class QLabel;
class QPushButton;
class QTableWidget;
class QWidget;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// File ▸ Back up now and File ▸ Restore from a backup… (issue 12 item 3). The window owns
/// the database, so the restore itself is asked of it through restoreRequested().
class BackupActions : public QObject
{
    Q_OBJECT
public:
    explicit BackupActions(QWidget *window);
    QAction *backupNowAction() const { return m_backupNow; }
    QAction *restoreAction() const { return m_restore; }
    void setDatabase(Core::Database *db);

signals:
    /// The clerk chose `backupPath` and confirmed: close the database, restore, reopen.
    void restoreRequested(const QString &backupPath);

private:
    void backUpNow();
    void chooseRestore();
    QWidget *m_window;
    Core::Database *m_db = nullptr;
    QAction *m_backupNow;
    QAction *m_restore;
};

/// Lists a database's backups by date (newest first) with what each holds; "Other file…"
/// picks one from elsewhere. The chosen file is checked before the Restore button enables.
class RestoreDialog : public QDialog
{
    Q_OBJECT
public:
    RestoreDialog(const QString &databasePath, QWidget *parent = nullptr);
    QString chosen() const { return m_chosen; }
    QTableWidget *table() const { return m_table; }

private:
    void select(const QString &path);
    QTableWidget *m_table;
    QLabel *m_summary;
    QPushButton *m_restore;
    QString m_chosen;
};

} // namespace VinhDanh::Ui
