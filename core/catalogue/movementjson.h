#pragma once

#include "core/domain/movement.h"

#include <QJsonObject>

namespace VinhDanh::Core::MovementJson {

/// Reads a movement in the format of docs/movement-format.md. Throws Error naming the
/// field at fault (`where` prefixes the message, e.g. the file name).
Movement fromJson(const QJsonObject &object, const QString &where);
QJsonObject toJson(const Movement &movement);

} // namespace VinhDanh::Core::MovementJson
