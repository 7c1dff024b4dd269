// The demo office's letterhead: the provincial People's Committee that issues the season's
// decisions, so documents and certificates print "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" and a place in
// the date line. Written as office_settings rows, because core/documents owns the Letterhead
// type and core cannot link it; the keys are the ones Documents::Letterhead reads.
#include "core/demo/demogenerator.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/registry/officesettings.h"

#include <utility>

namespace VinhDanh::Core {

void Demo::writeLetterhead(Database &db)
{
    const QList<std::pair<QString, QString>> letterhead = {
        {QStringLiteral("letterhead.parent"), QString()},
        {QStringLiteral("letterhead.body"), QStringLiteral("ỦY BAN NHÂN DÂN\nTỈNH BẮC ĐỊNH")}, // two lines, as Decree 30 sets it
        {QStringLiteral("letterhead.abbreviation"), QStringLiteral("UBND")},
        {QStringLiteral("letterhead.place"), QStringLiteral("Bắc Định")},
        {QStringLiteral("letterhead.head_title"), QStringLiteral("Chủ tịch")},
        {QStringLiteral("letterhead.collective"), QStringLiteral("Ủy ban nhân dân")},
        // The province's own bases around the award rules' acts (Letterhead::basesBefore/After).
        {QStringLiteral("letterhead.bases_before"), QStringLiteral("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025")},
        {QStringLiteral("letterhead.bases_after"),
         QStringLiteral("Quyết định số 12/2025/QĐ-UBND ngày 20 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh ban hành Quy chế "
                        "công tác thi đua, khen thưởng tỉnh Bắc Định")},
    };
    // An office's own letterhead is left alone.
    for (const auto &[key, value] : letterhead)
        OfficeSettings::putIfAbsent(db, key, value);
}

} // namespace VinhDanh::Core
