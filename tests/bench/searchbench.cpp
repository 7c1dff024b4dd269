#include "searchbench.h"

#include "core/db/query.h"
#include "core/registry/personrepository.h"
#include "core/registry/search.h"
#include "core/text/vntext.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace VinhDanh::Bench {

using namespace Core;

QStringList searchNames(Database &db)
{
    QStringList names;
    auto pick = [&](const QString &sql) {
        Query q(db.sql(), sql);
        q.exec();
        while (q.next())
            names << Text::fold(q.text(0));
    };
    pick(QStringLiteral("SELECT full_name FROM people GROUP BY full_name ORDER BY count(*) DESC, full_name LIMIT 10"));
    // Rare: the names shared by 2..60 people, spread over the list by a fixed stride.
    pick(QStringLiteral("SELECT full_name FROM (SELECT full_name, row_number() OVER (ORDER BY full_name) AS n "
                        "FROM people GROUP BY full_name HAVING count(*) BETWEEN 2 AND 60) r WHERE n % 97 = 0 "
                        "ORDER BY n LIMIT 10"));
    return names;
}

namespace {
struct Stats
{
    std::vector<double> ms;
    std::vector<std::pair<double, QString>> slowest; // (ms, typed text)
    void add(double m, const QString &typed)
    {
        ms.push_back(m);
        slowest.emplace_back(m, typed);
        std::sort(slowest.begin(), slowest.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        if (slowest.size() > 3)
            slowest.pop_back();
    }
    double at(double q)
    {
        std::sort(ms.begin(), ms.end());
        return ms.empty() ? 0 : ms[std::min(ms.size() - 1, size_t(q * double(ms.size())))];
    }
};
} // namespace

QString benchSearch(Database &db, const QString &backend, const QStringList &names, bool verbose)
{
    PersonRepository people(db);
    Stats page, count;
    for (int pass = 0; pass < 2; ++pass) {
        for (const QString &name : names) {
            for (int n = 1; n <= name.size(); ++n) {
                const QString typed = name.left(n);
                if (typed.endsWith(QLatin1Char(' ')))
                    continue; // the list does not search again for a trailing space
                QElapsedTimer t;
                t.start();
                people.page(typed, PersonRepository::Sort::Name, true, 0, 200);
                const double pageMs = double(t.nsecsElapsed()) / 1e6;
                t.restart();
                // What the list asks: a bounded count (core/registry/search.h).
                const int hits = people.countUpTo(Search::kDense, typed);
                const double countMs = double(t.nsecsElapsed()) / 1e6;
                if (pass == 1) {
                    page.add(pageMs, typed);
                    count.add(countMs, typed);
                    if (verbose)
                        std::fprintf(stderr, "%s\t%-20s\tpage %7.1f ms\tcount %7.1f ms\t%d hits\n", qPrintable(backend),
                                     qPrintable(QStringLiteral("\"%1\"").arg(typed)), pageMs, countMs, hits);
                }
            }
        }
    }
    auto row = [&](const QString &what, Stats &s) {
        QStringList slow;
        for (const auto &[ms, typed] : s.slowest)
            slow << QStringLiteral("\"%1\" %2").arg(typed).arg(ms, 0, 'f', 0);
        return QStringLiteral("| %1: %2 | %3 | %4 | %5 | %6 | %7 |\n")
            .arg(backend, what)
            .arg(s.ms.size())
            .arg(s.at(0.5), 0, 'f', 1)
            .arg(s.at(0.95), 0, 'f', 1)
            .arg(s.at(1.0), 0, 'f', 1)
            .arg(slow.join(QStringLiteral(", ")));
    };
    return row(QStringLiteral("first page (200 rows)"), page) + row(QStringLiteral("count"), count);
}

} // namespace VinhDanh::Bench
