// Evaluates one award rule for one nominee and year: the set's common conditions, the rule's
// tree, the movement's own standards; then the verdict, the clerk's checklist, the headline
// progress and the earliest year the registry-backed standards could be met.
#include "core/eligibility/evaluator.h"

#include "core/domain/codes.h"
#include "core/domain/movement.h"

#include <QCoreApplication>

namespace VinhDanh::Core::Eligibility {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Eligibility)
};

void collectChecklist(const ConditionResult &r, QStringList &out)
{
    if (r.state != Verdict::NeedsReview)
        return;
    if (r.children.isEmpty()) {
        const QString item = r.explanation.isEmpty() ? r.description : r.description + QStringLiteral(": ") + r.explanation;
        if (!out.contains(item))
            out << item;
        return;
    }
    for (const ConditionResult &c : r.children)
        collectChecklist(c, out);
}

bool holds(const ConditionResult &r, const QString &id)
{
    if (id.isEmpty())
        return false;
    if (r.id == id)
        return true;
    return std::any_of(r.children.begin(), r.children.end(), [&](const ConditionResult &c) { return holds(c, id); });
}

/// How near a counted condition is to passing, 0…1 (met and not a count: 1).
double closeness(const ConditionResult &r)
{
    if (r.progressNeeded <= 0)
        return r.state == Verdict::Eligible ? 1.0 : 0.0;
    return double(std::min(r.progressDone, r.progressNeeded)) / r.progressNeeded;
}

// The headline progress walks the rule's tree beside its trace (the trace alone does not say
// which node is an any-of): an any-of shows the branch that passed or else the one closest to
// passing; an all-of shows its bottleneck: the part furthest from passing among those not met,
// else among those needing review. `preferred` (the rule's "progress") breaks ties and names
// the all-of's headline once nothing is unmet.
const ConditionResult *headline(const Condition *c, const ConditionResult &r, const QString &preferred);

struct Part
{
    const Condition *condition; // nullptr: a node that is not in the rule's tree (the movement's standards)
    const ConditionResult *result;
};

const ConditionResult *headlineOfAll(const QList<Part> &parts, const QString &preferred)
{
    // What fails outright blocks more than what waits for the clerk: not met first, then needs
    // review; within each, the part furthest from passing.
    for (const Verdict tier : {Verdict::NotEligible, Verdict::NeedsReview}) {
        const ConditionResult *best = nullptr;
        bool bestIsPreferred = false;
        double bestScore = 2.0;
        for (const Part &p : parts) {
            if (p.result->state != tier || p.result->notApplicable)
                continue;
            const ConditionResult *h = headline(p.condition, *p.result, preferred);
            if (!h)
                continue;
            const bool isPreferred = holds(*p.result, preferred);
            const double score = closeness(*h);
            if (score < bestScore || (score == bestScore && isPreferred && !bestIsPreferred)) {
                best = h;
                bestScore = score;
                bestIsPreferred = isPreferred;
            }
        }
        if (best)
            return best;
    }
    // Nothing unmet has a count: the rule's own headline, else the first count.
    const ConditionResult *first = nullptr;
    for (const Part &p : parts) {
        const ConditionResult *h = headline(p.condition, *p.result, preferred);
        if (h && holds(*p.result, preferred))
            return h;
        if (h && !first)
            first = h;
    }
    return first;
}

const ConditionResult *headlineOfAny(const QList<Part> &parts, const QString &preferred)
{
    for (const Part &p : parts)
        if (p.result->state == Verdict::Eligible)
            return headline(p.condition, *p.result, preferred); // the branch that passed, counted or not
    const ConditionResult *best = nullptr;
    bool bestIsPreferred = false;
    double bestScore = -1.0;
    for (const Part &p : parts) {
        if (p.result->notApplicable)
            continue;
        const ConditionResult *h = headline(p.condition, *p.result, preferred);
        if (!h)
            continue;
        const bool isPreferred = holds(*p.result, preferred);
        const double score = closeness(*h);
        if (score > bestScore || (score == bestScore && isPreferred && !bestIsPreferred)) {
            best = h;
            bestScore = score;
            bestIsPreferred = isPreferred;
        }
    }
    return best;
}

