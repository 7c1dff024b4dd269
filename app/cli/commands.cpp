#include "commands.h"

#include "clisupport.h"
#include "documentcommands.h"
#include "mergecommands.h"
#include "minutescommands.h"
#include "tablecommands.h"

#include "core/error.h"

#include <QCoreApplication>

namespace VinhDanh::Cli {

using namespace Core;

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

const CommandTable &commands()
{
    static const CommandTable table = [] {
        CommandTable t;
        addRegistryCommands(t);
        addAccountCommands(t);
        addEligibilityCommands(t);
        addMinutesCommands(t);
        addWorkflowCommands(t);
        addDocumentCommands(t);
        addBackupCommands(t);
        addTableCommands(t);
        addMergeCommands(t);
        return t;
    }();
    return table;
}

QString usage()
{
    QString text = Tr::tr("Usage: vinhdanh-cli COMMAND [options]   (vinhdanh-cli COMMAND --help for its options)") + QLatin1Char('\n');
    text += Tr::tr("Commands:") + QLatin1Char('\n');
    for (const auto &[name, command] : commands())
        text += QStringLiteral("  %1  %2\n").arg(name, -24).arg(QCoreApplication::translate("Cli", command.summary));
    text += Tr::tr("Global option: --lang vi|en (or VINHDANH_LANG) chooses the language of messages.") + QLatin1Char('\n');
    text += Tr::tr("Global option: --codes prints the stored codes (award forms, statuses, verdicts, …) instead of words "
                   "in text and CSV output, for scripts; --format json always carries them.")
            + QLatin1Char('\n');
    return text;
}
} // namespace

int run(const QStringList &args)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        (args.isEmpty() ? err() : out()) << usage();
        return args.isEmpty() ? 2 : 0;
    }
    // A command of two words ("dossier new") is looked up first, then the one-word command.
    QStringList rest = args;
    auto it = commands().end();
    if (args.size() > 1 && !args.at(1).startsWith(QLatin1Char('-')))
        it = commands().find(args.at(0) + QLatin1Char(' ') + args.at(1));
    if (it != commands().end()) {
        rest.removeFirst();
        rest[0] = it->first;
    } else {
        it = commands().find(args.first());
    }
    if (it == commands().end()) {
        QStringList actions;
        for (const auto &entry : commands())
            if (entry.first.startsWith(args.first() + QLatin1Char(' ')))
                actions << entry.first.section(QLatin1Char(' '), 1);
        if (!actions.isEmpty()) {
            err() << Tr::tr("vinhdanh-cli %1: give an action: %2.").arg(args.first(), actions.join(QStringLiteral(", "))) << '\n';
            return 2;
        }
        err() << Tr::tr("vinhdanh-cli: unknown command \"%1\".").arg(args.first()) << '\n' << usage();
        return 2;
    }
    const QString name = it->first;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli", it->second.summary));
    parser.addHelpOption();
    it->second.options(parser);
    // Every command may act as an account; a database with accounts requires one (login()).
    for (const QCommandLineOption &option : accountOptions())
        parser.addOption(option);
    QStringList argv = rest;
    argv[0] = QStringLiteral("vinhdanh-cli ") + name;
    if (!parser.parse(argv)) {
        err() << QStringLiteral("vinhdanh-cli %1: %2").arg(name, parser.errorText()) << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << Tr::tr("vinhdanh-cli %1: unexpected argument \"%2\".").arg(name, parser.positionalArguments().first()) << '\n';
        return 2;
    }
    try {
        it->second.body(parser);
    } catch (const UsageError &e) {
        err() << QStringLiteral("vinhdanh-cli %1: %2").arg(name, e.message) << '\n';
        return 2;
    } catch (const Error &e) {
        // One line, so scripts can log it: the message, then the technical detail if any.
        err() << QStringLiteral("vinhdanh-cli %1: %2").arg(name, e.fullText().simplified()) << '\n';
        return 1;
    }
    return 0;
}

} // namespace VinhDanh::Cli
