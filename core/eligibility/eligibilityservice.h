#pragma once

#include "core/eligibility/confirmationrepository.h"
#include "core/eligibility/eligibility.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace VinhDanh::Core {

class Database;

namespace Eligibility {

/// One row of the candidates list.
struct Candidate
{
    qint64 personId = 0; // exactly one of personId / unitId
    qint64 unitId = 0;
    QString key; // the nominee's external key
    QString name;
    QString unitName; // the person's unit, or the unit's parent
    QString awardCode;
    Verdict verdict = Verdict::NotEligible;
    Outcome outcome = Outcome::NotEligible; // the four outcomes a clerk reads
    QStringList pending;                    // awaiting confirmation: the items the clerk must confirm (Result::checklist)
    QStringList missing;                    // missing data: what to enter (Result::missing)
    QString progress;
    bool proposed = false; // named in a proposal dossier of the year (and movement) for this award
};

/// An imported rule set as the database keeps it: who brought it, the SHA-256 of the file
/// (lower-case hex), and when it was retired (empty while it can be chosen).
struct ImportedRuleSet
{
    QString id;
    int version = 0;
    QString sha256;
    QString importedBy;
    QString importedAt;
    QString retiredAt;
};

/// Answers eligibility questions from the registry. The GUI and the CLI both call this,
/// so they can never disagree.
class Service
{
public:
    explicit Service(Database &db);
    ~Service();

    /// Built-in sets (resources/rules) and imported ones, oldest first.
    QList<RuleSetInfo> ruleSets() const;
    /// The set whose effectiveFrom is the latest on or before `date`; Error if none is in force.
    RuleSetInfo ruleSetInForce(const QDate &date) const;
    /// The same, none when no set is in force on `date`.
    std::optional<RuleSetInfo> findRuleSetInForce(const QDate &date) const;

    /// Counts the confirmations saved for the nominee (see Request::savedConfirmations).
    /// Error when no rule set is in force on the date or the set has no rule for the award code.
    Result evaluate(const Request &request) const;
    /// The same, answering none where there is no rule to check by (no set in force on the
    /// date, or the set does not know the award code, e.g. HCLD_2): the appraiser judges by
    /// hand. A bad request and a database failure still throw.
    std::optional<Result> evaluateIfRuled(const Request &request) const;
    /// Every award form the nominee's kind can receive, for one year (the eligibility panel),
    /// with the saved confirmations.
    QList<Result> evaluateAll(qint64 personId, qint64 unitId, int year, qint64 movementId = 0, const QString &occasion = {}) const;

    /// Ticks (`confirmed`, with an evidence note) or un-ticks one item of the check `request`
    /// describes (nominee, award, year, movement), for every later evaluation. A tick is
    /// refused for an item the check does not leave to the clerk (the message lists those it
    /// does). See ConfirmationRepository::save for the permission and `expectedVersion`.
    SavedConfirmation confirm(const Request &request, const QString &itemId, bool confirmed, const QString &note,
                              int expectedVersion = -1);

    /// For a year (and optionally a movement): everyone eligible for some award form who has
    /// not been proposed, and everyone proposed who is not eligible. Loads the registry in
    /// bulk (a province of 100,000 people takes seconds, not minutes).
    QList<Candidate> candidates(int year, qint64 movementId = 0, const std::function<void(int done, int total)> &progress = {}) const;

    /// Validates a rule-set file and stores it in the database, with the file's SHA-256 and the
    /// account that imported it (the row's audit entry says who and when). A newer version of a
    /// set replaces the older one from its effective date. Needs ManageRuleSets (administrators):
    /// the rules decide who is eligible. A bad file is refused with Error naming the line and the
    /// reason; nothing is stored.
    RuleSetInfo importRuleSet(const QString &path);
    /// Retires an imported set: it stays listed (and in the audit log) but is no longer chosen as
    /// the set in force. Needs ManageRuleSets. Built-in sets cannot be retired (import a newer
    /// version instead).
    void retireRuleSet(const QString &setId, int version);
    /// The imported sets with their provenance, oldest first.
    QList<ImportedRuleSet> importedRuleSets() const;
    /// What version `version` of the set `id` changed against the version before it (the
    /// highest lower version of the same id, built in or imported), in words; one line saying
    /// it is the first version when there is none before it.
    QStringList ruleSetChanges(const QString &id, int version) const;
    /// The SHA-256 of `data` as lower-case hex (libsodium).
    static QString sha256Hex(const QByteArray &data);

private:
    Database &m_db;
};

} // namespace Eligibility
} // namespace VinhDanh::Core
