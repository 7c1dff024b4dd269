#include "ui/widgets/pagedmodel.h"

namespace VinhDanh::Ui {

PagedModelBase::PagedModelBase(QObject *parent) : QAbstractTableModel(parent) {}

void PagedModelBase::setDatabase(Core::Database *db)
{
    m_db = db;
    reload();
}

void PagedModelBase::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void PagedModelBase::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
}

void PagedModelBase::sort(int column, Qt::SortOrder order)
{
    // Columns the repository cannot sort by keep the current order; the view restores its
    // header indicator (see the views' sortIndicatorChanged handling).
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

qint64 PagedModelBase::idAt(int row) const
{
    return index(row, 0).data(IdRole).toLongLong();
}

void PagedModelBase::reportError(const QString &message)
{
    m_lastError = message;
    emit loadFailed(message);
}

} // namespace VinhDanh::Ui
