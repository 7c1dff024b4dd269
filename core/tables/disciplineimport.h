#pragma once

// Disciplinary records in (issue 15 item 1): previewed row by row, then written all or nothing
// through RecordRepository. A discipline blocks titles (eligibility), so offices bring theirs.

#include "core/registry/registry.h"
#include "core/tables/awardmapping.h"
#include "core/tables/peopleimport.h"

#include <QList>

#include <atomic>
#include <functional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Tables {

struct DisciplinePlan
{
    Discipline discipline; // id and version as read for a changed one
    int sheetRow = 0;
};

struct DisciplinePreview : SheetPreview
{
    QList<DisciplinePlan> plans; // new and changed records only
};

/// One record per row: who (see SubjectReader), "Hình thức kỷ luật" (a discipline kind in the
/// Vietnamese words, its label or code), "Từ ngày" / "Ngày quyết định", and optionally
/// "Đến ngày", "Số QĐ", "Ghi chú". A row is the same as a stored record with the same subject,
/// kind and start date (so a list imported twice changes nothing); an empty cell keeps what the
/// registry has. Errors, in words: unknown kind, a missing or impossible date, an end before
/// the start, the same record twice in the sheet, the registry's own validation.
DisciplinePreview previewDisciplines(Database &db, const Sheet &sheet, const RecordMapping &mapping);

struct DisciplineCommitResult
{
    bool cancelled = false; // nothing was written
    int disciplinesAdded = 0;
    int disciplinesChanged = 0;
};

/// Writes the plans in one transaction through RecordRepository::DisciplineBatch: all, or on
/// any error or a cancel nothing. Refuses a preview with errors.
DisciplineCommitResult commitDisciplines(Database &db, const DisciplinePreview &preview,
                                         const std::function<void(int done, int total)> &progress = {},
                                         const std::atomic_bool *cancel = nullptr);

/// "new disciplinary record", "changes a disciplinary record", "unchanged", "error".
QString disciplineStatusText(RowStatus status);

} // namespace VinhDanh::Core::Tables
