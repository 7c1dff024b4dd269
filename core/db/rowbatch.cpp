#include "core/db/rowbatch.h"

#include "core/db/pgcopy.h"

#include <QCoreApplication>
#include <QSqlDriver>

#include <sqlite3.h>

#include <atomic>

namespace VinhDanh::Core::Interchange::Detail {

namespace {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

/// Binds a value as Qt's QSQLITE driver does (so the rows stored are the same): NULL (also for
/// a null QString or date, as QSqlResultPrivate::isVariantNull has it), whole numbers,
/// doubles, text as UTF-16, anything else as its text. The text is not copied: the QVariant
/// stays in RowBatch::m_values until the statement has run.
int bindValue(sqlite3_stmt *statement, int position, const QVariant &value)
{
    if (value.isNull())
        return sqlite3_bind_null(statement, position);
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::UInt: return sqlite3_bind_int64(statement, position, value.toLongLong());
    case QMetaType::Int:
    case QMetaType::Bool: return sqlite3_bind_int(statement, position, value.toInt());
    case QMetaType::Double: return sqlite3_bind_double(statement, position, value.toDouble());
    case QMetaType::QString: {
        const auto *text = static_cast<const QString *>(value.constData());
        if (text->isNull())
            return sqlite3_bind_null(statement, position);
        return sqlite3_bind_text16(statement, position, text->utf16(), int(text->size() * sizeof(QChar)), SQLITE_STATIC);
    }
    default: {
        const QString text = value.toString();
        if (text.isNull())
            return sqlite3_bind_null(statement, position);
        return sqlite3_bind_text16(statement, position, text.utf16(), int(text.size() * sizeof(QChar)), SQLITE_TRANSIENT);
    }
    }
}

} // namespace

RowBatch::RowBatch(Database &db, QString head, int columns, QString tail, int chunk)
    : m_db(db), m_head(std::move(head)), m_tail(std::move(tail)), m_columns(columns), m_chunk(chunk)
{
    if (m_chunk <= 0)
        m_chunk = copies() ? kCopyChunk : 250;
}

bool RowBatch::copies() const
{
    return m_db.backend() == Backend::Postgres && PgCopy::available(m_db);
}

void RowBatch::createStage()
{
    // Only the columns written, typed as the table's, with none of its constraints, defaults
    // or triggers; an order column keeps the file's order (and so the ids' order). Created
    // outside the chunk's savepoint, which a refused chunk rolls back; dropped at the commit.
    static std::atomic<int> counter{0};
    const PgCopy::Head head = PgCopy::parseHead(m_head);
    const QString name = QStringLiteral("vd_stage_%1_%2").arg(head.table).arg(++counter);
    const QSqlDatabase sql = m_db.sql();
    // In a savepoint of its own: a server that refuses temporary tables (TEMPORARY revoked from
    // the role) leaves the transaction usable, and the rows go by multi-row statements instead.
    Query::run(sql, QStringLiteral("SAVEPOINT vd_stage"));
    try {
        Query::run(sql, QStringLiteral("CREATE TEMPORARY TABLE %1 ON COMMIT DROP AS SELECT %2 FROM %3 WITH NO DATA")
                            .arg(name, head.columns.join(QStringLiteral(", ")), head.table));
        Query::run(sql, QStringLiteral("ALTER TABLE %1 ADD COLUMN vd_order bigint GENERATED ALWAYS AS IDENTITY").arg(name));
        Query::run(sql, QStringLiteral("RELEASE SAVEPOINT vd_stage"));
        m_stage = name;
    } catch (const DatabaseError &e) {
        Query::run(sql, QStringLiteral("ROLLBACK TO SAVEPOINT vd_stage"));
        Query::run(sql, QStringLiteral("RELEASE SAVEPOINT vd_stage"));
        qCWarning(vinhdanhCore) << "no staging table, rows go by statements:" << e.detail();
        m_stage = QStringLiteral("-"); // tried: not again
    }
}

