#include "ui/widgets/columns.h"

#include "core/settings.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QHash>
#include <QHeaderView>
#include <QMenu>
#include <QPointer>
#include <QScopedValueRollback>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

namespace VinhDanh::Ui::Columns {

namespace {

const char *const kKeeperName = "vinhdanhColumnKeeper";

// A sort chosen on a list whose widths still follow its content is kept as this short record
// instead of the header's whole state, so the widths go on fitting: "sort:<column>:<0|1>".
// QHeaderView::restoreState refuses it (no magic number), so an older program ignores it.
const QByteArray kSortOnly = QByteArrayLiteral("sort:");

QByteArray sortRecord(int column, Qt::SortOrder order)
{
    return kSortOnly + QByteArray::number(column) + ':' + QByteArray::number(int(order));
}

bool parseSortRecord(const QByteArray &saved, int columns, int &column, Qt::SortOrder &order)
{
    if (!saved.startsWith(kSortOnly))
        return false;
    const QList<QByteArray> parts = saved.mid(kSortOnly.size()).split(':');
    bool okColumn = false, okOrder = false;
    column = parts.value(0).toInt(&okColumn);
    const int o = parts.value(1).toInt(&okOrder);
    order = o == int(Qt::DescendingOrder) ? Qt::DescendingOrder : Qt::AscendingOrder;
    return parts.size() == 2 && okColumn && okOrder && column >= 0 && column < columns;
}

QHeaderView *headerOf(QAbstractItemView *view)
{
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    return nullptr;
}

/// Lives as a child of the view (found again by its object name).
class Keeper : public QObject
{
public:
    Keeper(QAbstractItemView *view, QHeaderView *header, const QString &list, const QList<int> &wide)
        : QObject(view), m_view(view), m_header(header), m_list(list), m_wide(wide)
    {
        setObjectName(QLatin1String(kKeeperName));
        m_columns = columnCount();
        m_saveTimer.setSingleShot(true);
        m_saveTimer.setInterval(300); // a drag resizes a column many times a second
        connect(&m_saveTimer, &QTimer::timeout, this, [this] { write(); });

        m_header->setSectionsMovable(true);
        m_header->setSectionResizeMode(QHeaderView::Interactive);
        // The last column is often the key: stretching it is what made "Mã" half the list.
        m_header->setStretchLastSection(m_wide.isEmpty());
        m_header->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(m_header, &QWidget::customContextMenuRequested, this,
                [this](const QPoint &at) { popupMenu(m_header->mapToGlobal(at)); });
        // The header never takes focus, so from the keyboard the menu opens from the list
        // itself: the Menu key or Shift+F10 while the list (or the header) has focus, at the
        // current row. The lists have no row menu of their own for it to hide.
        auto *keyboard = new QAction(this);
        keyboard->setShortcuts({QKeySequence(Qt::Key_Menu), QKeySequence(Qt::SHIFT | Qt::Key_F10)});
        keyboard->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(keyboard, &QAction::triggered, this, [this] {
            const QRect cell = m_view->visualRect(m_view->currentIndex());
            const QPoint at = cell.isValid() ? cell.bottomLeft() : QPoint(0, 0);
            popupMenu(m_view->viewport()->mapToGlobal(at));
        });
        m_view->addAction(keyboard);

        // The sort the list starts with, as its page set it: the one not worth remembering.
        m_initialColumn = m_header->sortIndicatorSection();
        m_initialOrder = m_header->sortIndicatorOrder();
        // A column the page hides before this (an id for scripts, the unit on the unit's own
        // page) is not the clerk's to show: it stays hidden and out of the menu.
        for (int c = 0; c < m_header->count(); ++c)
            if (m_header->isSectionHidden(c))
                m_internal << c;
        const QByteArray saved = Core::Settings::listColumns(m_list, m_columns);
        if (!saved.isEmpty()) {
            const QScopedValueRollback<bool> applying(m_applying, true);
            int column = 0;
            Qt::SortOrder order = Qt::AscendingOrder;
            if (parseSortRecord(saved, m_columns, column, order))
                m_header->setSortIndicator(column, order); // a sorting view sorts its model on it
            else
                m_customised = m_header->restoreState(saved);
            for (int c : std::as_const(m_internal))
                m_header->hideSection(c);
            m_state = saved;
        }
        connect(m_header, &QHeaderView::sectionResized, this, [this] { userChanged(); });
        connect(m_header, &QHeaderView::sectionMoved, this, [this] { userChanged(); });
        connect(m_header, &QHeaderView::sortIndicatorChanged, this, [this] {
            if (m_customised)
                userChanged(); // saved with the rest of the clerk's layout
        });
        // Without a layout of their own, the sort a clerk clicks is saved on its own, so that a
        // click on "Mã" is still the list's order the next day. Only a click: a list a page sorts
        // itself is not the clerk's choice. Qt moves the indicator before it says "clicked".
        connect(m_header, &QHeaderView::sectionClicked, this, [this] {
            if (!m_customised && !m_applying)
                sortChanged();
        });
        if (QAbstractItemModel *model = m_view->model()) {
            connect(model, &QAbstractItemModel::modelReset, this, [this] { scheduleFit(); });
            connect(model, &QAbstractItemModel::rowsInserted, this, [this] { scheduleFit(); });
        }
        m_view->installEventFilter(this);
        scheduleFit();
    }

