// vinhdanh-bench: builds a synthetic province in a temporary SQLite file and times what a clerk
// waits for. Prints a markdown table: operation | rows | seconds | peak RSS MiB.
// The peak is the process's high-water mark (VmHWM), reset before each operation where the kernel
// allows it (/proc/self/clear_refs), so each row shows that operation's own peak.

#include "core/db/backup.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/demo/demogenerator.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/error.h"
#include "core/repo/personrepository.h"
#include "core/repo/unitrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace VinhDanh::Core;

namespace {

struct Row
{
    QString operation;
    qint64 rows = 0;
    double seconds = 0;
    double peakMiB = 0;
};

void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

double peakMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0; // kB
    return 0;
}

Row measure(const QString &operation, const std::function<qint64()> &body)
{
    resetPeak();
    QElapsedTimer timer;
    timer.start();
    const qint64 rows = body();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    return {operation, rows, seconds, peakMiB()};
}

void printTable(const std::vector<Row> &rows)
{
    const QStringList headers{QStringLiteral("operation"), QStringLiteral("rows"), QStringLiteral("seconds"),
                              QStringLiteral("peak RSS MiB")};
    std::vector<QStringList> cells;
    for (const Row &r : rows)
        cells.push_back({r.operation, QString::number(r.rows), QString::number(r.seconds, 'f', 3),
                         QString::number(r.peakMiB, 'f', 1)});
    std::vector<qsizetype> width;
    for (const QString &h : headers)
        width.push_back(h.size());
    for (const QStringList &c : cells)
        for (int i = 0; i < c.size(); ++i)
            width[i] = std::max(width[i], c[i].size());
    auto line = [&](const QStringList &c) {
        QString out = QStringLiteral("|");
        for (int i = 0; i < c.size(); ++i) // text left, numbers right
            out += QLatin1Char(' ') + (i == 0 ? c[i].leftJustified(width[i]) : c[i].rightJustified(width[i])) + QStringLiteral(" |");
        std::printf("%s\n", out.toUtf8().constData());
    };
    line(headers);
    QString rule = QStringLiteral("|");
    for (size_t i = 0; i < width.size(); ++i) { // markdown alignment: text left, numbers right
        const QString dashes(width[i] - 1, QLatin1Char('-'));
        rule += i == 0 ? QString(QStringLiteral(" :") + dashes) : QString(QLatin1Char(' ') + dashes + QLatin1Char(':'));
        rule += QStringLiteral(" |");
    }
    std::printf("%s\n", rule.toUtf8().constData());
    for (const QStringList &c : cells)
        line(c);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vinhdanh-bench"));
    QStandardPaths::setTestModeEnabled(true); // never touch a clerk's settings or data

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times Vinh Danh's heavy operations on a synthetic province."));
    parser.addHelpOption();
    const QCommandLineOption unitsOption(QStringLiteral("units"), QStringLiteral("Units to generate (default 2000)."),
                                         QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption peopleOption(QStringLiteral("people"), QStringLiteral("People to generate (default 100000)."),
                                          QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                                        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption quickOption(QStringLiteral("quick"), QStringLiteral("A small province (200 units, 5,000 people)."));
    const QCommandLineOption progressOption(QStringLiteral("progress"), QStringLiteral("Print the generator's progress."));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Write the database to this new file and keep it, to look at the data."),
                                        QStringLiteral("file"));
    parser.addOptions({unitsOption, peopleOption, seedOption, quickOption, progressOption, keepOption});
    parser.process(app);

    DemoOptions options;
    options.units = parser.isSet(quickOption) && !parser.isSet(unitsOption) ? 200 : parser.value(unitsOption).toInt();
    options.people = parser.isSet(quickOption) && !parser.isSet(peopleOption) ? 5000 : parser.value(peopleOption).toInt();
    options.seed = parser.value(seedOption).toUInt();

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder\n");
        return 1;
    }
    const QString path = parser.isSet(keepOption) ? parser.value(keepOption) : dir.filePath(QStringLiteral("bench.sqlite"));
    if (QFile::exists(path)) {
        std::fprintf(stderr, "vinhdanh-bench: %s already exists\n", path.toLocal8Bit().constData());
        return 1;
    }
    const ConnectionSettings settings = ConnectionSettings::sqlite(path);
    std::vector<Row> rows;
    try {
        auto db = std::make_unique<Database>(settings);
        QElapsedTimer sinceStart;
        sinceStart.start();
        std::function<void(const QString &)> progress;
        if (parser.isSet(progressOption))
            progress = [&](const QString &text) {
                std::fprintf(stderr, "%8.2f s  %s\n", double(sinceStart.elapsed()) / 1000.0, text.toUtf8().constData());
            };
        rows.push_back(measure(QStringLiteral("generate province (%1 units, %2 people)").arg(options.units).arg(options.people),
                               [&] {
                                   const DemoResult r = Demo::generate(*db, options, progress);
                                   return qint64(r.units) + r.people + r.ratings + r.awards + r.initiatives + r.disciplines;
                               }));

        PersonRepository people(*db);
        UnitRepository units(*db);
        const QString personFilter = QStringLiteral("nguyen van");
        const QString unitFilter = QStringLiteral("cong ty");
        rows.push_back(measure(QStringLiteral("count people"), [&] { return qint64(people.count()); }));
        rows.push_back(measure(QStringLiteral("people: first page by name (200)"), [&] {
            return qint64(people.page({}, PersonRepository::Sort::Name, true, 0, 200).size());
        }));
        rows.push_back(measure(QStringLiteral("people: filter \"%1\", first page").arg(personFilter), [&] {
            return qint64(people.page(personFilter, PersonRepository::Sort::Name, true, 0, 200).size());
        }));
        rows.push_back(measure(QStringLiteral("people: count filter \"%1\"").arg(personFilter),
                               [&] { return qint64(people.count(personFilter)); }));
        rows.push_back(measure(QStringLiteral("count units"), [&] { return qint64(units.count()); }));
        rows.push_back(measure(QStringLiteral("units: first page by name (200)"), [&] {
            return qint64(units.page({}, UnitRepository::Sort::Name, true, 0, 200).size());
        }));
        rows.push_back(measure(QStringLiteral("units: filter \"%1\", first page").arg(unitFilter), [&] {
            return qint64(units.page(unitFilter, UnitRepository::Sort::Name, true, 0, 200).size());
        }));
        rows.push_back(measure(QStringLiteral("units: count filter \"%1\"").arg(unitFilter),
                               [&] { return qint64(units.count(unitFilter)); }));
        // Eligibility (issue 3): every award rule for every person and unit of the last demo year, in
        // memory after a bulk load; rows = candidates listed. Then one person's panel (evaluateAll).
        rows.push_back(measure(QStringLiteral("eligibility sweep: every award form for every person and unit"), [&] {
            return qint64(Eligibility::Service(*db).candidates(options.lastYear).size());
        }));
        rows.push_back(measure(QStringLiteral("eligibility panel: one person, every award form"), [&] {
            const qint64 person = people.idForKey(QStringLiteral("P000001"));
            return qint64(Eligibility::Service(*db).evaluateAll(person, 0, options.lastYear).size());
        }));

        // Durability (issue 12): one small save per transaction, as a clerk's form saves, with
        // synchronous = FULL (what the program uses: a commit survives a power cut) and with
        // NORMAL (what it used before: the last commits may be lost on a power cut).
        const auto saves = [&](const QString &mode) {
            Query::run(db->sql(), QStringLiteral("PRAGMA synchronous = ") + mode);
            constexpr int kSaves = 200;
            for (int i = 0; i < kSaves; ++i) {
                Unit u;
                u.name = QStringLiteral("Đơn vị đo %1 %2").arg(mode).arg(i);
                u.kind = QStringLiteral("commune_ward");
                units.save(u);
            }
            return qint64(kSaves);
        };
        rows.push_back(measure(QStringLiteral("save one unit, 200 times (synchronous = NORMAL)"), [&] { return saves(QStringLiteral("NORMAL")); }));
        rows.push_back(measure(QStringLiteral("save one unit, 200 times (synchronous = FULL)"), [&] { return saves(QStringLiteral("FULL")); }));
        rows.push_back(measure(QStringLiteral("back up (online backup API + integrity check)"), [&] {
            Backup::write(*db, dir.filePath(QStringLiteral("bench-backup.sqlite")));
            return qint64(1);
        }));

        db.reset();
        rows.push_back(measure(QStringLiteral("open database (first of the day: takes the daily backup)"), [&] {
            db = std::make_unique<Database>(settings, Database::Mode::OpenExisting);
            return qint64(1);
        }));
        db.reset();
        rows.push_back(measure(QStringLiteral("open database"), [&] {
            db = std::make_unique<Database>(settings, Database::Mode::OpenExisting);
            return qint64(1);
        }));
    } catch (const Error &e) {
        std::fprintf(stderr, "vinhdanh-bench: %s\n", e.fullText().toUtf8().constData());
        return 1;
    }
    printTable(rows);
    return 0;
}
