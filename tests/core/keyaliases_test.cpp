// Records saved before short keys (issue 16: no UUID on any screen, in CLI text or in a file
// name): schema step 16 gives them a key a clerk can say and keeps the old one as an alias, so
// look-ups by the old key, an export written before the upgrade and a pending merge's undo
// all still land on the same records.
#include "core/db/query.h"
#include "core/dedup/merge.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "core/registry/keyaliases.h"
#include "core/registry/keys.h"
#include "core/registry/movementrepository.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/store/catalogueload.h"
#include "core/store/migrations.h"
#include "core/tables/csvreader.h"
#include "core/tables/peopleimport.h"
#include "core/tables/peoplemapping.h"
#include "core/text/vntext.h"
#include "support/testdatabase.h"

#include <QFile>
#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;

namespace {
const QString kBloc = QStringLiteral("bloc-0b7e1c2a-4d5f-4a1b-9c3d-2e1f0a9b8c7d");
const QString kUnit = QStringLiteral("unit-3f2a9d1e-5b6c-4e7f-8a9b-0c1d2e3f4a5b");
const QString kAn = QStringLiteral("person-6461a34d-1111-4a2b-8c3d-4e5f6a7b8c9d");
const QString kBinh = QStringLiteral("person-7ab2c3d4-2222-4b3c-9d4e-5f6a7b8c9d0e");
const QString kDup = QStringLiteral("person-8bc3d4e5-3333-4c4d-8e5f-6a7b8c9d0e1f");
const QString kMovement = QStringLiteral("movement-9cd4e5f6-4444-4d5e-9f6a-7b8c9d0e1f2a");

int count(Database &db, const QString &sql)
{
    return Query(db.sql(), sql).scalar(0).toInt();
}

QString keyOf(Database &db, const char *table, qint64 id)
{
    return Query(db.sql(), QStringLiteral("SELECT ext_key FROM %1 WHERE id = :id").arg(QLatin1String(table)))
        .bind(QStringLiteral(":id"), id)
        .scalar()
        .toString();
}

/// A version 15 database as the GUI left it before short keys: generated keys everywhere,
/// next to keys the office typed; one duplicate person merged away; an export of it all.
void writeOldDatabase(Test::TestDatabase &t, const QString &exportPath)
{
    Database old(t.settings(), Database::NoMigrate{});
    Migrations::migrate(old, 15);
    const auto run = [&](const QString &sql) { Query::run(old.sql(), sql); };
    run(QStringLiteral("INSERT INTO blocs (ext_key, name, kind) VALUES ('%1', 'Khối các sở', 'khoi')").arg(kBloc));
    run(QStringLiteral("INSERT INTO units (ext_key, name, kind, bloc_id, search_key) VALUES ('%1', 'Sở Nội vụ', "
                       "'provincial_agency', (SELECT id FROM blocs), 'so noi vu %1')")
            .arg(kUnit));
    run(QStringLiteral("INSERT INTO units (ext_key, name, kind, search_key) VALUES ('DV0003', 'Sở Tư pháp', "
                       "'provincial_agency', 'so tu phap dv0003')"));
    for (const auto &[key, name, given] :
         {std::tuple{kAn, "Nguyễn Văn An", "An"}, std::tuple{kBinh, "Trần Thị Bình", "Bình"}, std::tuple{kDup, "Nguyễn Văn An", "An"}})
        run(QStringLiteral("INSERT INTO people (ext_key, full_name, given_name, unit_id, category, search_key) VALUES "
                           "('%1', '%2', '%3', (SELECT id FROM units WHERE ext_key = '%4'), 'cong_chuc', '%5')")
                .arg(key, QString::fromUtf8(name), QString::fromUtf8(given), kUnit,
                     Text::fold(QString::fromUtf8(name) + QLatin1Char(' ') + key)));
    run(QStringLiteral("INSERT INTO people (ext_key, full_name, given_name, unit_id, category, search_key) VALUES "
                       "('CN000007', 'Lê Văn Cường', 'Cường', (SELECT id FROM units WHERE ext_key = 'DV0003'), 'cong_chuc', "
                       "'le van cuong cn000007')"));
    Catalogue::ensureLoaded(old); // as opening the database did
    MovementRepository movements(old);
    Movement m = *movements.get(movements.list().first().id); // a catalogue plan, copied as the GUI did
    m.id = 0;
    m.key = kMovement;
    m.copiedFrom = movements.list().first().key;
    m.name = QStringLiteral("Phong trào của Sở");
    movements.save(m);
    Interchange::exportTo(old, exportPath);
    const qint64 an = Lookup::idForKey(old, "people", kAn), dup = Lookup::idForKey(old, "people", kDup);
    Dedup::Merger(old).merge(Dedup::Kind::People, an, dup);
}
} // namespace

