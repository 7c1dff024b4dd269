// The tables of a document as CSV and XLSX (Renderer::csv, Renderer::saveXlsx): the lists a
// clerk goes on working with in a spreadsheet.
#include "core/documents/renderer.h"

#include "core/error.h"
#include "core/text/csv.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>

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
    for (const QChar c : {QLatin1Char('['), QLatin1Char(']'), QLatin1Char(':'), QLatin1Char('*'), QLatin1Char('?'),
                          QLatin1Char('/'), QLatin1Char('\\')})
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
    return Core::Csv::file(rows);
}

void saveXlsx(const Document &doc, const QString &path)
{
    const QString partial = path + QStringLiteral(".part");
    const QByteArray file = QFile::encodeName(partial);
    lxw_workbook *book = workbook_new(file.constData());
    if (!book)
        throw Core::Error(Tr::tr("%1 cannot be written: check the folder and that the file is not open elsewhere.").arg(path));
    lxw_format *header = workbook_add_format(book);
    format_set_bold(header);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format *cell = workbook_add_format(book);
    format_set_border(cell, LXW_BORDER_THIN);
    format_set_text_wrap(cell);
    format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *number = workbook_add_format(book);
    format_set_border(number, LXW_BORDER_THIN);
    format_set_num_format(number, "#,##0");
    lxw_format *heading = workbook_add_format(book);
    format_set_bold(heading);
    format_set_border(heading, LXW_BORDER_THIN);

    QSet<QString> used;
    const QList<Table> tables = doc.allTables();
    for (int i = 0; i < tables.size(); ++i) {
        const Table &t = tables.at(i);
        const QByteArray name = sheetName(t.sheetName, i, used);
        lxw_worksheet *sheet = workbook_add_worksheet(book, name.constData());
        const int columns = int(t.headers.size());
        for (int c = 0; c < columns; ++c) {
            worksheet_write_string(sheet, 0, lxw_col_t(c), t.headers.at(c).toUtf8().constData(), header);
            const int percent = c < t.widths.size() ? t.widths.at(c) : 100 / qMax(1, columns);
            worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), qMax(5.0, percent * 1.2), nullptr);
        }
        worksheet_freeze_panes(sheet, 1, 0);
        worksheet_repeat_rows(sheet, 0, 0);
        if (doc.landscape)
            worksheet_set_landscape(sheet);
        worksheet_set_paper(sheet, 9); // A4
        lxw_row_t r = 1;
        auto writeRow = [&](const QStringList &cells, bool bold) {
            for (int c = 0; c < columns; ++c) {
                double value = 0;
                const QString text = cells.value(c);
                if (t.rightAligned.contains(c) && asNumber(text, &value))
                    worksheet_write_number(sheet, r, lxw_col_t(c), value, number);
                else
                    worksheet_write_string(sheet, r, lxw_col_t(c), text.toUtf8().constData(), bold ? heading : cell);
            }
            ++r;
        };
        for (const TableRow &row : t.rows) {
            if (row.heading && columns > 1) {
                worksheet_merge_range(sheet, r, 0, r, lxw_col_t(columns - 1), row.cells.value(0).toUtf8().constData(), heading);
                ++r;
            } else {
                writeRow(row.cells, row.heading);
            }
        }
        if (!t.totalRow.isEmpty())
            writeRow(t.totalRow, true);
    }
    const lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR) {
        QFile::remove(partial);
        throw Core::Error(Tr::tr("%1 cannot be written: %2").arg(path, QString::fromUtf8(lxw_strerror(error))));
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        throw Core::Error(Tr::tr("%1 cannot be written: check the folder and that the file is not open elsewhere.").arg(path));
    }
}

} // namespace VinhDanh::Documents::Renderer
