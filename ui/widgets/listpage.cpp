#include "ui/widgets/listpage.h"

#include "core/error.h"
#include "ui/widgets/changewatch.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/formwidgets.h"
#include "ui/widgets/pagedmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace {
QToolButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}
} // namespace

ListPage::ListPage(PagedModelBase *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_watch(new ChangeWatch(
                                           {}, [this](const Core::ChangeSet &changes) { reloadAfter(changes); }, this)),
      m_filter(new QLineEdit(this)), m_filterRow(new QHBoxLayout), m_table(new QTableView(this)), m_count(new QLabel(this)),
      m_error(makeProblemLabel(this)), m_new(new QAction(style()->standardIcon(QStyle::SP_FileIcon), tr("&New…"), this)),
      m_edit(new QAction(style()->standardIcon(QStyle::SP_FileDialogDetailedView), tr("&Edit…"), this)),
      m_delete(new QAction(style()->standardIcon(QStyle::SP_TrashIcon), tr("&Delete…"), this)),
      m_open(new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open page"), this))
{
    m_model->setParent(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter: type part of a name, with or without accents"));
    m_filter->setClearButtonEnabled(true);
    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(FilterDelayMs);
    connect(m_filter, &QLineEdit::textChanged, &m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &ListPage::applyFilter);
    connect(&m_filterTimer, &QTimer::timeout, this, &ListPage::applyFilter);

    m_table->setObjectName(QStringLiteral("table"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &ListPage::keepSortIndicatorValid);
    connect(m_table, &QTableView::doubleClicked, this, &ListPage::openSelected);

    // Shortcuts live on the table, so Delete in the filter field deletes text, not a record.
    m_edit->setShortcut(Qt::Key_F2);
    m_delete->setShortcut(QKeySequence::Delete);
    // Enter opens the selected row, from the main keyboard or the keypad.
    m_open->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    for (QAction *a : {m_edit, m_delete, m_open}) {
        a->setShortcutContext(Qt::WidgetShortcut);
        m_table->addAction(a);
    }
    m_new->setShortcut(QKeySequence::New);
    m_new->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_new);
    connect(m_new, &QAction::triggered, this, &ListPage::newRecord);
    connect(m_edit, &QAction::triggered, this, &ListPage::editSelected);
    connect(m_delete, &QAction::triggered, this, &ListPage::deleteSelected);
    connect(m_open, &QAction::triggered, this, &ListPage::openSelected);

    m_filterRow->addWidget(m_filter, 2);
    auto *top = new QHBoxLayout;
    top->addLayout(m_filterRow, 1);
    top->addSpacing(12);
    for (QAction *a : {m_new, m_edit, m_delete, m_open})
        top->addWidget(buttonFor(a, this));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_error, 1);
    bottom->addStretch();
    bottom->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    connect(m_model, &PagedModelBase::loadFailed, this, &ListPage::showLoadError);
    connect(m_model, &PagedModelBase::reloaded, this, &ListPage::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ListPage::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ListPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ListPage::updateActions);
    updateActions();
}

void ListPage::setDatabase(Core::Database *db)
{
    m_db = db;
    m_watch->setDatabase(db);
    m_model->setDatabase(db);
    applyFilter(); // a filter still waiting for its timer applies to the new database
    setEnabled(db != nullptr);
    updateActions();
}

QAbstractItemView *ListPage::view() const
{
    return m_table;
}

void ListPage::attachView(QAbstractItemView *view)
{
    for (QAction *a : {m_edit, m_delete, m_open})
        view->addAction(a);
    connect(view, &QAbstractItemView::doubleClicked, this, &ListPage::openSelected);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ListPage::updateActions);
}

qint64 ListPage::currentId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_model->idAt(rows.first().row());
}

