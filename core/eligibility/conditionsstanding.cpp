// The condition primitives about who the nominee is and their standing: the category or kind
// of recipient, a collective's members (their share of a rating, their discipline), the
// nominee's own discipline, and leading an emulation bloc. The counts over ratings, titles,
// awards and initiatives are in conditions.cpp.
#include "core/eligibility/conditions_p.h"

#include "core/domain/codes.h"

#include <QCoreApplication>

namespace VinhDanh::Core::Eligibility::Parts {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Eligibility)
};

QString disciplineKindName(const QString &code)
{
    return inSentence(Codes::label(Codes::Set::DisciplineKind, code));
}

/// "kỷ luật cảnh cáo (quyết định 12/QĐ) từ 01/03/2025 đến 31/12/2025"; no "( )" when the
/// decision number was not recorded.
QString disciplineText(const DisciplineFact &d)
{
    const QString kind = disciplineKindName(d.kind);
    if (d.decisionNo.trimmed().isEmpty())
        return d.end.isNull() ? Tr::tr("discipline %1 from %2, still in force").arg(kind, dateText(d.start))
                              : Tr::tr("discipline %1 from %2 to %3").arg(kind, dateText(d.start), dateText(d.end));
    return d.end.isNull()
               ? Tr::tr("discipline %1 (decision %2) from %3, still in force").arg(kind, d.decisionNo, dateText(d.start))
               : Tr::tr("discipline %1 (decision %2) from %3 to %4").arg(kind, d.decisionNo, dateText(d.start), dateText(d.end));
}
} // namespace

ConditionResult memberShare(const Condition &c, const Context &ctx)
{
    ConditionResult r = start(c, ctx);
    if (!ctx.subject.isUnit) {
        r.state = Verdict::NotEligible;
        if (ctx.explain)
            r.explanation = Tr::tr("applies to collectives only");
        return r;
    }
    const QVector<qint64> members = ctx.registry.members.value(ctx.subject.id);
    const int minLevel = c.minRatingLevel;
    int n = 0;
    QStringList without;
    for (qint64 id : members) {
        const auto it = ctx.registry.people.constFind(id);
        if (it == ctx.registry.people.constEnd())
            continue;
        const bool has = c.awards.isEmpty() ? it->ratingIn(ctx.year) >= minLevel : it->hasRegularTitle(c.awards.first(), ctx.year);
        if (has)
            ++n;
        else if (ctx.explain)
            without << it->name;
    }
    const int total = int(members.size());
    r.state = met(c.minPercent >= 0 ? total > 0 && qint64(n) * 100 >= qint64(c.minPercent) * total : n >= c.minCount);
    if (!ctx.explain)
        return r;
    const QString what = c.awards.isEmpty() ? Tr::tr("rated %1 or better").arg(c.minRating) : formName(ctx, c.awards.first());
    const int percent = total ? int(qint64(n) * 100 / total) : 0;
    setCount(r, Tr::tr("%1/%2 members (%3%)").arg(n).arg(total).arg(percent), c.minPercent >= 0 ? percent : n,
             c.minPercent >= 0 ? std::max(c.minPercent, 1) : c.minCount);
    r.evidence << Tr::tr("%1 of %2 members: %3 in %4").arg(n).arg(total).arg(what).arg(ctx.year);
    if (total == 0)
        r.explanation = Tr::tr("the unit has no members in the registry");
    else if (c.minPercent >= 0)
        r.explanation = Tr::tr("%1 of %2 members (%3%) %4 in %5; needs at least %6%")
                            .arg(n)
                            .arg(total)
                            .arg(percent)
                            .arg(what)
                            .arg(ctx.year)
                            .arg(c.minPercent);
    else
        r.explanation = Tr::tr("%1 member(s) %2 in %3; needs at least %4").arg(n).arg(what).arg(ctx.year).arg(c.minCount);
    if (r.state != Verdict::Eligible && !without.isEmpty() && without.size() <= 10)
        r.explanation += QStringLiteral("; ") + Tr::tr("not: %1").arg(without.join(QStringLiteral(", ")));
    return r;
}

