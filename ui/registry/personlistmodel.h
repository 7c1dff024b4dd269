#pragma once

#include "core/registry/personrepository.h"
#include "ui/widgets/pagedmodel.h"

namespace VinhDanh::Ui {

/// The people list, read page by page from PersonRepository, optionally limited to one unit.
/// It has no CCCD or birth date column on purpose: personal data stays on the person's page.
class PersonListModel : public PagedModel<Core::PersonRow>
{
    Q_OBJECT
public:
    enum Column { Name, Gender, Category, Position, Unit, Key, ColumnCount };

    explicit PersonListModel(QObject *parent = nullptr);

    /// 0 = every unit. Reloads.
    void setUnitId(qint64 unitId);
    qint64 unitId() const { return m_unitId; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool isSortable(int column) const override;
    int positionOfId(qint64 id) override;

protected:
    int countRows() const override;
    QList<Core::PersonRow> pageRows(int offset, int limit, bool reversed) const override;
    bool canReadFromEnd() const override { return true; }

private:
    qint64 m_unitId = 0;
};

} // namespace VinhDanh::Ui
