#include "core/db/bulktuning.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace VinhDanh::Core {

BulkTuning::BulkTuning(Database &db, int cacheMiB, Durability durability) : m_db(db)
{
    if (db.backend() != Backend::Sqlite)
        return;
    const QString cache = Query(db.sql(), QStringLiteral("PRAGMA cache_size")).scalar().toString();
    const QString tempStore = Query(db.sql(), QStringLiteral("PRAGMA temp_store")).scalar().toString();
    Query::run(db.sql(), QStringLiteral("PRAGMA cache_size = %1").arg(-qint64(cacheMiB) * 1024));
    m_cacheBefore = cache; // from here on the destructor (or the catch below) puts it back
    try {
        Query::run(db.sql(), QStringLiteral("PRAGMA temp_store = MEMORY"));
        m_tempStoreBefore = tempStore;
        if (durability == Durability::Disposable && db.settings().path != QLatin1String(":memory:")) {
            const QString journal = Query(db.sql(), QStringLiteral("PRAGMA journal_mode")).scalar().toString();
            const QString synchronous = Query(db.sql(), QStringLiteral("PRAGMA synchronous")).scalar().toString();
            // Leaving WAL needs the only connection to the file; when another one holds it,
            // SQLite keeps WAL and answers "wal": the import is then only slower.
            const QString now = Query(db.sql(), QStringLiteral("PRAGMA journal_mode = MEMORY")).scalar().toString();
            if (now.compare(journal, Qt::CaseInsensitive) != 0)
                m_journalBefore = journal;
            Query::run(db.sql(), QStringLiteral("PRAGMA synchronous = OFF"));
            m_synchronousBefore = synchronous;
        }
    } catch (...) {
        restore(); // a constructor that throws runs no destructor
        throw;
    }
}

BulkTuning::~BulkTuning()
{
    restore();
}

void BulkTuning::restore()
{
    try {
        bool number = false;
        m_cacheBefore.toLongLong(&number);
        if (number)
            Query::run(m_db.sql(), QStringLiteral("PRAGMA cache_size = ") + m_cacheBefore);
        if (!m_tempStoreBefore.isEmpty())
            Query::run(m_db.sql(), QStringLiteral("PRAGMA temp_store = %1").arg(m_tempStoreBefore.toInt()));
        if (!m_synchronousBefore.isEmpty())
            Query::run(m_db.sql(), QStringLiteral("PRAGMA synchronous = %1").arg(m_synchronousBefore.toInt()));
        // The mode is a word (wal, delete…) read from SQLite itself, not from outside.
        if (!m_journalBefore.isEmpty())
            Query(m_db.sql(), QStringLiteral("PRAGMA journal_mode = %1").arg(m_journalBefore)).scalar();
    } catch (const Error &) {
        // Only this connection's tuning: the next connection starts with the defaults anyway
        // (and Database sets WAL again on every open).
    }
    m_cacheBefore.clear();
    m_tempStoreBefore.clear();
    m_synchronousBefore.clear();
    m_journalBefore.clear();
}

