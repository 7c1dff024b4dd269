#pragma once

#include "core/eligibility/eligibility.h"
#include "core/eligibility/history.h"
#include "core/eligibility/ruleset.h"

#include <QMap>

namespace VinhDanh::Core {
struct Movement;
}

namespace VinhDanh::Core::Eligibility {

/// Normal: judgements and unconfirmed standards answer "needs review" unless confirmed.
/// Screen: what the registry alone says — a judgement that is a separate route counts as not
/// met, any other judgement (and every movement standard) as met, unconfirmed standards as
/// computed. The candidates sweep and the earliest-year simulation use Screen.
enum class Mode { Normal, Screen };

struct Context
{
    const Registry &registry;
    const SubjectHistory &subject;
    int year = 0;
    QString awardCode;
    const QMap<QString, QString> &confirmations;
    Mode mode = Mode::Normal;
    bool explain = true; // false: states (and no texts) only, for the sweep
    const Movement *movement = nullptr;
    QString occasion;
    int windowFrom = 0; // the enclosing window (afterAward), 0 = none
    int windowTo = 0;
    int cutoff = 0; // SubjectHistory::cutoff(year)
};

/// One condition (and its sub-conditions) for the context's subject and year.
ConditionResult evaluateCondition(const Condition &condition, const Context &context);
/// The movement's own standards for the nominee's category (conditions.cpp builds the node).
ConditionResult movementStandards(const QString &id, const Context &context);

struct EvalOptions
{
    int year = 0;
    const Movement *movement = nullptr;
    QString occasion;
    QMap<QString, QString> confirmations;
    Mode mode = Mode::Normal;
    bool explain = true;
    bool earliest = true; // simulate forward for Result::earliestYear
};

/// A whole award rule, with the set's common conditions and the movement's standards.
Result evaluateRule(const RuleSet &set, const AwardRule &rule, const Registry &registry, const SubjectHistory &subject,
                    const EvalOptions &options);
/// evaluateRule(…).verdict with explain off, without building the Result (the sweep's screen).
Verdict ruleVerdict(const RuleSet &set, const AwardRule &rule, const Registry &registry, const SubjectHistory &subject,
                    const EvalOptions &options);

/// A code's label in the middle of a sentence: first letter in lower case ("công chức",
/// "cấp cơ sở", "cảnh cáo"), unless it starts an acronym ("UBND xã, phường").
QString inSentence(const QString &label);
/// The subject's category (person) or kind (unit), in words.
QString subjectCategoryName(const SubjectHistory &subject);

/// Person categories (or unit kinds) in words, joined by commas.
QString categoryNames(const QStringList &codes, bool units);
/// Folds the branches of an any-of that are for other categories of nominee: they read "does
/// not apply" instead of "not met" and keep no sub-conditions (conditions.cpp calls it).
void markNotApplicable(const Condition &anyOf, ConditionResult &result, const Context &context);

/// The conditions state combined as all-of / any-of.
Verdict allOf(const QList<Verdict> &states);
Verdict anyOf(const QList<Verdict> &states);

} // namespace VinhDanh::Core::Eligibility
