#pragma once
// The tables of a Word document (.docx): a lower unit's danh sách đề nghị is usually a Word
// table, with a title block above it and a signature block below (issue 15).

#include "core/tables/table.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace VinhDanh::Core::Tables {

/// A .docx read with libzip (ZipReader: its size and ratio limits apply) and QXmlStreamReader;
/// a part with a DOCTYPE is refused (Word never writes one; it is how entity attacks arrive).
///
/// Each top-level table of word/document.xml becomes a Sheet named "Table N" (translated), in
/// document order; its rows are numbered 1… within the table, as the clerk counts them.
/// A cell's text is its runs joined, its paragraphs joined by line breaks (tracked deletions,
/// field codes and the fallback copy of text boxes left out). Merged cells come out as the
/// XLSX reader gives them: a horizontally merged cell (gridSpan) holds its text in its first
/// column and leaves the others empty; a vertically merged cell (vMerge) repeats its text on
/// every row it covers, because a list that merges "Đơn vị" over three people means that unit
/// for each of them. A table nested in a cell adds its text to that cell.
class DocxDocument
{
public:
    /// Error for an old Word 97–2003 .doc or a password-protected document (both OLE files),
    /// a file that is not a Word document, a damaged one, or one over the limits.
    explicit DocxDocument(QByteArray bytes);

    const QList<Sheet> &tables() const { return m_tables; }
    /// The table a list import reads when none is named: the one with the most filled cells
    /// (the list itself, not the title or signature block laid out as small borderless tables).
    int mainTable() const;
    /// The table named `name` ("Table 2" in the language in use, or just "2"). When `name` is
    /// empty, mainTable() joined by every other table as wide (a list split over tables), in
    /// document order, rows numbered on across them, named "Table 2 + Table 3". Error naming
    /// the tables there are when there is no such table, and when the document has none.
    Sheet read(const QString &name = {}) const;

private:
    void parse(const QByteArray &xml);
    QList<Sheet> m_tables;
    QList<int> m_widths; // each table's widest row, in grid columns
};

/// Whether `bytes` are a Word document: a zip container holding word/document.xml.
bool isDocxFile(const QByteArray &bytes);

} // namespace VinhDanh::Core::Tables
