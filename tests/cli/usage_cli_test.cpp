// Every command of vinhdanh-cli, run without its options, answers a usage mistake the same way
// (issue 13, item 8): exit code 2 and one line "vinhdanh-cli COMMAND: what to give", in English
// and in Vietnamese — never a failure (1), a crash or a half-done piece of work.
#include "cli/clirunner.h"

#include <catch2/catch.hpp>

#include <QRegularExpression>
#include <QTemporaryDir>

using VinhDanh::Test::cliIn;
using VinhDanh::Test::CliRun;

namespace {
/// The commands `--help` lists ("dossier new" is two words), read from the program itself so
/// a new command is covered the day it is added.
QStringList commands()
{
    const CliRun help = cliIn(QStringLiteral("en"), {QStringLiteral("--help")});
    REQUIRE(help.code == 0);
    QStringList out;
    const QRegularExpression line(QStringLiteral("^  ([a-z-]+(?: [a-z-]+)?)\\s{2,}\\S"));
    for (const QString &l : help.out.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = line.match(l);
        if (m.hasMatch())
            out << m.captured(1);
    }
    return out;
}
} // namespace

TEST_CASE("everyCommandWithoutItsRequiredOptions_exitsTwo_withOneLineNamingTheCommand", "[cli][usage]")
{
    const QStringList all = commands();
    REQUIRE(all.size() >= 40); // the whole table, not a parse that found nothing
    // The commands that need nothing: they list what the program knows.
    const QStringList needNothing{QStringLiteral("documents")};
    QTemporaryDir dir; // run where nothing can be written by mistake
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("vi")}) {
        for (const QString &command : all) {
            if (needNothing.contains(command))
                continue;
            const CliRun r = cliIn(lang, command.split(QLatin1Char(' ')), {{QStringLiteral("XDG_RUNTIME_DIR"), dir.path()}});
            INFO(lang.toStdString() << " " << command.toStdString() << ": " << r.err.toStdString());
            CHECK(r.code == 2);
            CHECK(r.err.startsWith(QStringLiteral("vinhdanh-cli %1: ").arg(command)));
            CHECK(r.err.trimmed().count(QLatin1Char('\n')) == 0);
            CHECK(r.out.isEmpty());
        }
    }
}

TEST_CASE("commandHelpInVietnamese_hasNoEnglishFromQtsParser", "[cli][usage]")
{
    // QCommandLineParser writes "Usage:", "Options:" and its own help option's text; Debian has
    // no Vietnamese qtbase catalogue, so our catalogue carries them (app/cli/qtstrings.cpp).
    const CliRun vi = cliIn(QStringLiteral("vi"), {QStringLiteral("demo"), QStringLiteral("--help")});
    REQUIRE(vi.code == 0);
    INFO(vi.out.toStdString());
    for (const QString &english :
         {QStringLiteral("Usage:"), QStringLiteral("Options:"), QStringLiteral("Displays help"), QStringLiteral("[options]")})
        CHECK_FALSE(vi.out.contains(english));
    CHECK(vi.out.contains(QStringLiteral("--help")));
    const CliRun en = cliIn(QStringLiteral("en"), {QStringLiteral("demo"), QStringLiteral("--help")});
    CHECK(en.out.contains(QStringLiteral("Options:")));
}
