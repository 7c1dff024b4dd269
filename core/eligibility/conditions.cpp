// The condition primitives of docs/rules-format.md: each reads the in-memory history and
// answers met / not met / needs review, with the records it used and, when not met, what is
// missing in words a clerk can act on.
// Trap: the candidates sweep loads only the ratings, award forms and years these primitives
// read (sweepNeeds() in history.cpp walks the same tree). A primitive that reads further back,
// or another form, must say so there; eligibility_sweep_test catches a mismatch on the demo.
#include "core/eligibility/evaluator.h"

#include "core/eligibility/conditions_p.h"

#include "core/domain/codes.h"
#include "core/domain/movement.h"

#include <QCoreApplication>

#include <climits>

namespace VinhDanh::Core::Eligibility {

namespace Parts {
QString formName(const Context &ctx, const QString &code)
{
    return ctx.registry.formNames.value(code, code);
}

/// A date as a clerk writes it.
QString dateText(const QDate &d)
{
    return d.toString(QStringLiteral("dd/MM/yyyy"));
}

void setCount(ConditionResult &r, const QString &text, int done, int needed)
{
    r.progress = text;
    r.progressDone = std::min(done, needed);
    r.progressNeeded = needed;
}

ConditionResult start(const Condition &c, const Context &ctx)
{
    ConditionResult r;
    // The screen reads states only: a text copy per condition is a million reference counts,
    // and on the sweep's threads each one is a cache line fought over (the rule set's strings).
    if (ctx.explain) {
        r.id = c.id;
        r.description = c.description;
    }
    return r;
}

Verdict met(bool ok)
{
    return ok ? Verdict::Eligible : Verdict::NotEligible;
}
} // namespace Parts

namespace {
using namespace Parts;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Eligibility)
};

const char *const kRatingCodes[] = {"KHTNV", "HTNV", "HTTNV", "HTXSNV"};

QString ratingCode(int level)
{
    return level >= 0 && level <= 3 ? QString::fromLatin1(kRatingCodes[level]) : QString();
}

QString formsText(const Context &ctx, const QStringList &codes)
{
    QStringList names;
    for (const QString &c : codes)
        names << formName(ctx, c);
    return names.join(Tr::tr(" or "));
}

QString initiativeLevelName(const QString &code)
{
    return inSentence(Codes::label(Codes::Set::InitiativeLevel, code));
}

/// The years a count looks at: the enclosing window, or `window` years ending at the year
/// (0 = `fallbackAll` ? every year up to it : the year alone).
std::pair<int, int> windowOf(const Condition &c, const Context &ctx, bool fallbackAll)
{
    if (c.window > 0)
        return {ctx.year - c.window + 1, ctx.year};
    if (ctx.windowFrom > 0)
        return {ctx.windowFrom, ctx.windowTo};
    return {fallbackAll ? 1945 : ctx.year, ctx.year};
}

QString span(std::pair<int, int> w)
{
    return w.first == w.second ? QString::number(w.first)
           : w.first <= 1945   ? Tr::tr("any year up to %1").arg(w.second)
                               : QStringLiteral("%1–%2").arg(w.first).arg(w.second);
}

QString cutoffText(int year)
{
    return Tr::tr("%1 does not count: achievements count only after a discipline ends (Decree 152/2025 Art 4)").arg(year);
}

/// Why a year breaks a chain of ratings: a discipline, no rating, or a rating below the bar.
QString ratingGap(const Context &ctx, int y, const QString &wanted)
{
    const int level = ctx.subject.ratingIn(y);
    if (y <= ctx.cutoff)
        return cutoffText(y);
    if (level < 0)
        return Tr::tr("no task rating recorded for %1 (needs %2)").arg(y).arg(wanted);
    return Tr::tr("%2 was rated only %1; needs %3").arg(ratingCode(level)).arg(y).arg(wanted);
}

