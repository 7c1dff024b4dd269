// Who and what a row of a danh sách đề nghị names: the registry person or unit, the award form,
// and the headings that set them for the rows below.
#include "core/tables/nomineelist_p.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/domain/movement.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/proposals/statemachine.h"
#include "core/registry/keyaliases.h"
#include "core/registry/keys.h"
#include "core/registry/movementrepository.h"
#include "core/registry/recordrepository.h"
#include "core/tables/mappingfile.h"
#include "core/text/vntext.h"

#include <QCoreApplication>

namespace VinhDanh::Core::Tables::NomineeListDetail {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

QString subjectPair(bool person, qint64 id, const QString &form)
{
    return (person ? QStringLiteral("p:") : QStringLiteral("u:")) + QString::number(id) + QLatin1Char('|') + form;
}
} // namespace

bool Context::read(const QString &label, int row, const Registry &registry)
{
    const QString k = headerKey(label);
    if (k == QLatin1String("tong cong") || k.startsWith(QLatin1String("tong cong ")) || k == QLatin1String("cong"))
        return true; // a total line
    // The group words first: "Tập thể" alone must not be read as a shortened "Tập thể lao động …".
    static const QStringList collective = {QStringLiteral("tap the"), QStringLiteral("cac tap the"),
                                           QStringLiteral("khen thuong tap the"), QStringLiteral("tap the de nghi khen thuong")};
    static const QStringList individual = {QStringLiteral("ca nhan"), QStringLiteral("cac ca nhan"),
                                           QStringLiteral("khen thuong ca nhan"), QStringLiteral("ca nhan de nghi khen thuong")};
    if (collective.contains(k)) {
        kind = Kind::Unit;
        return true;
    }
    if (individual.contains(k)) {
        kind = Kind::Person;
        return true;
    }
    if (const QString code = registry.formCode(label); !code.isEmpty()) {
        form = code;
        formRow = row;
        const QString r = registry.recipients(code);
        kind = r == QLatin1String("collective") ? Kind::Unit : r == QLatin1String("individual") ? Kind::Person : Kind::Any;
        return true;
    }
    return false;
}

Registry::Registry(Database &db, const Workflow::Dossier &dossier)
    : m_names(RecordRepository(db).awardForms(), OfficePlace::load(db)), m_dossierUnit(dossier.unitId)
{
    for (const AwardForm &f : RecordRepository(db).awardForms()) {
        m_recipients.insert(f.code, f.recipients);
        m_formNames.insert(f.code, f.name);
    }
    if (dossier.movementId > 0)
        if (const std::optional<Movement> m = MovementRepository(db).get(dossier.movementId))
            for (const MovementAward &a : m->awards)
                if (a.occasion == dossier.occasion)
                    for (const QString &code : a.awardCodes)
                        if (!m_offered.contains(code))
                            m_offered << code;
    for (const Workflow::Nominee &n : Workflow::DossierRepository(db).nominees(dossier.id))
        m_nominated.insert(subjectPair(n.isPerson(), n.isPerson() ? n.personId : n.unitId, n.formCode));
    Query u(db.sql(), QStringLiteral("SELECT id, ext_key, name, parent_id FROM units"));
    u.exec();
    while (u.next()) {
        const Unit unit{u.text(1), u.text(2), Text::fold(u.text(2)), u.id(3)};
        m_units.insert(u.id(0), unit);
        m_unitsByKey.insert(unit.key, u.id(0));
        m_unitsByName[unit.folded].append(u.id(0));
    }
    Query p(db.sql(), QStringLiteral("SELECT id, ext_key, full_name, birth_date, unit_id FROM people"));
    p.exec();
    while (p.next()) {
        const Person person{p.text(1), p.text(2), Keys::dateFrom(p.value(3)), p.id(4)};
        m_people.insert(p.id(0), person);
        m_peopleByKey.insert(person.key, p.id(0));
        m_peopleByName[Text::fold(person.name)].append(p.id(0));
    }
    Keys::addOldKeys(db, "units", m_unitsByKey);
    Keys::addOldKeys(db, "people", m_peopleByKey);
    m_visible = Permissions::visibleUnitIds(db);
}

