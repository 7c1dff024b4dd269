#pragma once

#include "core/eligibility/eligibility.h"
#include "core/proposals/codes.h"
#include "core/proposals/registernumbers.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

// Plain values of a proposal dossier (issue 4): the dossier, its nominees, attachments, events,
// appraisal and outcomes. Ids are row ids (0 = none); `key` is the external key the CLI uses.
namespace VinhDanh::Core::Workflow {

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

namespace Registers {
/// Its register number as a clerk reads it.
inline QString text(const Dossier &dossier)
{
    return text(Book::Dossier, dossier.registerYear, dossier.registerSeq);
}
} // namespace Registers

} // namespace VinhDanh::Core::Workflow
