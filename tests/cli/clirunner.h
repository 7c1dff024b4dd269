#pragma once

// Runs the built vinhdanh-cli as a script would, for the CLI tests.
#include <catch2/catch.hpp>

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace VinhDanh::Test {

struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};

/// Runs vinhdanh-cli in a language ("vi" or "en"), with extra environment variables and
/// optional stdin. Password variables of the calling environment are dropped so each test says
/// what it means.
inline CliRun cliIn(const QString &language, const QStringList &args, const QMap<QString, QString> &env = {},
                    const QByteArray &input = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("VINHDANH_PASSWORD"));
    e.remove(QStringLiteral("VINHDANH_NEW_PASSWORD"));
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(VINHDANH_CLI), QStringList{QStringLiteral("--lang"), language} + args);
    p.write(input);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(120000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

/// Runs vinhdanh-cli with English messages (what most tests read).
inline CliRun cli(const QStringList &args, const QMap<QString, QString> &env = {}, const QByteArray &input = {})
{
    return cliIn(QStringLiteral("en"), args, env, input);
}

} // namespace VinhDanh::Test
