#pragma once

#include "core/eligibility/ruleset.h"

#include <QDate>
#include <QList>

#include <optional>

namespace VinhDanh::Core {
class Database;
}

/// Where rule sets come from: the built-in files (resources/rules, read once per process) and
/// the sets a clerk imported into the database (table rule_sets).
namespace VinhDanh::Core::Eligibility::RuleSets {

/// Built-in and imported sets, by effective date (then id, version).
QList<RuleSet> all(const Database &db);
/// The set whose effectiveFrom is the latest on or before `date` (the highest version of it);
/// none when no set is in force on that date (a date before the earliest).
std::optional<RuleSet> findInForce(const Database &db, const QDate &date);
/// The same, where a set must be in force: Error naming the date and the earliest set when none.
RuleSet inForce(const Database &db, const QDate &date);

} // namespace VinhDanh::Core::Eligibility::RuleSets
