#include "core/tables/awardmapping.h"
#include "core/tables/mappingfile.h"

#include "core/domain/codes.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

using Spellings = QHash<QString, RecordField>;

void add(Spellings &t, RecordField f, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        t.insert(QString::fromLatin1(n), f);
}

/// Who the record is about, in both lists. "Đơn vị" is the person's unit (as in a staff list);
/// the collective that is itself awarded has a column of its own ("Tập thể").
void addSubject(Spellings &t)
{
    add(t, RecordField::FullName,
        {"ho va ten", "ho ten", "ho va ten can bo", "ho ten can bo", "ten can bo", "ho va ten ca nhan", "ca nhan", "ca nhan duoc khen",
         "full name", "fullname", "name"});
    add(t, RecordField::Key, {"ma", "ma ca nhan", "ma nhan su", "ma can bo", "ma so", "key"});
    add(t, RecordField::BirthDate, {"ngay sinh", "ngay thang nam sinh", "sinh ngay", "birth date"});
    add(t, RecordField::Unit, {"don vi", "don vi cong tac", "co quan don vi", "co quan", "ten don vi", "ma don vi", "unit"});
    add(t, RecordField::Collective,
        {"tap the", "ten tap the", "tap the duoc khen", "tap the duoc khen thuong", "don vi duoc khen", "don vi duoc khen thuong",
         "collective"});
    add(t, RecordField::DecisionNo,
        {"so qd", "so quyet dinh", "so ky hieu quyet dinh", "so hieu quyet dinh", "quyet dinh so", "so ky hieu", "so ky hieu qd",
         "decision no"});
    add(t, RecordField::Note, {"ghi chu", "note"});
    add(t, RecordField::Ignore, {"stt", "tt", "so tt"});
}

// Already in headerKey() form.
const Spellings &spellings(RecordList list)
{
    static const Spellings awards = [] {
        Spellings t;
        addSubject(t);
        add(t, RecordField::Form,
            {"hinh thuc khen thuong", "hinh thuc khen", "hinh thuc", "danh hieu", "danh hieu thi dua", "khen thuong",
             "danh hieu hinh thuc khen thuong", "hinh thuc khen thuong danh hieu", "form"});
        add(t, RecordField::Year,
            {"nam", "nam khen thuong", "nam dat", "nam dat danh hieu", "nam thanh tich", "nam duoc khen", "year"});
        add(t, RecordField::DecisionDate,
            {"ngay qd", "ngay quyet dinh", "ngay ky", "ngay ky quyet dinh", "ngay ky qd", "ngay ban hanh", "decision date"});
        add(t, RecordField::Authority,
            {"cap quyet dinh", "co quan quyet dinh", "cap khen", "cap khen thuong", "co quan ban hanh", "cap ra quyet dinh",
             "co quan khen thuong", "authority"});
        add(t, RecordField::AwardKind, {"loai khen thuong", "loai hinh khen thuong", "loai", "kind"});
        return t;
    }();
    static const Spellings disciplines = [] {
        Spellings t;
        addSubject(t);
        add(t, RecordField::DisciplineKind, {"hinh thuc ky luat", "ky luat", "hinh thuc", "muc ky luat", "kind"});
        add(t, RecordField::StartDate,
            {"tu ngay", "ngay quyet dinh", "ngay qd", "ngay ky luat", "ngay bat dau", "hieu luc tu", "start date"});
        add(t, RecordField::EndDate, {"den ngay", "ngay ket thuc", "het hieu luc", "ngay het hieu luc", "end date"});
        return t;
    }();
    static const Spellings initiatives = [] {
        Spellings t;
        addSubject(t);
        // The holders are people: "Tác giả" is the name column of an initiative list.
        add(t, RecordField::FullName, {"tac gia", "tac gia sang kien", "dong tac gia", "tac gia dong tac gia", "author"});
        add(t, RecordField::Title, {"ten sang kien", "sang kien", "ten sang kien giai phap", "noi dung sang kien", "title"});
        add(t, RecordField::Level, {"cap cong nhan", "pham vi anh huong", "cap sang kien", "cap", "pham vi", "level"});
        add(t, RecordField::DecisionNo, {"so qd cong nhan", "so quyet dinh cong nhan", "qd cong nhan so"});
        add(t, RecordField::DecisionDate,
            {"ngay qd", "ngay quyet dinh", "ngay qd cong nhan", "ngay cong nhan", "ngay ky", "decision date"});
        add(t, RecordField::UsedFor, {"dung de de nghi", "su dung cho", "da dung cho", "dung cho", "dung de khen thuong", "used for"});
        return t;
    }();
    return list == RecordList::Awards ? awards : list == RecordList::Disciplines ? disciplines : initiatives;
}

