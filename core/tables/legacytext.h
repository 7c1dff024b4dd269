#pragma once

// Vietnamese text typed before Unicode (issue 15 item 4): TCVN3 (ABC, the .VnTime fonts), VNI
// (VNI-Times) and VIQR (ASCII), found per column of an imported table and converted to NFC.

#include "core/tables/table.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace VinhDanh::Core::Tables {

enum class TextEncoding { Unicode, Tcvn3, Vni, Viqr };

/// unicode | tcvn3 | vni | viqr: the CLI's --encoding values and the JSON report's codes.
QString encodingCode(TextEncoding encoding);
std::optional<TextEncoding> encodingFromCode(const QString &code);
/// "Unicode", "TCVN3 (ABC)", "VNI", "VIQR": how the clerk knows them.
QString encodingText(TextEncoding encoding);

/// `text` read as the legacy `encoding` into Unicode NFC (Unicode: `text` unchanged).
/// TCVN3 and VNI text arrives from Excel as the Latin-1 characters of its bytes ("NguyÔn V¨n A",
/// "Nguyeãn Vaên A"); VIQR is ASCII ("Nguye^~n Va(n A"). A mark that cannot sit on the letter
/// before it stays as it is, and a VIQR word that would not become a Vietnamese syllable
/// ("address", "an.nguyen@so.gov.vn") is kept as written.
QString fromLegacy(const QString &text, TextEncoding encoding);

/// Whether `word` (letters only, any case) is one Vietnamese syllable as written in Unicode:
/// an onset, a rhyme Vietnamese has, at most one tone, and a tone a final c/ch/p/t allows.
bool isVietnameseSyllable(const QString &word);

/// A column's text encoding as found (or as the clerk chose it), and how many cells changed.
struct ColumnEncoding
{
    int column = 0; // 0 = A
    TextEncoding encoding = TextEncoding::Unicode;
    int confidence = 100; // 0..100: the share of the column's telling cells that read as `encoding`
    bool chosen = false;  // the clerk's choice, not a guess
    int converted = 0;    // cells whose text the conversion changed
};

/// The clerk's override for one column: `column` is its header text (as in the file or as
/// converted, compared without case or diacritics) or its 1-based number.
struct EncodingChoice
{
    QString column;
    TextEncoding encoding = TextEncoding::Unicode;
};

/// The text cells had before a conversion changed them: column → (index in the sheet's rows, text).
using ConvertedCells = QHash<int, QList<QPair<int, QString>>>;

/// Guesses every text column's encoding and converts the columns that are not Unicode, in
/// place, before anything maps or parses the values. A cell with a letter beyond Latin-1 is
/// Unicode already and never converted (lists pasted together mix both). `raw`, when given, is
/// the same table read byte for byte as Windows-1252: a CSV that is not UTF-8 is decoded as
/// Windows-1258 first, which mangles TCVN3 and VNI bytes, so those are read from `raw`.
/// `choices` win over the guesses; Error when a choice names no column of the sheet.
/// `originals`, when given, receives the text each converted cell had before (per column, its
/// index in `sheet.rows` and that text): all another encoding choice needs to start again.
/// `headerRow` (1-based; 0 = the whole sheet): the table's header row; the rows above it (a
/// title or sign-off box, often typed apart from the list) are guessed on their own and do not
/// vote for the table's columns, whose guess is what is returned.
QList<ColumnEncoding> decodeLegacyColumns(Sheet &sheet, const Sheet *raw = nullptr, const QList<EncodingChoice> &choices = {},
                                          ConvertedCells *originals = nullptr, int headerRow = 0);

/// `choices` with every column named by its header turned into its 1-based number, the header
/// read in row `headerRow` (1-based, as the spreadsheet numbers rows) — the row the table's
/// header is on, not a sign-off box above it. `headerRow` 0: the first 20 rows, as
/// decodeLegacyColumns reads names, and a name heading different columns in two of them is
/// refused. Error, in words, for a name or number that is no column.
QList<EncodingChoice> encodingChoicesByNumber(const Sheet &sheet, const QList<EncodingChoice> &choices, int headerRow);
/// Whether `choice` names its column by header text rather than by number.
bool namesAColumnByHeader(const EncodingChoice &choice);

/// The line a preview shows for a converted or chosen column, translated: "Column B \"Họ và
/// tên\": TCVN3 (ABC), confidence 92%; 40 cells converted to Unicode." `header` as converted.
QString encodingNote(const ColumnEncoding &column, const QString &header);

} // namespace VinhDanh::Core::Tables
