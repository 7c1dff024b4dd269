// The preview of a danh sách đề nghị: every row matched to a registry person or unit and an
// award form, with the engine's verdict and the entry warnings, in words. Writes nothing.
#include "core/tables/nomineelist.h"
#include "core/tables/nomineelist_p.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/proposals/statemachine.h"
#include "core/tables/dates.h"
#include "core/tables/formnames.h"
#include "core/tables/mappingfile.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

using Workflow::DossierRepository;
using Workflow::EntryWarning;
using Workflow::Nominee;
using namespace NomineeListDetail;

/// The row's cells, by field (empty when the sheet has no such column).
struct RowText
{
    QString number, key, name, collective, position, unit, positionAndUnit, form, summary;
    QDate birth;
    bool hasBirth = false;
};

QString cellText(const Row &row, const NomineeMapping &m, NomineeField f)
{
    const int c = m.columnOf(f);
    if (c < 0)
        return {};
    const Cell &cell = row.cell(c);
    return cell.kind == Cell::Kind::Error || cell.kind == Cell::Kind::Boolean ? QString() : Text::clean(cell.text);
}

/// "I", "II", "A", "b": how lists number their group rows (a plain number is a nominee's row).
bool isGroupNumber(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^(?:[IVXLC]+|[A-Za-z])[.)]?$)"));
    return re.match(text.trimmed()).hasMatch();
}

/// "I. TẬP THỂ", "II - Cá nhân", "A/ Bằng khen…" → the words after the numbering, and whether there was one.
QString headingLabel(const QString &text, bool *numbered)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(?:[IVXLC]+|[A-Za-z])\s*[.)/:\-–—]\s*)"));
    const auto m = re.match(text);
    *numbered = m.hasMatch();
    return m.hasMatch() ? text.mid(m.capturedLength()).trimmed() : text.trimmed();
}

/// A row of column numbers under the header: "1 2 3 4", "(1) (2) (3)".
bool isColumnNumbers(const Row &row)
{
    static const QRegularExpression number(QStringLiteral(R"(^\(?\d{1,2}\)?$)"));
    int filled = 0;
    for (const Cell &c : row.cells) {
        if (c.isEmpty())
            continue;
        if (!number.match(c.text.trimmed()).hasMatch())
            return false;
        ++filled;
    }
    return filled >= 2;
}

/// The words of a signature block under the list ("Người lập biểu", "Thủ trưởng đơn vị",
/// "(Ký, ghi rõ họ tên)"): the list has ended.
bool isSignatureBlock(const Row &row)
{
    static const QStringList words = {QStringLiteral("nguoi lap bieu"),      QStringLiteral("thu truong don vi"),
                                      QStringLiteral("ky ghi ro ho ten"),    QStringLiteral("ky ten dong dau"),
                                      QStringLiteral("ky va ghi ro ho ten"), QStringLiteral("ky ho ten")};
    for (const Cell &c : row.cells) {
        const QString k = headerKey(c.text);
        for (const QString &w : words)
            if (k.contains(w))
                return true;
    }
    return false;
}

struct Heading
{
    QString label;
    bool numbered = false; // "I.", "A/" or a group number in the STT column: surely a heading
};

/// The heading a row is, if it can be one: its only filled cells are the first, the STT or the
/// name column, and its STT is not a plain number.
std::optional<Heading> headingOf(const Row &row, const NomineeMapping &m)
{
    const int numberColumn = m.columnOf(NomineeField::Number);
    const int nameColumn = m.columnOf(NomineeField::Name) >= 0 ? m.columnOf(NomineeField::Name)
                                                               : m.columnOf(NomineeField::CollectiveName);
    QStringList texts;
    for (int c = 0; c < row.cells.size(); ++c) {
        if (row.cell(c).isEmpty())
            continue;
        if (c != 0 && c != numberColumn && c != nameColumn)
            return std::nullopt;
        texts << row.cell(c).text.simplified();
    }
    if (texts.isEmpty() || texts.size() > 2)
        return std::nullopt;
    const QString number = numberColumn >= 0 ? row.cell(numberColumn).text.simplified() : QString();
    static const QRegularExpression digits(QStringLiteral(R"(^\d+\.?$)"));
    if (digits.match(number).hasMatch())
        return std::nullopt; // a numbered nominee whose other cells are empty
    if (texts.size() == 2)
        return isGroupNumber(texts.first()) ? std::optional<Heading>(Heading{texts.last(), true}) : std::nullopt;
    Heading h;
    h.label = headingLabel(texts.first(), &h.numbered);
    return h;
}

} // namespace