ConditionResult ratingStreak(const Condition &c, const Context &ctx)
{
    ConditionResult r = start(c, ctx);
    const SubjectHistory &s = ctx.subject;
    const int minLevel = c.minRatingLevel;
    auto counts = [&](int y) {
        if (y <= ctx.cutoff)
            return false;
        if (s.ratingIn(y) >= minLevel)
            return true;
        for (const QString &t : c.orTitles)
            if (s.hasRegularTitle(t, y))
                return true;
        return false;
    };
    int streak = 0;
    while (streak < c.years && counts(ctx.year - streak))
        ++streak;
    r.state = met(streak >= c.years);
    if (!ctx.explain)
        return r;
    setCount(r, Tr::tr("%1/%2 consecutive years").arg(streak).arg(c.years), streak, c.years);
    const QString wanted = c.orTitles.isEmpty() ? Tr::tr("%1 or better").arg(c.minRating)
                                                : Tr::tr("%1 or better, or %2").arg(c.minRating, formsText(ctx, c.orTitles));
    // Every year of the window that does not count is named, with what it had.
    QStringList missing;
    for (int y = ctx.year - c.years + 1; y <= ctx.year; ++y) {
        const int level = s.ratingIn(y);
        if (counts(y))
            r.evidence << QStringLiteral("%1: %2").arg(y).arg(level >= minLevel ? ratingCode(level) : formsText(ctx, c.orTitles));
        else
            missing << ratingGap(ctx, y, wanted);
    }
    r.explanation = missing.isEmpty() ? Tr::tr("%1 consecutive years up to %2 rated %3.").arg(c.years).arg(ctx.year).arg(wanted)
                                      : missing.join(QStringLiteral("; "));
    return r;
}

ConditionResult ratingCount(const Condition &c, const Context &ctx)
{
    ConditionResult r = start(c, ctx);
    const auto w = windowOf(c, ctx, false);
    const int minLevel = c.minRatingLevel;
    int n = 0;
    for (int y = w.first; y <= w.second; ++y)
        if (y > ctx.cutoff && ctx.subject.ratingIn(y) >= minLevel) {
            ++n;
            if (ctx.explain)
                r.evidence << QStringLiteral("%1: %2").arg(y).arg(ratingCode(ctx.subject.ratingIn(y)));
        }
    r.state = met(n >= c.count);
    if (ctx.explain) {
        setCount(r, Tr::tr("%1/%2 years").arg(std::min(n, c.count)).arg(c.count), n, c.count);
        r.explanation =
            r.state == Verdict::Eligible
                ? Tr::tr("%1 year(s) rated %2 or better in %3.").arg(n).arg(c.minRating, span(w))
                : Tr::tr("only %1 year(s) rated %2 or better in %3; needs %4").arg(n).arg(c.minRating, span(w)).arg(c.count);
    }
    return r;
}

/// Why a year has no countable title: a discipline, an award that is not regular-track, or none.
QString titleMissing(const Condition &c, const Context &ctx, int y)
{
    if (y <= ctx.cutoff)
        return cutoffText(y);
    for (const AwardFact &a : ctx.subject.awards)
        if (a.year == y && c.awards.contains(a.form) && !a.regular())
            return Tr::tr("%1 %2 was awarded for a đột xuất or theo đợt achievement and does not count toward the regular track")
                .arg(formName(ctx, a.form))
                .arg(y);
    return Tr::tr("no %1 for %2").arg(formsText(ctx, c.awards)).arg(y);
}

QString awardEvidence(const Context &ctx, const AwardFact &a)
{
    return a.decisionNo.isEmpty() ? QStringLiteral("%1 %2").arg(formName(ctx, a.form)).arg(a.year)
                                  : Tr::tr("%1 %2 (decision %3)").arg(formName(ctx, a.form)).arg(a.year).arg(a.decisionNo);
}

const AwardFact *regularTitle(const Context &ctx, const QStringList &forms, int y)
{
    for (const AwardFact &a : ctx.subject.awards)
        if (a.year == y && forms.contains(a.form) && a.regular())
            return &a;
    return nullptr;
}

