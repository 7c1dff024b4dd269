// Issue 13 item 6: facts of a person (or unit) and a year count for every award form once
// confirmed, and a unit's bình xét minutes confirm them for everyone they name in one step
// (schema step 7). Through ConfirmationRepository, MinutesRepository and Eligibility::Service,
// the code the GUI and the CLI call; every test runs on both backends.
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/eligibility/minutesrepository.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/store/migrations.h"
#include "tests/support/testdatabase.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

#include <tuple>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Eligibility;
using Test::WorkflowFixture;

namespace {
/// A civil servant with HTXSNV in 2024–2025 and an initiative in 2025: the registry qualifies
/// them for LĐTT and CSTĐCS of 2025; only the qualitative items wait for the clerk.
qint64 strongPerson(WorkflowFixture &o, const QString &name = QStringLiteral("Nguyễn Văn An"), qint64 unit = 0)
{
    const qint64 id = o.person(name, unit);
    o.rate(Subject::person(id), 2024, 2025, QStringLiteral("HTXSNV"));
    o.initiative(id, QStringLiteral("Sổ tay số %1").arg(name), QStringLiteral("co_so"), 2025);
    return id;
}

Request requestFor(const Subject &s, const QString &award, int year)
{
    Request r;
    r.personId = s.personId;
    r.unitId = s.unitId;
    r.awardCode = award;
    r.year = year;
    return r;
}

const Candidate *candidate(const QList<Candidate> &list, qint64 personId, const QString &award)
{
    for (const Candidate &c : list)
        if (c.personId == personId && c.awardCode == award)
            return &c;
    return nullptr;
}

ReviewMinutes minutesOf(qint64 unit, const QList<Subject> &named, int year = 2025)
{
    ReviewMinutes m;
    m.unitId = unit;
    m.year = year;
    m.date = QDate(year + 1, 1, 12);
    m.number = QStringLiteral("03/BB-HĐTĐKT");
    m.attendees = QStringLiteral("Hội đồng Thi đua - Khen thưởng Sở (7/7 thành viên)");
    m.subjects = named;
    return m;
}
} // namespace

TEST_CASE("yearFactTickedForCstdcs_isMetForLdttOfTheSameYearToo", "[eligibility][minutes]")
{
    // The defect: two ticks made a person eligible for CSTĐCS while the same two facts stayed
    // open for LĐTT of the same year.
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const Subject p = Subject::person(strongPerson(o));
        const Result cstdcs = o.check(p, QStringLiteral("CSTDCS"), 2025);
        REQUIRE(cstdcs.verdict == Verdict::NeedsReview);
        REQUIRE(o.check(p, QStringLiteral("LDTT"), 2025).verdict == Verdict::NeedsReview);
        const QStringList twoTicks{QStringLiteral("khong-dang-xem-xet"), QStringLiteral("tinh-than")};
        for (const QString &item : twoTicks)
            REQUIRE(Test::confirmAll(cstdcs).contains(item));

        // Ticked on CSTĐCS, the way the eligibility tab and `confirm` do it.
        Service service(t.db());
        for (const QString &item : twoTicks)
            service.confirm(requestFor(p, QStringLiteral("CSTDCS"), 2025), item, true, QStringLiteral("Biên bản họp tổ"));
        CHECK(o.check(p, QStringLiteral("CSTDCS"), 2025).verdict == Verdict::Eligible);
        const Result ldtt = o.check(p, QStringLiteral("LDTT"), 2025);
        CHECK(ldtt.verdict == Verdict::Eligible);
        const ConditionResult *spirit = Test::find(ldtt.conditions, QStringLiteral("tinh-than"));
        REQUIRE(spirit);
        CHECK(spirit->confirmation.source == Confirmation::Source::Saved);
        CHECK(spirit->confirmation.note == QStringLiteral("Biên bản họp tổ"));
        // The whole tab (evaluateAll) and the sweep agree.
        for (const Result &r : service.evaluateAll(p.personId, 0, 2025))
            if (r.awardCode == QLatin1String("LDTT") || r.awardCode == QLatin1String("CSTDCS"))
                CHECK(r.verdict == Verdict::Eligible);
        const QList<Candidate> sweep = service.candidates(2025);
        REQUIRE(candidate(sweep, p.personId, QStringLiteral("LDTT")));
        CHECK(candidate(sweep, p.personId, QStringLiteral("LDTT"))->verdict == Verdict::Eligible);
        CHECK(candidate(sweep, p.personId, QStringLiteral("CSTDCS"))->verdict == Verdict::Eligible);
        // A fact of 2025 says nothing about 2024.
        CHECK(o.check(p, QStringLiteral("LDTT"), 2024).verdict != Verdict::Eligible);
        // Stored once for the year, not per form; un-ticking it on LĐTT opens it for both.
        CHECK(o.count(QStringLiteral("eligibility_confirmations")) == 2);
        service.confirm(requestFor(p, QStringLiteral("LDTT"), 2025), QStringLiteral("tinh-than"), false, {});
        CHECK(o.check(p, QStringLiteral("CSTDCS"), 2025).verdict == Verdict::NeedsReview);
        CHECK(o.check(p, QStringLiteral("LDTT"), 2025).verdict == Verdict::NeedsReview);
    });
}

