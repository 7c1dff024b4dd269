#pragma once

#include "core/domain/codes.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace VinhDanh::Ui {

/// How one column of an EditableTable is edited and what its cells hold.
struct EditableColumn
{
    enum Kind {
        Text,     ///< free text, a line editor
        Year,     ///< a year or empty (0), digits only
        Code,     ///< one code out of `codes`, chosen from a drop-down
        CodeList, ///< any number of codes out of `codes`, ticked in a list
        ReadOnly, ///< shown, not edited in the cell (e.g. a summary of a detail editor)
        Check,    ///< a tick box (e.g. a council member's attendance)
    };
    QString title;
    Kind kind = Text;
    QList<Core::CodeLabel> codes;
    /// For Code: offer "none" (an empty code) as the first choice.
    bool allowEmpty = false;
    int width = 0; ///< initial width in pixels; 0 = a wide column (takes the room left over)
};

/// A list of rows the user edits in place, with Add, Remove, Up and Down buttons: the
/// movement editor's legal bases, phases, contents, categories, awards, standards, notes.
/// Every cell keeps its value in Qt::EditRole (text, year as int, code, code list) and shows a
/// label; read and write cells through the typed accessors, never through item texts, since a
/// code cell displays a translated label.
class EditableTable : public QWidget
{
    Q_OBJECT
public:
    explicit EditableTable(const QList<EditableColumn> &columns, QWidget *parent = nullptr);
    ~EditableTable() override;

    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *upButton() const { return m_up; }
    QPushButton *downButton() const { return m_down; }

    int rowCount() const;
    int currentRow() const;
    void setCurrentRow(int row);
    void clear();
    /// Appends a row with defaults (first code of a Code column unless it allows empty) and
    /// makes it current. Returns its index.
    int addRow();

    QString text(int row, int column) const;
    void setText(int row, int column, const QString &text);
    int year(int row, int column) const;
    void setYear(int row, int column, int year);
    QString code(int row, int column) const;
    void setCode(int row, int column, const QString &code);
    QStringList codes(int row, int column) const;
    void setCodes(int row, int column, const QStringList &codes);
    bool checked(int row, int column) const;
    void setChecked(int row, int column, bool checked);
    /// Extra data carried by a row but edited elsewhere (a standard's items).
    QVariant rowData(int row) const;
    void setRowData(int row, const QVariant &data);

    const EditableColumn &column(int column) const { return m_columns.at(column); }
    /// Replaces the choices of a Code/CodeList column (the standards' category column follows
    /// the categories table). Cells keep their codes; labels are refreshed.
    void setColumnCodes(int column, const QList<Core::CodeLabel> &codes);
    /// The label shown for a code of a column (the code itself when unknown).
    QString codeLabel(int column, const QString &code) const;

    /// Read-only: no cell editors, tick boxes frozen, the row buttons hidden (a closed council
    /// sitting). Rows added later follow.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

signals:
    /// Any cell, row order or row count changed.
    void changed();
    void currentRowChanged(int row);

protected:
    /// The first time it is shown the table's columns are remembered (Ui::Columns) under the
    /// widget's objectName, which its owner sets after making it.
    void showEvent(QShowEvent *event) override;

private:
    void removeCurrent();
    void moveCurrent(int delta);
    void updateButtons();
    void refreshLabel(int row, int column);
    void applyFlags(int row);

    QList<EditableColumn> m_columns;
    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    bool m_updating = false; // set while we write cells ourselves, to not re-enter refreshLabel
    bool m_readOnly = false;
};

} // namespace VinhDanh::Ui
