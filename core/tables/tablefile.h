#pragma once

#include "core/tables/table.h"

#include <QString>

namespace VinhDanh::Core::Tables {

/// A spreadsheet file read whole: what it was and the sheet taken from it.
struct TableFile
{
    Sheet sheet;
    QString format;      // "XLSX" or "CSV"
    QString encoding;    // CSV only
    QStringList hiddenSheets; // XLSX: the sheets hidden in Excel (reported, never read unless named)
};

/// The most bytes a table file may have; larger lists are split by the office.
constexpr qint64 kMaxFileBytes = 256LL * 1024 * 1024;

/// Reads `path`: an XLSX workbook (by its content, whatever the extension) or else a CSV.
/// `sheetName` chooses an XLSX sheet (empty = the first visible one). Error, in words a clerk
/// can act on, for an unreadable, encrypted, old-format (.xls), damaged or oversized file.
TableFile readFile(const QString &path, const QString &sheetName = {});

} // namespace VinhDanh::Core::Tables
