#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace VinhDanh::Core {

class Database;

/// SQLite settings for the length of one bulk import, put back when it goes out of scope
/// (nothing on PostgreSQL). Made before the import's transaction: temp_store takes effect at a
/// transaction's start, and the journal mode cannot change inside one.
///
/// - A larger page cache: thousands of rows dirty more pages than the default 2 MB holds, and a
///   full cache spills to the WAL mid-transaction, writing and reading each page twice.
/// - Temporary storage in memory: every multi-row INSERT (and each FTS5 flush at its end) keeps
///   a statement journal, which past 64 KiB goes to a temporary file — a tenth of a commit's
///   time in pwrite(). Changing it drops TEMP tables; the program keeps none.
/// - Only for a file the import has just made and removes if it fails (Durability::Disposable):
///   the rollback journal in memory instead of the WAL, and no fsync. In WAL mode every page
///   of the province (314 MiB) went to the WAL and then again to the file at the checkpoint,
///   2.5 GB written in all. A rollback journal only copies pages that existed before the
///   transaction — a new file's few catalogue pages — so ROLLBACK (and the savepoints of
///   RowBatch) still work; what is lost is only crash safety, and a crash leaves nothing
///   but the discarded file. Never on a clerk's existing database.
class BulkTuning
{
public:
    enum class Durability { Kept, Disposable };

    BulkTuning(Database &db, int cacheMiB, Durability durability = Durability::Kept);
    ~BulkTuning();
    BulkTuning(const BulkTuning &) = delete;
    BulkTuning &operator=(const BulkTuning &) = delete;

private:
    void restore();

    Database &m_db;
    QString m_cacheBefore, m_tempStoreBefore; // empty: nothing to put back
    QString m_journalBefore, m_synchronousBefore;
};

/// Whose database a bulk load goes into (withIndexesDeferred).
enum class Locks { Wait, GiveWay };

/// Runs `body` (a bulk load, inside the caller's transaction) with the non-unique indexes of
/// `tables` dropped, then creates them again from their own CREATE INDEX text, read from the
/// schema before dropping (so the definitions stay in core/store/schema only). One sort per
/// index after the load instead of a million B-tree inserts in random order, each dirtying
/// another page. Only for a table that is empty when it starts (rebuilding a full table's
/// indexes would cost more than it saves); UNIQUE indexes stay, as they answer the load's
/// ON CONFLICT and refuse its duplicates. On PostgreSQL the table's foreign keys are dropped
/// and added again too (one check of all rows instead of a trigger per row). The DROPs lock
/// the tables and the tables their keys point to (units, award forms, movements…) until the
/// commit, and a bad reference is only found when the keys come back, without its row: only
/// for rows whose references the caller resolved itself (the demo, the interchange import).
/// When `body` throws, nothing is rebuilt: the caller's transaction is rolled back, and the
/// DROPs with it.
///
/// `locks` says whose database it is:
/// - Locks::Wait: a database no clerk uses yet (a new file, the demo province); each empty
///   table of `tables` is deferred.
/// - Locks::GiveWay: the office's database, when it has no registry yet (every table of
///   `tables` empty, else nothing is deferred). On PostgreSQL the DROPs wait at most a moment
///   for the locks, in a savepoint: when another program is reading those tables, the load
///   runs with the indexes in place instead (slower, never stuck). While it runs, the other
///   clerks' programs wait at most their lock timeout (ConnectionSettings::lockTimeoutMs) and
///   are told the data is being loaded (core/db/query.cpp). On SQLite the import's transaction
///   already holds the only write lock, and readers keep their snapshot: nobody waits more.
/// Returns whether the indexes were deferred. Call it inside a Transaction.
bool withIndexesDeferred(Database &db, const QStringList &tables, const std::function<void()> &body, Locks locks = Locks::Wait);

/// After a bulk load has committed, on PostgreSQL: VACUUM (ANALYZE) the tables it filled.
/// Until autovacuum gets there (minutes later), a freshly loaded table has no visibility map,
/// so the people list's walk of the name-order index reads a heap row per entry, and the
/// trigram index answers from its unsorted pending list: search p95 measured 37.6 ms on an
/// unvacuumed province against 9.1 ms after VACUUM. An optimisation only: when VACUUM cannot
/// run (an outer transaction is open: skipped, as the refusal would abort it; or the role may
/// not: logged), the data is right all the same.
/// Nothing on SQLite (ANALYZE there is the clerk's maintenance, not needed by the plans).
void settleAfterBulkLoad(Database &db, const QStringList &tables);

} // namespace VinhDanh::Core
