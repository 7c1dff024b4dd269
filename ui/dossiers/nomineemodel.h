#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"

#include <QAbstractTableModel>
#include <QMap>

namespace VinhDanh::Ui {

/// The nominees of one dossier as the dossier page shows them: who, award kind and form, the
/// engine's verdict at entry, the entry warnings (an icon; the text in the tooltip), the
/// clerk's reason to proceed, and — once appraisal starts — the appraiser's verdict and the
/// outcome. Filled by the page from DossierRepository reads (no database of its own).
class NomineeTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Kind, Form, Verdict, Warnings, ProceedReason, Appraisal, Outcome, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit NomineeTableModel(QObject *parent = nullptr);

    /// Replaces the rows (a model reset). `formNames` maps award-form codes to names.
    void setContent(const QList<Core::Workflow::Nominee> &nominees, const QList<Core::Workflow::Appraisal> &appraisals,
                    const QList<Core::Workflow::Outcome> &outcomes, const QMap<QString, QString> &formNames);
    const Core::Workflow::Nominee *nomineeAt(int row) const;
    int rowOfId(qint64 nomineeId) const;
    /// The appraisal of a nominee, nullptr when it has none yet.
    const Core::Workflow::Appraisal *appraisalOf(qint64 nomineeId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "Agreed", "Not agreed", with "(overrides the engine)" when it differs from it.
    static QString appraisalText(const Core::Workflow::Appraisal &appraisal);

private:
    QList<Core::Workflow::Nominee> m_nominees;
    QMap<qint64, Core::Workflow::Appraisal> m_appraisals;
    QMap<qint64, Core::Workflow::Outcome> m_outcomes;
    QMap<QString, QString> m_formNames;
};

} // namespace VinhDanh::Ui
