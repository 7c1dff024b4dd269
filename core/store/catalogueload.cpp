#include "core/store/catalogueload.h"

#include "core/catalogue/catalogue.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/registry/movementrepository.h"

namespace VinhDanh::Core::Catalogue {

void ensureLoaded(Database &db)
{
    // Cheap check first: opening an existing database neither parses nor rewrites the
    // catalogue; the movement files are read only when a movement is missing.
    const QList<AwardForm> forms = awardForms();
    const int formsPresent = Query(db.sql(), QStringLiteral("SELECT count(*) FROM award_forms")).scalar(0).toInt();
    const int movementsPresent =
        Query(db.sql(), QStringLiteral("SELECT count(*) FROM movements WHERE is_catalogue = 1")).scalar(0).toInt();
    if (formsPresent >= forms.size() && movementsPresent >= movementFileCount())
        return;
    const QList<Movement> catalogue = movements();

    Transaction tx(db.sql());
    insertAwardForms(db);
    MovementRepository repo(db);
    for (const Movement &m : catalogue)
        if (repo.idForKey(m.key) == 0)
            repo.upsertCatalogue(m);
    tx.commit();
}

} // namespace VinhDanh::Core::Catalogue
