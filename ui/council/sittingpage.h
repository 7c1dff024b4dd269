#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "ui/common/recordpage.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class CouncilItemsModel;
class DateField;
class EditableTable;
class PrintButton;
class TallyEditor;

/// One sitting of the council: its header (with the start and end time and, when the
/// secretary is not a member, their name), the members, who attended (with the quorum shown
/// live) and which one is the secretary, the nominees put before it and the tally of the
/// selected one. Header and member edits are saved with "Save" (or on their own before adding
/// a dossier, recording a tally or closing); ticking a stored member's attendance is saved at
/// once, as the clerk takes the roll. A closed sitting is read-only, as is every sitting for an account that
/// may not run the council. Loading, unsaved edits, read-only and following changes are
/// RecordPage's.
class SittingPage : public QWidget, public RecordPage
{
    Q_OBJECT
public:
    enum MemberColumn { NameColumn, TitleColumn, AttendedColumn, SecretaryColumn };

    explicit SittingPage(QWidget *parent = nullptr);

    void setDatabase(Core::Database *db);
    /// Reads and shows a stored sitting; false (with the reason in a message box) when it
    /// cannot be read.
    bool openSession(qint64 id);
    /// Shows a new sitting, not saved yet, filled from `defaults` (members included).
    void startNew(const Core::Workflow::Sitting &defaults);

    qint64 sessionId() const { return m_session.id; }
    QString quorumText() const;
    CouncilItemsModel *itemsModel() const { return m_items; }
    QTableView *itemsView() const { return m_itemsView; }
    EditableTable *membersTable() const { return m_members; }
    TallyEditor *tallyEditor() const { return m_tally; }
    /// "Print / save…": the minutes (biên bản) of the saved sitting.
    PrintButton *printButton() const { return m_print; }

public slots:
    /// Writes the header and members; false (with a message box) when refused.
    bool save();

signals:
    /// Something of sitting `id` was written (list counts, statuses follow).
    void changed(qint64 id);
    void backRequested();

protected:
    qint64 shownRecordId() const override { return m_session.id; }
    void readRecord(qint64 id) override;
    bool saveRecord() override { return save(); }
    bool storedRecordDiffers() const override;
    void readChildren() override;
    void dirtyStateChanged() override;
    QString readErrorTitle() const override;
    bool holdsUnsavedInput() const override;

private:
    void showSession(const Core::Workflow::Sitting &session);
    /// Error for a time that is not one (25:00).
    Core::Workflow::Sitting fromForm() const;
    QList<Core::Workflow::CouncilMember> membersFromTable() const;
    void fillMovements();
    void onMemberItemChanged(int row, int column);
    void addDossier();
    void closeSession();
    void reloadItems(qint64 selectItemId);
    void showCurrentItem();
    void updateQuorum();
    void updateState();

    Core::Database *m_db = nullptr;
    Core::Workflow::Sitting m_session;

    QLabel *m_heading;
    QLineEdit *m_title;
    DateField *m_date;
    QLineEdit *m_place;
    QLineEdit *m_chair;
    QLineEdit *m_start;     // hh:mm; empty until the sitting opens
    QLineEdit *m_end;       // hh:mm
    QLineEdit *m_secretary; // the secretary's name when not a member (else tick the member)
    QSpinBox *m_year;
    QComboBox *m_movement;
    EditableTable *m_members;
    QLabel *m_quorum;
    QLabel *m_state;
    CouncilItemsModel *m_items;
    QTableView *m_itemsView;
    TallyEditor *m_tally;
    QPushButton *m_back;
    QPushButton *m_save;
    QPushButton *m_addDossier;
    QPushButton *m_close;
    PrintButton *m_print;
};

} // namespace VinhDanh::Ui
