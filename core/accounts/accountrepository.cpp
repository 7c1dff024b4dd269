#include "core/accounts/accountrepository.h"

#include "core/accounts/permissions.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/text/vntext.h"

#include <QCoreApplication>

#include <sodium.h>

#include <atomic>

namespace VinhDanh::Core {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AccountRepository)
};

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

void initSodium()
{
    static const int rc = sodium_init();
    if (rc < 0)
        throw Error(Tr::tr("The password library could not start."));
}

const QString kSelect = QStringLiteral("SELECT id, username, full_name, role, unit_id, disabled, failed_attempts, "
                                       "locked_until, created_at, last_login_at FROM accounts ");

Account readAccount(const Query &q)
{
    Account a;
    a.id = q.id(0);
    a.username = q.text(1);
    a.fullName = q.text(2);
    a.role = q.text(3);
    a.unitId = q.id(4);
    a.disabled = q.integer(5) != 0;
    a.failedAttempts = q.integer(6);
    a.lockedUntil = timeFrom(q.value(7));
    a.createdAt = timeFrom(q.value(8));
    a.lastLoginAt = timeFrom(q.value(9));
    return a;
}

Error badLogin()
{
    return Error(Tr::tr("The username or password is not correct."));
}

std::atomic<quint64> g_verifications{0};

/// An argon2id hash of a random password, made once per process with the same limits as real
/// ones, for unknown names to be checked against.
const QString &dummyHash()
{
    static const QString hash = [] {
        initSodium();
        unsigned char random[16];
        randombytes_buf(random, sizeof random);
        return AccountRepository::hashPassword(
            QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex()));
    }();
    return hash;
}
} // namespace

quint64 AccountRepository::passwordVerifications()
{
    return g_verifications.load();
}

QString AccountRepository::hashPassword(const QString &password)
{
    initSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        throw Error(Tr::tr("Not enough memory to protect the password."));
    return QString::fromLatin1(out);
}

