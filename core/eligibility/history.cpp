#include "core/eligibility/history.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/rows.h"
#include "core/eligibility/ruleset.h"
#include "core/error.h"

#include <QCoreApplication>

#include <QMap>

#include <algorithm>
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

/// The sweep's cuts (loadForSweep): whole statements for ratings and awards (their rows must
/// not overlap), a condition on disciplines d, and no texts that only explanations quote.
/// Empty / false: none, everything in scope is read.
struct Cuts
{
    QStringList ratingQueries; // each "SELECT r.person_id, r.unit_id, r.year, r.rating …"
    QStringList awardQueries;  // each "SELECT a.person_id, a.unit_id, a.form_code, <1 if regular else 0>, a.year …"
    QString disciplines;
    bool lean = false;
};

QString andAlso(const QString &condition)
{
    return condition.isEmpty() ? QString() : QStringLiteral(" AND (") + condition + QLatin1Char(')');
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

Registry load(const Database &db, const Scope &scope, const Cuts &cuts = Cuts())
{
    // Rows, not Query: a province is a million values, and Qt's QVariant per value cost four
    // times SQLite's own reading (core/db/rows.h).
    Registry r;
    CodeTexts codes;
    {
        Rows q(db, QStringLiteral("SELECT code, name FROM award_forms"));
        while (q.next())
            r.formNames.insert(q.text(0), q.text(1));
    }
    {
        Rows q(db, QStringLiteral("SELECT id, name FROM units"));
        while (q.next())
            r.unitNames.insert(q.id(0), q.text(1));
    }
    // Subjects. In unit scope, the people are the unit's members.
    {
        if (scope.people.isEmpty()) // the whole registry: one allocation, not a rehash every doubling
            r.people.reserve(Query(db.sql(), QStringLiteral("SELECT COUNT(*) FROM people")).scalar(0).toLongLong());
        Rows q(db, QStringLiteral("SELECT p.id, p.ext_key, p.full_name, p.category, p.unit_id FROM people p") + where(scope.people));
        while (q.next()) {
            SubjectHistory &s = r.people[q.id(0)];
            s.id = q.id(0);
            s.key = q.text(1);
            s.name = q.text(2);
            s.category = codes(q.utf8(3));
            s.unitId = q.id(4);
            r.members[s.unitId].append(s.id);
        }
    }
    if (scope.withUnits) {
        Rows q(db, QStringLiteral("SELECT u.id, u.ext_key, u.name, u.kind, u.parent_id, b.name, b.kind FROM units u "
                                  "LEFT JOIN blocs b ON b.id = u.bloc_id")
                       + where(scope.units));
        while (q.next()) {
            SubjectHistory &s = r.units[q.id(0)];
            s.id = q.id(0);
            s.isUnit = true;
            s.key = q.text(1);
            s.name = q.text(2);
            s.category = codes(q.utf8(3));
            s.unitId = q.id(4);
            s.bloc = q.text(5);
            s.blocKind = q.text(6);
        }
    }
    // Rows of people p or units u in scope: "x.person_id IN (SELECT p.id …) OR x.unit_id IN (…)".
    auto owner = [&](const QString &alias) -> QString {
        QStringList parts;
        parts << (scope.people.isEmpty() ? QString(alias + QStringLiteral(".person_id IS NOT NULL"))
                                         : QString(alias + QStringLiteral(".person_id IN (SELECT p.id FROM people p WHERE ")
                                                   + scope.people + QLatin1Char(')')));
        if (scope.withUnits)
            parts << (scope.units.isEmpty() ? QString(alias + QStringLiteral(".unit_id IS NOT NULL"))
                                            : QString(alias + QStringLiteral(".unit_id IN (SELECT u.id FROM units u WHERE ")
                                                      + scope.units + QLatin1Char(')')));
        return QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" OR "));
    };
    const QStringList ratingQueries =
        !cuts.ratingQueries.isEmpty() ? cuts.ratingQueries
                                      : QStringList{QStringLiteral("SELECT r.person_id, r.unit_id, r.year, r.rating FROM ratings r")
                                                    + owner(QStringLiteral("r"))};
    for (const QString &sql : ratingQueries) {
        Rows q(db, sql);
        while (q.next())
            if (SubjectHistory *s = subject(r, q.id(0), q.id(1)))
                s->ratings.emplace_back(q.integer(2), quint8(ratingLevel(codes(q.utf8(3)))));
    }
    const QStringList awardQueries =
        !cuts.awardQueries.isEmpty()
            ? cuts.awardQueries
            : QStringList{
                QStringLiteral("SELECT a.person_id, a.unit_id, a.id, a.form_code, a.kind, a.year, a.decision_no FROM awards a")
                + owner(QStringLiteral("a"))};
    for (const QString &sql : awardQueries) {
        Rows q(db, sql);
        while (q.next())
            if (SubjectHistory *s = subject(r, q.id(0), q.id(1))) {
                if (cuts.lean) { // no id, no kind: only whether it is regular-track, which is all the rules read
                    s->awards.push_back({0, codes(q.utf8(2)), QString(), q.integer(4), QString(), q.integer(3) != 0});
                    continue;
                }
                const QString kind = codes(q.utf8(4));
                s->awards.push_back({q.id(2), codes(q.utf8(3)), kind, q.integer(5), q.text(6), AwardFact::regularKind(kind)});
            }
    }
    {
        // Lean: only what the counting reads (no id, key, title or decision number).
        Rows q(db,
               (cuts.lean ? QStringLiteral("SELECT h.person_id, i.level, i.decision_date, ")
                          : QStringLiteral("SELECT h.person_id, i.id, i.ext_key, i.title, i.level, i.decision_no, i.decision_date, "))
                   + QStringLiteral("i.used_for_award_id, a.form_code, a.year FROM initiative_holders h "
                                    "JOIN initiatives i ON i.id = h.initiative_id LEFT JOIN awards a ON a.id = i.used_for_award_id")
                   + (scope.people.isEmpty() ? QString()
                                             : QStringLiteral(" WHERE h.person_id IN (SELECT p.id FROM people p WHERE ") + scope.people
                                                   + QLatin1Char(')')));
        while (q.next())
            if (SubjectHistory *s = subject(r, q.id(0), 0)) {
                InitiativeFact f;
                if (cuts.lean) {
                    f.level = codes(q.utf8(1));
                    f.year = QDate::fromString(q.text(2), Qt::ISODate).year();
                    f.usedFor = q.id(3);
                    f.usedForForm = codes(q.utf8(4));
                    f.usedForYear = q.integer(5);
                    s->initiatives.push_back(f);
                    continue;
                }
                f.id = q.id(1);
                f.key = q.text(2);
                f.title = q.text(3);
                f.level = codes(q.utf8(4));
                f.decisionNo = q.text(5);
                f.year = QDate::fromString(q.text(6), Qt::ISODate).year();
                f.usedFor = q.id(7);
                f.usedForForm = codes(q.utf8(8));
                f.usedForYear = q.integer(9);
                s->initiatives.push_back(f);
            }
    }
    {
        Rows q(db, QStringLiteral("SELECT d.person_id, d.unit_id, d.kind, d.start_date, d.end_date, d.decision_no FROM disciplines d")
                       + owner(QStringLiteral("d")) + andAlso(cuts.disciplines));
        while (q.next())
            if (SubjectHistory *s = subject(r, q.id(0), q.id(1)))
                s->disciplines.push_back(
                    {q.text(2), QDate::fromString(q.text(3), Qt::ISODate), QDate::fromString(q.text(4), Qt::ISODate), q.text(5)});
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

namespace {
/// What one condition reads (conditions.cpp), given the afterAward forms around it (`enclosing`:
/// a count without its own window counts in the years after that award, windowOf()).
void collectNeeds(SweepNeeds &n, const Condition &c, const QStringList &enclosing)
{
    auto form = [&](const QString &code, int years) {
        int &y = n.formYears[code]; // 0 when new
        y = std::max(y, years);
    };
    auto formAfter = [&](const QString &code, const QStringList &forms) {
        form(code, 1);
        QStringList &after = n.formsAfter[code];
        for (const QString &f : forms)
            if (!after.contains(f))
                after << f;
    };
    auto ratingsAfter = [&](const QStringList &forms) {
        for (const QString &f : forms)
            if (!n.ratingsAfter.contains(f))
                n.ratingsAfter << f;
    };
    using Op = Condition::Op;
    switch (c.op) {
    case Op::RatingStreak: // the streak and its explanation stop at `years` back
        n.ratingYears = std::max(n.ratingYears, c.years);
        for (const QString &t : c.orTitles)
            form(t, std::max(c.years, 1));
        break;
    case Op::RatingCount:
        if (c.window > 0)
            n.ratingYears = std::max(n.ratingYears, c.window);
        else if (!enclosing.isEmpty())
            ratingsAfter(enclosing);
        break; // else the year alone
    case Op::TitleCount:
        for (const QString &f : c.awards) {
            if (c.consecutive)
                form(f, std::max(1, (c.count - 1) * std::max(c.step, 1) + 1));
            else if (c.window > 0)
                form(f, c.window);
            else if (!enclosing.isEmpty())
                formAfter(f, enclosing);
            else
                form(f, INT_MAX);
        }
        break;
    case Op::AfterAward:
        // Every earlier award of the forms (the latest, or an older one that qualifies); the
        // rated streak since then can reach back to the first of them, never before it.
        for (const QString &f : c.awards)
            form(f, INT_MAX);
        ratingsAfter(c.awards);
        for (const Condition &k : c.children)
            collectNeeds(n, k, c.awards);
        return;
    case Op::MemberShare: // the members' year only
        for (const QString &f : c.awards)
            form(f, 1);
        break;
    default: break;
    }
    for (const Condition &k : c.children)
        collectNeeds(n, k, enclosing);
}

QString quoted(const QStringList &codes)
{
    QStringList out;
    for (const QString &c : codes)
        out << QLatin1Char('\'') + QString(c).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
    return out.join(QStringLiteral(", "));
}

/// The rows of `table` (ratings r / awards a, selecting `columns`, matching `condition`) that
/// lie after their owner's first award of one of `forms`: driven from those owners' first year
/// (a few thousand), so each probe uses the (person_id, year) / (unit_id, year) index instead of
/// testing a million rows. Two statements: people's rows and units'.
QStringList afterFirstAward(const QString &table, const QString &columns, const QString &condition, const QStringList &forms)
{
    QStringList out;
    const QChar alias = table == QLatin1String("ratings") ? QLatin1Char('r') : QLatin1Char('a');
    for (const QString &owner : {QStringLiteral("person_id"), QStringLiteral("unit_id")})
        out << QStringLiteral("SELECT %1 FROM (SELECT b.%2 AS owner, MIN(b.year) AS first FROM awards b WHERE b.%2 IS NOT NULL "
                              "AND b.form_code IN (%3) GROUP BY b.%2) f JOIN %4 %5 ON %5.%2 = f.owner AND %5.year > f.first WHERE %6")
                   .arg(columns, owner, quoted(forms), table, alias, condition);
    return out;
}
} // namespace

SweepNeeds sweepNeeds(const RuleSet &set, const std::vector<const AwardRule *> &rules, int year)
{
    SweepNeeds n;
    n.year = year;
    for (const Condition &c : set.common)
        collectNeeds(n, c, {});
    for (const AwardRule *rule : rules)
        collectNeeds(n, rule->condition, {});
    return n;
}

QStringList sweepAwardStatements(const SweepNeeds &needs)
{
    const int y = needs.year;
    QStringList out;
    // Award forms grouped by how far back they are read; forms no condition names are not read.
    // The kinds that are not regular-track, as AwardFact::regularKind() says: 1 byte a row, not the kind.
    // Named columns: the streamed sweep (sweepstream.cpp) reads these statements as a subquery.
    const QString awardColumns = QStringLiteral("a.person_id, a.unit_id, a.form_code, "
                                                "CASE WHEN a.kind IN ('dot_xuat', 'theo_dot') THEN 0 ELSE 1 END AS regular, a.year");
    QMap<int, QStringList> byYears;
    for (auto it = needs.formYears.begin(); it != needs.formYears.end(); ++it)
        byYears[it.value()] << it.key();
    for (auto it = byYears.begin(); it != byYears.end(); ++it)
        out << QStringLiteral("SELECT %1 FROM awards a WHERE a.form_code IN (%2) AND a.year <= %3")
                       .arg(awardColumns, quoted(it.value()))
                       .arg(y)
                   + (it.key() == INT_MAX ? QString() : QStringLiteral(" AND a.year > %1").arg(qint64(y) - it.key()));
    for (auto it = needs.formsAfter.begin(); it != needs.formsAfter.end(); ++it) {
        const int years = needs.formYears.value(it.key());
        if (years != INT_MAX) // else every year is read already
            out << afterFirstAward(
                QStringLiteral("awards"), awardColumns,
                // "|| ''": not by the (form, year) index, which would visit
                // every older award of the form; by the owner's.
                QStringLiteral("(a.form_code || '') IN (%1) AND a.year <= %2").arg(quoted({it.key()})).arg(qint64(y) - years),
                it.value());
    }
    if (out.isEmpty()) // no condition counts awards (an empty list would read them all)
        out << QStringLiteral("SELECT %1 FROM awards a WHERE 1 = 0").arg(awardColumns);
    return out;
}

QStringList sweepRatingStatements(const SweepNeeds &needs)
{
    // No condition reads a record after the evaluated year (windows end at it), so the cuts all
    // start with "up to the year". Disjoint statements (a row read twice would count twice):
    // the last N years, then the older years after a first award.
    const int y = needs.year;
    const QString ratingColumns = QStringLiteral("r.person_id, r.unit_id, r.year, r.rating");
    const qint64 recent = qint64(y) - needs.ratingYears; // ratings after this year
    QStringList out{
        QStringLiteral("SELECT %1 FROM ratings r WHERE r.year > %2 AND r.year <= %3").arg(ratingColumns).arg(recent).arg(y)};
    if (!needs.ratingsAfter.isEmpty())
        out << afterFirstAward(QStringLiteral("ratings"), ratingColumns, QStringLiteral("r.year <= %1").arg(recent),
                               needs.ratingsAfter);
    return out;
}

QString sweepDisciplineCondition(const SweepNeeds &needs)
{
    // Disciplines begun after the year are skipped by every rule (SubjectHistory::cutoff).
    return QStringLiteral("d.start_date <= '%1-12-31'").arg(needs.year, 4, 10, QLatin1Char('0'));
}

Registry loadForSweep(const Database &db, const SweepNeeds &needs)
{
    const Scope scope{QString(), QString(), true};
    Cuts cuts;
    cuts.lean = true;
    cuts.ratingQueries = sweepRatingStatements(needs);
    cuts.awardQueries = sweepAwardStatements(needs);
    cuts.disciplines = sweepDisciplineCondition(needs);
    return load(db, scope, cuts);
}

} // namespace VinhDanh::Core::Eligibility
