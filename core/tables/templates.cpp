#include "core/tables/templates.h"
#include "core/tables/xlsxout_p.h"

#include "core/accounts/permissions.h"
#include "core/catalogue/catalogue.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/registry/recordrepository.h"
#include "core/tables/table.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

constexpr int kYears = 5; // rating columns in the staff template

TemplateColumn column(const char *header, double width, const QString &help, const QString &example,
                      ChoiceList choices = ChoiceList::None)
{
    TemplateColumn c;
    c.header = QString::fromUtf8(header);
    c.width = width;
    c.help = help;
    c.example = example;
    c.choices = choices;
    return c;
}

TemplateColumn dateColumn(const char *header, const QString &help, const QString &example)
{
    TemplateColumn c = column(header, 13, help, example);
    c.date = true;
    return c;
}

TemplateColumn textColumn(const char *header, double width, const QString &help, const QString &example)
{
    TemplateColumn c = column(header, width, help, example);
    c.text = true;
    return c;
}

TemplateSpec peopleSpec(int lastYear)
{
    TemplateSpec s;
    s.title = Tr::tr("LIST OF STAFF AND THEIR YEARLY RATINGS");
    s.sheetName = Tr::tr("Staff");
    s.columns = {
        textColumn("Mã", 12,
                   Tr::tr("The person's key in Vinh Danh. Leave it empty for someone new; give it to change "
                          "someone already in the registry."),
                   QString()),
        column("Họ và tên", 26, Tr::tr("The full name, with diacritics. Required."), QStringLiteral("Nguyễn Thị Hoa")),
        dateColumn("Ngày sinh", Tr::tr("The birth date, day/month/year."), QStringLiteral("14/02/1990")),
        column("Giới tính", 10, Tr::tr("Nam or Nữ, from the list."), QStringLiteral("Nữ"), ChoiceList::Genders),
        column("Đơn vị", 34,
               Tr::tr("The unit the person works in, from the list (its name, or its key where two units "
                      "have the same name). Required for someone new."),
               QStringLiteral("Sở Nội vụ"), ChoiceList::Units),
        column("Chức vụ", 22, Tr::tr("The position, as written in decisions."), QStringLiteral("Chuyên viên")),
        column("Đối tượng", 18, Tr::tr("The category, from the list. Required for someone new."), QStringLiteral("Công chức"),
               ChoiceList::Categories),
        textColumn("Số CCCD", 16, Tr::tr("The 12-digit citizen identity number (CCCD), as text so leading zeros stay."),
                   QStringLiteral("001090000123")),
    };
    for (int year = lastYear - kYears + 1; year <= lastYear; ++year) {
        TemplateColumn c = column("", 28,
                                  Tr::tr("The task rating of %1, from the list. Leave it empty for a year without "
                                         "a rating.")
                                      .arg(year),
                                  QStringLiteral("Hoàn thành tốt nhiệm vụ"), ChoiceList::Ratings);
        c.header = QStringLiteral("Xếp loại %1").arg(year);
        s.columns << c;
    }
    return s;
}

TemplateSpec unitsSpec()
{
    TemplateSpec s;
    s.title = Tr::tr("LIST OF UNITS");
    s.sheetName = Tr::tr("Units");
    const QString parentHelp = Tr::tr("the unit's name or key: a unit from the list, or another row of this sheet.");
    s.columns = {
        textColumn("Mã đơn vị", 14, Tr::tr("The unit's key. Leave it empty and Vinh Danh makes one."), QStringLiteral("SNV")),
        column("Tên đơn vị", 36, Tr::tr("The unit's full name. Required."), QStringLiteral("Sở Nội vụ")),
        column("Đơn vị cấp trên", 34, Tr::tr("The parent unit: %1").arg(parentHelp), QStringLiteral("UBND tỉnh"), ChoiceList::Units),
        column("Loại hình", 30, Tr::tr("The kind of unit, from the list. Required for a new unit."),
               QStringLiteral("Cơ quan, đơn vị cấp tỉnh"), ChoiceList::UnitKinds),
        dateColumn("Ngày thành lập", Tr::tr("The date the unit was founded, day/month/year."), QStringLiteral("01/01/2008")),
        dateColumn("Ngày giải thể",
                   Tr::tr("The date the unit was dissolved or merged, day/month/year; empty while it "
                          "exists."),
                   QString()),
        column("Đơn vị kế thừa", 34, Tr::tr("The unit it merged into: %1").arg(parentHelp), QString(), ChoiceList::Units),
    };
    return s;
}

