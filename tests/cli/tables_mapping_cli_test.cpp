// vinhdanh-cli import-table --mapping NAME (issue 15 item 2): a column mapping the clerk saved
// in the import dialog, looked up for the --kind; a name that is neither a file nor a saved
// mapping is refused naming the saved ones, nothing written. Both backends.
#include "cli/clioffice.h"
#include "cli/clirunner.h"
#include "core/db/query.h"
#include "core/tables/mappingpresets.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;
using namespace VinhDanh;

namespace {
/// A staff list whose unit column has a header nothing recognises.
QString staffCsv(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("can-bo.csv"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QStringLiteral("Họ và tên;Nơi làm việc;Ngày sinh;Đối tượng\nLê Thị Hoa;Sở Nội vụ;02/03/1985;Công chức\n").toUtf8());
    return path;
}

QStringList importArgs(const QString &db, const QString &input, const QString &kind, const QString &mapping)
{
    return {QStringLiteral("import-table"), QStringLiteral("--database"), db, QStringLiteral("--input"), input,
            QStringLiteral("--kind"), kind, QStringLiteral("--mapping"), mapping, QStringLiteral("--commit")};
}

int people(const QString &db)
{
    Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
    return Core::Query(d.sql(), QStringLiteral("SELECT count(*) FROM people")).scalar(0).toInt();
}
} // namespace

TEST_CASE("importTable_mappingNamesASavedColumnMapping_forItsKind_andAnUnknownNameListsTheSavedOnes", "[cli][tables][mapping]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend, [](Core::Database &d, const Core::Unit &) {
            Core::Tables::saveMappingPreset(d, Core::Tables::MappingKind::People, QStringLiteral("Sở cũ"),
                                            {{QStringLiteral("noi lam viec"), QStringLiteral("unit")}});
            Core::Tables::saveMappingPreset(d, Core::Tables::MappingKind::People, QStringLiteral("Bệnh viện"),
                                            {{QStringLiteral("khoa"), QStringLiteral("unit")}});
        });
        const QString input = staffCsv(dir);
        const int before = people(db);

        // Neither a file nor a mapping saved for staff lists: refused, the saved ones named.
        const CliRun unknown = cli(importArgs(db, input, QStringLiteral("people"), QStringLiteral("Sở mới")));
        CHECK(unknown.code != 0);
        CHECK(unknown.err.contains(QStringLiteral("\"Sở mới\"")));
        CHECK(unknown.err.contains(QStringLiteral("Bệnh viện, Sở cũ")));
        // The staff list's mappings are not the unit list's.
        const CliRun otherKind = cli(importArgs(db, input, QStringLiteral("units"), QStringLiteral("Sở cũ")));
        CHECK(otherKind.code != 0);
        CHECK(otherKind.err.contains(QStringLiteral("no column mapping is saved for this list yet")));
        CHECK(people(db) == before);

        // The saved mapping, typed without diacritics: "Nơi làm việc" is the unit; the row imports.
        const CliRun run = cli(importArgs(db, input, QStringLiteral("people"), QStringLiteral("so cu")));
        INFO(run.out.toStdString() << run.err.toStdString());
        REQUIRE(run.code == 0);
        CHECK(run.out.contains(QStringLiteral("new person in Sở Nội vụ")));
        CHECK(run.out.contains(QStringLiteral("Imported: 1 people added")));
        CHECK(people(db) == before + 1);
    });
}
