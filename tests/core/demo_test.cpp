#include "demo_support.h"
#include "support/testdatabase.h"

#include "core/db/query.h"
#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/text/vntext.h"

#include <catch2/catch.hpp>

#include <QRegularExpression>
#include <QSet>
#include <QSqlRecord>
#include <QStringList>

using namespace VinhDanh;
using VinhDanh::Test::rows;
using VinhDanh::Test::scalar;
using VinhDanh::Test::smallProvince;
using VinhDanh::Test::TestDatabase;

namespace {

/// Everything the generator writes, by external key (row ids are left out on purpose: two
/// databases may number rows differently and still hold the same province).
QStringList dump(Core::Database &db)
{
    QStringList out;
    out << rows(db, QStringLiteral("SELECT ext_key, name, kind FROM blocs ORDER BY ext_key"));
    out << rows(
        db, QStringLiteral("SELECT u.ext_key, u.name, u.kind, p.ext_key, b.ext_key, u.valid_from, u.valid_to, s.ext_key, u.search_key "
                           "FROM units u LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN blocs b ON b.id = u.bloc_id "
                           "LEFT JOIN units s ON s.id = u.succeeded_by_id ORDER BY u.ext_key"));
    out << rows(db, QStringLiteral("SELECT p.ext_key, p.full_name, p.given_name, p.gender, p.birth_date, p.cccd, u.ext_key, "
                                   "p.position, p.category, p.search_key FROM people p JOIN units u ON u.id = p.unit_id "
                                   "ORDER BY p.ext_key"));
    out << rows(db, QStringLiteral("SELECT COALESCE(p.ext_key, u.ext_key), r.year, r.rating, r.note FROM ratings r "
                                   "LEFT JOIN people p ON p.id = r.person_id LEFT JOIN units u ON u.id = r.unit_id "
                                   "ORDER BY 1, 2"));
    out << rows(db, QStringLiteral("SELECT a.ext_key, p.ext_key, u.ext_key, a.form_code, a.kind, a.year, a.decision_no, "
                                   "a.decision_date, a.authority, m.ext_key, a.note FROM awards a "
                                   "LEFT JOIN people p ON p.id = a.person_id LEFT JOIN units u ON u.id = a.unit_id "
                                   "LEFT JOIN movements m ON m.id = a.movement_id ORDER BY a.ext_key"));
    out << rows(db, QStringLiteral("SELECT i.ext_key, i.title, i.decision_no, i.decision_date, i.level, a.ext_key, i.note "
                                   "FROM initiatives i LEFT JOIN awards a ON a.id = i.used_for_award_id ORDER BY i.ext_key"));
    out << rows(db, QStringLiteral("SELECT i.ext_key, p.ext_key FROM initiative_holders h "
                                   "JOIN initiatives i ON i.id = h.initiative_id JOIN people p ON p.id = h.person_id "
                                   "ORDER BY 1, 2"));
    out << rows(db, QStringLiteral("SELECT d.ext_key, p.ext_key, d.kind, d.start_date, d.end_date, d.decision_no, d.note "
                                   "FROM disciplines d JOIN people p ON p.id = d.person_id ORDER BY d.ext_key"));
    return out;
}

/// Index of the first row that differs, or -1 when both dumps are identical.
int firstDifference(const QStringList &a, const QStringList &b)
{
    for (int i = 0; i < std::min(a.size(), b.size()); ++i)
        if (a[i] != b[i])
            return i;
    return a.size() == b.size() ? -1 : int(std::min(a.size(), b.size()));
}

} // namespace

