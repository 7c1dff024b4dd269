#pragma once

#include "core/registry/registry.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace VinhDanh::Core {

class Database;
class Query;
class RowWriter;

namespace Eligibility {

/// A unit's bình xét minutes (biên bản họp bình xét thi đua, table review_minutes, schema
/// step 7): the meeting that reviewed its people and units for a year, and whom it named.
struct ReviewMinutes
{
    qint64 id = 0;
    QString key; // the external key the CLI names it by; generated when empty
    qint64 unitId = 0;
    QString unitName; // read back, for lists
    int year = 0;
    QDate date;     // the meeting's date
    QString number; // "12/BB-HĐTĐKT", may be empty
    QString attendees;
    QString note;
    QList<Subject> subjects; // the people and units it names, in order
    QString by;              // who recorded it, and when (ISO UTC)
    QString at;
    int version = 0;

    /// The evidence a confirmation from these minutes carries: "Biên bản họp bình xét số …
    /// ngày dd/mm/yyyy" (translated).
    QString evidence() const;
};

/// What confirmFrom() did.
struct MinutesConfirmation
{
    int subjects = 0;  // nominees whose items it confirmed
    int confirmed = 0; // items newly confirmed
    int kept = 0;      // items that were confirmed already (their note stays)
};

/// The bình xét minutes of the units. Writing needs EditRegistry for the minutes' unit (a
/// clerk: their own subtree), like the confirmations; reading lists only what the session may
/// see. Every change is audited by the database.
class MinutesRepository
{
public:
    explicit MinutesRepository(Database &db) : m_db(db) {}

    /// Records new minutes (`minutes.id` 0). Needs a unit, a year from 1945 to 2100, a date in
    /// or after that year's start and at least one person or unit it names, each in the
    /// minutes' unit or below it. A bad entry throws Error and stores nothing. Returns the
    /// stored minutes (with its key).
    ReviewMinutes add(const ReviewMinutes &minutes);
    std::optional<ReviewMinutes> get(qint64 id) const;
    /// By external key; nullopt when there is none (or the session may not see it).
    std::optional<ReviewMinutes> byKey(const QString &key) const;
    /// The minutes of a year (0: every year), of a unit (0: every unit the session sees),
    /// newest meeting first.
    QList<ReviewMinutes> list(int year = 0, qint64 unitId = 0) const;
    /// The minutes that name a subject in a year, newest first (the dossier and candidates
    /// dialogs offer them).
    QList<ReviewMinutes> naming(const Subject &subject, int year) const;

    /// Confirms, for every nominee the minutes name (or only `only`, each of which must be
    /// named), the qualitative items that are facts of the person or unit and the year
    /// (ConfirmationRepository::yearFactItems), with the minutes as evidence; they then count
    /// for every award form of the year. An item confirmed already keeps its note. One
    /// transaction: a refusal leaves every confirmation as it was.
    MinutesConfirmation confirmFrom(qint64 minutesId, const QList<Subject> &only = {});

    /// The subjects' one INSERT (core/registry/rowwriter.h): add() and undoing a merge write through it.
    static const RowWriter &subjectRows();

private:
    QList<ReviewMinutes> select(const QString &where, const std::function<void(Query &)> &bind) const;
    Database &m_db;
};

} // namespace Eligibility
} // namespace VinhDanh::Core
