// The interchange file read record by record (issue 15 item 6): the same results as a
// whole-file read for any layout of the file, and a cut or broken file refused with its line,
// the database unchanged.
#include "core/db/query.h"
#include "core/db/rowbatch.h"
#include "core/db/transaction.h"
#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "core/interchange/recordreader.h"
#include "demo_support.h"
#include "interchange_support.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using Test::readAll;
using Test::writeAll;

namespace {
/// An exported sample office (units, people, ratings, awards, initiatives with holders).
QString exportSample(Test::TestDatabase &source)
{
    Demo::generate(source.db(), {12, 80, 7, 2025});
    const QString path = source.dir() + QStringLiteral("/sample.json");
    Interchange::exportTo(source.db(), path);
    return path;
}

QString exportOf(Test::TestDatabase &t, const QString &name)
{
    const QString path = t.dir() + QLatin1Char('/') + name;
    Interchange::exportTo(t.db(), path);
    return QString::fromUtf8(readAll(path));
}

/// The streamed pass alone, told to never fall back to the whole-file reader (as for a
/// province's file): its own message.
QString streamedError(const QString &path)
{
    return Test::errorOf([&] {
        Interchange::Detail::RecordReader reader(path, 0);
        reader.forEach(QStringLiteral("people"), [](int, const QJsonObject *) {});
    });
}
} // namespace

TEST_CASE("importReadsSectionsInAnyOrderAndRecordsOverSeveralLines", "[interchange][stream]")
{
    Test::forEachBackend([](Test::TestDatabase &target) {
        Test::TestDatabase source;
        const QString exported = exportSample(source);
        // QJsonDocument writes the sections in alphabetical order (people before units, awards
        // first) and each record over several lines, indented: the reader's index must find
        // every record wherever it stands.
        const QString reordered = source.dir() + QStringLiteral("/reordered.json");
        writeAll(reordered, QJsonDocument::fromJson(readAll(exported)).toJson(QJsonDocument::Indented));
        REQUIRE(readAll(reordered).indexOf("\"people\"") < readAll(reordered).indexOf("\"units\""));
        Interchange::importFrom(target.db(), reordered, {Interchange::FileOffice::Same});
        CHECK(exportOf(target, QStringLiteral("again.json")) == QString::fromUtf8(readAll(exported)));
    });
}

TEST_CASE("importRefusesACutFile_keepsDatabaseUnchanged", "[interchange][stream]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::TestDatabase source;
        const QString good = exportSample(source);
        Interchange::importFrom(t.db(), good, {Interchange::FileOffice::Same});
        // Changed data early in the file, then the file cut in the middle of the ratings: a
        // reader that wrote as it went would leave the renamed unit behind.
        QByteArray bytes = Test::withEdit(readAll(good), QStringLiteral("units"), 0, QStringLiteral("name"),
                                          QStringLiteral("Đơn vị đã đổi tên"));
        bytes.truncate(bytes.indexOf("\"ratings\"") + 400);
        const QString cut = t.dir() + QStringLiteral("/cut.json");
        writeAll(cut, bytes);
        const QString before = exportOf(t, QStringLiteral("before.json"));
        const QString message = Test::errorOf([&] { Interchange::importFrom(t.db(), cut, {Interchange::FileOffice::Same}); });
        CHECK(message.startsWith(QStringLiteral("Nothing was imported.")));
        CHECK(message.contains(QStringLiteral("not valid JSON")));
        CHECK(exportOf(t, QStringLiteral("after.json")) == before);
    });
}

