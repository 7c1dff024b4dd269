// The gold book (sổ vàng): the office numbers each certificate the first time it prints it, one
// sequence per blank and year, and a reprint carries the same number; on both backends.
#include "core/db/query.h"
#include "core/documents/certificates.h"
#include "decisioncase.h"
#include "pdftools.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
namespace Cert = Documents::Certificates;

namespace {
const QString kBangKhen = QStringLiteral("bang-khen");

/// The decision's collective awardee (Tập thể lao động xuất sắc: not on a Bằng khen).
qint64 unitAwardee(Core::Database &db, qint64 decisionId)
{
    for (const Test::Wf::Awardee &a : Test::Wf::DecisionRepository(db).awardees(decisionId))
        if (a.formCode == QLatin1String("TTLDXS"))
            return a.id;
    FAIL("no collective awardee");
    return 0;
}

qint64 rows(Core::Database &db)
{
    return Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM gold_book")).scalar().toLongLong();
}

/// Prints (saves) the certificates of `id` ("KEY" or "KEY/N") as a clerk does: numbers first.
QList<Cert::Certificate> print(Core::Database &db, const QString &id, const QString &pdf)
{
    QList<Cert::Certificate> list = Cert::forKey(db, id, kBangKhen);
    Cert::assignGoldBook(db, kBangKhen, list);
    Cert::savePdf(Cert::layout(db, kBangKhen), list, Cert::Offset(), pdf);
    return list;
}
} // namespace

TEST_CASE("reprintedCertificate_keepsItsGoldBookNumber_andTheNextAwardGetsTheNext", "[documents][certificates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::DecisionCase c(db);
        const Test::Wf::Decision d = c.issue();
        // The list: 1 the unit (Tập thể lao động xuất sắc), 2 An, 3 Bình — the Bằng khen are 2 and 3.
        // Another year's book already holds numbers: 2026 starts its own sequence at 1.
        Core::Query(db.sql(), QStringLiteral("INSERT INTO gold_book (book, year, number, awardee_id, printed_at) "
                                             "VALUES ('bang-khen', 2025, 57, :a, '2025-12-30T08:00:00.000Z')"))
            .bind(QStringLiteral(":a"), unitAwardee(db, d.id))
            .exec();

        // A preview shows the numbers the certificates would get, and gives none.
        QList<Cert::Certificate> preview = Cert::forDecision(db, d.id, kBangKhen);
        Cert::previewGoldBook(db, kBangKhen, preview);
        CHECK(preview[0].goldBook == 1);
        CHECK(preview[1].goldBook == 2);
        CHECK(rows(db) == 1);

        // Bình's is printed first (one certificate of the list): it takes number 1 of 2026.
        const QString first = t.dir() + QStringLiteral("/binh.pdf");
        const QList<Cert::Certificate> binh = print(db, d.key + QStringLiteral("/3"), first);
        REQUIRE(binh.size() == 1);
        CHECK(binh[0].goldBook == 1);
        CHECK(Test::Pdf::text(first).contains(QStringLiteral("Số sổ vàng: 1")));

        // Then the whole list: An gets the next number, Bình keeps hers.
        const QString all = t.dir() + QStringLiteral("/all.pdf");
        const QList<Cert::Certificate> both = print(db, d.key, all);
        REQUIRE(both.size() == 2);
        CHECK(both[0].awardeeName == QStringLiteral("Nguyễn Văn An"));
        CHECK(both[0].goldBook == 2);
        CHECK(both[1].goldBook == 1);
        CHECK(Test::Pdf::text(all, 1).contains(QStringLiteral("Số sổ vàng: 2")));
        CHECK(Test::Pdf::text(all, 2).contains(QStringLiteral("Số sổ vàng: 1")));
        CHECK(rows(db) == 3);

        // Reprints change nothing: the same numbers, read back by a plain listing too.
        const QString again = t.dir() + QStringLiteral("/again.pdf");
        const QList<Cert::Certificate> reprint = print(db, d.key + QStringLiteral("/2"), again);
        CHECK(reprint[0].goldBook == 2);
        CHECK(Test::Pdf::text(again).contains(QStringLiteral("Số sổ vàng: 2")));
        const QList<Cert::Certificate> listed = Cert::forDecision(db, d.id, kBangKhen);
        CHECK(listed[0].goldBook == 2);
        CHECK(listed[1].goldBook == 1);
        CHECK(listed[1].text.value(QStringLiteral("goldBook")) == QStringLiteral("Số sổ vàng: 1"));
        CHECK(rows(db) == 3);
        CHECK(Core::Query(db.sql(), QStringLiteral("SELECT number FROM gold_book WHERE year = 2025")).scalar().toInt() == 57);
    });
}

TEST_CASE("goldBookNumber_isUniqueInItsBookAndYear_soTheDatabaseRefusesADuplicate", "[documents][certificates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::DecisionCase c(db);
        const Test::Wf::Decision d = c.issue();
        QList<Cert::Certificate> list = Cert::forDecision(db, d.id, kBangKhen);
        Cert::assignGoldBook(db, kBangKhen, list);
        // Whatever writes to the book, one number is one award: a second row with number 1 of
        // 2026, or a second number for the same award, is refused.
        const QString duplicate = Test::errorOf([&] {
            Core::Query(db.sql(), QStringLiteral("INSERT INTO gold_book (book, year, number, awardee_id, printed_at) "
                                                 "VALUES ('bang-khen', 2026, 1, :a, '2026-01-20T08:00:00.000Z')"))
                .bind(QStringLiteral(":a"), unitAwardee(db, d.id))
                .exec();
        });
        CHECK_FALSE(duplicate.isEmpty());
        const QString twice = Test::errorOf([&] {
            Core::Query(db.sql(), QStringLiteral("INSERT INTO gold_book (book, year, number, awardee_id, printed_at) "
                                                 "VALUES ('bang-khen', 2026, 9, :a, '2026-01-20T08:00:00.000Z')"))
                .bind(QStringLiteral(":a"), list[0].awardeeId)
                .exec();
        });
        CHECK_FALSE(twice.isEmpty());
        CHECK(Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM gold_book")).scalar().toInt() == 2);
    });
}

TEST_CASE("certificatesThatFailToPrint_keepNoGoldBookNumber", "[documents][certificates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::DecisionCase c(db);
        const Test::Wf::Decision d = c.issue();
        QList<Cert::Certificate> list = Cert::forDecision(db, d.id, kBangKhen);
        const Cert::Layout layout = Cert::layout(db, kBangKhen);
        const QString nowhere = t.dir() + QStringLiteral("/no-such-folder/bang-khen.pdf");
        const QString message = Test::errorOf([&] {
            Cert::printWithGoldBook(db, kBangKhen, list, [&](const QList<Cert::Certificate> &numbered) {
                CHECK(numbered[0].goldBook == 1); // printed with its number…
                Cert::savePdf(layout, numbered, Cert::Offset(), nowhere);
            });
        });
        CHECK_FALSE(message.isEmpty());
        CHECK(rows(db) == 0); // …which is not kept when the printing failed
        CHECK(list[0].goldBook == 0);
        // The next print that succeeds starts the book at 1.
        Cert::printWithGoldBook(db, kBangKhen, list, [&](const QList<Cert::Certificate> &numbered) {
            Cert::savePdf(layout, numbered, Cert::Offset(), t.dir() + QStringLiteral("/bk.pdf"));
        });
        CHECK(list[0].goldBook == 1);
        CHECK(list[1].goldBook == 2);
        CHECK(rows(db) == 2);
    });
}
