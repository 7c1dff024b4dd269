#pragma once

#include "core/auditlog/auditlog.h"
#include "core/auditlog/audittext.h"

#include <QAbstractTableModel>

namespace VinhDanh::Ui {

/// The audit log as a table, newest first, read a page at a time (canFetchMore/fetchMore):
/// the log grows with every change, so the view never loads it whole.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Actor, Action, Table, Record, Changes, ColumnCount };
    static constexpr int kPageSize = 200;

    explicit AuditModel(QObject *parent = nullptr);

    /// Shows the rows of `db` matching `filter` (limit/offset are the model's own business).
    /// Throws Core::Error (e.g. the account may not read the log).
    void setFilter(Core::Database *db, const Core::AuditFilter &filter);
    const Core::AuditFilter &filter() const { return m_filter; }
    /// How many rows match in all (the model may hold fewer so far).
    int total() const { return m_total; }
    const Core::AuditEntry &entry(int row) const { return m_entries.at(row); }

    /// The kind of change for people ("Added", "Changed", "Deleted"), translated.
    static QString actionLabel(const QString &action);
    /// `at` (ISO UTC) as local dd/MM/yyyy HH:mm:ss.
    static QString localTime(const QString &at);
    /// The words the cells use (names for ids, labels for codes), for the detail pane.
    const Core::AuditText &words() const { return m_words; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    Core::Database *m_db = nullptr;
    Core::AuditFilter m_filter;
    QList<Core::AuditEntry> m_entries;
    Core::AuditText m_words; // caches names looked up in m_db
    int m_total = 0;
    // Listeners of the reset (QAbstractItemModelTester, proxies) may call fetchMore() inside
    // it, and slots of rowsAboutToBeInserted inside a fetch: one change at a time.
    bool m_busy = false;
};

} // namespace VinhDanh::Ui
