// vinhdanh-cli check | confirm | candidates | rules: the eligibility engine (issue 3), through
// the same Eligibility::Service the GUI uses.
#include "clisupport.h"
#include "minutescommands.h"

#include "core/auditlog/auditlog.h"
#include "core/db/database.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/text/csv.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VinhDanh::Cli {

using namespace Core;
using namespace Core::Eligibility;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QJsonObject conditionJson(const ConditionResult &c)
{
    QJsonObject o{{QStringLiteral("id"), c.id},
                  {QStringLiteral("description"), c.description},
                  {QStringLiteral("met"), c.state == Verdict::Eligible},
                  {QStringLiteral("state"), verdictCode(c.state)},
                  {QStringLiteral("explanation"), c.explanation}};
    if (!c.evidence.isEmpty())
        o.insert(QStringLiteral("evidence"), QJsonArray::fromStringList(c.evidence));
    if (!c.progress.isEmpty())
        o.insert(QStringLiteral("progress"), c.progress);
    if (c.notApplicable)
        o.insert(QStringLiteral("notApplicable"), true);
    if (c.confirmation.isSet()) {
        // Who confirmed it, when and where: "eligibility" (the eligibility page or `confirm`),
        // "dossier" (a dossier's checklist) or "request".
        QJsonObject confirmed{{QStringLiteral("source"), c.confirmation.sourceCode()}, {QStringLiteral("note"), c.confirmation.note}};
        if (!c.confirmation.by.isEmpty())
            confirmed.insert(QStringLiteral("by"), c.confirmation.by);
        if (!c.confirmation.at.isEmpty())
            confirmed.insert(QStringLiteral("at"), c.confirmation.at);
        if (!c.confirmation.dossier.isEmpty())
            confirmed.insert(QStringLiteral("dossier"), c.confirmation.dossier);
        o.insert(QStringLiteral("confirmed"), confirmed);
    }
    if (!c.children.isEmpty()) {
        QJsonArray kids;
        for (const ConditionResult &k : c.children)
            kids.append(conditionJson(k));
        o.insert(QStringLiteral("conditions"), kids);
    }
    return o;
}

QString stateMark(Verdict v)
{
    switch (v) {
    case Verdict::Eligible: return Tr::tr("[met]");
    case Verdict::NotEligible: return Tr::tr("[not met]");
    case Verdict::NeedsReview: return Tr::tr("[review]");
    }
    return {};
}

void printCondition(const ConditionResult &c, int depth)
{
    const QString indent(2 * depth, QLatin1Char(' '));
    // A clause for another category of nominee neither passes nor fails: it does not apply.
    out() << indent << (c.notApplicable ? Tr::tr("[does not apply]") : stateMark(c.state)) << ' ' << c.id << ": " << c.description;
    if (!c.progress.isEmpty())
        out() << " (" << c.progress << ')';
    out() << '\n';
    if (!c.explanation.isEmpty())
        out() << indent << "    " << c.explanation << '\n';
    for (const QString &e : c.evidence)
        out() << indent << "    - " << e << '\n';
    if (c.confirmation.source == Confirmation::Source::Saved)
        out() << indent << "    "
              << Tr::tr("confirmed by %1 at %2")
                     .arg(c.confirmation.by.isEmpty() ? Tr::tr("(unknown)") : shown(actorWords(c.confirmation.by), c.confirmation.by),
                          whenText(c.confirmation.at))
              << '\n';
    else if (c.confirmation.source == Confirmation::Source::Dossier)
        out() << indent << "    " << Tr::tr("confirmed on the checklist of dossier %1").arg(c.confirmation.dossier) << '\n';
    for (const ConditionResult &k : c.children)
        printCondition(k, depth + 1);
}

void addNomineeOptions(QCommandLineParser &p)
{
    p.addOption(databaseOption());
    p.addOption({QStringLiteral("person"), Tr::tr("The person's key."), Tr::tr("KEY")});
    p.addOption({QStringLiteral("unit"), Tr::tr("The unit's key."), Tr::tr("KEY")});
    p.addOption({QStringLiteral("award"), Tr::tr("The award code (docs/award-codes.md)."), Tr::tr("CODE")});
    p.addOption({QStringLiteral("year"), Tr::tr("The achievement year."), Tr::tr("YYYY")});
    p.addOption({QStringLiteral("movement"), Tr::tr("A movement's key: adds its own standards."), Tr::tr("KEY")});
}

