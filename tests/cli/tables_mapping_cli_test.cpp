// vinhdanh-cli import-table --mapping NAME (issue 15 item 2): a column mapping the clerk saved
// in the import dialog, looked up for the --kind; a name that is neither a file nor a saved
// mapping is refused naming the saved ones, nothing written. `mapping` lists and deletes them;
// `dossier import-list --mapping` reads a nominee list by a saved mapping or a file. Both backends.
#include "cli/clioffice.h"
#include "cli/clirunner.h"
#include "core/db/query.h"
#include "core/tables/mappingpresets.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    return {QStringLiteral("import-table"),
            QStringLiteral("--database"),
            db,
            QStringLiteral("--input"),
            input,
            QStringLiteral("--kind"),
            kind,
            QStringLiteral("--mapping"),
            mapping,
            QStringLiteral("--commit")};
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
        // A saved mapping naming a column this file lacks ("Khoa"): the report says which.
        QStringList hospital = importArgs(db, input, QStringLiteral("people"), QStringLiteral("Bệnh viện"));
        hospital.replace(hospital.indexOf(QStringLiteral("--commit")), QStringLiteral("--preview"));
        const CliRun lacking = cli(hospital);
        CHECK(lacking.out.contains(QStringLiteral("The column mapping names columns this file does not have: khoa.")));
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

namespace {
QStringList mappingArgs(const QString &db, const QString &kind)
{
    return {QStringLiteral("mapping"), QStringLiteral("--database"), db, QStringLiteral("--kind"), kind};
}

int mappingAudit(const QString &db, const QString &action)
{
    Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
    return Core::Query(d.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'office_settings' AND "
                                               "action = :a AND record_key LIKE 'import.mapping.%'"))
        .bind(QStringLiteral(":a"), action)
        .scalar(0)
        .toInt();
}

/// A nominee list whose name, place and form headers are nobody's usual spelling.
QString oddNomineeCsv(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("ds-de-nghi.csv"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QStringLiteral("STT;Người được đề nghị;Nơi làm việc hiện nay;Mức khen đề xuất\n"
                           "1;Nguyễn Văn An;Chuyên viên, Sở Nội vụ;Lao động tiên tiến\n")
                .toUtf8());
    return path;
}
} // namespace

TEST_CASE("mappingCommand_listsAKindsSavedMappings_deletesOneByName_andAnUnknownNameListsTheSavedOnes", "[cli][tables][mapping]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend, [](Core::Database &d, const Core::Unit &) {
            using namespace Core::Tables;
            saveMappingPreset(d, MappingKind::People, QStringLiteral("Sở cũ"),
                              {{QStringLiteral("noi lam viec"), QStringLiteral("unit")}});
            saveMappingPreset(d, MappingKind::People, QStringLiteral("Bệnh viện"), {{QStringLiteral("khoa"), QStringLiteral("unit")}});
            saveMappingPreset(d, MappingKind::Nominees, QStringLiteral("Huyện"),
                              {{QStringLiteral("nguoi duoc de nghi"), QStringLiteral("name")}});
        });
        // Listed per kind, in Vietnamese order; a kind without any says so.
        const CliRun people = cli(mappingArgs(db, QStringLiteral("people")));
        REQUIRE(people.code == 0);
        CHECK(people.out == QStringLiteral("Bệnh viện\nSở cũ\n"));
        const CliRun units = cli(mappingArgs(db, QStringLiteral("units")));
        CHECK(units.code == 0);
        CHECK(units.out.contains(QStringLiteral("No column mapping is saved for this list (--kind units).")));
        const CliRun json = cli(mappingArgs(db, QStringLiteral("nominees")) << QStringLiteral("--format") << QStringLiteral("json"));
        REQUIRE(json.code == 0);
        const QJsonArray list = QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("mappings")).toArray();
        REQUIRE(list.size() == 1);
        CHECK(list.at(0).toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Huyện"));
        CHECK(list.at(0).toObject().value(QStringLiteral("columns")).toObject().value(QStringLiteral("nguoi duoc de nghi")).toString()
              == QStringLiteral("name"));

        // A kind that is not a list: a usage error.
        CHECK(cli(mappingArgs(db, QStringLiteral("dossiers"))).code == 2);

        // An unknown name: refused naming the saved ones, nothing deleted.
        const CliRun unknown = cli(mappingArgs(db, QStringLiteral("people"))
                                   << QStringLiteral("--delete") << QStringLiteral("Sở mới"));
        CHECK(unknown.code == 1);
        CHECK(unknown.err.contains(QStringLiteral("\"Sở mới\"")));
        CHECK(unknown.err.contains(QStringLiteral("Bệnh viện, Sở cũ")));
        CHECK(mappingAudit(db, QStringLiteral("delete")) == 0);

        // Deleted by a name typed without diacritics; the staff list's other mapping and the
        // nominee lists' stay; the audit log keeps it.
        const CliRun deleted = cli(mappingArgs(db, QStringLiteral("people")) << QStringLiteral("--delete") << QStringLiteral("so cu"));
        INFO(deleted.err.toStdString());
        REQUIRE(deleted.code == 0);
        CHECK(deleted.out.contains(QStringLiteral("Deleted the column mapping \"Sở cũ\".")));
        CHECK(cli(mappingArgs(db, QStringLiteral("people"))).out == QStringLiteral("Bệnh viện\n"));
        CHECK(cli(mappingArgs(db, QStringLiteral("nominees"))).out == QStringLiteral("Huyện\n"));
        CHECK(mappingAudit(db, QStringLiteral("delete")) == 1);
        // import-table no longer finds it.
        CHECK(cli(importArgs(db, staffCsv(dir), QStringLiteral("people"), QStringLiteral("Sở cũ"))).code != 0);
    });
}

