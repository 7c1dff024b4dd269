#pragma once

#include "core/eligibility/eligibility.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

// Plain values of the award workflow (issue 4): proposal dossiers and their nominees,
// appraisal, council sessions and decisions. Ids are row ids (0 = none); `key` is the
// external key the CLI uses. Codes are stable ASCII text (docs/workflow.md).
namespace VinhDanh::Core::Workflow {

/// A dossier's place in the path through the office. Stored as the code of statusCode().
enum class Status { Draft, Submitted, UnderAppraisal, Returned, Appraised, BeforeCouncil, Decided };
/// What moves a dossier from one status to another (see statemachine.h for the table).
enum class Transition { Submit, Recall, StartAppraisal, Return, Resubmit, FinishAppraisal, PutToCouncil, Decide };

/// A council sitting: open while it sits, closed once its minutes are final (recordstates.h has
/// what each allows). Stored as the code of sittingStatusCode().
enum class SittingStatus { Open, Closed };
/// A decision: a draft may change; an issued one is frozen (a correction is a new decision that
/// amends it). Stored as the code of decisionStatusCode().
enum class DecisionStatus { Draft, Issued };

/// The required documents of a dossier (and 'khac' for any other file).
enum class DocumentKind { ToTrinh, DanhSach, BaoCaoThanhTich, BienBan, Other };

struct Dossier
{
    qint64 id = 0;
    QString key;          // internal: never shown
    int registerYear = 0; // its register number "HS 12/2025" (Registers::text), given on creation
    int registerSeq = 0;
    qint64 unitId = 0;                           // the proposing unit
    QString unitName;                            // filled by reads
    qint64 movementId = 0;                       // 0 = the regular track
    QString movementName;                        // filled by reads
    QString occasion = QStringLiteral("annual"); // annual | so_ket | tong_ket
    int year = 0;
    QString title;    // "Đề nghị khen thưởng năm 2025 …"
    QString letterNo; // số tờ trình, e.g. "45/TTr-SKHCN"
    QDate letterDate;
    Status status = Status::Draft;
    QString returnReason; // the latest "returned for supplement" reason
    QDateTime createdAt;
    QDateTime submittedAt;
    int nomineeCount = 0; // filled by reads
    int version = 0;
};

struct ChecklistItem
{
    qint64 id = 0;
    QString itemId; // the movement standard's id (stable within the movement)
    QString text;   // the standard in the plan's own words
    bool confirmed = false;
    QString evidence; // the clerk's evidence note
};

/// The checklist's rule: a ticked standard needs its evidence note. One translated line per
/// ticked standard without one (empty: none). DossierRepository::saveNominee refuses such a
/// nominee, whoever saves it (GUI, CLI, import); the nominee dialog shows the lines as the clerk types.
QStringList checklistProblems(const QList<ChecklistItem> &checklist);

/// One nominee of a dossier: exactly one of personId / unitId.
struct Nominee
{
    qint64 id = 0;
    qint64 dossierId = 0;
    int position = 0;
    qint64 personId = 0;
    qint64 unitId = 0;
    QString key;     // the person's or unit's external key (filled by reads)
    QString name;    // filled by reads
    QString context; // a person's position and unit, or a unit's parent (filled by reads)
    QString formCode;
    QString awardKind = QStringLiteral("cong_trang"); // codes of Codes::Set::AwardKind
    QString summary;                                  // tóm tắt thành tích
    QString engineVerdict;                            // eligible | not_eligible | needs_review (at entry)
    QString ruleSet;                                  // "nd152-2025 v1"
    QString proceedReason;                            // why the clerk went on although the engine said not eligible
    QStringList warnings;                             // entry warnings as shown, kept for the appraiser
    QList<ChecklistItem> checklist;
    int version = 0;
    bool isPerson() const { return personId > 0; }
};

struct Attachment
{
    qint64 id = 0;
    qint64 dossierId = 0;
    qint64 nomineeId = 0; // for a nominee's báo cáo thành tích
    DocumentKind kind = DocumentKind::Other;
    QString fileName;
    QString mime;
    qint64 size = 0;
    QString sha256;
    QDateTime addedAt;
};

/// One line of the required-documents checklist: what is needed, and whether a file is there.
struct RequiredDocument
{
    DocumentKind kind = DocumentKind::Other;
    qint64 nomineeId = 0; // for báo cáo thành tích
    QString label;        // "Báo cáo thành tích — Nguyễn Văn A"
    bool present = false;
};

struct Event
{
    QDateTime at;
    QString actor;
    QString transition; // code of transitionCode(), or "create"
    QString fromStatus; // status codes
    QString toStatus;
    QString reason;
};

/// A warning raised when a nominee is entered (or checked before entry).
struct EntryWarning
{
    /// NotOffered: the dossier's movement does not offer the form at the dossier's occasion.
    enum class Kind { DuplicateInMovement, AlreadyReceived, NotEligible, NeedsReview, NotOffered };
    Kind kind = Kind::NotEligible;
    QString message;            // translated, names the other dossier / the earlier award
    Eligibility::Result result; // the engine's answer (for NotEligible / NeedsReview)
    bool blocksWithoutReason() const { return kind == Kind::NotEligible || kind == Kind::NotOffered; }
};

struct Appraisal
{
    qint64 nomineeId = 0;
    QString engineVerdict; // the engine's verdict at appraisal time
    QString ruleSet;
    bool agreed = false;    // the appraiser's verdict: agreed to propose it, or not
    QString reason;         // the appraiser's reason (required when not agreed)
    QString overrideReason; // required when the appraiser's verdict differs from the engine's
    QString appraiser;
    QDateTime at;
};

/// What became of a nominee.
struct Outcome
{
    qint64 nomineeId = 0;
    QString outcome; // awarded | not_awarded | forwarded
    qint64 decisionId = 0;
    QString reason;
    QDateTime at;
    QString actor;
};

// ----- council -----

struct CouncilMember
{
    qint64 id = 0;
    int position = 0;
    QString fullName;
    QString title; // chức vụ / role in the council
    bool attended = true;
    bool secretary = false; // takes the minutes (at most one member of a sitting)
};

struct CouncilSession
{
    qint64 id = 0;
    QString key;          // internal: never shown
    int registerYear = 0; // its register number "Phiên 3/2026" (Registers::text), given on creation
    int registerSeq = 0;
    QString title;
    QDate heldOn;
    QString place;
    QString chair;
    int year = 0;
    qint64 movementId = 0;
    int quorumNum = 2; // from office settings when created
    int quorumDen = 3;
    SittingStatus status = SittingStatus::Open;
    QList<CouncilMember> members; // filled by session()
    int version = 0;
    // When it sat (null: not recorded; the end only with a start, and after it) and, when the
    // secretary is not a member (no member marked secretary), the secretary's name.
    QTime startTime;
    QTime endTime;
    QString secretary;

