#pragma once

#include "core/registry/registry.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/table.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Tables {

enum class RowStatus { New, Changed, Unchanged, Error };

/// One data row of the sheet as the preview shows it.
struct PreviewRow
{
    int sheetRow = 0; // the row number in the spreadsheet
    RowStatus status = RowStatus::Unchanged;
    QString name;        // the person's full name as read (may be empty on an error row)
    QStringList reasons; // what the row adds or changes, or why it is refused, in words
    // What the clerk should look at before importing a row that is still importable: a new
    // person who may already be in the registry (the same name and birth date in another unit,
    // say, someone who moved). Shown beside the reasons; never makes the row an error.
    QStringList warnings;
    QStringList cells; // the row's cells as text, for the rejected-rows file

    /// The reasons, then the warnings each marked as one ("cảnh báo: …"): the preview's
    /// details column in every import dialog.
    QStringList detailLines() const;
};

/// What committing will write for one person (several rows of a sheet may make one person:
/// one row per year in the "Năm" + "Xếp loại" layout).
struct PersonPlan
{
    Person person;           // with id and version when it exists (the commit refuses if it moved on)
    bool savePerson = false; // new, or a field changes
    QList<Rating> ratings;   // the ratings to set (new or changed years only)
    int firstRow = 0;        // sheet row, for messages
};

/// What the preview of any list holds (staff, units): every row of the sheet with its status
/// and reasons in words. Built without writing anything; a dialog shows `rows`.
struct SheetPreview
{
    QString sheetName;
    int headerRow = 0;
    QStringList headers; // the header row's cells, for the rejected-rows file
    QStringList notes;   // about the file as a whole (hidden sheets, columns left out)
    QList<PreviewRow> rows;
    // The file read, when the caller sets it: the commit writes its name and SHA-256 into the
    // import's one audit entry (core/audit/bulkwrite.h).
    QString sourceFile;
    QString sourceSha256; // TableFile::sha256 of that read; empty: hashed at the commit

    int count(RowStatus status) const;
    bool hasErrors() const { return count(RowStatus::Error) > 0; }
    /// Begins the preview of `sheet` whose header is row `headerIndex` (numbered `headerRow`):
    /// the sheet's name, the header's cells, and a note naming the columns left out.
    void begin(const Sheet &sheet, int headerIndex, int headerRow, const QStringList &unrecognised);
};

/// A staff list's preview and the plan the commit follows.
struct PeoplePreview : SheetPreview
{
    QList<PersonPlan> plans;
};

/// Reads every data row below the mapping's header. A row is an error when a cell cannot be
/// read (with its column), a required field is missing for a new person, the unit is unknown
/// or outside the account's subtree, or the registry's own validation refuses it. People are
/// matched by their key (a key whose stored name differs from the row's is an error); without
/// one, or with a key nobody has, by the same name, birth date and unit (so importing the same
/// list twice changes nothing). In the one-row-per-year layout, later rows of a person add the
/// fields they give, and a row without the birth date joins the one earlier person with that
/// name and unit. An empty cell keeps what the registry has; a formula without a computed value
/// or a TRUE/FALSE cell is an error.
/// A CCCD that belongs to someone else in the registry is an error naming them (CCCD is unique);
/// a row that adds a person the registry likely holds already (Dedup::scorePeople below 100:
/// the same folded name with the same birth date, or in the same unit without a birth date to
/// compare) stays New with a warning naming them with key, unit and birth year only.
PeoplePreview previewPeople(Database &db, const Sheet &sheet, const PeopleMapping &mapping);

struct CommitResult
{
    bool cancelled = false; // nothing was written
    int peopleAdded = 0;
    int peopleChanged = 0;
    int ratingsSet = 0;
};

/// Writes the preview's plan in one transaction through the repositories (validation, the
/// account's permissions and the audit log apply as for a clerk's own edits): all of it or,
/// on any error or a cancel, nothing. Refuses a preview with errors. `progress(done, total)`
/// is called after each person; setting `*cancel` stops and rolls back (cancelled = true).
CommitResult commitPeople(Database &db, const PeoplePreview &preview, const std::function<void(int done, int total)> &progress = {},
                          const std::atomic_bool *cancel = nullptr);

/// The error rows, as an XLSX when `path` ends in .xlsx, else as a CSV. XLSX: a bold header
/// row, a first column "Row" (the source's row numbers), the row's cells as text (never a
/// formula: "=1+1" stays text), a last column "Reason" in red, wrapped. CSV (UTF-8 with BOM, so
/// Excel shows Vietnamese; ";" between fields, as Excel under Vietnamese regional settings
/// expects): the header row, then each refused row with its row number and reasons as the last
/// two columns; a cell starting with = + - @ gets a leading ' so Excel does not run it as a
/// formula. Error when not writable (rejected.cpp).
void saveRejected(const SheetPreview &preview, const QString &path);

/// A row's reasons on one line, "; " between them (a sentence's final full stop dropped).
QString reasonsText(const QStringList &reasons);

/// The status in words ("new person", "changes a person", …), translated.
QString statusText(RowStatus status);
/// The stable code of a status for JSON output: new | changed | unchanged | error.
QString statusCode(RowStatus status);

} // namespace VinhDanh::Core::Tables
