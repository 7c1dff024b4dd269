// The nominees of a dossier: reading them, the entry warnings (duplicate proposal, already
// received, the engine's verdict), saving them with their checklist, and the movement's
// standards as a checklist.
#include "core/dossiers/dossierrepository.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/domain/codes.h"
#include "core/domain/movement.h"
#include "core/dossiers/dossierrepository_p.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/eligibility/evaluator.h"
#include "core/error.h"
#include "core/proposals/workflowrows.h"
#include "core/registry/keys.h"
#include "core/registry/movementrepository.h"
#include "core/registry/rowwriter.h"
#include "core/registry/versioning.h"
#include "core/text/vntext.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace VinhDanh::Core::Workflow {

namespace {
using namespace DossierDetail;
using Eligibility::ConditionResult;
using Eligibility::Verdict;

QString selectSql()
{
    return QStringLiteral("SELECT n.id, n.dossier_id, n.position, n.person_id, n.unit_id, ") + Rows::subjectColumns()
           + QStringLiteral(", n.form_code, n.award_kind, n.summary, n.engine_verdict, n.rule_set, n.proceed_reason, "
                            "n.warnings, n.version FROM dossier_nominees n")
           + Rows::subjectJoins(QStringLiteral("n"));
}

QStringList warningsFromJson(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

QString warningsToJson(const QStringList &warnings)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(warnings)).toJson(QJsonDocument::Compact));
}

Nominee readNominee(const Query &q)
{
    Nominee n;
    n.id = q.id(0);
    n.dossierId = q.id(1);
    n.position = q.integer(2);
    n.personId = q.id(3);
    n.unitId = q.id(4);
    n.key = q.text(5);
    n.name = q.text(6);
    n.context = Rows::subjectContext(q, 5);
    n.formCode = q.text(10);
    n.awardKind = q.text(11);
    n.summary = q.text(12);
    n.engineVerdict = q.text(13);
    n.ruleSet = q.text(14);
    n.proceedReason = q.text(15);
    n.warnings = warningsFromJson(q.text(16));
    n.version = q.integer(17);
    return n;
}

/// Nominees selected by `condition` (binds :id), with their checklists, in dossier order.
QList<Nominee> readNominees(const Database &db, const QString &condition, qint64 id)
{
    Query q(db.sql(), selectSql() + QStringLiteral(" WHERE ") + condition + QStringLiteral(" ORDER BY n.position, n.id"));
    q.bind(QStringLiteral(":id"), id).exec();
    QList<Nominee> out;
    QHash<qint64, int> index;
    while (q.next()) {
        index.insert(q.id(0), int(out.size()));
        out << readNominee(q);
    }
    Query c(db.sql(), QStringLiteral("SELECT c.nominee_id, c.id, c.item_id, c.text, c.confirmed, c.evidence FROM nominee_checklist c "
                                     "JOIN dossier_nominees n ON n.id = c.nominee_id WHERE ")
                          + condition + QStringLiteral(" ORDER BY c.nominee_id, c.position, c.id"));
    c.bind(QStringLiteral(":id"), id).exec();
    while (c.next())
        if (const auto it = index.constFind(c.id(0)); it != index.constEnd())
            out[*it].checklist << ChecklistItem{c.id(1), c.text(2), c.text(3), c.integer(4) != 0, c.text(5)};
    return out;
}

struct FormInfo
{
    QString name;
    QString kind;       // title | certificate | order
    QString recipients; // individual | collective | both
    int repeatWindow = 1;
};

std::optional<FormInfo> formInfo(const Database &db, const QString &code)
{
    Query q(db.sql(), QStringLiteral("SELECT name, kind, recipients, repeat_window FROM award_forms WHERE code = :c"));
    q.bind(QStringLiteral(":c"), code).exec();
    if (!q.next())
        return std::nullopt;
    return FormInfo{q.text(0), q.text(1), q.text(2), std::max(1, q.integer(3))};
}

QString subjectName(const Database &db, const Nominee &n)
{
    return (n.isPerson() ? Lookup::column(db, "people", "full_name", n.personId) : Lookup::column(db, "units", "name", n.unitId))
        .toString();
}

