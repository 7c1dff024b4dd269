// --header-row on import-table and dossier import-list (issue 15): the list under the row the
// clerk names is imported when the guess would take a sign-off box for the header; a row past
// the sheet's end is refused in words with nothing written. import-list also takes --encoding,
// as import-table does. Both backends.
#include "cli/clioffice.h"
#include "cli/clirunner.h"
#include "core/db/query.h"
#include "core/tables/mappingpresets.h"
#include "core/tables_support.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;
using namespace VinhDanh;

namespace {
int count(const QString &db, const QString &table)
{
    Core::Database d(Core::ConnectionSettings::parse(db), Core::Database::Mode::OpenExisting);
    return Core::Query(d.sql(), QStringLiteral("SELECT count(*) FROM ") + table).scalar(0).toInt();
}

/// A sign-off box above the table reads as a header; the table's own header is row 4.
QString staffCsv(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("can-bo.csv"));
    Test::writeAll(path, "\xEF\xBB\xBF"
                             + QStringLiteral("Họ và tên;Đơn vị\n"
                                              "Người lập biểu;Sở Nội vụ\n"
                                              "\n"
                                              "Họ và tên;Ngày sinh;Đơn vị;Đối tượng\n"
                                              "Trần Thị Mai;14/02/1992;Sở Nội vụ;Viên chức\n")
                                   .toUtf8());
    return path;
}

QStringList importArgs(const QString &db, const QString &input, const QString &mode)
{
    return {QStringLiteral("import-table"), QStringLiteral("--database"), db,  QStringLiteral("--input"), input,
            QStringLiteral("--kind"),       QStringLiteral("people"),     mode};
}

/// The same kind of list for a dossier, its names typed in .VnTime (TCVN3) as Excel shows them.
QString nomineeCsv(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("de-nghi.csv"));
    Test::writeAll(path, "\xEF\xBB\xBF"
                             + QStringLiteral("Họ và tên;Hình thức đề nghị\n"
                                              "Người ký;Trưởng phòng\n"
                                              "STT;Họ và tên;Chức vụ, đơn vị công tác;Hình thức đề nghị\n"
                                              "1;NguyÔn V¨n An;Chuyên viên, Sở Nội vụ;Lao động tiên tiến\n")
                                   .toUtf8());
    return path;
}
} // namespace

TEST_CASE("importTable_headerRow_importsTheListUnderThatRow_andARowPastTheEndIsRefusedWritingNothing", "[cli][tables][headerrow]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend);
        const QString input = staffCsv(dir);
        const int people = count(db, QStringLiteral("people"));

        const CliRun refused = cli(importArgs(db, input, QStringLiteral("--commit"))
                                   << QStringLiteral("--header-row") << QStringLiteral("12"));
        INFO(refused.out.toStdString() << refused.err.toStdString());
        CHECK(refused.code == 1);
        CHECK(refused.err.contains(QStringLiteral("ends at row 5; row 12 cannot be its header row")));
        CHECK(count(db, QStringLiteral("people")) == people);
        const CliRun notANumber = cli(importArgs(db, input, QStringLiteral("--commit"))
                                      << QStringLiteral("--header-row") << QStringLiteral("D"));
        CHECK(notANumber.code == 2);
        CHECK(notANumber.err.contains(QStringLiteral("--header-row takes the number of a row")));

        const CliRun done = cli(importArgs(db, input, QStringLiteral("--commit"))
                                << QStringLiteral("--header-row") << QStringLiteral("4"));
        INFO(done.out.toStdString() << done.err.toStdString());
        REQUIRE(done.code == 0);
        CHECK(done.out.contains(QStringLiteral("header on row 4")));
        CHECK(done.out.contains(QStringLiteral("Row 5: new person, Trần Thị Mai")));
        CHECK_FALSE(done.out.contains(QStringLiteral("Người lập biểu")));
        CHECK(count(db, QStringLiteral("people")) == people + 1);
    });
}

TEST_CASE("importTable_letterheadInUnicodeOverAShortTcvn3List_namesConvertedBelowTheHeader_foundOrGiven",
          "[cli][tables][headerrow][legacy]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend);
        // Four lines of letterhead retyped in Unicode would outvote the two names typed in
        // .VnTime if the whole sheet were guessed from.
        const QString input = dir.filePath(QStringLiteral("ds.csv"));
        Test::writeAll(input, Test::kTcvn3UnderLetterhead.toUtf8());
        for (const QStringList &row : {QStringList(), QStringList{QStringLiteral("--header-row"), QStringLiteral("5")}}) {
            const CliRun run = cli(importArgs(db, input, QStringLiteral("--preview")) << row);
            INFO(run.out.toStdString() << run.err.toStdString());
            REQUIRE(run.code == 0);
            CHECK(run.out.contains(QStringLiteral("Row 6: new person, Nguyễn Văn Hùng")));
            CHECK(run.out.contains(QStringLiteral("Row 7: new person, Trần Thị Hương")));
            CHECK(run.out.contains(QStringLiteral("Column A \"Họ và tên\": TCVN3 (ABC)")));
        }
    });
}

