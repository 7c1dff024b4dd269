// Interchange files between offices (issue 15): keys are short and per office, so a file of
// another office names its records by keys this database may use for unrelated ones. Each
// database has an office id; another office's records get new keys where theirs are taken,
// and the office's next file finds them again.
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/demo/demogenerator.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "core/registry/keyaliases.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "interchange_support.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using Test::readAll;
using Test::withEdit;
using Test::writeAll;

namespace {
int countOf(Database &db, const char *table)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).scalar(0).toInt();
}

/// (full name, birth date, unit's name) of every person: what the records say, whatever their keys.
QStringList peopleOf(Database &db)
{
    QStringList out;
    Query q(db.sql(), QStringLiteral("SELECT p.full_name, COALESCE(p.birth_date, ''), u.name, COALESCE(p.position, '') "
                                     "FROM people p JOIN units u ON u.id = p.unit_id"));
    q.exec();
    while (q.next())
        out << QStringLiteral("%1 | %2 | %3 | %4").arg(q.text(0), q.text(1), q.text(2), q.text(3));
    out.sort();
    return out;
}

QString personAt(Database &db, const QString &key)
{
    PersonRepository repo(db);
    const std::optional<Person> p = repo.get(repo.idForKey(key));
    return p ? QStringLiteral("%1 | %2").arg(p->fullName, p->position) : QString();
}

void nameOffice(Database &db, const QString &name)
{
    Query(db.sql(), QStringLiteral("INSERT INTO office_settings (key, value) VALUES ('letterhead.body', :v)"))
        .bind(QStringLiteral(":v"), name)
        .exec();
}

int newKeysOf(const InterchangeCounts &c, const QString &section)
{
    for (const auto &s : c.newKeys)
        if (s.first == section)
            return s.second;
    return 0;
}
} // namespace

TEST_CASE("everyDatabase_hasItsOwnOfficeId_writtenInItsExport", "[interchange][offices]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::TestDatabase other;
        const QString id = Keys::officeId(t.db());
        CHECK_FALSE(QUuid::fromString(id).isNull());
        CHECK(Keys::officeId(other.db()) != id);
        nameOffice(t.db(), QStringLiteral("ỦY BAN NHÂN DÂN\nHUYỆN QUỲ HỢP"));
        const QString path = t.dir() + QStringLiteral("/office.json");
        Interchange::exportTo(t.db(), path);
        const QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
        CHECK(root.value(QStringLiteral("officeId")).toString() == id);
        CHECK(root.value(QStringLiteral("officeName")).toString() == QStringLiteral("ỦY BAN NHÂN DÂN\nHUYỆN QUỲ HỢP"));
        CHECK(root.value(QStringLiteral("formatVersion")).toInt() == 2);
    });
}

