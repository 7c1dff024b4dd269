#include "core/registry/personrepository.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/pgcopy.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/rowwriter.h"
#include "core/registry/search.h"
#include "core/registry/validation.h"
#include "core/registry/versioning.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QHash>

#include <map>

namespace VinhDanh::Core {

const RowWriter &PersonRepository::rows()
{
    static const RowWriter writer(u"INSERT INTO people (ext_key, full_name, given_name, gender, birth_date, cccd, unit_id, position, "
                                  u"category, search_key)");
    return writer;
}

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PersonRepository)
};

/// The rows a list shows: the search, one unit's people, and a clerk's own subtree only.
struct Where
{
    Search::Filter match;
    qint64 unitId = 0;
    qint64 visibleRoot = 0;

    Where(const Database &db, const QString &filter, qint64 unit)
        : match(Search::filter(db, Search::Table::People, QStringLiteral("p"), filter)), unitId(unit),
          visibleRoot(Permissions::visibleRoot(db))
    {
    }
    QString sql() const
    {
        QStringList parts;
        if (!match.condition.isEmpty())
            parts << match.condition;
        if (unitId > 0)
            parts << QStringLiteral("p.unit_id = :unit");
        if (visibleRoot > 0)
            parts << QStringLiteral("p.unit_id IN (%1)").arg(Permissions::subtreeSql());
        return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    }
    void bind(Query &q) const
    {
        Search::bind(q, match);
        if (unitId > 0)
            q.bind(QStringLiteral(":unit"), unitId);
        if (visibleRoot > 0)
            q.bind(QStringLiteral(":vis_root"), visibleRoot);
    }
};

/// The sort's columns, most significant first; every one is sorted in the same direction, so
/// "before a row" is one row-value comparison (positionOf()).
QStringList orderColumns(const Database &db, PersonRepository::Sort sort)
{
    // Vietnamese lists go by given name, then the whole name (họ đệm); the id keeps pages stable.
    // SQLite: the same order as bytes (vi_sort_key, core/db/collation.h), which the index
    // people_name_order (schema step 15) holds: no QCollator call per comparison.
    const QStringList byName = db.backend() == Backend::Sqlite
                                   ? QStringList{QStringLiteral("vi_sort_key(p.given_name, p.full_name)"), QStringLiteral("p.id")}
                                   : QStringList{QStringLiteral("p.given_name COLLATE vi"), QStringLiteral("p.full_name COLLATE vi"),
                                                 QStringLiteral("p.id")};
    switch (sort) {
    case PersonRepository::Sort::Unit: return QStringList{QStringLiteral("u.name COLLATE vi")} + byName;
    case PersonRepository::Sort::Category: return QStringList{QStringLiteral("p.category")} + byName;
    case PersonRepository::Sort::Key: return {QStringLiteral("p.ext_key")};
    case PersonRepository::Sort::Name: break;
    }
    return byName;
}

QString orderBy(const Database &db, PersonRepository::Sort sort, bool ascending)
{
    const QString dir = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    return orderColumns(db, sort).join(dir + QStringLiteral(", ")) + dir;
}
} // namespace

int PersonRepository::count(const QString &filter, qint64 unitId) const
{
    const Where where(m_db, filter, unitId);
    Query q(m_db.sql(), QStringLiteral("SELECT count(*) FROM people p") + where.sql());
    where.bind(q);
    return q.scalar(0).toInt();
}

int PersonRepository::countUpTo(int limit, const QString &filter, qint64 unitId) const
{
    const Where where(m_db, filter, unitId);
    // The search's index probe has counted the hits already, up to kDense + 1.
    if (where.match.hits >= 0 && limit == Search::kDense && unitId <= 0 && where.visibleRoot <= 0)
        return where.match.hits;
    Query q(m_db.sql(),
            QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM people p%1 LIMIT %2) hits").arg(where.sql()).arg(limit + 1));
    where.bind(q);
    return q.scalar(0).toInt();
}

QList<PersonRow> PersonRepository::page(const QString &filter, Sort sort, bool ascending, int offset, int limit, qint64 unitId) const
{
    const Where where(m_db, filter, unitId);
    const QString order = orderBy(m_db, sort, ascending);
    // The page's ids first, then their rows: OFFSET must step over every row before the page
    // (row 90,000 of the province when the list jumps to its end), and stepping over the sort
    // index's entries alone is several times faster than building each skipped row with its
    // unit. Only the unit sort needs the unit in the inner query.
    const QString idsFrom = sort == Sort::Unit ? QStringLiteral("people p JOIN units u ON u.id = p.unit_id")
                                               : QStringLiteral("people p");
    Query q(m_db.sql(), QStringLiteral("SELECT p.id, p.ext_key, p.full_name, p.gender, p.category, p.position, u.name "
                                       "FROM (SELECT p.id FROM %1%2 ORDER BY %3 LIMIT :limit OFFSET :offset) ids "
                                       "JOIN people p ON p.id = ids.id JOIN units u ON u.id = p.unit_id ORDER BY %3")
                            .arg(idsFrom, where.sql(), order));
    where.bind(q);
    q.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset).exec();
    QList<PersonRow> rows;
    while (q.next())
        rows.append({q.id(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6)});
    return rows;
}

