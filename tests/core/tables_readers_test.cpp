// The spreadsheet readers (issue 15): CSV in the encodings and delimiters offices produce,
// XLSX with typed cells, the dates clerks type, and hostile files refused with a message.
#include "core/error.h"
#include "core/tables/csvreader.h"
#include "core/tables/dates.h"
#include "core/tables/tablefile.h"
#include "core/tables/xlsxreader.h"
#include "core/tables/zipreader.h"
#include "support/testdatabase.h"
#include "tables_support.h"

#include <catch2/catch.hpp>

#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Core::Tables;
using VinhDanh::Test::errorOf;

namespace {
const QString kName = QStringLiteral("Nguyễn Văn Đông");

QString text(const Sheet &s, int row, int column)
{
    return s.rows.at(row).cell(column).text;
}

QDate parsed(const QString &typed, QString *problem = nullptr)
{
    QString p;
    const QDate d = Dates::parse(Cell::fromText(typed), &p);
    if (problem)
        *problem = p;
    return d;
}
} // namespace

TEST_CASE("csvInEveryOfficeEncoding_readsTheSameVietnameseText_inNfc", "[tables]")
{
    const QByteArray utf8 = QStringLiteral("Họ và tên,Đơn vị\n%1,Sở Nội vụ\n").arg(kName).toUtf8();
    QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    const QByteArray utf16Bytes = utf16(QString::fromUtf8(utf8));
    // Windows-1258 writes the tone as a combining mark after the letter: ễ = ê (EA) + tilde (DE).
    const QByteArray cp1258("H\xF2\xCC va\xCC t\xEAn,\xD0\xF4n vi\xD2\nNguy\xEA\xDEn V\xE3n \xD0\xF4ng,S\xF4\xD2 N\xF4i\xF2 vu\xF2\n");
    // NFD, as some Unikey settings and macOS type it.
    const QByteArray nfd = QString::fromUtf8(utf8).normalized(QString::NormalizationForm_D).toUtf8();
    struct Case
    {
        const char *name;
        QByteArray bytes;
        QString encoding;
    };
    for (const Case &c :
         {Case{"utf-8 with BOM", "\xEF\xBB\xBF" + utf8, QStringLiteral("UTF-8")},
          Case{"utf-8 without BOM", utf8, QStringLiteral("UTF-8")}, Case{"utf-16 with BOM", utf16Bytes, QStringLiteral("UTF-16LE")},
          Case{"windows-1258", cp1258, QStringLiteral("windows-1258")}, Case{"utf-8 NFD", nfd, QStringLiteral("UTF-8")}}) {
        INFO(c.name);
        CsvReader::Format format;
        const Sheet s = CsvReader::read(c.bytes, &format);
        CHECK(format.encoding == c.encoding);
        REQUIRE(s.rows.size() == 2);
        CHECK(text(s, 1, 0) == kName);
        CHECK(text(s, 0, 0).normalized(QString::NormalizationForm_C) == text(s, 0, 0));
    }
}

TEST_CASE("csvOfManyRowsWithCombiningTones_readsInNfc_everyRowAsAWholeFileNormalisedWould", "[tables][legacy]")
{
    // A long Windows-1258 list (tones as combining marks): the text is made NFC a few lines at a
    // time (whole-file normalisation took quadratic time). The rows across each cut must read as
    // the whole text normalised at once would.
    QByteArray cp1258("H\xF2\xCC va\xCC t\xEAn,\xD0\xF4n vi\xD2\n");
    for (int i = 0; i < 3000; ++i)
        cp1258 += QByteArray("Nguy\xEA\xDEn V\xE3n \xD0\xF4ng ") + QByteArray::number(i) + ",S\xF4\xD2 N\xF4i\xF2 vu\xF2\n";
    QString encoding;
    const QString decoded = CsvReader::decode(cp1258, &encoding);
    CHECK(encoding == QStringLiteral("windows-1258"));
    REQUIRE(decoded.size() > 3 * 4096);
    QStringDecoder legacy("windows-1258");
    CHECK(decoded == QString(legacy(cp1258)).normalized(QString::NormalizationForm_C));
    const Sheet s = CsvReader::read(cp1258);
    REQUIRE(s.rows.size() == 3001);
    CHECK(text(s, 3000, 0) == kName + QStringLiteral(" 2999"));
    // A cut that would fall inside a letter and its marks: NFD text with no line break for pages.
    const QString nfd = QString(QStringLiteral("Nguyễn Văn Đông ").repeated(1000)).normalized(QString::NormalizationForm_D);
    const QString twoLines = nfd + QStringLiteral("\n") + nfd;
    CHECK(CsvReader::toNfc(twoLines) == twoLines.normalized(QString::NormalizationForm_C));
}