ConditionResult titleCount(const Condition &c, const Context &ctx)
{
    ConditionResult r = start(c, ctx);
    int n = 0;
    QStringList missing;
    if (c.consecutive) {
        while (n < c.count) {
            const int y = ctx.year - n * c.step;
            const AwardFact *a = y > ctx.cutoff ? regularTitle(ctx, c.awards, y) : nullptr;
            if (!a)
                break;
            if (ctx.explain)
                r.evidence << awardEvidence(ctx, *a);
            ++n;
        }
        // Only the years that lack the title are missing: a year before the break that has it
        // does not count (the chain must reach the evaluated year) but is not "missing" either.
        if (ctx.explain)
            for (int k = n; k < c.count; ++k) {
                const int y = ctx.year - k * c.step;
                if (y <= ctx.cutoff || !regularTitle(ctx, c.awards, y))
                    missing << titleMissing(c, ctx, y);
            }
    } else {
        const auto w = windowOf(c, ctx, true);
        for (int y = w.first; y <= w.second; ++y) {
            const AwardFact *a = y > ctx.cutoff ? regularTitle(ctx, c.awards, y) : nullptr;
            if (a) {
                ++n;
                if (ctx.explain)
                    r.evidence << awardEvidence(ctx, *a);
            } else if (ctx.explain && w.first > 1945) {
                for (const AwardFact &x : ctx.subject.awards)
                    if (x.year == y && c.awards.contains(x.form))
                        missing << titleMissing(c, ctx, y);
            }
        }
        if (ctx.explain && n < c.count)
            missing.prepend(Tr::tr("%1 time(s) %2 in %3; needs %4").arg(n).arg(formsText(ctx, c.awards), span(w)).arg(c.count));
    }
    r.state = met(n >= c.count);
    if (ctx.explain) {
        setCount(r, (c.consecutive ? Tr::tr("%1/%2 consecutive times") : Tr::tr("%1/%2 times")).arg(std::min(n, c.count)).arg(c.count),
                 n, c.count);
        r.explanation = r.state == Verdict::Eligible ? Tr::tr("%1 %2 time(s).").arg(formsText(ctx, c.awards)).arg(n)
                                                     : missing.join(QStringLiteral("; "));
    }
    return r;
}

