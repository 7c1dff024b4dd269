#include "core/tables/peopleimport.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/domain/codes.h"
#include "core/registry/keyaliases.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/validation.h"
#include "core/tables/dates.h"
#include "core/tables/peopleindex_p.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <optional>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

using Detail::loadUnits;
using Detail::PeopleIndex;
using Detail::UnitIndex;

QString identity(const QString &folded, const QDate &birth, qint64 unit)
{
    return folded + QLatin1Char('|') + birth.toString(Qt::ISODate) + QLatin1Char('|') + QString::number(unit);
}

/// What one row says, each field with whether the row gave it (an empty cell keeps the
/// registry's value: a list that leaves out the CCCD must not erase it).
struct RowValues
{
    QString key, fullName, position, category, gender, cccd;
    QString folded; // Text::fold(fullName), made once a row
    QDate birth;
    qint64 unitId = 0;
    bool hasBirth = false, hasUnit = false;
    bool unitTyped = false, categoryTyped = false; // a cell was filled (read or refused)
    QList<QPair<int, QString>> ratings;            // year → code
};

QString ratingWords(const QString &code)
{
    return Codes::label(Codes::Set::TaskRating, code);
}

class RowReader
{
public:
    RowReader(const Sheet &sheet, const PeopleMapping &m, const UnitIndex &units) : m_sheet(sheet), m_map(m), m_units(units) {}

    RowValues read(const Row &row, QStringList &errors) const
    {
        RowValues v;
        // A cell whose value the file does not give (a formula never computed) or a TRUE/FALSE
        // is refused once here and read as empty below: no field of a person is a yes/no.
        for (const MappedColumn &m : m_map.columns) {
            const Cell &cell = row.cell(m.column);
            if (m.field == Field::Ignore)
                continue;
            if (cell.kind == Cell::Kind::Error)
                errors << at(m.column, cell.text);
            else if (cell.kind == Cell::Kind::Boolean)
                errors << at(m.column, Tr::tr("the cell holds a yes/no value (%1), not what this column needs.").arg(cell.text));
        }
        v.key = text(row, Field::Key);
        v.fullName = text(row, Field::FullName);
        v.folded = Text::fold(v.fullName);
        v.position = text(row, Field::Position);
        if (const int c = m_map.columnOf(Field::BirthDate); c >= 0 && readable(row.cell(c))) {
            QString problem;
            v.birth = Dates::parse(row.cell(c), &problem);
            v.hasBirth = problem.isEmpty();
            if (!problem.isEmpty())
                errors << at(c, problem);
        }
        if (const QString g = text(row, Field::Gender); !g.isEmpty()) {
            v.gender = Values::gender(g);
            if (v.gender.isEmpty())
                errors << at(m_map.columnOf(Field::Gender), Tr::tr("\"%1\" is not a gender; write Nam or Nữ.").arg(g));
        }
        if (const QString c = text(row, Field::Category); !c.isEmpty()) {
            v.categoryTyped = true;
            v.category = memo(m_categories, c, Values::category);
            if (v.category.isEmpty()) {
                QStringList labels;
                for (const CodeLabel &l : Codes::list(Codes::Set::PersonCategory))
                    labels << l.label;
                errors << at(m_map.columnOf(Field::Category),
                             Tr::tr("\"%1\" is not a category; write one of: %2.").arg(c, labels.join(QStringLiteral(", "))));
            }
        }
        if (const QString u = text(row, Field::Unit); !u.isEmpty()) {
            v.unitTyped = true;
            readUnit(u, v, errors);
        }
        if (const int c = m_map.columnOf(Field::Cccd); c >= 0 && readable(row.cell(c))) {
            v.cccd = row.cell(c).text.simplified().remove(u' ');
            static const QRegularExpression nineDigits(QStringLiteral("^[0-9]{9}$"));
            if (nineDigits.match(v.cccd).hasMatch()) {
                // The old identity card (CMND) had 9 digits; padded with zeros it would pass
                // as a CCCD number that belongs to nobody.
                errors << at(c, Tr::tr("a 9-digit CMND number, not a 12-digit CCCD number."));
                v.cccd.clear();
            } else if (row.cell(c).kind == Cell::Kind::Number && v.cccd.size() >= 10 && v.cccd.size() < 12) {
                // A CCCD typed into a number cell loses its leading zeros (province codes start
                // with 0: 001 Hà Nội); give them back.
                v.cccd = v.cccd.rightJustified(12, u'0');
            }
        }
        readRatings(row, v, errors);
        return v;
    }

