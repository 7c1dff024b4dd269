#include "core/interchange/rowbatch.h"

namespace VinhDanh::Core::Interchange::Detail {

RowBatch::RowBatch(Database &db, QString head, int columns, QString tail, int chunk)
    : m_db(db), m_head(std::move(head)), m_tail(std::move(tail)), m_columns(columns), m_chunk(chunk)
{
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
    // A savepoint per chunk (one more round trip per 250 rows): after a failure PostgreSQL
    // accepts statements again once rolled back to it, so the rows can be tried one by one.
    Query::run(sql, QStringLiteral("SAVEPOINT vd_rowbatch"));
    // Outside the try: a statement freed while unwinding would run before the ROLLBACK TO
    // below, and PostgreSQL refuses it in the failed transaction ("Unable to free statement").
    std::unique_ptr<Query> partial;
    try {
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