TEST_CASE("demoIsDeterministic_sameSeedSameRows")
{
    TestDatabase first, second, other;
    QStringList messages;
    const Core::DemoResult a = Core::Demo::generate(first.open(), smallProvince(7), [&](const QString &m) { messages << m; });
    const Core::DemoResult b = Core::Demo::generate(second.open(), smallProvince(7));
    Core::Demo::generate(other.open(), smallProvince(8));

    const QStringList dumpA = dump(first.db());
    const QStringList dumpB = dump(second.db());
    const int diff = firstDifference(dumpA, dumpB);
    INFO("first differing row: " << (diff < 0 ? std::string() : dumpA.value(diff).toStdString()) << " vs "
                                 << (diff < 0 ? std::string() : dumpB.value(diff).toStdString()));
    CHECK(diff == -1);
    CHECK(dumpA.size() > 3000);
    CHECK(dump(other.db()) != dumpA);

    // The counts returned are the rows written, and the user was told what is happening.
    CHECK(a.units == 20);
    CHECK(a.people == 300);
    CHECK(a.units == b.units);
    CHECK(a.awards == b.awards);
    CHECK(scalar(first.db(), QStringLiteral("SELECT count(*) FROM units")) == a.units);
    CHECK(scalar(first.db(), QStringLiteral("SELECT count(*) FROM people")) == a.people);
    CHECK(scalar(first.db(), QStringLiteral("SELECT count(*) FROM ratings")) == a.ratings);
    CHECK(scalar(first.db(), QStringLiteral("SELECT count(*) FROM awards")) == a.awards);
    CHECK(scalar(first.db(), QStringLiteral("SELECT count(*) FROM initiatives")) == a.initiatives);
    CHECK(scalar(first.db(), QStringLiteral("SELECT count(*) FROM disciplines")) == a.disciplines);
    CHECK(a.initiatives > 0);
    CHECK(messages.size() >= 3);
}

TEST_CASE("demoCoversEveryUnitKind_andBuildsHierarchy")
{
    Test::forEachBackend([](TestDatabase &t) {
        Core::Database &db = t.db();
        Core::Demo::generate(db, smallProvince());

        const QStringList kinds = rows(db, QStringLiteral("SELECT DISTINCT kind FROM units ORDER BY kind"));
        CHECK(kinds
              == QStringList{QStringLiteral("commune_ward"), QStringLiteral("cooperative"), QStringLiteral("department"),
                             QStringLiteral("enterprise"), QStringLiteral("front_org"), QStringLiteral("provincial_agency"),
                             QStringLiteral("social_org")});
        // Departments sit under agencies, and nothing else has a parent.
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM units u LEFT JOIN units p ON p.id = u.parent_id "
                                        "WHERE u.kind = 'department' AND (p.id IS NULL OR p.kind <> 'provincial_agency')"))
              == 0);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM units WHERE kind <> 'department' AND parent_id IS NOT NULL")) == 0);
        // The 2025 merger: a commune ended in 2025 and was succeeded by a live commune that took its people.
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM units u JOIN units s ON s.id = u.succeeded_by_id "
                                        "WHERE u.kind = 'commune_ward' AND u.valid_to LIKE '2025-%' "
                                        "AND s.kind = 'commune_ward' AND s.valid_to IS NULL"))
              >= 1);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM units WHERE (valid_to IS NULL) <> (succeeded_by_id IS NULL)")) == 0);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM people p JOIN units u ON u.id = p.unit_id "
                                        "WHERE u.valid_to IS NOT NULL"))
              == 0);
        // Blocs: cụm for communes and wards, khối for the rest; every commune is in a cụm.
        const qint64 blocs = scalar(db, QStringLiteral("SELECT count(*) FROM blocs"));
        CHECK(blocs >= 8);
        CHECK(blocs <= 15);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM blocs WHERE kind = 'cum'")) >= 1);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM units u LEFT JOIN blocs b ON b.id = u.bloc_id "
                                        "WHERE u.kind = 'commune_ward' AND (b.kind IS NULL OR b.kind <> 'cum')"))
              == 0);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM units u JOIN blocs b ON b.id = u.bloc_id "
                                        "WHERE u.kind <> 'commune_ward' AND b.kind <> 'khoi'"))
              == 0);
        // Keys are zero-padded and names are searchable by their folded form.
        const QRegularExpression unitKey(QStringLiteral("^U\\d{4}$"));
        for (const QString &key : rows(db, QStringLiteral("SELECT ext_key FROM units")))
            CHECK(unitKey.match(key).hasMatch());
        CHECK(rows(db, QStringLiteral("SELECT ext_key FROM blocs ORDER BY ext_key")).value(0) == QStringLiteral("B01"));
        CHECK(rows(db, QStringLiteral("SELECT ext_key FROM people ORDER BY ext_key")).value(0) == QStringLiteral("P000001"));
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM units WHERE name LIKE 'UBND %' AND kind = 'commune_ward'")) >= 2);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM people WHERE full_name LIKE 'Nguyễn %'")) >= 60);
        // Stored text is NFC; search keys and given names are what the repositories would compute.
        int badNames = 0;
        // The search text holds the key too, so a clerk finds "P000001" by its key.
        for (const QString &row : rows(db, QStringLiteral("SELECT full_name, given_name, search_key, ext_key FROM people"))) {
            const QStringList f = row.split(QLatin1Char('|'));
            badNames += f[0] != Core::Text::clean(f[0]) || f[1] != Core::Text::givenName(f[0])
                        || f[2] != Core::Text::fold(f[0] + QLatin1Char(' ') + f[3]);
        }
        for (const QString &row : rows(db, QStringLiteral("SELECT name, search_key, ext_key FROM units"))) {
            const QStringList f = row.split(QLatin1Char('|'));
            badNames += f[0] != Core::Text::clean(f[0]) || f[1] != Core::Text::fold(f[0] + QLatin1Char(' ') + f[2]);
        }
        CHECK(badNames == 0);
        // Categories match the kind of unit.
        CHECK(scalar(db, QStringLiteral(
                             "SELECT count(*) FROM people p JOIN units u ON u.id = p.unit_id WHERE "
                             "(p.category = 'nhan_dan' AND u.kind <> 'commune_ward') OR "
                             "(p.category = 'doanh_nhan' AND u.kind NOT IN ('enterprise', 'cooperative')) OR "
                             "(u.kind IN ('enterprise', 'cooperative') AND p.category NOT IN ('nguoi_lao_dong', 'doanh_nhan'))"))
              == 0);
    });
}

