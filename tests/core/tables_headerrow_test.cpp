// The clerk's header row and encoding choice, from what was read (issue 15): when the guess took
// a form block or a title for the header, "the header is row N" maps the columns under that row
// (for every list the office imports), a row past the sheet's end or an empty one is refused in
// words; a saved column mapping keeps the row and older ones still read; a column's text
// encoding is chosen again after the file is gone. Both backends where a database matters.
#include "core/db/query.h"
#include "core/error.h"
#include "core/tables/awardmapping.h"
#include "core/tables/csvreader.h"
#include "core/tables/mappingpresets.h"
#include "core/tables/nomineelist.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/tablefile.h"
#include "core/tables/unitmapping.h"
#include "support/testdatabase.h"
#include "tables_support.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;
using VinhDanh::Test::errorOf;

namespace {
Sheet csv(const QString &text)
{
    Sheet s = CsvReader::read(text.toUtf8());
    s.name = QStringLiteral("Danh sách");
    return s;
}

/// A sign-off box above the table reads as a header ("Họ và tên" beside "Đơn vị"); the table's
/// own header is row 4, after an empty row.
const QString kStaff = QStringLiteral("Họ và tên;Đơn vị\n"
                                      "Người lập biểu;Văn phòng\n"
                                      "\n"
                                      "Họ và tên;Ngày sinh;Đơn vị;Đối tượng\n"
                                      "Lê Thị Hoa;02/03/1985;Văn phòng;Công chức\n");
} // namespace

TEST_CASE("headerRowChosen_mapsTheColumnsUnderThatRow_forEveryListKind", "[tables][headerrow]")
{
    const Sheet staff = csv(kStaff);
    // The guess: the sign-off box, whose row 2 would be a person.
    const PeopleMapping guessed = mapPeople(staff);
    CHECK(guessed.headerRow == 1);
    CHECK(guessed.columnOf(Field::BirthDate) < 0);

    const PeopleMapping chosen = mapPeople(staff, {}, 4);
    CHECK(chosen.headerRow == 4);
    CHECK(staff.rows.at(chosen.headerIndex + 1).cell(chosen.columnOf(Field::FullName)).text == QStringLiteral("Lê Thị Hoa"));
    CHECK(chosen.columnOf(Field::FullName) == 0);
    CHECK(chosen.columnOf(Field::BirthDate) == 1);
    CHECK(chosen.columnOf(Field::Unit) == 2);
    CHECK(chosen.columnOf(Field::Category) == 3);

    // A chosen row needs only its name column: the rest may be named in the column mapping.
    const Sheet units = csv(QStringLiteral("Tên đơn vị;Mã đơn vị\nDANH SÁCH\nTên đơn vị;Ghi chép\nSở Y tế;x\n"));
    CHECK(mapUnits(units).headerRow == 1);
    const UnitMapping u = mapUnits(units, {}, 3);
    CHECK(u.headerRow == 3);
    CHECK(u.columnOf(UnitField::Name) == 0);
    CHECK(u.columnOf(UnitField::Key) < 0);

    const Sheet awards = csv(QStringLiteral("Họ và tên;Năm\nTổng hợp;2024\nHọ và tên;Hình thức khen thưởng;Năm\n"
                                            "Lê Thị Hoa;Bằng khen;2024\n"));
    const RecordMapping a = mapRecords(RecordList::Awards, awards, {}, 3);
    CHECK(a.headerRow == 3);
    CHECK(a.columnOf(RecordField::Form) == 1);
    CHECK(a.columnOf(RecordField::Year) == 2);

    const Sheet nominees = csv(QStringLiteral("Họ và tên;Hình thức đề nghị\nNgười ký;Trưởng phòng\n"
                                              "STT;Họ và tên;Chức vụ, đơn vị công tác;Hình thức đề nghị\n"
                                              "1;Lê Thị Hoa;Chuyên viên, Văn phòng;Lao động tiên tiến\n"));
    CHECK(mapNomineeList(nominees).headerRow == 1);
    const NomineeMapping n = mapNomineeList(nominees, {}, nullptr, 3);
    CHECK(n.headerRow == 3);
    CHECK(n.columnOf(NomineeField::Name) == 1);
    CHECK(n.columnOf(NomineeField::PositionAndUnit) == 2);
}

