// vinhdanh-cli duplicates | merge | unmerge (issue 15 item 5), both backends: the pair listed
// with its score and reasons (personal data masked), a preview that writes nothing, the merge,
// then the undo.
#include "cli/clioffice.h"
#include "cli/clirunner.h"
#include "core/db/query.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;
using namespace VinhDanh;

namespace {
int scalar(const QString &db, const QString &sql)
{
    Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
    return Core::Query(d.sql(), sql).scalar(0).toInt();
}
} // namespace

TEST_CASE("cliDuplicatesMergeUnmerge_listPreviewMergeAndUndo", "[cli][dedup]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        // P1 Nguyễn Văn An (rated 2024, 2025) and P2 "nguyen van an" of the same unit, with a CCCD and
        // a rating of 2023 and one of 2025 (a conflict with P1's).
        const QString db = Test::cliOffice(dir, backend, [](Core::Database &d, const Core::Unit &u) {
            Core::Person p;
            p.key = QStringLiteral("P2");
            p.fullName = QStringLiteral("nguyen van an");
            p.unitId = u.id;
            p.category = QStringLiteral("cong_chuc");
            p.cccd = QStringLiteral("001080012345");
            Core::PersonRepository(d).save(p);
            Core::RecordRepository(d).setRating({0, Core::Subject::person(p.id), 2023, QStringLiteral("HTNV"), {}});
            Core::RecordRepository(d).setRating({0, Core::Subject::person(p.id), 2025, QStringLiteral("HTNV"), {}});
        });

        const CliRun list = cli({QStringLiteral("duplicates"), QStringLiteral("--database"), db});
        INFO(list.out.toStdString() << list.err.toStdString());
        REQUIRE(list.code == 0);
        CHECK(list.out.contains(QStringLiteral("50%: the same name (ignoring case and diacritics); the same unit; no birth date to "
                                               "compare")));
        CHECK(list.out.contains(QStringLiteral("CCCD ********2345")));
        CHECK_FALSE(list.out.contains(QStringLiteral("001080012345")));
        CHECK(list.out.contains(QStringLiteral("1 likely duplicate pair of people.")));

        const CliRun json = cli(
            {QStringLiteral("duplicates"), QStringLiteral("--database"), db, QStringLiteral("--format"), QStringLiteral("json")});
        REQUIRE(json.code == 0);
        const QJsonArray pairs = QJsonDocument::fromJson(json.out.toUtf8()).array();
        REQUIRE(pairs.size() == 1);
        CHECK(pairs[0][QStringLiteral("score")].toInt() == 50);

        const QStringList mergeArgs{QStringLiteral("merge"),  QStringLiteral("--database"), db,
                                    QStringLiteral("--keep"), QStringLiteral("P1"),         QStringLiteral("--drop"),
                                    QStringLiteral("P2")};
        const CliRun preview = cli(mergeArgs + QStringList{QStringLiteral("--preview")});
        INFO(preview.out.toStdString() << preview.err.toStdString());
        REQUIRE(preview.code == 0);
        CHECK(preview.out.contains(QStringLiteral("Moves: 1 yearly rating")));
        CHECK(preview.out.contains(QStringLiteral("Fills in: CCCD number")));
        CHECK(preview.out.contains(QStringLiteral("Conflict: both records are rated for 2025: the kept record's rating stays")));
        CHECK(preview.out.contains(QStringLiteral("Nothing was written (preview).")));
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM people")) == 2);

        const CliRun merged = cli(mergeArgs);
        INFO(merged.out.toStdString() << merged.err.toStdString());
        REQUIRE(merged.code == 0);
        CHECK(merged.out.contains(QStringLiteral("Merged P2 into P1 (merge number 1;")));
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM people")) == 1);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM ratings r JOIN people p ON p.id = r.person_id "
                                        "WHERE p.ext_key = 'P1'"))
              == 3);

        // The key is gone now: merging again names it.
        const CliRun again = cli(mergeArgs);
        CHECK(again.code == 1);
        CHECK(again.err.contains(QStringLiteral("There is no person with the key \"P2\".")));

        const CliRun undo = cli(
            {QStringLiteral("unmerge"), QStringLiteral("--database"), db, QStringLiteral("--merge"), QStringLiteral("1")});
        INFO(undo.out.toStdString() << undo.err.toStdString());
        REQUIRE(undo.code == 0);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM people")) == 2);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM ratings r JOIN people p ON p.id = r.person_id "
                                        "WHERE p.ext_key = 'P2'"))
              == 2);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM people WHERE ext_key = 'P2' AND cccd = '001080012345'")) == 1);

        const CliRun usage = cli(
            {QStringLiteral("unmerge"), QStringLiteral("--database"), db, QStringLiteral("--merge"), QStringLiteral("x")});
        CHECK(usage.code == 2);
    });
}
