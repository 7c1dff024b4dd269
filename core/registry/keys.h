#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace VinhDanh::Core::Keys {

/// A new stable external key for a record made in the GUI: prefix + random UUID, e.g.
/// "unit-3f2a…". Keys never change once given, so other offices can refer to the record.
QString generate(const QString &prefix);

} // namespace VinhDanh::Core::Keys

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Keys {

/// Keys a clerk can read out and type, for units and people saved without one: a prefix and a
/// zero-padded number ("DV0007", "CN000123"), one more than the largest such key in the table.
/// The office may type its own key instead (mã đơn vị, số hiệu cán bộ); those are left alone.
/// The first next() reads the table; later ones count on in memory, so a batch of 50,000
/// people reads it once. The table's unique ext_key is the last guard against a race.
class ShortKeys
{
public:
    ShortKeys(const Database &db, const char *table, QString prefix, int digits);
    QString next();

private:
    const Database &m_db;
    const char *m_table;
    QString m_prefix;
    int m_digits;
    qint64 m_last = -1; // -1: not read yet
};

/// Dates are stored as ISO text (the same on SQLite and PostgreSQL); a null date is NULL.
QVariant dateValue(const QDate &date);
QDate dateFrom(const QVariant &value);

} // namespace VinhDanh::Core::Keys

namespace VinhDanh::Core {
class Database;
}

/// Small lookups every repository needs, written once. `table` and `column` are fixed
/// identifiers from the calling code, never user input.
namespace VinhDanh::Core::Lookup {

/// The row id of an external key in `table`, or 0 when there is none.
qint64 idForKey(const Database &db, const char *table, const QString &key);
/// One column of the row `id` of `table` (a null QVariant when the row is missing).
QVariant column(const Database &db, const char *table, const char *column, qint64 id);

/// A table that may refer to a row, and the sentence a clerk reads ("%n person(s) work in it").
struct Dependent
{
    const char *countSql; // SELECT count(*) … WHERE …_id = :id
    const char *text;     // QT_TRANSLATE_N_NOOP source in `context`
};
/// The sentences for every non-zero count: why the row cannot be deleted.
QStringList dependents(const Database &db, const char *context, const QList<Dependent> &checks, qint64 id);

} // namespace VinhDanh::Core::Lookup
