#pragma once
// The 10,000-row list (issue 14): our PDF beside LibreOffice's conversion of the same rows.

#include <QString>

#include <functional>

namespace VinhDanh::Bench {

/// Times one operation: the bench's measure(), which records a row of its table.
using Measure = std::function<void(const QString &operation, const std::function<qint64()> &body)>;

/// Prints a danh sách đề nghị of `rows` nominees (landscape, five columns, group headings) to
/// PDF in `folder`, and, when soffice is installed, times LibreOffice converting the same rows
/// saved as XLSX to PDF. Returns the summary line (seconds, pages and the ratio) to print under
/// the table. Without `withLibreOffice`, only our PDF (and the XLSX beside it, for timing
/// LibreOffice from outside). Needs a QGuiApplication.
QString benchDocuments(int rows, const QString &folder, const Measure &measure, bool withLibreOffice = true);

} // namespace VinhDanh::Bench
