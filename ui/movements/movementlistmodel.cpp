#include "ui/movements/movementlistmodel.h"

#include "core/registry/movementrepository.h"

#include <QFont>

namespace VinhDanh::Ui {

MovementListModel::MovementListModel(QObject *parent) : QAbstractTableModel(parent) {}

void MovementListModel::setDatabase(Core::Database *db)
{
    m_db = db;
}

void MovementListModel::setFilter(const QString &filter)
{
    m_filter = filter;
}

void MovementListModel::reload()
{
    QList<Core::MovementSummary> rows;
    // Empty the model first: if the repository throws, the view must not keep rows whose ids
    // may no longer exist.
    beginResetModel();
    m_rows.clear();
    try {
        if (m_db)
            rows = Core::MovementRepository(*m_db).list(m_filter);
    } catch (...) {
        endResetModel();
        throw;
    }
    m_rows = rows;
    endResetModel();
}

int MovementListModel::rowForId(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == id)
            return row;
    return -1;
}

int MovementListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MovementListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MovementListModel::displayValue(const Core::MovementSummary &s, int column) const
{
    switch (column) {
    case NameColumn: return s.name;
    case SourceColumn: return s.isCatalogue ? tr("Catalogue") : tr("Own");
    case PeriodColumn:
        if (s.periodFrom <= 0)
            return QString();
        if (s.periodTo <= 0 || s.periodTo == s.periodFrom)
            return QString::number(s.periodFrom);
        return tr("%1–%2", "a range of years").arg(s.periodFrom).arg(s.periodTo);
    case IssuerColumn: return s.issuer;
    case PlanNumberColumn:
        // Plans are often issued with the number left blank ("Số: /KH-UBND").
        return s.planNumber.isEmpty() ? tr("not numbered") : s.planNumber;
    }
    return {};
}

QVariant MovementListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::MovementSummary &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayValue(s, index.column());
    case Qt::ToolTipRole:
        if (s.isCatalogue)
            return tr("Catalogue movement (read-only). Copy it to adapt it for your office.");
        return index.column() == NameColumn ? QVariant(s.name) : QVariant();
    case Qt::FontRole:
        // The Source column carries the mark; bold there makes the catalogue block stand out
        // without making whole rows shout.
        if (s.isCatalogue && index.column() == SourceColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case IdRole: return s.id;
    case IsCatalogueRole: return s.isCatalogue;
    }
    return {};
}

QVariant MovementListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Movement");
    case SourceColumn: return tr("Source");
    case PeriodColumn: return tr("Period");
    case IssuerColumn: return tr("Issuer");
    case PlanNumberColumn: return tr("Plan number");
    }
    return {};
}

} // namespace VinhDanh::Ui