FormChoice Registry::chooseForm(const QString &text, const Context &context) const
{
    FormChoice out;
    if (!text.isEmpty()) {
        out.code = m_names.code(text);
        if (!out.code.isEmpty()) {
            out.described = Tr::tr("form: %1").arg(formName(out.code));
            return out;
        }
        QStringList names;
        for (const QString &code : m_names.candidates(text))
            names << formName(code);
        if (const QString refused = m_names.refusal(text); !refused.isEmpty()) {
            out.problem = refused; // another body's award, a city of no known level
            return out;
        }
        if (const QString level = m_names.unknownLevel(text); !level.isEmpty()) {
            out.problem = Tr::tr("\"%1\" is a form given at the level \"%2\", and the catalogue has no award form of "
                                 "that level; it is not taken for another level's form.")
                              .arg(text, level);
            return out;
        }
        out.problem =
            names.isEmpty()
                ? Tr::tr("the award form \"%1\" is not recognised; write it as the catalogue names it (for example \"Lao động "
                         "tiên tiến\" or \"Bằng khen của Chủ tịch UBND tỉnh\").")
                      .arg(text)
                : Tr::tr("the award form \"%1\" could be any of: %2; write it in full.").arg(text, names.join(QStringLiteral("; ")));
        return out;
    }
    if (!context.form.isEmpty()) {
        out.code = context.form;
        out.described = Tr::tr("form: %1 (from the heading on row %2)").arg(formName(out.code)).arg(context.formRow);
    }
    return out;
}

FormChoice Registry::defaultForm(bool person) const
{
    QStringList fitting;
    for (const QString &code : m_offered) {
        const QString r = recipients(code);
        if (r == QLatin1String("both") || r == (person ? QLatin1String("individual") : QLatin1String("collective")))
            fitting << code;
    }
    FormChoice out;
    if (fitting.size() == 1) {
        out.code = fitting.first();
        out.described =
            Tr::tr("form: %1 (the row gives none; the only one the dossier's movement offers here)").arg(formName(out.code));
    } else {
        out.problem = Tr::tr("the row gives no award form, and the dossier has no single form to take instead; write the "
                             "form in the \"Hình thức đề nghị\" column.");
    }
    return out;
}

bool Registry::inSubtree(qint64 root, qint64 unit) const
{
    for (int guard = 0; unit > 0 && guard < 64; ++guard) { // a cycle cannot hang the preview
        if (unit == root)
            return true;
        unit = m_units.value(unit).parentId;
    }
    return false;
}

QList<qint64> Registry::unitsNamedIn(const QString &unit, const QString &positionAndUnit) const
{
    QList<qint64> out;
    if (!unit.isEmpty()) {
        if (m_unitsByKey.contains(unit))
            return {m_unitsByKey.value(unit)};
        return m_unitsByName.value(Text::fold(unit));
    }
    if (positionAndUnit.isEmpty())
        return out;
    // "Trưởng phòng Tổ chức, Sở Nội vụ": the registry units whose whole name the cell holds, as words.
    const QString cell = QLatin1Char(' ') + headerKey(positionAndUnit) + QLatin1Char(' ');
    for (auto it = m_units.cbegin(); it != m_units.cend(); ++it) {
        const QString name = headerKey(it->name);
        if (name.size() >= 4 && cell.contains(QLatin1Char(' ') + name + QLatin1Char(' ')))
            out << it.key();
    }
    return out;
}

QString Registry::unitsText(const QList<qint64> &people) const
{
    QStringList names;
    for (qint64 id : people) {
        const QString n = m_units.value(m_people.value(id).unitId).name;
        if (!names.contains(n))
            names << n;
    }
    return names.join(QStringLiteral(", "));
}