TEST_CASE("importFromAnotherOffice_collidingKeysGetNewKeys_andTheNextImportUpdatesTheSameRecords", "[interchange][offices]")
{
    Test::forEachBackend([](Test::TestDatabase &a) {
        // Two offices whose keys overlap: both number their units U0001… and people P000001….
        Demo::generate(a.db(), {8, 30, 1, 2025});
        Test::TestDatabase b;
        Demo::generate(b.db(), {10, 20, 2, 2025});
        nameOffice(b.db(), QStringLiteral("UBND HUYỆN QUỲ HỢP"));
        const QStringList aPeople = peopleOf(a.db());
        const QStringList bPeople = peopleOf(b.db());
        const QString aFirst = personAt(a.db(), QStringLiteral("P000001"));
        const int aAwards = countOf(a.db(), "awards"), bAwards = countOf(b.db(), "awards");
        const int aRatings = countOf(a.db(), "ratings"), bRatings = countOf(b.db(), "ratings");

        const QString first = b.dir() + QStringLiteral("/b1.json");
        Interchange::exportTo(b.db(), first);
        const InterchangeCounts c = Interchange::importFrom(a.db(), first, {Interchange::FileOffice::Other});
        CHECK(c.anotherOffice);
        CHECK_FALSE(c.tookOfficeIdentity);
        CHECK(c.officeId == Keys::officeId(b.db()));
        CHECK(c.officeName == QStringLiteral("UBND HUYỆN QUỲ HỢP"));
        // B's U0001–U0008 and all its people are taken here; its U0009 and U0010 are free.
        CHECK(newKeysOf(c, QStringLiteral("units")) == 8);
        CHECK(newKeysOf(c, QStringLiteral("people")) == 20);
        CHECK(UnitRepository(a.db()).idForKey(QStringLiteral("U0009")) > 0);

        // Nothing of A's was touched, and every record of B is here beside them, each person
        // still in the unit of the same name (the references followed the new keys).
        CHECK(personAt(a.db(), QStringLiteral("P000001")) == aFirst);
        QStringList both = aPeople + bPeople;
        both.sort();
        CHECK(peopleOf(a.db()) == both);
        CHECK(countOf(a.db(), "awards") == aAwards + bAwards);
        CHECK(countOf(a.db(), "ratings") == aRatings + bRatings);

        // B changes its P000001 and sends its registry again (no choice to make: A knows B now):
        // the same record here is updated.
        PersonRepository bRepo(b.db());
        Person changed = *bRepo.get(bRepo.idForKey(QStringLiteral("P000001")));
        changed.position = QStringLiteral("Trưởng phòng Nội vụ");
        bRepo.save(changed);
        const QString second = b.dir() + QStringLiteral("/b2.json");
        Interchange::exportTo(b.db(), second);
        const int people = countOf(a.db(), "people");
        const InterchangeCounts again = Interchange::importFrom(a.db(), second);
        CHECK(again.anotherOffice);
        CHECK(again.newKeyCount() == 0);
        CHECK(countOf(a.db(), "people") == people);
        CHECK(countOf(a.db(), "awards") == aAwards + bAwards);
        CHECK(personAt(a.db(), QStringLiteral("P000001")) == aFirst);
        const int updated = Query(a.db().sql(), QStringLiteral("SELECT count(*) FROM people WHERE full_name = :n AND position = :p"))
                                .bind(QStringLiteral(":n"), changed.fullName)
                                .bind(QStringLiteral(":p"), changed.position)
                                .scalar(0)
                                .toInt();
        CHECK(updated == 1);

        // A's own export still imports back as a no-op.
        const QString own = a.dir() + QStringLiteral("/a.json");
        Interchange::exportTo(a.db(), own);
        const int audit = countOf(a.db(), "audit_log");
        const InterchangeCounts back = Interchange::importFrom(a.db(), own);
        CHECK_FALSE(back.anotherOffice);
        CHECK(countOf(a.db(), "people") == people);
        const QString own2 = a.dir() + QStringLiteral("/a2.json");
        Interchange::exportTo(a.db(), own2);
        CHECK(readAll(own) == readAll(own2));
        CHECK(countOf(a.db(), "audit_log") - audit <= 1); // the import's one batch entry at most
    });
}

TEST_CASE("importFileWithoutOfficeId_isTheOfficesOwn_matchedByKeyAsBefore", "[interchange][offices]")
{
    Test::forEachBackend([](Test::TestDatabase &a) {
        Demo::generate(a.db(), {8, 30, 1, 2025});
        Test::TestDatabase b;
        Demo::generate(b.db(), {8, 20, 2, 2025});
        const QString path = b.dir() + QStringLiteral("/old.json");
        Interchange::exportTo(b.db(), path);
        QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
        root.remove(QStringLiteral("officeId"));
        writeAll(path, QJsonDocument(root).toJson());
        const int people = countOf(a.db(), "people");
        const InterchangeCounts c = Interchange::importFrom(a.db(), path);
        CHECK_FALSE(c.anotherOffice);
        CHECK(c.newKeys.isEmpty());
        // Matched by key: B's P000001 overwrote A's, and no person was added.
        CHECK(countOf(a.db(), "people") == people);
        CHECK(personAt(a.db(), QStringLiteral("P000001")) == personAt(b.db(), QStringLiteral("P000001")));
    });
}

