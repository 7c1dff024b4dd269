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
    /// The first and last year a date or year of a file may fall in (docs/interchange.md):
    /// a discipline starting in 3000 or a unit valid from 1800 is a typing mistake.
    static constexpr int kFirstYear = 1945;
    static constexpr int kLastYear = 2100;
    /// A date YYYY-MM-DD from 1 January `firstYear` to 31 December kLastYear (a birth date
    /// passes 1900: people born before 1945 are still honoured).
    QDate optionalDate(const QString &field, int firstYear = kFirstYear, int lastYear = kLastYear) const;
    QDate requiredDate(const QString &field, int firstYear = kFirstYear, int lastYear = kLastYear) const;
    /// A whole number from kFirstYear to kLastYear; optionalYear gives 0 when absent.
    int requiredYear(const QString &field) const;
    int optionalYear(const QString &field) const;
    /// Refuses a field not in `allowed` (a misspelt "fullname" would otherwise be ignored).
    void allowOnly(const QStringList &allowed) const;
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
