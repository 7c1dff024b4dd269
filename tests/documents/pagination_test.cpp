// Our PDF's page rules, read back with pdftotext as a clerk would see the pages: no table row
// split across two pages, a group heading never left at the foot of a page without its first
// row, the signature block never alone on its page and no blank page after it, and a print the
// clerk stops leaving no file behind.
#include "pdftools.h"
#include "sampledocs.h"

#include "core/documents/renderer.h"
#include "core/error.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Documents;
namespace Pdf = VinhDanh::Test::Pdf;

namespace {
QString number(int i)
{
    return QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
}

/// A list whose unit column wraps to several lines, each row ending in "mã NNN"; a heading
/// row "Nhóm K" before every `groupEvery` rows (0: none), after `paragraphs` body paragraphs;
/// "THỦ TRƯỞNG ĐƠN VỊ" signs it.
Document list(int rows, int groupEvery, int paragraphs = 0)
{
    Document doc;
    doc.kind = QStringLiteral("danh-sach");
    doc.title = QStringLiteral("Danh sách");
    doc.body = QStringLiteral("SỞ NỘI VỤ");
    Part part;
    part.letterhead = false;
    part.typeName = QStringLiteral("DANH SÁCH");
    for (int i = 1; i <= paragraphs; ++i)
        part.paragraphs << QStringLiteral("Đoạn %1 đứng trước danh sách.").arg(i);
    Table t;
    t.headers = {QStringLiteral("TT"), QStringLiteral("Họ và tên"), QStringLiteral("Đơn vị")};
    t.widths = {10, 40, 50};
    for (int i = 1; i <= rows; ++i) {
        if (groupEvery > 0 && (i - 1) % groupEvery == 0)
            t.rows << TableRow{{QStringLiteral("Nhóm %1").arg(number((i - 1) / groupEvery + 1))}, true};
        t.rows << TableRow{
            {QString::number(i), QStringLiteral("Trần Văn Hùng %1").arg(number(i)),
             QStringLiteral("Phòng Thi đua – Khen thưởng, Sở Nội vụ tỉnh Thanh Hóa, tổ công tác thường trực, mã %1").arg(number(i))},
            false};
    }
    part.tables << t;
    part.closing << QStringLiteral("Danh sách có %1 cá nhân.").arg(rows);
    part.signature.title = QStringLiteral("THỦ TRƯỞNG ĐƠN VỊ");
    doc.parts << part;
    return doc;
}

/// The text of every page, whitespace flattened.
QStringList pageTexts(const QString &pdf)
{
    QStringList out;
    for (int page = 1, pages = Pdf::pages(pdf); page <= pages; ++page)
        out << Pdf::text(pdf, page).simplified();
    return out;
}

/// The first page (1-based) whose text holds `text`, 0 when none does.
int pageOf(const QStringList &pages, const QString &text)
{
    for (int i = 0; i < pages.size(); ++i)
        if (pages.at(i).contains(text))
            return i + 1;
    return 0;
}
} // namespace

TEST_CASE("pdfLongList_splitsNoRow_repeatsTheHeader_andKeepsEachHeadingWithItsFirstRow", "[documents][pdf][pagination]")
{
    constexpr int kRows = 400, kGroup = 7; // groups of 7 rows: some headings fall at a page's foot
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dai.pdf"));
    Renderer::save(list(kRows, kGroup), path);
    const QStringList pages = pageTexts(path);
    REQUIRE(pages.size() > 10);
    for (int page = 1; page <= pages.size(); ++page) {
        INFO("page " << page);
        CHECK(pages.at(page - 1).contains(QStringLiteral("Họ và tên")));
        CHECK(pages.at(page - 1).contains(QStringLiteral("Đơn vị")));
    }
    for (int i = 1; i <= kRows; ++i) {
        INFO("row " << i);
        const int page = pageOf(pages, QStringLiteral("Hùng ") + number(i));
        REQUIRE(page > 0);
        CHECK(page == pageOf(pages, QStringLiteral("mã ") + number(i))); // the row whole on one page
        if ((i - 1) % kGroup == 0)
            CHECK(pageOf(pages, QStringLiteral("Nhóm ") + number((i - 1) / kGroup + 1)) == page);
    }
    // The list, its closing line and the signature end on the last page, with nothing after.
    CHECK(pageOf(pages, QStringLiteral("Hùng ") + number(kRows)) == pages.size());
    CHECK(pageOf(pages, QStringLiteral("THỦ TRƯỞNG ĐƠN VỊ")) == pages.size());
}

