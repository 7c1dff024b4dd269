// vinhdanh-cli check | candidates | rules: the eligibility engine (issue 3), through the same
// Eligibility::Service the GUI uses.
#include "clisupport.h"

#include "core/db/database.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/error.h"
#include "core/text/csv.h"
#include "core/repo/personrepository.h"
#include "core/repo/unitrepository.h"

#include <QCoreApplication>
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
    case Verdict::Eligible:
        return Tr::tr("[met]");
    case Verdict::NotEligible:
        return Tr::tr("[not met]");
    case Verdict::NeedsReview:
        return Tr::tr("[review]");
    }
    return {};
}

void printCondition(const ConditionResult &c, int depth)
{
    const QString indent(2 * depth, QLatin1Char(' '));
    out() << indent << stateMark(c.state) << ' ' << c.id << ": " << c.description;
    if (!c.progress.isEmpty())
        out() << " (" << c.progress << ')';
    out() << '\n';
    if (!c.explanation.isEmpty())
        out() << indent << "    " << c.explanation << '\n';
    for (const QString &e : c.evidence)
        out() << indent << "    - " << e << '\n';
    for (const ConditionResult &k : c.children)
        printCondition(k, depth + 1);
}

} // namespace

void addEligibilityCommands(CommandTable &table)
{
    const CommandTable commands = {
        {QStringLiteral("check"),
         {QT_TRANSLATE_NOOP("Cli", "Check one nominee's eligibility for an award, with the trace."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("person"), Tr::tr("The person's key."), Tr::tr("KEY")});
              p.addOption({QStringLiteral("unit"), Tr::tr("The unit's key."), Tr::tr("KEY")});
              p.addOption({QStringLiteral("award"), Tr::tr("The award code (docs/award-codes.md)."), Tr::tr("CODE")});
              p.addOption({QStringLiteral("year"), Tr::tr("The achievement year."), Tr::tr("YYYY")});
              p.addOption({QStringLiteral("movement"), Tr::tr("A movement's key: adds its own standards."), Tr::tr("KEY")});
              p.addOption({QStringLiteral("format"), Tr::tr("text (default) or json."), Tr::tr("FORMAT"), QStringLiteral("text")});
          },
          [](QCommandLineParser &p) {
              const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
              const QString personKey = p.value(QStringLiteral("person")), unitKey = p.value(QStringLiteral("unit"));
              if (personKey.isEmpty() == unitKey.isEmpty())
                  throw UsageError{Tr::tr("Give exactly one of --person and --unit.")};
              Request request;
              request.awardCode = required(p, QStringLiteral("award"));
              request.year = year(p);
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
              login(p, db);
              QString name;
              if (!personKey.isEmpty()) {
                  PersonRepository people(db);
                  request.personId = people.idForKey(personKey);
                  if (!request.personId)
                      throw Error(Tr::tr("There is no person with the key \"%1\".").arg(personKey));
                  name = people.name(request.personId);
              } else {
                  UnitRepository units(db);
                  request.unitId = units.idForKey(unitKey);
                  if (!request.unitId)
                      throw Error(Tr::tr("There is no unit with the key \"%1\".").arg(unitKey));
                  name = units.name(request.unitId);
              }
              request.movementId = movementId(db, p);
              const Result r = Service(db).evaluate(request);
              if (fmt == QLatin1String("json")) {
                  QJsonArray conditions, checklist = QJsonArray::fromStringList(r.checklist);
                  for (const ConditionResult &c : r.conditions)
                      conditions.append(conditionJson(c));
                  const QJsonObject o{
                      {QStringLiteral("nominee"), QJsonObject{{QStringLiteral("kind"), request.personId ? QStringLiteral("person") : QStringLiteral("unit")},
                                                              {QStringLiteral("key"), request.personId ? personKey : unitKey},
                                                              {QStringLiteral("name"), name}}},
                      {QStringLiteral("award"), r.awardCode},
                      {QStringLiteral("awardName"), r.awardName},
                      {QStringLiteral("year"), request.year},
                      {QStringLiteral("verdict"), verdictCode(r.verdict)},
                      {QStringLiteral("ruleSet"), QJsonObject{{QStringLiteral("id"), r.ruleSet.id},
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
              out() << Tr::tr("%1 (%2), %3: %4").arg(r.awardName, r.awardCode).arg(request.year).arg(name) << '\n';
              out() << Tr::tr("Verdict: %1 (%2)").arg(verdictCode(r.verdict), verdictLabel(r.verdict)) << '\n';
              out() << Tr::tr("Rule set: %1 version %2 (%3)").arg(r.ruleSet.id).arg(r.ruleSet.version).arg(r.ruleSet.title) << '\n';
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
        {QStringLiteral("candidates"),
         {QT_TRANSLATE_NOOP("Cli", "List the nominees who meet an award's standards for a year."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("year"), Tr::tr("The achievement year."), Tr::tr("YYYY")});
              p.addOption({QStringLiteral("movement"), Tr::tr("A movement's key: its award forms and categories only."), Tr::tr("KEY")});
              p.addOption({QStringLiteral("format"), Tr::tr("text (default), json or csv."), Tr::tr("FORMAT"), QStringLiteral("text")});
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
                                           {QStringLiteral("progress"), c.progress},
                                           {QStringLiteral("proposed"), c.proposed}});
                  out() << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented));
              } else if (fmt == QLatin1String("csv")) {
                  out() << "award,kind,key,name,unit,verdict,progress,proposed\n";
                  for (const Candidate &c : list)
                      out() << QStringList{c.awardCode, c.personId ? QStringLiteral("person") : QStringLiteral("unit"), Core::Csv::field(c.key),
                                           Core::Csv::field(c.name), Core::Csv::field(c.unitName), verdictCode(c.verdict), Core::Csv::field(c.progress),
                                           c.proposed ? QStringLiteral("1") : QStringLiteral("0")}
                                   .join(QLatin1Char(','))
                            << '\n';
              } else {
                  for (const Candidate &c : list)
                      out() << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
                                   .arg(c.awardCode, verdictCode(c.verdict), c.key, c.name, c.unitName, c.progress);
                  out() << Tr::tr("%n candidate(s).", nullptr, int(list.size())) << '\n';
              }
          }}},
        {QStringLiteral("rules"),
         {QT_TRANSLATE_NOOP("Cli", "List the award rule sets, or import a new rule-set file."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("import"), Tr::tr("A rule-set JSON file to validate and store."), Tr::tr("FILE")});
          },
          [](QCommandLineParser &p) {
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
              login(p, db);
              Service service(db);
              if (p.isSet(QStringLiteral("import"))) {
                  const RuleSetInfo info = service.importRuleSet(p.value(QStringLiteral("import")));
                  out() << Tr::tr("Imported the rule set %1 version %2, in force from %3.")
                               .arg(info.id)
                               .arg(info.version)
                               .arg(info.effectiveFrom.toString(Qt::ISODate))
                        << '\n';
                  return;
              }
              QString inForce;
              try {
                  const RuleSetInfo now = service.ruleSetInForce(QDate::currentDate());
                  inForce = now.id + QLatin1Char('/') + QString::number(now.version);
              } catch (const Error &) {
              }
              for (const RuleSetInfo &s : service.ruleSets()) {
                  const bool current = inForce == s.id + QLatin1Char('/') + QString::number(s.version);
                  out() << QStringLiteral("%1\t%2\t%3\t%4\t%5%6\n")
                               .arg(s.id)
                               .arg(s.version)
                               .arg(s.effectiveFrom.toString(Qt::ISODate))
                               .arg(s.builtIn ? Tr::tr("built-in") : Tr::tr("imported"))
                               .arg(s.title)
                               .arg(current ? QStringLiteral("\t") + Tr::tr("(in force today)") : QString());
                  for (const QString &c : s.citations)
                      out() << "\t" << c << '\n';
              }
          }}},
    };
    table.insert(commands.begin(), commands.end());
}

} // namespace VinhDanh::Cli