/// Who a record is about (awards and disciplines): a person as in a staff list.
QList<TemplateColumn> personColumns()
{
    return {
        textColumn("Mã", 12,
                   Tr::tr("The person's key in Vinh Danh; or leave it empty and give the full name, birth date "
                          "and unit."),
                   QString()),
        column("Họ và tên", 26, Tr::tr("The person's full name, with diacritics."), QStringLiteral("Nguyễn Thị Hoa")),
        dateColumn("Ngày sinh", Tr::tr("The person's birth date, day/month/year: tells namesakes apart."),
                   QStringLiteral("14/02/1990")),
        column("Đơn vị", 34, Tr::tr("The unit the person works in, from the list."), QStringLiteral("Sở Nội vụ"), ChoiceList::Units),
    };
}

TemplateSpec awardsSpec()
{
    TemplateSpec s;
    s.title = Tr::tr("LIST OF AWARDS AND TITLES");
    s.sheetName = Tr::tr("Awards");
    s.columns = personColumns();
    s.columns << column("Tập thể", 34,
                        Tr::tr("For an award to a collective: the unit awarded, from the list; leave the "
                               "person's columns empty."),
                        QString(), ChoiceList::Units)
              << column("Hình thức khen thưởng", 40, Tr::tr("The award or title, from the list (the forms of the catalogue)."),
                        QStringLiteral("Chiến sĩ thi đua cơ sở"), ChoiceList::AwardForms)
              << column("Năm", 8, Tr::tr("The year the award or title is for."), QStringLiteral("2024"))
              << textColumn("Số QĐ", 16, Tr::tr("The number of the decision."), QStringLiteral("125/QĐ-UBND"))
              << dateColumn("Ngày QĐ", Tr::tr("The date of the decision, day/month/year."), QStringLiteral("15/01/2025"))
              << column("Cấp quyết định", 26, Tr::tr("Who decided it, as the decision names it."),
                        QStringLiteral("Chủ tịch UBND tỉnh"))
              << column("Loại khen thưởng", 18, Tr::tr("The kind of award, from the list."), QStringLiteral("Công trạng"),
                        ChoiceList::AwardKinds)
              << column("Ghi chú", 24, Tr::tr("A note, kept with the award."), QString());
    return s;
}

TemplateSpec disciplinesSpec()
{
    TemplateSpec s;
    s.title = Tr::tr("LIST OF DISCIPLINARY MEASURES");
    s.sheetName = Tr::tr("Disciplines");
    s.columns = personColumns();
    s.columns << column("Hình thức kỷ luật", 20, Tr::tr("The disciplinary measure, from the list."), QStringLiteral("Khiển trách"),
                        ChoiceList::DisciplineKinds)
              << textColumn("Số QĐ", 16, Tr::tr("The number of the decision."), QStringLiteral("45/QĐ-SNV"))
              << dateColumn("Từ ngày", Tr::tr("The date the measure starts, day/month/year."), QStringLiteral("01/03/2024"))
              << dateColumn("Đến ngày",
                            Tr::tr("The date the measure ends, day/month/year; empty when the decision gives "
                                   "none."),
                            QStringLiteral("28/02/2025"))
              << column("Ghi chú", 24, Tr::tr("A note, kept with the record."), QString());
    return s;
}