TEST_CASE("formItemConfirmation_staysWithItsForm", "[eligibility][minutes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        CHECK(ConfirmationRepository::isYearFact(QStringLiteral("tinh-than")));
        CHECK(ConfirmationRepository::isYearFact(QStringLiteral("khong-dang-xem-xet")));
        CHECK_FALSE(ConfirmationRepository::isYearFact(QStringLiteral("lua-chon")));    // a form's own selection
        CHECK_FALSE(ConfirmationRepository::isYearFact(QStringLiteral("de-tai-khcn"))); // a route
        // A form's own judgement (CSTĐCS's thesis route) saved for CSTĐCS is not stored for every form.
        const Subject p = Subject::person(o.person(QStringLiteral("Lê Văn Cường")));
        ConfirmationKey key;
        key.subject = p;
        key.awardCode = QStringLiteral("CSTDCS");
        key.year = 2025;
        key.itemId = QStringLiteral("de-tai-khcn");
        CHECK(ConfirmationRepository(t.db()).save(key, true, QStringLiteral("QĐ nghiệm thu 12/QĐ-SKHCN")).key.awardCode
              == QStringLiteral("CSTDCS"));
        const GivenConfirmations given = ConfirmationRepository(t.db()).effective(p, 2025, 0);
        CHECK(forAward(given, QStringLiteral("CSTDCS")).contains(QStringLiteral("de-tai-khcn")));
        CHECK_FALSE(forAward(given, QStringLiteral("LDTT")).contains(QStringLiteral("de-tai-khcn")));
    });
}