TEST_CASE("headerRowPastTheSheetsEnd_orEmpty_orWithoutANameColumn_isRefusedInWords", "[tables][headerrow]")
{
    const Sheet staff = csv(kStaff);
    CHECK(errorOf([&] { mapPeople(staff, {}, 9); })
          == QStringLiteral("The sheet \"Danh sách\" ends at row 5; row 9 cannot be its header row."));
    CHECK(errorOf([&] { mapUnits(staff, {}, 9); }).contains(QStringLiteral("ends at row 5")));
    CHECK(errorOf([&] { mapRecords(RecordList::Awards, staff, {}, 9); }).contains(QStringLiteral("ends at row 5")));
    CHECK(errorOf([&] { mapNomineeList(staff, {}, nullptr, 9); }).contains(QStringLiteral("ends at row 5")));
    CHECK(errorOf([&] { mapPeople(staff, {}, 3); })
          == QStringLiteral("Row 3 of the sheet \"Danh sách\" is empty; choose the row that holds the column headers."));
    CHECK(errorOf([&] { mapPeople(staff, {}, 2); })
          == QStringLiteral("Row 2, chosen as the header, has no full-name column. Name that column \"Họ và tên\" in the "
                            "column mapping, or choose another header row."));
    // Named by the clerk, the chosen row's column is the name.
    const PeopleMapping named = mapPeople(staff, {{QStringLiteral("nguoi lap bieu"), QStringLiteral("fullName")}}, 2);
    CHECK(named.headerRow == 2);
    CHECK(named.columnOf(Field::FullName) == 0);
}

TEST_CASE("savedColumnMapping_keepsTheHeaderRowChosen_andOneSavedWithoutStillReads", "[tables][headerrow][mapping]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        saveMappingPreset(db, MappingKind::People, QStringLiteral("Sở Nội vụ"),
                          {{QStringLiteral("noi lam viec"), QStringLiteral("unit")}}, 4);
        // A header row alone is worth saving: the columns read as they are.
        saveMappingPreset(db, MappingKind::Nominees, QStringLiteral("Huyện"), {}, 3);
        saveMappingPreset(db, MappingKind::People, QStringLiteral("Bệnh viện"), {{QStringLiteral("khoa"), QStringLiteral("unit")}});
        CHECK(mappingPresetHeaderRow(db, MappingKind::People, QStringLiteral("so noi vu")) == 4);
        CHECK(mappingPresetHeaderRow(db, MappingKind::Nominees, QStringLiteral("Huyện")) == 3);
        CHECK(mappingPresetHeaderRow(db, MappingKind::People, QStringLiteral("Bệnh viện")) == 0);
        // The row is no column: the overrides are the columns only, as before.
        CHECK(mappingPreset(db, MappingKind::People, QStringLiteral("Sở Nội vụ"))
              == QHash<QString, QString>{{QStringLiteral("noi lam viec"), QStringLiteral("unit")}});
        CHECK(mappingPreset(db, MappingKind::Nominees, QStringLiteral("Huyện")).isEmpty());
        // A preset as versions before the header row stored it.
        Query(db.sql(), QStringLiteral("INSERT INTO office_settings (key, value) VALUES (:k, :v)"))
            .bind(QStringLiteral(":k"), QStringLiteral("import.mapping.people.Cũ"))
            .bind(QStringLiteral(":v"), QStringLiteral("{\"phong\":\"unit\"}"))
            .exec();
        CHECK(mappingPreset(db, MappingKind::People, QStringLiteral("Cũ"))
              == QHash<QString, QString>{{QStringLiteral("phong"), QStringLiteral("unit")}});
        CHECK(mappingPresetHeaderRow(db, MappingKind::People, QStringLiteral("Cũ")) == 0);
        CHECK(errorOf([&] {
                  saveMappingPreset(db, MappingKind::People, QStringLiteral("Trống"), {});
              }).contains(QStringLiteral("nothing to save")));
    });
}

