#pragma once
// The commit every record list shares (awards, disciplines, initiatives): all of the plans in
// one transaction with one audit entry for the batch, or none of them.

#include "core/audit/bulkwrite.h"
#include "core/db/database.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/tables/peopleimport.h"

#include <QCoreApplication>
#include <QList>

#include <atomic>
#include <functional>

namespace VinhDanh::Core::Tables {

struct PlanCounts
{
    bool cancelled = false; // nothing was written
    int added = 0;
    int changed = 0;
};

/// Refuses a preview with errors; then writes each plan with `save(plan)` (which returns true
/// for a new record) in one transaction, under a BulkWrite entry of `kind` for the file. An
/// error names the plan's sheet row and rolls everything back, as does a cancel (read before
/// each plan). `progress(done, total)` follows each plan.
template<typename Plan, typename Save>
PlanCounts commitPlans(Database &db, const SheetPreview &preview, const QList<Plan> &plans, const QString &kind, Save save,
                       const std::function<void(int, int)> &progress, const std::atomic_bool *cancel)
{
    // The count is a variable on purpose: lupdate (Qt 6.4) loops forever on a function call
    // in the numerus argument of translate().
    const int errorRows = preview.count(RowStatus::Error);
    if (preview.hasErrors())
        throw Error(QCoreApplication::translate("Tables",
                                                "%n row(s) of the sheet have errors; nothing was written. Correct the file "
                                                "(or leave those rows out) and import it again.",
                                                nullptr, errorRows));
    PlanCounts counts;
    const int total = int(plans.size());
    Transaction tx(db.sql()); // a failure or a cancel rolls back when `tx` goes out of scope
    // One audit entry for the sheet (file, SHA-256, counts) instead of one per new record;
    // changed records keep their before/after rows (core/audit/bulkwrite.h).
    BulkWrite bulk(db, tx, BulkWrite::fileSource(kind, preview.sourceFile, preview.rows.size(), preview.sourceSha256));
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load())
            return PlanCounts{true, 0, 0};
        Plan plan = plans.at(i); // a copy: saving fills in the id, key and version
        bool isNew = false;
        try {
            isNew = save(plan);
        } catch (const Error &e) {
            rethrowWithMessage(
                e, QCoreApplication::translate("Tables", "Row %1: %2 Nothing was written.").arg(plan.sheetRow).arg(e.message()));
        }
        ++(isNew ? counts.added : counts.changed);
        if (progress)
            progress(i + 1, total);
    }
    if (cancel && cancel->load())
        return PlanCounts{true, 0, 0};
    bulk.finish();
    tx.commit();
    return counts;
}

} // namespace VinhDanh::Core::Tables
