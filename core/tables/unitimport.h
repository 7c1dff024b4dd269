#pragma once

// The office's list of units in (issue 15 item 1): preview every row against the registry,
// then write all of it or nothing through UnitRepository.

#include "core/registry/registry.h"
#include "core/tables/peopleimport.h"
#include "core/tables/unitmapping.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Tables {

/// What committing writes for one row. A parent or successor that is another row of the sheet
/// is referred to by that row's plan (its id is known only once it is saved).
struct UnitPlan
{
    Unit unit;              // with id and version when it exists (the commit refuses if it moved on)
    bool save = false;      // new, or a field changes
    int parentPlan = -1;    // index in UnitPreview::plans of a parent from the sheet; -1 = unit.parentId
    int successorPlan = -1; // likewise for the successor
    int sheetRow = 0;       // for messages
};

/// Every row of a unit list with its status, and the plans in the order the commit follows:
/// a parent (or successor) from the sheet always before the units that name it.
struct UnitPreview : SheetPreview // rows in the sheet's order; PreviewRow::name is the unit's name
{
    QList<UnitPlan> plans; // in commit order (see above)
};

/// Reads every data row below the header. A unit is matched by its key; without one (or with a
/// key the registry does not have) by its name under the same parent (an empty parent cell: by
/// the name alone, when one unit has it), so a list imported twice changes nothing and never
/// duplicates. A parent or successor is named by key or by name, and may be a row further down
/// the sheet. Errors, in words: a value that cannot be read (unknown kind, impossible date), a
/// missing name or kind for a new unit, a parent or successor neither in the registry nor in the
/// sheet (or named by several), the same unit twice, a parent chain that comes back to the unit,
/// a unit outside the account's subtree, the registry's own validation (end before start).
UnitPreview previewUnits(Database &db, const Sheet &sheet, const UnitMapping &mapping);

struct UnitCommitResult
{
    bool cancelled = false; // nothing was written
    int unitsAdded = 0;
    int unitsChanged = 0;
};

/// Writes the plans in one transaction through UnitRepository (validation, permissions and the
/// audit log as for a clerk's edit): all, or on any error or a cancel nothing. Refuses a preview
/// with errors. `progress(done, total)` after each unit; `*cancel` stops and rolls back.
UnitCommitResult commitUnits(Database &db, const UnitPreview &preview, const std::function<void(int done, int total)> &progress = {},
                             const std::atomic_bool *cancel = nullptr);

/// "new unit", "changes a unit", "unchanged", "error", translated.
QString unitStatusText(RowStatus status);

} // namespace VinhDanh::Core::Tables
