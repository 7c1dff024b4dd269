#pragma once

#include "clisupport.h"

namespace VinhDanh::Cli {

/// The print kinds that go on pre-printed blanks: phoi-bang-khen, phoi-giay-khen (a decision's
/// certificates) and luoi-can-chinh (the calibration grid of a blank).
bool isCertificateKind(const QString &kind);
/// `print` for those kinds (PDF only): the certificates of --id "DECISION" or "DECISION/N", or
/// the grid of --id "bang-khen"; moved by the offset of --printer or --offset-x/--offset-y.
void printCertificates(QCommandLineParser &p, const QString &kind, const QString &id, const QString &output);
/// The options `print` adds for them.
void addCertificatePrintOptions(QCommandLineParser &p);
/// "code  name  (--id: …)" lines for `documents`.
QStringList certificateKindLines();
/// calibrate (per-printer offset on this computer) and certificate-layout (the office's layout
/// of a blank: show, export, import, reset).
void addCertificateCommands(CommandTable &table);

} // namespace VinhDanh::Cli