int PersonRepository::positionOf(qint64 id, const QString &filter, Sort sort, bool ascending, qint64 unitId) const
{
    const Where where(m_db, filter, unitId);
    const QString condition = where.sql().isEmpty() ? QStringLiteral(" WHERE ") : where.sql() + QStringLiteral(" AND ");
    Query member(m_db.sql(), QStringLiteral("SELECT count(*) FROM people p%1p.id = :target").arg(condition));
    where.bind(member);
    member.bind(QStringLiteral(":target"), id);
    if (member.scalar(0).toInt() == 0)
        return -1;
    // The rows before it are those whose sort columns compare below its own (above, descending),
    // with the very expressions of orderBy(), so the count agrees with page() to the row.
    const QStringList columns = orderColumns(m_db, sort);
    const QString from = sort == Sort::Unit ? QStringLiteral("people p JOIN units u ON u.id = p.unit_id") : QStringLiteral("people p");
    const QString op = ascending ? QStringLiteral(" < ") : QStringLiteral(" > ");
    if (m_db.backend() == Backend::Postgres) {
        // One row-value comparison, its values read once by the subquery: a range of the index.
        Query q(m_db.sql(), QStringLiteral("SELECT count(*) FROM %1%2(%3)%4(SELECT %3 FROM %1 WHERE p.id = :target)")
                                .arg(from, condition, columns.join(QStringLiteral(", ")), op));
        where.bind(q);
        q.bind(QStringLiteral(":target"), id);
        return q.scalar(0).toInt();
    }
    // SQLite turns a row value compared with a subquery (or with bound values) into a scan of the
    // whole list, computing vi_sort_key for every row (0.15 s on a province); spelled out as
    // "a < x OR (a = x AND b < y) …" with the person's values bound, each branch is a range of
    // people_name_order.
    Query mine(m_db.sql(), QStringLiteral("SELECT %1 FROM %2 WHERE p.id = :target").arg(columns.join(QStringLiteral(", ")), from));
    mine.bind(QStringLiteral(":target"), id).exec();
    if (!mine.next())
        return -1;
    QStringList branches;
    for (int i = 0; i < columns.size(); ++i) {
        QStringList parts;
        // Each placeholder named once: a name bound twice is not portable across Qt's drivers.
        for (int j = 0; j < i; ++j)
            parts << QStringLiteral("%1 = :v%2_%3").arg(columns.at(j)).arg(i).arg(j);
        parts << QStringLiteral("%1%2:v%3_%3").arg(columns.at(i), op).arg(i);
        branches << QStringLiteral("(%1)").arg(parts.join(QStringLiteral(" AND ")));
    }
    Query q(m_db.sql(), QStringLiteral("SELECT count(*) FROM %1%2(%3)").arg(from, condition, branches.join(QStringLiteral(" OR "))));
    where.bind(q);
    for (int i = 0; i < columns.size(); ++i)
        for (int j = 0; j <= i; ++j)
            q.bind(QStringLiteral(":v%1_%2").arg(i).arg(j), mine.value(j));
    return q.scalar(0).toInt();
}

std::optional<Person> PersonRepository::get(qint64 id) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT id, ext_key, full_name, gender, birth_date, cccd, unit_id, position, "
                                       "category, version FROM people WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    Person p;
    p.id = q.id(0);
    p.key = q.text(1);
    p.fullName = q.text(2);
    p.gender = q.text(3);
    p.birthDate = Keys::dateFrom(q.value(4));
    p.cccd = q.text(5);
    p.unitId = q.id(6);
    p.position = q.text(7);
    p.category = q.text(8);
    p.version = q.integer(9);
    return p;
}

qint64 PersonRepository::idForKey(const QString &key) const
{
    return Lookup::idForKey(m_db, "people", key);
}

QString PersonRepository::keyForId(qint64 id) const
{
    return Lookup::column(m_db, "people", "ext_key", id).toString();
}

QString PersonRepository::name(qint64 id) const
{
    return Lookup::column(m_db, "people", "full_name", id).toString();
}