bool RowBatch::staged() const
{
    return !m_stage.isEmpty() && m_stage != QLatin1String("-");
}

void RowBatch::copyThroughStage(int rows)
{
    const PgCopy::Head head = PgCopy::parseHead(m_head);
    const QString columns = head.columns.join(QStringLiteral(", "));
    PgCopy::rows(m_db, m_stage, head.columns, m_values.mid(0, qsizetype(rows) * m_columns));
    const QSqlDatabase sql = m_db.sql();
    // A key twice in one chunk: its later row's values at its first row's place, the values
    // SQLite's multi-row upsert leaves (there the row is written twice, so its version moves
    // twice); PostgreSQL refuses an ON CONFLICT that would update one row twice in a statement.
    const qsizetype open = m_tail.indexOf(QLatin1String("ON CONFLICT ("));
    const qsizetype close = m_tail.indexOf(QLatin1Char(')'), open);
    Q_ASSERT(open >= 0 && close > open);
    const QString key = m_tail.mid(open + 13, close - open - 13);
    Query::run(sql, QStringLiteral("%1 SELECT %2 FROM (SELECT *, min(vd_order) OVER (PARTITION BY %4) AS vd_first, "
                                   "row_number() OVER (PARTITION BY %4 ORDER BY vd_order DESC) AS vd_last FROM %3) latest "
                                   "WHERE vd_last = 1 ORDER BY vd_first %5")
                        .arg(m_head, columns, m_stage, key, m_tail));
    Query::run(sql, QStringLiteral("TRUNCATE %1").arg(m_stage));
}

RowBatch::~RowBatch()
{
    sqlite3_finalize(m_fullSqlite); // before the connection closes (a harmless no-op on nullptr)
}

bool RowBatch::writeFullChunkSqlite()
{
    if (!m_fullSqlite) {
        sqlite3 *handle = sqliteHandle(m_db.sql());
        if (!handle)
            return false;
        const QByteArray text = sql(m_chunk).toUtf8();
        if (sqlite3_prepare_v3(handle, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &m_fullSqlite, nullptr)
            != SQLITE_OK) {
            sqlite3_finalize(m_fullSqlite);
            m_fullSqlite = nullptr;
            return false; // Query prepares it next and says what is wrong
        }
    }
    bool ok = true;
    for (int i = 0; ok && i < m_chunk * m_columns; ++i)
        ok = bindValue(m_fullSqlite, i + 1, m_values.at(i)) == SQLITE_OK;
    ok = ok && sqlite3_step(m_fullSqlite) == SQLITE_DONE;
    // At once: an unfinished statement would stand in the way of ROLLBACK TO. (Its return
    // repeats the step's error, which sqlite3_errmsg() still gives.)
    sqlite3_reset(m_fullSqlite);
    sqlite3_clear_bindings(m_fullSqlite); // no pointer into m_values kept past this chunk
    return ok;
}

