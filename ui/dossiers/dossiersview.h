#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableView;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class ChangeWatch;

class DossierListModel;
class DossierPage;

/// The dossiers work queue (Hồ sơ đề nghị): on the left every status in workflow order with
/// its count (and "All"), on the right the dossiers of the chosen status, narrowed by
/// movement, year and a text typed with or without accents. New dossier asks for the header
/// and opens the dossier; double-click opens one in its own window. Counts and rows follow
/// every change made in an open dossier.
class DossiersView : public QWidget
{
    Q_OBJECT
public:
    explicit DossiersView(QWidget *parent = nullptr);
    ~DossiersView() override;

    /// nullptr when no database is open: the view empties and the open dossiers close (they
    /// hold the database).
    void setDatabase(Core::Database *db);
    Core::Database *database() const { return m_db; }

    DossierListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QListWidget *statusList() const { return m_statuses; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *movementFilter() const { return m_movement; }
    QSpinBox *yearFilter() const { return m_year; }
    QPushButton *newButton() const { return m_new; }
    /// The count the status list shows for a status.
    int shownCount(Core::Workflow::Status status) const;
    /// The count shown beside "All".
    int shownTotal() const;
    /// Chooses a status in the list (or "All" with `all`).
    void showStatus(Core::Workflow::Status status, bool all = false);
    /// The open window of a dossier, nullptr when it is not open.
    DossierPage *pageOf(qint64 dossierId) const;

public slots:
    /// Opens the dossier in its own window, or brings its window to the front.
    void openDossier(qint64 id);
    void newDossier();
    /// Reads the counts and the list again.
    void reload();
    /// Applies the typed filter now instead of after the typing delay.
    void applyFilter();

signals:
    /// A dossier was created, changed or moved on (the main window's counts may follow).
    void changed();

private:
    void fillMovements();
    void loadCounts();
    void filtersChanged();
    void openSelected();
    void closePages();
    void pageChanged();

    Core::Database *m_db = nullptr;
    ChangeWatch *m_watch = nullptr;
    DossierListModel *m_model;
    QListWidget *m_statuses;
    QComboBox *m_movement;
    QSpinBox *m_year;
    QLineEdit *m_filter;
    QPushButton *m_new;
    QTableView *m_table;
    QLabel *m_error;
    QLabel *m_count;
    QTimer m_filterTimer;
    QHash<qint64, QPointer<DossierPage>> m_pages;
};

} // namespace VinhDanh::Ui