/// The nominee, award, year and movement of check and confirm; returns the nominee's name.
/// Usage is checked before the database is touched.
struct Nominee
{
    Request request;
    QString key;
    QString name;
};

/// What stands between a candidate and "eligible", for the text list: the items to confirm,
/// or what to enter; empty otherwise.
QString candidateOpenText(const Candidate &c)
{
    if (c.outcome == Outcome::AwaitingConfirmation && !c.pending.isEmpty())
        return QLatin1Char('\t') + Tr::tr("to confirm: %1").arg(c.pending.join(QStringLiteral("; ")));
    if (c.outcome == Outcome::MissingData && !c.missing.isEmpty())
        return QLatin1Char('\t') + Tr::tr("to enter: %1").arg(c.missing.join(QStringLiteral("; ")));
    return {};
}

Request requestOptions(QCommandLineParser &p)
{
    if (p.value(QStringLiteral("person")).isEmpty() == p.value(QStringLiteral("unit")).isEmpty())
        throw UsageError{Tr::tr("Give exactly one of --person and --unit.")};
    Request request;
    request.awardCode = required(p, QStringLiteral("award"));
    request.year = year(p);
    required(p, QStringLiteral("database"));
    return request;
}

Nominee resolveNominee(QCommandLineParser &p, Database &db, Request request)
{
    Nominee n;
    const QString personKey = p.value(QStringLiteral("person")), unitKey = p.value(QStringLiteral("unit"));
    if (!personKey.isEmpty()) {
        PersonRepository people(db);
        request.personId = people.idForKey(personKey);
        if (!request.personId)
            throw Error(Tr::tr("There is no person with the key \"%1\".").arg(personKey));
        n.name = people.name(request.personId);
        n.key = personKey;
    } else {
        UnitRepository units(db);
        request.unitId = units.idForKey(unitKey);
        if (!request.unitId)
            throw Error(Tr::tr("There is no unit with the key \"%1\".").arg(unitKey));
        n.name = units.name(request.unitId);
        n.key = unitKey;
    }
    request.movementId = movementId(db, p);
    n.request = request;
    return n;
}

} // namespace

