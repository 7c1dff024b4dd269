#pragma once

#include "core/registry/unitrepository.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// The units as a tree, by their parent unit (issue 16 item 5): the top level is read on
/// reload, and a unit's children when the view first expands it (canFetchMore/fetchMore), so
/// a province's 2,000 units are never read at once. Siblings go by name in Vietnamese order; a
/// click on a header sorts every level's siblings by that column instead, either way (QCollator
/// vi_VN, numbers in names and keys by value, dates as dates), and branches read later come
/// sorted the same way.
/// Reads that fail are reported through loadFailed(), as the paged lists do.
class UnitTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Kind, Bloc, ValidTo, SucceededBy, Key, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1; // the same role as PagedModelBase::IdRole

    explicit UnitTreeModel(QObject *parent = nullptr);
    ~UnitTreeModel() override;

    /// nullptr empties the model. Reloads.
    void setDatabase(Core::Database *db);
    /// Reads the top level again; every expanded branch is read again when it is expanded.
    void reload();

    /// The index of unit `id`, reading the branches down to it; invalid when it is not visible.
    QModelIndex indexOfId(qint64 id);
    qint64 idAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void loadFailed(const QString &message);

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    bool readChildren(Node *node);
    void sortChildren(Node *node, bool recursive) const;

    Core::Database *m_db = nullptr;
    std::unique_ptr<Node> m_root;
    bool m_busy = false;     // inside a reset: no fetching (listeners may ask from inside it)
    int m_sortColumn = Name; // the order the view's header shows at first
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace VinhDanh::Ui
