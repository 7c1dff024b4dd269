// The DOCX package (Docx::save): the parts Word needs around word/document.xml, each written
// with QXmlStreamWriter, zipped with libzip. Not QuaZip: libxlsxwriter in this same library
// carries its own minizip, whose symbols QuaZip's would clash with (tests/support/zipentry.cpp).
#include "core/documents/docxwriter.h"
#include "core/documents/docxwriter_p.h"
#include "core/documents/renderer.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QFile>
#include <QXmlStreamWriter>

#include <zip.h>

#include <functional>

namespace VinhDanh::Documents::Docx {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VinhDanh::Documents::Renderer)
};

const QString kFont = QStringLiteral("Times New Roman");
const QString kPackageRels = QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships");
const QString kOfficeRel = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/");
const QString kWordType = QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.");

/// An XML part: the declaration, then what `body` writes.
QByteArray xmlPart(const std::function<void(QXmlStreamWriter &)> &body)
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.writeStartDocument(QStringLiteral("1.0"), true);
    body(x);
    x.writeEndDocument();
    return out;
}

void wVal(QXmlStreamWriter &x, const QString &name, const QString &value)
{
    x.writeEmptyElement(kW, name);
    x.writeAttribute(kW, QStringLiteral("val"), value);
}

/// Times New Roman for every script; LibreOffice on Debian substitutes Liberation Serif, its
/// metric twin, so lines break where Word breaks them.
void fonts(QXmlStreamWriter &x)
{
    x.writeEmptyElement(kW, QStringLiteral("rFonts"));
    for (const char *script : {"ascii", "hAnsi", "eastAsia", "cs"})
        x.writeAttribute(kW, QLatin1String(script), kFont);
}

QByteArray styles()
{
    return xmlPart([](QXmlStreamWriter &x) {
        x.writeNamespace(kW, QStringLiteral("w"));
        x.writeStartElement(kW, QStringLiteral("styles"));
        x.writeStartElement(kW, QStringLiteral("docDefaults"));
        x.writeStartElement(kW, QStringLiteral("rPrDefault"));
        x.writeStartElement(kW, QStringLiteral("rPr"));
        fonts(x);
        wVal(x, QStringLiteral("sz"), QString::number(Renderer::kBodyPointSize * 2));
        wVal(x, QStringLiteral("szCs"), QString::number(Renderer::kBodyPointSize * 2));
        x.writeEmptyElement(kW, QStringLiteral("lang"));
        x.writeAttribute(kW, QStringLiteral("val"), QStringLiteral("vi-VN"));
        x.writeEndElement(); // rPr
        x.writeEndElement(); // rPrDefault
        x.writeStartElement(kW, QStringLiteral("pPrDefault"));
        x.writeStartElement(kW, QStringLiteral("pPr"));
        x.writeEmptyElement(kW, QStringLiteral("spacing"));
        x.writeAttribute(kW, QStringLiteral("after"), QStringLiteral("0"));
        x.writeAttribute(kW, QStringLiteral("line"), QStringLiteral("240"));
        x.writeAttribute(kW, QStringLiteral("lineRule"), QStringLiteral("auto"));
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement(); // docDefaults
        auto style = [&x](const char *type, const char *id, const char *name, bool isDefault) {
            x.writeStartElement(kW, QStringLiteral("style"));
            x.writeAttribute(kW, QStringLiteral("type"), QLatin1String(type));
            if (isDefault)
                x.writeAttribute(kW, QStringLiteral("default"), QStringLiteral("1"));
            x.writeAttribute(kW, QStringLiteral("styleId"), QLatin1String(id));
            wVal(x, QStringLiteral("name"), QLatin1String(name));
        };
        style("paragraph", "Normal", "Normal", true);
        x.writeEmptyElement(kW, QStringLiteral("qFormat"));
        x.writeStartElement(kW, QStringLiteral("rPr"));
        fonts(x);
        wVal(x, QStringLiteral("sz"), QString::number(Renderer::kBodyPointSize * 2));
        x.writeEndElement();
        x.writeEndElement(); // style
        style("table", "TableNormal", "Normal Table", true);
        x.writeEndElement();
        style("paragraph", "Header", "header", false);
        wVal(x, QStringLiteral("basedOn"), QStringLiteral("Normal"));
        x.writeEndElement();
        x.writeEndElement(); // styles
    });
}