ConditionResult afterAward(const Condition &c, const Context &ctx)
{
    ConditionResult r = start(c, ctx);
    const int minLevel = c.minRatingLevel;
    std::vector<const AwardFact *> earlier;
    for (const AwardFact &a : ctx.subject.awards)
        if (c.awards.contains(a.form) && a.regular() && a.year < ctx.year && a.year > ctx.cutoff)
            earlier.push_back(&a);
    std::sort(earlier.begin(), earlier.end(), [](const AwardFact *a, const AwardFact *b) { return a->year > b->year; });
    if (earlier.empty()) {
        r.state = Verdict::NotEligible;
        if (ctx.explain) {
            setCount(r, Tr::tr("0/%1 years").arg(c.years), 0, c.years);
            r.explanation = Tr::tr("no %1 (regular track) before %2").arg(formsText(ctx, c.awards)).arg(ctx.year);
        }
        return r;
    }
    // The rated streak ending at the year, counted only after the award.
    int streak = 0;
    while (ctx.year - streak > ctx.cutoff && ctx.subject.ratingIn(ctx.year - streak) >= minLevel)
        ++streak;
    const AwardFact *chosen = nullptr;
    QList<ConditionResult> children;
    int length = 0;
    for (const AwardFact *a : earlier) {
        const int len = std::min(streak, ctx.year - a->year);
        Context inner = ctx;
        inner.windowFrom = len > 0 ? ctx.year - len + 1 : a->year + 1;
        inner.windowTo = ctx.year;
        QList<ConditionResult> kids;
        QList<Verdict> states{met(len >= c.years)};
        for (const Condition &k : c.children) {
            kids << evaluateCondition(k, inner);
            states << kids.back().state;
        }
        const Verdict v = allOf(states);
        if (!chosen || v != Verdict::NotEligible) { // the latest award, unless an older one qualifies
            chosen = a;
            children = kids;
            length = len;
            r.state = v;
        }
        if (v != Verdict::NotEligible)
            break;
    }
    r.children = children;
    if (ctx.explain) {
        r.evidence << awardEvidence(ctx, *chosen);
        setCount(r,
                 Tr::tr("%1/%2 years after %3 %4")
                     .arg(std::min(length, c.years))
                     .arg(c.years)
                     .arg(formName(ctx, chosen->form))
                     .arg(chosen->year),
                 length, c.years);
        if (length >= c.years && r.state == Verdict::NotEligible)
            r.explanation = Tr::tr("%1 consecutive years rated %2 or better since %3 %4, but not everything required in that period")
                                .arg(length)
                                .arg(c.minRating, formName(ctx, chosen->form))
                                .arg(chosen->year);
        else if (length >= c.years)
            r.explanation = Tr::tr("%1 consecutive years rated %2 or better since %3 %4.")
                                .arg(length)
                                .arg(c.minRating, formName(ctx, chosen->form))
                                .arg(chosen->year);
        else
            r.explanation = Tr::tr("only %1 consecutive year(s) rated %2 or better after %3 %4; needs %5")
                                .arg(length)
                                .arg(c.minRating, formName(ctx, chosen->form))
                                .arg(chosen->year)
                                .arg(c.years);
        // The year that broke the chain, when it lies after the award: what it had and what it needed.
        const int broken = ctx.year - length;
        if (length < c.years && broken > chosen->year)
            r.explanation += QStringLiteral("; ") + ratingGap(ctx, broken, Tr::tr("%1 or better").arg(c.minRating));
    }
    return r;
}

ConditionResult initiatives(const Condition &c, const Context &ctx)
{
    ConditionResult r = start(c, ctx);
    if (ctx.subject.isUnit) {
        r.state = Verdict::NotEligible;
        if (ctx.explain)
            r.explanation = Tr::tr("initiatives are recorded for people, not units");
        return r;
    }
    const auto w = windowOf(c, ctx, true);
    const int minLevel = c.minInitiativeLevel;
    int available = 0;
    QStringList used;
    for (const InitiativeFact &i : ctx.subject.initiatives) {
        if (initiativeLevel(i.level) < minLevel || i.year < w.first || i.year > w.second || i.year <= ctx.cutoff)
            continue;
        // One initiative serves one award (BNV 5007/BNV-TDKT); the award being re-checked may keep its own.
        const bool free = i.usedFor == 0 || (i.usedForForm == ctx.awardCode && i.usedForYear == ctx.year);
        if (free) {
            ++available;
            if (ctx.explain)
                r.evidence << Tr::tr("initiative \"%1\" (%2, %3)").arg(i.title, initiativeLevelName(i.level)).arg(i.year);
        } else if (ctx.explain) {
            used << Tr::tr("initiative \"%1\" was already used for %2 %3")
                        .arg(i.title, formName(ctx, i.usedForForm))
                        .arg(i.usedForYear);
        }
    }
    r.state = met(available >= c.count);
    if (ctx.explain) {
        setCount(r, Tr::tr("%1/%2 initiatives").arg(std::min(available, c.count)).arg(c.count), available, c.count);
        const QString level = initiativeLevelName(c.minLevel);
        QStringList parts;
        parts << (r.state == Verdict::Eligible
                      ? Tr::tr("%1 unused initiative(s) recognised at %2 or above in %3.").arg(available).arg(level, span(w))
                      : Tr::tr("%1 unused initiative(s) recognised at %2 or above in %3; needs %4")
                            .arg(available)
                            .arg(level, span(w))
                            .arg(c.count));
        r.explanation = (parts + used).join(QStringLiteral("; "));
    }
    return r;
}