TEST_CASE("recordsWithGeneratedKeys_getShortKeysOnUpgrade_andTheOldKeysStillFindThem", "[migrations][keys]")
{
    for (Backend backend : Test::TestDatabase::backends()) {
        DYNAMIC_SECTION(Test::TestDatabase::backendName(backend).toStdString())
        {
            Test::TestDatabase t(backend);
            const QString exported = t.dir() + QStringLiteral("/before-upgrade.json");
            writeOldDatabase(t, exported);
            Database &db = t.open();
            REQUIRE(db.schemaVersion() == Migrations::latestVersion());

            // No generated key is left in any table a clerk reads keys from, nor in a merge
            // waiting to be undone.
            for (const char *table : {"blocs", "units", "people", "movements"}) {
                Query q(db.sql(), QStringLiteral("SELECT ext_key FROM %1").arg(QLatin1String(table)));
                q.exec();
                while (q.next())
                    CHECK_FALSE(Keys::isGenerated(q.text(0)));
            }
            CHECK(count(db, QStringLiteral("SELECT count(*) FROM registry_merges WHERE dropped_key LIKE 'person-%' "
                                           "OR kept_key LIKE 'person-%'"))
                  == 0);

            // The next numbers after the office's own: DV0003 typed, so the old unit is DV0004;
            // CN000007 typed, so the two old people (in id order) are CN000008 and CN000009 —
            // the merged-away one got its key too, in registry_merges.
            const qint64 unit = Lookup::idForKey(db, "units", kUnit);
            REQUIRE(unit > 0);
            CHECK(keyOf(db, "units", unit) == QStringLiteral("DV0004"));
            const qint64 an = Lookup::idForKey(db, "people", kAn), binh = Lookup::idForKey(db, "people", kBinh);
            CHECK(keyOf(db, "people", an) == QStringLiteral("CN000008"));
            CHECK(keyOf(db, "people", binh) == QStringLiteral("CN000009"));
            CHECK(keyOf(db, "blocs", Lookup::idForKey(db, "blocs", kBloc)) == QStringLiteral("KTD001"));
            MovementRepository movements(db);
            const qint64 movement = movements.idForKey(kMovement);
            REQUIRE(movement > 0);
            CHECK(movements.get(movement)->key == QStringLiteral("PT001"));
            // The repositories' own look-ups (the CLI's --person/--unit go through them).
            CHECK(PersonRepository(db).idForKey(kBinh) == PersonRepository(db).idForKey(QStringLiteral("CN000009")));
            CHECK(UnitRepository(db).idForKey(kUnit) == UnitRepository(db).idForKey(QStringLiteral("DV0004")));
            // Searching the new key finds the person: the search text was rewritten with it.
            PersonRepository people(db);
            CHECK(people.count(QStringLiteral("CN000009")) == 1);
            CHECK(people.count(kBinh) == 0);

            // New records go on after them.
            Unit u;
            u.name = QStringLiteral("Sở Y tế");
            u.kind = QStringLiteral("provincial_agency");
            UnitRepository(db).save(u);
            CHECK(u.key == QStringLiteral("DV0005"));
            Person p;
            p.fullName = QStringLiteral("Phạm Thị Dung");
            p.unitId = unit;
            p.category = QStringLiteral("cong_chuc");
            people.save(p);
            CHECK(p.key == QStringLiteral("CN000011")); // CN000010 waits for the undo of the merge

            // The export written before the upgrade lands on the same records: nothing doubled.
            const int peopleBefore = count(db, QStringLiteral("SELECT count(*) FROM people"));
            const int unitsBefore = count(db, QStringLiteral("SELECT count(*) FROM units"));
            Interchange::importFrom(db, exported);
            CHECK(count(db, QStringLiteral("SELECT count(*) FROM units")) == unitsBefore);
            CHECK(count(db, QStringLiteral("SELECT count(*) FROM blocs")) == 1);
            CHECK(count(db, QStringLiteral("SELECT count(*) FROM movements WHERE is_catalogue = 0")) == 1);
            // The merged-away person is in the old file, so it comes back as a record of its
            // own (as importing any export taken before a merge does), under the short key its
            // merge kept for it — not under the UUID.
            CHECK(count(db, QStringLiteral("SELECT count(*) FROM people")) == peopleBefore + 1);
            CHECK(keyOf(db, "people", an) == QStringLiteral("CN000008"));
            CHECK(keyOf(db, "units", unit) == QStringLiteral("DV0004"));
            CHECK(Lookup::idForKey(db, "people", QStringLiteral("CN000010")) > 0);
        }
    }
}