TEST_CASE("importMovesACccdFromOnePersonToALaterOne_inOneFile", "[interchange][stream]")
{
    // People are written by chunks: a person who gives up a CCCD number may still be queued
    // when a later record of the file takes it, and the database still shows the old holder.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::TestDatabase source;
        const QString good = exportSample(source);
        Interchange::importFrom(t.db(), good, {Interchange::FileOffice::Same});
        const QJsonArray people = QJsonDocument::fromJson(readAll(good)).object().value(QStringLiteral("people")).toArray();
        int giver = -1;
        for (int i = 0; i < people.size() - 1 && giver < 0; ++i)
            if (!people.at(i).toObject().value(QStringLiteral("cccd")).toString().isEmpty())
                giver = i;
        REQUIRE(giver >= 0);
        const int taker = giver + 1;
        const QString moved = people.at(giver).toObject().value(QStringLiteral("cccd")).toString();
        const QString fresh = QStringLiteral("099999999999");
        QByteArray bytes = Test::withEdit(readAll(good), QStringLiteral("people"), giver, QStringLiteral("cccd"), fresh);
        bytes = Test::withEdit(bytes, QStringLiteral("people"), taker, QStringLiteral("cccd"), moved);
        const QString path = t.dir() + QStringLiteral("/moved.json");
        writeAll(path, bytes);
        CHECK(Test::errorOf([&] { Interchange::importFrom(t.db(), path, {Interchange::FileOffice::Same}); }).isEmpty());
        const auto cccdOf = [&](int index) {
            const QString key = people.at(index).toObject().value(QStringLiteral("key")).toString();
            return Test::rows(t.db(), QStringLiteral("SELECT cccd FROM people WHERE ext_key = '%1'").arg(key)).value(0);
        };
        CHECK(cccdOf(giver) == fresh);
        CHECK(cccdOf(taker) == moved);
    });
}

TEST_CASE("importRefusesACccdTheDatabaseStillGivesAnotherPerson_namingTheHolder_andWritesNothing", "[interchange][stream]")
{
    // The numbers the database holds are read once before the people: a later record of the
    // file may free one (the test above), but a number still held is refused with its holder.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::TestDatabase source;
        const QString good = exportSample(source);
        Interchange::importFrom(t.db(), good, {Interchange::FileOffice::Same});
        const QJsonArray people = QJsonDocument::fromJson(readAll(good)).object().value(QStringLiteral("people")).toArray();
        int holder = -1;
        for (int i = 1; i < people.size() - 1 && holder < 0; ++i)
            if (!people.at(i).toObject().value(QStringLiteral("cccd")).toString().isEmpty())
                holder = i;
        REQUIRE(holder > 0);
        const QJsonObject held = people.at(holder).toObject();
        const QString number = held.value(QStringLiteral("cccd")).toString();
        const QString before = exportOf(t, QStringLiteral("before.json"));
        // A file without the holder (who stays in the database as it is); then one where the
        // holder gives the number up, but only after the record that takes it.
        for (const bool holderInFile : {false, true}) {
            INFO("holder in the file: " << holderInFile);
            const int taker = holder - 1;
            QByteArray bytes = Test::withEdit(readAll(good), QStringLiteral("people"), taker, QStringLiteral("cccd"), number);
            if (holderInFile) {
                bytes = Test::withEdit(bytes, QStringLiteral("people"), holder, QStringLiteral("cccd"),
                                       QStringLiteral("099999999998"));
            } else {
                QJsonObject file = QJsonDocument::fromJson(bytes).object();
                QJsonArray list = file.value(QStringLiteral("people")).toArray();
                list.removeAt(holder);
                file.insert(QStringLiteral("people"), list);
                bytes = QJsonDocument(file).toJson();
            }
            const QString path = t.dir() + QStringLiteral("/taken.json");
            writeAll(path, bytes);
            const QString message = Test::errorOf([&] { Interchange::importFrom(t.db(), path, {Interchange::FileOffice::Same}); });
            INFO(message.toStdString());
            CHECK(message.contains(
                QStringLiteral("the CCCD number %1 already belongs to %2 (%3) in the database")
                    .arg(number, held.value(QStringLiteral("key")).toString(), held.value(QStringLiteral("fullName")).toString())));
            CHECK(exportOf(t, QStringLiteral("after.json")) == before);
        }
    });
}

TEST_CASE("streamedReaderNamesTheLineWhereALargeFileIsCut", "[interchange][stream]")
{
    Test::TestDatabase source;
    QByteArray bytes = readAll(exportSample(source));
    bytes.truncate(bytes.indexOf("\"awards\"") + 300); // inside an award record
    const QString cut = source.dir() + QStringLiteral("/cut.json");
    writeAll(cut, bytes);
    const QString message = streamedError(cut);
    INFO(message.toStdString());
    CHECK(message.startsWith(QStringLiteral("cut.json, line %1, column ").arg(bytes.count('\n') + 1)));
    CHECK(message.contains(QStringLiteral("cut short")));
}

