#pragma once
// Helpers of the interchange tests: read and write a file, and edit one record of an exported
// file to make it bad in one known place.

#include <catch2/catch.hpp>

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace VinhDanh::Test {

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

inline void writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(data) == data.size());
}

/// Edits one record of an exported file (an undefined value removes the field).
inline QByteArray withEdit(const QByteArray &file, const QString &array, int index, const QString &field, const QJsonValue &value)
{
    QJsonObject root = QJsonDocument::fromJson(file).object();
    QJsonArray items = root.value(array).toArray();
    QJsonObject item = items.at(index).toObject();
    if (value.isUndefined())
        item.remove(field);
    else
        item.insert(field, value);
    items.replace(index, item);
    root.insert(array, items);
    return QJsonDocument(root).toJson();
}

} // namespace VinhDanh::Test
