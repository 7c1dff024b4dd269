// The strict importer (issue 12): every malformed file of tests/data/malformed is refused with a
// message that names the record, the field and the problem, and the database stays exactly as
// it was (its export, its audit log, its rule sets). The same reader serves the interchange
// file, rule sets and movements. And an office's own export imports back as a no-op, even
// after a decision wrote ledger rows that no update may touch. Both backends.
#include "core/catalogue/movementjson.h"
#include "core/demo/demogenerator.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/eligibility/ruleset.h"
#include "core/error.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "core/registry/movementrepository.h"
#include "core/text/strictjson.h"
#include "demo_support.h"
#include "interchange_support.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using Test::readAll;
using Test::scalar;
using Test::writeAll;

namespace {
QString corpus(const char *name)
{
    return QStringLiteral(VINHDANH_SOURCE_DIR "/tests/data/malformed/") + QLatin1String(name);
}

/// What "the database is unchanged" means here: the same export, byte for byte, no new audit
/// rows, the same rule sets and the same record versions (units, people, awards, movements).
struct Snapshot
{
    QByteArray exported;
    qint64 audit = 0;
    qint64 ruleSets = 0;
    qint64 versions = 0;
};

/// One CHECK per part, so a failure says what changed.
void checkUnchanged(const Snapshot &before, const Snapshot &after)
{
    CHECK(after.exported == before.exported);
    CHECK(after.audit == before.audit);
    CHECK(after.ruleSets == before.ruleSets);
    CHECK(after.versions == before.versions);
}

Snapshot snapshot(Test::TestDatabase &t)
{
    static int n = 0;
    const QString path = t.dir() + QStringLiteral("/snapshot-%1.json").arg(++n);
    Interchange::exportTo(t.db(), path);
    Snapshot s;
    s.exported = readAll(path);
    s.audit = scalar(t.db(), QStringLiteral("SELECT count(*) FROM audit_log"));
    s.ruleSets = scalar(t.db(), QStringLiteral("SELECT count(*) FROM rule_sets"));
    s.versions = scalar(t.db(), QStringLiteral("SELECT (SELECT COALESCE(sum(version), 0) FROM units) + "
                                               "(SELECT COALESCE(sum(version), 0) FROM people) + "
                                               "(SELECT COALESCE(sum(version), 0) FROM awards) + "
                                               "(SELECT COALESCE(sum(version), 0) FROM movements)"));
    return s;
}

/// A small province: the file's own records would show in its export if anything got in.
void fill(Test::TestDatabase &t)
{
    Demo::generate(t.db(), {8, 20, 3, 2025});
}

/// Runs `action` (an import that must fail) on a filled database; checks that it threw and
/// changed nothing, and gives its message.
QString refused(Test::TestDatabase &t, const std::function<void()> &action)
{
    fill(t);
    const Snapshot before = snapshot(t);
    const QString message = Test::errorOf(action);
    CHECK_FALSE(message.isEmpty());
    checkUnchanged(before, snapshot(t));
    return message;
}

QString refusedImport(Test::TestDatabase &t, const QString &path)
{
    const QString message = refused(t, [&] { Interchange::importFrom(t.db(), path); });
    CHECK(message.startsWith(QStringLiteral("Nothing was imported.")));
    return message;
}

/// Checks every part is in the message, and shows the message when one is not.
void requireParts(const QString &message, const QStringList &parts)
{
    INFO(message.toStdString());
    for (const QString &part : parts)
        CHECK(message.contains(part));
}
} // namespace

TEST_CASE("importRefusesAKeyRepeatedInOneSection_namingBothRecords", "[interchange][strict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        requireParts(refusedImport(t, corpus("duplicate-key.json")),
                     {QStringLiteral("units[1] (UX01)"), QStringLiteral("\"UX01\""), QStringLiteral("first at units[0]")});
    });
}

TEST_CASE("importRefusesARepeatedRatingOfOnePersonAndYear", "[interchange][strict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        requireParts(refusedImport(t, corpus("duplicate-rating.json")),
                     {QStringLiteral("ratings[1]"), QStringLiteral("2024"), QStringLiteral("first at ratings[0]")});
    });
}

TEST_CASE("importRefusesAMemberRepeatedInOneObject_withItsLine", "[interchange][strict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        // QJsonDocument alone keeps one of the two names and says nothing.
        requireParts(refusedImport(t, corpus("duplicate-member.json")), {QStringLiteral("line 11"), QStringLiteral("people[0] (PX01)"),
                                                                         QStringLiteral("\"fullName\""), QStringLiteral("twice")});
    });
}

