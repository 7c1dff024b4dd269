// vinhdanh-cli dossier new | add-nominee | attach | appraise | outcome and the transitions
// (submit, recall, start-appraisal, return, resubmit, finish-appraisal, to-council, decide):
// writing proposal dossiers through the same DossierRepository the GUI uses, so the state
// machine, the permissions and the entry warnings are the same.
#include "nomineelistcommands.h"
#include "workflowcli.h"

#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/proposals/statemachine.h"

namespace VinhDanh::Cli {

using namespace Core;
using namespace Core::Workflow;

namespace {
/// The engine's unmet conditions, deepest first-level explanations, for a one-line refusal.
void unmet(const QList<Eligibility::ConditionResult> &conditions, QStringList &out)
{
    for (const Eligibility::ConditionResult &c : conditions) {
        if (c.state != Eligibility::Verdict::NotEligible)
            continue;
        if (!c.children.isEmpty())
            unmet(c.children, out);
        else
            out << (c.explanation.isEmpty() ? c.description : c.explanation);
    }
}

void newBody(QCommandLineParser &p)
{
    Dossier d;
    d.year = year(p);
    d.title = required(p, QStringLiteral("title"));
    d.occasion = p.value(QStringLiteral("occasion"));
    if (!QStringList{QStringLiteral("annual"), QStringLiteral("so_ket"), QStringLiteral("tong_ket")}.contains(d.occasion))
        throw UsageError{Tr::tr("--occasion must be annual, so_ket or tong_ket, not \"%1\".").arg(d.occasion)};
    d.letterNo = p.value(QStringLiteral("letter-no")).trimmed();
    d.letterDate = dateOption(p, QStringLiteral("letter-date"), false);
    const QString unitKey = required(p, QStringLiteral("unit"));
    OpenDatabase db(p);
    d.unitId = unitId(*db, unitKey);
    d.movementId = movementId(*db, p);
    DossierRepository(*db).save(d);
    // Its register number ("HS 12/2025"), which every --dossier accepts.
    out() << Registers::text(d) << '\n';
}

void addNomineeBody(QCommandLineParser &p)
{
    const QString dossierKey = required(p, QStringLiteral("dossier"));
    Nominee n;
    n.formCode = required(p, QStringLiteral("award"));
    if (p.isSet(QStringLiteral("kind")))
        n.awardKind = p.value(QStringLiteral("kind"));
    n.summary = p.value(QStringLiteral("summary")).trimmed();
    n.proceedReason = p.value(QStringLiteral("reason")).trimmed();
    OpenDatabase db(p);
    DossierRepository repo(*db);
    n.dossierId = dossierId(*db, dossierKey);
    const Subject s = subjectOption(*db, p, {}, true);
    n.personId = s.personId;
    n.unitId = s.unitId;
    const Dossier d = repo.dossier(n.dossierId);
    n.checklist = repo.standardChecklist(d, n);
    const QList<EntryWarning> warnings = repo.warningsFor(d, n);
    // Refused before anything is printed, so the refusal stays one line with the reasons.
    for (const EntryWarning &w : warnings)
        if (w.blocksWithoutReason() && n.proceedReason.isEmpty()) {
            if (w.kind != EntryWarning::Kind::NotEligible)
                throw Error(Tr::tr("%1 To propose the nominee anyway, give --reason saying why.").arg(w.message));
            QStringList reasons;
            unmet(w.result.conditions, reasons);
            throw Error(
                Tr::tr("%1 Reasons: %2. To propose the nominee anyway, give --reason saying why.")
                    .arg(w.message, reasons.isEmpty() ? Tr::tr("see vinhdanh-cli check") : reasons.join(QStringLiteral("; "))));
        }
    for (const EntryWarning &w : warnings)
        err() << Tr::tr("Warning: %1").arg(w.message) << '\n';
    const Nominee saved = repo.nominee(repo.saveNominee(n));
    out() << Tr::tr("Added %1 (%2) to the dossier %3.").arg(saved.name, formShown(*db, saved.formCode), Registers::text(d)) << '\n';
}

void attachBody(QCommandLineParser &p)
{
    const QString dossierKey = required(p, QStringLiteral("dossier"));
    const QString file = required(p, QStringLiteral("file"));
    const QString kindCode = required(p, QStringLiteral("kind"));
    DocumentKind kind;
    try {
        kind = documentKindFromCode(kindCode);
    } catch (const Error &e) {
        throw UsageError{e.message()};
    }
    OpenDatabase db(p);
    DossierRepository repo(*db);
    const qint64 id = dossierId(*db, dossierKey);
    const Subject s = subjectOption(*db, p, QStringLiteral("nominee-"), false);
    const qint64 nomineeId = s.isEmpty() ? 0 : nomineeIn(repo, id, s).id;
    repo.addAttachmentFile(id, kind, nomineeId, file);
    out() << Tr::tr("Attached %1 to the dossier %2 as: %3.").arg(file, Registers::text(repo.dossier(id)), documentKindLabel(kind))
          << '\n';
}

void appraiseBody(QCommandLineParser &p)
{
    const QString dossierKey = required(p, QStringLiteral("dossier"));
    const bool agree = p.isSet(QStringLiteral("agree")), disagree = p.isSet(QStringLiteral("disagree"));
    if (agree == disagree)
        throw UsageError{Tr::tr("Give exactly one of --agree and --disagree.")};
    OpenDatabase db(p);
    DossierRepository repo(*db);
    const Nominee n = nomineeIn(repo, dossierId(*db, dossierKey), subjectOption(*db, p, {}, true));
    repo.appraise(n.id, agree, p.value(QStringLiteral("reason")).trimmed(), p.value(QStringLiteral("override-reason")).trimmed());
    out() << (agree ? Tr::tr("Appraised %1 (%2): agreed.") : Tr::tr("Appraised %1 (%2): not agreed."))
                 .arg(n.name, formShown(*db, n.formCode))
          << '\n';
}

void outcomeBody(QCommandLineParser &p)
{
    const QString dossierKey = required(p, QStringLiteral("dossier"));
    const QString outcome = required(p, QStringLiteral("outcome"));
    if (outcome != QLatin1String("forwarded") && outcome != QLatin1String("not_awarded"))
        throw UsageError{
            Tr::tr("--outcome must be forwarded or not_awarded, not \"%1\" (awarded comes from issuing a decision).").arg(outcome)};
    OpenDatabase db(p);
    DossierRepository repo(*db);
    const Nominee n = nomineeIn(repo, dossierId(*db, dossierKey), subjectOption(*db, p, {}, true));
    repo.recordOutcome(n.id, outcome, p.value(QStringLiteral("reason")).trimmed());
    out() << Tr::tr("%1 (%2): %3.").arg(n.name, formShown(*db, n.formCode), outcomeLabel(outcome)) << '\n';
}

struct TransitionCommand
{
    Transition transition;
    const char *action;
    const char *summary;
};
const TransitionCommand kTransitionCommands[] = {
    {Transition::Submit, "submit", QT_TRANSLATE_NOOP("Cli", "Submit a draft dossier to the office (its content becomes read-only).")},
    {Transition::Recall, "recall", QT_TRANSLATE_NOOP("Cli", "Recall a submitted dossier to draft, before its appraisal starts.")},
    {Transition::StartAppraisal, "start-appraisal", QT_TRANSLATE_NOOP("Cli", "Receive a submitted dossier and start appraising it.")},
    {Transition::Return, "return", QT_TRANSLATE_NOOP("Cli", "Return a dossier under appraisal for supplement (--reason required).")},
    {Transition::Resubmit, "resubmit", QT_TRANSLATE_NOOP("Cli", "Resubmit a returned dossier once it is supplemented.")},
    {Transition::FinishAppraisal, "finish-appraisal", QT_TRANSLATE_NOOP("Cli", "Finish the appraisal (every nominee appraised).")},
    {Transition::PutToCouncil, "to-council",
     QT_TRANSLATE_NOOP("Cli", "Mark an appraised dossier as before the council (council add-dossier does it too).")},
    {Transition::Decide, "decide", QT_TRANSLATE_NOOP("Cli", "Close a dossier as decided (every nominee has an outcome).")},
};

void transitionBody(QCommandLineParser &p, Transition t)
{
    const QString dossierKey = required(p, QStringLiteral("dossier"));
    const QString reason = p.value(QStringLiteral("reason")).trimmed();
    if (StateMachine::needsReason(t) && reason.isEmpty())
        throw UsageError{Tr::tr("Give --reason: the unit must read what to supplement.")};
    OpenDatabase db(p);
    DossierRepository repo(*db);
    const qint64 id = dossierId(*db, dossierKey);
    const Dossier before = repo.dossier(id);
    repo.transition(id, t, reason);
    const Status to = repo.dossier(id).status;
    out() << Tr::tr("%1: %2 → %3.", "a dossier's register number (HS 12/2025): status before → after")
                 .arg(Registers::text(before), statusLabel(before.status), statusLabel(to))
          << '\n';
}
} // namespace

void addDossierCommands(CommandTable &table)
{
    table.insert(
        {QStringLiteral("dossier new"),
         {QT_TRANSLATE_NOOP("Cli", "Make a new proposal dossier (prints its key)."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("unit"), Tr::tr("The proposing unit's key."), Tr::tr("KEY")});
              p.addOption({QStringLiteral("movement"), Tr::tr("The movement's key (none: the regular track)."), Tr::tr("KEY")});
              p.addOption({QStringLiteral("year"), Tr::tr("The achievement year."), Tr::tr("YYYY")});
              p.addOption({QStringLiteral("occasion"), Tr::tr("annual (default), so_ket or tong_ket."), Tr::tr("OCCASION"),
                           QStringLiteral("annual")});
              p.addOption({QStringLiteral("title"), Tr::tr("The dossier's title."), Tr::tr("TEXT")});
              p.addOption({QStringLiteral("letter-no"), Tr::tr("The proposal letter's number (số tờ trình)."), Tr::tr("NUMBER")});
              p.addOption(
                  {QStringLiteral("letter-date"), Tr::tr("The proposal letter's date (31/12/2025 or 2025-12-31)."), Tr::tr("DATE")});
          },
          newBody}});
    table.insert(
        {QStringLiteral("dossier add-nominee"),
         {QT_TRANSLATE_NOOP("Cli", "Add a person or a unit to a dossier, with the award proposed for them."),
          [](QCommandLineParser &p) {
              addRecordOptions(p, dossierOption());
              addSubjectOptions(p);
              p.addOption({QStringLiteral("award"), Tr::tr("The award code (docs/award-codes.md)."), Tr::tr("CODE")});
              p.addOption({QStringLiteral("kind"), Tr::tr("cong_trang (default), dot_xuat, theo_dot or cong_hien."), Tr::tr("KIND")});
              p.addOption({QStringLiteral("summary"), Tr::tr("The achievement summary."), Tr::tr("TEXT")});
              p.addOption({QStringLiteral("reason"),
                           Tr::tr("Why to propose a nominee the engine finds not eligible, or for a form the movement does not offer "
                                  "at the occasion."),
                           Tr::tr("TEXT")});
          },
          addNomineeBody}});
    table.insert({QStringLiteral("dossier attach"),
                  {QT_TRANSLATE_NOOP("Cli", "Attach a file to a dossier as one of its documents."),
                   [](QCommandLineParser &p) {
                       addRecordOptions(p, dossierOption());
                       p.addOption({QStringLiteral("kind"), Tr::tr("to_trinh, danh_sach, bao_cao_thanh_tich, bien_ban or khac."),
                                    Tr::tr("KIND")});
                       addSubjectOptions(p, QStringLiteral("nominee-"));
                       p.addOption({QStringLiteral("file"), Tr::tr("The file to attach."), Tr::tr("PATH")});
                   },
                   attachBody}});
    table.insert({QStringLiteral("dossier appraise"),
                  {QT_TRANSLATE_NOOP("Cli", "Record the appraiser's verdict on one nominee of a dossier under appraisal."),
                   [](QCommandLineParser &p) {
                       addRecordOptions(p, dossierOption());
                       addSubjectOptions(p);
                       p.addOption({QStringLiteral("agree"), Tr::tr("The appraiser agrees to propose the nominee.")});
                       p.addOption({QStringLiteral("disagree"), Tr::tr("The appraiser does not agree (--reason required).")});
                       p.addOption({QStringLiteral("reason"), Tr::tr("The appraiser's reason."), Tr::tr("TEXT")});
                       p.addOption({QStringLiteral("override-reason"),
                                    Tr::tr("Why the verdict differs from the engine's (required when it does)."), Tr::tr("TEXT")});
                   },
                   appraiseBody}});
    table.insert({QStringLiteral("dossier outcome"),
                  {QT_TRANSLATE_NOOP("Cli", "Record that a nominee is forwarded to a higher level, or not awarded."),
                   [](QCommandLineParser &p) {
                       addRecordOptions(p, dossierOption());
                       addSubjectOptions(p);
                       p.addOption({QStringLiteral("outcome"), Tr::tr("forwarded or not_awarded."), Tr::tr("OUTCOME")});
                       p.addOption({QStringLiteral("reason"), Tr::tr("Why (required for not_awarded)."), Tr::tr("TEXT")});
                   },
                   outcomeBody}});
    addNomineeListCommands(table); // dossier import-list
    for (const TransitionCommand &c : kTransitionCommands) {
        const Transition t = c.transition;
        table.insert({QStringLiteral("dossier ") + QLatin1String(c.action),
                      {c.summary,
                       [](QCommandLineParser &p) {
                           addRecordOptions(p, dossierOption());
                           p.addOption({QStringLiteral("reason"),
                                        Tr::tr("Why (required to return a dossier, and to submit one with required documents "
                                               "missing; kept in its history)."),
                                        Tr::tr("TEXT")});
                       },
                       [t](QCommandLineParser &p) { transitionBody(p, t); }}});
    }
}

} // namespace VinhDanh::Cli
