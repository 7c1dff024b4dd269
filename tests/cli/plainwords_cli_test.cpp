// What a clerk reads from vinhdanh-cli is words, never the codes the database stores (issue 13,
// item 3): every listing and explanation on the award paths of a demo province — candidates as
// text and CSV, dossiers and each dossier, each council sitting, each decision, check for every
// form — is scanned in Vietnamese and in English for anything shaped like a code. --codes and
// --format json keep the codes for scripts.
#include "cli/clirunner.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using VinhDanh::Test::cli;
using VinhDanh::Test::cliIn;
using VinhDanh::Test::CliRun;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/// The keys and codes a scan walks over, read straight from the demo's SQLite file.
struct DemoKeys
{
    QStringList dossiers, sessions, decisions, people, units, personForms, unitForms, collectiveOnly, allForms;
};

DemoKeys readKeys(const QString &file)
{
    DemoKeys k;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plainwords"));
        db.setDatabaseName(file);
        REQUIRE(db.open());
        const auto column = [&](const QString &sql) {
            QStringList out;
            QSqlQuery q(db);
            REQUIRE(q.exec(sql));
            while (q.next())
                out << q.value(0).toString();
            return out;
        };
        k.dossiers = column(s("SELECT ext_key FROM dossiers ORDER BY id"));
        k.sessions = column(s("SELECT ext_key FROM council_sessions ORDER BY id"));
        k.decisions = column(s("SELECT ext_key FROM decisions ORDER BY id"));
        // The nominees of the season (the interesting traces), plus a few of the registry.
        k.people = column(s("SELECT DISTINCT p.ext_key FROM dossier_nominees n JOIN people p ON p.id = n.person_id LIMIT 4"))
                   + column(s("SELECT ext_key FROM people ORDER BY id LIMIT 2"));
        k.units = column(s("SELECT DISTINCT u.ext_key FROM dossier_nominees n JOIN units u ON u.id = n.unit_id LIMIT 2"));
        k.personForms = column(s("SELECT code FROM award_forms WHERE recipients <> 'collective' ORDER BY code"));
        k.unitForms = column(s("SELECT code FROM award_forms WHERE recipients <> 'individual' ORDER BY code"));
        k.collectiveOnly = column(s("SELECT code FROM award_forms WHERE recipients = 'collective' ORDER BY code"));
        k.allForms = column(s("SELECT code FROM award_forms ORDER BY code"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plainwords"));
    return k;
}

/// Everything the award paths print for a clerk, in one language.
QString clerkOutput(const QString &lang, const QString &db, const DemoKeys &k)
{
    QString all;
    const auto run = [&](const QStringList &args) {
        const CliRun r = cliIn(lang, args);
        INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.err.toStdString());
        REQUIRE(r.code == 0);
        all += r.out + QLatin1Char('\n');
    };
    run({s("candidates"), s("--database"), db, s("--year"), s("2025")});
    run({s("candidates"), s("--database"), db, s("--year"), s("2025"), s("--format"), s("csv")});
    run({s("dossiers"), s("--database"), db});
    for (const QString &d : k.dossiers) {
        run({s("dossier"), s("show"), s("--database"), db, s("--dossier"), d});
        run({s("council"), s("sittings-for"), s("--database"), db, s("--dossier"), d});
    }
    for (const QString &c : k.sessions)
        run({s("council"), s("show"), s("--database"), db, s("--session"), c});
    run({s("minutes"), s("list"), s("--database"), db});
    run({s("decisions"), s("--database"), db});
    for (const QString &d : k.decisions)
        run({s("decision"), s("show"), s("--database"), db, s("--decision"), d});
    for (const QString &p : k.people)
        for (const QString &form : k.personForms)
            run({s("check"), s("--database"), db, s("--person"), p, s("--award"), form, s("--year"), s("2025")});
    for (const QString &u : k.units)
        for (const QString &form : k.unitForms)
            run({s("check"), s("--database"), db, s("--unit"), u, s("--award"), form, s("--year"), s("2025")});
    // A form for the other kind of nominee says so in words too.
    if (!k.people.isEmpty() && !k.collectiveOnly.isEmpty())
        run({s("check"), s("--database"), db, s("--person"), k.people.first(), s("--award"), k.collectiveOnly.first(), s("--year"),
             s("2025")});
    return all;
}

/// Every code-shaped piece of `text`, with its line, for the failure message.
QStringList codesIn(const QString &text, const QStringList &formCodes, const QStringList &englishCodes)
{
    // snake_case codes (needs_review, cong_chuc, start_appraisal), upper-case codes with an
    // underscore (BK_TINH), the award codes themselves (LDTT, CSTDCS), ISO dates, an empty "( )",
    // and in Vietnamese the English codes of the fixed vocabularies (annual, draft, person).
    QStringList patterns{s(R"(\b[a-z]+_[a-z_]+\b)"), s(R"(\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b)"), s(R"(\b\d{4}-\d{2}-\d{2}\b)"),
                         s(R"(\(\s*\))")};
    for (const QStringList *words : {&formCodes, &englishCodes})
        if (!words->isEmpty())
            patterns << s(R"(\b(%1)\b)").arg(words->join(QLatin1Char('|')));
    const QRegularExpression re(patterns.join(QLatin1Char('|')));
    QStringList found;
    for (const QString &line : text.split(QLatin1Char('\n')))
        for (auto it = re.globalMatch(line); it.hasNext();)
            found << it.next().captured(0) + s("  ⟵  ") + line.left(160);
    return found;
}
} // namespace

