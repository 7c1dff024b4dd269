// Hostile spreadsheets (issue 15, item 8): each is refused before anything is inflated,
// expanded or stored, with a message that tells the clerk what the file is and what to do.
#include "core/error.h"
#include "core/tables/csvreader.h"
#include "core/tables/tablefile.h"
#include "support/testdatabase.h"
#include "tables_support.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Core::Tables;
using VinhDanh::Test::errorOf;

namespace {
/// A small valid workbook to spoil.
QString validWorkbook(const QTemporaryDir &dir, const QString &name = QStringLiteral("ds.xlsx"))
{
    const QString path = dir.filePath(name);
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("DS"));
    book.row(ws, 0, {QStringLiteral("Họ và tên"), QStringLiteral("Đơn vị")});
    book.row(ws, 1, {QStringLiteral("Nguyễn Văn An"), QStringLiteral("Sở Nội vụ")});
    book.close();
    return path;
}
} // namespace

TEST_CASE("zipBomb_isRefusedByItsCompressionRatio_beforeInflating", "[tables][hostile]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bomb.xlsx"));
    {
        // 64 MB of spaces deflate to about 64 KB: a ratio no real sheet reaches.
        const QByteArray spaces(64 * 1024 * 1024, ' ');
        int error = 0;
        zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        REQUIRE(zip);
        zip_source_t *source = zip_source_buffer(zip, spaces.constData(), zip_uint64_t(spaces.size()), 0);
        REQUIRE(zip_file_add(zip, "xl/worksheets/sheet1.xml", source, 0) >= 0);
        REQUIRE(zip_close(zip) == 0); // compresses while `spaces` is still alive
    }
    REQUIRE(QFileInfo(path).size() < 1024 * 1024);
    const QString message = errorOf([&] { readFile(path); });
    CHECK(message.contains(QStringLiteral("zip bomb")));
    CHECK(message.contains(QStringLiteral("xl/worksheets/sheet1.xml")));
}

TEST_CASE("xmlPartWithADoctypeAndEntities_isRefused_withoutExpandingThem", "[tables][hostile]")
{
    QTemporaryDir dir;
    const QString path = validWorkbook(dir);
    // "Billion laughs": ten levels of ten references. Expanded it would be gigabytes.
    QByteArray laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE sst [\n<!ENTITY a0 \"ha\">\n";
    for (int i = 1; i < 10; ++i)
        laughs += QStringLiteral("<!ENTITY a%1 \"%2\">\n").arg(i).arg(QStringLiteral("&a%1;").arg(i - 1).repeated(10)).toUtf8();
    laughs += "]>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&a9;</t></si></sst>";
    Test::replaceZipEntry(path, QStringLiteral("xl/sharedStrings.xml"), laughs);
    const QString message = errorOf([&] { readFile(path); });
    CHECK(message.contains(QStringLiteral("DOCTYPE")));
    CHECK(message.contains(QStringLiteral("xl/sharedStrings.xml")));
}

TEST_CASE("truncatedWorkbook_isNamedAsCutShort", "[tables][hostile]")
{
    QTemporaryDir dir;
    const QByteArray whole = Test::readAll(validWorkbook(dir));
    const QString path = dir.filePath(QStringLiteral("cut.xlsx"));
    Test::writeAll(path, whole.left(whole.size() / 2));
    CHECK(errorOf([&] { readFile(path); }).contains(QStringLiteral("cut short")));
}

TEST_CASE("oleFile_isNamedAsPasswordProtectedOrOldXls_withTheWayOut", "[tables][hostile]")
{
    QTemporaryDir dir;
    // An OLE compound file header: what Excel writes for .xls and for any password-protected workbook.
    const QByteArray ole = QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(504, '\0');
    for (const QString &name : {QStringLiteral("khoa.xlsx"), QStringLiteral("cu.xls"), QStringLiteral("doi-ten.csv")}) {
        INFO(name.toStdString());
        Test::writeAll(dir.filePath(name), ole);
        const QString message = errorOf([&] { readFile(dir.filePath(name)); });
        CHECK(message.contains(QStringLiteral("password-protected")));
        // A phrase only the OLE message has (".xls" alone also matches ".xlsx").
        CHECK(message.contains(QStringLiteral("Excel 97–2003 (.xls)")));
        CHECK(message.contains(QStringLiteral("save it as .xlsx")));
    }
}

TEST_CASE("sheetBeyondExcelsLastRow_isRefused", "[tables][hostile]")
{
    QTemporaryDir dir;
    const QString path = validWorkbook(dir);
    Test::replaceZipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml"),
                          "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                          "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Họ và tên</t></is></c></row>"
                          "<row r=\"1048577\"><c r=\"A1048577\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
                          "</sheetData></worksheet>");
    CHECK(errorOf([&] { readFile(path); }).contains(QStringLiteral("1048577")));
}