TEST_CASE("streamedReaderRefusesBytesAfterANulFollowingTheObject", "[interchange][stream]")
{
    // The stream ends at a NUL byte as at the end of the file: a second object glued behind
    // one (two files concatenated by a copy tool, a disk block of zeros) must not pass unseen.
    Test::TestDatabase t;
    const QString path = t.dir() + QStringLiteral("/glued.json");
    writeAll(path, QByteArray("{\"format\": \"vinhdanh-interchange\", \"formatVersion\": 2}\n") + QByteArray(1, '\0')
                       + QByteArray("{\"units\": [{\"key\": \"X\"}]}\n"));
    const QString message = streamedError(path);
    INFO(message.toStdString());
    CHECK(message.startsWith(QStringLiteral("glued.json, line 2, column 1")));
    // A small file goes through the whole-file reader for its wording: refused as well.
    CHECK_FALSE(Test::errorOf([&] { Interchange::Detail::RecordReader reader(path); }).isEmpty());
}

TEST_CASE("streamedReaderRefusesASectionWrittenTwice", "[interchange][stream]")
{
    Test::TestDatabase t;
    const QString path = t.dir() + QStringLiteral("/twice.json");
    writeAll(path, "{\"format\": \"vinhdanh-interchange\", \"formatVersion\": 2,\n\"units\": [],\n\"units\": []}\n");
    const QString message = streamedError(path);
    CHECK(message.startsWith(QStringLiteral("twice.json, line 3, column 1")));
    CHECK(message.contains(QStringLiteral("\"units\" is written twice")));
}

TEST_CASE("importNamesTheFileLineOfABadRecordFoundWhileStreaming", "[interchange][stream]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::TestDatabase source;
        QByteArray bytes = readAll(exportSample(source));
        // people[3] written twice over one field: found when the import reaches that record,
        // after the index of the whole file, and named by the file's own line.
        QList<QByteArray> lines = bytes.split('\n');
        int line = -1;
        for (int i = 0; i < lines.size() && line < 0; ++i)
            if (lines.at(i).contains("\"fullName\":") && lines.at(i).contains("\"key\":\"P000004\""))
                line = i;
        REQUIRE(line > 0);
        lines[line].replace("\"fullName\":", "\"fullName\":\"X\",\"fullName\":");
        const QString path = t.dir() + QStringLiteral("/member.json");
        writeAll(path, lines.join('\n'));
        const QString before = exportOf(t, QStringLiteral("before.json"));
        const QString message = Test::errorOf([&] { Interchange::importFrom(t.db(), path, {Interchange::FileOffice::Same}); });
        INFO(message.toStdString());
        CHECK(message.contains(QStringLiteral("people[3] (P000004): ")));
        CHECK(message.contains(QStringLiteral("member.json, line %1, column ").arg(line + 1)));
        CHECK(message.contains(QStringLiteral("twice")));
        CHECK(exportOf(t, QStringLiteral("after.json")) == before);
    });
}

namespace {
/// An interchange file whose "people" list is long enough to be read ahead on a thread of its
/// own: `n` records P1…Pn, one per line from line 3, record `notObject` written as a
/// number, and record `repeated` with a member written twice.
QString longList(const QString &dir, int n, int notObject, int repeated = -1)
{
    QByteArray bytes("{\"format\": \"vinhdanh-interchange\", \"formatVersion\": 2,\n\"people\": [\n");
    for (int i = 0; i < n; ++i) {
        if (i == notObject)
            bytes += "7";
        else if (i == repeated)
            bytes += "{\"key\": \"P" + QByteArray::number(i + 1) + "\", \"fullName\": \"A\", \"fullName\": \"B\"}";
        else
            bytes += "{\"key\": \"P" + QByteArray::number(i + 1) + "\", \"fullName\": \"Nguyễn Văn " + QByteArray::number(i) + "\"}";
        bytes += i + 1 < n ? ",\n" : "\n";
    }
    bytes += "]}\n";
    const QString path = dir + QStringLiteral("/long.json");
    writeAll(path, bytes);
    return path;
}
} // namespace

