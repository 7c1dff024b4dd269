#include "core/registry/officesettings.h"

#include "core/db/database.h"
#include "core/db/query.h"

namespace VinhDanh::Core::OfficeSettings {

namespace {
// Qt binds an empty QString as NULL; the column is NOT NULL text.
QString stored(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("") : value;
}

// The table's one INSERT: put and putIfAbsent differ only in what a key already there gets.
void write(Database &db, const QString &key, const QString &value, bool replace)
{
    Query(db.sql(), QStringLiteral("INSERT INTO office_settings (key, value) VALUES (:k, :v) ON CONFLICT (key) DO ")
                        + (replace ? QStringLiteral("UPDATE SET value = excluded.value") : QStringLiteral("NOTHING")))
        .bind(QStringLiteral(":k"), key)
        .bind(QStringLiteral(":v"), stored(value))
        .exec();
}
} // namespace

std::optional<QString> value(const Database &db, const QString &key)
{
    Query q(db.sql(), QStringLiteral("SELECT value FROM office_settings WHERE key = :k"));
    q.bind(QStringLiteral(":k"), key).exec();
    if (!q.next())
        return std::nullopt;
    return q.text(0);
}

QHash<QString, QString> withPrefix(const Database &db, const QString &prefix)
{
    // substr, not LIKE: "_" in a prefix would be LIKE's wildcard.
    Query q(db.sql(), QStringLiteral("SELECT key, value FROM office_settings WHERE substr(key, 1, :n) = :p"));
    q.bind(QStringLiteral(":n"), int(prefix.size())).bind(QStringLiteral(":p"), prefix).exec();
    QHash<QString, QString> out;
    while (q.next())
        out.insert(q.text(0), q.text(1));
    return out;
}

void put(Database &db, const QString &key, const QString &value)
{
    write(db, key, value, true);
}

void putIfAbsent(Database &db, const QString &key, const QString &value)
{
    write(db, key, value, false);
}

void remove(Database &db, const QString &key)
{
    Query(db.sql(), QStringLiteral("DELETE FROM office_settings WHERE key = :k")).bind(QStringLiteral(":k"), key).exec();
}

} // namespace VinhDanh::Core::OfficeSettings
