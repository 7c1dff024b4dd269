// Replays, in the normal build, what the fuzz targets (tests/fuzz) were fed: every seed of
// their corpora and every input a fuzz run ever crashed on (tests/data/fuzz-regressions/<target>),
// through the same code (tests/fuzz/fuzztargets.h). Each must end in acceptance or a Core::Error
// with the invariants intact, never a crash or another exception. The seeds also pin what the
// harness is worth: the valid ones must be accepted (a harness that refused everything would let
// the fuzzer explore nothing past the reader), the malformed ones refused.
#include "fuzz/fuzztargets.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

using namespace VinhDanh;
using Fuzz::Outcome;

namespace {

struct Input
{
    QString name;
    QByteArray bytes;
    bool seed = false;
};

/// The seeds of `target`, then its regression inputs (the latter may be none).
std::vector<Input> inputs(const char *target)
{
    std::vector<Input> all;
    const auto read = [&](const QString &folder, bool seed) {
        const QDir dir(folder);
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            REQUIRE(file.open(QIODevice::ReadOnly));
            all.push_back({name, file.readAll(), seed});
        }
    };
    read(QStringLiteral(VINHDANH_SOURCE_DIR "/tests/fuzz/corpus/") + QLatin1String(target), true);
    REQUIRE(all.size() >= 5); // the corpus is there: the replay cannot pass by finding nothing
    read(QStringLiteral(VINHDANH_SOURCE_DIR "/tests/data/fuzz-regressions/") + QLatin1String(target), false);
    return all;
}

/// Replays every input of `target` through `load`; seeds named in `valid` must be accepted,
/// the other seeds refused.
template<typename Load>
void replay(const char *target, const QStringList &valid, Load load)
{
    for (const Input &in : inputs(target)) {
        INFO(target << "/" << in.name.toStdString());
        Outcome outcome = Outcome::Refused;
        REQUIRE_NOTHROW(outcome = load(in.bytes));
        if (in.seed)
            CHECK(outcome == (valid.contains(in.name) ? Outcome::Accepted : Outcome::Refused));
    }
}

} // namespace

TEST_CASE("fuzzInputs_ruleSetLoader_acceptsValidSeedsAndRefusesTheRestWithAnError", "[fuzz][eligibility]")
{
    replay("fuzz_ruleset",
           {QStringLiteral("valid.json"), QStringLiteral("every-condition-type.json"), QStringLiteral("movement-share-count.json")},
           Fuzz::loadRuleSet);
}

TEST_CASE("fuzzInputs_movementLoader_acceptedMovementsReadBackAndRender", "[fuzz][catalogue]")
{
    replay("fuzz_movement", {QStringLiteral("catalogue-000.json"), QStringLiteral("every-part.json"), QStringLiteral("minimal.json")},
           Fuzz::loadMovement);
}

TEST_CASE("fuzzInputs_spreadsheetReaders_readValidListsAndRefuseTheRestWithAnError", "[fuzz][tables]")
{
    replay("fuzz_tables",
           {QStringLiteral("staff.csv"), QStringLiteral("comma.csv"), QStringLiteral("tab.csv"), QStringLiteral("utf16.csv"),
            QStringLiteral("list.xlsx"), QStringLiteral("list.docx")},
           Fuzz::loadTable);
}

TEST_CASE("fuzzInputs_interchangeImporter_leavesTheDatabaseAsItWas", "[fuzz][interchange]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Fuzz::InterchangeHarness harness(t.open(), t.dir() + QStringLiteral("/input.json"));
        replay(
            "fuzz_interchange",
            {QStringLiteral("every-section.json"), QStringLiteral("version1-unchanged.json"), QStringLiteral("another-office.json")},
            [&](const QByteArray &bytes) { return harness.import(bytes); });
        // The seed of another office: refused until the clerk says whose it is, and accepted
        // both ways (the key-renaming path of another office's file runs).
        QFile other(QStringLiteral(VINHDANH_SOURCE_DIR "/tests/fuzz/corpus/fuzz_interchange/another-office.json"));
        REQUIRE(other.open(QIODevice::ReadOnly));
        const QByteArray bytes = other.readAll();
        CHECK(harness.importAs(bytes, Core::Interchange::FileOffice::Ask) == Fuzz::Outcome::Refused);
        CHECK(harness.importAs(bytes, Core::Interchange::FileOffice::Other) == Fuzz::Outcome::Accepted);
        CHECK(harness.importAs(bytes, Core::Interchange::FileOffice::Same) == Fuzz::Outcome::Accepted);
    });
}

// Found by fuzz_ruleset: a number too large for an int ("formatVersion": 1e100) was converted to
// int before its range was checked, undefined behaviour that UBSan reports (ruleset.cpp,
// Parser::number). The replay above cannot see undefined behaviour in this build; this pins
// the answer the clerk must get, and scripts/fuzz.sh replays the input under the sanitizers.
TEST_CASE("ruleSetImport_numberBeyondAnyRange_isRefusedNamingTheFieldAndItsRange", "[fuzz][eligibility]")
{
    QFile file(QStringLiteral(VINHDANH_SOURCE_DIR "/tests/data/fuzz-regressions/fuzz_ruleset/formatversion-1e100.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString message = Test::errorOf([&] { Core::Eligibility::parseRuleSet(file.readAll(), QStringLiteral("r.json")); });
    CHECK(message.contains(QLatin1String("\"formatVersion\" must be a whole number from 1 to 1000")));
}