TEST_CASE("minutesConfirmEveryNomineeTheyName_inOneStep_withTheMinutesAsEvidence", "[eligibility][minutes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const qint64 a = strongPerson(o, QStringLiteral("Nguyễn Văn An"));
        const qint64 b = strongPerson(o, QStringLiteral("Trần Thị Bình"));
        const qint64 c = strongPerson(o, QStringLiteral("Phạm Văn Chung")); // not named
        MinutesRepository repo(t.db());
        const ReviewMinutes saved = repo.add(minutesOf(o.unit, {Subject::person(a), Subject::person(b)}));
        CHECK_FALSE(saved.key.isEmpty());
        CHECK(saved.subjects.size() == 2);
        CHECK(repo.byKey(saved.key)->number == QStringLiteral("03/BB-HĐTĐKT"));
        CHECK(saved.evidence().contains(QStringLiteral("03/BB-HĐTĐKT")));
        CHECK(saved.evidence().contains(QStringLiteral("12/01/2026")));

        const MinutesConfirmation done = repo.confirmFrom(saved.id);
        CHECK(done.subjects == 2);
        CHECK(done.confirmed == 2 * ConfirmationRepository::yearFactItems(false).size());
        for (const qint64 id : {a, b}) {
            for (const QString &award : {QStringLiteral("LDTT"), QStringLiteral("CSTDCS")}) {
                const Result r = o.check(Subject::person(id), award, 2025);
                CHECK(r.verdict == Verdict::Eligible);
                const ConditionResult *item = Test::find(r.conditions, QStringLiteral("khong-dang-xem-xet"));
                REQUIRE(item);
                CHECK(item->confirmation.note == saved.evidence());
            }
        }
        CHECK(o.check(Subject::person(c), QStringLiteral("LDTT"), 2025).verdict == Verdict::NeedsReview);
        const QList<Candidate> sweep = Service(t.db()).candidates(2025);
        CHECK(candidate(sweep, a, QStringLiteral("CSTDCS"))->verdict == Verdict::Eligible);
        CHECK(candidate(sweep, c, QStringLiteral("CSTDCS"))->verdict == Verdict::NeedsReview);
        // The rows name the minutes they came from; the minutes and their list are audited.
        Query q(t.db().sql(), QStringLiteral("SELECT count(*) FROM eligibility_confirmations WHERE minutes_id = :m"));
        q.bind(QStringLiteral(":m"), saved.id);
        CHECK(q.scalar().toInt() == done.confirmed);
        CHECK(
            Query(t.db().sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'review_minutes'")).scalar().toInt()
            == 1);
        CHECK(Query(t.db().sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'review_minutes_subjects'"))
                  .scalar()
                  .toInt()
              == 2);
        // Again: nothing new, everything confirmed already.
        const MinutesConfirmation again = repo.confirmFrom(saved.id);
        CHECK(again.confirmed == 0);
        CHECK(again.kept == done.confirmed);
    });
}

TEST_CASE("minutesConfirmation_keepsAConfirmationGivenByHand_andOnlyForThoseChosen", "[eligibility][minutes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const Subject a = Subject::person(strongPerson(o, QStringLiteral("Nguyễn Văn An")));
        const Subject b = Subject::person(strongPerson(o, QStringLiteral("Trần Thị Bình")));
        const Subject outsider = Subject::person(strongPerson(o, QStringLiteral("Phạm Văn Chung")));
        Service(t.db()).confirm(requestFor(a, QStringLiteral("LDTT"), 2025), QStringLiteral("tinh-than"), true,
                                QStringLiteral("Nhận xét của thủ trưởng"));
        MinutesRepository repo(t.db());
        const ReviewMinutes m = repo.add(minutesOf(o.unit, {a, b}));
        // Someone the minutes do not name: refused, nothing confirmed.
        CHECK(Test::errorOf([&] { repo.confirmFrom(m.id, {a, outsider}); }).contains(m.key));
        CHECK(o.count(QStringLiteral("eligibility_confirmations")) == 1);

        const MinutesConfirmation done = repo.confirmFrom(m.id, {a});
        CHECK(done.kept == 1);
        const ConditionResult *spirit = Test::find(o.check(a, QStringLiteral("LDTT"), 2025).conditions, QStringLiteral("tinh-than"));
        REQUIRE(spirit);
        CHECK(spirit->confirmation.note == QStringLiteral("Nhận xét của thủ trưởng"));
        CHECK(o.check(b, QStringLiteral("LDTT"), 2025).verdict == Verdict::NeedsReview);
    });
}

