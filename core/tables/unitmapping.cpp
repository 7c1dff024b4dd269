#include "core/tables/unitmapping.h"
#include "core/tables/mappingfile.h"

#include "core/domain/codes.h"
#include "core/error.h"
#include "core/text/strictjson.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

const QHash<QString, UnitField> &spellings()
{
    // Already in headerKey() form. "Đơn vị" alone is the unit's own name here (in a staff list it is
    // the person's unit); "Đơn vị trực thuộc" is left out: offices use it both ways.
    static const QHash<QString, UnitField> table = [] {
        QHash<QString, UnitField> t;
        auto add = [&](UnitField f, std::initializer_list<const char *> names) {
            for (const char *n : names)
                t.insert(QString::fromLatin1(n), f);
        };
        add(UnitField::Key, {"ma don vi", "ma dv", "ma", "ma so", "ma co quan", "key"});
        add(UnitField::Name,
            {"ten don vi", "don vi", "ten", "ten co quan", "ten co quan don vi", "co quan don vi", "ten tap the", "name"});
        add(UnitField::Parent, {"don vi cap tren", "truc thuoc", "cap tren", "co quan cap tren", "don vi chu quan", "co quan chu quan",
                                "thuoc", "thuoc don vi", "parent"});
        add(UnitField::Kind, {"loai hinh", "loai don vi", "loai hinh don vi", "loai", "loai hinh to chuc", "kind"});
        add(UnitField::ValidFrom, {"ngay thanh lap", "hieu luc tu", "hieu luc tu ngay", "tu ngay", "ngay hieu luc", "valid from"});
        add(UnitField::ValidTo, {"ngay giai the", "het hieu luc", "het hieu luc tu", "ngay het hieu luc", "den ngay", "ngay sap nhap",
                                 "ngay giai the sap nhap", "valid to"});
        add(UnitField::Successor, {"don vi ke thua", "ke thua", "sap nhap vao", "don vi tiep nhan", "hop nhat vao", "successor"});
        add(UnitField::Ignore, {"stt", "tt", "so tt", "ghi chu"});
        return t;
    }();
    return table;
}

const QHash<QString, UnitField> &fieldNames()
{
    static const QHash<QString, UnitField> names = {
        {QStringLiteral("ignore"), UnitField::Ignore},   {QStringLiteral("key"), UnitField::Key},
        {QStringLiteral("name"), UnitField::Name},       {QStringLiteral("parent"), UnitField::Parent},
        {QStringLiteral("kind"), UnitField::Kind},       {QStringLiteral("validFrom"), UnitField::ValidFrom},
        {QStringLiteral("validTo"), UnitField::ValidTo}, {QStringLiteral("successor"), UnitField::Successor},
    };
    return names;
}

QString fieldWords(UnitField f)
{
    switch (f) {
    case UnitField::Ignore: return Tr::tr("left out");
    case UnitField::Key: return Tr::tr("the unit's key");
    case UnitField::Name: return Tr::tr("the unit's name");
    case UnitField::Parent: return Tr::tr("the parent unit");
    case UnitField::Kind: return Tr::tr("the kind of unit");
    case UnitField::ValidFrom: return Tr::tr("the valid-from date");
    case UnitField::ValidTo: return Tr::tr("the valid-to date");
    case UnitField::Successor: return Tr::tr("the successor unit");
    }
    return {};
}

UnitMapping mapRow(const Row &row, const QHash<QString, QString> &overrides, int *known)
{
    UnitMapping m;
    *known = 0;
    for (int c = 0; c < row.cells.size(); ++c) {
        const QString header = row.cell(c).text.simplified();
        if (header.isEmpty())
            continue;
        const QString k = headerKey(header);
        UnitField field = UnitField::Ignore;
        if (overrides.contains(k))
            field = fieldNames().value(overrides.value(k));
        else if (spellings().contains(k))
            field = spellings().value(k);
        else {
            m.unrecognised << header;
            continue;
        }
        if (field != UnitField::Ignore)
            ++*known;
        m.columns.append({c, field, header});
    }
    return m;
}
} // namespace

int UnitMapping::columnOf(UnitField field) const
{
    for (const UnitColumn &c : columns)
        if (c.field == field)
            return c.column;
    return -1;
}

QString unitFieldName(UnitField field)
{
    return fieldNames().key(field);
}

