#include "ui/decisions/awardeesmodel.h"

#include "core/decisions/decisionrepository.h"
#include "core/registry/recordrepository.h"

namespace VinhDanh::Ui {

using namespace Core::Workflow;

AwardeesModel::AwardeesModel(QObject *parent) : QAbstractTableModel(parent) {}

void AwardeesModel::load(Core::Database *db, qint64 decisionId)
{
    beginResetModel();
    m_rows.clear();
    try {
        if (db && decisionId > 0) {
            if (m_formNames.isEmpty())
                for (const Core::AwardForm &f : Core::RecordRepository(*db).awardForms())
                    m_formNames.insert(f.code, f.name);
            m_rows = DecisionRepository(*db).awardees(decisionId);
        }
    } catch (...) {
        m_rows.clear();
        endResetModel();
        throw;
    }
    endResetModel();
}

qint64 AwardeesModel::total() const
{
    qint64 sum = 0;
    for (const Awardee &a : m_rows)
        sum += a.amount;
    return sum;
}

int AwardeesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AwardeesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AwardeesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Awardee &a = m_rows.at(index.row());
    switch (role) {
    case IdRole: return a.id;
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn || index.column() == CoefficientColumn || index.column() == AmountColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NameColumn || index.column() == ContextColumn)
            return index.column() == NameColumn ? a.name : a.context;
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn: return index.row() + 1;
        case NameColumn: return a.name;
        case ContextColumn: return a.context;
        case FormColumn: return m_formNames.value(a.formCode, a.formCode);
        // Not priced yet (no coefficient or base salary in force): shown empty, not as 0.
        case CoefficientColumn: return a.coefficientMilli > 0 ? Money::coefficientText(a.coefficientMilli) : QString();
        case AmountColumn: return a.amount > 0 ? Money::amountText(a.amount) : QString();
        }
        return {};
    }
    return {};
}

QVariant AwardeesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn: return tr("No.");
    case NameColumn: return tr("Name");
    case ContextColumn: return tr("Unit / position");
    case FormColumn: return tr("Form");
    case CoefficientColumn: return tr("Coefficient");
    case AmountColumn: return tr("Amount (VND)");
    }
    return {};
}

} // namespace VinhDanh::Ui
