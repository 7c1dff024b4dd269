#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "ui/council/registerlistmodel.h"

namespace VinhDanh::Ui {

/// The decisions register, newest first: number, date, trích yếu (what the decision is about),
/// issuer, signer, awardees, total in đồng and status in words. An office issues a few dozen decisions a year: loaded whole.
class DecisionListModel : public RegisterListModelOf<Core::Workflow::Decision>
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        DateColumn,
        SummaryColumn,
        IssuerColumn,
        SignerColumn,
        AwardeesColumn,
        TotalColumn,
        StatusColumn,
        ColumnCount
    };

    explicit DecisionListModel(QObject *parent = nullptr);

    const Core::Workflow::Decision &decision(int row) const { return record(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QList<Core::Workflow::Decision> readAll(Core::Database &db) const override;
};

/// The signer as the document prints it: "KT. Phó Chủ tịch Nguyễn Văn A".
QString signerLine(const Core::Workflow::Decision &d);

} // namespace VinhDanh::Ui
