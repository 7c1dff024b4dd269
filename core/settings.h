#pragma once

#include <QByteArray>
#include <QDate>
#include <QPointF>
#include <QSize>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core {

/// Typed user settings (Zeal/qBittorrent style): call sites never spell a QSettings key.
/// Stored with QSettings under the organisation "VinhDanh"; tests call
/// QStandardPaths::setTestModeEnabled(true) so they never touch a clerk's settings.
class Settings
{
public:
    /// "vi" (the default) or "en".
    static QString language();
    static void setLanguage(const QString &language);

    /// The database opened last; empty on first start.
    static QString lastDatabase();
    static void setLastDatabase(const QString &path);

    /// Most recent first, at most 8, without duplicates.
    static QStringList recentDatabases();
    static void addRecentDatabase(const QString &path);

    /// The default database file in the user's data folder, e.g.
    /// ~/.local/share/VinhDanh/VinhDanh/vinhdanh.sqlite (organisation/application; created on first start).
    static QString defaultDatabasePath();

    /// How far (mm, +x right, +y down) certificates must move to land on the blanks in this
    /// printer, measured with the test grid. Per printer and per computer: it is the printer's
    /// feed that is off. Zero for a printer never calibrated.
    static QPointF certificateOffset(const QString &printer);
    /// How many automatic backups of each kind (daily, before an upgrade) are kept beside a
    /// database; 0 turns automatic backups off. Default 10. Environment VINHDANH_BACKUPS_KEEP
    /// overrides it (for scripts and servers that keep backups another way).
    static int backupsToKeep();
    /// The day this computer last read a database file through (SQLite's quick_check), by the
    /// file's absolute path; a null date when never.
    static QDate lastFileCheck(const QString &path);
    static void setLastFileCheck(const QString &path, const QDate &day);
    static void setBackupsToKeep(int count);
    static void setCertificateOffset(const QString &printer, const QPointF &offsetMm);

    /// A list's columns as the clerk left them (QHeaderView::saveState: widths, order, hidden
    /// columns, sort), by the list's name and its number of columns, so a list that gains a
    /// column starts afresh instead of restoring a layout made for other columns. Empty = never saved.
    static QByteArray listColumns(const QString &list, int columnCount);
    static void setListColumns(const QString &list, int columnCount, const QByteArray &state);

    /// The size the clerk last gave a window (by the window's name, e.g. "dossier"); invalid
    /// when never resized, and the window then sizes itself to the screen.
    static QSize windowSize(const QString &window);
    static void setWindowSize(const QString &window, const QSize &size);
};

} // namespace VinhDanh::Core
