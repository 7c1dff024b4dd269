#include "core/tables/docxreader.h"

#include "core/error.h"
#include "core/tables/xlsxreader.h"
#include "core/tables/zipreader.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

constexpr int kMaxColumns = 16384; // as a sheet: a table wider than Excel's is not a list
const QString kDocumentPart = QStringLiteral("word/document.xml");

/// An attribute by its local name: Word writes "w:val", and QXmlStreamAttributes::value(name)
/// compares the qualified name, so "val" alone would never match.
QStringView attribute(const QXmlStreamReader &xml, QLatin1String name)
{
    for (const QXmlStreamAttribute &a : xml.attributes())
        if (a.name() == name)
            return a.value();
    return {};
}

QString tableName(int index)
{
    return Tr::tr("Table %1").arg(index + 1);
}

/// The ZipReader's refusals speak of workbooks: said again for a Word file, with theirs as
/// the detail (it names the limit or the damage).
[[noreturn]] void rethrowForWord(const Error &e)
{
    throw Error(Tr::tr("The Word document cannot be read: it is damaged, cut short, password-protected or too large to "
                       "unpack safely. Open it in Word and save it again as .docx."),
                e.detail().isEmpty() ? e.message() : e.message() + QStringLiteral(" — ") + e.detail());
}

/// The state of the table being read (top level only; nested tables add to its current cell).
struct TableState
{
    Sheet sheet;
    QList<Cell> previous; // the raw row above, for vertically merged cells
    QList<Cell> cells;    // the row being read
    int rowNumber = 0;    // every <w:tr>, empty or not, so numbers match what the clerk counts
    int column = 0;       // the grid column of the next cell
    int width = 0;        // the widest row, in grid columns
    bool cellStarted = false;
    // The cell being read:
    QString text;
    int span = 1;
    bool continues = false; // vMerge without "restart": the text of the cell above
    int paragraphs = 0;
};
} // namespace

DocxDocument::DocxDocument(QByteArray bytes)
{
    if (isOleFile(bytes))
        throw Error(Tr::tr("The file is an old Word 97–2003 document (.doc) or a password-protected one, which cannot be "
                           "read. Open it in Word, remove any password and save it as .docx (Word Document)."));
    // Word saves "Rich Text" with a .doc name too; said as such, not as a damaged file.
    if (bytes.startsWith("{\\rtf"))
        throw Error(Tr::tr("The file is a Rich Text (RTF) document, which cannot be read. Open it in Word and save it as "
                           ".docx (Word Document)."));
    QByteArray xml;
    try {
        ZipReader zip(bytes);
        if (!zip.contains(kDocumentPart))
            throw Error(Tr::tr("The file is not a Word document (.docx): it has no %1.").arg(kDocumentPart));
        xml = zip.read(kDocumentPart);
    } catch (const Error &e) {
        if (e.message().contains(kDocumentPart))
            throw;
        rethrowForWord(e);
    }
    parse(xml);
}

