// vinhdanh-cli import-table: the office's spreadsheets in (issue 15). Reading, mapping,
// preview and commit are core/tables; this file is options and the row report.
#include "tablecommands.h"
#include "mappingcommands.h"
#include "templatecommands.h"

#include "core/db/database.h"
#include "core/error.h"
#include "core/tables/awardimport.h"
#include "core/tables/awardmapping.h"
#include "core/tables/disciplineimport.h"
#include "core/tables/initiativeimport.h"
#include "core/tables/legacytext.h"
#include "core/tables/mappingpresets.h"
#include "core/tables/peopleimport.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/tablefile.h"
#include "core/tables/unitimport.h"
#include "core/tables/unitmapping.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace VinhDanh::Cli {

using namespace Core;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// The reports below serve every list alike (Tables::SheetPreview).
QString countsText(const Tables::SheetPreview &p)
{
    using Tables::RowStatus;
    return Tr::tr("Rows: %1 new, %2 changed, %3 unchanged, %4 with errors.")
        .arg(p.count(RowStatus::New))
        .arg(p.count(RowStatus::Changed))
        .arg(p.count(RowStatus::Unchanged))
        .arg(p.count(RowStatus::Error));
}

/// Rows that import but carry a warning (a likely duplicate of someone in the registry).
int warnedRows(const Tables::SheetPreview &p)
{
    return int(std::count_if(p.rows.cbegin(), p.rows.cend(), [](const Tables::PreviewRow &r) { return !r.warnings.isEmpty(); }));
}

QString reportText(const QString &input, const Tables::TableFile &file, const Tables::SheetPreview &p,
                   QString (*statusText)(Tables::RowStatus))
{
    QString text = Tr::tr("File %1 (%2), sheet \"%3\", header on row %4.")
                       .arg(QFileInfo(input).fileName(), file.format, p.sheetName)
                       .arg(p.headerRow)
                   + QLatin1Char('\n');
    for (const QString &note : encodingNotes(file, p))
        text += note + QLatin1Char('\n');
    for (const QString &note : p.notes)
        text += note + QLatin1Char('\n');
    for (const Tables::PreviewRow &r : p.rows) {
        const QString reasons = Tables::reasonsText(r.reasons);
        text += (r.name.isEmpty() ? Tr::tr("Row %1: %2: %3").arg(r.sheetRow).arg(statusText(r.status), reasons)
                                  : Tr::tr("Row %1: %2, %3: %4").arg(r.sheetRow).arg(statusText(r.status), r.name, reasons))
                + QLatin1Char('\n');
        for (const QString &warning : r.warnings)
            text += Tr::tr("  Warning: %1").arg(warning) + QLatin1Char('\n');
    }
    text += countsText(p) + QLatin1Char('\n');
    if (const int warned = warnedRows(p); warned > 0)
        text += Tr::tr("Rows that may add someone already in the registry: %1 (they still import; check them first).").arg(warned)
                + QLatin1Char('\n');
    return text;
}

QJsonObject reportJson(const QString &input, const Tables::TableFile &file, const Tables::SheetPreview &p)
{
    QJsonArray rows;
    for (const Tables::PreviewRow &r : p.rows)
        rows.append(QJsonObject{{QStringLiteral("row"), r.sheetRow},
                                {QStringLiteral("status"), Tables::statusCode(r.status)},
                                {QStringLiteral("name"), r.name},
                                {QStringLiteral("reasons"), QJsonArray::fromStringList(r.reasons)},
                                // Likely duplicates of a new person: the row still imports.
                                {QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings)}});
    using Tables::RowStatus;
    return {{QStringLiteral("file"), QFileInfo(input).fileName()},
            {QStringLiteral("encodings"), encodingsJson(file, p)},
            {QStringLiteral("format"), file.format},
            {QStringLiteral("encoding"), file.encoding},
            {QStringLiteral("sheet"), p.sheetName},
            {QStringLiteral("headerRow"), p.headerRow},
            {QStringLiteral("notes"), QJsonArray::fromStringList(p.notes)},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("counts"), QJsonObject{{QStringLiteral("new"), p.count(RowStatus::New)},
                                                   {QStringLiteral("changed"), p.count(RowStatus::Changed)},
                                                   {QStringLiteral("unchanged"), p.count(RowStatus::Unchanged)},
                                                   {QStringLiteral("error"), p.count(RowStatus::Error)},
                                                   {QStringLiteral("warned"), warnedRows(p)}}}};
}