const ConditionResult *headline(const Condition *c, const ConditionResult &r, const QString &preferred)
{
    const bool ownCount = !r.progress.isEmpty();
    // A count that is complete while the node is not met (5/5 years after the Bằng khen, but
    // only 2 CSTĐCS in them): the part inside that is missing is the news.
    const bool lookInside = ownCount && r.state != Verdict::Eligible && r.progressNeeded > 0 && r.progressDone >= r.progressNeeded && c
                            && !r.children.isEmpty();
    if (ownCount && !lookInside)
        return &r;
    if (!c || r.children.size() != c->children.size()) // confirmed or folded: nothing to walk
        return ownCount ? &r : nullptr;
    QList<Part> parts;
    for (int i = 0; i < r.children.size(); ++i)
        parts.append({&c->children.at(i), &r.children.at(i)});
    const ConditionResult *h = c->op == Condition::Op::AnyOf ? headlineOfAny(parts, preferred) : headlineOfAll(parts, preferred);
    return h ? h : ownCount ? &r : nullptr;
}

Verdict screen(const RuleSet &set, const AwardRule &rule, const Registry &registry, const SubjectHistory &subject, int year)
{
    EvalOptions o;
    o.year = year;
    o.mode = Mode::Screen;
    o.explain = false;
    o.earliest = false;
    return evaluateRule(set, rule, registry, subject, o).verdict;
}

/// Fills every unrated year from `year` to `to` with HTXSNV (people also get the LĐTT and CSTĐCS
/// titles that follow from it), for the subject and, for a unit, its members.
void simulateYear(Registry &registry, SubjectHistory &s, int year)
{
    if (s.ratingIn(year) >= 0)
        return;
    s.ratings.emplace_back(year, quint8(3));
    if (!s.isUnit) {
        s.awards.push_back({0, QStringLiteral("LDTT"), QStringLiteral("cong_trang"), year, QString(), true});
        s.awards.push_back({0, QStringLiteral("CSTDCS"), QStringLiteral("cong_trang"), year, QString(), true});
        return;
    }
    for (qint64 id : registry.members.value(s.id)) {
        auto it = registry.people.find(id);
        if (it != registry.people.end())
            simulateYear(registry, *it, year);
    }
}

constexpr int kEarliestHorizon = 10; // years simulated forward
} // namespace

Verdict allOf(const QList<Verdict> &states)
{
    Verdict v = Verdict::Eligible;
    for (Verdict s : states) {
        if (s == Verdict::NotEligible)
            return s;
        if (s == Verdict::NeedsReview)
            v = s;
    }
    return v;
}

Verdict anyOf(const QList<Verdict> &states)
{
    Verdict v = Verdict::NotEligible;
    for (Verdict s : states) {
        if (s == Verdict::Eligible)
            return s;
        if (s == Verdict::NeedsReview)
            v = s;
    }
    return v;
}

QString inSentence(const QString &label)
{
    if (label.size() < 2 || !label.at(1).isLower())
        return label;
    return label.left(1).toLower() + label.mid(1);
}

QString subjectCategoryName(const SubjectHistory &subject)
{
    return inSentence(Codes::label(subject.isUnit ? Codes::Set::UnitKind : Codes::Set::PersonCategory, subject.category));
}

QString categoryNames(const QStringList &codes, bool units)
{
    QStringList names;
    for (const QString &c : codes)
        names << inSentence(Codes::label(units ? Codes::Set::UnitKind : Codes::Set::PersonCategory, c));
    return names.join(QStringLiteral(", "));
}

namespace {
/// The clause is for other nominees: an all-of that asks for a category (its own recipient
/// condition) the subject is not in, e.g. Art 24(3) (workers and farmers) for a civil servant.
/// Returns the categories it is for, or an empty text when the clause applies.
QString otherCategories(const Condition &c, const Context &ctx)
{
    if (c.op != Condition::Op::AllOf)
        return {};
    for (const Condition &k : c.children) {
        if (k.op != Condition::Op::Recipient || (k.recipientKind == QLatin1String("collective")) != ctx.subject.isUnit)
            continue;
        const QStringList &allowed = ctx.subject.isUnit ? k.unitKinds : k.personCategories;
        if (!allowed.isEmpty() && !allowed.contains(ctx.subject.category))
            return categoryNames(allowed, ctx.subject.isUnit);
    }
    return {};
}
} // namespace

