#pragma once

#include "core/eligibility/eligibility.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core::Eligibility {

/// One node of a rule's condition tree, as read from a rule-set file (docs/rules-format.md).
/// Only the fields of its `type` are used; the parser has checked them.
struct Condition
{
    QString id;
    QString type;        // allOf anyOf recipient ratingStreak ratingCount titleCount afterAward initiatives
                         // memberShare memberDiscipline noDiscipline judgement movementStandards inEmulationBloc
    QString description; // Vietnamese, from the file
    QString citation;
    QString checklist;        // judgement / unconfirmed: what the clerk must check
    bool unconfirmed = false; // the notes mark the standard unconfirmed: computed, but needs review
    bool route = false;       // judgement: an alternative route the registry cannot see
    bool namesBloc = false;   // description or checklist holds {bloc}: the nominee's cluster/bloc goes there

    QStringList awards;       // titleCount, afterAward, memberShare (award)
    QString minRating;        // ratingStreak, ratingCount, afterAward, memberShare
    QStringList orTitles;     // ratingStreak: a year also counts when it carries one of these titles
    int years = 0;            // ratingStreak, afterAward
    int count = 0;            // ratingCount, titleCount, initiatives
    int window = 0;           // years ending at the evaluated year; 0 = the enclosing window / all
    bool consecutive = false; // titleCount
    int step = 1;             // titleCount (consecutive): years between two grants
    QString minLevel;         // initiatives
    int minPercent = -1;      // memberShare
    int minCount = -1;        // memberShare
    QString minKind;          // memberDiscipline
    QString recipientKind;    // recipient: individual | collective
    QStringList personCategories;
    QStringList unitKinds;
    QList<Condition> children; // allOf/anyOf "of", afterAward "within"

    // Precomputed by the parser so evaluation compares numbers, not texts.
    enum class Op {
        AllOf,
        AnyOf,
        Recipient,
        RatingStreak,
        RatingCount,
        TitleCount,
        AfterAward,
        Initiatives,
        MemberShare,
        MemberDiscipline,
        NoDiscipline,
        Judgement,
        MovementStandards,
        InEmulationBloc
    };
    Op op = Op::AllOf;
    int minRatingLevel = -1;
    int minInitiativeLevel = -1;
    int minSeverity = -1;
};

struct AwardRule
{
    QString code;
    QString name;
    QString recipients; // individual | collective
    QString citation;
    QString progressId; // the condition whose progress is the award's headline progress
    Condition condition;
};

struct RuleSet
{
    RuleSetInfo info;
    QList<Condition> common; // applied to every award
    QList<AwardRule> rules;
    QByteArray text; // the file as read (stored on import)

    const AwardRule *rule(const QString &code, bool collective) const;
    /// The codes the set covers, in file order, without duplicates.
    QStringList codes() const;
};

/// Parses and validates a rule-set file. Throws Error "FILE, line N: reason" for a file that is
/// not JSON, not a rule set, or has a wrong field (the line of the offending object or key).
RuleSet parseRuleSet(const QByteArray &text, const QString &fileName);

/// Rating order: HTXSNV 3, HTTNV 2, HTNV 1, KHTNV 0; -1 for an unknown code.
int ratingLevel(const QString &code);
/// Initiative levels: co_so 0, tinh 1, toan_quoc 2; -1 unknown.
int initiativeLevel(const QString &code);
/// Discipline severity: khien_trach 1 … buoc_thoi_viec 6; khac 0 (unknown severity); -1 invalid.
int disciplineSeverity(const QString &code);

} // namespace VinhDanh::Core::Eligibility
