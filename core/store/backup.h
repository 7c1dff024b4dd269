#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace VinhDanh::Core {

class Database;
struct ConnectionSettings;

/// Backups of a database and restoring from one (issue 12 item 3; docs/backup.md).
///
/// A SQLite backup is written with SQLite's online backup API, so it is consistent even while
/// other clerks write and it includes what is still in the WAL (a plain file copy does not).
/// It is written to "<target>.part", checked with integrity_check, and only then renamed over
/// the target: an older backup of the same name is never deleted before the new one is whole.
///
/// Automatic backups live in a folder beside the database ("<name>-saoluu/"): one before every
/// schema upgrade, and one on the first open of each day; the newest N of each kind are kept
/// (Settings::backupsToKeep(), 0 turns them off).
namespace Backup {

enum class Kind { Manual, Daily, BeforeUpgrade, BeforeRestore };

/// "daily", "before an upgrade", … translated, for lists a clerk reads.
QString kindName(Kind kind);

/// What a backup file holds, read without changing it.
struct Summary
{
    QString path;
    Kind kind = Kind::Manual;
    QDateTime takenAt; // from the file name for automatic backups, else the file's time
    qint64 bytes = 0;
    int schemaVersion = 0;
    qint64 units = 0;
    qint64 people = 0;
    qint64 awards = 0;
    qint64 decisions = 0;
    QString lastChange; // the newest audit entry's time (ISO UTC), empty when none
    /// One sentence for a clerk: when, which kind, and what it holds.
    QString describe() const;
};

/// Writes a consistent copy of the open database to `target` (SQLite: online backup API,
/// verified, then renamed into place). On PostgreSQL runs `pg_dump --format=custom` when it is
/// installed. Throws Error with a clear message; a failure leaves any existing `target` as it was.
void write(const Database &db, const QString &target);

/// Checks a SQLite backup file without changing it: it opens read-only, passes
/// integrity_check, is a Vinh Danh database of a schema version this program knows, and has
/// its guard and audit triggers. Throws Error naming what is wrong.
Summary inspect(const QString &backupPath);

/// Replaces the contents of the SQLite database `databasePath` with the backup, whole:
/// the backup is inspected first, the current contents are kept beside the database (as a
/// BeforeRestore backup, whose path is returned), and the copy goes through SQLite's backup
/// API so other connections see either the old or the new database, never a mix.
/// `databasePath` need not exist. Throws Error; on failure the database is unchanged.
QString restore(const QString &databasePath, const QString &backupPath);

/// The folder of a database's automatic backups, e.g. /data/vinhdanh-saoluu for
/// /data/vinhdanh.sqlite.
QString folderFor(const QString &databasePath);
/// The backups in that folder, newest first (files that cannot be read are left out).
QList<Summary> list(const QString &databasePath);

/// Called by Database when it opens a SQLite file: a BeforeUpgrade backup when the file's
/// schema is older than this program's, and a Daily one when none was taken today. Keeps the
/// newest Settings::backupsToKeep() of each kind. Quiet no-op for ":memory:" and new files.
void automatic(const Database &db, Kind kind);

} // namespace Backup
} // namespace VinhDanh::Core
