#pragma once
// Reading a DOCX back the way a clerk's tools would: its zip entries (through the
// vinhdanh-zipentry helper), the text of word/document.xml, and LibreOffice's conversion to PDF.

#include "core/documents/document.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace VinhDanh::Test::Docx {

/// One entry of the zip at `path`; empty when it is missing or the zip unreadable.
QByteArray entry(const QString &path, const QString &name);
/// The text of word/document.xml: each paragraph on its own line, w:br as a line break. Empty,
/// with the reader's message in *error, when the XML is not well-formed.
QString text(const QByteArray &documentXml, QString *error = nullptr);
/// Whitespace runs as one space: text wrapped at other places compares equal.
QString flat(const QString &text);
/// A builder's paragraph without its <b>/<i> marks and entities, as a reader sees it.
QString unmarked(const QString &html);
/// What every block of the document shows: the letterhead, Quốc hiệu and Tiêu ngữ, Số and the
/// date line, type name, trích yếu and caption, the legal bases, body and closing paragraphs, each list
/// row's heading or name, the signer's authority, title and name, and Nơi nhận.
QStringList blockTexts(const Documents::Document &doc);

/// The soffice program on PATH, or empty when LibreOffice is not installed.
QString libreOffice();
/// Converts `files` to PDF in `outDir` with one headless LibreOffice run on a private profile
/// (parallel runs do not share one). Milliseconds it took, or -1 when it failed.
qint64 convertToPdf(const QStringList &files, const QString &outDir);

} // namespace VinhDanh::Test::Docx
