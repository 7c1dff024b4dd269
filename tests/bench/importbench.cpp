#include "importbench.h"

#include "core/db/query.h"
#include "core/error.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace VinhDanh::Bench {

using namespace VinhDanh::Core;

void benchInterchange(Database &province, const QString &folder, const Measure &measure,
                      const std::optional<ConnectionSettings> &server)
{
    const QString file = QDir(folder).filePath(QStringLiteral("province.json"));
    const QString target = QDir(folder).filePath(QStringLiteral("imported.sqlite"));
    QFile::remove(file);
    QFile::remove(target);
    measure(QStringLiteral("interchange: export the province"), [&] {
        const InterchangeCounts c = Interchange::exportTo(province, file);
        return qint64(c.units) + c.people + c.ratings + c.awards + c.initiatives + c.disciplines;
    });
    const auto auditRows = [](Database &db) {
        return Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log")).scalar(0).toLongLong();
    };
    qint64 before = 0; // the audit rows of a new database (its catalogue), which the import did not write
    {
        const QString empty = QDir(folder).filePath(QStringLiteral("empty.sqlite"));
        QFile::remove(empty);
        Database fresh(ConnectionSettings::sqlite(empty));
        before = auditRows(fresh);
    }
    // As an office starting from an export does it (importIntoNewFile): the file is made by
    // the import, which builds it faster than it can an existing one (see its comment).
    measure(QStringLiteral("interchange: import the file (%1 MiB) into a new SQLite file").arg(QFileInfo(file).size() >> 20), [&] {
        const InterchangeCounts c = Interchange::importIntoNewFile(file, target);
        return qint64(c.units) + c.people + c.ratings + c.awards + c.initiatives + c.disciplines;
    });
    if (server) {
        // The office moving to its server: its export into the server's empty database, as
        // `vinhdanh-cli import --same-office` does (issue 15: within 2× of the SQLite row above).
        Database pg(*server);
        if (Query(pg.sql(), QStringLiteral("SELECT count(*) FROM people")).scalar(0).toLongLong() > 0)
            throw Error(QStringLiteral("--interchange with --pg needs an empty PostgreSQL database"));
        measure(QStringLiteral("interchange: import the file into an empty PostgreSQL database"), [&] {
            const InterchangeCounts c = Interchange::importFrom(pg, file, {Interchange::FileOffice::Same});
            return qint64(c.units) + c.people + c.ratings + c.awards + c.initiatives + c.disciplines;
        });
    }
    Database db(ConnectionSettings::sqlite(target), Database::Mode::OpenExisting);
    measure(QStringLiteral("interchange: audit rows written by the import"), [&] { return auditRows(db) - before; });
    Query::run(db.sql(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    measure(QStringLiteral("interchange: size of the database made (rows = MiB)"), [&] { return QFileInfo(target).size() >> 20; });
    measure(QStringLiteral("interchange: of which the audit log (rows = MiB, dbstat)"), [&] {
        return Query(db.sql(), QStringLiteral("SELECT COALESCE(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'audit_log%'"))
                   .scalar(0)
                   .toLongLong()
               >> 20;
    });
}

} // namespace VinhDanh::Bench
