#pragma once

#include <QList>
#include <QString>

// The codes of the award path shared by its three folders (dossiers/, council/, decisions/):
// a dossier's statuses and transitions, a sitting's and a decision's statuses, document kinds,
// with their stored codes (stable ASCII, docs/workflow.md) and the words clerks read.
namespace VinhDanh::Core::Workflow {

/// A dossier's place in the path through the office. Stored as the code of statusCode().
enum class Status { Draft, Submitted, UnderAppraisal, Returned, Appraised, BeforeCouncil, Decided };
/// What moves a dossier from one status to another (see statemachine.h for the table).
enum class Transition { Submit, Recall, StartAppraisal, Return, Resubmit, FinishAppraisal, PutToCouncil, Decide };

/// A council sitting: open while it sits, closed once its minutes are final (recordstates.h has
/// what each allows). Stored as the code of sittingStatusCode().
enum class SittingStatus { Open, Closed };
/// A decision: a draft may change; an issued one is frozen (a correction is a new decision that
/// amends it). Stored as the code of decisionStatusCode().
enum class DecisionStatus { Draft, Issued };

/// The required documents of a dossier (and 'khac' for any other file).
enum class DocumentKind { ToTrinh, DanhSach, BaoCaoThanhTich, BienBan, Other };

// ----- codes and labels -----
QString statusCode(Status s);
/// The stored code as an SQL literal ("'draft'"): codes are fixed words, never input.
QString statusSql(Status s);
/// Throws Error for an unknown code.
Status statusFromCode(const QString &code);
QString statusLabel(Status s); // translated
QList<Status> allStatuses();   // in workflow order
QString transitionCode(Transition t);
bool transitionFromCode(const QString &code, Transition *out);
QString transitionLabel(Transition t); // translated, a verb phrase for buttons ("Submit")
QList<Transition> allTransitions();
QString documentKindCode(DocumentKind k);
DocumentKind documentKindFromCode(const QString &code);
QString documentKindLabel(DocumentKind k);        // translated
QString outcomeLabel(const QString &outcome);     // translated
QString authorityLabel(const QString &authority); // "TM.", "KT.", "Q." or ""

} // namespace VinhDanh::Core::Workflow