TEST_CASE("dossierImportList_headerRowAndEncoding_readTheListAsTheClerkSays_andARowPastTheEndWritesNothing",
          "[cli][tables][nominees][headerrow]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend);
        const CliRun made = cli({QStringLiteral("dossier"), QStringLiteral("new"), QStringLiteral("--database"), db,
                                 QStringLiteral("--unit"), QStringLiteral("U1"), QStringLiteral("--year"), QStringLiteral("2025"),
                                 QStringLiteral("--title"), QStringLiteral("Đề nghị khen thưởng năm 2025")});
        REQUIRE(made.code == 0);
        const QString dossier = made.out.trimmed();
        const QString input = nomineeCsv(dir);
        const QStringList args = {QStringLiteral("dossier"),    QStringLiteral("import-list"),
                                  QStringLiteral("--database"), db,
                                  QStringLiteral("--dossier"),  dossier,
                                  QStringLiteral("--input"),    input};

        const CliRun refused = cli(QStringList(args)
                                   << QStringLiteral("--commit") << QStringLiteral("--header-row") << QStringLiteral("7"));
        INFO(refused.out.toStdString() << refused.err.toStdString());
        CHECK(refused.code == 1);
        CHECK(refused.err.contains(QStringLiteral("ends at row 4; row 7 cannot be its header row")));
        CHECK(count(db, QStringLiteral("dossier_nominees")) == 0);

        // Under row 3, the name read as Unicode is nobody: the clerk says the column is Unicode…
        const CliRun asTyped = cli(QStringList(args)
                                   << QStringLiteral("--preview") << QStringLiteral("--header-row") << QStringLiteral("3")
                                   << QStringLiteral("--encoding") << QStringLiteral("2=unicode"));
        INFO(asTyped.out.toStdString() << asTyped.err.toStdString());
        REQUIRE(asTyped.code == 0);
        CHECK(asTyped.out.contains(QStringLiteral("header on row 3")));
        CHECK(asTyped.out.contains(QStringLiteral("Column B \"Họ và tên\": Unicode, as chosen")));
        CHECK(asTyped.out.contains(QStringLiteral("Row 4: error")));

        // …and TCVN3, which it is: the person in the registry, committed.
        const CliRun done = cli(QStringList(args) << QStringLiteral("--commit") << QStringLiteral("--header-row")
                                                  << QStringLiteral("3") << QStringLiteral("--encoding") << QStringLiteral("2=tcvn3")
                                                  << QStringLiteral("--proceed-reason") << QStringLiteral("Đề nghị đặc cách"));
        INFO(done.out.toStdString() << done.err.toStdString());
        REQUIRE(done.code == 0);
        CHECK(done.out.contains(QStringLiteral("Row 4: new nominee, Nguyễn Văn An")));
        CHECK(count(db, QStringLiteral("dossier_nominees")) == 1);
    });
}

TEST_CASE("encodingNamedByHeader_isReadInTheHeaderRow_notInASignOffBoxAbove_andAnAmbiguousNameIsRefused",
          "[cli][tables][nominees][headerrow][legacy]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend);
        const QString staff = staffCsv(dir);
        // Row 1's sign-off box has "Đơn vị" in column B; the table's header (row 4) has it in C.
        const CliRun chosen = cli(importArgs(db, staff, QStringLiteral("--preview"))
                                  << QStringLiteral("--header-row") << QStringLiteral("4") << QStringLiteral("--encoding")
                                  << QStringLiteral("Đơn vị=unicode"));
        INFO(chosen.out.toStdString() << chosen.err.toStdString());
        REQUIRE(chosen.code == 0);
        CHECK(chosen.out.contains(QStringLiteral("Column C \"Đơn vị\": Unicode, as chosen")));
        CHECK_FALSE(chosen.out.contains(QStringLiteral("Column B \"Ngày sinh\"")));

        // With no header row given, a name heading different columns in two rows is not guessed.
        const CliRun ambiguous = cli(importArgs(db, staff, QStringLiteral("--preview"))
                                     << QStringLiteral("--encoding") << QStringLiteral("Đơn vị=unicode"));
        INFO(ambiguous.out.toStdString() << ambiguous.err.toStdString());
        CHECK(ambiguous.code == 1);
        CHECK(ambiguous.err.contains(QStringLiteral("\"Đơn vị\" heads column B in row 1 and column C in row 4")));

        const CliRun made = cli({QStringLiteral("dossier"), QStringLiteral("new"), QStringLiteral("--database"), db,
                                 QStringLiteral("--unit"), QStringLiteral("U1"), QStringLiteral("--year"), QStringLiteral("2025"),
                                 QStringLiteral("--title"), QStringLiteral("Đề nghị khen thưởng năm 2025")});
        REQUIRE(made.code == 0);
        // The nominee list's sign-off box has "Họ và tên" in A; its header (row 3) in B.
        const CliRun listed = cli({QStringLiteral("dossier"), QStringLiteral("import-list"), QStringLiteral("--database"), db,
                                   QStringLiteral("--dossier"), made.out.trimmed(), QStringLiteral("--input"), nomineeCsv(dir),
                                   QStringLiteral("--preview"), QStringLiteral("--header-row"), QStringLiteral("3"),
                                   QStringLiteral("--encoding"), QStringLiteral("Họ và tên=tcvn3")});
        INFO(listed.out.toStdString() << listed.err.toStdString());
        REQUIRE(listed.code == 0);
        CHECK(listed.out.contains(QStringLiteral("Column B \"Họ và tên\": TCVN3 (ABC), as chosen")));
        CHECK(listed.out.contains(QStringLiteral("Nguyễn Văn An")));
    });
}

