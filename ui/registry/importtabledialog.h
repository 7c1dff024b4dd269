#pragma once

#include "core/tables/peopleimport.h"

#include <QDialog>
#include <QString>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class ImportPreviewModel;

/// File ▸ Import staff list from Excel (issue 15): the clerk chooses an XLSX or CSV list, sees
/// every row with what it would add or change (or why it is refused), and imports all of it or
/// nothing. Reading, matching and writing are core/tables; this is the clerk's view of them.
class ImportTableDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportTableDialog(Core::Database &db, QWidget *parent = nullptr);
    ~ImportTableDialog() override;

    /// Reads `path` (the sheet chosen in the sheet box, or the first visible one) and shows its
    /// preview. On an unreadable file the reason shows in the dialog and false is returned.
    bool loadFile(const QString &path);

    QAbstractItemModel *previewModel() const;
    const Core::Tables::PeoplePreview &preview() const { return m_preview; }
    QString problemText() const;

signals:
    /// After each person written during the import (done of total).
    void progressed(int done, int total);

private:
    void chooseFile();
    void reload();
    void showPreview();
    void saveRejected();
    void runImport();
    void showProblem(const QString &text);

    Core::Database &m_db;
    QString m_path;
    Core::Tables::PeoplePreview m_preview;
    int m_unitColumn = -1;
    ImportPreviewModel *m_model;
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
