// The DOCX a clerk edits in Word, read back without LibreOffice: the parts Word needs, the
// page of Decree 30, the title and signature blocks, lists whose header repeats and whose rows
// never split, Vietnamese text intact, and no file at all when it cannot be written.
#include "docxtools.h"

#include "core/documents/docxwriter.h"
#include "core/documents/renderer.h"
#include "core/error.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace VinhDanh;
using namespace VinhDanh::Documents;
namespace Read = VinhDanh::Test::Docx;

namespace {
const QString kW = QStringLiteral("http://schemas.openxmlformats.org/wordprocessingml/2006/main");

Document letterWithList(int rows)
{
    Document doc;
    doc.kind = QStringLiteral("quyet-dinh");
    doc.title = QStringLiteral("Quyết định 17/QĐ-UBND");
    doc.body = QStringLiteral("ỦY BAN NHÂN DÂN TỈNH THANH HÓA");
    Part letter;
    letter.number = QStringLiteral("Số: 17/QĐ-UBND");
    letter.placeDate = QStringLiteral("Thanh Hóa, ngày 15 tháng 01 năm 2026");
    letter.typeName = QStringLiteral("QUYẾT ĐỊNH");
    letter.subject = QStringLiteral("Về việc tặng Bằng khen năm 2025");
    letter.authorityLine = QStringLiteral("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA");
    letter.legalBases = {QStringLiteral("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022.")};
    letter.decidesLine = QStringLiteral("QUYẾT ĐỊNH:");
    letter.paragraphs = {Html::bold(QStringLiteral("Điều 1. "))
                         + Html::escaped(QStringLiteral("Tặng <Bằng khen> & “Lao động tiên tiến” "))
                         + Html::italic(QStringLiteral("(có danh sách kèm theo)"))};
    letter.signature = {QStringLiteral("KT. CHỦ TỊCH"), QStringLiteral("PHÓ CHỦ TỊCH"), QStringLiteral("Lê Thị Hồng Nhung")};
    letter.recipients = {QStringLiteral("Như Điều 3;"), QStringLiteral("Lưu: VT.")};
    Part list;
    list.letterhead = false;
    list.typeName = QStringLiteral("DANH SÁCH");
    list.subject = QStringLiteral("Các cá nhân được tặng Bằng khen\n(Kèm theo Quyết định số 17/QĐ-UBND)");
    Table t;
    t.headers = {QStringLiteral("TT"), QStringLiteral("Họ và tên"), QStringLiteral("Đơn vị"), QStringLiteral("Số tiền")};
    t.widths = {8, 40, 36, 16};
    t.rightAligned = {3};
    t.centred = {0};
    t.rows << TableRow{{QStringLiteral("I. CÁ NHÂN")}, true};
    for (int i = 1; i <= rows; ++i)
        t.rows << TableRow{{QString::number(i), QStringLiteral("Nguyễn Thị Ánh Tuyết %1").arg(i), QStringLiteral("Sở Nội vụ"),
                            QStringLiteral("2.340.000")},
                           false};
    t.totalRow = {QString(), QStringLiteral("Tổng cộng"), QString(), QStringLiteral("4.680.000")};
    list.tables << t;
    doc.parts << letter << list;
    return doc;
}

/// The attributes of every element named `name` (w: namespace), in document order.
QList<QXmlStreamAttributes> elements(const QByteArray &xml, const QString &name)
{
    QList<QXmlStreamAttributes> out;
    QXmlStreamReader x(xml);
    while (!x.atEnd())
        if (x.readNext() == QXmlStreamReader::StartElement && x.namespaceUri() == kW && x.name() == name)
            out << x.attributes();
    return out;
}

QString w(const QXmlStreamAttributes &a, const char *name)
{
    return a.value(kW, QLatin1String(name)).toString();
}

struct RunText
{
    QString text;
    bool bold = false, italic = false;
};

/// The runs of the body: their text and whether they are bold or italic.
QList<RunText> runs(const QByteArray &xml)
{
    QList<RunText> out;
    QXmlStreamReader x(xml);
    while (!x.atEnd()) {
        if (x.readNext() != QXmlStreamReader::StartElement || x.namespaceUri() != kW)
            continue;
        if (x.name() == QLatin1String("r"))
            out << RunText{};
        else if (!out.isEmpty() && x.name() == QLatin1String("b"))
            out.last().bold = true;
        else if (!out.isEmpty() && x.name() == QLatin1String("i"))
            out.last().italic = true;
        else if (!out.isEmpty() && x.name() == QLatin1String("t"))
            out.last().text += x.readElementText();
    }
    return out;
}
} // namespace