QByteArray settings()
{
    return xmlPart([](QXmlStreamWriter &x) {
        x.writeNamespace(kW, QStringLiteral("w"));
        x.writeStartElement(kW, QStringLiteral("settings"));
        wVal(x, QStringLiteral("defaultTabStop"), QStringLiteral("720"));
        // Word 2013+ layout rules, not a compatibility mode that moves tables and spacing.
        x.writeStartElement(kW, QStringLiteral("compat"));
        x.writeEmptyElement(kW, QStringLiteral("compatSetting"));
        x.writeAttribute(kW, QStringLiteral("name"), QStringLiteral("compatibilityMode"));
        x.writeAttribute(kW, QStringLiteral("uri"), QStringLiteral("http://schemas.microsoft.com/office/word"));
        x.writeAttribute(kW, QStringLiteral("val"), QStringLiteral("15"));
        x.writeEndElement();
        x.writeEndElement();
    });
}

QByteArray fontTable()
{
    return xmlPart([](QXmlStreamWriter &x) {
        x.writeNamespace(kW, QStringLiteral("w"));
        x.writeStartElement(kW, QStringLiteral("fonts"));
        x.writeStartElement(kW, QStringLiteral("font"));
        x.writeAttribute(kW, QStringLiteral("name"), kFont);
        wVal(x, QStringLiteral("altName"), QStringLiteral("Liberation Serif"));
        wVal(x, QStringLiteral("charset"), QStringLiteral("00"));
        wVal(x, QStringLiteral("family"), QStringLiteral("roman"));
        wVal(x, QStringLiteral("pitch"), QStringLiteral("variable"));
        x.writeEndElement();
        x.writeEndElement();
    });
}

/// The page header: empty on page 1 (w:titlePg), the centred page number on the others.
QByteArray header(bool pageNumber)
{
    return xmlPart([pageNumber](QXmlStreamWriter &x) {
        x.writeNamespace(kW, QStringLiteral("w"));
        x.writeStartElement(kW, QStringLiteral("hdr"));
        x.writeStartElement(kW, QStringLiteral("p"));
        x.writeStartElement(kW, QStringLiteral("pPr"));
        wVal(x, QStringLiteral("pStyle"), QStringLiteral("Header"));
        wVal(x, QStringLiteral("jc"), QStringLiteral("center"));
        x.writeEndElement();
        if (pageNumber) {
            auto field = [&x](const char *type) {
                x.writeStartElement(kW, QStringLiteral("r"));
                x.writeEmptyElement(kW, QStringLiteral("fldChar"));
                x.writeAttribute(kW, QStringLiteral("fldCharType"), QLatin1String(type));
                x.writeEndElement();
            };
            field("begin");
            x.writeStartElement(kW, QStringLiteral("r"));
            x.writeStartElement(kW, QStringLiteral("instrText"));
            x.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
            x.writeCharacters(QStringLiteral(" PAGE "));
            x.writeEndElement();
            x.writeEndElement();
            field("separate");
            x.writeStartElement(kW, QStringLiteral("r"));
            x.writeTextElement(kW, QStringLiteral("t"), QStringLiteral("2"));
            x.writeEndElement();
            field("end");
        }
        x.writeEndElement(); // p
        x.writeEndElement(); // hdr
    });
}

using Relation = std::pair<QString, QString>; // type (after kOfficeRel, or a full URI), target

QByteArray relationships(const QList<Relation> &relations)
{
    return xmlPart([&relations](QXmlStreamWriter &x) {
        x.writeDefaultNamespace(kPackageRels);
        x.writeStartElement(kPackageRels, QStringLiteral("Relationships"));
        for (int i = 0; i < relations.size(); ++i) {
            const QString &type = relations.at(i).first;
            x.writeEmptyElement(kPackageRels, QStringLiteral("Relationship"));
            x.writeAttribute(QStringLiteral("Id"), QStringLiteral("rId%1").arg(i + 1));
            x.writeAttribute(QStringLiteral("Type"), type.contains(QLatin1Char(':')) ? type : kOfficeRel + type);
            x.writeAttribute(QStringLiteral("Target"), relations.at(i).second);
        }
        x.writeEndElement();
    });
}

