#pragma once

#include "clisupport.h"

#include "core/error.h"
#include "core/tables/legacytext.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QStringList>

namespace VinhDanh::Core::Tables {
struct SheetPreview;
struct TableFile;
} // namespace VinhDanh::Core::Tables

namespace VinhDanh::Cli {

// What import-table and dossier import-list share: a column's text encoding and the header row.
/// --encoding COLUMN=ENCODING (repeatable).
QCommandLineOption encodingOption();
/// The --encoding values; UsageError for one that is not COLUMN=ENCODING.
QList<Core::Tables::EncodingChoice> encodingChoices(QCommandLineParser &p);
/// The choices readFile can apply before the header row is known: those giving a column number.
QList<Core::Tables::EncodingChoice> numberedEncodings(const QList<Core::Tables::EncodingChoice> &encodings);
/// Whether a choice names its column by header: only then is the file read keeping what
/// applyNamedEncodings converts again from (nothing else in the CLI chooses twice).
bool namesAnyColumnByHeader(const QList<Core::Tables::EncodingChoice> &encodings);
/// Once the header row is known (`headerRow`, 0 = guessed), applies all of `encodings` to `file`,
/// the columns named by header found in that row; nothing when none is named by header.
void applyNamedEncodings(Core::Tables::TableFile &file, const QList<Core::Tables::EncodingChoice> &encodings, int headerRow);
/// Once the table's header row is known (--header-row, the saved mapping's or the one the mapping
/// found), the encodings guessed again below it (Core::Tables::guessBelowHeader: the file is read
/// again only when its header is not on row 1 and nothing said so). True when it changed: map again.
bool guessEncodingsBelowHeader(Core::Tables::TableFile &file, const QList<Core::Tables::EncodingChoice> &encodings, int headerRow);
/// `map()`, an error about the header row saying when the clerk did not choose it: the saved
/// mapping `name` did (`row` > 0), made for files whose header is on that row.
template<class Map>
auto mappedWith(const QString &name, int row, Map map)
{
    try {
        return map();
    } catch (const Core::Error &e) {
        if (row == 0)
            throw;
        Core::rethrowWithMessage(e, e.message() + QLatin1Char(' ')
                                        + QCoreApplication::translate("Cli", "The saved column mapping \"%1\" reads the "
                                                                             "header from row %2; give --header-row to "
                                                                             "read another row.")
                                              .arg(name)
                                              .arg(row));
    }
}

/// --header-row N.
QCommandLineOption headerRowOption();
/// --header-row's row (1-based, as the spreadsheet numbers rows), 0 when not given; UsageError
/// for anything but a whole number from 1.
int headerRow(QCommandLineParser &p);
/// Columns typed in TCVN3, VNI or VIQR, and those the clerk chose an encoding for, in words.
QStringList encodingNotes(const Core::Tables::TableFile &file, const Core::Tables::SheetPreview &p);
/// Every text column's guess (or the clerk's choice), converted or not, for the JSON report.
QJsonArray encodingsJson(const Core::Tables::TableFile &file, const Core::Tables::SheetPreview &p);

/// import-table: staff and their yearly ratings from an XLSX or CSV list, previewed or
/// committed all or nothing (issue 15).
void addTableCommands(CommandTable &table);

} // namespace VinhDanh::Cli
