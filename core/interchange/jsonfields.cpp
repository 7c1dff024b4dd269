#include "core/interchange/jsonfields.h"

#include "core/error.h"
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

QDate JsonFields::optionalDate(const QString &field) const
{
    const QString text = optionalString(field);
    if (text.isEmpty())
        return {};
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10)
        fail(field, Tr::tr("is not a valid date (YYYY-MM-DD): \"%1\"").arg(text));
    return date;
}

QDate JsonFields::requiredDate(const QString &field) const
{
    const QDate date = optionalDate(field);
    if (!date.isValid())
        fail(field, Tr::tr("is required"));
    return date;
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
