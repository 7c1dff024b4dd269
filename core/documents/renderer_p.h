#pragma once
// The renderer's building blocks, shared by Renderer::html() (one HTML for the whole document)
// and the paged layout (pagedlayout.cpp), which sets the same blocks page by page.

#include "core/documents/document.h"

#include <QFont>
#include <QString>

class QPaintDevice;

namespace VinhDanh::Documents::Renderer::Blocks {

/// Documents are laid out at a fixed 96 dpi and scaled to the device: Qt's HTML reads px and pt
/// lengths at 96 dpi, and a fixed reference (not the screen) breaks the same document into the
/// same pages on every machine.
constexpr double kLayoutDpi = 96;
/// A 1×1 image at kLayoutDpi for QTextDocument and QTextLayout to measure fonts on.
QPaintDevice *layoutDevice();
/// Times New Roman at 13 pt; fontconfig gives its metric twin Liberation Serif on Debian.
QFont bodyFont();

QString headHtml(const Document &doc, const Part &part); // letterhead (when the part has one) and title
QString basesHtml(const Part &part);                     // the italic Căn cứ lines
QString decidesHtml(const Part &part);                   // "QUYẾT ĐỊNH:"
QString bodyHtml(const QStringList &paragraphs);         // justified, first line indented
QString tableHtml(const Table &table);                   // for html(); the paged layout draws tables itself
QString signatureHtml(const Part &part);                 // Nơi nhận (or a second signer) beside the signer

} // namespace VinhDanh::Documents::Renderer::Blocks
