#include "ui/registry/personlistmodel.h"

#include "core/domain/codes.h"
#include "core/registry/search.h"

namespace VinhDanh::Ui {

namespace {
using Sort = Core::PersonRepository::Sort;

bool sortFor(int column, Sort &sort)
{
    switch (column) {
    case PersonListModel::Name: sort = Sort::Name; return true; // given name first, the Vietnamese way
    case PersonListModel::Category: sort = Sort::Category; return true;
    case PersonListModel::Unit: sort = Sort::Unit; return true;
    case PersonListModel::Key: sort = Sort::Key; return true;
    default: return false;
    }
}
} // namespace

PersonListModel::PersonListModel(QObject *parent) : PagedModel(parent) {}

void PersonListModel::setUnitId(qint64 unitId)
{
    if (unitId == m_unitId)
        return;
    m_unitId = unitId;
    reload();
}

int PersonListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PersonListModel::data(const QModelIndex &index, int role) const
{
    const Core::PersonRow *row = checkIndex(index, CheckIndexOption::IndexIsValid) ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    if (role == IdRole)
        return row->id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name: return row->fullName;
    case Gender: return row->gender.isEmpty() ? QString() : Core::Codes::label(Core::Codes::Set::Gender, row->gender);
    case Category: return Core::Codes::label(Core::Codes::Set::PersonCategory, row->category);
    case Position: return row->position;
    case Unit: return row->unitName;
    case Key: return row->key;
    default: return {};
    }
}

QVariant PersonListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Full name");
    case Gender: return tr("Gender");
    case Category: return tr("Category");
    case Position: return tr("Position");
    case Unit: return tr("Unit");
    case Key: return tr("Key");
    default: return {};
    }
}

bool PersonListModel::isSortable(int column) const
{
    Sort sort = Sort::Name;
    return sortFor(column, sort);
}

int PersonListModel::countRows() const
{
    // A search counts up to a bound: "nguyen" matches a third of a province, and counting them
    // all would take longer than the first page (core/registry/search.h).
    if (m_filter.trimmed().isEmpty())
        return Core::PersonRepository(*m_db).count({}, m_unitId);
    const int counted = Core::PersonRepository(*m_db).countUpTo(Core::Search::kDense, m_filter, m_unitId);
    return counted > Core::Search::kDense ? moreThan(Core::Search::kDense) : counted;
}

int PersonListModel::positionOfId(qint64 id)
{
    // While appending, rowCount() is only the pages read so far: a position past them has no row.
    if (!m_db || totalAtLeast() > 0)
        return -1;
    Sort sort = Sort::Name;
    sortFor(m_sortColumn, sort);
    try {
        return Core::PersonRepository(*m_db).positionOf(id, m_filter, sort, m_sortOrder == Qt::AscendingOrder, m_unitId);
    } catch (const Core::Error &e) {
        reportError(e.message());
        return -1;
    }
}

QList<Core::PersonRow> PersonListModel::pageRows(int offset, int limit, bool reversed) const
{
    Sort sort = Sort::Name;
    sortFor(m_sortColumn, sort);
    // Every person sort ends with the id in the sort's direction, so the reverse order is
    // exactly the list read backwards (PagedModel::canReadFromEnd()).
    const bool ascending = (m_sortOrder == Qt::AscendingOrder) != reversed;
    return Core::PersonRepository(*m_db).page(m_filter, sort, ascending, offset, limit, m_unitId);
}

} // namespace VinhDanh::Ui
