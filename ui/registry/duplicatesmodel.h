#pragma once

#include "core/dedup/duplicates.h"

#include <QAbstractTableModel>
#include <QList>

namespace VinhDanh::Ui {

/// The likely duplicate pairs of Core::Dedup, most certain first, shown 200 at a time
/// (canFetchMore/fetchMore) so a province's list never builds thousands of rows at once.
/// Personal data as the finder gives it: birth years and masked CCCDs only.
class DuplicatesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Score, First, Second, Unit, Reasons, ColumnCount };

    explicit DuplicatesModel(QObject *parent = nullptr);

    void setPairs(const QList<Core::Dedup::Pair> &pairs);
    const Core::Dedup::Pair &pair(int row) const { return m_pairs.at(row); }
    int total() const { return int(m_pairs.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QList<Core::Dedup::Pair> m_pairs;
    int m_shown = 0;
};

} // namespace VinhDanh::Ui
