// vinhdanh-cli decisions | decision new | decision issue: the decision register, through the
// DecisionRepository (numbering, pricing and the ledger rows written on issue are its).
#include "workflowcli.h"

#include "core/council/councilrepository.h"
#include "core/decisions/decisionrepository.h"
#include "core/domain/codes.h"
#include "core/error.h"

#include <QJsonArray>
#include <QJsonObject>

namespace VinhDanh::Cli {

using namespace Core;
using namespace Core::Workflow;

namespace {
/// "KT. Phó Chủ tịch Trần Văn B": how the signature block reads.
QString signedBy(const Decision &d)
{
    return QStringList{Codes::authorityPrefix(d.authority), d.signerTitle, d.signer}.join(QLatin1Char(' ')).simplified();
}

QString statusText(const Decision &d)
{
    return DecisionMachine::inForce(d.status) ? Tr::tr("issued") : Tr::tr("draft");
}

/// A decision for scripts: codes, ISO dates and numbers as numbers (a coefficient is 1.5, never
/// the clerk's "1,5"). A draft carries the amounts at today's pay data (`priced`: false and
/// `pricingProblem` when they cannot be worked out yet).
QJsonObject decisionJson(const Decision &d, const DecisionRepository::Pricing &priced)
{
    QJsonArray list;
    for (const Awardee &a : priced.awardees)
        list.append(QJsonObject{{QStringLiteral("kind"), a.personId ? QStringLiteral("person") : QStringLiteral("unit")},
                                {QStringLiteral("key"), a.key},
                                {QStringLiteral("name"), a.name},
                                {QStringLiteral("award"), a.formCode},
                                {QStringLiteral("awardKind"), a.awardKind},
                                {QStringLiteral("recipient"), a.recipient},
                                {QStringLiteral("coefficient"), a.coefficientMilli / 1000.0},
                                {QStringLiteral("amount"), a.amount}});
    return QJsonObject{{QStringLiteral("key"), d.key},
                       {QStringLiteral("number"), d.number},
                       {QStringLiteral("date"), isoDate(d.date)},
                       {QStringLiteral("issuer"), d.issuer},
                       {QStringLiteral("title"), d.title},
                       {QStringLiteral("signer"), d.signer},
                       {QStringLiteral("signerTitle"), d.signerTitle},
                       {QStringLiteral("authority"), d.authority},
                       {QStringLiteral("status"), decisionStatusCode(d.status)},
                       {QStringLiteral("baseSalary"), priced.baseSalary},
                       {QStringLiteral("awardees"), list},
                       {QStringLiteral("total"), priced.total},
                       {QStringLiteral("priced"), priced.problem.isEmpty()},
                       {QStringLiteral("pricingProblem"), priced.problem}};
}

/// One decision as `decisions` and `decision show` print it: the awardees in words with their
/// bonus; a draft priced at today's pay data, as the decision page shows it.
void printDecision(Database &db, const Decision &d, const DecisionRepository::Pricing &priced)
{
    // The number first: print --id and decision issue take it (the key stays internal; json has it).
    out() << QStringList{d.number, dateText(d.date), d.issuer, signedBy(d), statusText(d), d.title}.join(QLatin1Char('\t')) << '\n';
    for (int i = 0; i < priced.awardees.size(); ++i) {
        const Awardee &a = priced.awardees.at(i);
        const QString bonus = priced.problem.isEmpty() ? QStringLiteral("%1 × %2 = %3")
                                                             .arg(Money::coefficientText(a.coefficientMilli),
                                                                  Money::amountText(priced.baseSalary), Money::amountText(a.amount))
                                                       : QStringLiteral("-");
        out() << QStringLiteral("  %1. %2 %3\t%4\t%5\n").arg(i + 1).arg(a.key, a.name, formShown(db, a.formCode), bonus);
    }
    if (priced.problem.isEmpty())
        out() << "  "
              << (DecisionMachine::inForce(d.status) ? Tr::tr("Total: %1 đồng") : Tr::tr("Total at today's rates: %1 đồng"))
                     .arg(Money::amountText(priced.total))
              << '\n';
    else
        out() << "  " << Tr::tr("Not priced yet: %1").arg(priced.problem) << '\n';
}

void decisionsBody(QCommandLineParser &p)
{
    const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
    OpenDatabase db(p);
    const DecisionRepository repo(*db);
    const QList<Decision> list = repo.list();
    if (fmt == QLatin1String("json")) {
        QJsonArray all;
        for (const Decision &d : list)
            all.append(decisionJson(d, repo.pricing(d.id)));
        printJson(all);
        return;
    }
    for (const Decision &d : list)
        printDecision(*db, d, repo.pricing(d.id));
    out() << Tr::tr("%n decision(s).", nullptr, int(list.size())) << '\n';
}

void showBody(QCommandLineParser &p)
{
    const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
    const QString key = required(p, QStringLiteral("decision"));
    OpenDatabase db(p);
    const DecisionRepository repo(*db);
    const Decision d = repo.decision(decisionId(*db, key));
    if (fmt == QLatin1String("json")) {
        printJson(decisionJson(d, repo.pricing(d.id)));
        return;
    }
    printDecision(*db, d, repo.pricing(d.id));
    for (const QString &line : repo.authorityWarnings(d.id))
        out() << Tr::tr("Warning: %1").arg(line) << '\n';
}

void newBody(QCommandLineParser &p)
{
    const int registerYear = year(p);
    const QDate date = dateOption(p, QStringLiteral("date"), true);
    const QString signer = required(p, QStringLiteral("signer"));
    const QString signerTitle = required(p, QStringLiteral("signer-title"));
    // The code as the vocabulary spells it: never a null string, which SQL stores as NULL.
    const std::optional<Codes::Authority> given = Codes::authorityFromCode(p.value(QStringLiteral("authority")).trimmed().toUpper());
    if (!given)
        throw UsageError{Tr::tr("--authority must be TM, KT or Q, not \"%1\".").arg(p.value(QStringLiteral("authority")))};
    const QString authority = Codes::authorityCode(*given);
    const int registerNo = positiveInt(p, QStringLiteral("number"), 0, false);
    if (p.isSet(QStringLiteral("number")) && registerNo == 0)
        throw UsageError{Tr::tr("--number must be 1 or more.")};
    OpenDatabase db(p);
    DecisionRepository repo(*db);
    // The defaults are the decision page's (issuer, next number; an amendment's title, sitting
    // and movement); the options given replace them. The signature block is always the
    // command's: --signer, --signer-title and --authority go together.
    const qint64 amends = p.isSet(QStringLiteral("amends")) ? decisionId(*db, p.value(QStringLiteral("amends"))) : 0;
    Decision d = repo.draftDefaults(date, amends, p.value(QStringLiteral("issuer")).trimmed(), registerYear);
    d.signer = signer;
    d.signerTitle = signerTitle;
    d.authority = authority;
    if (p.isSet(QStringLiteral("title")))
        d.title = p.value(QStringLiteral("title")).trimmed();
    if (registerNo) {
        d.registerNo = registerNo;
        d.number = repo.formatNumber(d.registerNo);
    }
    // The movement is the awardees' dossiers' (fillFromCouncil sets it), never the sitting's.
    qint64 session = 0;
    if (p.isSet(QStringLiteral("session")))
        session = sessionId(*db, p.value(QStringLiteral("session")));
    else if (p.isSet(QStringLiteral("dossier")))
        throw UsageError{Tr::tr("--dossier picks dossiers of a council sitting; give the sitting with --session.")};
    QList<qint64> picked;
    for (const QString &key : p.values(QStringLiteral("dossier")))
        picked << dossierId(*db, key.trimmed());
    const QStringList used = repo.numberInUse(d.issuer, d.year, d.registerNo);
    if (!used.isEmpty())
        err() << Tr::tr("Warning: the number %1 is already used by: %2. It cannot be issued while an issued decision holds it.")
                     .arg(d.number, used.join(QStringLiteral("; ")))
              << '\n';
    const qint64 id = repo.save(d);
    if (session) {
        const QStringList leftOut = picked.isEmpty() ? repo.fillFromCouncil(id, session) : repo.fillFromCouncil(id, session, picked);
        err() << Tr::tr("%n awardee(s) from the sitting.", nullptr, int(repo.awardees(id).size())) << '\n';
        for (const QString &line : leftOut)
            err() << Tr::tr("Left out: %1").arg(line) << '\n';
        for (const QString &line : repo.authorityWarnings(id))
            err() << Tr::tr("Warning: %1").arg(line) << '\n';
    }
    out() << d.number << '\n'; // every --decision takes it
}

void issueBody(QCommandLineParser &p)
{
    const QString key = required(p, QStringLiteral("decision"));
    OpenDatabase db(p);
    DecisionRepository repo(*db);
    const qint64 id = decisionId(*db, key);
    repo.issue(id, p.value(QStringLiteral("reason")).trimmed());
    const Decision d = repo.decision(id);
    out() << Tr::tr("Issued %1 of %2: %n awardee(s), total %3 đồng.", nullptr, d.awardeeCount)
                 .arg(d.number, dateText(d.date), Money::amountText(d.total))
          << '\n';
}
} // namespace

void addDecisionCommands(CommandTable &table)
{
    table.insert({QStringLiteral("decisions"),
                  {QT_TRANSLATE_NOOP("Cli", "List the decisions: number, signer, awardees with their bonus, and the total."),
                   [](QCommandLineParser &p) {
                       p.addOption(databaseOption());
                       p.addOption(textOrJsonOption());
                   },
                   decisionsBody}});
    table.insert(
        {QStringLiteral("decision show"),
         {QT_TRANSLATE_NOOP("Cli", "Show one decision: its awardees with their bonus (a draft at today's rates) and any warning."),
          [](QCommandLineParser &p) {
              addRecordOptions(p, {QStringLiteral("decision"),
                                   Tr::tr("The decision's number (173/QĐ-UBND, with its year when the number recurs) or key."),
                                   Tr::tr("NUMBER")});
              p.addOption(textOrJsonOption());
          },
          showBody}});
    table.insert(
        {QStringLiteral("decision new"),
         {QT_TRANSLATE_NOOP("Cli", "Draft a decision, filled from a council sitting when given (prints its number)."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("issuer"), Tr::tr("Whose register (default: the office setting)."), Tr::tr("NAME")});
              p.addOption({QStringLiteral("year"), Tr::tr("The register's year."), Tr::tr("YYYY")});
              p.addOption({QStringLiteral("number"), Tr::tr("The number in the register (default: the next free one)."), Tr::tr("N")});
              p.addOption({QStringLiteral("date"), Tr::tr("The decision's date (31/12/2025 or 2025-12-31)."), Tr::tr("DATE")});
              p.addOption({QStringLiteral("signer"), Tr::tr("Who signs it."), Tr::tr("NAME")});
              p.addOption({QStringLiteral("signer-title"), Tr::tr("The signer's title, e.g. Phó Chủ tịch."), Tr::tr("TITLE")});
              p.addOption({QStringLiteral("authority"), Tr::tr("TM, KT or Q (signing for someone), or none."), Tr::tr("CODE")});
              p.addOption({QStringLiteral("title"), Tr::tr("What it is about (trích yếu)."), Tr::tr("TEXT")});
              p.addOption({QStringLiteral("session"),
                           Tr::tr("The council sitting whose passed nominees it awards (its number or key)."), Tr::tr("NUMBER")});
              p.addOption({QStringLiteral("dossier"),
                           Tr::tr("Only the nominees of this dossier of the sitting (repeat for more; they must share one "
                                  "track, movement, occasion and year). Default: every dossier the decision can take."),
                           Tr::tr("NUMBER")});
              p.addOption(
                  {QStringLiteral("amends"), Tr::tr("The number (or key) of the issued decision it corrects."), Tr::tr("NUMBER")});
          },
          newBody}});
    table.insert(
        {QStringLiteral("decision issue"),
         {QT_TRANSLATE_NOOP("Cli", "Issue a decision: price it, write the award ledger and freeze it (leaders only)."),
          [](QCommandLineParser &p) {
              addRecordOptions(p, {QStringLiteral("decision"),
                                   Tr::tr("The decision's number (173/QĐ-UBND, with its year when the number recurs) or key."),
                                   Tr::tr("NUMBER")});
              p.addOption({QStringLiteral("reason"),
                           Tr::tr("Why to issue it although who awards one of its forms is not confirmed (kept in the ledger)."),
                           Tr::tr("TEXT")});
          },
          issueBody}});
}

} // namespace VinhDanh::Cli
