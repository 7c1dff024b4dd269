#include "ui/registry/unitlistmodel.h"

#include "core/domain/codes.h"
#include "ui/registry/formwidgets.h"

namespace VinhDanh::Ui {

namespace {
using Sort = Core::UnitRepository::Sort;

// Columns the repository can order by; the others (bloc, dates, successor) are display only.
bool sortFor(int column, Sort &sort)
{
    switch (column) {
    case UnitListModel::Name: sort = Sort::Name; return true;
    case UnitListModel::Kind: sort = Sort::Kind; return true;
    case UnitListModel::Parent: sort = Sort::Parent; return true;
    case UnitListModel::Key: sort = Sort::Key; return true;
    default: return false;
    }
}
} // namespace

UnitListModel::UnitListModel(QObject *parent) : PagedModel(parent) {}

int UnitListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnitListModel::data(const QModelIndex &index, int role) const
{
    const Core::UnitRow *row = checkIndex(index, CheckIndexOption::IndexIsValid) ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    if (role == IdRole)
        return row->id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name: return row->name;
    case Kind: return Core::Codes::label(Core::Codes::Set::UnitKind, row->kind);
    case Parent: return row->parentName;
    case Bloc: return row->blocName;
    case ValidTo: return DateField::format(row->validTo);
    case SucceededBy: return row->succeededByName;
    case Key: return row->key;
    default: return {};
    }
}

QVariant UnitListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Kind: return tr("Kind");
    case Parent: return tr("Parent unit");
    case Bloc: return tr("Emulation bloc");
    case ValidTo: return tr("Valid to");
    case SucceededBy: return tr("Succeeded by");
    case Key: return tr("Key");
    default: return {};
    }
}

bool UnitListModel::isSortable(int column) const
{
    Sort sort = Sort::Name;
    return sortFor(column, sort);
}

int UnitListModel::countRows() const
{
    return Core::UnitRepository(*m_db).count(m_filter);
}

QList<Core::UnitRow> UnitListModel::pageRows(int offset, int limit, bool reversed) const
{
    Q_UNUSED(reversed); // a province has about 2,000 units: every page is read from the front
    Sort sort = Sort::Name;
    sortFor(m_sortColumn, sort);
    return Core::UnitRepository(*m_db).page(m_filter, sort, m_sortOrder == Qt::AscendingOrder, offset, limit);
}

} // namespace VinhDanh::Ui
