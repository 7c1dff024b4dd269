#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace VinhDanh::Core {

class Database;

/// The schema as an ordered ladder (qBittorrent's updateDB shape): step N takes a database
/// from version N-1 to N. migrate() applies every missing step and records the new version
/// inside ONE transaction, so a failure leaves the file at its old version, untouched.
/// A database whose version is newer than the ladder is refused, never "downgraded".
namespace Migrations {

struct Step
{
    int version;
    QString description;
    /// Runs the step's statements; throws Error on failure.
    std::function<void(Database &)> apply;
};

/// The real ladder of this build.
const std::vector<Step> &ladder();
int latestVersion();

/// 0 for an empty database; throws Error for a non-empty database that is not ours.
int storedVersion(const Database &db);

/// Upgrades to `target` (default: the latest) using `steps` (default: the real ladder).
void migrate(Database &db, int target = -1, const std::vector<Step> *steps = nullptr);

/// Replaces the dialect placeholders in schema SQL: {{ID}} is the auto-numbered primary key.
QString dialect(const Database &db, QString sql);

/// Runs each statement of a script separated by ";\n" (no statement may contain that).
void runScript(Database &db, const QString &script);

} // namespace Migrations
} // namespace VinhDanh::Core
