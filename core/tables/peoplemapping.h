#pragma once

#include "core/tables/table.h"

#include <QHash>
#include <QList>
#include <QString>

namespace VinhDanh::Core::Tables {

/// What a column of a staff list holds.
enum class Field {
    Ignore,
    Key,        // "Mã": the person's key in Vinh Danh
    FullName,   // "Họ và tên"
    BirthDate,  // "Ngày sinh"
    Gender,     // "Giới tính"
    Unit,       // "Đơn vị": a unit's key or exact name
    Position,   // "Chức vụ"
    Category,   // "Đối tượng": a person category's code or label
    Cccd,       // "CCCD"
    Year,       // "Năm" beside "Xếp loại": one rating per row
    Rating,     // "Xếp loại" beside "Năm"
    YearRating, // "Xếp loại 2023", "2023", "Năm 2023": one column per year
};

struct MappedColumn
{
    int column = 0; // 0 = A
    Field field = Field::Ignore;
    int year = 0;   // YearRating only
    QString header; // as written in the file
};

struct PeopleMapping
{
    int headerRow = 0;           // the sheet row number of the header
    int headerIndex = -1;        // its index in Sheet::rows; data rows follow
    QList<MappedColumn> columns; // recognised columns (Ignore ones included when a mapping file says so)
    QStringList unrecognised;    // headers of columns that are left out

    /// The column of `field` (not YearRating), or -1.
    int columnOf(Field field) const;
    QList<MappedColumn> yearColumns() const;
};

/// The field names a mapping file may use: key, fullName, birthDate, gender, unit, position,
/// category, cccd, year, rating, rating:YYYY, ignore.
QString fieldName(Field field, int year = 0);

/// A mapping file: {"column header": "field", …} (headers compared without case or
/// diacritics). Error naming the header and the allowed fields for an unknown field.
QHash<QString, QString> loadMappingFile(const QString &path);

/// Finds the header row (the first of the first 20 rows with a full-name column and at least
/// one other known column: office lists often start with a title and a date line) and matches
/// its columns. `overrides` (from loadMappingFile) wins over the built-in spellings. Error when
/// no full-name column is found, a field is given twice, or a rating column lacks its pair. `headerRow` (1-based, the
/// sheet's numbering; 0 = find it) is the clerk's choice: that row is the header when it has
/// that column, whatever else it has; Error when it is past the sheet's end, empty or lacks it.
PeopleMapping mapPeople(const Sheet &sheet, const QHash<QString, QString> &overrides = {}, int headerRow = 0);

/// Values as offices write them; an empty result means "not recognised".
namespace Values {
/// HTXSNV … KHTNV from the code or the words ("Hoàn thành xuất sắc nhiệm vụ", "HT tốt NV" is not).
QString rating(const QString &text);
/// male | female from "Nam", "Nữ", "male", "female".
QString gender(const QString &text);
/// A person category code from its code or label ("Công chức", "cong_chuc").
QString category(const QString &text);
} // namespace Values

} // namespace VinhDanh::Core::Tables
