#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "core/tables/legacytext.h"
#include "core/tables/nomineelist.h"

#include <QDialog>
#include <QHash>

#include <memory>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
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
class NomineeListModel;

/// The dossier page's "Import list…" (issue 15): the clerk chooses the danh sách đề nghị a
/// lower unit sent (XLSX, DOCX or CSV), sees every row with whom it names, the form, the
/// engine's verdict and the warnings (or why it is refused), gives a reason for those the
/// engine finds not eligible if they are to be proposed anyway, and adds all the nominees or
/// none, with progress and cancel. Reading and matching are core/tables (nomineelist.h).
class NomineeListDialog : public QDialog
{
    Q_OBJECT
public:
    NomineeListDialog(Core::Database &db, const Core::Workflow::Dossier &dossier, QWidget *parent = nullptr);
    ~NomineeListDialog() override;

    /// Reads `path` and shows its preview; on an unreadable file the reason shows in the dialog
    /// and false is returned. What was read is kept: the reason, the column mapping and a saved
    /// mapping chosen, the header row and a column's text encoding preview it again from memory;
    /// another file or sheet, or "Read the file again", reads anew.
    bool loadFile(const QString &path);
    /// How each column is read, the saved column mappings of nominee lists (issue 15 item 2).
    ColumnMappingPanel *mappingPanel() const { return m_mapping; }
    /// The reason kept on every nominee the engine finds not eligible; the preview follows.
    void setProceedReason(const QString &reason);

    QAbstractItemModel *previewModel() const;
    const Core::Tables::NomineeListPreview &preview() const { return m_preview; }
    QString problemText() const;
    /// The columns read as TCVN3, VNI or VIQR, as the line above the preview says them.
    QString encodingText() const;
    /// The clerk's override of a column's text encoding (as the encoding bar does it), converted
    /// again from what was read, not from the file.
    void chooseEncoding(int column, Core::Tables::TextEncoding encoding);
    QString summaryText() const;
    QPushButton *importButton() const { return m_import; }
    QPushButton *rejectedButton() const { return m_rejected; }
    /// The sheet of a workbook or the table of a Word file, by the name the chooser shows; the
    /// preview follows. False when the file has no such sheet or table.
    bool chooseSheet(const QString &text);
    /// Writes the rows with errors and their reasons (.xlsx, else CSV); the error's message, or
    /// empty when written.
    QString saveRejected(const QString &path) const;
    /// How many nominees the last import added (0 before one, or after a cancel).
    int added() const { return m_added; }

public slots:
    /// Adds the previewed nominees, all or nothing (accepts the dialog when done).
    void runImport();

signals:
    /// After each nominee written during the import (done of total).
    void progressed(int done, int total);

private:
    void chooseFile();
    void fillSheets();
    void chooseRejectedFile();
    /// Reads the file (the sheet or table chosen), then previews it.
    void reload();
    /// The preview of what was read, under the current mapping and reason.
    void remap();
    void showProblem(const QString &text);

    Core::Database &m_db;
    Core::Workflow::Dossier m_dossier;
    QString m_path;
    std::unique_ptr<Core::Tables::TableFile> m_read;    // the sheet as read (see loadFile)
    QHash<int, Core::Tables::TextEncoding> m_encodings; // the clerk's choices, by column
    Core::Tables::NomineeListPreview m_preview;
    int m_added = 0;
    bool m_importing = false; // the commit runs: no new preview until it is done
    NomineeListModel *m_model;
    EncodingBar *m_encodingBar; // above the column mapping, as in the import dialog
    ColumnMappingPanel *m_mapping;
    QLabel *m_file;
    QLineEdit *m_reason;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_problem;
    QPushButton *m_import;
    QComboBox *m_sheet;
    QLabel *m_sheetLabel;
    QPushButton *m_rejected;
    QPushButton *m_reread = nullptr; // "Read the file again"
};

} // namespace VinhDanh::Ui
