#include "core/tables/awardsubjects.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/registry/keyaliases.h"
#include "core/registry/keys.h"
#include "core/tables/dates.h"
#include "core/text/vntext.h"

#include <QCoreApplication>

#include <algorithm>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

QString identity(const QString &name, const QDate &birth, qint64 unit)
{
    return Text::fold(name) + QLatin1Char('|') + birth.toString(Qt::ISODate) + QLatin1Char('|') + QString::number(unit);
}

QString nameAndUnit(const QString &name, qint64 unit)
{
    return Text::fold(name) + QLatin1Char('|') + QString::number(unit);
}

QString nameAndBirth(const QString &name, const QDate &birth)
{
    return Text::fold(name) + QLatin1Char('|') + birth.toString(Qt::ISODate);
}

bool readable(const Cell &cell)
{
    return !cell.isEmpty() && cell.kind != Cell::Kind::Error && cell.kind != Cell::Kind::Boolean;
}
} // namespace

SubjectReader::SubjectReader(Database &db, const Sheet &sheet, const RecordMapping &mapping) : m_sheet(sheet), m_map(mapping)
{
    Query units(db.sql(), QStringLiteral("SELECT id, ext_key, name FROM units"));
    units.exec();
    while (units.next()) {
        m_unitByKey.insert(units.text(1), units.id(0));
        m_unitsByName[Text::fold(units.text(2))].append(units.id(0));
        m_unitNames.insert(units.id(0), units.text(2));
    }
    Keys::addOldKeys(db, "units", m_unitByKey);
    m_editable = Permissions::visibleUnitIds(db);
    Query people(db.sql(), QStringLiteral("SELECT id, full_name, birth_date, unit_id, ext_key FROM people"));
    people.exec();
    while (people.next()) {
        const qint64 id = people.id(0);
        const QDate birth = Keys::dateFrom(people.value(2));
        if (birth.isValid())
            m_peopleByIdentity[identity(people.text(1), birth, people.id(3))].append(id);
        m_peopleByNameUnit[nameAndUnit(people.text(1), people.id(3))].append(id);
        if (birth.isValid())
            m_peopleByNameBirth[nameAndBirth(people.text(1), birth)].append(id);
        m_personByKey.insert(people.text(4), id);
        m_personKeys.insert(id, people.text(4));
        m_personNames.insert(id, people.text(1));
        m_personUnit.insert(id, people.id(3));
    }
    Keys::addOldKeys(db, "people", m_personByKey);
}

QString SubjectReader::at(int column, const QString &problem) const
{
    const Row &header = m_sheet.rows.at(m_map.headerIndex);
    return Tr::tr("column %1 (%2): %3").arg(columnName(column), header.cell(column).text.simplified(), problem);
}

QString SubjectReader::text(const Row &row, int column) const
{
    if (column < 0)
        return {};
    const Cell &cell = row.cell(column);
    return readable(cell) ? Text::clean(cell.text) : QString();
}

QString SubjectReader::text(const Row &row, RecordField field) const
{
    return text(row, m_map.columnOf(field));
}

QDate SubjectReader::date(const Row &row, RecordField field, QStringList &errors) const
{
    const int c = m_map.columnOf(field);
    if (c < 0 || !readable(row.cell(c)))
        return {};
    QString problem;
    const QDate d = Dates::parse(row.cell(c), &problem);
    if (!problem.isEmpty())
        errors << at(c, problem);
    return d;
}

QString SubjectReader::writtenName(const Row &row) const
{
    const QString name = text(row, RecordField::FullName);
    return name.isEmpty() ? text(row, RecordField::Collective) : name;
}

bool SubjectReader::isBlank(const Row &row) const
{
    return std::all_of(m_map.columns.begin(), m_map.columns.end(),
                       [&](const RecordColumn &c) { return c.field == RecordField::Ignore || row.cell(c.column).isEmpty(); });
}

QStringList SubjectReader::cells(const Row &row) const
{
    QStringList out;
    const Row &header = m_sheet.rows.at(m_map.headerIndex);
    for (int c = 0; c < qMax(header.cells.size(), row.cells.size()); ++c)
        out << row.cell(c).text;
    return out;
}

std::optional<SubjectReader::Found> SubjectReader::byUnknownKey(const Row &row, const QString &key, const QString &name,
                                                                QStringList &errors) const
{
    // A "Mã" that matches nobody is most likely mistyped (issue 15 review). Matching by name as
    // if no key were written hid the slip; refusing every such row loses a list whose keys are
    // an older numbering. Chosen: an error, unless the name and birth date (within the row's
    // unit when it names one) are exactly one person of the registry: then that person, with
    // a warning naming the key written and the person taken, for the clerk to check.
    QStringList problems;
    const QDate birth = date(row, RecordField::BirthDate, problems);
    if (!problems.isEmpty()) {
        errors << problems;
        return std::nullopt;
    }
    QList<qint64> ids = birth.isValid() ? m_peopleByNameBirth.value(nameAndBirth(name, birth)) : QList<qint64>();
    if (const QString unitText = text(row, RecordField::Unit); !unitText.isEmpty() && !ids.isEmpty()) {
        const std::optional<Found> u = unit(unitText, m_map.columnOf(RecordField::Unit), errors);
        if (!u)
            return std::nullopt;
        ids.erase(std::remove_if(ids.begin(), ids.end(), [&](qint64 id) { return m_personUnit.value(id) != u->subject.unitId; }),
                  ids.end());
    }
    if (ids.size() != 1) {
        errors << (birth.isValid() ? Tr::tr("no person has the key %1, and the name %2 with this birth date is not exactly one "
                                            "person of the registry; correct the key.")
                                         .arg(key, name)
                                   : Tr::tr("no person has the key %1; correct the key, or give the birth date to find %2 "
                                            "by name and birth date.")
                                         .arg(key, name));
        return std::nullopt;
    }
    const qint64 id = ids.first();
    if (!unitEditable(m_personUnit.value(id))) {
        errors << Tr::tr("%1 works in a unit outside the units you may edit.").arg(m_personNames.value(id));
        return std::nullopt;
    }
    const QString storedKey = m_personKeys.value(id);
    Found found{Subject::person(id), m_personNames.value(id), {}};
    found.warning =
        storedKey.isEmpty()
            ? Tr::tr("no person has the key %1; taken as %2 (who has no key), by the same name and birth date: check the key.")
                  .arg(key, found.name)
            : Tr::tr("no person has the key %1; taken as %2 (key %3), by the same name and birth date: check the key.")
                  .arg(key, found.name, storedKey);
    return found;
}