QVariant RowBatch::optional(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QVariant RowBatch::optional(qint64 idOrZero)
{
    return idOrZero > 0 ? QVariant(idOrZero) : QVariant(QMetaType(QMetaType::LongLong));
}

QString RowBatch::sql(int rows) const
{
    // Positional placeholders: Qt 6.4 finds a named one by a linear search (Query::bindAt).
    QString one = QStringLiteral("(?");
    for (int c = 1; c < m_columns; ++c)
        one += QStringLiteral(", ?");
    one += QLatin1Char(')');
    QStringList all(rows, one);
    return m_head + QStringLiteral(" VALUES ") + all.join(QStringLiteral(", ")) + QLatin1Char(' ') + m_tail;
}

void RowBatch::add(const QList<QVariant> &values, const QString &where)
{
    Q_ASSERT(values.size() == m_columns);
    m_values += values;
    m_where << where;
    if (m_where.size() >= m_chunk)
        write(m_chunk);
}

void RowBatch::flush()
{
    if (!m_where.isEmpty())
        write(int(m_where.size()));
}

void RowBatch::write(int rows)
{
    const QSqlDatabase sql = m_db.sql();
    const bool upsert = !m_tail.trimmed().isEmpty();
    if (upsert && m_stage.isEmpty() && copies())
        createStage();
    const bool copy = copies() && (!upsert || staged());
    // A savepoint per chunk (one more round trip per chunk): after a failure PostgreSQL
    // accepts statements again once rolled back to it, so the rows can be tried one by one.
    Query::run(sql, QStringLiteral("SAVEPOINT vd_rowbatch"));
    // Outside the try: a statement freed while unwinding would run before the ROLLBACK TO
    // below, and PostgreSQL refuses it in the failed transaction ("Unable to free statement").
    std::unique_ptr<Query> partial;
    try {
        // PostgreSQL: one COPY, no statement whose every value the server parses as SQL
        // (core/db/pgcopy.h); an upsert copies into the stage, then one INSERT … SELECT …
        // ON CONFLICT (COPY has no ON CONFLICT). A refused row goes the way below.
        if (copy) {
            if (upsert && m_straight) {
                try {
                    PgCopy::rows(m_db, m_head, m_values.mid(0, qsizetype(rows) * m_columns));
                    ++m_straightChunks;
                } catch (const DatabaseError &e) {
                    // A stored key met (a unique violation, 23505): the chunk again through the
                    // stage, which updates what is stored. Any other refusal goes straight to
                    // the row-by-row search below, which names the row.
                    if (!e.detail().contains(QLatin1String("(23505)")))
                        throw;
                    Query::run(sql, QStringLiteral("ROLLBACK TO SAVEPOINT vd_rowbatch"));
                    copyThroughStage(rows);
                }
            } else if (upsert) {
                copyThroughStage(rows);
            } else {
                PgCopy::rows(m_db, m_head, m_values.mid(0, qsizetype(rows) * m_columns));
            }
            Query::run(sql, QStringLiteral("RELEASE SAVEPOINT vd_rowbatch"));
            m_values.clear();
            m_where.clear();
            return;
        }
        if (rows == m_chunk && m_db.backend() == Backend::Sqlite) {
            // A failure (a constraint, a guard) goes the way below, row by row through Query,
            // for the same message as every other path.
            if (writeFullChunkSqlite()) {
                Query::run(sql, QStringLiteral("RELEASE SAVEPOINT vd_rowbatch"));
                m_values.clear();
                m_where.clear();
                return;
            }
            if (m_fullSqlite) // it ran and failed (else it could not be prepared: Query's way below)
                throw DatabaseError(QCoreApplication::translate("Database", "The database could not carry out the operation."),
                                    QString::fromUtf8(sqlite3_errmsg(sqliteHandle(sql))));
        }
        Query *q = nullptr;
        if (rows == m_chunk) {
            if (!m_full)
                m_full = std::make_unique<Query>(sql, this->sql(m_chunk));
            q = m_full.get();
        } else {
            partial = std::make_unique<Query>(sql, this->sql(rows));
            q = partial.get();
        }
        for (int i = 0; i < rows * m_columns; ++i)
            q->bindAt(i, m_values.at(i));
        q->exec();
        Query::run(sql, QStringLiteral("RELEASE SAVEPOINT vd_rowbatch"));
    } catch (const Error &) {
        Query::run(sql, QStringLiteral("ROLLBACK TO SAVEPOINT vd_rowbatch"));
        Query one(sql, this->sql(1));
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < m_columns; ++c)
                one.bindAt(c, m_values.at(r * m_columns + c));
            try {
                one.exec();
            } catch (const Error &e) {
                Query::run(sql, QStringLiteral("ROLLBACK TO SAVEPOINT vd_rowbatch"));
                throw RecordError(QStringLiteral("%1: %2").arg(m_where.at(r), e.message()), e.detail());
            }
        }
        throw; // every row went in alone: give the chunk's own error
    }
    m_values.clear();
    m_where.clear();
}

} // namespace VinhDanh::Core::Interchange::Detail