TEST_CASE("streamedReader_longList_readAheadOnAThread_comesInFileOrder_whileTheImportReadsRecordsAgain", "[interchange][stream]")
{
    Test::TestDatabase t;
    const int n = 20000;
    Interchange::Detail::RecordReader reader(longList(t.dir(), n, 12345), 0);
    int seen = 0;
    bool inOrder = true;
    reader.forEach(QStringLiteral("people"), [&](int i, const QJsonObject *record) {
        inOrder = inOrder && i == seen;
        ++seen;
        if (i == 12345) {
            inOrder = inOrder && record == nullptr;
            return;
        }
        inOrder = inOrder && record && record->value(QStringLiteral("key")).toString() == QStringLiteral("P%1").arg(i + 1)
                  && record->value(QStringLiteral("fullName")).toString() == QStringLiteral("Nguyễn Văn %1").arg(i);
        // A repeated key is confirmed by reading an earlier record again, meanwhile.
        if (i % 4999 == 0 && i > 0)
            inOrder = inOrder
                      && reader.record(QStringLiteral("people"), i - 1).value(QStringLiteral("key")).toString()
                             == QStringLiteral("P%1").arg(i);
    });
    CHECK(seen == n);
    CHECK(inOrder);
}

TEST_CASE("streamedReader_longList_aBadRecordFarIn_isNamedWithItsLine_afterEveryRecordBeforeIt", "[interchange][stream]")
{
    Test::TestDatabase t;
    const QString path = longList(t.dir(), 20000, -1, 15000);
    int seen = 0;
    const QString message = Test::errorOf([&] {
        Interchange::Detail::RecordReader reader(path, 0);
        reader.forEach(QStringLiteral("people"), [&](int, const QJsonObject *) { ++seen; });
    });
    INFO(message.toStdString());
    CHECK(seen == 15000);
    CHECK(message.contains(QStringLiteral("people[15000] (P15001): ")));
    CHECK(message.contains(QStringLiteral("long.json, line 15003, column ")));
    CHECK(message.contains(QStringLiteral("twice")));

    // The import stopping at a record (its own refusal) stops the reading ahead too.
    Interchange::Detail::RecordReader reader(path, 0);
    int before = 0;
    CHECK(Test::errorOf([&] {
              reader.forEach(QStringLiteral("people"), [&](int i, const QJsonObject *) {
                  if (i == 700)
                      throw Error(QStringLiteral("refused"));
                  ++before;
              });
          })
          == QStringLiteral("refused"));
    CHECK(before == 700);
}

namespace {
QStringList g_sqlWarnings;
void keepSqlWarnings(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_sqlWarnings << message;
}
} // namespace

TEST_CASE("rowBatch_aRefusedRowInALastShortChunk_namesItsRecord_undoesItsChunk_andLeavesTheTransactionUsable", "[interchange][stream]")
{
    // The refusal of a multi-row statement is retried row by row inside the chunk's savepoint.
    // On PostgreSQL nothing may run between the failure and the ROLLBACK TO, not even the
    // freeing of the failed statement ("Unable to free statement: current transaction is
    // aborted"), and the import's transaction must go on working afterwards.
    Test::forEachBackend([](Test::TestDatabase &t) {
        const QSqlDatabase sql = t.db().sql();
        Query::run(sql, QStringLiteral("CREATE TEMP TABLE rowbatch_probe (k TEXT PRIMARY KEY, v INTEGER NOT NULL)"));
        Transaction tx(sql);
        Query::run(sql, QStringLiteral("INSERT INTO rowbatch_probe (k, v) VALUES ('taken', 0)"));
        g_sqlWarnings.clear();
        const QtMessageHandler previous = qInstallMessageHandler(keepSqlWarnings);
        QString message;
        {
            Interchange::Detail::RowBatch batch(t.db(), QStringLiteral("INSERT INTO rowbatch_probe (k, v)"), 2, QString(), 4);
            const QStringList keys{QStringLiteral("a"), QStringLiteral("b"),     QStringLiteral("c"), QStringLiteral("d"),
                                   QStringLiteral("e"), QStringLiteral("taken"), QStringLiteral("f")};
            message = Test::errorOf([&] {
                for (int i = 0; i < keys.size(); ++i) // a..d fill a whole chunk; e, taken, f the short last one
                    batch.add({keys.at(i), i + 1}, QStringLiteral("rows[%1]").arg(i));
                batch.flush();
            });
        }
        qInstallMessageHandler(previous);
        CHECK(message.startsWith(QStringLiteral("rows[5]: ")));
        CHECK(g_sqlWarnings.filter(QStringLiteral("Unable to free")).isEmpty());
        // The first chunk stays; the refused one is undone whole (e went in alone before "taken").
        CHECK(Query(sql, QStringLiteral("SELECT count(*) FROM rowbatch_probe")).scalar().toInt() == 5);
        CHECK(Query(sql, QStringLiteral("SELECT count(*) FROM rowbatch_probe WHERE k = 'e'")).scalar().toInt() == 0);
    });
}