ConditionResult judgement(const Condition &c, const Context &ctx)
{
    ConditionResult r = start(c, ctx);
    if (ctx.mode == Mode::Screen) {
        r.state = met(!c.route);
        return r;
    }
    r.state = Verdict::NeedsReview;
    r.explanation = c.checklist;
    return r;
}
} // namespace

namespace {
ConditionResult composite(const Condition &c, const Context &ctx)
{
    const bool all = c.op == Condition::Op::AllOf;
    ConditionResult r = start(c, ctx);
    if (!ctx.explain) {
        // The sweep's screen asks a million of these: the state alone, folded as allOf() /
        // anyOf() do, without keeping the children's results (nobody reads them).
        r.state = all ? Verdict::Eligible : Verdict::NotEligible;
        for (const Condition &k : c.children) {
            const Verdict v = evaluateCondition(k, ctx).state;
            if (v == (all ? Verdict::NotEligible : Verdict::Eligible)) {
                r.state = v;
                break;
            }
            if (v == Verdict::NeedsReview)
                r.state = v;
        }
        return r;
    }
    QList<Verdict> states;
    for (const Condition &k : c.children) {
        r.children << evaluateCondition(k, ctx);
        states << r.children.back().state;
    }
    r.state = all ? allOf(states) : anyOf(states);
    if (!all)
        markNotApplicable(c, r, ctx);
    return r;
}

/// The condition by its type; each branch returns its result as built (no copy, no move).
ConditionResult ofType(const Condition &c, const Context &ctx)
{
    using Op = Condition::Op;
    switch (c.op) {
    case Op::AllOf:
    case Op::AnyOf: return composite(c, ctx);
    case Op::Recipient: return recipient(c, ctx);
    case Op::RatingStreak: return ratingStreak(c, ctx);
    case Op::RatingCount: return ratingCount(c, ctx);
    case Op::TitleCount: return titleCount(c, ctx);
    case Op::AfterAward: return afterAward(c, ctx);
    case Op::Initiatives: return initiatives(c, ctx);
    case Op::MemberShare: return memberShare(c, ctx);
    case Op::MemberDiscipline: return memberDiscipline(c, ctx);
    case Op::NoDiscipline: return noDiscipline(c, ctx);
    case Op::Judgement: return judgement(c, ctx);
    case Op::MovementStandards: {
        ConditionResult r = movementStandards(c.id, ctx);
        r.description = c.description;
        return r;
    }
    case Op::InEmulationBloc: return inEmulationBloc(c, ctx);
    }
    return {};
}
} // namespace

ConditionResult evaluateCondition(const Condition &c, const Context &ctx)
{
    const bool confirmable = c.op == Condition::Op::Judgement || c.unconfirmed;
    if (confirmable && !ctx.confirmations.isEmpty()) {
        const QString confirmed = ctx.confirmations.value(c.id).trimmed();
        if (!confirmed.isEmpty()) {
            ConditionResult r = start(c, ctx);
            r.state = Verdict::Eligible;
            if (c.namesBloc && ctx.explain)
                r.description = withBloc(r.description, ctx);
            r.explanation = Tr::tr("confirmed by the clerk: %1").arg(confirmed);
            r.evidence << confirmed;
            r.confirmation.source = Confirmation::Source::Request; // the service names the saved ones
            r.confirmation.note = confirmed;
            return r;
        }
    }
    ConditionResult r = ofType(c, ctx); // built in place: a screen builds a million of them
    if (c.unconfirmed && ctx.mode == Mode::Normal) {
        r.state = Verdict::NeedsReview;
        if (ctx.explain)
            r.explanation = Tr::tr("%1 — standard not confirmed against the legal text: %2").arg(r.explanation, c.checklist);
    }
    if (c.namesBloc && ctx.explain) {
        // The checklist reaches the explanation of a judgement and of an unconfirmed standard.
        r.description = withBloc(r.description, ctx);
        r.explanation = withBloc(r.explanation, ctx);
    }
    return r;
}

} // namespace VinhDanh::Core::Eligibility
