#pragma once

#include "core/domain/registry.h"

#include <QList>
#include <QMap>
#include <QString>

namespace VinhDanh::Core {

class Database;

/// A year on a person's or unit's page: the task rating and the emulation titles received.
struct YearRecord
{
    int year = 0;
    QString rating;          // code, empty if not rated
    QStringList titleCodes;  // award forms of kind "title" received for that year
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

    QList<AwardForm> awardForms() const;
    QString awardFormName(const QString &code) const;

    /// Years with a rating or a title, newest first.
    QList<YearRecord> yearRecords(const Subject &subject) const;
    QList<Rating> ratings(const Subject &subject) const;
    /// Sets the rating of a year (insert or replace). Validates.
    void setRating(const Rating &rating);
    void removeRating(const Subject &subject, int year);

    /// The ledger, newest first.
    QList<AwardRow> awards(const Subject &subject) const;
    qint64 saveAward(Award &award);
    void removeAward(qint64 id);

    QList<Initiative> initiatives(qint64 personId) const;
    qint64 saveInitiative(Initiative &initiative);
    void removeInitiative(qint64 id);

    QList<Discipline> disciplines(const Subject &subject) const;
    qint64 saveDiscipline(Discipline &discipline);
    void removeDiscipline(qint64 id);

private:
    Database &m_db;
};

} // namespace VinhDanh::Core