Match Registry::matchPerson(const QString &key, const QString &name, const QString &unit, const QString &positionAndUnit,
                            const QDate &birth, bool *nobodyByThatName) const
{
    Match m;
    *nobodyByThatName = false;
    QList<qint64> candidates;
    if (!key.isEmpty() && m_peopleByKey.contains(key)) {
        const qint64 id = m_peopleByKey.value(key);
        // A key copied onto the wrong line would otherwise nominate someone else.
        if (!name.isEmpty() && Text::fold(name) != Text::fold(m_people.value(id).name)) {
            m.problem = Tr::tr("the key %1 belongs to %2 in the registry, not to %3.").arg(key, m_people.value(id).name, name);
            return m;
        }
        candidates = {id};
    } else if (name.isEmpty()) {
        m.problem = key.isEmpty() ? Tr::tr("the row has no name.") : Tr::tr("no person has the key %1.").arg(key);
        return m;
    } else {
        // A key matching nobody is most likely mistyped (issue 15 review): the name alone must
        // not pick someone. Only the name and birth date (and the unit, when written) finding
        // exactly one person stand in for it, with a warning naming both (below).
        if (!key.isEmpty() && !birth.isValid()) {
            m.problem = Tr::tr("no person has the key %1; correct the key, or give the birth date to find %2 by name and "
                               "birth date.")
                            .arg(key, name);
            return m;
        }
        candidates = m_peopleByName.value(Text::fold(name));
        if (candidates.isEmpty()) {
            *nobodyByThatName = true;
            m.problem = Tr::tr("%1 is not in the registry; add the person first, or write their key.").arg(name);
            return m;
        }
        // A clerk's namesakes outside their units can never be the nominee, and the messages
        // below name the candidates' units: keep only those the clerk may see.
        QList<qint64> mine;
        for (qint64 id : std::as_const(candidates))
            if (visible(m_people.value(id).unitId))
                mine << id;
        if (mine.isEmpty()) {
            m.problem = Tr::tr("%1 works in a unit outside the units you may edit.").arg(name);
            return m;
        }
        candidates = mine;
        const QList<qint64> units = unitsNamedIn(unit, positionAndUnit);
        if (!unit.isEmpty() && units.isEmpty()) {
            m.problem = Tr::tr("no unit has the key or the name \"%1\".").arg(unit);
            return m;
        }
        if (!units.isEmpty()) {
            QList<qint64> inUnit;
            for (qint64 id : candidates)
                if (std::any_of(units.begin(), units.end(), [&](qint64 u) { return inSubtree(u, m_people.value(id).unitId); }))
                    inUnit << id;
            if (inUnit.isEmpty()) {
                m.problem = Tr::tr("nobody named %1 works in %2; the registry has %1 in: %3.")
                                .arg(name, m_units.value(units.first()).name, unitsText(candidates));
                return m;
            }
            candidates = inUnit;
        }
        if (birth.isValid()) {
            QList<qint64> born;
            for (qint64 id : candidates)
                if (m_people.value(id).birth == birth)
                    born << id;
            if (born.isEmpty()) {
                m.problem = Tr::tr("%1 has another birth date in the registry; check the row, or write the person's key.").arg(name);
                return m;
            }
            candidates = born;
        }
        if (candidates.size() > 1) {
            // The lower unit proposes its own people: a namesake elsewhere does not make it ambiguous.
            QList<qint64> own;
            for (qint64 id : candidates)
                if (inSubtree(m_dossierUnit, m_people.value(id).unitId))
                    own << id;
            if (own.size() == 1)
                candidates = own;
        }
        if (candidates.size() > 1) {
            m.problem = Tr::tr("several people are named %1 (in %2); write the birth date, the unit or the person's key.")
                            .arg(name, unitsText(candidates));
            return m;
        }
    }
    const qint64 id = candidates.first();
    const Person &p = m_people.value(id);
    if (!visible(p.unitId)) {
        m.problem = Tr::tr("%1 works in a unit outside the units you may edit.").arg(p.name);
        return m;
    }
    m.found = true;
    m.isPerson = true;
    m.id = id;
    m.key = p.key;
    m.name = p.name;
    m.described = Tr::tr("person in the registry: %1, %2").arg(p.name, m_units.value(p.unitId).name);
    if (!key.isEmpty() && key != p.key)
        m.warning =
            p.key.isEmpty()
                ? Tr::tr("no person has the key %1; taken as %2 (who has no key), by the same name and birth date: check the key.")
                      .arg(key, p.name)
                : Tr::tr("no person has the key %1; taken as %2 (key %3), by the same name and birth date: check the key.")
                      .arg(key, p.name, p.key);
    return m;
}