/// A staff list: people and their yearly ratings.
struct StaffList
{
    static constexpr Tables::MappingKind kind = Tables::MappingKind::People;
    static QHash<QString, QString> loadMapping(const QString &path) { return Tables::loadMappingFile(path); }
    static Tables::PeopleMapping map(const Tables::Sheet &s, const QHash<QString, QString> &o, int row)
    {
        return Tables::mapPeople(s, o, row);
    }
    static Tables::PeoplePreview preview(Database &db, const Tables::Sheet &s, const Tables::PeopleMapping &m)
    {
        return Tables::previewPeople(db, s, m);
    }
    static QString statusText(Tables::RowStatus status) { return Tables::statusText(status); }
    static void commit(Database &db, const Tables::PeoplePreview &preview, const QString &fmt, QJsonObject &json)
    {
        const Tables::CommitResult done = Tables::commitPeople(db, preview);
        if (fmt == QLatin1String("json"))
            json.insert(QStringLiteral("committed"), QJsonObject{{QStringLiteral("peopleAdded"), done.peopleAdded},
                                                                 {QStringLiteral("peopleChanged"), done.peopleChanged},
                                                                 {QStringLiteral("ratingsSet"), done.ratingsSet}});
        else
            out() << Tr::tr("Imported: %1 people added, %2 people changed, %3 ratings set.")
                         .arg(done.peopleAdded)
                         .arg(done.peopleChanged)
                         .arg(done.ratingsSet)
                  << '\n';
    }
};

/// The office's units, with their parents and successors.
struct UnitList
{
    static constexpr Tables::MappingKind kind = Tables::MappingKind::Units;
    static QHash<QString, QString> loadMapping(const QString &path) { return Tables::loadUnitMappingFile(path); }
    static Tables::UnitMapping map(const Tables::Sheet &s, const QHash<QString, QString> &o, int row)
    {
        return Tables::mapUnits(s, o, row);
    }
    static Tables::UnitPreview preview(Database &db, const Tables::Sheet &s, const Tables::UnitMapping &m)
    {
        return Tables::previewUnits(db, s, m);
    }
    static QString statusText(Tables::RowStatus status) { return Tables::unitStatusText(status); }
    static void commit(Database &db, const Tables::UnitPreview &preview, const QString &fmt, QJsonObject &json)
    {
        const Tables::UnitCommitResult done = Tables::commitUnits(db, preview);
        if (fmt == QLatin1String("json"))
            json.insert(QStringLiteral("committed"), QJsonObject{{QStringLiteral("unitsAdded"), done.unitsAdded},
                                                                 {QStringLiteral("unitsChanged"), done.unitsChanged}});
        else
            out() << Tr::tr("Imported: %1 units added, %2 units changed.").arg(done.unitsAdded).arg(done.unitsChanged) << '\n';
    }
};

/// The award history: titles and other awards of people and collectives.
struct AwardList
{
    static constexpr Tables::MappingKind kind = Tables::MappingKind::Awards;
    static QHash<QString, QString> loadMapping(const QString &path)
    {
        return Tables::loadRecordMappingFile(Tables::RecordList::Awards, path);
    }
    static Tables::RecordMapping map(const Tables::Sheet &s, const QHash<QString, QString> &o, int row)
    {
        return Tables::mapRecords(Tables::RecordList::Awards, s, o, row);
    }
    static Tables::AwardPreview preview(Database &db, const Tables::Sheet &s, const Tables::RecordMapping &m)
    {
        return Tables::previewAwards(db, s, m);
    }
    static QString statusText(Tables::RowStatus status) { return Tables::awardStatusText(status); }
    static void commit(Database &db, const Tables::AwardPreview &preview, const QString &fmt, QJsonObject &json)
    {
        const Tables::AwardCommitResult done = Tables::commitAwards(db, preview);
        if (fmt == QLatin1String("json"))
            json.insert(QStringLiteral("committed"), QJsonObject{{QStringLiteral("awardsAdded"), done.awardsAdded},
                                                                 {QStringLiteral("awardsChanged"), done.awardsChanged}});
        else
            out() << Tr::tr("Imported: %1 awards added, %2 awards changed.").arg(done.awardsAdded).arg(done.awardsChanged) << '\n';
    }
};

