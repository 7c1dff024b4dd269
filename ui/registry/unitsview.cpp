#include "ui/registry/unitsview.h"

#include "core/error.h"
#include "core/registry/unitrepository.h"
#include "ui/registry/unitdialog.h"
#include "ui/registry/unitlistmodel.h"
#include "ui/registry/unitpage.h"
#include "ui/registry/unittreemodel.h"
#include "ui/widgets/columns.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

namespace VinhDanh::Ui {

UnitsView::UnitsView(QWidget *parent) : UnitsView(new UnitListModel, parent) {}

UnitsView::UnitsView(UnitListModel *model, QWidget *parent)
    : ListPage(model, parent), m_units(model), m_treeModel(new UnitTreeModel(this)), m_tree(new QTreeView(this))
{
    Columns::remember(table(), QStringLiteral("units"), {UnitListModel::Name, UnitListModel::Parent});
    watchTables({QStringLiteral("units")}); // read again after any write to units, here or elsewhere

    m_tree->setObjectName(QStringLiteral("unitTree"));
    m_tree->setModel(m_treeModel);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setExpandsOnDoubleClick(false); // double click opens the unit's page, as in the list
    // A header click sorts each level's siblings (UnitTreeModel::sort). The indicator starts on
    // the name, ascending — the order the units are read in — not on Qt's default (descending).
    m_tree->header()->setSortIndicator(UnitTreeModel::Name, Qt::AscendingOrder);
    m_tree->setSortingEnabled(true);
    Columns::remember(m_tree, QStringLiteral("unitsTree"), {UnitTreeModel::Name});
    attachView(m_tree);
    // The tree takes the table's place; only one of them is shown.
    auto *box = static_cast<QVBoxLayout *>(layout());
    box->insertWidget(box->indexOf(table()) + 1, m_tree, 1);
    connect(m_treeModel, &UnitTreeModel::loadFailed, m_units, &PagedModelBase::loadFailed);
    connect(m_units, &PagedModelBase::reloaded, this, &UnitsView::followFlatList);
    followFlatList();
}

void UnitsView::setDatabase(Core::Database *db)
{
    m_treeModel->setDatabase(nullptr); // the next database's tree is read when the list reloads
    ListPage::setDatabase(db);
}

bool UnitsView::showsTree() const
{
    return m_units->filter().trimmed().isEmpty();
}

QAbstractItemView *UnitsView::view() const
{
    return showsTree() ? static_cast<QAbstractItemView *>(m_tree) : table();
}

void UnitsView::followFlatList()
{
    const bool tree = showsTree();
    const bool hadFocus = view() == m_tree ? table()->hasFocus() : m_tree->hasFocus();
    if (tree) {
        // Keep the clerk's place: the branches open and the unit selected before the reload.
        QList<qint64> expanded;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int row = 0; row < m_treeModel->rowCount(parent); ++row) {
                const QModelIndex at = m_treeModel->index(row, 0, parent);
                if (m_tree->isExpanded(at)) {
                    expanded << m_treeModel->idAt(at);
                    walk(at);
                }
            }
        };
        walk({});
        const qint64 selected = m_treeModel->idAt(m_tree->currentIndex());
        m_treeModel->setDatabase(database());
        for (qint64 id : expanded) // parents before children, as walked
            m_tree->expand(m_treeModel->indexOfId(id));
        if (selected)
            selectId(selected);
        table()->clearSelection(); // the hidden list must not decide what Edit or Delete act on
    }
    m_tree->setVisible(tree);
    table()->setVisible(!tree);
    if (hadFocus)
        view()->setFocus(Qt::OtherFocusReason);
    updateActions();
}

qint64 UnitsView::currentId() const
{
    if (!showsTree())
        return ListPage::currentId();
    // No selection model yet while the page is being made: the list's remembered sort (applied
    // as its columns are set up) reloads it, and the actions ask for the current row.
    const QModelIndexList rows = m_tree->selectionModel() ? m_tree->selectionModel()->selectedRows() : QModelIndexList();
    if (!rows.isEmpty())
        return m_treeModel->idAt(rows.first());
    // A caller that selected in the flat list by hand (the screenshot pages) still gets its row.
    return ListPage::currentId();
}

void UnitsView::selectId(qint64 id)
{
    if (!showsTree()) {
        ListPage::selectId(id);
        return;
    }
    const QModelIndex at = m_treeModel->indexOfId(id);
    if (!at.isValid())
        return;
    for (QModelIndex up = at.parent(); up.isValid(); up = up.parent())
        m_tree->expand(up);
    m_tree->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(at);
}

void UnitsView::revealId(qint64 id)
{
    if (!showsTree()) {
        ListPage::revealId(id);
        return;
    }
    selectId(id);
    m_tree->setFocus(Qt::OtherFocusReason);
}

qint64 UnitsView::createRecord()
{
    UnitDialog dialog(*database(), 0, this);
    return dialog.exec() == QDialog::Accepted ? dialog.unitId() : 0;
}

bool UnitsView::editRecord(qint64 id)
{
    UnitDialog dialog(*database(), id, this);
    return dialog.exec() == QDialog::Accepted;
}

QString UnitsView::deleteQuestion(const QString &name) const
{
    return tr("Delete the unit “%1”? This cannot be undone.").arg(name);
}

void UnitsView::removeRecord(qint64 id)
{
    Core::UnitRepository(*database()).remove(id);
}

void UnitsView::openRecord(qint64 id)
{
    auto *page = new UnitPage(*database(), id, this);
    connect(page, &UnitPage::changed, this, &UnitsView::recordChangedElsewhere);
    page->open();
}

QString UnitsView::filterTextFor(qint64 id) const
{
    try {
        const auto record = Core::UnitRepository(*database()).get(id);
        return record ? record->name : QString();
    } catch (const Core::Error &) {
        return {}; // the list then simply stays as it is
    }
}

QString UnitsView::countText(int total) const
{
    return tr("%n unit(s) match", nullptr, total);
}

} // namespace VinhDanh::Ui
