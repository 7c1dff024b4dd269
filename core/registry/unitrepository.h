#pragma once

#include "core/registry/registry.h"

#include <QList>
#include <QString>

#include <optional>

namespace VinhDanh::Core {

class Database;
class RowWriter;

/// One row of the unit list: what the list view shows, nothing more.
struct UnitRow
{
    qint64 id = 0;
    QString key;
    QString name;
    QString kind;       // code
    QString parentName; // empty for a top-level unit
    QString blocName;
    QDate validTo;
    QString succeededByName;
};

/// A unit in the tree of units: its row and how many units sit directly under it.
struct UnitNode
{
    UnitRow row;
    int childCount = 0;
};

struct IdName
{
    qint64 id = 0;
    QString name;
};

/// Units and emulation blocs. Lists are paged (offset/limit) so a view never loads the
/// whole province; the filter ignores case and diacritics.
class UnitRepository
{
public:
    enum class Sort { Name, Kind, Parent, Key };

    explicit UnitRepository(Database &db) : m_db(db) {}

    /// The units' and blocs' one INSERT each (core/registry/rowwriter.h), for the importer and the demo.
    static const RowWriter &unitRows();
    static const RowWriter &blocRows();

    int count(const QString &filter = {}) const;
    QList<UnitRow> page(const QString &filter, Sort sort, bool ascending, int offset, int limit) const;

    /// The units directly under `parentId`, by name (Vietnamese order), each with its number of
    /// children, for the units tree. parentId 0: the top of the tree, the units without a parent
    /// (for a clerk, their own unit: the top of what they may see).
    QList<UnitNode> children(qint64 parentId) const;

    std::optional<Unit> get(qint64 id) const;
    qint64 idForKey(const QString &key) const; // 0 when there is none
    QString keyForId(qint64 id) const;
    /// All units by name (Vietnamese order), for pickers. A province has about 2,000.
    QList<IdName> names() const;
    /// The units the session may see, by name, for the pickers of forms a clerk fills: a clerk's
    /// subtree (Permissions::visibleRoot), everything for other roles. `alsoId` (a value the
    /// record already holds, such as a unit's parent) is kept so that saving does not drop it.
    QList<IdName> visibleNames(qint64 alsoId = 0) const;
    QString name(qint64 id) const;

    /// Inserts (id == 0) or updates. Validates first; gives the unit a key if it has none.
    /// Throws Error naming the problem. Returns the id.
    qint64 save(Unit &unit);
    /// What still refers to the unit, as sentences ("12 people work in it"); empty = deletable.
    QStringList dependents(qint64 id) const;
    /// Deletes the unit, or throws Error with the reasons from dependents().
    void remove(qint64 id);

    QList<Bloc> blocs() const;
    qint64 saveBloc(Bloc &bloc);

private:
    Database &m_db;
};

} // namespace VinhDanh::Core
