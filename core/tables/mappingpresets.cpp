#include "core/tables/mappingpresets.h"
#include "core/registry/officesettings.h"
#include "core/tables/mappingfile.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/text/vntext.h"

#include <QCollator>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

QString prefix(MappingKind kind)
{
    return QStringLiteral("import.mapping.%1.").arg(mappingKindCode(kind));
}

/// The per-year field of the list ("rating" for staff, "title" for awards), or empty.
QString yearFieldStem(MappingKind kind)
{
    return kind == MappingKind::People ? QStringLiteral("rating") : kind == MappingKind::Awards ? QStringLiteral("title") : QString();
}

/// Every saved preset of `kind`: name → stored JSON.
QList<std::pair<QString, QString>> stored(Database &db, MappingKind kind)
{
    const QString p = prefix(kind);
    const QHash<QString, QString> settings = OfficeSettings::withPrefix(db, p);
    QList<std::pair<QString, QString>> out;
    for (auto it = settings.constBegin(); it != settings.constEnd(); ++it)
        out.append({it.key().mid(p.size()), it.value()});
    return out;
}

/// Where a preset keeps the clerk's header row (see the header).
const QString kHeaderRowKey = QStringLiteral("#headerRow");

/// Saving and deleting take the right the list's import needs.
void requireRight(Database &db, MappingKind kind)
{
    const auto action = kind == MappingKind::Nominees ? Permissions::Action::EditDossiers : Permissions::Action::EditRegistry;
    // allowed(): the action in general (a clerk may, for their units); require() then only to
    // throw its message naming the account.
    if (!Permissions::allowed(db, action))
        Permissions::require(db, action);
}
} // namespace

QString mappingKindCode(MappingKind kind)
{
    switch (kind) {
    case MappingKind::Units: return QStringLiteral("units");
    case MappingKind::Awards: return QStringLiteral("awards");
    case MappingKind::Disciplines: return QStringLiteral("disciplines");
    case MappingKind::Initiatives: return QStringLiteral("initiatives");
    case MappingKind::Nominees: return QStringLiteral("nominees");
    case MappingKind::People: break;
    }
    return QStringLiteral("people");
}

QList<MappingKind> mappingKinds()
{
    return {MappingKind::People,      MappingKind::Units,       MappingKind::Awards,
            MappingKind::Disciplines, MappingKind::Initiatives, MappingKind::Nominees};
}

std::optional<MappingKind> mappingKindFromCode(const QString &code)
{
    for (MappingKind k : mappingKinds())
        if (mappingKindCode(k) == code)
            return k;
    return std::nullopt;
}

