#include "core/settings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace VinhDanh::Core {

namespace {
QSettings store()
{
    return QSettings(QStringLiteral("VinhDanh"), QStringLiteral("VinhDanh"));
}
const QString kLanguage = QStringLiteral("ui/language");
const QString kLastDatabase = QStringLiteral("database/last");
const QString kRecent = QStringLiteral("database/recent");
constexpr int kMaxRecent = 8;
} // namespace

QString Settings::language()
{
    const QString value = store().value(kLanguage, QStringLiteral("vi")).toString();
    return value == QLatin1String("en") ? value : QStringLiteral("vi");
}

void Settings::setLanguage(const QString &language)
{
    store().setValue(kLanguage, language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("vi"));
}

QString Settings::lastDatabase()
{
    return store().value(kLastDatabase).toString();
}

void Settings::setLastDatabase(const QString &path)
{
    store().setValue(kLastDatabase, path);
    addRecentDatabase(path);
}

QStringList Settings::recentDatabases()
{
    return store().value(kRecent).toStringList();
}

void Settings::addRecentDatabase(const QString &path)
{
    QStringList recent = recentDatabases();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    store().setValue(kRecent, recent);
}

QString Settings::defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString base = dir.isEmpty() ? QDir::homePath() + QStringLiteral("/.local/share/VinhDanh") : dir;
    return base + QStringLiteral("/vinhdanh.sqlite");
}

namespace {
// Printer names hold spaces and slashes, which QSettings reads as groups: percent-encode them.
QString offsetKey(const QString &printer)
{
    return QStringLiteral("certificates/offset/") + QString::fromLatin1(printer.toUtf8().toPercentEncoding());
}
} // namespace

QPointF Settings::certificateOffset(const QString &printer)
{
    return store().value(offsetKey(printer), QPointF()).toPointF();
}

void Settings::setCertificateOffset(const QString &printer, const QPointF &offsetMm)
{
    store().setValue(offsetKey(printer), offsetMm);
}

namespace {
QString listColumnsKey(const QString &list, int columnCount)
{
    return QStringLiteral("lists/%1/columns%2").arg(list).arg(columnCount);
}
} // namespace

QByteArray Settings::listColumns(const QString &list, int columnCount)
{
    return store().value(listColumnsKey(list, columnCount)).toByteArray();
}

void Settings::setListColumns(const QString &list, int columnCount, const QByteArray &state)
{
    store().setValue(listColumnsKey(list, columnCount), state);
}

QSize Settings::windowSize(const QString &window)
{
    return store().value(QStringLiteral("windows/%1/size").arg(window)).toSize();
}

void Settings::setWindowSize(const QString &window, const QSize &size)
{
    store().setValue(QStringLiteral("windows/%1/size").arg(window), size);
}

int Settings::backupsToKeep()
{
    bool ok = false;
    const int fromEnv = qEnvironmentVariableIntValue("VINHDANH_BACKUPS_KEEP", &ok);
    if (ok)
        return qMax(0, fromEnv);
    return qMax(0, store().value(QStringLiteral("backup/keep"), 10).toInt());
}

void Settings::setBackupsToKeep(int count)
{
    store().setValue(QStringLiteral("backup/keep"), qBound(0, count, 1000));
}

namespace {
// Only today's entries matter (an older date means "check again"), so only they are kept: the
// settings do not grow with every file ever opened (tests open thousands).
const QString kCheckedToday = QStringLiteral("database/checkedToday");
} // namespace

QDate Settings::lastFileCheck(const QString &path)
{
    return store().value(kCheckedToday).toMap().value(path).toDate();
}

void Settings::setLastFileCheck(const QString &path, const QDate &day)
{
    QSettings settings = store();
    const QVariantMap old = settings.value(kCheckedToday).toMap();
    QVariantMap kept;
    for (auto it = old.begin(); it != old.end(); ++it)
        if (it.value().toDate() == day)
            kept.insert(it.key(), it.value());
    kept.insert(path, day);
    settings.setValue(kCheckedToday, kept);
}

} // namespace VinhDanh::Core