TemplateSpec initiativesSpec()
{
    TemplateSpec s;
    s.title = Tr::tr("LIST OF INITIATIVES");
    s.sheetName = Tr::tr("Initiatives");
    s.columns << column("Tên sáng kiến", 40,
                        Tr::tr("The initiative's title. For several authors, one row per author with "
                               "the same title and decision number."),
                        QStringLiteral("Số hóa hồ sơ lưu trữ"));
    s.columns << personColumns();
    s.columns << textColumn("Số QĐ công nhận", 16, Tr::tr("The number of the decision recognising it."), QStringLiteral("15/QĐ-STC"))
              << dateColumn("Ngày QĐ", Tr::tr("The date of that decision, day/month/year: the year the initiative counts for."),
                            QStringLiteral("20/10/2024"))
              << column("Cấp công nhận", 16, Tr::tr("The level it was recognised at, from the list."), QStringLiteral("Cơ sở"),
                        ChoiceList::InitiativeLevels)
              << column("Dùng để đề nghị", 34,
                        Tr::tr("The award of an author it was already used for, with its year; "
                               "empty when not used yet."),
                        QStringLiteral("Bằng khen Chủ tịch UBND tỉnh 2025"))
              << column("Ghi chú", 24, Tr::tr("A note, kept with the initiative."), QString());
    return s;
}

/// The words the imports read for each code, in Vietnamese whatever the language in use: the
/// filled-in template must import the same everywhere (Values::rating, gender, category,
/// unitKind read them; the template test checks that each one does).
QStringList builtInChoices(ChoiceList list)
{
    switch (list) {
    case ChoiceList::Ratings:
        return {QStringLiteral("Hoàn thành xuất sắc nhiệm vụ"), QStringLiteral("Hoàn thành tốt nhiệm vụ"),
                QStringLiteral("Hoàn thành nhiệm vụ"), QStringLiteral("Không hoàn thành nhiệm vụ")};
    case ChoiceList::Genders: return {QStringLiteral("Nam"), QStringLiteral("Nữ")};
    case ChoiceList::Categories:
        return {QStringLiteral("Cán bộ"),         QStringLiteral("Công chức"),  QStringLiteral("Viên chức"),
                QStringLiteral("Người lao động"), QStringLiteral("Doanh nhân"), QStringLiteral("Nhân dân")};
    case ChoiceList::UnitKinds:
        return {QStringLiteral("Cơ quan, đơn vị cấp tỉnh"),
                QStringLiteral("UBND xã, phường"),
                QStringLiteral("Phòng, ban thuộc đơn vị"),
                QStringLiteral("Doanh nghiệp"),
                QStringLiteral("MTTQ, tổ chức chính trị – xã hội"),
                QStringLiteral("Tổ chức xã hội"),
                QStringLiteral("Hợp tác xã")};
    case ChoiceList::AwardKinds:
        return {QStringLiteral("Công trạng"), QStringLiteral("Đột xuất"), QStringLiteral("Theo đợt"), QStringLiteral("Cống hiến")};
    case ChoiceList::DisciplineKinds:
        return {QStringLiteral("Khiển trách"), QStringLiteral("Cảnh cáo"),  QStringLiteral("Hạ bậc lương"),
                QStringLiteral("Giáng chức"),  QStringLiteral("Cách chức"), QStringLiteral("Buộc thôi việc"),
                QStringLiteral("Khác")};
    case ChoiceList::InitiativeLevels: return {QStringLiteral("Cơ sở"), QStringLiteral("Cấp tỉnh"), QStringLiteral("Toàn quốc")};
    case ChoiceList::None:
    case ChoiceList::Units:
    case ChoiceList::AwardForms: break;
    }
    return {};
}

QStringList unitChoices(Database &db)
{
    struct U
    {
        qint64 id;
        QString key, name, validTo;
    };
    QList<U> units;
    QHash<QString, int> sameName; // folded name → how many units have it
    Query q(db.sql(), QStringLiteral("SELECT id, ext_key, name, valid_to FROM units ORDER BY name COLLATE vi, id"));
    q.exec();
    while (q.next()) {
        units.append({q.id(0), q.text(1), q.text(2), q.text(3)});
        ++sameName[Text::fold(q.text(2))];
    }
    const std::optional<QSet<qint64>> editable = Permissions::visibleUnitIds(db);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    QStringList out;
    for (const U &u : std::as_const(units)) {
        // A clerk's import refuses units outside their subtree; a dissolved unit takes no new
        // staff. Either may still be typed (the drop-down warns, it does not refuse).
        if ((editable && !editable->contains(u.id)) || (!u.validTo.isEmpty() && u.validTo < today))
            continue;
        out << (sameName.value(Text::fold(u.name)) > 1 ? u.key : u.name);
    }
    return out;
}

