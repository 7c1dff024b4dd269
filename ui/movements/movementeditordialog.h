#pragma once

#include "core/domain/codes.h"
#include "core/domain/movement.h"
#include "ui/widgets/conflictdialog.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;

namespace VinhDanh::Core {
class ConflictError;
class Database;
} // namespace VinhDanh::Core

namespace VinhDanh::Ui {

class EditableTable;

/// Edits one of the office's own movements completely: the plan's general facts and every
/// list (legal bases, phases, contents, nominee categories, award forms, standards, notes).
/// Save validates (MovementRepository::validate) and writes through MovementRepository::save;
/// problems and any Core::Error are shown in the dialog, which then stays open. A save that lost
/// a race (someone saved the movement after it was opened) shows what differs and lets the
/// clerk keep theirs or overwrite with theirs on purpose (movementeditorconflict.cpp).
/// Catalogue movements are read-only: the view copies one first.
class MovementEditorDialog : public QDialog
{
    Q_OBJECT
public:
    // Column order of each list table (tests and the load/store code share them).
    enum PhaseColumn { PhaseName, PhaseFrom, PhaseTo, PhaseReview, PhaseReviewYear, PhaseText };
    enum ContentColumn { ContentNumber, ContentText };
    enum CategoryColumn { CategoryCode, CategoryKind, CategoryName, CategoryUnitKinds, CategoryPersonCategories };
    enum AwardColumn { AwardOccasion, AwardCodes, AwardName, AwardRecipients, AwardNote };
    enum StandardColumn { StandardCodes, StandardOccasion, StandardCategory, StandardHeading, StandardItems };

    /// `movement` is the user movement to edit, or a default Movement for a new one.
    MovementEditorDialog(Core::Database &db, const Core::Movement &movement, QWidget *parent = nullptr);
    ~MovementEditorDialog() override;

    /// The movement as the form holds it now (what Save would write).
    Core::Movement movement() const;
    /// The id written by the last successful save; 0 before.
    qint64 savedId() const { return m_savedId; }
    /// The problems shown under the tabs (empty when none).
    QString problemsText() const;

public slots:
    /// Validates and saves; stays open and shows why when it cannot.
    void accept() override;

private:
    QWidget *buildGeneralTab();
    void buildListTabs(); // movementeditorlists.cpp
    QWidget *buildStandardsTab();
    void loadGeneral(const Core::Movement &m);
    void loadLists(const Core::Movement &m);  // movementeditorlists.cpp
    void storeLists(Core::Movement &m) const; // movementeditorlists.cpp
    void refreshCategoryChoices();
    void showStandardItems(int row);
    void storeStandardItems();
    void onEdited();
    void showProblems(const QStringList &problems);
    // movementeditorconflict.cpp
    static QList<ConflictField> conflictFields(const Core::Movement &mine, const Core::Movement &theirs);
    void resolveConflict(const Core::Movement &mine, const Core::ConflictError &e);

    Core::Database &m_db;
    Core::Movement m_original; // keeps id, key, copiedFrom and seed, which the form does not edit
    QList<Core::CodeLabel> m_awardForms;
    qint64 m_savedId = 0;
    bool m_loading = false;
    bool m_showProblems = false; // only after the first Save: a new, empty form is not an error

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_issuer = nullptr;
    QLineEdit *m_documentKind = nullptr;
    QLineEdit *m_planNumber = nullptr;
    QCheckBox *m_planDated = nullptr;
    QDateEdit *m_planDate = nullptr;
    QLineEdit *m_place = nullptr;
    QLineEdit *m_scope = nullptr;
    QSpinBox *m_periodFrom = nullptr;
    QSpinBox *m_periodTo = nullptr;
    QLineEdit *m_signerTitle = nullptr;
    QLineEdit *m_signerName = nullptr;

    EditableTable *m_legalBases = nullptr;
    EditableTable *m_phases = nullptr;
    EditableTable *m_contents = nullptr;
    EditableTable *m_categories = nullptr;
    EditableTable *m_awards = nullptr;
    EditableTable *m_standards = nullptr;
    QPlainTextEdit *m_standardItems = nullptr;
    EditableTable *m_notes = nullptr;

    QLabel *m_problems = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace VinhDanh::Ui
