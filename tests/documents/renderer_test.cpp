// The layout of Decree 30/2020 on paper and in files: A4, embedded fonts, Vietnamese text that
// comes back intact, a long list whose header row repeats on every page, and files a clerk
// opens in LibreOffice, Word or Excel.
#include "pdftools.h"

#include "core/documents/renderer.h"
#include "core/error.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <QProcess>

using namespace VinhDanh;
using namespace VinhDanh::Documents;

namespace {
Document sampleLetter(int rows)
{
    Document doc;
    doc.kind = QStringLiteral("danh-sach");
    doc.title = QStringLiteral("Danh sách đề nghị khen thưởng");
    doc.parentBody = QStringLiteral("UBND TỈNH THANH HÓA");
    doc.body = QStringLiteral("SỞ NỘI VỤ");
    Part part;
    part.number = QStringLiteral("Số: 12/TTr-SNV");
    part.placeDate = QStringLiteral("Thanh Hóa, ngày 05 tháng 01 năm 2026");
    part.typeName = QStringLiteral("DANH SÁCH");
    part.subject = QStringLiteral("Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh");
    part.legalBases = {QStringLiteral("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")};
    Table t;
    t.sheetName = QStringLiteral("Danh sach");
    t.headers = {QStringLiteral("TT"), QStringLiteral("Họ và tên"), QStringLiteral("Đơn vị"), QStringLiteral("Số tiền")};
    t.widths = {8, 40, 36, 16};
    t.rightAligned = {3};
    t.rows << TableRow{{QStringLiteral("I. CÁ NHÂN")}, true};
    for (int i = 1; i <= rows; ++i)
        t.rows << TableRow{{QString::number(i),
                            i == 1 ? QStringLiteral("Nguyễn Thị Ánh Tuyết") : QStringLiteral("Trần Văn Hùng %1").arg(i),
                            QStringLiteral("Phòng Thi đua – Khen thưởng"), QStringLiteral("2.340.000")},
                           false};
    t.totalRow = {QString(), QStringLiteral("Tổng cộng"), QString(), QStringLiteral("4.680.000")};
    part.tables << t;
    part.signature = {QStringLiteral("KT. GIÁM ĐỐC"), QStringLiteral("PHÓ GIÁM ĐỐC"), QStringLiteral("Lê Thị Hồng Nhung")};
    part.recipients = {QStringLiteral("Như trên;"), QStringLiteral("Lưu: VT.")};
    doc.parts << part;
    return doc;
}

QByteArray zipEntry(const QString &path, const QString &entry)
{
    QProcess p;
    p.start(QStringLiteral(VINHDANH_ZIPENTRY), {path, entry});
    return p.waitForFinished(30000) && p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
}
} // namespace

TEST_CASE("pdf_isA4_embedsOnlyTheSerifFont_andGivesItsVietnameseTextBack", "[documents][pdf]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("danh-sach.pdf"));
    Renderer::save(sampleLetter(3), path);

    CHECK(Test::Pdf::pageSize(path).contains(QStringLiteral("A4")));
    const QStringList fonts = Test::Pdf::fonts(path);
    REQUIRE_FALSE(fonts.isEmpty());
    for (const QString &f : fonts) {
        INFO(f.toStdString());
        CHECK(f.endsWith(QStringLiteral("|yes")));
        CHECK((f.contains(QStringLiteral("LiberationSerif")) || f.contains(QStringLiteral("TimesNewRoman"))));
    }
    const QString text = Test::Pdf::text(path);
    CHECK(text.contains(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
    CHECK(text.contains(QStringLiteral("Độc lập - Tự do - Hạnh phúc")));
    CHECK(text.contains(QStringLiteral("Nguyễn Thị Ánh Tuyết")));
    CHECK(text.contains(QStringLiteral("Thanh Hóa, ngày 05 tháng 01 năm 2026")));
    CHECK(text.contains(QStringLiteral("KT. GIÁM ĐỐC")));
    CHECK(text.contains(QStringLiteral("Nơi nhận:")));
}

TEST_CASE("longList_spansPages_withTheHeaderRowOnEachAndPageNumbersFromPageTwo", "[documents][pdf]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dai.pdf"));
    Renderer::save(sampleLetter(2000), path);
    const int pages = Test::Pdf::pages(path);
    REQUIRE(pages > 20);
    for (int page = 1; page <= pages; ++page) {
        const QString text = Test::Pdf::text(path, page);
        INFO("page " << page);
        CHECK(text.contains(QStringLiteral("Họ và tên")));
        // The page number stands alone on the first line of every page but the first.
        const QString firstLine = text.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
        if (page == 1)
            CHECK(firstLine != QStringLiteral("1"));
        else
            CHECK(firstLine == QString::number(page));
    }
    CHECK(Test::Pdf::text(path, pages).contains(QStringLiteral("Trần Văn Hùng 2000")));
}

