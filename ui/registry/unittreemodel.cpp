#include "ui/registry/unittreemodel.h"

#include "core/domain/codes.h"
#include "core/error.h"
#include "ui/widgets/formwidgets.h"

#include <QCollator>
#include <QCoreApplication>
#include <QScopedValueRollback>

#include <algorithm>

namespace VinhDanh::Ui {

struct UnitTreeModel::Node
{
    Core::UnitRow row;
    int childCount = 0;   // as the database said when the node was read
    bool fetched = false; // children read
    Node *parent = nullptr;
    int rowInParent = 0;
    int readOrder = 0; // the row it was read at: by name in the "vi" collation
    std::vector<std::unique_ptr<Node>> children;
};

namespace {
QString cellText(const Core::UnitRow &row, int column)
{
    switch (column) {
    case UnitTreeModel::Name: return row.name;
    case UnitTreeModel::Kind: return Core::Codes::label(Core::Codes::Set::UnitKind, row.kind);
    case UnitTreeModel::Bloc: return row.blocName;
    case UnitTreeModel::ValidTo: return DateField::format(row.validTo);
    case UnitTreeModel::SucceededBy: return row.succeededByName;
    case UnitTreeModel::Key: return row.key;
    default: return {};
    }
}
} // namespace

UnitTreeModel::UnitTreeModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {}

UnitTreeModel::~UnitTreeModel() = default;

void UnitTreeModel::setDatabase(Core::Database *db)
{
    m_db = db;
    reload();
}

void UnitTreeModel::reload()
{
    const QScopedValueRollback<bool> busy(m_busy, true);
    beginResetModel();
    m_root = std::make_unique<Node>();
    if (m_db)
        readChildren(m_root.get());
    endResetModel();
}

bool UnitTreeModel::readChildren(Node *node)
{
    node->fetched = true;
    QList<Core::UnitNode> read;
    try {
        read = Core::UnitRepository(*m_db).children(node->row.id);
    } catch (const Core::Error &e) {
        emit loadFailed(e.message());
        return false;
    }
    for (const Core::UnitNode &n : read) {
        auto child = std::make_unique<Node>();
        child->row = n.row;
        child->childCount = n.childCount;
        child->parent = node;
        child->rowInParent = child->readOrder = int(node->children.size());
        node->children.push_back(std::move(child));
    }
    sortChildren(node, false);
    return true;
}

void UnitTreeModel::sortChildren(Node *node, bool recursive) const
{
    // Always through the collator, the name ascending too: the repository reads siblings in the
    // database's "vi" order, which has no numeric mode ("Cụm 10" before "Cụm 2"), and the two
    // directions of one column must be each other's reverse.
    QCollator collator(QLocale(QLocale::Vietnamese, QLocale::Vietnam)); // as core/db/collation.cpp sets it up
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true); // DV0009 before DV0010, "Cụm 2" before "Cụm 10"
    const int column = m_sortColumn;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    // One key per row instead of a collator call per comparison (a province has 2,000 units).
    struct Keyed
    {
        QCollatorSortKey text;
        QCollatorSortKey name;
        Node *node;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(node->children.size());
    for (const auto &child : node->children)
        keyed.push_back({collator.sortKey(cellText(child->row, column)), collator.sortKey(child->row.name), child.get()});
    std::stable_sort(keyed.begin(), keyed.end(), [&](const Keyed &a, const Keyed &b) {
        int c = 0;
        if (column == ValidTo) { // by date, not by its dd/MM/yyyy text; no end date last
            const QDate x = a.node->row.validTo, y = b.node->row.validTo;
            c = x == y ? 0 : !x.isValid() ? 1 : !y.isValid() ? -1 : (x < y ? -1 : 1);
        } else {
            c = a.text.compare(b.text);
        }
        if (descending)
            c = -c;
        if (c != 0)
            return c < 0;
        // Equal kinds or blocs: by name, then as read, so the order is always the same.
        const int byName = a.name.compare(b.name);
        return byName != 0 ? byName < 0 : a.node->readOrder < b.node->readOrder;
    });
    for (auto &child : node->children)
        (void)child.release(); // owned again just below, in the sorted order
    for (size_t i = 0; i < keyed.size(); ++i)
        node->children[i].reset(keyed[i].node);
    for (size_t i = 0; i < node->children.size(); ++i) {
        node->children[i]->rowInParent = int(i);
        if (recursive)
            sortChildren(node->children[i].get(), true);
    }
}

void UnitTreeModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount || (column == m_sortColumn && order == m_sortOrder))
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    m_sortColumn = column;
    m_sortOrder = order;
    sortChildren(m_root.get(), true);
    // An index points at its node: only the row moves.
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &i : before) {
        Node *node = nodeOf(i);
        after << (i.isValid() ? createIndex(node->rowInParent, i.column(), node) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

UnitTreeModel::Node *UnitTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex UnitTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeOf(parent)->children.at(size_t(row)).get());
}

