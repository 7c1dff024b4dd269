#pragma once

#include "core/registry/unitrepository.h"
#include "ui/widgets/pagedmodel.h"

namespace VinhDanh::Ui {

/// The unit list, read page by page from UnitRepository.
class UnitListModel : public PagedModel<Core::UnitRow>
{
    Q_OBJECT
public:
    enum Column { Name, Kind, Parent, Bloc, ValidTo, SucceededBy, Key, ColumnCount };

    explicit UnitListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool isSortable(int column) const override;
    void reload() override;

protected:
    int countRows() const override;
    QList<Core::UnitRow> pageRows(int offset, int limit, bool reversed) const override;

private:
    /// Every matching unit in the order a person reads keys (DV4 before DV30), read once per
    /// reload: see pageRows().
    const QList<Core::UnitRow> &byKey() const;

    mutable QList<Core::UnitRow> m_byKey;
    mutable bool m_byKeyRead = false;
};

} // namespace VinhDanh::Ui
