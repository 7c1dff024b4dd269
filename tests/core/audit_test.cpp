#include "core/audit/auditschema.h"
#include "core/db/migrations.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/repo/personrepository.h"
#include "core/repo/unitrepository.h"
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
        Query::run(db.sql(), Migrations::dialect(db, QStringLiteral(
            "CREATE TABLE sample_decisions (id {{ID}}, status TEXT NOT NULL, title TEXT)")));
        AuditSchema::installGuard(db, {QStringLiteral("sample_decisions"), QStringLiteral("issued decision"), true,
                                       QStringLiteral("OLD.status = 'issued'"), true, QStringLiteral("OLD.status = 'issued'"),
                                       false, QString()});
        Query::run(db.sql(), QStringLiteral("INSERT INTO sample_decisions (status, title) VALUES ('draft', 'a'), ('issued', 'b')"));
        CHECK(errorOf([&] { Query::run(db.sql(), QStringLiteral("UPDATE sample_decisions SET title = 'x' WHERE status = 'draft'")); })
                  .isEmpty());
        CHECK(errorOf([&] { Query::run(db.sql(), QStringLiteral("UPDATE sample_decisions SET status = 'issued' WHERE title = 'x'")); })
                  .isEmpty());
        CHECK(errorOf([&] { Query::run(db.sql(), QStringLiteral("UPDATE sample_decisions SET title = 'y' WHERE title = 'b'")); })
                  .contains(QStringLiteral("protected")));
        CHECK(errorOf([&] { Query::run(db.sql(), QStringLiteral("DELETE FROM sample_decisions WHERE title = 'b'")); })
                  .contains(QStringLiteral("protected")));
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM sample_decisions WHERE title = 'b'")).scalar(0).toInt() == 1);
    });
}