TEST_CASE("minutesWithBadInput_areRefusedWithAReason_andStoreNothing", "[eligibility][minutes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const qint64 other = o.newUnit(QStringLiteral("Sở Tài chính"));
        const Subject mine = Subject::person(o.person(QStringLiteral("Nguyễn Văn An")));
        const Subject theirs = Subject::person(o.person(QStringLiteral("Lê Thị Hoa"), other));
        MinutesRepository repo(t.db());
        CHECK(Test::errorOf([&] { repo.add(minutesOf(o.unit, {})); }).contains(QStringLiteral("name nobody")));
        CHECK(Test::errorOf([&] { repo.add(minutesOf(o.unit, {mine, theirs})); }).contains(QStringLiteral("Lê Thị Hoa")));
        CHECK(Test::errorOf([&] { repo.add(minutesOf(o.unit, {mine, mine})); }).contains(QStringLiteral("twice")));
        ReviewMinutes early = minutesOf(o.unit, {mine});
        early.date = QDate(2024, 12, 30); // before the year it reviews
        CHECK(Test::errorOf([&] { repo.add(early); }).contains(QStringLiteral("2025")));
        CHECK(Test::errorOf([&] { repo.add(minutesOf(0, {mine})); }).contains(QStringLiteral("unit")));
        CHECK(o.count(QStringLiteral("review_minutes")) == 0);
        CHECK(o.count(QStringLiteral("review_minutes_subjects")) == 0);
        ReviewMinutes keyed = minutesOf(o.unit, {mine});
        keyed.key = QStringLiteral("BB-01");
        repo.add(keyed);
        CHECK(Test::errorOf([&] { repo.add(keyed); }).contains(QStringLiteral("BB-01")));
        CHECK(o.count(QStringLiteral("review_minutes")) == 1);
    });
}

TEST_CASE("minutes_clerkRecordsAndReadsOnlyTheirSubtree", "[eligibility][minutes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const qint64 other = o.newUnit(QStringLiteral("Sở Tài chính"));
        const Subject mine = Subject::person(o.person(QStringLiteral("Nguyễn Văn An")));
        const Subject theirs = Subject::person(o.person(QStringLiteral("Lê Thị Hoa"), other));
        MinutesRepository repo(t.db());
        const ReviewMinutes otherMinutes = repo.add(minutesOf(other, {theirs}));
        o.as(QStringLiteral("clerk"), o.unit);
        CHECK_THROWS_AS(repo.add(minutesOf(other, {theirs})), PermissionError);
        CHECK_THROWS_AS(repo.confirmFrom(otherMinutes.id), Error); // not even visible to this clerk
        CHECK(o.count(QStringLiteral("eligibility_confirmations")) == 0);
        const ReviewMinutes own = repo.add(minutesOf(o.unit, {mine}));
        const QList<ReviewMinutes> seen = repo.list(2025);
        REQUIRE(seen.size() == 1);
        CHECK(seen.first().key == own.key);
        CHECK_FALSE(repo.byKey(otherMinutes.key));
        CHECK(repo.naming(mine, 2025).size() == 1);
        CHECK(repo.confirmFrom(own.id).subjects == 1);
        o.asNobody();
        CHECK(repo.list(2025).size() == 2);
    });
}

TEST_CASE("unitMinutes_confirmAUnitsFactsOfTheYear_forEveryCollectiveForm", "[eligibility][minutes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const qint64 team = o.newUnit(QStringLiteral("Phòng Tổ chức"));
        Unit u = *UnitRepository(t.db()).get(team);
        u.parentId = o.unit;
        UnitRepository(t.db()).save(u);
        MinutesRepository repo(t.db());
        const ReviewMinutes m = repo.add(minutesOf(o.unit, {Subject::unit(team)}));
        CHECK(repo.confirmFrom(m.id).confirmed == ConfirmationRepository::yearFactItems(true).size());
        const GivenConfirmations given = ConfirmationRepository(t.db()).effective(Subject::unit(team), 2025, 0);
        for (const QString &award : {QStringLiteral("TTLDTT"), QStringLiteral("TTLDXS")})
            CHECK(forAward(given, award).contains(QStringLiteral("phong-trao-doan-ket")));
    });
}

