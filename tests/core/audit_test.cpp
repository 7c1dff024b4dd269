#include "core/audit/auditchain.h"
#include "core/audit/auditschema.h"
#include "core/auditlog/auditlog.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/store/migrations.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QJsonObject>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using VinhDanh::Test::errorOf;

namespace {
int auditCount(Database &db, const QString &table)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = :t"))
        .bind(QStringLiteral(":t"), table)
        .scalar(0)
        .toInt();
}

QJsonObject json(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

Unit unit(const QString &name)
{
    Unit u;
    u.name = name;
    u.kind = QStringLiteral("provincial_agency");
    return u;
}
} // namespace

TEST_CASE("everyInsertUpdateDelete_writesAnAuditRow_withActorAndValuesBeforeAndAfter", "[audit]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        db.setSession({7, QStringLiteral("thu.ky"), QStringLiteral("admin"), 0});
        UnitRepository repo(db);
        Unit u = unit(QStringLiteral("Sở Nội vụ"));
        repo.save(u);
        u.name = QStringLiteral("Sở Nội vụ tỉnh");
        repo.save(u);
        repo.remove(u.id);

        Query q(db.sql(), QStringLiteral("SELECT action, actor, record_id, record_key, old_values, new_values, at "
                                         "FROM audit_log WHERE table_name = 'units' ORDER BY id"));
        q.exec();
        QStringList actions;
        QList<QVariantList> rows;
        while (q.next()) {
            actions << q.text(0);
            rows.append({q.value(0), q.value(1), q.value(2), q.value(3), q.value(4), q.value(5), q.value(6)});
        }
        REQUIRE(actions == QStringList{QStringLiteral("insert"), QStringLiteral("update"), QStringLiteral("delete")});
        for (const QVariantList &r : rows) {
            CHECK(r[1].toString() == QStringLiteral("thu.ky"));
            CHECK(r[2].toLongLong() == u.id);
            CHECK(r[3].toString() == u.key);
            CHECK(r[6].toString().startsWith(QString::number(QDate::currentDate().year())));
        }
        CHECK(rows[0][4].isNull());
        CHECK(json(rows[0][5]).value(QStringLiteral("name")).toString() == QStringLiteral("Sở Nội vụ"));
        CHECK(json(rows[1][4]).value(QStringLiteral("name")).toString() == QStringLiteral("Sở Nội vụ"));
        CHECK(json(rows[1][5]).value(QStringLiteral("name")).toString() == QStringLiteral("Sở Nội vụ tỉnh"));
        CHECK(json(rows[1][5]).value(QStringLiteral("version")).toInt() == 2);
        CHECK_FALSE(json(rows[1][5]).contains(QStringLiteral("search_key")));
        CHECK(json(rows[2][4]).value(QStringLiteral("name")).toString() == QStringLiteral("Sở Nội vụ tỉnh"));
        CHECK(rows[2][5].isNull());
    });
}

TEST_CASE("actorWords_namesAComputerLoginInWords_andLeavesAnAccountAsItIs", "[audit]")
{
    using VinhDanh::Core::actorWords;
    // Database::actorName() records "os:<login>" when nobody is logged in.
    CHECK(actorWords(QStringLiteral("os:root")) == QStringLiteral("root (computer account)"));
    CHECK(actorWords(QStringLiteral("quan.tri")) == QStringLiteral("quan.tri"));
    CHECK(actorWords(QString()).isEmpty());
    CHECK(actorWords(QStringLiteral("os:")) == QStringLiteral("os:")); // no login to name: left as stored
}

TEST_CASE("rolledBackChange_leavesNoAuditRow", "[audit]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const int before = auditCount(db, QStringLiteral("units"));
        {
            Transaction tx(db.sql());
            Unit u = unit(QStringLiteral("Sở Tài chính"));
            UnitRepository(db).save(u);
            CHECK(auditCount(db, QStringLiteral("units")) == before + 1);
            // no commit: the change and its audit row go together
        }
        CHECK(auditCount(db, QStringLiteral("units")) == before);
        CHECK(UnitRepository(db).count() == 0);

        // A save the database refuses half-way (duplicate CCCD) leaves no trace either.
        Unit u = unit(QStringLiteral("Sở Y tế"));
        UnitRepository(db).save(u);
        Person a;
        a.fullName = QStringLiteral("Nguyễn Văn An");
        a.category = QStringLiteral("cong_chuc");
        a.unitId = u.id;
        a.cccd = QStringLiteral("001090000001");
        PersonRepository(db).save(a);
        const int people = auditCount(db, QStringLiteral("people"));
        Person b = a;
        b.id = 0;
        b.key.clear();
        b.version = 0;
        CHECK_FALSE(errorOf([&] { PersonRepository(db).save(b); }).isEmpty());
        CHECK(auditCount(db, QStringLiteral("people")) == people);
    });
}