TEST_CASE("encodingChosenAgain_reconvertsFromWhatWasRead_afterTheFileIsDeleted", "[tables][headerrow][legacy]")
{
    QTemporaryDir dir;
    // A .VnTime list saved as CSV in its own bytes (read first as Windows-1258).
    const QString path = dir.filePath(QStringLiteral("tcvn3.csv"));
    Test::writeAll(path, QByteArray("H\xE4 v\xB5 t\xAAn;\xA7\xACn v\xDE\n"
                                    "Nguy\xD4n V\xA8n H\xEFng;S\xEB N\xE9i v\xF4\n"
                                    "Tr\xC7n Th\xDE H\xAD\xACng;S\xEB N\xE9i v\xF4\n"));
    TableFile file = readFile(path);
    REQUIRE(file.sheet.rows.at(1).cell(0).text == QStringLiteral("Nguyễn Văn Hùng"));
    REQUIRE(QFile::remove(path));

    applyEncodings(file, {{QStringLiteral("1"), TextEncoding::Unicode}});
    const QString asUnicode = file.sheet.rows.at(1).cell(0).text;
    CHECK(asUnicode != QStringLiteral("Nguyễn Văn Hùng"));
    CHECK(file.encodings.at(0).chosen);
    CHECK(file.encodings.at(0).encoding == TextEncoding::Unicode);
    // The other column keeps its guess.
    CHECK(file.sheet.rows.at(1).cell(1).text == QStringLiteral("Sở Nội vụ"));

    applyEncodings(file, {{QStringLiteral("Họ và tên"), TextEncoding::Tcvn3}});
    CHECK(file.sheet.rows.at(1).cell(0).text == QStringLiteral("Nguyễn Văn Hùng"));
    CHECK(file.sheet.rows.at(2).cell(0).text == QStringLiteral("Trần Thị Hương"));
    CHECK(file.encodings.at(0).converted == 3); // the header and both names

    // A choice naming no column changes nothing.
    CHECK(errorOf([&] { applyEncodings(file, {{QStringLiteral("9"), TextEncoding::Vni}}); }).contains(QStringLiteral("no column 9")));
    CHECK(file.sheet.rows.at(1).cell(0).text == QStringLiteral("Nguyễn Văn Hùng"));
}

TEST_CASE("encodingGuess_belowTheHeaderRow_letterheadAboveDoesNotOutvoteAShortLegacyList", "[tables][headerrow][legacy]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ds.csv"));
    Test::writeAll(path, Test::kTcvn3UnderLetterhead.toUtf8());

    // From the whole sheet: the letterhead wins, the names stay as typed.
    TableFile file = readFile(path);
    REQUIRE(file.sheet.rows.at(5).cell(0).text == QStringLiteral("NguyÔn V¨n Hïng"));
    // The mapping finds the header on row 5 (typed in Unicode); the guess made again below it.
    const PeopleMapping found = mapPeople(file.sheet);
    REQUIRE(found.headerRow == 5);
    CHECK(guessBelowHeader(file, {}, found.headerRow));
    CHECK(file.sheet.rows.at(5).cell(0).text == QStringLiteral("Nguyễn Văn Hùng"));
    CHECK(file.sheet.rows.at(6).cell(0).text == QStringLiteral("Trần Thị Hương"));
    CHECK(file.sheet.rows.at(0).cell(0).text == QStringLiteral("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP")); // as typed
    REQUIRE_FALSE(file.encodings.isEmpty());
    CHECK(file.encodings.at(0).encoding == TextEncoding::Tcvn3);
    CHECK(file.encodings.at(0).converted == 2);
    CHECK_FALSE(guessBelowHeader(file, {}, 5)); // guessed from there already: nothing to map again
    // Back to the whole sheet (the clerk chose "found from the headers" on a sheet whose header is row 1).
    CHECK(guessBelowHeader(file, {}, 1));
    CHECK(file.sheet.rows.at(5).cell(0).text == QStringLiteral("NguyÔn V¨n Hïng"));

    // Read with the row known (--header-row): the same text, the file read once.
    const TableFile withRow = readFile(path, {}, {}, false, 5);
    CHECK(withRow.sheet.rows.at(5).cell(0).text == QStringLiteral("Nguyễn Văn Hùng"));
    // Read keeping nothing (the CLI): the file is read again below the row found.
    TableFile once = readFile(path, {}, {}, false);
    REQUIRE_FALSE(once.originals);
    CHECK(guessBelowHeader(once, {}, 5));
    CHECK(once.sheet.rows.at(6).cell(0).text == QStringLiteral("Trần Thị Hương"));
    // A clerk's choice rules the column: no guess below the row undoes it.
    const QList<EncodingChoice> unicode = {{QStringLiteral("1"), TextEncoding::Unicode}};
    applyEncodings(file, unicode);
    CHECK_FALSE(guessBelowHeader(file, unicode, 5));
    CHECK(file.sheet.rows.at(5).cell(0).text == QStringLiteral("NguyÔn V¨n Hïng"));
    CHECK(file.encodings.at(0).chosen);
}

