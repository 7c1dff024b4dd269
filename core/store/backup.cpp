#include "core/store/backup.h"

#include "core/db/collation.h"

#include "core/db/database.h"
#include "core/error.h"
#include "core/settings.h"
#include "core/store/migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QStandardPaths>
#include <QTimeZone>

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace VinhDanh::Core::Backup {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Backup)
};

/// A raw SQLite connection of our own, closed on every path out.
struct Raw
{
    sqlite3 *db = nullptr;
    ~Raw() { sqlite3_close_v2(db); }
    QString error() const { return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString(); }
};

void openRaw(Raw &raw, const QString &path, int flags)
{
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw.db, flags, nullptr);
    if (rc != SQLITE_OK)
        throw Error(Tr::tr("Could not open the file \"%1\".").arg(path), raw.error());
    sqlite3_busy_timeout(raw.db, 30000); // as Database: queue behind a writer, even an import
    registerVietnameseCollation(raw.db);
}

/// The first column of the first row of `sql`, as text ("" when there is no row).
QString scalar(sqlite3 *db, const char *sql, bool *ok = nullptr)
{
    sqlite3_stmt *stmt = nullptr;
    QString value;
    bool good = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK;
    if (good) {
        const int rc = sqlite3_step(stmt);
        good = rc == SQLITE_ROW || rc == SQLITE_DONE;
        if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL)
            value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    }
    sqlite3_finalize(stmt);
    if (ok)
        *ok = good;
    return value;
}

sqlite3 *handleOf(const Database &db)
{
    const QVariant handle = db.sql().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        throw DatabaseError(QCoreApplication::translate("Database", "The SQLite connection handle is not available."));
    return *static_cast<sqlite3 *const *>(handle.constData());
}

/// Copies every page of `source` into `target` in one step (one read transaction on the
/// source, so the copy is one consistent state even while others write).
void copyPages(sqlite3 *source, sqlite3 *target, const QString &what)
{
    sqlite3_backup *b = sqlite3_backup_init(target, "main", source, "main");
    if (!b)
        throw DatabaseError(what, QString::fromUtf8(sqlite3_errmsg(target)));
    const int step = sqlite3_backup_step(b, -1);
    const int finish = sqlite3_backup_finish(b);
    if (step != SQLITE_DONE || finish != SQLITE_OK) {
        const bool busy = step == SQLITE_BUSY || step == SQLITE_LOCKED;
        throw DatabaseError(busy ? Tr::tr("The database is busy: another program kept it locked for longer than the wait "
                                          "allows. Nothing was changed; try again in a moment.")
                                 : what,
                            QString::fromUtf8(sqlite3_errstr(step != SQLITE_DONE ? step : finish)));
    }
}

/// The temporary file a backup is written to before the rename. Per process: two programs
/// opening the database at once may both take the day's backup.
QString partName(const QString &target)
{
    return QStringLiteral("%1.part-%2").arg(target).arg(QCoreApplication::applicationPid());
}

bool samePath(const QString &a, const QString &b)
{
    return QFileInfo(a).absoluteFilePath() == QFileInfo(b).absoluteFilePath();
}

/// rename(2) replaces the target in one step; QFile::rename refuses an existing target.
void moveIntoPlace(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        QFile::remove(from);
        throw Error(Tr::tr("Could not write the backup \"%1\".").arg(to), QString::fromLocal8Bit(std::strerror(errno)));
    }
}