/// Folds the branches of an any-of that are meant for other categories of nominee: they read
/// "does not apply" instead of "not met" and keep no sub-conditions to read.
void markNotApplicable(const Condition &c, ConditionResult &r, const Context &ctx)
{
    int notApplicable = 0;
    for (int i = 0; i < r.children.size() && i < c.children.size(); ++i) {
        const QString forWhom = otherCategories(c.children.at(i), ctx);
        if (forWhom.isEmpty())
            continue;
        ConditionResult &branch = r.children[i];
        branch.notApplicable = true;
        branch.state = Verdict::NotEligible;
        branch.explanation = Tr::tr("does not apply (for %1, not for %2)").arg(forWhom, subjectCategoryName(ctx.subject));
        branch.progress.clear();
        branch.progressDone = branch.progressNeeded = 0;
        branch.evidence.clear();
        branch.children.clear();
        ++notApplicable;
    }
    if (notApplicable > 0 && notApplicable == r.children.size())
        r.explanation = Tr::tr("no clause applies to %1").arg(subjectCategoryName(ctx.subject));
}

ConditionResult movementStandards(const QString &id, const Context &ctx)
{
    ConditionResult r;
    r.id = id;
    const Movement *m = ctx.movement;
    if (!m) {
        r.state = Verdict::Eligible;
        if (ctx.explain)
            r.explanation = Tr::tr("no movement chosen");
        return r;
    }
    r.description = Tr::tr("Standards of the movement \"%1\"").arg(m->name);
    QStringList categories;
    for (const MovementCategory &cat : m->categories) {
        const bool collective = cat.kind == QLatin1String("collective");
        if (collective == ctx.subject.isUnit && (collective ? cat.unitKinds : cat.personCategories).contains(ctx.subject.category))
            categories << cat.code;
    }
    if (categories.isEmpty()) {
        r.state = Verdict::NotEligible;
        if (ctx.explain)
            r.explanation = Tr::tr("the movement's nominee categories do not include %1").arg(subjectCategoryName(ctx.subject));
        return r;
    }
    QString occasion = ctx.occasion.isEmpty() ? QStringLiteral("annual") : ctx.occasion;
    if (ctx.occasion.isEmpty() && m->standardsFor(ctx.awardCode, occasion).isEmpty())
        occasion.clear(); // no annual standards: every occasion's
    QList<Verdict> states;
    for (int g = 0; g < m->standards.size(); ++g) {
        const MovementStandard &st = m->standards.at(g);
        if (!st.awardCodes.contains(ctx.awardCode) || !categories.contains(st.category)
            || (!occasion.isEmpty() && st.occasion != occasion))
            continue;
        for (int i = 0; i < st.items.size(); ++i) {
            ConditionResult item;
            item.id = QStringLiteral("%1-%2-%3").arg(id).arg(g + 1).arg(i + 1);
            item.description = st.items.at(i);
            const QString note = ctx.confirmations.value(item.id).trimmed();
            if (!note.isEmpty()) {
                item.state = Verdict::Eligible;
                item.evidence << note;
                item.explanation = Tr::tr("confirmed by the clerk: %1").arg(note);
                item.confirmation.source = Confirmation::Source::Request; // the service names the saved ones
                item.confirmation.note = note;
            } else if (ctx.mode == Mode::Screen) {
                item.state = Verdict::Eligible;
            } else {
                item.state = Verdict::NeedsReview;
                item.explanation = Tr::tr("confirm with an evidence note (%1)").arg(st.heading);
            }
            states << item.state;
            r.children << item;
        }
    }
    r.state = allOf(states);
    if (ctx.explain && r.children.isEmpty())
        r.explanation = Tr::tr("the movement sets no standards of its own for this award and category");
    else if (ctx.explain) {
        const int confirmed = int(std::count_if(r.children.begin(), r.children.end(),
                                                [](const ConditionResult &c) { return c.state == Verdict::Eligible; }));
        r.progress = Tr::tr("%1/%2 confirmed").arg(confirmed).arg(r.children.size());
        r.progressDone = confirmed;
        r.progressNeeded = int(r.children.size());
    }
    return r;
}

