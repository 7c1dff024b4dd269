#include "core/tables/xlsxreader.h"

#include "core/error.h"
#include "core/tables/dates.h"
#include "core/tables/zipreader.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

constexpr int kMaxColumns = 16384; // XFD, Excel's last column

/// A QXmlStreamReader over one part that refuses a DTD and turns XML errors into Error.
class PartReader
{
public:
    PartReader(const QByteArray &data, QString part) : m_xml(data), m_part(std::move(part)) {}

    /// The next token, false at the end of the part.
    bool next()
    {
        const auto token = m_xml.readNext();
        if (token == QXmlStreamReader::DTD)
            // Qt would expand internal entities declared here ("billion laughs"); no sheet has one.
            throw Error(Tr::tr("The workbook is refused: its part \"%1\" declares a document type (DOCTYPE), which "
                               "Excel never writes and which can hide an XML entity attack.")
                            .arg(m_part));
        if (m_xml.hasError())
            throw Error(Tr::tr("The workbook is damaged: its part \"%1\" is not well-formed XML. Open it in Excel and "
                               "save it again as .xlsx.")
                            .arg(m_part),
                        QStringLiteral("line %1: %2").arg(m_xml.lineNumber()).arg(m_xml.errorString()));
        return token != QXmlStreamReader::EndDocument && token != QXmlStreamReader::Invalid;
    }
    bool isStart(QLatin1String name) const { return m_xml.isStartElement() && m_xml.name() == name; }
    bool isEnd(QLatin1String name) const { return m_xml.isEndElement() && m_xml.name() == name; }
    QString attr(QLatin1String name) const { return m_xml.attributes().value(name).toString(); }
    /// The relationship id ("r:id"), whatever prefix the file binds to its namespace.
    QString relationshipId() const
    {
        for (const QXmlStreamAttribute &a : m_xml.attributes())
            if (a.name() == QLatin1String("id") && !a.namespaceUri().isEmpty())
                return a.value().toString();
        return {};
    }
    /// The text of the current element up to its end (nested elements' text included).
    QString text()
    {
        QString out;
        const QString name = m_xml.name().toString();
        while (next() && !(m_xml.isEndElement() && m_xml.name() == name))
            if (m_xml.isCharacters())
                out += m_xml.text();
        return out;
    }
    /// The joined <t> runs up to the end of `element` (a shared string or an inline <is>),
    /// leaving out the phonetic guides (<rPh>) East Asian Excel adds.
    QString runs(QLatin1String element)
    {
        QString out;
        int phonetic = 0;
        while (next() && !isEnd(element)) {
            if (isStart(QLatin1String("rPh")))
                ++phonetic;
            else if (isEnd(QLatin1String("rPh")))
                --phonetic;
            else if (isStart(QLatin1String("t")) && phonetic == 0)
                out += text();
        }
        return out;
    }

private:
    QXmlStreamReader m_xml;
    QString m_part;
};

QString resolveTarget(const QString &target)
{
    // Targets are relative to xl/ or absolute from the package root.
    return target.startsWith(QLatin1Char('/')) ? target.mid(1) : QStringLiteral("xl/") + target;
}

bool isDateFormat(int id, const QString &code)
{
    if (id >= 14 && id <= 22)
        return true;
    if (code.isEmpty())
        return false;
    // Strip quoted literals, [colour]/[locale] brackets and escaped characters; what remains
    // is a date if it has days or years ("m" alone could be minutes).
    QString bare;
    bool quoted = false;
    int bracket = 0;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        if (c == u'"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == u'\\' || c == u'_' || c == u'*')
            ++i;
        else if (c == u'[')
            ++bracket;
        else if (c == u']')
            --bracket;
        else if (bracket == 0)
            bare.append(c.toLower());
    }
    return bare.contains(u'd') || bare.contains(u'y');
}