qint64 PersonRepository::save(Person &person)
{
    Transaction tx(m_db.sql());
    Batch(m_db).save(person);
    tx.commit();
    return person.id;
}

/// Prepared on first use: preparing the INSERT compiles the people's audit trigger into it,
/// which costs more than running it, and on PostgreSQL each prepare is a round trip.
struct PersonRepository::Batch::Statements
{
    std::optional<Query> insert, update, cccd, unitOf, cccdMany;
    std::map<qsizetype, Query> insertMany; // by rows per statement
    std::optional<Keys::ShortKeys> keys;   // "CN000123" for people saved without a key
    // Who holds a CCCD number (no name: nobody), as asked, prefetched or written by this batch:
    // a staff list's numbers are looked up 500 a query instead of one query (on PostgreSQL a
    // round trip) a person, and a number a new person of the batch took is refused to the next.
    struct Holder
    {
        qint64 id = 0; // 0: a new person of this batch, not written yet
        QString name;
    };
    QHash<QString, Holder> cccdHolders;
    const QDate today = QDate::currentDate(); // asked once: once a person was 4 % of a 50,000-row commit
};

void PersonRepository::Batch::prefetchCccds(const QStringList &numbers)
{
    constexpr int kChunk = 500; // one statement, prepared once: a short last chunk repeats its last number
    Statements &st = *m_statements;
    QStringList wanted;
    for (const QString &n : numbers)
        if (!n.trimmed().isEmpty() && !st.cccdHolders.contains(n.trimmed()))
            wanted << n.trimmed();
    wanted.removeDuplicates();
    for (qsizetype from = 0; from < wanted.size(); from += kChunk) {
        if (!st.cccdMany) {
            QStringList marks;
            for (int i = 0; i < kChunk; ++i)
                marks << QStringLiteral(":c%1").arg(i);
            st.cccdMany.emplace(
                m_db.sql(),
                QStringLiteral("SELECT cccd, id, full_name FROM people WHERE cccd IN (%1)").arg(marks.join(QStringLiteral(", "))));
        }
        const QStringList chunk = wanted.mid(from, kChunk);
        for (int i = 0; i < kChunk; ++i) {
            st.cccdMany->bindAt(i, chunk.at(std::min<qsizetype>(i, chunk.size() - 1)));
            if (i < chunk.size())
                st.cccdHolders.insert(chunk.at(i), {}); // nobody, unless the query says otherwise
        }
        st.cccdMany->exec();
        while (st.cccdMany->next())
            st.cccdHolders.insert(st.cccdMany->text(0), {st.cccdMany->id(1), st.cccdMany->text(2)});
        st.cccdMany->raw().finish();
    }
}

void PersonRepository::Batch::requireFreeCccd(const Person &person)
{
    Statements &st = *m_statements;
    auto holder = st.cccdHolders.constFind(person.cccd);
    if (holder == st.cccdHolders.cend()) {
        if (!st.cccd)
            st.cccd.emplace(m_db.sql(), QStringLiteral("SELECT id, full_name FROM people WHERE cccd = :cccd"));
        st.cccd->bind(QStringLiteral(":cccd"), person.cccd).exec();
        Statements::Holder h;
        if (st.cccd->next())
            h = {st.cccd->id(0), st.cccd->text(1)};
        st.cccd->raw().finish();
        holder = st.cccdHolders.insert(person.cccd, h);
    }
    if (!holder->name.isEmpty() && (person.id == 0 || holder->id != person.id))
        throw Error(Tr::tr("The CCCD number %1 already belongs to %2.").arg(person.cccd, holder->name));
}

PersonRepository::Batch::Batch(Database &db) : m_db(db), m_statements(std::make_unique<Statements>()) {}
PersonRepository::Batch::~Batch() = default;

void PersonRepository::Batch::requireUnit(qint64 unitId)
{
    // A clerk keeps to their subtree; the answer for a unit does not change within a batch.
    if (m_unitsChecked.contains(unitId))
        return;
    Permissions::require(m_db, Permissions::Action::EditRegistry, unitId);
    m_unitsChecked.insert(unitId);
}

void PersonRepository::Batch::checkNew(Person &person)
{
    person.id = 0;
    person.fullName = Text::clean(person.fullName);
    person.position = Text::clean(person.position);
    person.cccd = person.cccd.trimmed();
    Statements &st = *m_statements;
    const QStringList problems = Validation::person(person, st.today);
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char(' ')));
    requireUnit(person.unitId);
    if (!person.cccd.isEmpty()) {
        requireFreeCccd(person);
        st.cccdHolders.insert(person.cccd, {0, person.fullName}); // taken by this batch
    }
    if (person.key.isEmpty()) {
        if (!st.keys)
            st.keys.emplace(m_db, "people", QStringLiteral("CN"), 6);
        person.key = st.keys->next();
    }
}