    ~Keeper() override
    {
        if (m_saveTimer.isActive())
            write(); // the header may be gone already: m_state holds its last layout
    }

    void userChanged()
    {
        if (m_applying)
            return;
        m_customised = true;
        m_state = m_header->saveState();
        m_saveTimer.start();
    }

    void sortChanged()
    {
        m_state = sortOnlyState();
        m_saveTimer.start();
    }

    void forget()
    {
        m_saveTimer.stop();
        m_customised = false;
        m_state = sortOnlyState(); // the widths, order and hidden columns go; the sort stays
        write();
        for (int c = 0; c < m_header->count(); ++c) {
            const QScopedValueRollback<bool> applying(m_applying, true);
            m_header->setSectionHidden(c, m_internal.contains(c));
            m_header->moveSection(m_header->visualIndex(c), c);
        }
        fit();
    }

    void fit()
    {
        if (!m_view->model() || m_header->count() == 0)
            return;
        const QScopedValueRollback<bool> applying(m_applying, true);
        const int available = qMax(m_view->viewport()->width(), 300);
        int used = 0;
        QHash<int, int> contents;
        for (int c = 0; c < m_header->count(); ++c) {
            if (m_header->isSectionHidden(c))
                continue;
            // sizeHintForColumn() reads the rows on screen only: cheap on 100,000 people.
            const int content = qMax(m_view->sizeHintForColumn(c), m_header->sectionSizeHint(c));
            contents.insert(c, content);
            const int cap = available * (m_wide.contains(c) ? 45 : 30) / 100;
            const int width = qMin(content, qMax(cap, m_header->sectionSizeHint(c)));
            m_header->resizeSection(c, width);
            used += width;
        }
        QList<int> wide;
        for (int c : m_wide)
            if (c < m_header->count() && !m_header->isSectionHidden(c))
                wide << c;
        if (wide.isEmpty())
            return;
        const int left = available - used - 2;
        if (left > 0) {
            for (int c : wide)
                m_header->resizeSection(c, m_header->sectionSize(c) + left / int(wide.size()));
            return;
        }
        // Too wide for the window (a long trích yếu, eight nominee columns in a dialog): the other
        // columns give back room first, down to their header but keeping a dozen characters of
        // their content (a key cut to "CN0000…" tells no row from the next); then the wide ones,
        // down to their header or a fifth of the width each. What is still too wide scrolls.
        QList<int> others;
        for (int c = 0; c < m_header->count(); ++c)
            if (!m_header->isSectionHidden(c) && !wide.contains(c))
                others << c;
        int excess = -left;
        const int dozen = 12 * m_view->fontMetrics().averageCharWidth();
        excess = shrink(others, excess, [this, &contents, dozen](int c) {
            return qMax(m_header->sectionSizeHint(c), qMin(contents.value(c), dozen));
        });
        shrink(wide, excess, [this, available](int c) { return floorOf(c, available); });
    }

    /// Takes up to `excess` pixels from `columns`, in proportion to what each has above its
    /// floor; returns what is still to take.
    template<typename Floor>
    int shrink(const QList<int> &columns, int excess, Floor floor)
    {
        int spare = 0;
        for (int c : columns)
            spare += qMax(0, m_header->sectionSize(c) - floor(c));
        if (spare <= 0 || excess <= 0)
            return excess;
        const double share = qMin(1.0, double(excess) / spare);
        for (int c : columns) {
            const int give = int(qMax(0, m_header->sectionSize(c) - floor(c)) * share);
            m_header->resizeSection(c, m_header->sectionSize(c) - give);
            excess -= give;
        }
        return qMax(0, excess);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Shown, or made larger or smaller (a maximised window): fit again, until the clerk has
        // a layout of their own.
        if (watched == m_view && (event->type() == QEvent::Show || event->type() == QEvent::Resize))
            scheduleFit();
        return QObject::eventFilter(watched, event);
    }

    QString list() const { return m_list; }
    bool isInternal(int column) const { return m_internal.contains(column); }

