// Where the shipped Bằng khen layout prints on the real blank (measured on
// ../shared/domain/examples/phoi-bang-khen.png, see certificates.cpp), and that a long name stays
// inside its box instead of running into the next line.
#include "core/documents/certificates.h"
#include "decisioncase.h"
#include "pdftools.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QSet>
#include <QTemporaryDir>

using namespace VinhDanh;
namespace Cert = Documents::Certificates;
namespace Pdf = Test::Pdf;

namespace {
// The pre-printed artwork of the blank, in mm from its top-left corner (A3 landscape).
constexpr double kTitleTop = 95.7;     // the accent over "BẰNG"
constexpr double kTitleBottom = 122.8; // the baseline of "BẰNG KHEN" (capitals: nothing below it)
constexpr double kTitleLeft = 129.6, kTitleRight = 270.6;
constexpr double kEmblemTop = 252.7; // the emblem and ribbon at the bottom centre
constexpr double kEmblemLeft = 163, kEmblemRight = 256;

// A collective named with its parent, as a decision lists it: too long for one line at 24 pt
// across the 310 mm box.
const QString kLongName = QStringLiteral("Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ khu vực Nghi Sơn, "
                                         "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh Thanh Hóa");

Cert::Certificate certificate(const QString &recipient)
{
    Cert::Certificate c;
    c.position = 1;
    c.awardeeName = recipient;
    c.text = {{QStringLiteral("issuer"), QStringLiteral("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA")},
              {QStringLiteral("presents"), QStringLiteral("TẶNG")},
              {QStringLiteral("recipient"), recipient},
              {QStringLiteral("detail"), QStringLiteral("Trực thuộc Công an tỉnh Thanh Hóa")},
              {QStringLiteral("achievement"), QStringLiteral("Đã có thành tích xuất sắc trong công tác năm 2025")},
              {QStringLiteral("decision"), QStringLiteral("Quyết định số 17/QĐ-UBND ngày 15/01/2026")},
              {QStringLiteral("goldBook"), QStringLiteral("Số sổ vàng: 12")},
              {QStringLiteral("placeDate"), QStringLiteral("Thanh Hóa, ngày 15 tháng 01 năm 2026")},
              {QStringLiteral("signerTitle"), QStringLiteral("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")},
              {QStringLiteral("signerName"), QStringLiteral("Nguyễn Văn Tỉnh")}};
    return c;
}

double boxBottom(const Cert::Layout &l, const char *key)
{
    const Cert::Field *f = l.field(QLatin1String(key));
    REQUIRE(f);
    return f->y + Cert::boxSize(l, *f).height();
}

/// The words of page 1 whose vertical middle lies in the field's box.
QList<Pdf::Word> wordsIn(const QList<Pdf::Word> &words, const Cert::Layout &l, const char *key)
{
    const Cert::Field *f = l.field(QLatin1String(key));
    REQUIRE(f);
    QList<Pdf::Word> out;
    for (const Pdf::Word &w : words) {
        const double middle = (w.top + w.bottom) / 2;
        if (w.page == 1 && middle >= f->y && middle <= boxBottom(l, key) && w.right > f->x && w.left < f->x + f->width)
            out << w;
    }
    return out;
}
} // namespace