TEST_CASE("demoMakesExactlyTheUnitsAndPeopleAskedFor")
{
    TestDatabase t;
    Core::DemoOptions o = smallProvince();
    o.units = 437;
    o.people = 0; // a registry of units only is allowed
    const Core::DemoResult r = Core::Demo::generate(t.open(), o);
    CHECK(r.units == 437);
    CHECK(r.people == 0);
    CHECK(scalar(t.db(), QStringLiteral("SELECT count(*) FROM units")) == 437);
    CHECK(scalar(t.db(), QStringLiteral("SELECT count(*) FROM people")) == 0);
    CHECK(scalar(t.db(), QStringLiteral("SELECT count(DISTINCT name) FROM units WHERE kind <> 'department'"))
          == scalar(t.db(), QStringLiteral("SELECT count(*) FROM units WHERE kind <> 'department'")));
    // Firms are the largest group; every agency has departments.
    CHECK(scalar(t.db(), QStringLiteral("SELECT count(*) FROM units WHERE kind = 'enterprise'")) > 437 / 3);
    CHECK(scalar(t.db(), QStringLiteral("SELECT count(*) FROM units a WHERE a.kind = 'provincial_agency' AND NOT EXISTS "
                                        "(SELECT 1 FROM units d WHERE d.parent_id = a.id)"))
          == 0);
}

