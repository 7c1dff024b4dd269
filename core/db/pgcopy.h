#pragma once
// Many rows into one PostgreSQL table through COPY … FROM STDIN (issue 15 item 6). Qt's QPSQL
// sends a prepared statement as text (EXECUTE name (literal, literal, …)): the server parses
// every value of every row as SQL, and a batch is a round trip. COPY streams the rows in
// PostgreSQL's text format on the same connection, inside the caller's transaction, with the
// same constraints and triggers.

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::PgCopy {

/// Whether `db` can take a COPY: PostgreSQL, the driver's connection reachable.
bool available(const Database &db);

/// Copies rows into `table` (`columns` in order; `values` row after row, a null QVariant is
/// NULL, a bool t/f, a number or text as it reads). Throws DatabaseError with the server's
/// words when the server refuses a row: PostgreSQL then refuses every statement until the
/// caller rolls back to a savepoint.
void rows(Database &db, const QString &table, const QStringList &columns, const QList<QVariant> &values);

/// The table and columns an INSERT's head names, "INSERT INTO t (a, b)".
struct Head
{
    QString table;
    QStringList columns;
};
Head parseHead(const QString &insertHead);

/// The same, the table and columns read from an INSERT's head, "INSERT INTO t (a, b)", as the
/// callers' multi-row statements name them.
void rows(Database &db, const QString &insertHead, const QList<QVariant> &values);

/// One value in COPY's text format (backslash, tab, line breaks escaped; \N for NULL).
QByteArray field(const QVariant &value);

} // namespace VinhDanh::Core::PgCopy
