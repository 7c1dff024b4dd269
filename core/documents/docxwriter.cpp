// word/document.xml of the DOCX (Docx::documentXml): the blocks of Renderer::html() in
// WordprocessingML, with the same fonts, sizes, spacing and widths, so the file a clerk edits in
// Word or LibreOffice looks like the PDF. Lengths are twips (1/20 pt); 1 px of the 96-dpi HTML
// layout is 15 twips. The package around it is in docxpackage.cpp.
#include "core/documents/docxwriter.h"
#include "core/documents/docxwriter_p.h"
#include "core/documents/renderer.h"

#include <QXmlStreamWriter>

namespace VinhDanh::Documents::Docx {

namespace {
constexpr int kPx = 15;                  // twips per px of the HTML layout (96 dpi)
constexpr int kIndent = 38 * kPx;        // first-line indent of body paragraphs
constexpr int kSignatureRoom = 72 * kPx; // room for the signature and seal (box 8)
constexpr int kTableMargin = 8 * kPx;

/// Paragraph properties, as the HTML's p() styles give them.
struct Para
{
    const char *align = "center"; // w:jc: left, center, right, both
    int points = 13;
    int before = 0, after = 0; // twips
    int firstLine = 0, left = 0, right = 0;
    int exactLine = 0; // twips; 0: single spacing
    bool keepNext = false;
    bool bold = false, italic = false;
    bool rule = false; // a line under the paragraph (the HTML's <hr>)
};

QList<Run> plain(const QString &text)
{
    return text.isEmpty() ? QList<Run>{} : QList<Run>{Run{text}};
}

class Body
{
public:
    Body(QXmlStreamWriter &xml, int textWidth) : x(xml), m_textWidth(textWidth) {}

    int textWidth() const { return m_textWidth; }
    bool afterTable() const { return m_afterTable; }

    void paragraph(Para p, const QList<Run> &runs)
    {
        if (m_afterTable && p.exactLine == 0)
            p.before = qMax(p.before, kTableMargin); // the HTML table's margin-bottom
        start("p");
        start("pPr");
        if (p.keepNext)
            empty("keepNext");
        if (m_pageBreak)
            empty("pageBreakBefore");
        m_pageBreak = false;
        if (p.rule) {
            start("pBdr");
            border("bottom", 6);
            end();
        }
        empty("spacing");
        attr("before", p.before);
        attr("after", p.after);
        attr("line", p.exactLine > 0 ? p.exactLine : 240);
        attr("lineRule", p.exactLine > 0 ? "exact" : "auto");
        if (p.firstLine || p.left || p.right) {
            empty("ind");
            attr("left", p.left);
            attr("right", p.right);
            attr("firstLine", p.firstLine);
        }
        val("jc", p.align);
        start("rPr"); // the paragraph mark: its size sets the height of an empty paragraph
        val("sz", p.points * 2);
        val("szCs", p.points * 2);
        end();
        end(); // pPr
        for (const Run &r : runs)
            run(r, p);
        end();
        m_afterTable = false;
    }

    /// A centred line `width` twips long inside a box `box` twips wide (the HTML's <hr width>).
    void rule(int width, int box)
    {
        Para p;
        p.rule = true;
        p.points = 2;
        p.exactLine = 6 * kPx;
        p.after = 6 * kPx;
        p.left = p.right = qMax(0, (box - width) / 2);
        paragraph(p, {});
    }

    /// A paragraph only as high as `height` twips: between two tables (Word would merge them),
    /// at the end of the body, or carrying a page break before a table.
    void spacer(int height, bool keepNext = false)
    {
        Para p;
        p.points = 1;
        p.exactLine = qMax(20, height);
        p.keepNext = keepNext;
        paragraph(p, {});
    }

    /// The next paragraph (or table) starts on a new page.
    void pageBreak() { m_pageBreak = true; }

