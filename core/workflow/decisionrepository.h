#pragma once

#include "core/workflow/workflow.h"

#include <QList>
#include <QStringList>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Workflow {

/// Quyết định khen thưởng: the register, the awardees and their bonuses, and issuing (which
/// writes the ledger). An issued decision, its awardees and the ledger rows it wrote are
/// read-only in the database itself; a correction is a new decision with `amendsId`.
class DecisionRepository
{
public:
    explicit DecisionRepository(Database &db) : m_db(db) {}

    QList<Decision> list() const; // newest first
    Decision decision(qint64 id) const; // Error when missing
    qint64 idForKey(const QString &key) const;
    /// Decisions naming a person or a unit among their awardees.
    QList<Decision> naming(qint64 personId, qint64 unitId) const;

    /// The next free number in the issuer's register for a year.
    int nextRegisterNo(const QString &issuer, int year) const;
    /// "123/QĐ-UBND" from the office's suffix setting.
    QString formatNumber(int registerNo) const;
    /// Other decisions (draft or issued) that use the same issuer, year and number: the warning
    /// on reuse. Issuing is refused while an issued one uses it.
    QStringList numberInUse(const QString &issuer, int year, int registerNo, qint64 exceptId = 0) const;

    /// Creates or updates a draft (header only). Validates date, number, signer, authority.
    qint64 save(Decision &d);
    void remove(qint64 id); // drafts only

    /// Replaces the draft's awardees by the nominees the sitting passed (in council order) that
    /// are not yet in another decision and whose form the office decides (not forwarded).
    void fillFromCouncil(qint64 decisionId, qint64 sessionId);
    QList<Awardee> awardees(qint64 decisionId) const;
    qint64 addAwardee(qint64 decisionId, Awardee awardee);
    void removeAwardee(qint64 awardeeId);
    /// Prices every awardee at the decision date: coefficient (form, recipient) and base salary
    /// in force; stores amounts, base salary and total. Error naming what is missing.
    void price(qint64 decisionId);

    /// Issues: prices, checks the number is free, writes one ledger row per awardee
    /// (decision number/date/issuer, movement, year), records each nominee's outcome
    /// "awarded", moves dossiers whose every nominee has an outcome to decided, and freezes
    /// the decision. Only a leader or an administrator. One transaction.
    void issue(qint64 decisionId);

private:
    Database &m_db;
};

} // namespace VinhDanh::Core::Workflow