TEST_CASE("versionSixConfirmationsOfAYearFact_becomeOneRowForEveryForm_andStayAudited", "[eligibility][minutes][migrations]")
{
    for (const Backend backend : Test::TestDatabase::backends()) {
        DYNAMIC_SECTION(Test::TestDatabase::backendName(backend).toStdString())
        {
            Test::TestDatabase t(backend);
            {
                Database old(t.settings(), Database::NoMigrate{});
                Migrations::migrate(old, 6);
                Query::run(old.sql(), QStringLiteral("INSERT INTO units (ext_key, name, kind, search_key) "
                                                     "VALUES ('U1', 'Sở Nội vụ', 'provincial_agency', 'so noi vu')"));
                Query::run(old.sql(),
                           QStringLiteral("INSERT INTO people (ext_key, full_name, given_name, unit_id, category, search_key) "
                                          "SELECT 'P1', 'Nguyễn Văn An', 'An', id, 'cong_chuc', 'nguyen van an' FROM units"));
                // The same fact ticked for two forms (the old way), and a form's own item.
                for (const auto &[form, item, at] : {std::tuple{"LDTT", "tinh-than", "2026-01-10T08:00:00.000Z"},
                                                     std::tuple{"CSTDCS", "tinh-than", "2026-01-12T08:00:00.000Z"},
                                                     std::tuple{"CSTDCS", "de-tai-khcn", "2026-01-12T08:00:00.000Z"}})
                    Query::run(old.sql(),
                               QStringLiteral("INSERT INTO eligibility_confirmations (person_id, form_code, year, item_id, "
                                              "confirmed, evidence, confirmed_by, confirmed_at) SELECT id, '%1', 2025, '%2', 1, "
                                              "'Biên bản %1', 'clerk1', '%3' FROM people")
                                   .arg(QLatin1String(form), QLatin1String(item), QLatin1String(at)));
            }
            Database &db = t.open();
            REQUIRE(db.schemaVersion() == Migrations::latestVersion());
            const qint64 person = PersonRepository(db).idForKey(QStringLiteral("P1"));
            const QList<SavedConfirmation> rows = ConfirmationRepository(db).forNominee(Subject::person(person), 2025);
            REQUIRE(rows.size() == 2);
            CHECK(rows.at(0).key.awardCode.isEmpty()); // the fact, for every form: the later tick won
            CHECK(rows.at(0).evidence == QStringLiteral("Biên bản CSTDCS"));
            CHECK(rows.at(1).key.awardCode == QStringLiteral("CSTDCS"));
            const GivenConfirmations given = ConfirmationRepository(db).effective(Subject::person(person), 2025, 0);
            CHECK(forAward(given, QStringLiteral("LDTT")).contains(QStringLiteral("tinh-than")));
            // Un-ticking the migrated row works, and is audited like any change.
            ConfirmationKey key;
            key.subject = Subject::person(person);
            key.awardCode = QStringLiteral("LDTT");
            key.year = 2025;
            key.itemId = QStringLiteral("tinh-than");
            CHECK_FALSE(ConfirmationRepository(db).save(key, false, {}).confirmed);
            CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'eligibility_confirmations' "
                                                 "AND action IN ('delete', 'update')"))
                      .scalar()
                      .toInt()
                  == 3); // the folded duplicate, the form cleared, the un-tick
        }
    }
}

