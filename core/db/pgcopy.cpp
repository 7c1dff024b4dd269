#include "core/db/pgcopy.h"

#include "core/db/database.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QSqlDriver>
#include <QTime>

#include <libpq-fe.h>

namespace VinhDanh::Core::PgCopy {

namespace {
PGconn *connectionOf(const Database &db)
{
    if (db.backend() != Backend::Postgres || !db.sql().driver())
        return nullptr;
    const QVariant handle = db.sql().driver()->handle();
    // Qt's documentation says "PGconn*"; Qt 6.4 names the type by its struct, "pg_conn*".
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

[[noreturn]] void fail(PGconn *conn, const QString &what)
{
    throw DatabaseError(QCoreApplication::translate("Database", "The database could not carry out the operation."),
                        what + QStringLiteral(": ") + QString::fromUtf8(PQerrorMessage(conn)).trimmed());
}
} // namespace

bool available(const Database &db)
{
    PGconn *conn = connectionOf(db);
    return conn && PQstatus(conn) == CONNECTION_OK;
}

Head parseHead(const QString &insertHead)
{
    const qsizetype into = insertHead.indexOf(QLatin1String("INTO "));
    const qsizetype open = insertHead.indexOf(QLatin1Char('('), into);
    const qsizetype close = insertHead.lastIndexOf(QLatin1Char(')'));
    Q_ASSERT(into >= 0 && open > into && close > open);
    Head head;
    head.table = insertHead.mid(into + 5, open - into - 5).trimmed();
    for (const QString &c : insertHead.mid(open + 1, close - open - 1).split(QLatin1Char(',')))
        head.columns << c.trimmed();
    return head;
}

void rows(Database &db, const QString &insertHead, const QList<QVariant> &values)
{
    const Head head = parseHead(insertHead);
    rows(db, head.table, head.columns, values);
}

namespace {
/// NULL as Qt's SQL drivers read it: since Qt 6 QVariant::isNull() is false for a variant
/// holding a null QString, which the drivers (and RowBatch::optional) still bind as NULL.
bool isSqlNull(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString: return value.toString().isNull();
    case QMetaType::QByteArray: return value.toByteArray().isNull();
    case QMetaType::QDate: return value.toDate().isNull();
    case QMetaType::QDateTime: return value.toDateTime().isNull();
    case QMetaType::QTime: return value.toTime().isNull();
    default: return false;
    }
}
} // namespace

QByteArray field(const QVariant &value)
{
    if (isSqlNull(value))
        return QByteArrayLiteral("\\N");
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QByteArrayLiteral("t") : QByteArrayLiteral("f");
    const QByteArray text = value.toString().toUtf8();
    QByteArray out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out;
}

void rows(Database &db, const QString &table, const QStringList &columns, const QList<QVariant> &values)
{
    PGconn *conn = connectionOf(db);
    if (!conn)
        throw DatabaseError(QCoreApplication::translate("Database", "The database could not carry out the operation."),
                            QStringLiteral("COPY needs a PostgreSQL connection"));
    if (values.isEmpty())
        return;
    // A forward-only query that stopped reading early (QPSQL's single-row mode) leaves its
    // rows pending on the connection: discarded here, as QPSQL itself does before its next
    // statement, or PostgreSQL would take no other command.
    if (PQtransactionStatus(conn) == PQTRANS_ACTIVE)
        while (PGresult *pending = PQgetResult(conn))
            PQclear(pending);
    // Table and column names come from the calling code, never from input.
    const QByteArray sql = QStringLiteral("COPY %1 (%2) FROM STDIN").arg(table, columns.join(QStringLiteral(", "))).toUtf8();
    PGresult *start = PQexec(conn, sql.constData());
    const bool copying = PQresultStatus(start) == PGRES_COPY_IN;
    PQclear(start);
    if (!copying)
        fail(conn, QString::fromUtf8(sql));
    const qsizetype width = columns.size();
    QByteArray buffer;
    buffer.reserve(1 << 16);
    bool sent = true;
    for (qsizetype i = 0; i < values.size() && sent; ++i) {
        buffer += field(values.at(i));
        buffer += (i % width == width - 1) ? '\n' : '\t';
        if (buffer.size() >= (1 << 16)) {
            sent = PQputCopyData(conn, buffer.constData(), int(buffer.size())) == 1;
            buffer.clear();
        }
    }
    if (sent && !buffer.isEmpty())
        sent = PQputCopyData(conn, buffer.constData(), int(buffer.size())) == 1;
    // Ending with an error message aborts the COPY: nothing of it stays.
    const bool ended = PQputCopyEnd(conn, sent ? nullptr : "the rows could not be sent") == 1;
    QString error;
    while (PGresult *r = PQgetResult(conn)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && error.isEmpty()) {
            // The SQLSTATE in parentheses, as QPSQL words its errors: callers tell a key met
            // (23505) from other refusals by it (RowBatch's straight copies).
            error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
            if (const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE))
                error += QStringLiteral(" (%1)").arg(QString::fromLatin1(state));
        }
        PQclear(r);
    }
    if (!sent || !ended || !error.isEmpty())
        throw DatabaseError(
            QCoreApplication::translate("Database", "The database could not carry out the operation."),
            QStringLiteral("COPY %1: %2").arg(table, error.isEmpty() ? QString::fromUtf8(PQerrorMessage(conn)).trimmed() : error));
}

} // namespace VinhDanh::Core::PgCopy
