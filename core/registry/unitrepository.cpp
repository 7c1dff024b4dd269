#include "core/registry/unitrepository.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
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

namespace VinhDanh::Core {

const RowWriter &UnitRepository::unitRows()
{
    static const RowWriter writer(
        u"INSERT INTO units (ext_key, name, kind, parent_id, bloc_id, valid_from, valid_to, succeeded_by_id, search_key)");
    return writer;
}

const RowWriter &UnitRepository::blocRows()
{
    static const RowWriter writer(u"INSERT INTO blocs (ext_key, name, kind)");
    return writer;
}

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(UnitRepository)
};

// Diacritics- and case-insensitive: search_key holds Text::fold(name + key) (core/registry/search.h).
// A clerk sees their own subtree only (Permissions::visibleRoot).
struct Where
{
    Search::Filter match;
    qint64 visibleRoot = 0;

    Where(const Database &db, const QString &filter)
        : match(Search::filter(db, Search::Table::Units, QStringLiteral("u"), filter)), visibleRoot(Permissions::visibleRoot(db))
    {
    }
    QString sql() const
    {
        QStringList parts;
        if (!match.condition.isEmpty())
            parts << match.condition;
        if (visibleRoot > 0)
            parts << QStringLiteral("u.id IN (%1)").arg(Permissions::subtreeSql());
        return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND ")) + QLatin1Char(' ');
    }
    void bind(Query &q) const
    {
        Search::bind(q, match);
        if (visibleRoot > 0)
            q.bind(QStringLiteral(":vis_root"), visibleRoot);
    }
};

QString orderBy(UnitRepository::Sort sort, bool ascending)
{
    const QString dir = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    switch (sort) {
    case UnitRepository::Sort::Kind: return QStringLiteral("u.kind") + dir + QStringLiteral(", u.name COLLATE vi, u.id");
    case UnitRepository::Sort::Parent: return QStringLiteral("p.name COLLATE vi") + dir + QStringLiteral(", u.name COLLATE vi, u.id");
    case UnitRepository::Sort::Key: return QStringLiteral("u.ext_key") + dir;
    case UnitRepository::Sort::Name: break;
    }
    return QStringLiteral("u.name COLLATE vi") + dir + QStringLiteral(", u.id") + dir;
}

Unit readUnit(Query &q)
{
    Unit u;
    u.id = q.id(0);
    u.key = q.text(1);
    u.name = q.text(2);
    u.kind = q.text(3);
    u.parentId = q.id(4);
    u.blocId = q.id(5);
    u.validFrom = Keys::dateFrom(q.value(6));
    u.validTo = Keys::dateFrom(q.value(7));
    u.succeededById = q.id(8);
    u.version = q.integer(9);
    return u;
}
} // namespace

int UnitRepository::count(const QString &filter) const
{
    const Where where(m_db, filter);
    Query q(m_db.sql(), QStringLiteral("SELECT count(*) FROM units u") + where.sql());
    where.bind(q);
    return q.scalar(0).toInt();
}

QList<UnitRow> UnitRepository::page(const QString &filter, Sort sort, bool ascending, int offset, int limit) const
{
    const Where where(m_db, filter);
    Query q(m_db.sql(), QStringLiteral("SELECT u.id, u.ext_key, u.name, u.kind, p.name, b.name, u.valid_to, s.name "
                                       "FROM units u LEFT JOIN units p ON p.id = u.parent_id "
                                       "LEFT JOIN blocs b ON b.id = u.bloc_id LEFT JOIN units s ON s.id = u.succeeded_by_id")
                            + where.sql() + QStringLiteral(" ORDER BY ") + orderBy(sort, ascending)
                            + QStringLiteral(" LIMIT :limit OFFSET :offset"));
    where.bind(q);
    q.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset).exec();
    QList<UnitRow> rows;
    while (q.next())
        rows.append({q.id(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), Keys::dateFrom(q.value(6)), q.text(7)});
    return rows;
}

QList<UnitNode> UnitRepository::children(qint64 parentId) const
{
    const qint64 root = Permissions::visibleRoot(m_db);
    QString where;
    if (parentId > 0)
        where = QStringLiteral("u.parent_id = :parent");
    else if (root > 0)
        where = QStringLiteral("u.id = :parent"); // a clerk's tree starts at their own unit
    else
        where = QStringLiteral("u.parent_id IS NULL");
    Query q(m_db.sql(), QStringLiteral("SELECT u.id, u.ext_key, u.name, u.kind, p.name, b.name, u.valid_to, s.name, "
                                       "(SELECT count(*) FROM units c WHERE c.parent_id = u.id) "
                                       "FROM units u LEFT JOIN units p ON p.id = u.parent_id "
                                       "LEFT JOIN blocs b ON b.id = u.bloc_id LEFT JOIN units s ON s.id = u.succeeded_by_id "
                                       "WHERE %1 ORDER BY u.name COLLATE vi, u.id")
                            .arg(where));
    if (parentId > 0 || root > 0)
        q.bind(QStringLiteral(":parent"), parentId > 0 ? parentId : root);
    q.exec();
    QList<UnitNode> nodes;
    while (q.next())
        nodes.append({{q.id(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), Keys::dateFrom(q.value(6)), q.text(7)},
                      q.value(8).toInt()});
    return nodes;
}

