#pragma once

#include <QStyledItemDelegate>

namespace VinhDanh::Ui {

class EditableTable;

/// Cell editors for EditableTable, chosen by the column's kind: a line editor for text, a
/// digits-only editor for years, a drop-down for one code, a ticked list for several codes.
/// Code cells keep the code in ValueRole and show its label, so the editor reads and writes
/// through the table's typed setters rather than the display text.
class EditableTableDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum Role {
        ValueRole = Qt::UserRole + 10, ///< year (int), code (QString) or codes (QStringList)
        RowDataRole,                   ///< extra data of a row, on its first cell
    };

    explicit EditableTableDelegate(EditableTable *table);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    EditableTable *m_table;
};

} // namespace VinhDanh::Ui
