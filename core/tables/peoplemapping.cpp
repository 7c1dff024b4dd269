#include "core/tables/peoplemapping.h"
#include "core/tables/mappingfile.h"

#include "core/domain/codes.h"
#include "core/error.h"
#include "core/text/strictjson.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

const QHash<QString, Field> &spellings()
{
    // The usual spellings of office lists, already in headerKey() form. "nam" is the year ("Năm"):
    // as a header it never means "male".
    static const QHash<QString, Field> table = [] {
        QHash<QString, Field> t;
        auto add = [&](Field f, std::initializer_list<const char *> names) {
            for (const char *n : names)
                t.insert(QString::fromLatin1(n), f);
        };
        add(Field::FullName, {"ho va ten", "ho ten", "ho va ten can bo", "ho ten can bo", "ho va ten day du", "ten can bo",
                              "ho va ten ca nhan", "full name", "fullname", "name"});
        add(Field::Key, {"ma", "ma ca nhan", "ma nhan su", "ma can bo", "ma so", "key"});
        add(Field::BirthDate, {"ngay sinh", "ngay thang nam sinh", "sinh ngay", "ngay sinh dd mm yyyy", "birth date"});
        add(Field::Gender, {"gioi tinh", "gioi", "nam nu", "gender"});
        add(Field::Unit, {"don vi", "don vi cong tac", "co quan don vi", "co quan", "ten don vi", "ma don vi", "unit"});
        add(Field::Position, {"chuc vu", "chuc danh", "chuc vu chuc danh", "position"});
        add(Field::Category, {"doi tuong", "loai doi tuong", "nhom doi tuong", "category"});
        add(Field::Cccd, {"cccd", "so cccd", "can cuoc cong dan", "so can cuoc cong dan", "so can cuoc", "cccd cmnd", "so cccd cmnd",
                          "cmnd cccd", "so dinh danh ca nhan", "cccd"});
        add(Field::Year, {"nam", "nam danh gia", "nam xep loai", "year"});
        add(Field::Rating, {"xep loai", "muc xep loai", "ket qua xep loai", "danh gia xep loai", "xep loai danh gia",
                            "xep loai chat luong", "muc do hoan thanh nhiem vu", "rating"});
        add(Field::Ignore, {"stt", "tt", "so tt", "ghi chu"});
        return t;
    }();
    return table;
}

/// "Xếp loại 2021", "2022", "Năm 2023", "XL 2024" → the year; 0 otherwise.
int yearOfHeader(const QString &headerKey)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(?:(?:xep loai|xl|danh gia|danh gia xep loai|ket qua xep loai|nam|xep loai nam|ket qua nam|rating)\s+)?(\d{4})$)"));
    const auto m = re.match(headerKey);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

/// A field name of a mapping file; false when unknown.
bool parseFieldName(const QString &name, Field *field, int *year)
{
    static const QHash<QString, Field> names = {
        {QStringLiteral("ignore"), Field::Ignore},     {QStringLiteral("key"), Field::Key},
        {QStringLiteral("fullName"), Field::FullName}, {QStringLiteral("birthDate"), Field::BirthDate},
        {QStringLiteral("gender"), Field::Gender},     {QStringLiteral("unit"), Field::Unit},
        {QStringLiteral("position"), Field::Position}, {QStringLiteral("category"), Field::Category},
        {QStringLiteral("cccd"), Field::Cccd},         {QStringLiteral("year"), Field::Year},
        {QStringLiteral("rating"), Field::Rating},
    };
    *year = 0;
    if (names.contains(name)) {
        *field = names.value(name);
        return true;
    }
    static const QRegularExpression perYear(QStringLiteral(R"(^rating:(\d{4})$)"));
    if (const auto m = perYear.match(name); m.hasMatch()) {
        *field = Field::YearRating;
        *year = m.captured(1).toInt();
        return true;
    }
    return false;
}

