// The preview of a unit list: every row read, matched against the registry and the other rows,
// and the plans put in the order the commit needs (parents first).
#include "core/tables/unitimport.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/domain/codes.h"
#include "core/registry/keyaliases.h"
#include "core/registry/unitrepository.h"
#include "core/registry/validation.h"
#include "core/tables/dates.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QSet>

#include <functional>
#include <optional>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

/// Every unit of the registry, loaded once per preview (a province has ~2,000).
struct Registry
{
    QHash<QString, qint64> byKey;
    QHash<QString, QList<qint64>> byName; // folded name
    QHash<qint64, QString> names;
    QHash<qint64, QString> keys;
    QHash<qint64, qint64> parents;
    std::optional<QSet<qint64>> editable; // a clerk's subtree; nullopt = every unit
};

Registry loadRegistry(Database &db)
{
    Registry r;
    Query q(db.sql(), QStringLiteral("SELECT id, ext_key, name, parent_id FROM units"));
    q.exec();
    while (q.next()) {
        r.byKey.insert(q.text(1), q.id(0));
        r.byName[Text::fold(q.text(2))].append(q.id(0));
        r.names.insert(q.id(0), q.text(2));
        r.keys.insert(q.id(0), q.text(1));
        r.parents.insert(q.id(0), q.id(3));
    }
    Keys::addOldKeys(db, "units", r.byKey);
    r.editable = Permissions::visibleUnitIds(db);
    return r;
}

/// A parent or successor as the row names it: another row of the sheet, or a registry unit.
struct Ref
{
    bool given = false;
    int row = -1;  // index of a data row of the sheet
    qint64 id = 0; // a registry unit
};

/// What one row says; an empty cell keeps what the registry has.
struct RowValues
{
    int sheetRow = 0;
    QString key, name, kind, parentText, successorText;
    bool kindTyped = false;
    QDate from, to;
    bool hasFrom = false, hasTo = false;
    Ref parent, successor;
    QStringList errors, notes, warnings;
};

class Reader
{
public:
    Reader(const Sheet &sheet, const UnitMapping &m) : m_header(sheet.rows.at(m.headerIndex)), m_map(m) {}

    RowValues read(const Row &row) const
    {
        RowValues v;
        v.sheetRow = row.number;
        for (const UnitColumn &c : m_map.columns) {
            const Cell &cell = row.cell(c.column);
            if (c.field == UnitField::Ignore)
                continue;
            if (cell.kind == Cell::Kind::Error)
                v.errors << at(c.column, cell.text);
            else if (cell.kind == Cell::Kind::Boolean)
                v.errors << at(c.column, Tr::tr("the cell holds a yes/no value (%1), not what this column needs.").arg(cell.text));
        }
        v.key = text(row, UnitField::Key);
        v.name = text(row, UnitField::Name);
        v.parentText = text(row, UnitField::Parent);
        v.successorText = text(row, UnitField::Successor);
        if (const QString k = text(row, UnitField::Kind); !k.isEmpty()) {
            v.kindTyped = true;
            v.kind = Values::unitKind(k);
            if (v.kind.isEmpty()) {
                QStringList labels;
                for (const CodeLabel &l : Codes::list(Codes::Set::UnitKind))
                    labels << l.label;
                v.errors << at(m_map.columnOf(UnitField::Kind),
                               Tr::tr("\"%1\" is not a kind of unit; write one of: %2.").arg(k, labels.join(QStringLiteral(", "))));
            }
        }
        readDate(row, UnitField::ValidFrom, v.from, v.hasFrom, v.errors);
        readDate(row, UnitField::ValidTo, v.to, v.hasTo, v.errors);
        return v;
    }

