// The columns of a danh sách đề nghị: the spellings lower units write, and headers of two rows.
#include "core/tables/nomineelist.h"

#include "core/error.h"
#include "core/tables/mappingfile.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

const QHash<QString, NomineeField> &spellings()
{
    // In headerKey() form: folded, punctuation read as spaces ("Chức vụ, đơn vị" → "chuc vu don vi").
    static const QHash<QString, NomineeField> table = [] {
        QHash<QString, NomineeField> t;
        auto add = [&](NomineeField f, std::initializer_list<const char *> names) {
            for (const char *n : names)
                t.insert(QString::fromLatin1(n), f);
        };
        add(NomineeField::Number, {"stt", "tt", "so tt", "so thu tu"});
        add(NomineeField::Key, {"ma", "ma so", "ma ca nhan", "ma can bo", "ma nhan su", "ma tap the", "ma don vi", "key"});
        add(NomineeField::Name,
            {"ho va ten", "ho ten", "ho va ten ca nhan", "ten ca nhan", "ho ten ca nhan", "ho va ten ten tap the",
             "ho ten ten tap the", "ten tap the ho va ten", "tap the ca nhan", "ca nhan tap the", "ten tap the ca nhan",
             "tap the ca nhan de nghi xet khen thuong", "tap the ca nhan de nghi khen thuong",
             "ten tap the ca nhan de nghi khen thuong", "ho va ten hoac ten tap the", "full name", "name"});
        add(NomineeField::CollectiveName, {"ten tap the", "tap the", "ten don vi tap the", "tap the de nghi", "ten tap the de nghi"});
        add(NomineeField::BirthDate, {"ngay sinh", "ngay thang nam sinh", "sinh ngay", "birth date"});
        add(NomineeField::Position, {"chuc vu", "chuc danh", "chuc vu chuc danh", "position"});
        add(NomineeField::Unit, {"don vi", "don vi cong tac", "co quan don vi", "noi cong tac", "co quan cong tac", "ten don vi",
                                 "don vi cong tac ten tap the", "unit"});
        add(NomineeField::PositionAndUnit,
            {"chuc vu don vi cong tac", "chuc vu don vi", "chuc vu chuc danh don vi cong tac", "chuc vu co quan don vi",
             "chuc vu noi cong tac", "chuc danh don vi cong tac", "chuc vu chuc danh don vi", "chuc vu va don vi cong tac"});
        add(NomineeField::Form,
            {"hinh thuc de nghi", "hinh thuc khen thuong", "hinh thuc khen thuong de nghi", "hinh thuc de nghi khen thuong",
             "hinh thuc danh hieu de nghi", "danh hieu hinh thuc de nghi", "hinh thuc danh hieu", "danh hieu de nghi",
             "danh hieu thi dua", "danh hieu thi dua de nghi", "danh hieu", "hinh thuc", "de nghi khen thuong", "de nghi",
             "khen thuong de nghi", "hinh thuc khen thuong danh hieu", "form", "award"});
        add(NomineeField::Summary,
            {"tom tat thanh tich", "thanh tich", "thanh tich dat duoc", "tom tat thanh tich dat duoc", "thanh tich tieu bieu",
             "noi dung thanh tich", "tom tat thanh tich de nghi khen thuong", "tom tat thanh tich tieu bieu", "summary"});
        add(NomineeField::Note, {"ghi chu", "note"});
        return t;
    }();
    return table;
}

const QHash<QString, NomineeField> &fieldNames()
{
    static const QHash<QString, NomineeField> names = {
        {QStringLiteral("ignore"), NomineeField::Ignore},
        {QStringLiteral("number"), NomineeField::Number},
        {QStringLiteral("key"), NomineeField::Key},
        {QStringLiteral("name"), NomineeField::Name},
        {QStringLiteral("collective"), NomineeField::CollectiveName},
        {QStringLiteral("birthDate"), NomineeField::BirthDate},
        {QStringLiteral("position"), NomineeField::Position},
        {QStringLiteral("unit"), NomineeField::Unit},
        {QStringLiteral("positionAndUnit"), NomineeField::PositionAndUnit},
        {QStringLiteral("form"), NomineeField::Form},
        {QStringLiteral("summary"), NomineeField::Summary},
        {QStringLiteral("note"), NomineeField::Note},
    };
    return names;
}