QString fieldWords(Field f, int year)
{
    switch (f) {
    case Field::Ignore: return Tr::tr("left out");
    case Field::Key: return Tr::tr("the person's key");
    case Field::FullName: return Tr::tr("the full name");
    case Field::BirthDate: return Tr::tr("the birth date");
    case Field::Gender: return Tr::tr("the gender");
    case Field::Unit: return Tr::tr("the unit");
    case Field::Position: return Tr::tr("the position");
    case Field::Category: return Tr::tr("the category");
    case Field::Cccd: return Tr::tr("the CCCD number");
    case Field::Year: return Tr::tr("the year of the rating");
    case Field::Rating: return Tr::tr("the rating");
    case Field::YearRating: return Tr::tr("the rating of %1").arg(year);
    }
    return {};
}

/// The mapping of one candidate header row, and how many columns it recognised.
PeopleMapping mapRow(const Row &row, const QHash<QString, QString> &overrides, int *known)
{
    PeopleMapping m;
    *known = 0;
    for (int c = 0; c < row.cells.size(); ++c) {
        const QString header = row.cell(c).text.simplified();
        if (header.isEmpty())
            continue;
        const QString k = headerKey(header);
        Field field = Field::Ignore;
        int year = 0;
        bool matched = false;
        if (overrides.contains(k)) {
            matched = parseFieldName(overrides.value(k), &field, &year);
        } else if (spellings().contains(k)) {
            field = spellings().value(k);
            matched = true;
        } else if ((year = yearOfHeader(k)) > 0) {
            field = Field::YearRating;
            matched = true;
        }
        if (!matched) {
            m.unrecognised << header;
            continue;
        }
        if (field != Field::Ignore)
            ++*known;
        m.columns.append({c, field, year, header});
    }
    return m;
}
} // namespace

int PeopleMapping::columnOf(Field field) const
{
    for (const MappedColumn &c : columns)
        if (c.field == field)
            return c.column;
    return -1;
}

QList<MappedColumn> PeopleMapping::yearColumns() const
{
    QList<MappedColumn> out;
    for (const MappedColumn &c : columns)
        if (c.field == Field::YearRating)
            out.append(c);
    return out;
}

QString fieldName(Field field, int year)
{
    switch (field) {
    case Field::Ignore: return QStringLiteral("ignore");
    case Field::Key: return QStringLiteral("key");
    case Field::FullName: return QStringLiteral("fullName");
    case Field::BirthDate: return QStringLiteral("birthDate");
    case Field::Gender: return QStringLiteral("gender");
    case Field::Unit: return QStringLiteral("unit");
    case Field::Position: return QStringLiteral("position");
    case Field::Category: return QStringLiteral("category");
    case Field::Cccd: return QStringLiteral("cccd");
    case Field::Year: return QStringLiteral("year");
    case Field::Rating: return QStringLiteral("rating");
    case Field::YearRating: return QStringLiteral("rating:%1").arg(year);
    }
    return {};
}

QHash<QString, QString> loadMappingFile(const QString &path)
{
    return readMappingFile(
        path,
        [](const QString &name) {
            Field field;
            int year;
            return parseFieldName(name, &field, &year);
        },
        QStringLiteral("key, fullName, birthDate, gender, unit, position, category, cccd, year, rating, rating:YYYY, ignore"));
}