TEST_CASE("docx_hasThePartsWordNeeds_wellFormed_onA4WithTheDecree30MarginsAndPageNumbersFromPageTwo", "[documents][docx]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("quyet-dinh.docx"));
    Renderer::save(letterWithList(2), path);
    REQUIRE(QFile::exists(path));
    CHECK_FALSE(QFile::exists(path + QStringLiteral(".part")));

    for (const char *name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                             "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml"}) {
        INFO(name);
        const QByteArray xml = Read::entry(path, QLatin1String(name));
        REQUIRE_FALSE(xml.isEmpty());
        QXmlStreamReader reader(xml);
        while (!reader.atEnd())
            reader.readNext();
        CHECK(reader.errorString().toStdString() == "");
    }
    CHECK(Read::entry(path, QStringLiteral("[Content_Types].xml")).contains("wordprocessingml.document.main+xml"));
    CHECK(Read::entry(path, QStringLiteral("_rels/.rels")).contains("Target=\"word/document.xml\""));

    const QByteArray document = Read::entry(path, QStringLiteral("word/document.xml"));
    const QList<QXmlStreamAttributes> size = elements(document, QStringLiteral("pgSz"));
    REQUIRE(size.size() == 1);
    CHECK(w(size.first(), "w") == QStringLiteral("11906")); // A4 in twips
    CHECK(w(size.first(), "h") == QStringLiteral("16838"));
    const QList<QXmlStreamAttributes> margins = elements(document, QStringLiteral("pgMar"));
    REQUIRE(margins.size() == 1);
    CHECK(w(margins.first(), "left") == QStringLiteral("1701")); // 30 mm
    CHECK(w(margins.first(), "right") == QStringLiteral("850")); // 15 mm
    CHECK(w(margins.first(), "top") == QStringLiteral("1134"));  // 20 mm
    CHECK(w(margins.first(), "bottom") == QStringLiteral("1134"));
    // No number on page 1 (its own, empty header), the PAGE field on the others.
    CHECK(elements(document, QStringLiteral("titlePg")).size() == 1);
    CHECK(elements(document, QStringLiteral("headerReference")).size() == 2);
    CHECK(Read::entry(path, QStringLiteral("word/header2.xml")).contains(" PAGE "));
    CHECK_FALSE(Read::entry(path, QStringLiteral("word/header1.xml")).contains(" PAGE "));
    const QList<QXmlStreamAttributes> fonts = elements(Read::entry(path, QStringLiteral("word/styles.xml")), QStringLiteral("rFonts"));
    REQUIRE_FALSE(fonts.isEmpty());
    for (const char *script : {"ascii", "hAnsi", "cs"})
        CHECK(w(fonts.first(), script) == QStringLiteral("Times New Roman"));

    Document wide = letterWithList(2);
    wide.landscape = true;
    const QString landscape = dir.filePath(QStringLiteral("ngang.docx"));
    Renderer::save(wide, landscape);
    const QList<QXmlStreamAttributes> turned = elements(Read::entry(landscape, QStringLiteral("word/document.xml")),
                                                        QStringLiteral("pgSz"));
    REQUIRE(turned.size() == 1);
    CHECK(w(turned.first(), "w") == QStringLiteral("16838"));
    CHECK(w(turned.first(), "orient") == QStringLiteral("landscape"));
}

