// Bulk-write mode (issue 15 item 6): an import writes one audit entry for its batch, in the
// hash chain, and before/after rows only for the records it changed.
#include "core/audit/auditchain.h"
#include "core/audit/bulkwrite.h"
#include "core/auditlog/auditlog.h"
#include "core/auditlog/audittext.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/store/migrations.h"
#include "core/tables/csvreader.h"
#include "core/tables/peopleimport.h"
#include "core/tables/tablefile.h"
#include "core/tables/unitimport.h"
#include "interchange_support.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QDate>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using VinhDanh::Test::errorOf;

namespace {
int count(Database &db, const QString &sql)
{
    return Query(db.sql(), sql).scalar(0).toInt();
}

qint64 addUnit(Database &db, const QString &name)
{
    Unit u;
    u.name = name;
    u.kind = QStringLiteral("provincial_agency");
    return UnitRepository(db).save(u);
}

qint64 addPerson(Database &db, const QString &name, qint64 unitId, const QDate &birth = {})
{
    Person p;
    p.fullName = name;
    p.birthDate = birth;
    p.unitId = unitId;
    p.category = QStringLiteral("vien_chuc");
    return PersonRepository(db).save(p);
}

/// The batch entries: audit rows of import_batches.
int batchEntries(Database &db)
{
    return count(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'import_batches'"));
}

QJsonObject batchValues(Database &db)
{
    const QString text = Query(db.sql(), QStringLiteral("SELECT new_values FROM audit_log WHERE table_name = 'import_batches' "
                                                        "ORDER BY id DESC LIMIT 1"))
                             .scalar()
                             .toString();
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/// The file's SHA-256 computed by Qt, independently of the libsodium code under test.
QString qtSha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString writeFile(const QString &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = QDir(dir).filePath(name);
    Test::writeAll(path, bytes);
    return path;
}

AuditEntry newestEntry(Database &db, const QString &table)
{
    Query q(db.sql(), QStringLiteral("SELECT id, at, actor, action, table_name, record_id, record_key, old_values, new_values "
                                     "FROM audit_log WHERE table_name = :t ORDER BY id DESC LIMIT 1"));
    q.bind(QStringLiteral(":t"), table).exec();
    REQUIRE(q.next());
    return AuditEntry{q.id(0), q.text(1), q.text(2), q.text(3), q.text(4), q.id(5), q.text(6), q.text(7), q.text(8)};
}
} // namespace

TEST_CASE("bulkStaffImport_writesOneBatchEntryWithFileSha256AndCounts_andBeforeAfterOnlyForChangedPeople", "[audit][bulk]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        db.setSession({7, QStringLiteral("thu.ky"), QStringLiteral("admin"), 0});
        const qint64 unit = addUnit(db, QStringLiteral("Sở Y tế"));
        const qint64 known = addPerson(db, QStringLiteral("Vũ Thị Lan"), unit, QDate(1990, 6, 5));
        const int auditBefore = count(db, QStringLiteral("SELECT count(*) FROM audit_log"));
        // Three new people with two ratings each; the known person gets a new position.
        const QByteArray bytes = QStringLiteral("Họ và tên;Ngày sinh;Đơn vị;Đối tượng;Chức vụ;Xếp loại 2024;Xếp loại 2025\n"
                                                "Vũ Thị Lan;05/06/1990;Sở Y tế;Viên chức;Trưởng phòng;;\n"
                                                "Nguyễn Văn An;01/02/1985;Sở Y tế;Viên chức;;HTTNV;HTXSNV\n"
                                                "Trần Văn Bình;03/04/1979;Sở Y tế;Công chức;;HTNV;HTTNV\n"
                                                "Lê Thị Cúc;07/08/1992;Sở Y tế;Viên chức;;HTTNV;HTTNV\n")
                                     .toUtf8();
        const QString path = writeFile(t.dir(), QStringLiteral("danh sách cán bộ.csv"), bytes);
        const Tables::Sheet sheet = Tables::CsvReader::read(bytes);
        Tables::PeoplePreview preview = Tables::previewPeople(db, sheet, Tables::mapPeople(sheet));
        REQUIRE_FALSE(preview.hasErrors());
        preview.sourceFile = path;
        const Tables::CommitResult r = Tables::commitPeople(db, preview);
        REQUIRE(r.peopleAdded == 3);
        REQUIRE(r.peopleChanged == 1);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM people")) == 4);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM ratings")) == 6);

        // The new people and ratings wrote no audit row each; the changed person kept hers,
        // with the position before and after; and one entry names the batch.
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM audit_log")) == auditBefore + 2);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'ratings'")) == 0);
        const AuditEntry changed = newestEntry(db, QStringLiteral("people"));
        CHECK(changed.action == QStringLiteral("update"));
        CHECK(changed.recordId == known);
        CHECK(changed.newValues.contains(QStringLiteral("Trưởng phòng")));
        CHECK_FALSE(changed.oldValues.contains(QStringLiteral("Trưởng phòng")));
        REQUIRE(batchEntries(db) == 1);
        const QJsonObject batch = batchValues(db);
        CHECK(batch.value(QStringLiteral("file_name")).toString() == QStringLiteral("danh sách cán bộ.csv"));
        CHECK(batch.value(QStringLiteral("file_sha256")).toString() == qtSha256(bytes));
        CHECK(batch.value(QStringLiteral("actor")).toString() == QStringLiteral("thu.ky"));
        CHECK(batch.value(QStringLiteral("source")).toString() == QStringLiteral("people-table"));
        CHECK(batch.value(QStringLiteral("row_count")).toInt() == 4);
        const QJsonObject counts = QJsonDocument::fromJson(batch.value(QStringLiteral("counts")).toString().toUtf8()).object();
        CHECK(counts.value(QStringLiteral("people")).toObject().value(QStringLiteral("added")).toInt() == 3);
        CHECK(counts.value(QStringLiteral("people")).toObject().value(QStringLiteral("changed")).toInt() == 1);
        CHECK(counts.value(QStringLiteral("ratings")).toObject().value(QStringLiteral("added")).toInt() == 6);

        // The chain holds the entry, and the log in words reads it as one sentence.
        const AuditChain::Verification v = AuditChain::verify(db);
        CHECK(v.intact);
        CHECK(v.rows == auditBefore + 2);
        const QString line = AuditText(&db).line(newestEntry(db, QStringLiteral("import_batches")));
        CHECK(line.contains(QStringLiteral("danh sách cán bộ.csv")));
        CHECK(line.contains(qtSha256(bytes)));
        CHECK(line.contains(QStringLiteral("3 ")));
        CHECK(line.contains(QStringLiteral("6 ")));
        CHECK_FALSE(BulkWrite::active(db));
        // An ordinary edit afterwards is audited row by row again.
        addPerson(db, QStringLiteral("Phạm Minh Dung"), unit);
        CHECK(newestEntry(db, QStringLiteral("people")).action == QStringLiteral("insert"));
    });
}