QByteArray contentTypes()
{
    const QString ns = QStringLiteral("http://schemas.openxmlformats.org/package/2006/content-types");
    return xmlPart([&ns](QXmlStreamWriter &x) {
        x.writeDefaultNamespace(ns);
        x.writeStartElement(ns, QStringLiteral("Types"));
        auto entry = [&](const char *element, const char *key, const QString &value, const QString &type) {
            x.writeEmptyElement(ns, QLatin1String(element));
            x.writeAttribute(QLatin1String(key), value);
            x.writeAttribute(QStringLiteral("ContentType"), type);
        };
        entry("Default", "Extension", QStringLiteral("rels"),
              QStringLiteral("application/vnd.openxmlformats-package.relationships+xml"));
        entry("Default", "Extension", QStringLiteral("xml"), QStringLiteral("application/xml"));
        entry("Override", "PartName", QStringLiteral("/word/document.xml"), kWordType + QStringLiteral("document.main+xml"));
        entry("Override", "PartName", QStringLiteral("/word/styles.xml"), kWordType + QStringLiteral("styles+xml"));
        entry("Override", "PartName", QStringLiteral("/word/settings.xml"), kWordType + QStringLiteral("settings+xml"));
        entry("Override", "PartName", QStringLiteral("/word/fontTable.xml"), kWordType + QStringLiteral("fontTable+xml"));
        entry("Override", "PartName", QStringLiteral("/word/header1.xml"), kWordType + QStringLiteral("header+xml"));
        entry("Override", "PartName", QStringLiteral("/word/header2.xml"), kWordType + QStringLiteral("header+xml"));
        entry("Override", "PartName", QStringLiteral("/docProps/core.xml"),
              QStringLiteral("application/vnd.openxmlformats-package.core-properties+xml"));
        x.writeEndElement();
    });
}

/// The title shown in Word's file properties (and the PDF's title when converted).
QByteArray coreProperties(const Document &doc)
{
    const QString cp = QStringLiteral("http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
    const QString dc = QStringLiteral("http://purl.org/dc/elements/1.1/");
    return xmlPart([&](QXmlStreamWriter &x) {
        x.writeNamespace(cp, QStringLiteral("cp"));
        x.writeNamespace(dc, QStringLiteral("dc"));
        x.writeStartElement(cp, QStringLiteral("coreProperties"));
        x.writeTextElement(dc, QStringLiteral("title"), doc.title);
        x.writeTextElement(dc, QStringLiteral("creator"), QStringLiteral("Vinh Danh"));
        x.writeEndElement();
    });
}

/// word/document.xml.rels: the ids writeSection() and the parts refer to.
const QList<Relation> kDocumentRelations{{QStringLiteral("styles"), QStringLiteral("styles.xml")},
                                         {QStringLiteral("settings"), QStringLiteral("settings.xml")},
                                         {QStringLiteral("fontTable"), QStringLiteral("fontTable.xml")},
                                         {QStringLiteral("header"), QStringLiteral("header1.xml")},  // rId4: page 1
                                         {QStringLiteral("header"), QStringLiteral("header2.xml")}}; // rId5: the rest

void throwCannotWrite(const QString &path, const QString &detail)
{
    throw Core::Error(Tr::tr("%1 cannot be written: check the folder and that the file is not open elsewhere.").arg(path), detail);
}

/// Zips the parts into `path` with libzip ("[Content_Types].xml" first, as Word writes it).
void zipParts(const QString &path, const QList<std::pair<QString, QByteArray>> &parts)
{
    int code = 0;
    zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!zip) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const QString detail = QString::fromLocal8Bit(zip_error_strerror(&error));
        zip_error_fini(&error);
        throwCannotWrite(path, detail);
    }
    for (const auto &[name, bytes] : parts) {
        // The buffers outlive zip_close(), which is when libzip reads them.
        zip_source_t *source = zip_source_buffer(zip, bytes.constData(), zip_uint64_t(bytes.size()), 0);
        if (!source || zip_file_add(zip, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
            if (source)
                zip_source_free(source);
            const QString detail = QString::fromLocal8Bit(zip_strerror(zip));
            zip_discard(zip);
            throwCannotWrite(path, detail);
        }
    }
    if (zip_close(zip) != 0) {
        const QString detail = QString::fromLocal8Bit(zip_strerror(zip));
        zip_discard(zip);
        throwCannotWrite(path, detail);
    }
}
} // namespace