TEST_CASE("importRefusesAnUnknownFieldOrSection_suggestingTheKnownName", "[interchange][strict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        SECTION("a misspelt field")
        {
            requireParts(
                refusedImport(t, corpus("unknown-field.json")),
                {QStringLiteral("people[0] (PX01)"), QStringLiteral("\"fullname\""), QStringLiteral("did you mean \"fullName\"")});
        }
        SECTION("an unknown section")
        {
            requireParts(refusedImport(t, corpus("unknown-section.json")),
                         {QStringLiteral("\"peoples\""), QStringLiteral("not a known field"), QStringLiteral("people")});
        }
    });
}

TEST_CASE("importRefusesDatesOutside1945To2100", "[interchange][strict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        SECTION("a discipline starting in 3000")
        {
            requireParts(refusedImport(t, corpus("discipline-year-3000.json")),
                         {QStringLiteral("disciplines[0] (KLX01)"), QStringLiteral("\"startDate\""), QStringLiteral("3000-01-01"),
                          QStringLiteral("1945-01-01 to 2100-12-31")});
        }
        SECTION("a unit valid from 1800")
        {
            requireParts(refusedImport(t, corpus("unit-valid-from-1800.json")),
                         {QStringLiteral("units[0] (UX01)"), QStringLiteral("\"validFrom\""), QStringLiteral("1800-01-01")});
        }
        SECTION("a movement running to 3000")
        {
            requireParts(refusedImport(t, corpus("interchange-movement-year-3000.json")),
                         {QStringLiteral("movements[0] (movement-thu)"), QStringLiteral("\"periodTo\""), QStringLiteral("3000")});
        }
    });
}

TEST_CASE("importRefusesControlCharactersInTexts_withoutEchoingThem", "[interchange][strict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        SECTION("an escaped NUL")
        {
            const QString m = refusedImport(t, corpus("control-nul.json"));
            requireParts(m, {QStringLiteral("people[0] (PX01)"), QStringLiteral("\"fullName\""), QStringLiteral("U+0000")});
            CHECK_FALSE(m.contains(QChar(0)));
        }
        SECTION("an escaped terminal escape")
        {
            const QString m = refusedImport(t, corpus("control-escape.json"));
            requireParts(m, {QStringLiteral("people[0] (PX01)"), QStringLiteral("\"fullName\""), QStringLiteral("U+001B")});
            CHECK_FALSE(m.contains(QChar(0x1B)));
        }
        SECTION("a raw escape byte")
        {
            const QString m = refusedImport(t, corpus("control-raw.json"));
            requireParts(m, {QStringLiteral("line 11, column 37"), QStringLiteral("U+001B")});
            CHECK_FALSE(m.contains(QChar(0x1B)));
        }
    });
}

TEST_CASE("importRefusesTextsOverTheirFieldsLimit", "[interchange][strict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        SECTION("a unit name of 301 characters")
        {
            requireParts(refusedImport(t, corpus("long-name.json")),
                         {QStringLiteral("units[0] (UX01)"), QStringLiteral("\"name\""), QStringLiteral("301 characters"),
                          QStringLiteral("limit for this field is 300")});
        }
        SECTION("a 10 MB name")
        {
            QByteArray file = readAll(corpus("long-name.json"));
            const QByteArray name = QJsonDocument::fromJson(file)
                                        .object()
                                        .value(QStringLiteral("units"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QStringLiteral("name"))
                                        .toString()
                                        .toUtf8();
            file.replace(name, QByteArray(10 * 1024 * 1024, 'A'));
            const QString path = t.dir() + QStringLiteral("/huge.json");
            writeAll(path, file);
            const QString m = refusedImport(t, path);
            requireParts(m, {QStringLiteral("units[0] (UX01)"), QStringLiteral("10485760 characters")});
            CHECK(m.size() < 1000); // the name is not quoted back
        }
    });
}

TEST_CASE("importReportsASyntaxErrorWithLineAndColumn", "[interchange][strict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        requireParts(refusedImport(t, corpus("syntax-missing-comma.json")),
                     {QStringLiteral("syntax-missing-comma.json, line 8, column 16"), QStringLiteral("not valid JSON"),
                      QStringLiteral("a comma ',' or a closing brace '}' is expected here")});
    });
}