void writeSqlite(const Database &db, const QString &target)
{
    const QString live = db.settings().path;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        if (samePath(target, live + suffix))
            throw Error(Tr::tr("A backup cannot be written over the database itself; choose another file name."));
    if (QFileInfo(target).isDir())
        throw Error(Tr::tr("\"%1\" is a folder; give a file name for the backup.").arg(target));
    QDir().mkpath(QFileInfo(target).absolutePath());
    const QString part = partName(target);
    QFile::remove(part); // a leftover of an interrupted backup, never a backup itself
    {
        Raw out;
        openRaw(out, part, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        try {
            copyPages(handleOf(db), out.db, Tr::tr("Could not copy the database into the backup \"%1\".").arg(target));
            // A backup at rest is one self-contained file, without a -wal beside it.
            scalar(out.db, "PRAGMA journal_mode = DELETE");
            const QString check = scalar(out.db, "PRAGMA integrity_check");
            if (check != QLatin1String("ok"))
                throw Error(Tr::tr("The backup \"%1\" did not pass its integrity check; the previous backup was kept.").arg(target),
                            check);
        } catch (...) {
            sqlite3_close_v2(out.db);
            out.db = nullptr;
            QFile::remove(part);
            throw;
        }
    }
    moveIntoPlace(part, target);
}

void writePostgres(const Database &db, const QString &target)
{
    const QString pgDump = QStandardPaths::findExecutable(QStringLiteral("pg_dump"));
    if (pgDump.isEmpty())
        throw Error(Tr::tr("pg_dump is not installed on this computer (Debian package postgresql-client). "
                           "Install it, or ask the server's administrator for a backup."));
    const ConnectionSettings &s = db.settings();
    const QString part = partName(target);
    QFile::remove(part);
    QProcess dump;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), s.password);
    dump.setProcessEnvironment(env);
    dump.start(pgDump, {QStringLiteral("--format=custom"), QStringLiteral("--no-password"), QStringLiteral("--host=") + s.host,
                        QStringLiteral("--port=") + QString::number(s.port), QStringLiteral("--username=") + s.user,
                        QStringLiteral("--file=") + part, s.databaseName});
    const bool finished = dump.waitForFinished(-1);
    if (!finished || dump.exitStatus() != QProcess::NormalExit || dump.exitCode() != 0) {
        QFile::remove(part);
        throw Error(Tr::tr("pg_dump could not back up the database %1.").arg(s.displayName()),
                    QString::fromLocal8Bit(dump.readAllStandardError()).simplified());
    }
    moveIntoPlace(part, target);
}

struct KindName
{
    Kind kind;
    const char *word; // in the file name
};
constexpr KindName kKinds[] = {{Kind::Manual, "thu-cong"},
                               {Kind::Daily, "hang-ngay"},
                               {Kind::BeforeUpgrade, "truoc-nang-cap"},
                               {Kind::BeforeRestore, "truoc-khoi-phuc"}};

QString kindWord(Kind kind)
{
    for (const KindName &k : kKinds)
        if (k.kind == kind)
            return QLatin1String(k.word);
    return {};
}

/// "<base>-20261206-153000-hang-ngay.sqlite": the time is local, as the clerk reads it.
QString automaticName(const QString &databasePath, Kind kind, const QDateTime &when)
{
    return QStringLiteral("%1/%2-%3-%4.sqlite")
        .arg(folderFor(databasePath), QFileInfo(databasePath).completeBaseName(), when.toString(QStringLiteral("yyyyMMdd-HHmmss")),
             kindWord(kind));
}

void prune(const QString &databasePath, Kind kind, int keep)
{
    int seen = 0;
    for (const Summary &s : list(databasePath))
        if (s.kind == kind && ++seen > keep)
            QFile::remove(s.path);
}

/// Reads the time and kind from an automatic backup's file name; false for any other name.
bool readName(const QString &fileName, Summary &s)
{
    static const QRegularExpression pattern(QStringLiteral("-(\\d{8}-\\d{6})-([a-z-]+)\\.sqlite$"));
    const QRegularExpressionMatch m = pattern.match(fileName);
    if (!m.hasMatch())
        return false;
    const QDateTime when = QDateTime::fromString(m.captured(1), QStringLiteral("yyyyMMdd-HHmmss"));
    for (const KindName &k : kKinds)
        if (when.isValid() && m.captured(2) == QLatin1String(k.word)) {
            s.takenAt = when;
            s.kind = k.kind;
            return true;
        }
    return false;
}

qint64 count(sqlite3 *db, const char *table)
{
    const QByteArray exists = QByteArray("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '") + table + "'";
    if (scalar(db, exists.constData()).toInt() == 0)
        return 0;
    const QByteArray sql = QByteArray("SELECT count(*) FROM ") + table;
    return scalar(db, sql.constData()).toLongLong();
}
} // namespace

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Manual: return Tr::tr("made by hand");
    case Kind::Daily: return Tr::tr("daily");
    case Kind::BeforeUpgrade: return Tr::tr("before an upgrade");
    case Kind::BeforeRestore: return Tr::tr("before a restore");
    }
    return {};
}

