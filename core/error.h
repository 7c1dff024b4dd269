#pragma once

#include <QLoggingCategory>
#include <QString>
#include <QVariantMap>

#include <exception>

namespace VinhDanh::Core {

/// What core writes to the log (driver failures); the UI logs under "vinhdanh.ui".
Q_DECLARE_LOGGING_CATEGORY(vinhdanhCore)

/// The error core throws for a refusal the clerk can act on: bad input, a rule not met, a
/// record that must exist and does not. Its message is already translated for the user
/// (Vietnamese by default) and says what went wrong and, where it can, what to do.
/// The UI shows it (Ui::showError); the CLI prints it on one line.
/// "There is none" is not an error: a look-up that may find nothing returns std::optional.
class Error : public std::exception
{
public:
    explicit Error(QString message, QString detail = {})
        : m_message(std::move(message)), m_detail(std::move(detail)), m_utf8(fullText().toUtf8())
    {
    }
    const QString &message() const noexcept { return m_message; }
    /// Technical detail (a driver's error text), kept apart so messages stay readable.
    const QString &detail() const noexcept { return m_detail; }
    QString fullText() const
    {
        return m_detail.isEmpty() ? m_message : m_message + QStringLiteral(" (") + m_detail + QLatin1Char(')');
    }
    /// The message with its detail: what logs and test failures show.
    const char *what() const noexcept override { return m_utf8.constData(); }

private:
    QString m_message;
    QString m_detail;
    QByteArray m_utf8;
};

/// The database itself failed: a statement, a transaction, the connection (core/db throws it,
/// with the driver's text as detail). Also the constraint refusals the driver reports (a
/// duplicate key, a row still referenced, a protected row, a read-only file), whose message
/// is readable. Never caught below ui/ and app/ except to roll back and rethrow: a broad
/// `catch (const Error &)` that means "there is none" must not swallow it.
class DatabaseError : public Error
{
public:
    using Error::Error;
};

/// Throws `error` again with `message` (usually "Row 7: <its message>") in place of its
/// message, the detail kept. A DatabaseError stays a DatabaseError, so adding context to a
/// failure never turns it into a refusal that a caller might read as "there is none".
[[noreturn]] inline void rethrowWithMessage(const Error &error, QString message)
{
    if (dynamic_cast<const DatabaseError *>(&error))
        throw DatabaseError(std::move(message), error.detail());
    throw Error(std::move(message), error.detail());
}

/// A save that lost a race: someone else saved the same record after it was loaded (its
/// version moved on), so nothing was written. Carries the record as it is stored now, column
/// by column, so the UI can show what changed and let the clerk choose; saving again with
/// `storedVersion()` overwrites on purpose.
class ConflictError : public Error
{
public:
    ConflictError(QString message, QString table, qint64 id, QVariantMap stored)
        : Error(std::move(message), QStringLiteral("%1 #%2").arg(table).arg(id)), m_table(std::move(table)), m_id(id),
          m_stored(std::move(stored))
    {
    }
    const QString &table() const noexcept { return m_table; }
    qint64 id() const noexcept { return m_id; }
    /// Column name → stored value (dates as ISO text, references as ids).
    const QVariantMap &stored() const noexcept { return m_stored; }
    int storedVersion() const { return m_stored.value(QStringLiteral("version")).toInt(); }

private:
    QString m_table;
    qint64 m_id;
    QVariantMap m_stored;
};

/// The logged-in account's role may not do this (or not for this unit). The message names
/// what was refused and why.
class PermissionError : public Error
{
public:
    using Error::Error;
};

} // namespace VinhDanh::Core
