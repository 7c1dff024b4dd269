#include "core/registry/rowwriter.h"

namespace VinhDanh::Core {

RowWriter::RowWriter(QStringView declaration)
{
    // The table is the declaration's third word, the columns what its brackets hold.
    const qsizetype open = declaration.indexOf(QLatin1Char('('));
    const QStringView start = declaration.left(open).trimmed();
    m_table = start.mid(start.lastIndexOf(QLatin1Char(' ')) + 1).toString();
    const QStringView inside = declaration.mid(open + 1, declaration.lastIndexOf(QLatin1Char(')')) - open - 1);
    for (QStringView column : inside.split(QLatin1Char(',')))
        m_columns << column.trimmed().toString();
    Q_ASSERT(open > 0 && start.startsWith(QLatin1String("INSERT INTO ")) && !m_table.isEmpty());
}

void RowWriter::check(const QStringList &columns) const
{
#ifndef QT_NO_DEBUG
    for (const QString &c : columns)
        Q_ASSERT_X(m_columns.contains(c), "RowWriter", qPrintable(m_table + QLatin1Char('.') + c + QLatin1String(" is not declared")));
#else
    Q_UNUSED(columns)
#endif
}

QStringList RowWriter::without(const QStringList &excluded) const
{
    check(excluded);
    QStringList kept;
    for (const QString &c : m_columns)
        if (!excluded.contains(c))
            kept << c;
    return kept;
}

QString RowWriter::text(const QStringList &columns) const
{
    return QStringLiteral("INSERT INTO ") + m_table + QStringLiteral(" (")
           + (columns.isEmpty() ? m_columns : columns).join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString RowWriter::head(const QStringList &columns) const
{
    check(columns);
    return text(columns);
}

QString RowWriter::values(const QStringList &columns, QStringView placeholders, const QString &tail) const
{
    Q_ASSERT(placeholders.count(QLatin1Char(',')) + 1 == (columns.isEmpty() ? m_columns : columns).size());
    QString sql = head(columns) + QStringLiteral(" VALUES (");
    sql += placeholders;
    sql += QLatin1Char(')');
    if (!tail.isEmpty())
        sql += QLatin1Char(' ') + tail;
    return sql;
}

QString RowWriter::named(const QStringList &columns, const QString &tail) const
{
    QStringList placeholders;
    for (const QString &c : columns.isEmpty() ? m_columns : columns)
        placeholders << QLatin1Char(':') + c;
    return values(columns, placeholders.join(QStringLiteral(", ")), tail);
}

QString RowWriter::upsertTail(const QString &key, const QStringList &compared, const QStringList &derived) const
{
    check(compared + derived);
    QStringList sets, changed;
    for (const QString &c : compared + derived) {
        sets << QStringLiteral("%1 = excluded.%1").arg(c);
        if (!derived.contains(c))
            changed << QStringLiteral("%1.%2 IS DISTINCT FROM excluded.%2").arg(m_table, c);
    }
    return QStringLiteral("ON CONFLICT (%1) DO UPDATE SET version = %2.version + 1, %3 WHERE %4")
        .arg(key, m_table, sets.join(QStringLiteral(", ")), changed.join(QStringLiteral(" OR ")));
}

QStringList RowWriter::restorable() const
{
    // id and version are the database's on a new row; a row put back keeps the ones it had,
    // so its audit history and any form open on it still name it.
    return QStringList{QStringLiteral("id")} + m_columns + QStringList{QStringLiteral("version")};
}

QString RowWriter::restore(const QStringList &columns) const
{
    Q_ASSERT(!columns.isEmpty());
    QStringList placeholders;
    for (const QString &c : columns) {
        Q_ASSERT_X(c == QLatin1String("id") || c == QLatin1String("version") || m_columns.contains(c), "RowWriter",
                   qPrintable(m_table + QLatin1Char('.') + c + QLatin1String(" is not restorable")));
        placeholders << QLatin1Char(':') + c;
    }
    return text(columns) + QStringLiteral(" VALUES (") + placeholders.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace VinhDanh::Core
