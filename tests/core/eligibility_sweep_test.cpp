// Issue 13 item 7: the candidates sweep reads only the registry rows the in-force rules can look
// at (loadForSweep) and screens with states only (ruleVerdict). It must list exactly what the
// straightforward path (the whole registry, loadAll, evaluateRule) lists: same nominees, forms,
// verdicts, outcomes, progress, items to confirm, data to enter and "proposed" marks. On a demo
// province with its award season (proposals, bình xét minutes, confirmations), on both backends.
#include "demo_support.h"
#include "eligibility_support.h"
#include "support/testdatabase.h"

#include "core/db/query.h"
#include "core/demo/demogenerator.h"
#include "core/eligibility/history.h"
#include "core/eligibility/ruleset.h"
#include "core/eligibility/rulesets.h"
#include "core/eligibility/sweep.h"
#include "core/registry/recordrepository.h"

#include <catch2/catch.hpp>

#include <QDate>
#include <QThread>

#include <algorithm>
#include <climits>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Eligibility;

namespace {
/// Every field of every row, one line each, sorted (the order is the sweep's own business).
QStringList lines(const QList<Candidate> &list)
{
    QStringList out;
    for (const Candidate &c : list)
        out << QStringList{QString::number(c.personId),
                           QString::number(c.unitId),
                           c.key,
                           c.name,
                           c.unitName,
                           c.awardCode,
                           verdictCode(c.verdict),
                           outcomeCode(c.outcome),
                           c.progress,
                           c.pending.join(QLatin1Char(';')),
                           c.missing.join(QLatin1Char(';')),
                           c.proposed ? QStringLiteral("proposed") : QString()}
                   .join(QLatin1Char('|'));
    out.sort();
    return out;
}

/// The rows on which the two paths differ, for a readable failure.
QStringList difference(const QStringList &a, const QStringList &b)
{
    QStringList out;
    for (const QString &l : a)
        if (!b.contains(l))
            out << QStringLiteral("only in the needed-rows sweep: ") + l;
    for (const QString &l : b)
        if (!a.contains(l))
            out << QStringLiteral("only in the whole-registry sweep: ") + l;
    return out.mid(0, 20);
}
} // namespace

TEST_CASE("sweepOnTheRowsTheRulesNeed_listsWhatTheWholeRegistrySweepLists", "[eligibility][sweep]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        DemoOptions options = Test::smallProvince(11);
        options.people = 600;
        Demo::generateProvince(t.db(), options);
        const qint64 movement = Test::scalar(t.db(), QStringLiteral("SELECT COALESCE(MIN(movement_id), 0) FROM dossiers"));
        // The last year (the season's), and a year with later records, which the cut leaves out
        // (the first rule set takes effect in 2024).
        for (const int year : {2025, 2024}) {
            for (const qint64 m : {qint64(0), movement}) {
                if (m == 0 && movement == 0 && year != 2025)
                    continue;
                INFO("year " << year << ", movement " << m);
                const QStringList needed = lines(sweepCandidates(t.db(), year, m, SweepLoad::Needed));
                const QStringList everything = lines(sweepCandidates(t.db(), year, m, SweepLoad::Everything));
                INFO(difference(needed, everything).join(QLatin1Char('\n')).toStdString());
                CHECK(needed == everything);
                // Summed up by the server, in shares of about 37 people (a unit never split).
                const QStringList streamed = lines(sweepCandidates(t.db(), year, m, SweepLoad::Streamed, {}, 37));
                INFO(difference(streamed, everything).join(QLatin1Char('\n')).toStdString());
                CHECK(streamed == everything);
                // Not a vacuous pass: the province has nominees (a movement names fewer forms).
                CHECK(everything.size() > (m ? 10 : 100));
            }
        }
    });
}