/// Disciplinary records.
struct DisciplineList
{
    static constexpr Tables::MappingKind kind = Tables::MappingKind::Disciplines;
    static QHash<QString, QString> loadMapping(const QString &path)
    {
        return Tables::loadRecordMappingFile(Tables::RecordList::Disciplines, path);
    }
    static Tables::RecordMapping map(const Tables::Sheet &s, const QHash<QString, QString> &o, int row)
    {
        return Tables::mapRecords(Tables::RecordList::Disciplines, s, o, row);
    }
    static Tables::DisciplinePreview preview(Database &db, const Tables::Sheet &s, const Tables::RecordMapping &m)
    {
        return Tables::previewDisciplines(db, s, m);
    }
    static QString statusText(Tables::RowStatus status) { return Tables::disciplineStatusText(status); }
    static void commit(Database &db, const Tables::DisciplinePreview &preview, const QString &fmt, QJsonObject &json)
    {
        const Tables::DisciplineCommitResult done = Tables::commitDisciplines(db, preview);
        if (fmt == QLatin1String("json"))
            json.insert(QStringLiteral("committed"), QJsonObject{{QStringLiteral("disciplinesAdded"), done.disciplinesAdded},
                                                                 {QStringLiteral("disciplinesChanged"), done.disciplinesChanged}});
        else
            out() << Tr::tr("Imported: %1 disciplinary records added, %2 changed.")
                         .arg(done.disciplinesAdded)
                         .arg(done.disciplinesChanged)
                  << '\n';
    }
};

/// Initiatives (sáng kiến), one row per holder.
struct InitiativeList
{
    static constexpr Tables::MappingKind kind = Tables::MappingKind::Initiatives;
    static QHash<QString, QString> loadMapping(const QString &path)
    {
        return Tables::loadRecordMappingFile(Tables::RecordList::Initiatives, path);
    }
    static Tables::RecordMapping map(const Tables::Sheet &s, const QHash<QString, QString> &o, int row)
    {
        return Tables::mapRecords(Tables::RecordList::Initiatives, s, o, row);
    }
    static Tables::InitiativePreview preview(Database &db, const Tables::Sheet &s, const Tables::RecordMapping &m)
    {
        return Tables::previewInitiatives(db, s, m);
    }
    static QString statusText(Tables::RowStatus status) { return Tables::initiativeStatusText(status); }
    static void commit(Database &db, const Tables::InitiativePreview &preview, const QString &fmt, QJsonObject &json)
    {
        const Tables::InitiativeCommitResult done = Tables::commitInitiatives(db, preview);
        if (fmt == QLatin1String("json"))
            json.insert(QStringLiteral("committed"), QJsonObject{{QStringLiteral("initiativesAdded"), done.initiativesAdded},
                                                                 {QStringLiteral("initiativesChanged"), done.initiativesChanged}});
        else
            out() << Tr::tr("Imported: %1 initiatives added, %2 changed.").arg(done.initiativesAdded).arg(done.initiativesChanged)
                  << '\n';
    }
};