QString Summary::describe() const
{
    const QLocale locale;
    return Tr::tr("Backup of %1 (%2): %3 units, %4 people, %5 awards, %6 decisions; %7.")
        .arg(takenAt.toString(QStringLiteral("dd/MM/yyyy HH:mm")), kindName(kind))
        .arg(locale.toString(units), locale.toString(people), locale.toString(awards), locale.toString(decisions))
        .arg(locale.formattedDataSize(bytes));
}

QString folderFor(const QString &databasePath)
{
    const QFileInfo info(databasePath);
    return info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral("-saoluu");
}

QList<Summary> list(const QString &databasePath)
{
    QList<Summary> out;
    const QDir dir(folderFor(databasePath));
    const QString base = QFileInfo(databasePath).completeBaseName() + QLatin1Char('-');
    for (const QFileInfo &f : dir.entryInfoList({QStringLiteral("*.sqlite")}, QDir::Files)) {
        Summary s;
        s.path = f.absoluteFilePath();
        s.bytes = f.size();
        if (f.fileName().startsWith(base) && readName(f.fileName(), s))
            out << s;
    }
    std::sort(out.begin(), out.end(), [](const Summary &a, const Summary &b) { return a.takenAt > b.takenAt; });
    return out;
}

void write(const Database &db, const QString &target)
{
    if (target.trimmed().isEmpty())
        throw Error(Tr::tr("Give the file to write the backup to."));
    if (db.backend() == Backend::Sqlite)
        writeSqlite(db, target);
    else
        writePostgres(db, target);
}

