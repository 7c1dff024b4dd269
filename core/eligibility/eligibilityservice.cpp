#include "core/eligibility/eligibilityservice.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/eligibility/evaluator.h"
#include "core/eligibility/rulesetdiff.h"
#include "core/eligibility/rulesets.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <sodium.h>

#include <algorithm>

namespace VinhDanh::Core::Eligibility {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Eligibility)
};
} // namespace

QString verdictCode(Verdict v)
{
    switch (v) {
    case Verdict::Eligible: return QStringLiteral("eligible");
    case Verdict::NotEligible: return QStringLiteral("not_eligible");
    case Verdict::NeedsReview: return QStringLiteral("needs_review");
    }
    return {};
}

QString verdictLabel(Verdict v)
{
    switch (v) {
    case Verdict::Eligible: return Tr::tr("Eligible");
    case Verdict::NotEligible: return Tr::tr("Not eligible");
    case Verdict::NeedsReview: return Tr::tr("Needs review");
    }
    return {};
}

QString outcomeCode(Outcome o)
{
    switch (o) {
    case Outcome::Eligible: return QStringLiteral("eligible");
    case Outcome::AwaitingConfirmation: return QStringLiteral("awaiting_confirmation");
    case Outcome::NotEligible: return QStringLiteral("not_eligible");
    case Outcome::MissingData: return QStringLiteral("missing_data");
    }
    return {};
}

QString outcomeLabel(Outcome o)
{
    switch (o) {
    case Outcome::Eligible: return Tr::tr("Eligible");
    case Outcome::AwaitingConfirmation: return Tr::tr("Eligible on the records, awaiting confirmation");
    case Outcome::NotEligible: return Tr::tr("Not eligible");
    case Outcome::MissingData: return Tr::tr("Missing data");
    }
    return {};
}

Outcome outcomeOf(Verdict v)
{
    switch (v) {
    case Verdict::Eligible: return Outcome::Eligible;
    case Verdict::NeedsReview: return Outcome::AwaitingConfirmation;
    case Verdict::NotEligible: return Outcome::NotEligible;
    }
    return Outcome::NotEligible;
}

QString Confirmation::sourceCode() const
{
    switch (source) {
    case Source::None: return {};
    case Source::Request: return QStringLiteral("request");
    case Source::Saved: return QStringLiteral("eligibility");
    case Source::Dossier: return QStringLiteral("dossier");
    }
    return {};
}

Service::Service(Database &db) : m_db(db) {}

Service::~Service() = default;

QList<RuleSetInfo> Service::ruleSets() const
{
    QList<RuleSetInfo> out;
    for (const RuleSet &s : RuleSets::all(m_db))
        out << s.info;
    return out;
}

RuleSetInfo Service::ruleSetInForce(const QDate &date) const
{
    return RuleSets::inForce(m_db, date).info;
}

std::optional<RuleSetInfo> Service::findRuleSetInForce(const QDate &date) const
{
    if (std::optional<RuleSet> set = RuleSets::findInForce(m_db, date))
        return set->info;
    return std::nullopt;
}