/// "Danh hiệu 2023", "DH 2023", "Danh hiệu thi đua năm 2023" → the year; 0 otherwise. A bare
/// "2023" is left to the staff list, where it is the year's rating.
int yearOfTitleHeader(const QString &headerKey)
{
    static const QRegularExpression re(QStringLiteral(R"(^(?:danh hieu|dh|danh hieu thi dua|dhtd)(?:\s+nam)?\s+(\d{4})$)"));
    const auto m = re.match(headerKey);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

const QHash<QString, RecordField> &fieldNames(RecordList list)
{
    static const QHash<QString, RecordField> awards = {
        {QStringLiteral("ignore"), RecordField::Ignore},
        {QStringLiteral("key"), RecordField::Key},
        {QStringLiteral("fullName"), RecordField::FullName},
        {QStringLiteral("birthDate"), RecordField::BirthDate},
        {QStringLiteral("unit"), RecordField::Unit},
        {QStringLiteral("collective"), RecordField::Collective},
        {QStringLiteral("note"), RecordField::Note},
        {QStringLiteral("form"), RecordField::Form},
        {QStringLiteral("year"), RecordField::Year},
        {QStringLiteral("decisionNo"), RecordField::DecisionNo},
        {QStringLiteral("decisionDate"), RecordField::DecisionDate},
        {QStringLiteral("authority"), RecordField::Authority},
        {QStringLiteral("kind"), RecordField::AwardKind},
    };
    static const QHash<QString, RecordField> disciplines = {
        {QStringLiteral("ignore"), RecordField::Ignore},
        {QStringLiteral("key"), RecordField::Key},
        {QStringLiteral("fullName"), RecordField::FullName},
        {QStringLiteral("birthDate"), RecordField::BirthDate},
        {QStringLiteral("unit"), RecordField::Unit},
        {QStringLiteral("collective"), RecordField::Collective},
        {QStringLiteral("note"), RecordField::Note},
        {QStringLiteral("kind"), RecordField::DisciplineKind},
        {QStringLiteral("decisionNo"), RecordField::DecisionNo},
        {QStringLiteral("startDate"), RecordField::StartDate},
        {QStringLiteral("endDate"), RecordField::EndDate},
    };
    static const QHash<QString, RecordField> initiatives = {
        {QStringLiteral("ignore"), RecordField::Ignore},
        {QStringLiteral("key"), RecordField::Key},
        {QStringLiteral("fullName"), RecordField::FullName},
        {QStringLiteral("birthDate"), RecordField::BirthDate},
        {QStringLiteral("unit"), RecordField::Unit},
        {QStringLiteral("note"), RecordField::Note},
        {QStringLiteral("title"), RecordField::Title},
        {QStringLiteral("level"), RecordField::Level},
        {QStringLiteral("decisionNo"), RecordField::DecisionNo},
        {QStringLiteral("decisionDate"), RecordField::DecisionDate},
        {QStringLiteral("usedFor"), RecordField::UsedFor},
    };
    return list == RecordList::Awards ? awards : list == RecordList::Disciplines ? disciplines : initiatives;
}

bool parseFieldName(RecordList list, const QString &name, RecordField *field, int *year)
{
    *year = 0;
    if (fieldNames(list).contains(name)) {
        *field = fieldNames(list).value(name);
        return true;
    }
    static const QRegularExpression perYear(QStringLiteral(R"(^title:(\d{4})$)"));
    if (const auto m = perYear.match(name); list == RecordList::Awards && m.hasMatch()) {
        *field = RecordField::YearTitle;
        *year = m.captured(1).toInt();
        return true;
    }
    return false;
}

QString fieldWords(RecordField f, int year)
{
    switch (f) {
    case RecordField::Ignore: return Tr::tr("left out");
    case RecordField::Key: return Tr::tr("the person's key");
    case RecordField::FullName: return Tr::tr("the full name");
    case RecordField::BirthDate: return Tr::tr("the birth date");
    case RecordField::Unit: return Tr::tr("the unit");
    case RecordField::Collective: return Tr::tr("the collective awarded");
    case RecordField::Form: return Tr::tr("the award form");
    case RecordField::Year: return Tr::tr("the year of the award");
    case RecordField::YearTitle: return Tr::tr("the title of %1").arg(year);
    case RecordField::DecisionNo: return Tr::tr("the decision number");
    case RecordField::DecisionDate: return Tr::tr("the decision date");
    case RecordField::Authority: return Tr::tr("the deciding authority");
    case RecordField::AwardKind: return Tr::tr("the kind of award");
    case RecordField::DisciplineKind: return Tr::tr("the kind of discipline");
    case RecordField::StartDate: return Tr::tr("the start date");
    case RecordField::EndDate: return Tr::tr("the end date");
    case RecordField::Title: return Tr::tr("the initiative's title");
    case RecordField::Level: return Tr::tr("the level of recognition");
    case RecordField::UsedFor: return Tr::tr("the award it was used for");
    case RecordField::Note: return Tr::tr("the note");
    }
    return {};
}

RecordMapping mapRow(RecordList list, const Row &row, const QHash<QString, QString> &overrides, int *known)
{
    RecordMapping m;
    m.list = list;
    *known = 0;
    for (int c = 0; c < row.cells.size(); ++c) {
        const QString header = row.cell(c).text.simplified();
        if (header.isEmpty())
            continue;
        const QString k = headerKey(header);
        RecordField field = RecordField::Ignore;
        int year = 0;
        bool matched = false;
        if (overrides.contains(k)) {
            matched = parseFieldName(list, overrides.value(k), &field, &year);
        } else if (spellings(list).contains(k)) {
            field = spellings(list).value(k);
            matched = true;
        } else if (list == RecordList::Awards && (year = yearOfTitleHeader(k)) > 0) {
            field = RecordField::YearTitle;
            matched = true;
        }
        if (!matched) {
            m.unrecognised << header;
            continue;
        }
        if (field != RecordField::Ignore)
            ++*known;
        m.columns.append({c, field, year, header});
    }
    return m;
}

bool hasSubject(const RecordMapping &m)
{
    return m.columnOf(RecordField::FullName) >= 0 || m.columnOf(RecordField::Key) >= 0 || m.columnOf(RecordField::Collective) >= 0;
}
} // namespace