    void popupMenu(const QPoint &global)
    {
        QMenu *menu = headerMenu(m_view, m_header);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->setObjectName(QStringLiteral("columnsMenu"));
        menu->popup(global);
        // Opened from the keyboard, the first column's entry is ready for Up/Down and Enter.
        if (!menu->actions().isEmpty())
            menu->setActiveAction(menu->actions().first());
    }

private:
    int floorOf(int column, int available) const { return qMax(m_header->sectionSizeHint(column), available * 20 / 100); }

    int columnCount() const { return m_view->model() ? m_view->model()->columnCount() : 0; }

    QByteArray sortOnlyState() const
    {
        const int column = m_header->sortIndicatorSection();
        const Qt::SortOrder order = m_header->sortIndicatorOrder();
        if (!m_header->isSortIndicatorShown() || (column == m_initialColumn && order == m_initialOrder))
            return {};
        return sortRecord(column, order);
    }

    void scheduleFit()
    {
        // After the view has laid out the new rows; never over the clerk's own layout.
        if (m_customised)
            return;
        QTimer::singleShot(0, this, [this] {
            // Empty too: the headers fit and the wide columns fill the width (an editable table
            // before its first row).
            if (!m_customised && m_view->isVisible() && m_view->model())
                fit();
        });
    }

    void write() { Core::Settings::setListColumns(m_list, m_columns, m_state); }

    QAbstractItemView *m_view;
    QHeaderView *m_header;
    QString m_list;
    QList<int> m_wide;
    QList<int> m_internal; // hidden by the page, never offered
    QByteArray m_state;
    QTimer m_saveTimer;
    bool m_applying = false;
    bool m_customised = false;
    int m_columns = 0; // at install: the settings key names it
    int m_initialColumn = 0;
    Qt::SortOrder m_initialOrder = Qt::AscendingOrder;
};

Keeper *keeperOf(QAbstractItemView *view)
{
    return view ? view->findChild<Keeper *>(QLatin1String(kKeeperName), Qt::FindDirectChildrenOnly) : nullptr;
}

// lupdate files a call to this tr() under the namespace's name: look it up under the same one
// (under "Columns" the Vietnamese catalogue had no entry, and the menu showed English).
QString tr(const char *text)
{
    return QCoreApplication::translate("VinhDanh::Ui::Columns", text);
}

} // namespace

void remember(QAbstractItemView *view, const QString &list, const QList<int> &wideColumns)
{
    QHeaderView *header = headerOf(view);
    if (!header || keeperOf(view))
        return;
    new Keeper(view, header, list, wideColumns);
}

QMenu *headerMenu(QAbstractItemView *view, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    QHeaderView *header = headerOf(view);
    QAbstractItemModel *model = view ? view->model() : nullptr;
    if (!header || !model)
        return menu;
    int shown = 0;
    for (int c = 0; c < header->count(); ++c)
        shown += header->isSectionHidden(c) ? 0 : 1;
    QPointer<QAbstractItemView> guard(view);
    const Keeper *keeper = keeperOf(view);
    for (int visual = 0; visual < header->count(); ++visual) {
        const int c = header->logicalIndex(visual);
        if (keeper && keeper->isInternal(c))
            continue;
        // "&" in a header is a letter of its text, not a mnemonic in the menu.
        QString text = model->headerData(c, Qt::Horizontal).toString();
        QAction *action = menu->addAction(text.replace(QLatin1Char('&'), QStringLiteral("&&")));
        action->setCheckable(true);
        action->setData(c); // the column, for whoever reads the menu (the tests)
        action->setChecked(!header->isSectionHidden(c));
        action->setEnabled(header->isSectionHidden(c) || shown > 1); // never hide the last column
        QObject::connect(action, &QAction::toggled, menu, [guard, header, c](bool on) {
            if (!guard)
                return;
            header->setSectionHidden(c, !on);
            if (on && header->sectionSize(c) < header->minimumSectionSize() * 2)
                header->resizeSection(c, qMax(guard->sizeHintForColumn(c), header->sectionSizeHint(c)));
            if (Keeper *keeper = keeperOf(guard))
                keeper->userChanged();
        });
    }
    menu->addSeparator();
    QAction *fit = menu->addAction(tr("Fit the columns to their contents"));
    QObject::connect(fit, &QAction::triggered, menu, [guard] {
        if (Keeper *keeper = keeperOf(guard))
            keeper->forget();
    });
    return menu;
}

bool remembered(const QAbstractItemView *view)
{
    return view && view->findChild<Keeper *>(QLatin1String(kKeeperName), Qt::FindDirectChildrenOnly);
}

void fitToContents(QAbstractItemView *view)
{
    if (Keeper *keeper = keeperOf(view))
        keeper->fit();
}

} // namespace VinhDanh::Ui::Columns
