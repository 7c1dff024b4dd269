#include "commands.h"

#include "core/catalogue/movementtext.h"
#include "core/db/database.h"
#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "core/repo/movementrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <functional>
#include <map>

namespace VinhDanh::Cli {

using namespace Core;

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

/// Thrown for a usage mistake (exit code 2); Core::Error is a failure (exit code 1).
struct UsageError
{
    QString message;
};

struct Command
{
    const char *summary;
    std::function<void(QCommandLineParser &)> options;
    std::function<void(QCommandLineParser &)> body;
};

QCommandLineOption databaseOption()
{
    return {QStringLiteral("database"), Tr::tr("The database: a SQLite file or a postgresql:// address."), Tr::tr("FILE")};
}

QString required(QCommandLineParser &p, const QString &name)
{
    const QString value = p.value(name);
    if (value.isEmpty())
        throw UsageError{Tr::tr("The option --%1 is required.").arg(name)};
    return value;
}

int positiveInt(QCommandLineParser &p, const QString &name, int fallback, bool isRequired)
{
    if (!p.isSet(name)) {
        if (isRequired)
            throw UsageError{Tr::tr("The option --%1 is required.").arg(name)};
        return fallback;
    }
    bool ok = false;
    const int value = p.value(name).toInt(&ok);
    if (!ok || value < 0)
        throw UsageError{Tr::tr("--%1 must be a whole number, not \"%2\".").arg(name, p.value(name))};
    return value;
}

QString countsLine(const InterchangeCounts &c)
{
    return Tr::tr("%1 blocs, %2 units, %3 people, %4 movements, %5 ratings, %6 awards, %7 initiatives, %8 disciplines")
        .arg(c.blocs)
        .arg(c.units)
        .arg(c.people)
        .arg(c.movements)
        .arg(c.ratings)
        .arg(c.awards)
        .arg(c.initiatives)
        .arg(c.disciplines);
}

const std::map<QString, Command> &commands()
{
    static const std::map<QString, Command> table = {
        {QStringLiteral("init"),
         {QT_TRANSLATE_NOOP("Cli", "Create a database with the movement catalogue."),
          [](QCommandLineParser &p) { p.addOption(databaseOption()); },
          [](QCommandLineParser &p) {
              const auto settings = ConnectionSettings::parse(required(p, QStringLiteral("database")));
              if (settings.backend == Backend::Sqlite && QFileInfo::exists(settings.path))
                  throw Error(Tr::tr("The file \"%1\" already exists; init does not overwrite a database.").arg(settings.path));
              Database db(settings);
              out() << Tr::tr("Created %1 (schema version %2).").arg(settings.displayName()).arg(db.schemaVersion()) << '\n';
          }}},
        {QStringLiteral("demo"),
         {QT_TRANSLATE_NOOP("Cli", "Fill a database with a deterministic synthetic province."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("units"), Tr::tr("Number of units."), Tr::tr("N")});
              p.addOption({QStringLiteral("people"), Tr::tr("Number of people."), Tr::tr("N")});
              p.addOption({QStringLiteral("seed"), Tr::tr("Random seed; the same seed gives the same data."), Tr::tr("S")});
          },
          [](QCommandLineParser &p) {
              DemoOptions options;
              const QString path = required(p, QStringLiteral("database"));
              options.units = positiveInt(p, QStringLiteral("units"), 0, true);
              options.people = positiveInt(p, QStringLiteral("people"), 0, true);
              options.seed = quint32(positiveInt(p, QStringLiteral("seed"), 1, false));
              Database db(ConnectionSettings::parse(path));
              const DemoResult r = Demo::generate(db, options, [](const QString &step) { err() << step << '\n'; err().flush(); });
              out() << Tr::tr("Demo province: %1 units, %2 people, %3 ratings, %4 awards, %5 initiatives, %6 disciplines.")
                           .arg(r.units)
                           .arg(r.people)
                           .arg(r.ratings)
                           .arg(r.awards)
                           .arg(r.initiatives)
                           .arg(r.disciplines)
                    << '\n';
          }}},
        {QStringLiteral("export"),
         {QT_TRANSLATE_NOOP("Cli", "Export the registry to an interchange JSON file."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("output"), Tr::tr("The JSON file to write."), Tr::tr("FILE")});
          },
          [](QCommandLineParser &p) {
              const QString output = required(p, QStringLiteral("output"));
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
              out() << Tr::tr("Exported %1.").arg(countsLine(Interchange::exportTo(db, output))) << '\n';
          }}},
        {QStringLiteral("import"),
         {QT_TRANSLATE_NOOP("Cli", "Import an interchange JSON file (all of it or nothing)."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("input"), Tr::tr("The JSON file to read."), Tr::tr("FILE")});
          },
          [](QCommandLineParser &p) {
              const QString input = required(p, QStringLiteral("input"));
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))));
              out() << Tr::tr("Imported %1.").arg(countsLine(Interchange::importFrom(db, input))) << '\n';
          }}},
        {QStringLiteral("movements"),
         {QT_TRANSLATE_NOOP("Cli", "List the movements (the catalogue and the office's own)."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("format"), Tr::tr("text (default) or json."), Tr::tr("FORMAT"), QStringLiteral("text")});
          },
          [](QCommandLineParser &p) {
              const QString format = p.value(QStringLiteral("format"));
              if (format != QLatin1String("text") && format != QLatin1String("json"))
                  throw UsageError{Tr::tr("--format must be text or json, not \"%1\".").arg(format)};
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
              MovementRepository repo(db);
              QList<Movement> movements;
              for (const MovementSummary &s : repo.list())
                  movements.append(*repo.get(s.id));
              if (format == QLatin1String("json"))
                  out() << QString::fromUtf8(MovementText::json(movements).toJson(QJsonDocument::Indented));
              else
                  out() << MovementText::summary(movements);
          }}},
    };
    return table;
}

