#pragma once

#include "core/dossiers/dossier.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace VinhDanh::Core {
class Database;
class RowWriter;
} // namespace VinhDanh::Core

namespace VinhDanh::Core::Workflow {

/// Counts per status for the work queue.
using StatusCounts = QMap<Status, int>;

struct DossierFilter
{
    bool anyStatus = true;
    Status status = Status::Draft;
    qint64 movementId = 0; // 0 = any
    int year = 0;          // 0 = any
    qint64 personId = 0;   // dossiers naming this person
    qint64 unitId = 0;     // dossiers naming this unit as nominee or proposing unit
};

/// Proposal dossiers: their content, the state machine, entry warnings and appraisal.
/// Every write checks the session's permission (Permissions), runs in one transaction and is
/// audited; content writes are refused once the dossier is submitted (and by the database's
/// own guards — see workflowschema.h).
class DossierRepository
{
public:
    explicit DossierRepository(Database &db) : m_db(db) {}

    // A clerk works on their own unit's subtree (Permissions::visibleRoot): the counts and the
    // list hold the dossiers its units proposed, and dossier() refuses any other. Every other
    // role, and a database without accounts, sees every dossier.
    StatusCounts counts() const;
    /// Newest first.
    QList<Dossier> list(const DossierFilter &filter = {}) const;
    /// Opens a dossier: Error when missing, PermissionError when a clerk's subtree does not hold
    /// its proposing unit.
    Dossier dossier(qint64 id) const;
    /// The dossier for naming it where dossiers of many units meet (a council sitting, a
    /// decision's "at the proposal of…"): like dossier(), without the clerk's limit.
    Dossier reference(qint64 id) const;
    qint64 idForKey(const QString &key) const;

    /// Creates (id 0) or updates a draft/returned dossier's header. Validates (unit, year,
    /// occasion, title). Returns the id; `d` gets its key/version.
    qint64 save(Dossier &d);
    /// Only a draft that was never submitted… or recalled to draft.
    void remove(qint64 id);

    // --- nominees ---
    QList<Nominee> nominees(qint64 dossierId) const;
    Nominee nominee(qint64 nomineeId) const;
    /// What would be warned if this nominee were entered: the same person/unit already in
    /// another proposal of the movement (same year and occasion); the form already received
    /// inside its repeat window; the engine's verdict if not eligible or needs review.
    QList<EntryWarning> warningsFor(const Dossier &dossier, const Nominee &nominee) const;
    /// Adds or updates a nominee (and its checklist). Runs warningsFor(): when the engine says
    /// not eligible, `nominee.proceedReason` must be given or Error is thrown. Stores the
    /// engine verdict, rule set and the warnings' text with the nominee. Returns the id.
    qint64 saveNominee(Nominee &nominee);
    /// The nominees' one INSERT (core/registry/rowwriter.h): saveNominee and undoing a merge write through it.
    static const RowWriter &nomineeRows();
    void removeNominee(qint64 nomineeId);
    /// The movement's standards for the nominee's category (empty for the regular track), as
    /// an unconfirmed checklist, for a new nominee.
    QList<ChecklistItem> standardChecklist(const Dossier &dossier, const Nominee &nominee) const;

    // --- attachments and required documents ---
    QList<Attachment> attachments(qint64 dossierId) const;
    qint64 addAttachment(qint64 dossierId, DocumentKind kind, qint64 nomineeId, const QString &fileName, const QByteArray &data);
    /// Reads a file from disk and adds it (Error naming the file when unreadable).
    qint64 addAttachmentFile(qint64 dossierId, DocumentKind kind, qint64 nomineeId, const QString &path);
    QByteArray attachmentData(qint64 attachmentId) const;
    void removeAttachment(qint64 attachmentId);
    /// tờ trình, danh sách, one báo cáo thành tích per nominee, biên bản họp hội đồng.
    QList<RequiredDocument> requiredDocuments(qint64 dossierId) const;

    // --- the state machine ---
    /// Applies a transition with its checks (StateMachine table, reason when needed, every
    /// nominee appraised before FinishAppraisal, every outcome known before Decide, the role
    /// allowed), records the event. Throws Error with a clear message when refused.
    void transition(qint64 dossierId, Transition t, const QString &reason = {});
    QList<Event> history(qint64 dossierId) const;

    // --- appraisal ---
    /// The engine's current verdict and trace for a nominee (evaluated now); Error when no
    /// rule covers the nominee's form.
    Eligibility::Result evaluate(const Nominee &nominee) const;
    /// The same, none when no rule covers the form (e.g. HCLD_2, or a year before every rule
    /// set): the appraiser judges it by hand. A database failure still throws.
    std::optional<Eligibility::Result> evaluateIfRuled(const Nominee &nominee) const;
    /// Records the appraiser's verdict for a nominee of a dossier under appraisal. A verdict
    /// that differs from the engine's needs `overrideReason`; "not agreed" needs `reason`.
    void appraise(qint64 nomineeId, bool agreed, const QString &reason, const QString &overrideReason = {});
    /// Empty `nomineeId` entries for nominees not appraised yet are left out.
    QList<Appraisal> appraisals(qint64 dossierId) const;

    // --- outcomes ---
    QList<Outcome> outcomes(qint64 dossierId) const;
    /// Marks an agreed nominee whose form a higher level decides as forwarded (after the
    /// council passed it), or records "not awarded" with a reason.
    void recordOutcome(qint64 nomineeId, const QString &outcome, const QString &reason);

private:
    Database &m_db;
};

} // namespace VinhDanh::Core::Workflow
