#pragma once

#include "core/documents/document.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QPagedPaintDevice;
class QTextDocument;

namespace VinhDanh::Documents {

/// Lays a Document out per Decree 30/2020/NĐ-CP: A4 (landscape when the document asks for
/// it), margins top and bottom 20 mm, left 30 mm, right 15 mm, Times New Roman (fontconfig
/// gives its metric twin Liberation Serif on Debian) at 13 pt, page numbers centred in the top
/// margin from page 2 on, table header rows repeated on every page. The same layout goes to
/// a printer or a PDF, so what the preview shows is what prints; the DOCX (docxwriter.h)
/// mirrors it block by block for the clerk to edit in Word or LibreOffice.
///
/// Needs a QGuiApplication (fonts); the CLI makes one on the offscreen platform.
namespace Renderer {

/// Millimetres of the page margins (left, top, right, bottom).
constexpr double kMarginLeft = 30, kMarginTop = 20, kMarginRight = 15, kMarginBottom = 20;
constexpr double kBodyPointSize = 13;

/// The lines a letterhead name (Document::parentBody or body) is printed on: the clerk's own
/// lines (Letterhead::lines), and one too wide for the letterhead's column broken at the space
/// that balances its halves — never inside a word. The PDF and the DOCX set the same lines.
QStringList letterheadLines(const QString &name, bool bold, bool landscape);
/// The document as HTML for QTextDocument (parts separated by page breaks).
QString html(const Document &doc);
/// Told how many table rows of how many are on paper; returns false to stop (the caller's
/// cancel button). Called from the painting thread, every few hundred rows.
using Progress = std::function<bool(qsizetype done, qsizetype total)>;
/// Lays the document out for `device` (QPrinter or QPdfWriter): sets A4, the orientation and
/// full-page margins on it, then paints page after page (pagedlayout.cpp: a list of any length
/// is measured row by row, never laid out whole). No table row is split across pages, a
/// heading row stays with the row under it, and the signature block keeps the last line or
/// row above it company. Returns the number of pages; Error when `progress` stops it.
int paint(const Document &doc, QPagedPaintDevice &device, const Progress &progress = {});

/// Writes the document to `path`; the extension picks the format: .pdf (fonts embedded, text
/// selectable), .docx (Word and LibreOffice; no ODT: Qt's ODF writer lost the title and
/// signature blocks), .xlsx and .csv (the document's tables; Error when it has none). Error with
/// the reason when the file cannot be written or the extension is not one of these; nothing is
/// left behind on failure.
/// `progress` is told of a PDF's rows (paint()); the other formats are written at once.
void save(const Document &doc, const QString &path, const Progress &progress = {});
/// The extensions save() understands, for file dialogs and messages: pdf, docx, xlsx, csv.
QStringList extensions();
/// True when save() can write the document in that format (xlsx and csv need a table).
bool canSave(const Document &doc, const QString &extension);

void savePdf(const Document &doc, const QString &path, const Progress &progress = {});
/// Puts a finished "path.part" in place of `path` (every writer here writes beside the target
/// first, so a failure never leaves half a file); removes it and throws Error when it cannot.
void replaceWithPartial(const QString &partial, const QString &path);
/// Writes a PDF at 600 dpi whose pages `paintPages` paints: to "path.part", renamed to `path`
/// when done, so a failure leaves no half-written file. Error when it cannot be written.
void writePdf(const QString &path, const QString &title, const std::function<void(QPagedPaintDevice &)> &paintPages);
/// The editable Word file (Docx::save).
void saveDocx(const Document &doc, const QString &path);
/// The tables as CSV: one file, tables one after another separated by an empty line.
QByteArray csv(const Document &doc);
void saveCsv(const Document &doc, const QString &path);
/// The tables as an XLSX workbook (libxlsxwriter), one sheet per table.
void saveXlsx(const Document &doc, const QString &path);

} // namespace Renderer

} // namespace VinhDanh::Documents