namespace {
/// The registry slice and the subject a request is about.
struct Loaded
{
    Registry registry;
    qint64 personId = 0;
    qint64 unitId = 0;
    const SubjectHistory &subject() const
    {
        return personId ? *registry.people.constFind(personId) : *registry.units.constFind(unitId);
    }
};

Loaded loadFor(const Database &db, qint64 personId, qint64 unitId)
{
    if ((personId > 0) == (unitId > 0))
        throw Error(Tr::tr("Choose either a person or a unit to check."));
    // A clerk checks the people and units of their own subtree only (CLI check, the GUI tab).
    if (personId)
        Permissions::requireVisiblePerson(db, personId);
    else
        Permissions::requireVisibleUnit(db, unitId);
    Loaded l;
    l.registry = personId ? loadPerson(db, personId) : loadUnit(db, unitId);
    l.personId = personId;
    l.unitId = unitId;
    return l;
}

std::optional<Movement> movementFor(Database &db, qint64 movementId)
{
    if (!movementId)
        return std::nullopt;
    auto m = MovementRepository(db).get(movementId);
    if (!m)
        throw Error(Tr::tr("There is no movement with the id %1.").arg(movementId));
    return m;
}

/// The notes the engine reads: the saved ones, then the request's own over them.
QMap<QString, QString> notesFor(const QMap<QString, Confirmation> &given, const QMap<QString, QString> &requested)
{
    QMap<QString, QString> notes;
    for (auto it = given.begin(); it != given.end(); ++it)
        notes.insert(it.key(), it->note);
    for (auto it = requested.begin(); it != requested.end(); ++it)
        notes.insert(it.key(), it.value());
    return notes;
}

/// The evaluator marks what a note confirmed as given with the request; name who, when and
/// where for the notes that came from the store.
void nameConfirmations(QList<ConditionResult> &conditions, const QMap<QString, Confirmation> &given,
                       const QMap<QString, QString> &requested)
{
    for (ConditionResult &c : conditions) {
        if (c.confirmation.isSet() && !requested.contains(c.id)) {
            const auto it = given.constFind(c.id);
            if (it != given.constEnd())
                c.confirmation = *it;
        }
        nameConfirmations(c.children, given, requested);
    }
}

Result notForKind(const RuleSet &set, const QString &code, const QString &name, bool collective)
{
    Result r;
    r.verdict = Verdict::NotEligible;
    r.awardCode = code;
    r.awardName = name;
    r.ruleSet = set.info;
    ConditionResult c;
    c.id = QStringLiteral("recipient");
    c.description = Tr::tr("Who can receive it");
    // Named as the clerk knows them: the form's name and the rule set's title, not their codes.
    c.explanation = collective ? Tr::tr("%1 is not awarded to collectives under %2").arg(name, set.info.title)
                               : Tr::tr("%1 is not awarded to individuals under %2").arg(name, set.info.title);
    r.conditions << c;
    return r;
}
} // namespace

namespace {
QDate evaluationDate(const Request &request)
{
    if (request.year < 1945 || request.year > 2100)
        throw Error(Tr::tr("The year %1 is out of range.").arg(request.year));
    return request.evaluationDate.isValid() ? request.evaluationDate : QDate(request.year, 12, 31);
}
} // namespace

Result Service::evaluate(const Request &request) const
{
    if (std::optional<Result> result = evaluateIfRuled(request))
        return std::move(*result);
    // No rule: say which is missing, the rule set (inForce names the date) or its rule.
    const RuleSet set = RuleSets::inForce(m_db, evaluationDate(request));
    throw Error(Tr::tr("The rule set \"%1\" has no rule for the award code \"%2\" (see docs/award-codes.md).")
                    .arg(set.info.title, request.awardCode));
}

std::optional<Result> Service::evaluateIfRuled(const Request &request) const
{
    const std::optional<RuleSet> found = RuleSets::findInForce(m_db, evaluationDate(request));
    if (!found)
        return std::nullopt;
    const RuleSet &set = *found;
    const Loaded l = loadFor(m_db, request.personId, request.unitId);
    const bool collective = l.subject().isUnit;
    const AwardRule *rule = set.rule(request.awardCode, collective);
    if (!rule) {
        if (!set.codes().contains(request.awardCode))
            return std::nullopt;
        return notForKind(set, request.awardCode, l.registry.formNames.value(request.awardCode, request.awardCode), collective);
    }
    const std::optional<Movement> movement = movementFor(m_db, request.movementId);
    EvalOptions o;
    o.year = request.year;
    o.movement = movement ? &*movement : nullptr;
    o.occasion = request.occasion;
    const QMap<QString, Confirmation> given = request.savedConfirmations
                                                  ? forAward(ConfirmationRepository(m_db).effective({request.personId, request.unitId},
                                                                                                    request.year, request.movementId),
                                                             rule->code)
                                                  : QMap<QString, Confirmation>();
    o.confirmations = notesFor(given, request.confirmations);
    Result result = evaluateRule(set, *rule, l.registry, l.subject(), o);
    nameConfirmations(result.conditions, given, request.confirmations);
    return result;
}

