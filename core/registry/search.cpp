#include "core/registry/search.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/text/vntext.h"

#include <optional>

namespace VinhDanh::Core::Search {

namespace {
QString indexOf(Table table)
{
    return table == Table::People ? QStringLiteral("people_search") : QStringLiteral("units_search");
}

// The trigram index finds a substring of three characters or more. Text holding % or _ goes by
// instr() as well, so it matches literally whatever way the index is asked.
bool indexable(const QString &folded)
{
    // Three characters, not three UTF-16 units: a phrase of two characters outside the BMP
    // (Nôm, CJK Extension B) is four units, and the trigram index finds nothing for it.
    return folded.toUcs4().size() >= 3 && !folded.contains(QLatin1Char('%')) && !folded.contains(QLatin1Char('_'));
}

/// The text as one FTS5 phrase: with the trigram tokenizer a phrase matches where the text
/// occurs as a substring, like LIKE '%…%'. MATCH and not LIKE: SQLite re-tests a LIKE on every
/// candidate against people.search_key (a row read each: 20 ms for "nguyen thi t" on the
/// province), while the phrase is answered from the index alone (5 ms).
QString phrase(const QString &folded)
{
    QString quoted = folded;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

/// The index's hits for the text, up to kDense + 1: a bounded read, a few milliseconds even for
/// "nguyen" (the index yields hits in rowid order and the LIMIT stops it).
QStringList probe(const Database &db, Table table, const QString &folded)
{
    Query q(db.sql(), QStringLiteral("SELECT rowid FROM %1 WHERE %1 MATCH :needle LIMIT %2").arg(indexOf(table)).arg(kDense + 1));
    q.bind(QStringLiteral(":needle"), phrase(folded)).exec();
    QStringList ids;
    while (q.next())
        ids << QString::number(q.id(0));
    return ids;
}

/// The first rows of the table a PostgreSQL probe tests, and the hits among them that mark a text
/// common: one in twenty, about 5,000 people of a province.
constexpr int kSample = 2000;
constexpr int kSampleCommon = 100;

/// PostgreSQL's probe of the people: their ids up to kDense + 1 as probe() gives them, or
/// nullopt for a text common in the table's first kSample rows. A GIN index cannot stop at a
/// LIMIT: it builds its whole match list first, 7 ms for "nguyen th" whose every trigram is
/// common, while the list's walk of its order finds the page's 200 hits among its first 2,000
/// rows; so the sample, a fraction of a millisecond, skips the index for such a text.
/// people_search_words (schema step 18) holds search_key with its spaces made 'z': the pattern
/// with the same replacement is met by every match and yields about the hits (the index of step
/// 13, split at spaces, yields every "nguyen thi …" for "nguyen thi ng"); strpos() decides.
std::optional<QStringList> probePostgres(const Database &db, const QString &text, const QString &folded)
{
    // Ids start at 1; the 0 of the second branch says "common". The sample is a CTE, read once.
    Query q(db.sql(), QStringLiteral("WITH sample AS (SELECT count(*) AS n FROM (SELECT s.search_key FROM people s LIMIT %1) s "
                                     "WHERE s.search_key LIKE :sampled ESCAPE '\\') "
                                     "(SELECT p.id FROM people p WHERE (SELECT n FROM sample) < %2 "
                                     "AND replace(p.search_key, ' ', 'z') LIKE :pattern ESCAPE '\\' "
                                     "AND strpos(p.search_key, :needle) > 0 LIMIT %3) "
                                     "UNION ALL SELECT 0 FROM sample WHERE n >= %2")
                          .arg(kSample)
                          .arg(kSampleCommon)
                          .arg(kDense + 1));
    const QString pattern = Text::likePattern(text);
    q.bind(QStringLiteral(":sampled"), pattern)
        .bind(QStringLiteral(":pattern"), QString(pattern).replace(QLatin1Char(' '), QLatin1Char('z')))
        .bind(QStringLiteral(":needle"), folded)
        .exec();
    QStringList ids;
    while (q.next()) {
        if (q.id(0) == 0)
            return std::nullopt;
        ids << QString::number(q.id(0));
    }
    return ids;
}
} // namespace

Filter filter(const Database &db, Table table, const QString &alias, const QString &text)
{
    const QString folded = Text::fold(text);
    if (folded.isEmpty())
        return {};
    const bool pg = db.backend() == Backend::Postgres;
    if (pg && table == Table::Units) // pg_trgm serves this LIKE, escapes included
        return {alias + QStringLiteral(".search_key LIKE :needle ESCAPE '\\'"), Text::likePattern(text)};
    // PostgreSQL takes the same two ways for people: its planner cannot tell a rare text from a
    // common one (pg_trgm gives it no count), so it walked the whole order for "bui q" (17 ms)
    // or read 6,644 rows through the index to sort 494 hits for "nguyen thi ng".
    std::optional<QStringList> ids;
    if (indexable(folded))
        ids = pg ? probePostgres(db, text, folded) : probe(db, table, folded);
    const int hits = ids ? int(ids->size()) : -1;
    // A rare text: the probe has found every hit; the query takes their ids (numbers read from
    // the database, so safe to write into the SQL) rather than asking the index a second time.
    if (hits == 0)
        return {QStringLiteral("0 = 1"), QString(), 0};
    if (hits >= 0 && hits <= kDense)
        return {QStringLiteral("%1.id IN (%2)").arg(alias, ids->join(QLatin1Char(','))), QString(), hits};
    // The search text is folded already, so a plain substring test needs no pattern (and treats
    // % and _ as the characters they are). The people list walks its order index
    // (people_name_order), which holds search_key: the test reads no table row. PostgreSQL
    // tests a LIKE there (twice as fast as its strpos() on a long text); for a text known common
    // its planner walks the order too, and only a short text (no probe) may take the trigrams.
    if (pg)
        return {alias + QStringLiteral(".search_key LIKE :needle ESCAPE '\\'"), Text::likePattern(text), hits};
    return {QStringLiteral("instr(%1.search_key, :needle) > 0").arg(alias), folded, hits};
}

void bind(Query &q, const Filter &filter)
{
    if (!filter.condition.isEmpty() && !filter.needle.isNull())
        q.bind(QStringLiteral(":needle"), filter.needle);
}

} // namespace VinhDanh::Core::Search
