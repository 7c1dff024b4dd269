#pragma once

#include "core/error.h"

#include <QAbstractTableModel>
#include <QList>
#include <QScopedValueRollback>

#include <limits>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// What the unit and people lists share: a filter, a sort done by the repository (so the
/// Vietnamese collation and the given-name rule apply to the whole list, not to the rows
/// loaded so far), and lazy paging through canFetchMore()/fetchMore(). Reads that fail are
/// reported through loadFailed() instead of a message box, because fetchMore() runs while
/// the view lays itself out.
class PagedModelBase : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The row's database id (qint64).
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int DefaultPageSize = 200;

    explicit PagedModelBase(QObject *parent = nullptr);

    /// nullptr empties the model. Reloads.
    void setDatabase(Core::Database *db);
    Core::Database *database() const { return m_db; }
    /// Matches anywhere in the name or key, ignoring case and diacritics. Reloads.
    void setFilter(const QString &filter);
    QString filter() const { return m_filter; }
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    /// Rows matching the filter in the database (rowCount() is what has been loaded).
    int totalCount() const { return m_total; }
    /// When the count stopped early (a common name among 100,000 people): the list has more rows
    /// than this, and pages load until a short one. 0 when totalCount() is exact.
    int totalAtLeast() const { return m_totalAtLeast; }
    /// The message of the last failed read, empty after a good one.
    QString lastError() const { return m_lastError; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    virtual bool isSortable(int column) const = 0;

    /// Reloads from the first page (after a write, or when the filter changes).
    virtual void reload() = 0;
    qint64 idAt(int row) const;
    /// The loaded row holding `id`, or -1.
    int rowOfId(qint64 id) const;

signals:
    void loadFailed(const QString &message);
    /// Emitted after every reload, so counts shown elsewhere can follow.
    void reloaded();

protected:
    void reportError(const QString &message);
    void clearError() { m_lastError.clear(); }

    Core::Database *m_db = nullptr;
    QString m_filter;
    int m_pageSize = DefaultPageSize;
    int m_total = 0;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_lastError;
    mutable int m_totalAtLeast = 0;

    /// For countRows(): more than `counted` rows match, not counted further.
    int moreThan(int counted) const
    {
        m_totalAtLeast = counted;
        return std::numeric_limits<int>::max();
    }
};

/// The paging mechanics over a row type with an `id` member. Derived models supply
/// countRows() and pageRows() (both may throw Core::Error) and data().
template<typename Row>
class PagedModel : public PagedModelBase
{
public:
    using PagedModelBase::PagedModelBase;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }

    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && m_db && !m_busy && m_rows.size() < m_total;
    }

    void fetchMore(const QModelIndex &parent) override
    {
        if (!canFetchMore(parent))
            return;
        // Slots of rowsAboutToBeInserted may call fetchMore() again before this page is
        // appended; they would load the same page twice. One fetch at a time.
        const QScopedValueRollback<bool> busy(m_busy, true);
        QList<Row> more;
        if (!read([&] { more = pageRows(int(m_rows.size()), m_pageSize); }))
            return;
        // The list may have shrunk since count() (another clerk deleted rows): stop here.
        if (more.size() < m_pageSize) {
            m_total = int(m_rows.size() + more.size());
            m_totalAtLeast = 0; // the end is reached: the count is exact now
        }
        if (more.isEmpty())
            return;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size() - 1));
        m_rows.append(more);
        endInsertRows();
    }

    void reload() override
    {
        // Listeners of modelAboutToBeReset/modelReset (QAbstractItemModelTester, proxies)
        // may call fetchMore() from inside the reset; inserting rows then would announce an
        // insert in the middle of a reset, so paging waits until the reset is over.
        {
            const QScopedValueRollback<bool> busy(m_busy, true);
            beginResetModel();
            m_rows.clear();
            m_total = 0;
            m_totalAtLeast = 0;
            if (m_db) {
                read([&] {
                    m_total = countRows();
                    m_rows = pageRows(0, m_pageSize);
                    if (m_rows.size() < m_pageSize) {
                        m_total = int(m_rows.size());
                        m_totalAtLeast = 0;
                    }
                });
            }
            endResetModel();
        }
        emit reloaded();
    }

    const Row *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }

protected:
    virtual int countRows() const = 0;
    virtual QList<Row> pageRows(int offset, int limit) const = 0;

    QList<Row> m_rows;

private:
    bool m_busy = false; // inside a reset or a fetch: no nested paging

    template<typename F>
    bool read(F body)
    {
        try {
            body();
            clearError();
            return true;
        } catch (const Core::Error &e) {
            m_total = int(m_rows.size()); // stop paging until the next reload
            m_totalAtLeast = 0;
            reportError(e.message());
            return false;
        }
    }
};

} // namespace VinhDanh::Ui
