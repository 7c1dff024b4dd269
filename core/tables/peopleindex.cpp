// The registry's people for a staff-list preview, and the likely duplicates of a row that
// would add someone (see peopleindex_p.h).
#include "core/tables/peopleindex_p.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/dedup/duplicates.h"
#include "core/registry/keyaliases.h"
#include "core/registry/keys.h"
#include "core/text/vntext.h"

#include <QCoreApplication>

#include <algorithm>

namespace VinhDanh::Core::Tables::Detail {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

bool isVisible(const std::optional<QSet<qint64>> &visible, qint64 unit)
{
    return !visible || visible->contains(unit);
}
} // namespace

QList<qint64> PeopleIndex::withIdentity(const QString &folded, const QDate &birth, qint64 unit) const
{
    QList<qint64> out;
    for (const qint64 id : byFolded.value(folded)) {
        const KnownPerson &p = byId[id];
        if (p.birth.isValid() && p.birth == birth && p.unitId == unit)
            out << id;
    }
    return out;
}

PeopleIndex loadPeople(Database &db)
{
    // One read of the whole registry (100,000 people on a province): cheaper than a query per
    // row, and every name is folded here once, in C++, as Text::fold folds the rows.
    PeopleIndex p;
    Query q(db.sql(), QStringLiteral("SELECT id, full_name, birth_date, unit_id, cccd, ext_key FROM people"));
    q.exec();
    p.byId.reserve(4096);
    while (q.next()) {
        KnownPerson k;
        k.id = q.id(0);
        k.name = q.text(1);
        k.birth = Keys::dateFrom(q.value(2));
        k.unitId = q.id(3);
        k.cccd = q.text(4);
        k.key = q.text(5);
        p.byFolded[Text::fold(k.name)].append(k.id);
        if (!k.cccd.isEmpty())
            p.byCccd.insert(k.cccd, k.id);
        p.byKey.insert(k.key, k.id);
        p.byId.insert(k.id, k);
    }
    Keys::addOldKeys(db, "people", p.byKey);
    return p;
}

UnitIndex loadUnits(Database &db)
{
    UnitIndex u;
    Query q(db.sql(), QStringLiteral("SELECT id, ext_key, name FROM units"));
    q.exec();
    while (q.next()) {
        u.byKey.insert(q.text(1), q.id(0));
        u.byName[Text::fold(q.text(2))].append(q.id(0));
        u.names.insert(q.id(0), q.text(2));
    }
    Keys::addOldKeys(db, "units", u.byKey);
    u.editable = Permissions::visibleUnitIds(db);
    return u;
}

QString describePerson(const PeopleIndex &people, qint64 id, const QHash<qint64, QString> &unitNames,
                       const std::optional<QSet<qint64>> &visible)
{
    const KnownPerson p = people.byId.value(id);
    // A clerk sees only their subtree (Permissions::visibleUnitIds): someone elsewhere is
    // said to exist, never named, so the clerk asks the office that keeps the whole registry.
    if (!isVisible(visible, p.unitId))
        return Tr::tr("a person in a unit outside the units you may edit");
    const QString unit = unitNames.value(p.unitId);
    return p.birth.isValid() ? Tr::tr("%1 (%2, %3, born %4)").arg(p.name, p.key, unit).arg(p.birth.year())
                             : Tr::tr("%1 (%2, %3)").arg(p.name, p.key, unit);
}

namespace {
/// What the duplicate scoring compares of a person (core/dedup/scoring.cpp).
Dedup::PersonFacts factsOf(const Person &p, const QHash<qint64, QString> &unitNames)
{
    Dedup::PersonFacts f;
    f.fullName = p.fullName;
    f.folded = Text::fold(p.fullName);
    f.birthDate = p.birthDate;
    f.cccd = p.cccd;
    f.unitId = p.unitId;
    f.unitName = unitNames.value(p.unitId);
    return f;
}
} // namespace

