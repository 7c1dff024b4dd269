// vinhdanh-cli minutes add | minutes list | confirm --minutes: a unit's bình xét minutes and
// the one-step confirmation of the qualitative facts of every nominee they name (issue 13
// item 6), through Eligibility::MinutesRepository, the code the GUI's dialog calls.
#include "minutescommands.h"

#include "core/db/database.h"
#include "core/eligibility/minutesrepository.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace VinhDanh::Cli {

using namespace Core;
using namespace Core::Eligibility;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

void addNamedOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("person"), Tr::tr("A person the minutes name (repeat for each)."), Tr::tr("KEY")});
    p.addOption({QStringLiteral("named-unit"), Tr::tr("A unit the minutes name (repeat for each)."), Tr::tr("KEY")});
    p.addOption({QStringLiteral("from-file"),
                 Tr::tr("A CSV file whose first column holds the keys of the people and units named, one a line (a header "
                        "line is allowed)."),
                 Tr::tr("FILE")});
}

/// The people and units --person, --named-unit and --from-file name, in order. Error names the
/// unknown key (and the file's line).
QList<Subject> namedSubjects(QCommandLineParser &p, Database &db)
{
    PersonRepository people(db);
    UnitRepository units(db);
    QList<Subject> out;
    for (const QString &key : p.values(QStringLiteral("person"))) {
        const qint64 id = people.idForKey(key.trimmed());
        if (!id)
            throw Error(Tr::tr("There is no person with the key \"%1\".").arg(key));
        out << Subject::person(id);
    }
    for (const QString &key : p.values(QStringLiteral("named-unit"))) {
        const qint64 id = units.idForKey(key.trimmed());
        if (!id)
            throw Error(Tr::tr("There is no unit with the key \"%1\".").arg(key));
        out << Subject::unit(id);
    }
    const QString path = p.value(QStringLiteral("from-file"));
    if (path.isEmpty())
        return out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw Error(Tr::tr("Cannot read the file \"%1\".").arg(path), file.errorString());
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        // Only the first column is read: a key holds no comma, semicolon or tab.
        QString key = lines.at(i).section(QRegularExpression(QStringLiteral("[,;\\t]")), 0, 0).trimmed();
        if (key.startsWith(QLatin1Char('"')) && key.endsWith(QLatin1Char('"')) && key.size() >= 2)
            key = key.mid(1, key.size() - 2).trimmed();
        key.remove(QChar(0xFEFF)); // a byte-order mark from a spreadsheet
        if (key.isEmpty() || key.startsWith(QLatin1Char('#')))
            continue;
        key = Text::clean(key);
        if (const qint64 id = people.idForKey(key)) {
            out << Subject::person(id);
        } else if (const qint64 unit = units.idForKey(key)) {
            out << Subject::unit(unit);
        } else if (out.isEmpty() && i == 0 && !key.contains(QRegularExpression(QStringLiteral("\\d")))) {
            continue; // a header ("key", "Mã"): a first line with no digit that names nobody
        } else {
            throw Error(Tr::tr("%1, line %2: there is no person or unit with the key \"%3\".").arg(path).arg(i + 1).arg(key));
        }
    }
    return out;
}

QString subjectName(Database &db, const Subject &s)
{
    return s.isPerson() ? PersonRepository(db).name(s.personId) : UnitRepository(db).name(s.unitId);
}

void printConfirmed(const ReviewMinutes &m, const MinutesConfirmation &done)
{
    out() << Tr::tr("Confirmed from the minutes %1 (%2): %3 items for %4 nominees of %5; %6 were confirmed already.")
                 .arg(m.key, m.evidence())
                 .arg(done.confirmed)
                 .arg(done.subjects)
                 .arg(m.year)
                 .arg(done.kept)
          << '\n';
}
} // namespace

void addConfirmFromMinutesOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("minutes"),
                 Tr::tr("Confirm, from these bình xét minutes, the facts of the year (not under disciplinary review, "
                        "solidarity, active emulation, compliance) for every nominee they name, or for those listed."),
                 Tr::tr("KEY")});
    p.addOption(
        {QStringLiteral("from-file"), Tr::tr("With --minutes: a CSV file of the keys to confirm for, one a line."), Tr::tr("FILE")});
    p.addOption({QStringLiteral("named-unit"), Tr::tr("With --minutes: a unit to confirm for (repeat for each)."), Tr::tr("KEY")});
}

void confirmFromMinutes(QCommandLineParser &p)
{
    const QString key = required(p, QStringLiteral("minutes"));
    Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
    login(p, db);
    MinutesRepository repo(db);
    const std::optional<ReviewMinutes> m = repo.byKey(key);
    if (!m)
        throw Error(Tr::tr("There are no minutes with the key \"%1\" (vinhdanh-cli minutes list shows them).").arg(key));
    const QList<Subject> only = namedSubjects(p, db);
    printConfirmed(*m, repo.confirmFrom(m->id, only));
}

