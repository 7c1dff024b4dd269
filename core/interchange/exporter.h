#pragma once

#include <QString>

namespace VinhDanh::Core {

class Database;

struct InterchangeCounts
{
    int blocs = 0;
    int units = 0;
    int people = 0;
    int movements = 0;
    int ratings = 0;
    int awards = 0;
    int initiatives = 0;
    int disciplines = 0;
    int confirmations = 0; // the clerk's eligibility confirmations (ticked and withdrawn)
};

/// Writes the registry to the interchange format of docs/interchange.md. Records are sorted
/// by their keys and written one per line, so the same data always gives the same bytes
/// (export → import into an empty database → export reproduces the file). It streams: a
/// province with a million ratings is never held in memory as one JSON tree.
/// Writes to a temporary file and renames it into place, so a failure leaves no half file.
namespace Interchange {
/// The "formatVersion" export writes and the newest one import reads. Version 2 added
/// "confirmations"; a version 1 file (without them) still imports.
constexpr int kFormatVersion = 2;

InterchangeCounts exportTo(Database &db, const QString &path);
}

} // namespace VinhDanh::Core