TEST_CASE("mergeMadeBeforeTheUpgrade_undoes_andBringsTheRecordBackUnderItsShortKey", "[migrations][keys][merge]")
{
    for (Backend backend : Test::TestDatabase::backends()) {
        DYNAMIC_SECTION(Test::TestDatabase::backendName(backend).toStdString())
        {
            Test::TestDatabase t(backend);
            writeOldDatabase(t, t.dir() + QStringLiteral("/before-upgrade.json"));
            Database &db = t.open();
            const QString dropped = Query(db.sql(), QStringLiteral("SELECT dropped_key FROM registry_merges")).scalar().toString();
            CHECK(dropped == QStringLiteral("CN000010"));
            const qint64 mergeId = Query(db.sql(), QStringLiteral("SELECT id FROM registry_merges")).scalar().toLongLong();
            Dedup::Merger(db).unmerge(mergeId);
            const qint64 back = Lookup::idForKey(db, "people", QStringLiteral("CN000010"));
            REQUIRE(back > 0);
            CHECK(Lookup::idForKey(db, "people", kDup) == back); // the old key finds it too
            CHECK(PersonRepository(db).count(QStringLiteral("CN000010")) == 1);
        }
    }
}

TEST_CASE("oldKeyMergedAwayTwice_upgradesWithOneShortKey_andAnAliasedKeyIsNeverGivenAgain", "[migrations][keys][merge]")
{
    for (Backend backend : Test::TestDatabase::backends()) {
        DYNAMIC_SECTION(Test::TestDatabase::backendName(backend).toStdString())
        {
            Test::TestDatabase t(backend);
            writeOldDatabase(t, t.dir() + QStringLiteral("/before-upgrade.json"));
            {
                // The duplicate came back with an old export and was merged away a second time:
                // two standing merges drop the same generated key.
                Database old(t.settings(), Database::NoMigrate{});
                Query::run(old.sql(), QStringLiteral("INSERT INTO people (ext_key, full_name, given_name, unit_id, category, "
                                                     "search_key) VALUES ('%1', 'Nguyễn Văn An', 'An', (SELECT id FROM units "
                                                     "WHERE ext_key = '%2'), 'cong_chuc', 'nguyen van an')")
                                          .arg(kDup, kUnit));
                Dedup::Merger(old).merge(Dedup::Kind::People, Lookup::idForKey(old, "people", kAn),
                                         Lookup::idForKey(old, "people", kDup));
                REQUIRE(count(old, QStringLiteral("SELECT count(*) FROM registry_merges WHERE dropped_key = '%1'").arg(kDup)) == 2);
            }
            Database &db = t.open(); // the upgrade must not fail on the second alias
            REQUIRE(db.schemaVersion() == Migrations::latestVersion());
            CHECK(count(db, QStringLiteral("SELECT count(DISTINCT dropped_key) FROM registry_merges")) == 1);
            CHECK(count(db, QStringLiteral("SELECT count(*) FROM key_aliases WHERE old_key = '%1'").arg(kDup)) == 1);

            // Delete the record an old key now points at; the next new one must not get its
            // short key, or the old key would lead to a stranger.
            const QString renamed = Query(db.sql(),
                                          QStringLiteral("SELECT new_key FROM key_aliases WHERE old_key = '%1'").arg(kMovement))
                                        .scalar()
                                        .toString();
            REQUIRE(renamed.startsWith(QStringLiteral("PT")));
            Query::run(db.sql(), QStringLiteral("DELETE FROM movements WHERE ext_key = '%1'").arg(renamed));
            MovementRepository movements(db);
            Movement m = *movements.get(movements.list().first().id);
            m.id = 0;
            m.key.clear();
            m.copiedFrom = movements.list().first().key;
            m.name = QStringLiteral("Phong trào mới của Sở");
            const qint64 id = movements.save(m);
            const QString given = keyOf(db, "movements", id);
            CHECK(given.startsWith(QStringLiteral("PT")));
            CHECK(given != renamed);
            CHECK(count(db, QStringLiteral("SELECT count(*) FROM key_aliases WHERE new_key = '%1'").arg(given)) == 0);
        }
    }
}

