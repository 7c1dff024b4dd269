#pragma once

#include <QTimer>
#include <QWidget>

class QAbstractItemView;
class QAction;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTableView;

namespace VinhDanh::Core {
class ChangeSet;
class Database;
} // namespace VinhDanh::Core

namespace VinhDanh::Ui {

class ChangeWatch;
class PagedModelBase;

/// What the Units and People pages share: a filter that applies as you type, a table over a
/// paged model, and New / Edit / Delete / Open actions. Derived views say how to create,
/// edit, delete and open one record; this class handles selection, confirmation, errors and
/// reloading.
class ListPage : public QWidget
{
    Q_OBJECT
public:
    /// Delay between the last key press and the query: long enough not to query on every
    /// letter of a fast typist, short enough to feel immediate.
    static constexpr int FilterDelayMs = 200;

    ListPage(PagedModelBase *model, QWidget *parent = nullptr);

    /// nullptr when no database is open: the page empties and disables itself.
    virtual void setDatabase(Core::Database *db);
    Core::Database *database() const { return m_db; }

    QLineEdit *filterEdit() const { return m_filter; }
    /// The flat list (the paged model). A page may show another view instead (the units tree).
    QTableView *table() const { return m_table; }
    /// The list the clerk sees now: table() unless a derived page shows another view.
    virtual QAbstractItemView *view() const;
    /// The selected row's id, 0 when nothing is selected.
    virtual qint64 currentId() const;
    /// Selects the row of `id` when it is loaded.
    virtual void selectId(qint64 id);
    /// Selects the row of `id` and scrolls to it, loading further pages (or filtering by its
    /// name) when it is not among the rows loaded; the list gets the focus.
    virtual void revealId(qint64 id);

public slots:
    void reload();
    void newRecord();
    void editSelected();
    void deleteSelected();
    void openSelected();
    /// Applies the filter now instead of waiting for the debounce timer.
    void applyFilter();

signals:
    /// Something was written (saved or deleted): other pages and the status bar follow.
    void changed();

protected:
    /// Runs the form; returns the new record's id, 0 when cancelled.
    virtual qint64 createRecord() = 0;
    /// Runs the form; returns true when saved.
    virtual bool editRecord(qint64 id) = 0;
    virtual QString deleteQuestion(const QString &name) const = 0;
    /// Deletes through the repository; throws Core::Error with the reason it cannot.
    virtual void removeRecord(qint64 id) = 0;
    /// Opens the record's page (window-modal, non-blocking); emit pageChanged from it.
    virtual void openRecord(qint64 id) = 0;
    /// The number of matches, shown under the list while a filter or selection is active
    /// (the status bar already shows the totals).
    virtual QString countText(int total) const = 0;
    /// True when the list shows a subset (derived views add their own conditions).
    virtual bool isFiltered() const;
    /// Text that finds record `id` in the filter (its name), for revealId(); empty = none.
    virtual QString filterTextFor(qint64 id) const
    {
        Q_UNUSED(id);
        return {};
    }

    /// The tables the list shows: it reads again by itself after a commit, here or in another
    /// program, changes one of them (ui/widgets/changewatch.h).
    void watchTables(const QStringList &tables);
    /// What the list does when they changed: reload(); the people page also refills its filter.
    virtual void reloadAfter(const Core::ChangeSet &changes);
    /// Where derived views add their own filter widgets (after the text filter).
    QHBoxLayout *filterRow() const { return m_filterRow; }
    PagedModelBase *model() const { return m_model; }
    /// For pages opened from here: reload and tell the others when they wrote something.
    void recordChangedElsewhere();
    /// Gives another view of the records (the units tree) the page's keys (Enter, F2, Delete),
    /// double click and action updates, as the table has.
    void attachView(QAbstractItemView *view);
    void updateActions();

private:
    void updateCount();
    void showLoadError(const QString &message);
    void keepSortIndicatorValid(int column, Qt::SortOrder order);

    PagedModelBase *m_model;
    ChangeWatch *m_watch;
    Core::Database *m_db = nullptr;
    QLineEdit *m_filter;
    QHBoxLayout *m_filterRow;
    QTableView *m_table;
    QLabel *m_count;
    QLabel *m_error;
    QTimer m_filterTimer;
    QAction *m_new;
    QAction *m_edit;
    QAction *m_delete;
    QAction *m_open;
};

} // namespace VinhDanh::Ui