QList<Result> Service::evaluateAll(qint64 personId, qint64 unitId, int year, qint64 movementId, const QString &occasion) const
{
    const RuleSet set = RuleSets::inForce(m_db, QDate(year, 12, 31));
    const Loaded l = loadFor(m_db, personId, unitId);
    const std::optional<Movement> movement = movementFor(m_db, movementId);
    const GivenConfirmations given = ConfirmationRepository(m_db).effective({personId, unitId}, year, movementId);
    EvalOptions o;
    o.year = year;
    o.movement = movement ? &*movement : nullptr;
    o.occasion = occasion;
    QList<Result> out;
    for (const AwardRule &rule : set.rules) {
        if ((rule.recipients == QLatin1String("collective")) != l.subject().isUnit)
            continue;
        const QMap<QString, Confirmation> mine = forAward(given, rule.code);
        o.confirmations = notesFor(mine, {});
        out << evaluateRule(set, rule, l.registry, l.subject(), o);
        nameConfirmations(out.back().conditions, mine, {});
    }
    return out;
}

namespace {
/// The leaves of a trace a clerk may confirm: a movement's own standards and whatever the
/// engine leaves to review (judgements, standards the notes mark unconfirmed).
void confirmable(const QList<ConditionResult> &conditions, QList<const ConditionResult *> &out)
{
    for (const ConditionResult &c : conditions) {
        if (c.children.isEmpty() && !c.id.isEmpty()
            && (ConfirmationRepository::isMovementItem(c.id) || c.state == Verdict::NeedsReview))
            out << &c;
        confirmable(c.children, out);
    }
}
} // namespace

SavedConfirmation Service::confirm(const Request &request, const QString &itemId, bool confirmed, const QString &note,
                                   int expectedVersion)
{
    if (request.personId > 0)
        Permissions::requireVisiblePerson(m_db, request.personId);
    else if (request.unitId > 0)
        Permissions::requireVisibleUnit(m_db, request.unitId);
    if (confirmed) {
        // Only what the check leaves to the clerk can be confirmed: judged on the bare registry.
        Request bare = request;
        bare.confirmations.clear();
        bare.savedConfirmations = false;
        const Result r = evaluate(bare);
        QList<const ConditionResult *> items;
        confirmable(r.conditions, items);
        const bool found = std::any_of(items.begin(), items.end(), [&](const ConditionResult *c) { return c->id == itemId; });
        if (!found) {
            QStringList ids;
            for (const ConditionResult *c : items)
                if (!ids.contains(c->id))
                    ids << c->id;
            throw Error(ids.isEmpty()
                            ? Tr::tr("The check of %1 for %2 leaves nothing to confirm by hand.").arg(r.awardName).arg(request.year)
                            : Tr::tr("The check of %1 for %2 has no item \"%3\" to confirm; the items to confirm are: %4.")
                                  .arg(r.awardName)
                                  .arg(request.year)
                                  .arg(itemId, ids.join(QStringLiteral(", "))));
        }
    }
    ConfirmationKey key;
    key.subject = {request.personId, request.unitId};
    key.awardCode = request.awardCode;
    key.year = request.year;
    key.movementId = request.movementId;
    key.itemId = itemId;
    return ConfirmationRepository(m_db).save(key, confirmed, note, expectedVersion);
}

QString Service::sha256Hex(const QByteArray &data)
{
    if (sodium_init() < 0)
        throw Error(Tr::tr("The hashing library could not start."));
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(data.constData()), quint64(data.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex());
}

