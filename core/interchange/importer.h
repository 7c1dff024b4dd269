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
} // namespace Interchange

} // namespace VinhDanh::Core
