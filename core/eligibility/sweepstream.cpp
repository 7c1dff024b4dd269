// The candidates sweep's rows summed up on the database server (streamForSweep, history.h).
// On PostgreSQL every row crosses the network: the row-by-row reading of loadForSweep() sent
// 25 MiB for a province (a million values, each with its length word) and the client held the
// whole registry. Here the server sends one row per person: the key, the name, and one text of
// short codes for everything the rules count; the client builds a few thousand people at a time.
//
// The text of a person: "<id> <unit id> <category>|<ratings>|<awards>|<initiatives>", each list
// comma-separated, each entry dot-separated:
//   rating      <years before the swept year>.<level>                 e.g. "0.3"
//   award       <years before>.<form>.<1 if regular-track, else 0>     e.g. "1.2.1"
//   initiative  <level>.<award used for, id>.<its form>.<its year>.<decision date>
// A code (category, form, initiative level) is its index in a list both sides know, or the
// code itself when it is not in the list; a code never holds a separator (the schema's CHECKs
// and award_forms). The decision date is free text, so it comes last and without commas or bars.
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/rows.h"
#include "core/eligibility/history.h"
#include "core/eligibility/ruleset.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <climits>

namespace VinhDanh::Core::Eligibility {

namespace {
const QStringList &categories()
{
    static const QStringList list{QStringLiteral("can_bo"),         QStringLiteral("cong_chuc"),  QStringLiteral("vien_chuc"),
                                  QStringLiteral("nguoi_lao_dong"), QStringLiteral("doanh_nhan"), QStringLiteral("nhan_dan")};
    return list;
}

const QStringList &initiativeLevels()
{
    static const QStringList list{QStringLiteral("co_so"), QStringLiteral("tinh"), QStringLiteral("toan_quoc")};
    return list;
}

QString quote(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

/// SQL: the index of `column`'s value in `codes` as text, or the value itself.
QString codeIndex(const QString &column, const QStringList &codes)
{
    QString out = QStringLiteral("CASE ") + column;
    for (int i = 0; i < codes.size(); ++i)
        out += QStringLiteral(" WHEN %1 THEN '%2'").arg(quote(codes.at(i))).arg(i);
    return out + QStringLiteral(" ELSE ") + column + QStringLiteral(" END");
}

/// The code an index stands for (codeIndex), shared: a province repeats a few codes a million times.
QString codeAt(QByteArrayView token, const QStringList &codes)
{
    bool ok = false;
    const int i = token.toInt(&ok);
    return ok && i >= 0 && i < codes.size() ? codes.at(i) : QString::fromUtf8(token.data(), token.size());
}

/// The pieces of `text` between `separator`s; at most `max` (the last takes the rest).
std::vector<QByteArrayView> split(QByteArrayView text, char separator, int max = INT_MAX)
{
    std::vector<QByteArrayView> out;
    if (text.isEmpty())
        return out;
    qsizetype from = 0;
    while (int(out.size()) < max - 1) {
        const qsizetype at = text.indexOf(separator, from);
        if (at < 0)
            break;
        out.push_back(text.sliced(from, at - from));
        from = at + 1;
    }
    out.push_back(text.sliced(from));
    return out;
}

int number(QByteArrayView token)
{
    return token.toInt(); // 0 for the empty token (a NULL sent as '')
}

[[noreturn]] void malformed(QByteArrayView text)
{
    throw Error(QCoreApplication::translate("Database", "Could not read from the database."),
                QStringLiteral("candidates sweep: unexpected row \"%1\"")
                    .arg(QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 200)))));
}

