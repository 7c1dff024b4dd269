#pragma once

#include "core/domain/movement.h"

#include <QAbstractTableModel>
#include <QList>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// The movements list: catalogue first (shown bold and marked "Catalogue"), then the office's
/// own, in the repository's order. A province has a handful of movements, so the whole
/// filtered list is loaded at once (no paging).
class MovementListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, SourceColumn, PeriodColumn, IssuerColumn, PlanNumberColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole, ///< qint64 movement id
        IsCatalogueRole,       ///< bool
    };

    explicit MovementListModel(QObject *parent = nullptr);

    /// nullptr empties the list. Does not reload: call reload().
    void setDatabase(Core::Database *db);
    /// The text typed in the filter box; case and diacritics are ignored by the repository.
    void setFilter(const QString &filter);
    QString filter() const { return m_filter; }
    /// Reads the list again. Throws Core::Error (the model is then empty).
    void reload();

    const Core::MovementSummary &summary(int row) const { return m_rows.at(row); }
    /// The row showing movement `id`, or -1.
    int rowForId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const Core::MovementSummary &s, int column) const;

    Core::Database *m_db = nullptr;
    QString m_filter;
    QList<Core::MovementSummary> m_rows;
};

} // namespace VinhDanh::Ui
