#pragma once

#include "core/documents/document.h"
#include "core/registry/registry.h"

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Documents {

/// Reports (Báo cáo): a person's or a unit's achievement report, prefilled from the registry
/// for the clerk to complete in the editable .docx, and the office's report on a movement.
namespace ReportDocuments {

/// Báo cáo thành tích (kinds "bao-cao-ca-nhan" and "bao-cao-tap-the"), headed by the person's
/// unit (or the unit itself): I. Sơ lược lý lịch (a person's birth year only, never the
/// CCCD), II. Thành tích đạt được (blanks for the narrative; the ratings of the last five
/// years; a person's initiatives and what they were used for), III. the titles and awards
/// received, IV. disciplines when there are any. `year` 0 = the latest rated year, or last
/// year when nothing is rated. Error when the person or unit does not exist.
Document achievementReport(Core::Database &db, const Core::Subject &subject, int year = 0);

/// Báo cáo phong trào thi đua (kind "bao-cao-phong-trao"), headed by the office: what was
/// proposed and awarded in movement `movementId` for `occasion` ("annual" for `year`,
/// "so_ket" / "tong_ket" in the review year of the movement's phases; `year` 0 picks it),
/// counted by award form, by category of nominee and by proposing unit. A movement with
/// nothing proposed or awarded yet gives zeros. Error for an unknown movement, or a review
/// its plan does not hold.
Document movementReport(Core::Database &db, qint64 movementId, int year, const QString &occasion);

} // namespace ReportDocuments

} // namespace VinhDanh::Documents
