#pragma once

#include "core/decisions/decision.h"
#include "core/proposals/recordstates.h"

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

    QList<Decision> list() const;       // newest first
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

    /// The header a new draft starts from, unsaved: where the GUI's "New decision" and "New
    /// amending decision" and the CLI's `decision new` all begin. Dated `date`, in the register
    /// of `issuer` (empty: the office's setting "decision.issuer") for `year` (0: the date's
    /// year) with its next free number, signed like that register's latest decision (the same
    /// leader usually signs them). With `amendsId`, the decision it corrects gives the issuer
    /// (unless one is given), the title, the signature, the sitting and the movement; Error
    /// unless that decision is issued (DecisionMachine: Amend).
    Decision draftDefaults(const QDate &date, qint64 amendsId = 0, const QString &issuer = {}, int year = 0) const;
    /// Creates or updates a draft (header only). Validates date, number, signer, authority.
    qint64 save(Decision &d);
    void remove(qint64 id); // drafts only

    /// The sitting's dossiers the decision can be filled from: those with a nominee the sitting
    /// passed, still without an outcome, not on another decision, and of a form this office's
    /// issuer awards (AwardAuthority). Newest first; the GUI groups them by their basis.
    QList<Dossier> offeredDossiers(qint64 decisionId, qint64 sessionId) const;
    /// Replaces the draft's awardees by the nominees the sitting passed (in council order) from
    /// the dossiers picked, which must be offered and share one track, movement, occasion and
    /// year (Error otherwise). Forms this issuer does not award stay out; the returned lines
    /// say which and why. The decision then refers to the sitting and to the dossiers' movement.
    QStringList fillFromCouncil(qint64 decisionId, qint64 sessionId, const QList<qint64> &dossierIds);
    /// The same with every offered dossier; Error asking to pick when they differ in basis.
    QStringList fillFromCouncil(qint64 decisionId, qint64 sessionId);
    /// What the decision is about, from its awardees' dossiers (see DecisionBasis).
    DecisionBasis basis(qint64 decisionId) const;
    /// Warnings on who may award the forms on the list: forms the issuer may not award
    /// (issue() refuses them) and forms whose authority the law notes leave open (issue()
    /// asks for a reason). Translated, one line each.
    QStringList authorityWarnings(qint64 decisionId) const;
    QList<Awardee> awardees(qint64 decisionId) const;
    qint64 addAwardee(qint64 decisionId, Awardee awardee);
    void removeAwardee(qint64 awardeeId);
    /// Prices every awardee at the decision date: coefficient (form, recipient) and base salary
    /// in force; stores amounts, base salary and total. Error naming what is missing.
    void price(qint64 decisionId);
    /// What `price` would store, without storing it: for a draft, the amounts at today's data
    /// (`problem` names what is missing, and amounts stay 0); for an issued decision, what it
    /// froze. Reading needs nothing more than seeing the decision (the CLI's listings).
    struct Pricing
    {
        QList<Awardee> awardees;
        qint64 baseSalary = 0;
        qint64 total = 0;
        QString problem;
        QStringList unpriced; // partialPricing(): the awardees left without an amount (−1), by name
    };
    Pricing pricing(qint64 decisionId) const;
    /// Like pricing(), but a draft is priced awardee by awardee as far as the rates allow: one
    /// whose form has no coefficient in force (or every one, when the date or the base salary
    /// is missing) keeps amount −1 and is named in `unpriced`; the total counts the others.
    /// What the draft's documents print. The same pricing as price() and issue().
    Pricing partialPricing(qint64 decisionId) const;

    /// Issues: prices, checks the number is free, writes one ledger row per awardee
    /// (decision number/date/issuer, movement, year), records each nominee's outcome
    /// "awarded", moves dossiers whose every nominee has an outcome to decided, and freezes
    /// the decision. Only a leader or an administrator. One transaction.
    /// Refused while a form on the list is one the office's issuer may not award; a form whose
    /// authority is unconfirmed needs `authorityReason`, kept in the ledger rows' note.
    void issue(qint64 decisionId, const QString &authorityReason = {});

private:
    Database &m_db;
};

} // namespace VinhDanh::Core::Workflow