QStringList likelyDuplicates(const PeopleIndex &people, const Person &incoming, const QHash<qint64, QString> &unitNames,
                             const std::optional<QSet<qint64>> &visible)
{
    const Dedup::PersonFacts in = factsOf(incoming, unitNames);
    const auto block = people.byFolded.constFind(in.folded);
    if (in.folded.isEmpty() || block == people.byFolded.cend())
        return {};
    QList<QPair<int, qint64>> found; // score, id
    for (const qint64 id : *block) {
        const KnownPerson &k = people.byId[id];
        Dedup::PersonFacts other;
        other.id = k.id;
        other.fullName = k.name;
        other.folded = in.folded;
        other.birthDate = k.birth;
        other.cccd = k.cccd;
        other.unitId = k.unitId;
        // The same CCCD (100) is a row error, said by the caller: CCCD is unique in the schema.
        const Dedup::Match m = Dedup::scorePeople(in, other);
        if (m.isPair() && m.score < 100)
            found.append({m.score, id});
    }
    std::stable_sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList out;
    for (const auto &[score, id] : std::as_const(found)) {
        Q_UNUSED(score)
        const KnownPerson &k = people.byId[id];
        // The scorer's reasons name both units; these short words say only what differs.
        QStringList why;
        if (k.birth.isValid() && in.birthDate.isValid())
            why << Tr::tr("the same birth date");
        else
            why << Tr::tr("no birth date to compare");
        why << (k.unitId == in.unitId ? Tr::tr("the same unit") : Tr::tr("another unit"));
        out << Tr::tr("may be the same as %1: %2").arg(describePerson(people, id, unitNames, visible), why.join(QStringLiteral(", ")));
    }
    return out;
}

QHash<int, QStringList> likelySheetDuplicates(const QList<SheetPerson> &people, const QHash<qint64, QString> &unitNames)
{
    // Inside one sheet only the same birth date counts: a row that leaves it out beside a
    // namesake is the usual staff list, not a copy (the scorer's 50). So only rows with the same
    // folded name and the same birth date are compared, each one's facts (a fold) made once:
    // every pair of a common name's block (hundreds of "Nguyễn Văn Hùng" in a province), each
    // folding both names again, was a fifth of a 50,000-row preview.
    QList<Dedup::PersonFacts> facts(people.size());
    QHash<QString, QList<int>> blocks; // folded name + birth date → indexes in `people`
    for (int i = 0; i < people.size(); ++i) {
        const Person &p = people.at(i).person;
        if (p.fullName.isEmpty() || !p.birthDate.isValid())
            continue;
        facts[i] = factsOf(p, unitNames);
        blocks[facts.at(i).folded + QLatin1Char('|') + QString::number(p.birthDate.toJulianDay())].append(i);
    }
    QHash<int, QStringList> out;
    for (const QList<int> &block : std::as_const(blocks)) {
        for (int a = 0; a < block.size(); ++a)
            for (int b = a + 1; b < block.size(); ++b) {
                const SheetPerson &x = people.at(block.at(a)), &y = people.at(block.at(b));
                const Dedup::Match m = Dedup::scorePeople(facts.at(block.at(a)), facts.at(block.at(b)));
                // 100 is the same CCCD: a row error already ("the same CCCD number is on row …").
                if (!m.isPair() || m.score >= 100)
                    continue;
                QStringList why{Tr::tr("the same birth date")};
                why << (x.person.unitId == y.person.unitId ? Tr::tr("the same unit") : Tr::tr("another unit"));
                const QString reason = why.join(QStringLiteral(", "));
                out[x.rowIndex] << Tr::tr("may be the same person as row %1 of this sheet: %2").arg(y.sheetRow).arg(reason);
                out[y.rowIndex] << Tr::tr("may be the same person as row %1 of this sheet: %2").arg(x.sheetRow).arg(reason);
            }
    }
    return out;
}

} // namespace VinhDanh::Core::Tables::Detail
