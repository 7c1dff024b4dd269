#pragma once

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core {

class Database;

/// The public face of the award-eligibility engine (issue 3). Rules are data: one rule-set
/// file per legal basis (resources/rules/*.json, plus sets imported by the clerk and kept in
/// the database); the set in force on the evaluation date is chosen automatically.
namespace Eligibility {

enum class Verdict { Eligible, NotEligible, NeedsReview };
/// "eligible", "not_eligible", "needs_review" (stable: the CLI's JSON uses them).
QString verdictCode(Verdict v);
/// Translated, for people.
QString verdictLabel(Verdict v);

/// The four outcomes a clerk reads (issue 13 item 6), refined from the verdict: eligible;
/// eligible on the records, awaiting the clerk's confirmation of the items named
/// (Result::checklist; the verdict NeedsReview); not eligible (the trace names the year or
/// record); missing data (not eligible only because the year under review has no rating yet:
/// with one the records could qualify the nominee; Result::missing says what to enter).
enum class Outcome { Eligible, AwaitingConfirmation, NotEligible, MissingData };
/// "eligible", "awaiting_confirmation", "not_eligible", "missing_data" (stable, for JSON).
QString outcomeCode(Outcome o);
/// Translated: "Eligible", "Eligible on the records, awaiting confirmation", "Not eligible",
/// "Missing data".
QString outcomeLabel(Outcome o);
/// The outcome a verdict gives when no data is missing.
Outcome outcomeOf(Verdict v);

/// A clerk's confirmation that made a condition met: its evidence note, and who gave it,
/// when and where. Saved ones come from the eligibility page (`vinhdanh-cli confirm`, table
/// eligibility_confirmations) or a dossier's checklist; a request may also carry its own.
struct Confirmation
{
    enum class Source { None, Request, Saved, Dossier };
    Source source = Source::None;
    QString note;
    QString by;      // Saved: the account (or "os:<login>"); empty otherwise
    QString at;      // Saved: ISO UTC timestamp; empty otherwise
    QString dossier; // Dossier: the dossier's key and title
    bool isSet() const { return source != Source::None; }
    /// "request", "eligibility" (saved on the eligibility page), "dossier"; empty for None.
    QString sourceCode() const;
};

/// One condition of the trace, possibly with sub-conditions (all-of / any-of groups).
struct ConditionResult
{
    QString id;                           // stable id within the rule, e.g. "ratings-5y"
    QString description;                  // what the condition asks, in plain Vietnamese words ("5 năm liên tục HTTNV trở lên")
    Verdict state = Verdict::NotEligible; // Eligible = met; NeedsReview = the clerk must decide
    QString explanation;                  // what was found or what is missing, actionable ("thiếu xếp loại HTXSNV năm 2024")
    QStringList evidence;                 // the records it used ("2023: HTXSNV", "CSTDCS 2022 (QĐ 12/QĐ-UBND)")
    QString progress;                     // "3/5 năm liên tục", empty when not a count
    int progressDone = 0;                 // the same count as numbers (progressNeeded 0 = not a count): the
    int progressNeeded = 0;               // headline follows the branch closest to passing
    /// A clause for another category of nominee (Art 24(3) for a civil servant): it reads
    /// "does not apply", its state stays NotEligible for the any-of, its sub-conditions are folded away.
    bool notApplicable = false;
    QList<ConditionResult> children;
    Confirmation confirmation; // set when the clerk's confirmation made it met
};

struct RuleSetInfo
{
    QString id;
    int version = 0;
    QString title;
    QStringList citations;
    QDate effectiveFrom;
    bool builtIn = true;
};

struct Request
{
    qint64 personId = 0; // exactly one of personId / unitId
    qint64 unitId = 0;
    QString awardCode;     // LDTT, CSTDCS, … (docs/award-codes.md)
    int year = 0;          // the achievement year being considered
    qint64 movementId = 0; // optional: adds the movement's own standards for the nominee's category
    QString occasion;      // optional: annual | so_ket | tong_ket
    QDate evaluationDate;  // picks the rule set in force; default: 31 December of `year`
    /// Clerk's confirmations of movement standards, keyed by ConditionResult::id.
    QMap<QString, QString> confirmations; // id → evidence note
    /// Also count the confirmations saved for this nominee, award, year (and movement) on the
    /// eligibility page and on dossier checklists; `confirmations` above wins over them.
    bool savedConfirmations = true;
};

struct Result
{
    Verdict verdict = Verdict::NotEligible;
    QString awardCode;
    QString awardName;
    RuleSetInfo ruleSet; // the set and version used
    QList<ConditionResult> conditions;
    QString progress;      // overall progress toward the award, e.g. "3/5 năm liên tục"
    int earliestYear = 0;  // earliest year the nominee could qualify if every coming year were HTXSNV; 0 = unknown/never
    QStringList checklist; // for needs_review: what the clerk must check by hand
    Outcome outcome = Outcome::NotEligible; // see Outcome
    QStringList missing;                    // for missing data: what to enter ("the rating of 2025")
};

} // namespace Eligibility
} // namespace VinhDanh::Core
