#pragma once

// What every vinhdanh-cli command file shares: the command table entry, usage errors,
// the output streams and option helpers.
#include <QCommandLineParser>
#include <QDate>
#include <QString>
#include <QTextStream>

#include <functional>
#include <map>

namespace VinhDanh::Core {
struct InterchangeCounts;
class Database;
} // namespace VinhDanh::Core

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
void addAccountCommands(CommandTable &table);
/// check, candidates, rules: the award-eligibility engine (issue 3).
void addEligibilityCommands(CommandTable &table);
/// dossiers, decisions and the dossier / council / decision actions: the award workflow
/// (issue 4). A command named "dossier new" is typed as two words (see run()).
void addWorkflowCommands(CommandTable &table);
/// backup and restore (issue 12).
void addBackupCommands(CommandTable &table);

QTextStream &out();
QTextStream &err();
QCommandLineOption databaseOption();
/// The value of a required option; UsageError when it is missing.
QString required(QCommandLineParser &p, const QString &name);
/// A whole number ≥ 0; UsageError when it is not one (or missing and required).
int positiveInt(QCommandLineParser &p, const QString &name, int fallback, bool isRequired);
/// --format's value, checked against the allowed ones.
QString format(QCommandLineParser &p, const QStringList &allowed);
/// --year (1945–2100); UsageError when missing or not a year.
int year(QCommandLineParser &p);
/// A date option typed as dd/mm/yyyy (also d/m/yyyy) or yyyy-mm-dd; a null date when the
/// option is absent and not required, UsageError when it is not a real date.
QDate dateOption(QCommandLineParser &p, const QString &name, bool isRequired);
/// The id of --movement's key (0 when the option is absent); Error for an unknown key.
qint64 movementId(Core::Database &db, QCommandLineParser &p);

/// --codes, a global option like --lang: text and CSV output then print the stored codes (award
/// forms, statuses, verdicts, occasions, …) instead of the words a clerk reads, for scripts.
/// JSON always carries the codes.
bool codesWanted();
void setCodesWanted(bool on);
/// What text and CSV output print for a stored code: the clerk's word, or with --codes the code.
QString shown(const QString &word, const QString &code);
/// An award form's name from the database's catalogue (looked up once per code), or with --codes
/// the code; an unknown code is printed as it is.
QString formShown(Core::Database &db, const QString &code);

/// A stored ISO time ("2026-12-06T17:47:03.120Z") as a clerk reads it: local dd/mm/yyyy hh:mm;
/// text that is not such a time is returned as it is.
QString whenText(const QString &isoTime);

/// --user and --password-stdin; run() adds them to every command.
QList<QCommandLineOption> accountOptions();
/// Logs in as --user on `db` (password from VINHDANH_PASSWORD, or the first line of stdin with
/// --password-stdin). A database with accounts requires it: without --user this throws, so every
/// command that opens a database calls it right after opening. What the role may not do is
/// then refused by core (Core::PermissionError, exit code 1).
void login(QCommandLineParser &p, Core::Database &db);
/// One line of stdin (for passwords; never echoed back).
QString readStdinLine();

} // namespace VinhDanh::Cli