    /// "column C (Ngày sinh): …"
    QString at(int column, const QString &problem) const
    {
        const Row &header = m_sheet.rows.at(m_map.headerIndex);
        return Tr::tr("column %1 (%2): %3").arg(columnName(column), header.cell(column).text.simplified(), problem);
    }

private:
    /// Not empty, and not a cell already refused above.
    static bool readable(const Cell &cell)
    {
        return !cell.isEmpty() && cell.kind != Cell::Kind::Error && cell.kind != Cell::Kind::Boolean;
    }
    static QString cellText(const Row &row, int column)
    {
        const Cell &cell = row.cell(column);
        return readable(cell) ? Text::clean(cell.text) : QString();
    }
    QString text(const Row &row, Field f) const
    {
        const int c = m_map.columnOf(f);
        return c < 0 ? QString() : cellText(row, c);
    }

    void readUnit(const QString &u, RowValues &v, QStringList &errors) const
    {
        const int c = m_map.columnOf(Field::Unit);
        QList<qint64> ids;
        if (m_units.byKey.contains(u))
            ids = {m_units.byKey.value(u)};
        else
            ids = m_units.byName.value(memo(m_foldedUnits, u, [](const QString &t) { return Text::fold(t); }));
        if (ids.isEmpty()) {
            errors << at(c, Tr::tr("no unit has the key or the name \"%1\".").arg(u));
        } else if (ids.size() > 1) {
            errors << at(c, Tr::tr("several units are named \"%1\"; write the unit's key instead.").arg(u));
        } else if (m_units.editable && !m_units.editable->contains(ids.first())) {
            errors << at(c, Tr::tr("the unit \"%1\" is outside the units you may edit.").arg(u));
        } else {
            v.unitId = ids.first();
            v.hasUnit = true;
        }
    }

    void addRating(int column, int year, const QString &typed, RowValues &v, QStringList &errors) const
    {
        const QString code = memo(m_ratings, typed, Values::rating);
        if (code.isEmpty()) {
            errors << at(column, Tr::tr("\"%1\" is not a task rating; write HTXSNV, HTTNV, HTNV or KHTNV, or the words "
                                        "(\"Hoàn thành xuất sắc nhiệm vụ\", …).")
                                     .arg(typed));
            return;
        }
        // The registry's own check (the year's range), as a form would apply it.
        for (const QString &p : Validation::rating({0, Subject::person(1), year, code, {}, 0}))
            errors << at(column, p);
        v.ratings.append({year, code});
    }

    void readRatings(const Row &row, RowValues &v, QStringList &errors) const
    {
        const int yearColumn = m_map.columnOf(Field::Year);
        const int ratingColumn = m_map.columnOf(Field::Rating);
        if (yearColumn >= 0) {
            const QString year = cellText(row, yearColumn);
            const QString rating = cellText(row, ratingColumn);
            if (year.isEmpty() != rating.isEmpty()) {
                errors << at(year.isEmpty() ? yearColumn : ratingColumn,
                             Tr::tr("a rating needs both its year and its rating on the row."));
            } else if (!year.isEmpty()) {
                bool ok = false;
                const int y = year.toInt(&ok);
                if (!ok)
                    errors << at(yearColumn, Tr::tr("\"%1\" is not a year.").arg(year));
                else
                    addRating(ratingColumn, y, rating, v, errors);
            }
        }
        for (const MappedColumn &c : m_map.yearColumns())
            if (const QString rating = cellText(row, c.column); !rating.isEmpty())
                addRating(c.column, c.year, rating, v, errors);
    }

    // A column holds a few values (three categories, four ratings, forty units), each read
    // once, not once a row: their folding was a tenth of a 50,000-row preview.
    template<typename Read>
    static QString memo(QHash<QString, QString> &cache, const QString &text, Read read)
    {
        auto it = cache.constFind(text);
        return it != cache.cend() ? *it : *cache.insert(text, read(text));
    }
    mutable QHash<QString, QString> m_categories, m_ratings, m_foldedUnits;

    const Sheet &m_sheet;
    const PeopleMapping &m_map;
    const UnitIndex &m_units;
};