void PersonRepository::Batch::insertChecked(QList<Person> &people)
{
    if (people.isEmpty())
        return;
    if (PgCopy::available(m_db)) {
        insertByCopy(people);
        return;
    }
    auto found = m_statements->insertMany.find(people.size());
    if (found == m_statements->insertMany.end()) {
        QStringList rows;
        for (qsizetype i = 0; i < people.size(); ++i)
            rows << QStringLiteral("(:key%1, :name%1, :given%1, :gender%1, :birth%1, :cccd%1, :unit%1, :position%1, :category%1, "
                                   ":search%1)")
                        .arg(i);
        found = m_statements->insertMany
                    .emplace(people.size(),
                             Query(m_db.sql(), PersonRepository::rows().head() + QStringLiteral(" VALUES ")
                                                   + rows.join(QStringLiteral(", ")) + QStringLiteral(" RETURNING id, ext_key")))
                    .first;
    }
    Query &q = found->second;
    QHash<QString, qsizetype> byKey;
    // By position (10 a row, in the VALUES order above): by name would cost rows² lookups.
    for (qsizetype i = 0; i < people.size(); ++i) {
        const Person &p = people.at(i);
        const int at = int(i) * 10;
        byKey.insert(p.key, i);
        q.bindAt(at, p.key)
            .bindAt(at + 1, p.fullName)
            .bindAt(at + 2, Text::givenName(p.fullName))
            .bindOptionalAt(at + 3, p.gender)
            .bindAt(at + 4, Keys::dateValue(p.birthDate))
            .bindOptionalAt(at + 5, p.cccd)
            .bindAt(at + 6, p.unitId)
            .bindOptionalAt(at + 7, p.position)
            .bindAt(at + 8, p.category)
            .bindAt(at + 9, Text::fold(p.fullName + QLatin1Char(' ') + p.key));
    }
    q.exec();
    // Matched by key: neither backend promises RETURNING rows in the VALUES order.
    while (q.next()) {
        Person &p = people[byKey.value(q.text(1))];
        p.id = q.id(0);
        p.version = 1;
    }
    q.raw().finish();
}

void PersonRepository::Batch::insertByCopy(QList<Person> &people)
{
    // PostgreSQL: the rows by COPY (core/db/pgcopy.h), then their ids asked by key in one
    // statement, since COPY returns none. The keys are new (checkNew gave or checked them): a
    // key already taken fails the COPY, and the caller writes the rows again one by one to
    // name it, as with the INSERT.
    const auto optional = [](const QString &text) { return text.isEmpty() ? QVariant(QString()) : QVariant(text); };
    QList<QVariant> values;
    values.reserve(people.size() * 10);
    QHash<QString, qsizetype> byKey;
    QStringList keys;
    for (qsizetype i = 0; i < people.size(); ++i) {
        const Person &p = people.at(i);
        byKey.insert(p.key, i);
        keys << p.key;
        values << p.key << p.fullName << Text::givenName(p.fullName) << optional(p.gender) << Keys::dateValue(p.birthDate)
               << optional(p.cccd) << p.unitId << optional(p.position) << p.category
               << Text::fold(p.fullName + QLatin1Char(' ') + p.key);
    }
    PgCopy::rows(m_db, PersonRepository::rows().table(), PersonRepository::rows().columns(), values);
    // One text of the keys, split by the server at a control character no key holds.
    Query ids(m_db.sql(), QStringLiteral("SELECT id, ext_key FROM people WHERE ext_key = ANY (string_to_array(:keys, chr(31)))"));
    ids.bind(QStringLiteral(":keys"), keys.join(QChar(31))).exec();
    qsizetype found = 0;
    while (ids.next()) {
        Person &p = people[byKey.value(ids.text(1))];
        p.id = ids.id(0);
        p.version = 1;
        ++found;
    }
    if (found != people.size())
        throw DatabaseError(QCoreApplication::translate("Database", "The database could not carry out the operation."),
                            QStringLiteral("people copied: %1 of %2 found again by key").arg(found).arg(people.size()));
}

