#pragma once

#include "core/tables/table.h"

#include <QDate>
#include <QString>

namespace VinhDanh::Core::Tables::Dates {

/// The date of an Excel serial number (days since 1900, with Excel's phantom 29/02/1900, or
/// since 1904 for workbooks saved with that option); a null date when out of range.
QDate fromSerial(double serial, bool base1904 = false);

/// A date as offices type it: 31/12/2025, 31-12-2025, 31.12.2025 (day first), 2025-12-31,
/// "ngày 31 tháng 12 năm 2025", an Excel serial, or an XLSX date cell. Returns a null date and
/// sets `problem` (a sentence in the user's language, without the row and column, which the
/// caller knows) when the cell is not a real date; an empty cell is a null date, no problem.
QDate parse(const Cell &cell, QString *problem);

} // namespace VinhDanh::Core::Tables::Dates
