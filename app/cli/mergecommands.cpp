// vinhdanh-cli duplicates | merge | unmerge: likely duplicate people and units, merged into
// one record and undone (issue 15 item 5). The work is core/dedup; this file reads options
// and prints.
#include "mergecommands.h"

#include "core/db/database.h"
#include "core/dedup/duplicates.h"
#include "core/dedup/merge.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VinhDanh::Cli {

using namespace Core;

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

Dedup::Kind kindOption(QCommandLineParser &p)
{
    const QString kind = p.value(QStringLiteral("kind"));
    if (kind.isEmpty() || kind == QLatin1String("people"))
        return Dedup::Kind::People;
    if (kind == QLatin1String("units"))
        return Dedup::Kind::Units;
    throw UsageError{Tr::tr("--kind must be \"people\" or \"units\", not \"%1\".").arg(kind)};
}

void addKindOption(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("kind"), Tr::tr("people (default) or units."), Tr::tr("KIND")});
}

qint64 idOf(Database &db, Dedup::Kind kind, const QString &key)
{
    const qint64 id = kind == Dedup::Kind::Units ? UnitRepository(db).idForKey(key) : PersonRepository(db).idForKey(key);
    if (!id)
        throw Error(kind == Dedup::Kind::Units ? Tr::tr("There is no unit with the key \"%1\".").arg(key)
                                               : Tr::tr("There is no person with the key \"%1\".").arg(key));
    return id;
}

QJsonObject side(const QString &key, const QString &name, const QString &unit, int birthYear, const QString &cccd)
{
    QJsonObject o{{QStringLiteral("key"), key}, {QStringLiteral("name"), name}, {QStringLiteral("unit"), unit}};
    if (birthYear)
        o.insert(QStringLiteral("birth_year"), birthYear);
    if (!cccd.isEmpty())
        o.insert(QStringLiteral("cccd"), cccd); // masked
    return o;
}

QString sideText(const QString &key, const QString &name, const QString &unit, int birthYear, const QString &cccd)
{
    QStringList parts{name, key};
    if (!unit.isEmpty())
        parts << unit;
    if (birthYear)
        parts << Tr::tr("born %1").arg(birthYear);
    if (!cccd.isEmpty())
        parts << Tr::tr("CCCD %1").arg(cccd);
    return parts.join(QStringLiteral(" · "));
}

void duplicates(QCommandLineParser &p)
{
    const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
    const Dedup::Kind kind = kindOption(p);
    Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
    login(p, db);
    const QList<Dedup::Pair> pairs = Dedup::find(db, kind);
    if (fmt == QLatin1String("json")) {
        QJsonArray rows;
        for (const Dedup::Pair &d : pairs)
            rows.append(QJsonObject{
                {QStringLiteral("score"), d.score},
                {QStringLiteral("reasons"), QJsonArray::fromStringList(d.reasons)},
                {QStringLiteral("first"), side(d.firstKey, d.firstName, d.firstUnit, d.firstBirthYear, d.firstCccd)},
                {QStringLiteral("second"), side(d.secondKey, d.secondName, d.secondUnit, d.secondBirthYear, d.secondCccd)}});
        out() << QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented));
        return;
    }
    for (const Dedup::Pair &d : pairs) {
        out() << Tr::tr("%1%: %2").arg(d.score).arg(d.reasons.join(QStringLiteral("; "))) << '\n';
        out() << QStringLiteral("  1. ") << sideText(d.firstKey, d.firstName, d.firstUnit, d.firstBirthYear, d.firstCccd) << '\n';
        out() << QStringLiteral("  2. ") << sideText(d.secondKey, d.secondName, d.secondUnit, d.secondBirthYear, d.secondCccd) << '\n';
    }
    out() << (kind == Dedup::Kind::Units ? Tr::tr("%n likely duplicate pair(s) of units.", nullptr, int(pairs.size()))
                                         : Tr::tr("%n likely duplicate pair(s) of people.", nullptr, int(pairs.size())))
          << '\n';
}

void merge(QCommandLineParser &p)
{
    const QString keepKey = required(p, QStringLiteral("keep"));
    const QString dropKey = required(p, QStringLiteral("drop"));
    const Dedup::Kind kind = kindOption(p);
    Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
    login(p, db);
    const qint64 keep = idOf(db, kind, keepKey), drop = idOf(db, kind, dropKey);
    Dedup::Merger merger(db);
    const Dedup::MergePreview preview = merger.preview(kind, keep, drop);
    if (p.isSet(QStringLiteral("preview"))) {
        for (const QString &line : preview.lines())
            out() << line << '\n';
        out() << (preview.possible() ? Tr::tr("Nothing was written (preview).")
                                     : Tr::tr("These records cannot be merged; nothing was written."))
              << '\n';
        return;
    }
    const qint64 id = merger.merge(kind, keep, drop); // refuses, with the blockers, itself
    for (const QString &line : preview.lines())
        out() << line << '\n';
    out() << Tr::tr("Merged %1 into %2 (merge number %3; vinhdanh-cli unmerge --merge %3 undoes it).").arg(dropKey, keepKey).arg(id)
          << '\n';
}

void unmerge(QCommandLineParser &p)
{
    bool ok = false;
    const qint64 id = required(p, QStringLiteral("merge")).toLongLong(&ok);
    if (!ok || id <= 0)
        throw UsageError{Tr::tr("--merge takes the number of a merge (vinhdanh-cli merge printed it).")};
    Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
    login(p, db);
    Dedup::Merger(db).unmerge(id);
    out() << Tr::tr("Undid the merge number %1: both records are back as they were.").arg(id) << '\n';
}
} // namespace

void addMergeCommands(CommandTable &table)
{
    table.emplace(
        QStringLiteral("duplicates"),
        Command{
            QT_TRANSLATE_NOOP("Cli", "List likely duplicate people or units, scored, with the reasons."),
            [](QCommandLineParser &p) {
                p.addOption(databaseOption());
                addKindOption(p);
                p.addOption({QStringLiteral("format"), Tr::tr("text (default) or json."), Tr::tr("FORMAT"), QStringLiteral("text")});
            },
            duplicates});
    table.emplace(
        QStringLiteral("merge"),
        Command{QT_TRANSLATE_NOOP("Cli", "Merge a duplicate person or unit into the record to keep (undoable)."),
                [](QCommandLineParser &p) {
                    p.addOption(databaseOption());
                    addKindOption(p);
                    p.addOption({QStringLiteral("keep"), Tr::tr("The key of the record to keep."), Tr::tr("KEY")});
                    p.addOption({QStringLiteral("drop"), Tr::tr("The key of the record merged into it and deleted."), Tr::tr("KEY")});
                    p.addOption({QStringLiteral("preview"), Tr::tr("Show what would move and any conflict; write nothing.")});
                },
                merge});
    table.emplace(QStringLiteral("unmerge"),
                  Command{QT_TRANSLATE_NOOP("Cli", "Undo a merge: restore the merged record and move its rows back."),
                          [](QCommandLineParser &p) {
                              p.addOption(databaseOption());
                              p.addOption({QStringLiteral("merge"), Tr::tr("The number of the merge to undo."), Tr::tr("NUMBER")});
                          },
                          unmerge});
}

} // namespace VinhDanh::Cli
