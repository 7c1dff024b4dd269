#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"

#include "core/db/transaction.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

#include <QMutex>

#include <atomic>
#include <thread>
#include <vector>

using namespace VinhDanh;
using namespace VinhDanh::Core;

TEST_CASE("twoWritersSaveTheSameUnit_secondIsToldWithTheStoredValues_andNothingIsOverwritten", "[concurrency]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        // Two app instances: two connections to one SQLite file, or two clerks on one server.
        Database &first = t.db();
        Database second(t.settings(), Database::Mode::OpenExisting);
        Unit u;
        u.name = QStringLiteral("UBND xã Tân Dân");
        u.kind = QStringLiteral("commune_ward");
        UnitRepository(first).save(u);
        REQUIRE(u.version == 1);

        Unit mine = *UnitRepository(first).get(u.id);
        Unit theirs = *UnitRepository(second).get(u.id);
        theirs.name = QStringLiteral("UBND xã Tân Dân (mới)");
        UnitRepository(second).save(theirs);
        CHECK(theirs.version == 2);

        mine.validTo = QDate(2025, 6, 30);
        bool conflict = false;
        try {
            UnitRepository(first).save(mine);
        } catch (const ConflictError &e) {
            conflict = true;
            CHECK(e.table() == QStringLiteral("units"));
            CHECK(e.id() == u.id);
            CHECK(e.storedVersion() == 2);
            CHECK(e.stored().value(QStringLiteral("name")).toString() == QStringLiteral("UBND xã Tân Dân (mới)"));
            CHECK(e.message().contains(QStringLiteral("Someone else saved")));
        }
        CHECK(conflict);
        const Unit stored = *UnitRepository(first).get(u.id);
        CHECK(stored.name == QStringLiteral("UBND xã Tân Dân (mới)"));
        CHECK_FALSE(stored.validTo.isValid());

        // Choosing "overwrite with mine" is a save on the version now stored.
        mine.version = stored.version;
        UnitRepository(first).save(mine);
        CHECK(UnitRepository(second).get(u.id)->validTo == QDate(2025, 6, 30));
        CHECK(UnitRepository(second).get(u.id)->version == 3);
    });
}

TEST_CASE("twoWritersSaveTheSamePersonAndAward_secondGetsConflictError", "[concurrency]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &first = t.db();
        Database second(t.settings(), Database::Mode::OpenExisting);
        Unit u;
        u.name = QStringLiteral("Sở Giáo dục");
        u.kind = QStringLiteral("provincial_agency");
        UnitRepository(first).save(u);
        Person p;
        p.fullName = QStringLiteral("Trần Thị Bình");
        p.category = QStringLiteral("vien_chuc");
        p.unitId = u.id;
        PersonRepository(first).save(p);

        Person mine = *PersonRepository(first).get(p.id);
        Person theirs = *PersonRepository(second).get(p.id);
        theirs.position = QStringLiteral("Hiệu trưởng");
        PersonRepository(second).save(theirs);
        mine.position = QStringLiteral("Giáo viên");
        CHECK_THROWS_AS(PersonRepository(first).save(mine), ConflictError);
        CHECK(PersonRepository(first).get(p.id)->position == QStringLiteral("Hiệu trưởng"));

        Award a;
        a.subject = Subject::person(p.id);
        a.formCode = QStringLiteral("CSTDCS");
        a.kind = QStringLiteral("cong_trang");
        a.year = 2024;
        a.decisionNo = QStringLiteral("12/QĐ-UBND");
        a.decisionDate = QDate(2025, 2, 1);
        RecordRepository(first).saveAward(a);
        Award theirsAward = RecordRepository(second).awards(a.subject).first().award;
        theirsAward.note = QStringLiteral("sửa bởi người khác");
        RecordRepository(second).saveAward(theirsAward);
        a.note = QStringLiteral("của tôi");
        CHECK_THROWS_AS(RecordRepository(first).saveAward(a), ConflictError);
    });
}

