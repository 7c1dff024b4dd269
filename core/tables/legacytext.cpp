// Which columns of an imported table are TCVN3, VNI or VIQR (issue 15 item 4), and their
// conversion in place; the converters themselves are legacytext_convert.cpp.
#include "core/tables/legacytext.h"

#include "core/error.h"
#include "core/tables/legacytext_p.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <array>
#include <vector>

namespace VinhDanh::Core::Tables {

using namespace LegacyText;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

// ---------------------------------------------------------------------------------------------
// Detection and conversion of a sheet's columns.

constexpr int kEncodings = 4;
constexpr int kSample = 5000; // telling cells per column looked at for the guess

/// The cell as a legacy encoding reads it; empty when that encoding cannot be what the cell is.
QString legacyReading(const QString &decoded, const QString &raw, TextEncoding e)
{
    switch (e) {
    case TextEncoding::Unicode: return {};
    case TextEncoding::Tcvn3:
    case TextEncoding::Vni:
        // Excel keeps a .VnTime or VNI-Times cell as the Latin-1 characters of its bytes: a
        // letter beyond Latin-1 means the cell is Unicode already.
        if (hasWideLetter(raw) || isAscii(raw))
            return {};
        return fromLegacy(raw, e);
    case TextEncoding::Viqr: return isAscii(decoded) ? fromLegacy(decoded, e) : QString();
    }
    return {};
}

struct Votes
{
    std::array<int, kEncodings> count{}; // by TextEncoding
    int telling = 0;                     // cells with anything beyond plain ASCII, or a VIQR mark

    int share(TextEncoding e) const
    {
        if (telling == 0)
            return e == TextEncoding::Unicode ? 100 : 0;
        if (e == TextEncoding::Unicode) {
            const int legacy = *std::max_element(count.begin() + 1, count.end());
            return qRound(100.0 * (telling - legacy) / telling);
        }
        return qRound(100.0 * count[size_t(e)] / telling);
    }
};

void vote(Votes &v, const QString &decoded, const QString &raw)
{
    if (isAscii(decoded) && !hasStrongViqrMark(decoded))
        return; // codes, numbers, dates, plain ASCII names: nothing to tell
    ++v.telling;
    // A letter beyond Latin-1 in the bytes' own reading: Unicode (for a Windows-1258 CSV the
    // decoded text has ă and đ from TCVN3 bytes too, so `raw` is asked).
    if (hasWideLetter(raw) || readingOf(decoded).good()) {
        ++v.count[size_t(TextEncoding::Unicode)];
        return;
    }
    for (TextEncoding e : {TextEncoding::Tcvn3, TextEncoding::Vni, TextEncoding::Viqr}) {
        const QString reading = legacyReading(decoded, raw, e);
        if (reading.isEmpty() || reading == raw)
            continue;
        if (e == TextEncoding::Viqr && !hasStrongViqrMark(decoded))
            continue;
        if (readingOf(reading).good())
            ++v.count[size_t(e)];
    }
}

/// The converted text of one cell in a column read as `e`, or a null string to keep it. A cell
/// that reads as Vietnamese in Unicode and not in `e` was typed in Unicode (lists pasted
/// together mix both); one that reads well both ways follows its column (TCVN3 "chó" is "chú").
QString convertCell(const QString &decoded, const QString &raw, TextEncoding e)
{
    const QString reading = legacyReading(decoded, raw, e);
    if (reading.isEmpty() || reading == decoded)
        return {};
    if (readingOf(decoded).good() && !readingOf(reading).good())
        return {};
    return reading;
}

/// The column `name` (a header, or a 1-based number) is in. With `headerRow` (1-based, as the
/// spreadsheet numbers rows) only that row's headers count: a sign-off box above the table may
/// repeat a header in another column. Without, the first 20 rows are searched, and a name found
/// in two of them under different columns is refused rather than guessed.
int resolveColumn(const Sheet &sheet, const QString &name, int columns, int headerRow)
{
    bool isNumber = false;
    const int number = name.trimmed().toInt(&isNumber);
    if (isNumber && number >= 1 && number <= columns)
        return number - 1;
    const QString wanted = Text::fold(name);
    auto columnIn = [&](const Row &row) {
        for (int c = 0; c < row.cells.size(); ++c) {
            const QString text = row.cells.at(c).text;
            if (text.isEmpty())
                continue;
            for (TextEncoding e : {TextEncoding::Unicode, TextEncoding::Tcvn3, TextEncoding::Vni, TextEncoding::Viqr})
                if (Text::fold(fromLegacy(text, e)) == wanted)
                    return c;
        }
        return -1;
    };
    if (headerRow > 0) {
        const int c = columnIn(sheet.rows.at(headerRowIndex(sheet, headerRow)));
        if (c >= 0)
            return c;
        if (isNumber)
            throw Error(Tr::tr("The sheet has columns 1 to %1; there is no column %2.").arg(columns).arg(number));
        throw Error(Tr::tr("No column headed \"%1\" is in row %2, the header row; give the column's header as "
                           "written there or its number (1 for column A).")
                        .arg(name)
                        .arg(headerRow));
    }
    const int scan = qMin(20, int(sheet.rows.size()));
    int found = -1;
    int foundRow = 0;
    for (int i = 0; i < scan; ++i) {
        const int c = columnIn(sheet.rows.at(i));
        if (c < 0)
            continue;
        if (found < 0) {
            found = c;
            foundRow = sheet.rows.at(i).number;
        } else if (c != found) {
            throw Error(Tr::tr("\"%1\" heads column %2 in row %3 and column %4 in row %5; give the header row "
                               "(--header-row) or the column's number (1 for column A).")
                            .arg(name, columnName(found))
                            .arg(foundRow)
                            .arg(columnName(c))
                            .arg(sheet.rows.at(i).number));
        }
    }
    if (found >= 0)
        return found;
    if (isNumber)
        throw Error(Tr::tr("The sheet has columns 1 to %1; there is no column %2.").arg(columns).arg(number));
    throw Error(Tr::tr("No column headed \"%1\" was found in the first %2 rows of the sheet; give the column's header "
                       "as written or its number (1 for column A).")
                    .arg(name)
                    .arg(scan));
}
} // namespace

