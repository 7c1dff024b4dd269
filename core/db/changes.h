#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSqlDriver>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace VinhDanh::Core {

/// One record that a committed transaction added, modified or removed.
struct Change
{
    enum class Kind { Added, Modified, Removed };
    QString table;
    qint64 id = 0; // 0 when not known (rows a bulk import counted, tables keyed by text)
    QString key;   // the record's key as the audit log names it (ext_key, username, …), may be empty
    Kind kind = Kind::Modified;
};

/// What one commit changed, or what changed outside this connection (another program, another
/// clerk). Subscribers ask touches() with the tables they show and read again when it is true.
class ChangeSet
{
public:
    /// Changes another connection made. `tables` empty = not known (SQLite only says that the
    /// file changed): touches() is then true for every table.
    static ChangeSet outside(const QStringList &tables = {});

    bool isOutside() const { return m_outside; }
    bool tablesKnown() const { return !m_allTables; }
    /// The tables changed, sorted, each once.
    QStringList tables() const { return m_tables; }
    /// Whether any of `tables` changed (always true while the tables are not known).
    bool touches(const QStringList &tables) const;
    bool isEmpty() const { return m_tables.isEmpty() && !m_allTables; }
    /// This connection's changes, one per record (an Added then Modified record stays Added,
    /// anything then Removed is Removed). Empty for outside changes.
    const QList<Change> &changes() const { return m_changes; }
    /// The ids of `table`'s records that changed (of one kind, when given), without 0.
    QList<qint64> ids(const QString &table) const;
    QList<qint64> ids(const QString &table, Change::Kind kind) const;

    void add(const Change &change);
    void add(const ChangeSet &other);

private:
    QList<Change> m_changes;
    QHash<QString, int> m_index; // record → its place in m_changes
    QStringList m_tables;
    bool m_outside = false;
    bool m_allTables = false; // outside, tables not known
};

/// The database's announcer (issue 17): after the OUTERMOST transaction on the connection
/// commits, changed() carries what it changed — read from the audit rows it wrote, plus what
/// writers record() themselves (the rows a bulk import counts instead of auditing) — so views
/// subscribe instead of being told to reload. A rollback announces nothing; a savepoint rolled
/// back takes its records with it. Changes of other programs arrive as outside ChangeSets while
/// watchOutside() is on: SQLite polls PRAGMA data_version on a timer; PostgreSQL LISTENs to the
/// NOTIFY every commit sends with its tables (this connection's own notifications ignored).
///
/// Owned by Database (Database::changes()), in the thread that opened it. changed() is emitted
/// synchronously from Transaction::commit(), after the transaction is closed: a slot may read
/// and write (a write is a new transaction), but should defer heavy work (ui/widgets/changewatch.h).
class ChangeNotifier : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultPollMs = 2000;
    /// The PostgreSQL NOTIFY channel; the payload is the changed tables, comma-separated.
    static QString channel();

    /// Where the changes of a transaction come from: `mark` is called at its start (SQL inside
    /// the transaction), `since(mark)` just before its commit. Database sets the audit log's.
    struct Source
    {
        std::function<qint64()> mark;
        std::function<QList<Change>(qint64 mark)> since;
    };

    ChangeNotifier(const QString &connectionName, bool postgres);
    ~ChangeNotifier() override;
    ChangeNotifier(const ChangeNotifier &) = delete;
    ChangeNotifier &operator=(const ChangeNotifier &) = delete;

    void setSource(Source source) { m_source = std::move(source); }
    /// From now on, transactions on the connection are followed (Database calls it once the
    /// schema is migrated: migrations and the catalogue's load announce nothing).
    void enable();
    bool enabled() const { return m_enabled; }

    /// For writers whose rows the audit log does not name one by one. Inside a transaction it
    /// joins that transaction's set; outside one it is announced at once.
    void record(const QString &table, Change::Kind kind, qint64 id = 0);

    /// Starts following other programs' changes: SQLite every `intervalMs`, PostgreSQL as its
    /// notifications arrive. The GUI pauses it while the application is not active.
    void watchOutside(int intervalMs = DefaultPollMs);
    /// Stops announcing outside changes until the next watchOutside() or checkOutside(); what
    /// happens meanwhile is announced then (SQLite's counter still differs, PostgreSQL's
    /// notifications are kept).
    void pauseOutside();
    bool watchingOutside() const { return m_watching; }
    /// Looks now (SQLite: one PRAGMA; PostgreSQL: announces notifications kept while paused).
    /// Returns true when it announced something.
    bool checkOutside();

    // For core/db/transaction.cpp, by connection name (Transaction holds a QSqlDatabase).
    static ChangeNotifier *forConnection(const QString &connectionName);
    void transactionBegun();
    void savepointBegun(int depth);
    void savepointRolledBack(int depth);
    /// Collects the changes and, on PostgreSQL, queues the NOTIFY (sent by the commit). Throws.
    void beforeCommit();
    void committed();
    void rolledBack() noexcept;

signals:
    void changed(const VinhDanh::Core::ChangeSet &changes);

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    qint64 dataVersion() const;

    QString m_connection;
    bool m_postgres = false;
    bool m_enabled = false;
    Source m_source;
    // The open transaction: its mark, the records made in it, and where each savepoint began.
    bool m_open = false;
    qint64 m_mark = 0;
    QList<Change> m_recorded;
    QList<QPair<int, int>> m_savepoints; // depth → size of m_recorded when it began
    ChangeSet m_pending;                 // collected by beforeCommit(), announced by committed()
    // Outside.
    QTimer m_poll;
    bool m_watching = false;
    bool m_subscribed = false;
    qint64 m_dataVersion = -1;
    ChangeSet m_missed; // PostgreSQL: notified while paused
    bool m_missedAny = false;
};

} // namespace VinhDanh::Core

Q_DECLARE_METATYPE(VinhDanh::Core::ChangeSet)