/// The defined name of a list on the "Danh mục" sheet: ASCII, so every spreadsheet program takes
/// it in a validation (Excel 2007 refuses a direct reference to another sheet).
QByteArray listName(ChoiceList list)
{
    switch (list) {
    case ChoiceList::Ratings: return "DM_XepLoai";
    case ChoiceList::Genders: return "DM_GioiTinh";
    case ChoiceList::Categories: return "DM_DoiTuong";
    case ChoiceList::UnitKinds: return "DM_LoaiHinh";
    case ChoiceList::Units: return "DM_DonVi";
    case ChoiceList::AwardForms: return "DM_HinhThuc";
    case ChoiceList::AwardKinds: return "DM_LoaiKhenThuong";
    case ChoiceList::DisciplineKinds: return "DM_KyLuat";
    case ChoiceList::InitiativeLevels: return "DM_CapSangKien";
    case ChoiceList::None: break;
    }
    return {};
}

/// The heading of a list on the "Danh mục" sheet.
QString listTitle(ChoiceList list)
{
    switch (list) {
    case ChoiceList::Ratings: return QStringLiteral("Xếp loại");
    case ChoiceList::Genders: return QStringLiteral("Giới tính");
    case ChoiceList::Categories: return QStringLiteral("Đối tượng");
    case ChoiceList::UnitKinds: return QStringLiteral("Loại hình");
    case ChoiceList::Units: return QStringLiteral("Đơn vị");
    case ChoiceList::AwardForms: return QStringLiteral("Hình thức khen thưởng");
    case ChoiceList::AwardKinds: return QStringLiteral("Loại khen thưởng");
    case ChoiceList::DisciplineKinds: return QStringLiteral("Hình thức kỷ luật");
    case ChoiceList::InitiativeLevels: return QStringLiteral("Cấp công nhận");
    case ChoiceList::None: break;
    }
    return {};
}

/// The drop-down prompt's limits (Excel's): 32 characters of title, 255 of message.
QByteArray limited(const QString &text, int chars)
{
    return (text.size() > chars ? text.left(chars - 1) + QChar(0x2026) : text).toUtf8();
}

struct Writer
{
    XlsxOut &out;
    lxw_format *title, *header, *text, *date, *plain, *wrap;

    explicit Writer(XlsxOut &o) : out(o)
    {
        title = out.format(true);
        format_set_font_size(title, 14);
        format_set_align(title, LXW_ALIGN_CENTER);
        header = out.format(true);
        format_set_align(header, LXW_ALIGN_CENTER);
        format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
        format_set_text_wrap(header);
        format_set_border(header, LXW_BORDER_THIN);
        format_set_bg_color(header, 0xDDEBF7);
        plain = out.format();
        text = out.format();
        format_set_num_format(text, "@");
        date = out.format();
        format_set_num_format(date, "dd/mm/yyyy");
        wrap = out.format();
        format_set_text_wrap(wrap);
    }

    /// The "Danh mục" sheet: each list used in a column of its own, under its name, with a
    /// defined name over its values. Returns the lists written (an empty one gets no drop-down).
    QList<ChoiceList> writeChoices(Database *db, const TemplateSpec &spec)
    {
        lxw_worksheet *sheet = workbook_add_worksheet(out.book(), kChoicesSheet);
        QList<ChoiceList> written;
        lxw_col_t c = 0;
        for (const TemplateColumn &col : spec.columns) {
            if (col.choices == ChoiceList::None || written.contains(col.choices))
                continue;
            const QStringList values = choiceValues(db, col.choices);
            if (values.isEmpty())
                continue;
            written.append(col.choices);
            worksheet_write_string(sheet, 0, c, XlsxOut::cellText(listTitle(col.choices)).constData(), header);
            for (int r = 0; r < values.size(); ++r)
                worksheet_write_string(sheet, lxw_row_t(r + 1), c, XlsxOut::cellText(values.at(r)).constData(), plain);
            worksheet_set_column(sheet, c, c, 36, nullptr);
            const QByteArray range = QStringLiteral("='%1'!$%2$2:$%2$%3")
                                         .arg(QString::fromUtf8(kChoicesSheet), columnName(int(c)))
                                         .arg(values.size() + 1)
                                         .toUtf8();
            workbook_define_name(out.book(), listName(col.choices).constData(), range.constData());
            ++c;
        }
        worksheet_hide(sheet);
        return written;
    }

