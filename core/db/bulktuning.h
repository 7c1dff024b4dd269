#pragma once

#include <QString>

namespace VinhDanh::Core {

class Database;

/// SQLite settings for the length of one bulk import, put back when it goes out of scope
/// (nothing on PostgreSQL). Made before the import's transaction: temp_store takes effect at a
/// transaction's start.
///
/// - A larger page cache: thousands of rows dirty more pages than the default 2 MB holds, and a
///   full cache spills to the WAL mid-transaction, writing and reading each page twice.
/// - Temporary storage in memory: every multi-row INSERT (and each FTS5 flush at its end) keeps
///   a statement journal, which past 64 KiB goes to a temporary file — a tenth of a commit's
///   time in pwrite(). Changing it drops TEMP tables; the program keeps none.
class BulkTuning
{
public:
    BulkTuning(Database &db, int cacheMiB);
    ~BulkTuning();
    BulkTuning(const BulkTuning &) = delete;
    BulkTuning &operator=(const BulkTuning &) = delete;

private:
    void restore();

    Database &m_db;
    QString m_cacheBefore, m_tempStoreBefore; // empty: nothing to put back
};

} // namespace VinhDanh::Core