int RecordMapping::columnOf(RecordField field) const
{
    for (const RecordColumn &c : columns)
        if (c.field == field)
            return c.column;
    return -1;
}

QList<RecordColumn> RecordMapping::yearColumns() const
{
    QList<RecordColumn> out;
    for (const RecordColumn &c : columns)
        if (c.field == RecordField::YearTitle)
            out.append(c);
    return out;
}

QString recordFieldName(RecordField field, int year)
{
    switch (field) {
    case RecordField::Ignore: return QStringLiteral("ignore");
    case RecordField::Key: return QStringLiteral("key");
    case RecordField::FullName: return QStringLiteral("fullName");
    case RecordField::BirthDate: return QStringLiteral("birthDate");
    case RecordField::Unit: return QStringLiteral("unit");
    case RecordField::Collective: return QStringLiteral("collective");
    case RecordField::Form: return QStringLiteral("form");
    case RecordField::Year: return QStringLiteral("year");
    case RecordField::YearTitle: return QStringLiteral("title:%1").arg(year);
    case RecordField::DecisionNo: return QStringLiteral("decisionNo");
    case RecordField::DecisionDate: return QStringLiteral("decisionDate");
    case RecordField::Authority: return QStringLiteral("authority");
    case RecordField::AwardKind:
    case RecordField::DisciplineKind: return QStringLiteral("kind");
    case RecordField::StartDate: return QStringLiteral("startDate");
    case RecordField::EndDate: return QStringLiteral("endDate");
    case RecordField::Title: return QStringLiteral("title");
    case RecordField::Level: return QStringLiteral("level");
    case RecordField::UsedFor: return QStringLiteral("usedFor");
    case RecordField::Note: return QStringLiteral("note");
    }
    return {};
}

QHash<QString, QString> loadRecordMappingFile(RecordList list, const QString &path)
{
    return readMappingFile(
        path,
        [list](const QString &name) {
            RecordField field;
            int year;
            return parseFieldName(list, name, &field, &year);
        },
        list == RecordList::Awards
            ? QStringLiteral("key, fullName, birthDate, unit, collective, form, year, title:YYYY, decisionNo, decisionDate, "
                             "authority, kind, note, ignore")
        : list == RecordList::Disciplines
            ? QStringLiteral("key, fullName, birthDate, unit, collective, kind, decisionNo, startDate, endDate, note, ignore")
            : QStringLiteral("key, fullName, birthDate, unit, title, level, decisionNo, decisionDate, usedFor, note, ignore"));
}