/// The person a group of rows builds, and what the file said for it (to catch rows of the
/// same person that disagree).
struct Group
{
    int plan = -1;
    int firstRow = 0;
    RowValues first;                       // what the rows so far said (later rows fill its gaps)
    std::optional<Person> person;          // the registry's copy of an existing person
    QHash<int, QPair<QString, int>> years; // year → (code, row)
    QHash<int, Rating> stored;             // the registry's ratings of an existing person, by year
    bool deferred = false;                 // a new person checked once all rows are read
    int rowIndex = 0;                      // the first row's index in PeoplePreview::rows
};

/// The changes from `before` to `after` in words. Personal data (birth date, CCCD) is named,
/// never shown: the preview is not the person's own page.
QStringList changes(const Person &before, const Person &after, const UnitIndex &units)
{
    QStringList out;
    auto change = [&](const QString &field, const QString &a, const QString &b) {
        if (a != b)
            out << Tr::tr("%1: %2 → %3").arg(field, a.isEmpty() ? Tr::tr("(empty)") : a, b);
    };
    change(Tr::tr("full name"), before.fullName, after.fullName);
    change(Tr::tr("position"), before.position, after.position);
    if (before.unitId != after.unitId)
        change(Tr::tr("unit"), units.names.value(before.unitId), units.names.value(after.unitId));
    if (before.category != after.category)
        change(Tr::tr("category"), Codes::label(Codes::Set::PersonCategory, before.category),
               Codes::label(Codes::Set::PersonCategory, after.category));
    if (before.gender != after.gender)
        change(Tr::tr("gender"), Codes::label(Codes::Set::Gender, before.gender), Codes::label(Codes::Set::Gender, after.gender));
    if (before.birthDate != after.birthDate)
        out << Tr::tr("the birth date changes");
    if (before.cccd != after.cccd)
        out << Tr::tr("the CCCD number changes");
    return out;
}

void apply(Person &p, const RowValues &v)
{
    if (!v.fullName.isEmpty())
        p.fullName = v.fullName;
    if (!v.position.isEmpty())
        p.position = v.position;
    if (!v.category.isEmpty())
        p.category = v.category;
    if (!v.gender.isEmpty())
        p.gender = v.gender;
    if (!v.cccd.isEmpty())
        p.cccd = v.cccd;
    if (v.hasBirth)
        p.birthDate = v.birth;
    if (v.hasUnit)
        p.unitId = v.unitId;
}

/// A later row of the same person must not contradict the rows before it; what it adds fills
/// the gaps of `g.first`, so the next rows are checked against everything said so far.
void checkAgrees(Group &g, const RowValues &v, QStringList &errors)
{
    auto differs = [](const QString &a, const QString &b) { return !a.isEmpty() && !b.isEmpty() && a != b; };
    RowValues &f = g.first;
    QStringList fields;
    if (differs(f.folded, v.folded))
        fields << Tr::tr("full name");
    if (f.hasBirth && v.hasBirth && f.birth != v.birth)
        fields << Tr::tr("birth date");
    if (differs(f.gender, v.gender))
        fields << Tr::tr("gender");
    if (f.hasUnit && v.hasUnit && f.unitId != v.unitId)
        fields << Tr::tr("unit");
    if (differs(f.position, v.position))
        fields << Tr::tr("position");
    if (differs(f.category, v.category))
        fields << Tr::tr("category");
    if (differs(f.cccd, v.cccd))
        fields << Tr::tr("CCCD number");
    if (!fields.isEmpty()) {
        const QString who = !f.fullName.isEmpty() ? f.fullName : v.fullName;
        errors << Tr::tr("%1 is written differently on row %2: %3.").arg(who).arg(g.firstRow).arg(fields.join(QStringLiteral(", ")));
        return;
    }
    auto fill = [](QString &a, const QString &b) {
        if (a.isEmpty())
            a = b;
    };
    fill(f.fullName, v.fullName);
    fill(f.folded, v.folded);
    fill(f.position, v.position);
    fill(f.category, v.category);
    fill(f.gender, v.gender);
    fill(f.cccd, v.cccd);
    if (!f.hasBirth && v.hasBirth) {
        f.birth = v.birth;
        f.hasBirth = true;
    }
    if (!f.hasUnit && v.hasUnit) {
        f.unitId = v.unitId;
        f.hasUnit = true;
    }
    f.unitTyped = f.unitTyped || v.unitTyped;
    f.categoryTyped = f.categoryTyped || v.categoryTyped;
}

