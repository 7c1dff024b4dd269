#pragma once

#include "core/tables/table.h"

#include <QByteArray>
#include <QString>

namespace VinhDanh::Core::Tables::CsvReader {

/// What the reader found out about a file, for the preview's header line.
struct Format
{
    QString encoding; // "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1258"
    QChar delimiter;  // ',', ';' or '\t'
};

/// The text of a CSV file: a byte-order mark chooses UTF-8 or UTF-16; without one, text that
/// is valid UTF-8 is UTF-8 and anything else is Windows-1258 (what Excel saves as "CSV" on a
/// Vietnamese Windows). The result is NFC: Windows-1258 writes tones as combining marks.
QString decode(const QByteArray &bytes, QString *encoding);
/// `text` in NFC, normalised a few lines at a time (the same result as QString::normalized,
/// in linear time on a whole file).
QString toNfc(const QString &text);

/// A whole CSV file as one sheet: the delimiter is the one of , ; and tab that splits the first
/// lines into the same number of fields; quoted fields may hold delimiters, line breaks and
/// doubled quotes. Row numbers count records, as a spreadsheet shows the file. Error for a file
/// that is not text, a quote never closed, or more than kMaxRows rows.
Sheet read(const QByteArray &bytes, Format *format = nullptr);

} // namespace VinhDanh::Core::Tables::CsvReader
