#include "core/eligibility/history.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/eligibility/ruleset.h"
#include "core/error.h"

#include <QCoreApplication>

#include <climits>

namespace VinhDanh::Core::Eligibility {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Eligibility)
};

/// Which rows to load: `people` and `units` are WHERE fragments on the people / units table
/// (alias p / u) with ids written in as numbers; empty = all.
struct Scope
{
    QString people; // e.g. "p.id = :id"
    QString units;  // e.g. "u.id = 12"
    bool withUnits = false;
};

Query prepared(const Database &db, const QString &sql, const Scope &)
{
    return Query(db.sql(), sql);
}

QString where(const QString &condition)
{
    return condition.isEmpty() ? QString() : QStringLiteral(" WHERE ") + condition;
}

SubjectHistory *subject(Registry &r, qint64 personId, qint64 unitId)
{
    if (personId) {
        auto it = r.people.find(personId);
        return it == r.people.end() ? nullptr : &*it;
    }
    auto it = r.units.find(unitId);
    return it == r.units.end() ? nullptr : &*it;
}

Registry load(const Database &db, const Scope &scope)
{
    Registry r;
    {
        Query q(db.sql(), QStringLiteral("SELECT code, name FROM award_forms"));
        q.exec();
        while (q.next())
            r.formNames.insert(q.text(0), q.text(1));
    }
    {
        Query q(db.sql(), QStringLiteral("SELECT id, name FROM units"));
        q.exec();
        while (q.next())
            r.unitNames.insert(q.id(0), q.text(1));
    }
    // Subjects. In unit scope, the people are the unit's members.
    {
        Query q = prepared(db, QStringLiteral("SELECT p.id, p.ext_key, p.full_name, p.category, p.unit_id FROM people p") + where(scope.people),
                           scope);
        q.exec();
        while (q.next()) {
            SubjectHistory &s = r.people[q.id(0)];
            s.id = q.id(0);
            s.key = q.text(1);
            s.name = q.text(2);
            s.category = q.text(3);
            s.unitId = q.id(4);
            r.members[s.unitId].append(s.id);
        }
    }
    if (scope.withUnits) {
        Query q = prepared(db, QStringLiteral("SELECT u.id, u.ext_key, u.name, u.kind, u.parent_id, b.name, b.kind FROM units u "
                                              "LEFT JOIN blocs b ON b.id = u.bloc_id")
                                   + where(scope.units),
                           scope);
        q.exec();
        while (q.next()) {
            SubjectHistory &s = r.units[q.id(0)];
            s.id = q.id(0);
            s.isUnit = true;
            s.key = q.text(1);
            s.name = q.text(2);
            s.category = q.text(3);
            s.unitId = q.id(4);
            s.bloc = q.text(5);
            s.blocKind = q.text(6);
        }
    }
    // Rows of people p or units u in scope: "x.person_id IN (SELECT p.id …) OR x.unit_id IN (…)".
    auto owner = [&](const QString &alias) -> QString {
        QStringList parts;
        parts << (scope.people.isEmpty() ? QString(alias + QStringLiteral(".person_id IS NOT NULL"))
                                          : QString(alias + QStringLiteral(".person_id IN (SELECT p.id FROM people p WHERE ") + scope.people + QLatin1Char(')')));
        if (scope.withUnits)
            parts << (scope.units.isEmpty() ? QString(alias + QStringLiteral(".unit_id IS NOT NULL"))
                                             : QString(alias + QStringLiteral(".unit_id IN (SELECT u.id FROM units u WHERE ") + scope.units + QLatin1Char(')')));
        return QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" OR "));
    };
    {
        Query q = prepared(db, QStringLiteral("SELECT r.person_id, r.unit_id, r.year, r.rating FROM ratings r") + owner(QStringLiteral("r")), scope);
        q.exec();
        while (q.next())
            if (SubjectHistory *s = subject(r, q.id(0), q.id(1)))
                s->ratings.emplace_back(q.integer(2), quint8(ratingLevel(q.text(3))));
    }
    {
        Query q = prepared(db, QStringLiteral("SELECT a.person_id, a.unit_id, a.id, a.form_code, a.kind, a.year, a.decision_no FROM awards a")
                                   + owner(QStringLiteral("a")),
                           scope);
        q.exec();
        while (q.next())
            if (SubjectHistory *s = subject(r, q.id(0), q.id(1)))
            {
                const QString kind = q.text(4);
                s->awards.push_back({q.id(2), q.text(3), kind, q.integer(5), q.text(6), AwardFact::regularKind(kind)});
            }
    }
    {
        Query q = prepared(db,
                           QStringLiteral("SELECT h.person_id, i.id, i.ext_key, i.title, i.level, i.decision_no, i.decision_date, "
                                          "i.used_for_award_id, a.form_code, a.year FROM initiative_holders h "
                                          "JOIN initiatives i ON i.id = h.initiative_id LEFT JOIN awards a ON a.id = i.used_for_award_id")
                               + (scope.people.isEmpty() ? QString()
                                                         : QStringLiteral(" WHERE h.person_id IN (SELECT p.id FROM people p WHERE ")
                                          + scope.people + QLatin1Char(')')),
                           scope);
        q.exec();
        while (q.next())
            if (SubjectHistory *s = subject(r, q.id(0), 0)) {
                InitiativeFact f;
                f.id = q.id(1);
                f.key = q.text(2);
                f.title = q.text(3);
                f.level = q.text(4);
                f.decisionNo = q.text(5);
                f.year = QDate::fromString(q.text(6), Qt::ISODate).year();
                f.usedFor = q.id(7);
                f.usedForForm = q.text(8);
                f.usedForYear = q.integer(9);
                s->initiatives.push_back(f);
            }
    }
    {
        Query q = prepared(db, QStringLiteral("SELECT d.person_id, d.unit_id, d.kind, d.start_date, d.end_date, d.decision_no FROM disciplines d")
                                   + owner(QStringLiteral("d")),
                           scope);
        q.exec();
        while (q.next())
            if (SubjectHistory *s = subject(r, q.id(0), q.id(1)))
                s->disciplines.push_back({q.text(2), QDate::fromString(q.text(3), Qt::ISODate), QDate::fromString(q.text(4), Qt::ISODate),
                                          q.text(5)});
    }
    return r;
}
} // namespace

