#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Ui::Csv {

// A small CSV writer kept free of widgets (Qt Core only) so that it can move to core when the
// CLI's `candidates --format csv` wants the same bytes.

/// RFC 4180 text: fields separated by commas, rows by CRLF; a field containing a comma, a
/// quote, a line break or leading/trailing space is quoted, with quotes doubled. Encoded
/// UTF-8 and preceded by a byte-order mark: without it Excel on Windows reads the file as
/// the ANSI code page and "Nguyễn" arrives as "Nguyá»…n".
QByteArray encode(const QList<QStringList> &rows);

/// Writes `encode(rows)` to `path`, replacing the file. Throws Core::Error (translated, with
/// the file name and the system's reason) when the file cannot be written.
void write(const QString &path, const QList<QStringList> &rows);

} // namespace VinhDanh::Ui::Csv
