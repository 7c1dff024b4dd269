#pragma once

#include "core/tables/awardimport.h"
#include "core/tables/disciplineimport.h"
#include "core/tables/initiativeimport.h"
#include "core/tables/legacytext.h"
#include "core/tables/peopleimport.h"
#include "core/tables/unitimport.h"

#include <QDialog>
#include <QHash>
#include <QString>

#include <memory>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace VinhDanh::Core {
class Database;
}
namespace VinhDanh::Core::Tables {
struct TableFile;
}

namespace VinhDanh::Ui {

class ColumnMappingPanel;
class EncodingBar;
class ImportPreviewModel;

/// File ▸ Import staff list from Excel (issue 15): the clerk chooses an XLSX or CSV list, sees
/// every row with what it would add or change (or why it is refused), and imports all of it or
/// nothing. The "List" box says what the file holds: staff (with their ratings), the office's
/// units, the award history (titles included), disciplinary records or initiatives. Reading, matching and writing
/// are core/tables; this is the clerk's view of them.
class ImportTableDialog : public QDialog
{
    Q_OBJECT
public:
    enum class ListKind { People, Units, Awards, Disciplines, Initiatives };

    explicit ImportTableDialog(Core::Database &db, QWidget *parent = nullptr);
    ~ImportTableDialog() override;

    /// Reads `path` (the sheet chosen in the sheet box, or the first visible one) and shows its
    /// preview. On an unreadable file the reason shows in the dialog and false is returned.
    /// What was read is kept: another column mapping or list kind maps it again from memory,
    /// without reading the file (slow for a big list, and wrong had it changed on disk since),
    /// and so do another header row and another text encoding (TableFile keeps the sheet before
    /// conversion); "Read the file again" and another sheet read it anew.
    bool loadFile(const QString &path);

    QAbstractItemModel *previewModel() const;
    const Core::Tables::PeoplePreview &preview() const { return m_preview; }
    const Core::Tables::UnitPreview &unitPreview() const { return m_units; }
    const Core::Tables::AwardPreview &awardPreview() const { return m_awards; }
    const Core::Tables::DisciplinePreview &disciplinePreview() const { return m_disciplines; }
    const Core::Tables::InitiativePreview &initiativePreview() const { return m_initiatives; }
    /// The preview of the list kind shown.
    const Core::Tables::SheetPreview &sheetPreview() const;
    /// What the list holds, as the "List" box chooses it; the file is read again.
    void setListKind(ListKind kind);
    ListKind listKind() const;
    QString problemText() const;
    /// The columns read as TCVN3, VNI or VIQR, as the line above the preview says them.
    QString encodingText() const;
    /// The clerk's override of a column's text encoding (as the bar below the file row does it);
    /// converted again from what was read, not from the file.
    void chooseEncoding(int column, Core::Tables::TextEncoding encoding);
    /// How each column is read, the saved column mappings and "Save the column mapping…"
    /// (issue 15 item 2); a change maps the file again.
    ColumnMappingPanel *mappingPanel() const { return m_mapping; }

signals:
    /// After each person written during the import (done of total).
    void progressed(int done, int total);

private:
    void chooseFile();
    void reload();
    /// m_encodings as readFile and applyEncodings take them.
    QList<Core::Tables::EncodingChoice> encodingChoices() const;
    /// The preview of what was read, under the current list kind and column mapping.
    bool remap();
    void clearPreviews();
    void showPreview();
    void saveRejected();
    /// "Get a template…": the XLSX to fill in for the list kind chosen (core/tables/templates).
    void saveTemplate();
    void runImport();
    void showProblem(const QString &text);
    int previewFile(const Core::Tables::TableFile &file);
    // The rows, counts and notes of whichever preview the list kind shows.
    const QList<Core::Tables::PreviewRow> &rows() const;
    int count(Core::Tables::RowStatus status) const;
    const QStringList &notes() const;
    QString title() const;

    Core::Database &m_db;
    QString m_path;
    // The sheet as read (cells as QStrings, legacy text already converted): 50,000 rows × 15
    // columns stay well under 100 MB, and the preview's rows share its strings.
    std::unique_ptr<Core::Tables::TableFile> m_read;
    Core::Tables::PeoplePreview m_preview;
    Core::Tables::UnitPreview m_units;
    Core::Tables::AwardPreview m_awards; // the award history, titles included
    Core::Tables::DisciplinePreview m_disciplines;
    Core::Tables::InitiativePreview m_initiatives;
    QComboBox *m_kind;
    int m_unitColumn = -1; // the staff list's unit, or the unit list's parent: the preview's "Unit" column
    QHash<int, Core::Tables::TextEncoding> m_encodings; // the clerk's choices, by column
    ImportPreviewModel *m_model;
    EncodingBar *m_encodingBar;
    ColumnMappingPanel *m_mapping;
    QLabel *m_file;
    QComboBox *m_sheet;
    QLabel *m_sheetLabel;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_problem;
    QPushButton *m_reload;
    QPushButton *m_rejected;
    QPushButton *m_import;
};

} // namespace VinhDanh::Ui