TEST_CASE("defaultLayout_nameBoxLiesBelowThePrintedTitle_andTheBlocksClearTheBottomEmblem", "[documents][certificates][pdf]")
{
    const Cert::Layout l = Cert::builtIn(QStringLiteral("bang-khen"));
    CHECK(l.paper == QSizeF(420, 297));

    // The boxes down the middle follow one another without overlapping, all below the title.
    const char *column[] = {"issuer", "presents", "recipient", "detail", "achievement"};
    double above = kTitleBottom;
    for (const char *key : column) {
        INFO(key);
        const Cert::Field *f = l.field(QLatin1String(key));
        REQUIRE(f);
        CHECK(f->y >= above);
        above = boxBottom(l, key);
    }
    // Nothing on the paper, in any field, comes down onto the bottom emblem.
    for (const Cert::Field &f : l.fields) {
        INFO(f.key.toStdString());
        if (f.y + Cert::boxSize(l, f).height() > kEmblemTop)
            CHECK((f.x + f.width <= kEmblemLeft || f.x >= kEmblemRight));
    }

    // And on the PDF: no word prints on the title or above it, the name lies under "TẶNG".
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("bang-khen.pdf"));
    Cert::savePdf(l, {certificate(QStringLiteral("Ông Nguyễn Văn An"))}, Cert::Offset(), pdf);
    const QList<Pdf::Word> words = Pdf::words(pdf);
    REQUIRE(words.size() > 20);
    for (const Pdf::Word &w : words) {
        INFO(w.text.toStdString() << " at " << w.left << ", " << w.top);
        const bool onTitle = w.bottom > kTitleTop && w.top < kTitleBottom && w.right > kTitleLeft && w.left < kTitleRight;
        CHECK_FALSE(onTitle);
        CHECK(w.top >= kTitleBottom);
    }
    const Pdf::Word presents = Pdf::word(pdf, QStringLiteral("TẶNG"));
    const Pdf::Word name = Pdf::word(pdf, QStringLiteral("Nguyễn"));
    const Pdf::Word issuer = Pdf::word(pdf, QStringLiteral("CHỦ"));
    REQUIRE(name.page == 1);
    CHECK(issuer.bottom <= presents.top + 0.5);
    CHECK(presents.bottom <= name.top + 0.5);
    // Centred under the printed title (its middle is 200 mm, not the page's 210).
    const Pdf::Word first = Pdf::word(pdf, QStringLiteral("Ông"));
    const Pdf::Word last = Pdf::word(pdf, QStringLiteral("An"));
    CHECK((first.left + last.right) / 2 == Approx((kTitleLeft + kTitleRight) / 2).margin(1.5));
    // The gold book number under the decision, at the bottom left.
    const Pdf::Word gold = Pdf::word(pdf, QStringLiteral("vàng:"));
    const Pdf::Word decision = Pdf::word(pdf, QStringLiteral("17/QĐ-UBND"));
    REQUIRE(gold.page == 1);
    CHECK(gold.top > decision.bottom - 0.5);
    CHECK(gold.right < kEmblemLeft);
}

TEST_CASE("longCollectiveName_wrapsInsideItsBox_andNeverRunsIntoTheNextLine", "[documents][certificates][pdf]")
{
    const Cert::Layout l = Cert::builtIn(QStringLiteral("bang-khen"));
    const Cert::Field *box = l.field(QStringLiteral("recipient"));
    REQUIRE(box);
    const double bottom = boxBottom(l, "recipient");
    QTemporaryDir dir;

    // A two-line collective name: both lines inside the box, every word of it printed.
    const QString two = dir.filePath(QStringLiteral("two.pdf"));
    Cert::savePdf(l, {certificate(kLongName)}, Cert::Offset(), two);
    const QList<Pdf::Word> words = Pdf::words(two);
    const QList<Pdf::Word> inName = wordsIn(words, l, "recipient");
    QStringList printed;
    QSet<int> lines;
    for (const Pdf::Word &w : inName) {
        INFO(w.text.toStdString());
        printed << w.text;
        lines.insert(qRound(w.top));
        CHECK(w.left >= box->x - 0.5);
        CHECK(w.right <= box->x + box->width + 0.5);
        CHECK(w.top >= box->y - 0.5);
        CHECK(w.bottom <= bottom + 0.5);
    }
    CHECK(printed.join(QLatin1Char(' ')) == kLongName);
    CHECK(lines.size() == 2);
    // The line below starts under the name's box.
    const QList<Pdf::Word> detail = wordsIn(words, l, "detail");
    REQUIRE_FALSE(detail.isEmpty());
    CHECK(detail.first().text == QStringLiteral("Trực"));

    // Twice as long: shrunk (and cut short only if it must be), still inside the box, and
    // the next line is still where it belongs.
    const QString three = dir.filePath(QStringLiteral("three.pdf"));
    Cert::savePdf(l, {certificate(QStringList{kLongName, kLongName}.join(QStringLiteral(", ")))}, Cert::Offset(), three);
    const QList<Pdf::Word> longWords = Pdf::words(three);
    int inBox = 0;
    for (const Pdf::Word &w : longWords) {
        if (w.top >= box->y - 0.5 && w.top < bottom) {
            INFO(w.text.toStdString());
            ++inBox;
            CHECK(w.bottom <= bottom + 0.5);
            CHECK(w.right <= box->x + box->width + 0.5);
        }
    }
    CHECK(inBox >= 2 * 25);
    const Pdf::Word next = Pdf::word(three, QStringLiteral("Trực"));
    REQUIRE(next.page == 1);
    CHECK(next.top >= bottom - 0.5);
}
