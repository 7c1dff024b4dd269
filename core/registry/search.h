#pragma once

#include <QString>

namespace VinhDanh::Core {
class Database;
class Query;

/// The people and units lists' search: the typed text anywhere in the record's folded name and
/// key, without case or diacritics ("nguyen van a" finds "Nguyễn Văn A", "P050000" its person).
///
/// SQLite has two ways to answer, and each is slow where the other is fast (schema step 13):
/// the FTS5 trigram index finds a rare name among 100,000 people in a millisecond but must sort
/// every hit for the first page, while walking the list in its sorted order stops after one page
/// when most rows match ("nguyen") but reads the whole table for a rare name. A probe of the index
/// (at most kDense + 1 hits) picks the way; a rare text's query then takes the probe's ids, and
/// a common one walks people_name_order (schema step 15), whose entries hold the sort key and
/// the search text, so neither sorts through QCollator nor reads a row to test it. PostgreSQL
/// takes the same two ways for people: a sample of the table's first rows marks a common text,
/// else its probe reads the pg_trgm index of schema step 18 (its planner alone, without a count
/// of the hits, walked the whole order for a rare name or read thousands of rows through the
/// index for a common one); its units list is left to the planner.
namespace Search {
enum class Table { People, Units };

/// More hits than this and a filter counts as common: the list walks its sort order, and a
/// bounded count stops here (the list shows "more than 1,000").
constexpr int kDense = 1000;

struct Filter
{
    QString condition; // for a WHERE clause; empty when the text folds to nothing
    QString needle;    // the value of :needle in `condition`; null when it has none
    /// The matching rows the index probe counted, at most kDense + 1 (more than kDense); -1
    /// when the probe did not run (PostgreSQL: nor when its sample found the text common).
    /// Without other conditions this is the bounded count.
    int hits = -1;
};

/// The condition over `alias` (the table's alias in the query) matching `text`.
Filter filter(const Database &db, Table table, const QString &alias, const QString &text);
/// Binds :needle when the filter has a condition.
void bind(Query &q, const Filter &filter);
} // namespace Search

} // namespace VinhDanh::Core
