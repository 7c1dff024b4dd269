#pragma once

#include "core/eligibility/eligibility.h"
#include "core/registry/registry.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace VinhDanh::Core {

class Database;
class RowWriter;

namespace Eligibility {

/// What one confirmation answers: a nominee, an award form, a year, an item of the engine's
/// trace (ConditionResult::id) and, for a movement's own standards, the movement.
struct ConfirmationKey
{
    Subject subject;
    QString awardCode; // empty: every award form of the year (a year fact, see isYearFact)
    int year = 0;
    qint64 movementId = 0; // kept for "movement-…" items only; 0 for the rule's own conditions
    QString itemId;
};

/// A stored row of eligibility_confirmations (schema version 5).
struct SavedConfirmation
{
    qint64 id = 0;
    ConfirmationKey key;
    bool confirmed = false;
    QString evidence;
    QString by; // the account (or "os:<login>") that last ticked or un-ticked it
    QString at; // when, ISO UTC
    int version = 0;
    qint64 minutesId = 0; // the bình xét minutes it was confirmed from (review_minutes), 0 = by hand
};

/// The nominee's confirmations that count for one evaluation: award code → item id → who,
/// when, where. Built by ConfirmationRepository::effective() for the service. The empty code
/// holds the year facts, which count for every form: read a form's through forAward().
using GivenConfirmations = QHash<QString, QMap<QString, Confirmation>>;

/// What counts for one award form: the year facts, then the form's own rows over them.
QMap<QString, Confirmation> forAward(const GivenConfirmations &given, const QString &awardCode);

/// The clerk's confirmations on the eligibility page (GUI panel, `vinhdanh-cli confirm`).
/// Writing needs EditRegistry for the nominee's unit (a clerk: their own subtree), like the
/// registry records; every change is audited by the database.
class ConfirmationRepository
{
public:
    explicit ConfirmationRepository(Database &db) : m_db(db) {}

    /// The confirmations' one INSERT (core/registry/rowwriter.h): the minutes and the importer
    /// build theirs from it.
    static const RowWriter &rows();

    /// Ids of a movement's own standards ("movement-G-I"): the only items tied to a movement.
    static bool isMovementItem(const QString &itemId);
    /// Items that are facts about the nominee and the year, not about one award form (not
    /// under review for discipline, solidarity, active emulation, compliance with the law):
    /// once confirmed, for one form or from the bình xét minutes, they count for every form
    /// of that year. Stored with no award code.
    static bool isYearFact(const QString &itemId);
    /// The year-fact items that apply to a person (`units` false) or to a unit.
    static QStringList yearFactItems(bool units);
    /// The award code a confirmation of `itemId` is stored under: empty for a year fact.
    static QString storedAwardCode(const QString &awardCode, const QString &itemId);

    std::optional<SavedConfirmation> get(const ConfirmationKey &key) const;
    /// Every stored row (ticked or not) of a nominee for a year: the movement's rows and the
    /// rows without a movement.
    QList<SavedConfirmation> forNominee(const Subject &subject, int year, qint64 movementId = 0) const;

    /// Ticks (confirmed, with a non-empty evidence note) or un-ticks the item. Un-ticking keeps
    /// the note for the record. `expectedVersion`: the version the caller read (0 = no row
    /// yet); a row that moved on since throws ConflictError. -1 writes whatever is stored.
    /// Throws PermissionError outside the session's subtree, Error for a missing note.
    /// A year fact is stored for every form of the year whatever `key.awardCode` says.
    /// `minutesId`: the bình xét minutes the confirmation comes from (0: by hand).
    SavedConfirmation save(const ConfirmationKey &key, bool confirmed, const QString &evidence, int expectedVersion = -1,
                           qint64 minutesId = 0);

    /// What counts for the nominee's evaluation: confirmed rows of the dossier checklists
    /// (same nominee, year and movement), then the ones saved here, which win over them.
    GivenConfirmations effective(const Subject &subject, int year, qint64 movementId) const;
    /// The same for everyone in a year (the candidates sweep), in two queries.
    QHash<qint64, GivenConfirmations> effectiveForPeople(int year, qint64 movementId) const;
    QHash<qint64, GivenConfirmations> effectiveForUnits(int year, qint64 movementId) const;

private:
    QHash<qint64, GivenConfirmations> effectiveFor(const QString &column, const QString &filter, int year, qint64 movementId,
                                                   qint64 subjectId) const;
    Database &m_db;
};

} // namespace Eligibility
} // namespace VinhDanh::Core
