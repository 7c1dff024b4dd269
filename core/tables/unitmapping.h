#pragma once

// The office's list of units from a spreadsheet (issue 15 item 1): which column holds what.

#include "core/tables/table.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core::Tables {

/// What a column of a unit list holds.
enum class UnitField {
    Ignore,
    Key,       // "Mã đơn vị"
    Name,      // "Tên đơn vị", "Đơn vị"
    Parent,    // "Đơn vị cấp trên", "Trực thuộc": a unit's key or name, in the registry or the sheet
    Kind,      // "Loại hình", "Loại đơn vị": the words offices write, or a kind code
    ValidFrom, // "Ngày thành lập", "Hiệu lực từ"
    ValidTo,   // "Ngày giải thể", "Hết hiệu lực"
    Successor, // "Đơn vị kế thừa": the unit it merged into
};

struct UnitColumn
{
    int column = 0; // 0 = A
    UnitField field = UnitField::Ignore;
    QString header; // as written in the file
};

struct UnitMapping
{
    int headerRow = 0;    // the sheet row number of the header
    int headerIndex = -1; // its index in Sheet::rows; data rows follow
    QList<UnitColumn> columns;
    QStringList unrecognised; // headers of columns that are left out

    /// The column of `field`, or -1.
    int columnOf(UnitField field) const;
};

/// key, name, parent, kind, validFrom, validTo, successor, ignore: the names a mapping file uses.
QString unitFieldName(UnitField field);

/// A mapping file for a unit list: {"column header": "field", …}; Error naming an unknown field.
QHash<QString, QString> loadUnitMappingFile(const QString &path);

/// Finds the header row (the first of the first 20 rows with a unit-name column and one more
/// known column) and matches its columns, `overrides` first. Error when there is no name
/// column, a field is given twice, or a header the overrides name is not in the row. `headerRow` (1-based, the
/// sheet's numbering; 0 = find it) is the clerk's choice: that row is the header when it has
/// that column, whatever else it has; Error when it is past the sheet's end, empty or lacks it.
UnitMapping mapUnits(const Sheet &sheet, const QHash<QString, QString> &overrides = {}, int headerRow = 0);

namespace Values {
/// A unit kind code from the words offices write ("UBND xã", "Phường", "Sở", "Doanh nghiệp",
/// "Hội", "HTX", …), the kind's label (Vietnamese or English) or its code; empty = unknown.
QString unitKind(const QString &text);
} // namespace Values

} // namespace VinhDanh::Core::Tables
