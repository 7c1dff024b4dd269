#pragma once

#include <QString>

#include <functional>

namespace VinhDanh::Core {

class Database;

/// Fills a database with a deterministic synthetic province for demos and benchmarks:
/// units of every kind in a hierarchy with emulation blocs, people with plausible
/// Vietnamese names, ten years of ratings, titles, initiatives, disciplines and awards that
/// follow realistic patterns. The same options give the same data, row for row.
struct DemoOptions
{
    int units = 50;
    int people = 1000;
    quint32 seed = 1;
    int lastYear = 2025; // the ten years are lastYear-9 … lastYear
};

struct DemoResult
{
    int units = 0;
    int people = 0;
    int ratings = 0;
    int awards = 0;
    int initiatives = 0;
    int disciplines = 0;
};

namespace Demo {
/// Adds the province to `db` in one transaction. Refuses (Error) a database that already
/// has units, so demo data never mixes with an office's real registry.
/// `progress`, when set, is called now and then with a sentence for the user.
DemoResult generate(Database &db, const DemoOptions &options,
                    const std::function<void(const QString &)> &progress = {});
} // namespace Demo

} // namespace VinhDanh::Core
