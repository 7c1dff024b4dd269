#pragma once

// The small office the CLI tests of eligibility and of the award workflow start from.
#include "core/db/database.h"
#include "core/repo/personrepository.h"
#include "core/repo/recordrepository.h"
#include "core/repo/unitrepository.h"

#include <QTemporaryDir>

#include <functional>

namespace VinhDanh::Test {

/// An office file (office.sqlite in `dir`) with a unit U1, Sở Nội vụ, and one of its people,
/// P1, Nguyễn Văn An: rated HTXSNV with CSTĐCS in 2024 and 2025. `more` may add to it before
/// the file is closed. Returns the file's path.
inline QString cliOffice(const QTemporaryDir &dir, const std::function<void(Core::Database &, const Core::Unit &)> &more = {})
{
    using namespace Core;
    const QString path = dir.filePath(QStringLiteral("office.sqlite"));
    Database db(ConnectionSettings::sqlite(path));
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

} // namespace VinhDanh::Test
