#pragma once

#include "core/interchange/exporter.h"

#include <QString>

namespace VinhDanh::Core {

class Database;

namespace Interchange {
/// Reads an interchange file into the database: records are matched by key, new keys are
/// added and known keys updated. The whole file lands in one transaction: on the first bad
/// record nothing is written and the Error names the record and the problem, e.g.
/// `people[3] (P000004): the unit "U0999" is neither in the file nor in the database`.
InterchangeCounts importFrom(Database &db, const QString &path);

/// Reads an interchange file into `target`, a new SQLite file this makes for it (an office
/// starting from another office's export). `target` must not exist yet. The file is built
/// under a temporary name beside it and renamed to `target` only once the import has
/// committed, so a failed or cut-short import leaves no `target` behind, and nothing a clerk
/// uses is at risk: it is written without the WAL and fsync and its indexes are built after
/// the rows (core/db/bulktuning.h), about twice as fast as importFrom into an empty file.
InterchangeCounts importIntoNewFile(const QString &path, const QString &target);
} // namespace Interchange

} // namespace VinhDanh::Core