/// The steps every list takes: read, map, preview and report the rows, then (with --commit and
/// no error row) commit all or nothing. `List` names its own mapping, preview and commit.
template<class List>
void runImport(QCommandLineParser &p, const QString &input, const QString &database, const QString &fmt, bool preview,
               const QList<Tables::EncodingChoice> &encodings, int headerRow)
{
    // --mapping names a file when one is there, else a column mapping saved in the database for
    // this --kind (core/tables/mappingpresets.h), looked up once the database is open.
    const QString mappingArg = p.value(QStringLiteral("mapping"));
    const bool preset = p.isSet(QStringLiteral("mapping")) && !QFileInfo(mappingArg).isFile();
    QHash<QString, QString> overrides = p.isSet(QStringLiteral("mapping")) && !preset ? List::loadMapping(mappingArg)
                                                                                      : QHash<QString, QString>();
    Tables::TableFile file = Tables::readFile(input, p.value(QStringLiteral("sheet")), numberedEncodings(encodings),
                                              namesAnyColumnByHeader(encodings), headerRow);
    std::optional<Database> opened;
    QStringList absent; // columns the saved mapping names that this file lacks
    bool rowFromMapping = false;
    QHash<QString, QString> saved; // the saved mapping named by --mapping
    // The saved mapping's columns this file has (in the header row as read now), the others absent.
    auto presentOnly = [&] {
        overrides = mappedWith(mappingArg, rowFromMapping ? headerRow : 0,
                               [&] { return Tables::presentOverrides(file.sheet, saved, headerRow); });
        absent.clear();
        for (auto it = saved.cbegin(); it != saved.cend(); ++it)
            if (!overrides.contains(it.key()))
                absent << it.key();
        absent.sort();
    };
    if (preset) {
        opened.emplace(ConnectionSettings::parse(database), Database::Mode::OpenExisting);
        login(p, *opened);
        saved = Tables::mappingPreset(*opened, List::kind, mappingArg);
        // The header row saved with the mapping, unless --header-row says another.
        if (headerRow == 0) {
            headerRow = Tables::mappingPresetHeaderRow(*opened, List::kind, mappingArg);
            rowFromMapping = headerRow > 0;
        }
        // Inside mappedWith: a name not found in the saved mapping's row says which mapping chose it.
        mappedWith(mappingArg, rowFromMapping ? headerRow : 0, [&] {
            applyNamedEncodings(file, encodings, headerRow);
            return true;
        });
        presentOnly();
    }
    if (!preset)
        applyNamedEncodings(file, encodings, headerRow);
    auto mapping = mappedWith(mappingArg, rowFromMapping ? headerRow : 0, [&] { return List::map(file.sheet, overrides, headerRow); });
    if (guessEncodingsBelowHeader(file, encodings, mapping.headerRow)) {
        if (preset)
            presentOnly(); // the headers as converted now
        mapping = mappedWith(mappingArg, rowFromMapping ? headerRow : 0, [&] { return List::map(file.sheet, overrides, headerRow); });
    }
    if (!opened) {
        opened.emplace(ConnectionSettings::parse(database), Database::Mode::OpenExisting);
        login(p, *opened);
    }
    Database &db = *opened;
    auto result = List::preview(db, file.sheet, mapping);
    result.sourceFile = input; // its name and SHA-256 go into the import's audit entry
    result.sourceSha256 = file.sha256;
    if (!absent.isEmpty())
        result.notes.append(
            Tr::tr("The column mapping names columns this file does not have: %1.").arg(absent.join(QStringLiteral(", "))));
    if (!file.hiddenSheets.isEmpty())
        result.notes.prepend(Tr::tr("Hidden sheets, not read: %1.").arg(file.hiddenSheets.join(QStringLiteral(", "))));
    if (p.isSet(QStringLiteral("rejected")))
        Tables::saveRejected(result, p.value(QStringLiteral("rejected")));

    QJsonObject json = reportJson(input, file, result);
    if (fmt == QLatin1String("text"))
        out() << reportText(input, file, result, List::statusText);
    if (preview || result.hasErrors()) {
        if (fmt == QLatin1String("json"))
            out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
        if (preview) {
            if (fmt == QLatin1String("text"))
                out() << Tr::tr("Preview only: nothing was written. Run again with --commit to import.") << '\n';
            return;
        }
        out().flush();
        // The commit refuses a preview with errors; its message is the exit line.
    }
    List::commit(db, result, fmt, json);
    if (fmt == QLatin1String("json"))
        out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
}