TEST_CASE("tamperedBatchEntry_breaksTheAuditChain_andTheBatchRowRefusesChanges", "[audit][bulk][chain]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 unit = addUnit(db, QStringLiteral("Sở Tài chính"));
        {
            Transaction tx(db.sql());
            BulkWrite bulk(db, tx, {QStringLiteral("people-table"), QStringLiteral("list.xlsx"), QStringLiteral("ab12"), 2});
            addPerson(db, QStringLiteral("Nguyễn Văn An"), unit);
            addPerson(db, QStringLiteral("Trần Văn Bình"), unit);
            bulk.finish();
            tx.commit();
        }
        REQUIRE(batchEntries(db) == 1);
        REQUIRE(AuditChain::verify(db).intact);
        // The batch's own row is guarded like the audit log.
        CHECK(errorOf([&] {
                  Query::run(db.sql(), QStringLiteral("UPDATE import_batches SET row_count = 1"));
              }).contains(QStringLiteral("protected")));
        CHECK(errorOf([&] {
                  Query::run(db.sql(), QStringLiteral("DELETE FROM import_batches"));
              }).contains(QStringLiteral("protected")));
        // An attacker lifts audit_log's guard and lowers the count in the entry: found.
        Query::run(db.sql(), db.backend() == Backend::Postgres ? QStringLiteral("DROP TRIGGER guard_audit_log_update ON audit_log")
                                                               : QStringLiteral("DROP TRIGGER guard_audit_log_update"));
        Query::run(db.sql(), QStringLiteral("UPDATE audit_log SET new_values = replace(new_values, 'list.xlsx', 'other.xlsx') "
                                            "WHERE table_name = 'import_batches'"));
        const AuditChain::Verification v = AuditChain::verify(db);
        CHECK_FALSE(v.intact);
        CHECK(v.brokenTable == QStringLiteral("import_batches"));
    });
}

TEST_CASE("rolledBackBulkImport_leavesNoBatchEntry_andTheNextEditIsAuditedPerRow", "[audit][bulk]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 unit = addUnit(db, QStringLiteral("Sở Nội vụ"));
        const int auditBefore = count(db, QStringLiteral("SELECT count(*) FROM audit_log"));
        {
            Transaction tx(db.sql());
            BulkWrite bulk(db, tx, {QStringLiteral("people-table"), {}, {}, 1});
            CHECK(BulkWrite::active(db));
            addPerson(db, QStringLiteral("Nguyễn Văn An"), unit);
            // A second import on the same connection is refused while this one runs.
            CHECK(errorOf([&] {
                      BulkWrite again(db, tx, {QStringLiteral("units-table"), {}, {}, 0});
                  }).contains(QStringLiteral("already")));
            // No commit: the transaction rolls back.
        }
        CHECK_FALSE(BulkWrite::active(db));
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM people")) == 0);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM import_batches")) == 0);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM audit_log")) == auditBefore);
        const qint64 id = addPerson(db, QStringLiteral("Trần Văn Bình"), unit);
        const AuditEntry e = newestEntry(db, QStringLiteral("people"));
        CHECK(e.action == QStringLiteral("insert"));
        CHECK(e.recordId == id);
        CHECK(AuditChain::verify(db).intact);
    });
}