void DocxDocument::parse(const QByteArray &data)
{
    QXmlStreamReader xml(data);
    int tableDepth = 0; // 1 = a top-level table; more = a table nested in one of its cells
    int skipDepth = 0;  // inside mc:Fallback (a second copy of a text box's text)
    qint64 cells = 0;
    TableState t;
    auto is = [&](const char *name) { return xml.name() == QLatin1String(name); };
    auto fail = [&](const QString &why) {
        throw Error(Tr::tr("The Word document is damaged: %1 Open it in Word and save it again as .docx.").arg(why),
                    QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString()));
    };
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            // Qt would expand the internal entities declared here ("billion laughs").
            throw Error(Tr::tr("The Word document is refused: its text declares a document type (DOCTYPE), which Word "
                               "never writes and which can hide an XML entity attack."));
        if (xml.hasError())
            fail(Tr::tr("its text is not well-formed XML."));
        if (token == QXmlStreamReader::StartElement) {
            if (skipDepth > 0 || is("Fallback")) {
                ++skipDepth;
                continue;
            }
            if (is("tbl")) {
                if (++tableDepth == 1)
                    t = TableState();
            } else if (tableDepth == 1 && is("tr")) {
                if (++t.rowNumber > kMaxRows)
                    throw Error(Tr::tr("A table of the Word document has more than %1 rows; split the list.").arg(kMaxRows));
                t.cells.clear();
                t.column = 0;
            } else if (tableDepth == 1 && is("gridBefore") && t.cells.isEmpty()) {
                // A row that starts a few grid columns in (its first cells left out).
                t.column = qBound(0, attribute(xml, QLatin1String("val")).toInt(), kMaxColumns);
            } else if (tableDepth == 1 && is("tc")) {
                t.cellStarted = true;
                t.text.clear();
                t.span = 1;
                t.continues = false;
                t.paragraphs = 0;
            } else if (tableDepth == 1 && t.cellStarted && is("gridSpan")) {
                t.span = qMax(1, attribute(xml, QLatin1String("val")).toInt());
            } else if (tableDepth == 1 && t.cellStarted && is("vMerge")) {
                t.continues = attribute(xml, QLatin1String("val")) != QLatin1String("restart");
            } else if (tableDepth >= 1 && t.cellStarted && is("p")) {
                if (t.paragraphs++ > 0)
                    t.text += QLatin1Char('\n');
            } else if (tableDepth >= 1 && t.cellStarted && is("t")) {
                t.text += xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (xml.hasError())
                    fail(Tr::tr("its text is not well-formed XML."));
            } else if (tableDepth >= 1 && t.cellStarted && (is("tab") || is("noBreakHyphen"))) {
                t.text += is("tab") ? QLatin1Char(' ') : QChar(u'-');
            } else if (tableDepth >= 1 && t.cellStarted && (is("br") || is("cr"))) {
                t.text += QLatin1Char('\n');
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (skipDepth > 0) {
                --skipDepth;
                continue;
            }
            if (is("tbl")) {
                if (tableDepth-- == 1) {
                    t.sheet.name = tableName(int(m_tables.size()));
                    m_tables.append(std::move(t.sheet));
                    m_widths.append(t.width);
                    t = TableState();
                }
            } else if (tableDepth == 1 && is("tc") && t.cellStarted) {
                t.cellStarted = false;
                if (t.column + t.span > kMaxColumns)
                    throw Error(Tr::tr("A table of the Word document is wider than %1 columns; it is not a list.").arg(kMaxColumns));
                Cell cell = t.continues ? t.previous.value(t.column) : Cell::fromText(t.text.trimmed());
                cells += t.span;
                if (cells > kMaxCells)
                    throw Error(Tr::tr("The Word document's tables have more than %1 cells; split the list into several files.")
                                    .arg(kMaxCells));
                while (t.cells.size() < t.column)
                    t.cells.append(Cell());
                t.cells.append(cell);
                for (int i = 1; i < t.span; ++i)
                    t.cells.append(Cell()); // the merged columns: empty, as in a merged Excel range
                t.column += t.span;
            } else if (tableDepth == 1 && is("tr")) {
                t.width = qMax(t.width, t.column);
                Row row;
                row.number = t.rowNumber;
                row.cells = t.cells;
                while (!row.cells.isEmpty() && row.cells.constLast().isEmpty())
                    row.cells.removeLast();
                t.previous = t.cells;
                if (!row.isEmpty())
                    t.sheet.rows.append(std::move(row));
            }
        }
    }
    if (xml.hasError())
        fail(Tr::tr("its text is not well-formed XML."));
}

int DocxDocument::mainTable() const
{
    int best = -1;
    qint64 bestCells = -1;
    for (int i = 0; i < m_tables.size(); ++i) {
        qint64 filled = 0;
        for (const Row &r : m_tables.at(i).rows)
            filled += std::count_if(r.cells.begin(), r.cells.end(), [](const Cell &c) { return !c.isEmpty(); });
        if (filled > bestCells) { // the first of equals: the list comes before the signature block
            best = i;
            bestCells = filled;
        }
    }
    return best;
}

Sheet DocxDocument::read(const QString &name) const
{
    if (m_tables.isEmpty())
        throw Error(Tr::tr("The Word document has no table. Put the list in a table (Insert ▸ Table), one person or "
                           "collective per row, and save it again."));
    if (name.trimmed().isEmpty()) {
        // A list split over several tables (a page break, or "I. Tập thể" and "II. Cá nhân"
        // laid out apart) is read whole: every table as wide as the largest joins it, in
        // document order, its rows numbered on from the table before.
        const int main = mainTable();
        Sheet joined;
        QStringList names;
        int offset = 0;
        for (int i = 0; i < m_tables.size(); ++i) {
            if (m_widths.at(i) != m_widths.at(main))
                continue;
            names << m_tables.at(i).name;
            int last = 0;
            for (Row row : m_tables.at(i).rows) {
                last = row.number;
                row.number += offset;
                joined.rows.append(std::move(row));
            }
            offset += last;
        }
        joined.name = names.join(QStringLiteral(" + "));
        return joined;
    }
    bool number = false;
    const int n = name.trimmed().toInt(&number);
    for (int i = 0; i < m_tables.size(); ++i)
        if ((number && n == i + 1) || m_tables.at(i).name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return m_tables.at(i);
    QStringList names;
    for (const Sheet &s : m_tables)
        names << s.name;
    throw Error(Tr::tr("The Word document has no table \"%1\"; its tables are: %2.").arg(name, names.join(QStringLiteral(", "))));
}

bool isDocxFile(const QByteArray &bytes)
{
    if (!bytes.startsWith("PK\x03\x04"))
        return false;
    try {
        return ZipReader(bytes).contains(kDocumentPart);
    } catch (const Error &) {
        return false; // not readable as a zip: the workbook reader names the damage
    }
}

} // namespace VinhDanh::Core::Tables
