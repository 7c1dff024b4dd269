#pragma once

#include "core/error.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QScopedValueRollback>

#include <algorithm>
#include <limits>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// What the unit and people lists share: a filter, a sort done by the repository (so the
/// Vietnamese collation and the given-name rule apply to the whole list, not to the rows
/// loaded so far), and lazy paging (see PagedModel). Reads that fail are
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
    /// Rows per read; takes effect at the next reload (the cached pages are numbered by it).
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    /// Rows matching the filter in the database (rowCount() too, except while appending).
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
    /// The row holding `id` among the pages in memory, or -1.
    virtual int rowOfId(qint64 id) const = 0;
    /// The row `id` has in the whole list as the database sorts it, read without loading the
    /// rows before it; -1 when it is not in the list or the model cannot tell (the default, and
    /// while appending, when rows are not yet numbered to the end).
    virtual int positionOfId(qint64 id)
    {
        Q_UNUSED(id);
        return -1;
    }

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
///
/// Two ways to page, chosen by the count (issue 16):
/// - By position, when the count is exact (the whole list, a unit's people, a search with at
///   most Search::kDense hits): rowCount() is the count from the start, so the scroll bar is to
///   scale, and the page holding a row is read when the view first asks for that row (Ctrl+End,
///   Page Down or a scroll-bar drag read only the pages they show). Pages are read by OFFSET and
///   kept in a small cache of recently used pages, so memory stays flat however far a clerk
///   scrolls. Why OFFSET and not keyset: a jump to row 73,412 has no neighbouring key to seek
///   from, and keyset needs one; OFFSET walks the sort index, which for people is covering
///   (PersonRepository reads the ids first), and a page past the middle is read from the far
///   end in reverse order (canReadFromEnd()), so no read walks more than half the list.
/// - Appending, when the count stopped early (a common name among 100,000 people: "more than
///   1,000 match"): rowCount() grows by a page each time the view reaches the end
///   (canFetchMore()/fetchMore()) until a short page makes the count exact. Counting every hit
///   of "nguyen" would cost more than the whole first page.
template<typename Row>
class PagedModel : public PagedModelBase
{
public:
    using PagedModelBase::PagedModelBase;

    /// Pages kept in memory at most: a screenful straddles two, the rest make scrolling back cheap.
    static constexpr int CachedPages = 8;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_rowCount; }

    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && m_db && !m_busy && m_rowCount < m_total;
    }

    void fetchMore(const QModelIndex &parent) override
    {
        if (!canFetchMore(parent))
            return;
        // Slots of rowsAboutToBeInserted may call fetchMore() again before this page is
        // appended; they would load the same page twice. One fetch at a time.
        const QScopedValueRollback<bool> busy(m_busy, true);
        const int page = m_rowCount / m_readSize; // appending mode: m_rowCount is a whole number of pages
        const QList<Row> *more = loadPage(page);
        if (!more)
            return;
        // A short page is the end: the count is exact now.
        if (more->size() < m_readSize) {
            m_total = m_rowCount + int(more->size());
            m_totalAtLeast = 0;
        }
        // The size now: slots of rowsAboutToBeInserted may read other pages, and a read can
        // evict this page from the cache (or move it), leaving `more` dangling.
        const int added = int(more->size());
        if (added == 0)
            return;
        beginInsertRows({}, m_rowCount, m_rowCount + added - 1);
        m_rowCount += added;
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
            m_pages.clear();
            m_recent.clear();
            m_readSize = m_pageSize;
            m_rowCount = 0;
            m_total = 0;
            m_totalAtLeast = 0;
            if (m_db && read([&] { m_total = countRows(); })) {
                if (const QList<Row> *first = loadPage(0)) {
                    if (first->size() < m_readSize) { // the whole list fits one page
                        m_total = int(first->size());
                        m_totalAtLeast = 0;
                    }
                    m_rowCount = m_totalAtLeast > 0 ? int(first->size()) : m_total;
                }
            }
            endResetModel();
        }
        emit reloaded();
    }

    /// The row, reading its page when it is not in memory; nullptr past the end (the list may
    /// have shrunk since the count: another clerk deleted people) or when the read failed.
    const Row *rowAt(int row) const
    {
        if (row < 0 || row >= m_rowCount || !m_db)
            return nullptr;
        const QList<Row> *page = loadPage(row / m_readSize);
        const int at = row % m_readSize;
        return page && at < page->size() ? &page->at(at) : nullptr;
    }

    int rowOfId(qint64 id) const override
    {
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
            for (int i = 0; i < it.value().size(); ++i)
                if (it.value().at(i).id == id)
                    return it.key() * m_readSize + i;
        return -1;
    }

    /// How many pages are in memory (for tests: scrolling far keeps this bounded).
    int cachedPages() const { return int(m_pages.size()); }

protected:
    virtual int countRows() const = 0;
    /// Rows [offset, offset + limit) of the list; `reversed`: of the list in the opposite order
    /// (only asked when canReadFromEnd()).
    virtual QList<Row> pageRows(int offset, int limit, bool reversed) const = 0;
    /// True when every sort of the model is a total order whose reverse is the list read
    /// backwards (ties broken by the id in the same direction), so a late page can be read from
    /// the end.
    virtual bool canReadFromEnd() const { return false; }

private:
    bool m_busy = false; // inside a reset or a fetch: no nested paging
    int m_rowCount = 0;
    int m_readSize = DefaultPageSize; // the page size of the pages in memory (set at reload)
    // The cache is filled from data(), which is const: it is a cache, not the model's state.
    mutable QHash<int, QList<Row>> m_pages;
    mutable QList<int> m_recent; // page numbers, most recently used last

    const QList<Row> *loadPage(int page) const
    {
        if (auto it = m_pages.constFind(page); it != m_pages.cend()) {
            m_recent.removeOne(page);
            m_recent.append(page);
            return &it.value();
        }
        const int offset = page * m_readSize;
        // In appending mode the end is unknown, so pages are read from the front.
        const bool fromEnd = canReadFromEnd() && m_totalAtLeast == 0 && offset > m_total / 2;
        QList<Row> rows;
        auto *self = const_cast<PagedModel *>(this);
        const bool ok = self->read([&] {
            if (fromEnd) {
                const int limit = qMax(0, qMin(m_readSize, m_total - offset));
                rows = pageRows(m_total - offset - limit, limit, true);
                std::reverse(rows.begin(), rows.end());
            } else {
                rows = pageRows(offset, m_readSize, false);
            }
        });
        // A failed read is cached empty too: the view asks again on every paint, and one
        // message is enough until the next reload.
        if (!ok)
            rows.clear();
        if (m_recent.size() >= CachedPages)
            m_pages.remove(m_recent.takeFirst());
        m_recent.append(page);
        return &m_pages.insert(page, rows).value();
    }

    template<typename F>
    bool read(F body)
    {
        try {
            body();
            clearError();
            return true;
        } catch (const Core::Error &e) {
            m_total = m_rowCount; // stop appending until the next reload
            m_totalAtLeast = 0;
            reportError(e.message());
            return false;
        }
    }
};

} // namespace VinhDanh::Ui
