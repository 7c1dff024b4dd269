// Documents through vinhdanh-cli: `print` writes the format its --output names, refuses what it
// cannot make without leaving a file, and `letterhead` sets the header every document uses.
#include "cli/clioffice.h"
#include "cli/clirunner.h"
#include "documents/pdftools.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/// The office with one dossier proposing P1 for the provincial Bằng khen; returns its key.
QString dossierWithNominee(const QString &db)
{
    const CliRun made = cli({s("dossier"), s("new"), s("--database"), db, s("--unit"), s("U1"), s("--year"), s("2025"), s("--title"),
                             s("Đề nghị khen thưởng năm 2025"), s("--letter-no"), s("3/TTr-SNV"), s("--letter-date"),
                             s("05/01/2026")});
    REQUIRE(made.code == 0);
    const QString key = made.out.trimmed();
    const CliRun added = cli({s("dossier"), s("add-nominee"), s("--database"), db, s("--dossier"), key, s("--person"), s("P1"),
                              s("--award"), s("BK_TINH"), s("--summary"), s("Hai năm liền Chiến sĩ thi đua cơ sở")});
    INFO(added.err.toStdString());
    REQUIRE(added.code == 0);
    return key;
}

/// One entry of a zip container, through the vinhdanh-zipentry helper (its own process: see zipentry.cpp).
QByteArray zipEntry(const QString &path, const QString &entry)
{
    QProcess p;
    p.start(s(VINHDANH_ZIPENTRY), {path, entry});
    REQUIRE(p.waitForFinished(30000));
    INFO(entry.toStdString());
    REQUIRE(p.exitCode() == 0);
    return p.readAllStandardOutput();
}

/// The text of every non-empty cell of the first sheet, by its reference ("B4"): shared strings
/// resolved, numbers as written.
QMap<QString, QString> sheetCells(const QString &xlsx)
{
    QStringList shared;
    QXmlStreamReader strings(zipEntry(xlsx, s("xl/sharedStrings.xml")));
    while (!strings.atEnd()) {
        strings.readNext();
        if (strings.isStartElement() && strings.name() == QLatin1String("si"))
            shared << strings.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    REQUIRE_FALSE(strings.hasError());
    QMap<QString, QString> cells;
    QXmlStreamReader sheet(zipEntry(xlsx, s("xl/worksheets/sheet1.xml")));
    QString ref, type;
    while (!sheet.atEnd()) {
        sheet.readNext();
        if (!sheet.isStartElement())
            continue;
        if (sheet.name() == QLatin1String("c")) {
            ref = sheet.attributes().value(QLatin1String("r")).toString();
            type = sheet.attributes().value(QLatin1String("t")).toString();
        } else if (sheet.name() == QLatin1String("v")) {
            const QString v = sheet.readElementText();
            cells.insert(ref, type == QLatin1String("s") ? shared.value(v.toInt()) : v);
        }
    }
    REQUIRE_FALSE(sheet.hasError());
    return cells;
}
} // namespace

TEST_CASE("cliPrint_proposalLetterAsPdf_carriesTheLetterheadSetByTheCli_andTheNomineeListAsXlsx", "[cli][documents]")
{
    QTemporaryDir dir;
    const QString db = VinhDanh::Test::cliOffice(dir);
    const QString key = dossierWithNominee(db);
    const CliRun head = cli({s("letterhead"), s("--database"), db, s("--parent"), s("UBND TỈNH NGHỆ AN"), s("--place"), s("Nghệ An"),
                             s("--signer"), s("Hồ Thị Lan|Phó Giám đốc|KT")});
    INFO(head.err.toStdString());
    REQUIRE(head.code == 0);
    CHECK(head.out.contains(s("Hồ Thị Lan")));

    const QString pdf = dir.filePath(s("to-trinh.pdf"));
    const CliRun printed = cli({s("print"), s("--database"), db, s("--document"), s("to-trinh"), s("--id"), key, s("--output"), pdf});
    INFO(printed.err.toStdString());
    REQUIRE(printed.code == 0);
    const QString text = VinhDanh::Test::Pdf::text(pdf);
    CHECK(text.contains(s("UBND TỈNH NGHỆ AN")));
    CHECK(text.contains(s("Nghệ An, ngày 05 tháng 01 năm 2026")));
    CHECK(text.contains(s("Số: 03/TTr-SNV")));
    CHECK(VinhDanh::Test::Pdf::pageSize(pdf).contains(s("A4")));

    // The same letter for Word: the letterhead set above is in its text.
    const QString docx = dir.filePath(s("to-trinh.docx"));
    REQUIRE(cli({s("print"), s("--database"), db, s("--document"), s("to-trinh"), s("--id"), key, s("--output"), docx}).code == 0);
    const QString wordText = QString::fromUtf8(zipEntry(docx, s("word/document.xml")));
    CHECK(wordText.contains(s("UBND TỈNH NGHỆ AN")));
    CHECK(wordText.contains(s("Nghệ An, ngày 05 tháng 01 năm 2026")));

    const QString xlsx = dir.filePath(s("danh-sach.xlsx"));
    REQUIRE(cli({s("print"), s("--database"), db, s("--document"), s("danh-sach"), s("--id"), key, s("--output"), xlsx}).code == 0);
    // Read back as a spreadsheet program would: the header row, the group, then the nominee's row.
    // The title rows of the printed list come first, then the header row and the rows.
    const QMap<QString, QString> cells = sheetCells(xlsx);
    CHECK(cells.value(s("A1")) == s("DANH SÁCH"));
    int header = 0;
    for (int row = 1; row <= 10 && header == 0; ++row)
        if (cells.value(s("A%1").arg(row)) == s("TT"))
            header = row;
    REQUIRE(header > 1);
    auto at = [&](const char *column, int offset) { return cells.value(s(column) + QString::number(header + offset)); };
    CHECK(at("B", 0) == s("Họ và tên / Tên tập thể"));
    CHECK(at("A", 1) == s("I. CÁ NHÂN"));
    CHECK(at("A", 3) == s("1"));
    CHECK(at("B", 3) == s("Nguyễn Văn An"));
    CHECK(at("C", 3) == s("Sở Nội vụ"));
    CHECK(at("D", 3) == s("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"));
    CHECK(at("E", 3) == s("Hai năm liền Chiến sĩ thi đua cơ sở"));
    // It prints as the document does: Times New Roman, A4 one page wide between Decree 30's
    // margins, the header row on every page, the row numbers as numbers.
    const QString sheetXml = QString::fromUtf8(zipEntry(xlsx, s("xl/worksheets/sheet1.xml")));
    CHECK(QString::fromUtf8(zipEntry(xlsx, s("xl/styles.xml"))).contains(s("Times New Roman")));
    CHECK(sheetXml.contains(s("fitToPage=\"1\"")));
    CHECK(sheetXml.contains(s("paperSize=\"9\"")));
    const QRegularExpressionMatch number = QRegularExpression(s("<c r=\"A%1\"[^>]*>").arg(header + 3)).match(sheetXml);
    REQUIRE(number.hasMatch());
    CHECK_FALSE(number.captured(0).contains(s("t=\"s\""))); // a number, not a text
    CHECK(QString::fromUtf8(zipEntry(xlsx, s("xl/workbook.xml"))).contains(s("_xlnm.Print_Titles")));
}

