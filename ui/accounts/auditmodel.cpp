#include "ui/accounts/auditmodel.h"

#include "core/error.h"

#include <QDateTime>
#include <QScopeGuard>

namespace VinhDanh::Ui {

AuditModel::AuditModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditModel::setFilter(Core::Database *db, const Core::AuditFilter &filter)
{
    m_busy = true;
    beginResetModel();
    m_db = db;
    m_filter = filter;
    m_filter.limit = 0;
    m_filter.offset = 0;
    m_entries.clear();
    m_total = 0;
    m_words = Core::AuditText(db);
    try {
        if (m_db) {
            m_total = Core::AuditLog(*m_db).count(m_filter);
            Core::AuditFilter page = m_filter;
            page.limit = kPageSize;
            m_entries = Core::AuditLog(*m_db).entries(page);
        }
    } catch (...) {
        m_entries.clear();
        m_total = 0;
        endResetModel();
        m_busy = false;
        throw;
    }
    endResetModel();
    m_busy = false;
}

QString AuditModel::actionLabel(const QString &action)
{
    if (action == QLatin1String("insert"))
        return tr("Added");
    if (action == QLatin1String("update"))
        return tr("Changed");
    if (action == QLatin1String("delete"))
        return tr("Deleted");
    return action;
}

QString AuditModel::localTime(const QString &at)
{
    const QDateTime t = QDateTime::fromString(at, Qt::ISODateWithMs);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")) : at;
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size() || role != Qt::DisplayRole)
        return {};
    const Core::AuditEntry &e = m_entries.at(index.row());
    switch (index.column()) {
    // Words, not codes (issue 16): the leader reads tables, fields and values as the forms
    // show them; the export and the CLI's JSON keep the stored ones.
    case Time: return Core::AuditText::when(e.at);
    case Actor: return m_words.who(e.actor); // "os:root" reads "root (computer account)", never empty
    case Action: return actionLabel(e.action);
    case Table: return Core::AuditText::tableNoun(e.table);
    case Record: return m_words.recordName(e);
    case Changes: return m_words.changes(e).join(QStringLiteral("; "));
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Actor: return tr("Who");
    case Action: return tr("Change");
    case Table: return tr("Table");
    case Record: return tr("Record");
    case Changes: return tr("What changed");
    }
    return {};
}

bool AuditModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_busy && m_db && m_entries.size() < m_total;
}

void AuditModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_busy = true;
    const auto done = qScopeGuard([this] { m_busy = false; });
    Core::AuditFilter page = m_filter;
    page.limit = kPageSize;
    page.offset = int(m_entries.size());
    QList<Core::AuditEntry> more;
    try {
        more = Core::AuditLog(*m_db).entries(page);
    } catch (const Core::Error &) {
        more.clear();
    }
    if (more.isEmpty()) {
        m_total = int(m_entries.size()); // stop asking; the view shows what it has
        return;
    }
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + more.size()) - 1);
    m_entries.append(more);
    endInsertRows();
}

} // namespace VinhDanh::Ui
