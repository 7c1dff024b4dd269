#pragma once

#include "core/domain/movement.h"

#include <QJsonDocument>
#include <QList>

namespace VinhDanh::Core::MovementText {

/// A plain-text summary of movements for the terminal (`vinhdanh-cli movements`): key,
/// name, issuer, plan, period, phases with their reviews, and the award forms per occasion.
QString summary(const QList<Movement> &movements);

/// The movements as a JSON array, each in the movement format plus "catalogue": true/false.
QJsonDocument json(const QList<Movement> &movements);

} // namespace VinhDanh::Core::MovementText