QString usage()
{
    QString text = Tr::tr("Usage: vinhdanh-cli COMMAND [options]   (vinhdanh-cli COMMAND --help for its options)") + QLatin1Char('\n');
    text += Tr::tr("Commands:") + QLatin1Char('\n');
    for (const auto &[name, command] : commands())
        text += QStringLiteral("  %1  %2\n").arg(name, -10).arg(QCoreApplication::translate("Cli", command.summary));
    text += Tr::tr("Global option: --lang vi|en (or VINHDANH_LANG) chooses the language of messages.") + QLatin1Char('\n');
    return text;
}
} // namespace

int run(const QStringList &args)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        (args.isEmpty() ? err() : out()) << usage();
        return args.isEmpty() ? 2 : 0;
    }
    const auto it = commands().find(args.first());
    if (it == commands().end()) {
        err() << Tr::tr("vinhdanh-cli: unknown command \"%1\".").arg(args.first()) << '\n' << usage();
        return 2;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli", it->second.summary));
    parser.addHelpOption();
    it->second.options(parser);
    QStringList argv = args;
    argv[0] = QStringLiteral("vinhdanh-cli ") + args.first();
    if (!parser.parse(argv)) {
        err() << QStringLiteral("vinhdanh-cli %1: %2").arg(args.first(), parser.errorText()) << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << Tr::tr("vinhdanh-cli %1: unexpected argument \"%2\".").arg(args.first(), parser.positionalArguments().first())
              << '\n';
        return 2;
    }
    try {
        it->second.body(parser);
    } catch (const UsageError &e) {
        err() << QStringLiteral("vinhdanh-cli %1: %2").arg(args.first(), e.message) << '\n';
        return 2;
    } catch (const Error &e) {
        // One line, so scripts can log it: the message, then the technical detail if any.
        err() << QStringLiteral("vinhdanh-cli %1: %2").arg(args.first(), e.fullText().simplified()) << '\n';
        return 1;
    }
    return 0;
}

} // namespace VinhDanh::Cli
