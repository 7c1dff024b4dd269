#pragma once
// A lower unit's danh sách đề nghị (XLSX, CSV or the table of a DOCX) into a dossier as its
// nominees (issue 15): which column holds what, a preview of every row in words, then all the
// rows or none through DossierRepository::saveNominee.

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "core/tables/peopleimport.h"
#include "core/tables/table.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Tables {

/// What a column of a danh sách đề nghị holds.
enum class NomineeField {
    Ignore,
    Number,          // "STT", "TT": numbers rows, and marks the group rows "I. Tập thể", "A. Bằng khen…"
    Key,             // "Mã": a person's or a unit's key in Vinh Danh
    Name,            // "Họ và tên", "Tập thể, cá nhân đề nghị…": a person, or a collective under "Tập thể"
    CollectiveName,  // "Tên tập thể": always a unit
    BirthDate,       // "Ngày sinh"
    Position,        // "Chức vụ" (shown, not matched: positions are written many ways)
    Unit,            // "Đơn vị công tác": the person's unit, by key or name
    PositionAndUnit, // "Chức vụ, đơn vị công tác": the unit is the registry unit whose name it ends with
    Form,            // "Hình thức đề nghị", "Danh hiệu đề nghị"
    Summary,         // "Tóm tắt thành tích", "Thành tích"
    Note,            // "Ghi chú"
};

struct NomineeColumn
{
    int column = 0; // 0 = A
    NomineeField field = NomineeField::Ignore;
    QString header; // as written in the file
};

struct NomineeMapping
{
    int headerRow = 0;    // the sheet row number of the (last) header row
    int headerIndex = -1; // its index in Sheet::rows; data rows follow
    QList<NomineeColumn> columns;
    QStringList unrecognised;
    QStringList headers; // each column's header, the rows of a two-row header combined
    /// The row under the header when it looks like the header's lower row but names a column
    /// nothing recognises ("Mức khen" under a merged "Đề nghị khen thưởng"), so it is read as
    /// data: its index in Sheet::rows, else -1. `lowerHeaders` and `lowerColumns` are the header
    /// as both rows would make it; the column mapping panel shows them, and once the clerk names
    /// that column the two rows are the header.
    int lowerIndex = -1;
    QStringList lowerHeaders;
    QList<NomineeColumn> lowerColumns;

    int columnOf(NomineeField field) const;
};

/// number, key, name, collective, birthDate, position, unit, positionAndUnit, form, summary,
/// note, ignore: the names a mapping file and a saved column mapping (kind "nominees") use.
QString nomineeFieldName(NomineeField field);

/// A mapping file for a nominee list: {"column header": "field", …}; Error naming an unknown field.
QHash<QString, QString> loadNomineeMappingFile(const QString &path);

/// Finds the header (the first of the first 20 rows with a name column and one more known
/// column: the title block above is skipped). Headers are compared as headerKey() folds them,
/// with or without diacritics; `overrides` (headerKey → field name, the clerk's corrections or
/// a mapping file) come first. A header of two rows (merged cells: "Đề nghị khen thưởng" over
/// "Hình thức" and "Tóm tắt thành tích") is read as one: a row under the header whose filled
/// cells repeat the header or are column names themselves completes it. Error when there is no
/// name column or a field is given twice, and when a header the overrides name is not in the
/// header: unless `absent` is given, which then lists those headers (a saved mapping made on
/// another unit's file names columns this one lacks; a mapping file's typo is refused).
/// `headerRow` (1-based, the sheet's numbering; 0 = find it) is the clerk's choice: that row
/// starts the header when it has a name column, whatever else it has (a lower row still joins
/// it); Error when it is past the sheet's end, empty or has no name column.
NomineeMapping mapNomineeList(const Sheet &sheet, const QHash<QString, QString> &overrides = {}, QStringList *absent = nullptr,
                              int headerRow = 0);

/// What one row of the preview is, beside its words (for JSON and the dialog).
struct NomineeRowInfo
{
    QString subjectKind;      // "person" | "unit" | "" (not matched)
    QString subjectKey;       // the registry key matched
    QString formCode;         // the form recognised (or taken from a heading or the dossier)
    QString verdict;          // the engine's verdict code, "" when the form has no rule
    bool needsReason = false; // not eligible, or a form the movement does not offer here
};

/// What committing adds: one nominee per row with the status New, in sheet order.
struct NomineePlan
{
    Workflow::Nominee nominee; // dossierId, personId or unitId, formCode, summary, proceedReason
    int sheetRow = 0;
};

struct NomineeListPreview : SheetPreview // PreviewRow::name is the nominee's registry name
{
    qint64 dossierId = 0;
    QString dossierTitle;
    QList<NomineeRowInfo> info; // one per entry of `rows`
    QList<NomineePlan> plans;
};

/// Reads every row below the header against the registry and the dossier, writing nothing.
///
/// A heading row (only its first cells filled: "I. Tập thể", "II. Cá nhân", "A. Bằng khen của
/// Chủ tịch UBND tỉnh") says whether the rows under it are collectives or individuals, and may
/// give their form; a row of column numbers ("(1) (2) (3)") is skipped.
///
/// A person is found by key; else by the full name among the people of the unit written on
/// the row (the "Đơn vị" column, or the registry unit whose name ends the "Chức vụ, đơn vị"
/// cell) and the birth date when given; a name alone when exactly one person has it (or one
/// inside the dossier's unit). A collective (a row under "Tập thể", a "Tên tập thể" cell, a
/// form only collectives receive, or a name no person has but one unit has) is found by key or
/// name. The form comes from the row (Tables::AwardFormNames), else the heading above it, else
/// the one form the dossier's movement offers at its occasion for that kind of nominee; else
/// the row is an error.
///
/// Each row then gets the engine's verdict and the entry warnings DossierRepository gives. A
/// nominee the engine finds not eligible, or a form the movement does not offer there, is an
/// error unless `proceedReason` is given: it is kept on every such row for the appraiser (the
/// CLI's --proceed-reason, the dialog's field). A row already in the dossier with the same
/// form is unchanged; the same nominee and form twice in the sheet is an error.
///
/// Error (nothing read) when the dossier is missing or outside the session's units, the
/// session may not edit dossiers, or the dossier can no longer be changed (submitted or later;
/// a dossier returned for supplement can, as on the dossier page).
NomineeListPreview previewNomineeList(Database &db, qint64 dossierId, const Sheet &sheet, const NomineeMapping &mapping,
                                      const QString &proceedReason = {});

struct NomineeListCommitResult
{
    bool cancelled = false; // nothing was written
    int added = 0;
};

/// Adds the plans in one transaction through DossierRepository::saveNominee (its checks,
/// permissions, the engine's verdict and the audit log as for a nominee added by hand): all of
/// them or, on any error or a cancel, none. Refuses a preview with errors. `progress(done,
/// total)` after each nominee; setting `*cancel` stops and rolls back.
NomineeListCommitResult commitNomineeList(Database &db, const NomineeListPreview &preview,
                                          const std::function<void(int done, int total)> &progress = {},
                                          const std::atomic_bool *cancel = nullptr);

/// "new nominee", "unchanged", "error" (translated).
QString nomineeStatusText(RowStatus status);

} // namespace VinhDanh::Core::Tables
