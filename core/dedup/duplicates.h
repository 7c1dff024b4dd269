#pragma once

#include "core/registry/registry.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core {
class Database;
}

/// Likely duplicates in the registry (issue 15 item 5): the same person typed twice (once with
/// diacritics, once without; once in NFD from some Unikey settings), the same unit entered
/// by two clerks. Found by a blocking key computed in SQL (the folded name), so a province of
/// 100,000 people costs one grouped query, not 5·10⁹ comparisons; each pair in a block is then
/// scored by the rules below, with the reasons in words.
namespace VinhDanh::Core::Dedup {

enum class Kind { People, Units };

/// What the scorer compares of a person. `folded` is Text::fold(fullName).
struct PersonFacts
{
    qint64 id = 0;
    QString key;
    QString fullName;
    QString folded;
    QDate birthDate;
    QString cccd;
    qint64 unitId = 0;
    QString unitName;
};

struct UnitFacts
{
    qint64 id = 0;
    QString key;
    QString name;
    QString folded;
    QString kind;
    qint64 parentId = 0;
    QString parentName;
    QDate validFrom, validTo;
    qint64 succeededById = 0;
};

/// A score from 0 (not a pair) to 100 (near certain), and why, in the user's language.
struct Match
{
    int score = 0;
    QStringList reasons;
    bool isPair() const { return score > 0; }
};

/// The scores (documented in docs and tested):
///  people — the same CCCD: 100 ("near certain"), whatever the names; two different CCCDs:
///  never a pair. Otherwise the folded names must be equal: with the same birth date 90 in the
///  same unit, 80 in different units ("strong"); with a birth date missing on either side and
///  the same unit 50 ("possible"); different birth dates, or no birth date and different
///  units (common names recur across a province): not a pair.
///  units — the folded names equal, the same parent (or both top-level) and validity periods
///  that overlap: 80, or 60 when their kinds differ; one the successor of the other (a 2025
///  renaming), or periods that do not meet: not a pair.
Match scorePeople(const PersonFacts &a, const PersonFacts &b);
Match scoreUnits(const UnitFacts &a, const UnitFacts &b);

/// One likely pair, ready for a list: names, keys, the unit (for units: the parent), the
/// birth year only and the CCCD masked — a list never shows personal data in full.
struct Pair
{
    Kind kind = Kind::People;
    qint64 firstId = 0, secondId = 0;
    QString firstKey, secondKey;
    QString firstName, secondName;
    QString firstUnit, secondUnit;
    int firstBirthYear = 0, secondBirthYear = 0; // 0 = unknown
    QString firstCccd, secondCccd;               // masked, empty when none
    int score = 0;
    QStringList reasons;
};

/// "********5678": the last four digits only.
QString maskedCccd(const QString &cccd);

/// Likely duplicates among the people (or units) the session may see (a clerk: their
/// subtree), the most certain first, then by name.
QList<Pair> findPeople(const Database &db);
QList<Pair> findUnits(const Database &db);
QList<Pair> find(const Database &db, Kind kind);

/// Registry people who are likely the same as `incoming` (a row of an import, not yet
/// saved; its id, if any, is left out): by the same CCCD or the same folded name.
QList<Pair> matchesFor(const Database &db, const Person &incoming);

} // namespace VinhDanh::Core::Dedup
