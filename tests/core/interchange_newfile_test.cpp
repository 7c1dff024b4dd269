// The province import at speed (issue 15 item 6): an import into a new file is built without
// the WAL and with its indexes made after the rows, yet gives the same database as any other
// import and leaves nothing behind when it fails; RowBatch's full chunks bound straight on the
// SQLite handle store what Qt's driver would.
#include "core/db/bulktuning.h"
#include "core/db/pgcopy.h"
#include "core/db/query.h"
#include "core/db/rowbatch.h"
#include "core/db/transaction.h"
#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "core/registry/keys.h"
#include "interchange_support.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using Test::readAll;
using Test::withEdit;
using Test::writeAll;

namespace {
/// More people than a chunk holds (250), so the people and award rows also go in by full chunks.
QString exportSample(Test::TestDatabase &source, const QString &name)
{
    Demo::generate(source.db(), {12, 300, 7, 2025});
    const QString path = source.dir() + QLatin1Char('/') + name;
    Interchange::exportTo(source.db(), path);
    return path;
}

/// Every table, index and trigger with its CREATE text: what a database's schema is.
QStringList schemaOf(Database &db)
{
    QStringList out;
    Query q(db.sql(),
            QStringLiteral("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name"));
    q.exec();
    while (q.next())
        out << q.text(0);
    return out;
}

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files, QDir::Name);
}
} // namespace

TEST_CASE("importIntoNewFile_givesTheSameRecordsAndSchemaAsAnImportIntoAnEmptyDatabase", "[interchange][newfile]")
{
    Test::TestDatabase source;
    const QString file = exportSample(source, QStringLiteral("province.json"));
    QTemporaryDir folder;
    const QString target = folder.filePath(QStringLiteral("tinh.sqlite"));

    const InterchangeCounts counts = Interchange::importIntoNewFile(file, target);
    CHECK(counts.people == 300);
    // Only the database itself: no temporary name, WAL or journal left beside it.
    CHECK(filesIn(folder.path()) == QStringList{QStringLiteral("tinh.sqlite")});

    Test::TestDatabase plain; // the ordinary way, into an empty database
    Interchange::importFrom(plain.db(), file, {Interchange::FileOffice::Same});
    Database made(ConnectionSettings::sqlite(target), Database::Mode::OpenExisting);
    CHECK_FALSE(made.readOnly()); // its self-check found the guards and triggers as the schema has them
    // The indexes dropped for the load are back, word for word as the schema creates them.
    CHECK(schemaOf(made) == schemaOf(plain.db()));
    CHECK(Query(made.sql(), QStringLiteral("PRAGMA integrity_check")).scalar().toString() == QLatin1String("ok"));
    CHECK(Query(made.sql(), QStringLiteral("PRAGMA journal_mode")).scalar().toString() == QLatin1String("wal"));
    const QString again = folder.filePath(QStringLiteral("again.json"));
    const QString fromPlain = source.dir() + QStringLiteral("/plain.json");
    Interchange::exportTo(made, again);
    Interchange::exportTo(plain.db(), fromPlain);
    CHECK(readAll(again) == readAll(file));
    CHECK(readAll(again) == readAll(fromPlain));
    // The import's one audit entry names the file, as importFrom's does.
    CHECK(Query(made.sql(), QStringLiteral("SELECT count(*) FROM import_batches WHERE file_name = 'province.json'")).scalar().toInt()
          == 1);
}

TEST_CASE("importIntoNewFile_aRefusedRecord_namesItAndLeavesNoFileBehind", "[interchange][newfile]")
{
    Test::TestDatabase source;
    const QString good = exportSample(source, QStringLiteral("good.json"));
    const QString bad = source.dir() + QStringLiteral("/bad.json");
    // Late in the file (after the people and most ratings are in), so much was written first.
    writeAll(bad, withEdit(readAll(good), QStringLiteral("awards"), 5, QStringLiteral("person"), QStringLiteral("P999999")));
    QTemporaryDir folder;
    const QString target = folder.filePath(QStringLiteral("tinh.sqlite"));

    const QString message = Test::errorOf([&] { Interchange::importIntoNewFile(bad, target); });
    INFO(message.toStdString());
    CHECK(message.startsWith(QStringLiteral("Nothing was imported")));
    CHECK(message.contains(QStringLiteral("awards[5]")));
    CHECK(message.contains(QStringLiteral("P999999")));
    CHECK(filesIn(folder.path()).isEmpty());
}

