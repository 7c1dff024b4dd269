#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace VinhDanh::Core {
class Database;
struct Subject;
} // namespace VinhDanh::Core

namespace VinhDanh::Ui {

class CandidatesModel;
class CandidatesSweep;
class ChangeWatch;

/// The Candidates page (Đối tượng đủ điều kiện): for a year and optionally a movement, who is
/// eligible for an award form and not yet proposed, and who is proposed but not eligible.
/// The sweep runs on its own thread with a progress bar and Cancel; the result is filtered
/// in place (award form, verdict, individual / collective, name ignoring diacritics) and
/// exported as CSV. Double-click opens the person's or unit's page.
class CandidatesView : public QWidget
{
    Q_OBJECT
public:
    explicit CandidatesView(QWidget *parent = nullptr);
    ~CandidatesView() override;

    /// nullptr when no database is open. Drops the previous list (and any running sweep).
    void setDatabase(Core::Database *db);

    CandidatesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QSpinBox *yearBox() const { return m_year; }
    QLineEdit *filterEdit() const { return m_filter; }
    /// "The data changed since…": shown when the registry changes under rows already found.
    QLabel *staleNotice() const { return m_stale; }
    QComboBox *awardFilter() const { return m_award; }
    QComboBox *verdictFilter() const { return m_verdict; }
    QComboBox *recipientFilter() const { return m_recipients; }
    bool isRunning() const;
    /// "Confirm from minutes…": enabled while a selected row awaits confirmation (the minutes
    /// change nothing for an eligible or not-eligible row) and no sweep runs.
    QPushButton *fromMinutesButton() const { return m_fromMinutes; }
    /// The people and units of the selected rows that await confirmation, each once, in the
    /// table's order; `skipped` receives how many other selected people and units were left out.
    QList<Core::Subject> selectedSubjects(int *skipped = nullptr) const;
    /// Writes the visible rows to `path` as CSV; returns the error message, empty on success.
    QString exportTo(const QString &path) const;

public slots:
    /// Starts the sweep for the chosen year and movement.
    void run();
    void cancel();
    /// Asks for a file name, then exports.
    void exportCsv();
    /// Applies the filters now instead of waiting for the typing delay.
    void applyFilter();
    /// Opens MinutesDialog for the selected rows; after a confirmation the sweep runs again.
    void confirmFromMinutes();

signals:
    /// A sweep ended (finished, failed or was cancelled).
    void sweepEnded();
    /// A page opened from here wrote something.
    void changed();

private:
    void fillChoices();
    /// The registry changed after the rows shown were found: said above them, not run again
    /// unasked (a sweep of a province takes a while and would move the clerk's rows).
    void markStale();
    void sweepFinished();
    void showProgress(int done, int total);
    void openRow(const QModelIndex &index);
    void updateState();
    bool selectionAwaitsConfirmation() const;

    Core::Database *m_db = nullptr;
    QPointer<CandidatesSweep> m_sweep;
    CandidatesModel *m_model;
    QSpinBox *m_year;
    QComboBox *m_movement;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QComboBox *m_award;
    QComboBox *m_verdict;
    QComboBox *m_recipients;
    QLineEdit *m_filter;
    QTableView *m_table;
    QLabel *m_count;
    QLabel *m_error;
    QPushButton *m_export;
    QPushButton *m_fromMinutes;
    QLabel *m_stale;
    ChangeWatch *m_choicesWatch = nullptr;
    ChangeWatch *m_dataWatch = nullptr;
    QTimer m_filterTimer;
};

} // namespace VinhDanh::Ui