bool AccountRepository::verifyPassword(const QString &hash, const QString &password)
{
    initSodium();
    const QByteArray h = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    ++g_verifications;
    return crypto_pwhash_str_verify(h.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

QList<Account> AccountRepository::list() const
{
    Query q(m_db.sql(), kSelect + QStringLiteral("ORDER BY username"));
    q.exec();
    QList<Account> out;
    while (q.next())
        out.append(readAccount(q));
    return out;
}

std::optional<Account> AccountRepository::find(const QString &username) const
{
    Query q(m_db.sql(), kSelect + QStringLiteral("WHERE username = :u"));
    q.bind(QStringLiteral(":u"), username.trimmed()).exec();
    if (!q.next())
        return std::nullopt;
    return readAccount(q);
}

Account AccountRepository::require(const QString &username) const
{
    const std::optional<Account> a = find(username);
    if (!a)
        throw Error(Tr::tr("There is no account called %1.").arg(username));
    return *a;
}

void AccountRepository::checkPassword(const QString &password) const
{
    if (password.size() < kMinPasswordLength)
        throw Error(Tr::tr("The password must have at least %1 characters.").arg(kMinPasswordLength));
}

Account AccountRepository::create(const QString &username, const QString &fullName, const QString &role, qint64 unitId,
                                  const QString &password)
{
    const QString name = username.trimmed();
    if (name.isEmpty() || name.contains(QLatin1Char(' ')))
        throw Error(Tr::tr("A username is required and has no spaces."));
    checkPassword(password);
    Transaction tx(m_db.sql());
    const bool first = !Permissions::accountsEnabled(m_db);
    if (!first)
        Permissions::require(m_db, Permissions::Action::ManageAccounts);
    // The first account of a database is its administrator: someone must be able to manage the rest.
    const QString effectiveRole = first ? QStringLiteral("admin") : role;
    if (!Permissions::isRole(effectiveRole))
        throw Error(Tr::tr("\"%1\" is not a role; use one of %2.").arg(role, Permissions::roles().join(QStringLiteral(", "))));
    if (effectiveRole == QLatin1String("clerk") && unitId <= 0)
        throw Error(Tr::tr("A clerk account needs the unit whose records it keeps."));
    if (find(name))
        throw Error(Tr::tr("An account called %1 already exists.").arg(name));
    const QString now = nowText();
    Query(m_db.sql(), QStringLiteral("INSERT INTO accounts (username, full_name, role, unit_id, password_hash, created_at, "
                                     "updated_at) VALUES (:u, COALESCE(:n, ''), :r, :unit, :h, :now, :now)"))
        .bind(QStringLiteral(":u"), name)
        .bind(QStringLiteral(":n"), Text::clean(fullName))
        .bind(QStringLiteral(":r"), effectiveRole)
        .bindOptional(QStringLiteral(":unit"), effectiveRole == QLatin1String("clerk") ? unitId : 0)
        .bind(QStringLiteral(":h"), hashPassword(password))
        .bind(QStringLiteral(":now"), now)
        .exec();
    tx.commit();
    return require(name);
}

Session AccountRepository::login(const QString &username, const QString &password)
{
    Query hashQuery(m_db.sql(), QStringLiteral("SELECT password_hash FROM accounts WHERE username = :u"));
    hashQuery.bind(QStringLiteral(":u"), username.trimmed()).exec();
    const QString hash = hashQuery.next() ? hashQuery.text(0) : QString();
    hashQuery.raw().finish();
    const std::optional<Account> account = hash.isEmpty() ? std::nullopt : find(username);
    // Always one argon2 verify, against a dummy hash for an unknown name: an unknown name then
    // costs exactly what a wrong password costs, so timing does not tell which accounts exist.
    // (Hashing a fresh dummy here would cost twice as much and give the difference away.)
    const bool right = verifyPassword(account ? hash : dummyHash(), password);
    if (!account)
        throw badLogin();
    if (account->disabled)
        throw right ? Error(Tr::tr("The account %1 is disabled; ask an administrator.").arg(account->username)) : badLogin();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString nowIso = now.toString(Qt::ISODateWithMs);
    const auto lockedError = [&](const QDateTime &until) {
        return Error(Tr::tr("Too many wrong passwords: the account %1 is locked until %2. An administrator can unlock it "
                            "by resetting the password.")
                         .arg(account->username, until.toLocalTime().toString(QStringLiteral("HH:mm dd/MM/yyyy"))));
    };
    if (account->lockedUntil.isValid() && account->lockedUntil > now)
        throw lockedError(account->lockedUntil);
    if (m_db.readOnly()) {
        // A file that failed its check on opening can be read, verified and restored, but not
        // written: log in without recording the attempt (nothing could be saved anyway).
        if (!right)
            throw badLogin();
        Session session{account->id, account->username, account->role, account->unitId};
        m_db.setSession(session);
        return session;
    }
    if (!right) {
        // Counted by the database, in one statement: parallel wrong passwords (other processes,
        // other connections) each add one, where a read-modify-write here would lose all but one.
        // The attempt that reaches the limit sets the lock and starts the count again.
        Transaction tx(m_db.sql());
        Query q(m_db.sql(), QStringLiteral("UPDATE accounts SET "
                                           "failed_attempts = CASE WHEN failed_attempts + 1 >= :max THEN 0 "
                                           "ELSE failed_attempts + 1 END, "
                                           "locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until "
                                           "ELSE locked_until END, "
                                           "version = version + 1 WHERE id = :id RETURNING failed_attempts"));
        q.bind(QStringLiteral(":max"), kMaxFailedAttempts)
            .bind(QStringLiteral(":until"), now.addSecs(kLockMinutes * 60).toString(Qt::ISODateWithMs))
            .bind(QStringLiteral(":id"), account->id)
            .exec();
        const bool lockedNow = q.next() && q.integer(0) == 0;
        q.raw().finish();
        tx.commit();
        if (lockedNow)
            throw Error(Tr::tr("Too many wrong passwords: the account %1 is now locked for %2 minutes.")
                            .arg(account->username)
                            .arg(kLockMinutes));
        throw badLogin();
    }
    // The right password: succeed only if no parallel attempt locked or disabled the account
    // since it was read (checked by the same statement that records the login).
    Session session{account->id, account->username, account->role, account->unitId};
    m_db.setSession(session); // the login itself is recorded under the account that logged in
    Transaction tx(m_db.sql());
    const int updated = Query(m_db.sql(), QStringLiteral("UPDATE accounts SET failed_attempts = 0, locked_until = NULL, "
                                                         "last_login_at = :now, version = version + 1 WHERE id = :id "
                                                         "AND disabled = 0 AND (locked_until IS NULL OR locked_until <= :now)"))
                            .bind(QStringLiteral(":now"), nowIso)
                            .bind(QStringLiteral(":id"), account->id)
                            .exec()
                            .numRowsAffected();
    if (updated != 1) {
        m_db.setSession({});
        const std::optional<Account> current = find(username);
        if (current && current->lockedUntil.isValid())
            throw lockedError(current->lockedUntil);
        throw badLogin();
    }
    tx.commit();
    return session;
}

void AccountRepository::logout()
{
    m_db.setSession({});
}

void AccountRepository::resetPassword(const QString &username, const QString &newPassword)
{
    Permissions::require(m_db, Permissions::Action::ManageAccounts);
    checkPassword(newPassword);
    const Account a = require(username);
    Query(m_db.sql(), QStringLiteral("UPDATE accounts SET password_hash = :h, failed_attempts = 0, locked_until = NULL, "
                                     "updated_at = :now, version = version + 1 WHERE id = :id"))
        .bind(QStringLiteral(":h"), hashPassword(newPassword))
        .bind(QStringLiteral(":now"), nowText())
        .bind(QStringLiteral(":id"), a.id)
        .exec();
}

void AccountRepository::setDisabled(const QString &username, bool disabled)
{
    Permissions::require(m_db, Permissions::Action::ManageAccounts);
    Transaction tx(m_db.sql());
    const Account a = require(username);
    if (disabled && a.role == QLatin1String("admin")) {
        const int admins =
            Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM accounts WHERE role = 'admin' AND disabled = 0")).scalar(0).toInt();
        if (admins <= 1)
            throw Error(Tr::tr("%1 is the last administrator and cannot be disabled.").arg(a.username));
    }
    Query(m_db.sql(), QStringLiteral("UPDATE accounts SET disabled = :d, updated_at = :now, version = version + 1 WHERE id = :id"))
        .bind(QStringLiteral(":d"), disabled ? 1 : 0)
        .bind(QStringLiteral(":now"), nowText())
        .bind(QStringLiteral(":id"), a.id)
        .exec();
    tx.commit();
}

void AccountRepository::setRole(const QString &username, const QString &role, qint64 unitId)
{
    Permissions::require(m_db, Permissions::Action::ManageAccounts);
    if (!Permissions::isRole(role))
        throw Error(Tr::tr("\"%1\" is not a role; use one of %2.").arg(role, Permissions::roles().join(QStringLiteral(", "))));
    if (role == QLatin1String("clerk") && unitId <= 0)
        throw Error(Tr::tr("A clerk account needs the unit whose records it keeps."));
    Transaction tx(m_db.sql());
    const Account a = require(username);
    if (a.role == QLatin1String("admin") && role != QLatin1String("admin") && !a.disabled) {
        const int admins =
            Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM accounts WHERE role = 'admin' AND disabled = 0")).scalar(0).toInt();
        if (admins <= 1)
            throw Error(Tr::tr("%1 is the last administrator and must keep that role.").arg(a.username));
    }
    if (role == QLatin1String("clerk")
        && Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM units WHERE id = :id"))
                   .bind(QStringLiteral(":id"), unitId)
                   .scalar(0)
                   .toInt()
               == 0)
        throw Error(Tr::tr("The chosen unit does not exist."));
    Query(m_db.sql(), QStringLiteral("UPDATE accounts SET role = :r, unit_id = :unit, updated_at = :now, version = version + 1 "
                                     "WHERE id = :id"))
        .bind(QStringLiteral(":r"), role)
        .bindOptional(QStringLiteral(":unit"), role == QLatin1String("clerk") ? unitId : 0)
        .bind(QStringLiteral(":now"), nowText())
        .bind(QStringLiteral(":id"), a.id)
        .exec();
    tx.commit();
}

} // namespace VinhDanh::Core