TEST_CASE("importNamesUtf16AndNonUtf8Files_asSuch", "[interchange][strict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        SECTION("UTF-16 with a byte-order mark")
        {
            requireParts(refusedImport(t, corpus("utf16.json")), {QStringLiteral("UTF-16"), QStringLiteral("save it as UTF-8")});
        }
        SECTION("UTF-16 without one")
        {
            requireParts(refusedImport(t, corpus("utf16-nobom.json")), {QStringLiteral("UTF-16"), QStringLiteral("save it as UTF-8")});
        }
        SECTION("Windows-1258 bytes")
        {
            const QString m = refusedImport(t, corpus("windows-1258.json"));
            requireParts(m, {QStringLiteral("line 8, column 28"), QStringLiteral("not UTF-8"), QStringLiteral("0xF2"),
                             QStringLiteral("Save it as UTF-8")});
            CHECK_FALSE(m.contains(QStringLiteral("not valid JSON")));
        }
    });
}

TEST_CASE("importRefusesACccdHeldByAnotherPerson_namingThatPerson", "[interchange][strict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        fill(t);
        const QStringList holder = Test::rows(t.db(), QStringLiteral("SELECT cccd, ext_key, full_name FROM people "
                                                                     "WHERE cccd IS NOT NULL ORDER BY ext_key LIMIT 1"))
                                       .value(0)
                                       .split(QLatin1Char('|'));
        REQUIRE(holder.size() == 3);
        const QString path = t.dir() + QStringLiteral("/cccd.json");
        writeAll(path, readAll(corpus("cccd-taken.json")).replace("@CCCD@", holder.at(0).toUtf8()));
        const Snapshot before = snapshot(t);
        const QString m = Test::errorOf([&] { Interchange::importFrom(t.db(), path); });
        requireParts(m, {QStringLiteral("people[0] (PX01)"), holder.at(0), holder.at(1), holder.at(2)});
        CHECK_FALSE(m.contains(QStringLiteral("UNIQUE"), Qt::CaseInsensitive));
        checkUnchanged(before, snapshot(t));
    });
}

TEST_CASE("reimportingTheOfficesOwnExportAfterADecision_succeedsAndChangesNothing", "[interchange][strict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Demo::generate(t.db(), Test::smallProvince());
        Demo::generateSeason(t.db(), 7);
        MovementRepository movements(t.db()); // an office's own movement travels in the file too
        movements.copy(movements.idForKey(QStringLiteral("catalogue-001")));
        REQUIRE(scalar(t.db(), QStringLiteral("SELECT count(*) FROM awards WHERE decision_id IS NOT NULL")) > 0);
        const Snapshot before = snapshot(t);
        const QString path = t.dir() + QStringLiteral("/own.json");
        writeAll(path, before.exported);
        CHECK(Test::errorOf([&] { Interchange::importFrom(t.db(), path); }).isEmpty());
        checkUnchanged(before, snapshot(t));

        SECTION("a changed ledger row of the decision is still refused")
        {
            const QString key = Test::rows(t.db(), QStringLiteral("SELECT ext_key FROM awards WHERE decision_id IS NOT NULL "
                                                                  "ORDER BY ext_key LIMIT 1"))
                                    .value(0);
            const QJsonArray awards = QJsonDocument::fromJson(before.exported).object().value(QStringLiteral("awards")).toArray();
            int index = -1;
            for (int i = 0; i < awards.size(); ++i)
                if (awards.at(i).toObject().value(QStringLiteral("key")).toString() == key)
                    index = i;
            REQUIRE(index >= 0);
            writeAll(path, Test::withEdit(before.exported, QStringLiteral("awards"), index, QStringLiteral("note"),
                                          QStringLiteral("Sửa sau khi đã ban hành")));
            const QString m = Test::errorOf([&] { Interchange::importFrom(t.db(), path); });
            requireParts(m, {QStringLiteral("Nothing was imported"), QStringLiteral("awards[%1]").arg(index)});
            checkUnchanged(before, snapshot(t));
        }
    });
}

TEST_CASE("ruleSetImportIsAsStrict_asTheInterchangeFile", "[eligibility][strict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const auto import = [&t](const char *name) {
            return refused(t, [&] { Eligibility::Service(t.db()).importRuleSet(corpus(name)); });
        };
        SECTION("in force before 1945")
        {
            requireParts(import("rules-effective-1800.json"), {QStringLiteral("rules-effective-1800.json, line 8"),
                                                               QStringLiteral("effectiveFrom"), QStringLiteral("1800-01-01")});
        }
        SECTION("a repeated member")
        {
            requireParts(import("rules-duplicate-member.json"),
                         {QStringLiteral("line 12"), QStringLiteral("awards[0] (LDTT), condition"), QStringLiteral("\"description\""),
                          QStringLiteral("twice")});
        }
        SECTION("a control character")
        {
            requireParts(import("rules-control.json"),
                         {QStringLiteral("line 12"), QStringLiteral("\"description\""), QStringLiteral("U+001B")});
        }
        SECTION("a text over its limit")
        {
            requireParts(import("rules-long-text.json"), {QStringLiteral("\"description\""), QStringLiteral("4001 characters")});
        }
        SECTION("a syntax error")
        {
            requireParts(import("rules-syntax.json"),
                         {QStringLiteral("rules-syntax.json, line 8, column 17"), QStringLiteral("colon")});
        }
        SECTION("UTF-16")
        {
            requireParts(import("rules-utf16.json"), {QStringLiteral("UTF-16")});
        }
    });
    // The corpus's valid twin parses: the refusals above come from the one changed place.
    CHECK_NOTHROW(Eligibility::parseRuleSet(readAll(corpus("rules-valid.json")), QStringLiteral("rules-valid.json")));
}

