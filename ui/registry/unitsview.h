#pragma once

#include "ui/widgets/listpage.h"

class QTreeView;

namespace VinhDanh::Ui {

class UnitListModel;
class UnitTreeModel;

/// The Units page (Đơn vị): the units as a tree by parent unit; while the filter has text, the
/// flat list of matches (sortable by column) instead. New / edit / delete, and the unit's page
/// on Enter or double-click, in both.
class UnitsView : public ListPage
{
    Q_OBJECT
public:
    explicit UnitsView(QWidget *parent = nullptr);
    UnitListModel *unitModel() const { return m_units; }
    UnitTreeModel *treeModel() const { return m_treeModel; }
    QTreeView *tree() const { return m_tree; }
    /// True while the tree is shown (the filter is empty).
    bool showsTree() const;

    void setDatabase(Core::Database *db) override;
    QAbstractItemView *view() const override;
    qint64 currentId() const override;
    void selectId(qint64 id) override;
    void revealId(qint64 id) override;

protected:
    qint64 createRecord() override;
    bool editRecord(qint64 id) override;
    QString deleteQuestion(const QString &name) const override;
    void removeRecord(qint64 id) override;
    void openRecord(qint64 id) override;
    QString countText(int total) const override;
    QString filterTextFor(qint64 id) const override;

private:
    UnitsView(UnitListModel *model, QWidget *parent);
    /// After the flat list reloaded (a write, a new filter): the tree follows, or gives way.
    void followFlatList();

    UnitListModel *m_units;
    UnitTreeModel *m_treeModel;
    QTreeView *m_tree;
};

} // namespace VinhDanh::Ui