TEST_CASE("dossierImportList_mappingNamesASavedMappingOrAFile_andTheOddHeadersRead", "[cli][tables][mapping][nominees]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend, [](Core::Database &d, const Core::Unit &) {
            // Made on another unit's file: it names a column this list lacks.
            Core::Tables::saveMappingPreset(d, Core::Tables::MappingKind::Nominees, QStringLiteral("Huyện Lệ Thủy"),
                                            {{QStringLiteral("nguoi duoc de nghi"), QStringLiteral("name")},
                                             {QStringLiteral("noi lam viec hien nay"), QStringLiteral("positionAndUnit")},
                                             {QStringLiteral("muc khen de xuat"), QStringLiteral("form")},
                                             {QStringLiteral("so dien thoai"), QStringLiteral("ignore")}});
        });
        const CliRun made = cli({QStringLiteral("dossier"), QStringLiteral("new"), QStringLiteral("--database"), db,
                                 QStringLiteral("--unit"), QStringLiteral("U1"), QStringLiteral("--year"), QStringLiteral("2025"),
                                 QStringLiteral("--title"), QStringLiteral("Đề nghị khen thưởng năm 2025")});
        REQUIRE(made.code == 0);
        const QString dossier = made.out.trimmed();
        const QString input = oddNomineeCsv(dir);
        const auto args = [&](const QString &mode) {
            return QStringList{QStringLiteral("dossier"),
                               QStringLiteral("import-list"),
                               QStringLiteral("--database"),
                               db,
                               QStringLiteral("--dossier"),
                               dossier,
                               QStringLiteral("--input"),
                               input,
                               mode};
        };
        // Without a mapping the headers say nothing: refused.
        const CliRun plain = cli(args(QStringLiteral("--preview")));
        CHECK(plain.code == 1);
        CHECK(plain.err.contains(QStringLiteral("No header row with a name column")));

        // A mapping file naming a column the list lacks: a typo, refused.
        const QString file = dir.filePath(QStringLiteral("ghep.json"));
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(R"({"Người được đề nghị": "name", "Mức khen đề xuất": "form", "Nơi làm việc hiện nay": "positionAndUnit",
                    "Số điện thoại": "ignore"})");
        f.close();
        const CliRun typo = cli(args(QStringLiteral("--preview")) << QStringLiteral("--mapping") << file);
        CHECK(typo.code == 1);
        CHECK(typo.err.contains(QStringLiteral("so dien thoai")));

        // The saved mapping, named without diacritics: read, previewed, then committed.
        const CliRun preview = cli(args(QStringLiteral("--preview"))
                                   << QStringLiteral("--mapping") << QStringLiteral("huyen le thuy"));
        INFO(preview.out.toStdString() << preview.err.toStdString());
        REQUIRE(preview.code == 0);
        CHECK(preview.out.contains(
            QStringLiteral("Row 2: new nominee, Nguyễn Văn An: person in the registry: Nguyễn Văn An, Sở Nội vụ")));
        const CliRun unknown = cli(args(QStringLiteral("--preview")) << QStringLiteral("--mapping") << QStringLiteral("Sở Y tế"));
        CHECK(unknown.code == 1);
        CHECK(unknown.err.contains(QStringLiteral("Huyện Lệ Thủy")));
        const CliRun commit = cli(args(QStringLiteral("--commit")) << QStringLiteral("--mapping") << QStringLiteral("Huyện Lệ Thủy"));
        INFO(commit.err.toStdString());
        REQUIRE(commit.code == 0);
        Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
        CHECK(Core::Query(d.sql(), QStringLiteral("SELECT count(*) FROM dossier_nominees")).scalar(0).toInt() == 1);
    });
}
