#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// The documents of a dossier: the required-documents checklist (tờ trình, danh sách, a báo cáo
/// thành tích per nominee, biên bản) with what is still missing, and the files kept with the
/// dossier — Add file… (as the document chosen beside the button), Save as…, Remove.
class AttachmentsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentsPanel(Core::Database &db, QWidget *parent = nullptr);

    /// Shows a dossier's documents; `editable` false leaves only Save as… working.
    void setDossier(qint64 dossierId, bool editable);
    void reload();

    QListWidget *required() const { return m_required; }
    QTableWidget *files() const { return m_files; }
    QComboBox *kindChoice() const { return m_kind; }
    QLabel *missingLabel() const { return m_missing; }
    /// The buttons that change the files (disabled with the dossier's content).
    QList<QWidget *> contentControls() const;
    /// Attaches a file as the document chosen in kindChoice(); shows why it could not.
    bool addFile(const QString &path);
    /// Writes the selected file to `path`; shows why it could not.
    bool saveSelectedTo(const QString &path);
    /// How many required documents are missing.
    int missingCount() const { return m_missingCount; }

public slots:
    void chooseAndAdd();
    void saveSelectedAs();
    void removeSelected();

signals:
    /// A file was added or removed.
    void changed();

private:
    qint64 selectedId() const;
    void updateButtons();

    Core::Database &m_db;
    qint64 m_dossierId = 0;
    bool m_editable = false;
    int m_missingCount = 0;
    QListWidget *m_required;
    QLabel *m_missing;
    QTableWidget *m_files;
    QComboBox *m_kind;
    QPushButton *m_add;
    QPushButton *m_saveAs;
    QPushButton *m_remove;
};

} // namespace VinhDanh::Ui
