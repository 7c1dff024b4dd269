#include "core/text/jsonfields.h"

#include "core/error.h"
#include "core/text/strictjson.h"
#include "core/text/vntext.h"

#include <QCoreApplication>

namespace VinhDanh::Core {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(JsonFields)
};

} // namespace

void JsonFields::fail(const QString &field, const QString &problem) const
{
    throw Error(Tr::tr("%1: \"%2\" %3").arg(m_where, field, problem));
}

QString JsonFields::requiredString(const QString &field) const
{
    const QString value = optionalString(field);
    if (value.isEmpty())
        fail(field, Tr::tr("is required"));
    return value;
}

QString JsonFields::optionalString(const QString &field) const
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString())
        fail(field, Tr::tr("must be text"));
    return Text::clean(v.toString());
}

int JsonFields::requiredInt(const QString &field) const
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull())
        fail(field, Tr::tr("is required"));
    return optionalInt(field);
}

int JsonFields::optionalInt(const QString &field, int fallback) const
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isDouble() || v.toDouble() != double(v.toInt()))
        fail(field, Tr::tr("must be a whole number"));
    return v.toInt();
}

bool JsonFields::optionalBool(const QString &field, bool fallback) const
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool())
        fail(field, Tr::tr("must be true or false"));
    return v.toBool();
}

bool JsonFields::requiredBool(const QString &field) const
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull())
        fail(field, Tr::tr("is required (true or false)"));
    return optionalBool(field);
}

QDate JsonFields::optionalDate(const QString &field, int firstYear, int lastYear) const
{
    const QString text = optionalString(field);
    if (text.isEmpty())
        return {};
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10)
        fail(field, Tr::tr("is not a valid date (YYYY-MM-DD): \"%1\"").arg(StrictJson::quoted(text)));
    if (date.year() < firstYear || date.year() > lastYear)
        fail(field, Tr::tr("is %1, outside the dates a file may hold (%2-01-01 to %3-12-31)").arg(text).arg(firstYear).arg(lastYear));
    return date;
}

QDate JsonFields::requiredDate(const QString &field, int firstYear, int lastYear) const
{
    const QDate date = optionalDate(field, firstYear, lastYear);
    if (!date.isValid())
        fail(field, Tr::tr("is required"));
    return date;
}

int JsonFields::requiredYear(const QString &field) const
{
    const int year = requiredInt(field);
    if (year < kFirstYear || year > kLastYear)
        fail(field, Tr::tr("must be a year from %1 to %2, not %3").arg(kFirstYear).arg(kLastYear).arg(year));
    return year;
}

int JsonFields::optionalYear(const QString &field) const
{
    const QJsonValue v = m_object.value(field);
    return v.isUndefined() || v.isNull() ? 0 : requiredYear(field);
}

void JsonFields::allowOnly(const QStringList &allowed) const
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (allowed.contains(it.key()))
            continue;
        const QString field = StrictJson::quoted(it.key(), 40);
        for (const QString &known : allowed)
            if (known.compare(it.key(), Qt::CaseInsensitive) == 0)
                fail(field, Tr::tr("is not a known field; did you mean \"%1\"?").arg(known));
        fail(field, Tr::tr("is not a known field here (known: %1)").arg(allowed.join(QStringLiteral(", "))));
    }
}

QStringList JsonFields::stringList(const QString &field) const
{
    QStringList out;
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray())
        fail(field, Tr::tr("must be a list"));
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            fail(field, Tr::tr("must be a list of texts"));
        out.append(Text::clean(item.toString()));
    }
    return out;
}

QJsonArray JsonFields::array(const QString &field) const
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray())
        fail(field, Tr::tr("must be a list"));
    return v.toArray();
}

QJsonObject JsonFields::optionalObject(const QString &field) const
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject())
        fail(field, Tr::tr("must be an object"));
    return v.toObject();
}

namespace JsonOut {
void putString(QJsonObject &o, const QString &field, const QString &value)
{
    if (!value.isEmpty())
        o.insert(field, value);
}

void putDate(QJsonObject &o, const QString &field, const QDate &date)
{
    if (date.isValid())
        o.insert(field, date.toString(Qt::ISODate));
}

void putInt(QJsonObject &o, const QString &field, int value)
{
    if (value != 0)
        o.insert(field, value);
}

QJsonArray strings(const QStringList &values)
{
    QJsonArray out;
    for (const QString &v : values)
        out.append(v);
    return out;
}
} // namespace JsonOut

} // namespace VinhDanh::Core
