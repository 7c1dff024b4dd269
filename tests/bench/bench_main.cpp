// vinhdanh-bench: builds a synthetic province in a temporary SQLite file and times what a clerk
// waits for. Prints a markdown table: operation | rows | seconds | CPU s | peak RSS MiB | MiB read.
// The peak is the process's high-water mark (VmHWM), reset before each operation where the kernel
// allows it (/proc/self/clear_refs), so each row shows that operation's own peak. "MiB read" is
// the growth of /proc/self/io rchar during the operation (what SQLite read from its file with
// read()/pread()), and on the PostgreSQL rows the bytes the server sent on the connection
// (TCP_INFO tcpi_bytes_received). "CPU s" is this process's user + system time: on a busy
// machine the seconds grow, the CPU time much less.
// With --pg URL (or VINHDANH_BENCH_PG) the sweep is also timed on that PostgreSQL database; it
// must hold a province (e.g. one written there with --pg-generate, or copied from --keep).

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/demo/demogenerator.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/eligibility/history.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/store/backup.h"
#include "documentbench.h"
#include "importbench.h"
#include "searchbench.h"
#include "staffbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <linux/tcp.h> // tcp_info with tcpi_bytes_received (glibc's netinet/tcp.h lacks it)
#include <malloc.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstddef>

#include <cstdio>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

using namespace VinhDanh::Core;

