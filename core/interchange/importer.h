#pragma once

#include "core/interchange/exporter.h"

#include <QString>

namespace VinhDanh::Core {

class Database;

namespace Interchange {
/// Whose records a file is when its header names an office id that is neither this
/// database's nor one it knows (docs/interchange.md, "Files of another office").
enum class FileOffice {
    /// Refuse it, nothing written, naming the file's office and the two ways on: a file
    /// taken for the office's own would overwrite records by key, one taken for another
    /// office's would duplicate them, and only the clerk knows which it is.
    Ask,
    /// This office's own, from another database of it (one made before offices had ids, a
    /// copy moved to PostgreSQL, an old backup restored): matched by key, and its id becomes
    /// another id of this office, so its later files need no choice. A database with no
    /// registry records takes the id as its own instead.
    Same,
    /// Another office's: its records are kept apart, under new keys where theirs are used
    /// here (Keys::OfficeKeys); the office's later files need no choice either.
    Other,
};

struct ImportOptions
{
    FileOffice office = FileOffice::Ask;
};

/// Reads an interchange file into the database: records are matched by key, new keys are
/// added and known keys updated. The whole file lands in one transaction: on the first bad
/// record nothing is written and the Error names the record and the problem, e.g.
/// `people[3] (P000004): the unit "U0999" is neither in the file nor in the database`.
/// A file without an office id, or with this database's (or one it knows), is matched by key
/// whatever `options` says: an office's own export imports back unchanged.
InterchangeCounts importFrom(Database &db, const QString &path, const ImportOptions &options = {});

/// Reads an interchange file into `target`, a new SQLite file this makes for it (an office
/// starting from another office's export). `target` must not exist yet. The file is built
/// under a temporary name beside it and renamed to `target` only once the import has
/// committed, so a failed or cut-short import leaves no `target` behind, and nothing a clerk
/// uses is at risk: it is written without the WAL and fsync and its indexes are built after
/// the rows (core/db/bulktuning.h). importFrom builds them after the rows too into a database
/// with no registry yet (on PostgreSQL only when no other program is reading its tables), but
/// keeps the WAL and fsync.
/// The new file is a copy (or a move) of the office that wrote the export: it takes the
/// file's office id, with no choice to make.
InterchangeCounts importIntoNewFile(const QString &path, const QString &target);
} // namespace Interchange

} // namespace VinhDanh::Core
