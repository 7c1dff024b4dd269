#pragma once

#include <QString>

#include <exception>

namespace VinhDanh::Core {

/// The one error type core throws. Its message is already translated for the user
/// (Vietnamese by default) and says what went wrong and, where it can, what to do.
/// The UI shows it in a message box; the CLI prints it on one line.
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

} // namespace VinhDanh::Core
