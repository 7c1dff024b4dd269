// Committing a unit preview, its rejected rows and its status words.
#include "core/tables/unitimport.h"

#include "core/audit/bulkwrite.h"
#include "core/db/database.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/registry/unitrepository.h"

#include <QCoreApplication>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};
} // namespace

UnitCommitResult commitUnits(Database &db, const UnitPreview &preview, const std::function<void(int, int)> &progress,
                             const std::atomic_bool *cancel)
{
    if (preview.hasErrors())
        throw Error(Tr::tr("%n row(s) of the sheet have errors; nothing was written. Correct the file (or leave those rows "
                           "out) and import it again.",
                           nullptr, preview.count(RowStatus::Error)));
    UnitCommitResult result;
    UnitRepository units(db);
    // The plans are in parent-first order; each one saved fills in its id for the rows that
    // name it. A copy, so the preview stays as read (the dialog may show it again).
    QList<UnitPlan> plans = preview.plans;
    const int total = int(plans.size());
    // One transaction for the whole sheet: UnitRepository::save's own transaction becomes a
    // savepoint inside it, so its validation, permission checks and audit triggers run as for a
    // clerk's edit, and any failure (or a cancel) rolls everything back when `tx` goes out of scope.
    Transaction tx(db.sql());
    // One audit entry for the sheet (file, SHA-256, counts) instead of one per new unit.
    BulkWrite bulk(
        db, tx, BulkWrite::fileSource(QStringLiteral("units-table"), preview.sourceFile, preview.rows.size(), preview.sourceSha256));
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load())
            return UnitCommitResult{true, 0, 0}; // ~Transaction rolls back
        UnitPlan &plan = plans[i];
        if (plan.parentPlan >= 0)
            plan.unit.parentId = plans.at(plan.parentPlan).unit.id;
        if (plan.successorPlan >= 0)
            plan.unit.succeededById = plans.at(plan.successorPlan).unit.id;
        if (plan.save) {
            const bool isNew = plan.unit.id == 0;
            try {
                // The version read by the preview: if someone changed the unit since, the save
                // is refused (ConflictError) rather than overwriting their edit.
                units.save(plan.unit);
            } catch (const Error &e) {
                rethrowWithMessage(e, Tr::tr("Row %1: %2 Nothing was written.").arg(plan.sheetRow).arg(e.message()));
            }
            ++(isNew ? result.unitsAdded : result.unitsChanged);
        }
        if (progress)
            progress(i + 1, total);
    }
    if (cancel && cancel->load())
        return UnitCommitResult{true, 0, 0};
    bulk.finish();
    tx.commit();
    return result;
}

QString unitStatusText(RowStatus status)
{
    switch (status) {
    case RowStatus::New: return Tr::tr("new unit");
    case RowStatus::Changed: return Tr::tr("changes a unit");
    case RowStatus::Unchanged:
    case RowStatus::Error: return statusText(status);
    }
    return {};
}

} // namespace VinhDanh::Core::Tables
