#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "core/registry/registry.h"
#include "ui/common/recordpage.h"

#include <QDialog>
#include <QHash>
#include <QMap>

class QFormLayout;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;
class QHBoxLayout;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class AppraisalPanel;
class AttachmentsPanel;
class NomineeTableModel;
class PrintButton;

/// One dossier in its own window: the header, the nominees (with the engine's verdict, the
/// entry warnings, the reason to proceed and the appraisal), the documents with what is
/// missing, the appraisal tab while it is under appraisal, and the history. The buttons at the
/// bottom are exactly the transitions the state machine allows from the status, disabled when
/// the account may not take them. Once submitted the content is read-only and a line says why.
/// Deletes itself when closed. Follows changes made elsewhere (RecordPage); the appraisal
/// being typed counts as unsaved edits.
class DossierPage : public QDialog, public RecordPage
{
    Q_OBJECT
public:
    DossierPage(Core::Database &db, qint64 dossierId, QWidget *parent = nullptr);

    qint64 dossierId() const { return m_dossier.id; }
    const Core::Workflow::Dossier &dossier() const { return m_dossier; }
    NomineeTableModel *nominees() const { return m_nominees; }
    QTableView *nomineeTable() const { return m_nomineeTable; }
    AttachmentsPanel *attachments() const { return m_attachments; }
    AppraisalPanel *appraisal() const { return m_appraisal; }
    QTableWidget *history() const { return m_history; }
    QTabWidget *tabs() const { return m_tabs; }
    /// "Print / save…": the tờ trình and the danh sách of this dossier.
    PrintButton *printButton() const { return m_print; }
    /// The button of a transition; nullptr when the status does not allow it.
    QPushButton *transitionButton(Core::Workflow::Transition t) const;
    /// The line saying why the content cannot change (empty while it can).
    QString readOnlyReason() const;
    /// Every control that changes the dossier's content.
    QList<QWidget *> contentControls() const;

public slots:
    /// Reads the dossier again and updates every part of the page.
    void reload();
    void editHeader();
    void addNominee();
    /// "Import list…": a lower unit's danh sách đề nghị as nominees (NomineeListDialog).
    void importList();
    void editNominee();
    void removeNominee();
    void openNomineePage();
    /// "Confirm from minutes…": the facts of the dossier's year for the selected nominee (none
    /// selected: every nominee), from a unit's bình xét minutes (MinutesDialog).
    void confirmFromMinutes();
    void deleteDossier();
    /// Takes a transition (asking for the reason when it needs one); shows why it could not.
    void runTransition(Core::Workflow::Transition t);
    /// "Trình Hội đồng": offers the open sittings that accept the dossier (a movement's
    /// sitting asks to confirm a regular-track dossier) and puts its agreed nominees before
    /// the one chosen.
    /// Opens a sitting of the dossier's track with the last sitting's members and puts the
    /// dossier before it (CouncilRepository::openSittingFor).
    void openNewSitting();
    void putBeforeCouncil();

signals:
    /// The dossier (or its status) changed: the work queue and its counts follow.
    void changed();

protected:
    qint64 shownRecordId() const override { return m_dossier.id; }
    /// Never throws: a dossier that cannot be read says so in its title.
    void readRecord(qint64 id) override;
    bool storedRecordDiffers() const override;
    bool concerns(const Core::ChangeSet &changes) const override;
    QString readErrorTitle() const override;
    /// Remembers the size the clerk gave the window (core Settings "dossier"), if they resized it.
    void done(int result) override;

private:
    /// The remembered size, else what the nominee columns need, within 90% of the screen.
    void sizeToScreen();
    QSize m_fittedSize; // what sizeToScreen() chose: a window left at it is not remembered
    QWidget *makeNomineesTab();
    void loadHeader();
    void loadHistory();
    void updateControls();
    void updateNomineeButtons();
    /// The content may change now: draft or returned, and the account may edit dossiers.
    bool isEditable() const;
    qint64 selectedNomineeId() const;
    /// Whether the engine leaves something of the nominee to confirm today (awaiting
    /// confirmation, or missing data with items to confirm); cached until the next reload().
    bool nomineeAwaits(const Core::Workflow::Nominee &n) const;
    /// The people and units "Confirm from minutes…" is for: the selected nominee (none
    /// selected: every nominee), each once, only those with something awaiting confirmation.
    /// With `skipped`, it counts the others; without, it stops at the first one found.
    QList<Core::Subject> minutesSubjects(int *skipped = nullptr) const;
    void nomineeActivated();
    void contentChanged();

    Core::Database &m_db;
    Core::Workflow::Dossier m_dossier;
    bool m_missing = false; // the dossier could not be read
    QMap<QString, QString> m_formNames;
    QLabel *m_title;
    QLabel *m_status;
    QFormLayout *m_header;
    QLabel *m_readOnly;
    QTabWidget *m_tabs;
    NomineeTableModel *m_nominees;
    QTableView *m_nomineeTable;
    AttachmentsPanel *m_attachments;
    AppraisalPanel *m_appraisal;
    QTableWidget *m_history;
    QPushButton *m_editHeader;
    QPushButton *m_delete;
    QPushButton *m_addNominee;
    QPushButton *m_importList = nullptr;
    QPushButton *m_editNominee;
    QPushButton *m_removeNominee;
    QPushButton *m_openNominee;
    QPushButton *m_fromMinutes = nullptr;
    mutable QHash<qint64, bool> m_awaiting; // nominee id → nomineeAwaits()
    PrintButton *m_print;
    QHBoxLayout *m_actions;
    QMap<Core::Workflow::Transition, QPushButton *> m_transitionButtons;
};

} // namespace VinhDanh::Ui