std::optional<Unit> UnitRepository::get(qint64 id) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT id, ext_key, name, kind, parent_id, bloc_id, valid_from, valid_to, "
                                       "succeeded_by_id, version FROM units WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return readUnit(q);
}

qint64 UnitRepository::idForKey(const QString &key) const
{
    return Lookup::idForKey(m_db, "units", key);
}

QString UnitRepository::keyForId(qint64 id) const
{
    return Lookup::column(m_db, "units", "ext_key", id).toString();
}

QList<IdName> UnitRepository::names() const
{
    Query q(m_db.sql(), QStringLiteral("SELECT id, name FROM units ORDER BY name COLLATE vi, id"));
    q.exec();
    QList<IdName> out;
    while (q.next())
        out.append({q.id(0), q.text(1)});
    return out;
}

QList<IdName> UnitRepository::visibleNames(qint64 alsoId) const
{
    const qint64 root = Permissions::visibleRoot(m_db);
    if (root <= 0)
        return names();
    Query q(m_db.sql(), QStringLiteral("SELECT id, name FROM units WHERE id IN (%1) OR id = :also ORDER BY name COLLATE vi, id")
                            .arg(Permissions::subtreeSql()));
    q.bind(QStringLiteral(":vis_root"), root).bind(QStringLiteral(":also"), alsoId).exec();
    QList<IdName> out;
    while (q.next())
        out.append({q.id(0), q.text(1)});
    return out;
}

QString UnitRepository::name(qint64 id) const
{
    return Lookup::column(m_db, "units", "name", id).toString();
}

qint64 UnitRepository::save(Unit &unit)
{
    unit.name = Text::clean(unit.name);
    const QStringList problems = Validation::unit(unit);
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char(' ')));
    Transaction tx(m_db.sql());
    // A clerk keeps their own subtree: the unit itself, and where it is put.
    const qint64 storedParent = unit.id > 0 ? Lookup::column(m_db, "units", "parent_id", unit.id).toLongLong() : 0;
    Permissions::require(m_db, Permissions::Action::EditRegistry, unit.id > 0 ? unit.id : unit.parentId);
    if (unit.id > 0 && unit.parentId != storedParent)
        Permissions::require(m_db, Permissions::Action::EditRegistry, unit.parentId);
    // A parent chain that comes back to the unit would make the hierarchy a loop.
    for (qint64 ancestor = unit.parentId; unit.id > 0 && ancestor > 0;) {
        if (ancestor == unit.id)
            throw Error(Tr::tr("A unit cannot be placed under one of its own sub-units."));
        ancestor = Query(m_db.sql(), QStringLiteral("SELECT parent_id FROM units WHERE id = :id"))
                       .bind(QStringLiteral(":id"), ancestor)
                       .scalar(0)
                       .toLongLong();
    }
    if (unit.key.isEmpty())
        unit.key = Keys::ShortKeys(m_db, "units", QStringLiteral("DV"), 4).next(); // "DV0007"
    const QString sqlInsert = unitRows().values({}, u":key, :name, :kind, :parent, :bloc, :from, :to, :succ, :search",
                                                QStringLiteral("RETURNING id"));
    const QString sqlUpdate = QStringLiteral(
        "UPDATE units SET ext_key = :key, name = :name, kind = :kind, parent_id = :parent, bloc_id = :bloc, "
        "valid_from = :from, valid_to = :to, succeeded_by_id = :succ, search_key = :search, version = version + 1 WHERE id = :id AND "
        "version = :version");
    Query q(m_db.sql(), unit.id > 0 ? sqlUpdate : sqlInsert);
    q.bind(QStringLiteral(":key"), unit.key)
        .bind(QStringLiteral(":name"), unit.name)
        .bind(QStringLiteral(":kind"), unit.kind)
        .bindOptional(QStringLiteral(":parent"), unit.parentId)
        .bindOptional(QStringLiteral(":bloc"), unit.blocId)
        .bind(QStringLiteral(":from"), Keys::dateValue(unit.validFrom))
        .bind(QStringLiteral(":to"), Keys::dateValue(unit.validTo))
        .bindOptional(QStringLiteral(":succ"), unit.succeededById)
        .bind(QStringLiteral(":search"), Text::fold(unit.name + QLatin1Char(' ') + unit.key));
    if (unit.id > 0) {
        q.bind(QStringLiteral(":id"), unit.id).bind(QStringLiteral(":version"), unit.version).exec();
        Versioning::checkUpdated(m_db, q, QStringLiteral("units"), unit.id,
                                 Tr::tr("The unit no longer exists; it may have been deleted by someone else."));
        ++unit.version;
    } else {
        unit.id = q.insertReturningId();
        unit.version = 1;
    }
    tx.commit();
    return unit.id;
}

