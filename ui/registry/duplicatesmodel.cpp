#include "ui/registry/duplicatesmodel.h"

namespace VinhDanh::Ui {

namespace {
constexpr int kPage = 200;

QString side(const QString &name, const QString &key, int birthYear, const QString &cccd)
{
    QString text = DuplicatesModel::tr("%1 (%2)").arg(name, key);
    if (birthYear)
        text = DuplicatesModel::tr("%1, born %2").arg(text).arg(birthYear);
    if (!cccd.isEmpty())
        text = DuplicatesModel::tr("%1, CCCD %2").arg(text, cccd);
    return text;
}
} // namespace

DuplicatesModel::DuplicatesModel(QObject *parent) : QAbstractTableModel(parent) {}

void DuplicatesModel::setPairs(const QList<Core::Dedup::Pair> &pairs)
{
    beginResetModel();
    m_pairs = pairs;
    m_shown = int(std::min<qsizetype>(kPage, m_pairs.size()));
    endResetModel();
}

int DuplicatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

int DuplicatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DuplicatesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown)
        return {};
    const Core::Dedup::Pair &p = m_pairs.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == Score)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Score: return role == Qt::ToolTipRole ? QVariant(p.reasons.join(QLatin1Char('\n'))) : QVariant(p.score);
    case First: return side(p.firstName, p.firstKey, p.firstBirthYear, p.firstCccd);
    case Second: return side(p.secondName, p.secondKey, p.secondBirthYear, p.secondCccd);
    case Unit:
        if (p.firstUnit == p.secondUnit)
            return p.firstUnit;
        return tr("%1 / %2").arg(p.firstUnit, p.secondUnit);
    case Reasons: return p.reasons.join(QStringLiteral("; "));
    default: return {};
    }
}

QVariant DuplicatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Score: return tr("Score");
    case First: return tr("First record");
    case Second: return tr("Second record");
    case Unit: return tr("Unit");
    case Reasons: return tr("Why");
    default: return {};
    }
}

bool DuplicatesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_shown < m_pairs.size();
}

void DuplicatesModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int more = int(std::min<qsizetype>(kPage, m_pairs.size() - m_shown));
    beginInsertRows({}, m_shown, m_shown + more - 1);
    m_shown += more;
    endInsertRows();
}

} // namespace VinhDanh::Ui