QList<MappingChoice> mappingChoices(MappingKind kind, const QList<int> &years)
{
    // The field names are those of the mapping files (peoplemapping.h, unitmapping.h,
    // awardmapping.h); a core test checks each list against the file loaders.
    QList<MappingChoice> out{{QStringLiteral("ignore"), Tr::tr("Leave out")}};
    auto add = [&](const char *field, const QString &words) { out.append({QString::fromLatin1(field), words}); };
    if (kind == MappingKind::Units) {
        add("key", Tr::tr("Unit's key"));
        add("name", Tr::tr("Unit name"));
        add("parent", Tr::tr("Parent unit"));
        add("kind", Tr::tr("Kind of unit"));
        add("validFrom", Tr::tr("Valid from"));
        add("validTo", Tr::tr("Valid until"));
        add("successor", Tr::tr("Successor unit"));
        return out;
    }
    if (kind == MappingKind::Nominees) {
        // The names of nomineeFieldName() (nomineelist.h).
        add("number", Tr::tr("Row number (STT)"));
        add("key", Tr::tr("Person's or unit's key"));
        add("name", Tr::tr("Name (a person or a collective)"));
        add("collective", Tr::tr("Collective's name"));
        add("birthDate", Tr::tr("Birth date"));
        add("position", Tr::tr("Position"));
        add("unit", Tr::tr("Unit"));
        add("positionAndUnit", Tr::tr("Position and unit"));
        add("form", Tr::tr("Award form"));
        add("summary", Tr::tr("Achievement summary"));
        add("note", Tr::tr("Note"));
        return out;
    }
    add("key", Tr::tr("Person's key"));
    add("fullName", Tr::tr("Full name"));
    add("birthDate", Tr::tr("Birth date"));
    if (kind == MappingKind::People) {
        add("gender", Tr::tr("Gender"));
        add("unit", Tr::tr("Unit"));
        add("position", Tr::tr("Position"));
        add("category", Tr::tr("Category"));
        add("cccd", Tr::tr("CCCD number"));
        add("year", Tr::tr("Year of the rating"));
        add("rating", Tr::tr("Rating"));
    } else {
        add("unit", Tr::tr("Unit"));
        if (kind != MappingKind::Initiatives)
            add("collective", Tr::tr("Collective"));
    }
    if (kind == MappingKind::Awards) {
        add("form", Tr::tr("Award form"));
        add("year", Tr::tr("Year of the award"));
        add("decisionNo", Tr::tr("Decision number"));
        add("decisionDate", Tr::tr("Decision date"));
        add("authority", Tr::tr("Deciding authority"));
        add("kind", Tr::tr("Kind of award"));
    } else if (kind == MappingKind::Disciplines) {
        add("kind", Tr::tr("Kind of discipline"));
        add("decisionNo", Tr::tr("Decision number"));
        add("startDate", Tr::tr("From date"));
        add("endDate", Tr::tr("To date"));
    } else if (kind == MappingKind::Initiatives) {
        add("title", Tr::tr("Initiative's title"));
        add("level", Tr::tr("Level of recognition"));
        add("decisionNo", Tr::tr("Decision number"));
        add("decisionDate", Tr::tr("Decision date"));
        add("usedFor", Tr::tr("Award it was used for"));
    }
    if (kind != MappingKind::People)
        add("note", Tr::tr("Note"));
    const QString stem = yearFieldStem(kind);
    if (!stem.isEmpty()) {
        QList<int> sorted = years;
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        for (int y : std::as_const(sorted))
            out.append({QStringLiteral("%1:%2").arg(stem).arg(y),
                        kind == MappingKind::People ? Tr::tr("Rating of %1").arg(y) : Tr::tr("Title of %1").arg(y)});
    }
    return out;
}

