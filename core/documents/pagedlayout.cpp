// Renderer::paint(): the document set page by page. QTextDocument lays a whole document out at
// once, and a list of 10,000 rows took it two minutes; here each block of text (letterhead,
// bases, body, signature) is a small QTextDocument of its own, and a table is measured and
// drawn one row at a time with QTextLayout, so time grows with the rows and memory stays that
// of one page.
//
// Lengths are px at Blocks::kLayoutDpi (96 dpi), the unit Qt's HTML is written in; the painter
// is scaled to the device. The page rules:
// - no table row is split across pages; the header row repeats on every page of its table;
// - a heading row ("I. CÁ NHÂN") stays with the row under it, a table's intro with its header
//   and first row, the head of a part with what follows it;
// - the signature block never stands alone: the last line (or row) above it goes over with it;
// - a page is begun only for something to put on it, so there is no blank page.
#include "core/documents/renderer.h"
#include "core/documents/renderer_p.h"

#include "core/error.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <deque>
#include <memory>
#include <vector>

namespace VinhDanh::Documents::Renderer {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VinhDanh::Documents::Renderer)
};

constexpr double kTableFontSize = 12;
constexpr double kCellPadding = 3;  // px, as the HTML's cellpadding
constexpr double kTableMargin = 8;  // px above and below a table
constexpr double kRuleWidth = 0.75; // px: 0.2 mm, black (Decree 30 lists have black rules)
constexpr qsizetype kProgressEvery = 200;

/// Where the content of every page is and how the painter maps layout px onto the device.
class Pager
{
public:
    Pager(QPagedPaintDevice &device, QPainter &painter, const QRectF &content, double scale)
        : m_device(device), m_painter(painter), m_content(content), m_scale(scale), m_width(content.width() / scale),
          m_height(content.height() / scale)
    {
        beginPage();
    }

    double width() const { return m_width; }
    double pageHeight() const { return m_height; }
    double room() const { return m_height - m_y; }
    double y() const { return m_y; }
    bool fresh() const { return m_fresh; }
    int pages() const { return m_page + 1; }
    QPainter &painter() { return m_painter; }

    void advance(double height)
    {
        m_y += height;
        m_fresh = false;
    }
    void newPage()
    {
        m_device.newPage();
        ++m_page;
        beginPage();
    }

private:
    void beginPage()
    {
        m_y = 0;
        m_fresh = true;
        m_painter.resetTransform();
        // Decree 30: page numbers centred in the top margin, none on the first page.
        if (m_page > 0) {
            m_painter.setFont(Blocks::bodyFont());
            m_painter.drawText(QRectF(m_content.left(), 0, m_content.width(), m_content.top()), Qt::AlignCenter,
                               QString::number(m_page + 1));
        }
        m_painter.translate(m_content.left(), m_content.top());
        m_painter.scale(m_scale, m_scale);
    }

    QPagedPaintDevice &m_device;
    QPainter &m_painter;
    QRectF m_content;
    double m_scale;
    double m_width, m_height;
    double m_y = 0;
    bool m_fresh = true;
    int m_page = 0;
};

/// A block of HTML text at the page's width. Breakable blocks may go over to the next page
/// between two lines; others move whole.
class Flow
{
public:
    Flow(const QString &html, bool breakable, double width)
    {
        m_text.documentLayout()->setPaintDevice(Blocks::layoutDevice());
        m_text.setDefaultFont(Blocks::bodyFont());
        m_text.setDocumentMargin(0);
        m_text.setHtml(html);
        m_text.setTextWidth(width);
        m_height = m_text.documentLayout()->documentSize().height();
        if (!breakable)
            return;
        for (QTextBlock b = m_text.begin(); b.isValid(); b = b.next()) {
            const QTextLayout *layout = b.layout();
            for (int i = 0; i < layout->lineCount(); ++i) {
                const double top = layout->position().y() + layout->lineAt(i).y();
                if (top > 0.5)
                    m_breaks.push_back(top);
            }
        }
    }

    /// What must share a page with the block before it (a keep-with-next): its first line.
    double firstUnit() const { return m_breaks.empty() ? m_height : m_breaks.front(); }
    /// True when the block cannot be broken: one line, or set whole.
    bool isOneUnit() const { return m_breaks.empty(); }

