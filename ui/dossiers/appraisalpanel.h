#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"

#include <QMap>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class TraceView;

/// Thẩm định, one nominee at a time: the engine's verdict and trace (evaluated now) beside the
/// appraiser's verdict — agreed or not agreed to propose — with a reason (required when not
/// agreed) and an override reason, asked for only when the appraiser's verdict differs from
/// the engine's. Recording writes DossierRepository::appraise().
class AppraisalPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AppraisalPanel(Core::Database &db, QWidget *parent = nullptr);

    /// The dossier's nominees and their appraisals so far; `editable` false shows them only.
    void setContent(const QList<Core::Workflow::Nominee> &nominees, const QList<Core::Workflow::Appraisal> &appraisals, bool editable);
    void selectNominee(qint64 nomineeId);
    qint64 currentNomineeId() const;

    QComboBox *nomineeChoice() const { return m_nominee; }
    TraceView *trace() const { return m_trace; }
    QRadioButton *agreedButton() const { return m_agreed; }
    QRadioButton *notAgreedButton() const { return m_notAgreed; }
    QPlainTextEdit *reasonEdit() const { return m_reason; }
    QPlainTextEdit *overrideEdit() const { return m_override; }
    QPushButton *recordButton() const { return m_record; }
    /// True when the chosen verdict differs from the engine's (an override reason is needed).
    bool overrideNeeded() const;

public slots:
    /// Records the appraiser's verdict for the chosen nominee; shows why it could not.
    bool record();

signals:
    /// An appraisal was recorded.
    void changed();

private:
    void showNominee();
    void updateState();

    Core::Database &m_db;
    QList<Core::Workflow::Nominee> m_nominees;
    QMap<qint64, Core::Workflow::Appraisal> m_appraisals;
    bool m_editable = false;
    QString m_engineVerdict; // code of the engine's verdict for the nominee shown, now
    QComboBox *m_nominee;
    TraceView *m_trace;
    QButtonGroup *m_choice;
    QRadioButton *m_agreed;
    QRadioButton *m_notAgreed;
    QLabel *m_reasonLabel;
    QPlainTextEdit *m_reason;
    QLabel *m_overrideLabel;
    QPlainTextEdit *m_override;
    QLabel *m_recorded;
    QLabel *m_problem;
    QPushButton *m_record;
};

} // namespace VinhDanh::Ui
