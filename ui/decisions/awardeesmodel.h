#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// The list attached to a decision: no., name, unit or context, form, coefficient ("1,5")
/// and amount in đồng (vi_VN grouping), in the decision's order.
class AwardeesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NumberColumn, NameColumn, ContextColumn, FormColumn, CoefficientColumn, AmountColumn, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit AwardeesModel(QObject *parent = nullptr);

    /// Reads the awardees of a decision (0 or nullptr empties). Throws Core::Error.
    void load(Core::Database *db, qint64 decisionId);

    const Core::Workflow::Awardee &awardee(int row) const { return m_rows.at(row); }
    /// The sum of the amounts shown.
    qint64 total() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Core::Workflow::Awardee> m_rows;
    QHash<QString, QString> m_formNames;
};

} // namespace VinhDanh::Ui