TEST_CASE("cliPrint_refusesAnUnknownFormatKindOrKey_withAMessage_andWritesNoFile", "[cli][documents]")
{
    QTemporaryDir dir;
    const QString db = VinhDanh::Test::cliOffice(dir);
    const QString key = dossierWithNominee(db);

    // ODT is no longer made: the message lists the formats, .docx among them.
    const QString doc = dir.filePath(s("to-trinh.odt"));
    const CliRun badFormat = cli(
        {s("print"), s("--database"), db, s("--document"), s("to-trinh"), s("--id"), key, s("--output"), doc});
    CHECK(badFormat.code == 2);
    CHECK(badFormat.err.contains(s(".pdf, .docx, .xlsx or .csv")));
    CHECK_FALSE(QFile::exists(doc));

    const QString pdf = dir.filePath(s("x.pdf"));
    const CliRun badKind = cli({s("print"), s("--database"), db, s("--document"), s("giay-moi"), s("--id"), key, s("--output"), pdf});
    CHECK(badKind.code == 2);
    const CliRun badKey = cli(
        {s("print"), s("--database"), db, s("--document"), s("to-trinh"), s("--id"), s("KHONG-CO"), s("--output"), pdf});
    CHECK(badKey.code == 1);
    CHECK(badKey.err.contains(s("KHONG-CO")));
    CHECK_FALSE(QFile::exists(pdf));

    const CliRun kinds = cli({s("documents")});
    CHECK(kinds.code == 0);
    CHECK(kinds.out.contains(s("to-trinh")));
    CHECK(kinds.out.contains(s("danh-sach")));
}

TEST_CASE("cliLetterhead_bodyOnTheLinesTyped_andTheOfficesBasesInTheLetter", "[cli][documents]")
{
    QTemporaryDir dir;
    const QString db = VinhDanh::Test::cliOffice(dir);
    const QString key = dossierWithNominee(db);
    const CliRun head = cli({s("letterhead"), s("--database"), db, s("--body"), s("SỞ KHOA HỌC\\nVÀ CÔNG NGHỆ"), s("--basis-before"),
                             s("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"), s("--basis-after"),
                             s("Quyết định số 35/2025/QĐ-UBND ban hành Quy chế thi đua, khen thưởng tỉnh")});
    INFO(head.err.toStdString());
    REQUIRE(head.code == 0);
    CHECK(head.out.contains(s("SỞ KHOA HỌC / VÀ CÔNG NGHỆ")));
    CHECK(head.out.contains(s("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025")));
    CHECK_FALSE(head.out.contains(s("Căn cứ Căn cứ")));

    const QString pdf = dir.filePath(s("to-trinh.pdf"));
    REQUIRE(cli({s("print"), s("--database"), db, s("--document"), s("to-trinh"), s("--id"), key, s("--output"), pdf}).code == 0);
    // The bases of the office around the award rules' acts (the letter's own letterhead is the
    // proposing unit's; the office's lines are checked in the documents tests).
    const QString text = VinhDanh::Test::Pdf::text(pdf, 1).simplified();
    CHECK(text.contains(s("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;")));
    CHECK(text.contains(s("Căn cứ Quyết định số 35/2025/QĐ-UBND ban hành Quy chế thi đua, khen thưởng tỉnh")));
    CHECK(text.indexOf(s("Luật Tổ chức chính quyền")) < text.indexOf(s("Luật Thi đua")));
    CHECK(text.indexOf(s("Quy chế thi đua")) > text.indexOf(s("Nghị định")));
}
