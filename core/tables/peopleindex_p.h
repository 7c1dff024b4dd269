#pragma once
// The registry's people (and units) as a staff-list preview looks them up (peopleimport.cpp): by key, by
// CCCD and by folded name, read in one query. The folded-name index serves both the matching
// of a row without a key (name + birth date + unit) and the likely-duplicate warnings of rows
// that would add someone (issue 15 item 5), so each stored name is folded once per preview.

#include "core/registry/registry.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Tables::Detail {

struct KnownPerson
{
    qint64 id = 0;
    qint64 unitId = 0;
    QDate birth;
    QString name, key, cccd;
};

struct PeopleIndex
{
    QHash<qint64, KnownPerson> byId;
    QHash<QString, QList<qint64>> byFolded; // Text::fold(full name) → its people
    QHash<QString, qint64> byCccd;
    QHash<QString, qint64> byKey;

    QString name(qint64 id) const { return byId.value(id).name; }

    /// The people with this name (`folded` by Text::fold), birth date and unit.
    QList<qint64> withIdentity(const QString &folded, const QDate &birth, qint64 unit) const;
};

PeopleIndex loadPeople(Database &db);

/// Every unit, by key and by folded name, loaded once per preview (a province has ~2,000).
struct UnitIndex
{
    QHash<QString, qint64> byKey;
    QHash<QString, QList<qint64>> byName;
    QHash<qint64, QString> names;
    std::optional<QSet<qint64>> editable; // a clerk's subtree; nullopt = every unit
};

UnitIndex loadUnits(Database &db);

/// Warnings for a row that would add `incoming` (not yet saved): the registry people
/// Dedup::scorePeople pairs with it below 100 (same folded name with the same birth date, or
/// the same unit without a birth date to compare), most likely first, each as "may be the
/// same as Nguyễn Văn An (P000123, Sở Nội vụ, born 1980): the same birth date, another unit".
/// Birth year only, never the CCCD. Someone in a unit outside `visible` (a clerk's subtree) is
/// not named. Empty when none.
QStringList likelyDuplicates(const PeopleIndex &people, const Person &incoming, const QHash<qint64, QString> &unitNames,
                             const std::optional<QSet<qint64>> &visible);

/// A person a sheet would add, for likelySheetDuplicates().
struct SheetPerson
{
    int rowIndex = 0; // in the preview's rows
    int sheetRow = 0; // the row number in the spreadsheet
    Person person;
};

/// Warnings for the people one sheet would add that look like each other (issue 15 review):
/// the pairs with the same folded name and birth date (Dedup::scorePeople: 90 in the same unit,
/// 80 in another; 100, the same CCCD, is a row error already), each row naming the other: "may be the same person as row 7 of this
/// sheet: …". Exact copies (the same key, or name + birth date + unit) never get here: they
/// are one person of the sheet, or a row error. Keyed by rowIndex.
QHash<int, QStringList> likelySheetDuplicates(const QList<SheetPerson> &people, const QHash<qint64, QString> &unitNames);

/// "Nguyễn Văn An (P000123, Sở Nội vụ, born 1980)", or without the visible details when the
/// person's unit is outside `visible`: the refusal of a CCCD that belongs to someone else.
QString describePerson(const PeopleIndex &people, qint64 id, const QHash<qint64, QString> &unitNames,
                       const std::optional<QSet<qint64>> &visible);

} // namespace VinhDanh::Core::Tables::Detail