    /// Who takes the minutes: the member marked secretary, else the name given, else a member
    /// whose role in the council is "Thư ký …" or "Ủy viên thư ký" (the part of the title after
    /// its last dash): sittings recorded before the mark.
    QString secretaryName() const;
};

/// The share of "agree" votes needed for a form.
struct Threshold
{
    QString formCode; // or "*"
    int percent = 50;
    QString basis = QStringLiteral("present"); // members | present
    bool strictlyMore = true;
    QString source;
    bool confirmed = false;
};

/// A nominee before a sitting and its tally.
struct CouncilItem
{
    qint64 id = 0;
    qint64 sessionId = 0;
    qint64 nomineeId = 0;
    int position = 0;
    QString nomineeName;   // filled by reads
    QString formCode;      // filled by reads
    QString dossierKey;    // filled by reads (internal)
    QString dossierNumber; // "HS 12/2025", filled by reads
    QList<qint64> conflictedMemberIds;
    bool tallied = false;
    int agree = 0, disagree = 0, abstain = 0;
    int voters = 0;      // who could vote on this nominee (conflicts left out)
    int base = 0;        // the number the threshold is a share of
    Threshold threshold; // as used
    bool passed = false;
};

/// The pure arithmetic of a sitting, shared by the repository, the GUI's live preview and tests.
namespace Council {
/// attended / members ≥ num / den (members > 0).
bool quorumMet(int members, int attended, int num, int den);
/// A time of day as the clerk types it: "8:00", "08:00", "8h30", "08 giờ 30"; empty gives a
/// null QTime. Error ("25:00 is not a time of day …") for anything else.
QTime timeOfDay(const QString &text);

struct TallyInput
{
    int members = 0;           // all members of the sitting
    int present = 0;           // members who attended
    int conflictedMembers = 0; // members with a declared conflict for this nominee
    int conflictedPresent = 0; // of them, those who attended
    int agree = 0, disagree = 0, abstain = 0;
};
struct TallyOutcome
{
    bool valid = false; // false: more ballots than voters, or a negative count
    QString problem;    // translated, when not valid
    int voters = 0;
    int base = 0;
    bool passed = false;
};
/// Applies a threshold: voters are (members or present) minus the conflicted; passed when
/// agree ≥ (or >) percent × base.
TallyOutcome evaluate(const Threshold &threshold, const TallyInput &input);
} // namespace Council

// ----- decisions and money -----

/// Quyết định khen thưởng.
struct Decision
{
    qint64 id = 0;
    QString key;
    QString issuer; // register owner, e.g. "UBND tỉnh"
    int year = 0;
    int registerNo = 0; // 123
    QString number;     // "123/QĐ-UBND"
    QDate date;
    QString title; // trích yếu
    QString signer;
    QString signerTitle; // "Chủ tịch", "Phó Chủ tịch"
    QString authority;   // "" | TM | KT | Q
    qint64 sessionId = 0;
    qint64 movementId = 0;
    qint64 amendsId = 0;
    qint64 baseSalary = 0; // in force on the date (set when awardees are priced)
    qint64 total = 0;
    DecisionStatus status = DecisionStatus::Draft;
    QDateTime issuedAt;
    QString issuedBy;
    int awardeeCount = 0; // filled by reads
    int version = 0;
};

/// What a decision is about, as its awardees' dossiers say (not its council sitting): a
/// movement only when every awardee came from a dossier of that movement.
struct DecisionBasis
{
    qint64 movementId = 0; // 0: the regular track
    QString movementName;
    QString occasion = QStringLiteral("annual"); // the dossiers' common occasion
    int year = 0;                                // the dossiers' common year of achievement, else the decision's year
    bool fromDossiers = false;                   // at least one awardee came from a dossier
};

struct Awardee
{
    qint64 id = 0;
    qint64 decisionId = 0;
    int position = 0;
    qint64 nomineeId = 0; // 0 for an awardee typed in directly
    qint64 personId = 0;
    qint64 unitId = 0;
    QString key;     // filled by reads
    QString name;    // filled by reads
    QString context; // filled by reads
    QString formCode;
    QString awardKind = QStringLiteral("cong_trang");
    QString recipient; // individual | collective
    int coefficientMilli = 0;
    qint64 amount = 0;
    qint64 awardId = 0; // the ledger row, once issued
};

struct BaseSalary
{
    qint64 id = 0;
    QDate effectiveFrom;
    qint64 amount = 0;
    QString source;
};

struct Coefficient
{
    qint64 id = 0;
    QString formCode;
    QString recipient; // individual | collective
    QDate effectiveFrom;
    int coefficientMilli = 0; // 1.5 → 1500
    QString source;
    bool confirmed = true;
};

namespace Money {
/// coefficient × base salary, rounded UP to the next 10,000 đồng (Decree 98 Art 53, kept by 152).
qint64 bonus(int coefficientMilli, qint64 baseSalary);
/// "1,5" style text of a coefficient for people (vi_VN decimal comma); parse accepts , or .
QString coefficientText(int coefficientMilli);
/// Returns -1 when the text is not a non-negative number with at most three decimals.
int parseCoefficient(const QString &text);
/// "2.340.000" (vi_VN grouping).
QString amountText(qint64 dong);
} // namespace Money

// ----- codes and labels -----
QString statusCode(Status s);
/// The stored code as an SQL literal ("'draft'"): codes are fixed words, never input.
QString statusSql(Status s);
/// Throws Error for an unknown code.
Status statusFromCode(const QString &code);
QString statusLabel(Status s); // translated
QList<Status> allStatuses();   // in workflow order
QString transitionCode(Transition t);
bool transitionFromCode(const QString &code, Transition *out);
QString transitionLabel(Transition t); // translated, a verb phrase for buttons ("Submit")
QList<Transition> allTransitions();
QString documentKindCode(DocumentKind k);
DocumentKind documentKindFromCode(const QString &code);
QString documentKindLabel(DocumentKind k);    // translated
QString outcomeLabel(const QString &outcome); // translated

} // namespace VinhDanh::Core::Workflow
