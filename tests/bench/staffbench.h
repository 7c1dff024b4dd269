#pragma once
// A staff list from Excel at province scale (issue 15 item 6): the XLSX read through the reader
// the GUI and the CLI use, previewed and committed on SQLite and PostgreSQL, beside
// LibreOffice's plain conversion of the same workbook.

#include "documentbench.h"

#include "core/db/database.h"

#include <QString>

#include <optional>

namespace VinhDanh::Bench {

/// Writes a staff list of `rows` people (name, birth date, unit, category, five years of
/// ratings) for the units of a 40-unit demo office as an XLSX (libxlsxwriter, birth dates as
/// Excel dates) and as a CSV in `folder`; times reading each, then the preview and the commit of
/// the XLSX into a fresh SQLite office, and into `pg` (an empty PostgreSQL database) when given;
/// then, when `withLibreOffice` and soffice is installed, LibreOffice converting the same XLSX to
/// CSV (a private profile in `folder`). Returns the summary lines to print under the table (the
/// 10 s goal, the ratio to LibreOffice, PostgreSQL's ratio to SQLite).
QString benchImport(int rows, const QString &folder, const std::optional<Core::ConnectionSettings> &pg, const Measure &measure,
                    bool withLibreOffice = true);

} // namespace VinhDanh::Bench
