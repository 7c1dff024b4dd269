#pragma once
// A table's one INSERT text (issue 17 item 3). Each registry table declares its writable
// columns once, in its repository, as "INSERT INTO t (a, b, …)"; every statement that adds
// rows to it (a single row with named placeholders, RowBatch's multi-row chunks, the demo's
// batches, COPY on PostgreSQL, the importer's upserts) is built from that declaration, so a
// column added to the table is added in one place and a grep finds one writer per table.

#include <QString>
#include <QStringList>
#include <QStringView>

namespace VinhDanh::Core {

class RowWriter
{
public:
    /// `declaration` is "INSERT INTO t (a, b, …)", every column the application writes.
    explicit RowWriter(QStringView declaration);

    const QString &table() const { return m_table; }
    const QStringList &columns() const { return m_columns; }
    /// The declared columns but `excluded`, in their order (a writer that leaves some at their default).
    QStringList without(const QStringList &excluded) const;

    /// "INSERT INTO t (a, b)": the named columns in the order given (every column when empty);
    /// the head RowBatch, the demo's batches and PgCopy::rows take.
    QString head(const QStringList &columns = {}) const;
    /// One row: head(columns) VALUES (placeholders), then ` tail` when there is one.
    /// `placeholders` is their text, ":a, :b" or "?, ?", one for each column in its order.
    QString values(const QStringList &columns, QStringView placeholders, const QString &tail = {}) const;
    /// The same, the placeholders named after the columns (":a, :b").
    QString named(const QStringList &columns, const QString &tail = {}) const;
    /// "ON CONFLICT (key) DO UPDATE SET version = t.version + 1, a = excluded.a, … WHERE …":
    /// updates `compared` and `derived`, and only when a compared column changed (an unchanged
    /// row is not written, so no guard fires and no version moves).
    QString upsertTail(const QString &key, const QStringList &compared, const QStringList &derived = {}) const;

    /// The columns a deleted row is written back with (undoing a merge): its own `id`, the
    /// declared columns, its `version`.
    QStringList restorable() const;
    /// A deleted row written back as it was: `columns` (each of restorable()) with placeholders
    /// named after them (":id, :a, …").
    QString restore(const QStringList &columns) const;

private:
    void check(const QStringList &columns) const;
    QString text(const QStringList &columns) const;

    QString m_table;
    QStringList m_columns;
};

} // namespace VinhDanh::Core
