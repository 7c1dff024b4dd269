#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "ui/common/recordpage.h"

#include <QHash>
#include <QWidget>

class QAction;
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

class AwardeesModel;
class DateField;
class PrintButton;

/// One decision: the register number (prefilled with the next free one, with a warning when
/// another decision uses it), date, trích yếu, signer and authority, the sitting it follows,
/// and the awardees with their bonuses. A draft is edited and saved here; "Issue" freezes it
/// and writes the ledger. An issued decision is read-only and offers an amending decision.
/// Loading, unsaved edits, read-only and following changes are RecordPage's.
class DecisionPage : public QWidget, public RecordPage
{
    Q_OBJECT
public:
    explicit DecisionPage(QWidget *parent = nullptr);

    void setDatabase(Core::Database *db);
    /// Reads and shows a stored decision; false (with a message box) when it cannot be read.
    bool openDecision(qint64 id);
    /// A new draft, not saved yet, filled from `defaults`; the register number is the next
    /// free one when `defaults.registerNo` is 0.
    void startNew(const Core::Workflow::Decision &defaults);

    qint64 decisionId() const { return m_decision.id; }
    const Core::Workflow::Decision &decision() const { return m_decision; }
    QString numberText() const;
    QString numberWarning() const;
    QString totalText() const;
    AwardeesModel *awardeesModel() const { return m_awardees; }
    /// "Print / save…": the decision with its list of awardees, as saved.
    PrintButton *printButton() const { return m_print; }

public slots:
    /// Saves the draft's header (and prices its awardees); false (message box) when refused.
    bool save();
    /// Fills the awardees from the chosen sitting's result.
    void fillFromCouncil();
    /// Asks, then issues. A refusal is shown with the core's reason.
    void issue();
    /// Shows a new draft amending the shown (issued) decision.
    void newAmendment();

signals:
    /// Decision `id` was written (or deleted: then `id` no longer exists).
    void changed(qint64 id);
    void backRequested();

protected:
    qint64 shownRecordId() const override { return m_decision.id; }
    void readRecord(qint64 id) override;
    bool saveRecord() override { return save(); }
    bool storedRecordDiffers() const override;
    void readChildren() override { reloadAwardees(); }
    bool concerns(const Core::ChangeSet &changes) const override;
    void dirtyStateChanged() override { updateState(); }
    QString readErrorTitle() const override;

private:
    void showDecision(const Core::Workflow::Decision &d);
    Core::Workflow::Decision fromForm() const;
    void fillSessions();
    void onRegisterChanged();
    void updateNumber();
    void reloadAwardees();
    void removeAwardee();
    void removeDraft();
    void price();
    void updateState();

    Core::Database *m_db = nullptr;
    Core::Workflow::Decision m_decision;
    QHash<qint64, qint64> m_sessionMovement; // sitting id → its movement id
    bool m_numberTouched = false;            // the clerk chose a number: issuer/year no longer renumber

    QLabel *m_heading;
    QLabel *m_state;
    QLineEdit *m_issuer;
    QSpinBox *m_year;
    QSpinBox *m_registerNo;
    QLabel *m_number;
    QLabel *m_numberWarning;
    DateField *m_date;
    QLineEdit *m_title;
    QLineEdit *m_signer;
    QLineEdit *m_signerTitle;
    QComboBox *m_authority;
    QComboBox *m_session;
    QLabel *m_amends;
    AwardeesModel *m_awardees;
    QTableView *m_awardeesView;
    QLabel *m_total;
    QLabel *m_pricing;
    QPushButton *m_back;
    QPushButton *m_save;
    QPushButton *m_fill;
    QPushButton *m_removeAwardee;
    QPushButton *m_issue;
    QPushButton *m_delete;
    QPushButton *m_amend;
    PrintButton *m_print;
    QAction *m_certificates = nullptr;
};

} // namespace VinhDanh::Ui
