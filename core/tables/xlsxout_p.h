#pragma once

// A workbook written with libxlsxwriter to "<path>.part", then put in place whole (the
// templates and the rejected rows): a failed write never leaves half a file under the name the
// clerk chose, and never replaces a good one.

#include <QByteArray>
#include <QString>

#include <xlsxwriter.h>

namespace VinhDanh::Core::Tables {

class XlsxOut
{
public:
    /// Error when the file cannot be created (no such folder, no right to write there).
    explicit XlsxOut(const QString &path);
    ~XlsxOut(); // without close(): the partial file is removed
    XlsxOut(const XlsxOut &) = delete;
    XlsxOut &operator=(const XlsxOut &) = delete;

    lxw_workbook *book() const { return m_book; }
    /// Writes the workbook and replaces `path` with it; Error (nothing replaced) on failure.
    void close();

    /// A format of the workbook: Times New Roman 12 pt, as the program's own lists.
    lxw_format *format(bool bold = false);

    /// Text as libxlsxwriter takes it: UTF-8, cut to Excel's 32,767 characters a cell (a longer
    /// cell makes libxlsxwriter drop it with an error, and a hostile file may carry one).
    static QByteArray cellText(const QString &text);

private:
    QString m_path;
    QString m_partial;
    lxw_workbook *m_book = nullptr;
};

} // namespace VinhDanh::Core::Tables
