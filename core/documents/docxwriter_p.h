#pragma once
// Shared by docxwriter.cpp (the body), docxruns.cpp (its text) and docxpackage.cpp (the other
// parts and the zip).

#include "core/documents/document.h"
#include "core/documents/renderer.h"

#include <QList>
#include <QString>

class QXmlStreamWriter;

namespace VinhDanh::Documents::Docx {

inline const QString kW = QStringLiteral("http://schemas.openxmlformats.org/wordprocessingml/2006/main");
inline const QString kR = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");

/// The page in twips: A4, the Decree 30 margins of Renderer.
struct Page
{
    int width = 11906, height = 16838;
    bool landscape = false;
    static int twips(double mm) { return int(mm * 1440 / 25.4 + 0.5); }
    static Page of(const Document &doc)
    {
        Page p;
        if (doc.landscape) {
            std::swap(p.width, p.height);
            p.landscape = true;
        }
        return p;
    }
    int textWidth() const { return width - twips(Renderer::kMarginLeft) - twips(Renderer::kMarginRight); }
};

/// One run of text with its marks.
struct Run
{
    QString text;
    bool bold = false;
    bool italic = false;
};

/// Text for an XML text node: NFC, without the control characters XML 1.0 forbids.
QString clean(const QString &text);
/// The runs of a builder's paragraph: its only markup is <b>…</b> and <i>…</i> around escaped
/// text (Html::bold / Html::italic), so a splitter on exactly those four tags reads it.
QList<Run> marked(const QString &html);

/// The body's w:sectPr: page size and margins, the page-number header from page 2.
void writeSection(QXmlStreamWriter &x, const Page &page);

} // namespace VinhDanh::Documents::Docx