RecordMapping mapRecords(RecordList list, const Sheet &sheet, const QHash<QString, QString> &overrides, int headerRow)
{
    RecordMapping m;
    m.list = list;
    // The clerk's row alone, or the first 20.
    const int first = headerRow > 0 ? headerRowIndex(sheet, headerRow) : 0;
    const int scan = headerRow > 0 ? first + 1 : qMin(20, int(sheet.rows.size()));
    for (int i = first; i < scan && m.headerIndex < 0; ++i) {
        int known = 0;
        RecordMapping candidate = mapRow(list, sheet.rows.at(i), overrides, &known);
        if ((known >= 2 || headerRow > 0) && hasSubject(candidate)) {
            m = candidate;
            m.headerIndex = i;
            m.headerRow = sheet.rows.at(i).number;
        }
    }
    if (m.headerIndex < 0 && headerRow > 0)
        throw Error(Tr::tr("Row %1, chosen as the header, names no column saying who the records are about (\"Họ và tên\", "
                           "\"Mã\" or \"Tập thể\"). Name that column in the column mapping, or choose another header row.")
                        .arg(headerRow));
    if (m.headerIndex < 0)
        throw Error(
            Tr::tr(
                "No header row naming who the records are about (\"Họ và tên\", \"Mã\" or \"Tập thể\") was found in "
                "the first %1 rows of \"%2\". Name the columns so or set how the columns are read (the column mapping, or --mapping).")
                .arg(scan)
                .arg(sheet.name));
    requireMappedHeaders(sheet.rows.at(m.headerIndex), overrides);
    QHash<QString, int> seen; // field name → column
    for (const RecordColumn &c : m.columns) {
        if (c.field == RecordField::Ignore)
            continue;
        const QString name = recordFieldName(c.field, c.year);
        if (seen.contains(name))
            throw Error(Tr::tr("Columns %1 and %2 are both read as %3; leave one out in the column mapping (or with --mapping).")
                            .arg(columnName(seen.value(name)), columnName(c.column), fieldWords(c.field, c.year)));
        seen.insert(name, c.column);
    }
    if (list == RecordList::Awards) {
        const bool form = m.columnOf(RecordField::Form) >= 0;
        if (!form && m.yearColumns().isEmpty())
            throw Error(Tr::tr("The award list has no \"Hình thức khen thưởng\" (or \"Danh hiệu\") column, and no column per "
                               "year such as \"Danh hiệu 2024\"."));
        if (form && m.columnOf(RecordField::Year) < 0)
            throw Error(Tr::tr("The award list has a \"Hình thức khen thưởng\" column but no \"Năm\" (year) column."));
    } else if (list == RecordList::Initiatives) {
        if (m.columnOf(RecordField::Title) < 0)
            throw Error(Tr::tr("The list has no \"Tên sáng kiến\" column."));
        if (m.columnOf(RecordField::FullName) < 0 && m.columnOf(RecordField::Key) < 0)
            throw Error(Tr::tr("The list has no \"Tác giả\" (or \"Họ và tên\") column: an initiative's holders are people."));
    } else {
        if (m.columnOf(RecordField::DisciplineKind) < 0)
            throw Error(Tr::tr("The list has no \"Hình thức kỷ luật\" column."));
        if (m.columnOf(RecordField::StartDate) < 0)
            throw Error(Tr::tr("The list has no \"Từ ngày\" (or \"Ngày quyết định\") column."));
    }
    return m;
}

namespace Values {

namespace {
/// A code of `set` from its code, its label or extra words (all in headerKey() form).
QString codeOf(Codes::Set set, const QString &text, const QHash<QString, QString> &more)
{
    QString k = headerKey(text);
    for (const CodeLabel &c : Codes::list(set))
        if (k == headerKey(c.code) || k == headerKey(c.label))
            return c.code;
    return more.value(k);
}
} // namespace

QString awardKind(const QString &text)
{
    // The codes are the Vietnamese words without diacritics ("cong_trang" reads "cong trang").
    static const QHash<QString, QString> more = {
        {QStringLiteral("khen cong trang"), QStringLiteral("cong_trang")},
        {QStringLiteral("thuong xuyen"), QStringLiteral("cong_trang")},
        {QStringLiteral("khen thuong xuyen"), QStringLiteral("cong_trang")},
        {QStringLiteral("tong ket"), QStringLiteral("cong_trang")},
        {QStringLiteral("khen dot xuat"), QStringLiteral("dot_xuat")},
        {QStringLiteral("khen theo dot"), QStringLiteral("theo_dot")},
        {QStringLiteral("chuyen de"), QStringLiteral("theo_dot")},
        {QStringLiteral("theo chuyen de"), QStringLiteral("theo_dot")},
        {QStringLiteral("khen chuyen de"), QStringLiteral("theo_dot")},
        {QStringLiteral("khen cong hien"), QStringLiteral("cong_hien")},
        {QStringLiteral("qua trinh cong hien"), QStringLiteral("cong_hien")},
    };
    return codeOf(Codes::Set::AwardKind, text, more);
}

QString disciplineKind(const QString &text)
{
    static const QHash<QString, QString> more = {
        {QStringLiteral("ha bac"), QStringLiteral("ha_bac_luong")},
        {QStringLiteral("buoc thoi viec"), QStringLiteral("buoc_thoi_viec")},
        {QStringLiteral("hinh thuc khac"), QStringLiteral("khac")},
    };
    return codeOf(Codes::Set::DisciplineKind, text, more);
}

} // namespace Values

} // namespace VinhDanh::Core::Tables
