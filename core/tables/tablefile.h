#pragma once

#include "core/tables/legacytext.h"
#include "core/tables/table.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace VinhDanh::Core::Tables {

/// A spreadsheet file read whole: what it was and the sheet taken from it.
struct TableFile
{
    Sheet sheet;
    QString format;                  // "XLSX", "DOCX" or "CSV"
    QString encoding;                // CSV only
    QStringList hiddenSheets;        // XLSX: the sheets hidden in Excel (reported, never read unless named)
    QList<ColumnEncoding> encodings; // every text column's encoding; legacy ones are converted in `sheet`
    QString sha256;                  // of the bytes read: the import's audit entry names what was imported
    /// What another encoding choice converts from, without the file (changed or gone since):
    /// the text each converted cell had as read, and for a CSV that is not UTF-8 its bytes (the
    /// byte-for-byte reading TCVN3 and VNI columns are converted from is made again from them).
    /// Only what the conversion changed: for a large list mostly Unicode, next to nothing.
    /// Null when readFile was told not to keep it (the CLI never chooses again).
    struct Originals
    {
        ConvertedCells cells;
        QByteArray csvBytes;
    };
    std::shared_ptr<const Originals> originals;
    int guessedFrom = 0;     // the header row the encodings were guessed below (0: the whole sheet)
    QString path, sheetName; // what readFile was given: guessBelowHeader may read it again
};

/// The most bytes a table file may have; larger lists are split by the office.
constexpr qint64 kMaxFileBytes = 256LL * 1024 * 1024;

/// Reads `path`: an XLSX workbook or a Word document's table (.docx; by content, whatever the
/// extension) or else a CSV. `sheetName` chooses an XLSX sheet (empty = the first visible one)
/// or a DOCX table ("Table 2" or "2"; empty = the one with the most filled cells, see DocxDocument).
/// An old .doc is refused, like an old .xls, with the way out (save it as .docx). Error, in words a clerk
/// can act on, for an unreadable, encrypted, old-format (.xls), damaged or oversized file.
/// Columns typed in TCVN3, VNI or VIQR are converted to Unicode as found, or as `encodings`
/// choose (see decodeLegacyColumns); Error when a choice names no column.
/// `keepOriginals`: keep what applyEncodings needs (see TableFile::originals). `headerRow`
/// (1-based; 0 = not known): the table's header row; the rows above it are guessed on their own.
TableFile readFile(const QString &path, const QString &sheetName = {}, const QList<EncodingChoice> &encodings = {},
                   bool keepOriginals = true, int headerRow = 0);

/// Converts `file`'s sheet again from what was read, under the clerk's `encodings` (the others
/// guessed, as readFile does): `sheet` and `encodings` are replaced, the file is not read.
/// Error (and `file` unchanged) when a choice names no column, or `file` keeps no originals.
/// `headerRow` as for readFile.
void applyEncodings(TableFile &file, const QList<EncodingChoice> &encodings, int headerRow = 0);

/// The guess made again below `headerRow` (the clerk's, or the one the mapping found) when it
/// was made from other rows: a letterhead or sign-off box above the table, typed in Unicode over
/// a list in TCVN3, must not outvote a short list (the rows above are guessed on their own).
/// True when the encodings or the text changed (map again). Without originals (the CLI's
/// reading) the file is read again. Nothing happens when the guess was made from that row.
bool guessBelowHeader(TableFile &file, const QList<EncodingChoice> &encodings, int headerRow);

} // namespace VinhDanh::Core::Tables
