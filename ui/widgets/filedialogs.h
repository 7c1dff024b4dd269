#pragma once

#include <QFileDialog>
#include <QString>

class QWidget;

namespace VinhDanh::Ui {

/// Every file dialog of the program goes through here (issue 12, "locks that hold").
///
/// The trap: SQLite's locks are POSIX advisory locks, and closing ANY descriptor of a file drops
/// every lock the process holds on it. A file dialog that opens a file to guess its type or icon
/// (GTK's dialog, or Qt's own through QMimeDatabase, which reads the "-wal" and "-shm" files
/// because they have no extension) silently drops the open database's locks; another program
/// then thinks it is alone, checkpoints and deletes the -wal that this program still writes
/// into, and saves are lost or the file corrupts. So: Qt's own dialog (never the platform's,
/// which runs in this process), with an icon provider that only stats, never opens.
namespace FileDialogs {

QString openFile(QWidget *parent, const QString &caption, const QString &dir = {}, const QString &filter = {});
QString saveFile(QWidget *parent, const QString &caption, const QString &dir = {}, const QString &filter = {});

/// Asks where to save the rows an import refused, next to `sourcePath` ("… - dòng bị loại.xlsx"):
/// XLSX first (bold header, reasons in red), CSV for other programs; ".xlsx" is added when the
/// clerk types no suffix. Empty when cancelled. Shared by every import dialog.
QString saveRejectedRows(QWidget *parent, const QString &sourcePath);

/// The dialog those use, for callers that need more (and tests): Qt's widget dialog with the
/// non-reading icon provider. The caller owns it.
QFileDialog *make(QWidget *parent, const QString &caption, const QString &dir, const QString &filter);

} // namespace FileDialogs
} // namespace VinhDanh::Ui
