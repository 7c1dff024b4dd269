#pragma once

#include "core/eligibility/eligibility.h"

#include <QAbstractItemModel>
#include <QMap>

#include <memory>
#include <vector>

namespace VinhDanh::Ui {

/// The clerk's confirmations: award code → condition id → evidence note.
using Confirmations = QMap<QString, QMap<QString, QString>>;

} // namespace VinhDanh::Ui

namespace VinhDanh::Ui {

/// The eligibility panel's tree: one top-level row per award form the nominee can receive
/// (verdict, progress, earliest year, what is missing); under it the trace — each condition
/// with its sub-conditions and the records it used — and, for "needs review", the clerk's
/// checklist. What the clerk may confirm by hand (see isConfirmable) carries a check box.
class EligibilityModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, VerdictColumn, ProgressColumn, EarliestYearColumn, ExplanationColumn, ColumnCount };
    enum class Kind { Result, Condition, Evidence, ChecklistGroup, ChecklistItem };
    enum Role {
        KindRole = Qt::UserRole + 1, // int(Kind)
        VerdictRole,                 // int(Eligibility::Verdict), results and conditions
        AwardCodeRole,               // the award form of the row's result
        ConditionIdRole,             // conditions only
    };

    explicit EligibilityModel(QObject *parent = nullptr);
    ~EligibilityModel() override;

    /// Replaces the rows (a model reset). What the clerk confirmed comes with the results
    /// (ConditionResult::confirmation).
    void setResults(const QList<Core::Eligibility::Result> &results);
    const QList<Core::Eligibility::Result> &results() const { return m_results; }
    void clear();

    /// True for a condition the clerk confirms (or un-ticks) by hand with an evidence note:
    /// each of a movement's own standards, and any single condition the engine leaves to
    /// review (a judgement, or a standard the legal notes mark unconfirmed). Not one that only
    /// a dossier's checklist confirms: that is changed on the dossier.
    static bool isConfirmable(const Core::Eligibility::ConditionResult &condition);
    bool isConfirmable(const QModelIndex &index) const;
    /// Who confirmed the condition at `index`, when and where (Source::None when nobody did).
    Core::Eligibility::Confirmation confirmationAt(const QModelIndex &index) const;
    /// Award code → condition id → note, for every confirmed condition shown.
    Confirmations confirmations() const;
    QString conditionId(const QModelIndex &index) const;
    /// The description of the condition at `index` (for the confirmation editor).
    QString conditionText(const QModelIndex &index) const;
    /// The top-level row of an award code, invalid when absent.
    QModelIndex indexOfAward(const QString &awardCode) const;
    /// The condition `conditionId` anywhere in the trace of `awardCode`, invalid when absent.
    QModelIndex indexOfCondition(const QString &awardCode, const QString &conditionId) const;
    /// A path of stable ids ("LDTT/ratings-5y/…") to keep expansion across re-evaluations.
    QString pathOf(const QModelIndex &index) const;
    QModelIndex indexOfPath(const QString &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// How a verdict (or a condition's state) looks everywhere in the eligibility views.
    static QString stateText(Core::Eligibility::Verdict state, bool isCondition);
    static QColor stateColor(Core::Eligibility::Verdict state);
    static QIcon stateIcon(Core::Eligibility::Verdict state);
    /// The colour and dot of one of the four outcomes (missing data: slate blue, the others as
    /// their verdict).
    static QColor outcomeColor(Core::Eligibility::Outcome outcome);
    static QIcon outcomeIcon(Core::Eligibility::Outcome outcome);

signals:
    /// The clerk ticked or unticked a condition in the tree.
    void confirmationToggled(const QString &awardCode, const QString &conditionId, bool confirmed);

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    void addCondition(Node *parent, const Core::Eligibility::ConditionResult &condition);

    QList<Core::Eligibility::Result> m_results;
    std::vector<std::unique_ptr<Node>> m_roots;
};

} // namespace VinhDanh::Ui
