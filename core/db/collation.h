#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QStringList>

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

/// SQLite: rebuilds every index once when ICU's Vietnamese order differs from the one the
/// file's indexes were built with (an ICU upgrade), and stamps the file with it.
void reindexIfCollationChanged(const QSqlDatabase &db);

/// The bytes that sort `texts` (compared in turn) in the "vi" order: two keys compare with
/// memcmp as the texts compare with QCollator, and equal keys mean the collation finds the texts
/// equal. SQLite's vi_sort_key(a, b, …) returns the same bytes, for an index the people list
/// walks in order (a custom collation makes every comparison of a sort a call into QCollator).
/// The bytes depend on the ICU version, like any collation index: never stored outside one.
QByteArray vietnameseSortKey(const QStringList &texts);

} // namespace VinhDanh::Core