TEST_CASE("importIntoNewFile_anExistingFile_isRefusedAndLeftAsItWas", "[interchange][newfile]")
{
    Test::TestDatabase source;
    const QString file = exportSample(source, QStringLiteral("province.json"));
    Test::TestDatabase existing;
    Demo::generate(existing.db(), {7, 10, 2, 2025});
    existing.close();
    const QByteArray before = readAll(existing.path());

    const QString message = Test::errorOf([&] { Interchange::importIntoNewFile(file, existing.path()); });
    CHECK(message.contains(QStringLiteral("already exists")));
    CHECK(readAll(existing.path()) == before);
    CHECK(filesIn(existing.dir()) == QStringList{QFileInfo(existing.path()).fileName()});
}

/// Every index and foreign key of the schema, by its definition, on either backend.
QStringList indexesAndKeys(Database &db)
{
    const QString sql =
        db.backend() == Backend::Sqlite
            ? QStringLiteral("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")
            : QStringLiteral("SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() UNION ALL "
                             "SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint "
                             "WHERE connamespace = CAST(current_schema() AS regnamespace) ORDER BY 1");
    QStringList out;
    Query q(db.sql(), sql);
    q.exec();
    while (q.next())
        out << q.text(0);
    return out;
}

TEST_CASE("withIndexesDeferred_rebuildsTheIndexesOfEmptyTables_andAFailedLoadRollsTheDropsBack", "[interchange][newfile]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const QStringList schema = indexesAndKeys(db);
        const QStringList tables{QStringLiteral("awards"), QStringLiteral("people")};
        const bool sqlite = db.backend() == Backend::Sqlite;
        const auto indexCount = [&] {
            return Query(db.sql(),
                         sqlite ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'awards' "
                                                 "AND sql IS NOT NULL")
                                : QStringLiteral("SELECT count(*) FROM pg_index i WHERE i.indrelid = CAST('awards' AS regclass) "
                                                 "AND NOT i.indisunique"))
                .scalar()
                .toInt();
        };
        // PostgreSQL checks a foreign key with a trigger per row: those are deferred too.
        const auto foreignKeys = [&] {
            return sqlite ? 0
                          : Query(db.sql(), QStringLiteral("SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
                                                           "AND conrelid = CAST('awards' AS regclass)"))
                                .scalar()
                                .toInt();
        };
        const int awardIndexes = indexCount();
        REQUIRE(awardIndexes >= 5);
        if (!sqlite)
            REQUIRE(foreignKeys() >= 4);
        {
            Transaction tx(db.sql());
            const QString message = Test::errorOf([&] {
                withIndexesDeferred(db, tables, [&] {
                    CHECK(indexCount() == 0); // the load runs without them…
                    CHECK(foreignKeys() == 0);
                    throw Error(QStringLiteral("the load failed"));
                });
            });
            CHECK(message == QLatin1String("the load failed"));
        } // …and the rollback brings them back
        CHECK(indexesAndKeys(db) == schema);
        {
            Transaction tx(db.sql());
            withIndexesDeferred(db, tables, [] {});
            tx.commit();
        }
        CHECK(indexesAndKeys(db) == schema);
        if (!sqlite) {
            // A row the keys refuse is still refused, when they are added back, and nothing stays.
            const QString message = Test::errorOf([&] {
                Transaction tx(db.sql());
                withIndexesDeferred(db, tables, [&] {
                    Query::run(db.sql(), QStringLiteral("INSERT INTO awards (ext_key, person_id, form_code, kind, year) "
                                                        "VALUES ('A1', 999999, 'CSTDCS', 'cong_trang', 2024)"));
                });
                tx.commit();
            });
            CHECK_FALSE(message.isEmpty());
            CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM awards")).scalar().toInt() == 0);
            CHECK(indexesAndKeys(db) == schema);
        }
    });
}

TEST_CASE("importIntoAnEmptyDatabaseAndAgain_endsWithTheSchemasIndexesAndKeys", "[interchange][newfile]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::TestDatabase source;
        Demo::generate(source.db(), {12, 80, 7, 2025});
        const QString path = source.dir() + QStringLiteral("/office.json");
        Interchange::exportTo(source.db(), path);

        Database &db = t.db();
        const QStringList schema = indexesAndKeys(db);
        const auto counts = Interchange::importFrom(db, path, {Interchange::FileOffice::Same});
        CHECK(counts.people == 80);
        // The indexes and (on PostgreSQL) the foreign keys are as the schema makes them, and the
        // data reads as the file wrote it.
        CHECK(indexesAndKeys(db) == schema);
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM people")).scalar().toInt() == 80);
        const QString again = t.dir() + QStringLiteral("/again.json");
        Interchange::exportTo(db, again);
        CHECK(readAll(again).size() == readAll(path).size());
        // Into a database in use (it has units and people now), the same.
        CHECK_NOTHROW(Interchange::importFrom(db, path, {Interchange::FileOffice::Same}));
        CHECK(indexesAndKeys(db) == schema);
    });
}