TEST_CASE("malformedXmlAndMissingParts_areNamedAsDamaged", "[tables][hostile]")
{
    QTemporaryDir dir;
    const QString path = validWorkbook(dir);
    Test::replaceZipEntry(path, QStringLiteral("xl/workbook.xml"), "<workbook><sheets><sheet name=\"DS\"");
    CHECK(errorOf([&] { readFile(path); }).contains(QStringLiteral("not well-formed")));
    const QString notZip = dir.filePath(QStringLiteral("text.xlsx"));
    Test::writeAll(notZip, "Họ và tên,Đơn vị\n");
    CHECK(errorOf([&] { readFile(notZip); }).contains(QStringLiteral("not an XLSX workbook")));
}

TEST_CASE("binaryFileNamedCsv_isRefusedAsNotText", "[tables][hostile]")
{
    QTemporaryDir dir;
    Test::writeAll(dir.filePath(QStringLiteral("anh.csv")), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    CHECK(errorOf([&] { readFile(dir.filePath(QStringLiteral("anh.csv"))); }).contains(QStringLiteral("binary data")));
}

namespace {
/// `validWorkbook` with its sheet replaced by `sheetData` (the <row>s).
QString workbookWithRows(const QTemporaryDir &dir, const QByteArray &sheetData)
{
    const QString path = validWorkbook(dir);
    Test::replaceZipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml"),
                          "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + sheetData
                              + "</sheetData></worksheet>");
    return path;
}
} // namespace

TEST_CASE("xlsxCellsWithoutReferences_afterAStyledEmptyCell_keepTheirColumns", "[tables][xlsx]")
{
    // Some generators leave out "r"; an empty styled cell still takes its column, so the 2023
    // rating must not move under 2022.
    QTemporaryDir dir;
    const QString path = workbookWithRows(
        dir, "<row r=\"1\"><c t=\"inlineStr\"><is><t>Họ và tên</t></is></c>"
             "<c t=\"inlineStr\"><is><t>2022</t></is></c><c t=\"inlineStr\"><is><t>2023</t></is></c></row>"
             "<row r=\"2\"><c t=\"inlineStr\"><is><t>An</t></is></c><c s=\"1\"/>"
             "<c t=\"inlineStr\"><is><t>HTXSNV</t></is></c></row>");
    const Sheet s = readFile(path).sheet;
    REQUIRE(s.rows.size() == 2);
    CHECK(s.rows.at(1).cell(1).isEmpty());
    CHECK(s.rows.at(1).cell(2).text == QStringLiteral("HTXSNV"));
}

TEST_CASE("xlsxFormulaWithoutACachedValue_isAnErrorCell_notAnEmptyOne", "[tables][xlsx]")
{
    QTemporaryDir dir;
    const QString path = workbookWithRows(dir, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Năm</t></is></c></row>"
                                               "<row r=\"2\"><c r=\"A2\"><f>2020+5</f></c></row>");
    const Sheet s = readFile(path).sheet;
    REQUIRE(s.rows.size() == 2); // the row is not dropped as empty
    CHECK(s.rows.at(1).cell(0).kind == Cell::Kind::Error);
    CHECK(s.rows.at(1).cell(0).text.contains(QStringLiteral("no computed value")));
}

TEST_CASE("xlsxCellReferencesWithNonAsciiLettersOrPastTheLastColumn_areRefusedAsDamaged", "[tables][hostile]")
{
    QTemporaryDir dir;
    // "Ă1" would be a column far past XFD read through QChar::isLetter; a long run of letters
    // overflows an int and could wrap into a small, plausible column.
    for (const QByteArray &ref : {QByteArray("Ă1"), QByteArray("XFE1"), QByteArray("ZZZZZZZZZZZZZZ1")}) {
        INFO(ref.constData());
        const QString path = workbookWithRows(dir, "<row r=\"1\"><c r=\"" + ref + "\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        CHECK(errorOf([&] { readFile(path); }).contains(QStringLiteral("outside the columns")));
    }
    CHECK(readFile(workbookWithRows(dir, "<row r=\"1\"><c r=\"xfd1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"))
              .sheet.rows.at(0)
              .cell(16383)
              .text
          == QStringLiteral("x"));
}

TEST_CASE("csvWithMoreRecordsThanASheetHolds_isRefusedWhileReading", "[tables][hostile]")
{
    const QByteArray lines = QByteArray("a\n").repeated(kMaxRows + 1);
    CHECK(errorOf([&] { CsvReader::read(lines); }).contains(QStringLiteral("more rows than a spreadsheet can hold")));
}
