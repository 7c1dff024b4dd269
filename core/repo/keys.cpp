#include "core/repo/keys.h"

#include <QUuid>

namespace VinhDanh::Core::Keys {

QString generate(const QString &prefix)
{
    return prefix + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces);
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

#include <QCoreApplication>

namespace VinhDanh::Core::Lookup {

qint64 idForKey(const Database &db, const char *table, const QString &key)
{
    return Query(db.sql(), QStringLiteral("SELECT id FROM %1 WHERE ext_key = :k").arg(QLatin1String(table)))
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