    void writeData(lxw_worksheet *sheet, const TemplateSpec &spec, const QList<ChoiceList> &lists)
    {
        const auto last = lxw_col_t(spec.columns.size() - 1);
        const lxw_row_t headerRow = kTemplateHeaderRow - 1;
        worksheet_set_row(sheet, 0, 24, nullptr);
        worksheet_merge_range(sheet, 0, 0, 0, last, XlsxOut::cellText(spec.title).constData(), title);
        worksheet_set_row(sheet, headerRow, 32, nullptr);
        for (int i = 0; i < spec.columns.size(); ++i) {
            const TemplateColumn &col = spec.columns.at(i);
            const auto c = lxw_col_t(i);
            worksheet_write_string(sheet, headerRow, c, XlsxOut::cellText(col.header).constData(), header);
            // The column's format applies to the cells the clerk types in: dates show as
            // dd/mm/yyyy, and a CCCD typed as digits stays text with its leading zero.
            worksheet_set_column(sheet, c, c, col.width, col.date ? date : col.text ? text : plain);
            if (!lists.contains(col.choices))
                continue;
            lxw_data_validation v = {};
            v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            const QByteArray formula = "=" + listName(col.choices);
            v.value_formula = const_cast<char *>(formula.constData());
            // The built-in lists are all the import reads; a unit may also be a row of this
            // sheet or be typed by its key, so its drop-down warns instead of refusing.
            // Award forms too: clerks write them their own way ("BK UBND tỉnh"), which the import reads.
            v.error_type = col.choices == ChoiceList::Units || col.choices == ChoiceList::AwardForms
                               ? LXW_VALIDATION_ERROR_TYPE_WARNING
                               : LXW_VALIDATION_ERROR_TYPE_STOP;
            const QByteArray promptTitle = limited(col.header, 32);
            const QByteArray prompt = limited(col.help, 255);
            const QByteArray errorTitle = limited(col.header, 32);
            const QByteArray error = limited(Tr::tr("Choose a value from the list."), 255);
            v.input_title = const_cast<char *>(promptTitle.constData());
            v.input_message = const_cast<char *>(prompt.constData());
            v.error_title = const_cast<char *>(errorTitle.constData());
            v.error_message = const_cast<char *>(error.constData());
            worksheet_data_validation_range(sheet, headerRow + 1, c, LXW_ROW_MAX - 1, c, &v);
        }
        worksheet_freeze_panes(sheet, headerRow + 1, 0);
        worksheet_repeat_rows(sheet, headerRow, headerRow);
        worksheet_set_landscape(sheet);
        worksheet_set_paper(sheet, 9); // A4
        worksheet_fit_to_pages(sheet, 1, 0);
    }

