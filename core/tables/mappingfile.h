#pragma once
// What the people and the unit mappings share: how a header is compared, the clerk's mapping
// file ({"column header": "field"}), and the check that each header it names is in the sheet.

#include "core/tables/table.h"

#include <QHash>
#include <QString>

#include <functional>

namespace VinhDanh::Core::Tables {

/// How headers and values are compared: folded (no case, no diacritics, đ → d) with every
/// character that is not a letter or digit read as a space, so "Họ và tên (*)", "HO VA TEN"
/// and "Ho_va_ten" are one spelling.
QString headerKey(const QString &text);

/// The mapping file at `path`: column header (as headerKey() folds it) → field name. Error for
/// a file that cannot be read, is not one JSON object, or gives a field `isField` refuses (the
/// message lists `fieldNames`).
QHash<QString, QString> readMappingFile(const QString &path, const std::function<bool(const QString &)> &isField,
                                        const QString &fieldNames);

/// Error when a header the mapping file names is not in `header`, the sheet's header row: a
/// typo would otherwise drop a column.
void requireMappedHeaders(const Row &header, const QHash<QString, QString> &overrides);

} // namespace VinhDanh::Core::Tables