void ListPage::selectId(qint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

void ListPage::revealId(qint64 id)
{
    // The list is paged: a new record sorted past the pages in memory is not there yet. Ask the
    // database where it stands and read only that page (row 80,000 of a province costs one
    // count). Lists that cannot tell, and a search still appending, read on within reason; past
    // that, show it by its name in the filter instead of reading a whole province.
    constexpr int MaxRowsToLoad = 5000;
    int row = m_model->rowOfId(id);
    if (row < 0) {
        const int at = m_model->positionOfId(id);
        // Checked against the row read there: another clerk may have added or deleted people
        // since the count, and then the slow path below still finds it.
        if (at >= 0 && at < m_model->rowCount() && m_model->idAt(at) == id)
            row = at;
    }
    for (int r = 0; row < 0 && r < MaxRowsToLoad; ++r) {
        if (r >= m_model->rowCount()) {
            if (!m_model->canFetchMore({}))
                break;
            m_model->fetchMore({});
            if (r >= m_model->rowCount())
                break;
        }
        if (m_model->idAt(r) == id)
            row = r;
    }
    if (row < 0) {
        const QString name = filterTextFor(id);
        if (!name.isEmpty()) {
            m_filter->setText(name);
            applyFilter();
        }
    }
    selectId(id);
    view()->setFocus(Qt::OtherFocusReason); // Enter now opens it, F2 edits it
}

void ListPage::reload()
{
    const qint64 keep = currentId();
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    const int keepRow = selected.isEmpty() ? -1 : selected.first().row();
    // A reset scrolls the view back to the top: a clerk reading row 4,000 when another clerk
    // saves would be thrown to "An". The row at the top comes back to the top, and the
    // selection is kept without scrolling to it (the clerk may have scrolled away from it).
    const int topRow = m_table->rowAt(0);
    m_model->reload();
    // A list that appends pages (a search with thousands of hits) holds only its first page
    // now: read down to that row again, within reason — each page is one more OFFSET read
    // from the front, on every change any clerk makes.
    constexpr int MaxRowsToReread = 5000;
    while (topRow >= m_model->rowCount() && topRow < MaxRowsToReread && m_model->canFetchMore({}))
        m_model->fetchMore({});
    int row = keepRow >= 0 && keepRow < m_model->rowCount() && m_model->idAt(keepRow) == keep ? keepRow : -1;
    if (row < 0 && keep != 0)
        row = m_model->rowOfId(keep); // moved (another clerk added someone above it)
    if (row >= 0) {
        const bool autoScroll = m_table->hasAutoScroll();
        m_table->setAutoScroll(false); // selecting would scroll the view to the row
        m_table->selectRow(row);
        m_table->setAutoScroll(autoScroll);
    }
    if (topRow >= 0 && topRow < m_model->rowCount())
        m_table->scrollTo(m_model->index(topRow, 0), QAbstractItemView::PositionAtTop);
}

void ListPage::applyFilter()
{
    m_filterTimer.stop();
    m_model->setFilter(m_filter->text());
}

void ListPage::newRecord()
{
    if (!m_db)
        return;
    const qint64 id = createRecord();
    if (!id)
        return;
    m_model->reload();
    revealId(id);
    m_watch->discardPending(); // read already, with the new record revealed
    emit changed();
}

void ListPage::editSelected()
{
    const qint64 id = currentId();
    if (!id || !editRecord(id))
        return;
    reload();
    selectId(id); // renamed, it may have moved: the clerk sees the record just edited
    m_watch->discardPending();
    emit changed();
}

void ListPage::deleteSelected()
{
    const qint64 id = currentId();
    if (!id)
        return;
    QString name; // column 0 is the name in every list and in the units tree
    for (QAbstractItemView *v : {view(), static_cast<QAbstractItemView *>(m_table)}) {
        const QModelIndexList rows = v->selectionModel()->selectedRows();
        if (!rows.isEmpty()) {
            name = rows.first().data().toString();
            break;
        }
    }
    if (QMessageBox::question(this, tr("Delete"), deleteQuestion(name), QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    try {
        removeRecord(id);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot delete"), e);
        return;
    }
    m_model->reload();
    m_watch->discardPending();
    emit changed();
}

void ListPage::openSelected()
{
    if (const qint64 id = currentId())
        openRecord(id);
}

void ListPage::recordChangedElsewhere()
{
    reload();
    m_watch->discardPending();
    emit changed();
}

void ListPage::watchTables(const QStringList &tables)
{
    m_watch->setTables(tables);
}

void ListPage::reloadAfter(const Core::ChangeSet &changes)
{
    Q_UNUSED(changes);
    reload();
}

void ListPage::updateActions()
{
    const bool selected = currentId() != 0;
    m_new->setEnabled(m_db != nullptr);
    m_edit->setEnabled(selected);
    m_delete->setEnabled(selected);
    m_open->setEnabled(selected);
}

void ListPage::updateCount()
{
    m_count->setText(isFiltered() ? countText(m_model->totalCount()) : QString());
    if (m_model->lastError().isEmpty())
        showProblems(m_error, {});
}

bool ListPage::isFiltered() const
{
    return !m_model->filter().trimmed().isEmpty();
}

void ListPage::showLoadError(const QString &message)
{
    showProblems(m_error, {message});
}

void ListPage::keepSortIndicatorValid(int column, Qt::SortOrder order)
{
    Q_UNUSED(order);
    if (!m_model->isSortable(column))
        m_table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
}

} // namespace VinhDanh::Ui