TEST_CASE("encodingGuess_titleAboveTheHeaderInTcvn3_isConvertedOnItsOwn_notCountedForTheTable", "[tables][headerrow][legacy]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ds.csv"));
    // A title left in .VnTime over a table retyped in Unicode.
    Test::writeAll(path, QStringLiteral("DANH S\u00B8CH C\u00B8N B\u00E9\n"
                                        "Họ và tên;Đơn vị\n"
                                        "Lê Thị Hoa;Văn phòng\n"
                                        "Trần Văn Bình;Văn phòng\n")
                             .toUtf8());
    TableFile file = readFile(path, {}, {}, true, 2);
    CHECK(file.sheet.rows.at(0).cell(0).text == QStringLiteral("DANH SÁCH CÁN BỘ"));
    REQUIRE_FALSE(file.encodings.isEmpty());
    CHECK(file.encodings.at(0).encoding == TextEncoding::Unicode); // the table's column A
    CHECK(file.encodings.at(0).converted == 0);
    CHECK(file.sheet.rows.at(2).cell(0).text == QStringLiteral("Lê Thị Hoa"));
}

namespace {
QStringList texts(const Sheet &sheet)
{
    QStringList out;
    for (const Row &r : sheet.rows)
        for (const Cell &c : r.cells)
            out << QString::number(r.number) + QLatin1Char(':') + c.text;
    return out;
}
} // namespace