PeopleMapping mapPeople(const Sheet &sheet, const QHash<QString, QString> &overrides, int headerRow)
{
    PeopleMapping m;
    // The clerk's row alone, or the first 20 (office lists start with a title and a date line).
    const int first = headerRow > 0 ? headerRowIndex(sheet, headerRow) : 0;
    const int scan = headerRow > 0 ? first + 1 : qMin(20, int(sheet.rows.size()));
    for (int i = first; i < scan && m.headerIndex < 0; ++i) {
        int known = 0;
        PeopleMapping candidate = mapRow(sheet.rows.at(i), overrides, &known);
        if ((known >= 2 || headerRow > 0) && candidate.columnOf(Field::FullName) >= 0) {
            m = candidate;
            m.headerIndex = i;
            m.headerRow = sheet.rows.at(i).number;
        }
    }
    if (m.headerIndex < 0 && headerRow > 0)
        throw Error(Tr::tr("Row %1, chosen as the header, has no full-name column. Name that column \"Họ và tên\" in the "
                           "column mapping, or choose another header row.")
                        .arg(headerRow));
    if (m.headerIndex < 0)
        throw Error(Tr::tr("No header row with a full-name column was found in the first %1 rows of \"%2\". Name the column "
                           "\"Họ và tên\" or set how the columns are read (the column mapping, or --mapping).")
                        .arg(scan)
                        .arg(sheet.name));
    requireMappedHeaders(sheet.rows.at(m.headerIndex), overrides);
    // A workbook with one rating column per year often also lists awards, whose "Năm" is the
    // award's year: with no "Xếp loại" column it is left out, not read as a rating's year. Only
    // a "Năm" matched by spelling: one the clerk mapped to the year keeps the error below.
    if (!m.yearColumns().isEmpty() && m.columnOf(Field::Rating) < 0) {
        for (qsizetype i = m.columns.size() - 1; i >= 0; --i) {
            const MappedColumn &c = m.columns.at(i);
            if (c.field == Field::Year && !overrides.contains(headerKey(c.header))) {
                m.unrecognised << c.header;
                m.columns.removeAt(i);
            }
        }
    }
    QHash<QString, int> seen; // field name → column
    for (const MappedColumn &c : m.columns) {
        if (c.field == Field::Ignore)
            continue;
        const QString name = fieldName(c.field, c.year);
        if (seen.contains(name))
            throw Error(Tr::tr("Columns %1 and %2 are both read as %3; leave one out in the column mapping (or with --mapping).")
                            .arg(columnName(seen.value(name)), columnName(c.column), fieldWords(c.field, c.year)));
        seen.insert(name, c.column);
    }
    if ((m.columnOf(Field::Year) >= 0) != (m.columnOf(Field::Rating) >= 0))
        throw Error(Tr::tr("A rating needs both a \"Năm\" (year) column and a \"Xếp loại\" (rating) column; the sheet has "
                           "only one of them. Or use one column per year, such as \"Xếp loại 2024\"."));
    return m;
}

namespace Values {

QString rating(const QString &text)
{
    static const QHash<QString, QString> words = [] {
        QHash<QString, QString> t;
        for (const CodeLabel &c : Codes::list(Codes::Set::TaskRating)) {
            t.insert(headerKey(c.code), c.code);
            t.insert(headerKey(c.label), c.code);
        }
        // The words of Decree 90/2020 and the older four-level wording.
        t.insert(QStringLiteral("hoan thanh xuat sac nhiem vu"), QStringLiteral("HTXSNV"));
        t.insert(QStringLiteral("hoan thanh tot nhiem vu"), QStringLiteral("HTTNV"));
        t.insert(QStringLiteral("hoan thanh nhiem vu"), QStringLiteral("HTNV"));
        t.insert(QStringLiteral("hoan thanh nhiem vu nhung con han che ve nang luc"), QStringLiteral("HTNV"));
        t.insert(QStringLiteral("khong hoan thanh nhiem vu"), QStringLiteral("KHTNV"));
        return t;
    }();
    return words.value(headerKey(text));
}

QString gender(const QString &text)
{
    const QString k = headerKey(text);
    if (k == QLatin1String("nam") || k == QLatin1String("male"))
        return QStringLiteral("male");
    if (k == QLatin1String("nu") || k == QLatin1String("female"))
        return QStringLiteral("female");
    return {};
}

QString category(const QString &text)
{
    const QString k = headerKey(text);
    for (const CodeLabel &c : Codes::list(Codes::Set::PersonCategory)) {
        // The code ("cong_chuc" reads "cong chuc", the Vietnamese words folded) and the label
        // in the language in use ("Official (cán bộ)" also answers to its first words).
        const QString label = headerKey(c.label);
        if (k == headerKey(c.code) || k == label || (!k.isEmpty() && label.startsWith(k + QLatin1Char(' '))))
            return c.code;
    }
    static const QHash<QString, QString> more = {
        {QStringLiteral("cong dan"), QStringLiteral("nhan_dan")},
        {QStringLiteral("lao dong"), QStringLiteral("nguoi_lao_dong")},
        {QStringLiteral("lao dong hop dong"), QStringLiteral("nguoi_lao_dong")},
    };
    return more.value(k);
}

} // namespace Values

} // namespace VinhDanh::Core::Tables
