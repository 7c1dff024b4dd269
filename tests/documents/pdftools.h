#pragma once
// Reading a PDF back the way a clerk's tools would: poppler-utils (pdfinfo, pdffonts,
// pdftotext), installed by scripts/install-deps.sh.

#include <QString>
#include <QStringList>

namespace VinhDanh::Test::Pdf {

/// `pdfinfo` output as text (Pages:, Page size:, …); Error-free: empty when it failed.
QString info(const QString &path);
/// Page count from pdfinfo, 0 when unreadable.
int pages(const QString &path);
/// Page size in points from pdfinfo ("595.28 x 841.89 pts (A4)").
QString pageSize(const QString &path);
/// The fonts: one entry per font as "NAME|emb" where emb is yes or no.
QStringList fonts(const QString &path);
/// The text of page `page` (1-based), or of all pages when 0, as pdftotext gives it (UTF-8).
QString text(const QString &path, int page = 0);

/// A word where pdftotext -bbox finds it, in millimetres from the page's top-left corner.
struct Word
{
    int page = 0; // 1-based
    QString text;
    double left = 0, top = 0, right = 0, bottom = 0;
};
/// Every word of the PDF with its box.
QList<Word> words(const QString &path);
/// The first word `text` on `page` (0: any page); a Word with page 0 when absent.
Word word(const QString &path, const QString &text, int page = 0);

} // namespace VinhDanh::Test::Pdf