TEST_CASE("csvDelimiter_isDetectedAmongCommaSemicolonAndTab_pastATitleLine", "[tables]")
{
    for (const QString &d : {QStringLiteral(","), QStringLiteral(";"), QStringLiteral("\t")}) {
        // Excel on Vietnamese Windows writes ';' and decimal commas; a title line comes first.
        QString csv = QStringLiteral("DANH SÁCH CÁN BỘ NĂM 2025\nHọ và tên|Hệ số|Đơn vị\nAn|2,34|Sở\nBình|3,00|Sở\n");
        csv.replace(QLatin1Char('|'), d);
        CsvReader::Format format;
        const Sheet s = CsvReader::read(csv.toUtf8(), &format);
        CHECK(format.delimiter == d.at(0));
        REQUIRE(s.rows.size() == 4);
        CHECK(s.rows.at(2).cells.size() == (d == QLatin1String(",") ? 4 : 3));
        CHECK(text(s, 3, 0) == QStringLiteral("Bình"));
    }
}

TEST_CASE("csvQuotedFields_keepLineBreaksDelimitersAndDoubledQuotes_andRowNumbersCountRecords", "[tables]")
{
    const QByteArray csv = "Ho ten,Ghi chu\r\n\"Lê Văn \"\"Tí\"\"\",\"dòng 1\r\ndòng 2, còn nữa\"\r\nTrần B,x\r\n";
    const Sheet s = CsvReader::read(csv);
    REQUIRE(s.rows.size() == 3);
    CHECK(text(s, 1, 0) == QStringLiteral("Lê Văn \"Tí\""));
    CHECK(text(s, 1, 1) == QStringLiteral("dòng 1\r\ndòng 2, còn nữa"));
    CHECK(s.rows.at(2).number == 3); // the record, as Excel numbers it, not the physical line
}

TEST_CASE("csvWithAQuoteNeverClosed_isRefusedNamingTheRow", "[tables][hostile]")
{
    const QString message = errorOf([] { CsvReader::read("Ho ten,Don vi\nAn,So\n\"Bình,So\nChi,So\n"); });
    CHECK(message.contains(QStringLiteral("row 3")));
    CHECK(message.contains(QStringLiteral("never closed")));
}

TEST_CASE("datesTypedByOffices_areRead_andImpossibleOnesRefused", "[tables][dates]")
{
    const QDate end(2025, 12, 31);
    for (const QString &typed :
         {QStringLiteral("31/12/2025"), QStringLiteral("31-12-2025"), QStringLiteral("31.12.2025"), QStringLiteral("2025-12-31"),
          QStringLiteral("ngày 31 tháng 12 năm 2025"), QStringLiteral("Ngày 31 tháng 12 năm 2025"), QStringLiteral("46022")}) {
        INFO(typed.toStdString());
        QString problem;
        CHECK(parsed(typed, &problem) == end);
        CHECK(problem.isEmpty());
    }
    CHECK(parsed(QStringLiteral("1/2/1980")) == QDate(1980, 2, 1)); // day first, as Vietnam writes it
    QString problem;
    CHECK(!parsed(QStringLiteral("31/02/2025"), &problem).isValid());
    CHECK(problem.contains(QStringLiteral("not a real date")));
    CHECK(!parsed(QStringLiteral("29/02/2023"), &problem).isValid());
    CHECK(parsed(QStringLiteral("29/02/2024")) == QDate(2024, 2, 29));
    CHECK(!parsed(QStringLiteral("31/12/25"), &problem).isValid());
    CHECK(problem.contains(QStringLiteral("four digits")));
    CHECK(!parsed(QStringLiteral("1980"), &problem).isValid()); // a year alone is not a birth date
    CHECK(!problem.isEmpty());
}

TEST_CASE("excelSerials_followExcelsCalendar_includingThe1900LeapBugAnd1904Workbooks", "[tables][dates]")
{
    CHECK(Dates::fromSerial(1) == QDate(1900, 1, 1));
    CHECK(Dates::fromSerial(59) == QDate(1900, 2, 28));
    CHECK(!Dates::fromSerial(60).isValid()); // 29/02/1900 never existed
    CHECK(Dates::fromSerial(61) == QDate(1900, 3, 1));
    CHECK(Dates::fromSerial(45658.75) == QDate(2025, 1, 1)); // the time of day is dropped
    CHECK(Dates::fromSerial(44196, true) == QDate(2025, 1, 1));
}