TEST_CASE("committingWithoutRecordingTheBatch_isRefused_onSqlite", "[audit][bulk]")
{
    // SQLite's commit hook turns such a commit into a rollback: new rows never land unaudited.
    Test::TestDatabase t;
    Database &db = t.open();
    const qint64 unit = addUnit(db, QStringLiteral("Sở Xây dựng"));
    CHECK_FALSE(errorOf([&] {
                    Transaction tx(db.sql());
                    BulkWrite bulk(db, tx, {QStringLiteral("people-table"), {}, {}, 1});
                    addPerson(db, QStringLiteral("Nguyễn Văn An"), unit);
                    tx.commit(); // finish() forgotten
                }).isEmpty());
    CHECK(count(db, QStringLiteral("SELECT count(*) FROM people")) == 0);
    CHECK_FALSE(BulkWrite::active(db));
}

TEST_CASE("bulkUnitImport_andInterchangeImport_writeOneBatchEntryEach", "[audit][bulk][interchange]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        // Units from a sheet.
        const QByteArray units = QStringLiteral("Mã đơn vị,Tên đơn vị,Trực thuộc,Loại hình\n"
                                                "SYT,Sở Y tế,,Cơ quan cấp tỉnh\n"
                                                "BVT,Bệnh viện tỉnh,SYT,Đơn vị sự nghiệp\n")
                                     .toUtf8();
        const QString unitsPath = writeFile(t.dir(), QStringLiteral("don-vi.csv"), units);
        const Tables::Sheet sheet = Tables::CsvReader::read(units);
        Tables::UnitPreview preview = Tables::previewUnits(db, sheet, Tables::mapUnits(sheet));
        REQUIRE_FALSE(preview.hasErrors());
        preview.sourceFile = unitsPath;
        REQUIRE(Tables::commitUnits(db, preview).unitsAdded == 2);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'units' AND action = 'insert'")) == 0);
        REQUIRE(batchEntries(db) == 1);
        CHECK(batchValues(db).value(QStringLiteral("file_sha256")).toString() == qtSha256(units));

        // The registry exported, one unit renamed and a person added in the file, imported back.
        addPerson(db, QStringLiteral("Nguyễn Văn An"),
                  Query(db.sql(), QStringLiteral("SELECT id FROM units WHERE ext_key = 'SYT'")).scalar().toLongLong());
        const QString exported = QDir(t.dir()).filePath(QStringLiteral("export.json"));
        Interchange::exportTo(db, exported);
        QJsonObject root = QJsonDocument::fromJson(Test::readAll(exported)).object();
        QJsonArray people = root.value(QStringLiteral("people")).toArray();
        QJsonObject newcomer = people.at(0).toObject();
        newcomer.insert(QStringLiteral("key"), QStringLiteral("P-NEW"));
        newcomer.insert(QStringLiteral("fullName"), QStringLiteral("Lê Thị Cúc"));
        newcomer.remove(QStringLiteral("cccd"));
        people.append(newcomer);
        root.insert(QStringLiteral("people"), people);
        QJsonArray unitList = root.value(QStringLiteral("units")).toArray();
        for (int i = 0; i < unitList.size(); ++i) {
            QJsonObject u = unitList.at(i).toObject();
            if (u.value(QStringLiteral("key")).toString() == QStringLiteral("BVT")) {
                u.insert(QStringLiteral("name"), QStringLiteral("Bệnh viện Đa khoa tỉnh"));
                unitList.replace(i, u);
            }
        }
        root.insert(QStringLiteral("units"), unitList);
        const QByteArray file = QJsonDocument(root).toJson();
        const QString path = writeFile(t.dir(), QStringLiteral("tinh.json"), file);
        const int auditBefore = count(db, QStringLiteral("SELECT count(*) FROM audit_log"));
        Interchange::importFrom(db, path, {Interchange::FileOffice::Same});
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM people WHERE ext_key = 'P-NEW'")) == 1);
        // The renamed unit's before/after row and the batch entry; nothing for the new person.
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM audit_log")) == auditBefore + 2);
        REQUIRE(batchEntries(db) == 2);
        const QJsonObject batch = batchValues(db);
        CHECK(batch.value(QStringLiteral("source")).toString() == QStringLiteral("interchange"));
        CHECK(batch.value(QStringLiteral("file_name")).toString() == QStringLiteral("tinh.json"));
        CHECK(batch.value(QStringLiteral("file_sha256")).toString() == qtSha256(file));
        const QJsonObject counts = QJsonDocument::fromJson(batch.value(QStringLiteral("counts")).toString().toUtf8()).object();
        CHECK(counts.value(QStringLiteral("people")).toObject().value(QStringLiteral("added")).toInt() == 1);
        CHECK(counts.value(QStringLiteral("units")).toObject().value(QStringLiteral("changed")).toInt() == 1);
        CHECK(AuditChain::verify(db).intact);
    });
}