TEST_CASE("importFromAnotherOffice_aBadOfficeId_isRefused_andTheDatabaseUnchanged", "[interchange][offices]")
{
    Test::forEachBackend([](Test::TestDatabase &a) {
        Demo::generate(a.db(), {8, 30, 1, 2025});
        Test::TestDatabase b;
        Demo::generate(b.db(), {8, 20, 2, 2025});
        const QString path = b.dir() + QStringLiteral("/bad.json");
        Interchange::exportTo(b.db(), path);
        QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
        root.insert(QStringLiteral("officeId"), QStringLiteral("huyen-quy-hop"));
        writeAll(path, QJsonDocument(root).toJson());
        const int people = countOf(a.db(), "people");
        const QString message = Test::errorOf([&] { Interchange::importFrom(a.db(), path); });
        CHECK(message.contains(QStringLiteral("officeId")));
        CHECK(message.contains(QStringLiteral("huyen-quy-hop")));
        CHECK(countOf(a.db(), "people") == people);
        CHECK(countOf(a.db(), "office_key_aliases") == 0);
    });
}

TEST_CASE("importFromAnotherOffice_aRefusedRecord_leavesNoKeysBehind", "[interchange][offices]")
{
    Test::forEachBackend([](Test::TestDatabase &a) {
        Demo::generate(a.db(), {8, 30, 1, 2025});
        Test::TestDatabase b;
        Demo::generate(b.db(), {8, 20, 2, 2025});
        const QString path = b.dir() + QStringLiteral("/bad.json");
        Interchange::exportTo(b.db(), path);
        writeAll(path, withEdit(readAll(path), QStringLiteral("people"), 5, QStringLiteral("unit"), QStringLiteral("U0999")));
        const int people = countOf(a.db(), "people"), units = countOf(a.db(), "units");
        const QString message = Test::errorOf([&] { Interchange::importFrom(a.db(), path, {Interchange::FileOffice::Other}); });
        CHECK(message.contains(QStringLiteral("U0999")));
        CHECK(countOf(a.db(), "people") == people);
        CHECK(countOf(a.db(), "units") == units);
        CHECK(countOf(a.db(), "office_key_aliases") == 0);
        // Nor the choice: the office is still unknown, so the next attempt is asked again.
        CHECK(Keys::knownOffice(a.db(), Keys::officeId(b.db())) == Keys::KnownOffice::Unknown);
        // Fixed, the same file goes in: the refused attempt reserved no key.
        writeAll(path, withEdit(readAll(path), QStringLiteral("people"), 5, QStringLiteral("unit"), QStringLiteral("U0002")));
        const InterchangeCounts c = Interchange::importFrom(a.db(), path, {Interchange::FileOffice::Other});
        CHECK(newKeysOf(c, QStringLiteral("people")) == 20);
        CHECK(countOf(a.db(), "people") == people + 20);
    });
}

TEST_CASE("importIntoAnEmptyDatabase_isRefusedWithoutAChoice_andWithSameOfficeTakesTheFilesId", "[interchange][offices]")
{
    Test::forEachBackend([](Test::TestDatabase &copy) {
        Test::TestDatabase b;
        Demo::generate(b.db(), {8, 20, 2, 2025});
        nameOffice(b.db(), QStringLiteral("UBND HUYỆN QUỲ HỢP"));
        const QString path = b.dir() + QStringLiteral("/b.json");
        Interchange::exportTo(b.db(), path);
        // An empty database is no copy of whatever office's file comes first (a province
        // gathering its districts' files would become the first district).
        const QString ownId = Keys::officeId(copy.db());
        const QString message = Test::errorOf([&] { Interchange::importFrom(copy.db(), path); });
        CHECK(message.contains(QStringLiteral("UBND HUYỆN QUỲ HỢP")));
        CHECK(Keys::officeId(copy.db()) == ownId);
        CHECK(countOf(copy.db(), "people") == 0);

        const InterchangeCounts c = Interchange::importFrom(copy.db(), path, {Interchange::FileOffice::Same});
        CHECK(c.tookOfficeIdentity);
        CHECK_FALSE(c.anotherOffice);
        CHECK(Keys::officeId(copy.db()) == Keys::officeId(b.db()));
        CHECK(Keys::officeName(copy.db()) == QStringLiteral("UBND HUYỆN QUỲ HỢP"));
        // The office's next file matches by key with no choice: nothing doubles.
        const int people = countOf(copy.db(), "people");
        const InterchangeCounts again = Interchange::importFrom(copy.db(), path);
        CHECK_FALSE(again.anotherOffice);
        CHECK(countOf(copy.db(), "people") == people);
    });
}