QString encodingCode(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Unicode: return QStringLiteral("unicode");
    case TextEncoding::Tcvn3: return QStringLiteral("tcvn3");
    case TextEncoding::Vni: return QStringLiteral("vni");
    case TextEncoding::Viqr: return QStringLiteral("viqr");
    }
    return {};
}

std::optional<TextEncoding> encodingFromCode(const QString &code)
{
    for (TextEncoding e : {TextEncoding::Unicode, TextEncoding::Tcvn3, TextEncoding::Vni, TextEncoding::Viqr})
        if (code.trimmed().compare(encodingCode(e), Qt::CaseInsensitive) == 0)
            return e;
    // What clerks call TCVN3 after its fonts and keyboard tools.
    if (code.trimmed().compare(QLatin1String("abc"), Qt::CaseInsensitive) == 0)
        return TextEncoding::Tcvn3;
    return std::nullopt;
}

QString encodingText(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Unicode: return QStringLiteral("Unicode");
    case TextEncoding::Tcvn3: return QStringLiteral("TCVN3 (ABC)");
    case TextEncoding::Vni: return QStringLiteral("VNI");
    case TextEncoding::Viqr: return QStringLiteral("VIQR");
    }
    return {};
}

QString encodingNote(const ColumnEncoding &column, const QString &header)
{
    if (column.chosen)
        return Tr::tr("Column %1 \"%2\": %3, as chosen; %4 cells converted to Unicode.")
            .arg(columnName(column.column), header, encodingText(column.encoding))
            .arg(column.converted);
    return Tr::tr("Column %1 \"%2\": %3, confidence %4%; %5 cells converted to Unicode.")
        .arg(columnName(column.column), header, encodingText(column.encoding))
        .arg(column.confidence)
        .arg(column.converted);
}

QList<EncodingChoice> encodingChoicesByNumber(const Sheet &sheet, const QList<EncodingChoice> &choices, int headerRow)
{
    int columns = 0;
    for (const Row &r : sheet.rows)
        columns = qMax(columns, int(r.cells.size()));
    QList<EncodingChoice> out;
    for (const EncodingChoice &choice : choices)
        out.append({QString::number(resolveColumn(sheet, choice.column, columns, headerRow) + 1), choice.encoding});
    return out;
}

bool namesAColumnByHeader(const EncodingChoice &choice)
{
    bool isNumber = false;
    choice.column.trimmed().toInt(&isNumber);
    return !isNumber;
}

