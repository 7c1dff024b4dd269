#include "core/db/changes.h"

#include "core/db/query.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>

namespace VinhDanh::Core {

namespace {
// Connection name → its notifier. Transaction only holds a QSqlDatabase, so it finds the
// notifier here. A connection lives in one thread, but threads may hold others: hence the mutex.
QMutex g_mutex;
QHash<QString, ChangeNotifier *> g_notifiers;

// The NOTIFY payload is limited to 8000 bytes; past this the tables are left out ("unknown").
constexpr int MaxPayload = 7000;

Change::Kind merged(Change::Kind before, Change::Kind now)
{
    using K = Change::Kind;
    if (before == K::Added && now == K::Modified)
        return K::Added;
    if (before == K::Removed && now == K::Added)
        return K::Modified; // an id used again (SQLite without AUTOINCREMENT)
    return now;
}
} // namespace

// ---- ChangeSet ----------------------------------------------------------------------------

ChangeSet ChangeSet::outside(const QStringList &tables)
{
    ChangeSet s;
    s.m_outside = true;
    for (const QString &t : tables)
        if (!t.isEmpty() && !s.m_tables.contains(t))
            s.m_tables << t;
    s.m_tables.sort();
    s.m_allTables = s.m_tables.isEmpty();
    return s;
}

bool ChangeSet::touches(const QStringList &tables) const
{
    if (m_allTables)
        return true;
    return std::any_of(tables.cbegin(), tables.cend(), [this](const QString &t) { return m_tables.contains(t); });
}

QList<qint64> ChangeSet::ids(const QString &table) const
{
    QList<qint64> out;
    for (const Change &c : m_changes)
        if (c.id != 0 && c.table == table)
            out << c.id;
    return out;
}

QList<qint64> ChangeSet::ids(const QString &table, Change::Kind kind) const
{
    QList<qint64> out;
    for (const Change &c : m_changes)
        if (c.id != 0 && c.kind == kind && c.table == table)
            out << c.id;
    return out;
}

void ChangeSet::add(const Change &change)
{
    const auto at = std::lower_bound(m_tables.begin(), m_tables.end(), change.table);
    if (at == m_tables.end() || *at != change.table)
        m_tables.insert(at, change.table);
    // One entry per record (per table and kind when the record is not known): an index keeps
    // a commit of thousands of rows linear.
    const QString key = change.id != 0 ? QString(change.table + QLatin1Char('#') + QString::number(change.id))
                                       : QString(change.table + QLatin1Char('@') + change.key + QLatin1Char('@')
                                                 + QString::number(int(change.kind)));
    if (const auto found = m_index.constFind(key); found != m_index.cend()) {
        Change &c = m_changes[*found];
        c.kind = merged(c.kind, change.kind);
        return;
    }
    m_index.insert(key, int(m_changes.size()));
    m_changes << change;
}

void ChangeSet::add(const ChangeSet &other)
{
    m_outside = m_outside || other.m_outside;
    m_allTables = m_allTables || other.m_allTables;
    for (const Change &c : other.m_changes)
        add(c);
    for (const QString &t : other.m_tables) {
        const auto at = std::lower_bound(m_tables.begin(), m_tables.end(), t);
        if (at == m_tables.end() || *at != t)
            m_tables.insert(at, t);
    }
}

// ---- ChangeNotifier -----------------------------------------------------------------------

QString ChangeNotifier::channel()
{
    return QStringLiteral("vinhdanh_changes");
}

ChangeNotifier::ChangeNotifier(const QString &connectionName, bool postgres) : m_connection(connectionName), m_postgres(postgres)
{
    m_poll.setSingleShot(false);
    connect(&m_poll, &QTimer::timeout, this, [this] { checkOutside(); });
}

ChangeNotifier::~ChangeNotifier()
{
    {
        QMutexLocker lock(&g_mutex);
        if (g_notifiers.value(m_connection) == this)
            g_notifiers.remove(m_connection);
    }
    if (m_subscribed) {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen() && db.driver())
            db.driver()->unsubscribeFromNotification(channel());
    }
}

void ChangeNotifier::enable()
{
    {
        QMutexLocker lock(&g_mutex);
        g_notifiers.insert(m_connection, this);
    }
    m_enabled = true;
    // The baseline is the state the views read at opening: whatever another program commits
    // from now on is announced at the first look.
    if (!m_postgres)
        m_dataVersion = dataVersion();
}

ChangeNotifier *ChangeNotifier::forConnection(const QString &connectionName)
{
    QMutexLocker lock(&g_mutex);
    return g_notifiers.value(connectionName);
}

void ChangeNotifier::record(const QString &table, Change::Kind kind, qint64 id)
{
    if (m_open) {
        m_recorded << Change{table, id, {}, kind};
        return;
    }
    ChangeSet s;
    s.add(Change{table, id, {}, kind});
    emit changed(s);
}

