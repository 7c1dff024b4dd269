#include "core/documents/renderer.h"

#include "core/documents/docxwriter.h"
#include "core/documents/letterhead.h"
#include "core/error.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <functional>

namespace VinhDanh::Documents {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VinhDanh::Documents::Renderer)
};

// Times New Roman where it is installed; on Debian fontconfig maps it to Liberation Serif,
// its metric twin (fonts-liberation2), which is then the only family the PDF embeds.
// The resolution documents are laid out at (see paint()).
constexpr double kLayoutDpi = 96;
constexpr double kPageSlack = 6; // px at kLayoutDpi, about 1.6 mm (see paint())

const QString kFontFamily = QStringLiteral("'Times New Roman', 'Liberation Serif'");

QFont bodyFont()
{
    QFont font;
    font.setFamilies({QStringLiteral("Times New Roman"), QStringLiteral("Liberation Serif")});
    font.setPointSizeF(Renderer::kBodyPointSize);
    return font;
}

/// Writes the whole file or nothing (QSaveFile renames a finished temporary file).
void writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Core::Error(Tr::tr("%1 cannot be written: %2").arg(path, file.errorString()));
    file.write(bytes);
    if (!file.commit())
        throw Core::Error(Tr::tr("%1 cannot be written: check the folder and that the file is not open elsewhere.").arg(path));
}

QString p(const QString &content, const QString &style = {}, const QString &align = QStringLiteral("center"))
{
    // Lengths are in px at the 96-dpi layout (Qt's HTML ignores pt in margins). Qt keeps the first of two declarations of a property, so the default margins go only
    // where the caller gave none.
    QString css = style;
    if (!css.contains(QLatin1String("margin-top")))
        css += QStringLiteral("; margin-top:0");
    if (!css.contains(QLatin1String("margin-bottom")))
        css += QStringLiteral("; margin-bottom:0");
    return QStringLiteral("<p align=\"%1\" style=\"%2\">%3</p>").arg(align, css, content);
}

} // namespace

QStringList Renderer::letterheadLines(const QString &name, bool bold, bool landscape)
{
    // Measured as the layout sets it: 13 pt at kLayoutDpi, in the left column (40% of the text
    // width), with a little room for the cell's edges.
    QFont font = bodyFont();
    font.setBold(bold);
    static QImage probe = [] {
        QImage image(1, 1, QImage::Format_RGB32);
        image.setDotsPerMeterX(qRound(kLayoutDpi / 0.0254));
        image.setDotsPerMeterY(qRound(kLayoutDpi / 0.0254));
        return image;
    }();
    const QFontMetricsF metrics(font, &probe);
    const double textMm = (landscape ? 297.0 : 210.0) - Renderer::kMarginLeft - Renderer::kMarginRight;
    const double widthPx = textMm / 25.4 * kLayoutDpi * 0.40 * 0.95;
    QStringList out;
    std::function<void(const QString &)> fit = [&](const QString &line) {
        if (metrics.horizontalAdvance(line) <= widthPx || !line.contains(QLatin1Char(' '))) {
            out << line;
            return;
        }
        // The space that balances the two halves best: "CÔNG TY CỔ PHẦN" / "VIỄN THÔNG TÂN THỦY".
        qsizetype best = -1;
        double bestWidth = 0;
        for (qsizetype i = line.indexOf(QLatin1Char(' ')); i >= 0; i = line.indexOf(QLatin1Char(' '), i + 1)) {
            const double w = std::max(metrics.horizontalAdvance(line.left(i)), metrics.horizontalAdvance(line.mid(i + 1)));
            if (best < 0 || w < bestWidth) {
                best = i;
                bestWidth = w;
            }
        }
        fit(line.left(best));
        fit(line.mid(best + 1));
    };
    for (const QString &line : Letterhead::lines(name))
        fit(line);
    return out;
}