Summary inspect(const QString &backupPath)
{
    const QFileInfo info(backupPath);
    if (!info.exists() || info.isDir())
        throw Error(Tr::tr("The backup file \"%1\" does not exist.").arg(backupPath));
    QFile head(backupPath);
    if (!head.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("The backup file \"%1\" cannot be read.").arg(backupPath));
    if (!head.read(16).startsWith("SQLite format 3"))
        throw Error(Tr::tr("\"%1\" is not a Vinh Danh backup (it is not an SQLite database file).").arg(backupPath));
    head.close();

    Raw raw;
    openRaw(raw, backupPath, SQLITE_OPEN_READONLY);
    bool ok = false;
    const QString check = scalar(raw.db, "PRAGMA integrity_check", &ok);
    if (!ok || check != QLatin1String("ok"))
        throw Error(Tr::tr("The backup \"%1\" is damaged (it fails SQLite's integrity check); choose another backup.").arg(backupPath),
                    ok ? check : raw.error());
    if (scalar(raw.db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_info'").toInt() == 0)
        throw Error(Tr::tr("\"%1\" is not a Vinh Danh backup (it has no Vinh Danh schema version).").arg(backupPath));
    Summary s;
    s.path = info.absoluteFilePath();
    s.bytes = info.size();
    s.schemaVersion = scalar(raw.db, "SELECT value FROM schema_info WHERE key = 'version'").toInt();
    if (s.schemaVersion < 1 || s.schemaVersion > Migrations::latestVersion())
        throw Error(Tr::tr("The backup \"%1\" has schema version %2; this program knows versions 1 to %3.")
                        .arg(backupPath)
                        .arg(s.schemaVersion)
                        .arg(Migrations::latestVersion()));
    // The audit log's own guard exists from version 2 on: a backup without it was tampered with.
    if (s.schemaVersion >= 2
        && scalar(raw.db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                          "('guard_audit_log_update', 'guard_audit_log_delete')")
                   .toInt()
               != 2)
        throw Error(Tr::tr("The backup \"%1\" lacks the guards that protect its audit log; it was changed outside "
                           "Vinh Danh and is not restored.")
                        .arg(backupPath));
    s.units = count(raw.db, "units");
    s.people = count(raw.db, "people");
    s.awards = count(raw.db, "awards");
    s.decisions = count(raw.db, "decisions");
    if (s.schemaVersion >= 2)
        s.lastChange = scalar(raw.db, "SELECT max(at) FROM audit_log");
    s.takenAt = info.lastModified();
    readName(info.fileName(), s);
    return s;
}

QString restore(const QString &databasePath, const QString &backupPath)
{
    if (samePath(databasePath, backupPath))
        throw Error(Tr::tr("The backup and the database are the same file."));
    inspect(backupPath);

    QString kept;
    if (QFileInfo::exists(databasePath)) {
        // Keep what is replaced: a backup of the current contents, beside the others.
        Raw current;
        openRaw(current, databasePath, SQLITE_OPEN_READWRITE);
        kept = automaticName(databasePath, Kind::BeforeRestore, QDateTime::currentDateTime());
        QDir().mkpath(folderFor(databasePath));
        const QString part = partName(kept);
        bool copied = false;
        {
            Raw out;
            openRaw(out, part, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            try {
                copyPages(current.db, out.db, Tr::tr("Could not keep a copy of the current database; nothing was restored."));
                scalar(out.db, "PRAGMA journal_mode = DELETE");
                copied = true;
            } catch (const Error &) {
                // A damaged database may not copy page by page: keep its bytes as they are.
            }
        }
        if (!copied) {
            QFile::remove(part);
            if (!QFile::copy(databasePath, part))
                throw Error(Tr::tr("Could not keep a copy of the current database; nothing was restored."));
            if (QFileInfo::exists(databasePath + QStringLiteral("-wal")))
                QFile::copy(databasePath + QStringLiteral("-wal"), kept + QStringLiteral("-wal"));
        }
        moveIntoPlace(part, kept);
    }

    {
        Raw source;
        openRaw(source, backupPath, SQLITE_OPEN_READONLY);
        Raw target;
        openRaw(target, databasePath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        // One backup step under the target's write lock: other connections see the old database
        // or the restored one, never a mix; a failure rolls the target back.
        copyPages(source.db, target.db,
                  Tr::tr("Could not restore the backup into \"%1\"; the database was left as it was.").arg(databasePath));
    }
    // The whole self-check on opening (every guard and audit trigger, not only the audit log's
    // guards looked at above): a restored file that fails it is put back as it was.
    QString problem;
    {
        const Database opened(ConnectionSettings::sqlite(databasePath), Database::Mode::OpenExisting);
        problem = opened.readOnlyReason();
    }
    if (!problem.isEmpty()) {
        if (!kept.isEmpty()) {
            Raw previous;
            openRaw(previous, kept, SQLITE_OPEN_READONLY);
            Raw target;
            openRaw(target, databasePath, SQLITE_OPEN_READWRITE);
            copyPages(previous.db, target.db, Tr::tr("Could not put the database back as it was; it is kept as \"%1\".").arg(kept));
        }
        throw Error(Tr::tr("The backup \"%1\" fails the database's check on opening, so it was not restored and the "
                           "database was put back as it was.")
                        .arg(backupPath),
                    problem);
    }
    return kept;
}

void automatic(const Database &db, Kind kind)
{
    const QString path = db.settings().path;
    if (db.backend() != Backend::Sqlite || path == QLatin1String(":memory:"))
        return;
    const int keep = Settings::backupsToKeep();
    if (keep <= 0)
        return;
    const QDateTime now = QDateTime::currentDateTime();
    if (kind == Kind::Daily) {
        for (const Summary &s : list(path))
            if (s.kind == Kind::Daily && s.takenAt.date() == now.date())
                return;
    }
    try {
        write(db, automaticName(path, kind, now));
    } catch (const Error &e) {
        if (kind == Kind::BeforeUpgrade)
            rethrowWithMessage(e, Tr::tr("The database was not upgraded to version %1: the backup before the upgrade could "
                                         "not be written (%2). The file was left as it was.")
                                      .arg(Migrations::latestVersion())
                                      .arg(e.message()));
        throw;
    }
    prune(path, kind, keep);
}

} // namespace VinhDanh::Core::Backup