TEST_CASE("docx_keepsVietnameseTextInNfc_andTurnsTheInlineMarksIntoBoldAndItalicRuns", "[documents][docx]")
{
    Document doc = letterWithList(1);
    // A name typed on a system that decomposes accents comes out composed, as stored.
    const QString decomposed = QStringLiteral("Trần Thị Bình").normalized(QString::NormalizationForm_D);
    doc.parts[1].tables[0].rows[1].cells[1] = decomposed;
    const QByteArray xml = Documents::Docx::documentXml(doc);
    QString error;
    const QString text = Read::text(xml, &error);
    REQUIRE(error.toStdString() == "");
    CHECK(xml.contains(QStringLiteral("Thanh Hóa, ngày 15 tháng 01 năm 2026").toUtf8()));
    CHECK(xml.contains(QStringLiteral("Trần Thị Bình").toUtf8()));
    CHECK_FALSE(xml.contains(decomposed.toUtf8()));
    for (const QString &block : Read::blockTexts(doc)) {
        INFO(block.toStdString());
        CHECK(Read::flat(text).contains(Read::flat(block.normalized(QString::NormalizationForm_C))));
    }

    // "<b>Điều 1. </b>Tặng &lt;Bằng khen&gt; …<i>(có danh sách kèm theo)</i>": three runs, no tags in the text.
    const QList<RunText> body = runs(xml);
    auto find = [&body](const QString &text) {
        for (const RunText &r : body)
            if (r.text == text)
                return r;
        return RunText{QStringLiteral("(missing)")};
    };
    const RunText article = find(QStringLiteral("Điều 1. "));
    CHECK((article.bold && !article.italic));
    const RunText plain = find(QStringLiteral("Tặng <Bằng khen> & “Lao động tiên tiến” "));
    CHECK((plain.text != QStringLiteral("(missing)") && !plain.bold && !plain.italic));
    const RunText note = find(QStringLiteral("(có danh sách kèm theo)"));
    CHECK((note.italic && !note.bold));
    CHECK_FALSE(text.contains(QStringLiteral("<b>")));
    CHECK_FALSE(text.contains(QStringLiteral("&lt;")));
    // The legal bases are italic, the signer's name bold.
    CHECK(find(QStringLiteral("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022.")).italic);
    CHECK(find(QStringLiteral("Lê Thị Hồng Nhung")).bold);
}

TEST_CASE("docxList_repeatsItsHeaderRow_splitsNoRow_mergesHeadingRows_andStartsOnANewPage", "[documents][docx]")
{
    const QByteArray xml = Documents::Docx::documentXml(letterWithList(3));
    // Three tables: the title block, the signature block, the list (in that order).
    const QList<QXmlStreamAttributes> grids = elements(xml, QStringLiteral("gridCol"));
    REQUIRE(grids.size() == 2 + 2 + 4);
    // The list's columns follow its widths (8/40/36/16 % of the 165 mm text width).
    const int text = 11906 - 1701 - 850;
    CHECK(w(grids.at(4), "w").toInt() == text * 8 / 100);
    CHECK(w(grids.at(5), "w").toInt() == text * 40 / 100);
    int sum = 0;
    for (int c = 4; c < 8; ++c)
        sum += w(grids.at(c), "w").toInt();
    CHECK(sum == text);
    // Header row, heading row, 3 rows, total row: each whole on a page; only the header repeats.
    CHECK(elements(xml, QStringLiteral("tblHeader")).size() == 1);
    // The title block's two rows (bodies, then number and date), the signature's, the list's rows.
    CHECK(elements(xml, QStringLiteral("cantSplit")).size() == 2 + 1 + 1 + 1 + 3 + 1);
    const QList<QXmlStreamAttributes> spans = elements(xml, QStringLiteral("gridSpan"));
    REQUIRE(spans.size() == 1);
    CHECK(w(spans.first(), "val") == QStringLiteral("4"));
    // The list (the second part) starts on a new page; the rules are black.
    CHECK(elements(xml, QStringLiteral("pageBreakBefore")).size() == 1);
    for (const QXmlStreamAttributes &b : elements(xml, QStringLiteral("insideH")))
        if (w(b, "val") != QStringLiteral("nil"))
            CHECK(w(b, "color") == QStringLiteral("000000"));
    // The amounts are right-aligned.
    QStringList alignments;
    for (const QXmlStreamAttributes &a : elements(xml, QStringLiteral("jc")))
        alignments << w(a, "val");
    CHECK(alignments.contains(QStringLiteral("right")));
}

TEST_CASE("docx_inAFolderThatDoesNotExist_isRefusedWithAMessage_andLeavesNoFile", "[documents][docx]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("khong-co/quyet-dinh.docx"));
    const QString message = Test::errorOf([&] { Renderer::save(letterWithList(1), path); });
    CHECK(message.contains(QStringLiteral("quyet-dinh.docx")));
    CHECK_FALSE(QFile::exists(path));
    CHECK(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
}