    /// Sets the block from the pager's position on, `reserve` being the height of what must
    /// follow its last line on the same page.
    void place(Pager &pager, double reserve) const
    {
        double from = 0;
        for (;;) {
            const double rest = m_height - from;
            if (rest <= pager.room()) {
                if (rest + reserve <= pager.room())
                    return draw(pager, from, m_height);
                // It fits, but what must follow it does not: its last line goes over too.
                if (const double b = lastBreakBefore(m_height, from); b > from) {
                    draw(pager, from, b);
                    pager.newPage();
                    from = b;
                    continue;
                }
                if (!pager.fresh()) {
                    pager.newPage();
                    continue;
                }
                return draw(pager, from, m_height);
            }
            double b = lastBreakBefore(from + pager.room(), from);
            if (b <= from) {
                if (!pager.fresh()) {
                    pager.newPage();
                    continue;
                }
                b = from + pager.room(); // taller than a page, with no line to break at: cut
            }
            draw(pager, from, b);
            pager.newPage();
            from = b;
        }
    }

private:
    /// The last line top at or before `limit` past `from`; `from` when there is none.
    double lastBreakBefore(double limit, double from) const
    {
        double best = from;
        for (const double b : m_breaks) {
            if (b > limit + 0.01)
                break;
            if (b > from + 0.01)
                best = b;
        }
        return best;
    }

    void draw(Pager &pager, double from, double to) const
    {
        QPainter &painter = pager.painter();
        painter.save();
        painter.translate(0, pager.y() - from);
        QAbstractTextDocumentLayout::PaintContext ctx;
        // Qt draws <hr> in the palette's dark colour, grey by default: the rules under the
        // letterhead and the title are black on paper.
        ctx.palette.setColor(QPalette::Dark, Qt::black);
        ctx.palette.setColor(QPalette::Text, Qt::black);
        const bool whole = from == 0 && to >= m_height;
        // A slice is clipped at its line tops; a little room above keeps the stacked accents
        // of its first line (Vietnamese sets them above the ascent).
        if (!whole) {
            ctx.clip = QRectF(-10, from - 4, pager.width() + 20, to - from + 4);
            painter.setClipRect(ctx.clip);
        }
        m_text.documentLayout()->draw(&painter, ctx);
        painter.restore();
        pager.advance(to - from);
    }

    QTextDocument m_text;
    double m_height = 0;
    std::vector<double> m_breaks;
};

/// A table drawn row by row: each row's cells are laid out with QTextLayout when it is about
/// to be placed (and the next one, to keep heading rows with it), then dropped.
class TablePainter
{
public:
    TablePainter(const Table &table, double width, Pager &pager, qsizetype &done, qsizetype total, const Progress &progress)
        : m_table(table), m_pager(pager), m_done(done), m_total(total), m_progress(progress)
    {
        const int columns = int(table.headers.size());
        // Column widths in percent of the text width; missing ones share what is left.
        double given = 0;
        for (int c = 0; c < columns && c < table.widths.size(); ++c)
            given += table.widths.at(c);
        const int missing = columns - int(std::min<qsizetype>(columns, table.widths.size()));
        const double share = missing > 0 ? std::max(0.0, 100 - given) / missing : 0;
        const double sum = given + share * missing;
        double x = 0;
        for (int c = 0; c < columns; ++c) {
            const double percent = c < table.widths.size() ? table.widths.at(c) : share;
            m_left.push_back(x);
            x += width * percent / (sum > 0 ? sum : 1);
        }
        m_left.push_back(width);
        m_font = Blocks::bodyFont();
        m_font.setPointSizeF(kTableFontSize);
        m_bold = m_font;
        m_bold.setBold(true);
        m_header = header();
    }

    /// The height of what must go with the block before the table: margin, header, first row.
    double firstUnit()
    {
        double h = kTableMargin + m_header.height;
        if (rowCount() > 0) {
            const Row &first = rowAt(0);
            h += first.height;
            if (first.heading && rowCount() > 1)
                h += rowAt(1).height;
        }
        return h;
    }

    void place(double reserve)
    {
        const qsizetype rows = rowCount();
        // The header goes with the first row and what that row keeps (a heading its row; in a
        // one-row list, the signature).
        const double start = kTableMargin + m_header.height + (rows > 0 ? need(0, reserve) : 0);
        if (start > m_pager.room() && !m_pager.fresh())
            m_pager.newPage();
        m_pager.advance(std::min(kTableMargin, m_pager.room()));
        drawRow(m_header);
        bool onlyHeader = true;
        for (qsizetype i = 0; i < rows; ++i) {
            const Row &row = rowAt(i); // a deque: laying out the next row keeps this reference
            if (need(i, reserve) > m_pager.room() && !onlyHeader) {
                m_pager.newPage();
                drawRow(m_header);
            }
            drawRow(row);
            onlyHeader = false;
            const bool counted = !row.heading;
            dropBefore(i + 1);
            if (counted && ++m_done % kProgressEvery == 0 && m_progress && !m_progress(m_done, m_total))
                throw Core::Error(Tr::tr("Printing was stopped."));
        }
        m_pager.advance(std::min(kTableMargin, m_pager.room()));
    }

private:
    struct Row;

