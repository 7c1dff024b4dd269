#include "core/db/rows.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace VinhDanh::Core {

namespace {
[[noreturn]] void fail(sqlite3_stmt *stmt, sqlite3 *raw, const QString &sql)
{
    const QString detail = QString::fromUtf8(sqlite3_errmsg(raw)) + QStringLiteral(" — ") + sql.simplified().left(200);
    sqlite3_finalize(stmt);
    throw DatabaseError(QCoreApplication::translate("Database", "Could not read from the database."), detail);
}

sqlite3 *sqliteHandle(const Database &db)
{
    if (db.backend() != Backend::Sqlite)
        return nullptr;
    const QVariant handle = db.sql().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr; // Qt's path still works
    return *static_cast<sqlite3 *const *>(handle.constData());
}
} // namespace

Rows::Rows(const Database &db, const QString &sql) : m_sql(sql)
{
    if (sqlite3 *raw = sqliteHandle(db)) {
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v2(raw, text.constData(), int(text.size()), &m_stmt, nullptr) != SQLITE_OK)
            fail(m_stmt, raw, sql);
        return;
    }
    // The same message as SQLite's path, with the server's reason as the detail.
    try {
        m_query = std::make_unique<Query>(db.sql(), sql);
        m_query->exec();
    } catch (const Error &e) {
        throw DatabaseError(QCoreApplication::translate("Database", "Could not read from the database."),
                            e.detail().isEmpty() ? e.message() : e.detail());
    }
}

Rows::~Rows()
{
    sqlite3_finalize(m_stmt); // a no-op on nullptr
}

bool Rows::next()
{
    if (!m_stmt)
        return m_query->next();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_stmt *stmt = m_stmt;
    m_stmt = nullptr;
    fail(stmt, sqlite3_db_handle(stmt), m_sql);
}

bool Rows::isNull(int column) const
{
    return m_stmt ? sqlite3_column_type(m_stmt, column) == SQLITE_NULL : m_query->value(column).isNull();
}

qint64 Rows::id(int column) const
{
    return m_stmt ? sqlite3_column_int64(m_stmt, column) : m_query->id(column);
}

int Rows::integer(int column) const
{
    return m_stmt ? sqlite3_column_int(m_stmt, column) : m_query->integer(column);
}

QString Rows::text(int column) const
{
    if (!m_stmt)
        return m_query->text(column);
    const QByteArrayView bytes = utf8(column);
    return QString::fromUtf8(bytes.data(), bytes.size());
}

QByteArrayView Rows::utf8(int column) const
{
    if (!m_stmt) {
        m_bytes = m_query->text(column).toUtf8();
        return m_bytes;
    }
    // _text before _bytes: SQLite's documented order for the UTF-8 length.
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

QString CodeTexts::operator()(QByteArrayView utf8)
{
    for (const Entry &e : m_entries)
        if (e.bytes == utf8)
            return e.text;
    m_entries.push_back({utf8.toByteArray(), QString::fromUtf8(utf8.data(), utf8.size())});
    return m_entries.back().text;
}

} // namespace VinhDanh::Core