/// "C12" → column 2 (0-based), row 12; -1 when the reference is malformed or names a column
/// past XFD. Only ASCII letters count (QChar::isLetter would take "Ă" and give a nonsense
/// column), and the loop stops past the last column so a long run of letters cannot overflow.
int columnOf(const QString &ref)
{
    int column = 0;
    qsizetype i = 0;
    for (; i < ref.size(); ++i) {
        const char16_t c = ref.at(i).unicode();
        const int letter = c >= u'A' && c <= u'Z' ? c - u'A' + 1 : c >= u'a' && c <= u'z' ? c - u'a' + 1 : 0;
        if (letter == 0)
            break;
        column = column * 26 + letter;
        if (column > kMaxColumns)
            return -1;
    }
    return i == 0 ? -1 : column - 1;
}

QString tooManyCells(const QString &sheet)
{
    return Tr::tr("The sheet \"%1\" has more than %2 cells; split the list into several files.").arg(sheet).arg(kMaxCells);
}

QString numberText(double value)
{
    return QString::number(value, 'g', 15);
}
} // namespace

bool isOleFile(const QByteArray &bytes)
{
    return bytes.startsWith("\xD0\xCF\x11\xE0");
}

XlsxWorkbook::XlsxWorkbook(QByteArray bytes) : m_bytes(std::move(bytes))
{
    if (isOleFile(m_bytes))
        throw Error(Tr::tr("The file is a password-protected workbook or an old Excel 97–2003 (.xls) file, which cannot "
                           "be read. Open it in Excel, remove any password and save it as .xlsx (Excel Workbook)."));
    m_zip = std::make_unique<ZipReader>(m_bytes);
    loadRelationships();
    loadWorkbook();
    loadSharedStrings();
    loadStyles();
}

XlsxWorkbook::~XlsxWorkbook() = default;

void XlsxWorkbook::loadRelationships()
{
    const QString part = QStringLiteral("xl/_rels/workbook.xml.rels");
    PartReader xml(m_zip->read(part), part);
    while (xml.next()) {
        if (!xml.isStart(QLatin1String("Relationship")))
            continue;
        const QString type = xml.attr(QLatin1String("Type"));
        const QString target = resolveTarget(xml.attr(QLatin1String("Target")));
        m_rels.insert(xml.attr(QLatin1String("Id")), target);
        if (type.endsWith(QLatin1String("/sharedStrings")))
            m_sharedStringsPart = target;
        else if (type.endsWith(QLatin1String("/styles")))
            m_stylesPart = target;
    }
}

void XlsxWorkbook::loadWorkbook()
{
    const QString part = QStringLiteral("xl/workbook.xml");
    PartReader xml(m_zip->read(part), part);
    while (xml.next()) {
        if (xml.isStart(QLatin1String("workbookPr"))) {
            const QString v = xml.attr(QLatin1String("date1904"));
            m_date1904 = v == QLatin1String("1") || v == QLatin1String("true");
        } else if (xml.isStart(QLatin1String("sheet"))) {
            const QString state = xml.attr(QLatin1String("state"));
            m_sheets.append({xml.attr(QLatin1String("name")).normalized(QString::NormalizationForm_C),
                             state == QLatin1String("hidden") || state == QLatin1String("veryHidden")});
            m_sheetParts.append(m_rels.value(xml.relationshipId()));
        }
    }
    if (m_sheets.isEmpty())
        throw Error(Tr::tr("The workbook has no sheets."));
}

void XlsxWorkbook::loadSharedStrings()
{
    const QString part = m_sharedStringsPart.isEmpty() ? QStringLiteral("xl/sharedStrings.xml") : m_sharedStringsPart;
    const QByteArray data = m_zip->read(part, false); // a workbook without text has none
    if (data.isEmpty())
        return;
    PartReader xml(data, part);
    while (xml.next())
        if (xml.isStart(QLatin1String("si"))) {
            // A sheet cannot use more texts than it has cells: a table of millions of empty
            // <si/> (a few bytes each, under the zip limits) would otherwise fill memory.
            if (m_sharedStrings.size() >= kMaxCells)
                throw Error(Tr::tr("The workbook has more than %1 texts; split the list into several files.").arg(kMaxCells));
            m_sharedStrings.append(xml.runs(QLatin1String("si")).normalized(QString::NormalizationForm_C));
        }
}