TEST_CASE("pdfList_whoseSignatureDoesNotFitUnderIt_takesTheLastRowAndClosingLineToTheNextPage", "[documents][pdf][pagination]")
{
    // Lists from 8 to 30 rows: for some, the signature block does not fit under the table on
    // the page the table ends on.
    QTemporaryDir dir;
    int overflowed = 0;
    for (int rows = 8; rows <= 30; ++rows) {
        INFO(rows << " rows");
        const QString path = dir.filePath(QStringLiteral("ds-%1.pdf").arg(rows));
        Renderer::save(list(rows, 0), path);
        const QStringList pages = pageTexts(path);
        const int signer = pageOf(pages, QStringLiteral("THỦ TRƯỞNG ĐƠN VỊ"));
        REQUIRE(signer > 0);
        CHECK(signer == pages.size());
        CHECK(pageOf(pages, QStringLiteral("Danh sách có %1 cá nhân.").arg(rows)) == signer);
        CHECK(pageOf(pages, QStringLiteral("mã ") + number(rows)) == signer);
        overflowed += signer > 1 ? 1 : 0;
    }
    CHECK(overflowed > 0); // the sweep did reach past the first page
}

TEST_CASE("pdfListOfOneRow_orEndingInAGroupOfOne_keepsThatRowAndItsHeadingWithTheSignature", "[documents][pdf][pagination]")
{
    // Paragraphs push the table down the page until the signature no longer fits under it.
    QTemporaryDir dir;
    int overflowed = 0;
    for (int paragraphs = 18; paragraphs <= 34; ++paragraphs) {
        INFO(paragraphs << " paragraphs");
        const QString one = dir.filePath(QStringLiteral("mot-%1.pdf").arg(paragraphs));
        Renderer::save(list(1, 0, paragraphs), one);
        QStringList pages = pageTexts(one);
        const int signer = pageOf(pages, QStringLiteral("THỦ TRƯỞNG ĐƠN VỊ"));
        REQUIRE(signer > 0);
        CHECK(pageOf(pages, QStringLiteral("mã 001")) == signer);
        CHECK(pageOf(pages, QStringLiteral("Họ và tên")) == signer); // the header with its row
        overflowed += signer > 1 ? 1 : 0;

        // Three rows, the last under a heading of its own: the heading goes with it.
        const QString group = dir.filePath(QStringLiteral("nhom-%1.pdf").arg(paragraphs));
        Renderer::save(list(3, 2, paragraphs), group);
        pages = pageTexts(group);
        const int last = pageOf(pages, QStringLiteral("THỦ TRƯỞNG ĐƠN VỊ"));
        CHECK(pageOf(pages, QStringLiteral("mã 003")) == last);
        CHECK(pageOf(pages, QStringLiteral("Nhóm 002")) == last);
    }
    CHECK(overflowed > 0);
}

TEST_CASE("pdfLetter_signatureBlockNeverStandsAloneOnItsPage_andNoBlankPageFollows", "[documents][pdf][pagination]")
{
    // Letters from 24 to 40 body paragraphs, as the DOCX test sweeps them in LibreOffice.
    QTemporaryDir dir;
    int overflowed = 0;
    for (int count = 24; count <= 40; ++count) {
        const Document doc = Test::Docs::signedLetter(count - 1);
        const QString path = dir.filePath(QStringLiteral("to-trinh-%1.pdf").arg(count));
        Renderer::save(doc, path);
        const QStringList pages = pageTexts(path);
        INFO(count << " paragraphs");
        const int signer = pageOf(pages, QStringLiteral("Lê Thị Hồng Nhung"));
        REQUIRE(signer > 0);
        CHECK(pageOf(pages, QStringLiteral("KT. GIÁM ĐỐC")) == signer);
        CHECK(pageOf(pages, QStringLiteral("kính trình xem xét")) == signer);
        CHECK(pageOf(pages, QStringLiteral("Nơi nhận:")) == signer);
        CHECK(signer == pages.size());
        for (const QString &page : pages)
            CHECK(page.size() > 3); // no page with only its number
        overflowed += signer > 1 ? 1 : 0;
    }
    CHECK(overflowed > 0);
}

TEST_CASE("printStoppedFromItsProgress_leavesNoFileBehind", "[documents][pdf][pagination]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dung.pdf"));
    qsizetype seenTotal = 0, calls = 0;
    const QString message = Test::errorOf([&] {
        Renderer::savePdf(list(1000, 0), path, [&](qsizetype done, qsizetype total) {
            seenTotal = total;
            ++calls;
            return done < 400;
        });
    });
    CHECK_FALSE(message.isEmpty());
    CHECK(seenTotal == 1000);
    CHECK(calls >= 2); // told more than once before it stopped
    CHECK_FALSE(QFile::exists(path));
    CHECK_FALSE(QFile::exists(path + QStringLiteral(".part")));
}