    /// "column D (Loại hình): …"
    QString at(int column, const QString &problem) const
    {
        return Tr::tr("column %1 (%2): %3").arg(columnName(column), m_header.cell(column).text.simplified(), problem);
    }

private:
    static bool readable(const Cell &cell)
    {
        return !cell.isEmpty() && cell.kind != Cell::Kind::Error && cell.kind != Cell::Kind::Boolean;
    }
    QString text(const Row &row, UnitField f) const
    {
        const int c = m_map.columnOf(f);
        return c >= 0 && readable(row.cell(c)) ? Text::clean(row.cell(c).text) : QString();
    }
    void readDate(const Row &row, UnitField f, QDate &date, bool &has, QStringList &errors) const
    {
        const int c = m_map.columnOf(f);
        if (c < 0 || !readable(row.cell(c)))
            return;
        QString problem;
        date = Dates::parse(row.cell(c), &problem);
        has = problem.isEmpty() && date.isValid();
        if (!problem.isEmpty())
            errors << at(c, problem);
    }

    const Row &m_header;
    const UnitMapping &m_map;
};

QString dateText(const QDate &d)
{
    return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}
} // namespace

UnitPreview previewUnits(Database &db, const Sheet &sheet, const UnitMapping &mapping)
{
    // Refused up front for a role that may not edit the registry at all (a viewer).
    if (!Permissions::allowed(db, Permissions::Action::EditRegistry))
        Permissions::require(db, Permissions::Action::EditRegistry);
    UnitPreview preview;
    preview.begin(sheet, mapping.headerIndex, mapping.headerRow, mapping.unrecognised);
    const Row &header = sheet.rows.at(mapping.headerIndex);
    const bool hasKindColumn = mapping.columnOf(UnitField::Kind) >= 0;
    const Registry reg = loadRegistry(db);
    const Reader reader(sheet, mapping);

    // Pass 1: every row read on its own, and the sheet's own keys and names (a parent may be
    // further down the sheet).
    QList<RowValues> rows;
    QHash<QString, int> sheetKeys;
    QHash<QString, QList<int>> sheetNames;
    for (int i = mapping.headerIndex + 1; i < sheet.rows.size(); ++i) {
        const Row &row = sheet.rows.at(i);
        // A row with nothing in the mapped columns (a numbered blank line of a template) is skipped.
        if (std::all_of(mapping.columns.begin(), mapping.columns.end(),
                        [&](const UnitColumn &c) { return c.field == UnitField::Ignore || row.cell(c.column).isEmpty(); }))
            continue;
        RowValues v = reader.read(row);
        if (row.hidden)
            v.notes << Tr::tr("the row is hidden in the sheet");
        PreviewRow out;
        out.sheetRow = row.number;
        out.name = v.name;
        for (int c = 0; c < qMax(header.cells.size(), row.cells.size()); ++c)
            out.cells << row.cell(c).text;
        preview.rows.append(out);
        if (!v.key.isEmpty() && !sheetKeys.contains(v.key))
            sheetKeys.insert(v.key, int(rows.size()));
        if (!v.name.isEmpty())
            sheetNames[Text::fold(v.name)].append(int(rows.size()));
        rows.append(v);
    }

    // Pass 2: parents and successors, by key then by name, the sheet before the registry.
    auto resolve = [&](int self, const QString &text, int column, QStringList &errors) {
        Ref ref;
        ref.given = !text.isEmpty();
        if (!ref.given)
            return ref;
        if (const int r = sheetKeys.value(text, -1); r >= 0 && r != self) {
            ref.row = r;
            return ref;
        }
        if (reg.byKey.contains(text)) {
            ref.id = reg.byKey.value(text);
            return ref;
        }
        QList<int> inSheet = sheetNames.value(Text::fold(text));
        inSheet.removeAll(self);
        const QList<qint64> inRegistry = reg.byName.value(Text::fold(text));
        if (inSheet.size() == 1) {
            ref.row = inSheet.first();
        } else if (inSheet.size() > 1) {
            errors << reader.at(column, Tr::tr("rows %1 and %2 of the sheet are both named \"%3\"; write the unit's key "
                                               "instead.")
                                            .arg(rows.at(inSheet.at(0)).sheetRow)
                                            .arg(rows.at(inSheet.at(1)).sheetRow)
                                            .arg(text));
        } else if (inRegistry.size() == 1) {
            ref.id = inRegistry.first();
        } else if (inRegistry.size() > 1) {
            errors << reader.at(column, Tr::tr("several units are named \"%1\"; write the unit's key instead.").arg(text));
        } else {
            errors << reader.at(column, Tr::tr("\"%1\" is neither a unit of the registry nor a row of this sheet.").arg(text));
        }
        return ref;
    };
    for (int i = 0; i < rows.size(); ++i) {
        RowValues &v = rows[i];
        v.parent = resolve(i, v.parentText, mapping.columnOf(UnitField::Parent), v.errors);
        v.successor = resolve(i, v.successorText, mapping.columnOf(UnitField::Successor), v.errors);
    }

    // Which registry unit each row is: by key; else by name under the same parent (a parent
    // that is a new row of the sheet has no units under it yet). Recursive through the parent
    // rows, with a guard against a loop of rows (reported below).
    QList<qint64> matched(rows.size(), -1); // -1 = not worked out yet, 0 = new
    QSet<int> working;
    std::function<qint64(int)> matchOf = [&](int i) -> qint64 {
        if (matched.at(i) >= 0)
            return matched.at(i);
        if (working.contains(i))
            return 0;
        working.insert(i);
        RowValues &v = rows[i];
        qint64 id = v.key.isEmpty() ? 0 : reg.byKey.value(v.key);
        if (id == 0 && !v.name.isEmpty()) {
            QList<qint64> candidates = reg.byName.value(Text::fold(v.name));
            if (v.parent.given) {
                const qint64 parentId = v.parent.row >= 0 ? matchOf(v.parent.row) : v.parent.id;
                candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                                [&](qint64 c) { return parentId == 0 || reg.parents.value(c) != parentId; }),
                                 candidates.end());
            }
            if (candidates.size() == 1) {
                id = candidates.first();
                // As for people (peopleimport.cpp): a warning naming both, for the clerk to check.
                if (!v.key.isEmpty()) {
                    const QString storedKey = reg.keys.value(id);
                    v.warnings << (storedKey.isEmpty()
                                       ? Tr::tr("no unit has the key %1; taken as %2 (which has no key), by its name and "
                                                "parent: check the key.")
                                             .arg(v.key, reg.names.value(id))
                                       : Tr::tr("no unit has the key %1; taken as %2 (key %3), by its name and parent: check "
                                                "the key.")
                                             .arg(v.key, reg.names.value(id), storedKey));
                }
            } else if (candidates.size() > 1) {
                v.errors << Tr::tr("several units of the registry are named \"%1\"; give the parent unit or the key.").arg(v.name);
            }
        }
        working.remove(i);
        matched[i] = id;
        return id;
    };

    // The plans, one per row (in the sheet's order for now), with what they change.
    UnitRepository repo(db);
    QHash<qint64, int> firstOfUnit;   // registry id → sheet row
    QHash<QString, int> firstNewUnit; // folded name + parent → sheet row
    QHash<QString, int> firstNewKey;  // a new unit's key → sheet row (keys are unique)
    QHash<qint64, int> planOfId;      // registry id → plan
    // A unit as the preview names it: a row's name (or, left empty, the registry's), or a registry unit.
    auto nameOf = [&](int row, qint64 id) {
        if (row < 0)
            return reg.names.value(id);
        return rows.at(row).name.isEmpty() ? reg.names.value(matchOf(row)) : rows.at(row).name;
    };
    for (int i = 0; i < rows.size(); ++i) {
        RowValues &v = rows[i];
        const qint64 existing = matchOf(i);
        UnitPlan plan;
        plan.sheetRow = v.sheetRow;
        const std::optional<Unit> stored = existing > 0 ? repo.get(existing) : std::nullopt;
        if (stored) {
            plan.unit = *stored;
            planOfId.insert(existing, i);
        } else {
            plan.unit.key = v.key;
        }
        if (!v.name.isEmpty())
            plan.unit.name = v.name;
        if (!v.kind.isEmpty())
            plan.unit.kind = v.kind;
        if (v.hasFrom)
            plan.unit.validFrom = v.from;
        if (v.hasTo)
            plan.unit.validTo = v.to;
        if (v.parent.given) {
            plan.parentPlan = v.parent.row;
            plan.unit.parentId = v.parent.row >= 0 ? matchOf(v.parent.row) : v.parent.id;
        }
        if (v.successor.given) {
            plan.successorPlan = v.successor.row;
            plan.unit.succeededById = v.successor.row >= 0 ? matchOf(v.successor.row) : v.successor.id;
        }
        // The same unit twice: the second row is a copy-paste slip, never merged silently.
        if (existing > 0) {
            if (const int first = firstOfUnit.value(existing); first > 0)
                v.errors << Tr::tr("the same unit is already on row %1.").arg(first);
            else
                firstOfUnit.insert(existing, v.sheetRow);
        } else if (!v.name.isEmpty()) {
            const QString where = v.parent.row >= 0 ? QStringLiteral("r%1").arg(v.parent.row)
                                                    : QStringLiteral("u%1").arg(plan.unit.parentId);
            const QString same = Text::fold(v.name) + QLatin1Char('|') + where;
            if (const int first = firstNewUnit.value(same); first > 0)
                v.errors << Tr::tr("the same unit is already on row %1.").arg(first);
            else
                firstNewUnit.insert(same, v.sheetRow);
        }
        if (existing == 0 && !v.key.isEmpty()) {
            if (const int first = firstNewKey.value(v.key); first > 0)
                v.errors << Tr::tr("the key %1 is also given on row %2.").arg(v.key).arg(first);
            else
                firstNewKey.insert(v.key, v.sheetRow);
        }
        if (!stored) {
            if (v.name.isEmpty())
                v.errors << Tr::tr("the unit's name (Tên đơn vị) is missing.");
            if (!v.kindTyped)
                v.errors << (hasKindColumn ? Tr::tr("the kind of unit (Loại hình) is missing.")
                                           : Tr::tr("the kind of unit (Loại hình) is missing: the sheet has no such column."));
        }
        // A clerk keeps to their own subtree, as in the unit form; the repository checks again.
        if (reg.editable) {
            const auto outside = [&](qint64 id) { return !reg.editable->contains(id); };
            if (stored && outside(stored->id))
                v.errors << Tr::tr("%1 is outside the units you may edit.").arg(stored->name);
            else if (plan.parentPlan < 0 && (!stored || plan.unit.parentId != stored->parentId)
                     && (plan.unit.parentId == 0 || outside(plan.unit.parentId)))
                v.errors << Tr::tr("the parent unit is outside the units you may edit.");
        }
        if (v.errors.isEmpty())
            v.errors << Validation::unit(plan.unit);
        if (stored) {
            QStringList changes;
            auto change = [&](const QString &field, const QString &a, const QString &b) {
                if (a != b)
                    changes << Tr::tr("%1: %2 → %3").arg(field, a.isEmpty() ? Tr::tr("(empty)") : a, b);
            };
            change(Tr::tr("name"), stored->name, plan.unit.name);
            change(Tr::tr("kind"), Codes::label(Codes::Set::UnitKind, stored->kind),
                   Codes::label(Codes::Set::UnitKind, plan.unit.kind));
            if (plan.parentPlan >= 0 ? plan.unit.parentId != stored->parentId || plan.unit.parentId == 0
                                     : plan.unit.parentId != stored->parentId)
                change(Tr::tr("parent unit"), reg.names.value(stored->parentId), nameOf(plan.parentPlan, plan.unit.parentId));
            change(Tr::tr("valid from"), dateText(stored->validFrom), dateText(plan.unit.validFrom));
            change(Tr::tr("valid to"), dateText(stored->validTo), dateText(plan.unit.validTo));
            if (plan.successorPlan >= 0 ? plan.unit.succeededById != stored->succeededById || plan.unit.succeededById == 0
                                        : plan.unit.succeededById != stored->succeededById)
                change(Tr::tr("successor"), reg.names.value(stored->succeededById),
                       nameOf(plan.successorPlan, plan.unit.succeededById));
            plan.save = !changes.isEmpty();
            v.notes = changes + v.notes;
        } else {
            plan.save = true;
            const QString under = nameOf(plan.parentPlan, plan.unit.parentId);
            v.notes.prepend(under.isEmpty()
                                ? Tr::tr("new unit: %1").arg(Codes::label(Codes::Set::UnitKind, plan.unit.kind))
                                : Tr::tr("new unit: %1, under %2").arg(Codes::label(Codes::Set::UnitKind, plan.unit.kind), under));
        }
        preview.plans.append(plan);
    }

    // A parent chain that comes back to the unit (through the sheet and the registry) would make
    // the hierarchy a loop. Walked per row, each node once.
    const int total = int(preview.plans.size());
    for (int i = 0; i < total; ++i) {
        QSet<qint64> seenIds;
        QSet<int> seenPlans;
        QStringList chain{nameOf(i, 0)};
        int plan = i;
        qint64 id = preview.plans.at(i).unit.id;
        for (;;) {
            int nextPlan = -1;
            qint64 nextId = 0;
            if (plan >= 0) {
                const UnitPlan &p = preview.plans.at(plan);
                nextPlan = p.parentPlan >= 0 ? p.parentPlan : planOfId.value(p.unit.parentId, -1);
                nextId = p.parentPlan >= 0 ? matched.at(p.parentPlan) : p.unit.parentId;
            } else {
                nextId = reg.parents.value(id);
                nextPlan = planOfId.value(nextId, -1);
            }
            if (nextPlan < 0 && nextId == 0)
                break;
            chain << nameOf(nextPlan, nextId);
            if (nextPlan == i) {
                rows[i].errors << Tr::tr("the parent units go round in a circle: %1.").arg(chain.join(QStringLiteral(" → ")));
                break;
            }
            if (nextPlan >= 0 ? seenPlans.contains(nextPlan) : seenIds.contains(nextId))
                break; // a loop elsewhere, reported on its own rows
            (nextPlan >= 0 ? (void)seenPlans.insert(nextPlan) : (void)seenIds.insert(nextId));
            plan = nextPlan;
            id = nextId;
        }
    }

    // The commit order: a parent or successor from the sheet before the rows that name it
    // (depth first). A successor loop (A merged into B, B into A) cannot be written.
    QList<int> order;
    QList<int> state(total, 0); // 0 = not visited, 1 = on the path, 2 = placed
    std::function<void(int)> place = [&](int i) {
        if (state.at(i) == 2)
            return;
        if (state.at(i) == 1) {
            if (rows.at(i).errors.isEmpty())
                rows[i].errors << Tr::tr("its parent or successor units go round in a circle back to it.");
            return;
        }
        state[i] = 1;
        for (int dep : {preview.plans.at(i).parentPlan, preview.plans.at(i).successorPlan})
            if (dep >= 0)
                place(dep);
        state[i] = 2;
        order.append(i);
    };
    for (int i = 0; i < total; ++i)
        place(i);
    QList<int> newIndex(total);
    for (int k = 0; k < total; ++k)
        newIndex[order.at(k)] = k;
    QList<UnitPlan> ordered;
    for (int k = 0; k < total; ++k) {
        UnitPlan p = preview.plans.at(order.at(k));
        if (p.parentPlan >= 0)
            p.parentPlan = newIndex.at(p.parentPlan);
        if (p.successorPlan >= 0)
            p.successorPlan = newIndex.at(p.successorPlan);
        ordered.append(p);
    }
    preview.plans = ordered;

    for (int i = 0; i < total; ++i) {
        PreviewRow &out = preview.rows[i];
        const RowValues &v = rows.at(i);
        const UnitPlan &plan = preview.plans.at(newIndex.at(i));
        if (out.name.isEmpty())
            out.name = plan.unit.name;
        out.warnings << v.warnings;
        if (!v.errors.isEmpty()) {
            out.status = RowStatus::Error;
            out.reasons = v.errors;
        } else if (plan.unit.id == 0) {
            out.status = RowStatus::New;
            out.reasons = v.notes;
        } else if (plan.save) {
            out.status = RowStatus::Changed;
            out.reasons = v.notes;
        } else {
            out.status = RowStatus::Unchanged;
            out.reasons = QStringList{Tr::tr("already in the registry as written")} + v.notes;
        }
    }
    return preview;
}

} // namespace VinhDanh::Core::Tables
