#pragma once

// The clerk's corrections of a table import's column mapping (issue 15 item 2), saved under a
// name per list kind so every clerk of the office (and `vinhdanh-cli import-table --mapping
// NAME`) can apply them again. Stored in office_settings as "import.mapping.<kind>.<name>" →
// {"column header (headerKey form)": "field"}; this file is their one writer. A header row the
// clerk chose is kept under the key "#headerRow" (its 1-based number as text): no header's
// headerKey has a '#', and versions before it drop the key as naming no field.

#include "core/tables/table.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Tables {

/// The lists whose columns are mapped; Nominees is a dossier's danh sách đề nghị (nomineelist.h).
enum class MappingKind { People, Units, Awards, Disciplines, Initiatives, Nominees };

/// people, units, awards, disciplines, initiatives, nominees: the CLI's --kind and the settings key.
QString mappingKindCode(MappingKind kind);
/// The kind of a code mappingKindCode() gives; nullopt for any other text.
std::optional<MappingKind> mappingKindFromCode(const QString &code);
/// Every kind, in the order the CLI's help lists them.
QList<MappingKind> mappingKinds();

/// One thing a column can be read as: the field name of a mapping file, and the clerk's words.
struct MappingChoice
{
    QString field;
    QString words;
};

/// What a column of the list can be read as, "ignore" ("Leave out") first. `years` adds the
/// per-year fields (a staff list's "rating:2023", an award list's "title:2023").
QList<MappingChoice> mappingChoices(MappingKind kind, const QList<int> &years = {});
/// Whether `field` is a field name of the list (per-year fields of any year included).
bool isMappingField(MappingKind kind, const QString &field);
/// The year a per-year field names ("rating:2023" → 2023), else 0.
int mappingFieldYear(const QString &field);

/// The names of the presets saved for `kind`, in Vietnamese order.
QStringList mappingPresetNames(Database &db, MappingKind kind);
/// The preset `name` (compared without case or diacritics). Error naming the saved presets
/// when there is none of that name.
QHash<QString, QString> mappingPreset(Database &db, MappingKind kind, const QString &name);
/// The header row saved with the preset `name` (1-based, as the sheet numbers rows), 0 when the
/// preset leaves it to the automatic reading or there is no such preset.
int mappingPresetHeaderRow(Database &db, MappingKind kind, const QString &name);
/// Saves `overrides` (headerKey → field) and the clerk's `headerRow` (0 = found automatically)
/// as `name`, replacing a preset of the same name (compared without case or diacritics). Error
/// for an empty name, neither overrides nor a header row, or an unknown field; needs the right to edit the registry, as the import does (a nominee list's: the right
/// to edit dossiers). Audited by office_settings' trigger, as every office setting.
void saveMappingPreset(Database &db, MappingKind kind, const QString &name, const QHash<QString, QString> &overrides,
                       int headerRow = 0);
/// Deletes the preset `name` of `kind` (compared without case or diacritics) and returns the name
/// as it was saved. Error naming the saved presets when there is none of that name; the same
/// right as saving. Audited like saving (the trigger keeps the deleted mapping as the old value).
QString deleteMappingPreset(Database &db, MappingKind kind, const QString &name);

/// The overrides whose header is in one of the sheet's first 20 rows (where the mappings look
/// for the header): a preset made for another office's file names columns this one lacks,
/// which must not refuse the file (a hand-written mapping file's typo still does). With the
/// clerk's `headerRow` (1-based), the overrides whose header is in that row (none when the sheet
/// has no such row: the mapping then says why).
QHash<QString, QString> presentOverrides(const Sheet &sheet, const QHash<QString, QString> &overrides, int headerRow = 0);

} // namespace VinhDanh::Core::Tables
