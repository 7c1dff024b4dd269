#pragma once

// The award history and the disciplinary records from a spreadsheet (issue 15 item 1): which
// column holds what. Both lists name their subject the same way (a person, or a collective),
// so they share one mapping; each list knows its own columns.

#include "core/tables/table.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core::Tables {

enum class RecordList { Awards, Disciplines, Initiatives };

/// What a column of an award or discipline list holds.
enum class RecordField {
    Ignore,
    Key,            // "Mã": the person's key
    FullName,       // "Họ và tên"
    BirthDate,      // "Ngày sinh"
    Unit,           // "Đơn vị": the person's unit (key or name)
    Collective,     // "Tập thể", "Đơn vị được khen": the unit that is the subject itself
    Form,           // "Hình thức khen thưởng", "Danh hiệu" (awards)
    Year,           // "Năm" (awards)
    YearTitle,      // "Danh hiệu 2023", "DH 2023": one column per year (awards)
    DecisionNo,     // "Số QĐ"
    DecisionDate,   // "Ngày QĐ" (awards)
    Authority,      // "Cấp quyết định", "Cơ quan quyết định" (awards)
    AwardKind,      // "Loại khen thưởng" (awards)
    DisciplineKind, // "Hình thức kỷ luật" (disciplines)
    StartDate,      // "Từ ngày", "Ngày quyết định" (disciplines)
    EndDate,        // "Đến ngày" (disciplines)
    Title,          // "Tên sáng kiến" (initiatives)
    Level,          // "Cấp công nhận", "Phạm vi ảnh hưởng" (initiatives)
    UsedFor,        // "Dùng để đề nghị", "Sử dụng cho": the award it served (initiatives)
    Note,           // "Ghi chú"
};

struct RecordColumn
{
    int column = 0; // 0 = A
    RecordField field = RecordField::Ignore;
    int year = 0;   // YearTitle only
    QString header; // as written in the file
};

struct RecordMapping
{
    RecordList list = RecordList::Awards;
    int headerRow = 0;    // the sheet row number of the header
    int headerIndex = -1; // its index in Sheet::rows; data rows follow
    QList<RecordColumn> columns;
    QStringList unrecognised;

    /// The column of `field` (not YearTitle), or -1.
    int columnOf(RecordField field) const;
    QList<RecordColumn> yearColumns() const;
};

/// The names a mapping file uses: key, fullName, birthDate, unit, collective, note, ignore, and
/// for awards form, year, title:YYYY, decisionNo, decisionDate, authority, kind; for
/// disciplines kind, decisionNo, startDate, endDate; for initiatives title, level, decisionNo,
/// decisionDate, usedFor.
QString recordFieldName(RecordField field, int year = 0);

/// A mapping file for the list: {"column header": "field", …}; Error naming an unknown field.
QHash<QString, QString> loadRecordMappingFile(RecordList list, const QString &path);

/// Finds the header row (the first of the first 20 rows with a person or collective column and
/// one more known column) and matches its columns, `overrides` first. Error when there is no
/// subject column, a field is given twice, an award list has neither a form column with its
/// year nor per-year title columns, or a discipline list lacks its kind or start date.
/// `headerRow` (1-based, the sheet's numbering; 0 = find it) is the clerk's choice: that row is
/// the header when it has a subject column, whatever else it has; Error when it is past the
/// sheet's end, empty or lacks one.
RecordMapping mapRecords(RecordList list, const Sheet &sheet, const QHash<QString, QString> &overrides = {}, int headerRow = 0);

namespace Values {
/// cong_trang | dot_xuat | theo_dot | cong_hien from the code, its label or the words offices
/// write ("Công trạng", "Thường xuyên", "Đột xuất", "Theo đợt", "Chuyên đề", "Cống hiến").
QString awardKind(const QString &text);
/// A discipline kind code from the code, its label or the Vietnamese words ("Khiển trách",
/// "Cảnh cáo", "Hạ bậc lương", "Giáng chức", "Cách chức", "Buộc thôi việc").
QString disciplineKind(const QString &text);
} // namespace Values

} // namespace VinhDanh::Core::Tables