TEST_CASE("clerkFacingCliOutput_showsWordsNotCodes_inBothLanguages", "[cli][plainwords]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(s("province.sqlite"));
    REQUIRE(cli({s("init"), s("--database"), db}).code == 0);
    // In Vietnamese, as an office makes it: warnings and history reasons are stored as written.
    const CliRun demo = cliIn(s("vi"), {s("demo"), s("--database"), db, s("--units"), s("15"), s("--people"), s("60")});
    INFO(demo.err.toStdString());
    REQUIRE(demo.code == 0);
    // The demo's own summary names the season's movement, not its key.
    CHECK(demo.out.contains(s("“Phát triển khoa học, công nghệ")));
    CHECK_FALSE(demo.out.contains(s("catalogue-0")));
    const DemoKeys k = readKeys(db);
    // The scan must have something to read on every path it names.
    REQUIRE(k.dossiers.size() >= 3);
    REQUIRE(!k.sessions.isEmpty());
    REQUIRE(!k.decisions.isEmpty());
    REQUIRE(k.people.size() >= 2);
    REQUIRE(k.allForms.contains(s("BK_TINH")));

    // Codes of the fixed vocabularies that are English words; Vietnamese output has no business
    // printing them (English output may say "draft" as a word).
    const QStringList englishCodes{s("annual"),     s("draft"),    s("submitted"), s("returned"),  s("appraised"),
                                   s("decided"),    s("eligible"), s("person"),    s("unit"),      s("individual"),
                                   s("collective"), s("issued"),   s("awarded"),   s("forwarded"), s("create")};
    for (const QString &lang : {s("vi"), s("en")}) {
        DYNAMIC_SECTION("language " << lang.toStdString())
        {
            const QString text = clerkOutput(lang, db, k);
            const QStringList found = codesIn(text, k.allForms, lang == QLatin1String("vi") ? englishCodes : QStringList());
            INFO(found.mid(0, 20).join(QLatin1Char('\n')).toStdString());
            CHECK(found.isEmpty());
            // ... and it is the words that are there (the scan read real output).
            CHECK(text.contains(s("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")));
        }
    }
}

TEST_CASE("codesSwitch_andJson_keepTheCodesForScripts", "[cli][plainwords]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(s("province.sqlite"));
    REQUIRE(cli({s("init"), s("--database"), db}).code == 0);
    REQUIRE(cli({s("demo"), s("--database"), db, s("--units"), s("15"), s("--people"), s("60")}).code == 0);
    const DemoKeys k = readKeys(db);
    REQUIRE(!k.dossiers.isEmpty());

    // The demo's first dossier went all the way to a decision.
    const CliRun shown = cliIn(s("vi"),
                               {s("--codes"), s("dossier"), s("show"), s("--database"), db, s("--dossier"), k.dossiers.first()});
    REQUIRE(shown.code == 0);
    CHECK(shown.out.contains(s("BK_TINH")));
    CHECK(shown.out.contains(s("annual")));
    CHECK(shown.out.contains(s("decided")));

    // JSON numbers are numbers: a coefficient is 1.5, not "1,5".
    const CliRun decisions = cli({s("decisions"), s("--database"), db, s("--format"), s("json")});
    REQUIRE(decisions.code == 0);
    const QJsonArray list = QJsonDocument::fromJson(decisions.out.toUtf8()).array();
    REQUIRE(!list.isEmpty());
    const QJsonArray awardees = list.first().toObject().value(s("awardees")).toArray();
    REQUIRE(!awardees.isEmpty());
    for (const QJsonValue &a : awardees) {
        CHECK(a.toObject().value(s("coefficient")).isDouble());
        CHECK(a.toObject().value(s("amount")).isDouble());
    }
}
