#include "ui/widgets/editabletabledelegate.h"

#include "ui/widgets/editabletable.h"

#include <QComboBox>
#include <QIntValidator>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollBar>

namespace VinhDanh::Ui {

EditableTableDelegate::EditableTableDelegate(EditableTable *table) : QStyledItemDelegate(table), m_table(table) {}

QWidget *EditableTableDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const EditableColumn &column = m_table->column(index.column());
    auto *self = const_cast<EditableTableDelegate *>(this);
    switch (column.kind) {
    case EditableColumn::Text: return QStyledItemDelegate::createEditor(parent, option, index);
    case EditableColumn::Year: {
        auto *edit = new QLineEdit(parent);
        edit->setValidator(new QIntValidator(0, 9999, edit));
        edit->setMaxLength(4);
        return edit;
    }
    case EditableColumn::Code: {
        auto *combo = new QComboBox(parent);
        if (column.allowEmpty)
            combo->addItem(m_table->codeLabel(index.column(), QString()), QString());
        for (const Core::CodeLabel &c : column.codes)
            combo->addItem(c.label, c.code);
        // Commit as soon as a choice is made, not only when focus leaves the cell.
        connect(combo, &QComboBox::activated, self, [self, combo] { emit self->commitData(combo); });
        return combo;
    }
    case EditableColumn::CodeList: {
        auto *list = new QListWidget(parent);
        for (const Core::CodeLabel &c : column.codes) {
            auto *item = new QListWidgetItem(c.label, list);
            item->setData(Qt::UserRole, c.code);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        // Each tick is committed at once, so closing the list any way keeps what was ticked.
        connect(list, &QListWidget::itemChanged, self, [self, list] { emit self->commitData(list); });
        return list;
    }
    case EditableColumn::ReadOnly:
    case EditableColumn::Check: // toggled in place by the view, no editor
        return nullptr;
    }
    return nullptr;
}

void EditableTableDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const EditableColumn &column = m_table->column(index.column());
    switch (column.kind) {
    case EditableColumn::Year: {
        const int year = m_table->year(index.row(), index.column());
        static_cast<QLineEdit *>(editor)->setText(year > 0 ? QString::number(year) : QString());
        return;
    }
    case EditableColumn::Code: {
        auto *combo = static_cast<QComboBox *>(editor);
        const int found = combo->findData(m_table->code(index.row(), index.column()));
        combo->setCurrentIndex(qMax(0, found));
        return;
    }
    case EditableColumn::CodeList: {
        auto *list = static_cast<QListWidget *>(editor);
        const QStringList codes = m_table->codes(index.row(), index.column());
        const QSignalBlocker blocker(list); // setting the ticks is not an edit
        for (int i = 0; i < list->count(); ++i) {
            QListWidgetItem *item = list->item(i);
            item->setCheckState(codes.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
        }
        return;
    }
    default: QStyledItemDelegate::setEditorData(editor, index);
    }
}

void EditableTableDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const EditableColumn &column = m_table->column(index.column());
    switch (column.kind) {
    case EditableColumn::Year: m_table->setYear(index.row(), index.column(), static_cast<QLineEdit *>(editor)->text().toInt()); return;
    case EditableColumn::Code:
        m_table->setCode(index.row(), index.column(), static_cast<QComboBox *>(editor)->currentData().toString());
        return;
    case EditableColumn::CodeList: {
        auto *list = static_cast<QListWidget *>(editor);
        QStringList codes;
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked)
                codes << list->item(i)->data(Qt::UserRole).toString();
        m_table->setCodes(index.row(), index.column(), codes);
        return;
    }
    default: QStyledItemDelegate::setModelData(editor, model, index);
    }
}

void EditableTableDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (m_table->column(index.column()).kind != EditableColumn::CodeList) {
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
        return;
    }
    // A ticked list does not fit in one row: let it overlap the rows below (or above, near
    // the bottom of the table) so all choices can be seen without scrolling.
    auto *list = static_cast<QListWidget *>(editor);
    const int rowHeight = qMax(list->sizeHintForRow(0), option.rect.height());
    const int wanted = rowHeight * int(list->count()) + 2 * list->frameWidth() + 4;
    QRect rect = option.rect;
    const int listWidth = list->sizeHintForColumn(0) + 2 * list->frameWidth() + list->verticalScrollBar()->sizeHint().width() + 8;
    rect.setWidth(qMax(rect.width(), listWidth));
    rect.setHeight(qMax(rect.height(), qMin(wanted, 240)));
    const QWidget *viewport = editor->parentWidget();
    if (viewport && rect.bottom() > viewport->height())
        rect.moveBottom(qMax(rect.height(), viewport->height()));
    if (viewport && rect.right() > viewport->width())
        rect.moveRight(qMax(rect.width(), viewport->width()));
    editor->setGeometry(rect);
}

} // namespace VinhDanh::Ui
