#include "ui/common/startuparguments.h"
#include "ui/common/screenshotpages.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace VinhDanh::Ui {

// The strings keep the context main.cpp always used ("main"), so their translations still apply.
StartupArguments StartupArguments::parse(const QStringList &arguments)
{
    StartupArguments result;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Vinh Danh: emulation and commendation records."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption database(
        QStringLiteral("database"),
        QCoreApplication::translate("main", "Open FILE: a database file, or a postgresql:// server address."),
        QCoreApplication::translate("main", "FILE"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"), QCoreApplication::translate("main", "Save a picture of the main window to FILE.png, then quit."),
        QCoreApplication::translate("main", "FILE.png"));
    const QCommandLineOption page(QStringLiteral("page"),
                                  QCoreApplication::translate("main", "With --screenshot: show page NAME first (%1).")
                                      .arg(ScreenshotPages::names().join(QStringLiteral(", "))),
                                  QCoreApplication::translate("main", "NAME"));
    parser.addOption(database);
    parser.addOption(screenshot);
    parser.addOption(page);
    // `vinhdanh FILE`, as a file manager's "Open with" runs it.
    parser.addPositionalArgument(
        QCoreApplication::translate("main", "FILE"),
        QCoreApplication::translate("main",
                                    "A Vinh Danh database file to open; it must exist (unlike --database, nothing is created)."),
        QCoreApplication::translate("main", "[FILE]"));
    result.helpText = parser.helpText();
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    // --help-all is listed by addHelpOption(); it prints the same help (Qt's own options are no
    // business of a clerk) instead of starting the window.
    result.help = parser.isSet(help) || parser.isSet(QStringLiteral("help-all"));
    result.version = parser.isSet(version);
    result.screenshot = parser.value(screenshot);
    result.page = parser.value(page);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        result.error = QCoreApplication::translate("main", "Give one file to open, not %1.").arg(files.size());
    } else if (!files.isEmpty() && parser.isSet(database)) {
        result.error = QCoreApplication::translate("main", "Give the file to open either as FILE or with --database, not both.");
    } else if (parser.isSet(page) && result.screenshot.isEmpty()) {
        // --page only picks what --screenshot pictures; without it the window would simply open.
        result.error = QCoreApplication::translate("main", "--page is used with --screenshot.");
    } else if (parser.isSet(page) && !ScreenshotPages::names().contains(result.page)) {
        result.error = ScreenshotPages::unknownPageMessage(result.page);
    } else if (!files.isEmpty()) {
        result.database = files.first();
        result.mode = Core::Database::Mode::OpenExisting;
    } else if (parser.isSet(database)) {
        result.database = parser.value(database);
    }
    return result;
}

} // namespace VinhDanh::Ui
