// Committing a danh sách đề nghị: every new nominee through DossierRepository::saveNominee, in
// one transaction.
#include "core/tables/nomineelist.h"
#include "core/tables/nomineelist_p.h"

#include "core/db/database.h"
#include "core/db/transaction.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"

#include <QCoreApplication>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};
} // namespace

NomineeListCommitResult commitNomineeList(Database &db, const NomineeListPreview &preview,
                                          const std::function<void(int, int)> &progress, const std::atomic_bool *cancel)
{
    if (preview.hasErrors())
        throw Error(Tr::tr("%n row(s) of the list have errors; nothing was written. Correct the file (or give a proceed "
                           "reason) and import it again.",
                           nullptr, preview.count(RowStatus::Error)));
    Workflow::DossierRepository repo(db);
    NomineeListCommitResult result;
    const int total = int(preview.plans.size());
    // One transaction: saveNominee's own becomes a savepoint of it, so a refusal on any row
    // (or a cancel) rolls every row back when `tx` goes out of scope.
    Transaction tx(db.sql());
    // Checked again inside the transaction: the dossier may have been submitted since the preview.
    NomineeListDetail::requireOpenForNominees(repo.dossier(preview.dossierId));
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load())
            return NomineeListCommitResult{true, 0};
        Workflow::Nominee n = preview.plans.at(i).nominee; // a copy: saveNominee fills in the id
        try {
            repo.saveNominee(n);
        } catch (const Error &e) {
            rethrowWithMessage(e, Tr::tr("Row %1: %2 Nothing was written.").arg(preview.plans.at(i).sheetRow).arg(e.message()));
        }
        ++result.added;
        if (progress)
            progress(i + 1, total);
    }
    if (cancel && cancel->load())
        return NomineeListCommitResult{true, 0};
    tx.commit();
    return result;
}

} // namespace VinhDanh::Core::Tables