TEST_CASE("demoRatingsSpanTenYears_forEveryPerson")
{
    Test::forEachBackend([](TestDatabase &t) {
        Core::Database &db = t.db();
        Core::Demo::generate(db, smallProvince());
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM people")) == 300);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM people p WHERE (SELECT count(DISTINCT r.year) FROM ratings r "
                                        "WHERE r.person_id = p.id AND r.year BETWEEN 2016 AND 2025) <> 10"))
              == 0);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM ratings WHERE year NOT BETWEEN 2016 AND 2025")) == 0);
        // Live units are rated every year too; merged communes until the year before the merger.
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM units u WHERE u.valid_to IS NULL AND "
                                        "(SELECT count(*) FROM ratings r WHERE r.unit_id = u.id) <> 10"))
              == 0);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM ratings r JOIN units u ON u.id = r.unit_id "
                                        "WHERE u.valid_to IS NOT NULL AND r.year >= 2025"))
              == 0);

        // A realistic spread, and persistence: someone excellent one year is likely excellent the next.
        const double total = double(scalar(db, QStringLiteral("SELECT count(*) FROM ratings WHERE person_id IS NOT NULL")));
        const double excellent = double(
            scalar(db, QStringLiteral("SELECT count(*) FROM ratings WHERE person_id IS NOT NULL AND rating = 'HTXSNV'")));
        const double failed = double(
            scalar(db, QStringLiteral("SELECT count(*) FROM ratings WHERE person_id IS NOT NULL AND rating = 'KHTNV'")));
        CHECK(excellent / total > 0.18);
        CHECK(excellent / total < 0.33);
        CHECK(failed / total < 0.07);
        const double pairs = double(
            scalar(db, QStringLiteral("SELECT count(*) FROM ratings a JOIN ratings b ON b.person_id = a.person_id "
                                      "AND b.year = a.year + 1 WHERE a.rating = 'HTXSNV'")));
        const double kept = double(
            scalar(db, QStringLiteral("SELECT count(*) FROM ratings a JOIN ratings b ON b.person_id = a.person_id "
                                      "AND b.year = a.year + 1 WHERE a.rating = 'HTXSNV' AND b.rating = 'HTXSNV'")));
        CHECK(kept / pairs > excellent / total + 0.15);
    });
}

