#include "core/db/bulktuning.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"

namespace VinhDanh::Core {

BulkTuning::BulkTuning(Database &db, int cacheMiB) : m_db(db)
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
    } catch (const Error &) {
        // Only this connection's tuning: the next connection starts with the defaults anyway.
    }
    m_cacheBefore.clear();
    m_tempStoreBefore.clear();
}

} // namespace VinhDanh::Core