QModelIndex UnitTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *up = nodeOf(child)->parent;
    if (!up || up == m_root.get())
        return {};
    return createIndex(up->rowInParent, 0, up);
}

int UnitTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int UnitTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool UnitTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    // Before its children are read, the count from the database draws the expand arrow.
    return node->fetched ? !node->children.empty() : node->childCount > 0;
}

bool UnitTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!m_db || m_busy || parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    return !node->fetched && node->childCount > 0;
}

void UnitTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Node *node = nodeOf(parent);
    // Read first, then announce exactly the rows read (another clerk may have changed them).
    Node scratch;
    scratch.row = node->row;
    const QScopedValueRollback<bool> busy(m_busy, true);
    node->fetched = true;
    if (!readChildren(&scratch) || scratch.children.empty())
        return;
    beginInsertRows(parent, 0, int(scratch.children.size()) - 1);
    for (auto &child : scratch.children) {
        child->parent = node;
        node->children.push_back(std::move(child));
    }
    endInsertRows();
}

QModelIndex UnitTreeModel::indexOfId(qint64 id)
{
    if (!m_db || id <= 0)
        return {};
    // The chain of parents from the unit up to the top, read from the database (a few levels).
    QList<qint64> chain{id};
    try {
        Core::UnitRepository units(*m_db);
        for (int depth = 0; depth < 64; ++depth) { // a loop in the data must not hang the list
            const auto unit = units.get(chain.first());
            if (!unit || unit->parentId <= 0)
                break;
            chain.prepend(unit->parentId);
        }
    } catch (const Core::Error &e) {
        emit loadFailed(e.message());
        return {};
    }
    // Walk down from the top: the first unit of the chain that is a top-level row starts it
    // (for a clerk the top is their own unit, below the database's top).
    QModelIndex at;
    bool started = false;
    for (qint64 step : chain) {
        if (canFetchMore(at))
            fetchMore(at);
        QModelIndex found;
        for (int row = 0; row < rowCount(at); ++row) {
            const QModelIndex candidate = index(row, 0, at);
            if (idAt(candidate) == step) {
                found = candidate;
                break;
            }
        }
        if (!found.isValid()) {
            if (started)
                return {};
            continue;
        }
        started = true;
        at = found;
    }
    return started && idAt(at) == id ? at : QModelIndex();
}

qint64 UnitTreeModel::idAt(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->row.id : 0;
}

QVariant UnitTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Core::UnitRow &row = nodeOf(index)->row;
    if (role == IdRole)
        return row.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    return cellText(row, index.column());
}

QVariant UnitTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    // The same words as the flat list, looked up under its context: one translation for both.
    switch (section) {
    case Name: return QCoreApplication::translate("VinhDanh::Ui::UnitListModel", "Name");
    case Kind: return QCoreApplication::translate("VinhDanh::Ui::UnitListModel", "Kind");
    case Bloc: return QCoreApplication::translate("VinhDanh::Ui::UnitListModel", "Emulation bloc");
    case ValidTo: return QCoreApplication::translate("VinhDanh::Ui::UnitListModel", "Valid to");
    case SucceededBy: return QCoreApplication::translate("VinhDanh::Ui::UnitListModel", "Succeeded by");
    case Key: return QCoreApplication::translate("VinhDanh::Ui::UnitListModel", "Key");
    default: return {};
    }
}

} // namespace VinhDanh::Ui