bool SubjectReader::unitEditable(qint64 unitId) const
{
    return !m_editable || m_editable->contains(unitId);
}

std::optional<SubjectReader::Found> SubjectReader::subject(const Row &row, QStringList &errors) const
{
    for (const RecordColumn &m : m_map.columns) {
        const Cell &cell = row.cell(m.column);
        if (m.field == RecordField::Ignore)
            continue;
        if (cell.kind == Cell::Kind::Error)
            errors << at(m.column, cell.text);
        else if (cell.kind == Cell::Kind::Boolean)
            errors << at(m.column, Tr::tr("the cell holds a yes/no value (%1), not what this column needs.").arg(cell.text));
    }
    const bool named = !text(row, RecordField::FullName).isEmpty() || !text(row, RecordField::Key).isEmpty();
    const QString collective = text(row, RecordField::Collective);
    if (named && !collective.isEmpty()) {
        errors << Tr::tr("the row names both a person and a collective (%1); give one of them.").arg(collective);
        return std::nullopt;
    }
    if (!collective.isEmpty())
        return unit(collective, m_map.columnOf(RecordField::Collective), errors);
    if (!named) {
        errors << Tr::tr("the row names no person (Họ và tên or Mã) and no collective (Tập thể).");
        return std::nullopt;
    }
    return person(row, errors);
}

std::optional<SubjectReader::Found> SubjectReader::unit(const QString &typed, int column, QStringList &errors) const
{
    const QList<qint64> ids = m_unitByKey.contains(typed) ? QList<qint64>{m_unitByKey.value(typed)}
                                                          : m_unitsByName.value(Text::fold(typed));
    if (ids.isEmpty())
        errors << at(column, Tr::tr("no unit has the key or the name \"%1\".").arg(typed));
    else if (ids.size() > 1)
        errors << at(column, Tr::tr("several units are named \"%1\"; write the unit's key instead.").arg(typed));
    else if (!unitEditable(ids.first()))
        errors << at(column, Tr::tr("the unit \"%1\" is outside the units you may edit.").arg(typed));
    else
        return Found{Subject::unit(ids.first()), m_unitNames.value(ids.first()), {}};
    return std::nullopt;
}

std::optional<SubjectReader::Found> SubjectReader::person(const Row &row, QStringList &errors) const
{
    const QString key = text(row, RecordField::Key);
    const QString name = text(row, RecordField::FullName);
    qint64 id = 0;
    if (!key.isEmpty() && (id = m_personByKey.value(key)) > 0) {
        // A key copied onto the wrong line would otherwise give someone else the award.
        const QString stored = m_personNames.value(id);
        if (!name.isEmpty() && Text::fold(name) != Text::fold(stored)) {
            errors << Tr::tr("the key %1 belongs to %2 in the registry, not to %3.").arg(key, stored, name);
            return std::nullopt;
        }
    } else {
        if (!key.isEmpty() && name.isEmpty()) {
            errors << Tr::tr("no person has the key %1.").arg(key);
            return std::nullopt;
        }
        if (!key.isEmpty())
            return byUnknownKey(row, key, name, errors);
        // By name, birth date and unit, as the staff list matches: the unit is needed.
        const QString unitText = text(row, RecordField::Unit);
        const int unitColumn = m_map.columnOf(RecordField::Unit);
        if (unitText.isEmpty()) {
            errors << Tr::tr("the unit (Đơn vị) of %1 is missing: the registry is searched by name, birth date and unit.").arg(name);
            return std::nullopt;
        }
        const std::optional<Found> u = unit(unitText, unitColumn, errors);
        if (!u)
            return std::nullopt;
        QStringList problems;
        const QDate birth = date(row, RecordField::BirthDate, problems);
        if (!problems.isEmpty()) {
            errors << problems;
            return std::nullopt;
        }
        const QList<qint64> ids = birth.isValid() ? m_peopleByIdentity.value(identity(name, birth, u->subject.unitId))
                                                  : m_peopleByNameUnit.value(nameAndUnit(name, u->subject.unitId));
        if (ids.size() > 1) {
            errors << Tr::tr("several people named %1 work in %2; give the birth date or the key.").arg(name, u->name);
            return std::nullopt;
        }
        if (ids.isEmpty()) {
            // The birth date is personal data: named, never shown, outside the person's own page.
            errors << (birth.isValid() ? Tr::tr("%1 with this birth date is not in the registry in %2; import the staff list first.")
                                             .arg(name, u->name)
                                       : Tr::tr("%1 is not in the registry in %2; import the staff list first.").arg(name, u->name));
            return std::nullopt;
        }
        id = ids.first();
    }
    if (!unitEditable(m_personUnit.value(id))) {
        errors << Tr::tr("%1 works in a unit outside the units you may edit.").arg(m_personNames.value(id));
        return std::nullopt;
    }
    return Found{Subject::person(id), m_personNames.value(id), {}};
}

} // namespace VinhDanh::Core::Tables
