#pragma once

// Shared by the tests of the demo generator (demo_test.cpp) and of its award season
// (demo_season_test.cpp): the small province they generate and the SQL they read it back with.
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/demo/demogenerator.h"

#include <QSqlRecord>
#include <QStringList>

namespace VinhDanh::Test {

/// 20 units and 300 people, ten years up to 2025: enough for every pattern, quick on both backends.
inline Core::DemoOptions smallProvince(quint32 seed = 7)
{
    Core::DemoOptions o;
    o.units = 20;
    o.people = 300;
    o.seed = seed;
    o.lastYear = 2025;
    return o;
}

/// Each row as its cells joined by '|' (NULL as "<null>"), in the query's order.
inline QStringList rows(Core::Database &db, const QString &sql)
{
    Core::Query q(db.sql(), sql);
    q.exec();
    QStringList out;
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.raw().record().count(); ++i)
            cells << (q.value(i).isNull() ? QStringLiteral("<null>") : q.value(i).toString());
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

inline qint64 scalar(Core::Database &db, const QString &sql)
{
    return Core::Query(db.sql(), sql).scalar(0).toLongLong();
}

} // namespace VinhDanh::Test