TEST_CASE("rowBatch_fullChunksStoreTheValuesAsTheDriverDoes_andARefusedRowIsNamed", "[interchange][newfile]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const QSqlDatabase sql = t.db().sql();
        Query::run(sql, QStringLiteral("CREATE TEMP TABLE rowbatch_types (k TEXT PRIMARY KEY, n BIGINT NOT NULL, t TEXT, d TEXT, "
                                       "x INTEGER)"));
        Transaction tx(sql);
        {
            // Chunks of 3: rows 0–5 go in as two full chunks (on SQLite straight on its
            // handle), row 6 alone through Query: all three must read back the same way.
            Interchange::Detail::RowBatch batch(t.db(), QStringLiteral("INSERT INTO rowbatch_types (k, n, t, d, x)"), 5, QString(), 3);
            for (int i = 0; i < 7; ++i)
                batch.add({QStringLiteral("k%1").arg(i), qint64(i) << 40,
                           // A null QString is NULL for Qt's driver, not ''.
                           i % 3 == 0 ? QVariant(QString()) : QVariant(QStringLiteral("Nguyễn Thị Ánh %1 “Hồng”").arg(i)),
                           Keys::dateValue(i % 2 ? QDate(2025, 12, 31) : QDate()),
                           Interchange::Detail::RowBatch::optional(qint64(i % 3))},
                          QStringLiteral("rows[%1]").arg(i));
            batch.flush();
        }
        Query rows(sql, QStringLiteral("SELECT k, n, t, d, x FROM rowbatch_types ORDER BY k"));
        rows.exec();
        int i = 0;
        for (; rows.next(); ++i) {
            INFO("row " << i);
            CHECK(rows.text(0) == QStringLiteral("k%1").arg(i));
            CHECK(rows.raw().value(1).toLongLong() == qint64(i) << 40);
            CHECK(rows.raw().value(2).isNull() == (i % 3 == 0));
            CHECK(rows.text(2) == (i % 3 == 0 ? QString() : QStringLiteral("Nguyễn Thị Ánh %1 “Hồng”").arg(i)));
            CHECK(rows.raw().value(3).isNull() == (i % 2 == 0));
            CHECK(rows.text(3) == (i % 2 ? QStringLiteral("2025-12-31") : QString()));
            CHECK(rows.raw().value(4).isNull() == (i % 3 == 0));
        }
        CHECK(i == 7);
        if (t.db().backend() == Backend::Sqlite) // stored as numbers, not as texts of numbers
            CHECK(Query(sql, QStringLiteral("SELECT count(*) FROM rowbatch_types WHERE typeof(n) = 'integer'")).scalar().toInt() == 7);

        // A refused row in a full chunk: the chunk is undone and the row named.
        Query::run(sql, QStringLiteral("DELETE FROM rowbatch_types"));
        Query::run(sql, QStringLiteral("INSERT INTO rowbatch_types (k, n) VALUES ('taken', 0)"));
        QString message;
        bool fromTheDatabase = false;
        {
            Interchange::Detail::RowBatch batch(t.db(), QStringLiteral("INSERT INTO rowbatch_types (k, n)"), 2, QString(), 3);
            try {
                const QStringList keys{QStringLiteral("a"), QStringLiteral("b"),     QStringLiteral("c"),
                                       QStringLiteral("d"), QStringLiteral("taken"), QStringLiteral("e")};
                for (int k = 0; k < keys.size(); ++k)
                    batch.add({keys.at(k), k}, QStringLiteral("rows[%1]").arg(k));
                batch.flush();
            } catch (const Error &e) {
                message = e.message();
                // Named, and still the database's refusal: never read as "there is none".
                fromTheDatabase = dynamic_cast<const DatabaseError *>(&e) != nullptr;
            }
        }
        CHECK(fromTheDatabase);
        CHECK(message.startsWith(QStringLiteral("rows[4]: ")));
        CHECK(message.contains(QStringLiteral("same key"))); // Query's own words for a UNIQUE refusal
        CHECK(Query(sql, QStringLiteral("SELECT count(*) FROM rowbatch_types")).scalar().toInt() == 4); // taken, a, b, c
    });
}