Match Registry::matchUnit(const QString &key, const QString &name) const
{
    Match m;
    m.isPerson = false;
    QList<qint64> ids;
    if (!key.isEmpty() && m_unitsByKey.contains(key)) {
        ids = {m_unitsByKey.value(key)};
    } else if (name.isEmpty()) {
        m.problem = key.isEmpty() ? Tr::tr("the row has no name.") : Tr::tr("no unit has the key %1.").arg(key);
        return m;
    } else {
        QString folded = Text::fold(name);
        ids = m_unitsByName.value(folded);
        // "Tập thể Phòng Tổ chức": lists often write the word before the unit's own name.
        static const QString prefix = QStringLiteral("tap the ");
        if (ids.isEmpty() && folded.startsWith(prefix))
            ids = m_unitsByName.value(folded.mid(prefix.size()).trimmed());
        if (ids.size() > 1) {
            QList<qint64> own;
            for (qint64 id : std::as_const(ids))
                if (inSubtree(m_dossierUnit, id))
                    own << id;
            if (own.size() == 1)
                ids = own;
        }
        if (ids.isEmpty()) {
            m.problem = Tr::tr("no unit is named \"%1\" in the registry; add the unit first, or write its key.").arg(name);
            return m;
        }
        if (ids.size() > 1) {
            m.problem = Tr::tr("several units are named \"%1\"; write the unit's key instead.").arg(name);
            return m;
        }
    }
    const qint64 id = ids.first();
    const Unit &u = m_units.value(id);
    if (!visible(id)) {
        m.problem = Tr::tr("the unit \"%1\" is outside the units you may edit.").arg(u.name);
        return m;
    }
    m.found = true;
    m.id = id;
    m.key = u.key;
    m.name = u.name;
    m.described = u.parentId > 0 ? Tr::tr("collective in the registry: %1, under %2").arg(u.name, m_units.value(u.parentId).name)
                                 : Tr::tr("collective in the registry: %1").arg(u.name);
    // A unit's name is its identity (units have no birth date): found by it despite a key that
    // matches nobody, with a warning naming both, as for people.
    if (!key.isEmpty() && key != u.key)
        m.warning =
            u.key.isEmpty()
                ? Tr::tr("no unit has the key %1; taken as %2 (which has no key), by its name: check the key.").arg(key, u.name)
                : Tr::tr("no unit has the key %1; taken as %2 (key %3), by its name: check the key.").arg(key, u.name, u.key);
    return m;
}

Match Registry::match(const QString &key, const QString &name, const QString &collective, const QString &unit,
                      const QString &positionAndUnit, const QDate &birth, const Context &context, const FormChoice &form) const
{
    if (!collective.isEmpty() && name.isEmpty())
        return matchUnit(key, collective);
    const QString r = form.code.isEmpty() ? QString() : recipients(form.code);
    if (context.kind == Context::Kind::Unit || (context.kind == Context::Kind::Any && r == QLatin1String("collective")))
        return matchUnit(key, name.isEmpty() ? collective : name);
    bool nobody = false;
    const Match person = matchPerson(key, name, unit, positionAndUnit, birth, &nobody);
    if (person.found || context.kind == Context::Kind::Person || r == QLatin1String("individual"))
        return person;
    // Neither heading nor form says: a name no person has may be a collective's.
    if (nobody || (!key.isEmpty() && !m_peopleByKey.contains(key))) {
        const Match unitMatch = matchUnit(key, name);
        if (unitMatch.found)
            return unitMatch;
    }
    return person;
}

void requireOpenForNominees(const Workflow::Dossier &d)
{
    if (!Workflow::StateMachine::contentEditable(d.status))
        throw Error(Tr::tr("The dossier \"%1\" is %2: nominees can no longer be added to it. A list can be imported into a "
                           "draft dossier, or one returned for supplement.")
                        .arg(d.title, Workflow::statusLabel(d.status).toLower()));
}

} // namespace VinhDanh::Core::Tables::NomineeListDetail
