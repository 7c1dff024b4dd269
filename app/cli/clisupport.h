#pragma once

// What every vinhdanh-cli command file shares: the command table entry, usage errors,
// the output streams and option helpers.
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <functional>
#include <map>

namespace VinhDanh::Core {
struct InterchangeCounts;
}

namespace VinhDanh::Cli {

/// Thrown for a usage mistake (exit code 2); Core::Error is a failure (exit code 1).
struct UsageError
{
    QString message;
};

struct Command
{
    const char *summary; // QT_TRANSLATE_NOOP("Cli", …)
    std::function<void(QCommandLineParser &)> options;
    std::function<void(QCommandLineParser &)> body;
};

using CommandTable = std::map<QString, Command>;

/// Each area registers its commands here (one file per area keeps the files small).
void addRegistryCommands(CommandTable &table);

QTextStream &out();
QTextStream &err();
QCommandLineOption databaseOption();
/// The value of a required option; UsageError when it is missing.
QString required(QCommandLineParser &p, const QString &name);
/// A whole number ≥ 0; UsageError when it is not one (or missing and required).
int positiveInt(QCommandLineParser &p, const QString &name, int fallback, bool isRequired);
/// --format's value, checked against the allowed ones.
QString format(QCommandLineParser &p, const QStringList &allowed);

} // namespace VinhDanh::Cli
