#include "ui/council/councilitemsmodel.h"

#include "core/council/councilrepository.h"
#include "core/dossiers/dossierrepository.h"
#include "core/registry/recordrepository.h"
#include "ui/council/counciltext.h"

#include <QBrush>
#include <QColor>

namespace VinhDanh::Ui {

using namespace Core::Workflow;

CouncilItemsModel::CouncilItemsModel(QObject *parent) : QAbstractTableModel(parent) {}

void CouncilItemsModel::load(Core::Database *db, qint64 sessionId)
{
    beginResetModel();
    m_rows.clear();
    m_dossierLabels.clear();
    try {
        if (db && sessionId > 0) {
            QList<CouncilItem> rows = CouncilRepository(*db).items(sessionId);
            if (m_formNames.isEmpty())
                for (const Core::AwardForm &f : Core::RecordRepository(*db).awardForms())
                    m_formNames.insert(f.code, f.name);
            // The items carry the dossier's key and number only; a sitting has a handful of
            // dossiers, so each is read once for its title and proposing unit.
            const DossierRepository dossiers(*db);
            for (const CouncilItem &item : rows) {
                if (item.dossierKey.isEmpty() || m_dossierLabels.contains(item.dossierKey))
                    continue;
                const qint64 id = dossiers.idForKey(item.dossierKey);
                QString label = item.dossierNumber; // never the key
                if (id > 0) {
                    const Dossier d = dossiers.reference(id); // a clerk sees sittings of every unit
                    label = d.unitName.isEmpty() ? d.title : tr("%1 — %2").arg(d.title, d.unitName);
                    if (!item.dossierNumber.isEmpty())
                        label = tr("%1: %2", "a dossier's register number: its title and unit").arg(item.dossierNumber, label);
                }
                m_dossierLabels.insert(item.dossierKey, label);
            }
            m_rows = rows;
        }
    } catch (...) {
        m_rows.clear();
        endResetModel();
        throw;
    }
    endResetModel();
}

int CouncilItemsModel::rowForId(qint64 itemId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == itemId)
            return row;
    return -1;
}

int CouncilItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CouncilItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CouncilItemsModel::display(const CouncilItem &item, int column) const
{
    const bool counts = item.tallied;
    switch (column) {
    case DossierColumn: return m_dossierLabels.value(item.dossierKey, item.dossierNumber);
    case NomineeColumn: return item.nomineeName;
    case FormColumn: return formName(item.formCode);
    case ConflictsColumn: return item.conflictedMemberIds.isEmpty() ? QVariant() : QVariant(int(item.conflictedMemberIds.size()));
    case AgreeColumn: return counts ? QVariant(item.agree) : QVariant();
    case DisagreeColumn: return counts ? QVariant(item.disagree) : QVariant();
    case AbstainColumn: return counts ? QVariant(item.abstain) : QVariant();
    case ThresholdColumn: return counts ? CouncilText::threshold(item.threshold) : QString();
    case ResultColumn: return CouncilText::result(item);
    }
    return {};
}

QVariant CouncilItemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CouncilItem &item = m_rows.at(index.row());
    switch (role) {
    case IdRole: return item.id;
    case Qt::DisplayRole: return display(item, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ResultColumn && item.tallied)
            return tr("%1 of %2 voters agreed; needed: %3.")
                .arg(item.agree)
                .arg(item.voters)
                .arg(CouncilText::threshold(item.threshold));
        if (index.column() == DossierColumn || index.column() == NomineeColumn)
            return display(item, index.column());
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn && item.tallied)
            return QBrush(item.passed ? QColor(0x1b, 0x5e, 0x20) : QColor(0xb7, 0x1c, 0x1c));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= ConflictsColumn && index.column() <= AbstainColumn)
            return int(Qt::AlignCenter);
        return {};
    }
    return {};
}

QVariant CouncilItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DossierColumn: return tr("Dossier");
    case NomineeColumn: return tr("Nominee");
    case FormColumn: return tr("Form");
    case ConflictsColumn: return tr("Conflicts");
    case AgreeColumn: return tr("Agree");
    case DisagreeColumn: return tr("Disagree");
    case AbstainColumn: return tr("Abstain");
    case ThresholdColumn: return tr("Threshold");
    case ResultColumn: return tr("Result");
    }
    return {};
}

} // namespace VinhDanh::Ui