void addEligibilityCommands(CommandTable &table)
{
    const CommandTable commands = {
        {QStringLiteral("check"),
         {QT_TRANSLATE_NOOP("Cli", "Check one nominee's eligibility for an award, with the trace."),
          [](QCommandLineParser &p) {
              addNomineeOptions(p);
              p.addOption({QStringLiteral("format"), Tr::tr("text (default) or json."), Tr::tr("FORMAT"), QStringLiteral("text")});
          },
          [](QCommandLineParser &p) {
              const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
              const Request options = requestOptions(p);
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
              login(p, db);
              const Nominee nominee = resolveNominee(p, db, options);
              const Request &request = nominee.request;
              const QString &name = nominee.name;
              const Result r = Service(db).evaluate(request);
              if (fmt == QLatin1String("json")) {
                  QJsonArray conditions, checklist = QJsonArray::fromStringList(r.checklist);
                  for (const ConditionResult &c : r.conditions)
                      conditions.append(conditionJson(c));
                  const QJsonObject o{
                      {QStringLiteral("nominee"),
                       QJsonObject{{QStringLiteral("kind"), request.personId ? QStringLiteral("person") : QStringLiteral("unit")},
                                   {QStringLiteral("key"), nominee.key},
                                   {QStringLiteral("name"), name}}},
                      {QStringLiteral("award"), r.awardCode},
                      {QStringLiteral("awardName"), r.awardName},
                      {QStringLiteral("year"), request.year},
                      {QStringLiteral("verdict"), verdictCode(r.verdict)},
                      {QStringLiteral("outcome"), outcomeCode(r.outcome)},
                      {QStringLiteral("missing"), QJsonArray::fromStringList(r.missing)},
                      {QStringLiteral("ruleSet"),
                       QJsonObject{{QStringLiteral("id"), r.ruleSet.id},
                                   {QStringLiteral("version"), r.ruleSet.version},
                                   {QStringLiteral("title"), r.ruleSet.title},
                                   {QStringLiteral("effectiveFrom"), r.ruleSet.effectiveFrom.toString(Qt::ISODate)}}},
                      {QStringLiteral("progress"), r.progress},
                      {QStringLiteral("earliestYear"), r.earliestYear},
                      {QStringLiteral("conditions"), conditions},
                      {QStringLiteral("checklist"), checklist}};
                  out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
                  return;
              }
              out() << Tr::tr("%1, %2: %3").arg(shown(r.awardName, r.awardCode)).arg(request.year).arg(name) << '\n';
              out() << Tr::tr("Verdict: %1").arg(shown(verdictLabel(r.verdict), verdictCode(r.verdict))) << '\n';
              if (r.outcome == Outcome::MissingData)
                  out() << Tr::tr("Missing data: enter %1").arg(r.missing.join(QStringLiteral("; "))) << '\n';
              out() << Tr::tr("Rule set: %1, version %2").arg(shown(r.ruleSet.title, r.ruleSet.id)).arg(r.ruleSet.version) << '\n';
              if (!r.progress.isEmpty())
                  out() << Tr::tr("Progress: %1").arg(r.progress) << '\n';
              out() << Tr::tr("Earliest year: %1").arg(r.earliestYear ? QString::number(r.earliestYear) : Tr::tr("unknown")) << '\n';
              for (const ConditionResult &c : r.conditions)
                  printCondition(c, 0);
              if (!r.checklist.isEmpty()) {
                  out() << Tr::tr("Checklist:") << '\n';
                  for (const QString &item : r.checklist)
                      out() << "  - " << item << '\n';
              }
          }}},
        {QStringLiteral("confirm"),
         {QT_TRANSLATE_NOOP("Cli", "Confirm (or with --undo withdraw) one item of a nominee's check with an evidence note."),
          [](QCommandLineParser &p) {
              addNomineeOptions(p);
              p.addOption({QStringLiteral("item"), Tr::tr("The id of the condition to confirm, as check shows it."), Tr::tr("ID")});
              p.addOption({QStringLiteral("note"), Tr::tr("The evidence: a report, a decision number, the minutes of a meeting."),
                           Tr::tr("TEXT")});
              p.addOption({QStringLiteral("undo"), Tr::tr("Withdraw the confirmation instead.")});
              addConfirmFromMinutesOptions(p); // confirm --minutes KEY (minutescommands.cpp)
          },
          [](QCommandLineParser &p) {
              if (p.isSet(QStringLiteral("minutes"))) {
                  confirmFromMinutes(p);
                  return;
              }
              const Request options = requestOptions(p);
              const QString item = required(p, QStringLiteral("item"));
              const bool undo = p.isSet(QStringLiteral("undo"));
              const QString note = p.value(QStringLiteral("note")).trimmed();
              if (!undo && note.isEmpty())
                  throw UsageError{Tr::tr("A confirmation needs its evidence: give --note TEXT (or --undo to withdraw one).")};
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
              login(p, db);
              const Nominee nominee = resolveNominee(p, db, options);
              Service service(db);
              const SavedConfirmation saved = service.confirm(nominee.request, item, !undo, note);
              if (undo && saved.id == 0)
                  out() << Tr::tr("%1 was not confirmed for %2 (%3, %4); nothing to withdraw.")
                               .arg(item, nominee.name, formShown(db, nominee.request.awardCode))
                               .arg(nominee.request.year)
                        << '\n';
              else if (undo)
                  out() << Tr::tr("Withdrew the confirmation of %1 for %2 (%3, %4).")
                               .arg(item, nominee.name, formShown(db, nominee.request.awardCode))
                               .arg(nominee.request.year)
                        << '\n';
              else
                  out() << Tr::tr("Confirmed %1 for %2 (%3, %4): %5")
                               .arg(item, nominee.name, formShown(db, nominee.request.awardCode))
                               .arg(nominee.request.year)
                               .arg(saved.evidence)
                        << '\n';
              const Result r = service.evaluate(nominee.request);
              out() << Tr::tr("Verdict: %1").arg(shown(verdictLabel(r.verdict), verdictCode(r.verdict))) << '\n';
          }}},
        {QStringLiteral("candidates"),
         {QT_TRANSLATE_NOOP("Cli", "List the nominees who meet an award's standards for a year."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("year"), Tr::tr("The achievement year."), Tr::tr("YYYY")});
              p.addOption(
                  {QStringLiteral("movement"), Tr::tr("A movement's key: its award forms and categories only."), Tr::tr("KEY")});
              p.addOption(
                  {QStringLiteral("format"), Tr::tr("text (default), json or csv."), Tr::tr("FORMAT"), QStringLiteral("text")});
          },
          [](QCommandLineParser &p) {
              const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")});
              const int y = year(p);
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
              login(p, db);
              const QList<Candidate> list = Service(db).candidates(y, movementId(db, p));
              if (fmt == QLatin1String("json")) {
                  QJsonArray a;
                  for (const Candidate &c : list)
                      a.append(QJsonObject{{QStringLiteral("kind"), c.personId ? QStringLiteral("person") : QStringLiteral("unit")},
                                           {QStringLiteral("key"), c.key},
                                           {QStringLiteral("name"), c.name},
                                           {QStringLiteral("unit"), c.unitName},
                                           {QStringLiteral("award"), c.awardCode},
                                           {QStringLiteral("verdict"), verdictCode(c.verdict)},
                                           {QStringLiteral("outcome"), outcomeCode(c.outcome)},
                                           {QStringLiteral("pending"), QJsonArray::fromStringList(c.pending)},
                                           {QStringLiteral("missing"), QJsonArray::fromStringList(c.missing)},
                                           {QStringLiteral("progress"), c.progress},
                                           {QStringLiteral("proposed"), c.proposed}});
                  out() << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented));
              } else if (fmt == QLatin1String("csv")) {
                  // Headers and values in words for a clerk's spreadsheet; --codes keeps the
                  // stable codes for scripts.
                  const bool codes = codesWanted();
                  out() << (codes ? QStringLiteral("award,kind,key,name,unit,verdict,progress,proposed")
                                  : QStringList{Tr::tr("Award form"), Tr::tr("Nominee kind"), Tr::tr("Key"), Tr::tr("Name"),
                                                Tr::tr("Unit"), Tr::tr("Verdict"), Tr::tr("Progress"), Tr::tr("Proposed")}
                                        .join(QLatin1Char(',')))
                        << '\n';
                  for (const Candidate &c : list)
                      out() << QStringList{Core::Csv::field(formShown(db, c.awardCode)),
                                           shown(c.personId ? Tr::tr("Individual") : Tr::tr("Collective"),
                                                 c.personId ? QStringLiteral("person") : QStringLiteral("unit")),
                                           Core::Csv::field(c.key),
                                           Core::Csv::field(c.name),
                                           Core::Csv::field(c.unitName),
                                           Core::Csv::field(shown(outcomeLabel(c.outcome), verdictCode(c.verdict))),
                                           Core::Csv::field(c.progress),
                                           codes ? (c.proposed ? QStringLiteral("1") : QStringLiteral("0"))
                                                 : (c.proposed ? Tr::tr("Yes") : Tr::tr("No"))}
                                   .join(QLatin1Char(','))
                            << '\n';
              } else {
                  for (const Candidate &c : list)
                      out() << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6%7\n")
                                   .arg(formShown(db, c.awardCode), shown(outcomeLabel(c.outcome), verdictCode(c.verdict)), c.key,
                                        c.name, c.unitName, c.progress, candidateOpenText(c));
                  out() << Tr::tr("%n candidate(s).", nullptr, int(list.size())) << '\n';
              }
          }}},
        {QStringLiteral("rules"),
         {QT_TRANSLATE_NOOP("Cli", "List the award rule sets, import a new rule-set file or retire an imported one (administrators)."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("import"), Tr::tr("A rule-set JSON file to validate and store (administrators only)."),
                           Tr::tr("FILE")});
              p.addOption({QStringLiteral("retire"),
                           Tr::tr("Stop using an imported rule set, named SET_ID:VERSION (administrators only)."),
                           Tr::tr("SET_ID:VERSION")});
          },
          [](QCommandLineParser &p) {
              if (p.isSet(QStringLiteral("import")) && p.isSet(QStringLiteral("retire")))
                  throw UsageError{Tr::tr("Give either --import or --retire, not both.")};
              QString retireId;
              int retireVersion = 0;
              if (p.isSet(QStringLiteral("retire"))) {
                  const QString value = p.value(QStringLiteral("retire"));
                  const int colon = int(value.lastIndexOf(QLatin1Char(':')));
                  bool ok = false;
                  retireVersion = colon > 0 ? value.mid(colon + 1).toInt(&ok) : 0;
                  retireId = value.left(colon);
                  if (!ok || retireVersion < 1)
                      throw UsageError{Tr::tr("--retire takes SET_ID:VERSION, e.g. luat-06-2022:2, not \"%1\".").arg(value)};
              }
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
              login(p, db);
              Service service(db);
              if (p.isSet(QStringLiteral("import"))) {
                  const RuleSetInfo info = service.importRuleSet(p.value(QStringLiteral("import")));
                  out() << Tr::tr("Imported the rule set %1 version %2, in force from %3.")
                               .arg(info.id)
                               .arg(info.version)
                               .arg(info.effectiveFrom.toString(QStringLiteral("dd/MM/yyyy")))
                        << '\n';
                  out() << Tr::tr("What changed: %1").arg(service.ruleSetChanges(info.id, info.version).join(QLatin1Char(' ')))
                        << '\n';
                  return;
              }
              if (!retireId.isEmpty()) {
                  service.retireRuleSet(retireId, retireVersion);
                  out() << Tr::tr("Retired the rule set %1 version %2; it is no longer used.").arg(retireId).arg(retireVersion)
                        << '\n';
                  return;
              }
              QString inForce;
              if (const std::optional<RuleSetInfo> now = service.findRuleSetInForce(QDate::currentDate()))
                  inForce = now->id + QLatin1Char('/') + QString::number(now->version);
              QHash<QString, ImportedRuleSet> imported;
              for (const ImportedRuleSet &i : service.importedRuleSets())
                  imported.insert(i.id + QLatin1Char('/') + QString::number(i.version), i);
              for (const RuleSetInfo &s : service.ruleSets()) {
                  const QString key = s.id + QLatin1Char('/') + QString::number(s.version);
                  const bool current = inForce == key;
                  const ImportedRuleSet origin = imported.value(key);
                  QString note = s.builtIn ? Tr::tr("built-in") : Tr::tr("imported");
                  if (!origin.retiredAt.isEmpty())
                      note = Tr::tr("retired %1").arg(origin.retiredAt);
                  out() << QStringLiteral("%1\t%2\t%3\t%4\t%5%6\n")
                               .arg(s.id)
                               .arg(s.version)
                               .arg(s.effectiveFrom.toString(QStringLiteral("dd/MM/yyyy")))
                               .arg(note)
                               .arg(s.title)
                               .arg(current ? QStringLiteral("\t") + Tr::tr("(in force today)") : QString());
                  if (!s.builtIn)
                      out() << "\t"
                            << Tr::tr("imported by %1 at %2, SHA-256 %3")
                                   .arg(origin.importedBy.isEmpty() ? Tr::tr("(unknown)")
                                                                    : shown(actorWords(origin.importedBy), origin.importedBy),
                                        whenText(origin.importedAt), origin.sha256.isEmpty() ? QStringLiteral("-") : origin.sha256)
                            << '\n';
                  if (!s.builtIn)
                      out() << "\t" << Tr::tr("What changed: %1").arg(service.ruleSetChanges(s.id, s.version).join(QLatin1Char(' ')))
                            << '\n';
                  for (const QString &c : s.citations)
                      out() << "\t" << c << '\n';
              }
          }}},
    };
    table.insert(commands.begin(), commands.end());
}

} // namespace VinhDanh::Cli
