// Issue 13 item 7: the candidates sweep reads only the registry rows the in-force rules can look
// at (loadForSweep) and screens with states only (ruleVerdict). It must list exactly what the
// straightforward path (the whole registry, loadAll, evaluateRule) lists: same nominees, forms,
// verdicts, outcomes, progress, items to confirm, data to enter and "proposed" marks. On a demo
// province with its award season (proposals, bình xét minutes, confirmations), on both backends.
#include "demo_support.h"
#include "support/testdatabase.h"

#include "core/db/query.h"
#include "core/demo/demogenerator.h"
#include "core/eligibility/history.h"
#include "core/eligibility/ruleset.h"
#include "core/eligibility/rulesets.h"
#include "core/eligibility/sweep.h"

#include <catch2/catch.hpp>

#include <QDate>

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
        out << QStringList{QString::number(c.personId), QString::number(c.unitId), c.key, c.name, c.unitName, c.awardCode,
                           verdictCode(c.verdict), outcomeCode(c.outcome), c.progress, c.pending.join(QLatin1Char(';')),
                           c.missing.join(QLatin1Char(';')), c.proposed ? QStringLiteral("proposed") : QString()}
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
                // Not a vacuous pass: the province has nominees (a movement names fewer forms).
                CHECK(everything.size() > (m ? 10 : 100));
            }
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
    CHECK(n.formYears.value(QStringLiteral("LDTT")) == 1); // the members' share, the year alone
    CHECK(n.formYears.value(QStringLiteral("BK_TINH")) == INT_MAX); // any earlier one opens a chain
    CHECK(n.ratingsAfter.contains(QStringLiteral("BK_TINH")));
    CHECK(n.formsAfter.value(QStringLiteral("CSTDCS")).contains(QStringLiteral("BK_TINH")));
    CHECK_FALSE(n.formYears.contains(QStringLiteral("GIAYKHEN"))); // no condition counts it
}
