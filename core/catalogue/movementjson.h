#pragma once

#include "core/domain/movement.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace VinhDanh::Core::MovementJson {

/// Where a movement's JSON comes from. Every source refuses a field the format does not know;
/// a file a user hands the program (an interchange file, a movement file) also keeps dates and
/// years within 1945–2100. What the program stored itself (the catalogue, the database) is read
/// as written: the movement editor accepts later years, and a stored row must stay readable.
enum class Source { Stored, File };

/// Reads a movement in the format of docs/movement-format.md. Throws Error naming the
/// field at fault (`where` prefixes the message, e.g. the file name).
Movement fromJson(const QJsonObject &object, const QString &where, Source source = Source::Stored);
/// Reads a movement file through the strict reader (core/text/strictjson.h: encoding, syntax
/// with line and column, repeated members, control characters, text limits), then fromJson.
Movement fromFile(const QByteArray &text, const QString &fileName);
/// The fields a movement object may have at its top level.
QStringList fieldNames();
QJsonObject toJson(const Movement &movement);

} // namespace VinhDanh::Core::MovementJson
