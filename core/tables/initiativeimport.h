#pragma once

// Initiatives (sáng kiến) in (issue 15 item 1): previewed row by row, then written all or
// nothing through RecordRepository. The eligibility engine counts them (CSTĐCS, CSTĐ tỉnh,
// BK tỉnh), and one marked "used for" an award serves that award only.

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

struct InitiativePlan
{
    Initiative initiative; // id and version as read for a changed one
    int sheetRow = 0;      // the first row of the initiative
};

struct InitiativePreview : SheetPreview
{
    QList<InitiativePlan> plans; // new and changed initiatives only
};

/// One row per holder: "Tên sáng kiến" (required), who (see SubjectReader: "Tác giả" / "Họ và
/// tên", with "Đơn vị" and "Ngày sinh" when given; holders are registry people, never units),
/// and optionally "Số QĐ công nhận", "Ngày QĐ", "Cấp công nhận" (cơ sở, cấp tỉnh, toàn quốc),
/// "Dùng để đề nghị" (an award of one of the holders: its form as clerks write it and its year,
/// "BK UBND tỉnh 2025"), "Ghi chú". Rows with the same title (folded) and the same decision
/// number are one initiative with several holders; their other cells are written once (on any
/// of its rows) or repeated alike. A stored initiative is the same when its title and number
/// agree, or, without a number, its title and holders; a re-import changes nothing, an empty
/// cell keeps what the registry has and a new holder is added (none is removed).
InitiativePreview previewInitiatives(Database &db, const Sheet &sheet, const RecordMapping &mapping);

struct InitiativeCommitResult
{
    bool cancelled = false; // nothing was written
    int initiativesAdded = 0;
    int initiativesChanged = 0;
};

/// Writes the plans in one transaction (one audit entry for the batch): all, or on any error
/// or a cancel nothing. Refuses a preview with errors.
InitiativeCommitResult commitInitiatives(Database &db, const InitiativePreview &preview,
                                         const std::function<void(int done, int total)> &progress = {},
                                         const std::atomic_bool *cancel = nullptr);

/// "new initiative", "changes an initiative", "unchanged", "error".
QString initiativeStatusText(RowStatus status);

namespace Values {
/// co_so | tinh | toan_quoc from the code, its label or the words offices write ("cơ sở",
/// "cấp tỉnh", "toàn quốc", "Phạm vi toàn quốc"…); empty when none.
QString initiativeLevel(const QString &text);
} // namespace Values

} // namespace VinhDanh::Core::Tables
