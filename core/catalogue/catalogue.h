#pragma once

#include "core/domain/movement.h"
#include "core/domain/registry.h"

#include <QList>

namespace VinhDanh::Core {

class Database;

/// The built-in data every database starts with: the award forms and the seed movements,
/// read from the resources (resources/catalogue/), never written as C++ literals.
namespace Catalogue {

QList<AwardForm> awardForms();
QList<Movement> movements();

/// Inserts the award forms the database lacks (no transaction of its own; schema step 4 needs
/// them before seeding the bonus coefficients that refer to them).
void insertAwardForms(Database &db);

/// Inserts whatever the database lacks of the catalogue (new databases get all of it; an
/// older database gets catalogue movements added by a newer program). One transaction.
void ensureLoaded(Database &db);

} // namespace Catalogue
} // namespace VinhDanh::Core