void validateNominee(const Database &db, const Nominee &n, const std::optional<FormInfo> &form)
{
    if ((n.personId > 0) == (n.unitId > 0))
        throw Error(Tr::tr("Choose either a person or a unit as the nominee."));
    if (subjectName(db, n).isEmpty())
        throw Error(n.isPerson() ? Tr::tr("The nominee is not in the registry; add the person first.")
                                 : Tr::tr("The nominee is not in the registry; add the unit first."));
    if (!form)
        throw Error(Tr::tr("The award form \"%1\" is not known; choose one from the list.").arg(n.formCode));
    if (n.isPerson() && form->recipients == QLatin1String("collective"))
        throw Error(Tr::tr("%1 is awarded to collectives, not to individuals.").arg(form->name));
    if (!n.isPerson() && form->recipients == QLatin1String("individual"))
        throw Error(Tr::tr("%1 is awarded to individuals, not to collectives.").arg(form->name));
    if (!Codes::isValid(Codes::Set::AwardKind, n.awardKind))
        throw Error(Tr::tr("Unknown award kind \"%1\"; use one of: %2.").arg(n.awardKind, Codes::codesText(Codes::Set::AwardKind)));
    for (const ChecklistItem &c : n.checklist)
        if (Text::clean(c.text).isEmpty())
            throw Error(Tr::tr("A checklist line has no text; write the standard or remove the line."));
    if (const QStringList problems = checklistProblems(n.checklist); !problems.isEmpty())
        throw Error(problems.join(QLatin1Char(' ')));
}

/// Titles are always of the regular track; other forms proposed through a movement are
/// theo đợt (cong_trang, the default of a new nominee, is read as "not chosen" there).
QString defaultAwardKind(const Head &h, const Nominee &n, const FormInfo &form)
{
    if (form.kind == QLatin1String("title"))
        return QStringLiteral("cong_trang");
    if (h.movementId > 0 && (n.awardKind.isEmpty() || n.awardKind == QLatin1String("cong_trang")))
        return QStringLiteral("theo_dot");
    return n.awardKind.isEmpty() ? QStringLiteral("cong_trang") : n.awardKind;
}

int unmetLeaves(const ConditionResult &r)
{
    if (r.state != Verdict::NotEligible)
        return 0;
    if (r.children.isEmpty())
        return 1;
    int n = 0;
    for (const ConditionResult &c : r.children)
        n += unmetLeaves(c);
    return std::max(n, 1);
}

/// What is missing, in the engine's words. A group whose children all fail may be a choice
/// (any-of): then only the branch closest to being met is shown, not every alternative.
void collectMissing(const ConditionResult &r, QStringList &out)
{
    if (r.state != Verdict::NotEligible)
        return;
    QList<const ConditionResult *> failing;
    for (const ConditionResult &c : r.children)
        if (c.state == Verdict::NotEligible)
            failing << &c;
    if (failing.isEmpty()) {
        const QString text = r.explanation.isEmpty() ? r.description : r.explanation;
        if (!text.isEmpty() && !out.contains(text))
            out << text;
        return;
    }
    if (failing.size() == r.children.size() && failing.size() > 1) {
        const ConditionResult *best = failing.first();
        for (const ConditionResult *c : failing)
            if (unmetLeaves(*c) < unmetLeaves(*best))
                best = c;
        failing = {best};
    }
    for (const ConditionResult *c : failing)
        collectMissing(*c, out);
}

QString ruleSetText(const Eligibility::Result &r)
{
    return QStringLiteral("%1 v%2").arg(r.ruleSet.id).arg(r.ruleSet.version);
}

/// The entry warnings and, when the form has a rule, the engine's answer.
struct EntryCheck
{
    QList<EntryWarning> warnings;
    std::optional<Eligibility::Result> result;
};