int mappingFieldYear(const QString &field)
{
    static const QRegularExpression re(QStringLiteral(R"(^(?:rating|title):(\d{4})$)"));
    const auto m = re.match(field);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

bool isMappingField(MappingKind kind, const QString &field)
{
    const int year = mappingFieldYear(field);
    if (year > 0)
        return field.startsWith(yearFieldStem(kind) + QLatin1Char(':')) && !yearFieldStem(kind).isEmpty();
    const QList<MappingChoice> choices = mappingChoices(kind);
    return std::any_of(choices.cbegin(), choices.cend(), [&](const MappingChoice &c) { return c.field == field; });
}

QStringList mappingPresetNames(Database &db, MappingKind kind)
{
    QStringList names;
    for (const auto &[name, json] : stored(db, kind))
        names << name;
    QCollator vi{QLocale(QLocale::Vietnamese, QLocale::Vietnam)};
    std::sort(names.begin(), names.end(), [&](const QString &a, const QString &b) { return vi.compare(a, b) < 0; });
    return names;
}

QHash<QString, QString> mappingPreset(Database &db, MappingKind kind, const QString &name)
{
    const QString wanted = Text::fold(name);
    for (const auto &[saved, json] : stored(db, kind)) {
        if (Text::fold(saved) != wanted)
            continue;
        QHash<QString, QString> out;
        const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
        for (auto it = object.begin(); it != object.end(); ++it)
            if (isMappingField(kind, it.value().toString())) // a field a later version dropped is left out
                out.insert(headerKey(it.key()), it.value().toString());
        return out;
    }
    const QStringList names = mappingPresetNames(db, kind);
    if (names.isEmpty())
        throw Error(Tr::tr("There is no mapping file or saved column mapping named \"%1\", and no column mapping is saved for "
                           "this list yet (save one in the import dialog).")
                        .arg(name));
    throw Error(Tr::tr("There is no mapping file or saved column mapping named \"%1\". The column mappings saved for this "
                       "list: %2.")
                    .arg(name, names.join(QStringLiteral(", "))));
}

int mappingPresetHeaderRow(Database &db, MappingKind kind, const QString &name)
{
    const QString wanted = Text::fold(name);
    for (const auto &[saved, json] : stored(db, kind))
        if (Text::fold(saved) == wanted)
            return qMax(0, QJsonDocument::fromJson(json.toUtf8()).object().value(kHeaderRowKey).toString().toInt());
    return 0;
}

void saveMappingPreset(Database &db, MappingKind kind, const QString &name, const QHash<QString, QString> &overrides, int headerRow)
{
    requireRight(db, kind);
    const QString clean = Text::clean(name);
    if (clean.isEmpty())
        throw Error(Tr::tr("Give the column mapping a name."));
    if (overrides.isEmpty() && headerRow <= 0)
        throw Error(Tr::tr("There is nothing to save: no column's reading was changed."));
    QJsonObject object;
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (!isMappingField(kind, it.value()))
            throw Error(Tr::tr("The column \"%1\" cannot be read as \"%2\".").arg(it.key(), it.value()));
        object.insert(headerKey(it.key()), it.value());
    }
    if (headerRow > 0)
        object.insert(kHeaderRowKey, QString::number(headerRow)); // text: older versions skip it as no field
    Transaction tx(db.sql());
    // The same name in other case or without diacritics is the same preset: replaced, not doubled.
    for (const auto &[saved, json] : stored(db, kind))
        if (Text::fold(saved) == Text::fold(clean))
            OfficeSettings::remove(db, QString(prefix(kind) + saved));
    OfficeSettings::put(db, QString(prefix(kind) + clean), QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    tx.commit();
}

QString deleteMappingPreset(Database &db, MappingKind kind, const QString &name)
{
    requireRight(db, kind);
    const QString wanted = Text::fold(Text::clean(name));
    Transaction tx(db.sql());
    QString deleted;
    for (const auto &[saved, json] : stored(db, kind)) {
        if (Text::fold(saved) != wanted)
            continue;
        // Row by row, so the audit trigger keeps each deleted mapping as its old value.
        OfficeSettings::remove(db, QString(prefix(kind) + saved));
        deleted = saved;
    }
    if (deleted.isEmpty()) {
        const QStringList names = mappingPresetNames(db, kind);
        if (names.isEmpty())
            throw Error(Tr::tr("There is no saved column mapping named \"%1\": no column mapping is saved for this list.").arg(name));
        throw Error(Tr::tr("There is no saved column mapping named \"%1\". The column mappings saved for this list: %2.")
                        .arg(name, names.join(QStringLiteral(", "))));
    }
    tx.commit();
    return deleted;
}

QHash<QString, QString> presentOverrides(const Sheet &sheet, const QHash<QString, QString> &overrides, int headerRow)
{
    if (headerRow > 0) {
        // The header is the clerk's row: its headers, and no other row's.
        QHash<QString, QString> out;
        const auto at = std::find_if(sheet.rows.cbegin(), sheet.rows.cend(), [&](const Row &r) { return r.number == headerRow; });
        if (at != sheet.rows.cend())
            for (const Cell &c : at->cells)
                if (const QString key = headerKey(c.text); overrides.contains(key))
                    out.insert(key, overrides.value(key));
        return out;
    }
    // The overrides of the one row among the first 20 that holds most of them: the header.
    // Looking at every cell instead would take a data cell for a header ("Nam" as a gender
    // folds like the header "Năm"), and the mapper then refuses a header row without it.
    QSet<QString> best;
    const int scan = qMin(20, int(sheet.rows.size()));
    for (int i = 0; i < scan; ++i) {
        QSet<QString> here;
        for (const Cell &c : sheet.rows.at(i).cells)
            if (const QString key = headerKey(c.text); overrides.contains(key))
                here.insert(key);
        if (here.size() > best.size())
            best = here;
    }
    QHash<QString, QString> out;
    for (const QString &key : std::as_const(best))
        out.insert(key, overrides.value(key));
    return out;
}

} // namespace VinhDanh::Core::Tables
