#pragma once
// Pieces every document builder uses (private to core/documents).

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/documents/document.h"
#include "core/documents/letterhead.h"
#include "core/domain/codes.h"
#include "core/dossiers/dossier.h"

#include <QDate>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Documents::Build {

/// A document headed by the office's letterhead.
Document officeDocument(const Letterhead &letterhead, const QString &kind, const QString &title);
/// A document headed by a unit of the registry (a proposing unit's own letter): the unit in
/// capitals as the issuing body, its parent (or the office's parent body) above it.
Document unitDocument(Core::Database &db, const Letterhead &letterhead, qint64 unitId, const QString &kind, const QString &title);
/// A dossier's or sitting's document's file name without extension: its register number in
/// ASCII, then the document's kind — "HS-12-2025-to-trinh", "Phien-3-2026-bien-ban" (the kind
/// alone for a record without a number).
QString recordFileStem(const QString &numberStem, const QString &kind);
/// The legal bases of a document dated `date`: the office's bases before (Letterhead), the acts
/// of the rule set in force (without their effect notes), the office's bases after, then the
/// movement's plan when it has a number and a date. Each ends in ";" and the last in ".".
QStringList legalBases(Core::Database &db, const Letterhead &letterhead, const QDate &date, qint64 movementId = 0);
/// "Giám đốc Sở Tư pháp", "Chủ tịch UBND xã …": who proposes for a unit in a decision's
/// "Theo đề nghị của …" line, by the kind of body the unit's name says ("Thủ trưởng …" otherwise).
QString headOf(const QString &unitName);
/// Ends every line with ";" and the last with ".".
QStringList punctuateBases(QStringList bases);
/// "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / name, from how a decision or the letterhead names the signer.
Signature signature(const Letterhead &letterhead, const QString &authority, const QString &title, const QString &name);
/// An award form's name ("Bằng khen của Chủ tịch UBND tỉnh"), or the code when unknown.
QString formName(Core::Database &db, const QString &code);
/// The award form codes, higher forms first (by rank; the catalogue's order within a rank): how
/// decisions, tờ trình and reports group their lists.
QStringList formOrder(Core::Database &db);
/// The Vietnamese label of a registry code ("Công chức", "Cơ quan, đơn vị cấp tỉnh"), whatever
/// language the program runs in: documents are always Vietnamese. From the embedded catalogue,
/// or Codes::label when the catalogue is missing.
QString codeLabel(Core::Codes::Set set, const QString &code);
/// A decision's awardee is a collective (typed-in awardees say so by their unit).
bool isCollective(const Core::Workflow::Awardee &a);
/// The order of a decision's attached list: collectives first, then individuals; within each by
/// award form, higher forms first (formOrder), then in the decision's order. Certificates print in it.
QList<Core::Workflow::Awardee> listOrder(Core::Database &db, QList<Core::Workflow::Awardee> list);
/// What a decision rewards, lower case: "đã có thành tích xuất sắc trong phong trào thi đua “…”",
/// or "… trong thực hiện nhiệm vụ" without a movement. Decision and certificates say the same.
QString achievement(const QString &movementName);
/// "I", "II", … for group headings.
QString roman(int n);
/// Upper case the Vietnamese way (QString::toUpper is right for Vietnamese letters).
inline QString upper(const QString &s)
{
    return s.toUpper();
}

} // namespace VinhDanh::Documents::Build
