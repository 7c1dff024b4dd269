#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

struct sqlite3_stmt;

namespace VinhDanh::Core {

class Database;
class Query;

/// A read-only statement for bulk reads of a million rows (the candidates sweep). On SQLite it
/// steps the statement through SQLite's C API: Qt's driver makes a QVariant of every value of
/// every row, which cost four times SQLite's own scan on the province. Elsewhere (PostgreSQL)
/// it is a forward-only Query. No parameters: the callers write numbers and quoted codes in.
/// Throws Error on any failure, like Query.
class Rows
{
public:
    Rows(const Database &db, const QString &sql);
    ~Rows();
    Rows(const Rows &) = delete;
    Rows &operator=(const Rows &) = delete;

    bool next();
    bool isNull(int column) const;
    qint64 id(int column) const; // 0 for NULL
    int integer(int column) const;
    QString text(int column) const;
    /// The value's UTF-8 bytes, valid until the next call to next(): to look a code up without
    /// making a QString of it.
    QByteArrayView utf8(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    std::unique_ptr<Query> m_query;
    mutable QByteArray m_bytes; // utf8() on the Qt path
    QString m_sql;
};

/// One shared QString per distinct code read through Rows::utf8 (form, kind, category): a
/// province repeats a few dozen codes a million times. A short list, searched in order.
class CodeTexts
{
public:
    QString operator()(QByteArrayView utf8);

private:
    struct Entry
    {
        QByteArray bytes;
        QString text;
    };
    std::vector<Entry> m_entries;
};

} // namespace VinhDanh::Core