    void beginTable(const QList<int> &grid, bool borders, int margin)
    {
        if (m_afterTable || m_pageBreak)
            spacer(20);
        start("tbl");
        start("tblPr");
        empty("tblW");
        attr("w", sum(grid));
        attr("type", "dxa");
        empty("tblInd");
        attr("w", 0);
        attr("type", "dxa");
        start("tblBorders");
        for (const char *side : {"top", "left", "bottom", "right", "insideH", "insideV"})
            border(side, borders ? 4 : 0);
        end();
        empty("tblLayout");
        attr("type", "fixed");
        start("tblCellMar");
        for (const char *side : {"top", "left", "bottom", "right"}) {
            empty(side);
            attr("w", margin);
            attr("type", "dxa");
        }
        end();
        end(); // tblPr
        start("tblGrid");
        for (int w : grid) {
            empty("gridCol");
            attr("w", w);
        }
        end();
    }
    void endTable()
    {
        end();
        m_afterTable = true;
    }
    /// A row that never splits across pages; a header row repeats at the top of every page.
    void beginRow(bool header = false)
    {
        start("tr");
        start("trPr");
        empty("cantSplit");
        if (header)
            empty("tblHeader");
        end();
    }
    void endRow() { end(); }
    void beginCell(int width, int span = 1, const char *vAlign = "top")
    {
        start("tc");
        start("tcPr");
        empty("tcW");
        attr("w", width);
        attr("type", "dxa");
        if (span > 1)
            val("gridSpan", span);
        val("vAlign", vAlign);
        end();
        m_cellEmpty = true;
    }
    void endCell()
    {
        if (m_cellEmpty) // a cell holds at least one paragraph
            paragraph(Para{}, {});
        end();
        m_afterTable = false;
    }
    void cellParagraph(const Para &p, const QList<Run> &runs)
    {
        paragraph(p, runs);
        m_cellEmpty = false;
    }

    /// Closes the body: Word wants a paragraph after a last table.
    void finish()
    {
        if (m_afterTable)
            spacer(20);
    }

private:
    void start(const char *name) { x.writeStartElement(kW, QLatin1String(name)); }
    void end() { x.writeEndElement(); }
    void empty(const char *name) { x.writeEmptyElement(kW, QLatin1String(name)); }
    void attr(const char *name, const QString &value) { x.writeAttribute(kW, QLatin1String(name), value); }
    void attr(const char *name, const char *value) { attr(name, QLatin1String(value)); }
    void attr(const char *name, int value) { attr(name, QString::number(value)); }
    template<typename T>
    void val(const char *name, T value)
    {
        empty(name);
        attr("val", value);
    }
    void border(const char *side, int eighths)
    {
        empty(side);
        attr("val", eighths > 0 ? "single" : "nil");
        if (eighths > 0) {
            attr("sz", eighths);
            attr("space", 0);
            attr("color", "000000");
        }
    }
    static int sum(const QList<int> &list)
    {
        int s = 0;
        for (int v : list)
            s += v;
        return s;
    }

    void run(const Run &r, const Para &p)
    {
        start("r");
        start("rPr");
        if (r.bold || p.bold)
            empty("b");
        if (r.italic || p.italic)
            empty("i");
        val("sz", p.points * 2);
        val("szCs", p.points * 2);
        end();
        const QStringList lines = clean(r.text).split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            if (i > 0)
                empty("br");
            if (lines.at(i).isEmpty())
                continue;
            start("t");
            x.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
            x.writeCharacters(lines.at(i));
            end();
        }
        end();
    }

