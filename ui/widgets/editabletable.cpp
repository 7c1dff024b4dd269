#include "ui/widgets/editabletable.h"

#include "ui/widgets/columns.h"
#include "ui/widgets/editabletabledelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

EditableTable::EditableTable(const QList<EditableColumn> &columns, QWidget *parent) : QWidget(parent), m_columns(columns)
{
    m_table = new QTableWidget(0, int(columns.size()), this);
    QStringList titles;
    for (const EditableColumn &c : columns)
        titles << c.title;
    m_table->setHorizontalHeaderLabels(titles);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // No CurrentChanged trigger: moving through the table must not open editors, and a test
    // or the dialog writing cells must never race an open editor.
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setItemDelegate(new EditableTableDelegate(this));
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

    for (int c = 0; c < columns.size(); ++c)
        if (columns.at(c).width > 0)
            m_table->setColumnWidth(c, columns.at(c).width);

    m_add = new QPushButton(tr("&Add"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_up = new QPushButton(tr("Move &up"), this);
    m_down = new QPushButton(tr("Move d&own"), this);
    m_add->setToolTip(tr("Add a row at the end"));
    m_remove->setToolTip(tr("Remove the selected row"));

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this] { addRow(); });
    connect(m_remove, &QPushButton::clicked, this, &EditableTable::removeCurrent);
    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_updating)
            return;
        // A plain text cell edited by the default editor: keep its tooltip (the full text of a
        // long paragraph) in step.
        if (m_columns.at(item->column()).kind == EditableColumn::Text) {
            m_updating = true;
            item->setToolTip(item->text());
            m_updating = false;
        }
        emit changed();
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        updateButtons();
        emit currentRowChanged(row);
    });
    updateButtons();
}

void EditableTable::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (Columns::remembered(m_table))
        return;
    QList<int> wide;
    for (int c = 0; c < m_columns.size(); ++c)
        if (m_columns.at(c).width <= 0)
            wide << c;
    const QString name = objectName().isEmpty() ? QStringLiteral("editableTable") : objectName();
    Columns::remember(m_table, QStringLiteral("editable-") + name, wide);
}

EditableTable::~EditableTable()
{
    // The table is deleted after this destructor; its last signals must not reach the
    // handlers above, which read members already gone.
    m_table->disconnect(this);
}

int EditableTable::rowCount() const
{
    return m_table->rowCount();
}

int EditableTable::currentRow() const
{
    return m_table->currentRow();
}

void EditableTable::setCurrentRow(int row)
{
    m_table->setCurrentCell(row, qMax(0, m_table->currentColumn()));
}

void EditableTable::clear()
{
    m_table->setRowCount(0);
    updateButtons();
    emit changed();
}

int EditableTable::addRow()
{
    const int row = m_table->rowCount();
    m_updating = true;
    m_table->insertRow(row);
    for (int c = 0; c < m_columns.size(); ++c) {
        auto *item = new QTableWidgetItem;
        if (m_columns.at(c).kind == EditableColumn::Check)
            item->setCheckState(Qt::Unchecked);
        m_table->setItem(row, c, item);
    }
    applyFlags(row);
    m_updating = false;
    for (int c = 0; c < m_columns.size(); ++c) {
        const EditableColumn &col = m_columns.at(c);
        if (col.kind == EditableColumn::Code && !col.allowEmpty && !col.codes.isEmpty())
            setCode(row, c, col.codes.first().code);
    }
    m_table->setCurrentCell(row, 0);
    m_table->scrollToItem(m_table->item(row, 0));
    updateButtons();
    emit changed();
    return row;
}

QString EditableTable::text(int row, int column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->text() : QString();
}

void EditableTable::setText(int row, int column, const QString &text)
{
    if (QTableWidgetItem *item = m_table->item(row, column)) {
        m_updating = true;
        item->setText(text);
        item->setToolTip(text);
        m_updating = false;
        emit changed();
    }
}

int EditableTable::year(int row, int column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->data(EditableTableDelegate::ValueRole).toInt() : 0;
}

void EditableTable::setYear(int row, int column, int year)
{
    if (QTableWidgetItem *item = m_table->item(row, column)) {
        m_updating = true;
        item->setData(EditableTableDelegate::ValueRole, qMax(0, year));
        item->setText(year > 0 ? QString::number(year) : QString());
        m_updating = false;
        emit changed();
    }
}

QString EditableTable::code(int row, int column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->data(EditableTableDelegate::ValueRole).toString() : QString();
}

void EditableTable::setCode(int row, int column, const QString &code)
{
    if (QTableWidgetItem *item = m_table->item(row, column)) {
        m_updating = true;
        item->setData(EditableTableDelegate::ValueRole, code);
        m_updating = false;
        refreshLabel(row, column);
        emit changed();
    }
}

