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

/// The nominees before one sitting and their tallies, in council order: dossier, nominee,
/// form, declared conflicts, the three counts, the threshold used and the result.
class CouncilItemsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        DossierColumn,
        NomineeColumn,
        FormColumn,
        ConflictsColumn,
        AgreeColumn,
        DisagreeColumn,
        AbstainColumn,
        ThresholdColumn,
        ResultColumn,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit CouncilItemsModel(QObject *parent = nullptr);

    /// Reads the items of a sitting (sessionId 0 or db nullptr empties the list). Throws
    /// Core::Error; the model is then empty.
    void load(Core::Database *db, qint64 sessionId);

    const Core::Workflow::CouncilItem &item(int row) const { return m_rows.at(row); }
    int rowForId(qint64 itemId) const;
    /// The award form's name for a code (the code when unknown).
    QString formName(const QString &code) const { return m_formNames.value(code, code); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Core::Workflow::CouncilItem &item, int column) const;

    QList<Core::Workflow::CouncilItem> m_rows;
    QHash<QString, QString> m_dossierLabels; // dossier key → "title — proposing unit"
    QHash<QString, QString> m_formNames;     // award-form code → name
};

} // namespace VinhDanh::Ui