namespace {
/// Guesses and converts the rows `from` ≤ index < `to` of `sheet` (see decodeLegacyColumns).
QList<ColumnEncoding> decodeRows(Sheet &sheet, const Sheet *raw, const QHash<int, TextEncoding> &chosen, int columns, qsizetype from,
                                 qsizetype to, ConvertedCells *originals)
{
    // The raw reading by row number (rows line up: both readings split on the same ASCII bytes).
    QHash<int, const Row *> rawRows;
    if (raw)
        for (const Row &r : raw->rows)
            rawRows.insert(r.number, &r);
    auto rawText = [&](const Row &row, int c) -> QString {
        const Row *r = raw ? rawRows.value(row.number) : nullptr;
        return r ? r->cell(c).text : row.cell(c).text;
    };
    auto isText = [](const Cell &cell) { return cell.kind == Cell::Kind::Text && !cell.text.isEmpty(); };

    // Row by row, each cell once: a hostile sheet with one row as wide as Excel allows and a
    // million narrow ones must not cost columns × rows.
    std::vector<Votes> votes(static_cast<size_t>(columns));
    std::vector<int> textCells(static_cast<size_t>(columns), 0);
    for (qsizetype i = from; i < to; ++i) {
        const Row &row = std::as_const(sheet.rows).at(i);
        for (int c = 0; c < row.cells.size(); ++c) {
            if (!isText(row.cells.at(c)))
                continue;
            ++textCells[size_t(c)];
            if (votes[size_t(c)].telling < kSample)
                vote(votes[size_t(c)], row.cells.at(c).text, rawText(row, c));
        }
    }

    QList<ColumnEncoding> out;
    std::vector<int> legacy(static_cast<size_t>(columns), -1); // index in `out` of a column to convert
    for (int c = 0; c < columns; ++c) {
        if (textCells[size_t(c)] == 0 && !chosen.contains(c))
            continue;
        const Votes &v = votes[size_t(c)];
        ColumnEncoding col;
        col.column = c;
        if (chosen.contains(c)) {
            col.encoding = chosen.value(c);
            col.chosen = true;
        } else {
            // A legacy guess needs more of its cells than Unicode ones, and half the telling
            // cells: a column of Unicode names with one odd cell stays Unicode.
            for (TextEncoding e : {TextEncoding::Tcvn3, TextEncoding::Vni, TextEncoding::Viqr}) {
                const int n = v.count[size_t(e)];
                if (n > v.count[size_t(TextEncoding::Unicode)] && v.share(e) >= 50
                    && (col.encoding == TextEncoding::Unicode || n > v.count[size_t(col.encoding)]))
                    col.encoding = e;
            }
        }
        col.confidence = v.share(col.encoding);
        if (col.encoding != TextEncoding::Unicode)
            legacy[size_t(c)] = int(out.size());
        out.append(col);
    }
    // Read through const rows: only a row with a converted cell is written (a sheet that shares
    // its rows with a copy is not copied whole).
    for (qsizetype i = from; i < to; ++i) {
        const Row &row = std::as_const(sheet.rows).at(i);
        for (int c = 0; c < row.cells.size(); ++c) {
            const int at = legacy[size_t(c)];
            if (at < 0 || !isText(row.cells.at(c)))
                continue;
            QString converted = convertCell(row.cells.at(c).text, rawText(row, c), out.at(at).encoding);
            if (converted.isNull())
                continue;
            QString &text = sheet.rows[i].cells[c].text;
            if (originals)
                (*originals)[c].append({int(i), std::move(text)});
            text = std::move(converted);
            ++out[at].converted;
        }
    }
    return out;
}
} // namespace

QList<ColumnEncoding> decodeLegacyColumns(Sheet &sheet, const Sheet *raw, const QList<EncodingChoice> &choices,
                                          ConvertedCells *originals, int headerRow)
{
    int columns = 0;
    for (const Row &r : std::as_const(sheet.rows))
        columns = qMax(columns, int(r.cells.size()));
    QHash<int, TextEncoding> chosen;
    for (const EncodingChoice &choice : choices)
        chosen.insert(resolveColumn(sheet, choice.column, columns, 0), choice.encoding);
    // The rows above the header (a title, a letterhead, a sign-off box) are guessed on their
    // own, and what is reported is the table's guess: a box retyped in Unicode over a list
    // kept in .VnTime must not outvote a short list, nor a title left in .VnTime stay garbled.
    qsizetype split = 0;
    if (headerRow > 1)
        while (split < sheet.rows.size() && sheet.rows.at(split).number < headerRow)
            ++split;
    if (split > 0)
        decodeRows(sheet, raw, chosen, columns, 0, split, originals);
    return decodeRows(sheet, raw, chosen, columns, split, sheet.rows.size(), originals);
}

} // namespace VinhDanh::Core::Tables
