#include "ui/council/registerlistmodel.h"

namespace VinhDanh::Ui {

RegisterListModel::RegisterListModel(int columnCount, QObject *parent) : QAbstractTableModel(parent), m_columnCount(columnCount) {}

void RegisterListModel::setDatabase(Core::Database *db)
{
    m_db = db;
}

void RegisterListModel::reload()
{
    // Empty first: if the repository throws, the view must not keep rows that may be gone.
    beginResetModel();
    clearRows();
    try {
        if (m_db)
            readRows(*m_db);
    } catch (...) {
        clearRows();
        endResetModel();
        throw;
    }
    endResetModel();
}

int RegisterListModel::rowForId(qint64 id) const
{
    const int rows = rowCount();
    for (int row = 0; row < rows; ++row)
        if (idAt(row) == id)
            return row;
    return -1;
}

int RegisterListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columnCount;
}

} // namespace VinhDanh::Ui
