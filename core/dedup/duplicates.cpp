// The finder: blocks by folded name in SQL, scores within a block (scoring.cpp).
#include "core/dedup/duplicates.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/registry/keys.h"
#include "core/text/vntext.h"

#include <QHash>

#include <algorithm>

namespace VinhDanh::Core::Dedup {

namespace {
// search_key is Text::fold(name + ' ' + ext_key) (the repositories write it), so the folded
// name is search_key without its last length(ext_key) + 1 characters: the blocking key comes
// from an index-free GROUP BY over stored text, no folding in SQL. Trap: a key that folds to
// another length (one with diacritics) gives a wrong block for that row only, and the scorer
// re-folds the names in C++, so such a row is missed, never paired wrongly.
const QString kPersonBlock = QStringLiteral("substr(p.search_key, 1, length(p.search_key) - length(p.ext_key) - 1)");
const QString kUnitBlock = QStringLiteral("substr(u.search_key, 1, length(u.search_key) - length(u.ext_key) - 1)");

int birthYear(const QDate &d)
{
    return d.isValid() ? d.year() : 0;
}

Pair pairOf(const PersonFacts &a, const PersonFacts &b, const Match &m)
{
    Pair p;
    p.kind = Kind::People;
    p.firstId = a.id, p.secondId = b.id;
    p.firstKey = a.key, p.secondKey = b.key;
    p.firstName = a.fullName, p.secondName = b.fullName;
    p.firstUnit = a.unitName, p.secondUnit = b.unitName;
    p.firstBirthYear = birthYear(a.birthDate), p.secondBirthYear = birthYear(b.birthDate);
    p.firstCccd = maskedCccd(a.cccd), p.secondCccd = maskedCccd(b.cccd);
    p.score = m.score;
    p.reasons = m.reasons;
    return p;
}

Pair pairOf(const UnitFacts &a, const UnitFacts &b, const Match &m)
{
    Pair p;
    p.kind = Kind::Units;
    p.firstId = a.id, p.secondId = b.id;
    p.firstKey = a.key, p.secondKey = b.key;
    p.firstName = a.name, p.secondName = b.name;
    p.firstUnit = a.parentName, p.secondUnit = b.parentName;
    p.score = m.score;
    p.reasons = m.reasons;
    return p;
}

void sortPairs(QList<Pair> &pairs)
{
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair &a, const Pair &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return Text::fold(a.firstName) < Text::fold(b.firstName);
    });
}

/// Every pair within each group of facts with the same folded name.
template<typename Facts, typename Score>
QList<Pair> pairsWithin(const QList<Facts> &facts, Score score)
{
    QHash<QString, QList<int>> groups;
    for (int i = 0; i < facts.size(); ++i)
        groups[facts[i].folded].append(i);
    QList<Pair> out;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        const QList<int> &g = it.value();
        for (int i = 0; i < g.size(); ++i)
            for (int j = i + 1; j < g.size(); ++j) {
                const Facts &a = facts[g[i]], &b = facts[g[j]];
                const Match m = score(a, b);
                if (m.isPair())
                    out << pairOf(a, b, m);
            }
    }
    sortPairs(out);
    return out;
}

PersonFacts personFacts(const Query &q)
{
    PersonFacts f;
    f.id = q.id(0);
    f.key = q.text(1);
    f.fullName = q.text(2);
    f.folded = Text::fold(f.fullName);
    f.birthDate = Keys::dateFrom(q.value(3));
    f.cccd = q.text(4);
    f.unitId = q.id(5);
    f.unitName = q.text(6);
    return f;
}

const QString kPersonColumns = QStringLiteral(
    "SELECT p.id, p.ext_key, p.full_name, p.birth_date, p.cccd, p.unit_id, u.name FROM people p "
    "JOIN units u ON u.id = p.unit_id ");
} // namespace

QList<Pair> findPeople(const Database &db)
{
    // Only the members of blocks of two or more are read: on a province that is a few
    // thousand rows of 100,000.
    const qint64 root = Permissions::visibleRoot(db);
    QString sql = kPersonColumns
                  + QStringLiteral("WHERE %1 IN (SELECT %1 FROM people p GROUP BY 1 HAVING count(*) > 1)").arg(kPersonBlock);
    if (root > 0)
        sql += QStringLiteral(" AND p.unit_id IN (%1)").arg(Permissions::subtreeSql());
    Query q(db.sql(), sql);
    if (root > 0)
        q.bind(QStringLiteral(":vis_root"), root);
    q.exec();
    QList<PersonFacts> facts;
    while (q.next())
        facts << personFacts(q);
    return pairsWithin(facts, scorePeople);
}

QList<Pair> findUnits(const Database &db)
{
    const qint64 root = Permissions::visibleRoot(db);
    QString sql = QStringLiteral("SELECT u.id, u.ext_key, u.name, u.kind, u.parent_id, pu.name, u.valid_from, u.valid_to, "
                                 "u.succeeded_by_id FROM units u LEFT JOIN units pu ON pu.id = u.parent_id "
                                 "WHERE %1 IN (SELECT %1 FROM units u GROUP BY 1 HAVING count(*) > 1)")
                      .arg(kUnitBlock);
    if (root > 0)
        sql += QStringLiteral(" AND u.id IN (%1)").arg(Permissions::subtreeSql());
    Query q(db.sql(), sql);
    if (root > 0)
        q.bind(QStringLiteral(":vis_root"), root);
    q.exec();
    QList<UnitFacts> facts;
    while (q.next()) {
        UnitFacts f;
        f.id = q.id(0);
        f.key = q.text(1);
        f.name = q.text(2);
        f.folded = Text::fold(f.name);
        f.kind = q.text(3);
        f.parentId = q.id(4);
        f.parentName = q.text(5);
        f.validFrom = Keys::dateFrom(q.value(6));
        f.validTo = Keys::dateFrom(q.value(7));
        f.succeededById = q.id(8);
        facts << f;
    }
    return pairsWithin(facts, scoreUnits);
}

QList<Pair> find(const Database &db, Kind kind)
{
    return kind == Kind::Units ? findUnits(db) : findPeople(db);
}

QList<Pair> matchesFor(const Database &db, const Person &incoming)
{
    PersonFacts in;
    in.id = incoming.id;
    in.key = incoming.key;
    in.fullName = Text::clean(incoming.fullName);
    in.folded = Text::fold(in.fullName);
    in.birthDate = incoming.birthDate;
    in.cccd = incoming.cccd.trimmed();
    in.unitId = incoming.unitId;
    if (in.unitId)
        in.unitName = Query(db.sql(), QStringLiteral("SELECT name FROM units WHERE id = :id"))
                          .bind(QStringLiteral(":id"), in.unitId)
                          .scalar()
                          .toString();
    // The folded name followed by the key's space: a prefix match on search_key.
    QString prefix = in.folded;
    prefix.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    Query q(db.sql(),
            kPersonColumns + QStringLiteral("WHERE p.id <> :id AND (p.cccd = :cccd OR p.search_key LIKE :prefix ESCAPE '\\')"));
    q.bind(QStringLiteral(":id"), in.id)
        .bind(QStringLiteral(":cccd"), in.cccd.isEmpty() ? QStringLiteral("-") : in.cccd)
        .bind(QStringLiteral(":prefix"), QString(prefix + QStringLiteral(" %")))
        .exec();
    QList<Pair> out;
    while (q.next()) {
        const PersonFacts other = personFacts(q);
        if (const Match m = scorePeople(in, other); m.isPair())
            out << pairOf(in, other, m);
    }
    sortPairs(out);
    return out;
}

} // namespace VinhDanh::Core::Dedup
