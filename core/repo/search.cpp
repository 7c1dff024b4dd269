#include "core/repo/search.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/text/vntext.h"

namespace VinhDanh::Core::Search {

namespace {
QString indexOf(Table table)
{
    return table == Table::People ? QStringLiteral("people_search") : QStringLiteral("units_search");
}

// FTS5 answers LIKE from its trigram index only with three characters between the wildcards, and
// it has no ESCAPE clause: text holding % or _ (meant literally) goes the other way, by instr().
bool indexable(const QString &folded)
{
    return folded.size() >= 3 && !folded.contains(QLatin1Char('%')) && !folded.contains(QLatin1Char('_'));
}

/// Whether the index holds at most kDense hits for the text: a bounded read, a few milliseconds
/// even for "nguyen" (the index yields hits in rowid order and the LIMIT stops it).
bool rare(const Database &db, Table table, const QString &folded)
{
    Query q(db.sql(), QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %1 WHERE search_key LIKE :needle LIMIT %2)")
                          .arg(indexOf(table))
                          .arg(kDense + 1));
    return q.bind(QStringLiteral(":needle"), QString(QLatin1Char('%') + folded + QLatin1Char('%'))).scalar(0).toInt() <= kDense;
}
} // namespace

Filter filter(const Database &db, Table table, const QString &alias, const QString &text)
{
    const QString folded = Text::fold(text);
    if (folded.isEmpty())
        return {};
    if (db.backend() == Backend::Postgres) // pg_trgm serves this LIKE, escapes included
        return {alias + QStringLiteral(".search_key LIKE :needle ESCAPE '\\'"), Text::likePattern(text)};
    if (indexable(folded) && rare(db, table, folded))
        return {QStringLiteral("%1.id IN (SELECT rowid FROM %2 WHERE search_key LIKE :needle)").arg(alias, indexOf(table)),
                QLatin1Char('%') + folded + QLatin1Char('%')};
    // The search text is folded already, so a plain substring test needs no pattern (and treats
    // % and _ as the characters they are).
    return {QStringLiteral("instr(%1.search_key, :needle) > 0").arg(alias), folded};
}

void bind(Query &q, const Filter &filter)
{
    if (!filter.condition.isEmpty())
        q.bind(QStringLiteral(":needle"), filter.needle);
}

} // namespace VinhDanh::Core::Search
