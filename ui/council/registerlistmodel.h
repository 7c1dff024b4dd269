#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// What the sittings and decisions lists share: a register read whole from its repository
/// (an office has a few dozen rows a year, so no paging), emptied when the read fails, and
/// searched by id so that RegisterView keeps the selection across a reload. Derived models
/// hold the rows (their own record type: see RegisterListModelOf) and say how to read and
/// show them. (Not a template itself: moc does not take one.)
class RegisterListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit RegisterListModel(int columnCount, QObject *parent = nullptr);

    /// nullptr empties the list. Does not reload: call reload().
    void setDatabase(Core::Database *db);
    /// Reads the list again. Throws Core::Error (the model is then empty).
    void reload();

    /// The id of the record in `row`.
    virtual qint64 idAt(int row) const = 0;
    /// The row of record `id`, or -1.
    int rowForId(qint64 id) const;

    int columnCount(const QModelIndex &parent = {}) const override;

protected:
    virtual void clearRows() = 0;
    /// Reads the register's rows; may throw (reload() then clears what was read).
    virtual void readRows(Core::Database &db) = 0;

private:
    Core::Database *m_db = nullptr;
    int m_columnCount;
};

/// RegisterListModel over a list of `Record`s (anything with an `id`): holds the rows, so a
/// derived model only reads them (readAll) and shows them (data, headerData).
template<class Record>
class RegisterListModelOf : public RegisterListModel
{
public:
    using RegisterListModel::RegisterListModel;

    const Record &record(int row) const { return m_rows.at(row); }
    qint64 idAt(int row) const override { return m_rows.at(row).id; }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }

protected:
    /// The register, in the list's order; may throw.
    virtual QList<Record> readAll(Core::Database &db) const = 0;

private:
    void clearRows() override { m_rows.clear(); }
    void readRows(Core::Database &db) override { m_rows = readAll(db); }

    QList<Record> m_rows;
};

} // namespace VinhDanh::Ui