void addDuplicates(Database &db, const Head &h, const Nominee &n, const QString &name, EntryCheck &out)
{
    const QString column = n.isPerson() ? QStringLiteral("person_id") : QStringLiteral("unit_id");
    const QString track = h.movementId > 0 ? QStringLiteral("d.movement_id = :m AND d.occasion = :o")
                                           : QStringLiteral("d.movement_id IS NULL");
    Query q(db.sql(), QStringLiteral("SELECT d.title, d.ext_key, d.status, f.name FROM dossier_nominees n "
                                     "JOIN dossiers d ON d.id = n.dossier_id JOIN award_forms f ON f.code = n.form_code "
                                     "WHERE n.%1 = :s AND n.id <> :n AND d.year = :y AND %2 ORDER BY d.id, n.id")
                          .arg(column, track));
    q.bind(QStringLiteral(":s"), n.isPerson() ? n.personId : n.unitId)
        .bind(QStringLiteral(":n"), n.id)
        .bind(QStringLiteral(":y"), h.year);
    if (h.movementId > 0)
        q.bind(QStringLiteral(":m"), h.movementId).bind(QStringLiteral(":o"), h.occasion);
    q.exec();
    while (q.next()) {
        EntryWarning w;
        w.kind = EntryWarning::Kind::DuplicateInMovement;
        w.message = Tr::tr("%1 is already proposed for %2 in the dossier \"%3\" (%4, %5).")
                        .arg(name, q.text(3), q.text(0), q.text(1), statusLabel(statusFromCode(q.text(2))).toLower());
        out.warnings << w;
    }
}

void addAlreadyReceived(Database &db, const Head &h, const Nominee &n, const QString &name, const FormInfo &form, EntryCheck &out)
{
    const QString column = n.isPerson() ? QStringLiteral("person_id") : QStringLiteral("unit_id");
    Query q(db.sql(), QStringLiteral("SELECT year, decision_no FROM awards WHERE %1 = :s AND form_code = :f "
                                     "AND year BETWEEN :from AND :to ORDER BY year DESC, id DESC")
                          .arg(column));
    q.bind(QStringLiteral(":s"), n.isPerson() ? n.personId : n.unitId)
        .bind(QStringLiteral(":f"), n.formCode)
        .bind(QStringLiteral(":from"), h.year - form.repeatWindow + 1)
        .bind(QStringLiteral(":to"), h.year)
        .exec();
    while (q.next()) {
        EntryWarning w;
        w.kind = EntryWarning::Kind::AlreadyReceived;
        const QString received =
            q.text(1).isEmpty()
                ? Tr::tr("%1 already received %2 in %3").arg(name, form.name).arg(q.integer(0))
                : Tr::tr("%1 already received %2 in %3 (decision %4)").arg(name, form.name).arg(q.integer(0)).arg(q.text(1));
        w.message = Tr::tr("%1; the same form is not given again within %n year(s).", nullptr, form.repeatWindow).arg(received);
        out.warnings << w;
    }
}

void addVerdict(Database &db, const Head &h, const Nominee &n, const QString &name, EntryCheck &out)
{
    out.result = Eligibility::Service(db).evaluateIfRuled(requestFor(h, n));
    if (!out.result)
        return; // no rule for this form (e.g. HCLD_2): the appraiser judges it by hand
    const Eligibility::Result &r = *out.result;
    EntryWarning w;
    w.result = r;
    if (r.verdict == Verdict::NotEligible) {
        QStringList missing;
        for (const ConditionResult &c : r.conditions)
            collectMissing(c, missing);
        w.kind = EntryWarning::Kind::NotEligible;
        // The rule set by its title: its id is for scripts, not for the clerk who reads this.
        w.message = Tr::tr("The eligibility check (%1, version %2) finds %3 not eligible for %4 in %5: %6.")
                        .arg(r.ruleSet.title)
                        .arg(r.ruleSet.version)
                        .arg(name, r.awardName)
                        .arg(h.year)
                        .arg(missing.join(QStringLiteral("; ")));
    } else if (r.verdict == Verdict::NeedsReview) {
        w.kind = EntryWarning::Kind::NeedsReview;
        w.message = Tr::tr("%1 for %2 in %3 needs checking by hand: %4")
                        .arg(r.awardName, name)
                        .arg(h.year)
                        .arg(r.checklist.join(QStringLiteral("; ")));
    } else {
        return;
    }
    out.warnings << w;
}

