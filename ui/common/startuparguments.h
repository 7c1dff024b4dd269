#pragma once

#include "core/db/database.h"

#include <QString>
#include <QStringList>

namespace VinhDanh::Ui {

/// What `vinhdanh` was asked to open, read from its command line (kept out of main() so the
/// tests can check it without starting the program).
///   vinhdanh                    the last database, else the default file (created)
///   vinhdanh FILE               FILE, which must exist and be a Vinh Danh database: a file
///                               manager's "Open with" or a mistyped name never leaves a new
///                               empty file behind
///   vinhdanh --database FILE    FILE, created when missing (as before; also a postgresql://
///                               address)
struct StartupArguments
{
    QString database; // empty: the last or default database
    Core::Database::Mode mode = Core::Database::Mode::OpenOrCreate;
    QString screenshot; // --screenshot FILE.png
    QString page;       // --page NAME (with --screenshot): one of ScreenshotPages::names()
    bool help = false;
    bool version = false;
    QString error;    // a sentence for the user when the arguments cannot be used
    QString helpText; // what --help prints

    /// `arguments` includes the program name first, as QCoreApplication::arguments().
    static StartupArguments parse(const QStringList &arguments);
};

} // namespace VinhDanh::Ui