TEST_CASE("landscapeDocument_printsOnLandscapeA4", "[documents][pdf]")
{
    QTemporaryDir dir;
    Document doc = sampleLetter(2);
    doc.landscape = true;
    const QString path = dir.filePath(QStringLiteral("ngang.pdf"));
    Renderer::save(doc, path);
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("([\\d.]+) x ([\\d.]+)")).match(Test::Pdf::pageSize(path));
    REQUIRE(m.hasMatch());
    CHECK(m.captured(1).toDouble() > m.captured(2).toDouble());
}

TEST_CASE("docxXlsxAndCsv_carryTheVietnameseText_andTheListRows", "[documents][files]")
{
    QTemporaryDir dir;
    const Document doc = sampleLetter(3);

    const QString docx = dir.filePath(QStringLiteral("to-trinh.docx"));
    Renderer::save(doc, docx);
    CHECK(QString::fromUtf8(zipEntry(docx, QStringLiteral("word/document.xml"))).contains(QStringLiteral("Nguyễn Thị Ánh Tuyết")));

    const QString xlsx = dir.filePath(QStringLiteral("danh-sach.xlsx"));
    Renderer::save(doc, xlsx);
    const QString strings = QString::fromUtf8(zipEntry(xlsx, QStringLiteral("xl/sharedStrings.xml")));
    CHECK(strings.contains(QStringLiteral("Nguyễn Thị Ánh Tuyết")));
    CHECK(strings.contains(QStringLiteral("I. CÁ NHÂN")));
    // Amounts are numbers in the sheet, so Excel sums them.
    CHECK(QString::fromUtf8(zipEntry(xlsx, QStringLiteral("xl/worksheets/sheet1.xml"))).contains(QStringLiteral("<v>2340000</v>")));

    const QString csv = dir.filePath(QStringLiteral("danh-sach.csv"));
    Renderer::save(doc, csv);
    QFile f(csv);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    // Semicolons: Excel under Vietnamese regional settings splits columns there, not at commas.
    CHECK(lines.value(0) == QStringLiteral("TT;Họ và tên;Đơn vị;Số tiền"));
    CHECK(lines.value(2) == QStringLiteral("1;Nguyễn Thị Ánh Tuyết;Phòng Thi đua – Khen thưởng;2.340.000"));
}

TEST_CASE("saveToAnUnknownFormatOrAListlessCsv_isRefused_andWritesNothing", "[documents][files]")
{
    QTemporaryDir dir;
    const QString doc = dir.filePath(QStringLiteral("to-trinh.doc"));
    CHECK(Test::errorOf([&] { Renderer::save(sampleLetter(1), doc); }).contains(QStringLiteral(".pdf, .docx, .xlsx or .csv")));
    CHECK_FALSE(QFile::exists(doc));
    // ODT is no longer made (it lost the signature block): the message sends the clerk to .docx.
    const QString odt = dir.filePath(QStringLiteral("to-trinh.odt"));
    CHECK(Test::errorOf([&] { Renderer::save(sampleLetter(1), odt); }).contains(QStringLiteral(".docx")));
    CHECK_FALSE(QFile::exists(odt));
    CHECK_FALSE(Renderer::canSave(sampleLetter(1), QStringLiteral("odt")));

    Document letter = sampleLetter(1);
    letter.parts.first().tables.clear();
    const QString csv = dir.filePath(QStringLiteral("to-trinh.csv"));
    CHECK_FALSE(Test::errorOf([&] { Renderer::save(letter, csv); }).isEmpty());
    CHECK_FALSE(QFile::exists(csv));
}
