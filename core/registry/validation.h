#pragma once

#include "core/registry/registry.h"

#include <QStringList>

namespace VinhDanh::Core::Validation {

// Each returns the problems found, as sentences a clerk can act on (empty = valid).
// Forms show them beside the fields; repositories refuse to save while any remain.
// Checks that need the database (unique CCCD, existing parent) live in the repositories.

QStringList unit(const Unit &u);
QStringList person(const Person &p, const QDate &today = QDate::currentDate());
QStringList rating(const Rating &r);
QStringList award(const Award &a);
QStringList initiative(const Initiative &i);
QStringList discipline(const Discipline &d);

/// A CCCD is exactly 12 digits.
bool isValidCccd(const QString &cccd);

} // namespace VinhDanh::Core::Validation
