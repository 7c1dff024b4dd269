#pragma once

#include "core/documents/document.h"

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Documents {

/// The documents of a sitting of the Hội đồng Thi đua – Khen thưởng.
namespace CouncilDocuments {

/// Biên bản họp Hội đồng Thi đua – Khen thưởng, headed by the office: time and place, chair
/// and secretary, attendance (members, present, the absent by name), the quorum rule and
/// whether it was met, a table of each nominee's secret-ballot tally (votes, who could vote
/// after conflicts of interest, the threshold stored with the tally, the result), the members
/// who stood aside for a conflict, and the signatures of the secretary and the chair. A
/// sitting that is still open prints as a draft (DỰ THẢO): its tallies may still change.
Document minutes(Core::Database &db, qint64 sessionId);

} // namespace CouncilDocuments

} // namespace VinhDanh::Documents
