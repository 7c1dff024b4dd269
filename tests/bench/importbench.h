#pragma once
// The province through the interchange format (issue 15); the staff list from Excel is staffbench.h.

#include "documentbench.h"

#include "core/db/database.h"

#include <QString>

#include <optional>

namespace VinhDanh::Bench {

/// Exports `province` to the interchange format and imports the file into a fresh SQLite file in
/// `folder` (issue 15: ≤ 30 s, ≤ 300 MB peak RSS), then the size of the database it made and of
/// its audit log (rows = MiB; the goal is ≤ 400 MB) and the audit rows the import wrote. With
/// `server` (an empty PostgreSQL database), the same file into it too (goal: within 2× of SQLite).
void benchInterchange(Core::Database &province, const QString &folder, const Measure &measure,
                      const std::optional<Core::ConnectionSettings> &server = std::nullopt);

} // namespace VinhDanh::Bench