QStringList UnitRepository::dependents(qint64 id) const
{
    // Every table that refers to units, with the sentence a clerk reads.
    static const QList<Lookup::Dependent> checks = {
        {"SELECT count(*) FROM units WHERE parent_id = :id", QT_TRANSLATE_N_NOOP("UnitRepository", "%n sub-unit(s) belong to it")},
        {"SELECT count(*) FROM units WHERE succeeded_by_id = :id",
         QT_TRANSLATE_N_NOOP("UnitRepository", "%n unit(s) name it as their successor")},
        {"SELECT count(*) FROM people WHERE unit_id = :id", QT_TRANSLATE_N_NOOP("UnitRepository", "%n person(s) work in it")},
        {"SELECT count(*) FROM ratings WHERE unit_id = :id", QT_TRANSLATE_N_NOOP("UnitRepository", "%n yearly rating(s)")},
        {"SELECT count(*) FROM awards WHERE unit_id = :id", QT_TRANSLATE_N_NOOP("UnitRepository", "%n award(s) in its ledger")},
        {"SELECT count(*) FROM disciplines WHERE unit_id = :id", QT_TRANSLATE_N_NOOP("UnitRepository", "%n disciplinary record(s)")},
    };
    return Lookup::dependents(m_db, "UnitRepository", checks, id);
}

void UnitRepository::remove(qint64 id)
{
    Transaction tx(m_db.sql());
    Permissions::require(m_db, Permissions::Action::EditRegistry, id);
    const QStringList reasons = dependents(id);
    if (!reasons.isEmpty())
        throw Error(Tr::tr("The unit cannot be deleted: %1.").arg(reasons.join(QStringLiteral("; "))));
    Query(m_db.sql(), QStringLiteral("DELETE FROM units WHERE id = :id")).bind(QStringLiteral(":id"), id).exec();
    tx.commit();
}

QList<Bloc> UnitRepository::blocs() const
{
    Query q(m_db.sql(), QStringLiteral("SELECT id, ext_key, name, kind, version FROM blocs ORDER BY kind, name COLLATE vi"));
    q.exec();
    QList<Bloc> out;
    while (q.next())
        out.append({q.id(0), q.text(1), q.text(2), q.text(3), q.integer(4)});
    return out;
}

qint64 UnitRepository::saveBloc(Bloc &bloc)
{
    bloc.name = Text::clean(bloc.name);
    if (bloc.name.isEmpty())
        throw Error(Tr::tr("The name of the emulation cluster or bloc is required."));
    if (bloc.kind != QLatin1String("cum") && bloc.kind != QLatin1String("khoi"))
        throw Error(Tr::tr("Choose whether it is an emulation cluster (cụm) or bloc (khối)."));
    Permissions::require(m_db, Permissions::Action::EditRegistry, 0); // blocs span units: not a clerk's
    if (bloc.key.isEmpty())
        bloc.key = Keys::ShortKeys(m_db, "blocs", QStringLiteral("KTD"), 3).next(); // khối thi đua
    if (bloc.id > 0) {
        Query q(m_db.sql(), QStringLiteral("UPDATE blocs SET ext_key = :key, name = :name, kind = :kind, "
                                           "version = version + 1 WHERE id = :id AND version = :version"));
        q.bind(QStringLiteral(":key"), bloc.key)
            .bind(QStringLiteral(":name"), bloc.name)
            .bind(QStringLiteral(":kind"), bloc.kind)
            .bind(QStringLiteral(":id"), bloc.id)
            .bind(QStringLiteral(":version"), bloc.version)
            .exec();
        Versioning::checkUpdated(m_db, q, QStringLiteral("blocs"), bloc.id,
                                 Tr::tr("The emulation cluster or bloc no longer exists; someone else may have deleted it."));
        ++bloc.version;
        return bloc.id;
    }
    bloc.id = Query(m_db.sql(), blocRows().values({}, u":key, :name, :kind", QStringLiteral("RETURNING id")))
                  .bind(QStringLiteral(":key"), bloc.key)
                  .bind(QStringLiteral(":name"), bloc.name)
                  .bind(QStringLiteral(":kind"), bloc.kind)
                  .insertReturningId();
    bloc.version = 1;
    return bloc.id;
}

} // namespace VinhDanh::Core
