#pragma once

#include "core/dossiers/dossier.h"
#include "core/proposals/codes.h"
#include "core/proposals/paydata.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

// Plain values of a decision: the decision, its legal basis, its awardees (the money: proposals/paydata.h).
namespace VinhDanh::Core::Workflow {

/// Quyết định khen thưởng.
struct Decision
{
    qint64 id = 0;
    QString key;
    QString issuer; // register owner, e.g. "UBND tỉnh"
    int year = 0;
    int registerNo = 0; // 123
    QString number;     // "123/QĐ-UBND"
    QDate date;
    QString title; // trích yếu
    QString signer;
    QString signerTitle; // "Chủ tịch", "Phó Chủ tịch"
    QString authority;   // "" | TM | KT | Q
    qint64 sessionId = 0;
    qint64 movementId = 0;
    qint64 amendsId = 0;
    qint64 baseSalary = 0; // in force on the date (set when awardees are priced)
    qint64 total = 0;
    DecisionStatus status = DecisionStatus::Draft;
    QDateTime issuedAt;
    QString issuedBy;
    int awardeeCount = 0; // filled by reads
    int version = 0;
};

/// What a decision is about, as its awardees' dossiers say (not its council sitting): a
/// movement only when every awardee came from a dossier of that movement.
struct DecisionBasis
{
    qint64 movementId = 0; // 0: the regular track
    QString movementName;
    QString occasion = QStringLiteral("annual"); // the dossiers' common occasion
    int year = 0;                                // the dossiers' common year of achievement, else the decision's year
    bool fromDossiers = false;                   // at least one awardee came from a dossier
};

struct Awardee
{
    qint64 id = 0;
    qint64 decisionId = 0;
    int position = 0;
    qint64 nomineeId = 0; // 0 for an awardee typed in directly
    qint64 personId = 0;
    qint64 unitId = 0;
    QString key;     // filled by reads
    QString name;    // filled by reads
    QString context; // filled by reads
    QString formCode;
    QString awardKind = QStringLiteral("cong_trang");
    QString recipient; // individual | collective
    int coefficientMilli = 0;
    qint64 amount = 0;
    qint64 awardId = 0; // the ledger row, once issued
};

} // namespace VinhDanh::Core::Workflow
