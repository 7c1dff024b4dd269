#pragma once

#include <QDate>
#include <QString>
#include <QVariant>

namespace VinhDanh::Core::Keys {

/// A new stable external key for a record made in the GUI: prefix + random UUID, e.g.
/// "unit-3f2a…". Keys never change once given, so other offices can refer to the record.
QString generate(const QString &prefix);

/// Dates are stored as ISO text (the same on SQLite and PostgreSQL); a null date is NULL.
QVariant dateValue(const QDate &date);
QDate dateFrom(const QVariant &value);

} // namespace VinhDanh::Core::Keys