QHash<QString, QString> loadUnitMappingFile(const QString &path)
{
    return readMappingFile(
        path, [](const QString &name) { return fieldNames().contains(name); },
        QStringLiteral("key, name, parent, kind, validFrom, validTo, successor, ignore"));
}

UnitMapping mapUnits(const Sheet &sheet, const QHash<QString, QString> &overrides, int headerRow)
{
    UnitMapping m;
    // The clerk's row alone, or the first 20.
    const int first = headerRow > 0 ? headerRowIndex(sheet, headerRow) : 0;
    const int scan = headerRow > 0 ? first + 1 : qMin(20, int(sheet.rows.size()));
    for (int i = first; i < scan && m.headerIndex < 0; ++i) {
        int known = 0;
        UnitMapping candidate = mapRow(sheet.rows.at(i), overrides, &known);
        if ((known >= 2 || headerRow > 0) && candidate.columnOf(UnitField::Name) >= 0) {
            m = candidate;
            m.headerIndex = i;
            m.headerRow = sheet.rows.at(i).number;
        }
    }
    if (m.headerIndex < 0 && headerRow > 0)
        throw Error(Tr::tr("Row %1, chosen as the header, has no unit-name column. Name that column \"Tên đơn vị\" in the "
                           "column mapping, or choose another header row.")
                        .arg(headerRow));
    if (m.headerIndex < 0)
        throw Error(Tr::tr("No header row with a unit-name column was found in the first %1 rows of \"%2\". Name the column "
                           "\"Tên đơn vị\" or set how the columns are read (the column mapping, or --mapping).")
                        .arg(scan)
                        .arg(sheet.name));
    requireMappedHeaders(sheet.rows.at(m.headerIndex), overrides);
    QHash<UnitField, int> seen;
    for (const UnitColumn &c : std::as_const(m.columns)) {
        if (c.field == UnitField::Ignore)
            continue;
        if (seen.contains(c.field))
            throw Error(Tr::tr("Columns %1 and %2 are both read as %3; leave one out in the column mapping (or with --mapping).")
                            .arg(columnName(seen.value(c.field)), columnName(c.column), fieldWords(c.field)));
        seen.insert(c.field, c.column);
    }
    return m;
}

namespace Values {

QString unitKind(const QString &text)
{
    const QString k = headerKey(text);
    if (k.isEmpty())
        return {};
    // The code and the label in the language in use ("Enterprise" or "Doanh nghiệp").
    for (const CodeLabel &c : Codes::list(Codes::Set::UnitKind))
        if (k == headerKey(c.code) || k == headerKey(c.label))
            return c.code;
    // The Vietnamese labels (whatever the language in use) and the words offices write.
    static const QHash<QString, QString> words = [] {
        QHash<QString, QString> t;
        auto add = [&](const char *code, std::initializer_list<const char *> names) {
            for (const char *n : names)
                t.insert(QString::fromLatin1(n), QString::fromLatin1(code));
        };
        add("provincial_agency",
            {"co quan don vi cap tinh", "co quan cap tinh", "don vi cap tinh", "so", "so ban nganh", "co quan", "co quan nha nuoc",
             "co quan hanh chinh", "don vi su nghiep", "don vi su nghiep cong lap", "ban nganh", "cap tinh"});
        add("commune_ward",
            {"ubnd xa phuong", "ubnd xa", "ubnd phuong", "ubnd thi tran", "uy ban nhan dan xa", "uy ban nhan dan phuong", "xa",
             "phuong", "thi tran", "xa phuong", "xa phuong thi tran", "dac khu", "cap xa"});
        add("department", {"phong ban thuoc don vi", "phong ban", "phong", "bo phan", "khoa", "phong chuyen mon"});
        add("enterprise", {"doanh nghiep", "dn", "cong ty", "doanh nghiep nha nuoc", "tong cong ty"});
        add("front_org", {"mttq to chuc chinh tri xa hoi", "mttq", "mat tran to quoc", "to chuc chinh tri xa hoi", "doan the",
                          "mat tran doan the"});
        add("social_org", {"to chuc xa hoi", "to chuc xa hoi nghe nghiep", "hoi", "hoi nghe nghiep", "to chuc hoi"});
        add("cooperative", {"hop tac xa", "htx", "lien hiep hop tac xa"});
        return t;
    }();
    return words.value(k);
}

} // namespace Values

} // namespace VinhDanh::Core::Tables
