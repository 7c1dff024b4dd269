#pragma once

#include "core/db/chainhash.h"

#include <QString>
#include <QVariant>

#include <functional>

namespace VinhDanh::Core {

class Database;

/// The audit log as a hash chain (issue 12 item 4). Each audit_log row carries
///   row_hash = lower-case hex SHA-256 of  F(previous row's row_hash) F(at) F(actor) F(action)
///              F(table_name) F(record_id) F(record_key) F(old_values) F(new_values)
/// where F(NULL) = "-" and F(text) = <UTF-8 byte length in decimal> ":" <the UTF-8 bytes>
/// (record_id as its decimal text). The length prefix makes the encoding unambiguous: no two
/// different rows give the same input. "Previous" is the row with the next lower id; the
/// first row's previous hash is NULL.
///
/// The same encoding is computed in three places that must agree: SQLite's vd_audit_hash()
/// (core/db/sqlfunctions.cpp, called by the audit triggers), PostgreSQL's vd_audit_hash()
/// (core/audit/auditschema.cpp, called by vd_audit()), and this file (the verifier and the
/// migration that fills hashes for rows written before schema version 6).
///
/// What it proves, honestly: a changed, inserted or deleted row anywhere before the newest
/// row breaks the chain at the first row after the change. Deleting the newest rows leaves
/// a shorter chain that is still intact, and anyone who recomputes every later hash (the
/// hash has no secret) makes a forged chain verify; both are found only by comparing the
/// head (last id and hash, shown by verify) with one recorded earlier, e.g. in a backup.
namespace AuditChain {

/// The low-level form shared with SQLite's vd_audit_hash() (core/db/chainhash.h).
using ChainHash::Field;
using ChainHash::hashFields;

/// The hash of one row given the previous row's hash (null QString for the first row).
/// Null QVariants/QStrings are SQL NULL.
QString rowHash(const QString &previousHash, const QString &at, const QVariant &actor, const QString &action, const QString &tableName,
                const QVariant &recordId, const QVariant &recordKey, const QVariant &oldValues, const QVariant &newValues);

struct Verification
{
    bool intact = true;
    qint64 rows = 0;   // rows checked (all of them when intact)
    qint64 lastId = 0; // the head: the newest row's id and hash (intact chains)
    QString lastHash;
    // The first broken link (when !intact).
    qint64 brokenId = 0;
    qint64 previousId = 0; // the row before it (0 when it is the first row)
    QString brokenAt;      // its time, table, action and record, to name it
    QString brokenTable;
    QString brokenAction;
    QString brokenRecord;
    bool missingHash = false; // written without a hash (the triggers were bypassed)

    /// One translated sentence: "intact, N rows …" or the first broken link.
    QString summary() const;
};

/// Walks audit_log in id order in batches (memory stays flat for millions of rows) and
/// stops at the first row whose stored hash differs from the recomputed one. `progress`
/// gets the number of rows checked so far after each batch; returning false stops early
/// (the result then says intact for the rows seen so far).
Verification verify(const Database &db, const std::function<bool(qint64)> &progress = {});

/// Computes row_hash for every row in id order (migration step 6; the caller lifts the
/// audit_log update guard around it).
void fill(Database &db);

} // namespace AuditChain
} // namespace VinhDanh::Core
