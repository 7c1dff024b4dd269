#pragma once

// The award history in (issue 15 item 1): titles (LĐTT, CSTĐCS…) and other awards from a
// spreadsheet, previewed row by row, then written all or nothing through RecordRepository.

#include "core/registry/registry.h"
#include "core/tables/awardmapping.h"
#include "core/tables/peopleimport.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Tables {

/// One award the commit writes: new (id 0) or a stored one with the fields the row changes
/// (its id and version as read: the commit refuses it if someone changed it since).
struct AwardPlan
{
    Award award;
    int sheetRow = 0; // for messages
};

struct AwardPreview : SheetPreview // PreviewRow::name is the person's or collective's name
{
    QList<AwardPlan> plans; // new and changed awards only
};

/// Reads every data row below the header. Two layouts, which a sheet may mix:
/// - one award per row: "Hình thức khen thưởng" (or "Danh hiệu"), "Năm", and optionally
///   "Số QĐ", "Ngày QĐ", "Cấp quyết định", "Loại khen thưởng" (default công trạng), "Ghi chú";
/// - one title column per year on a person's row: "Danh hiệu 2023", "DH 2024"; a cell may name
///   several forms ("LĐTT, CSTĐCS").
/// Who the row is about: see SubjectReader (a person in the registry, or a "Tập thể").
/// The form is recognised in the words clerks write (awardFormCode). An award is the same as a
/// stored one with the same subject, form, year and decision number; a row without a number
/// matches the one stored award of that subject, form and year (so importing the same list
/// twice changes nothing, and a number given later completes the award). An empty cell keeps
/// what the registry has. Errors, in words: unknown or ambiguous form (naming the words), a form
/// for collectives given to a person (or the reverse), a missing form or year, an impossible
/// date, the same award twice in the sheet, the registry's own validation.
AwardPreview previewAwards(Database &db, const Sheet &sheet, const RecordMapping &mapping);

struct AwardCommitResult
{
    bool cancelled = false; // nothing was written
    int awardsAdded = 0;
    int awardsChanged = 0;
};

/// Writes the plans in one transaction through RecordRepository::AwardBatch (validation,
/// permissions and the audit log as for a clerk's edit): all, or on any error or a cancel
/// nothing. Refuses a preview with errors. `progress(done, total)` after each award;
/// `*cancel` stops and rolls back.
AwardCommitResult commitAwards(Database &db, const AwardPreview &preview,
                               const std::function<void(int done, int total)> &progress = {},
                               const std::atomic_bool *cancel = nullptr);

/// "new award", "changes an award", "unchanged", "error", translated.
QString awardStatusText(RowStatus status);

} // namespace VinhDanh::Core::Tables
