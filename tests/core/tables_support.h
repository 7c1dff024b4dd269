#pragma once
// Spreadsheets made inside the tests: XLSX written with libxlsxwriter (the library that writes
// the program's own lists), zip containers edited with libzip (hostile variants of a real
// workbook), CSV bytes in each encoding.

#include "interchange_support.h"

#include <catch2/catch.hpp>

#include <QDate>
#include <QFile>
#include <QString>
#include <QVariant>

#include <xlsxwriter.h>
#include <zip.h>

namespace VinhDanh::Test {

/// One cell to write: a QString (text, shared or inline), a double or int (number), a bool,
/// a QDate (a serial number with a date format) or a Formula (with its cached result).
struct Formula
{
    QString formula;
    double cached = 0;
};

class XlsxWriter
{
public:
    /// `inlineStrings`: libxlsxwriter's constant-memory mode, which writes text as inline
    /// strings instead of the shared-string table.
    explicit XlsxWriter(const QString &path, bool inlineStrings = false)
    {
        lxw_workbook_options options = {};
        options.constant_memory = inlineStrings ? LXW_TRUE : LXW_FALSE;
        m_book = workbook_new_opt(QFile::encodeName(path).constData(), &options);
        REQUIRE(m_book);
        m_dateFormat = workbook_add_format(m_book);
        format_set_num_format(m_dateFormat, "dd/mm/yyyy");
    }
    ~XlsxWriter()
    {
        if (m_book)
            close();
    }
    lxw_worksheet *sheet(const QString &name)
    {
        lxw_worksheet *ws = workbook_add_worksheet(m_book, name.toUtf8().constData());
        REQUIRE(ws);
        return ws;
    }
    /// Writes `cells` from column A on the 0-based `row`.
    void row(lxw_worksheet *ws, int row, const QVariantList &cells)
    {
        for (int c = 0; c < cells.size(); ++c) {
            const QVariant &v = cells.at(c);
            if (v.userType() == qMetaTypeId<Formula>()) {
                const Formula f = v.value<Formula>();
                worksheet_write_formula_num(ws, lxw_row_t(row), lxw_col_t(c), f.formula.toUtf8().constData(), nullptr, f.cached);
            } else if (v.userType() == QMetaType::QDate) {
                const QDate d = v.toDate();
                lxw_datetime dt = {d.year(), d.month(), d.day(), 0, 0, 0};
                worksheet_write_datetime(ws, lxw_row_t(row), lxw_col_t(c), &dt, m_dateFormat);
            } else if (v.userType() == QMetaType::Bool) {
                worksheet_write_boolean(ws, lxw_row_t(row), lxw_col_t(c), v.toBool(), nullptr);
            } else if (v.userType() == QMetaType::Double || v.userType() == QMetaType::Int) {
                worksheet_write_number(ws, lxw_row_t(row), lxw_col_t(c), v.toDouble(), nullptr);
            } else if (!v.isNull()) {
                worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(c), v.toString().toUtf8().constData(), nullptr);
            }
        }
    }
    void hideRow(lxw_worksheet *ws, int row)
    {
        lxw_row_col_options hidden = {1, 0, 0};
        worksheet_set_row_opt(ws, lxw_row_t(row), LXW_DEF_ROW_HEIGHT, nullptr, &hidden);
    }
    void close()
    {
        REQUIRE(workbook_close(m_book) == LXW_NO_ERROR);
        m_book = nullptr;
    }

private:
    lxw_workbook *m_book = nullptr;
    lxw_format *m_dateFormat = nullptr;
};

/// Replaces (or adds) one entry of the zip container at `path`, keeping the others.
inline void replaceZipEntry(const QString &path, const QString &entry, const QByteArray &data)
{
    int error = 0;
    zip_t *zip = zip_open(QFile::encodeName(path).constData(), 0, &error);
    REQUIRE(zip);
    // The source must own a copy: libzip reads it only when the archive is closed.
    void *copy = malloc(size_t(data.size()));
    memcpy(copy, data.constData(), size_t(data.size()));
    zip_source_t *source = zip_source_buffer(zip, copy, zip_uint64_t(data.size()), 1);
    REQUIRE(source);
    REQUIRE(zip_file_add(zip, entry.toUtf8().constData(), source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) >= 0);
    REQUIRE(zip_close(zip) == 0);
}

/// A short staff list typed in .VnTime under a letterhead retyped in Unicode: the header is row 5,
/// and the letterhead's four lines would outvote the two names if the whole sheet were guessed.
inline const QString kTcvn3UnderLetterhead = QStringLiteral("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\n"
                                                            "SỞ NỘI VỤ\n"
                                                            "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025\n"
                                                            "Người lập biểu: Trần Thị Bích Ngọc\n"
                                                            "Họ và tên;Đơn vị;Đối tượng\n"
                                                            "NguyÔn V¨n Hïng;Sở Nội vụ;Công chức\n"
                                                            "TrÇn ThÞ H\u00AD\u00ACng;Sở Nội vụ;Viên chức\n");

} // namespace VinhDanh::Test

Q_DECLARE_METATYPE(VinhDanh::Test::Formula)