qint64 PersonRepository::Batch::save(Person &person)
{
    person.fullName = Text::clean(person.fullName);
    person.position = Text::clean(person.position);
    person.cccd = person.cccd.trimmed();
    Statements &st = *m_statements;
    const QStringList problems = Validation::person(person, st.today);
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char(' ')));
    // Where the person works now, and where they are moved.
    requireUnit(person.unitId);
    QString oldCccd; // the number the person held: free again when the save changes it
    if (person.id > 0) {
        if (!st.unitOf)
            st.unitOf.emplace(m_db.sql(), QStringLiteral("SELECT unit_id, cccd FROM people WHERE id = :id"));
        st.unitOf->bind(QStringLiteral(":id"), person.id).exec();
        const bool found = st.unitOf->next();
        const qint64 unit = found ? st.unitOf->id(0) : 0;
        oldCccd = found ? st.unitOf->text(1) : QString();
        st.unitOf->raw().finish();
        requireUnit(unit);
    }
    if (!person.cccd.isEmpty())
        requireFreeCccd(person);
    if (person.key.isEmpty()) {
        if (!st.keys)
            st.keys.emplace(m_db, "people", QStringLiteral("CN"), 6);
        person.key = st.keys->next();
    }
    std::optional<Query> &q = person.id > 0 ? st.update : st.insert;
    if (!q)
        q.emplace(m_db.sql(),
                  person.id > 0
                      ? QStringLiteral("UPDATE people SET ext_key = :key, full_name = :name, given_name = :given, gender = :gender, "
                                       "birth_date = :birth, cccd = :cccd, unit_id = :unit, position = :position, "
                                       "category = :category, search_key = :search, version = version + 1 "
                                       "WHERE id = :id AND version = :version")
                      : rows().values({}, u":key, :name, :given, :gender, :birth, :cccd, :unit, :position, :category, :search",
                                      QStringLiteral("RETURNING id")));
    q->bind(QStringLiteral(":key"), person.key)
        .bind(QStringLiteral(":name"), person.fullName)
        .bind(QStringLiteral(":given"), Text::givenName(person.fullName))
        .bindOptional(QStringLiteral(":gender"), person.gender)
        .bind(QStringLiteral(":birth"), Keys::dateValue(person.birthDate))
        .bindOptional(QStringLiteral(":cccd"), person.cccd)
        .bind(QStringLiteral(":unit"), person.unitId)
        .bindOptional(QStringLiteral(":position"), person.position)
        .bind(QStringLiteral(":category"), person.category)
        .bind(QStringLiteral(":search"), Text::fold(person.fullName + QLatin1Char(' ') + person.key));
    if (person.id > 0) {
        q->bind(QStringLiteral(":id"), person.id).bind(QStringLiteral(":version"), person.version).exec();
        Versioning::checkUpdated(m_db, *q, QStringLiteral("people"), person.id,
                                 Tr::tr("The person no longer exists; the record may have been deleted by someone else."));
        ++person.version;
    } else {
        person.id = q->insertReturningId();
        person.version = 1;
    }
    if (!oldCccd.isEmpty() && oldCccd != person.cccd)
        st.cccdHolders.insert(oldCccd, {});
    if (!person.cccd.isEmpty())
        st.cccdHolders.insert(person.cccd, {person.id, person.fullName});
    return person.id;
}

QStringList PersonRepository::dependents(qint64 id) const
{
    // Every table that refers to the row, with the sentence a clerk reads.
    static const QList<Lookup::Dependent> checks = {
        {"SELECT count(*) FROM ratings WHERE person_id = :id", QT_TRANSLATE_N_NOOP("PersonRepository", "%n yearly rating(s)")},
        {"SELECT count(*) FROM awards WHERE person_id = :id", QT_TRANSLATE_N_NOOP("PersonRepository", "%n award(s) in the ledger")},
        {"SELECT count(*) FROM initiative_holders WHERE person_id = :id", QT_TRANSLATE_N_NOOP("PersonRepository", "%n initiative(s)")},
        {"SELECT count(*) FROM disciplines WHERE person_id = :id",
         QT_TRANSLATE_N_NOOP("PersonRepository", "%n disciplinary record(s)")},
    };
    return Lookup::dependents(m_db, "PersonRepository", checks, id);
}

void PersonRepository::remove(qint64 id)
{
    Transaction tx(m_db.sql());
    Permissions::require(m_db, Permissions::Action::EditRegistry, Lookup::column(m_db, "people", "unit_id", id).toLongLong());
    const QStringList reasons = dependents(id);
    if (!reasons.isEmpty())
        throw Error(Tr::tr("The person cannot be deleted: the record still has %1.").arg(reasons.join(QStringLiteral("; "))));
    Query(m_db.sql(), QStringLiteral("DELETE FROM people WHERE id = :id")).bind(QStringLiteral(":id"), id).exec();
    tx.commit();
}

} // namespace VinhDanh::Core