namespace {
QString letterheadHtml(const Document &doc, const Part &part)
{
    // Two rows, as Decree 30 sets them: the bodies beside the national title, then the number
    // beside the place and date, so the two share a baseline whatever the lines above. Each
    // line of a name is set whole (nowrap; letterheadLines() chose where a long one breaks).
    const QString line = QStringLiteral("font-size:13pt; white-space:nowrap");
    QString left;
    for (const QString &l : Renderer::letterheadLines(doc.parentBody, false, doc.landscape))
        left += p(Html::escaped(l), line);
    for (const QString &l : Renderer::letterheadLines(doc.body, true, doc.landscape))
        left += p(Html::bold(l), line);
    left += QStringLiteral("<hr width=\"35%\"/>");
    const QString right = p(Html::bold(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")), QStringLiteral("font-size:12pt; white-space:nowrap"))
        + p(Html::bold(QStringLiteral("Độc lập - Tự do - Hạnh phúc")), line) + QStringLiteral("<hr width=\"55%\"/>");
    QString rows = QStringLiteral("<tr><td width=\"40%\" valign=\"top\">%1</td><td width=\"60%\" valign=\"top\">%2</td></tr>").arg(left, right);
    if (!part.number.isEmpty() || !part.placeDate.isEmpty())
        rows += QStringLiteral("<tr><td valign=\"top\">%1</td><td valign=\"top\">%2</td></tr>")
                    .arg(part.number.isEmpty() ? QString() : p(Html::escaped(part.number), QStringLiteral("font-size:13pt; margin-top:5px")),
                         part.placeDate.isEmpty() ? QString() : p(Html::italic(part.placeDate), QStringLiteral("font-size:13pt; margin-top:5px")));
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-style:none\">%1</table>").arg(rows);
}

QString titleHtml(const Part &part)
{
    QString out;
    if (!part.typeName.isEmpty())
        out += p(Html::bold(part.typeName), QStringLiteral("font-size:14pt; margin-top:19px"));
    if (!part.subject.isEmpty()) {
        // A subject of several lines (a list's "Kèm theo Quyết định số …") keeps its breaks.
        QStringList lines;
        for (const QString &line : part.subject.split(QLatin1Char('\n')))
            lines << Html::bold(line);
        out += p(lines.join(QStringLiteral("<br/>")), QStringLiteral("font-size:14pt"));
    }
    if (!part.caption.isEmpty()) {
        QStringList lines;
        for (const QString &line : part.caption.split(QLatin1Char('\n')))
            lines << Html::italic(line);
        out += p(lines.join(QStringLiteral("<br/>")), QStringLiteral("font-size:14pt"));
    }
    if (!part.subject.isEmpty() || !part.caption.isEmpty())
        out += QStringLiteral("<hr width=\"25%\"/>");
    if (!part.addressee.isEmpty())
        out += p(Html::escaped(part.addressee), QStringLiteral("margin-top:11px; margin-bottom:11px"));
    if (!part.authorityLine.isEmpty())
        out += p(Html::bold(part.authorityLine), QStringLiteral("font-size:14pt; margin-top:13px; margin-bottom:11px"));
    return out;
}

QString bodyParagraph(const QString &html)
{
    return QStringLiteral("<p align=\"justify\" style=\"margin-top:0; margin-bottom:8px; text-indent:38px\">%1</p>").arg(html);
}

QString tableHtml(const Table &t)
{
    const int columns = int(t.headers.size());
    auto cellAlign = [&t](int c) {
        if (t.rightAligned.contains(c))
            return QStringLiteral("right");
        if (t.centred.contains(c))
            return QStringLiteral("center");
        return QStringLiteral("left");
    };
    QString out;
    for (const QString &para : t.intro)
        out += bodyParagraph(para);
    out += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                          "style=\"border-collapse:collapse; border-color:black; margin-top:8px; margin-bottom:8px\">"
                          "<thead><tr>");
    for (int c = 0; c < columns; ++c) {
        const QString width = c < t.widths.size() ? QStringLiteral(" width=\"%1%\"").arg(t.widths.at(c)) : QString();
        out += QStringLiteral("<th%1 align=\"center\" valign=\"middle\" style=\"font-size:12pt\">%2</th>")
                   .arg(width, Html::escaped(t.headers.at(c)));
    }
    out += QStringLiteral("</tr></thead><tbody>");
    for (const TableRow &row : t.rows) {
        if (row.heading) {
            out += QStringLiteral("<tr><td colspan=\"%1\" style=\"font-size:12pt\">%2</td></tr>")
                       .arg(columns)
                       .arg(Html::bold(row.cells.value(0)));
            continue;
        }
        out += QStringLiteral("<tr>");
        for (int c = 0; c < columns; ++c)
            out += QStringLiteral("<td align=\"%1\" valign=\"top\" style=\"font-size:12pt\">%2</td>")
                       .arg(cellAlign(c), Html::escaped(row.cells.value(c)));
        out += QStringLiteral("</tr>");
    }
    if (!t.totalRow.isEmpty()) {
        out += QStringLiteral("<tr>");
        for (int c = 0; c < columns; ++c)
            out += QStringLiteral("<td align=\"%1\" style=\"font-size:12pt\">%2</td>").arg(cellAlign(c), Html::bold(t.totalRow.value(c)));
        out += QStringLiteral("</tr>");
    }
    return out + QStringLiteral("</tbody></table>");
}

/// One signature block: authority, title, room for the signature and seal (box 8), name.
QString signatureBlock(const Signature &s)
{
    if (s.isEmpty())
        return {};
    QString sign;
    if (!s.authority.isEmpty())
        sign += p(Html::bold(s.authority), QStringLiteral("font-size:13pt"));
    if (!s.title.isEmpty())
        sign += p(Html::bold(s.title), QStringLiteral("font-size:13pt"));
    sign += p(QStringLiteral("&nbsp;"), QStringLiteral("margin-top:72px"));
    sign += p(Html::bold(s.name), QStringLiteral("font-size:13pt"));
    return sign;
}

QString signatureHtml(const Part &part)
{
    QString left;
    if (!part.recipients.isEmpty()) {
        left = p(QStringLiteral("<b><i>Nơi nhận:</i></b>"), QStringLiteral("font-size:12pt"), QStringLiteral("left"));
        for (const QString &r : part.recipients)
            left += p(QStringLiteral("- ") + Html::escaped(r), QStringLiteral("font-size:11pt"), QStringLiteral("left"));
    } else {
        left = signatureBlock(part.secondSignature); // minutes: the secretary beside the chair
    }
    const QString sign = signatureBlock(part.signature);
    if (left.isEmpty() && sign.isEmpty())
        return {};
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-style:none; margin-top:16px\"><tr>"
                          "<td width=\"45%\" valign=\"top\">%1</td><td width=\"55%\" valign=\"top\">%2</td></tr></table>")
        .arg(left, sign);
}
} // namespace