void importTable(QCommandLineParser &p)
{
    // Usage first: nothing is read or opened while the command line is wrong.
    const QString input = required(p, QStringLiteral("input"));
    const QString database = required(p, QStringLiteral("database"));
    const QString kind = required(p, QStringLiteral("kind"));
    if (kind != QLatin1String("people") && kind != QLatin1String("units") && kind != QLatin1String("awards")
        && kind != QLatin1String("disciplines") && kind != QLatin1String("initiatives"))
        throw UsageError{Tr::tr("--kind must be \"people\" (staff and their yearly ratings), \"units\" (the office's units), "
                                "\"awards\" (titles and other awards), \"disciplines\" or \"initiatives\", not \"%1\".")
                             .arg(kind)};
    const bool preview = p.isSet(QStringLiteral("preview"));
    const bool commit = p.isSet(QStringLiteral("commit"));
    if (preview == commit)
        throw UsageError{Tr::tr("Give either --preview (show the rows, write nothing) or --commit (import them).")};
    const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
    const QList<Tables::EncodingChoice> encodings = encodingChoices(p);
    const int row = headerRow(p);
    if (kind == QLatin1String("units"))
        runImport<UnitList>(p, input, database, fmt, preview, encodings, row);
    else if (kind == QLatin1String("awards"))
        runImport<AwardList>(p, input, database, fmt, preview, encodings, row);
    else if (kind == QLatin1String("disciplines"))
        runImport<DisciplineList>(p, input, database, fmt, preview, encodings, row);
    else if (kind == QLatin1String("initiatives"))
        runImport<InitiativeList>(p, input, database, fmt, preview, encodings, row);
    else
        runImport<StaffList>(p, input, database, fmt, preview, encodings, row);
}
} // namespace

QCommandLineOption encodingOption()
{
    return {QStringLiteral("encoding"),
            Tr::tr("The text encoding of a column, overriding the guess: COLUMN=unicode|tcvn3|vni|viqr, "
                   "COLUMN its header or number (1 = A). Repeatable."),
            Tr::tr("COLUMN=ENCODING")};
}

QList<Tables::EncodingChoice> encodingChoices(QCommandLineParser &p)
{
    QList<Tables::EncodingChoice> encodings;
    for (const QString &value : p.values(QStringLiteral("encoding"))) {
        // COLUMN=ENCODING; the last '=' splits, so a header may hold one.
        const qsizetype eq = value.lastIndexOf(QLatin1Char('='));
        const std::optional<Tables::TextEncoding> e = eq > 0 ? Tables::encodingFromCode(value.mid(eq + 1)) : std::nullopt;
        if (!e)
            throw UsageError{Tr::tr("--encoding takes COLUMN=ENCODING, COLUMN a header or a column number and ENCODING one "
                                    "of unicode, tcvn3, vni, viqr; not \"%1\".")
                                 .arg(value)};
        encodings.append({value.left(eq).trimmed(), *e});
    }
    return encodings;
}

QList<Tables::EncodingChoice> numberedEncodings(const QList<Tables::EncodingChoice> &encodings)
{
    QList<Tables::EncodingChoice> out;
    for (const Tables::EncodingChoice &e : encodings)
        if (!Tables::namesAColumnByHeader(e))
            out.append(e);
    return out;
}

bool namesAnyColumnByHeader(const QList<Tables::EncodingChoice> &encodings)
{
    return std::any_of(encodings.cbegin(), encodings.cend(), Tables::namesAColumnByHeader);
}

void applyNamedEncodings(Tables::TableFile &file, const QList<Tables::EncodingChoice> &encodings, int headerRow)
{
    if (!namesAnyColumnByHeader(encodings))
        return;
    // Names are read in the header row, not in a sign-off box above the table that repeats a
    // header in another column (the file was read before that row was known). The header as
    // converted or as typed: both are matched.
    Tables::applyEncodings(file, Tables::encodingChoicesByNumber(file.sheet, encodings, headerRow), file.guessedFrom);
}