TEST_CASE("savedMappingsHeaderRow_onAnotherFile_isNamedInTheError_andTheMappingListShowsIt", "[cli][tables][mapping][headerrow]")
{
    Test::forEachCliBackend([](Core::Backend backend) {
        QTemporaryDir dir;
        const QString db = Test::cliOffice(dir, backend, [](Core::Database &d, const Core::Unit &) {
            Core::Tables::saveMappingPreset(d, Core::Tables::MappingKind::People, QStringLiteral("Sở Nội vụ"),
                                            {{QStringLiteral("don vi"), QStringLiteral("unit")}}, 4);
            Core::Tables::saveMappingPreset(d, Core::Tables::MappingKind::People, QStringLiteral("Bệnh viện"),
                                            {{QStringLiteral("khoa"), QStringLiteral("unit")}});
        });
        // Another office's list: its header is row 1, row 4 is a person.
        const QString input = dir.filePath(QStringLiteral("khac.csv"));
        Test::writeAll(input, "\xEF\xBB\xBF"
                                  + QStringLiteral("Họ và tên;Ngày sinh;Đơn vị\n"
                                                   "Trần Thị Mai;14/02/1992;Sở Nội vụ\n"
                                                   "Lê Văn Bình;01/01/1980;Sở Nội vụ\n"
                                                   "Phạm Thu Hà;03/03/1990;Sở Nội vụ\n")
                                        .toUtf8());
        const int people = count(db, QStringLiteral("people"));
        const CliRun refused = cli(importArgs(db, input, QStringLiteral("--commit"))
                                   << QStringLiteral("--mapping") << QStringLiteral("Sở Nội vụ"));
        INFO(refused.out.toStdString() << refused.err.toStdString());
        CHECK(refused.code == 1);
        CHECK(refused.err.contains(QStringLiteral("Row 4, chosen as the header")));
        CHECK(refused.err.contains(QStringLiteral(
            "The saved column mapping \"Sở Nội vụ\" reads the header from row 4; give --header-row to read another row.")));
        CHECK(count(db, QStringLiteral("people")) == people);
        // The clerk's own row is not blamed on the mapping.
        const CliRun own = cli(importArgs(db, input, QStringLiteral("--preview"))
                               << QStringLiteral("--header-row") << QStringLiteral("4"));
        CHECK(own.code == 1);
        CHECK_FALSE(own.err.contains(QStringLiteral("saved column mapping")));
        const CliRun overridden = cli(importArgs(db, input, QStringLiteral("--preview"))
                                      << QStringLiteral("--mapping") << QStringLiteral("Sở Nội vụ") << QStringLiteral("--header-row")
                                      << QStringLiteral("1"));
        INFO(overridden.out.toStdString() << overridden.err.toStdString());
        CHECK(overridden.code == 0);

        const QStringList list = {QStringLiteral("mapping"), QStringLiteral("--database"), db, QStringLiteral("--kind"),
                                  QStringLiteral("people")};
        const CliRun text = cli(list);
        REQUIRE(text.code == 0);
        CHECK(text.out == QStringLiteral("Bệnh viện\nSở Nội vụ (header on row 4)\n"));
        const CliRun json = cli(QStringList(list) << QStringLiteral("--format") << QStringLiteral("json"));
        REQUIRE(json.code == 0);
        const QJsonArray mappings = QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("mappings")).toArray();
        REQUIRE(mappings.size() == 2);
        CHECK(mappings.at(0).toObject().value(QStringLiteral("headerRow")).toInt(-1) == 0);
        CHECK(mappings.at(1).toObject().value(QStringLiteral("headerRow")).toInt(-1) == 4);
    });
}