/// A movement's plan lists the forms it offers at each occasion (sơ kết: Bằng khen tỉnh…): a
/// form it does not list there is refused unless the clerk gives a reason. A plan that lists
/// nothing for the occasion says nothing either way.
void addNotOffered(Database &db, const Head &h, const Nominee &n, const FormInfo &form, EntryCheck &out)
{
    if (h.movementId <= 0)
        return;
    const std::optional<Movement> m = MovementRepository(db).get(h.movementId);
    if (!m)
        return;
    QStringList offered;
    for (const MovementAward &a : m->awards)
        if (a.occasion == h.occasion)
            offered << a.awardCodes;
    if (offered.isEmpty() || offered.contains(n.formCode))
        return;
    QStringList names;
    for (const QString &code : std::as_const(offered)) {
        const std::optional<FormInfo> f = formInfo(db, code);
        const QString name = f ? f->name : code;
        if (!names.contains(name))
            names << name;
    }
    EntryWarning w;
    w.kind = EntryWarning::Kind::NotOffered;
    w.message = Tr::tr("The movement \"%1\" does not offer %2 for the occasion \"%3\"; for it, it offers: %4.")
                    .arg(m->name, form.name, Codes::label(Codes::Set::Occasion, h.occasion), names.join(QStringLiteral(", ")));
    out.warnings << w;
}

EntryCheck entryCheck(Database &db, const Head &h, const Nominee &n)
{
    EntryCheck out;
    const std::optional<FormInfo> form = formInfo(db, n.formCode);
    if ((n.personId > 0) == (n.unitId > 0) || !form)
        return out;
    const QString name = subjectName(db, n);
    addNotOffered(db, h, n, *form, out);
    addDuplicates(db, h, n, name, out);
    addAlreadyReceived(db, h, n, name, *form, out);
    addVerdict(db, h, n, name, out);
    return out;
}

void writeChecklist(Database &db, qint64 nomineeId, const QList<ChecklistItem> &items)
{
    Query(db.sql(), QStringLiteral("DELETE FROM nominee_checklist WHERE nominee_id = :n"))
        .bind(QStringLiteral(":n"), nomineeId)
        .exec();
    for (int i = 0; i < items.size(); ++i) {
        const ChecklistItem &c = items.at(i);
        Query(db.sql(), QStringLiteral("INSERT INTO nominee_checklist (nominee_id, position, item_id, text, confirmed, evidence) "
                                       "VALUES (:n, :pos, :item, :text, :confirmed, :evidence)"))
            .bind(QStringLiteral(":n"), nomineeId)
            .bind(QStringLiteral(":pos"), i + 1)
            .bind(QStringLiteral(":item"), c.itemId.isEmpty() ? QStringLiteral("clerk-%1").arg(i + 1) : c.itemId)
            .bind(QStringLiteral(":text"), Text::clean(c.text))
            .bind(QStringLiteral(":confirmed"), c.confirmed ? 1 : 0)
            .bindOptional(QStringLiteral(":evidence"), Text::clean(c.evidence))
            .exec();
    }
}
} // namespace

QList<Nominee> DossierRepository::nominees(qint64 dossierId) const
{
    return readNominees(m_db, QStringLiteral("n.dossier_id = :id"), dossierId);
}

Nominee DossierRepository::nominee(qint64 nomineeId) const
{
    const QList<Nominee> found = readNominees(m_db, QStringLiteral("n.id = :id"), nomineeId);
    if (found.isEmpty())
        throw Error(Tr::tr("The nominee no longer exists; someone else may have removed it from the dossier."));
    return found.first();
}

QList<EntryWarning> DossierRepository::warningsFor(const Dossier &dossier, const Nominee &nominee) const
{
    return entryCheck(m_db, headOf(dossier), nominee).warnings;
}

const RowWriter &DossierRepository::nomineeRows()
{
    static const RowWriter writer(u"INSERT INTO dossier_nominees (dossier_id, position, person_id, unit_id, form_code, award_kind, "
                                  u"summary, engine_verdict, rule_set, proceed_reason, warnings)");
    return writer;
}

