// Evaluates one award rule for one nominee and year: the set's common conditions, the rule's
// tree, the movement's own standards; then the verdict, the clerk's checklist, the headline
// progress and the earliest year the registry-backed standards could be met.
#include "core/eligibility/evaluator.h"

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

const ConditionResult *findById(const QList<ConditionResult> &list, const QString &id)
{
    for (const ConditionResult &r : list) {
        if (r.id == id)
            return &r;
        if (const ConditionResult *f = findById(r.children, id))
            return f;
    }
    return nullptr;
}

const ConditionResult *firstProgress(const QList<ConditionResult> &list, bool unmetOnly)
{
    for (const ConditionResult &r : list) {
        if (!r.progress.isEmpty() && (!unmetOnly || r.state == Verdict::NotEligible))
            return &r;
        if (const ConditionResult *f = firstProgress(r.children, unmetOnly))
            return f;
    }
    return nullptr;
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
        if (collective == ctx.subject.isUnit
            && (collective ? cat.unitKinds : cat.personCategories).contains(ctx.subject.category))
            categories << cat.code;
    }
    if (categories.isEmpty()) {
        r.state = Verdict::NotEligible;
        if (ctx.explain)
            r.explanation = Tr::tr("the movement's nominee categories do not include %1").arg(ctx.subject.category);
        return r;
    }
    QString occasion = ctx.occasion.isEmpty() ? QStringLiteral("annual") : ctx.occasion;
    if (ctx.occasion.isEmpty() && m->standardsFor(ctx.awardCode, occasion).isEmpty())
        occasion.clear(); // no annual standards: every occasion's
    QList<Verdict> states;
    for (int g = 0; g < m->standards.size(); ++g) {
        const MovementStandard &st = m->standards.at(g);
        if (!st.awardCodes.contains(ctx.awardCode) || !categories.contains(st.category) || (!occasion.isEmpty() && st.occasion != occasion))
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
    else if (ctx.explain)
        r.progress = Tr::tr("%1/%2 confirmed")
                         .arg(std::count_if(r.children.begin(), r.children.end(), [](const ConditionResult &c) { return c.state == Verdict::Eligible; }))
                         .arg(r.children.size());
    return r;
}

Result evaluateRule(const RuleSet &set, const AwardRule &rule, const Registry &registry, const SubjectHistory &subject,
                    const EvalOptions &options)
{
    Result result;
    result.awardCode = rule.code;
    result.awardName = rule.name;
    result.ruleSet = set.info;
    const Context ctx{registry,         subject, options.year, rule.code, options.confirmations, options.mode, options.explain,
                      options.movement, options.occasion, 0,   0,           subject.cutoff(options.year)};
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
    if (!options.explain)
        return result;

    if (result.verdict == Verdict::NeedsReview)
        for (const ConditionResult &c : result.conditions)
            collectChecklist(c, result.checklist);
    const ConditionResult *p = rule.progressId.isEmpty() ? nullptr : findById(result.conditions, rule.progressId);
    if (!p || p->progress.isEmpty())
        p = firstProgress(result.conditions, true);
    if (!p)
        p = firstProgress(result.conditions, false);
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

} // namespace VinhDanh::Core::Eligibility
