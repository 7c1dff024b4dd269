#pragma once

#include "core/eligibility/eligibilityservice.h"

#include <QAbstractTableModel>
#include <QMap>

#include <vector>

namespace VinhDanh::Ui {

/// The candidates list: the engine's sweep for a year, filtered and sorted in memory (the
/// sweep already holds every row; a province is ~100,000 people, a few megabytes).
class CandidatesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        KeyColumn,
        NameColumn,
        UnitColumn,
        RecipientColumn,
        AwardColumn,
        VerdictColumn,
        ProgressColumn,
        ProposedColumn,
        ColumnCount
    };
    enum Role { VerdictRole = Qt::UserRole + 1, AwardCodeRole };
    enum class Recipients { All, Individuals, Collectives };

    struct Filter
    {
        QString awardCode; // empty = every form
        int verdict = -1;  // int(Eligibility::Verdict), -1 = every verdict
        Recipients recipients = Recipients::All;
        QString text; // matches name, key or unit, ignoring case and diacritics
    };

    explicit CandidatesModel(QObject *parent = nullptr);

    /// Replaces every row. `awardNames` maps award codes to the names the table shows.
    void setCandidates(const QList<Core::Eligibility::Candidate> &candidates, const QMap<QString, QString> &awardNames);
    void clear();
    void setFilter(const Filter &filter);
    const Filter &filter() const { return m_filter; }

    /// Rows before filtering.
    int totalCount() const { return int(m_all.size()); }
    const Core::Eligibility::Candidate &candidateAt(int row) const;
    /// The visible rows in their visible order, headers first: what Export CSV writes.
    QList<QStringList> tableText() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QString text(const Core::Eligibility::Candidate &c, int column) const;
    bool accepts(size_t i) const;
    void rebuild();
    void sortVisible();

    std::vector<Core::Eligibility::Candidate> m_all;
    std::vector<QString> m_folded; // Text::fold of name, key and unit, computed once per sweep
    std::vector<int> m_visible;    // indexes into m_all
    QMap<QString, QString> m_awardNames;
    Filter m_filter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace VinhDanh::Ui
