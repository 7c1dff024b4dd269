// Rule-set files: validation with line numbers, import, and the set in force.
#include "core/eligibility/eligibilityservice.h"
#include "core/error.h"
#include "eligibility_support.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <utility>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Eligibility;

namespace {
QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    QFile f(dir.filePath(name));
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text);
    return f.fileName();
}

// A small set taking effect in 2030: LĐTT needs HTXSNV.
const QByteArray kFuture = Test::minimalRuleSet(2030);
} // namespace

TEST_CASE("importedRuleSet_takesOverFromItsEffectiveDate_andIsStored", "[eligibility][rules]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        QTemporaryDir dir;
        Test::Office o(t.db());
        const Subject p = Subject::person(o.person(QStringLiteral("Tương Lai")));
        o.rate(p, 2029, 2030, QStringLiteral("HTTNV"));
        Service s(t.db());
        const RuleSetInfo info = s.importRuleSet(write(dir, QStringLiteral("future.json"), kFuture));
        CHECK(info.id == QStringLiteral("test-2030"));
        CHECK_FALSE(info.builtIn);
        CHECK(s.ruleSets().size() == 3);
        CHECK(o.check(p, QStringLiteral("LDTT"), 2029).ruleSet.id == QStringLiteral("luat-06-2022-nd-152-2025"));
        const Result r = o.check(p, QStringLiteral("LDTT"), 2030);
        CHECK(r.ruleSet.id == QStringLiteral("test-2030"));
        CHECK(r.verdict == Verdict::NotEligible); // HTTNV is not enough under the test set
        // The same id and version again is refused.
        CHECK(Test::errorOf([&] {
                  s.importRuleSet(write(dir, QStringLiteral("again.json"), kFuture));
              }).contains(QStringLiteral("already present")));
    });
}

TEST_CASE("importOfBadRuleSetFile_isRefusedNamingTheLine_andStoresNothing", "[eligibility][rules]")
{
    Test::TestDatabase t;
    t.open();
    QTemporaryDir dir;
    Service s(t.db());

    QByteArray syntax = kFuture;
    syntax.replace("\"years\": 1", "\"years\": 1,,"); // line 19
    QString e = Test::errorOf([&] { s.importRuleSet(write(dir, QStringLiteral("syntax.json"), syntax)); });
    CHECK(e.contains(QStringLiteral("syntax.json, line 19")));

    QByteArray type = kFuture;
    type.replace("\"type\": \"ratingStreak\"", "\"type\": \"ratingStrek\""); // line 16
    e = Test::errorOf([&] { s.importRuleSet(write(dir, QStringLiteral("type.json"), type)); });
    CHECK(e.contains(QStringLiteral("line 16")));
    CHECK(e.contains(QStringLiteral("ratingStrek")));

    QByteArray rating = kFuture;
    rating.replace("\"minRating\": \"HTXSNV\"", "\"minRating\": \"XUATSAC\""); // line 18
    e = Test::errorOf([&] { s.importRuleSet(write(dir, QStringLiteral("rating.json"), rating)); });
    CHECK(e.contains(QStringLiteral("line 18")));

    QByteArray code = kFuture;
    code.replace("\"code\": \"LDTT\"", "\"code\": \"NOBEL\""); // line 11
    e = Test::errorOf([&] { s.importRuleSet(write(dir, QStringLiteral("code.json"), code)); });
    CHECK(e.contains(QStringLiteral("line 11")));

    QByteArray missing = kFuture;
    missing.replace("        \"years\": 1\n", "        \"window\": 1\n"); // "years" missing: the condition starts on line 14
    e = Test::errorOf([&] { s.importRuleSet(write(dir, QStringLiteral("missing.json"), missing)); });
    CHECK(e.contains(QStringLiteral("line 14:")));

    CHECK(s.ruleSets().size() == 2); // nothing stored
}

TEST_CASE("builtInRuleSets_coverTheTwelveAwardCodes", "[eligibility][rules]")
{
    Test::TestDatabase t;
    t.open();
    Test::Office o(t.db());
    const Subject p = Subject::person(o.person(QStringLiteral("Đủ Mười Hai")));
    const Subject u = Subject::unit(o.unit);
    // Who receives each code under both built-in sets (resources/rules/*.json, docs/award-codes.md),
    // written out: a code missing from a set, or given to the wrong kind, fails here.
    struct Code
    {
        const char *code;
        bool individual, collective;
    };
    const Code codes[] = {{"LDTT", true, false},          {"CSTDCS", true, false},     {"CSTD_TINH", true, false},
                          {"CSTD_TOANQUOC", true, false}, {"TTLDTT", false, true},     {"TTLDXS", false, true},
                          {"GIAYKHEN", true, true},       {"BK_TINH", true, true},     {"BK_TTG", true, true},
                          {"HCLD_3", true, true},         {"CO_TD_TINH", false, true}, {"CO_TD_CP", false, true},
                          {"BK_BO", true, true},          {"HCLD_2", true, true},      {"HCLD_1", true, true}};
    // A year is checked on its 31 December: 2024 under Decree 98/2023, 2025 under Decree 152/2025.
    const std::pair<int, QString> sets[] = {{2024, QStringLiteral("luat-06-2022-nd-98-2023")},
                                            {2025, QStringLiteral("luat-06-2022-nd-152-2025")}};
    for (const Code &c : codes)
        for (const auto &inForce : sets)
            for (const bool collective : {false, true}) {
                const int year = inForce.first;
                const QString &set = inForce.second;
                const QString code = QString::fromLatin1(c.code);
                CAPTURE(code, year, collective);
                Eligibility::Result r;
                const QString error = Test::errorOf([&] { r = o.check(collective ? u : p, code, year); });
                REQUIRE(error.isEmpty()); // "has no rule for the award code" when a set lost it
                CHECK(r.awardCode == code);
                CHECK(r.ruleSet.id == set);
                CHECK_FALSE(r.awardName.isEmpty());
                REQUIRE_FALSE(r.conditions.isEmpty());
                // A code that is not for this kind of recipient answers only "who can receive it".
                const bool receives = collective ? c.collective : c.individual;
                const bool onlyWho = r.conditions.size() == 1 && r.conditions.first().id == QLatin1String("recipient")
                                     && r.conditions.first().explanation.contains(QStringLiteral("is not awarded to"));
                CHECK(onlyWho == !receives);
            }
    CHECK(Service(t.db()).evaluateAll(p.personId, 0, 2025).size() == 11);
    CHECK(Service(t.db()).evaluateAll(0, u.unitId, 2025).size() == 11);
}