ConditionResult memberDiscipline(const Condition &c, const Context &ctx)
{
    ConditionResult r = start(c, ctx);
    const int min = c.minSeverity;
    QStringList hit, unknown;
    for (qint64 id : ctx.registry.members.value(ctx.subject.id)) {
        const auto it = ctx.registry.people.constFind(id);
        if (it == ctx.registry.people.constEnd())
            continue;
        for (const DisciplineFact &d : it->disciplines) {
            if (!d.overlapsYear(ctx.year))
                continue;
            const int sev = disciplineSeverity(d.kind);
            if (sev >= min)
                hit << QStringLiteral("%1: %2").arg(it->name, disciplineText(d));
            else if (sev == 0)
                unknown << QStringLiteral("%1: %2").arg(it->name, disciplineText(d));
        }
    }
    r.state = !hit.isEmpty() ? Verdict::NotEligible : !unknown.isEmpty() ? Verdict::NeedsReview : Verdict::Eligible;
    if (ctx.explain)
        r.explanation = !hit.isEmpty() ? Tr::tr("disciplined in %1 at %2 or above: %3")
                                             .arg(ctx.year)
                                             .arg(disciplineKindName(c.minKind), hit.join(QStringLiteral("; ")))
                        : !unknown.isEmpty()
                            ? Tr::tr("discipline of another kind; check whether it is %1 or above: %2")
                                  .arg(disciplineKindName(c.minKind), unknown.join(QStringLiteral("; ")))
                            : Tr::tr("no member disciplined at %1 or above in %2.").arg(disciplineKindName(c.minKind)).arg(ctx.year);
    return r;
}

ConditionResult noDiscipline(const Condition &c, const Context &ctx)
{
    ConditionResult r = start(c, ctx);
    QStringList hit;
    for (const DisciplineFact &d : ctx.subject.disciplines) {
        if (d.start.isValid() && d.start.year() > ctx.year)
            continue;
        if (d.overlapsYear(ctx.year))
            hit << disciplineText(d);
        else if (ctx.explain)
            r.evidence << Tr::tr("%1: achievements count from %2").arg(disciplineText(d)).arg(d.end.year() + 1);
    }
    r.state = met(hit.isEmpty());
    if (ctx.explain)
        r.explanation = hit.isEmpty() ? Tr::tr("no discipline in force in %1.").arg(ctx.year)
                                      : Tr::tr("%1 overlaps %2").arg(hit.join(QStringLiteral("; "))).arg(ctx.year);
    return r;
}

ConditionResult recipient(const Condition &c, const Context &ctx)
{
    ConditionResult r = start(c, ctx);
    const bool collective = c.recipientKind == QLatin1String("collective");
    const QStringList &allowed = ctx.subject.isUnit ? c.unitKinds : c.personCategories;
    const bool kindOk = collective == ctx.subject.isUnit;
    const bool categoryOk = allowed.isEmpty() || allowed.contains(ctx.subject.category);
    r.state = met(kindOk && categoryOk);
    if (ctx.explain) {
        const QString category = subjectCategoryName(ctx.subject);
        r.evidence << category;
        r.explanation = !kindOk       ? (collective ? Tr::tr("awarded to collectives, not individuals")
                                                    : Tr::tr("awarded to individuals, not collectives"))
                        : !categoryOk ? Tr::tr("category %1 is not among %2").arg(category, categoryNames(allowed, ctx.subject.isUnit))
                                      : Tr::tr("category %1.").arg(category);
    }
    return r;
}

/// A cụm/khối thi đua exists for collectives only; leading it is voted in the bloc, so the
/// registry can tell membership, never the lead (that stays a judgement for the clerk).
ConditionResult inEmulationBloc(const Condition &c, const Context &ctx)
{
    ConditionResult r = start(c, ctx);
    r.state = met(ctx.subject.isUnit && !ctx.subject.bloc.isEmpty());
    if (!ctx.explain)
        return r;
    if (!ctx.subject.isUnit) {
        r.explanation = Tr::tr("applies to collectives only");
    } else if (ctx.subject.bloc.isEmpty()) {
        r.explanation = Tr::tr("the unit belongs to no emulation cluster or bloc — record its cluster or bloc on the unit's form");
    } else {
        r.evidence << ctx.subject.bloc;
        r.explanation = ctx.subject.blocKind == QLatin1String("khoi")
                            ? Tr::tr("member of the emulation bloc \"%1\".").arg(ctx.subject.bloc)
                            : Tr::tr("member of the emulation cluster \"%1\".").arg(ctx.subject.bloc);
    }
    return r;
}

/// {bloc} in a rule's text: the nominee's cluster/bloc, so the clerk confirms the right one.
QString withBloc(QString text, const Context &ctx)
{
    return text.replace(QLatin1String("{bloc}"), ctx.subject.bloc.isEmpty()
                                                     ? Tr::tr("its emulation cluster or bloc (none recorded for the unit)")
                                                     : ctx.subject.bloc);
}

} // namespace VinhDanh::Core::Eligibility::Parts
