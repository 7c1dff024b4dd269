#pragma once

#include <QString>

namespace VinhDanh::Core {

/// The byte encoding and SHA-256 of one audit_log row (core/audit/auditchain.h describes the
/// chain). It lives in db/, below audit/, because SQLite's vd_audit_hash() (db/sqlfunctions.cpp)
/// computes it on every connection, and db/ includes nothing else of core.
namespace ChainHash {

/// One field as UTF-8 bytes; data == nullptr is SQL NULL.
struct Field
{
    const char *data = nullptr;
    qsizetype size = 0;
};
/// `count` fields hashed in order (the previous hash first), lower-case hex.
QString hashFields(const Field *fields, int count);

} // namespace ChainHash
} // namespace VinhDanh::Core