    /// The height row `i` needs on its page: its own, and what it keeps with it — a heading
    /// the rows it heads up to the first plain one, the last data row "Tổng cộng", the last row
    /// the table's bottom margin and `reserve` (the signature under a list).
    double need(qsizetype i, double reserve)
    {
        const qsizetype rows = rowCount();
        const double height = rowAt(i).height;
        if (i + 1 == rows)
            return height + kTableMargin + reserve;
        if (rowAt(i).heading || (i + 2 == rows && !m_table.totalRow.isEmpty()))
            return height + need(i + 1, reserve);
        return height;
    }

    struct Row
    {
        std::vector<std::unique_ptr<QTextLayout>> cells; // one per column; one only for a heading
        double height = 0;
        bool heading = false;
        bool middle = false; // the header row: text centred vertically
    };

    qsizetype rowCount() const { return m_table.rows.size() + (m_table.totalRow.isEmpty() ? 0 : 1); }

    const Row &rowAt(qsizetype i)
    {
        while (m_firstLaid + qsizetype(m_laid.size()) <= i)
            m_laid.push_back(lay(m_firstLaid + qsizetype(m_laid.size())));
        return m_laid.at(std::size_t(i - m_firstLaid));
    }
    void dropBefore(qsizetype i)
    {
        while (m_firstLaid < i && !m_laid.empty()) {
            m_laid.pop_front();
            ++m_firstLaid;
        }
    }

    Qt::Alignment alignOf(int c) const
    {
        if (m_table.rightAligned.contains(c))
            return Qt::AlignRight;
        if (m_table.centred.contains(c))
            return Qt::AlignHCenter;
        return Qt::AlignLeft;
    }

    /// Lays `text` out in a cell `width` wide; returns the text's height.
    static double layText(QTextLayout &layout, const QFont &font, Qt::Alignment align, double width)
    {
        layout.setFont(font);
        QTextOption option(align);
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        layout.setCacheEnabled(true);
        double h = 0;
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(std::max(1.0, width));
            line.setPosition(QPointF(0, h));
            h += line.height();
        }
        layout.endLayout();
        return h;
    }

    Row makeRow(const QStringList &cells, const QFont &font, bool heading, bool header)
    {
        Row row;
        row.heading = heading;
        row.middle = header;
        const int columns = heading ? 1 : int(m_left.size()) - 1;
        double tallest = 0;
        for (int c = 0; c < columns; ++c) {
            const double width = (heading ? m_left.back() : m_left.at(c + 1) - m_left.at(c)) - 2 * kCellPadding;
            auto layout = std::make_unique<QTextLayout>(cells.value(c), font, Blocks::layoutDevice());
            tallest = std::max(tallest,
                               layText(*layout, font, header ? Qt::AlignHCenter : (heading ? Qt::AlignLeft : alignOf(c)), width));
            row.cells.push_back(std::move(layout));
        }
        row.height = tallest + 2 * kCellPadding + kRuleWidth;
        return row;
    }

    Row header() { return makeRow(m_table.headers, m_bold, false, true); }

    Row lay(qsizetype i)
    {
        if (i < m_table.rows.size()) {
            const TableRow &r = m_table.rows.at(i);
            return makeRow(r.cells, r.heading ? m_bold : m_font, r.heading, false);
        }
        return makeRow(m_table.totalRow, m_bold, false, false);
    }

    void drawRow(const Row &row)
    {
        QPainter &painter = m_pager.painter();
        const double top = m_pager.y();
        const double bottom = top + row.height;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const QTextLayout &layout = *row.cells.at(c);
            double textTop = top + kCellPadding;
            if (row.middle)
                textTop += (row.height - 2 * kCellPadding - kRuleWidth - layout.boundingRect().height()) / 2;
            layout.draw(&painter, QPointF(m_left.at(c) + kCellPadding, textTop));
        }
        painter.save();
        painter.setPen(QPen(Qt::black, kRuleWidth));
        painter.drawLine(QPointF(0, top), QPointF(m_left.back(), top));
        painter.drawLine(QPointF(0, bottom), QPointF(m_left.back(), bottom));
        if (row.heading) {
            painter.drawLine(QPointF(0, top), QPointF(0, bottom));
            painter.drawLine(QPointF(m_left.back(), top), QPointF(m_left.back(), bottom));
        } else {
            for (const double x : m_left)
                painter.drawLine(QPointF(x, top), QPointF(x, bottom));
        }
        painter.restore();
        m_pager.advance(std::min(row.height, m_pager.room()));
    }

    const Table &m_table;
    Pager &m_pager;
    qsizetype &m_done;
    qsizetype m_total;
    const Progress &m_progress;
    std::vector<double> m_left; // each column's left edge, then the right edge of the last
    QFont m_font, m_bold;
    Row m_header;
    std::deque<Row> m_laid; // rows laid out ahead, from m_firstLaid on
    qsizetype m_firstLaid = 0;
};

