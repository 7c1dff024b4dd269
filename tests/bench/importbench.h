#pragma once
// A staff list from Excel at province scale (issue 15): preview and commit, SQLite and PostgreSQL.

#include "documentbench.h"

#include "core/db/database.h"

#include <QString>

#include <optional>

namespace VinhDanh::Bench {

/// Writes a CSV of `rows` staff (name, birth date, unit, category, five years of ratings) for
/// the units of a 40-unit demo office, then times reading + preview and the commit into a fresh
/// SQLite office in `folder`, and into `pg` (an empty PostgreSQL database) when given.
void benchImport(int rows, const QString &folder, const std::optional<Core::ConnectionSettings> &pg, const Measure &measure);

/// Exports `province` to the interchange format and imports the file into a fresh SQLite file in
/// `folder` (issue 15: ≤ 30 s, ≤ 300 MB peak RSS), then the size of the database it made and of
/// its audit log (rows = MiB; the goal is ≤ 400 MB) and the audit rows the import wrote.
void benchInterchange(Core::Database &province, const QString &folder, const Measure &measure);

} // namespace VinhDanh::Bench