Result evaluateRule(const RuleSet &set, const AwardRule &rule, const Registry &registry, const SubjectHistory &subject,
                    const EvalOptions &options)
{
    Result result;
    result.awardCode = rule.code;
    result.awardName = rule.name;
    result.ruleSet = set.info;
    const Context ctx{registry,
                      subject,
                      options.year,
                      rule.code,
                      options.confirmations,
                      options.mode,
                      options.explain,
                      options.movement,
                      options.occasion,
                      0,
                      0,
                      subject.cutoff(options.year)};
    QList<Verdict> states;
    for (const Condition &c : set.common) {
        result.conditions << evaluateCondition(c, ctx);
        states << result.conditions.back().state;
        if (!options.explain && states.back() == Verdict::NotEligible)
            break;
    }
    if (options.explain || allOf(states) != Verdict::NotEligible) {
        result.conditions << evaluateCondition(rule.condition, ctx);
        states << result.conditions.back().state;
    }
    if (options.movement && (options.explain || allOf(states) != Verdict::NotEligible)) {
        result.conditions << movementStandards(QStringLiteral("movement"), ctx);
        states << result.conditions.back().state;
    }
    result.verdict = allOf(states);
    result.outcome = outcomeOf(result.verdict);
    // "Eligible on the records, awaiting confirmation" only when the records qualify the nominee
    // with every route judgement (a route the registry cannot see: an S&T project, the other
    // points of an article) counted as not met — the screen's reading. Otherwise the records do
    // not qualify them, whatever a manual route may still give: the outcome is "not eligible",
    // while the verdict stays NeedsReview so the workflow still asks the clerk to decide.
    if (result.verdict == Verdict::NeedsReview && options.mode == Mode::Normal) {
        EvalOptions screen = options;
        screen.mode = Mode::Screen;
        screen.explain = false;
        screen.earliest = false;
        if (ruleVerdict(set, rule, registry, subject, screen) != Verdict::Eligible)
            result.outcome = Outcome::NotEligible;
    }
    if (!options.explain)
        return result;
    // Missing data: not eligible only because the year under review has no rating yet — with
    // one (at best) the records would qualify the nominee. Decided on that year alone: the
    // sweep loads earlier years only in part, so their absence there proves nothing.
    if (result.verdict == Verdict::NotEligible && subject.ratingIn(options.year) < 0) {
        SubjectHistory rated = subject;
        rated.ratings.emplace_back(options.year, quint8(3)); // HTXSNV
        if (screen(set, rule, registry, rated, options.year) != Verdict::NotEligible) {
            result.outcome = Outcome::MissingData;
            result.missing << Tr::tr("the rating of %1").arg(options.year);
        }
    }

    if (result.verdict == Verdict::NeedsReview)
        for (const ConditionResult &c : result.conditions)
            collectChecklist(c, result.checklist);
    // The headline comes from the set's and the rule's conditions; the movement's count of
    // confirmed standards only when they have none.
    QList<Part> parts;
    for (int i = 0; i < set.common.size() && i < result.conditions.size(); ++i)
        parts.append({&set.common.at(i), &result.conditions.at(i)});
    if (result.conditions.size() > set.common.size())
        parts.append({&rule.condition, &result.conditions.at(set.common.size())});
    const ConditionResult *p = headlineOfAll(parts, rule.progressId);
    if (!p && options.movement)
        p = headline(nullptr, result.conditions.back(), QString());
    if (p)
        result.progress = p->progress;

    if (options.earliest) {
        // Eligible already (the clerk confirmed what the registry cannot show): this year.
        if (result.verdict == Verdict::Eligible || screen(set, rule, registry, subject, options.year) != Verdict::NotEligible) {
            result.earliestYear = options.year;
        } else {
            Registry sim = registry;
            SubjectHistory &s = subject.isUnit ? sim.units[subject.id] : sim.people[subject.id];
            for (int y = options.year; y <= options.year + kEarliestHorizon; ++y) {
                simulateYear(sim, s, y);
                if (screen(set, rule, sim, s, y) != Verdict::NotEligible) {
                    result.earliestYear = y;
                    break;
                }
            }
        }
    }
    return result;
}

Verdict ruleVerdict(const RuleSet &set, const AwardRule &rule, const Registry &registry, const SubjectHistory &subject,
                    const EvalOptions &options)
{
    // evaluateRule()'s verdict without its Result (rule-set info, names, the conditions' list):
    // the sweep screens every rule for every person and unit with it. Same order, same stops.
    const Context ctx{registry,
                      subject,
                      options.year,
                      rule.code,
                      options.confirmations,
                      options.mode,
                      false,
                      options.movement,
                      options.occasion,
                      0,
                      0,
                      subject.cutoff(options.year)};
    Verdict v = Verdict::Eligible;
    auto fold = [&v](Verdict s) {
        if (s != Verdict::Eligible && v != Verdict::NotEligible)
            v = s;
    };
    for (const Condition &c : set.common) {
        fold(evaluateCondition(c, ctx).state);
        if (v == Verdict::NotEligible)
            return v;
    }
    fold(evaluateCondition(rule.condition, ctx).state);
    if (options.movement && v != Verdict::NotEligible)
        fold(movementStandards(QStringLiteral("movement"), ctx).state);
    return v;
}

} // namespace VinhDanh::Core::Eligibility
