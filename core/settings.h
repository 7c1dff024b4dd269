#pragma once

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
};

} // namespace VinhDanh::Core
