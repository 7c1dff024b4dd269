#pragma once
// Many rows of one table written by multi-row statements (issue 15 item 6): a statement per
// row is a network round trip on PostgreSQL, and on SQLite a statement per person flushes the
// people's FTS5 search index to a new segment each time (most of the province's import).

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <memory>

struct sqlite3_stmt;

namespace VinhDanh::Core::Interchange::Detail {

/// The database refused one row of a batch (a constraint, a guard trigger), the message
/// already naming the record: Importer::each passes it on as it is. Still a DatabaseError, so
/// the context callers add (rethrowWithMessage) never turns it into a plain refusal.
class RecordError : public DatabaseError
{
public:
    using DatabaseError::DatabaseError;
};

class RowBatch
{
public:
    /// `head` is "INSERT INTO t (a, b)", `tail` what follows the VALUES (ON CONFLICT …, no
    /// RETURNING); each row has `columns` values. Rows go in by chunks of `chunk`; 0 is the
    /// backend's: 250 rows a statement, or kCopyChunk a COPY on PostgreSQL.
    RowBatch(Database &db, QString head, int columns, QString tail, int chunk = 0);
    ~RowBatch();
    RowBatch(const RowBatch &) = delete;
    RowBatch &operator=(const RowBatch &) = delete;

    /// Queues one row (its values in column order; a null QVariant is NULL); `where` names
    /// the record in a message. Writes the chunk when it is full.
    void add(const QList<QVariant> &values, const QString &where);
    /// Writes what is queued. A failure throws RecordError naming the record at fault (the
    /// chunk is written again row by row, inside a savepoint, to find it).
    void flush();

    /// PostgreSQL, an upsert into a table that had no rows when the import began (an office's
    /// first history): each chunk is copied straight into the table, without the stage's
    /// INSERT … SELECT … ON CONFLICT (a third of the awards' server time). A chunk that meets a
    /// stored key (a key and its older alias, a key twice) is refused whole by the unique key,
    /// rolled back and written through the stage after all: the same rows either way.
    void setStraightCopies(bool straight) { m_straight = straight; }
    /// How many chunks went straight into the table (the others, if any, through the stage).
    int straightChunks() const { return m_straightChunks; }

    /// NULL for an empty text or a zero id, as Query::bindOptional binds them.
    static QVariant optional(const QString &text);
    static QVariant optional(qint64 idOrZero);

    /// PostgreSQL's chunk: a COPY costs a few round trips whatever its size, and the rows
    /// of one are at most a few MB.
    static constexpr int kCopyChunk = 2000;

private:
    QString sql(int rows) const;
    void write(int rows);
    bool writeFullChunkSqlite();
    bool copies() const;
    void createStage();
    bool staged() const;
    void copyThroughStage(int rows);

    Database &m_db;
    QString m_head, m_tail;
    int m_columns, m_chunk;
    QList<QVariant> m_values;
    QStringList m_where;
    std::unique_ptr<Query> m_full; // prepared once for a full chunk
    // SQLite: the full chunk's statement prepared on the connection's own handle. Qt 6.4's
    // bindValue(int) formats a placeholder name and looks it up in a hash for every value
    // (12 % of a province's import); sqlite3_bind_* takes the position as it is.
    sqlite3_stmt *m_fullSqlite = nullptr;
    // PostgreSQL, an upsert: the temporary table its rows are copied into (empty until the
    // first chunk, "-" when the server refused it), for one INSERT … SELECT … ON CONFLICT per chunk.
    QString m_stage;
    bool m_straight = false;
    int m_straightChunks = 0;
};

} // namespace VinhDanh::Core::Interchange::Detail