TEST_CASE("databaseMigratedFromVersion10_keepsItsAuditLogVerifiable_andImportsInBulk", "[audit][bulk][migrations]")
{
    for (Backend backend : Test::TestDatabase::backends()) {
        DYNAMIC_SECTION(Test::TestDatabase::backendName(backend).toStdString())
        {
            Test::TestDatabase t(backend);
            int oldRows = 0;
            QString oldHead; // the newest row's hash at version 10
            {
                Database old(t.settings(), Database::NoMigrate{});
                Migrations::migrate(old, 10);
                Query::run(old.sql(), QStringLiteral("INSERT INTO units (ext_key, name, kind, search_key) VALUES "
                                                     "('U1', 'Sở Nội vụ', 'provincial_agency', 'so noi vu')"));
                Query::run(old.sql(), QStringLiteral("UPDATE units SET name = 'Sở Nội vụ tỉnh' WHERE ext_key = 'U1'"));
                oldRows = count(old, QStringLiteral("SELECT count(*) FROM audit_log"));
                REQUIRE(oldRows >= 2);
                oldHead =
                    Query(old.sql(), QStringLiteral("SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1")).scalar().toString();
            }
            Database &db = t.open();
            CHECK(db.schemaVersion() >= 11);
            CHECK_FALSE(db.readOnly()); // the self-check accepts the new triggers
            // Opening loads the catalogue (audited), after the old rows, whose hashes stay.
            const int rowsOpen = count(db, QStringLiteral("SELECT count(*) FROM audit_log"));
            CHECK(rowsOpen >= oldRows);
            CHECK(Query(db.sql(), QStringLiteral("SELECT row_hash FROM audit_log ORDER BY id LIMIT 1 OFFSET %1").arg(oldRows - 1))
                      .scalar()
                      .toString()
                  == oldHead);
            AuditChain::Verification v = AuditChain::verify(db);
            CHECK(v.intact);
            CHECK(v.rows == rowsOpen);
            const qint64 unit = Query(db.sql(), QStringLiteral("SELECT id FROM units WHERE ext_key = 'U1'")).scalar().toLongLong();
            {
                Transaction tx(db.sql());
                BulkWrite bulk(db, tx, {QStringLiteral("people-table"), QStringLiteral("a.csv"), {}, 1});
                addPerson(db, QStringLiteral("Nguyễn Văn An"), unit);
                bulk.finish();
                tx.commit();
            }
            v = AuditChain::verify(db);
            CHECK(v.intact);
            CHECK(v.rows == rowsOpen + 1); // the batch entry, not the person's insert
        }
    }
}

TEST_CASE("unitListChangedOnDiskAfterReading_theBatchEntryHashesTheBytesImported", "[audit][bulk][tables]")
{
    // The clerk reads a list, re-maps it from memory, and commits after the file was saved
    // over (or moved): the audit entry named the file as it was at the commit, not the bytes
    // the rows came from.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const QByteArray units = QStringLiteral("Mã đơn vị,Tên đơn vị,Trực thuộc,Loại hình\n"
                                                "SYT,Sở Y tế,,Cơ quan cấp tỉnh\n")
                                     .toUtf8();
        const QString path = writeFile(t.dir(), QStringLiteral("don-vi.csv"), units);
        const Tables::TableFile file = Tables::readFile(path);
        CHECK(file.sha256 == qtSha256(units));
        Tables::UnitPreview preview = Tables::previewUnits(db, file.sheet, Tables::mapUnits(file.sheet));
        REQUIRE_FALSE(preview.hasErrors());
        preview.sourceFile = path;
        preview.sourceSha256 = file.sha256;
        writeFile(t.dir(), QStringLiteral("don-vi.csv"), QByteArray("Tên đơn vị\nSở khác\n"));
        REQUIRE(Tables::commitUnits(db, preview).unitsAdded == 1);
        const QJsonObject batch = batchValues(db);
        CHECK(batch.value(QStringLiteral("file_name")).toString() == QStringLiteral("don-vi.csv"));
        CHECK(batch.value(QStringLiteral("file_sha256")).toString() == qtSha256(units));
    });
}
