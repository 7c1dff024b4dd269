#pragma once

#include <QMap>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;

namespace VinhDanh::Core {
class Database;
class Error;
} // namespace VinhDanh::Core

namespace VinhDanh::Ui {

class ChangeWatch;

class MovementListModel;
class MovementProposals;
class PrintButton;

/// The movement catalogue and the office's own movements: list, details, new, copy, edit,
/// delete. MainWindow embeds it and hands it the open database.
/// Catalogue movements are read-only; the usual way to start is to copy one and edit the copy.
class MovementsView : public QWidget
{
    Q_OBJECT
public:
    explicit MovementsView(QWidget *parent = nullptr);
    ~MovementsView() override;

    /// nullptr when no database is open. Reloads the list.
    void setDatabase(Core::Database *db);

    /// The id of the selected movement, 0 when none.
    qint64 currentId() const;
    /// Selects a movement by id (no change when it is not in the filtered list).
    void selectMovement(qint64 id);

    QAction *newAction() const { return m_new; }
    QAction *copyAction() const { return m_copy; }
    QAction *editAction() const { return m_edit; }
    QAction *deleteAction() const { return m_delete; }
    /// "Proposals and decisions" of the selected movement.
    MovementProposals *proposals() const { return m_proposals; }
    /// "Print / save…": the selected movement's report for a year or a review.
    PrintButton *printButton() const { return m_print; }

public slots:
    /// Reads the list again (after an import, say), keeping the selection when it still exists.
    void reload();

signals:
    /// A movement was created, copied, changed or deleted (other views may show its name).
    void movementsChanged();
    /// The clerk opened a dossier or a decision listed under the movement.
    void dossierRequested(qint64 id);
    void decisionRequested(qint64 id);

private:
    void newMovement();
    void copyMovement();
    void editMovement();
    void deleteMovement();
    void onCurrentChanged();
    /// The error in the status line and in a box (Ui::showError: detail and log).
    void reportError(const QString &title, const Core::Error &error);
    bool currentIsCatalogue() const;
    /// Asks which year or review the movement report is for; false when cancelled.
    bool chooseReportOccasion(int *year, QString *occasion);

    Core::Database *m_db = nullptr;
    QMap<QString, QString> m_awardNames; // award-form code → name, for the detail page
    MovementListModel *m_model = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_list = nullptr;
    QTextBrowser *m_details = nullptr;
    MovementProposals *m_proposals = nullptr;
    PrintButton *m_print = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_new = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_delete = nullptr;
    ChangeWatch *m_watch = nullptr;
};

} // namespace VinhDanh::Ui
