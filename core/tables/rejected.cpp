// The rejected rows of a list's preview, saved for the clerk to fix: XLSX (the row numbers of
// the source first, the reason last in red) or CSV (for other programs).
#include "core/tables/peopleimport.h"
#include "core/tables/xlsxout_p.h"

#include "core/error.h"
#include "core/text/csv.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <algorithm>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

/// A cell Excel would run as a formula (= + - @ first) gets a leading apostrophe: the
/// rejected rows come from a file someone else sent, and opening them must not run
/// "=HYPERLINK(…)" or worse. Excel shows the text without the apostrophe. (The XLSX needs no
/// such care: a cell written as a string is never read as a formula.)
QString inert(const QString &cell)
{
    static const QString risky = QStringLiteral("=+-@");
    return !cell.isEmpty() && risky.contains(cell.at(0)) ? QLatin1Char('\'') + cell : cell;
}

/// The header, widened to the longest refused row (a row may run past the header's columns).
QStringList headerOf(const SheetPreview &preview)
{
    QStringList header = preview.headers;
    for (const PreviewRow &r : preview.rows)
        while (r.status == RowStatus::Error && header.size() < r.cells.size())
            header << QString();
    return header;
}

void saveCsv(const SheetPreview &preview, const QString &path)
{
    QList<QStringList> rows;
    const QStringList header = headerOf(preview);
    rows << (QStringList(header) << Tr::tr("Row") << Tr::tr("Reason"));
    for (const PreviewRow &r : preview.rows) {
        if (r.status != RowStatus::Error)
            continue;
        QStringList cells;
        for (const QString &c : r.cells)
            cells << inert(c);
        while (cells.size() < header.size())
            cells << QString();
        cells << QString::number(r.sheetRow) << inert(reasonsText(r.reasons));
        rows << cells;
    }
    for (QString &h : rows.first())
        h = inert(h);
    // Semicolons, as Excel under Vietnamese regional settings splits columns (see Csv::file).
    QSaveFile out(path);
    const QByteArray bytes = Csv::file(rows, Csv::kExcelSeparator);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        throw Error(Tr::tr("Cannot write the file %1.").arg(QDir::toNativeSeparators(path)), out.errorString());
}

void saveXlsx(const SheetPreview &preview, const QString &path)
{
    XlsxOut out(path);
    const QByteArray sheetName = XlsxOut::cellText(Tr::tr("Rejected rows").left(31));
    lxw_worksheet *sheet = workbook_add_worksheet(out.book(), sheetName.constData());
    lxw_format *header = out.format(true);
    format_set_text_wrap(header);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_bg_color(header, 0xE7E6E6);
    lxw_format *cell = out.format();
    lxw_format *number = out.format();
    format_set_align(number, LXW_ALIGN_CENTER);
    lxw_format *reason = out.format();
    format_set_font_color(reason, 0xB00020); // the colour the preview shows refused rows in
    format_set_text_wrap(reason);

    const QStringList headers = headerOf(preview);
    const lxw_col_t reasonColumn = lxw_col_t(headers.size() + 1);
    // "Dòng" first: the clerk goes back to the source file by it; "Lý do" last, wide, wrapped.
    worksheet_write_string(sheet, 0, 0, XlsxOut::cellText(Tr::tr("Row")).constData(), header);
    for (int c = 0; c < headers.size(); ++c)
        worksheet_write_string(sheet, 0, lxw_col_t(c + 1), XlsxOut::cellText(headers.at(c)).constData(), header);
    worksheet_write_string(sheet, 0, reasonColumn, XlsxOut::cellText(Tr::tr("Reason")).constData(), header);

    QList<int> widths(headers.size(), 0);
    for (int c = 0; c < headers.size(); ++c)
        widths[c] = int(headers.at(c).size());
    lxw_row_t r = 1;
    for (const PreviewRow &row : preview.rows) {
        if (row.status != RowStatus::Error)
            continue;
        worksheet_write_number(sheet, r, 0, row.sheetRow, number);
        // Every cell as a string, as the file gave it: "=1+1" stays text, a CCCD keeps its
        // leading zeros, and nothing is computed when the file is opened.
        for (int c = 0; c < row.cells.size(); ++c) {
            if (row.cells.at(c).isEmpty())
                continue;
            worksheet_write_string(sheet, r, lxw_col_t(c + 1), XlsxOut::cellText(row.cells.at(c)).constData(), cell);
            widths[c] = qMax(widths.at(c), int(row.cells.at(c).size()));
        }
        worksheet_write_string(sheet, r, reasonColumn, XlsxOut::cellText(reasonsText(row.reasons)).constData(), reason);
        ++r;
    }
    worksheet_set_column(sheet, 0, 0, 7, nullptr);
    for (int c = 0; c < headers.size(); ++c)
        worksheet_set_column(sheet, lxw_col_t(c + 1), lxw_col_t(c + 1), std::clamp(widths.at(c) + 2, 8, 40), nullptr);
    worksheet_set_column(sheet, reasonColumn, reasonColumn, 70, nullptr);
    worksheet_freeze_panes(sheet, 1, 1);
    out.close();
}
} // namespace

void saveRejected(const SheetPreview &preview, const QString &path)
{
    if (path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        saveXlsx(preview, path);
    else
        saveCsv(preview, path);
}

} // namespace VinhDanh::Core::Tables