    void writeGuide(const TemplateSpec &spec)
    {
        lxw_worksheet *sheet = workbook_add_worksheet(out.book(), XlsxOut::cellText(Tr::tr("Guide").left(31)).constData());
        worksheet_set_column(sheet, 0, 0, 7, nullptr);
        worksheet_set_column(sheet, 1, 1, 22, nullptr);
        worksheet_set_column(sheet, 2, 2, 70, nullptr);
        worksheet_set_column(sheet, 3, 3, 30, nullptr);
        worksheet_set_landscape(sheet);
        worksheet_set_paper(sheet, 9); // A4
        worksheet_fit_to_pages(sheet, 1, 0);
        lxw_format *guideTitle = out.format(true);
        format_set_font_size(guideTitle, 14);
        worksheet_write_string(sheet, 0, 0, XlsxOut::cellText(Tr::tr("HOW TO FILL IN THE LIST")).constData(), guideTitle);
        const QStringList lines = {
            Tr::tr("Write one row for each entry on the sheet \"%1\", from row %2 down. Keep the column headers as they "
                   "are: Vinh Danh reads the columns by them.")
                .arg(spec.sheetName)
                .arg(kTemplateHeaderRow + 1),
            Tr::tr("A column you do not need may stay empty. An empty cell leaves what Vinh Danh already has unchanged."),
            Tr::tr("Import the file from the File menu (Import staff list from Excel…) or with vinhdanh-cli "
                   "import-table: every row is shown before anything is written."),
        };
        lxw_row_t r = 1;
        // Each line across the four columns, wrapped: a long sentence must print whole.
        for (const QString &line : lines) {
            worksheet_set_row(sheet, r, 32, nullptr);
            worksheet_merge_range(sheet, r, 0, r, 3, XlsxOut::cellText(line).constData(), wrap);
            ++r;
        }
        ++r;
        const QStringList heads = {Tr::tr("Column"), Tr::tr("Header"), Tr::tr("What to write"), Tr::tr("Example")};
        for (int c = 0; c < heads.size(); ++c)
            worksheet_write_string(sheet, r, lxw_col_t(c), XlsxOut::cellText(heads.at(c)).constData(), header);
        ++r;
        for (int i = 0; i < spec.columns.size(); ++i, ++r) {
            const TemplateColumn &col = spec.columns.at(i);
            worksheet_write_string(sheet, r, 0, columnName(i).toUtf8().constData(), plain);
            worksheet_write_string(sheet, r, 1, XlsxOut::cellText(col.header).constData(), plain);
            worksheet_write_string(sheet, r, 2, XlsxOut::cellText(col.help).constData(), wrap);
            // LibreOffice does not grow a row for wrapped text a library wrote: the file says it
            // (about 75 characters of 12-pt Times a line in a column 70 wide).
            worksheet_set_row(sheet, r, 16.0 * ((col.help.size() + 74) / 75) + 2, nullptr);
            if (!col.example.isEmpty())
                worksheet_write_string(sheet, r, 3, XlsxOut::cellText(col.example).constData(), plain);
        }
    }
};
} // namespace

QString templateKindCode(TemplateKind kind)
{
    switch (kind) {
    case TemplateKind::People: return QStringLiteral("people");
    case TemplateKind::Units: return QStringLiteral("units");
    case TemplateKind::Awards: return QStringLiteral("awards");
    case TemplateKind::Disciplines: return QStringLiteral("disciplines");
    case TemplateKind::Initiatives: return QStringLiteral("initiatives");
    }
    return {};
}

std::optional<TemplateKind> templateKindFromCode(const QString &code)
{
    for (TemplateKind k : templateKinds())
        if (templateKindCode(k) == code)
            return k;
    return std::nullopt;
}

QList<TemplateKind> templateKinds()
{
    return {TemplateKind::People, TemplateKind::Units, TemplateKind::Awards, TemplateKind::Disciplines, TemplateKind::Initiatives};
}

TemplateSpec templateSpec(TemplateKind kind, int lastYear)
{
    switch (kind) {
    case TemplateKind::People: return peopleSpec(lastYear);
    case TemplateKind::Units: return unitsSpec();
    case TemplateKind::Awards: return awardsSpec();
    case TemplateKind::Disciplines: return disciplinesSpec();
    case TemplateKind::Initiatives: return initiativesSpec();
    }
    return {};
}

QStringList choiceValues(Database *db, ChoiceList list)
{
    if (list == ChoiceList::Units)
        return db ? unitChoices(*db) : QStringList();
    if (list == ChoiceList::AwardForms) {
        // In the catalogue's order (rank), as the forms' own list shows them.
        QStringList names;
        for (const AwardForm &f : db ? RecordRepository(*db).awardForms() : Catalogue::awardForms())
            names << f.name;
        return names;
    }
    return builtInChoices(list);
}

void writeTemplate(Database *db, TemplateKind kind, const QString &path, int lastYear)
{
    const TemplateSpec spec = templateSpec(kind, lastYear > 0 ? lastYear : QDate::currentDate().year());
    XlsxOut out(path);
    Writer w(out);
    // The data sheet first: the import reads the first visible sheet, and Excel opens on it.
    lxw_worksheet *data = workbook_add_worksheet(out.book(), XlsxOut::cellText(spec.sheetName.left(31)).constData());
    w.writeGuide(spec);
    const QList<ChoiceList> lists = w.writeChoices(db, spec);
    w.writeData(data, spec, lists);
    out.close();
}

} // namespace VinhDanh::Core::Tables
