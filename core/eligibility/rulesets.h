#pragma once

#include "core/eligibility/ruleset.h"

#include <QDate>
#include <QList>

namespace VinhDanh::Core {
class Database;
}

/// Where rule sets come from: the built-in files (resources/rules, read once per process) and
/// the sets a clerk imported into the database (table rule_sets).
namespace VinhDanh::Core::Eligibility::RuleSets {

/// Built-in and imported sets, by effective date (then id, version).
QList<RuleSet> all(const Database &db);
/// The set whose effectiveFrom is the latest on or before `date` (the highest version of it);
/// Error when none is in force on that date.
RuleSet inForce(const Database &db, const QDate &date);

} // namespace VinhDanh::Core::Eligibility::RuleSets
