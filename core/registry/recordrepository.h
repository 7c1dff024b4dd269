#pragma once

#include <QSet>

#include <memory>

#include "core/registry/registry.h"

#include <QList>
#include <QMap>
#include <QString>

namespace VinhDanh::Core {

class Database;
class RowWriter;
class Query;

/// A year on a person's or unit's page: the task rating and the emulation titles received.
struct YearRecord
{
    int year = 0;
    QString rating;         // code, empty if not rated
    QStringList titleCodes; // award forms of kind "title" received for that year
};

/// An award as the ledger shows it, with names resolved.
struct AwardRow
{
    Award award;
    QString formName;
    QString movementName;
};

/// Yearly ratings, the award ledger, initiatives and disciplines of people and units.
class RecordRepository
{
public:
    explicit RecordRepository(Database &db) : m_db(db) {}

    /// The ledger tables' one INSERT each (core/registry/rowwriter.h): the importer, the demo, the
    /// staff-list commit and decision issue build theirs from them.
    static const RowWriter &ratingRows();
    static const RowWriter &awardRows();
    static const RowWriter &initiativeRows();
    static const RowWriter &holderRows(); // initiative_holders
    static const RowWriter &disciplineRows();

    QList<AwardForm> awardForms() const;
    QString awardFormName(const QString &code) const;

    /// Years with a rating or a title, newest first.
    QList<YearRecord> yearRecords(const Subject &subject) const;
    QList<Rating> ratings(const Subject &subject) const;
    /// Sets the rating of a year (insert or replace). Validates.
    void setRating(const Rating &rating);

    /// Sets many years' ratings (a staff list imported from Excel) with its statements prepared
    /// once: each rating is validated and permission-checked as setRating() does, and audited
    /// the same, inside the caller's transaction (which a failure must roll back). setRating()
    /// writes through one as well, so a year's rating has one writer.
    class RatingBatch
    {
    public:
        explicit RatingBatch(Database &db);
        ~RatingBatch();
        /// Inserts or replaces the rating of `rating.year`; a rating read before (with an id)
        /// is updated only if its version is still the stored one (ConflictError otherwise).
        /// `subjectIsNew`: the person or unit was created in this transaction and has no
        /// rating yet, so the year is inserted without first trying to update it.
        void set(const Rating &rating, bool subjectIsNew = false);
        /// Ratings of people or units created in this transaction (so none is stored yet),
        /// validated and checked as set() does, inserted in one statement: on PostgreSQL one
        /// round trip for the five years of a staff list's row, not five.
        void insertNew(const QList<Rating> &ratings);

    private:
        struct Statements;
        void requireOnce(const Subject &subject);
        Database &m_db;
        std::unique_ptr<Statements> m_statements;
        QSet<qint64> m_personChecked, m_unitChecked; // permission already checked
    };
    void removeRating(const Subject &subject, int year);

    /// The ledger, newest first.
    QList<AwardRow> awards(const Subject &subject) const;
    /// Saves one award through an AwardBatch, in its own transaction.
    qint64 saveAward(Award &award);

    /// Writes many awards (an award history imported from Excel) with statements prepared once
    /// and the permission checked once per person or unit, inside the caller's transaction
    /// (which a failure must roll back). saveAward() writes through one too: one writer.
    class AwardBatch
    {
    public:
        explicit AwardBatch(Database &db);
        ~AwardBatch();
        /// Validates the award (and that its form is for people or for collectives as its
        /// subject is), then inserts it (id 0: a key is generated) or updates the stored one
        /// if its version is still `award.version` (ConflictError otherwise). Fills in the id,
        /// key and version.
        qint64 save(Award &award);

    private:
        struct State;
        Database &m_db;
        std::unique_ptr<State> m_state;
    };
    void removeAward(qint64 id);

    QList<Initiative> initiatives(qint64 personId) const;
    /// The initiative at the query's current row, whose first columns are id, ext_key, title,
    /// decision_no, decision_date, level, used_for_award_id, note, version (holders not read).
    static Initiative initiativeAt(Query &q);
    qint64 saveInitiative(Initiative &initiative);
    void removeInitiative(qint64 id);

    QList<Discipline> disciplines(const Subject &subject) const;
    /// Saves one disciplinary record through a DisciplineBatch, in its own transaction.
    qint64 saveDiscipline(Discipline &discipline);

    /// Many disciplinary records, as AwardBatch writes awards.
    class DisciplineBatch
    {
    public:
        explicit DisciplineBatch(Database &db);
        ~DisciplineBatch();
        /// Validates, then inserts (id 0) or updates the stored record at `version`
        /// (ConflictError otherwise). Fills in the id, key and version.
        qint64 save(Discipline &discipline);

    private:
        struct State;
        Database &m_db;
        std::unique_ptr<State> m_state;
    };
    void removeDiscipline(qint64 id);

private:
    Database &m_db;
};

} // namespace VinhDanh::Core
