#pragma once

#include <QDate>
#include <QHash>
#include <QString>
#include <QVector>

#include <functional>
#include <vector>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Eligibility {

// The registry facts the rules read, held in memory: one person's or unit's history, or the
// whole province for the candidates sweep (loaded in a handful of queries).

struct AwardFact
{
    qint64 id = 0;
    QString form;
    QString kind; // cong_trang | dot_xuat | theo_dot | cong_hien
    int year = 0;
    QString decisionNo;
    /// Đột xuất and theo đợt/chuyên đề awards are not a basis for regular-track awards
    /// (Decree 152/2025 Art 4(2)).
    bool isRegular = true; // set from kind when loaded
    bool regular() const { return isRegular; }
    // loadForSweep() asks the same of the database in SQL: change both together.
    static bool regularKind(const QString &kind) { return kind != QLatin1String("dot_xuat") && kind != QLatin1String("theo_dot"); }
};

struct InitiativeFact
{
    qint64 id = 0;
    QString key;
    QString title;
    QString level;
    QString decisionNo;
    int year = 0;        // the year of its recognition decision; 0 = no date recorded
    qint64 usedFor = 0;  // the award it served, 0 = free
    QString usedForForm; // that award's form and year, for the explanation
    int usedForYear = 0;
};

struct DisciplineFact
{
    QString kind;
    QDate start;
    QDate end; // null = still in force
    QString decisionNo;
    bool overlapsYear(int year) const { return start <= QDate(year, 12, 31) && (end.isNull() || end >= QDate(year, 1, 1)); }
};

struct SubjectHistory
{
    qint64 id = 0;
    bool isUnit = false;
    QString key;
    QString name;
    QString category;  // person category, or unit kind
    qint64 unitId = 0; // a person's unit, or a unit's parent
    QString bloc;      // a unit's emulation cluster or bloc (cụm/khối thi đua) as the registry holds it now; empty = none
    QString blocKind;  // cum | khoi
    std::vector<std::pair<int, quint8>> ratings; // year → level (ratingLevel)
    std::vector<AwardFact> awards;
    std::vector<InitiativeFact> initiatives;
    std::vector<DisciplineFact> disciplines;

    int ratingIn(int year) const; // -1 when not rated
    bool hasRegularTitle(const QString &form, int year) const;
    /// Years up to and including this one do not count (a discipline ended in it or is still
    /// in force); INT_MIN when nothing blocks. Only disciplines begun by `year` matter.
    int cutoff(int year) const;
};

/// A slice of the registry: everything the rules need about some people and units.
struct Registry
{
    QHash<qint64, SubjectHistory> people;
    QHash<qint64, SubjectHistory> units;
    QHash<qint64, QVector<qint64>> members; // unit → people whose unit_id is the unit (not sub-units)
    QHash<QString, QString> formNames;      // award form code → name
    QHash<qint64, QString> unitNames;       // every unit, for the candidates' "unit" column
};

/// One person (and nothing else), one unit and its members, or the whole registry.
Registry loadPerson(const Database &db, qint64 personId);
Registry loadUnit(const Database &db, qint64 unitId);
Registry loadAll(const Database &db);

struct AwardRule;
struct RuleSet;

/// The rows a set of rules can look at for one year, derived from their condition trees: every
/// person and unit, but only the ratings and award forms the conditions count, only the years
/// their windows reach, and none of the texts that only the explanations quote.
struct SweepNeeds
{
    int year = 0;
    int ratingYears = 1;                    // every subject's ratings of the last N years up to `year`…
    QStringList ratingsAfter;               // …and of the years after the subject's first award of one of these forms
    QHash<QString, int> formYears;          // award form → its last N years up to `year` (INT_MAX: every year)
    QHash<QString, QStringList> formsAfter; // award form → also the years after the subject's first award of these forms
};
SweepNeeds sweepNeeds(const RuleSet &set, const std::vector<const AwardRule *> &rules, int year);
/// The registry as loadAll() reads it, minus what `needs` says no rule looks at: the rules give
/// every person and unit the same verdict and progress on it. Award ids, kinds (only whether
/// they are regular-track) and decision numbers, and initiative ids, keys, titles and decision
/// numbers stay empty (the sweep keeps no evidence texts).
Registry loadForSweep(const Database &db, const SweepNeeds &needs);
/// The statements loadForSweep() reads awards with (columns: person_id, unit_id, form_code,
/// regular: 1 if regular-track, year). On SQLite each is answered from an index alone (schema step 8).
QStringList sweepAwardStatements(const SweepNeeds &needs);
/// The statements loadForSweep() reads ratings with (columns: person_id, unit_id, year, rating);
/// no row is in two of them.
QStringList sweepRatingStatements(const SweepNeeds &needs);
/// The condition on disciplines d that loadForSweep() reads.
QString sweepDisciplineCondition(const SweepNeeds &needs);

/// The sweep's rows as loadForSweep() reads them, but summed up on the database server: one row
/// per person (its ratings, awards and initiatives as short codes, ordered by unit), handed to
/// `sweep` a few thousand people at a time, each share with the units those people belong to
/// (so a unit's rules see all its members), then the units nobody belongs to. What a PostgreSQL
/// sweep uses: a third of the bytes on the wire, and the client never holds the whole province.
/// `chunkPeople`: about how many people a share holds (a unit's members are never split).
void streamForSweep(const Database &db, const SweepNeeds &needs, int chunkPeople,
                    const std::function<void(const Registry &share)> &sweep);

} // namespace VinhDanh::Core::Eligibility