namespace {

struct Row
{
    QString operation;
    qint64 rows = 0;
    double seconds = 0;
    double peakMiB = 0;
    double readMiB = -1;   // -1: not measured
    double cpuSeconds = 0; // user + system, all threads: what the operation costs on a busy machine
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

/// rchar of /proc/self/io: bytes the process read through read()-like calls, sockets included.
qint64 bytesRead()
{
    QFile f(QStringLiteral("/proc/self/io"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("rchar:"))
            return line.mid(6).trimmed().toLongLong();
    return -1;
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/// Bytes received so far on the process's open TCP sockets (TCP_INFO): what the PostgreSQL
/// server sent on its connections. (rchar misses them: libpq reads its socket with recv().)
qint64 tcpBytesReceived()
{
    qint64 total = 0;
    for (int fd = 0; fd < 4096; ++fd) {
        struct stat st
        {};
        if (fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode))
            continue;
        tcp_info info{};
        socklen_t size = sizeof info;
        if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &size) == 0
            && size >= offsetof(tcp_info, tcpi_bytes_received) + sizeof info.tcpi_bytes_received)
            total += qint64(info.tcpi_bytes_received);
    }
    return total;
}

Row measure(const QString &operation, const std::function<qint64()> &body, bool overTcp = false)
{
    malloc_trim(0); // hand back what the last operation freed, so this row's peak is its own
    resetPeak();
    const qint64 readBefore = overTcp ? tcpBytesReceived() : bytesRead();
    const double cpuBefore = cpuSeconds();
    QElapsedTimer timer;
    timer.start();
    const qint64 rows = body();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    const qint64 readAfter = overTcp ? tcpBytesReceived() : bytesRead(); // /proc/self/io itself adds a few hundred bytes
    return {operation,
            rows,
            seconds,
            peakMiB(),
            readBefore >= 0 && readAfter >= 0 ? double(readAfter - readBefore) / (1024.0 * 1024.0) : -1,
            cpu};
}

void printTable(const std::vector<Row> &rows)
{
    const QStringList headers{QStringLiteral("operation"), QStringLiteral("rows"),         QStringLiteral("seconds"),
                              QStringLiteral("CPU s"),     QStringLiteral("peak RSS MiB"), QStringLiteral("MiB read")};
    std::vector<QStringList> cells;
    for (const Row &r : rows)
        cells.push_back({r.operation, QString::number(r.rows), QString::number(r.seconds, 'f', 3),
                         QString::number(r.cpuSeconds, 'f', 3), QString::number(r.peakMiB, 'f', 1),
                         r.readMiB < 0 ? QStringLiteral("–") : QString::number(r.readMiB, 'f', 1)});
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

/// The sweep on a PostgreSQL server: alone, then two clerks at once (two connections in two
/// threads, as two PCs would; the row's peak is this process's, so it holds both).
void benchPostgres(const ConnectionSettings &pg, const DemoOptions &options, bool generate,
                   const std::function<void(const QString &)> &progress, std::vector<Row> &rows)
{
    {
        Database db(pg);
        if (generate)
            rows.push_back(measure(
                QStringLiteral("PostgreSQL: generate province (%1 units, %2 people)").arg(options.units).arg(options.people), [&] {
                    const DemoResult r = Demo::generate(db, options, progress);
                    return qint64(r.units) + r.people + r.ratings + r.awards + r.initiatives + r.disciplines;
                }));
        if (PersonRepository(db).count() == 0)
            throw Error(QStringLiteral("the PostgreSQL database holds no province: run with --pg-generate once"));
        rows.push_back(measure(
            QStringLiteral("PostgreSQL: eligibility sweep (MiB read = bytes from the server, TCP_INFO)"),
            [&] { return qint64(Eligibility::Service(db).candidates(options.lastYear).size()); }, true));
        // What the sweep read before it read only what the rules need (issue 13 item 7: 129 MiB).
        rows.push_back(measure(
            QStringLiteral("PostgreSQL: the whole registry, as the sweep read it before"),
            [&] {
                const Eligibility::Registry all = Eligibility::loadAll(db);
                return qint64(all.people.size() + all.units.size());
            },
            true));
    }
    rows.push_back(measure(QStringLiteral("PostgreSQL: two sweeps at once, two connections (seconds = both done)"), [&] {
        qint64 listed[2] = {0, 0};
        QString failed[2];
        std::vector<std::thread> clerks;
        for (int i = 0; i < 2; ++i)
            clerks.emplace_back([&, i] {
                try {
                    Database db(pg, Database::Mode::OpenExisting);
                    listed[i] = Eligibility::Service(db).candidates(options.lastYear).size();
                } catch (const Error &e) {
                    failed[i] = e.fullText();
                }
            });
        for (std::thread &t : clerks)
            t.join();
        for (const QString &f : failed)
            if (!f.isEmpty())
                throw Error(f);
        return listed[0] + listed[1];
    }));
    rows.back().readMiB = -1; // the connections are closed by the end: see the row of one sweep
}

} // namespace

int main(int argc, char *argv[])
{
    // A QGuiApplication for the documents' fonts, on the offscreen platform: no display needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vinhdanh-bench"));
    QStandardPaths::setTestModeEnabled(true); // never touch a clerk's settings or data

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times Vinh Danh's heavy operations on a synthetic province."));
    parser.addHelpOption();
    const QCommandLineOption unitsOption(QStringLiteral("units"), QStringLiteral("Units to generate (default 2000)."),
                                         QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption peopleOption(QStringLiteral("people"), QStringLiteral("People to generate (default 100000)."),
                                          QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("n"),
                                        QStringLiteral("1"));
    const QCommandLineOption quickOption(QStringLiteral("quick"), QStringLiteral("A small province (200 units, 5,000 people)."));
    const QCommandLineOption progressOption(QStringLiteral("progress"), QStringLiteral("Print the generator's progress."));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Write the database to this new file and keep it, to look at the data."),
                                        QStringLiteral("file"));
    const QCommandLineOption reuseOption(
        QStringLiteral("reuse"), QStringLiteral("Time an existing province (a file written with --keep) instead of generating one."),
        QStringLiteral("file"));
    const QCommandLineOption sweepOnlyOption(QStringLiteral("sweep-only"), QStringLiteral("Time only the eligibility sweep rows."));
    const QCommandLineOption pgOption(QStringLiteral("pg"),
                                      QStringLiteral("Also time the sweep on this PostgreSQL database (postgresql://…; default: "
                                                     "$VINHDANH_BENCH_PG). It must hold a province, or use --pg-generate."),
                                      QStringLiteral("url"));
    const QCommandLineOption pgGenerateOption(
        QStringLiteral("pg-generate"), QStringLiteral("Generate the province in the --pg database first (it must be empty; slow)."));
    const QCommandLineOption documentsOption(
        QStringLiteral("documents"),
        QStringLiteral("Time only a list of n nominees to PDF, beside LibreOffice's conversion of the same rows "
                       "from XLSX (the full run does it with 10,000)."),
        QStringLiteral("n"));
    parser.addOption(documentsOption);
    const QCommandLineOption pdfOnlyOption(
        QStringLiteral("pdf-only"),
        QStringLiteral("With --documents: only our PDF (and the XLSX in --keep), to time LibreOffice from outside."));
    parser.addOption(pdfOnlyOption);
    const QCommandLineOption importOption(
        QStringLiteral("import"),
        QStringLiteral("Time only a staff list of n rows written as XLSX, read, previewed and committed into a "
                       "fresh 40-unit office (and into --pg, which must then be an empty "
                       "database), beside LibreOffice converting the same XLSX to CSV."),
        QStringLiteral("n"));
    parser.addOption(importOption);
    const QCommandLineOption noLibreOfficeOption(
        QStringLiteral("no-libreoffice"), QStringLiteral("With --import: leave out LibreOffice's conversion of the same XLSX."));
    parser.addOption(noLibreOfficeOption);
    const QCommandLineOption interchangeOption(
        QStringLiteral("interchange"),
        QStringLiteral("Time only exporting the province (of --reuse, else generated with --units/--people/--quick) to the "
                       "interchange format and importing the file into a new SQLite file, with the sizes it makes "
                       "(and into --pg, which must then be an empty database)."));
    parser.addOption(interchangeOption);
    const QCommandLineOption searchOption(
        QStringLiteral("search"), QStringLiteral("Time only the people search as a clerk types 20 names, on the province of --reuse "
                                                 "(and on --pg, which must hold a province)."));
    parser.addOption(searchOption);
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QStringLiteral("With --search: print every query's time to stderr as it runs."));
    parser.addOption(verboseOption);
    parser.addOptions({unitsOption, peopleOption, seedOption, quickOption, progressOption, keepOption, reuseOption, sweepOnlyOption,
                       pgOption, pgGenerateOption});
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
    const bool reuse = parser.isSet(reuseOption);
    const bool sweepOnly = parser.isSet(sweepOnlyOption);
    const QString pgUrl = parser.isSet(pgOption) ? parser.value(pgOption) : qEnvironmentVariable("VINHDANH_BENCH_PG");
    const QString path = reuse                      ? parser.value(reuseOption)
                         : parser.isSet(keepOption) ? parser.value(keepOption)
                                                    : dir.filePath(QStringLiteral("bench.sqlite"));
    if (reuse && !QFile::exists(path)) {
        std::fprintf(stderr, "vinhdanh-bench: %s does not exist\n", path.toLocal8Bit().constData());
        return 1;
    }
    if (!reuse && QFile::exists(path)) {
        std::fprintf(stderr, "vinhdanh-bench: %s already exists\n", path.toLocal8Bit().constData());
        return 1;
    }
    std::vector<Row> rows;
    QString documentSummary;
    const VinhDanh::Bench::Measure measureDocument = [&](const QString &operation, const std::function<qint64()> &body) {
        rows.push_back(measure(operation, body));
    };
    if (parser.isSet(importOption)) {
        try {
            const QString pg = parser.isSet(pgOption) ? parser.value(pgOption) : QString();
            const QString summary = VinhDanh::Bench::benchImport(
                parser.value(importOption).toInt(), dir.path(),
                pg.isEmpty() ? std::nullopt : std::optional<ConnectionSettings>(ConnectionSettings::parse(pg)), measureDocument,
                !parser.isSet(noLibreOfficeOption));
            printTable(rows);
            std::printf("\n%s\n", summary.toUtf8().constData());
        } catch (const Error &e) {
            std::fprintf(stderr, "vinhdanh-bench: %s\n", e.fullText().toUtf8().constData());
            return 1;
        }
        return 0;
    }
    if (parser.isSet(interchangeOption)) {
        try {
            Database db(ConnectionSettings::sqlite(path));
            if (!reuse)
                rows.push_back(
                    measure(QStringLiteral("generate province (%1 units, %2 people)").arg(options.units).arg(options.people), [&] {
                        const DemoResult r = Demo::generate(db, options);
                        return qint64(r.units) + r.people + r.ratings + r.awards + r.initiatives + r.disciplines;
                    }));
            VinhDanh::Bench::benchInterchange(db, dir.path(), measureDocument,
                                              pgUrl.isEmpty() ? std::nullopt
                                                              : std::optional<ConnectionSettings>(ConnectionSettings::parse(pgUrl)));
            printTable(rows);
        } catch (const Error &e) {
            std::fprintf(stderr, "vinhdanh-bench: %s\n", e.fullText().toUtf8().constData());
            return 1;
        }
        return 0;
    }
    if (parser.isSet(searchOption)) {
        try {
            if (!reuse)
                throw Error(QStringLiteral("--search needs --reuse FILE (a province)"));
            Database db(ConnectionSettings::sqlite(path), Database::Mode::OpenExisting);
            const QStringList names = VinhDanh::Bench::searchNames(db);
            std::printf("Names typed: %s\n\n", names.join(QStringLiteral(", ")).toUtf8().constData());
            QString table = QStringLiteral(
                "| search as typed | queries | p50 ms | p95 ms | max ms | slowest (ms) |\n|:--|--:|--:|--:|--:|:--|\n");
            table += VinhDanh::Bench::benchSearch(db, QStringLiteral("SQLite"), names, parser.isSet(verboseOption));
            if (!pgUrl.isEmpty()) {
                Database pg(ConnectionSettings::parse(pgUrl), Database::Mode::OpenExisting);
                table += VinhDanh::Bench::benchSearch(pg, QStringLiteral("PostgreSQL"), names, parser.isSet(verboseOption));
            }
            std::printf("%s", table.toUtf8().constData());
        } catch (const Error &e) {
            std::fprintf(stderr, "vinhdanh-bench: %s\n", e.fullText().toUtf8().constData());
            return 1;
        }
        return 0;
    }
    if (parser.isSet(documentsOption)) {
        try {
            // With --keep FOLDER the PDFs (ours and LibreOffice's) stay there to be looked at.
            const QString folder = parser.isSet(keepOption) ? parser.value(keepOption) : dir.path();
            QDir().mkpath(folder);
            const QString summary = VinhDanh::Bench::benchDocuments(parser.value(documentsOption).toInt(), folder, measureDocument,
                                                                    !parser.isSet(pdfOnlyOption));
            printTable(rows);
            std::printf("\n%s\n", summary.toUtf8().constData());
        } catch (const Error &e) {
            std::fprintf(stderr, "vinhdanh-bench: %s\n", e.fullText().toUtf8().constData());
            return 1;
        }
        return 0;
    }
    const ConnectionSettings settings = ConnectionSettings::sqlite(path);
    try {
        auto db = std::make_unique<Database>(settings, reuse ? Database::Mode::OpenExisting : Database::Mode::OpenOrCreate);
        QElapsedTimer sinceStart;
        sinceStart.start();
        std::function<void(const QString &)> progress;
        if (parser.isSet(progressOption))
            progress = [&](const QString &text) {
                std::fprintf(stderr, "%8.2f s  %s\n", double(sinceStart.elapsed()) / 1000.0, text.toUtf8().constData());
            };
        if (!reuse)
            rows.push_back(
                measure(QStringLiteral("generate province (%1 units, %2 people)").arg(options.units).arg(options.people), [&] {
                    const DemoResult r = Demo::generate(*db, options, progress);
                    return qint64(r.units) + r.people + r.ratings + r.awards + r.initiatives + r.disciplines;
                }));

        PersonRepository people(*db);
        UnitRepository units(*db);
        const QString personFilter = QStringLiteral("nguyen van");
        const QString unitFilter = QStringLiteral("cong ty");
        if (!sweepOnly) {
            rows.push_back(measure(QStringLiteral("count people"), [&] { return qint64(people.count()); }));
            rows.push_back(measure(QStringLiteral("people: first page by name (200)"),
                                   [&] { return qint64(people.page({}, PersonRepository::Sort::Name, true, 0, 200).size()); }));
            rows.push_back(measure(QStringLiteral("people: filter \"%1\", first page").arg(personFilter), [&] {
                return qint64(people.page(personFilter, PersonRepository::Sort::Name, true, 0, 200).size());
            }));
            rows.push_back(measure(QStringLiteral("people: count filter \"%1\"").arg(personFilter),
                                   [&] { return qint64(people.count(personFilter)); }));
            rows.push_back(measure(QStringLiteral("count units"), [&] { return qint64(units.count()); }));
            rows.push_back(measure(QStringLiteral("units: first page by name (200)"),
                                   [&] { return qint64(units.page({}, UnitRepository::Sort::Name, true, 0, 200).size()); }));
            rows.push_back(measure(QStringLiteral("units: filter \"%1\", first page").arg(unitFilter),
                                   [&] { return qint64(units.page(unitFilter, UnitRepository::Sort::Name, true, 0, 200).size()); }));
            rows.push_back(measure(QStringLiteral("units: count filter \"%1\"").arg(unitFilter),
                                   [&] { return qint64(units.count(unitFilter)); }));
        }
        // Eligibility (issue 3): every award rule for every person and unit of the last demo year, in
        // memory after a bulk load; rows = candidates listed. Then one person's panel (evaluateAll).
        rows.push_back(measure(QStringLiteral("eligibility sweep: every award form for every person and unit"),
                               [&] { return qint64(Eligibility::Service(*db).candidates(options.lastYear).size()); }));
        rows.push_back(measure(QStringLiteral("eligibility panel: one person, every award form"), [&] {
            const qint64 person = people.idForKey(QStringLiteral("P000001"));
            return qint64(Eligibility::Service(*db).evaluateAll(person, 0, options.lastYear).size());
        }));
        if (!pgUrl.isEmpty())
            benchPostgres(ConnectionSettings::parse(pgUrl), options, parser.isSet(pgGenerateOption), progress, rows);
        if (sweepOnly) {
            printTable(rows);
            return 0;
        }

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
        rows.push_back(measure(QStringLiteral("save one unit, 200 times (synchronous = NORMAL)"),
                               [&] { return saves(QStringLiteral("NORMAL")); }));
        rows.push_back(
            measure(QStringLiteral("save one unit, 200 times (synchronous = FULL)"), [&] { return saves(QStringLiteral("FULL")); }));
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
        documentSummary = VinhDanh::Bench::benchDocuments(10000, dir.path(), measureDocument);
    } catch (const Error &e) {
        std::fprintf(stderr, "vinhdanh-bench: %s\n", e.fullText().toUtf8().constData());
        return 1;
    }
    printTable(rows);
    std::printf("\n%s\n", documentSummary.toUtf8().constData());
    return 0;
}