TEST_CASE("streamedSweep_listsWhatTheRowByRowSweepLists_forRecordsAtTheEdges", "[eligibility][sweep]")
{
    // The PostgreSQL sweep (Streamed) has the server write every person's ratings, awards and
    // initiatives as one short text and builds the people a few at a time (sweepstream.cpp).
    // Records at the edges of that text must come out as the row-by-row reading gives them.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::Office office(db);
        const qint64 ward = office.newUnit(QStringLiteral("Phường Bến Nghé"), QStringLiteral("commune_ward"));
        const qint64 empty = office.newUnit(QStringLiteral("Tổ không người"), QStringLiteral("department"));
        // Ratings in every year since 2006 (entries far back), titles, a chain after Bằng khen
        // tỉnh, and a special-occasion award (not regular-track) in the same year as a title.
        const qint64 veteran = office.person(QStringLiteral("Nguyễn Thị Ánh | tổ 3, khu 2."));
        office.rate(Subject::person(veteran), 2006, 2025, QStringLiteral("HTXSNV"));
        for (int y = 2010; y <= 2025; ++y)
            office.award(Subject::person(veteran), QStringLiteral("LDTT"), y);
        for (int y = 2019; y <= 2025; ++y)
            office.award(Subject::person(veteran), QStringLiteral("CSTDCS"), y);
        office.award(Subject::person(veteran), QStringLiteral("BK_TINH"), 2018);
        office.award(Subject::person(veteran), QStringLiteral("CSTD_TINH"), 2022);
        office.award(Subject::person(veteran), QStringLiteral("BK_TINH"), 2024, QStringLiteral("dot_xuat"));
        // Initiatives: one already used for an award, one of a province's level, one whose
        // decision date is not a date (commas and a bar: the text's own separators).
        const qint64 used = office.award(Subject::person(veteran), QStringLiteral("CSTDCS"), 2018);
        office.initiative(veteran, QStringLiteral("Sáng kiến đã dùng"), QStringLiteral("co_so"), 2018, used);
        office.initiative(veteran, QStringLiteral("Sáng kiến cấp tỉnh"), QStringLiteral("tinh"), 2025);
        const qint64 odd = office.initiative(veteran, QStringLiteral("Sáng kiến, ngày lạ"), QStringLiteral("co_so"), 2025);
        Query::run(db.sql(), QStringLiteral("UPDATE initiatives SET decision_date = '2025-1,0|1.x' WHERE id = %1").arg(odd));
        // Two members of the ward (the unit's share of titled members), one disciplined, one
        // whose LĐTT came with a campaign (theo đợt: no title for the share).
        const qint64 first = office.person(QStringLiteral("Trần Văn Bình"), ward, QStringLiteral("nguoi_lao_dong"));
        const qint64 second = office.person(QStringLiteral("Lê Thị Cúc"), ward, QStringLiteral("vien_chuc"));
        for (const qint64 p : {first, second}) {
            office.rate(Subject::person(p), 2023, 2025, QStringLiteral("HTTNV"));
            office.award(Subject::person(p), QStringLiteral("LDTT"), 2025,
                         p == first ? QStringLiteral("theo_dot") : QStringLiteral("cong_trang"));
        }
        office.discipline(Subject::person(second), QStringLiteral("khien_trach"), QDate(2025, 3, 1), QDate(2025, 9, 30));
        office.rate(Subject::unit(ward), 2021, 2025, QStringLiteral("HTXSNV"));
        office.award(Subject::unit(ward), QStringLiteral("TTLDTT"), 2024);
        office.rate(Subject::unit(empty), 2025, 2025, QStringLiteral("HTXSNV"));
        office.person(QStringLiteral("Phạm Văn Không Hồ Sơ")); // no records at all
        for (const int year : {2025, 2024}) {
            INFO("year " << year);
            const QStringList everything = lines(sweepCandidates(db, year, 0, SweepLoad::Everything));
            const QStringList needed = lines(sweepCandidates(db, year, 0, SweepLoad::Needed));
            // One person a share: the ward's two members still come in one share with the ward.
            const QStringList streamed = lines(sweepCandidates(db, year, 0, SweepLoad::Streamed, {}, 1));
            INFO(difference(streamed, everything).join(QLatin1Char('\n')).toStdString());
            CHECK(streamed == everything);
            CHECK(needed == everything);
            // Not vacuous: the veteran is listed with progress counted from the far years, and
            // the ward for a collective title judged on its members.
            CHECK(everything.filter(QStringLiteral("Nguyễn Thị Ánh | tổ 3, khu 2.")).size() >= 3);
            const QString wardRow = QStringLiteral("0|%1|").arg(ward);
            CHECK(std::any_of(everything.begin(), everything.end(), [&](const QString &l) { return l.startsWith(wardRow); }));
        }
    });
}

TEST_CASE("sweepNeeds_readsTheWindowsTheRulesCount_andNotTheFormsTheyNeverName", "[eligibility][sweep]")
{
    // The 2025 rules: a 2-year rating streak (Bằng khen tỉnh), 3 CSTĐCS in a row (CSTĐ tỉnh),
    // CSTĐ tỉnh twice 3 years apart (CSTĐ toàn quốc), and afterAward chains (Bằng khen TTg, HCLĐ).
    Test::TestDatabase t;
    const RuleSet set = RuleSets::inForce(t.open(), QDate(2025, 12, 31));
    std::vector<const AwardRule *> rules;
    for (const AwardRule &r : set.rules)
        rules.push_back(&r);
    const SweepNeeds n = sweepNeeds(set, rules, 2025);
    CHECK(n.ratingYears == 2);
    CHECK(n.formYears.value(QStringLiteral("CSTDCS")) == 3);
    CHECK(n.formYears.value(QStringLiteral("CSTD_TINH")) == 4);
    CHECK(n.formYears.value(QStringLiteral("LDTT")) == 1);          // the members' share, the year alone
    CHECK(n.formYears.value(QStringLiteral("BK_TINH")) == INT_MAX); // any earlier one opens a chain
    CHECK(n.ratingsAfter.contains(QStringLiteral("BK_TINH")));
    CHECK(n.formsAfter.value(QStringLiteral("CSTDCS")).contains(QStringLiteral("BK_TINH")));
    CHECK_FALSE(n.formYears.contains(QStringLiteral("GIAYKHEN"))); // no condition counts it
}

