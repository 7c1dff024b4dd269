#pragma once

// The small office the CLI tests of eligibility and of the award workflow start from.
#include "core/db/database.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

#include <functional>

namespace VinhDanh::Test {

/// An office database (office.sqlite in `dir`, or the PostgreSQL test database) with a unit U1, Sở Nội vụ, and one of its people,
/// P1, Nguyễn Văn An: rated HTXSNV with CSTĐCS in 2024 and 2025. `more` may add to it before
/// the file is closed. Returns the file's path.
inline QString cliOffice(const QTemporaryDir &dir, Core::Backend backend,
                         const std::function<void(Core::Database &, const Core::Unit &)> &more = {})
{
    using namespace Core;
    // On PostgreSQL the office is the (emptied) test database, and the address is what the
    // CLI is given instead of a file.
    const QString path = backend == Backend::Sqlite ? dir.filePath(QStringLiteral("office.sqlite"))
                                                    : qEnvironmentVariable("VINHDANH_TEST_PG");
    const ConnectionSettings settings = ConnectionSettings::parse(path);
    if (backend == Backend::Postgres)
        TestDatabase::resetPostgres(settings);
    Database db(settings);
    Unit u;
    u.key = QStringLiteral("U1");
    u.name = QStringLiteral("Sở Nội vụ");
    u.kind = QStringLiteral("provincial_agency");
    UnitRepository(db).save(u);
    Person p;
    p.key = QStringLiteral("P1");
    p.fullName = QStringLiteral("Nguyễn Văn An");
    p.unitId = u.id;
    p.category = QStringLiteral("cong_chuc");
    PersonRepository(db).save(p);
    RecordRepository records(db);
    for (int y : {2024, 2025}) {
        records.setRating({0, Subject::person(p.id), y, QStringLiteral("HTXSNV"), {}});
        Award a;
        a.subject = Subject::person(p.id);
        a.formCode = QStringLiteral("CSTDCS");
        a.kind = QStringLiteral("cong_trang");
        a.year = y;
        records.saveAward(a);
    }
    if (more)
        more(db, u);
    return path;
}

inline QString cliOffice(const QTemporaryDir &dir, const std::function<void(Core::Database &, const Core::Unit &)> &more = {})
{
    return cliOffice(dir, Core::Backend::Sqlite, more);
}

/// Runs `body` once per backend the suite covers (SQLite; PostgreSQL when VINHDANH_TEST_PG is
/// set), each in a section of its own: the CLI is tested on a postgresql:// address too.
inline void forEachCliBackend(const std::function<void(Core::Backend)> &body)
{
    for (Core::Backend backend : TestDatabase::backends()) {
        DYNAMIC_SECTION(TestDatabase::backendName(backend).toStdString())
        {
            body(backend);
        }
    }
}

} // namespace VinhDanh::Test