void ChangeNotifier::transactionBegun()
{
    m_recorded.clear();
    m_savepoints.clear();
    m_pending = ChangeSet();
    m_mark = m_source.mark ? m_source.mark() : 0;
    m_open = true;
}

void ChangeNotifier::savepointBegun(int depth)
{
    if (m_open)
        m_savepoints.append({depth, int(m_recorded.size())});
}

void ChangeNotifier::savepointRolledBack(int depth)
{
    // The database forgets the savepoint's audit rows by itself; its records go here.
    while (!m_savepoints.isEmpty() && m_savepoints.last().first >= depth) {
        const auto [d, size] = m_savepoints.takeLast();
        if (d == depth)
            m_recorded.resize(size);
    }
}

void ChangeNotifier::beforeCommit()
{
    if (!m_open)
        return;
    m_pending = ChangeSet();
    if (m_source.since)
        for (const Change &c : m_source.since(m_mark))
            m_pending.add(c);
    for (const Change &c : std::as_const(m_recorded))
        m_pending.add(c);
    if (m_postgres && !m_pending.isEmpty()) {
        // Sent by the commit, dropped by a rollback: other clerks hear only what was saved.
        QString payload = m_pending.tables().join(QLatin1Char(','));
        if (payload.size() > MaxPayload)
            payload.clear();
        Query(QSqlDatabase::database(m_connection, false), QStringLiteral("SELECT pg_notify(:channel, :payload)"))
            .bind(QStringLiteral(":channel"), channel())
            .bind(QStringLiteral(":payload"), payload)
            .exec();
    }
}

void ChangeNotifier::committed()
{
    if (!m_open)
        return;
    m_open = false;
    m_recorded.clear();
    m_savepoints.clear();
    const ChangeSet done = std::exchange(m_pending, ChangeSet());
    if (!done.isEmpty())
        emit changed(done);
    if (m_postgres && m_watching)
        checkOutside(); // other clerks' changes that came in meanwhile
}

void ChangeNotifier::rolledBack() noexcept
{
    m_open = false;
    m_recorded.clear();
    m_savepoints.clear();
    m_pending = ChangeSet();
    if (m_postgres && m_watching && m_missedAny) // not now (noexcept, and still unwinding): next turn
        QMetaObject::invokeMethod(
            this, [this] { checkOutside(); }, Qt::QueuedConnection);
}

// ---- Outside ------------------------------------------------------------------------------

void ChangeNotifier::watchOutside(int intervalMs)
{
    if (!m_enabled)
        return;
    m_watching = true;
    if (m_postgres) {
        if (!m_subscribed) {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            if (QSqlDriver *driver = db.driver(); driver && driver->subscribeToNotification(channel())) {
                m_subscribed = true;
                connect(driver, &QSqlDriver::notification, this, &ChangeNotifier::onNotification);
            }
        }
    } else if (QSqlDatabase::database(m_connection, false).databaseName() != QLatin1String(":memory:")) {
        m_poll.start(intervalMs);
    }
    checkOutside(); // what happened while paused
}

void ChangeNotifier::pauseOutside()
{
    m_watching = false;
    m_poll.stop();
}

bool ChangeNotifier::checkOutside()
{
    if (!m_enabled)
        return false;
    if (m_postgres) {
        // As on SQLite, not inside our own transaction: a list reading now would see the
        // uncommitted rows of an import that may yet roll back (the import's progress bar runs
        // the event loop). committed() and rolledBack() hand them on.
        if (!m_missedAny || m_open)
            return false;
        const ChangeSet missed = std::exchange(m_missed, ChangeSet());
        m_missedAny = false;
        emit changed(missed);
        return true;
    }
    // Inside our own transaction the file is ours for now; look again at the next tick.
    if (m_open)
        return false;
    const qint64 version = dataVersion();
    if (version < 0 || version == m_dataVersion)
        return false;
    m_dataVersion = version;
    emit changed(ChangeSet::outside());
    return true;
}

void ChangeNotifier::onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload)
{
    // QPSQL tells our own notifications apart by the sending backend's process id.
    if (name != channel() || source == QSqlDriver::SelfSource)
        return;
    const ChangeSet outside = ChangeSet::outside(payload.toString().split(QLatin1Char(','), Qt::SkipEmptyParts));
    if (!m_watching || m_open) {
        m_missed.add(outside);
        m_missedAny = true;
        return;
    }
    emit changed(outside);
}

qint64 ChangeNotifier::dataVersion() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return -1;
    // Changes when ANOTHER connection (program, or a second Database here) commits to the file;
    // this connection's own commits leave it alone, and those are announced by committed().
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace VinhDanh::Core