QStringList EditableTable::codes(int row, int column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->data(EditableTableDelegate::ValueRole).toStringList() : QStringList();
}

void EditableTable::setCodes(int row, int column, const QStringList &codes)
{
    if (QTableWidgetItem *item = m_table->item(row, column)) {
        m_updating = true;
        item->setData(EditableTableDelegate::ValueRole, codes);
        m_updating = false;
        refreshLabel(row, column);
        emit changed();
    }
}

bool EditableTable::checked(int row, int column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item && item->checkState() == Qt::Checked;
}

void EditableTable::setChecked(int row, int column, bool checked)
{
    if (QTableWidgetItem *item = m_table->item(row, column)) {
        m_updating = true;
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        m_updating = false;
        emit changed();
    }
}

void EditableTable::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_table->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                      : QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                                            | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    for (QPushButton *b : {m_add, m_remove, m_up, m_down})
        b->setVisible(!readOnly);
    // Not an edit: listeners of itemChanged/cellChanged must not see the flags change.
    const QSignalBlocker blocker(m_table);
    for (int row = 0; row < m_table->rowCount(); ++row)
        applyFlags(row);
}

void EditableTable::applyFlags(int row)
{
    for (int c = 0; c < m_columns.size(); ++c) {
        QTableWidgetItem *item = m_table->item(row, c);
        if (!item)
            continue;
        Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
        const EditableColumn::Kind kind = m_columns.at(c).kind;
        if (!m_readOnly && kind == EditableColumn::Check)
            flags |= Qt::ItemIsUserCheckable;
        else if (!m_readOnly && kind != EditableColumn::ReadOnly && kind != EditableColumn::Check)
            flags |= Qt::ItemIsEditable;
        item->setFlags(flags);
    }
}

QVariant EditableTable::rowData(int row) const
{
    const QTableWidgetItem *item = m_table->item(row, 0);
    return item ? item->data(EditableTableDelegate::RowDataRole) : QVariant();
}

void EditableTable::setRowData(int row, const QVariant &data)
{
    if (QTableWidgetItem *item = m_table->item(row, 0)) {
        m_updating = true;
        item->setData(EditableTableDelegate::RowDataRole, data);
        m_updating = false;
        emit changed();
    }
}

void EditableTable::setColumnCodes(int column, const QList<Core::CodeLabel> &codes)
{
    m_columns[column].codes = codes;
    for (int row = 0; row < m_table->rowCount(); ++row)
        refreshLabel(row, column);
}

QString EditableTable::codeLabel(int column, const QString &code) const
{
    const EditableColumn &col = m_columns.at(column);
    if (code.isEmpty())
        return col.kind == EditableColumn::Code && col.allowEmpty ? tr("(none)") : QString();
    for (const Core::CodeLabel &c : col.codes)
        if (c.code == code)
            return c.label;
    return code;
}

void EditableTable::refreshLabel(int row, int column)
{
    QTableWidgetItem *item = m_table->item(row, column);
    if (!item)
        return;
    QString label;
    if (m_columns.at(column).kind == EditableColumn::CodeList) {
        QStringList labels;
        for (const QString &code : item->data(EditableTableDelegate::ValueRole).toStringList())
            labels << codeLabel(column, code);
        label = labels.join(QStringLiteral("; "));
    } else {
        label = codeLabel(column, item->data(EditableTableDelegate::ValueRole).toString());
    }
    m_updating = true;
    item->setText(label);
    item->setToolTip(label);
    m_updating = false;
}

void EditableTable::removeCurrent()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(qMin(row, m_table->rowCount() - 1), 0);
    updateButtons();
    emit changed();
}

void EditableTable::moveCurrent(int delta)
{
    const int row = m_table->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_table->rowCount())
        return;
    const int column = qMax(0, m_table->currentColumn());
    m_updating = true;
    for (int c = 0; c < m_columns.size(); ++c) {
        QTableWidgetItem *a = m_table->takeItem(row, c);
        QTableWidgetItem *b = m_table->takeItem(target, c);
        m_table->setItem(row, c, b);
        m_table->setItem(target, c, a);
    }
    m_updating = false;
    m_table->setCurrentCell(target, column);
    updateButtons();
    emit changed();
}

void EditableTable::updateButtons()
{
    const int row = m_table->currentRow();
    const int count = m_table->rowCount();
    m_remove->setEnabled(row >= 0 && row < count);
    m_up->setEnabled(row > 0 && row < count);
    m_down->setEnabled(row >= 0 && row < count - 1);
}

} // namespace VinhDanh::Ui