TEST_CASE("auditLog_refusesUpdateAndDelete_atTheSqlLevel", "[audit]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Unit u = unit(QStringLiteral("Sở Xây dựng"));
        UnitRepository(db).save(u);
        REQUIRE(auditCount(db, QStringLiteral("units")) == 1);
        const QString update = errorOf([&] { Query::run(db.sql(), QStringLiteral("UPDATE audit_log SET actor = 'someone'")); });
        CHECK(update.contains(QStringLiteral("protected")));
        const QString remove = errorOf([&] { Query::run(db.sql(), QStringLiteral("DELETE FROM audit_log")); });
        CHECK(remove.contains(QStringLiteral("protected")));
        if (db.backend() == Backend::Postgres)
            CHECK_FALSE(errorOf([&] { Query::run(db.sql(), QStringLiteral("TRUNCATE audit_log")); }).isEmpty());
        CHECK(auditCount(db, QStringLiteral("units")) == 1);
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = 'someone'")).scalar(0).toInt() == 0);
    });
}

TEST_CASE("guard_protectsOnlyTheRowsItsConditionNames", "[audit]")
{
    // The mechanism issue 4 reuses for issued decisions and submitted dossiers.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Query::run(db.sql(), Migrations::dialect(
                                 db, QStringLiteral("CREATE TABLE sample_decisions (id {{ID}}, status TEXT NOT NULL, title TEXT)")));
        AuditSchema::installGuard(db, {QStringLiteral("sample_decisions"), QStringLiteral("issued decision"), true,
                                       QStringLiteral("OLD.status = 'issued'"), true, QStringLiteral("OLD.status = 'issued'"), false,
                                       QString()});
        Query::run(db.sql(), QStringLiteral("INSERT INTO sample_decisions (status, title) VALUES ('draft', 'a'), ('issued', 'b')"));
        CHECK(errorOf([&] {
                  Query::run(db.sql(), QStringLiteral("UPDATE sample_decisions SET title = 'x' WHERE status = 'draft'"));
              }).isEmpty());
        CHECK(errorOf([&] {
                  Query::run(db.sql(), QStringLiteral("UPDATE sample_decisions SET status = 'issued' WHERE title = 'x'"));
              }).isEmpty());
        CHECK(errorOf([&] {
                  Query::run(db.sql(), QStringLiteral("UPDATE sample_decisions SET title = 'y' WHERE title = 'b'"));
              }).contains(QStringLiteral("protected")));
        CHECK(errorOf([&] {
                  Query::run(db.sql(), QStringLiteral("DELETE FROM sample_decisions WHERE title = 'b'"));
              }).contains(QStringLiteral("protected")));
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM sample_decisions WHERE title = 'b'")).scalar(0).toInt() == 1);
    });
}

namespace {
/// Some ordinary work: three units saved, one renamed, one removed.
void someWork(Database &db)
{
    db.setSession({7, QStringLiteral("thu.ky"), QStringLiteral("admin"), 0});
    UnitRepository repo(db);
    QList<Unit> units;
    for (const QString &name : {QStringLiteral("Sở Nội vụ"), QStringLiteral("Sở Tài chính"), QStringLiteral("Sở Y tế")}) {
        Unit u = unit(name);
        repo.save(u);
        units << u;
    }
    units[1].name = QStringLiteral("Sở Tài chính tỉnh");
    repo.save(units[1]);
    repo.remove(units[2].id);
}

/// The id of the n-th audit row (0-based) of someWork() in id order (a new database's
/// catalogue rows come first).
qint64 nthAuditId(Database &db, int n)
{
    return Query(db.sql(), QStringLiteral("SELECT id FROM audit_log WHERE table_name = 'units' ORDER BY id LIMIT 1 OFFSET %1").arg(n))
        .scalar(0)
        .toLongLong();
}

/// Lifts audit_log's guard with raw SQL, as an attacker with an SQLite tool or psql would.
void dropAuditGuard(Database &db, const char *event)
{
    Query::run(db.sql(), db.backend() == Backend::Postgres
                             ? QStringLiteral("DROP TRIGGER guard_audit_log_%1 ON audit_log").arg(QLatin1String(event))
                             : QStringLiteral("DROP TRIGGER guard_audit_log_%1").arg(QLatin1String(event)));
}
} // namespace