namespace Html {
QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}
QString bold(const QString &text)
{
    return QStringLiteral("<b>") + escaped(text) + QStringLiteral("</b>");
}
QString italic(const QString &text)
{
    return QStringLiteral("<i>") + escaped(text) + QStringLiteral("</i>");
}
} // namespace Html

namespace Renderer {

QString html(const Document &doc)
{
    QString out = QStringLiteral("<html><head><meta charset=\"utf-8\"/><title>%1</title></head>"
                                 "<body style=\"font-family:%2; font-size:%3pt\">")
                      .arg(Html::escaped(doc.title), kFontFamily)
                      .arg(kBodyPointSize);
    bool first = true;
    for (const Part &part : doc.parts) {
        // Every part after the first starts on a new page (the list attached to a decision).
        out += first ? QStringLiteral("<div>") : QStringLiteral("<div style=\"page-break-before:always\">");
        first = false;
        if (part.letterhead)
            out += letterheadHtml(doc, part);
        out += titleHtml(part);
        for (int i = 0; i < part.legalBases.size(); ++i)
            out += QStringLiteral("<p align=\"justify\" style=\"margin-top:0; margin-bottom:4px; text-indent:38px\">%1</p>")
                       .arg(Html::italic(part.legalBases.at(i)));
        if (!part.decidesLine.isEmpty())
            out += p(Html::bold(part.decidesLine), QStringLiteral("font-size:14pt; margin-top:11px; margin-bottom:11px"));
        for (const QString &para : part.paragraphs)
            out += bodyParagraph(para);
        for (const Table &t : part.tables)
            out += tableHtml(t);
        for (const QString &para : part.closing)
            out += bodyParagraph(para);
        out += signatureHtml(part);
        out += QStringLiteral("</div>");
    }
    return out + QStringLiteral("</body></html>");
}

int paint(const Document &doc, QPagedPaintDevice &device)
{
    // Full-page layout: the margins are ours (Decree 30), and the page number sits in the top
    // margin, which a printer-margin layout would clip.
    const QPageLayout layout(QPageSize(QPageSize::A4), doc.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                             QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    device.setPageLayout(layout);
    const QSizeF pageMm = layout.fullRect(QPageLayout::Millimeter).size();
    const double dotsPerMm = device.logicalDpiX() / 25.4;
    const QRectF content(kMarginLeft * dotsPerMm, kMarginTop * dotsPerMm,
                         (pageMm.width() - kMarginLeft - kMarginRight) * dotsPerMm,
                         (pageMm.height() - kMarginTop - kMarginBottom) * dotsPerMm);

    // Lay out at a fixed 96 dpi and scale the painter to the device (as QTextDocument::print
    // does): Qt's HTML reads px and pt lengths at 96 dpi, so laying out in a 600-dpi PDF's own
    // pixels would shrink every margin and indent sixfold. A fixed reference (not the screen)
    // makes the same document break into the same pages on every machine.
    QImage reference(1, 1, QImage::Format_Mono);
    reference.setDotsPerMeterX(qRound(kLayoutDpi / 0.0254));
    reference.setDotsPerMeterY(qRound(kLayoutDpi / 0.0254));
    const double scale = device.logicalDpiX() / kLayoutDpi;
    QTextDocument text;
    text.documentLayout()->setPaintDevice(&reference);
    text.setDefaultFont(bodyFont());
    // A small document margin is laid out at the top and bottom of every page: the accents of
    // a page's first line (Vietnamese stacks them high) then stay on their own page instead of
    // showing under the clip of the page before. The margin is taken back by the translation.
    text.setDocumentMargin(kPageSlack);
    text.setHtml(html(doc));
    text.setPageSize(QSizeF(content.width() / scale + 2 * kPageSlack, content.height() / scale + 2 * kPageSlack));
    const double pageHeight = text.pageSize().height();

    QPainter painter(&device);
    if (!painter.isActive())
        throw Core::Error(Tr::tr("The document cannot be printed: the printer or file did not open."));
    QFont numberFont = bodyFont();
    const int pages = text.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            device.newPage();
        painter.save();
        painter.translate(content.left(), content.top());
        painter.scale(scale, scale);
        painter.translate(-kPageSlack, -kPageSlack);
        painter.translate(0, -i * pageHeight);
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = QRectF(0, i * pageHeight, text.pageSize().width(), pageHeight);
        painter.setClipRect(ctx.clip);
        text.documentLayout()->draw(&painter, ctx);
        painter.restore();
        // Decree 30: page numbers centred in the top margin, none on the first page.
        if (i > 0) {
            painter.setFont(numberFont);
            painter.drawText(QRectF(content.left(), 0, content.width(), content.top()), Qt::AlignCenter, QString::number(i + 1));
        }
    }
    painter.end();
    return pages;
}

QStringList extensions()
{
    return {QStringLiteral("pdf"), QStringLiteral("docx"), QStringLiteral("xlsx"), QStringLiteral("csv")};
}

bool canSave(const Document &doc, const QString &extension)
{
    const QString ext = extension.toLower();
    if (ext == QLatin1String("xlsx") || ext == QLatin1String("csv"))
        return !doc.allTables().isEmpty();
    return extensions().contains(ext);
}

void save(const Document &doc, const QString &path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    // ODT is no longer written (LibreOffice showed neither the title nor the signature block
    // of Qt's ODF): whoever asks for it is sent to the DOCX, which LibreOffice opens as well.
    if (ext == QLatin1String("odt"))
        throw Core::Error(Tr::tr("%1: .odt files are no longer made; choose a file ending in .docx, which LibreOffice and Word both open.")
                              .arg(QFileInfo(path).fileName()));
    if (!extensions().contains(ext))
        throw Core::Error(Tr::tr("%1: choose a file ending in .pdf, .docx, .xlsx or .csv.").arg(QFileInfo(path).fileName()));
    if (!canSave(doc, ext))
        throw Core::Error(Tr::tr("%1 has no list to write as .%2; save it as .pdf or .docx.").arg(doc.title, ext));
    if (ext == QLatin1String("pdf"))
        savePdf(doc, path);
    else if (ext == QLatin1String("docx"))
        saveDocx(doc, path);
    else if (ext == QLatin1String("csv"))
        saveCsv(doc, path);
    else
        saveXlsx(doc, path);
}

void writePdf(const QString &path, const QString &title, const std::function<void(QPagedPaintDevice &)> &paintPages)
{
    // Written beside the target and renamed at the end: a failure never leaves half a file.
    const QString partial = path + QStringLiteral(".part");
    {
        QPdfWriter writer(partial);
        writer.setResolution(600);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Vinh Danh"));
        try {
            paintPages(writer);
        } catch (...) {
            QFile::remove(partial);
            throw;
        }
    }
    replaceWithPartial(partial, path);
}

void replaceWithPartial(const QString &partial, const QString &path)
{
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        throw Core::Error(Tr::tr("%1 cannot be written: check the folder and that the file is not open elsewhere.").arg(path));
    }
}

void savePdf(const Document &doc, const QString &path)
{
    writePdf(path, doc.title, [&doc](QPagedPaintDevice &device) { paint(doc, device); });
}

void saveDocx(const Document &doc, const QString &path)
{
    Docx::save(doc, path);
}

void saveCsv(const Document &doc, const QString &path)
{
    writeFile(path, csv(doc));
}

} // namespace Renderer

} // namespace VinhDanh::Documents
