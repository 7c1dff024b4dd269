#pragma once

#include "core/db/database.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace VinhDanh::Core {

struct Account
{
    qint64 id = 0;
    QString username;
    QString fullName;
    QString role;      // a Permissions::roles() code
    qint64 unitId = 0; // a clerk's unit
    bool disabled = false;
    int failedAttempts = 0;
    QDateTime lockedUntil; // UTC; invalid = not locked
    QDateTime createdAt;
    QDateTime lastLoginAt;
};

/// Accounts of one database. Passwords are hashed with argon2id (libsodium crypto_pwhash_str,
/// "interactive" limits) and never stored or logged in clear; the hash stays in core.
/// The first account created becomes the administrator, whatever role was asked, and from
/// then on the database requires login (CLI: --user; GUI: the login dialog).
class AccountRepository
{
public:
    /// Wrong passwords in a row that lock the account, and for how long.
    static constexpr int kMaxFailedAttempts = 5;
    static constexpr int kLockMinutes = 15;
    static constexpr int kMinPasswordLength = 8;

    explicit AccountRepository(Database &db) : m_db(db) {}

    QList<Account> list() const;
    std::optional<Account> find(const QString &username) const;

    /// Creates an account (administrators only, except the very first). Returns it as stored.
    Account create(const QString &username, const QString &fullName, const QString &role, qint64 unitId, const QString &password);
    /// Checks the password and, when right, logs the account in on this connection
    /// (Database::setSession). Wrong, unknown, disabled and locked accounts throw Error; the
    /// message never says whether the username exists, and an unknown name costs one argon2
    /// verification like a known one. Failures are counted by the database atomically, so
    /// attempts from parallel processes all count towards the lock.
    Session login(const QString &username, const QString &password);
    void logout();
    /// Administrators only: a new password (also unlocks the account).
    void resetPassword(const QString &username, const QString &newPassword);
    /// Administrators only. The last enabled administrator cannot be disabled.
    void setDisabled(const QString &username, bool disabled);

    /// Administrators only: a new role (and, for a clerk, the unit). The last enabled
    /// administrator keeps the administrator role. Takes effect at the account's next login.
    void setRole(const QString &username, const QString &role, qint64 unitId);

    /// argon2id, for tests and for whoever needs to check a hash.
    static QString hashPassword(const QString &password);
    static bool verifyPassword(const QString &hash, const QString &password);
    /// How many argon2 verifications this process has run: lets a test prove that an unknown
    /// username is checked as expensively as a wrong password.
    static quint64 passwordVerifications();

private:
    void checkPassword(const QString &password) const;
    Account require(const QString &username) const;
    Database &m_db;
};

} // namespace VinhDanh::Core