TEST_CASE("importOnPostgres_leavesTheLoadedTablesVacuumed_butNeverBreaksTheCallersTransaction", "[interchange][newfile]")
{
    Test::TestDatabase source;
    const QString file = exportSample(source, QStringLiteral("province.json"));
    bool ranOnPostgres = false;
    Test::forEachBackend([&](Test::TestDatabase &t) {
        if (t.db().backend() != Backend::Postgres)
            return;
        ranOnPostgres = true;
        const auto vacuumedPeople = [&] {
            // pg_stat counters reach the view a moment after the command; clear the snapshot.
            Query::run(t.db().sql(), QStringLiteral("SELECT pg_stat_clear_snapshot()"));
            return Query(t.db().sql(),
                         QStringLiteral("SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'people'"))
                .scalar()
                .toBool();
        };
        // Inside the caller's transaction VACUUM would be refused and abort it: skipped, and the
        // caller's transaction still commits.
        {
            Transaction outer(t.db().sql());
            Interchange::importFrom(t.db(), file, {Interchange::FileOffice::Same});
            outer.commit();
        }
        CHECK_FALSE(vacuumedPeople());
        CHECK(Query(t.db().sql(), QStringLiteral("SELECT COUNT(*) FROM people")).scalar().toInt() == 300);
        // On its own, the search's plans meet an analysed, vacuumed table at once.
        Interchange::importFrom(t.db(), file, {Interchange::FileOffice::Same});
        CHECK(vacuumedPeople());
    });
    if (!ranOnPostgres)
        SUCCEED("PostgreSQL not configured: the VACUUM is PostgreSQL-only");
}

TEST_CASE("bulkRows_onPostgresqlByCopy_keepTabsBackslashesLineBreaksAndNulls_asWritten", "[interchange][newfile]")
{
    // PostgreSQL takes RowBatch's plain rows through COPY's text format (core/db/pgcopy.h),
    // where a tab, a line break or a backslash in a value would otherwise split or end a row.
    Test::forEachBackend([](Test::TestDatabase &t) {
        const QSqlDatabase sql = t.db().sql();
        Query::run(sql, QStringLiteral("CREATE TEMP TABLE copy_texts (k TEXT PRIMARY KEY, t TEXT, n BIGINT)"));
        const QStringList texts{QStringLiteral("tab\there"),
                                QStringLiteral("line\nbreak\r\nand CR"),
                                QStringLiteral("back\\slash \\N \\t"),
                                QStringLiteral("Nguyễn Thị “Hồng”"),
                                QString(),
                                QStringLiteral("")};
        Transaction tx(sql);
        QList<QVariant> values;
        for (int i = 0; i < texts.size(); ++i)
            values << QStringLiteral("k%1").arg(i) << (texts.at(i).isNull() ? QVariant(QString()) : QVariant(texts.at(i)))
                   << (i % 2 ? QVariant(qint64(-i) << 33) : QVariant(QMetaType(QMetaType::LongLong)));
        if (t.db().backend() == Backend::Postgres) {
            // COPY itself, without RowBatch's row-by-row retry that would hide a wrong escape.
            REQUIRE(PgCopy::available(t.db()));
            PgCopy::rows(t.db(), QStringLiteral("INSERT INTO copy_texts (k, t, n)"), values);
        } else {
            Interchange::Detail::RowBatch batch(t.db(), QStringLiteral("INSERT INTO copy_texts (k, t, n)"), 3, QString(), 4);
            for (int i = 0; i < texts.size(); ++i)
                batch.add(values.mid(i * 3, 3), QStringLiteral("rows[%1]").arg(i));
            batch.flush();
        }
        tx.commit();
        Query rows(sql, QStringLiteral("SELECT k, t, n FROM copy_texts ORDER BY k"));
        rows.exec();
        int i = 0;
        for (; rows.next(); ++i) {
            INFO("row " << i);
            CHECK(rows.raw().value(1).isNull() == texts.at(i).isNull());
            CHECK(rows.text(1) == texts.at(i));
            CHECK(rows.raw().value(2).isNull() == (i % 2 == 0));
            if (i % 2)
                CHECK(rows.raw().value(2).toLongLong() == qint64(-i) << 33);
        }
        CHECK(i == int(texts.size()));
    });
}