TEST_CASE("savingADeletedRecord_saysItIsGone_notAConflict", "[concurrency]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Unit u;
        u.name = QStringLiteral("Sở Công Thương");
        u.kind = QStringLiteral("provincial_agency");
        UnitRepository(t.db()).save(u);
        Query(t.db().sql(), QStringLiteral("DELETE FROM units WHERE id = :id")).bind(QStringLiteral(":id"), u.id).exec();
        const QString message = Test::errorOf([&] { UnitRepository(t.db()).save(u); });
        CHECK(message.contains(QStringLiteral("no longer exists")));
    });
}

TEST_CASE("eightWritersThatReadFirst_allQueue_andNoWriteIsLost", "[concurrency]")
{
    // A write transaction that reads before it writes (check, then save) is the common case.
    // With a deferred BEGIN, SQLite refuses the upgrade to a write lock at once ("database is
    // locked") whenever another writer got in between; BEGIN IMMEDIATE makes them queue.
    Test::TestDatabase t;
    t.open();
    const ConnectionSettings settings = t.settings();
    constexpr int kWriters = 8;
    constexpr int kRounds = 25;
    std::atomic<int> failures{0};
    QStringList errors;
    QMutex errorsMutex;
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            try {
                Database db(settings, Database::Mode::OpenExisting);
                for (int r = 0; r < kRounds; ++r) {
                    try {
                        Transaction tx(db.sql());
                        const int before = Query(db.sql(), QStringLiteral("SELECT count(*) FROM units")).scalar().toInt();
                        Unit u;
                        u.name = QStringLiteral("UBND xã %1-%2 (%3)").arg(w).arg(r).arg(before);
                        u.kind = QStringLiteral("commune_ward");
                        UnitRepository(db).save(u);
                        tx.commit();
                    } catch (const Error &e) {
                        ++failures;
                        QMutexLocker lock(&errorsMutex);
                        errors << e.fullText();
                    }
                }
            } catch (const Error &e) {
                ++failures;
                QMutexLocker lock(&errorsMutex);
                errors << e.fullText();
            }
        });
    }
    for (std::thread &w : writers)
        w.join();
    INFO(errors.join(QLatin1Char('\n')).toStdString());
    CHECK(failures == 0);
    CHECK(Query(t.db().sql(), QStringLiteral("SELECT count(*) FROM units")).scalar().toInt() == kWriters * kRounds);
}

TEST_CASE("twoClerksAddNomineesToOneDossierAtOnce_getDistinctPositions", "[concurrency]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const qint64 dossier = f.newDossier().id;
        constexpr int kPerClerk = 6;
        QList<qint64> people;
        for (int i = 0; i < 2 * kPerClerk; ++i)
            people << f.eligiblePerson(2025, QStringLiteral("Nguyễn Văn %1").arg(QChar(u'A' + i)));
        const ConnectionSettings settings = t.settings();
        std::atomic<int> failures{0};
        std::vector<std::thread> clerks;
        for (int c = 0; c < 2; ++c) {
            clerks.emplace_back([&, c] {
                try {
                    Database db(settings, Database::Mode::OpenExisting);
                    for (int i = 0; i < kPerClerk; ++i) {
                        Workflow::Nominee n;
                        n.dossierId = dossier;
                        n.personId = people.at(c * kPerClerk + i);
                        n.formCode = QStringLiteral("LDTT");
                        Workflow::DossierRepository(db).saveNominee(n);
                    }
                } catch (const Error &) {
                    ++failures;
                }
            });
        }
        for (std::thread &c : clerks)
            c.join();
        CHECK(failures == 0);
        CHECK(Query(t.db().sql(), QStringLiteral("SELECT count(*) FROM dossier_nominees WHERE dossier_id = :d"))
                  .bind(QStringLiteral(":d"), dossier)
                  .scalar()
                  .toInt()
              == 2 * kPerClerk);
        CHECK(Query(t.db().sql(), QStringLiteral("SELECT count(DISTINCT position) FROM dossier_nominees WHERE dossier_id = :d"))
                  .bind(QStringLiteral(":d"), dossier)
                  .scalar()
                  .toInt()
              == 2 * kPerClerk);
    });
}
