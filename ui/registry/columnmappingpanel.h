#pragma once

#include "core/tables/mappingpresets.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QPushButton;
class QTableView;

namespace VinhDanh::Core {
class Database;
}
namespace VinhDanh::Core::Tables {
struct NomineeMapping;
struct PeopleMapping;
struct UnitMapping;
struct RecordMapping;
struct Row;
struct Sheet;
} // namespace VinhDanh::Core::Tables

namespace VinhDanh::Ui {

/// One column of the file's header row and what it is read as ("" = not recognised, left out).
struct MappedHeader
{
    QString header;
    QString field;
};

/// The file's header row, one line per column: the header as written, and what it is read as
/// in the clerk's words (editable: a combo of the list's fields and "Leave out"). Qt::EditRole
/// and Qt::UserRole on the second column give the field name (tests; never shown).
class ColumnMappingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Header, Reading, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void reset(const QList<MappedHeader> &headers, const QList<Core::Tables::MappingChoice> &choices);
    const QList<Core::Tables::MappingChoice> &choices() const { return m_choices; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    /// The clerk chose another reading for the column headed `header`.
    void fieldChosen(const QString &header, const QString &field);

private:
    QString words(const QString &field) const;
    QList<MappedHeader> m_rows;
    QList<Core::Tables::MappingChoice> m_choices;
};

/// The index in `sheet.rows` of the row most likely the table's header, for a file whose
/// columns could not be mapped: among the first 30 rows, the one with most names (text, three or
/// more) whose columns the rows below fill too; else the first row of two filled cells; -1 when
/// there is none.
int likelyHeaderIndex(const Core::Tables::Sheet &sheet);

/// Above the import preview (issue 15 item 2): the saved column mappings of the list kind to
/// apply, which row is the table's header (the clerk's pick when the guess took a letterhead or
/// a title for it), the table of how each column is read, "Save the column mapping…", which stores the
/// clerk's corrections in the database for every clerk of the office (core/tables/mappingpresets),
/// and "Delete the column mapping…" for the one chosen. The import dialog and the dossier's
/// nominee-list dialog both use it; it never reads the file (the dialog keeps what it read).
class ColumnMappingPanel : public QWidget
{
    Q_OBJECT
public:
    ColumnMappingPanel(Core::Database &db, QWidget *parent = nullptr);

    /// Another list kind: its saved mappings are offered, the clerk's corrections forgotten.
    void setKind(Core::Tables::MappingKind kind);
    /// Another file: back to the automatic reading (the header row found again too).
    void resetOverrides();
    /// The clerk's corrections (or the chosen preset's): headerKey → field name.
    QHash<QString, QString> overrides() const { return m_overrides; }

    /// The sheet read: its first rows are what the header-row box offers. Keeps the clerk's
    /// header row; emits nothing.
    void setSheet(const Core::Tables::Sheet &sheet);
    /// The clerk's header row (1-based, as the spreadsheet numbers rows); 0 = found from the headers.
    int headerRow() const { return m_headerRow; }
    /// The clerk says the header is row `row` (0: find it again), as the header-row box does;
    /// the file is mapped again from what was read.
    void setHeaderRow(int row);
    /// Another sheet or Word table: its header is found again (a row chosen for the other one
    /// means nothing here); emits nothing, the caller reads the new one.
    void resetHeaderRow();
    /// The saved mapping whose header row is in use, or empty when the clerk chose the row (or
    /// none): a mapping error says who chose the row.
    QString headerRowMapping() const { return m_headerRowMapping; }
    /// " The saved column mapping … chose row N as the header; …" (a leading space, to follow a
    /// mapping error), or empty when the clerk chose the row or none was chosen.
    QString headerRowNote() const;

    /// Shows how the mapping read the header row.
    void showMapping(const Core::Tables::Sheet &sheet, const Core::Tables::PeopleMapping &m);
    void showMapping(const Core::Tables::Sheet &sheet, const Core::Tables::UnitMapping &m);
    void showMapping(const Core::Tables::Sheet &sheet, const Core::Tables::RecordMapping &m);
    /// A nominee list's header, its two rows combined when it has two.
    void showMapping(const Core::Tables::NomineeMapping &m);
    /// The file's columns could not be mapped: unless the clerk is correcting this very table,
    /// shows the row most likely the header (likelyHeaderIndex), so its columns can be named by hand.
    void showUnmapped(const Core::Tables::Sheet &sheet);
    void clear();

    ColumnMappingModel *model() const { return m_model; }
    /// Applies the saved mapping `name` (as the clerk chooses it in the box).
    void choosePreset(const QString &name);
    /// Saves the current corrections as `name`; false (with the reason shown) on refusal.
    bool savePreset(const QString &name);
    /// Deletes the saved mapping `name` without asking (the button asks first); back to the
    /// automatic reading when it was the one applied. False (with the reason shown) on refusal.
    bool deletePreset(const QString &name);
    QStringList presetNames() const;

signals:
    /// The overrides changed: the file must be mapped again.
    void mappingChanged();

private:
    void showRow(const Core::Tables::Row &header, const QHash<int, QString> &fields, const QList<int> &years);
    void loadPresets(const QString &current = {});
    void askAndSave();
    void askAndDelete();
    void updateButtons();
    /// Selects m_headerRow in the box (listing it when the sheet's first rows do not).
    void showHeaderRow();

    Core::Database &m_db;
    Core::Tables::MappingKind m_kind = Core::Tables::MappingKind::People;
    QHash<QString, QString> m_overrides;
    int m_headerRow = 0;
    QString m_headerRowMapping; // the saved mapping m_headerRow came from; empty: the clerk's
    int m_foundRow = 0;         // the header row the last mapping used (shown beside "found automatically")
    ColumnMappingModel *m_model;
    QComboBox *m_presets;
    QComboBox *m_headerRowBox;
    QTableView *m_view;
    QPushButton *m_save;
    QPushButton *m_delete;
};

} // namespace VinhDanh::Ui