/// The clerk's reading of the header first, else the spellings lists use. `known`: whether the
/// header says anything (a column the clerk left out is known: it is no longer "unrecognised").
NomineeField fieldOf(const QString &header, const QHash<QString, QString> &overrides, bool *known)
{
    const QString key = headerKey(header);
    if (const auto o = overrides.constFind(key); o != overrides.cend()) {
        *known = true;
        return fieldNames().value(*o, NomineeField::Ignore);
    }
    const auto it = spellings().constFind(key);
    *known = it != spellings().cend();
    return *known ? *it : NomineeField::Ignore;
}

QString fieldWords(NomineeField f)
{
    switch (f) {
    case NomineeField::Ignore: return Tr::tr("left out");
    case NomineeField::Number: return Tr::tr("the row number");
    case NomineeField::Key: return Tr::tr("the key");
    case NomineeField::Name: return Tr::tr("the name");
    case NomineeField::CollectiveName: return Tr::tr("the collective's name");
    case NomineeField::BirthDate: return Tr::tr("the birth date");
    case NomineeField::Position: return Tr::tr("the position");
    case NomineeField::Unit: return Tr::tr("the unit");
    case NomineeField::PositionAndUnit: return Tr::tr("the position and unit");
    case NomineeField::Form: return Tr::tr("the award form");
    case NomineeField::Summary: return Tr::tr("the achievement summary");
    case NomineeField::Note: return Tr::tr("the note");
    }
    return {};
}

bool namesSomeone(NomineeField f)
{
    return f == NomineeField::Name || f == NomineeField::CollectiveName;
}

/// The columns a row would give as a header, and how many of them say something about a nominee.
NomineeMapping mapRow(const Row &row, const QHash<QString, QString> &overrides, int *known)
{
    NomineeMapping m;
    *known = 0;
    for (int c = 0; c < row.cells.size(); ++c) {
        const QString header = row.cell(c).text.simplified();
        if (header.isEmpty())
            continue;
        bool recognised = false;
        const NomineeField f = fieldOf(header, overrides, &recognised);
        if (!recognised) {
            m.unrecognised << header;
            continue;
        }
        if (f != NomineeField::Number && f != NomineeField::Note && f != NomineeField::Ignore)
            ++*known;
        m.columns.append({c, f, header});
    }
    return m;
}

/// Whether `next` completes the header `header` (the lower row of a two-row header): every
/// filled cell repeats the header's cell above it (a vertically merged cell, as the DOCX reader
/// gives it) or is a column name itself, and at least one is new.
bool completesHeader(const Row &header, const Row &next, const QHash<QString, QString> &overrides)
{
    bool adds = false;
    for (int c = 0; c < next.cells.size(); ++c) {
        const QString text = next.cell(c).text.simplified();
        if (text.isEmpty())
            continue;
        if (headerKey(text) == headerKey(header.cell(c).text))
            continue;
        bool recognised = false;
        fieldOf(text, overrides, &recognised);
        if (!recognised)
            return false;
        adds = true;
    }
    return adds;
}

/// Whether `next`, which does not complete the header (a name nothing recognises), still looks
/// like its lower row: text only (no row number, no "(1) (2)" line, no date), nothing under the
/// columns that name a nominee or number the rows (a data row always fills those), and a cell
/// under an empty header cell, i.e. in a span the upper row merged.
bool looksLikeLowerRow(const Row &header, const NomineeMapping &m, const Row &next)
{
    static const QRegularExpression numbering(QStringLiteral(R"(^[(\[]?\d+[)\].]?$)"));
    bool underSpan = false;
    int filled = 0;
    for (int c = 0; c < next.cells.size(); ++c) {
        const Cell &cell = next.cell(c);
        if (cell.isEmpty())
            continue;
        ++filled;
        if (cell.kind != Cell::Kind::Text || numbering.match(cell.text.trimmed()).hasMatch())
            return false;
        for (const NomineeColumn &col : m.columns)
            if (col.column == c && (namesSomeone(col.field) || col.field == NomineeField::Number || col.field == NomineeField::Key))
                return false;
        if (header.cell(c).isEmpty())
            underSpan = true;
    }
    return filled > 0 && underSpan;
}
} // namespace

int NomineeMapping::columnOf(NomineeField field) const
{
    for (const NomineeColumn &c : columns)
        if (c.field == field)
            return c.column;
    return -1;
}

QString nomineeFieldName(NomineeField field)
{
    return fieldNames().key(field);
}

QHash<QString, QString> loadNomineeMappingFile(const QString &path)
{
    return readMappingFile(
        path, [](const QString &name) { return fieldNames().contains(name); },
        QStringLiteral("number, key, name, collective, birthDate, position, unit, positionAndUnit, form, summary, note, "
                       "ignore"));
}

