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
} // namespace

Filter filter(const Database &db, Table table, const QString &alias, const QString &text)
{
    const QString folded = Text::fold(text);
    if (folded.isEmpty())
        return {};
    if (db.backend() == Backend::Postgres) // pg_trgm serves this LIKE, escapes included
        return {alias + QStringLiteral(".search_key LIKE :needle ESCAPE '\\'"), Text::likePattern(text)};
    const QStringList ids = indexable(folded) ? probe(db, table, folded) : QStringList();
    const int hits = indexable(folded) ? int(ids.size()) : -1;
    // A rare text: the probe has found every hit; the query takes their ids (numbers read from
    // the database, so safe to write into the SQL) rather than asking the index a second time.
    if (hits == 0)
        return {QStringLiteral("0 = 1"), QString(), 0};
    if (hits >= 0 && hits <= kDense)
        return {QStringLiteral("%1.id IN (%2)").arg(alias, ids.join(QLatin1Char(','))), QString(), hits};
    // The search text is folded already, so a plain substring test needs no pattern (and treats
    // % and _ as the characters they are). The people list walks its order index
    // (people_name_order), which holds search_key: the test reads no table row.
    return {QStringLiteral("instr(%1.search_key, :needle) > 0").arg(alias), folded, hits};
}

void bind(Query &q, const Filter &filter)
{
    if (!filter.condition.isEmpty() && !filter.needle.isNull())
        q.bind(QStringLiteral(":needle"), filter.needle);
}

} // namespace VinhDanh::Core::Search
