#include "core/registry/keys.h"

#include "core/db/database.h"
#include "core/db/query.h"

#include <QUuid>

namespace VinhDanh::Core::Keys {

QString generate(const QString &prefix)
{
    return prefix + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ShortKeys::ShortKeys(const Database &db, const char *table, QString prefix, int digits)
    : m_db(db), m_table(table), m_prefix(std::move(prefix)), m_digits(digits)
{
}

QString ShortKeys::next()
{
    if (m_last < 0) {
        // Parsed here rather than cast in SQL: PostgreSQL refuses CAST('ab' AS integer) where
        // SQLite gives 0, and an office's own keys may share the prefix ("DV-SoNV").
        m_last = 0;
        // A merged-away person or unit keeps its key in registry_merges: an undo brings it back
        // under that key, so it is never given to anyone else.
        const bool mergeable = qstrcmp(m_table, "people") == 0 || qstrcmp(m_table, "units") == 0;
        QString sql = QStringLiteral("SELECT ext_key FROM %1 WHERE ext_key LIKE :p").arg(QLatin1String(m_table));
        if (mergeable)
            sql += QStringLiteral(" UNION ALL SELECT dropped_key FROM registry_merges WHERE dropped_key LIKE :p2");
        // A short key an old key is an alias of stays taken after its record is deleted: given
        // again, the old key would lead to an unrelated record (the table exists from step 16).
        const bool aliased = m_db.sql().tables().contains(QStringLiteral("key_aliases"));
        if (aliased)
            sql += QStringLiteral(" UNION ALL SELECT new_key FROM key_aliases WHERE table_name = :t AND new_key LIKE :p3");
        // The same for a key another office's record got here (schema step 17): that office's
        // next file would update whatever record had it.
        const bool imported = m_db.sql().tables().contains(QStringLiteral("office_key_aliases"));
        if (imported)
            sql += QStringLiteral(" UNION ALL SELECT local_key FROM office_key_aliases WHERE table_name = :t2 AND local_key LIKE :p4");
        Query q(m_db.sql(), sql);
        if (imported)
            q.bind(QStringLiteral(":t2"), QString::fromLatin1(m_table))
                .bind(QStringLiteral(":p4"), QString(m_prefix + QLatin1Char('%')));
        if (mergeable)
            q.bind(QStringLiteral(":p2"), QString(m_prefix + QLatin1Char('%')));
        if (aliased)
            q.bind(QStringLiteral(":t"), QString::fromLatin1(m_table))
                .bind(QStringLiteral(":p3"), QString(m_prefix + QLatin1Char('%')));
        q.bind(QStringLiteral(":p"), QString(m_prefix + QLatin1Char('%')));
        q.exec();
        while (q.next()) {
            const QString key = q.text(0);
            bool number = false;
            const qint64 n = QStringView(key).mid(m_prefix.size()).toLongLong(&number);
            // Digits only: toLongLong would also take "+7" or " 7".
            if (number && n > m_last && key.size() > m_prefix.size() && key.at(m_prefix.size()).isDigit() && key.startsWith(m_prefix))
                m_last = n;
        }
    }
    ++m_last;
    return m_prefix + QStringLiteral("%1").arg(m_last, m_digits, 10, QLatin1Char('0'));
}

QVariant dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

QDate dateFrom(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

} // namespace VinhDanh::Core::Keys

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/registry/keyaliases.h"

#include <QCoreApplication>

namespace VinhDanh::Core::Lookup {

qint64 idForKey(const Database &db, const char *table, const QString &key)
{
    const qint64 id = Query(db.sql(), QStringLiteral("SELECT id FROM %1 WHERE ext_key = :k").arg(QLatin1String(table)))
                          .bind(QStringLiteral(":k"), key)
                          .scalar(0)
                          .toLongLong();
    // A key the record had before it got a short one (schema step 16) still finds it. Only
    // on a miss, so the usual look-up costs nothing more; on a database of version 15 or
    // older (during its own upgrade) there is no alias table and none to find.
    if (id != 0 || !Keys::hasAliases(table) || !Keys::isGenerated(key))
        return id;
    if (db.schemaVersion() < 16)
        return 0;
    return Query(db.sql(), QStringLiteral("SELECT t.id FROM key_aliases a JOIN %1 t ON t.ext_key = a.new_key "
                                          "WHERE a.table_name = :t AND a.old_key = :k")
                               .arg(QLatin1String(table)))
        .bind(QStringLiteral(":t"), QString::fromLatin1(table))
        .bind(QStringLiteral(":k"), key)
        .scalar(0)
        .toLongLong();
}

QVariant column(const Database &db, const char *table, const char *column, qint64 id)
{
    return Query(db.sql(), QStringLiteral("SELECT %1 FROM %2 WHERE id = :id").arg(QLatin1String(column), QLatin1String(table)))
        .bind(QStringLiteral(":id"), id)
        .scalar();
}

QStringList dependents(const Database &db, const char *context, const QList<Dependent> &checks, qint64 id)
{
    QStringList out;
    for (const Dependent &c : checks) {
        const int n = Query(db.sql(), QString::fromLatin1(c.countSql)).bind(QStringLiteral(":id"), id).scalar(0).toInt();
        if (n > 0)
            out << QCoreApplication::translate(context, c.text, nullptr, n);
    }
    return out;
}

} // namespace VinhDanh::Core::Lookup
