#pragma once
// Word documents made inside the tests: a minimal .docx (content types, package relationships,
// word/document.xml) zipped with libzip, with the table markup lower units' lists use: merged
// cells across (gridSpan) and down (vMerge), several paragraphs in a cell, a title block and a
// signature block as their own tables.

#include <catch2/catch.hpp>

#include <QFile>
#include <QString>
#include <QStringList>

#include <zip.h>

namespace VinhDanh::Test::Docx {

/// A cell: its paragraphs' text split on '\n'; `span` columns wide; `vmerge` "restart",
/// "continue" or none; each paragraph's text written as two runs, as Word splits them.
/// Every member has a default, so `Cell{text}` leaves the rest as they are without a warning.
struct Cell
{
    QString text = {};
    int span = 1;
    QString vmerge = {};
};

inline QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

inline QString cellXml(const Cell &c)
{
    QString props;
    if (c.span > 1)
        props += QStringLiteral("<w:gridSpan w:val=\"%1\"/>").arg(c.span);
    if (c.vmerge == QLatin1String("restart"))
        props += QStringLiteral("<w:vMerge w:val=\"restart\"/>");
    else if (c.vmerge == QLatin1String("continue"))
        props += QStringLiteral("<w:vMerge/>");
    QString paragraphs;
    for (const QString &p : c.text.split(QLatin1Char('\n'))) {
        const qsizetype half = p.size() / 2;
        paragraphs += QStringLiteral("<w:p><w:r><w:t xml:space=\"preserve\">%1</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
                                     "<w:t xml:space=\"preserve\">%2</w:t></w:r></w:p>")
                          .arg(escaped(p.left(half)), escaped(p.mid(half)));
    }
    return QStringLiteral("<w:tc><w:tcPr>%1</w:tcPr>%2</w:tc>").arg(props, paragraphs);
}

inline QString tableXml(const QList<QList<Cell>> &rows)
{
    QString xml = QStringLiteral("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
    for (const QList<Cell> &row : rows) {
        xml += QStringLiteral("<w:tr>");
        for (const Cell &c : row)
            xml += cellXml(c);
        xml += QStringLiteral("</w:tr>");
    }
    return xml + QStringLiteral("</w:tbl>");
}

inline QString paragraphXml(const QString &text)
{
    return QStringLiteral("<w:p><w:r><w:t>%1</w:t></w:r></w:p>").arg(escaped(text));
}

inline void addEntry(zip_t *zip, const char *name, const QByteArray &data)
{
    void *copy = malloc(size_t(data.size()));
    memcpy(copy, data.constData(), size_t(data.size()));
    zip_source_t *source = zip_source_buffer(zip, copy, zip_uint64_t(data.size()), 1);
    REQUIRE(source);
    REQUIRE(zip_file_add(zip, name, source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) >= 0);
}

/// Writes a .docx whose body is `bodyXml` (paragraphs and tables, WordprocessingML).
inline void write(const QString &path, const QString &bodyXml)
{
    int error = 0;
    zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(zip);
    addEntry(zip, "[Content_Types].xml",
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
             "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
             "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
             "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
             "<Override PartName=\"/word/document.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
    addEntry(zip, "_rels/.rels",
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
             "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" "
             "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
             "Target=\"word/document.xml\"/></Relationships>");
    addEntry(zip, "word/document.xml",
             (QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                             "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
              + bodyXml + QStringLiteral("<w:sectPr/></w:body></w:document>"))
                 .toUtf8());
    REQUIRE(zip_close(zip) == 0);
}

} // namespace VinhDanh::Test::Docx
