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
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>

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
    const int h = f.align == QLatin1String("left") ? Qt::AlignLeft : f.align == QLatin1String("right") ? Qt::AlignRight
                                                                                                         : Qt::AlignHCenter;
    return h | Qt::AlignTop | Qt::TextWordWrap;
}

/// Draws `text` in the field's box, shrinking it until it fits the box's width and lines.
void drawField(QPainter &painter, const Page &page, const Layout &layout, const Field &f, QString text, Offset offset)
{
    if (f.upper)
        text = text.toUpper();
    const QPointF topLeft = page.at(f.x, f.y, offset);
    const double width = page.mm(f.width);
    QFont font;
    QRectF box;
    for (double scale = 1.0; scale >= kMinShrink - 1e-9; scale -= 0.05) {
        font = fieldFont(layout, f, scale);
        const QFontMetricsF metrics(font, &page.device());
        const double height = metrics.lineSpacing() * f.lines;
        const QRectF need = metrics.boundingRect(QRectF(0, 0, width, 1e9), alignment(f), text);
        box = QRectF(topLeft, QSizeF(width, std::max(height, need.height())));
        if (need.width() <= width + 0.5 && need.height() <= height + 0.5)
            break;
    }
    painter.setFont(font);
    painter.drawText(box, alignment(f), text);
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
        const QFontMetricsF metrics(fieldFont(layout, f, 1.0), &device);
        painter.setPen(dashed);
        painter.drawRect(QRectF(page.at(f.x, f.y, offset), QSizeF(page.mm(f.width), metrics.lineSpacing() * f.lines)));
        painter.setPen(QColor(0, 70, 170));
        painter.drawText(page.at(f.x + 1, f.y + 3, offset), f.key);
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
    const QString help = QStringLiteral(
        "LƯỚI CĂN CHỈNH – %1 (%2 × %3 mm)\n"
        "Độ lệch đang dùng: ngang %4 mm, dọc %5 mm.\n"
        "In trang này lên giấy trắng cùng khổ, đặt như đặt phôi. Đo từ mép trái và mép trên của giấy đến tâm dấu + đỏ ở góc trên:\n"
        "đúng vị trí là %6 mm. Nhập hai số đo được vào hiệu chỉnh của máy in này; chương trình tự tính độ lệch mới.")
        .arg(layout.name).arg(w).arg(h).arg(offset.x()).arg(offset.y()).arg(kCrossInset);
    painter.drawText(QRectF(page.at(w * 0.1, h * 0.04, offset), QSizeF(page.mm(w * 0.8), page.mm(h * 0.2))),
                     Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, help);
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