namespace {
/// confirmFrom as it was before its batch path (issue 15 item 6): ConfirmationRepository::get
/// and save item by item, the one writer of a clerk's ticks. The reference the batch must match.
MinutesConfirmation confirmItemByItem(Database &db, const ReviewMinutes &m, const QList<Subject> &subjects)
{
    ConfirmationRepository store(db);
    MinutesConfirmation done;
    Transaction tx(db.sql());
    for (const Subject &s : subjects) {
        bool any = false;
        for (const QString &item : ConfirmationRepository::yearFactItems(!s.isPerson())) {
            ConfirmationKey key;
            key.subject = s;
            key.year = m.year;
            key.itemId = item;
            const std::optional<SavedConfirmation> stored = store.get(key);
            if (stored && stored->confirmed) {
                ++done.kept;
                continue;
            }
            store.save(key, true, m.evidence(), -1, m.id);
            ++done.confirmed;
            any = true;
        }
        if (any)
            ++done.subjects;
    }
    tx.commit();
    return done;
}

/// Every stored confirmation but its id and time (a sequence and a clock differ between runs),
/// and how many audit rows of each action the table has.
QStringList confirmationsAndAudit(Database &db)
{
    QStringList out;
    Query rows(db.sql(), QStringLiteral("SELECT person_id, unit_id, form_code, year, movement_id, item_id, confirmed, evidence, "
                                        "confirmed_by, version, minutes_id FROM eligibility_confirmations "
                                        "ORDER BY COALESCE(person_id, 0), COALESCE(unit_id, 0), item_id"));
    rows.exec();
    while (rows.next()) {
        QStringList row;
        for (int c = 0; c < 11; ++c)
            row << (rows.value(c).isNull() ? QStringLiteral("NULL") : rows.text(c));
        out << row.join(QLatin1Char('|'));
    }
    Query audit(db.sql(), QStringLiteral("SELECT action, count(*) FROM audit_log WHERE table_name = 'eligibility_confirmations' "
                                         "GROUP BY action ORDER BY action"));
    audit.exec();
    while (audit.next())
        out << QStringLiteral("audit %1: %2").arg(audit.text(0), audit.text(1));
    return out;
}
} // namespace

TEST_CASE("confirmFromMinutes_batch_yieldsWhatSavingItemByItemYields", "[eligibility][minutes]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const qint64 team = o.newUnit(QStringLiteral("Phòng Tổ chức"));
        Unit u = *UnitRepository(t.db()).get(team);
        u.parentId = o.unit;
        UnitRepository(t.db()).save(u);
        const Subject a = Subject::person(strongPerson(o, QStringLiteral("Nguyễn Văn An")));
        const Subject b = Subject::person(strongPerson(o, QStringLiteral("Trần Thị Bình")));
        const Subject c = Subject::person(strongPerson(o, QStringLiteral("Phạm Văn Chung"), team));
        // Ticked by hand (kept, with its own note), and ticked then taken back (ticked again:
        // an UPDATE of the stored row, not a new one).
        Service service(t.db());
        service.confirm(requestFor(a, QStringLiteral("LDTT"), 2025), QStringLiteral("tinh-than"), true,
                        QStringLiteral("Nhận xét của thủ trưởng"));
        ConfirmationKey fact;
        fact.subject = b;
        fact.year = 2025;
        fact.itemId = QStringLiteral("chap-hanh");
        ConfirmationRepository(t.db()).save(fact, true, QStringLiteral("Báo cáo"));
        ConfirmationRepository(t.db()).save(fact, false, {});
        MinutesRepository repo(t.db());
        const ReviewMinutes m = repo.add(minutesOf(o.unit, {a, b, Subject::unit(team), c}));
        REQUIRE(m.subjects.size() == 4);

        // Some of them first (one chosen twice), then all: each time the item-by-item way in a
        // transaction rolled back, then the batch for real, from the same state.
        for (const QList<Subject> &only : {QList<Subject>{b, c, c}, QList<Subject>{}}) {
            QStringList expected;
            MinutesConfirmation reference;
            {
                Transaction undo(t.db().sql());
                reference = confirmItemByItem(t.db(), m, only.isEmpty() ? m.subjects : only);
                expected = confirmationsAndAudit(t.db());
            }
            const MinutesConfirmation done = repo.confirmFrom(m.id, only);
            CHECK(done.subjects == reference.subjects);
            CHECK(done.confirmed == reference.confirmed);
            CHECK(done.kept == reference.kept);
            CHECK(confirmationsAndAudit(t.db()) == expected);
        }
        CHECK(o.count(QStringLiteral("eligibility_confirmations")) == 4 * 3 + 3);
    });
}
