#pragma once

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core {

/// Reads fields of one JSON object with messages that name the record and the field:
/// `people[12] (P000012): "birthDate" is not a date (YYYY-MM-DD): "31/02/1990"`.
/// Every getter throws Error on a wrong type or a missing required field. Strings come back
/// NFC-cleaned. Shared by the movement loader and the interchange importer.
class JsonFields
{
public:
    JsonFields(const QJsonObject &object, QString where) : m_object(object), m_where(std::move(where)) {}

    QString where() const { return m_where; }
    const QJsonObject &object() const { return m_object; }

    QString requiredString(const QString &field) const;
    QString optionalString(const QString &field) const;
    int requiredInt(const QString &field) const;
    int optionalInt(const QString &field, int fallback = 0) const;
    bool optionalBool(const QString &field, bool fallback = false) const;
    bool requiredBool(const QString &field) const;
    QDate optionalDate(const QString &field) const;
    QDate requiredDate(const QString &field) const;
    QStringList stringList(const QString &field) const;
    QJsonArray array(const QString &field) const;
    QJsonObject optionalObject(const QString &field) const;

    [[noreturn]] void fail(const QString &field, const QString &problem) const;

private:
    QJsonObject m_object;
    QString m_where;
};

/// JSON writing helpers: optional values are omitted rather than written as "" or null.
namespace JsonOut {
void putString(QJsonObject &o, const QString &field, const QString &value);
void putDate(QJsonObject &o, const QString &field, const QDate &date);
void putInt(QJsonObject &o, const QString &field, int value);
QJsonArray strings(const QStringList &values);
} // namespace JsonOut

} // namespace VinhDanh::Core