TEST_CASE("sweepReadsAwardsThroughIndexes_neverScanningTheAwardsTable", "[eligibility][sweep]")
{
    // SQLite, the clerk's PC: a million awards scanned, or visited row by row from an index
    // that lacks the owner and kind, was a third of the province's sweep (schema step 8).
    Test::TestDatabase t;
    Database &db = t.open();
    const RuleSet set = RuleSets::inForce(db, QDate(2025, 12, 31));
    std::vector<const AwardRule *> rules;
    for (const AwardRule &r : set.rules)
        rules.push_back(&r);
    const QStringList statements = sweepAwardStatements(sweepNeeds(set, rules, 2025));
    REQUIRE(statements.size() >= 3);
    for (const QString &sql : statements) {
        Query q(db.sql(), QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
        q.exec();
        QStringList plan;
        while (q.next())
            plan << q.text(3);
        INFO(sql.toStdString() << "\n" << plan.join(QLatin1Char('\n')).toStdString());
        for (const QString &step : plan) {
            CHECK_FALSE(step.startsWith(QLatin1String("SCAN a")));
            CHECK_FALSE(step.startsWith(QLatin1String("SCAN b")));
        }
        // By form: from the index alone. After a first award: by the owner's index.
        const bool byOwner = sql.contains(QLatin1String("JOIN awards a"));
        CHECK(plan.join(QLatin1Char('\n'))
                  .contains(byOwner ? QStringLiteral("USING INDEX awards_")
                                    : QStringLiteral("USING COVERING INDEX awards_form_year_owner")));
    }
}

TEST_CASE("sweepReportsProgressOnTheCallersThreadOnly_upToEveryone", "[eligibility][sweep]")
{
    // The rules run on every core; a GUI's progress callback touches its widgets, so it must
    // never be called from another thread. Two sweeps list the same rows in the same order.
    Test::TestDatabase t;
    DemoOptions options = Test::smallProvince(5);
    options.people = 300;
    Demo::generateProvince(t.open(), options);
    QThread *const caller = QThread::currentThread();
    int calls = 0, lastDone = -1, lastTotal = -1;
    bool otherThread = false;
    const QList<Candidate> first = sweepCandidates(t.db(), 2025, 0, SweepLoad::Needed, [&](int done, int total) {
        otherThread = otherThread || QThread::currentThread() != caller;
        ++calls;
        lastDone = done;
        lastTotal = total;
    });
    CHECK_FALSE(otherThread);
    CHECK(calls >= 10);     // about a hundred steps, about half of them met on this thread
    CHECK(lastTotal > 300); // people and units
    CHECK(lastDone == lastTotal);
    // In the set's award order, each award's rows by key (rearranged in place after the sweep).
    QStringList blocks;
    for (int i = 0; i < first.size(); ++i) {
        const Candidate &c = first.at(i);
        if (i == 0 || c.awardCode != first.at(i - 1).awardCode) {
            CHECK_FALSE(blocks.contains(c.awardCode)); // one block per award
            blocks << c.awardCode;
        } else {
            CHECK(first.at(i - 1).key < c.key);
        }
    }
    const QStringList setOrder = RuleSets::inForce(t.db(), QDate(2025, 12, 31)).codes();
    QStringList expectedOrder = setOrder;
    expectedOrder.erase(
        std::remove_if(expectedOrder.begin(), expectedOrder.end(), [&](const QString &c) { return !blocks.contains(c); }),
        expectedOrder.end());
    CHECK(blocks == expectedOrder);
    const QList<Candidate> second = sweepCandidates(t.db(), 2025, 0, SweepLoad::Needed);
    REQUIRE(first.size() == second.size());
    REQUIRE(first.size() > 100);
    for (int i = 0; i < first.size(); ++i) {
        INFO("row " << i);
        CHECK(first.at(i).key == second.at(i).key);
        CHECK(first.at(i).awardCode == second.at(i).awardCode);
        CHECK(first.at(i).progress == second.at(i).progress);
    }
}