/// What a new person lacks, in the sheet's words (the registry's validation follows).
QStringList missingFields(const RowValues &v, bool hasCategoryColumn)
{
    QStringList missing;
    if (v.fullName.isEmpty())
        missing << Tr::tr("the full name is missing.");
    if (!v.unitTyped)
        missing << Tr::tr("the unit (Đơn vị) is missing.");
    if (!v.categoryTyped)
        missing << (hasCategoryColumn ? Tr::tr("the category (Đối tượng) is missing.")
                                      : Tr::tr("the category (Đối tượng) is missing: the sheet has no such column."));
    // An unknown key is most likely a typo for someone who exists: say so first.
    if (!missing.isEmpty() && !v.key.isEmpty())
        missing.prepend(Tr::tr("no person has the key %1.").arg(v.key));
    return missing;
}

QString nameAndUnit(const QString &folded, qint64 unit)
{
    return folded + QLatin1Char('|') + QString::number(unit);
}
} // namespace

PeoplePreview previewPeople(Database &db, const Sheet &sheet, const PeopleMapping &mapping)
{
    // Refused up front for a role that may not edit the registry at all (a viewer).
    if (!Permissions::allowed(db, Permissions::Action::EditRegistry))
        Permissions::require(db, Permissions::Action::EditRegistry);
    PeoplePreview preview;
    preview.begin(sheet, mapping.headerIndex, mapping.headerRow, mapping.unrecognised);
    const Row &header = sheet.rows.at(mapping.headerIndex);
    const UnitIndex units = loadUnits(db);
    const PeopleIndex people = Detail::loadPeople(db);
    const RowReader reader(sheet, mapping, units);
    PersonRepository personRepo(db);
    RecordRepository records(db);
    QHash<QString, Group> groups;
    QHash<QString, QPair<QString, int>> cccdSeen; // CCCD → (group, row)
    QHash<QString, QStringList> byNameAndUnit;    // folded name + unit → groups of this sheet
    const bool onePersonPerRow = mapping.columnOf(Field::Year) < 0;
    const bool hasCategoryColumn = mapping.columnOf(Field::Category) >= 0;
    const QDate today = QDate::currentDate(); // asked once: QDate::currentDate() a row cost 5 % of the preview
    groups.reserve(sheet.rows.size());

    for (int i = mapping.headerIndex + 1; i < sheet.rows.size(); ++i) {
        const Row &row = sheet.rows.at(i);
        // A row with nothing in the mapped columns (a numbered blank line of a template) is skipped.
        if (std::all_of(mapping.columns.begin(), mapping.columns.end(),
                        [&](const MappedColumn &c) { return c.field == Field::Ignore || row.cell(c.column).isEmpty(); }))
            continue;
        PreviewRow out;
        out.sheetRow = row.number;
        for (int c = 0; c < qMax(header.cells.size(), row.cells.size()); ++c)
            out.cells << row.cell(c).text;
        QStringList errors;
        QStringList notes;
        bool rowChanged = false; // a later row of a person adds a field
        const RowValues v = reader.read(row, errors);
        out.name = v.fullName;

        // Who the row is: by key; else (or when the key is unknown) by name + birth date + unit;
        // in the one-row-per-year layout, by name + unit among the persons of earlier rows;
        // else someone new.
        qint64 existing = 0;
        if (!v.key.isEmpty())
            existing = people.byKey.value(v.key);
        if (existing > 0) {
            // A key copied onto the wrong line would otherwise rename someone else.
            const QString storedName = people.name(existing);
            if (!v.fullName.isEmpty() && v.folded != Text::fold(storedName))
                errors << Tr::tr("the key %1 belongs to %2 in the registry, not to %3.").arg(v.key, storedName, v.fullName);
        } else if (v.hasBirth && v.hasUnit && !v.fullName.isEmpty()) {
            const QList<qint64> ids = people.withIdentity(v.folded, v.birth, v.unitId);
            if (ids.size() == 1) {
                existing = ids.first();
                // A key matching nobody beside someone's exact name, birth date and unit is most
                // likely mistyped: a warning naming both, not a note among the changes (issue 15
                // review). Without such a match an unknown key is a new person's own key.
                if (!v.key.isEmpty()) {
                    const QString storedKey = people.byId.value(existing).key;
                    out.warnings << (storedKey.isEmpty()
                                         ? Tr::tr("no person has the key %1; taken as %2 (who has no key), by the same name, "
                                                  "birth date and unit: check the key.")
                                               .arg(v.key, people.name(existing))
                                         : Tr::tr("no person has the key %1; taken as %2 (key %3), by the same name, birth "
                                                  "date and unit: check the key.")
                                               .arg(v.key, people.name(existing), storedKey));
                }
            }
        }
        // Grouped by the person's id when known, so a row with the key and one without (the
        // same person) make one group.
        QString groupKey = existing > 0       ? QStringLiteral("i:%1").arg(existing)
                           : !v.key.isEmpty() ? QStringLiteral("k:") + v.key
                                              : QStringLiteral("n:") + identity(v.folded, v.birth, v.unitId);
        if (!onePersonPerRow && existing == 0 && v.key.isEmpty() && !groups.contains(groupKey) && v.hasUnit && !v.fullName.isEmpty()) {
            // A later row that leaves out the birth date (or gives it where the first did not)
            // is the same person when exactly one earlier person has that name and unit.
            QStringList candidates;
            for (const QString &k : byNameAndUnit.value(nameAndUnit(v.folded, v.unitId))) {
                const Group &other = groups.value(k);
                if (!v.hasBirth || !other.first.hasBirth || other.first.birth == v.birth)
                    candidates << k;
            }
            if (candidates.size() == 1)
                groupKey = candidates.first();
        }
        const bool firstOfGroup = !groups.contains(groupKey);
        Group &g = groups[groupKey];
        if (!firstOfGroup)
            existing = preview.plans.at(g.plan).person.id; // 0 for someone new on an earlier row
        if (firstOfGroup) {
            g.firstRow = row.number;
            g.first = v;
            PersonPlan plan;
            plan.firstRow = row.number;
            g.person = existing > 0 ? personRepo.get(existing) : std::nullopt;
            const std::optional<Person> &stored = g.person;
            if (stored) {
                plan.person = *stored;
                if (units.editable && !units.editable->contains(stored->unitId))
                    errors << Tr::tr("%1 works in a unit outside the units you may edit.").arg(stored->fullName);
                // Kept whole: the commit changes only the rating, through the id and version
                // read here (a note stays; a rating changed meanwhile is a conflict).
                for (const Rating &r : records.ratings(Subject::person(existing)))
                    g.stored.insert(r.year, r);
            } else {
                plan.person.key = v.key;
            }
            apply(plan.person, v);
            // In the one-row-per-year layout a later row may give what a new person's first
            // row leaves out: the checks of a whole person wait for the end of the sheet.
            g.deferred = !stored && !onePersonPerRow;
            g.rowIndex = int(preview.rows.size());
            if (!stored) {
                if (!g.deferred)
                    errors << missingFields(v, hasCategoryColumn);
                notes << Tr::tr("new person in %1").arg(units.names.value(plan.person.unitId));
            } else {
                notes << changes(*stored, plan.person, units);
            }
            if (errors.isEmpty() && !g.deferred)
                errors << Validation::person(plan.person, today);
            plan.savePerson = !stored || !changes(*stored, plan.person, units).isEmpty();
            g.plan = int(preview.plans.size());
            preview.plans.append(plan);
            if (v.hasUnit || plan.person.unitId > 0)
                byNameAndUnit[nameAndUnit(Text::fold(plan.person.fullName), plan.person.unitId)].append(groupKey);
        } else if (!onePersonPerRow) {
            checkAgrees(g, v, errors);
            notes << Tr::tr("more of the person on row %1").arg(g.firstRow);
            if (errors.isEmpty()) {
                // What only this row gives (a position, a CCCD left out above) is kept too.
                PersonPlan &plan = preview.plans[g.plan];
                const Person before = plan.person;
                apply(plan.person, v);
                const QStringList added = changes(before, plan.person, units);
                if (!added.isEmpty()) {
                    notes << added;
                    rowChanged = true;
                    if (!g.deferred)
                        errors << Validation::person(plan.person, today);
                    plan.savePerson = !g.person || !changes(*g.person, plan.person, units).isEmpty();
                }
            }
        } else {
            // Without a "Năm" column each row is one person: a second row for the same one is a
            // copy-paste slip (or two namesakes without birth dates), never to be merged silently.
            errors << Tr::tr("the same person is already on row %1; give each person one row, or tell namesakes apart "
                             "by their birth dates or keys.")
                          .arg(g.firstRow);
        }
        PersonPlan &plan = preview.plans[g.plan];
        if (!v.cccd.isEmpty() && Validation::isValidCccd(v.cccd)) {
            const qint64 owner = people.byCccd.value(v.cccd);
            // A likely duplicate scored 100 (Dedup::scorePeople) is refused, not warned: CCCD is
            // UNIQUE in the schema, so the commit would fail on it anyway.
            if (owner > 0 && owner != existing)
                errors << Tr::tr("the CCCD number already belongs to %1 in the registry.")
                              .arg(Detail::describePerson(people, owner, units.names, units.editable));
            const auto seen = cccdSeen.constFind(v.cccd);
            if (seen != cccdSeen.cend() && seen->first != groupKey)
                errors << Tr::tr("the same CCCD number is on row %1, for someone else.").arg(seen->second);
            cccdSeen.insert(v.cccd, {groupKey, row.number});
        }
        int ratingsAdded = 0;
        for (const auto &[year, code] : v.ratings) {
            if (const auto other = g.years.constFind(year); other != g.years.cend()) {
                if (other->first != code)
                    errors << Tr::tr("the rating of %1 is also given on row %2, as %3.")
                                  .arg(year)
                                  .arg(other->second)
                                  .arg(ratingWords(other->first));
                continue;
            }
            g.years.insert(year, {code, row.number});
            const auto stored = g.stored.constFind(year);
            const QString before = stored == g.stored.cend() ? QString() : stored->rating;
            if (before == code)
                continue;
            Rating rating = stored == g.stored.cend() ? Rating{0, {}, year, code, {}, 0} : *stored;
            rating.rating = code;
            plan.ratings.append(rating);
            ++ratingsAdded;
            notes << (before.isEmpty() ? Tr::tr("rating of %1: %2").arg(year).arg(ratingWords(code))
                                       : Tr::tr("rating of %1: %2 → %3").arg(year).arg(ratingWords(before), ratingWords(code)));
        }
        if (row.hidden)
            notes << Tr::tr("the row is hidden in the sheet");
        if (!errors.isEmpty()) {
            out.status = RowStatus::Error;
            out.reasons = errors;
        } else if (existing == 0) {
            out.status = RowStatus::New;
            out.reasons = notes;
        } else {
            const bool changed = (firstOfGroup && plan.savePerson) || rowChanged || ratingsAdded > 0;
            out.status = changed ? RowStatus::Changed : RowStatus::Unchanged;
            out.reasons = changed ? notes : QStringList{Tr::tr("already in the registry as written")};
        }
        preview.rows.append(out);
    }
    // The deferred checks of new people in the one-row-per-year layout, on their first row.
    for (const Group &g : std::as_const(groups)) {
        if (!g.deferred)
            continue;
        QStringList errors = missingFields(g.first, hasCategoryColumn);
        if (errors.isEmpty())
            errors = Validation::person(preview.plans.at(g.plan).person, today);
        if (errors.isEmpty())
            continue;
        PreviewRow &first = preview.rows[g.rowIndex];
        if (first.status != RowStatus::Error)
            first.reasons.clear();
        first.status = RowStatus::Error;
        first.reasons << errors;
    }
    // Likely duplicates of the people the list would add (issue 15 item 5), on each one's first
    // row once every row is read (a later row may give the birth date). Warnings, not errors: a
    // namesake born the same day elsewhere is rare but real, so the row still imports.
    QList<Detail::SheetPerson> added; // and among themselves (issue 15 review)
    for (const Group &g : std::as_const(groups)) {
        const Person &person = preview.plans.at(g.plan).person;
        PreviewRow &first = preview.rows[g.rowIndex];
        if (person.id == 0 && first.status == RowStatus::New) {
            first.warnings = Detail::likelyDuplicates(people, person, units.names, units.editable);
            added.append({g.rowIndex, g.firstRow, person});
        }
    }
    const QHash<int, QStringList> inSheet = Detail::likelySheetDuplicates(added, units.names);
    for (auto it = inSheet.cbegin(); it != inSheet.cend(); ++it)
        preview.rows[it.key()].warnings << it.value();
    return preview;
}

} // namespace VinhDanh::Core::Tables
