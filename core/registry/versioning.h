#pragma once

#include "core/registry/registry.h"

#include <QString>
#include <QVariantMap>

namespace VinhDanh::Core {

class Database;
class Query;

/// Optimistic concurrency for the versioned tables (blocs, units, people, movements, ratings,
/// awards, initiatives, disciplines). An UPDATE sets `version = version + 1` and has
/// `WHERE id = :id AND version = :version`; when it changes no row, checkUpdated() tells a
/// deleted record (Error with `goneMessage`) from one saved by someone else (ConflictError).
namespace Versioning {

/// Every column of row `id` of `table` (a fixed identifier), empty when the row is gone.
QVariantMap storedRow(const Database &db, const QString &table, qint64 id);

/// After an UPDATE that named a version: throws when nothing changed.
void checkUpdated(const Database &db, const Query &update, const QString &table, qint64 id, const QString &goneMessage);

/// The stored columns a form edits, for comparing "mine" with ConflictError::stored().
QVariantMap columns(const Unit &unit);
QVariantMap columns(const Person &person);
QVariantMap columns(const Rating &rating);
QVariantMap columns(const Award &award);
QVariantMap columns(const Initiative &initiative);
QVariantMap columns(const Discipline &discipline);

} // namespace Versioning
} // namespace VinhDanh::Core