TEST_CASE("xlsx_readsSharedTextDatesFormulasBooleansAndHiddenSheets", "[tables][xlsx]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("staff.xlsx"));
    {
        Test::XlsxWriter book(path);
        lxw_worksheet *ws = book.sheet(QStringLiteral("Cán bộ"));
        book.row(ws, 0,
                 {QStringLiteral("Họ và tên"), QStringLiteral("Ngày sinh"), QStringLiteral("Năm"), QStringLiteral("Đảng viên")});
        book.row(ws, 1, {kName, QDate(1980, 12, 31), QVariant::fromValue(Test::Formula{QStringLiteral("=2020+5"), 2025}), true});
        book.row(ws, 3, {QStringLiteral("Trần Thị Ẩn"), QStringLiteral("01/02/1990"), 2024});
        book.hideRow(ws, 3);
        lxw_worksheet *hidden = book.sheet(QStringLiteral("Danh mục"));
        book.row(hidden, 0, {QStringLiteral("bí mật")});
        worksheet_hide(hidden);
    }
    const TableFile file = readFile(path);
    CHECK(file.format == QStringLiteral("XLSX"));
    CHECK(file.sheet.name == QStringLiteral("Cán bộ"));
    CHECK(file.hiddenSheets == QStringList{QStringLiteral("Danh mục")});
    const Sheet &s = file.sheet;
    REQUIRE(s.rows.size() == 3);
    CHECK(text(s, 1, 0) == kName); // shared string with diacritics
    CHECK(s.rows.at(1).cell(1).kind == Cell::Kind::Date);
    CHECK(s.rows.at(1).cell(1).date == QDate(1980, 12, 31));
    CHECK(s.rows.at(1).cell(2).kind == Cell::Kind::Number);
    CHECK(text(s, 1, 2) == QStringLiteral("2025")); // the formula's cached value
    CHECK(s.rows.at(1).cell(3).kind == Cell::Kind::Boolean);
    CHECK(s.rows.at(2).number == 4); // the empty row 3 keeps the numbering
    CHECK(s.rows.at(2).hidden);
    CHECK(text(s, 2, 1) == QStringLiteral("01/02/1990")); // a date typed as text stays text
    // A hidden sheet is read only when named.
    CHECK(readFile(path, QStringLiteral("danh mục")).sheet.rows.at(0).cell(0).text == QStringLiteral("bí mật"));
    CHECK(errorOf([&] { readFile(path, QStringLiteral("Khác")); }).contains(QStringLiteral("Danh mục (hidden)")));
}

TEST_CASE("xlsxWithInlineStrings_readsTheText", "[tables][xlsx]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("inline.xlsx"));
    {
        Test::XlsxWriter book(path, true); // constant-memory mode writes inline strings
        lxw_worksheet *ws = book.sheet(QStringLiteral("DS"));
        book.row(ws, 0, {QStringLiteral("Họ và tên"), QStringLiteral("Đơn vị")});
        book.row(ws, 1, {kName, QStringLiteral("Sở Tư pháp")});
    }
    const QByteArray bytes = Test::readAll(path);
    CHECK(ZipReader(bytes).read(QStringLiteral("xl/worksheets/sheet1.xml")).contains("inlineStr"));
    const Sheet s = readFile(path).sheet;
    REQUIRE(s.rows.size() == 2);
    CHECK(text(s, 1, 0) == kName);
    CHECK(text(s, 1, 1) == QStringLiteral("Sở Tư pháp"));
}

TEST_CASE("xlsxRichText_runsAreJoinedIntoOneText", "[tables][xlsx]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rich.xlsx"));
    {
        // A name typed with the family name in bold: Excel stores it as two runs.
        lxw_workbook *book = workbook_new(QFile::encodeName(path).constData());
        lxw_worksheet *ws = workbook_add_worksheet(book, "DS");
        lxw_format *bold = workbook_add_format(book);
        format_set_bold(bold);
        worksheet_write_string(ws, 0, 0, "Họ và tên", nullptr);
        lxw_rich_string_tuple family = {bold, const_cast<char *>("NGUYỄN ")};
        lxw_rich_string_tuple given = {nullptr, const_cast<char *>("Văn Đông")};
        lxw_rich_string_tuple *runs[] = {&family, &given, nullptr};
        REQUIRE(worksheet_write_rich_string(ws, 1, 0, runs, nullptr) == LXW_NO_ERROR);
        REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    }
    CHECK(readFile(path).sheet.rows.at(1).cell(0).text == QStringLiteral("NGUYỄN Văn Đông"));
}
