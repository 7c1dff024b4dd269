#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core::Csv {

/// One field, quoted when it holds the separator, a quote or a line break (RFC 4180), or starts
/// or ends with a space (spreadsheets trim those otherwise).
QString field(const QString &value, QChar separator = QLatin1Char(','));
/// One line of fields joined by the separator, ending in CRLF.
QString line(const QStringList &fields, QChar separator = QLatin1Char(','));
/// A whole file for spreadsheets: UTF-8 with a byte-order mark, so Excel shows Vietnamese
/// letters rather than mojibake. Excel splits columns at the list separator of Windows'
/// regional settings: ";" under Vietnamese ones (whose decimal mark is the comma), which is why
/// the lists of documents are written with kExcelSeparator.
QByteArray file(const QList<QStringList> &rows, QChar separator = QLatin1Char(','));
inline constexpr QLatin1Char kExcelSeparator{';'};
/// Writes file(rows) to `path`, replacing it whole or not at all (QSaveFile). Error, in the
/// user's language with the system's reason, when it cannot be written.
void save(const QString &path, const QList<QStringList> &rows);

} // namespace VinhDanh::Core::Csv