/// Fills a person from the server's text (see the top of the file).
void decodePerson(SubjectHistory &s, QByteArrayView text, int year, const QStringList &forms)
{
    const std::vector<QByteArrayView> parts = split(text, '|', 4);
    if (parts.size() != 4)
        malformed(text);
    const std::vector<QByteArrayView> head = split(parts[0], ' ');
    if (head.size() != 3)
        malformed(text);
    s.id = head[0].toLongLong();
    s.unitId = head[1].toLongLong();
    s.category = codeAt(head[2], categories());
    const std::vector<QByteArrayView> ratings = split(parts[1], ',');
    s.ratings.reserve(ratings.size());
    for (QByteArrayView r : ratings) {
        const std::vector<QByteArrayView> f = split(r, '.');
        if (f.size() != 2)
            malformed(text);
        s.ratings.emplace_back(year - number(f[0]), quint8(number(f[1])));
    }
    const std::vector<QByteArrayView> awards = split(parts[2], ',');
    s.awards.reserve(awards.size());
    for (QByteArrayView a : awards) {
        const std::vector<QByteArrayView> f = split(a, '.');
        if (f.size() != 3)
            malformed(text);
        s.awards.push_back({0, codeAt(f[1], forms), QString(), year - number(f[0]), QString(), number(f[2]) != 0});
    }
    const std::vector<QByteArrayView> initiatives = split(parts[3], ',');
    s.initiatives.reserve(initiatives.size());
    for (QByteArrayView i : initiatives) {
        const std::vector<QByteArrayView> f = split(i, '.', 5);
        if (f.size() != 5)
            malformed(text);
        InitiativeFact fact;
        fact.level = codeAt(f[0], initiativeLevels());
        fact.usedFor = f[1].toLongLong();
        fact.usedForForm = f[2].isEmpty() ? QString() : codeAt(f[2], forms);
        fact.usedForYear = number(f[3]);
        // As load() reads it: a date that is not ISO gives year 0.
        fact.year = QDate::fromString(QString::fromUtf8(f[4].data(), f[4].size()), Qt::ISODate).year();
        s.initiatives.push_back(std::move(fact));
    }
}

QString unionOf(const QStringList &statements)
{
    return statements.join(QStringLiteral(" UNION ALL "));
}
} // namespace

