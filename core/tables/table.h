#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core::Tables {

/// One cell as the file gave it. XLSX knows numbers, booleans and (through the cell's style)
/// dates; a CSV knows only text, so its cells are all Text and the mapping parses them.
struct Cell
{
    /// Error: a value the file does not give (a formula Excel never computed); `text` says why.
    enum class Kind { Empty, Text, Number, Boolean, Date, Error };
    Kind kind = Kind::Empty;
    QString text;      // NFC; for Number/Boolean/Date the value as a clerk would read it; for Error the reason
    double number = 0; // Number, Boolean (0/1), Date (the Excel serial)
    QDate date;        // Date only

    bool isEmpty() const { return kind == Kind::Empty || (kind == Kind::Text && text.trimmed().isEmpty()); }
    static Cell fromText(const QString &text);
};

struct Row
{
    int number = 0;      // the row number the clerk sees in the spreadsheet (1-based)
    bool hidden = false; // XLSX rows hidden in the sheet
    QList<Cell> cells;   // by column, 0 = A; missing cells at the end are not stored

    const Cell &cell(int column) const;
    bool isEmpty() const;
};

struct Sheet
{
    QString name;
    bool hidden = false;
    QList<Row> rows; // non-empty rows in order; gaps keep their numbers
};

/// The index in `sheet.rows` of row `rowNumber` (1-based, as the spreadsheet numbers its rows),
/// which the clerk says is the table's header (the guess took a letterhead or a title for it).
/// Error, in words, for a row before 1, past the sheet's end, or empty.
int headerRowIndex(const Sheet &sheet, int rowNumber);

/// "A", "B", …, "Z", "AA": how spreadsheets name column `index` (0-based).
QString columnName(int index);

/// The most rows a sheet may have (Excel's own limit); more is refused as not a spreadsheet.
constexpr int kMaxRows = 1048576;
/// The most cells (empty ones between filled ones included) a sheet is read with: memory stays
/// near 1 GB however a hostile file spreads its cells (a cell in column XFD on every row).
constexpr qint64 kMaxCells = 20'000'000;

} // namespace VinhDanh::Core::Tables