/// One thing to set in a part's flow: a block of text or a table.
struct Item
{
    std::unique_ptr<Flow> flow;
    std::unique_ptr<TablePainter> table;
    bool keepWithNext = false;
    double firstUnit() const { return flow ? flow->firstUnit() : table->firstUnit(); }
};

} // namespace

int paint(const Document &doc, QPagedPaintDevice &device, const Progress &progress)
{
    // Full-page layout: the margins are ours (Decree 30), and the page number sits in the top
    // margin, which a printer-margin layout would clip.
    const QPageLayout layout(QPageSize(QPageSize::A4), doc.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                             QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    device.setPageLayout(layout);
    const QSizeF pageMm = layout.fullRect(QPageLayout::Millimeter).size();
    const double dotsPerMm = device.logicalDpiX() / 25.4;
    const QRectF content(kMarginLeft * dotsPerMm, kMarginTop * dotsPerMm, (pageMm.width() - kMarginLeft - kMarginRight) * dotsPerMm,
                         (pageMm.height() - kMarginTop - kMarginBottom) * dotsPerMm);

    QPainter painter(&device);
    if (!painter.isActive())
        throw Core::Error(Tr::tr("The document cannot be printed: the printer or file did not open."));
    Pager pager(device, painter, content, device.logicalDpiX() / Blocks::kLayoutDpi);
    qsizetype total = 0, done = 0;
    for (const Table &t : doc.allTables())
        total += std::count_if(t.rows.begin(), t.rows.end(), [](const TableRow &r) { return !r.heading; })
                 + (t.totalRow.isEmpty() ? 0 : 1);

    bool first = true;
    for (const Part &part : doc.parts) {
        // Every part after the first starts on a new page (the list attached to a decision).
        if (!first && !pager.fresh())
            pager.newPage();
        first = false;
        std::vector<Item> items;
        auto addFlow = [&](const QString &html, bool breakable, bool keepWithNext) {
            if (html.isEmpty())
                return;
            Item item;
            item.flow = std::make_unique<Flow>(html, breakable, pager.width());
            item.keepWithNext = keepWithNext;
            items.push_back(std::move(item));
        };
        // The head, the decides line and a table's intro keep what follows them.
        addFlow(Blocks::headHtml(doc, part), false, true);
        addFlow(Blocks::basesHtml(part), true, false);
        addFlow(Blocks::decidesHtml(part), false, true);
        addFlow(Blocks::bodyHtml(part.paragraphs), true, false);
        for (const Table &t : part.tables) {
            addFlow(Blocks::bodyHtml(t.intro), true, true);
            Item item;
            item.table = std::make_unique<TablePainter>(t, pager.width(), pager, done, total, progress);
            items.push_back(std::move(item));
        }
        addFlow(Blocks::bodyHtml(part.closing), true, false);
        const QString signature = Blocks::signatureHtml(part);
        if (!signature.isEmpty() && !items.empty()) {
            // The signature never alone on its page; when the block above it is one line (a
            // list's "Danh sách có 04 cá nhân."), the last row or line above that comes too.
            items.back().keepWithNext = true;
            if (items.size() > 1 && items.back().flow && items.back().flow->isOneUnit())
                items.at(items.size() - 2).keepWithNext = true;
        }
        addFlow(signature, false, false);
        // What each item must leave room for under its last line or row: the first unit of the
        // next, and through a one-line block that keeps its own next, that one's too.
        std::vector<double> reserves(items.size(), 0);
        for (std::size_t i = items.size(); i-- > 1;) {
            const Item &next = items.at(i);
            if (!items.at(i - 1).keepWithNext)
                continue;
            const bool oneUnit = next.flow && next.flow->isOneUnit();
            reserves.at(i - 1) = next.firstUnit() + (oneUnit && next.keepWithNext ? reserves.at(i) : 0);
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items.at(i).flow)
                items.at(i).flow->place(pager, reserves.at(i));
            else
                items.at(i).table->place(reserves.at(i));
        }
    }
    if (progress && !progress(done, total))
        throw Core::Error(Tr::tr("Printing was stopped."));
    painter.end();
    return pager.pages();
}

} // namespace VinhDanh::Documents::Renderer
