#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "core/registry/registry.h"
#include "ui/registry/formdialog.h"

#include <QTimer>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class SubjectPicker;
class TraceView;

/// Adds or edits one nominee of a dossier: the person or unit (searched ignoring diacritics),
/// the award form (only the forms that suit a person, or a unit), the award kind, the
/// achievement summary, and the movement's standards as a checklist with an evidence note per
/// item. As the choice changes the dialog shows what DossierRepository::warningsFor() says —
/// already proposed in the movement, already received, not eligible (with the engine's trace)
/// — and when the engine says "not eligible" it asks why the clerk goes on: OK stays off
/// until that reason is written, and the reason is stored with the nominee.
class NomineeDialog : public FormDialog
{
    Q_OBJECT
public:
    /// `nomineeId` 0 adds a nominee to `dossier`.
    NomineeDialog(Core::Database &db, const Core::Workflow::Dossier &dossier, qint64 nomineeId = 0, QWidget *parent = nullptr);

    qint64 nomineeId() const { return m_nominee.id; }
    /// Delay between the last change and asking the repository for warnings again.
    static constexpr int WarningDelayMs = 150;

    SubjectPicker *picker() const { return m_picker; }
    QComboBox *formChoice() const { return m_form; }
    QComboBox *kindChoice() const { return m_kind; }
    QPlainTextEdit *summaryEdit() const { return m_summary; }
    QTableWidget *checklist() const { return m_checklist; }
    QLabel *warningsLabel() const { return m_warningsLabel; }
    TraceView *trace() const { return m_trace; }
    QPlainTextEdit *proceedReasonEdit() const { return m_reason; }
    /// True while the engine's "not eligible" needs the clerk's reason.
    bool needsReason() const { return m_blocking; }
    QList<Core::Workflow::EntryWarning> warnings() const { return m_warnings; }
    /// Selects an award form by code (for tests and callers that know it).
    void selectForm(const QString &code);

public slots:
    void accept() override;
    /// Asks the repository for the entry warnings now.
    void refreshWarnings();

protected:
    QStringList check() const override;
    void save() override;
    /// A nominee edited meanwhile by someone else: its fields, then keep theirs or overwrite.
    QList<ConflictField> conflictFields(const Core::ConflictError &e) const override;
    bool reloadStored() override;
    bool adoptStoredVersion(int version) override;

private:
    Core::Workflow::Nominee collect() const;
    /// Shows m_nominee in the fields (without the reactions to a changed subject).
    void fill();
    QList<Core::Workflow::ChecklistItem> checklistItems() const;
    void setChecklist(const QList<Core::Workflow::ChecklistItem> &items);
    void subjectChanged();
    void fillForms();
    void scheduleWarnings();
    void updateSaveEnabled();

    Core::Database &m_db;
    Core::Workflow::Dossier m_dossier;
    Core::Workflow::Nominee m_nominee;
    QList<Core::AwardForm> m_forms;
    QList<Core::Workflow::EntryWarning> m_warnings;
    bool m_blocking = false;
    bool m_loaded = true;
    SubjectPicker *m_picker;
    QComboBox *m_form;
    QComboBox *m_kind;
    QPlainTextEdit *m_summary;
    QTableWidget *m_checklist;
    QLabel *m_warningsLabel;
    TraceView *m_trace;
    QLabel *m_reasonLabel;
    QPlainTextEdit *m_reason;
    QTimer m_warningTimer;
};

} // namespace VinhDanh::Ui