TEST_CASE("demoTitlesFollowRatings")
{
    Test::forEachBackend([](TestDatabase &t) {
        Core::Database &db = t.db();
        Core::Demo::generate(db, smallProvince(11));
        auto none = [&](const char *sql) {
            INFO(sql);
            CHECK(scalar(db, QString::fromUtf8(sql)) == 0);
        };
        const char *disciplined = "EXISTS (SELECT 1 FROM disciplines d WHERE d.person_id = %1 AND "
                                  "CAST(SUBSTR(d.start_date, 1, 4) AS INTEGER) IN (%2, %2 - 1))";
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM awards WHERE form_code = 'LDTT'")) > 1000);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM awards WHERE form_code = 'CSTDCS'")) > 50);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM awards WHERE form_code = 'TTLDTT'")) > 10);

        // LDTT exactly in the years rated HTXSNV or HTTNV of staff outside a discipline period.
        none("SELECT count(*) FROM awards a JOIN ratings r ON r.person_id = a.person_id AND r.year = a.year "
             "WHERE a.kind = 'cong_trang' AND r.rating NOT IN ('HTXSNV', 'HTTNV')");
        none("SELECT count(*) FROM awards a WHERE a.kind = 'cong_trang' AND a.person_id IS NOT NULL AND NOT EXISTS "
             "(SELECT 1 FROM ratings r WHERE r.person_id = a.person_id AND r.year = a.year)");
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM ratings r JOIN people p ON p.id = r.person_id "
                                        "WHERE r.rating IN ('HTXSNV', 'HTTNV') AND p.category NOT IN ('nhan_dan', 'doanh_nhan') "
                                        "AND NOT ")
                             + QString::fromLatin1(disciplined).arg(QStringLiteral("p.id"), QStringLiteral("r.year")))
              == scalar(db, QStringLiteral("SELECT count(*) FROM awards WHERE form_code = 'LDTT'")));
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM awards a WHERE a.kind = 'cong_trang' AND ")
                             + QString::fromLatin1(disciplined).arg(QStringLiteral("a.person_id"), QStringLiteral("a.year")))
              == 0);
        // CSTDCS: an LDTT year, and HTXSNV or an initiative of the person marked used for it.
        none("SELECT count(*) FROM awards a JOIN ratings r ON r.person_id = a.person_id AND r.year = a.year "
             "WHERE a.form_code = 'CSTDCS' AND (NOT EXISTS (SELECT 1 FROM awards l WHERE l.person_id = a.person_id "
             "AND l.year = a.year AND l.form_code = 'LDTT') OR (r.rating <> 'HTXSNV' AND NOT EXISTS (SELECT 1 FROM "
             "initiatives i JOIN initiative_holders h ON h.initiative_id = i.id WHERE i.used_for_award_id = a.id "
             "AND h.person_id = a.person_id)))");
        // CSTD_TINH after CSTDCS three years running.
        none("SELECT count(*) FROM awards a WHERE a.form_code = 'CSTD_TINH' AND (SELECT count(*) FROM awards c "
             "WHERE c.person_id = a.person_id AND c.form_code = 'CSTDCS' AND c.year BETWEEN a.year - 2 AND a.year) <> 3");
        // BK_TINH for a person: CSTDCS two years running, or HTXSNV two years with two initiatives used for it.
        none("SELECT count(*) FROM awards a WHERE a.form_code = 'BK_TINH' AND a.kind = 'cong_trang' AND a.person_id IS NOT NULL "
             "AND (SELECT count(*) FROM awards c WHERE c.person_id = a.person_id AND c.form_code = 'CSTDCS' "
             "AND c.year IN (a.year, a.year - 1)) < 2 AND ((SELECT count(*) FROM ratings r WHERE r.person_id = a.person_id "
             "AND r.rating = 'HTXSNV' AND r.year IN (a.year, a.year - 1)) < 2 OR (SELECT count(*) FROM initiatives i "
             "WHERE i.used_for_award_id = a.id) < 2)");
        // BK_TTG at least five years after a BK_TINH.
        none("SELECT count(*) FROM awards a WHERE a.form_code = 'BK_TTG' AND NOT EXISTS (SELECT 1 FROM awards b "
             "WHERE b.person_id = a.person_id AND b.form_code = 'BK_TINH' AND b.kind = 'cong_trang' AND b.year <= a.year - 5)");
        // Initiatives serve one award, of one of their holders, for a year not before their recognition.
        none("SELECT count(*) FROM initiatives i JOIN awards a ON a.id = i.used_for_award_id WHERE a.form_code NOT IN "
             "('CSTDCS', 'BK_TINH') OR CAST(SUBSTR(i.decision_date, 1, 4) AS INTEGER) > a.year OR NOT EXISTS (SELECT 1 FROM "
             "initiative_holders h WHERE h.initiative_id = i.id AND h.person_id = a.person_id)");
        none("SELECT count(*) FROM initiatives i WHERE NOT EXISTS (SELECT 1 FROM initiative_holders h WHERE h.initiative_id = i.id)");
        // Collectives: TTLDXS only in HTXSNV years, TTLDTT only in years rated HTTNV or better.
        none("SELECT count(*) FROM awards a LEFT JOIN ratings r ON r.unit_id = a.unit_id AND r.year = a.year "
             "WHERE (a.form_code = 'TTLDXS' AND (r.rating IS NULL OR r.rating <> 'HTXSNV')) "
             "OR (a.form_code = 'TTLDTT' AND (r.rating IS NULL OR r.rating NOT IN ('HTXSNV', 'HTTNV')))");
        none("SELECT count(*) FROM awards WHERE form_code IN ('TTLDTT', 'TTLDXS', 'CO_TD_TINH') AND unit_id IS NULL");
        none("SELECT count(*) FROM awards WHERE form_code IN ('LDTT', 'CSTDCS', 'CSTD_TINH') AND person_id IS NULL");
        // Cờ thi đua: one per bloc and year at most, to a bloc member with TTLDXS that year.
        none("SELECT count(*) FROM awards a JOIN units u ON u.id = a.unit_id WHERE a.form_code = 'CO_TD_TINH' AND "
             "(u.bloc_id IS NULL OR NOT EXISTS (SELECT 1 FROM awards x WHERE x.unit_id = a.unit_id AND x.year = a.year "
             "AND x.form_code = 'TTLDXS'))");
        none("SELECT count(*) FROM (SELECT u.bloc_id, a.year FROM awards a JOIN units u ON u.id = a.unit_id "
             "WHERE a.form_code = 'CO_TD_TINH' GROUP BY u.bloc_id, a.year HAVING count(*) > 1) x");
        // Regular-track decisions come early the next year, with a number and a signer.
        none("SELECT count(*) FROM awards WHERE kind = 'cong_trang' AND form_code <> 'BK_TTG' AND "
             "(CAST(SUBSTR(decision_date, 1, 4) AS INTEGER) <> year + 1 OR SUBSTR(decision_date, 6, 2) > '03')");
        none("SELECT count(*) FROM awards WHERE decision_no NOT LIKE '%/QĐ-%' OR authority IS NULL OR authority = ''");
        none("SELECT count(*) FROM awards WHERE kind = 'dot_xuat' AND note IS NULL");
        // Theo đợt awards point at the catalogue movement when the database has it.
        none("SELECT count(*) FROM awards a WHERE a.kind = 'theo_dot' AND EXISTS (SELECT 1 FROM movements m WHERE "
             "m.ext_key = 'catalogue-002') AND NOT EXISTS (SELECT 1 FROM movements m WHERE m.id = a.movement_id "
             "AND m.ext_key = 'catalogue-002')");
        none("SELECT count(*) FROM awards WHERE kind <> 'theo_dot' AND movement_id IS NOT NULL");
        // Disciplines last twelve months.
        for (const QString &row : rows(db, QStringLiteral("SELECT start_date, end_date, kind FROM disciplines"))) {
            const QStringList f = row.split(QLatin1Char('|'));
            CHECK(QDate::fromString(f[0], Qt::ISODate).addMonths(12) == QDate::fromString(f[1], Qt::ISODate));
            CHECK((f[2] == QLatin1String("khien_trach") || f[2] == QLatin1String("canh_cao")));
        }
    });
}

