#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"

#include <QDialog>
#include <QMap>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class EditableTable;

/// Settings ▸ Bonuses and votes: the data the workflow computes with — base salaries, bonus
/// coefficients, vote thresholds — and the council quorum and decision-register settings.
/// Rows marked unconfirmed (a repealed rule or an inference, per the law notes) are shown in
/// italics with a tooltip saying so. Save writes the rows that changed through PayData;
/// a refused row (bad date, amount, percentage) is shown with its reason and the dialog stays
/// open on it.
class PayDataDialog : public QDialog
{
    Q_OBJECT
public:
    enum SalaryColumn { SalaryFromColumn, SalaryAmountColumn, SalarySourceColumn };
    enum CoefficientColumn {
        CoefFormColumn,
        CoefRecipientColumn,
        CoefFromColumn,
        CoefValueColumn,
        CoefSourceColumn,
        CoefConfirmedColumn
    };
    enum ThresholdColumn { ThrFormColumn, ThrPercentColumn, ThrBasisColumn, ThrStrictColumn, ThrSourceColumn, ThrConfirmedColumn };

    explicit PayDataDialog(Core::Database &db, QWidget *parent = nullptr);
    ~PayDataDialog() override;

    QTabWidget *tabs() const { return m_tabs; }
    EditableTable *salaries() const { return m_salaries; }
    EditableTable *coefficients() const { return m_coefficients; }
    EditableTable *thresholds() const { return m_thresholds; }

public slots:
    /// Saves, and closes only when everything was accepted.
    void accept() override;
    /// Writes every changed row and setting; false (after a message box naming the row and
    /// the reason) when one is refused. Rows before it stay saved.
    bool save();

private:
    void load();
    void loadSalaries();
    void loadCoefficients();
    void loadThresholds();
    void loadSettings();
    bool saveSalaries();
    bool saveCoefficients();
    bool saveThresholds();
    bool saveSettings();
    /// Italics and a tooltip on the rows whose "confirmed" box is not ticked.
    void markUnconfirmed(EditableTable *table, int confirmedColumn);
    bool refuse(EditableTable *table, int row, const QString &message, const QString &detail = {});

    Core::Database &m_db;
    bool m_readOnly = false;
    bool m_styling = false;
    QMap<qint64, Core::Workflow::BaseSalary> m_storedSalaries;
    QMap<qint64, Core::Workflow::Coefficient> m_storedCoefficients;
    QMap<QString, Core::Workflow::Threshold> m_storedThresholds; // by form code
    QMap<QString, QString> m_storedSettings;
    QTabWidget *m_tabs;
    EditableTable *m_salaries;
    EditableTable *m_coefficients;
    EditableTable *m_thresholds;
    QSpinBox *m_quorumNum;
    QSpinBox *m_quorumDen;
    QLineEdit *m_issuer;
    QLineEdit *m_suffix;
    QComboBox *m_level;
    QLabel *m_note;
};

} // namespace VinhDanh::Ui
