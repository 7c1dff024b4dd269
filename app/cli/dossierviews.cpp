// vinhdanh-cli dossiers | dossier show: the work queue and one dossier, read-only.
#include "workflowcli.h"

#include "core/auditlog/auditlog.h"
#include "core/decisions/decisionrepository.h"
#include "core/dossiers/dossierrepository.h"
#include "core/eligibility/eligibility.h"
#include "core/error.h"
#include "core/proposals/statemachine.h"
#include "core/registry/movementrepository.h"
#include "core/registry/unitrepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace VinhDanh::Cli {

using namespace Core;
using namespace Core::Workflow;

namespace {
/// Keys of units and movements, looked up once each (a queue names the same few many times).
class KeyCache
{
public:
    explicit KeyCache(Database &db) : m_units(db), m_movements(db) {}
    QString unit(qint64 id)
    {
        auto it = m_unitKeys.find(id);
        if (it == m_unitKeys.end())
            it = m_unitKeys.insert(id, m_units.keyForId(id));
        return *it;
    }
    /// The movement's key, or "regular" for the regular track.
    QString movement(qint64 id)
    {
        if (!id)
            return QStringLiteral("regular");
        auto it = m_movementKeys.find(id);
        if (it == m_movementKeys.end())
            it = m_movementKeys.insert(id, m_movements.keyForId(id));
        return *it;
    }

private:
    UnitRepository m_units;
    MovementRepository m_movements;
    QHash<qint64, QString> m_unitKeys, m_movementKeys;
};

QJsonObject dossierJson(const Dossier &d, KeyCache &keys)
{
    QJsonObject o{{QStringLiteral("key"), d.key},
                  {QStringLiteral("number"), Registers::text(d)},
                  {QStringLiteral("registerNo"), d.registerSeq},
                  {QStringLiteral("registerYear"), d.registerYear},
                  {QStringLiteral("title"), d.title},
                  {QStringLiteral("unit"), d.unitName},
                  {QStringLiteral("unitKey"), keys.unit(d.unitId)},
                  {QStringLiteral("movement"), keys.movement(d.movementId)},
                  {QStringLiteral("occasion"), d.occasion},
                  {QStringLiteral("year"), d.year},
                  {QStringLiteral("nominees"), d.nomineeCount},
                  {QStringLiteral("status"), statusCode(d.status)}};
    if (d.movementId)
        o.insert(QStringLiteral("movementName"), d.movementName);
    if (!d.letterNo.isEmpty())
        o.insert(QStringLiteral("letterNo"), d.letterNo);
    if (d.letterDate.isValid())
        o.insert(QStringLiteral("letterDate"), isoDate(d.letterDate));
    if (!d.returnReason.isEmpty())
        o.insert(QStringLiteral("returnReason"), d.returnReason);
    return o;
}

void dossiersBody(QCommandLineParser &p)
{
    const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
    DossierFilter filter;
    if (p.isSet(QStringLiteral("status"))) {
        try {
            filter.status = statusFromCode(p.value(QStringLiteral("status")));
        } catch (const Error &e) {
            throw UsageError{e.message()};
        }
        filter.anyStatus = false;
    }
    OpenDatabase db(p);
    DossierRepository repo(*db);
    const StatusCounts counts = repo.counts();
    const QList<Dossier> list = repo.list(filter);
    KeyCache keys(*db);
    if (fmt == QLatin1String("json")) {
        QJsonObject countsJson;
        for (Status s : allStatuses())
            countsJson.insert(statusCode(s), counts.value(s));
        QJsonArray dossiers;
        for (const Dossier &d : list)
            dossiers.append(dossierJson(d, keys));
        printJson(QJsonObject{{QStringLiteral("counts"), countsJson}, {QStringLiteral("dossiers"), dossiers}});
        return;
    }
    for (Status s : allStatuses())
        out() << QStringLiteral("%1\t%2\n").arg(shown(statusLabel(s), statusCode(s)), -28).arg(counts.value(s));
    out() << '\n';
    for (const Dossier &d : list)
        out() << QStringList{Registers::text(d),
                             shown(statusLabel(d.status), statusCode(d.status)),
                             QString::number(d.year),
                             occasionWord(d.occasion),
                             codesWanted() ? keys.movement(d.movementId) : (d.movementId ? d.movementName : Tr::tr("regular track")),
                             Tr::tr("%n nominee(s)", nullptr, d.nomineeCount),
                             d.unitName,
                             d.title}
                     .join(QLatin1Char('\t'))
              << '\n';
    out() << Tr::tr("%n dossier(s).", nullptr, int(list.size())) << '\n';
}

/// Everything `dossier show` prints, gathered once for both formats.
struct DossierView
{
    Dossier dossier;
    QList<Nominee> nominees;
    QHash<qint64, Appraisal> appraisals;
    QHash<qint64, Outcome> outcomes;
    QHash<qint64, QString> decisionNumbers;
    QList<RequiredDocument> required;
    QList<Attachment> attachments;
    QList<Event> history;
    Database *source = nullptr; // the database it was read from, for the award forms' names

