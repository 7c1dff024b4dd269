#pragma once

namespace VinhDanh::Core {

class Database;

namespace Catalogue {

/// Inserts whatever the database lacks of the catalogue (new databases get all of it; an
/// older database gets catalogue movements added by a newer program). One transaction.
/// In store/, not catalogue/: it writes through the registry's MovementRepository, which
/// itself reads the catalogue's award forms.
void ensureLoaded(Database &db);

} // namespace Catalogue
} // namespace VinhDanh::Core
