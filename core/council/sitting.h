#pragma once

#include "core/proposals/codes.h"
#include "core/proposals/paydata.h"
#include "core/proposals/registernumbers.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

// Plain values of a council sitting: its members, the nominees put to it and their tallies.
namespace VinhDanh::Core::Workflow {

struct CouncilMember
{
    qint64 id = 0;
    int position = 0;
    QString fullName;
    QString title; // chức vụ / role in the council
    bool attended = true;
    bool secretary = false; // takes the minutes (at most one member of a sitting)
};

struct Sitting
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

namespace Registers {
/// Its register number as a clerk reads it.
inline QString text(const Sitting &session)
{
    return text(Book::Sitting, session.registerYear, session.registerSeq);
}
} // namespace Registers

} // namespace VinhDanh::Core::Workflow
