// Rows (core/db/rows.h): the bulk reader the candidates sweep loads a province with. On SQLite
// it bypasses Qt's driver, so it must give what Query gives: the same values, NULLs, Vietnamese
// text, and a clear error for a statement that cannot run. Both backends.
#include "support/testdatabase.h"

#include "core/db/query.h"
#include "core/db/rows.h"
#include "core/db/transaction.h"
#include "core/error.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>

using namespace VinhDanh;
using namespace VinhDanh::Core;

namespace {
void addBlocs(Database &db)
{
    // Blocs: a small table with a NOT NULL text, a nullable text and an integer id.
    Query::run(db.sql(),
               QStringLiteral("INSERT INTO blocs (ext_key, name, kind) VALUES ('K1', 'Khối các sở, ngành kinh tế', 'khoi')"));
    Query::run(db.sql(), QStringLiteral("INSERT INTO blocs (ext_key, name, kind) VALUES ('C2', 'Cụm thi đua số 2', 'cum')"));
}
} // namespace

TEST_CASE("bulkRows_readWhatQueryReads_numbersNullsAndVietnameseText", "[db][rows]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.open();
        addBlocs(db);
        const QString sql = QStringLiteral("SELECT id, ext_key, name, kind, NULL, 7 FROM blocs ORDER BY ext_key");
        // What Query reads, first: on PostgreSQL a connection streams one statement at a time.
        struct Row
        {
            qint64 id;
            QString key, name, kind;
        };
        QList<Row> expected;
        {
            Query q(db.sql(), sql);
            q.exec();
            while (q.next())
                expected.append({q.id(0), q.text(1), q.text(2), q.text(3)});
        }
        REQUIRE(expected.size() == 2);
        Rows rows(db, sql);
        int n = 0;
        while (rows.next()) {
            REQUIRE(n < expected.size());
            const Row &e = expected.at(n++);
            CHECK(rows.id(0) == e.id);
            CHECK(rows.text(1) == e.key);
            CHECK(rows.text(2) == e.name);
            CHECK(rows.utf8(2) == e.name.toUtf8());
            CHECK(rows.text(3) == e.kind);
            CHECK(rows.isNull(4));
            CHECK_FALSE(rows.isNull(5));
            CHECK(rows.id(4) == 0);
            CHECK(rows.text(4).isEmpty());
            CHECK(rows.integer(5) == 7);
        }
        CHECK(n == 2);
    });
}

TEST_CASE("bulkRows_seeTheConnectionsOwnUncommittedWrites", "[db][rows]")
{
    // The sweep can run inside a clerk's transaction (a preview before saving): the reader must
    // read through the same connection, not a second one that sees the file as it was.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.open();
        Transaction tx(db.sql());
        addBlocs(db);
        Rows rows(db, QStringLiteral("SELECT name FROM blocs WHERE ext_key = 'C2'"));
        REQUIRE(rows.next());
        CHECK(rows.text(0) == QStringLiteral("Cụm thi đua số 2"));
        CHECK_FALSE(rows.next());
    });
}

TEST_CASE("bulkRows_statementThatCannotRun_throwsTheDatabaseErrorWithTheServersReason", "[db][rows]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.open();
        try {
            Rows rows(db, QStringLiteral("SELECT no_such_column FROM blocs"));
            while (rows.next()) {
            }
            FAIL("no error for a column that does not exist");
        } catch (const Error &e) {
            CHECK(e.message() == QCoreApplication::translate("Database", "Could not read from the database."));
            CHECK(e.detail().contains(QStringLiteral("no_such_column")));
        }
    });
}

TEST_CASE("codeTexts_giveOneSharedStringPerCode", "[db][rows]")
{
    CodeTexts codes;
    const QString a = codes(QByteArrayView("cong_chuc"));
    const QString b = codes(QByteArray("cong_chuc"));
    const QString c = codes(QByteArrayView("vien_chuc"));
    CHECK(a == QStringLiteral("cong_chuc"));
    CHECK(c == QStringLiteral("vien_chuc"));
    CHECK(a.constData() == b.constData()); // the same allocation, not an equal copy
    CHECK(codes(QByteArrayView()).isEmpty());
}
