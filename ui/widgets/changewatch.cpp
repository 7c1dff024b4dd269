#include "ui/widgets/changewatch.h"

#include "core/db/database.h"

namespace VinhDanh::Ui {

ChangeWatch::ChangeWatch(const QStringList &tables, Reload reload, QObject *parent)
    : QObject(parent), m_tables(tables), m_reload(std::move(reload))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatch::fire);
}

void ChangeWatch::setDatabase(Core::Database *db)
{
    // Safe when the old notifier is gone already (its database closed): Qt dropped the
    // connection with it.
    disconnect(m_connection);
    discardPending();
    if (db)
        m_connection = connect(&db->changes(), &Core::ChangeNotifier::changed, this, &ChangeWatch::onChanged);
}

void ChangeWatch::discardPending()
{
    m_timer.stop();
    m_pending = Core::ChangeSet();
}

void ChangeWatch::onChanged(const Core::ChangeSet &changes)
{
    if (!changes.touches(m_tables))
        return;
    m_pending.add(changes);
    m_timer.start();
}

void ChangeWatch::fire()
{
    const Core::ChangeSet changes = std::exchange(m_pending, Core::ChangeSet());
    m_reload(changes);
}

} // namespace VinhDanh::Ui
