#pragma once

#include "core/documents/document.h"

#include <QByteArray>
#include <QString>

namespace VinhDanh::Documents::Docx {

/// Writes the document as a Word file (.docx, WordprocessingML) laid out as Renderer::paint()
/// lays it out: A4 (landscape when asked), the Decree 30 margins, Times New Roman 13 pt
/// (LibreOffice substitutes Liberation Serif), the title block and the signature block as
/// borderless tables, page numbers centred in the header from page 2, list header rows repeated
/// on every page and no list row split across pages. Written to "path.part" and renamed, so a
/// failure leaves no file; Error when it cannot be written.
void save(const Document &doc, const QString &path);

/// word/document.xml of that file (for tests and for save()).
QByteArray documentXml(const Document &doc);

} // namespace VinhDanh::Documents::Docx
