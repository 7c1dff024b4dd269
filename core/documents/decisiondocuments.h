#pragma once

#include "core/documents/document.h"

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Documents {

/// The documents of a decision (Quyết định khen thưởng).
namespace DecisionDocuments {

/// Quyết định khen thưởng and, as its second part, the danh sách kèm theo.
///
/// Part 1, headed by the office's letterhead (the body that issues the decision): number and
/// date; the authority line — the head's title and the body ("GIÁM ĐỐC SỞ NỘI VỤ", "CHỦ TỊCH
/// ỦY BAN NHÂN DÂN TỈNH THANH HÓA"), or the body alone when the decision is signed TM.; the
/// legal bases (rule set, movement plan, the council's minutes, the amended decision) ending
/// in "Xét đề nghị của …"; Điều 1 who is awarded what, Điều 2 the bonus and the total in
/// figures and words, Điều 3 who executes it; signature and Nơi nhận.
/// Part 2 repeats the letterhead (no number or date) as attached lists usually do: the
/// awardees, collectives first, grouped by award form, with each bonus and the total.
///
/// An issued decision prints the amounts it was issued with. A draft is priced on the fly at
/// its date the way DecisionRepository::price() would (nothing is written), and is marked
/// DỰ THẢO in both parts so it is never taken for an issued one.
Document decision(Core::Database &db, qint64 decisionId);

} // namespace DecisionDocuments

} // namespace VinhDanh::Documents
