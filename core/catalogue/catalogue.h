#pragma once

#include "core/domain/awardform.h"
#include "core/domain/movement.h"

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

/// How many movement files ship, without reading them (the cheap check on open,
/// core/store/catalogueload.h).
qsizetype movementFileCount();

} // namespace Catalogue
} // namespace VinhDanh::Core