void streamForSweep(const Database &db, const SweepNeeds &needs, int chunkPeople, const std::function<void(const Registry &)> &sweep)
{
    const int y = needs.year;
    const bool postgres = db.backend() == Backend::Postgres;
    // The same aggregate under both names (SQLite 3.40, Debian 12, has no string_agg).
    const QString agg = postgres ? QStringLiteral("string_agg") : QStringLiteral("group_concat");
    Registry base; // what every share needs: names of forms and units
    QStringList forms;
    {
        Rows q(db, QStringLiteral("SELECT code, name FROM award_forms ORDER BY code"));
        while (q.next()) {
            forms << q.text(0);
            base.formNames.insert(forms.last(), q.text(1));
        }
    }
    {
        Rows q(db, QStringLiteral("SELECT id, name FROM units"));
        while (q.next())
            base.unitNames.insert(q.id(0), q.text(1));
    }
    // Disciplines are few (and their texts are quoted in explanations): read them row by row.
    QHash<qint64, std::vector<DisciplineFact>> peopleDisciplines, unitDisciplines;
    {
        Rows q(db, QStringLiteral(
                       "SELECT d.person_id, d.unit_id, d.kind, d.start_date, d.end_date, d.decision_no FROM disciplines d WHERE ")
                       + sweepDisciplineCondition(needs));
        while (q.next())
            (q.id(0) ? peopleDisciplines[q.id(0)] : unitDisciplines[q.id(1)])
                .push_back(
                    {q.text(2), QDate::fromString(q.text(3), Qt::ISODate), QDate::fromString(q.text(4), Qt::ISODate), q.text(5)});
    }
    const QString ratings = unionOf(sweepRatingStatements(needs));
    const QString awards = unionOf(sweepAwardStatements(needs));
    // Units: a few thousand, read row by row as load() does.
    QHash<qint64, SubjectHistory> units;
    {
        CodeTexts codes;
        Rows q(db, QStringLiteral("SELECT u.id, u.ext_key, u.name, u.kind, u.parent_id, b.name, b.kind FROM units u LEFT JOIN blocs b "
                                  "ON b.id = u.bloc_id"));
        while (q.next()) {
            SubjectHistory &s = units[q.id(0)];
            s.id = q.id(0);
            s.isUnit = true;
            s.key = q.text(1);
            s.name = q.text(2);
            s.category = codes(q.utf8(3));
            s.unitId = q.id(4);
            s.bloc = q.text(5);
            s.blocKind = q.text(6);
            s.disciplines = unitDisciplines.take(s.id);
        }
    }
    {
        CodeTexts codes;
        Rows q(db, QStringLiteral("SELECT x.unit_id, x.year, x.rating FROM (%1) x WHERE x.unit_id IS NOT NULL").arg(ratings));
        while (q.next()) {
            const auto it = units.find(q.id(0));
            if (it != units.end())
                it->ratings.emplace_back(q.integer(1), quint8(ratingLevel(codes(q.utf8(2)))));
        }
    }
    {
        CodeTexts codes;
        Rows q(db,
               QStringLiteral("SELECT x.unit_id, x.form_code, x.regular, x.year FROM (%1) x WHERE x.unit_id IS NOT NULL").arg(awards));
        while (q.next()) {
            const auto it = units.find(q.id(0));
            if (it != units.end())
                it->awards.push_back({0, codes(q.utf8(1)), QString(), q.integer(3), QString(), q.integer(2) != 0});
        }
    }

    // People: one row each, grouped by unit. The statements are loadForSweep()'s, so the
    // rules see the same rows; the server only writes them shorter.
    const QString ratingLevels = QStringLiteral(
        "CASE x.rating WHEN 'HTXSNV' THEN '3' WHEN 'HTTNV' THEN '2' WHEN 'HTNV' THEN '1' "
        "WHEN 'KHTNV' THEN '0' ELSE '255' END"); // ratingLevel(); 255: quint8(-1), as load() stores it
    const QString yearsBefore = QStringLiteral("CAST(%1 - x.year AS TEXT)").arg(y);
    const QString sql =
        QStringLiteral("SELECT p.ext_key, p.full_name, CAST(p.id AS TEXT) || ' ' || CAST(p.unit_id AS TEXT) || ' ' || %1 || '|' "
                       "|| COALESCE(ra.s, '') || '|' || COALESCE(aa.s, '') || '|' || COALESCE(ia.s, '') FROM people p ")
            .arg(codeIndex(QStringLiteral("p.category"), categories()))
        + QStringLiteral("LEFT JOIN (SELECT x.person_id AS o, %1(%2 || '.' || %3, ',') AS s FROM (%4) x WHERE x.person_id IS NOT NULL "
                         "GROUP BY x.person_id) ra ON ra.o = p.id ")
              .arg(agg, yearsBefore, ratingLevels, ratings)
        + QStringLiteral(
              "LEFT JOIN (SELECT x.person_id AS o, %1(%2 || '.' || %3 || '.' || CAST(x.regular AS TEXT), ',') AS s FROM (%4) x "
              "WHERE x.person_id IS NOT NULL GROUP BY x.person_id) aa ON aa.o = p.id ")
              .arg(agg, yearsBefore, codeIndex(QStringLiteral("x.form_code"), forms), awards)
        + QStringLiteral("LEFT JOIN (SELECT h.person_id AS o, %1(%2 || '.' || COALESCE(CAST(i.used_for_award_id AS TEXT), '') || '.' "
                         "|| COALESCE(%3, '') || '.' || COALESCE(CAST(u.year AS TEXT), '') || '.' "
                         "|| REPLACE(REPLACE(COALESCE(i.decision_date, ''), ',', ' '), '|', ' '), ',') AS s "
                         "FROM initiative_holders h JOIN initiatives i ON i.id = h.initiative_id "
                         "LEFT JOIN awards u ON u.id = i.used_for_award_id GROUP BY h.person_id) ia ON ia.o = p.id ")
              .arg(agg, codeIndex(QStringLiteral("i.level"), initiativeLevels()), codeIndex(QStringLiteral("u.form_code"), forms))
        + QStringLiteral("ORDER BY p.unit_id, p.id");

    QSet<qint64> unitsSwept;
    auto hand = [&](Registry &share) {
        for (auto it = share.members.constBegin(); it != share.members.constEnd(); ++it) {
            const auto unit = units.constFind(it.key());
            if (unit != units.constEnd()) {
                share.units.insert(it.key(), *unit);
                unitsSwept.insert(it.key());
            }
        }
        sweep(share);
    };
    {
        Registry share = base;
        share.people.reserve(chunkPeople + chunkPeople / 4);
        qint64 lastUnit = -1;
        // Forward-only: QPSQL reads it in libpq's single-row mode, so neither libpq nor Qt
        // holds more than one row; nothing else may use the connection until it is read.
        Rows q(db, sql);
        while (q.next()) {
            SubjectHistory s;
            decodePerson(s, q.utf8(2), y, forms);
            // A share ends between units, never inside one.
            if (s.unitId != lastUnit && share.people.size() >= chunkPeople) {
                hand(share);
                share = base;
                share.people.reserve(chunkPeople + chunkPeople / 4);
            }
            lastUnit = s.unitId;
            s.key = q.text(0);
            s.name = q.text(1);
            s.disciplines = peopleDisciplines.take(s.id);
            share.members[s.unitId].append(s.id);
            share.people.insert(s.id, std::move(s));
        }
        if (!share.people.isEmpty())
            hand(share);
    }
    // The units without members of their own.
    Registry rest = base;
    for (auto it = units.begin(); it != units.end(); ++it)
        if (!unitsSwept.contains(it.key()))
            rest.units.insert(it.key(), std::move(*it));
    units.clear();
    if (!rest.units.isEmpty())
        sweep(rest);
}

} // namespace VinhDanh::Core::Eligibility
