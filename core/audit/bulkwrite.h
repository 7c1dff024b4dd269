#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace VinhDanh::Core {

class Database;
class Transaction;

/// Bulk-write mode for one transaction (issue 15 item 6). A province's import would otherwise
/// write one audit row with the whole new record per inserted row (780 MB of a 1.1 GB file).
/// While a BulkWrite lives, INSERTs into audited tables write no audit row of their own (the
/// database counts them per table); UPDATEs and DELETEs keep their before/after rows. finish()
/// then records the batch as one row of import_batches — who, when, the file's name and
/// SHA-256, the rows read and the counts per table — whose own audited INSERT puts it in the
/// hash chain (core/audit/auditchain.h), so a changed or removed batch entry breaks the chain.
///
/// The mode cannot be left on by accident: it needs an open Transaction; the destructor
/// switches it off; and the end of the transaction switches it off whatever happens (SQLite:
/// commit and rollback hooks on the connection, core/db/sqlfunctions.cpp; PostgreSQL: the
/// setting vinhdanh.bulk is set with is_local, which the transaction's end reverts).
///
///     Transaction tx(db.sql());
///     BulkWrite bulk(db, tx, {QStringLiteral("people-table"), fileName, sha256, rows});
///     … inserts and updates …
///     bulk.finish();
///     tx.commit();
///
/// Trust, honestly: on SQLite only this program's connections have vd_bulk(), so only it can
/// switch the mode on. On PostgreSQL any client of the database can set vinhdanh.bulk on its
/// own connection and insert unaudited rows (as it could already set vinhdanh.actor); the
/// audit log then shows rows no batch accounts for.
class BulkWrite
{
public:
    struct Source
    {
        QString kind;     // people-table | units-table | interchange | demo
        QString fileName; // the file's name without its folder (may be empty)
        QString sha256;   // lower-case hex of the file's bytes (may be empty)
        qint64 rows = 0;  // the rows or records the file held
    };
    /// Per table: rows added (without audit rows of their own), changed and deleted.
    struct Count
    {
        qint64 added = 0;
        qint64 changed = 0;
        qint64 deleted = 0;
    };

    /// Switches the mode on for `tx`'s transaction. Error when it is on already.
    BulkWrite(Database &db, const Transaction &tx, Source source);
    ~BulkWrite();
    BulkWrite(const BulkWrite &) = delete;
    BulkWrite &operator=(const BulkWrite &) = delete;

    /// The rows or records the file held, when known only after reading it all.
    void setRows(qint64 rows) { m_source.rows = rows; }

    /// Switches the mode off and writes the batch's entry (nothing when nothing was written).
    /// Call it before the transaction's commit(). Returns the counts it recorded.
    QMap<QString, Count> finish();

    /// Whether the mode is on for this connection now.
    static bool active(const Database &db);

    /// Lower-case hex SHA-256 (libsodium) of bytes, or of a file read in pieces; Error when
    /// the file cannot be read.
    static QString sha256(const QByteArray &bytes);
    static QString fileSha256(const QString &path);
    /// A source for a file: its name and SHA-256 — `sha256` when the caller took it as it read
    /// the file (the bytes imported, even if the file changed since), else read now (no hash
    /// when it cannot be read now; no name either for an empty path).
    static Source fileSource(const QString &kind, const QString &path, qint64 rows, const QString &sha256 = {});

private:
    void switchOff() noexcept;
    Database &m_db;
    Source m_source;
    qint64 m_auditBefore = 0; // SQLite: the newest audit row when the mode went on
    bool m_on = false;
};

} // namespace VinhDanh::Core