void addMinutesCommands(CommandTable &table)
{
    const CommandTable commands = {
        {QStringLiteral("minutes add"),
         {QT_TRANSLATE_NOOP("Cli", "Record a unit's bình xét minutes (the meeting, and the people and units it names)."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("unit"), Tr::tr("The unit that held the meeting."), Tr::tr("KEY")});
              p.addOption({QStringLiteral("year"), Tr::tr("The year the meeting reviewed."), Tr::tr("YYYY")});
              p.addOption({QStringLiteral("date"), Tr::tr("The meeting's date."), Tr::tr("DD/MM/YYYY")});
              p.addOption({QStringLiteral("number"), Tr::tr("The minutes' number."), Tr::tr("TEXT")});
              p.addOption({QStringLiteral("attendees"), Tr::tr("Who attended."), Tr::tr("TEXT")});
              p.addOption({QStringLiteral("note"), Tr::tr("A note."), Tr::tr("TEXT")});
              p.addOption({QStringLiteral("key"), Tr::tr("The key to give the minutes (made up when absent)."), Tr::tr("KEY")});
              p.addOption({QStringLiteral("confirm"), Tr::tr("Also confirm, in the same step, the facts of the year of everyone "
                                                             "the minutes name.")});
              addNamedOptions(p);
          },
          [](QCommandLineParser &p) {
              ReviewMinutes m;
              const QString unitKey = required(p, QStringLiteral("unit"));
              m.year = year(p);
              m.date = dateOption(p, QStringLiteral("date"), true);
              m.number = p.value(QStringLiteral("number"));
              m.attendees = p.value(QStringLiteral("attendees"));
              m.note = p.value(QStringLiteral("note"));
              m.key = p.value(QStringLiteral("key"));
              if (p.values(QStringLiteral("person")).isEmpty() && p.values(QStringLiteral("named-unit")).isEmpty()
                  && p.value(QStringLiteral("from-file")).isEmpty())
                  throw UsageError{Tr::tr("Name whom the minutes list: give --person KEY (or --named-unit KEY), repeated, "
                                          "or --from-file FILE.csv.")};
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
              login(p, db);
              m.unitId = UnitRepository(db).idForKey(unitKey);
              if (!m.unitId)
                  throw Error(Tr::tr("There is no unit with the key \"%1\".").arg(unitKey));
              m.subjects = namedSubjects(p, db);
              MinutesRepository repo(db);
              const ReviewMinutes saved = repo.add(m);
              out() << Tr::tr("Recorded the minutes %1 of %2 for %3: %4, naming %5.")
                           .arg(saved.key, saved.unitName)
                           .arg(saved.year)
                           .arg(saved.evidence())
                           .arg(saved.subjects.size())
                    << '\n';
              if (p.isSet(QStringLiteral("confirm")))
                  printConfirmed(saved, repo.confirmFrom(saved.id));
          }}},
        {QStringLiteral("minutes list"),
         {QT_TRANSLATE_NOOP("Cli", "List the bình xét minutes, with whom they name."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("year"), Tr::tr("Only this year."), Tr::tr("YYYY")});
              p.addOption({QStringLiteral("unit"), Tr::tr("Only this unit's."), Tr::tr("KEY")});
              p.addOption({QStringLiteral("format"), Tr::tr("text (default) or json."), Tr::tr("FORMAT"), QStringLiteral("text")});
          },
          [](QCommandLineParser &p) {
              const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
              const int y = p.isSet(QStringLiteral("year")) ? year(p) : 0;
              Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
              login(p, db);
              qint64 unit = 0;
              if (!p.value(QStringLiteral("unit")).isEmpty()) {
                  unit = UnitRepository(db).idForKey(p.value(QStringLiteral("unit")));
                  if (!unit)
                      throw Error(Tr::tr("There is no unit with the key \"%1\".").arg(p.value(QStringLiteral("unit"))));
              }
              const QList<ReviewMinutes> list = MinutesRepository(db).list(y, unit);
              if (fmt == QLatin1String("json")) {
                  QJsonArray rows;
                  for (const ReviewMinutes &m : list) {
                      QJsonArray named;
                      for (const Subject &s : m.subjects)
                          named.append(
                              QJsonObject{{QStringLiteral("kind"), s.isPerson() ? QStringLiteral("person") : QStringLiteral("unit")},
                                          {QStringLiteral("name"), subjectName(db, s)}});
                      rows.append(QJsonObject{{QStringLiteral("key"), m.key},
                                              {QStringLiteral("unit"), m.unitName},
                                              {QStringLiteral("year"), m.year},
                                              {QStringLiteral("date"), m.date.toString(Qt::ISODate)},
                                              {QStringLiteral("number"), m.number},
                                              {QStringLiteral("attendees"), m.attendees},
                                              {QStringLiteral("note"), m.note},
                                              {QStringLiteral("named"), named}});
                  }
                  out() << QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented));
                  return;
              }
              if (list.isEmpty())
                  out() << Tr::tr("No minutes recorded.") << '\n';
              for (const ReviewMinutes &m : list) {
                  out() << Tr::tr("%1: %2, %3 (year %4)").arg(m.key, m.evidence(), m.unitName).arg(m.year) << '\n';
                  if (!m.attendees.isEmpty())
                      out() << "  " << Tr::tr("Attended: %1").arg(m.attendees) << '\n';
                  if (!m.note.isEmpty())
                      out() << "  " << Tr::tr("Note: %1").arg(m.note) << '\n';
                  QStringList names;
                  for (const Subject &s : m.subjects)
                      names << subjectName(db, s);
                  out() << "  " << Tr::tr("Names: %1").arg(names.join(QStringLiteral(", "))) << '\n';
              }
          }}},
    };
    table.insert(commands.begin(), commands.end());
}

} // namespace VinhDanh::Cli