TEST_CASE("importIntoNewFile_keepsTheFilesOfficeId", "[interchange][offices][newfile]")
{
    Test::TestDatabase b;
    Demo::generate(b.db(), {8, 20, 2, 2025});
    const QString path = b.dir() + QStringLiteral("/b.json");
    Interchange::exportTo(b.db(), path);
    const QString target = b.dir() + QStringLiteral("/copy.sqlite");
    const InterchangeCounts c = Interchange::importIntoNewFile(path, target);
    CHECK(c.tookOfficeIdentity);
    Database copy(ConnectionSettings::sqlite(target), Database::Mode::OpenExisting);
    CHECK(Keys::officeId(copy) == Keys::officeId(b.db()));
}

TEST_CASE("aKeyAnotherOfficesRecordGotHere_isNeverGivenToANewRecord_evenAfterItIsDeleted", "[interchange][offices]")
{
    Test::forEachBackend([](Test::TestDatabase &a) {
        Demo::generate(a.db(), {8, 30, 1, 2025});
        // The district's file: one unit and one person, both under keys the province uses.
        const QString path = a.dir() + QStringLiteral("/district.json");
        writeAll(path, QStringLiteral(R"({"format": "vinhdanh-interchange", "formatVersion": 2,
            "officeId": "0c7d3a51-2f4e-4b8a-9d6c-1e2f3a4b5c6d", "officeName": "UBND HUYỆN QUỲ HỢP",
            "units": [{"key": "U0001", "name": "Phòng Nội vụ huyện Quỳ Hợp", "kind": "department"}],
            "people": [{"key": "P000001", "fullName": "Lò Văn Pấng", "unit": "U0001", "category": "cong_chuc"}]})")
                           .toUtf8());
        const InterchangeCounts c = Interchange::importFrom(a.db(), path, {Interchange::FileOffice::Other});
        REQUIRE(newKeysOf(c, QStringLiteral("people")) == 1);
        const QString given = Query(a.db().sql(),
                                    QStringLiteral("SELECT local_key FROM office_key_aliases WHERE table_name = 'people'"))
                                  .scalar()
                                  .toString();
        REQUIRE(given.startsWith(QStringLiteral("CN")));
        PersonRepository repo(a.db());
        const qint64 unit = Query(a.db().sql(), QStringLiteral("SELECT unit_id FROM people WHERE ext_key = :k"))
                                .bind(QStringLiteral(":k"), given)
                                .scalar()
                                .toLongLong();
        repo.remove(repo.idForKey(given));
        // A clerk adds someone without a key: the issuer passes over the district's key.
        Person p;
        p.fullName = QStringLiteral("Nguyễn Thị Hoa");
        p.unitId = unit;
        p.category = QStringLiteral("vien_chuc");
        repo.save(p);
        CHECK(p.key.startsWith(QStringLiteral("CN")));
        CHECK(p.key != given);
        // The district's next file brings its person back under the same key, and the clerk's is untouched.
        Interchange::importFrom(a.db(), path);
        CHECK(personAt(a.db(), given) == QStringLiteral("Lò Văn Pấng | "));
        CHECK(personAt(a.db(), p.key) == QStringLiteral("Nguyễn Thị Hoa | "));
    });
}

namespace {
int infoRows(Database &db)
{
    return countOf(db, "schema_info");
}
} // namespace

