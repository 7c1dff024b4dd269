#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Documents {

/// Inline marks for builders' paragraphs (Part::paragraphs and closing): the text is escaped.
namespace Html {
QString escaped(const QString &text);
QString bold(const QString &text);
QString italic(const QString &text);
} // namespace Html

/// One row of a document's table. A heading row ("I. TẬP THỂ", "1. Bằng khen của Chủ tịch
/// UBND tỉnh") spans every column and is set in bold; exports keep it as a merged row.
struct TableRow
{
    QStringList cells;
    bool heading = false;
};

/// A list inside a document (danh sách, kết quả biểu quyết, …). The header row repeats at the
/// top of every printed page; XLSX and CSV exports write the same rows.
struct Table
{
    QString sheetName; // the XLSX sheet ("Danh sach"); ASCII, ≤ 31 characters
    QStringList headers;
    QList<int> widths;       // per column, in percent of the text width; empty = even
    QList<int> rightAligned; // columns of amounts and counts
    QList<int> centred;      // columns such as "TT"
    QList<TableRow> rows;
    QStringList totalRow; // "Tổng cộng" row in bold, or empty
    /// Body paragraphs printed just above the table (its section heading, "1. Danh hiệu thi
    /// đua:"), with the inline marks of Part::paragraphs; not exported to XLSX / CSV.
    QStringList intro;
};

/// The signature block (box 7 of Decree 30/2020): "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC", a space
/// for the signature and seal, then the name.
struct Signature
{
    /// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Q. GIÁM ĐỐC", or empty; a collective body's
    /// deputy signs on two lines, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH" (Decree 30, Appendix I).
    QString authority;
    QString title; // "PHÓ CHỦ TỊCH"
    QString name;  // "Nguyễn Văn A"
    bool isEmpty() const { return authority.isEmpty() && title.isEmpty() && name.isEmpty(); }
};

/// One part of a document that starts on a new page: the letter itself, or a list attached to
/// it ("Danh sách kèm theo Quyết định số …"). Text fields are plain text; the renderer escapes
/// them. `paragraphs` and `closing` may carry the inline marks <b>, <i> written by builders
/// through Html::bold()/italic() only.
struct Part
{
    bool letterhead = true; // issuing body, national title, number, place and date
    QString number;         // "Số: 12/TTr-SNV" (empty: the line is left out)
    QString placeDate;      // "Thanh Hóa, ngày 05 tháng 01 năm 2026"
    QString typeName;       // "TỜ TRÌNH", "QUYẾT ĐỊNH", "DANH SÁCH" …
    QString subject;        // trích yếu: "Về việc đề nghị khen thưởng …"
    /// Italic lines under the subject (an attached list's "(Kèm theo Quyết định số … của
    /// Chủ tịch UBND tỉnh)"); empty: none.
    QString caption;
    QString addressee;      // "Kính gửi: Chủ tịch UBND tỉnh" (empty: none)
    QString authorityLine;  // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" above the legal bases of a decision
    QStringList legalBases; // italic, one per line, ";" … "."
    QString decidesLine;    // "QUYẾT ĐỊNH:" after the bases of a decision
    QStringList paragraphs; // the body
    QList<Table> tables;
    QStringList closing; // paragraphs after the tables
    Signature signature;
    QStringList recipients; // Nơi nhận (empty: the block is left out)
    /// A second signature on the left, where Nơi nhận would be (minutes: THƯ KÝ beside the
    /// chair). Printed only when there are no recipients; empty: none.
    Signature secondSignature;
};

/// A document ready to render: content only, no layout. Builders in this folder make them
/// from the database; the renderer lays them out on A4 per Decree 30/2020.
struct Document
{
    QString kind;           // the CLI's --document code: "to-trinh", "quyet-dinh" …
    QString title;          // for window titles and PDF metadata
    QString fileStem;       // a suggested file name without extension ("TTr-12-2026")
    bool landscape = false; // wide tables (Decree 30 allows landscape for them)
    QString parentBody;     // "UBND TỈNH THANH HÓA" (cơ quan chủ quản)
    QString body;           // "SỞ NỘI VỤ" (cơ quan ban hành)
    QList<Part> parts;

    /// Every table of every part, in order (what XLSX and CSV exports write).
    QList<Table> allTables() const
    {
        QList<Table> out;
        for (const Part &p : parts)
            out += p.tables;
        return out;
    }
};

} // namespace VinhDanh::Documents