RuleSetInfo Service::importRuleSet(const QString &path)
{
    // Refused before the file is even read: a clerk learns nothing and changes nothing.
    Permissions::require(m_db, Permissions::Action::ManageRuleSets);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("Cannot read the rule-set file \"%1\".").arg(path), file.errorString());
    const QByteArray text = file.readAll();
    RuleSet set = parseRuleSet(text, QFileInfo(path).fileName());
    for (const RuleSet &s : RuleSets::all(m_db))
        if (s.info.id == set.info.id && s.info.version == set.info.version)
            throw Error(Tr::tr("The rule set %1 version %2 is already present; give the new file a higher version.")
                            .arg(set.info.id)
                            .arg(set.info.version));
    // The row is the audit entry (rule_sets is audited): who, when, the hash of the very bytes
    // read, and the content itself.
    Transaction tx(m_db.sql());
    Query(m_db.sql(), QStringLiteral("INSERT INTO rule_sets (set_id, version, title, effective_from, content, imported_at, "
                                     "source_sha256, imported_by) VALUES (:id, :v, :t, :f, :c, :at, :sha, :by)"))
        .bind(QStringLiteral(":id"), set.info.id)
        .bind(QStringLiteral(":v"), set.info.version)
        .bind(QStringLiteral(":t"), set.info.title)
        .bind(QStringLiteral(":f"), set.info.effectiveFrom.toString(Qt::ISODate))
        .bind(QStringLiteral(":c"), QString::fromUtf8(text))
        .bind(QStringLiteral(":at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
        .bind(QStringLiteral(":sha"), sha256Hex(text))
        .bindOptional(QStringLiteral(":by"), m_db.actorName())
        .exec();
    tx.commit();
    set.info.builtIn = false;
    return set.info;
}

QStringList Service::ruleSetChanges(const QString &id, int version) const
{
    const QList<RuleSet> sets = RuleSets::all(m_db);
    const RuleSet *current = nullptr, *previous = nullptr;
    for (const RuleSet &s : sets) {
        if (s.info.id != id)
            continue;
        if (s.info.version == version)
            current = &s;
        else if (s.info.version < version && (!previous || s.info.version > previous->info.version))
            previous = &s;
    }
    if (!current)
        throw Error(Tr::tr("There is no rule set %1 version %2.").arg(id).arg(version));
    if (!previous)
        return {Tr::tr("the first version of this rule set")};
    QStringList out = describeChanges(*previous, *current);
    if (out.isEmpty())
        out << Tr::tr("the same standards as version %1").arg(previous->info.version);
    else
        out.prepend(Tr::tr("against version %1:").arg(previous->info.version));
    return out;
}

void Service::retireRuleSet(const QString &setId, int version)
{
    Permissions::require(m_db, Permissions::Action::ManageRuleSets);
    Transaction tx(m_db.sql());
    Query q(m_db.sql(), QStringLiteral("SELECT retired_at FROM rule_sets WHERE set_id = :id AND version = :v"));
    q.bind(QStringLiteral(":id"), setId).bind(QStringLiteral(":v"), version).exec();
    if (!q.next()) {
        for (const RuleSetInfo &s : ruleSets())
            if (s.id == setId && s.version == version)
                throw Error(Tr::tr("The rule set %1 version %2 is built into the program and cannot be retired; import a "
                                   "newer version to replace it.")
                                .arg(setId)
                                .arg(version));
        throw Error(Tr::tr("There is no imported rule set %1 version %2.").arg(setId).arg(version));
    }
    if (!q.value(0).isNull())
        throw Error(Tr::tr("The rule set %1 version %2 was already retired on %3.").arg(setId).arg(version).arg(q.text(0)));
    q.raw().finish();
    Query(m_db.sql(), QStringLiteral("UPDATE rule_sets SET retired_at = :at WHERE set_id = :id AND version = :v"))
        .bind(QStringLiteral(":at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
        .bind(QStringLiteral(":id"), setId)
        .bind(QStringLiteral(":v"), version)
        .exec();
    tx.commit();
}

QList<ImportedRuleSet> Service::importedRuleSets() const
{
    Query q(m_db.sql(), QStringLiteral("SELECT set_id, version, source_sha256, imported_by, imported_at, retired_at "
                                       "FROM rule_sets ORDER BY id"));
    q.exec();
    QList<ImportedRuleSet> out;
    while (q.next())
        out.append({q.text(0), q.integer(1), q.text(2), q.text(3), q.text(4), q.text(5)});
    return out;
}

} // namespace VinhDanh::Core::Eligibility