TEST_CASE("importFromAnUnknownOffice_isRefusedNamingTheOffice_andTheDatabaseUnchanged", "[interchange][offices]")
{
    Test::forEachBackend([](Test::TestDatabase &a) {
        Demo::generate(a.db(), {8, 30, 1, 2025});
        nameOffice(a.db(), QStringLiteral("UBND TỈNH NGHỆ AN"));
        Test::TestDatabase b;
        Demo::generate(b.db(), {10, 20, 2, 2025});
        nameOffice(b.db(), QStringLiteral("ỦY BAN NHÂN DÂN\nHUYỆN QUỲ HỢP"));
        const QString path = b.dir() + QStringLiteral("/b.json");
        Interchange::exportTo(b.db(), path);
        const QString before = a.dir() + QStringLiteral("/before.json");
        Interchange::exportTo(a.db(), before);
        const int audit = countOf(a.db(), "audit_log"), info = infoRows(a.db());

        const QString message = Test::errorOf([&] { Interchange::importFrom(a.db(), path); });
        INFO(message.toStdString());
        CHECK(message.startsWith(QStringLiteral("Nothing was imported.")));
        CHECK(message.contains(QStringLiteral("“ỦY BAN NHÂN DÂN HUYỆN QUỲ HỢP”")));
        CHECK(message.contains(QStringLiteral("--same-office")));
        CHECK(message.contains(QStringLiteral("--other-office")));
        CHECK_FALSE(message.contains(QStringLiteral("same name as this office")));
        CHECK_FALSE(message.contains(Keys::officeId(b.db()))); // named, never by its UUID
        // Not a record, not a key, not a remembered choice.
        CHECK(countOf(a.db(), "audit_log") == audit);
        CHECK(countOf(a.db(), "office_key_aliases") == 0);
        CHECK(infoRows(a.db()) == info);
        const QString after = a.dir() + QStringLiteral("/after.json");
        Interchange::exportTo(a.db(), after);
        CHECK(readAll(after) == readAll(before));
    });
}

TEST_CASE("importFromADatabaseWithThisOfficesName_isRefusedSayingItIsProbablyThisOffices", "[interchange][offices]")
{
    Test::forEachBackend([](Test::TestDatabase &a) {
        // The same office's second database, made before offices had ids: its own random id.
        Demo::generate(a.db(), {8, 30, 1, 2025});
        nameOffice(a.db(), QStringLiteral("UBND HUYỆN QUỲ HỢP"));
        Test::TestDatabase b;
        Demo::generate(b.db(), {8, 30, 1, 2025});
        nameOffice(b.db(), QStringLiteral("UBND huyện Quỳ Hợp"));
        const QString path = b.dir() + QStringLiteral("/b.json");
        Interchange::exportTo(b.db(), path);
        const int people = countOf(a.db(), "people");
        const QString message = Test::errorOf([&] { Interchange::importFrom(a.db(), path); });
        INFO(message.toStdString());
        CHECK(message.contains(QStringLiteral("same name as this office")));
        CHECK(message.contains(QStringLiteral("--same-office")));
        CHECK(countOf(a.db(), "people") == people);
    });
}

TEST_CASE("importWithSameOffice_matchesByKey_andTheNextFileOfThatIdNeedsNoChoice", "[interchange][offices]")
{
    Test::forEachBackend([](Test::TestDatabase &a) {
        Demo::generate(a.db(), {8, 30, 1, 2025});
        Test::TestDatabase b;
        Demo::generate(b.db(), {8, 30, 1, 2025});
        PersonRepository bRepo(b.db());
        Person changed = *bRepo.get(bRepo.idForKey(QStringLiteral("P000001")));
        changed.position = QStringLiteral("Chánh Văn phòng");
        bRepo.save(changed);
        const QString path = b.dir() + QStringLiteral("/b.json");
        Interchange::exportTo(b.db(), path);
        const QString ownId = Keys::officeId(a.db());
        const int people = countOf(a.db(), "people");

        const InterchangeCounts c = Interchange::importFrom(a.db(), path, {Interchange::FileOffice::Same});
        CHECK(c.addedOfficeId);
        CHECK_FALSE(c.anotherOffice);
        CHECK_FALSE(c.tookOfficeIdentity);
        CHECK(c.newKeys.isEmpty());
        // By key: the same records, updated; the database keeps its own id and knows B's.
        CHECK(countOf(a.db(), "people") == people);
        CHECK(personAt(a.db(), QStringLiteral("P000001")).endsWith(QStringLiteral("| Chánh Văn phòng")));
        CHECK(Keys::officeId(a.db()) == ownId);
        CHECK(Keys::knownOffice(a.db(), Keys::officeId(b.db())) == Keys::KnownOffice::Same);
        CHECK(countOf(a.db(), "office_key_aliases") == 0);

        // B's next file: no choice needed, still by key.
        changed.position = QStringLiteral("Phó Chánh Văn phòng");
        bRepo.save(changed);
        Interchange::exportTo(b.db(), path);
        const InterchangeCounts again = Interchange::importFrom(a.db(), path);
        CHECK_FALSE(again.anotherOffice);
        CHECK_FALSE(again.addedOfficeId);
        CHECK(countOf(a.db(), "people") == people);
        CHECK(personAt(a.db(), QStringLiteral("P000001")).endsWith(QStringLiteral("| Phó Chánh Văn phòng")));
        // Taken as this office's, it cannot turn into another office's: its records are here by key.
        const QString message = Test::errorOf([&] { Interchange::importFrom(a.db(), path, {Interchange::FileOffice::Other}); });
        CHECK(message.contains(QStringLiteral("--same-office")));
        CHECK(countOf(a.db(), "people") == people);
    });
}

