#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core::Csv {

/// One field, quoted when it holds a comma, a quote or a line break (RFC 4180).
QString field(const QString &value);
/// One line of fields joined by commas, ending in CRLF.
QString line(const QStringList &fields);
/// A whole file for spreadsheets: UTF-8 with a byte-order mark, so Excel shows Vietnamese
/// letters rather than mojibake.
QByteArray file(const QList<QStringList> &rows);

} // namespace VinhDanh::Core::Csv