    QXmlStreamWriter &x;
    int m_textWidth;
    bool m_pageBreak = false;
    bool m_afterTable = false;
    bool m_cellEmpty = false;
};

Para centred(int points, bool bold = false, bool italic = false)
{
    Para p;
    p.points = points;
    p.bold = bold;
    p.italic = italic;
    return p;
}

Para body(int after = 8 * kPx)
{
    Para p;
    p.align = "both";
    p.firstLine = kIndent;
    p.after = after;
    return p;
}

/// Two rows, as Renderer::html() sets them: the bodies (40 %) beside the national title, then the
/// number beside the place and date on one baseline. The bodies' lines are the PDF's own
/// (Renderer::letterheadLines): the clerk's lines, a long name broken between words.
void letterhead(Body &b, const Document &doc, const Part &part)
{
    const int left = b.textWidth() * 40 / 100, right = b.textWidth() - left;
    b.beginTable({left, right}, false, 0);
    b.beginRow();
    b.beginCell(left);
    for (const QString &line : Renderer::letterheadLines(doc.parentBody, false, doc.landscape))
        b.cellParagraph(centred(13), plain(line));
    for (const QString &line : Renderer::letterheadLines(doc.body, true, doc.landscape))
        b.cellParagraph(centred(13, true), plain(line));
    b.rule(left * 35 / 100, left);
    b.endCell();
    b.beginCell(right);
    b.cellParagraph(centred(12, true), plain(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
    b.cellParagraph(centred(13, true), plain(QStringLiteral("Độc lập - Tự do - Hạnh phúc")));
    b.rule(right * 55 / 100, right);
    b.endCell();
    b.endRow();
    if (!part.number.isEmpty() || !part.placeDate.isEmpty()) {
        b.beginRow();
        b.beginCell(left);
        Para number = centred(13);
        number.before = 5 * kPx;
        b.cellParagraph(number, plain(part.number));
        b.endCell();
        b.beginCell(right);
        Para date = centred(13, false, true);
        date.before = 5 * kPx;
        b.cellParagraph(date, plain(part.placeDate));
        b.endCell();
        b.endRow();
    }
    b.endTable();
}

void title(Body &b, const Part &part)
{
    if (!part.typeName.isEmpty()) {
        Para p = centred(14, true);
        p.before = 19 * kPx;
        p.keepNext = true;
        b.paragraph(p, plain(part.typeName));
    }
    if (!part.subject.isEmpty()) {
        Para p = centred(14, true);
        p.keepNext = true;
        b.paragraph(p, plain(part.subject)); // a subject of several lines keeps its breaks
    }
    if (!part.caption.isEmpty()) { // an attached list's "(Kèm theo Quyết định số …)"
        Para p = centred(14, false, true);
        p.keepNext = true;
        b.paragraph(p, plain(part.caption));
    }
    if (!part.subject.isEmpty() || !part.caption.isEmpty())
        b.rule(b.textWidth() * 25 / 100, b.textWidth());
    if (!part.addressee.isEmpty()) {
        Para p = centred(13);
        p.before = p.after = 11 * kPx;
        p.keepNext = true;
        b.paragraph(p, plain(part.addressee));
    }
    if (!part.authorityLine.isEmpty()) {
        Para p = centred(14, true);
        p.before = 13 * kPx;
        p.after = 11 * kPx;
        p.keepNext = true;
        b.paragraph(p, plain(part.authorityLine));
    }
}

/// Column widths in twips from the table's percentages (even when it gives none).
QList<int> columnWidths(const Table &t, int textWidth)
{
    const int columns = int(t.headers.size());
    QList<int> weights;
    int total = 0;
    for (int c = 0; c < columns; ++c) {
        const int w = t.widths.size() >= columns ? qMax(1, t.widths.at(c)) : 1;
        weights << w;
        total += w;
    }
    QList<int> grid;
    int used = 0;
    for (int c = 0; c < columns; ++c) {
        const int w = c + 1 == columns ? textWidth - used : textWidth * weights.at(c) / total;
        grid << w;
        used += w;
    }
    return grid;
}

/// A list: black rules, the header row repeated on each page, no row split across pages,
/// heading rows merged across and bold, the total row bold. `keepLast`: the last row stays
/// with what follows (the signature block).
void table(Body &b, const Table &t, bool keepLast)
{
    for (const QString &para : t.intro) {
        Para p = body();
        p.keepNext = true;
        b.paragraph(p, marked(para));
    }
    const int columns = int(t.headers.size());
    if (columns == 0)
        return;
    const QList<int> grid = columnWidths(t, b.textWidth());
    auto align = [&t](int c) { return t.rightAligned.contains(c) ? "right" : t.centred.contains(c) ? "center" : "left"; };
    b.beginTable(grid, true, 3 * kPx);
    b.beginRow(true);
    for (int c = 0; c < columns; ++c) {
        b.beginCell(grid.at(c), 1, "center");
        b.cellParagraph(centred(12, true), plain(t.headers.at(c)));
        b.endCell();
    }
    b.endRow();
    const int lastRow = int(t.rows.size()) - (t.totalRow.isEmpty() ? 1 : 0);
    auto cells = [&](const QStringList &texts, bool bold, bool keep) {
        b.beginRow();
        for (int c = 0; c < columns; ++c) {
            b.beginCell(grid.at(c));
            Para p = centred(12, bold);
            p.align = align(c);
            p.keepNext = keep;
            b.cellParagraph(p, plain(texts.value(c)));
            b.endCell();
        }
        b.endRow();
    };
    for (int i = 0; i < t.rows.size(); ++i) {
        const TableRow &row = t.rows.at(i);
        if (!row.heading) {
            cells(row.cells, false, keepLast && i == lastRow);
            continue;
        }
        // A group heading ("I. TẬP THỂ") stays with the first row of its group.
        b.beginRow();
        b.beginCell(b.textWidth(), columns);
        Para p = centred(12, true);
        p.align = "left";
        p.keepNext = true;
        b.cellParagraph(p, plain(row.cells.value(0)));
        b.endCell();
        b.endRow();
    }
    if (!t.totalRow.isEmpty())
        cells(t.totalRow, true, keepLast);
    b.endTable();
}

void signatureBlock(Body &b, const Signature &s)
{
    for (const QString &line : s.authority.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) // "TM. …" over "KT. …"
        b.cellParagraph(centred(13, true), plain(line));
    if (!s.title.isEmpty())
        b.cellParagraph(centred(13, true), plain(s.title));
    Para room = centred(13);
    room.before = kSignatureRoom;
    b.cellParagraph(room, {});
    b.cellParagraph(centred(13, true), plain(s.name));
}

bool hasSignatureBlock(const Part &part)
{
    return !part.recipients.isEmpty() || !part.signature.isEmpty() || !part.secondSignature.isEmpty();
}

/// Nơi nhận (or the secretary's signature) on the left, 45 %; the signature on the right.
void signature(Body &b, const Part &part)
{
    if (!hasSignatureBlock(part))
        return;
    b.spacer(16 * kPx + (b.afterTable() ? kTableMargin : 0), true);
    const int left = b.textWidth() * 45 / 100, right = b.textWidth() - left;
    b.beginTable({left, right}, false, 0);
    b.beginRow();
    b.beginCell(left);
    if (!part.recipients.isEmpty()) {
        Para heading = centred(12, true, true);
        heading.align = "left";
        b.cellParagraph(heading, plain(QStringLiteral("Nơi nhận:")));
        Para line = centred(11);
        line.align = "left";
        for (const QString &r : part.recipients)
            b.cellParagraph(line, plain(QStringLiteral("- ") + r));
    } else if (!part.secondSignature.isEmpty()) {
        signatureBlock(b, part.secondSignature); // minutes: the secretary beside the chair
    }
    b.endCell();
    b.beginCell(right);
    if (!part.signature.isEmpty())
        signatureBlock(b, part.signature);
    b.endCell();
    b.endRow();
    b.endTable();
}

void writePart(Body &b, const Document &doc, const Part &part)
{
    if (part.letterhead)
        letterhead(b, doc, part);
    title(b, part);
    for (const QString &basis : part.legalBases) {
        Para p = body(4 * kPx);
        p.italic = true;
        b.paragraph(p, plain(basis));
    }
    if (!part.decidesLine.isEmpty()) {
        Para p = centred(14, true);
        p.before = p.after = 11 * kPx;
        p.keepNext = true;
        b.paragraph(p, plain(part.decidesLine));
    }
    // What comes last before the signature block is kept on its page (never a lone signature).
    const bool signs = hasSignatureBlock(part);
    const bool keepTable = signs && part.closing.isEmpty() && !part.tables.isEmpty();
    for (int i = 0; i < part.paragraphs.size(); ++i) {
        Para p = body();
        p.keepNext = signs && part.closing.isEmpty() && part.tables.isEmpty() && i + 1 == part.paragraphs.size();
        b.paragraph(p, marked(part.paragraphs.at(i)));
    }
    for (int i = 0; i < part.tables.size(); ++i)
        table(b, part.tables.at(i), keepTable && i + 1 == part.tables.size());
    for (int i = 0; i < part.closing.size(); ++i) {
        Para p = body();
        p.keepNext = signs && i + 1 == part.closing.size();
        b.paragraph(p, marked(part.closing.at(i)));
    }
    signature(b, part);
}
} // namespace

QByteArray documentXml(const Document &doc)
{
    const Page page = Page::of(doc);
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.writeStartDocument(QStringLiteral("1.0"), true);
    x.writeNamespace(kW, QStringLiteral("w"));
    x.writeNamespace(kR, QStringLiteral("r"));
    x.writeStartElement(kW, QStringLiteral("document"));
    x.writeStartElement(kW, QStringLiteral("body"));
    Body b(x, page.textWidth());
    for (int i = 0; i < doc.parts.size(); ++i) {
        // Every part after the first starts on a new page (the list attached to a decision).
        if (i > 0)
            b.pageBreak();
        writePart(b, doc, doc.parts.at(i));
    }
    b.finish();
    writeSection(x, page);
    x.writeEndElement(); // body
    x.writeEndElement(); // document
    x.writeEndDocument();
    return out;
}

} // namespace VinhDanh::Documents::Docx