TEST_CASE("demoRefusesNonEmptyDatabase_leavesItUnchanged")
{
    Test::forEachBackend([](TestDatabase &t) {
        Core::Database &db = t.db();
        // Impossible sizes are refused before anything is written.
        for (auto [units, people] : {std::pair{6, 10}, std::pair{10001, 10}, std::pair{20, -1}, std::pair{20, 1000001}}) {
            Core::DemoOptions o = smallProvince();
            o.units = units;
            o.people = people;
            CHECK_THROWS_AS(Core::Demo::generate(db, o), Core::Error);
        }
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM units")) == 0);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM blocs")) == 0);

        Core::DemoOptions o = smallProvince();
        o.units = 7;
        o.people = 40;
        Core::Demo::generate(db, o);
        const QStringList before = dump(db);
        try {
            Core::Demo::generate(db, smallProvince(99));
            FAIL("a database with units was accepted");
        } catch (const Core::Error &e) {
            CHECK(e.message().contains(QStringLiteral("already has units")));
        }
        CHECK(firstDifference(dump(db), before) == -1);
    });
}

TEST_CASE("demoCccdUniqueAndTwelveDigits")
{
    Test::forEachBackend([](TestDatabase &t) {
        Core::Database &db = t.db();
        Core::Demo::generate(db, smallProvince());
        const QStringList people = rows(db, QStringLiteral("SELECT cccd, gender, birth_date FROM people WHERE cccd IS NOT NULL"));
        CHECK(people.size() > 90); // about half of 300
        CHECK(people.size() < 210);
        const QRegularExpression twelveDigits(QStringLiteral("^\\d{12}$"));
        QSet<QString> seen;
        for (const QString &row : people) {
            const QStringList f = row.split(QLatin1Char('|'));
            const QString &cccd = f[0];
            INFO(cccd.toStdString());
            CHECK(twelveDigits.match(cccd).hasMatch());
            CHECK_FALSE(seen.contains(cccd));
            seen.insert(cccd);
            // Digit 4 gives gender and century; digits 5–6 the birth year.
            const int year = f[2].left(4).toInt();
            const int expected = (year >= 2000 ? 2 : 0) + (f[1] == QLatin1String("female") ? 1 : 0);
            CHECK(cccd.mid(3, 1).toInt() == expected);
            CHECK(cccd.mid(4, 2).toInt() == year % 100);
        }
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM people WHERE birth_date < '1965-01-01' OR birth_date > '2000-12-31'"))
              == 0);
    });
}
