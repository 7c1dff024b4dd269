// Issue 16, "Done when": no UUID in any CLI text output. The main text commands, run over the
// demo province after a clerk has made more records from the CLI (a dossier, a sitting and a
// decision, whose internal keys are generated), print register numbers, short keys and words;
// a record keyed by a UUID before short keys existed is found by that key and shown by its new one.
#include "cli/clioffice.h"
#include "cli/clirunner.h"

#include "core/db/query.h"
#include "core/store/migrations.h"

#include <catch2/catch.hpp>

#include <QRegularExpression>
#include <QTemporaryDir>

using VinhDanh::Test::cliIn;
using VinhDanh::Test::CliRun;
using namespace VinhDanh;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/// A UUID, or the start of one (8 hex digits, a dash, 4 more, a dash): what Keys::generate and
/// QUuid write, whatever the prefix.
const QRegularExpression kUuid(QStringLiteral("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"));

QStringList column(Core::Database &db, const QString &sql)
{
    QStringList out;
    Core::Query q(db.sql(), sql);
    q.exec();
    while (q.next())
        out << q.text(0);
    return out;
}

/// Runs one command; fails on an error or on a UUID in what it printed, naming the line.
QString run(const QString &lang, const QStringList &args)
{
    const CliRun r = cliIn(lang, args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.err.toStdString());
    REQUIRE(r.code == 0);
    for (const QString &line : r.out.split(QLatin1Char('\n'))) {
        INFO(line.left(200).toStdString());
        CHECK_FALSE(kUuid.match(line).hasMatch());
    }
    return r.out;
}
} // namespace

TEST_CASE("cliTextOutput_onTheDemoProvince_showsNoUuid_inEitherLanguage", "[cli][register][nouuid]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = backend == Core::Backend::Sqlite ? dir.filePath(s("province.sqlite"))
                                                            : qEnvironmentVariable("VINHDANH_TEST_PG");
        if (backend == Core::Backend::Postgres)
            Test::TestDatabase::resetPostgres(Core::ConnectionSettings::parse(db));
        REQUIRE(cliIn(s("en"), {s("init"), s("--database"), db}).code == 0);
        REQUIRE(cliIn(s("en"), {s("demo"), s("--database"), db, s("--units"), s("15"), s("--people"), s("60")}).code == 0);
        // A clerk's own records on top of the demo's: their internal keys are generated.
        const QString dossier = run(s("en"), {s("dossier"), s("new"), s("--database"), db, s("--unit"), s("U0001"), s("--year"),
                                              s("2026"), s("--title"), s("Đề nghị khen thưởng năm 2026")})
                                    .trimmed();
        CHECK(dossier.startsWith(s("Dossier ")));

        QStringList dossiers, sittings, decisions, people;
        {
            Core::Database open(Core::ConnectionSettings::parse(db));
            dossiers = column(open, s("SELECT ext_key FROM dossiers ORDER BY id"));
            sittings = column(open, s("SELECT ext_key FROM council_sessions ORDER BY id"));
            decisions = column(open, s("SELECT ext_key FROM decisions ORDER BY id"));
            people = column(open, s("SELECT DISTINCT p.ext_key FROM dossier_nominees n JOIN people p ON p.id = n.person_id"));
        }
        REQUIRE(dossiers.size() >= 4); // the demo season's and the clerk's own
        REQUIRE(!sittings.isEmpty());
        REQUIRE(!decisions.isEmpty());
        REQUIRE(!people.isEmpty());
        // The internal keys the commands are given here are the generated ones: the scan
        // would see them if any command echoed its argument.
        CHECK(kUuid.match(dossiers.last()).hasMatch());

        for (const QString &lang : {s("vi"), s("en")}) {
            DYNAMIC_SECTION("language " << lang.toStdString())
            {
                const auto database = [&](QStringList args) { return args << s("--database") << db; };
                for (const QStringList &command :
                     {QStringList{s("dossiers")}, QStringList{s("decisions")}, QStringList{s("movements")},
                      QStringList{s("minutes"), s("list")}, QStringList{s("duplicates")}, QStringList{s("letterhead")},
                      QStringList{s("rules")}, QStringList{s("audit")}, QStringList{s("candidates"), s("--year"), s("2025")}})
                    run(lang, database(command));
                if (backend == Core::Backend::Sqlite) // the backups beside the file: SQLite's only
                    run(lang, database({s("backup"), s("--list")}));
                for (const QString &d : dossiers) {
                    run(lang, database({s("dossier"), s("show"), s("--dossier"), d}));
                    run(lang, database({s("council"), s("sittings-for"), s("--dossier"), d}));
                }
                for (const QString &c : sittings)
                    run(lang, database({s("council"), s("show"), s("--session"), c}));
                for (const QString &d : decisions)
                    run(lang, database({s("decision"), s("show"), s("--decision"), d}));
                run(lang, database({s("check"), s("--person"), people.first(), s("--award"), s("BK_TINH"), s("--year"), s("2025")}));
            }
        }
    });
}

TEST_CASE("cliFindsAPersonByTheUuidKeyOfBeforeTheUpgrade_andShowsTheShortKey", "[cli][migrations][keys][nouuid]")
{
    const QString oldKey = s("person-6461a34d-1111-4a2b-8c3d-4e5f6a7b8c9d");
    Test::forEachCliBackend([&](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = backend == Core::Backend::Sqlite ? dir.filePath(s("old.sqlite")) : qEnvironmentVariable("VINHDANH_TEST_PG");
        const Core::ConnectionSettings settings = Core::ConnectionSettings::parse(db);
        if (backend == Core::Backend::Postgres)
            Test::TestDatabase::resetPostgres(settings);
        {
            // Written by the program of before: schema 15, a generated key.
            Core::Database old(settings, Core::Database::NoMigrate{});
            Core::Migrations::migrate(old, 15);
            Core::Query::run(old.sql(), s("INSERT INTO units (ext_key, name, kind, search_key) VALUES ('U1', 'Sở Nội vụ', "
                                          "'provincial_agency', 'so noi vu u1')"));
            Core::Query::run(old.sql(), s("INSERT INTO people (ext_key, full_name, given_name, unit_id, category, search_key) "
                                          "VALUES ('%1', 'Nguyễn Văn An', 'An', (SELECT id FROM units), 'cong_chuc', "
                                          "'nguyen van an %1')")
                                            .arg(oldKey));
        }
        // The script of before still names the person by the old key; the answer names CN000001.
        run(s("en"), {s("check"), s("--database"), db, s("--person"), oldKey, s("--award"), s("CSTDCS"), s("--year"), s("2025")});
        run(s("en"), {s("dossier"), s("new"), s("--database"), db, s("--unit"), s("U1"), s("--year"), s("2025"), s("--title"),
                      s("Đề nghị khen thưởng")});
        run(s("en"), {s("dossier"), s("add-nominee"), s("--database"), db, s("--dossier"), s("HS 1/2025"), s("--person"), oldKey,
                      s("--award"), s("CSTDCS"), s("--reason"), s("Hồ sơ giấy")});
        const QString shown = run(s("en"), {s("dossier"), s("show"), s("--database"), db, s("--dossier"), s("HS 1/2025")});
        CHECK(shown.contains(s("CN000001 Nguyễn Văn An")));
    });
}
