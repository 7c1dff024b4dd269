// The tables of a document as CSV and XLSX (Renderer::csv, Renderer::saveXlsx): the lists a
// clerk goes on working with in a spreadsheet, and prints from it as the document prints.
#include "core/documents/renderer.h"

#include "core/error.h"
#include "core/text/csv.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>

#include <cmath>

#include <xlsxwriter.h>

namespace VinhDanh::Documents::Renderer {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VinhDanh::Documents::Renderer)
};

QList<QStringList> rowsOf(const Table &t)
{
    QList<QStringList> rows{t.headers};
    for (const TableRow &r : t.rows)
        rows << (r.heading ? QStringList{r.cells.value(0)} : r.cells);
    if (!t.totalRow.isEmpty())
        rows << t.totalRow;
    return rows;
}

/// "2.340.000" → 2340000 for amount columns, so the spreadsheet can sum them.
bool asNumber(const QString &text, double *value)
{
    QString digits = text;
    digits.remove(QLatin1Char('.')).remove(QLatin1Char(' '));
    bool ok = false;
    *value = digits.toLongLong(&ok);
    return ok && !digits.isEmpty();
}

/// Excel refuses sheet names over 31 characters, with []:*?/\ or repeated.
QByteArray sheetName(const QString &wanted, int index, QSet<QString> &used)
{
    QString name = wanted.isEmpty() ? QStringLiteral("Sheet%1").arg(index + 1) : wanted;
    for (const QChar c : {QLatin1Char('['), QLatin1Char(']'), QLatin1Char(':'), QLatin1Char('*'), QLatin1Char('?'), QLatin1Char('/'),
                          QLatin1Char('\\')})
        name.replace(c, QLatin1Char(' '));
    name = name.left(28);
    QString unique = name;
    for (int n = 2; used.contains(unique.toLower()); ++n)
        unique = name + QString::number(n);
    used.insert(unique.toLower());
    return unique.toUtf8();
}
} // namespace

QByteArray csv(const Document &doc)
{
    QList<QStringList> rows;
    const QList<Table> tables = doc.allTables();
    for (int i = 0; i < tables.size(); ++i) {
        if (i > 0)
            rows << QStringList{};
        rows += rowsOf(tables.at(i));
    }
    // For Excel under Vietnamese regional settings, which splits columns at ";" (csv.h).
    return Core::Csv::file(rows, Core::Csv::kExcelSeparator);
}

namespace {
/// The formats of a list that prints as the document does: Times New Roman, black thin rules.
struct Formats
{
    lxw_format *title, *caption, *header, *cell, *centred, *number, *heading, *total, *totalNumber;
    explicit Formats(lxw_workbook *book)
    {
        auto make = [book](double size, bool bold, bool italic, bool border) {
            lxw_format *f = workbook_add_format(book);
            format_set_font_name(f, "Times New Roman");
            format_set_font_size(f, size);
            if (bold)
                format_set_bold(f);
            if (italic)
                format_set_italic(f);
            if (border)
                format_set_border(f, LXW_BORDER_THIN);
            format_set_text_wrap(f);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            return f;
        };
        title = make(14, true, false, false);
        format_set_align(title, LXW_ALIGN_CENTER);
        caption = make(13, false, true, false);
        format_set_align(caption, LXW_ALIGN_CENTER);
        header = make(12, true, false, true);
        format_set_align(header, LXW_ALIGN_CENTER);
        format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
        cell = make(12, false, false, true);
        centred = make(12, false, false, true);
        format_set_align(centred, LXW_ALIGN_CENTER);
        number = make(12, false, false, true);
        format_set_num_format(number, "#,##0");
        heading = make(12, true, false, true);
        total = make(12, true, false, true);
        totalNumber = make(12, true, false, true);
        format_set_num_format(totalNumber, "#,##0");
    }
};

/// Column widths in Excel's units (about one digit of the default font, ~1.9 mm) that fill the
/// printable width of A4 between Decree 30's margins: 165 mm upright, 252 mm on its side.
QList<double> columnWidths(const Table &t, bool landscape)
{
    const int columns = int(t.headers.size());
    const double total = (landscape ? 252.0 : 165.0) / 1.95;
    QList<double> out;
    for (int c = 0; c < columns; ++c) {
        const int percent = c < t.widths.size() ? t.widths.at(c) : 100 / qMax(1, columns);
        out << qMax(4.0, total * percent / 100.0);
    }
    return out;
}

/// The height a row of wrapped cells needs (12 pt text, ~15.75 pt a line): LibreOffice Calc does
/// not grow a row by itself for cells written by a library, so the file says it.
double rowHeight(const QStringList &cells, const QList<double> &widths)
{
    int lines = 1;
    for (int c = 0; c < cells.size() && c < widths.size(); ++c) {
        // About 1.1 characters of 12-pt Times per width unit; a line break starts a new line.
        const double perLine = qMax(1.0, widths.at(c) * 1.1);
        int cellLines = 0;
        for (const QString &part : cells.at(c).split(QLatin1Char('\n')))
            cellLines += qMax(1, int(std::ceil(part.size() / perLine)));
        lines = qMax(lines, cellLines);
    }
    return 15.75 * lines + 2;
}
} // namespace

