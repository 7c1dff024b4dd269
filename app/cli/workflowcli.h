#pragma once

// Shared by the workflow command files (dossiercommands.cpp, dossierviews.cpp,
// councilcommands.cpp, decisioncommands.cpp): opening the database, turning the keys a
// script types into row ids, and printing.
#include "clisupport.h"

#include "core/council/sitting.h"
#include "core/db/database.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "core/proposals/registernumbers.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace VinhDanh::Core::Workflow {
class DossierRepository;
}

namespace VinhDanh::Cli {

void addDossierViews(CommandTable &table); // dossiers, dossier show
void addDossierCommands(CommandTable &table);
void addCouncilCommands(CommandTable &table);
void addDecisionCommands(CommandTable &table);

/// The translation context of the workflow command files: "Cli", like the other command files
/// (lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() and the .ts agree).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

/// The database of --database, opened (never created) and logged into with --user.
class OpenDatabase
{
public:
    explicit OpenDatabase(QCommandLineParser &p);
    Core::Database &operator*() { return m_db; }

private:
    Core::Database m_db;
};

/// --format, text (the default) or json.
QCommandLineOption textOrJsonOption();
/// --dossier KEY: the dossier a command is about.
QCommandLineOption dossierOption();
/// --database and `key`, the option naming the one record a command is about.
void addRecordOptions(QCommandLineParser &p, const QCommandLineOption &key);

/// Row ids of the keys a script gives; Error naming the key when there is no such record.
qint64 personId(Core::Database &db, const QString &key);
qint64 unitId(Core::Database &db, const QString &key);
qint64 dossierId(Core::Database &db, const QString &key);
qint64 sessionId(Core::Database &db, const QString &key);
qint64 decisionId(Core::Database &db, const QString &key);

/// The clerk's words for the workflow's stored codes (the code itself under --codes, or when
/// it is unknown): a status, a transition, an occasion, an award kind, an engine verdict.
QString statusWord(const QString &code);
QString transitionWord(const QString &code);
QString occasionWord(const QString &code);
QString awardKindWord(const QString &code);
QString verdictWord(const QString &code);

/// Who a nominee option names: exactly one of --PREFIXperson and --PREFIXunit (UsageError
/// otherwise, or when neither is given and `isRequired`).
struct Subject
{
    qint64 personId = 0;
    qint64 unitId = 0;
    QString key;
    bool isEmpty() const { return !personId && !unitId; }
};
Subject subjectOption(Core::Database &db, QCommandLineParser &p, const QString &prefix, bool isRequired);
/// Adds --person KEY and --unit KEY (with `prefix`, e.g. "nominee-").
void addSubjectOptions(QCommandLineParser &p, const QString &prefix = {});
/// The nominee of a dossier who is this person or unit; Error naming the key when none is.
Core::Workflow::Nominee nomineeIn(const Core::Workflow::DossierRepository &repo, qint64 dossierId, const Subject &s);

/// "a;b;c" → {"a", "b", "c"}, trimmed, empty items dropped.
QStringList splitList(const QString &text, QChar separator = QLatin1Char(';'));
/// dd/MM/yyyy for people; ISO for JSON.
QString dateText(const QDate &date);
QString isoDate(const QDate &date);
QString isoTime(const QDateTime &time);
/// Prints a JSON document, indented.
void printJson(const QJsonValue &value);

} // namespace VinhDanh::Cli
