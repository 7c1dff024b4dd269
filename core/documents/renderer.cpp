#include "core/documents/renderer.h"

#include "core/documents/docxwriter.h"
#include "core/documents/letterhead.h"
#include "core/documents/renderer_p.h"
#include "core/error.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
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
const QString kFontFamily = QStringLiteral("'Times New Roman', 'Liberation Serif'");
using Renderer::Blocks::bodyFont;
using Renderer::Blocks::kLayoutDpi;

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

QFont Renderer::Blocks::bodyFont()
{
    QFont font;
    font.setFamilies({QStringLiteral("Times New Roman"), QStringLiteral("Liberation Serif")});
    font.setPointSizeF(Renderer::kBodyPointSize);
    return font;
}

QPaintDevice *Renderer::Blocks::layoutDevice()
{
    static QImage probe = [] {
        QImage image(1, 1, QImage::Format_Mono);
        image.setDotsPerMeterX(qRound(kLayoutDpi / 0.0254));
        image.setDotsPerMeterY(qRound(kLayoutDpi / 0.0254));
        return image;
    }();
    return &probe;
}

QStringList Renderer::letterheadLines(const QString &name, bool bold, bool landscape)
{
    // Measured as the layout sets it: 13 pt at kLayoutDpi, in the left column (40% of the text
    // width), with a little room for the cell's edges.
    QFont font = bodyFont();
    font.setBold(bold);
    const QFontMetricsF metrics(font, Renderer::Blocks::layoutDevice());
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

namespace Renderer::Blocks {
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
    const QString right = p(Html::bold(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
                            QStringLiteral("font-size:12pt; white-space:nowrap"))
                          + p(Html::bold(QStringLiteral("Độc lập - Tự do - Hạnh phúc")), line) + QStringLiteral("<hr width=\"55%\"/>");
    QString rows =
        QStringLiteral("<tr><td width=\"40%\" valign=\"top\">%1</td><td width=\"60%\" valign=\"top\">%2</td></tr>").arg(left, right);
    if (!part.number.isEmpty() || !part.placeDate.isEmpty())
        rows += QStringLiteral("<tr><td valign=\"top\">%1</td><td valign=\"top\">%2</td></tr>")
                    .arg(part.number.isEmpty() ? QString()
                                               : p(Html::escaped(part.number), QStringLiteral("font-size:13pt; margin-top:5px")),
                         part.placeDate.isEmpty() ? QString()
                                                  : p(Html::italic(part.placeDate), QStringLiteral("font-size:13pt; margin-top:5px")));
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-style:none\">%1</table>")
        .arg(rows);
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

QString headHtml(const Document &doc, const Part &part)
{
    return (part.letterhead ? letterheadHtml(doc, part) : QString()) + titleHtml(part);
}

QString basesHtml(const Part &part)
{
    QString out;
    for (const QString &basis : part.legalBases)
        out += QStringLiteral("<p align=\"justify\" style=\"margin-top:0; margin-bottom:4px; text-indent:38px\">%1</p>")
                   .arg(Html::italic(basis));
    return out;
}

QString decidesHtml(const Part &part)
{
    return part.decidesLine.isEmpty()
               ? QString()
               : p(Html::bold(part.decidesLine), QStringLiteral("font-size:14pt; margin-top:11px; margin-bottom:11px"));
}

QString bodyHtml(const QStringList &paragraphs)
{
    QString out;
    for (const QString &para : paragraphs)
        out += bodyParagraph(para);
    return out;
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
    QString out = QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
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
            out +=
                QStringLiteral("<td align=\"%1\" style=\"font-size:12pt\">%2</td>").arg(cellAlign(c), Html::bold(t.totalRow.value(c)));
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
    for (const QString &line : s.authority.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) // "TM. …" over "KT. …"
        sign += p(Html::bold(line), QStringLiteral("font-size:13pt"));
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
} // namespace Renderer::Blocks

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
    using namespace Blocks;
    QString out = QStringLiteral("<html><head><meta charset=\"utf-8\"/><title>%1</title></head>"
                                 "<body style=\"font-family:%2; font-size:%3pt\">")
                      .arg(Html::escaped(doc.title), kFontFamily)
                      .arg(kBodyPointSize);
    bool first = true;
    for (const Part &part : doc.parts) {
        // Every part after the first starts on a new page (the list attached to a decision).
        out += first ? QStringLiteral("<div>") : QStringLiteral("<div style=\"page-break-before:always\">");
        first = false;
        out += headHtml(doc, part) + basesHtml(part) + decidesHtml(part) + bodyHtml(part.paragraphs);
        for (const Table &t : part.tables)
            out += bodyHtml(t.intro) + tableHtml(t);
        out += bodyHtml(part.closing) + signatureHtml(part);
        out += QStringLiteral("</div>");
    }
    return out + QStringLiteral("</body></html>");
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

void save(const Document &doc, const QString &path, const Progress &progress)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    // ODT is no longer written (LibreOffice showed neither the title nor the signature block
    // of Qt's ODF): whoever asks for it is sent to the DOCX, which LibreOffice opens as well.
    if (ext == QLatin1String("odt"))
        throw Core::Error(
            Tr::tr("%1: .odt files are no longer made; choose a file ending in .docx, which LibreOffice and Word both open.")
                .arg(QFileInfo(path).fileName()));
    if (!extensions().contains(ext))
        throw Core::Error(Tr::tr("%1: choose a file ending in .pdf, .docx, .xlsx or .csv.").arg(QFileInfo(path).fileName()));
    if (!canSave(doc, ext))
        throw Core::Error(Tr::tr("%1 has no list to write as .%2; save it as .pdf or .docx.").arg(doc.title, ext));
    if (ext == QLatin1String("pdf"))
        savePdf(doc, path, progress);
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

void savePdf(const Document &doc, const QString &path, const Progress &progress)
{
    writePdf(path, doc.title, [&](QPagedPaintDevice &device) { paint(doc, device, progress); });
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
