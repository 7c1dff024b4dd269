#include "ui/dossiers/dossierlistmodel.h"

#include "core/domain/codes.h"
#include "core/error.h"
#include "core/proposals/registernumbers.h"
#include "core/text/vntext.h"
#include "ui/dossiers/workflowwidgets.h"

#include <QScopedValueRollback>

namespace VinhDanh::Ui {

namespace Wf = Core::Workflow;

DossierListModel::DossierListModel(QObject *parent) : QAbstractTableModel(parent) {}

void DossierListModel::setDatabase(Core::Database *db)
{
    m_db = db;
    reload();
}

void DossierListModel::setFilter(bool anyStatus, Wf::Status status, qint64 movementId, int year)
{
    m_filter.anyStatus = anyStatus;
    m_filter.status = status;
    m_regularOnly = movementId == RegularTrack;
    m_filter.movementId = movementId > 0 ? movementId : 0;
    m_filter.year = year;
    reload();
}

void DossierListModel::setText(const QString &text)
{
    const QString folded = Core::Text::fold(text);
    if (folded == m_text)
        return;
    m_text = folded;
    reload();
}

void DossierListModel::reload()
{
    {
        // The model tester (and proxies) may call fetchMore() from inside the reset; rows must
        // not be announced in the middle of it, so paging waits until the reset is over.
        const QScopedValueRollback<bool> busy(m_busy, true);
        beginResetModel();
        m_rows.clear();
        m_shown = 0;
        if (m_db) {
            try {
                const QList<Wf::Dossier> all = Wf::DossierRepository(*m_db).list(m_filter);
                for (const Wf::Dossier &d : all) {
                    if (m_regularOnly && d.movementId)
                        continue;
                    if (!m_text.isEmpty()) {
                        const QString haystack = Core::Text::fold(
                            QStringList{Wf::Registers::text(d), d.key, d.title, d.unitName, d.movementName, d.letterNo}.join(
                                QLatin1Char(' ')));
                        if (!haystack.contains(m_text))
                            continue;
                    }
                    m_rows << d;
                }
                m_lastError.clear();
            } catch (const Core::Error &e) {
                m_rows.clear();
                m_lastError = e.message();
            }
        }
        m_shown = int(qMin<qsizetype>(m_rows.size(), m_pageSize));
        endResetModel();
    }
    if (!m_lastError.isEmpty())
        emit loadFailed(m_lastError);
    emit reloaded();
}

qint64 DossierListModel::idAt(int row) const
{
    const Wf::Dossier *d = dossierAt(row);
    return d ? d->id : 0;
}

int DossierListModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_shown; ++row)
        if (m_rows.at(row).id == id)
            return row;
    return -1;
}

const Wf::Dossier *DossierListModel::dossierAt(int row) const
{
    return row >= 0 && row < m_shown ? &m_rows.at(row) : nullptr;
}

int DossierListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

int DossierListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool DossierListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_busy && m_shown < m_rows.size();
}

void DossierListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QScopedValueRollback<bool> busy(m_busy, true);
    const int more = int(qMin<qsizetype>(m_pageSize, m_rows.size() - m_shown));
    beginInsertRows({}, m_shown, m_shown + more - 1);
    m_shown += more;
    endInsertRows();
}

QVariant DossierListModel::data(const QModelIndex &index, int role) const
{
    const Wf::Dossier *d = checkIndex(index, CheckIndexOption::IndexIsValid) ? dossierAt(index.row()) : nullptr;
    if (!d)
        return {};
    if (role == IdRole)
        return d->id;
    if (role == Qt::TextAlignmentRole && (index.column() == Year || index.column() == Nominees))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Status && d->status == Wf::Status::Returned)
        return tr("Returned: %1").arg(d->returnReason);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Key: return Wf::Registers::text(*d); // "HS 12/2025": the key stays internal
    case Title: return d->title;
    case Unit: return d->unitName;
    case Track: return WorkflowText::trackText(*d);
    case Occasion: return Core::Codes::label(Core::Codes::Set::Occasion, d->occasion);
    case Year: return d->year;
    case Nominees: return d->nomineeCount;
    case Status: return Wf::statusLabel(d->status);
    default: return {};
    }
}

QVariant DossierListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Key: return tr("Number");
    case Title: return tr("Title");
    case Unit: return tr("Proposing unit");
    case Track: return tr("Movement");
    case Occasion: return tr("Occasion");
    case Year: return tr("Year");
    case Nominees: return tr("Nominees");
    case Status: return tr("Status");
    default: return {};
    }
}

} // namespace VinhDanh::Ui
