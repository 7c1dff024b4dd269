#pragma once

#include "core/council/sitting.h"
#include "core/proposals/recordstates.h"

#include <QList>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Workflow {

/// Sittings of the Hội đồng Thi đua – Khen thưởng: members and attendance, the nominees put
/// before it, conflicts of interest and the secret-ballot tallies.
class CouncilRepository
{
public:
    explicit CouncilRepository(Database &db) : m_db(db) {}

    QList<Sitting> sessions() const;  // newest first, without members
    Sitting session(qint64 id) const; // with members; Error when missing
    qint64 idForKey(const QString &key) const;

    /// Creates (quorum from office settings "council.quorum") or updates a sitting's header
    /// and its members (replaced as given, with attendance). Refused once closed, and when the
    /// end time is not after the start time (or has no start), when more than one member is
    /// marked secretary, or when a member is marked and another secretary is named.
    qint64 save(Sitting &session);
    void setAttendance(qint64 memberId, bool attended);
    /// Closing freezes the sitting (the minutes' data); refused while an item is untallied.
    /// Writes the outcome "not awarded" (with the vote and threshold as reason) of every nominee
    /// whose tally failed, and moves dossiers left with no nominee awaiting an outcome to
    /// decided.
    void close(qint64 sessionId);

    /// Puts a nominee of a dossier in status appraised or before_council, agreed by the
    /// appraiser, without an outcome yet and not before another open sitting nor passed at
    /// one, before the sitting (a nominee already on it keeps its item). Putting the first nominee of an appraised dossier moves
    /// the dossier to before_council when all its agreed nominees are on a sitting.
    /// A sitting of a movement takes the dossiers of that movement; a regular-track dossier
    /// only with `confirmRegular` (Error otherwise, saying so); another movement's never. A
    /// sitting of the regular track takes any dossier.
    qint64 addItem(qint64 sessionId, qint64 nomineeId, bool confirmRegular = false);
    /// Adds every agreed nominee of the dossier (PutToCouncil), with the same acceptance.
    void addDossier(qint64 sessionId, qint64 dossierId, bool confirmRegular = false);

    /// An open sitting that can take a dossier ("Trình Hội đồng").
    struct Offer
    {
        Sitting session;
        bool needsConfirmation = false; // a movement's sitting, a regular-track dossier
        QString note;                   // translated, why the confirmation is needed
    };
    /// The open sittings that accept the dossier, newest first.
    QList<Offer> sittingsFor(qint64 dossierId) const;
    /// "Trình Hội đồng" when no open sitting accepts the dossier: opens a sitting of its track
    /// (its movement, or the regular track) and year on `heldOn`, with the members of the latest
    /// sitting (all marked present; the secretary corrects the roll), and puts the dossier before
    /// it, in one transaction. Error when no sitting was ever recorded: the first one's members
    /// are entered under Council. Returns the new sitting's id.
    qint64 openSittingFor(qint64 dossierId, const QDate &heldOn);
    QList<CouncilItem> items(qint64 sessionId) const;
    CouncilItem item(qint64 itemId) const;
    void setConflicts(qint64 itemId, const QList<qint64> &memberIds);

    /// Whether the sitting has its quorum (Council::quorumMet over its members).
    bool quorumMet(qint64 sessionId) const;
    /// The threshold in force for a form (its own row, else "*").
    Threshold thresholdFor(const QString &formCode) const;
    /// Records the tally of one item: refused without quorum, on a closed sitting, or when the
    /// ballots exceed the voters. Stores the threshold used and the result. May be entered
    /// again while the sitting is open; a failed tally becomes the nominee's outcome "not
    /// awarded" when the sitting is closed (an outcome never changes once written).
    /// setConflicts() that changes the conflicts clears the item's tally.
    void recordTally(qint64 itemId, int agree, int disagree, int abstain);

private:
    Database &m_db;
};

} // namespace VinhDanh::Core::Workflow