int SubjectHistory::ratingIn(int year) const
{
    for (const auto &[y, level] : ratings)
        if (y == year)
            return level;
    return -1;
}

bool SubjectHistory::hasRegularTitle(const QString &form, int year) const
{
    for (const AwardFact &a : awards)
        if (a.year == year && a.form == form && a.regular())
            return true;
    return false;
}

int SubjectHistory::cutoff(int year) const
{
    int c = INT_MIN;
    for (const DisciplineFact &d : disciplines) {
        if (!d.start.isValid() || d.start.year() > year)
            continue;
        c = std::max(c, d.end.isNull() ? INT_MAX : d.end.year());
    }
    return c;
}

Registry loadPerson(const Database &db, qint64 personId)
{
    Registry r = load(db, {QStringLiteral("p.id = %1").arg(personId), QString(), false});
    if (!r.people.contains(personId))
        throw Error(Tr::tr("There is no person with the id %1.").arg(personId));
    return r;
}

Registry loadUnit(const Database &db, qint64 unitId)
{
    Registry r = load(db, {QStringLiteral("p.unit_id = %1").arg(unitId), QStringLiteral("u.id = %1").arg(unitId), true});
    if (!r.units.contains(unitId))
        throw Error(Tr::tr("There is no unit with the id %1.").arg(unitId));
    return r;
}

Registry loadAll(const Database &db)
{
    return load(db, {QString(), QString(), true});
}

} // namespace VinhDanh::Core::Eligibility
