#include "ui/eligibility/candidatesmodel.h"

#include "core/text/vntext.h"
#include "ui/eligibility/eligibilitymodel.h"

#include <QCollator>
#include <QIcon>
#include <QLocale>

#include <algorithm>

namespace VinhDanh::Ui {

using Core::Eligibility::Candidate;

CandidatesModel::CandidatesModel(QObject *parent) : QAbstractTableModel(parent) {}

void CandidatesModel::setCandidates(const QList<Candidate> &candidates, const QMap<QString, QString> &awardNames)
{
    beginResetModel();
    m_all.assign(candidates.begin(), candidates.end());
    m_awardNames = awardNames;
    m_folded.clear();
    m_folded.reserve(m_all.size());
    for (const Candidate &c : m_all)
        m_folded.push_back(Core::Text::fold(c.name + QLatin1Char(' ') + c.key + QLatin1Char(' ') + c.unitName));
    rebuild();
    endResetModel();
}

void CandidatesModel::clear()
{
    setCandidates({}, {});
}

void CandidatesModel::setFilter(const Filter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_filter.text = Core::Text::fold(filter.text);
    rebuild();
    endResetModel();
}

const Candidate &CandidatesModel::candidateAt(int row) const
{
    return m_all[size_t(m_visible[size_t(row)])];
}

bool CandidatesModel::accepts(size_t i) const
{
    const Candidate &c = m_all[i];
    if (!m_filter.awardCode.isEmpty() && c.awardCode != m_filter.awardCode)
        return false;
    if (m_filter.verdict >= 0 && int(c.verdict) != m_filter.verdict)
        return false;
    if (m_filter.recipients == Recipients::Individuals && c.personId == 0)
        return false;
    if (m_filter.recipients == Recipients::Collectives && c.unitId == 0)
        return false;
    return m_filter.text.isEmpty() || m_folded[i].contains(m_filter.text);
}

void CandidatesModel::rebuild()
{
    m_visible.clear();
    for (size_t i = 0; i < m_all.size(); ++i)
        if (accepts(i))
            m_visible.push_back(int(i));
    sortVisible();
}

void CandidatesModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> rowsBefore;
    for (const QModelIndex &index : before)
        rowsBefore.push_back(m_visible[size_t(index.row())]);
    m_sortColumn = column;
    m_sortOrder = order;
    sortVisible();
    // Keep selections and the current row on the same candidates.
    std::vector<int> position(m_all.size(), -1);
    for (size_t row = 0; row < m_visible.size(); ++row)
        position[size_t(m_visible[row])] = int(row);
    QModelIndexList after;
    for (size_t i = 0; i < size_t(before.size()); ++i)
        after << index(position[size_t(rowsBefore[i])], before[qsizetype(i)].column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void CandidatesModel::sortVisible()
{
    if (m_sortColumn < 0)
        return;
    QCollator collator{QLocale(QLocale::Vietnamese)};
    collator.setNumericMode(true);
    const int column = m_sortColumn;
    auto less = [&](int a, int b) {
        const Candidate &x = m_all[size_t(a)];
        const Candidate &y = m_all[size_t(b)];
        if (column == VerdictColumn && x.verdict != y.verdict)
            return int(x.verdict) < int(y.verdict);
        if (column == ProposedColumn && x.proposed != y.proposed)
            return x.proposed < y.proposed;
        if (column == NameColumn) {
            // The Vietnamese way: by given name (the last word), then the whole name.
            const int byGiven = collator.compare(Core::Text::givenName(x.name), Core::Text::givenName(y.name));
            if (byGiven != 0)
                return byGiven < 0;
        }
        const int c = collator.compare(text(x, column), text(y, column));
        return c != 0 ? c < 0 : a < b;
    };
    if (m_sortOrder == Qt::AscendingOrder)
        std::stable_sort(m_visible.begin(), m_visible.end(), less);
    else
        std::stable_sort(m_visible.begin(), m_visible.end(), [&](int a, int b) { return less(b, a); });
}

QString CandidatesModel::text(const Candidate &c, int column) const
{
    switch (column) {
    case KeyColumn: return c.key;
    case NameColumn: return c.name;
    case UnitColumn: return c.unitName;
    case RecipientColumn: return c.personId ? tr("Individual") : tr("Collective");
    case AwardColumn: return m_awardNames.value(c.awardCode, c.awardCode);
    case VerdictColumn: return Core::Eligibility::outcomeLabel(c.outcome);
    case ProgressColumn: return c.progress;
    case ProposedColumn: return c.proposed ? tr("Proposed") : QString();
    default: return {};
    }
}

QList<QStringList> CandidatesModel::tableText() const
{
    QList<QStringList> rows;
    QStringList header;
    for (int column = 0; column < ColumnCount; ++column)
        header << headerData(column, Qt::Horizontal).toString();
    rows << header;
    for (const int i : m_visible) {
        QStringList row;
        for (int column = 0; column < ColumnCount; ++column)
            row << text(m_all[size_t(i)], column);
        rows << row;
    }
    return rows;
}

int CandidatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int CandidatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CandidatesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Candidate &c = candidateAt(index.row());
    switch (role) {
    case Qt::DisplayRole: return text(c, index.column());
    case Qt::ToolTipRole:
        if (index.column() == VerdictColumn && !c.pending.isEmpty())
            return tr("To confirm:\n%1").arg(c.pending.join(QLatin1Char('\n')));
        if (index.column() == VerdictColumn && !c.missing.isEmpty())
            return tr("To enter: %1").arg(c.missing.join(QLatin1String("; ")));
        return index.column() == AwardColumn ? c.awardCode : QVariant();
    case Qt::ForegroundRole: return index.column() == VerdictColumn ? QVariant(EligibilityModel::outcomeColor(c.outcome)) : QVariant();
    case Qt::DecorationRole: return index.column() == VerdictColumn ? QVariant(EligibilityModel::outcomeIcon(c.outcome)) : QVariant();
    case VerdictRole: return int(c.verdict);
    case AwardCodeRole: return c.awardCode;
    default: return {};
    }
}

QVariant CandidatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn: return tr("Key");
    case NameColumn: return tr("Name");
    case UnitColumn: return tr("Unit");
    case RecipientColumn: return tr("Individual / collective");
    case AwardColumn: return tr("Award form");
    case VerdictColumn: return tr("Verdict");
    case ProgressColumn: return tr("Progress");
    case ProposedColumn: return tr("Proposed");
    default: return {};
    }
}

} // namespace VinhDanh::Ui
