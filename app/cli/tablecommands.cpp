// vinhdanh-cli import-table: the office's spreadsheets in (issue 15). Reading, mapping,
// preview and commit are core/tables; this file is options and the row report.
#include "tablecommands.h"

#include "core/db/database.h"
#include "core/error.h"
#include "core/tables/peopleimport.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/tablefile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VinhDanh::Cli {

using namespace Core;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QString countsText(const Tables::PeoplePreview &p)
{
    using Tables::RowStatus;
    return Tr::tr("Rows: %1 new, %2 changed, %3 unchanged, %4 with errors.")
        .arg(p.count(RowStatus::New))
        .arg(p.count(RowStatus::Changed))
        .arg(p.count(RowStatus::Unchanged))
        .arg(p.count(RowStatus::Error));
}

QString reportText(const QString &input, const Tables::TableFile &file, const Tables::PeoplePreview &p)
{
    QString text = Tr::tr("File %1 (%2), sheet \"%3\", header on row %4.")
                       .arg(QFileInfo(input).fileName(), file.format, p.sheetName)
                       .arg(p.headerRow)
                   + QLatin1Char('\n');
    for (const QString &note : p.notes)
        text += note + QLatin1Char('\n');
    for (const Tables::PreviewRow &r : p.rows) {
        const QString reasons = Tables::reasonsText(r.reasons);
        text += (r.name.isEmpty() ? Tr::tr("Row %1: %2: %3").arg(r.sheetRow).arg(Tables::statusText(r.status), reasons)
                                  : Tr::tr("Row %1: %2, %3: %4").arg(r.sheetRow).arg(Tables::statusText(r.status), r.name, reasons))
            + QLatin1Char('\n');
    }
    return text + countsText(p) + QLatin1Char('\n');
}

QJsonObject reportJson(const QString &input, const Tables::TableFile &file, const Tables::PeoplePreview &p)
{
    QJsonArray rows;
    for (const Tables::PreviewRow &r : p.rows)
        rows.append(QJsonObject{{QStringLiteral("row"), r.sheetRow},
                                {QStringLiteral("status"), Tables::statusCode(r.status)},
                                {QStringLiteral("name"), r.name},
                                {QStringLiteral("reasons"), QJsonArray::fromStringList(r.reasons)}});
    using Tables::RowStatus;
    return {{QStringLiteral("file"), QFileInfo(input).fileName()},
            {QStringLiteral("format"), file.format},
            {QStringLiteral("encoding"), file.encoding},
            {QStringLiteral("sheet"), p.sheetName},
            {QStringLiteral("headerRow"), p.headerRow},
            {QStringLiteral("notes"), QJsonArray::fromStringList(p.notes)},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("counts"),
             QJsonObject{{QStringLiteral("new"), p.count(RowStatus::New)},
                         {QStringLiteral("changed"), p.count(RowStatus::Changed)},
                         {QStringLiteral("unchanged"), p.count(RowStatus::Unchanged)},
                         {QStringLiteral("error"), p.count(RowStatus::Error)}}}};
}

void importTable(QCommandLineParser &p)
{
    // Usage first: nothing is read or opened while the command line is wrong.
    const QString input = required(p, QStringLiteral("input"));
    const QString database = required(p, QStringLiteral("database"));
    const QString kind = required(p, QStringLiteral("kind"));
    if (kind != QLatin1String("people"))
        throw UsageError{Tr::tr("--kind must be \"people\" (staff and their yearly ratings), not \"%1\".").arg(kind)};
    const bool preview = p.isSet(QStringLiteral("preview"));
    const bool commit = p.isSet(QStringLiteral("commit"));
    if (preview == commit)
        throw UsageError{Tr::tr("Give either --preview (show the rows, write nothing) or --commit (import them).")};
    const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});

    const QHash<QString, QString> overrides = p.isSet(QStringLiteral("mapping"))
        ? Tables::loadMappingFile(p.value(QStringLiteral("mapping")))
        : QHash<QString, QString>();
    const Tables::TableFile file = Tables::readFile(input, p.value(QStringLiteral("sheet")));
    const Tables::PeopleMapping mapping = Tables::mapPeople(file.sheet, overrides);
    Database db(ConnectionSettings::parse(database), Database::Mode::OpenExisting);
    login(p, db);
    Tables::PeoplePreview result = Tables::previewPeople(db, file.sheet, mapping);
    if (!file.hiddenSheets.isEmpty())
        result.notes.prepend(Tr::tr("Hidden sheets, not read: %1.").arg(file.hiddenSheets.join(QStringLiteral(", "))));
    if (p.isSet(QStringLiteral("rejected")))
        Tables::saveRejected(result, p.value(QStringLiteral("rejected")));

    QJsonObject json = reportJson(input, file, result);
    if (fmt == QLatin1String("text"))
        out() << reportText(input, file, result);
    if (preview || result.hasErrors()) {
        if (fmt == QLatin1String("json"))
            out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
        if (preview) {
            if (fmt == QLatin1String("text"))
                out() << Tr::tr("Preview only: nothing was written. Run again with --commit to import.") << '\n';
            return;
        }
        out().flush();
        // commitPeople refuses a preview with errors; its message is the exit line.
    }
    const Tables::CommitResult done = Tables::commitPeople(db, result);
    if (fmt == QLatin1String("json")) {
        json.insert(QStringLiteral("committed"), QJsonObject{{QStringLiteral("peopleAdded"), done.peopleAdded},
                                                             {QStringLiteral("peopleChanged"), done.peopleChanged},
                                                             {QStringLiteral("ratingsSet"), done.ratingsSet}});
        out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    } else {
        out() << Tr::tr("Imported: %1 people added, %2 people changed, %3 ratings set.")
                     .arg(done.peopleAdded)
                     .arg(done.peopleChanged)
                     .arg(done.ratingsSet)
              << '\n';
    }
}
} // namespace

void addTableCommands(CommandTable &table)
{
    table.emplace(
        QStringLiteral("import-table"),
        Command{QT_TRANSLATE_NOOP("Cli", "Import staff and their yearly ratings from an XLSX or CSV list (preview, then all or nothing)."),
                [](QCommandLineParser &p) {
                    p.addOption(databaseOption());
                    p.addOption({QStringLiteral("input"), Tr::tr("The XLSX or CSV file to read."), Tr::tr("FILE")});
                    p.addOption({QStringLiteral("kind"), Tr::tr("What the list holds: people."), Tr::tr("KIND")});
                    p.addOption({QStringLiteral("sheet"), Tr::tr("The sheet of an XLSX workbook (default: the first visible one)."),
                                 Tr::tr("NAME")});
                    p.addOption({QStringLiteral("mapping"),
                                 Tr::tr("A JSON file {\"column header\": \"field\"} correcting how columns are read."),
                                 Tr::tr("FILE")});
                    p.addOption({QStringLiteral("preview"), Tr::tr("Show every row with what it would add or change; write nothing.")});
                    p.addOption({QStringLiteral("commit"), Tr::tr("Import the rows, all or nothing (nothing when a row has an error).")});
                    p.addOption({QStringLiteral("rejected"), Tr::tr("Write the rows with errors to this CSV file, with the reasons."),
                                 Tr::tr("FILE")});
                    p.addOption({QStringLiteral("format"), Tr::tr("text (default) or json."), Tr::tr("FORMAT"), QStringLiteral("text")});
                },
                importTable});
}

} // namespace VinhDanh::Cli
