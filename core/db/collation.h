#pragma once

#include <QSqlDatabase>

struct sqlite3;

namespace VinhDanh::Core {

/// Registers the collation "vi" on a SQLite connection: Vietnamese order through QCollator
/// (a < ă < â, d < đ, o < ô < ơ; tones after the letter). SQL then sorts with
/// `ORDER BY name COLLATE vi` on both backends (PostgreSQL gets an ICU collation of the same
/// name from the migrations). Indexes use it too, so every connection must register it
/// before touching the people or units tables — Database does so on open.
void registerVietnameseCollation(const QSqlDatabase &db);
/// The same on a raw handle (backups open their files without QtSql; integrity_check needs
/// the collation to check the indexes that use it).
void registerVietnameseCollation(sqlite3 *raw);

} // namespace VinhDanh::Core
