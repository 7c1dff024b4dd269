// The award workflow on the command line (issue 4): the helpers the command files share.
#include "workflowcli.h"

#include "core/council/councilrepository.h"
#include "core/decisions/decisionrepository.h"
#include "core/domain/codes.h"
#include "core/dossiers/dossierrepository.h"
#include "core/eligibility/eligibility.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VinhDanh::Cli {

using namespace Core;
using namespace Core::Workflow;

namespace {
qint64 found(qint64 id, const QString &message)
{
    if (!id)
        throw Error(message);
    return id;
}
} // namespace

void addWorkflowCommands(CommandTable &table)
{
    addDossierViews(table);
    addDossierCommands(table);
    addCouncilCommands(table);
    addDecisionCommands(table);
}

OpenDatabase::OpenDatabase(QCommandLineParser &p)
    : m_db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting)
{
    login(p, m_db);
}

QCommandLineOption textOrJsonOption()
{
    return {QStringLiteral("format"), Tr::tr("text (default) or json."), Tr::tr("FORMAT"), QStringLiteral("text")};
}

QCommandLineOption dossierOption()
{
    return {QStringLiteral("dossier"), Tr::tr("The dossier's number (HS 12/2025) or key."), Tr::tr("NUMBER")};
}

void addRecordOptions(QCommandLineParser &p, const QCommandLineOption &key)
{
    p.addOption(databaseOption());
    p.addOption(key);
}

qint64 personId(Database &db, const QString &key)
{
    return found(PersonRepository(db).idForKey(key), Tr::tr("There is no person with the key \"%1\".").arg(key));
}

qint64 unitId(Database &db, const QString &key)
{
    return found(UnitRepository(db).idForKey(key), Tr::tr("There is no unit with the key \"%1\".").arg(key));
}

qint64 dossierId(Database &db, const QString &key)
{
    // The repositories' idForKey() take the register number as well (Registers, in core).
    return found(DossierRepository(db).idForKey(key),
                 Tr::tr("There is no dossier \"%1\" (vinhdanh-cli dossiers lists them with their numbers).").arg(key));
}

qint64 sessionId(Database &db, const QString &key)
{
    return found(CouncilRepository(db).idForKey(key), Tr::tr("There is no council sitting \"%1\".").arg(key));
}

qint64 decisionId(Database &db, const QString &key)
{
    return found(DecisionRepository(db).idForKey(key),
                 Tr::tr("There is no decision \"%1\" (vinhdanh-cli decisions lists them with their numbers).").arg(key));
}

void addSubjectOptions(QCommandLineParser &p, const QString &prefix)
{
    p.addOption({prefix + QStringLiteral("person"), Tr::tr("The person's key."), Tr::tr("KEY")});
    p.addOption({prefix + QStringLiteral("unit"), Tr::tr("The unit's key."), Tr::tr("KEY")});
}

Subject subjectOption(Database &db, QCommandLineParser &p, const QString &prefix, bool isRequired)
{
    const QString personOption = prefix + QStringLiteral("person"), unitOption = prefix + QStringLiteral("unit");
    const QString personKey = p.value(personOption), unitKey = p.value(unitOption);
    if (!personKey.isEmpty() && !unitKey.isEmpty())
        throw UsageError{Tr::tr("Give only one of --%1 and --%2.").arg(personOption, unitOption)};
    if (personKey.isEmpty() && unitKey.isEmpty()) {
        if (isRequired)
            throw UsageError{Tr::tr("Give one of --%1 and --%2.").arg(personOption, unitOption)};
        return {};
    }
    Subject s;
    s.key = personKey.isEmpty() ? unitKey : personKey;
    if (!personKey.isEmpty())
        s.personId = personId(db, personKey);
    else
        s.unitId = unitId(db, unitKey);
    return s;
}

Nominee nomineeIn(const DossierRepository &repo, qint64 dossierId, const Subject &s)
{
    for (const Nominee &n : repo.nominees(dossierId))
        if ((s.personId && n.personId == s.personId) || (s.unitId && n.unitId == s.unitId))
            return n;
    throw Error(Tr::tr("\"%1\" is not a nominee of this dossier (vinhdanh-cli dossier show lists them).").arg(s.key));
}

QStringList splitList(const QString &text, QChar separator)
{
    QStringList out;
    for (const QString &item : text.split(separator))
        if (!item.trimmed().isEmpty())
            out << item.trimmed();
    return out;
}

QString statusWord(const QString &code)
{
    try {
        return shown(statusLabel(statusFromCode(code)), code);
    } catch (const Core::Error &) {
        return code;
    }
}

QString transitionWord(const QString &code)
{
    Transition t;
    if (code == QLatin1String("create")) // the first event of every dossier; not a transition one can ask for
        return shown(Tr::tr("Created"), code);
    return transitionFromCode(code, &t) ? shown(transitionLabel(t), code) : code;
}

QString occasionWord(const QString &code)
{
    return shown(Core::Codes::label(Core::Codes::Set::Occasion, code), code);
}

QString awardKindWord(const QString &code)
{
    return shown(Core::Codes::label(Core::Codes::Set::AwardKind, code), code);
}

QString verdictWord(const QString &code)
{
    for (Core::Eligibility::Verdict v :
         {Core::Eligibility::Verdict::Eligible, Core::Eligibility::Verdict::NotEligible, Core::Eligibility::Verdict::NeedsReview})
        if (Core::Eligibility::verdictCode(v) == code)
            return shown(Core::Eligibility::verdictLabel(v), code);
    return code;
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace VinhDanh::Cli