namespace {

/// PostgreSQL: each row of a table with foreign keys fires one check per key (a look-up that
/// also locks the referenced row), a third of `demo`'s server time on awards and ratings;
/// adding the key again after the load checks every row in one join. DDL is transactional
/// here too, so a failed load's rollback restores them all. The DROPs take exclusive locks on
/// the tables and on those their keys point to, until the commit (bulktuning.h says who may
/// call it). A clerk's first staff list is not deferred: the lock on units would stop every
/// other clerk for the whole import, and it gained 5 %.
/// Drops `table`'s foreign keys; `restore` receives the statements that add them back.
void dropForeignKeys(Database &db, const QString &table, QStringList &restore)
{
    QStringList dropKeys;
    {
        // Closed before the DROP: a prepared statement still open when the DROP times out
        // could not be freed in the aborted transaction (Locks::GiveWay).
        Query keys(db.sql(), QStringLiteral("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                                            "WHERE conrelid = CAST(:t AS regclass) AND contype = 'f' ORDER BY conname"));
        keys.bind(QStringLiteral(":t"), table).exec();
        while (keys.next()) {
            dropKeys << QStringLiteral("DROP CONSTRAINT \"%1\"").arg(keys.text(0));
            restore << QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT \"%2\" %3").arg(table, keys.text(0), keys.text(1));
        }
    }
    if (!dropKeys.isEmpty())
        Query::run(db.sql(), QStringLiteral("ALTER TABLE %1 ").arg(table) + dropKeys.join(QStringLiteral(", ")));
}

/// Drops `table`'s indexes that are not unique and back no constraint (primary key, UNIQUE);
/// `restore` receives their own CREATE INDEX text.
void dropIndexes(Database &db, const QString &table, QStringList &restore)
{
    QStringList names;
    {
        Query indexes(db.sql(),
                      db.backend() == Backend::Postgres
                          ? QStringLiteral("SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                                           "JOIN pg_class c ON c.oid = i.indexrelid "
                                           "WHERE i.indrelid = CAST(:t AS regclass) AND NOT i.indisunique "
                                           "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) "
                                           "ORDER BY c.relname")
                          // origin 'c': made by CREATE INDEX (not a UNIQUE or PRIMARY KEY constraint).
                          : QStringLiteral("SELECT m.name, m.sql FROM pragma_index_list(:t) AS l "
                                           "JOIN sqlite_master AS m ON m.name = l.name "
                                           "WHERE l.origin = 'c' AND l.\"unique\" = 0 AND m.sql IS NOT NULL ORDER BY m.name"));
        indexes.bind(QStringLiteral(":t"), table).exec();
        while (indexes.next()) {
            names << indexes.text(0);
            restore << indexes.text(1);
        }
    }
    for (const QString &name : std::as_const(names))
        Query::run(db.sql(), QStringLiteral("DROP INDEX \"%1\"").arg(name));
}

} // namespace

bool withIndexesDeferred(Database &db, const QStringList &tables, const std::function<void()> &body, Locks locks)
{
    // Inside the caller's transaction: without one, the DROPs would commit on their own and a
    // failed load would leave the tables without their indexes.
    Q_ASSERT(Transaction::isOpen(db.sql()));
    // Table names from the caller's list, never from input.
    const auto empty = [&](const QString &table) {
        return !Query(db.sql(), QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(table)).scalar().toBool();
    };
    QStringList create, constrain;
    const auto drop = [&] {
        for (const QString &table : tables) {
            if (!empty(table))
                continue;
            if (db.backend() == Backend::Postgres)
                dropForeignKeys(db, table, constrain);
            dropIndexes(db, table, create);
        }
    };
    if (locks == Locks::Wait) {
        drop();
    } else if (std::all_of(tables.cbegin(), tables.cend(), empty)) {
        if (db.backend() != Backend::Postgres) {
            drop();
        } else {
            static const QLoggingCategory log("vinhdanh.db.bulk");
            // Transaction-local; set before the savepoint, so put back by hand below.
            const QString before = Query(db.sql(), QStringLiteral("SELECT current_setting('lock_timeout')")).scalar().toString();
            Query::run(db.sql(), QStringLiteral("SELECT set_config('lock_timeout', '2s', true)"));
            try {
                Transaction locked(db.sql()); // a savepoint of the caller's transaction
                drop();
                locked.commit();
            } catch (const DatabaseError &e) {
                // Another program reads or writes these tables (a lock timeout, 55P03, or a
                // deadlock, 40P01): load among the indexes. Anything else is a fault.
                if (!e.detail().contains(QLatin1String("55P03")) && !e.detail().contains(QLatin1String("40P01")))
                    throw;
                qCInfo(log) << "indexes kept during the load:" << e.detail();
                create.clear();
                constrain.clear();
            }
            Query(db.sql(), QStringLiteral("SELECT set_config('lock_timeout', :t, true)")).bind(QStringLiteral(":t"), before).scalar();
        }
    }
    body();
    if (db.backend() == Backend::Postgres && !create.isEmpty()) {
        // Each CREATE INDEX sorts the whole table: the default 64 MB of sort memory spills a
        // million awards to disk. For this transaction only, and never less than the server's own.
        Query::run(db.sql(), QStringLiteral("SELECT set_config('maintenance_work_mem', '256MB', true) "
                                            "WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < 268435456"));
    }
    for (const QString &sql : std::as_const(create))
        Query::run(db.sql(), sql);
    for (const QString &sql : std::as_const(constrain))
        Query::run(db.sql(), sql);
    return !create.isEmpty() || !constrain.isEmpty();
}

void settleAfterBulkLoad(Database &db, const QStringList &tables)
{
    if (db.backend() != Backend::Postgres || tables.isEmpty() || Transaction::isOpen(db.sql()))
        return;
    static const QLoggingCategory log("vinhdanh.db.bulk");
    // Table names come from the caller's code, never from a file; quoted all the same.
    QStringList quoted;
    for (const QString &t : tables)
        quoted << QLatin1Char('"') + QString(t).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    QElapsedTimer timer;
    timer.start();
    QSqlQuery q(db.sql());
    // ANALYZE alone with gin_clean_pending_list() measured 0.21 s against VACUUM's 0.35 s for
    // 10,000 people and 50,000 ratings, a tenth of the PostgreSQL commit, but leaves the
    // visibility map unset, which the people list's index-only walk needs: VACUUM stays.
    if (!q.exec(QStringLiteral("VACUUM (ANALYZE) ") + quoted.join(QStringLiteral(", "))))
        qCWarning(log) << "VACUUM after a bulk load skipped:" << q.lastError().text();
    qCInfo(log) << "settled" << tables << "in" << timer.elapsed() << "ms";
}

} // namespace VinhDanh::Core