TEST_CASE("aFileKeyHeldByAnotherOfficesAlias_getsANewKey_evenWhenNoRecordHasIt", "[interchange][offices]")
{
    Test::forEachBackend([](Test::TestDatabase &a) {
        Demo::generate(a.db(), {8, 30, 1, 2025});
        const auto district = [&](const char *name, const char *id, const QString &personKey, const char *person) {
            const QString path = a.dir() + QStringLiteral("/%1.json").arg(QLatin1String(id).left(8));
            writeAll(path, QStringLiteral(R"({"format": "vinhdanh-interchange", "formatVersion": 2,
                "officeId": "%1", "officeName": "%2",
                "units": [{"key": "U0001", "name": "Phòng Nội vụ %2", "kind": "department"}],
                "people": [{"key": "%3", "fullName": "%4", "unit": "U0001", "category": "cong_chuc"}]})")
                               .arg(QLatin1String(id), QString::fromUtf8(name), personKey, QString::fromUtf8(person))
                               .toUtf8());
            return path;
        };
        // District X's P000001 is taken here: it gets a short key, remembered for X.
        const QString x = district("UBND HUYỆN QUỲ HỢP", "0c7d3a51-2f4e-4b8a-9d6c-1e2f3a4b5c6d", QStringLiteral("P000001"),
                                   "Lò Văn Pấng");
        Interchange::importFrom(a.db(), x, {Interchange::FileOffice::Other});
        const QString given = Query(a.db().sql(),
                                    QStringLiteral("SELECT local_key FROM office_key_aliases WHERE table_name = 'people'"))
                                  .scalar()
                                  .toString();
        REQUIRE(given.startsWith(QStringLiteral("CN")));
        // The clerk deletes it here: the key is free in the table, but X's alias still holds it.
        PersonRepository repo(a.db());
        repo.remove(repo.idForKey(given));
        // District Y happens to number a person with that very key.
        const QString y = district("UBND HUYỆN CON CUÔNG", "7e1f0a22-3b5c-4d6e-8f70-9a1b2c3d4e5f", given, "Vi Thị Mai");
        const InterchangeCounts c = Interchange::importFrom(a.db(), y, {Interchange::FileOffice::Other});
        CHECK(newKeysOf(c, QStringLiteral("people")) == 1);
        const QString yKey = Query(a.db().sql(), QStringLiteral("SELECT local_key FROM office_key_aliases WHERE table_name = 'people' "
                                                                "AND office_id = '7e1f0a22-3b5c-4d6e-8f70-9a1b2c3d4e5f'"))
                                 .scalar()
                                 .toString();
        CHECK(yKey != given);
        // X's next file brings its person back under its key; Y's stays Y's.
        Interchange::importFrom(a.db(), x);
        CHECK(personAt(a.db(), given) == QStringLiteral("Lò Văn Pấng | "));
        CHECK(personAt(a.db(), yKey) == QStringLiteral("Vi Thị Mai | "));
    });
}
