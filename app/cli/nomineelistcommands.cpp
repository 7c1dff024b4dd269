// vinhdanh-cli dossier import-list: a danh sách đề nghị into a dossier (issue 15). Reading,
// matching, preview and commit are core/tables (nomineelist.h); this file is options and the
// row report, in the words and shape of import-table's.
#include "nomineelistcommands.h"
#include "tablecommands.h"
#include "workflowcli.h"

#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/tables/mappingpresets.h"
#include "core/tables/nomineelist.h"
#include "core/tables/tablefile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VinhDanh::Cli {

using namespace Core;

namespace {
QString reportText(const QString &input, const Tables::TableFile &file, const Tables::NomineeListPreview &p)
{
    using Tables::RowStatus;
    QString text = Tr::tr("File %1 (%2), sheet \"%3\", header on row %4.")
                       .arg(QFileInfo(input).fileName(), file.format, p.sheetName)
                       .arg(p.headerRow)
                   + QLatin1Char('\n');
    text += Tr::tr("Dossier: %1.").arg(p.dossierTitle) + QLatin1Char('\n');
    for (const QString &note : encodingNotes(file, p))
        text += note + QLatin1Char('\n');
    for (const QString &note : p.notes)
        text += note + QLatin1Char('\n');
    for (const Tables::PreviewRow &r : p.rows) {
        const QString status = Tables::nomineeStatusText(r.status);
        const QString reasons = Tables::reasonsText(r.reasons);
        text += (r.name.isEmpty() ? Tr::tr("Row %1: %2: %3").arg(r.sheetRow).arg(status, reasons)
                                  : Tr::tr("Row %1: %2, %3: %4").arg(r.sheetRow).arg(status, r.name, reasons))
                + QLatin1Char('\n');
        // A key matching nobody, the nominee found by name and birth date: for the clerk to check.
        for (const QString &warning : r.warnings)
            text += Tr::tr("  Warning: %1").arg(warning) + QLatin1Char('\n');
    }
    return text
           + Tr::tr("Rows: %1 new nominees, %2 already in the dossier, %3 with errors.")
                 .arg(p.count(RowStatus::New))
                 .arg(p.count(RowStatus::Unchanged))
                 .arg(p.count(RowStatus::Error))
           + QLatin1Char('\n');
}

QJsonObject reportJson(const QString &input, const Tables::TableFile &file, const Tables::NomineeListPreview &p)
{
    using Tables::RowStatus;
    QJsonArray rows;
    for (int i = 0; i < p.rows.size(); ++i) {
        const Tables::PreviewRow &r = p.rows.at(i);
        const Tables::NomineeRowInfo info = p.info.value(i);
        rows.append(QJsonObject{{QStringLiteral("row"), r.sheetRow},
                                {QStringLiteral("status"), Tables::statusCode(r.status)},
                                {QStringLiteral("name"), r.name},
                                {QStringLiteral("subject"), info.subjectKind},
                                {QStringLiteral("key"), info.subjectKey},
                                {QStringLiteral("form"), info.formCode},
                                {QStringLiteral("verdict"), info.verdict},
                                {QStringLiteral("needsReason"), info.needsReason},
                                {QStringLiteral("reasons"), QJsonArray::fromStringList(r.reasons)},
                                {QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings)}});
    }
    return {{QStringLiteral("file"), QFileInfo(input).fileName()},
            {QStringLiteral("format"), file.format},
            {QStringLiteral("encodings"), encodingsJson(file, p)},
            {QStringLiteral("sheet"), p.sheetName},
            {QStringLiteral("headerRow"), p.headerRow},
            {QStringLiteral("notes"), QJsonArray::fromStringList(p.notes)},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("counts"), QJsonObject{{QStringLiteral("new"), p.count(RowStatus::New)},
                                                   {QStringLiteral("unchanged"), p.count(RowStatus::Unchanged)},
                                                   {QStringLiteral("error"), p.count(RowStatus::Error)}}}};
}

