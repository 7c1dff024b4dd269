// Painting certificates and the calibration grid onto a blank-sized page.
//
// Trap: the painter is NOT scaled to millimetres. Fonts are given in points, which the device
// turns into its own pixels; a scaled painter would scale them a second time. So positions are
// converted mm → device pixels by hand (mm()), and fonts are measured against the device.
#include "core/documents/certificates.h"

#include "core/documents/renderer.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextLayout>

namespace VinhDanh::Documents::Certificates {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VinhDanh::Documents::Certificates)
};

// The smallest a line may shrink to fit its box, as a share of its size in the layout.
constexpr double kMinShrink = 0.6;

class Page
{
public:
    explicit Page(QPagedPaintDevice &device) : m_device(device), m_dpmm(device.logicalDpiX() / 25.4) {}
    double mm(double millimetres) const { return millimetres * m_dpmm; }
    QPointF at(double x, double y, Offset offset) const { return {mm(x + offset.x()), mm(y + offset.y())}; }
    QPaintDevice &device() const { return m_device; }

private:
    QPagedPaintDevice &m_device;
    double m_dpmm;
};

void setUpPage(const Layout &layout, QPagedPaintDevice &device)
{
    // The page is the blank itself, corner to corner: a blank has no margins of its own.
    const QPageSize size(layout.paper, QPageSize::Millimeter, layout.name, QPageSize::ExactMatch);
    device.setPageLayout(QPageLayout(size, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
}

QFont fieldFont(const Layout &layout, const Field &f, double scale)
{
    QFont font(layout.fontFamily);
    font.setPointSizeF(f.pointSize * scale);
    font.setBold(f.bold);
    font.setItalic(f.italic);
    return font;
}

int alignment(const Field &f)
{
    const int h = f.align == QLatin1String("left")    ? Qt::AlignLeft
                  : f.align == QLatin1String("right") ? Qt::AlignRight
                                                      : Qt::AlignHCenter;
    return h | Qt::AlignTop | Qt::TextSingleLine;
}

/// `text` broken into lines no wider than `width` device pixels in `font` ("\n" starts a new
/// line): at word boundaries, inside a word only when the word alone is wider than the box.
QStringList breakLines(const QString &text, const QFont &font, double width, QPaintDevice *device)
{
    QStringList out;
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QTextLayout layout(paragraph, font, device);
        layout.setTextOption(option);
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            out << paragraph.mid(line.textStart(), line.textLength()).trimmed();
        }
        layout.endLayout();
    }
    return out;
}

/// Draws `text` inside the field's box and never outside it, so a long name cannot run into
/// the line below (issue 14): it wraps onto the box's lines, shrinks (to kMinShrink) when it
/// needs more, and when even that is not enough its last line is cut short with "…". A layout
/// whose box is too small shows it on the certificate rather than overprinting the next field.
void drawField(QPainter &painter, const Page &page, const Layout &layout, const Field &f, QString text, Offset offset)
{
    if (f.upper)
        text = text.toUpper();
    if (text.trimmed().isEmpty())
        return;
    const QPointF topLeft = page.at(f.x, f.y, offset);
    const double width = page.mm(f.width);
    QFont font;
    QStringList lines;
    for (double scale = 1.0; scale >= kMinShrink - 1e-9; scale -= 0.05) {
        font = fieldFont(layout, f, scale);
        lines = breakLines(text, font, width, &page.device());
        if (lines.size() <= f.lines)
            break;
    }
    const QFontMetricsF metrics(font, &page.device());
    if (lines.size() > f.lines) {
        const QString rest = QStringList(lines.mid(f.lines - 1)).join(QLatin1Char(' '));
        lines = lines.mid(0, f.lines - 1);
        lines << metrics.elidedText(rest, Qt::ElideRight, width);
    }
    painter.setFont(font);
    // Lines are spaced as the box was measured (at full size), so a shrunk text stays centred
    // on the same lines and its last baseline never passes the box's bottom.
    const double spacing = QFontMetricsF(fieldFont(layout, f, 1.0), &page.device()).lineSpacing();
    const double used = metrics.lineSpacing();
    for (int i = 0; i < lines.size(); ++i) {
        const QRectF row(topLeft.x(), topLeft.y() + i * spacing + (spacing - used) / 2, width, used);
        painter.drawText(row, alignment(f), lines.at(i));
    }
}

void drawCross(QPainter &painter, const Page &page, double x, double y, Offset offset)
{
    const QPointF c = page.at(x, y, offset);
    const double arm = page.mm(6);
    painter.drawLine(QPointF(c.x() - arm, c.y()), QPointF(c.x() + arm, c.y()));
    painter.drawLine(QPointF(c.x(), c.y() - arm), QPointF(c.x(), c.y() + arm));
    painter.drawEllipse(c, page.mm(3), page.mm(3));
}
} // namespace

int paint(const Layout &layout, const QList<Certificate> &certificates, Offset offset, QPagedPaintDevice &device)
{
    if (certificates.isEmpty())
        throw Core::Error(Tr::tr("There is no certificate to print."));
    setUpPage(layout, device);
    QPainter painter(&device);
    if (!painter.isActive())
        throw Core::Error(Tr::tr("The printer or file cannot be opened for printing."));
    const Page page(device);
    painter.setPen(Qt::black);
    for (int i = 0; i < certificates.size(); ++i) {
        if (i > 0)
            device.newPage();
        for (const Field &f : layout.fields)
            drawField(painter, page, layout, f, certificates.at(i).text.value(f.key), offset);
    }
    return int(certificates.size());
}

