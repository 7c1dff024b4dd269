#pragma once
// Search as a clerk types it (issue 16 item 4): the people list's first page and its count for
// every prefix of 20 names, on SQLite and PostgreSQL.

#include "core/db/database.h"

#include <QString>
#include <QStringList>

namespace VinhDanh::Bench {

/// Ten of the commonest full names and ten rare ones (2 to 60 people), folded as a clerk types
/// them without diacritics ("tran thi mai").
QStringList searchNames(Core::Database &db);

/// Types each name one character at a time; for every prefix times the first page of the people
/// list (200 rows, by name) and the count it shows. Returns the table rows: p50, p95 and the
/// slowest, in milliseconds, for the page and for the count. One untimed pass warms the caches,
/// as the list is warm when a clerk types.
/// With `verbose`, every timed query is printed to stderr as it runs (backend, typed text, page
/// and count milliseconds, the count), to find the slow prefixes.
QString benchSearch(Core::Database &db, const QString &backend, const QStringList &names, bool verbose = false);

} // namespace VinhDanh::Bench