NomineeMapping mapNomineeList(const Sheet &sheet, const QHash<QString, QString> &overrides, QStringList *absent, int headerRow)
{
    NomineeMapping m;
    // The clerk's row alone (its lower row still joins it below), or the first 20.
    const int first = headerRow > 0 ? headerRowIndex(sheet, headerRow) : 0;
    const int scan = headerRow > 0 ? first + 1 : qMin(20, int(sheet.rows.size()));
    for (int i = first; i < scan && m.headerIndex < 0; ++i) {
        int known = 0;
        NomineeMapping candidate = mapRow(sheet.rows.at(i), overrides, &known);
        const bool hasName = std::any_of(candidate.columns.begin(), candidate.columns.end(),
                                         [](const NomineeColumn &c) { return namesSomeone(c.field); });
        if ((known >= 2 || headerRow > 0) && hasName) {
            m = candidate;
            m.headerIndex = i;
            m.headerRow = sheet.rows.at(i).number;
        }
    }
    if (m.headerIndex < 0 && headerRow > 0)
        throw Error(Tr::tr("Row %1, chosen as the header, has no name column. Name that column \"Họ và tên\" (or \"Tên tập "
                           "thể\") in the column mapping, or choose another header row.")
                        .arg(headerRow));
    if (m.headerIndex < 0)
        throw Error(Tr::tr("No header row with a name column was found in the first %1 rows of \"%2\". Name the columns as "
                           "lists do: \"Họ và tên\" (or \"Tên tập thể\"), \"Chức vụ, đơn vị công tác\", \"Hình thức đề nghị\", "
                           "\"Tóm tắt thành tích\".")
                        .arg(scan)
                        .arg(sheet.name));
    // A two-row header: the lower row's names fill the columns the upper row spans or repeats.
    Row merged = sheet.rows.at(m.headerIndex);
    while (m.headerIndex + 1 < sheet.rows.size() && completesHeader(merged, sheet.rows.at(m.headerIndex + 1), overrides)) {
        const Row &next = sheet.rows.at(++m.headerIndex);
        m.headerRow = next.number;
        for (int c = 0; c < next.cells.size(); ++c)
            if (!next.cell(c).isEmpty()) {
                while (merged.cells.size() <= c)
                    merged.cells.append(Cell());
                merged.cells[c] = next.cell(c);
            }
        int known = 0;
        const NomineeMapping again = mapRow(merged, overrides, &known);
        m.columns = again.columns;
        m.unrecognised = again.unrecognised;
    }
    for (const Cell &c : std::as_const(merged.cells))
        m.headers << c.text.simplified();
    if (m.headerIndex + 1 < sheet.rows.size() && looksLikeLowerRow(merged, m, sheet.rows.at(m.headerIndex + 1))) {
        // Offered, not taken: the clerk names the unknown column and the header then takes both.
        Row both = merged;
        const Row &next = sheet.rows.at(m.headerIndex + 1);
        for (int c = 0; c < next.cells.size(); ++c)
            if (!next.cell(c).isEmpty()) {
                while (both.cells.size() <= c)
                    both.cells.append(Cell());
                both.cells[c] = next.cell(c);
            }
        int known = 0;
        m.lowerIndex = m.headerIndex + 1;
        m.lowerColumns = mapRow(both, overrides, &known).columns;
        for (const Cell &c : std::as_const(both.cells))
            m.lowerHeaders << c.text.simplified();
    }
    // Checked against the header as merged: an override may name a cell of its lower row.
    merged.number = m.headerRow;
    if (!absent) {
        requireMappedHeaders(merged, overrides);
    } else {
        absent->clear();
        QSet<QString> present;
        for (const QString &h : std::as_const(m.headers))
            present.insert(headerKey(h));
        for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
            if (!present.contains(it.key()))
                *absent << it.key();
    }
    QHash<NomineeField, int> seen;
    for (const NomineeColumn &c : std::as_const(m.columns)) {
        if (c.field == NomineeField::Ignore || c.field == NomineeField::Note)
            continue;
        if (seen.contains(c.field))
            throw Error(Tr::tr("Columns %1 and %2 are both read as %3; rename one of them in the file.")
                            .arg(columnName(seen.value(c.field)), columnName(c.column), fieldWords(c.field)));
        seen.insert(c.field, c.column);
    }
    return m;
}

} // namespace VinhDanh::Core::Tables
