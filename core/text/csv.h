#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core::Csv {

/// One field, quoted when it holds a comma, a quote or a line break (RFC 4180), or starts or
/// ends with a space (spreadsheets trim those otherwise).
QString field(const QString &value);
/// One line of fields joined by commas, ending in CRLF.
QString line(const QStringList &fields);
/// A whole file for spreadsheets: UTF-8 with a byte-order mark, so Excel shows Vietnamese
/// letters rather than mojibake.
QByteArray file(const QList<QStringList> &rows);
/// Writes file(rows) to `path`, replacing it whole or not at all (QSaveFile). Error, in the
/// user's language with the system's reason, when it cannot be written.
void save(const QString &path, const QList<QStringList> &rows);

} // namespace VinhDanh::Core::Csv