void saveXlsx(const Document &doc, const QString &path)
{
    const QString partial = path + QStringLiteral(".part");
    const QByteArray file = QFile::encodeName(partial);
    lxw_workbook *book = workbook_new(file.constData());
    if (!book)
        throw Core::Error(Tr::tr("%1 cannot be written: check the folder and that the file is not open elsewhere.").arg(path));
    const Formats f(book);

    QSet<QString> used;
    int index = 0;
    for (const Part &part : doc.parts) {
        for (const Table &t : part.tables) {
            const QByteArray name = sheetName(t.sheetName, index++, used);
            lxw_worksheet *sheet = workbook_add_worksheet(book, name.constData());
            const int columns = int(t.headers.size());
            const lxw_col_t last = lxw_col_t(qMax(0, columns - 1));
            const QList<double> widths = columnWidths(t, doc.landscape);
            for (int c = 0; c < columns; ++c)
                worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), widths.at(c), nullptr);
            // The page: A4, Decree 30's margins (inches), one page wide, the header row on each.
            worksheet_set_paper(sheet, 9);
            if (doc.landscape)
                worksheet_set_landscape(sheet);
            worksheet_set_margins(sheet, 30 / 25.4, 15 / 25.4, 20 / 25.4, 20 / 25.4);
            worksheet_fit_to_pages(sheet, 1, 0);
            worksheet_center_horizontally(sheet);

            // Title rows as the printed list has them: its name, what it is, the caption.
            lxw_row_t r = 0;
            auto titleRow = [&](const QString &text, lxw_format *format, double height) {
                if (text.isEmpty())
                    return;
                worksheet_set_row(sheet, r, height, nullptr);
                if (columns > 1)
                    worksheet_merge_range(sheet, r, 0, r, last, text.toUtf8().constData(), format);
                else
                    worksheet_write_string(sheet, r, 0, text.toUtf8().constData(), format);
                ++r;
            };
            titleRow(part.typeName, f.title, 20);
            for (const QString &line : part.subject.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                titleRow(line, f.title, 20 * qMax(1.0, std::ceil(line.size() / 90.0)));
            for (const QString &line : part.caption.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                titleRow(line, f.caption, 18 * qMax(1.0, std::ceil(line.size() / 95.0)));
            if (r > 0)
                ++r; // a blank line before the table
            const lxw_row_t headerRow = r;
            for (int c = 0; c < columns; ++c)
                worksheet_write_string(sheet, r, lxw_col_t(c), t.headers.at(c).toUtf8().constData(), f.header);
            worksheet_set_row(sheet, r, rowHeight(t.headers, widths), nullptr);
            ++r;
            worksheet_freeze_panes(sheet, headerRow + 1, 0);
            worksheet_repeat_rows(sheet, headerRow, headerRow);

            auto writeRow = [&](const QStringList &cells, bool bold) {
                for (int c = 0; c < columns; ++c) {
                    double value = 0;
                    const QString text = cells.value(c);
                    // Amounts and the TT column are numbers, so the spreadsheet can sum and sort.
                    if ((t.rightAligned.contains(c) || t.centred.contains(c)) && asNumber(text, &value))
                        worksheet_write_number(sheet, r, lxw_col_t(c), value,
                                               t.rightAligned.contains(c) ? (bold ? f.totalNumber : f.number) : f.centred);
                    else
                        worksheet_write_string(sheet, r, lxw_col_t(c), text.toUtf8().constData(),
                                               bold ? f.total : (t.centred.contains(c) ? f.centred : f.cell));
                }
                worksheet_set_row(sheet, r, rowHeight(cells, widths), nullptr);
                ++r;
            };
            for (const TableRow &row : t.rows) {
                if (row.heading && columns > 1) {
                    worksheet_merge_range(sheet, r, 0, r, last, row.cells.value(0).toUtf8().constData(), f.heading);
                    ++r;
                } else {
                    writeRow(row.cells, row.heading);
                }
            }
            if (!t.totalRow.isEmpty())
                writeRow(t.totalRow, true);
        }
    }
    const lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR) {
        QFile::remove(partial);
        throw Core::Error(Tr::tr("%1 cannot be written: %2").arg(path, QString::fromUtf8(lxw_strerror(error))));
    }
    replaceWithPartial(partial, path);
}

} // namespace VinhDanh::Documents::Renderer
