// The demo office's letterhead: the provincial People's Committee that issues the season's
// decisions, so documents and certificates print "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" and a place in
// the date line. Written as office_settings rows, because core/documents owns the Letterhead
// type and core cannot link it; the keys are the ones Documents::Letterhead reads.
#include "core/demo/demogenerator.h"

#include "core/db/database.h"
#include "core/db/query.h"

#include <utility>

namespace VinhDanh::Core {

void Demo::writeLetterhead(Database &db)
{
    const QList<std::pair<QString, QString>> letterhead = {
        {QStringLiteral("letterhead.parent"), QString()},
        {QStringLiteral("letterhead.body"), QStringLiteral("ỦY BAN NHÂN DÂN TỈNH BẮC ĐỊNH")},
        {QStringLiteral("letterhead.abbreviation"), QStringLiteral("UBND")},
        {QStringLiteral("letterhead.place"), QStringLiteral("Bắc Định")},
        {QStringLiteral("letterhead.head_title"), QStringLiteral("Chủ tịch")},
        {QStringLiteral("letterhead.collective"), QStringLiteral("Ủy ban nhân dân")},
    };
    // An office's own letterhead is left alone.
    for (const auto &[key, value] : letterhead)
        Query(db.sql(), QStringLiteral("INSERT INTO office_settings (key, value) VALUES (:k, :v) ON CONFLICT (key) DO NOTHING"))
            .bind(QStringLiteral(":k"), key)
            .bind(QStringLiteral(":v"), value.isEmpty() ? QStringLiteral("") : value) // an empty QString binds as NULL
            .exec();
}

} // namespace VinhDanh::Core
