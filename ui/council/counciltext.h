#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "core/proposals/recordstates.h"

#include <QString>

// Words and short sentences the council and decision pages share (status labels, the quorum
// line, a threshold in words), so the list, the page and the tally editor say the same thing.
namespace VinhDanh::Ui::CouncilText {

QString sessionStatus(Core::Workflow::SittingStatus status);   // "Open" | "Closed"
QString decisionStatus(Core::Workflow::DecisionStatus status); // "Draft" | "Issued"
/// dd/MM/yyyy, empty for a null date.
QString date(const QDate &date);
/// "7/10"
QString attendance(int present, int members);
/// "7/10 present — quorum of 2/3 met" (or "… not met: 7 of 10 needed").
QString quorumLine(int present, int members, int num, int den);
/// "more than 50% of the members present", "at least 90% of all members".
QString threshold(const Core::Workflow::Threshold &t);
/// "Passed", "Not passed", or "Not voted yet".
QString result(const Core::Workflow::CouncilItem &item);
/// "individual" / "collective" in words.
QString recipient(const QString &recipient);
/// A member for lists: "Nguyễn Văn A — Phó Chủ tịch", marked when absent.
QString member(const Core::Workflow::CouncilMember &m);

} // namespace VinhDanh::Ui::CouncilText