TEST_CASE("rowBatch_upsertByKey_keepsTheFileOrder_updatesOnlyChangedRows_andNamesARefusedRow", "[interchange][stream]")
{
    // An upsert goes by multi-row statements on SQLite and, on PostgreSQL, by COPY into a
    // staging table then one INSERT … SELECT … ON CONFLICT: the same rows either way, a key
    // given twice in one chunk included (PostgreSQL refuses to update a row twice in one
    // statement; SQLite keeps the later row). Copied straight into the table (its first
    // import), a chunk that meets a stored key goes through the stage after all: the same rows.
    Test::forEachBackend([](Test::TestDatabase &t) {
        for (const bool straight : {false, true}) {
            INFO("straight copies: " << straight);
            const QSqlDatabase sql = t.db().sql();
            const bool pg = t.db().backend() == Backend::Postgres;
            Query::run(sql, QStringLiteral("DROP TABLE IF EXISTS upsert_probe"));
            Query::run(sql, QStringLiteral("CREATE TEMP TABLE upsert_probe (id %1 PRIMARY KEY, k TEXT NOT NULL UNIQUE, "
                                           "v INTEGER NOT NULL CHECK (v >= 0), version INTEGER NOT NULL DEFAULT 1)")
                                .arg(pg ? QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY") : QStringLiteral("INTEGER")));
            Query::run(sql, QStringLiteral("INSERT INTO upsert_probe (k, v) VALUES ('b', 1), ('keep', 5)"));
            const QString head = QStringLiteral("INSERT INTO upsert_probe (k, v)");
            const QString tail = QStringLiteral("ON CONFLICT (k) DO UPDATE SET version = upsert_probe.version + 1, v = excluded.v "
                                                "WHERE upsert_probe.v IS DISTINCT FROM excluded.v");
            const auto valueOf = [&](const QString &column, const QString &key) {
                return Query(sql, QStringLiteral("SELECT %1 FROM upsert_probe WHERE k = '%2'").arg(column, key))
                    .scalar(-1)
                    .toLongLong();
            };
            Transaction tx(sql);
            {
                Interchange::Detail::RowBatch batch(t.db(), head, 2, tail);
                batch.setStraightCopies(straight);
                const QList<std::pair<QString, int>> rows{
                    {QStringLiteral("z"), 1},    {QStringLiteral("a"), 0}, {QStringLiteral("b"), 3},
                    {QStringLiteral("keep"), 5}, {QStringLiteral("m"), 4}, {QStringLiteral("a"), 2}}; // a twice: the later row
                for (qsizetype i = 0; i < rows.size(); ++i)
                    batch.add({rows.at(i).first, rows.at(i).second}, QStringLiteral("rows[%1]").arg(i));
                batch.flush();
            }
            CHECK(valueOf(QStringLiteral("id"), QStringLiteral("z")) < valueOf(QStringLiteral("id"), QStringLiteral("a")));
            CHECK(valueOf(QStringLiteral("id"), QStringLiteral("a")) < valueOf(QStringLiteral("id"), QStringLiteral("m")));
            CHECK(valueOf(QStringLiteral("v"), QStringLiteral("a")) == 2);
            CHECK(valueOf(QStringLiteral("v"), QStringLiteral("b")) == 3);
            CHECK(valueOf(QStringLiteral("version"), QStringLiteral("b")) == 2);    // changed: a new version
            CHECK(valueOf(QStringLiteral("version"), QStringLiteral("keep")) == 1); // unchanged: not written

            QString message;
            bool fromTheDatabase = false;
            {
                Interchange::Detail::RowBatch batch(t.db(), head, 2, tail);
                batch.setStraightCopies(straight);
                try {
                    batch.add({QStringLiteral("n"), 1}, QStringLiteral("rows[0]"));
                    batch.add({QStringLiteral("bad"), -1}, QStringLiteral("rows[1]"));
                    batch.add({QStringLiteral("o"), 2}, QStringLiteral("rows[2]"));
                    batch.flush();
                } catch (const Error &e) {
                    message = e.message();
                    fromTheDatabase = dynamic_cast<const DatabaseError *>(&e) != nullptr;
                }
            }
            CHECK(fromTheDatabase);
            CHECK(message.startsWith(QStringLiteral("rows[1]: ")));
            CHECK(valueOf(QStringLiteral("v"), QStringLiteral("n")) == -1); // the refused chunk is undone whole
            // The transaction goes on: the next statement and the commit work.
            Query::run(sql, QStringLiteral("INSERT INTO upsert_probe (k, v) VALUES ('after', 7)"));
            tx.commit();
            CHECK(valueOf(QStringLiteral("v"), QStringLiteral("after")) == 7);
            CHECK(Query(sql, QStringLiteral("SELECT count(*) FROM upsert_probe")).scalar().toInt() == 6);
        }
    });
}

TEST_CASE("rowBatch_straightCopiesIntoAnEmptyTable_aLaterChunkMeetingAStoredKey_updatesItAsTheUpsertWould", "[interchange][stream]")
{
    // PostgreSQL copies a first import's chunks straight into the table; a chunk that meets a key
    // an earlier chunk stored goes through the stage's upsert instead. SQLite has one way only.
    Test::forEachBackend([](Test::TestDatabase &t) {
        const QSqlDatabase sql = t.db().sql();
        const bool pg = t.db().backend() == Backend::Postgres;
        Query::run(sql, QStringLiteral("CREATE TEMP TABLE straight_probe (id %1 PRIMARY KEY, k TEXT NOT NULL UNIQUE, "
                                       "v INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 1)")
                            .arg(pg ? QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY") : QStringLiteral("INTEGER")));
        const auto valueOf = [&](const QString &column, const QString &key) {
            return Query(sql, QStringLiteral("SELECT %1 FROM straight_probe WHERE k = '%2'").arg(column, key)).scalar(-1).toLongLong();
        };
        Transaction tx(sql);
        Interchange::Detail::RowBatch batch(t.db(), QStringLiteral("INSERT INTO straight_probe (k, v)"), 2,
                                            QStringLiteral("ON CONFLICT (k) DO UPDATE SET version = straight_probe.version + 1, "
                                                           "v = excluded.v WHERE straight_probe.v IS DISTINCT FROM excluded.v"),
                                            2);
        batch.setStraightCopies(true);
        batch.add({QStringLiteral("a"), 1}, QStringLiteral("rows[0]"));
        batch.add({QStringLiteral("b"), 2}, QStringLiteral("rows[1]")); // a full chunk: straight in
        batch.add({QStringLiteral("c"), 3}, QStringLiteral("rows[2]"));
        batch.add({QStringLiteral("a"), 9}, QStringLiteral("rows[3]")); // meets the stored "a"
        batch.flush();
        tx.commit();
        CHECK(batch.straightChunks() == (pg ? 1 : 0));
        CHECK(valueOf(QStringLiteral("v"), QStringLiteral("a")) == 9);
        CHECK(valueOf(QStringLiteral("version"), QStringLiteral("a")) == 2);
        CHECK(valueOf(QStringLiteral("version"), QStringLiteral("b")) == 1);
        CHECK(valueOf(QStringLiteral("id"), QStringLiteral("a")) < valueOf(QStringLiteral("id"), QStringLiteral("b")));
        CHECK(valueOf(QStringLiteral("id"), QStringLiteral("b")) < valueOf(QStringLiteral("id"), QStringLiteral("c")));
        CHECK(Query(sql, QStringLiteral("SELECT count(*) FROM straight_probe")).scalar().toInt() == 3);
    });
}