TEST_CASE("movementFilesAreReadAsStrictly", "[catalogue][strict]")
{
    const auto error = [](const char *name) {
        return Test::errorOf([&] { MovementJson::fromFile(readAll(corpus(name)), QString::fromLatin1(name)); });
    };
    requireParts(error("movement-unknown-field.json"), {QStringLiteral("\"nmae\""), QStringLiteral("not a known field")});
    requireParts(error("movement-duplicate-member.json"),
                 {QStringLiteral("line 6"), QStringLiteral("\"name\""), QStringLiteral("twice")});
    requireParts(error("movement-year-3000.json"), {QStringLiteral("\"periodTo\""), QStringLiteral("3000")});
    requireParts(error("movement-control.json"),
                 {QStringLiteral("contents[0]"), QStringLiteral("\"text\""), QStringLiteral("U+001B")});
    requireParts(error("movement-syntax.json"),
                 {QStringLiteral("movement-syntax.json, line 7, column 18"), QStringLiteral("a comma too many")});
    requireParts(error("movement-utf16.json"), {QStringLiteral("UTF-16")});
    // A well-formed movement still reads, and what it writes reads back the same.
    const Movement m = MovementJson::fromFile(readAll(corpus("movement-syntax.json")).replace("2026,", "2026"),
                                              QStringLiteral("ok.json"));
    CHECK(m.periodTo == 2026);
    CHECK(MovementJson::toJson(MovementJson::fromFile(QJsonDocument(MovementJson::toJson(m)).toJson(), QStringLiteral("again.json")))
          == MovementJson::toJson(m));
}

TEST_CASE("strictReaderNamesTheRecordByItsKeyIdOrCode", "[strict]")
{
    const auto error = [](const QByteArray &json) {
        return Test::errorOf([&] { StrictJson::parse(json, QStringLiteral("f.json")); });
    };
    CHECK(error("{\"units\": [{\"name\": \"x\"}, {\"name\": \"y\", \"key\": \"U2\", \"name\": \"z\"}]}")
          == QStringLiteral("f.json, line 1, column 54: units[1] (U2): \"name\" appears twice in this object (first on line 1); "
                            "each field is written once."));
    CHECK(error("{\"a\": 1,\n \"a\": 2}")
          == QStringLiteral("f.json, line 2, column 2: \"a\" appears twice in this object (first "
                            "on line 1); each field is written once."));
    // Deep nesting stops the reader before anything recursive sees it.
    CHECK(error(QByteArray(100, '[') + QByteArray(100, ']')).contains(QStringLiteral("64 levels")));
    CHECK(StrictJson::quoted(QStringLiteral("a\x1b[2Jb")) == QStringLiteral("a\\u001B[2Jb"));
    CHECK(StrictJson::maxLength(QStringLiteral("fullName")) == 300);
    CHECK(StrictJson::maxLength(QStringLiteral("note")) == 4000);
}

TEST_CASE("strictReaderRefusesEveryTruncationOfAValidFile_withALineAndColumn", "[strict]")
{
    // A cheap stand-in for the fuzzer: every prefix of a valid rule-set file is an unfinished
    // document, refused with a position (never a crash, never a silent success).
    const QByteArray file = readAll(corpus("rules-valid.json")).trimmed();
    REQUIRE(Test::errorOf([&] { StrictJson::parse(file, QStringLiteral("whole.json")); }).isEmpty());
    for (qsizetype n = 1; n < file.size(); ++n) {
        const QString m = Test::errorOf([&] { StrictJson::parse(file.left(n), QStringLiteral("cut.json")); });
        INFO(n << ": " << m.toStdString());
        // A cut inside a multi-byte character is "not UTF-8"; anywhere else it is a syntax error.
        CHECK((m.contains(QStringLiteral("not valid JSON")) || m.contains(QStringLiteral("not UTF-8"))));
        CHECK(m.contains(QStringLiteral(", line ")));
    }
}