void paintTestGrid(const Layout &layout, Offset offset, QPagedPaintDevice &device)
{
    setUpPage(layout, device);
    QPainter painter(&device);
    if (!painter.isActive())
        throw Core::Error(Tr::tr("The printer or file cannot be opened for printing."));
    const Page page(device);
    const double w = layout.paper.width(), h = layout.paper.height();

    // Millimetre grid: every 5 mm faint, every 10 mm darker, numbered every 50 mm.
    QFont small(layout.fontFamily);
    small.setPointSizeF(7);
    painter.setFont(small);
    for (int x = 0; x <= int(w); x += 5) {
        painter.setPen(QPen(x % 10 ? QColor(215, 215, 215) : QColor(150, 150, 150), 0));
        painter.drawLine(page.at(x, 0, offset), page.at(x, h, offset));
        if (x % 50 == 0 && x > 0) {
            painter.setPen(Qt::black);
            painter.drawText(page.at(x + 0.8, 4, offset), QString::number(x));
        }
    }
    for (int y = 0; y <= int(h); y += 5) {
        painter.setPen(QPen(y % 10 ? QColor(215, 215, 215) : QColor(150, 150, 150), 0));
        painter.drawLine(page.at(0, y, offset), page.at(w, y, offset));
        if (y % 50 == 0 && y > 0) {
            painter.setPen(Qt::black);
            painter.drawText(page.at(1, y - 0.8, offset), QString::number(y));
        }
    }

    // Where each field prints, dashed, with its name.
    QPen dashed(QColor(0, 70, 170), page.mm(0.3), Qt::DashLine);
    for (const Field &f : layout.fields) {
        const QSizeF box = boxSize(layout, f);
        painter.setPen(dashed);
        painter.drawRect(QRectF(page.at(f.x, f.y, offset), QSizeF(page.mm(box.width()), page.mm(box.height()))));
        painter.setPen(QColor(0, 70, 170));
        // Named in Vietnamese (fieldLabel), as the clerk who lays it over the blank reads it.
        painter.drawText(page.at(f.x + 1, f.y + 3, offset), fieldLabel(f.key));
    }

    // The two crosses the clerk measures, 20 mm in from the top-left and bottom-right corners.
    painter.setPen(QPen(Qt::red, page.mm(0.3)));
    painter.setBrush(Qt::NoBrush);
    drawCross(painter, page, kCrossInset, kCrossInset, offset);
    drawCross(painter, page, w - kCrossInset, h - kCrossInset, offset);

    // How to use it, in the middle of the page (documents are Vietnamese whatever the UI language).
    QFont text(layout.fontFamily);
    text.setPointSizeF(11);
    painter.setFont(text);
    painter.setPen(Qt::black);
    const QString help =
        QStringLiteral("LƯỚI CĂN CHỈNH – %1 (%2 × %3 mm)\n"
                       "Độ lệch đang dùng: ngang %4 mm, dọc %5 mm.\n"
                       "In trang này lên giấy trắng cùng khổ, đặt như đặt phôi. Đo từ mép trái và mép trên của giấy đến tâm dấu + đỏ "
                       "ở góc trên:\n"
                       "đúng vị trí là %6 mm. Nhập hai số đo được vào hiệu chỉnh của máy in này; chương trình tự tính độ lệch mới.")
            .arg(layout.name)
            .arg(w)
            .arg(h)
            .arg(offset.x())
            .arg(offset.y())
            .arg(kCrossInset);
    painter.drawText(QRectF(page.at(w * 0.1, h * 0.04, offset), QSizeF(page.mm(w * 0.8), page.mm(h * 0.2))),
                     Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, help);
}

QSizeF boxSize(const Layout &layout, const Field &field)
{
    // Measured at printer resolution: line spacing in millimetres does not depend on the
    // device, but hinting at screen resolution would round it.
    constexpr double kDpi = 1200;
    QImage probe(1, 1, QImage::Format_Mono);
    probe.setDotsPerMeterX(qRound(kDpi / 0.0254));
    probe.setDotsPerMeterY(qRound(kDpi / 0.0254));
    const QFontMetricsF metrics(fieldFont(layout, field, 1.0), &probe);
    return {field.width, metrics.lineSpacing() * field.lines * 25.4 / kDpi};
}

Offset corrected(Offset current, double measuredLeft, double measuredTop)
{
    return Offset(current.x() - (measuredLeft - kCrossInset), current.y() - (measuredTop - kCrossInset));
}

void savePdf(const Layout &layout, const QList<Certificate> &certificates, Offset offset, const QString &path)
{
    if (certificates.isEmpty())
        throw Core::Error(Tr::tr("There is no certificate to print."));
    Renderer::writePdf(path, layout.name, [&](QPagedPaintDevice &device) { paint(layout, certificates, offset, device); });
}

void saveTestGridPdf(const Layout &layout, Offset offset, const QString &path)
{
    Renderer::writePdf(path, layout.name, [&](QPagedPaintDevice &device) { paintTestGrid(layout, offset, device); });
}

} // namespace VinhDanh::Documents::Certificates