TEST_CASE("staffListFilledBeforeTheUpgrade_namesItsUnitByTheOldKey_andStillLandsOnIt", "[migrations][keys][tables]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        t.close();
        if (t.settings().backend == Backend::Postgres)
            Test::TestDatabase::resetPostgres(t.settings());
        else
            QFile::remove(t.path());
        writeOldDatabase(t, t.dir() + QStringLiteral("/before-upgrade.json"));
        Database &db = t.open();
        // A template made before the upgrade wrote the unit's key where two units share a name.
        const Tables::Sheet sheet = Tables::CsvReader::read(
            QStringLiteral("Họ và tên;Ngày sinh;Đơn vị;Đối tượng\nPhạm Thị Dung;02/03/1985;%1;Công chức\n").arg(kUnit).toUtf8());
        const Tables::PeoplePreview preview = Tables::previewPeople(db, sheet, Tables::mapPeople(sheet));
        INFO(preview.rows.value(0).detailLines().join(QLatin1Char('\n')).toStdString());
        REQUIRE_FALSE(preview.hasErrors());
        REQUIRE(preview.plans.size() == 1);
        CHECK(preview.plans.first().person.unitId == Lookup::idForKey(db, "units", QStringLiteral("DV0004")));
    });
}

// An export made before short keys, imported into a database of today (a copy moved to a new
// PC, another office's file): the records it brings get short keys as the upgrade gave the
// office's own, so no clerk reads a UUID, and the same file imported again finds them.
TEST_CASE("oldExportWithGeneratedKeys_importedIntoANewerDatabase_getsShortKeys_andImportsAgainWithoutDoubling", "[interchange][keys]")
{
    Test::TestDatabase source(Backend::Sqlite);
    const QString exported = source.dir() + QStringLiteral("/before-short-keys.json");
    writeOldDatabase(source, exported);
    const auto noGeneratedKeys = [](Database &db) {
        QStringList generated;
        for (const char *table : {"blocs", "units", "people", "movements"}) {
            Query q(db.sql(), QStringLiteral("SELECT ext_key FROM %1").arg(QLatin1String(table)));
            q.exec();
            while (q.next())
                if (Keys::isGenerated(q.text(0)))
                    generated << q.text(0);
        }
        return generated;
    };
    Test::forEachBackend([&](Test::TestDatabase &t) {
        Database &db = t.db();
        Interchange::importFrom(db, exported);
        CHECK(noGeneratedKeys(db).isEmpty());
        const qint64 binh = PersonRepository(db).idForKey(kBinh); // the old key still finds her
        REQUIRE(binh > 0);
        CHECK(keyOf(db, "people", binh).startsWith(QStringLiteral("CN")));
        CHECK(PersonRepository(db).count(keyOf(db, "people", binh)) == 1); // her search text has the new key
        const qint64 unit = UnitRepository(db).idForKey(kUnit);
        REQUIRE(unit > 0);
        CHECK(keyOf(db, "units", unit).startsWith(QStringLiteral("DV")));
        CHECK(keyOf(db, "units", unit) != QStringLiteral("DV0003")); // the file's own DV0003 keeps its key
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM people WHERE unit_id = %1").arg(unit)) == 3);

        const int people = count(db, QStringLiteral("SELECT count(*) FROM people"));
        const int units = count(db, QStringLiteral("SELECT count(*) FROM units"));
        Interchange::importFrom(db, exported);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM people")) == people);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM units")) == units);
        CHECK(noGeneratedKeys(db).isEmpty());
    });
    // import --new: the new file is made the same way.
    const QString made = source.dir() + QStringLiteral("/made.sqlite");
    Interchange::importIntoNewFile(exported, made);
    Database copy(ConnectionSettings::sqlite(made));
    CHECK(noGeneratedKeys(copy).isEmpty());
    CHECK(PersonRepository(copy).idForKey(kAn) > 0);
}