qint64 DossierRepository::saveNominee(Nominee &n)
{
    n.summary = Text::clean(n.summary);
    n.proceedReason = Text::clean(n.proceedReason);
    Transaction tx(m_db.sql());
    const Head h = n.id > 0 ? headOfNominee(m_db, n.id) : head(m_db, n.dossierId);
    if (n.dossierId > 0 && n.dossierId != h.id)
        throw Error(Tr::tr("A nominee cannot be moved to another dossier; remove it here and add it there."));
    n.dossierId = h.id;
    if (n.id == 0 && m_db.backend() == Backend::Postgres) {
        // Two clerks adding to one dossier at once would read the same max(position) and the
        // same "already proposed" answer: the dossier's row lock makes the second wait for the
        // first to commit. (On SQLite, BEGIN IMMEDIATE already lets one writer in at a time.)
        Query(m_db.sql(), QStringLiteral("SELECT id FROM dossiers WHERE id = :d FOR UPDATE")).bind(QStringLiteral(":d"), h.id).exec();
    }
    requireEdit(m_db, h);
    requireEditable(h);
    // A clerk proposes only people and units of their own subtree, even into their own dossier.
    if (n.personId > 0)
        Permissions::requireVisiblePerson(m_db, n.personId);
    else if (n.unitId > 0)
        Permissions::requireVisibleUnit(m_db, n.unitId);
    const std::optional<FormInfo> form = formInfo(m_db, n.formCode);
    n.awardKind = form ? defaultAwardKind(h, n, *form) : n.awardKind;
    validateNominee(m_db, n, form);
    if (n.id == 0 && n.checklist.isEmpty())
        n.checklist = standardChecklist(dossier(h.id), n);

    const EntryCheck check = entryCheck(m_db, h, n);
    QStringList warnings;
    for (const EntryWarning &w : check.warnings) {
        warnings << w.message;
        if (w.blocksWithoutReason() && n.proceedReason.isEmpty())
            throw Error(Tr::tr("%1 To propose the nominee anyway, give the reason (it is kept for the appraiser).").arg(w.message));
    }
    n.engineVerdict = check.result ? Eligibility::verdictCode(check.result->verdict) : QString();
    n.ruleSet = check.result ? ruleSetText(*check.result) : QString();
    n.warnings = warnings;

    const QString columns = QStringLiteral(
        "person_id = :person, unit_id = :unit, form_code = :form, award_kind = :kind, summary = :summary, "
        "engine_verdict = :verdict, rule_set = :rules, proceed_reason = :proceed, warnings = :warnings");
    const bool insert = n.id == 0;
    if (insert)
        n.position = Query(m_db.sql(),
                           QStringLiteral("SELECT COALESCE(max(position), 0) + 1 FROM dossier_nominees WHERE dossier_id = :d"))
                         .bind(QStringLiteral(":d"), h.id)
                         .scalar(1)
                         .toInt();
    Query q(m_db.sql(), insert
                            ? nomineeRows().values({},
                                                   u":dossier, :position, :person, :unit, :form, :kind, :summary, :verdict, :rules, "
                                                   u":proceed, :warnings",
                                                   QStringLiteral("RETURNING id"))
                            : QStringLiteral("UPDATE dossier_nominees SET ") + columns
                                  + QStringLiteral(", version = version + 1 WHERE id = :id AND version = :version"));
    q.bindOptional(QStringLiteral(":person"), n.personId)
        .bindOptional(QStringLiteral(":unit"), n.unitId)
        .bind(QStringLiteral(":form"), n.formCode)
        .bind(QStringLiteral(":kind"), n.awardKind)
        .bindOptional(QStringLiteral(":summary"), n.summary)
        .bindOptional(QStringLiteral(":verdict"), n.engineVerdict)
        .bindOptional(QStringLiteral(":rules"), n.ruleSet)
        .bindOptional(QStringLiteral(":proceed"), n.proceedReason)
        .bind(QStringLiteral(":warnings"), warningsToJson(warnings));
    if (insert) {
        q.bind(QStringLiteral(":dossier"), h.id).bind(QStringLiteral(":position"), n.position);
        n.id = q.insertReturningId();
        n.version = 1;
    } else {
        q.bind(QStringLiteral(":id"), n.id).bind(QStringLiteral(":version"), n.version).exec();
        Versioning::checkUpdated(m_db, q, QStringLiteral("dossier_nominees"), n.id,
                                 Tr::tr("The nominee no longer exists; someone else may have removed it from the dossier."));
        ++n.version;
        // Changed after an appraisal (a dossier returned for supplement): it is appraised again.
        Query(m_db.sql(), QStringLiteral("DELETE FROM nominee_appraisals WHERE nominee_id = :n"))
            .bind(QStringLiteral(":n"), n.id)
            .exec();
    }
    writeChecklist(m_db, n.id, n.checklist);
    tx.commit();
    return n.id;
}

