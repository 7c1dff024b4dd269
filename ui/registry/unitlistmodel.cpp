#include "ui/registry/unitlistmodel.h"

#include "core/domain/codes.h"
#include "ui/widgets/formwidgets.h"

#include <QCollator>

#include <algorithm>
#include <limits>

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

void UnitListModel::reload()
{
    m_byKey.clear();
    m_byKeyRead = false;
    PagedModel::reload();
}

QList<Core::UnitRow> UnitListModel::pageRows(int offset, int limit, bool reversed) const
{
    Q_UNUSED(reversed); // a province has about 2,000 units: every page is read from the front
    Sort sort = Sort::Name;
    sortFor(m_sortColumn, sort);
    if (sort == Sort::Key) {
        const QList<Core::UnitRow> &all = byKey();
        return offset >= all.size() ? QList<Core::UnitRow>() : all.mid(offset, limit);
    }
    return Core::UnitRepository(*m_db).page(m_filter, sort, m_sortOrder == Qt::AscendingOrder, offset, limit);
}

const QList<Core::UnitRow> &UnitListModel::byKey() const
{
    // Neither backend orders text by the numbers in it (SQLite's "vi" collation and PostgreSQL's
    // have no numeric mode, and a numeric collation is the schema's to add), so the keys are
    // sorted here, as the units tree sorts them. A province has about 2,000 units: one read of
    // every match per reload, and the pages are slices of it, so positions stay exact.
    if (m_byKeyRead)
        return m_byKey;
    QList<Core::UnitRow> rows = Core::UnitRepository(*m_db).page(m_filter, Sort::Key, true, 0, std::numeric_limits<int>::max());
    QCollator collator(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    struct Keyed
    {
        QCollatorSortKey key;
        QCollatorSortKey name;
        int row;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(size_t(rows.size()));
    for (int i = 0; i < rows.size(); ++i)
        keyed.push_back({collator.sortKey(rows[i].key), collator.sortKey(rows[i].name), i});
    // Equal keys (units without one) by name, then by id: a total order, so descending is its
    // exact reverse and a page never repeats or skips a unit.
    std::sort(keyed.begin(), keyed.end(), [&rows](const Keyed &a, const Keyed &b) {
        if (const int c = a.key.compare(b.key); c != 0)
            return c < 0;
        if (const int c = a.name.compare(b.name); c != 0)
            return c < 0;
        return rows[a.row].id < rows[b.row].id;
    });
    m_byKey.clear();
    m_byKey.reserve(rows.size());
    for (const Keyed &k : keyed)
        m_byKey.append(rows[k.row]);
    if (m_sortOrder == Qt::DescendingOrder)
        std::reverse(m_byKey.begin(), m_byKey.end());
    m_byKeyRead = true; // a failed read throws before this: the next page asks again
    return m_byKey;
}

} // namespace VinhDanh::Ui
