#pragma once

#include "core/dossiers/dossierrepository.h"

#include <QAbstractTableModel>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// The work queue's table: the dossiers DossierRepository::list() returns for a status,
/// movement and year (newest first), narrowed here by a text that matches the key, title,
/// proposing unit or movement ignoring case and diacritics. The repository reads the whole
/// list (an office has hundreds of dossiers a year, not millions); the view receives it in
/// pages through canFetchMore()/fetchMore() so a long list lays out at once.
class DossierListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Key, Title, Unit, Track, Occasion, Year, Nominees, Status, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;
    /// The movement filter's "regular track only" value (0 = any movement).
    static constexpr qint64 RegularTrack = -1;
    static constexpr int DefaultPageSize = 200;

    explicit DossierListModel(QObject *parent = nullptr);

    /// nullptr empties the model. Reloads.
    void setDatabase(Core::Database *db);
    /// Status, movement (0 any, RegularTrack, or an id) and year (0 any). Reloads.
    void setFilter(bool anyStatus, Core::Workflow::Status status, qint64 movementId, int year);
    /// Text matched ignoring case and diacritics. Reloads.
    void setText(const QString &text);

    /// Reads again (after a write elsewhere).
    void reload();
    qint64 idAt(int row) const;
    int rowOfId(qint64 id) const;
    const Core::Workflow::Dossier *dossierAt(int row) const;
    /// Rows matching the filter (rowCount() is what has been handed to the view so far).
    int totalCount() const { return int(m_rows.size()); }
    QString lastError() const { return m_lastError; }
    /// Rows handed to the view per fetchMore() (takes effect at the next reload).
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loadFailed(const QString &message);
    void reloaded();

private:
    Core::Database *m_db = nullptr;
    Core::Workflow::DossierFilter m_filter;
    bool m_regularOnly = false;
    QString m_text;                        // folded
    QList<Core::Workflow::Dossier> m_rows; // every match
    int m_shown = 0;                       // how many of them the view has
    bool m_busy = false;                   // inside a reset or a fetch: no nested paging
    int m_pageSize = DefaultPageSize;
    QString m_lastError;
};

} // namespace VinhDanh::Ui