    DossierView(Database &db, qint64 id) : source(&db)
    {
        const DossierRepository repo(db);
        dossier = repo.dossier(id);
        nominees = repo.nominees(id);
        for (const Appraisal &a : repo.appraisals(id))
            appraisals.insert(a.nomineeId, a);
        const DecisionRepository decisions(db);
        for (const Outcome &o : repo.outcomes(id)) {
            outcomes.insert(o.nomineeId, o);
            if (o.decisionId && !decisionNumbers.contains(o.decisionId))
                decisionNumbers.insert(o.decisionId, decisions.decision(o.decisionId).number);
        }
        required = repo.requiredDocuments(id);
        attachments = repo.attachments(id);
        history = repo.history(id);
    }
};

QJsonObject nomineeJson(const DossierView &v, const Nominee &n)
{
    QJsonObject o{{QStringLiteral("kind"), n.isPerson() ? QStringLiteral("person") : QStringLiteral("unit")},
                  {QStringLiteral("key"), n.key},
                  {QStringLiteral("name"), n.name},
                  {QStringLiteral("context"), n.context},
                  {QStringLiteral("award"), n.formCode},
                  {QStringLiteral("awardKind"), n.awardKind},
                  {QStringLiteral("summary"), n.summary},
                  {QStringLiteral("engineVerdict"), n.engineVerdict},
                  {QStringLiteral("ruleSet"), n.ruleSet},
                  {QStringLiteral("proceedReason"), n.proceedReason},
                  {QStringLiteral("warnings"), QJsonArray::fromStringList(n.warnings)}};
    if (v.appraisals.contains(n.id)) {
        const Appraisal &a = v.appraisals[n.id];
        o.insert(QStringLiteral("appraisal"), QJsonObject{{QStringLiteral("agreed"), a.agreed},
                                                          {QStringLiteral("engineVerdict"), a.engineVerdict},
                                                          {QStringLiteral("reason"), a.reason},
                                                          {QStringLiteral("overrideReason"), a.overrideReason},
                                                          {QStringLiteral("appraiser"), a.appraiser},
                                                          {QStringLiteral("at"), isoTime(a.at)}});
    }
    if (v.outcomes.contains(n.id)) {
        const Outcome &out = v.outcomes[n.id];
        o.insert(QStringLiteral("outcome"), QJsonObject{{QStringLiteral("outcome"), out.outcome},
                                                        {QStringLiteral("decision"), v.decisionNumbers.value(out.decisionId)},
                                                        {QStringLiteral("reason"), out.reason},
                                                        {QStringLiteral("at"), isoTime(out.at)}});
    }
    return o;
}

void showJson(const DossierView &v, KeyCache &keys)
{
    QJsonObject o = dossierJson(v.dossier, keys);
    QJsonArray nominees, required, attachments, history, next;
    for (const Nominee &n : v.nominees)
        nominees.append(nomineeJson(v, n));
    for (const RequiredDocument &r : v.required)
        required.append(QJsonObject{{QStringLiteral("kind"), documentKindCode(r.kind)},
                                    {QStringLiteral("label"), r.label},
                                    {QStringLiteral("present"), r.present}});
    for (const Attachment &a : v.attachments)
        attachments.append(QJsonObject{{QStringLiteral("kind"), documentKindCode(a.kind)},
                                       {QStringLiteral("fileName"), a.fileName},
                                       {QStringLiteral("size"), a.size},
                                       {QStringLiteral("sha256"), a.sha256}});
    for (const Event &e : v.history)
        history.append(QJsonObject{{QStringLiteral("at"), isoTime(e.at)},
                                   {QStringLiteral("actor"), e.actor},
                                   {QStringLiteral("transition"), e.transition},
                                   {QStringLiteral("from"), e.fromStatus},
                                   {QStringLiteral("to"), e.toStatus},
                                   {QStringLiteral("reason"), e.reason}});
    for (Transition t : StateMachine::allowedFrom(v.dossier.status))
        next.append(transitionCode(t));
    o.insert(QStringLiteral("nominees"), nominees);
    o.insert(QStringLiteral("requiredDocuments"), required);
    o.insert(QStringLiteral("attachments"), attachments);
    o.insert(QStringLiteral("history"), history);
    o.insert(QStringLiteral("next"), next);
    printJson(o);
}

void showNomineeText(const DossierView &v, const Nominee &n, int number)
{
    const QString form = formShown(*v.source, n.formCode);
    out() << QStringLiteral("  %1. %2 %3 — %4 (%5)\n").arg(number).arg(n.key, n.name, form, awardKindWord(n.awardKind));
    if (!n.context.isEmpty())
        out() << "     " << n.context << '\n';
    if (!n.summary.isEmpty())
        out() << "     " << Tr::tr("Achievements: %1").arg(n.summary) << '\n';
    out() << "     " << Tr::tr("Engine at entry: %1").arg(verdictWord(n.engineVerdict)) << '\n';
    // The same reason field carries "proposed although not eligible" and "proposed although the
    // movement does not offer this form here": say which one it answers.
    if (!n.proceedReason.isEmpty())
        out() << "     "
              << (n.engineVerdict == Eligibility::verdictCode(Eligibility::Verdict::Eligible)
                      ? Tr::tr("Proposed despite the warnings below, because: %1")
                      : Tr::tr("Proposed although not eligible, because: %1"))
                     .arg(n.proceedReason)
              << '\n';
    for (const QString &w : n.warnings)
        out() << "     " << Tr::tr("Warning: %1").arg(w) << '\n';
    if (v.appraisals.contains(n.id)) {
        const Appraisal &a = v.appraisals[n.id];
        out() << "     "
              << (a.agreed ? Tr::tr("Appraisal: agreed (engine: %1)") : Tr::tr("Appraisal: not agreed (engine: %1)"))
                     .arg(verdictWord(a.engineVerdict));
        if (!a.reason.isEmpty())
            out() << " — " << a.reason;
        out() << '\n';
        if (!a.overrideReason.isEmpty())
            out() << "     " << Tr::tr("Differs from the engine because: %1").arg(a.overrideReason) << '\n';
    }
    if (v.outcomes.contains(n.id)) {
        const Outcome &o = v.outcomes[n.id];
        QString line = Tr::tr("Outcome: %1").arg(outcomeLabel(o.outcome));
        if (o.decisionId)
            line += QLatin1Char(' ') + Tr::tr("(decision %1)").arg(v.decisionNumbers.value(o.decisionId));
        else if (!o.reason.isEmpty()) // an award's reason only repeats its decision
            line += QStringLiteral(" — ") + o.reason;
        out() << "     " << line << '\n';
    }
}

void showText(const DossierView &v, KeyCache &keys)
{
    const Dossier &d = v.dossier;
    out() << Tr::tr("%1: %2", "a dossier's register number (HS 12/2025) and title").arg(Registers::text(d), d.title) << '\n';
    out() << Tr::tr("Status: %1").arg(shown(statusLabel(d.status), statusCode(d.status))) << '\n';
    if (d.status == Status::Returned && !d.returnReason.isEmpty())
        out() << Tr::tr("Returned because: %1").arg(d.returnReason) << '\n';
    out() << Tr::tr("Unit: %1 (%2)").arg(d.unitName, keys.unit(d.unitId)) << '\n';
    out() << Tr::tr("Movement: %1")
                 .arg(d.movementId ? QStringLiteral("%1 (%2)").arg(d.movementName, keys.movement(d.movementId))
                                   : Tr::tr("regular track"))
          << '\n';
    out() << Tr::tr("Year %1, occasion: %2").arg(d.year).arg(occasionWord(d.occasion)) << '\n';
    if (!d.letterNo.isEmpty() || d.letterDate.isValid())
        out() << Tr::tr("Proposal letter: %1 of %2").arg(d.letterNo, dateText(d.letterDate)) << '\n';
    out() << Tr::tr("Nominees:") << '\n';
    for (int i = 0; i < v.nominees.size(); ++i)
        showNomineeText(v, v.nominees.at(i), i + 1);
    out() << Tr::tr("Required documents:") << '\n';
    for (const RequiredDocument &r : v.required)
        out() << "  " << (r.present ? "[x] " : "[ ] ") << r.label << '\n';
    if (!v.attachments.isEmpty()) {
        out() << Tr::tr("Attachments:") << '\n';
        for (const Attachment &a : v.attachments)
            out() << QStringLiteral("  %1\t%2\t%3\n")
                         .arg(shown(documentKindLabel(a.kind), documentKindCode(a.kind)), a.fileName,
                              QLocale().formattedDataSize(a.size));
    }
    out() << Tr::tr("History:") << '\n';
    for (const Event &e : v.history)
        out() << QStringLiteral("  %1\t%2\t%3\t%4 → %5%6\n")
                     .arg(e.at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")),
                          e.actor.isEmpty() ? QStringLiteral("-") : shown(actorWords(e.actor), e.actor), transitionWord(e.transition),
                          e.fromStatus.isEmpty() ? QStringLiteral("-") : statusWord(e.fromStatus), statusWord(e.toStatus),
                          e.reason.isEmpty() ? QString() : QStringLiteral("\t") + e.reason);
    QStringList next;
    for (Transition t : StateMachine::allowedFrom(d.status))
        next << Tr::tr("%1 (command: dossier %2)")
                    .arg(transitionLabel(t), QString(transitionCode(t)).replace(QLatin1Char('_'), QLatin1Char('-')));
    out() << Tr::tr("Next: %1").arg(next.isEmpty() ? Tr::tr("nothing, the dossier is decided") : next.join(QStringLiteral(", ")))
          << '\n';
}

void showBody(QCommandLineParser &p)
{
    const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
    const QString key = required(p, QStringLiteral("dossier"));
    OpenDatabase db(p);
    const DossierView view(*db, dossierId(*db, key));
    KeyCache keys(*db);
    if (fmt == QLatin1String("json"))
        showJson(view, keys);
    else
        showText(view, keys);
}
} // namespace

void addDossierViews(CommandTable &table)
{
    table.insert({QStringLiteral("dossiers"),
                  {QT_TRANSLATE_NOOP("Cli", "The work queue: dossiers counted by status, then listed (newest first)."),
                   [](QCommandLineParser &p) {
                       p.addOption(databaseOption());
                       p.addOption({QStringLiteral("status"),
                                    Tr::tr("Only this status: draft, submitted, under_appraisal, returned, appraised, "
                                           "before_council or decided."),
                                    Tr::tr("STATUS")});
                       p.addOption(textOrJsonOption());
                   },
                   dossiersBody}});
    table.insert({QStringLiteral("dossier show"),
                  {QT_TRANSLATE_NOOP("Cli", "Show one dossier: nominees with verdicts, documents and history."),
                   [](QCommandLineParser &p) {
                       addRecordOptions(p, dossierOption());
                       p.addOption(textOrJsonOption());
                   },
                   showBody}});
}

} // namespace VinhDanh::Cli