void DossierRepository::removeNominee(qint64 nomineeId)
{
    Transaction tx(m_db.sql());
    const Head h = headOfNominee(m_db, nomineeId);
    requireEdit(m_db, h);
    requireEditable(h);
    for (const char *sql :
         {"DELETE FROM nominee_checklist WHERE nominee_id = :n", "DELETE FROM nominee_appraisals WHERE nominee_id = :n",
          "DELETE FROM dossier_attachments WHERE nominee_id = :n", "DELETE FROM dossier_nominees WHERE id = :n"})
        Query(m_db.sql(), QString::fromLatin1(sql)).bind(QStringLiteral(":n"), nomineeId).exec();
    tx.commit();
}

QList<ChecklistItem> DossierRepository::standardChecklist(const Dossier &dossier, const Nominee &nominee) const
{
    if (dossier.movementId <= 0 || nominee.formCode.isEmpty() || (nominee.personId > 0) == (nominee.unitId > 0))
        return {};
    const std::optional<Movement> movement = MovementRepository(m_db).get(dossier.movementId);
    if (!movement)
        return {};
    // The engine's own movement-standards node, so the item ids are the ids its confirmations use.
    const Eligibility::Registry registry = nominee.isPerson() ? Eligibility::loadPerson(m_db, nominee.personId)
                                                              : Eligibility::loadUnit(m_db, nominee.unitId);
    const Eligibility::SubjectHistory &subject = nominee.isPerson() ? *registry.people.constFind(nominee.personId)
                                                                    : *registry.units.constFind(nominee.unitId);
    const QMap<QString, QString> none;
    const Eligibility::Context ctx{registry,
                                   subject,
                                   dossier.year,
                                   nominee.formCode,
                                   none,
                                   Eligibility::Mode::Normal,
                                   true,
                                   &*movement,
                                   dossier.occasion,
                                   0,
                                   0,
                                   subject.cutoff(dossier.year)};
    QList<ChecklistItem> out;
    for (const ConditionResult &c : Eligibility::movementStandards(QStringLiteral("movement"), ctx).children)
        out << ChecklistItem{0, c.id, c.description, false, {}};
    return out;
}

QStringList checklistProblems(const QList<ChecklistItem> &checklist)
{
    QStringList out;
    for (const ChecklistItem &item : checklist)
        if (item.confirmed && Text::clean(item.evidence).isEmpty())
            out << Tr::tr("Standard “%1” is ticked without evidence: write the evidence note, or untick it.")
                       .arg(Text::clean(item.text));
    return out;
}

namespace DossierDetail {

Eligibility::Request requestFor(const Head &h, const Nominee &n)
{
    Eligibility::Request r;
    r.personId = n.personId;
    r.unitId = n.unitId;
    r.awardCode = n.formCode;
    r.year = h.year;
    r.movementId = h.movementId;
    r.occasion = h.occasion;
    for (const ChecklistItem &c : n.checklist)
        if (c.confirmed)
            // No note only in a check made while the clerk is still typing it (saving refuses a
            // tick without one: checklistProblems) or on a nominee saved before that rule.
            r.confirmations.insert(c.itemId, c.evidence.trimmed().isEmpty()
                                                 // Spelled out: lupdate cannot follow Tr:: past the
                                                 // Eligibility:: qualifier above and files it elsewhere.
                                                 ? QCoreApplication::translate("Workflow", "confirmed on the checklist")
                                                 : c.evidence);
    return r;
}

Head headOf(const Dossier &d)
{
    return {d.id, d.unitId, d.movementId, d.occasion, d.year, d.title, d.status};
}

} // namespace DossierDetail

} // namespace VinhDanh::Core::Workflow