bool guessEncodingsBelowHeader(Tables::TableFile &file, const QList<Tables::EncodingChoice> &encodings, int headerRow)
{
    // Named columns are found in the header row, as applyNamedEncodings finds them.
    return Tables::guessBelowHeader(
        file, file.originals ? Tables::encodingChoicesByNumber(file.sheet, encodings, headerRow) : numberedEncodings(encodings),
        headerRow);
}

QCommandLineOption headerRowOption()
{
    return {QStringLiteral("header-row"),
            Tr::tr("The row that holds the column headers, numbered as the spreadsheet shows it (1 = the first row), "
                   "when the list starts with a letterhead or a title that is taken for them; default: found from the "
                   "headers."),
            Tr::tr("N")};
}

int headerRow(QCommandLineParser &p)
{
    if (!p.isSet(QStringLiteral("header-row")))
        return 0;
    bool ok = false;
    const int row = p.value(QStringLiteral("header-row")).trimmed().toInt(&ok);
    if (!ok || row < 1)
        throw UsageError{
            Tr::tr("--header-row takes the number of a row, 1 for the first; not \"%1\".").arg(p.value(QStringLiteral("header-row")))};
    return row;
}

QStringList encodingNotes(const Tables::TableFile &file, const Tables::SheetPreview &p)
{
    QStringList notes;
    for (const Tables::ColumnEncoding &c : file.encodings)
        if (c.encoding != Tables::TextEncoding::Unicode || c.chosen)
            notes << Tables::encodingNote(c, p.headers.value(c.column));
    return notes;
}

QJsonArray encodingsJson(const Tables::TableFile &file, const Tables::SheetPreview &p)
{
    QJsonArray encodings;
    for (const Tables::ColumnEncoding &c : file.encodings)
        encodings.append(QJsonObject{{QStringLiteral("column"), Tables::columnName(c.column)},
                                     {QStringLiteral("header"), p.headers.value(c.column)},
                                     {QStringLiteral("encoding"), Tables::encodingCode(c.encoding)},
                                     {QStringLiteral("confidence"), c.confidence},
                                     {QStringLiteral("chosen"), c.chosen},
                                     {QStringLiteral("converted"), c.converted}});
    return encodings;
}

void addTableCommands(CommandTable &table)
{
    table.emplace(
        QStringLiteral("import-table"),
        Command{
            QT_TRANSLATE_NOOP("Cli", "Import staff with their yearly ratings, the office's units, awards and titles, "
                                     "disciplines or initiatives from an XLSX or CSV list (preview, then all or nothing)."),
            [](QCommandLineParser &p) {
                p.addOption(databaseOption());
                p.addOption({QStringLiteral("input"), Tr::tr("The XLSX or CSV file to read."), Tr::tr("FILE")});
                p.addOption({QStringLiteral("kind"), Tr::tr("What the list holds: people, units, awards, disciplines or initiatives."),
                             Tr::tr("KIND")});
                p.addOption({QStringLiteral("sheet"), Tr::tr("The sheet of an XLSX workbook (default: the first visible one)."),
                             Tr::tr("NAME")});
                p.addOption({QStringLiteral("mapping"),
                             Tr::tr("The name of a column mapping saved in the import dialog for this --kind, or a JSON "
                                    "file {\"column header\": \"field\"} correcting how columns are read."),
                             Tr::tr("PRESET|FILE")});
                p.addOption(encodingOption());
                p.addOption(headerRowOption());
                p.addOption({QStringLiteral("preview"), Tr::tr("Show every row with what it would add or change; write nothing.")});
                p.addOption({QStringLiteral("commit"), Tr::tr("Import the rows, all or nothing (nothing when a row has an error).")});
                p.addOption({QStringLiteral("rejected"),
                             Tr::tr("Write the rows with errors, with their row numbers and reasons, to this file: "
                                    "XLSX when it ends in .xlsx, else CSV."),
                             Tr::tr("FILE")});
                p.addOption({QStringLiteral("format"), Tr::tr("text (default) or json."), Tr::tr("FORMAT"), QStringLiteral("text")});
            },
            importTable});
    addTemplateCommands(table);
    addMappingCommands(table);
}

} // namespace VinhDanh::Cli