TEST_CASE("auditChainHash_encodesFieldsUnambiguously", "[audit][chain]")
{
    const QString at = QStringLiteral("2025-01-01T00:00:00.000Z");
    const QString base = AuditChain::rowHash({}, at, QStringLiteral("ab"), QStringLiteral("insert"), QStringLiteral("units"),
                                             qint64(1), QStringLiteral("c"), {}, QStringLiteral("{}"));
    CHECK(base.size() == 64);
    // The same bytes split differently between two fields, NULL against empty text, and
    // another previous hash: each gives another hash.
    CHECK(base
          != AuditChain::rowHash({}, at, QStringLiteral("a"), QStringLiteral("insert"), QStringLiteral("units"), qint64(1),
                                 QStringLiteral("bc"), {}, QStringLiteral("{}")));
    CHECK(base
          != AuditChain::rowHash({}, at, QStringLiteral("ab"), QStringLiteral("insert"), QStringLiteral("units"), qint64(1),
                                 QStringLiteral("c"), QString(QLatin1String("")), QStringLiteral("{}")));
    CHECK(base
          != AuditChain::rowHash(QStringLiteral("00"), at, QStringLiteral("ab"), QStringLiteral("insert"), QStringLiteral("units"),
                                 qint64(1), QStringLiteral("c"), {}, QStringLiteral("{}")));
    CHECK(base
          == AuditChain::rowHash({}, at, QStringLiteral("ab"), QStringLiteral("insert"), QStringLiteral("units"), qint64(1),
                                 QStringLiteral("c"), {}, QStringLiteral("{}")));
}

TEST_CASE("auditChain_isIntactAfterNormalWork_andEveryRowHasItsHash", "[audit][chain]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        someWork(db);
        const int rows = Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log")).scalar(0).toInt();
        REQUIRE(rows >= 5);
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE row_hash IS NULL")).scalar(0).toInt() == 0);
        // The hashes the triggers wrote (SQLite's C function, PostgreSQL's SQL function) are
        // the ones the C++ verifier recomputes.
        const AuditChain::Verification v = AuditChain::verify(db);
        CHECK(v.intact);
        CHECK(v.rows == rows);
        CHECK(v.lastId == Query(db.sql(), QStringLiteral("SELECT max(id) FROM audit_log")).scalar(0).toLongLong());
        CHECK(v.summary().contains(QStringLiteral("intact")));
    });
}

TEST_CASE("deletedAuditRow_isFoundAndNamedByTheVerifier", "[audit][chain]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        someWork(db);
        const qint64 victim = nthAuditId(db, 2);
        const qint64 before = nthAuditId(db, 1);
        const qint64 after = nthAuditId(db, 3);
        dropAuditGuard(db, "delete");
        Query::run(db.sql(), QStringLiteral("DELETE FROM audit_log WHERE id = %1").arg(victim));
        const AuditChain::Verification v = AuditChain::verify(db);
        CHECK_FALSE(v.intact);
        CHECK(v.brokenId == after);
        CHECK(v.previousId == before);
        CHECK(v.summary().contains(QStringLiteral("#%1").arg(after)));
        CHECK(v.summary().contains(QStringLiteral("deleted")));
    });
}

TEST_CASE("alteredAuditRow_isFoundAndNamedByTheVerifier", "[audit][chain]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        someWork(db);
        const qint64 victim = nthAuditId(db, 3);
        dropAuditGuard(db, "update");
        Query::run(db.sql(), QStringLiteral("UPDATE audit_log SET new_values = replace(new_values, 'Sở', 'Phòng') "
                                            "WHERE id = %1")
                                 .arg(victim));
        const AuditChain::Verification v = AuditChain::verify(db);
        CHECK_FALSE(v.intact);
        CHECK(v.brokenId == victim);
        CHECK(v.brokenTable == QStringLiteral("units"));
        CHECK(v.summary().contains(QStringLiteral("#%1").arg(victim)));
    });
}

TEST_CASE("migratingAnOlderDatabase_fillsHashesForOldRows_andTheChainVerifies", "[audit][chain][migrations]")
{
    for (Backend backend : Test::TestDatabase::backends()) {
        DYNAMIC_SECTION(Test::TestDatabase::backendName(backend).toStdString())
        {
            Test::TestDatabase t(backend);
            {
                Database old(t.settings(), Database::NoMigrate{});
                Migrations::migrate(old, 5);
                Query::run(old.sql(), QStringLiteral("INSERT INTO units (ext_key, name, kind, search_key) VALUES "
                                                     "('U1', 'Sở Nội vụ', 'provincial_agency', 'so noi vu'), "
                                                     "('U2', 'Sở Y tế', 'provincial_agency', 'so y te')"));
                Query::run(old.sql(), QStringLiteral("UPDATE units SET name = 'Sở Y tế tỉnh' WHERE ext_key = 'U2'"));
                REQUIRE(Query(old.sql(), QStringLiteral("SELECT count(*) FROM audit_log")).scalar(0).toInt() == 3);
            }
            Database &db = t.open();
            CHECK_FALSE(db.readOnly());
            CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE row_hash IS NULL")).scalar(0).toInt() == 0);
            Unit u = unit(QStringLiteral("Sở Xây dựng"));
            UnitRepository(db).save(u);
            const AuditChain::Verification v = AuditChain::verify(db);
            CHECK(v.intact);
            CHECK(v.rows == Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log")).scalar(0).toInt());
            // The guard lifted for the migration is back.
            CHECK(
                errorOf([&] { Query::run(db.sql(), QStringLiteral("DELETE FROM audit_log")); }).contains(QStringLiteral("protected")));
        }
    }
}
