#pragma once
// The office's own settings (table office_settings: the letterhead, the office level, the
// certificate layouts, saved column mappings, the office id): key → text, in the database so
// every clerk of the office and the CLI read the same. The only writer of the table.

#include <QHash>
#include <QString>

#include <optional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::OfficeSettings {

/// The value of `key`, or nothing when it was never set.
std::optional<QString> value(const Database &db, const QString &key);
/// Every setting whose key starts with `prefix` ("letterhead."), by key.
QHash<QString, QString> withPrefix(const Database &db, const QString &prefix);

/// Sets `key` (an empty value is stored as an empty text, not NULL). In the caller's
/// transaction when there is one; the audit log records it like any edit.
void put(Database &db, const QString &key, const QString &value);
/// Sets `key` only when it has no value yet (the demo's letterhead leaves an office's own).
void putIfAbsent(Database &db, const QString &key, const QString &value);
void remove(Database &db, const QString &key);

} // namespace VinhDanh::Core::OfficeSettings