void importListBody(QCommandLineParser &p)
{
    // Usage first: nothing is read or opened while the command line is wrong.
    const QString dossierKey = required(p, QStringLiteral("dossier"));
    const QString input = required(p, QStringLiteral("input"));
    const bool preview = p.isSet(QStringLiteral("preview"));
    if (preview == p.isSet(QStringLiteral("commit")))
        throw UsageError{Tr::tr("Give either --preview (show the rows, write nothing) or --commit (import them).")};
    const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
    const QList<Tables::EncodingChoice> encodings = encodingChoices(p);
    int row = headerRow(p);
    // --mapping names a file when one is there (every header it names must be in the list),
    // else a column mapping saved for nominee lists, which may name columns this list lacks.
    const QString mappingArg = p.value(QStringLiteral("mapping"));
    const bool preset = p.isSet(QStringLiteral("mapping")) && !QFileInfo(mappingArg).isFile();
    QHash<QString, QString> overrides = p.isSet(QStringLiteral("mapping")) && !preset ? Tables::loadNomineeMappingFile(mappingArg)
                                                                                      : QHash<QString, QString>();
    Tables::TableFile file = Tables::readFile(input, p.value(QStringLiteral("sheet")), numberedEncodings(encodings),
                                              namesAnyColumnByHeader(encodings), row);
    OpenDatabase db(p);
    QStringList absent;
    bool rowFromMapping = false;
    if (preset) {
        overrides = Tables::mappingPreset(*db, Tables::MappingKind::Nominees, mappingArg);
        // The header row saved with the mapping, unless --header-row says another.
        if (row == 0) {
            row = Tables::mappingPresetHeaderRow(*db, Tables::MappingKind::Nominees, mappingArg);
            rowFromMapping = row > 0;
        }
    }
    auto mapNominees = [&] {
        absent.clear();
        return Tables::mapNomineeList(file.sheet, overrides, preset ? &absent : nullptr, row);
    };
    Tables::NomineeMapping mapping = mappedWith(mappingArg, rowFromMapping ? row : 0, [&] {
        applyNamedEncodings(file, encodings, row);
        return mapNominees();
    });
    if (guessEncodingsBelowHeader(file, encodings, mapping.headerRow))
        mapping = mappedWith(mappingArg, rowFromMapping ? row : 0, mapNominees);
    const qint64 dossier = dossierId(*db, dossierKey);
    Tables::NomineeListPreview result = Tables::previewNomineeList(*db, dossier, file.sheet, mapping,
                                                                   p.value(QStringLiteral("proceed-reason")));
    if (!absent.isEmpty()) // said, as the dialog says it: the clerk may have chosen the wrong mapping
        result.notes.append(
            Tr::tr("The column mapping names columns this list does not have: %1.").arg(absent.join(QStringLiteral(", "))));
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
        // The commit refuses a preview with errors; its message is the exit line.
    }
    const Tables::NomineeListCommitResult done = Tables::commitNomineeList(*db, result);
    if (fmt == QLatin1String("json")) {
        json.insert(QStringLiteral("committed"), QJsonObject{{QStringLiteral("nomineesAdded"), done.added}});
        out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    } else {
        const QString number = Core::Workflow::Registers::text(Core::Workflow::DossierRepository(*db).reference(dossier));
        out() << Tr::tr("Imported: %n nominee(s) added to the dossier %1.", nullptr, done.added).arg(number) << '\n';
    }
}
} // namespace

void addNomineeListCommands(CommandTable &table)
{
    table.insert(
        {QStringLiteral("dossier import-list"),
         {QT_TRANSLATE_NOOP("Cli", "Import a lower unit's list of proposed nominees (XLSX, DOCX or CSV) into a draft dossier "
                                   "(preview, then all or nothing)."),
          [](QCommandLineParser &p) {
              addRecordOptions(p, dossierOption());
              p.addOption({QStringLiteral("input"), Tr::tr("The XLSX, DOCX or CSV list to read."), Tr::tr("FILE")});
              p.addOption({QStringLiteral("sheet"),
                           Tr::tr("The sheet of an XLSX workbook or the table of a Word file, by name or number (\"2\" for "
                                  "the second); default: the first visible sheet, or the Word file's whole list."),
                           Tr::tr("NAME")});
              p.addOption({QStringLiteral("mapping"),
                           Tr::tr("The name of a column mapping saved in the dossier's import dialog, or a JSON file "
                                  "{\"column header\": \"field\"} correcting how columns are read (fields: number, key, "
                                  "name, collective, birthDate, position, unit, positionAndUnit, form, summary, note, "
                                  "ignore)."),
                           Tr::tr("PRESET|FILE")});
              p.addOption(encodingOption());
              p.addOption(headerRowOption());
              p.addOption({QStringLiteral("proceed-reason"),
                           Tr::tr("Why to propose the nominees the engine finds not eligible (or whose form the movement does "
                                  "not offer here); kept on each of them for the appraiser."),
                           Tr::tr("TEXT")});
              p.addOption({QStringLiteral("preview"), Tr::tr("Show every row with whom and what it proposes; write nothing.")});
              p.addOption({QStringLiteral("commit"), Tr::tr("Add the nominees, all or nothing (nothing when a row has an error).")});
              p.addOption({QStringLiteral("rejected"),
                           Tr::tr("Write the rows with errors, with their row numbers and reasons, to this file: "
                                  "XLSX when it ends in .xlsx, else CSV."),
                           Tr::tr("FILE")});
              p.addOption(textOrJsonOption());
          },
          importListBody}});
}

} // namespace VinhDanh::Cli