NomineeListPreview previewNomineeList(Database &db, qint64 dossierId, const Sheet &sheet, const NomineeMapping &mapping,
                                      const QString &proceedReason)
{
    DossierRepository repo(db);
    const Workflow::Dossier dossier = repo.dossier(dossierId); // PermissionError outside a clerk's units
    Permissions::require(db, Permissions::Action::EditDossiers, dossier.unitId);
    requireOpenForNominees(dossier);
    const QString reason = Text::clean(proceedReason);

    NomineeListPreview preview;
    preview.begin(sheet, mapping.headerIndex, mapping.headerRow, mapping.unrecognised);
    preview.headers = mapping.headers;
    preview.dossierId = dossier.id;
    preview.dossierTitle = dossier.title;
    const Registry registry(db, dossier);
    QHash<QString, int> seenRow; // subject|form → sheet row
    Context context;
    bool started = false;
    int previousNumber = mapping.headerRow;
    for (int i = mapping.headerIndex + 1; i < sheet.rows.size(); ++i) {
        const Row &row = sheet.rows.at(i);
        const bool afterGap = row.number > previousNumber + 1;
        previousNumber = row.number;
        if (isColumnNumbers(row))
            continue;
        const QString number = cellText(row, mapping, NomineeField::Number);
        // The list ends at its signature block, or (in a sheet with an STT column) at the first
        // row without a number after an empty row: the lines under a table ("Danh sách có …").
        if (started && (isSignatureBlock(row) || (afterGap && mapping.columnOf(NomineeField::Number) >= 0 && number.isEmpty()))) {
            preview.notes << Tr::tr("The list ends on row %1; the rows from there on (a signature block or notes) are left "
                                    "out.")
                                 .arg(row.number);
            break;
        }
        if (const std::optional<Heading> heading = headingOf(row, mapping)) {
            // An unnumbered line is a heading only when its words say so ("Cá nhân", a form's
            // name); otherwise it is a nominee whose other cells are empty.
            const bool understood = context.read(heading->label, row.number, registry);
            if (understood || heading->numbered) {
                if (!understood)
                    preview.notes << Tr::tr("Row %1 is read as a heading and left out: \"%2\".").arg(row.number).arg(heading->label);
                continue;
            }
        }
        started = true;
        RowText t;
        t.number = number;
        t.key = cellText(row, mapping, NomineeField::Key);
        t.name = cellText(row, mapping, NomineeField::Name);
        t.collective = cellText(row, mapping, NomineeField::CollectiveName);
        t.position = cellText(row, mapping, NomineeField::Position);
        t.unit = cellText(row, mapping, NomineeField::Unit);
        t.positionAndUnit = cellText(row, mapping, NomineeField::PositionAndUnit);
        t.form = cellText(row, mapping, NomineeField::Form);
        // On one line, as saveNominee stores it (a cell's paragraphs joined by spaces).
        t.summary = cellText(row, mapping, NomineeField::Summary);

        PreviewRow out;
        out.sheetRow = row.number;
        for (int c = 0; c < qMax(int(mapping.headers.size()), int(row.cells.size())); ++c)
            out.cells << row.cell(c).text;
        NomineeRowInfo info;
        QStringList errors, notes;
        if (const int c = mapping.columnOf(NomineeField::BirthDate); c >= 0 && !row.cell(c).isEmpty()) {
            QString problem;
            t.birth = Dates::parse(row.cell(c), &problem);
            t.hasBirth = problem.isEmpty() && t.birth.isValid();
            if (!problem.isEmpty())
                errors << Tr::tr("column %1 (%2): %3").arg(columnName(c), mapping.headers.value(c), problem);
        }
        for (const NomineeColumn &col : mapping.columns)
            if (row.cell(col.column).kind == Cell::Kind::Error)
                errors << Tr::tr("column %1 (%2): %3").arg(columnName(col.column), col.header, row.cell(col.column).text);

        // The form first: a form only collectives receive says the row is a collective.
        FormChoice form = registry.chooseForm(t.form, context);
        const Match match = registry.match(t.key, t.name, t.collective, t.unit, t.positionAndUnit, t.hasBirth ? t.birth : QDate(),
                                           context, form);
        out.name = match.found ? match.name : (!t.name.isEmpty() ? t.name : t.collective);
        if (!match.found) {
            errors << match.problem;
        } else {
            info.subjectKind = match.isPerson ? QStringLiteral("person") : QStringLiteral("unit");
            info.subjectKey = match.key;
            notes << match.described;
            if (!match.warning.isEmpty())
                out.warnings << match.warning;
            if (form.code.isEmpty() && form.problem.isEmpty())
                form = registry.defaultForm(match.isPerson);
        }
        if (!form.problem.isEmpty())
            errors << form.problem;
        else if (match.found && !form.code.isEmpty()) {
            info.formCode = form.code;
            const QString recipients = registry.recipients(form.code);
            if (match.isPerson && recipients == QLatin1String("collective"))
                errors << Tr::tr("%1 is awarded to collectives, not to individuals.").arg(registry.formName(form.code));
            else if (!match.isPerson && recipients == QLatin1String("individual"))
                errors << Tr::tr("%1 is awarded to individuals, not to collectives.").arg(registry.formName(form.code));
            else
                notes << form.described;
        }
        if (row.hidden)
            notes << Tr::tr("the row is hidden in the sheet");

        if (errors.isEmpty()) {
            const QString subject = (match.isPerson ? QStringLiteral("p:") : QStringLiteral("u:")) + QString::number(match.id);
            const QString pair = subject + QLatin1Char('|') + form.code;
            if (seenRow.contains(pair)) {
                errors << Tr::tr("%1 is already on row %2 for the same form.").arg(match.name).arg(seenRow.value(pair));
            } else if (registry.alreadyNominated(pair)) {
                seenRow.insert(pair, row.number);
                out.status = RowStatus::Unchanged;
                out.reasons = QStringList{Tr::tr("already in the dossier for %1").arg(registry.formName(form.code))};
                preview.rows.append(out);
                preview.info.append(info);
                continue;
            } else {
                seenRow.insert(pair, row.number);
                Nominee n;
                n.dossierId = dossier.id;
                n.personId = match.isPerson ? match.id : 0;
                n.unitId = match.isPerson ? 0 : match.id;
                n.formCode = form.code;
                n.summary = t.summary;
                // The engine's verdict in words, then the warnings the dossier page would show.
                if (const std::optional<Eligibility::Result> r = repo.evaluateIfRuled(n)) {
                    info.verdict = Eligibility::verdictCode(r->verdict);
                    notes << Tr::tr("eligibility check: %1").arg(Eligibility::verdictLabel(r->verdict));
                } else {
                    notes << Tr::tr("no eligibility rule for this form: the appraiser judges it");
                }
                for (const EntryWarning &w : repo.warningsFor(dossier, n)) {
                    if (!w.blocksWithoutReason()) {
                        notes << w.message;
                        continue;
                    }
                    info.needsReason = true;
                    if (reason.isEmpty())
                        errors << Tr::tr("%1 To propose the nominee anyway, give a proceed reason (it is kept for the "
                                         "appraiser).")
                                      .arg(w.message);
                    else
                        notes << w.message;
                }
                if (info.needsReason && !reason.isEmpty()) {
                    n.proceedReason = reason;
                    notes << Tr::tr("proposed anyway, with the reason: %1").arg(reason);
                }
                if (errors.isEmpty())
                    preview.plans.append({n, row.number});
            }
        }
        out.status = errors.isEmpty() ? RowStatus::New : RowStatus::Error;
        out.reasons = errors.isEmpty() ? notes : errors;
        preview.rows.append(out);
        preview.info.append(info);
    }
    if (preview.rows.isEmpty())
        preview.notes << Tr::tr("The list has no nominee rows under its header (row %1).").arg(mapping.headerRow);
    return preview;
}

QString nomineeStatusText(RowStatus status)
{
    switch (status) {
    case RowStatus::New: return Tr::tr("new nominee");
    case RowStatus::Changed: return Tr::tr("changes a nominee");
    case RowStatus::Unchanged: return Tr::tr("unchanged");
    case RowStatus::Error: return Tr::tr("error");
    }
    return {};
}

} // namespace VinhDanh::Core::Tables