void writeSection(QXmlStreamWriter &x, const Page &page)
{
    auto twips = [](double mm) { return QString::number(Page::twips(mm)); };
    x.writeStartElement(kW, QStringLiteral("sectPr"));
    for (const auto &[type, id] : {std::pair{"default", "rId5"}, std::pair{"first", "rId4"}}) {
        x.writeEmptyElement(kW, QStringLiteral("headerReference"));
        x.writeAttribute(kW, QStringLiteral("type"), QLatin1String(type));
        x.writeAttribute(kR, QStringLiteral("id"), QLatin1String(id));
    }
    x.writeEmptyElement(kW, QStringLiteral("pgSz"));
    x.writeAttribute(kW, QStringLiteral("w"), QString::number(page.width));
    x.writeAttribute(kW, QStringLiteral("h"), QString::number(page.height));
    if (page.landscape)
        x.writeAttribute(kW, QStringLiteral("orient"), QStringLiteral("landscape"));
    x.writeEmptyElement(kW, QStringLiteral("pgMar"));
    x.writeAttribute(kW, QStringLiteral("top"), twips(Renderer::kMarginTop));
    x.writeAttribute(kW, QStringLiteral("right"), twips(Renderer::kMarginRight));
    x.writeAttribute(kW, QStringLiteral("bottom"), twips(Renderer::kMarginBottom));
    x.writeAttribute(kW, QStringLiteral("left"), twips(Renderer::kMarginLeft));
    // The page number's line sits in the top margin, centred on it as in the PDF.
    x.writeAttribute(kW, QStringLiteral("header"), twips(Renderer::kMarginTop / 2 - 2));
    x.writeAttribute(kW, QStringLiteral("footer"), twips(Renderer::kMarginBottom / 2));
    x.writeAttribute(kW, QStringLiteral("gutter"), QStringLiteral("0"));
    x.writeEmptyElement(kW, QStringLiteral("titlePg"));
    x.writeEndElement();
}

void save(const Document &doc, const QString &path)
{
    const QList<std::pair<QString, QByteArray>> parts{
        {QStringLiteral("[Content_Types].xml"), contentTypes()},
        {QStringLiteral("_rels/.rels"),
         relationships({{QStringLiteral("officeDocument"), QStringLiteral("word/document.xml")},
                        {QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"),
                         QStringLiteral("docProps/core.xml")}})},
        {QStringLiteral("docProps/core.xml"), coreProperties(doc)},
        {QStringLiteral("word/document.xml"), documentXml(doc)},
        {QStringLiteral("word/_rels/document.xml.rels"), relationships(kDocumentRelations)},
        {QStringLiteral("word/styles.xml"), styles()},
        {QStringLiteral("word/settings.xml"), settings()},
        {QStringLiteral("word/fontTable.xml"), fontTable()},
        {QStringLiteral("word/header1.xml"), header(false)},
        {QStringLiteral("word/header2.xml"), header(true)},
    };
    // Written beside the target and renamed at the end: a failure never leaves half a file
    // (libzip itself writes to a temporary file and renames it on zip_close).
    const QString partial = path + QStringLiteral(".part");
    try {
        zipParts(partial, parts);
    } catch (...) {
        QFile::remove(partial);
        throw;
    }
    Renderer::replaceWithPartial(partial, path);
}

} // namespace VinhDanh::Documents::Docx