TEST_CASE("encodingChosenAgainAndAgain_fromWhatWasKept_readsAsTheFileReadWithThatChoice", "[tables][headerrow][legacy]")
{
    QTemporaryDir dir;
    // Windows-1258 bytes (TCVN3 names, a Unicode-looking unit column) and the same list in UTF-8.
    const QByteArray legacy("H\xE4 v\xB5 t\xAAn;\xA7\xACn v\xDE;Ghi ch\xFA\n"
                            "Nguy\xD4n V\xA8n H\xEFng;S\xEB N\xE9i v\xF4;ok\n"
                            "Tr\xC7n Th\xDE H\xAD\xACng;S\xEB N\xE9i v\xF4;\n");
    const QString cp1258 = dir.filePath(QStringLiteral("tcvn3.csv"));
    const QString utf8 = dir.filePath(QStringLiteral("utf8.csv"));
    Test::writeAll(cp1258, legacy);
    Test::writeAll(utf8, QString::fromLatin1(legacy).toUtf8());
    for (const QString &path : {cp1258, utf8}) {
        INFO(path.toStdString());
        TableFile file = readFile(path);
        REQUIRE(file.sheet.rows.at(1).cell(0).text == QStringLiteral("Nguyễn Văn Hùng"));
        const QList<QList<EncodingChoice>> choices = {
            {{QStringLiteral("1"), TextEncoding::Unicode}},
            {{QStringLiteral("1"), TextEncoding::Vni}, {QStringLiteral("2"), TextEncoding::Unicode}},
            {},
            {{QStringLiteral("Họ và tên"), TextEncoding::Tcvn3}}};
        for (const QList<EncodingChoice> &choice : choices) {
            applyEncodings(file, choice);
            const TableFile fresh = readFile(path, {}, choice);
            CHECK(texts(file.sheet) == texts(fresh.sheet));
            REQUIRE(file.encodings.size() == fresh.encodings.size());
            for (int i = 0; i < file.encodings.size(); ++i) {
                CHECK(file.encodings.at(i).encoding == fresh.encodings.at(i).encoding);
                CHECK(file.encodings.at(i).converted == fresh.encodings.at(i).converted);
            }
        }
        // Read for one reading only (as the CLI does): nothing kept, and another choice says why.
        TableFile once = readFile(path, {}, {}, false);
        CHECK_FALSE(once.originals);
        CHECK(errorOf([&] {
                  applyEncodings(once, {{QStringLiteral("1"), TextEncoding::Unicode}});
              }).contains(QStringLiteral("cannot be changed without reading the file again")));
        CHECK(once.sheet.rows.at(1).cell(0).text == QStringLiteral("Nguyễn Văn Hùng"));
    }
}

#if defined(__GLIBC__) // mallinfo2: the heap in use, measured by hand on Linux
#include <malloc.h>

namespace {
/// Bytes the heap holds now (glibc): what a TableFile kept costs, whatever the OS was given back.
qint64 heapInUse()
{
    const struct mallinfo2 m = mallinfo2();
    return qint64(m.uordblks) + qint64(m.hblkhd);
}
} // namespace

// Hidden: run by hand ("[memory]") to see what readFile keeps for another encoding choice.
TEST_CASE("readFile_keepsLittleBesideTheSheet_forAnotherEncodingChoice", "[.][memory]")
{
    QTemporaryDir dir;
    const int rows = 100000;
    QByteArray utf8 = "STT;H\xE4 v\xB5 t\xAAn;\xA7\xACn v\xDE;Ghi ch\xFA\n";
    utf8 = QString::fromLatin1(utf8).toUtf8();
    QByteArray legacy = "STT;H\xE4 v\xB5 t\xAAn;\xA7\xACn v\xDE;Ghi ch\xFA\n";
    for (int i = 1; i <= rows; ++i) {
        const QByteArray line = QByteArray::number(i) + ";Nguy\xD4n V\xA8n H\xEFng " + QByteArray::number(i)
                                + ";S\xEB N\xE9i v\xF4;Chuy\xAAn vi\xAAn ph\xDFng t\xE9 ch\xF8\xA3 c\xE1n b\xE9\n";
        legacy += line;
        utf8 += QString::fromLatin1(line).toUtf8();
    }
    for (const auto &[name, bytes] : {std::pair{"utf8.csv", utf8}, std::pair{"windows-1258.csv", legacy}}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        Test::writeAll(path, bytes);
        const qint64 before = heapInUse();
        qint64 kept = 0, sheetOnly = 0;
        {
            TableFile file = readFile(path);
            kept = heapInUse() - before;
            file.sheet = Sheet();
            sheetOnly = kept - (heapInUse() - before);
            CHECK(file.encodings.size() == 4);
        }
        WARN(name << ": " << bytes.size() / 1024 << " KiB file; TableFile holds " << kept / 1024 << " KiB, of which the sheet "
                  << sheetOnly / 1024 << " KiB and the rest " << (kept - sheetOnly) / 1024 << " KiB");
        const qint64 cliBefore = heapInUse();
        const TableFile cli = readFile(path, {}, {}, false); // as the CLI reads
        WARN(name << ": without originals, TableFile holds " << (heapInUse() - cliBefore) / 1024 << " KiB");
    }
}
#endif