void XlsxWorkbook::loadStyles()
{
    const QString part = m_stylesPart.isEmpty() ? QStringLiteral("xl/styles.xml") : m_stylesPart;
    const QByteArray data = m_zip->read(part, false);
    if (data.isEmpty())
        return;
    PartReader xml(data, part);
    QHash<int, QString> formats;
    bool inCellXfs = false;
    while (xml.next()) {
        if (xml.isStart(QLatin1String("numFmt")))
            formats.insert(xml.attr(QLatin1String("numFmtId")).toInt(), xml.attr(QLatin1String("formatCode")));
        else if (xml.isStart(QLatin1String("cellXfs")))
            inCellXfs = true;
        else if (xml.isEnd(QLatin1String("cellXfs")))
            inCellXfs = false;
        else if (inCellXfs && xml.isStart(QLatin1String("xf"))) {
            const int id = xml.attr(QLatin1String("numFmtId")).toInt();
            m_dateStyles.append(isDateFormat(id, formats.value(id)));
        }
    }
}

Sheet XlsxWorkbook::read(const QString &name) const
{
    int index = -1;
    for (int i = 0; i < m_sheets.size() && index < 0; ++i)
        if (name.isEmpty() ? !m_sheets.at(i).hidden : m_sheets.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            index = i;
    // "2": the second sheet, as the CLI's --sheet NAME|N and a Word file's table number say it
    // (a sheet named "2" wins, above).
    bool number = false;
    if (const int n = name.trimmed().toInt(&number); index < 0 && number && n >= 1 && n <= m_sheets.size())
        index = n - 1;
    if (index < 0) {
        QStringList names;
        for (const SheetInfo &s : m_sheets)
            names << (s.hidden ? Tr::tr("%1 (hidden)").arg(s.name) : s.name);
        throw Error(name.isEmpty()
                        ? Tr::tr("The workbook has no visible sheet; name one of: %1.").arg(names.join(QStringLiteral(", ")))
                        : Tr::tr("The workbook has no sheet \"%1\"; its sheets are: %2.").arg(name, names.join(QStringLiteral(", "))));
    }
    Sheet sheet;
    sheet.name = m_sheets.at(index).name;
    sheet.hidden = m_sheets.at(index).hidden;
    const QString part = m_sheetParts.at(index);
    PartReader xml(m_zip->read(part), part);
    Row row;
    int lastRow = 0;
    int nextColumn = 0; // where a cell without an "r" attribute goes: after the previous cell, empty or not
    qint64 cells = 0;
    while (xml.next()) {
        if (xml.isStart(QLatin1String("row"))) {
            row = Row();
            const QString r = xml.attr(QLatin1String("r"));
            row.number = r.isEmpty() ? lastRow + 1 : r.toInt();
            const QString hidden = xml.attr(QLatin1String("hidden"));
            row.hidden = hidden == QLatin1String("1") || hidden == QLatin1String("true");
            if (row.number <= lastRow || row.number > kMaxRows)
                throw Error(Tr::tr("The sheet \"%1\" has a row numbered %2, outside the 1–%3 rows a sheet can hold, or out of "
                                   "order; the workbook is damaged.")
                                .arg(sheet.name)
                                .arg(row.number)
                                .arg(kMaxRows));
            lastRow = row.number;
            nextColumn = 0;
        } else if (xml.isEnd(QLatin1String("row"))) {
            if (!row.isEmpty())
                sheet.rows.append(std::move(row));
            row = Row();
        } else if (xml.isStart(QLatin1String("c"))) {
            const QString ref = xml.attr(QLatin1String("r"));
            // Not row.cells.size(): empty cells (a styled <c s="1"/>) are not stored, yet they
            // take their column, and the values after them must not shift left.
            const int column = ref.isEmpty() ? nextColumn : columnOf(ref);
            if (column < 0 || column >= kMaxColumns)
                throw Error(Tr::tr("The sheet \"%1\" has a cell \"%2\" outside the columns a sheet can hold; the workbook "
                                   "is damaged.")
                                .arg(sheet.name, ref.isEmpty() ? columnName(column) : ref));
            nextColumn = column + 1;
            const QString type = xml.attr(QLatin1String("t"));
            const int style = xml.attr(QLatin1String("s")).toInt();
            QString value;
            bool hasValue = false;
            bool hasFormula = false;
            while (xml.next() && !xml.isEnd(QLatin1String("c"))) {
                if (xml.isStart(QLatin1String("f"))) {
                    hasFormula = true;
                } else if (xml.isStart(QLatin1String("v"))) {
                    value = xml.text();
                    hasValue = true;
                } else if (xml.isStart(QLatin1String("is"))) {
                    value = xml.runs(QLatin1String("is"));
                    hasValue = true;
                } // <f>: the formula itself is ignored; its cached result is in <v>
            }
            Cell cell;
            if (hasFormula && !hasValue) {
                // Written by a program that does not compute formulas (or saved with calculation
                // off): read as empty, it would silently keep the registry's value.
                cell.kind = Cell::Kind::Error;
                cell.text = Tr::tr("the formula has no computed value; open the file in Excel and save it again.");
            } else if (hasValue) {
                if (type == QLatin1String("s")) {
                    bool ok = false;
                    const int i = value.toInt(&ok);
                    if (!ok || i < 0 || i >= m_sharedStrings.size())
                        throw Error(Tr::tr("The workbook is damaged: cell %1 of sheet \"%2\" refers to a text that is not there.")
                                        .arg(ref, sheet.name));
                    cell = Cell::fromText(m_sharedStrings.at(i));
                } else if (type == QLatin1String("inlineStr") || type == QLatin1String("str") || type == QLatin1String("e")) {
                    cell = Cell::fromText(value); // "e": an error such as #N/A, kept as text for the report
                } else if (type == QLatin1String("b")) {
                    cell.kind = Cell::Kind::Boolean;
                    cell.number = value.trimmed() == QLatin1String("1") ? 1 : 0;
                    cell.text = cell.number ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
                } else if (type == QLatin1String("d")) { // ISO 8601 date (strict OOXML)
                    cell.kind = Cell::Kind::Date;
                    cell.text = value;
                    cell.date = QDate::fromString(value.left(10), Qt::ISODate);
                } else {
                    bool ok = false;
                    cell.number = value.toDouble(&ok);
                    cell.text = ok ? numberText(cell.number) : value;
                    cell.kind = ok ? Cell::Kind::Number : Cell::Kind::Text;
                    if (ok && style >= 0 && style < m_dateStyles.size() && m_dateStyles.at(style)) {
                        cell.kind = Cell::Kind::Date;
                        cell.date = Dates::fromSerial(cell.number, m_date1904);
                        cell.text = cell.date.isValid() ? cell.date.toString(QStringLiteral("dd/MM/yyyy")) : cell.text;
                    }
                }
            }
            if (cell.kind != Cell::Kind::Empty) {
                cells += qMax<qint64>(1, column + 1 - row.cells.size());
                if (cells > kMaxCells)
                    throw Error(tooManyCells(sheet.name));
                while (row.cells.size() < column)
                    row.cells.append(Cell());
                if (row.cells.size() == column)
                    row.cells.append(cell);
                else
                    row.cells[column] = cell;
            }
        }
    }
    return sheet;
}

} // namespace VinhDanh::Core::Tables
