#pragma once

// Templates to fill (issue 15 item 2): an XLSX whose header row is the import's own spelling of
// each column, so the filled-in file maps with no mapping file; drop-downs for the coded
// columns; a "Hướng dẫn" sheet explaining each column with an example (never on the data
// sheet, so the import cannot take the example for a row).

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Tables {

/// The lists a template is made for (the import-table kinds).
enum class TemplateKind { People, Units, Awards, Disciplines, Initiatives };

/// people | units | awards | disciplines | initiatives: the codes of --kind.
QString templateKindCode(TemplateKind kind);
std::optional<TemplateKind> templateKindFromCode(const QString &code);
QList<TemplateKind> templateKinds();

/// Where a column's drop-down takes its values from.
enum class ChoiceList {
    None,
    Ratings,          // the four task ratings in words ("Hoàn thành xuất sắc nhiệm vụ", …)
    Genders,          // Nam, Nữ
    Categories,       // Cán bộ, Công chức, …
    UnitKinds,        // the words the unit import reads for each kind
    Units,            // the database's units (their names; the key where a name is not unique)
    AwardForms,       // the award forms' names: the database's catalogue, or the built-in one
    AwardKinds,       // Công trạng, Đột xuất, Theo đợt, Cống hiến
    DisciplineKinds,  // Khiển trách … Buộc thôi việc, Khác
    InitiativeLevels, // Cơ sở, Cấp tỉnh, Toàn quốc
};

/// One column of a template: all a kind's template is, is a list of these.
struct TemplateColumn
{
    QString header; // the import's own Vietnamese spelling: never translated (the import reads it)
    ChoiceList choices = ChoiceList::None;
    double width = 14; // in Excel's units (about one digit)
    bool date = false; // formatted dd/mm/yyyy
    bool text = false; // stored as text, so keys and CCCD numbers keep their leading zeros
    QString help;      // what to write, translated (the "Hướng dẫn" sheet and the cell's prompt)
    QString example;   // a filled-in value, on the "Hướng dẫn" sheet only
};

struct TemplateSpec
{
    QString title;     // the first row of the data sheet
    QString sheetName; // the data sheet (the first one: the import reads it)
    QList<TemplateColumn> columns;
};

/// The row of the data sheet the header is on (1-based); data rows follow it. Row 1 is the title.
constexpr int kTemplateHeaderRow = 2;
/// The hidden sheet holding the drop-downs' values (Excel's inline lists stop at 255 characters,
/// far short of a province's units). Not translated: the drop-downs' ranges name it.
inline constexpr char kChoicesSheet[] = "Danh mục";

/// The columns of a kind's template. People: one row per person with a rating column per year
/// ("Xếp loại 2022" … "Xếp loại <lastYear>", five years), the layout offices keep. Awards and
/// disciplines: one record per row, about a person (key, or name with birth date and unit) or,
/// for awards, a collective ("Tập thể"). Initiatives: one row per holder, the title repeated.
TemplateSpec templateSpec(TemplateKind kind, int lastYear);

/// The values of a drop-down. Units: without a database none (the column is left free); with
/// one, the units the account may edit that are not dissolved, in Vietnamese order, each by its
/// name, or by its key when another unit has the same name (the import refuses an ambiguous name).
QStringList choiceValues(Database *db, ChoiceList list);

/// Writes the template of `kind` to `path` (replacing it whole, or not at all). `db` may be
/// null: the drop-downs then hold the built-in lists only. `lastYear` 0 = the current year.
/// Error when the file cannot be written.
void writeTemplate(Database *db, TemplateKind kind, const QString &path, int lastYear = 0);

} // namespace VinhDanh::Core::Tables
