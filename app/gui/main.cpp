// vinhdanh: the desktop program. Argument handling and wiring only; the window and its
// pages live in ui/, the work in core/.
#include "core/i18n/language.h"
#include "core/settings.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

using namespace VinhDanh;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VinhDanh"));
    QCoreApplication::setApplicationName(QStringLiteral("VinhDanh"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VINHDANH_VERSION));
    // Before anything shows text, including --help.
    Core::Language::install(app, Core::Settings::language());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Vinh Danh: emulation and commendation records."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
        QStringLiteral("database"),
        QCoreApplication::translate("main", "Open FILE: a database file, or a postgresql:// server address."),
        QCoreApplication::translate("main", "FILE"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a picture of the main window to FILE.png, then quit."),
        QCoreApplication::translate("main", "FILE.png"));
    parser.addOption(database);
    parser.addOption(screenshot);
    parser.process(app);

    Ui::MainWindow window;
    window.show();

    if (parser.isSet(screenshot)) {
        // Headless check: no dialogs, a failure is printed and ends the program.
        window.setHeadless(true);
        const QString error = window.openDatabase(Core::ConnectionSettings::parse(
            parser.isSet(database) ? parser.value(database) : Core::Settings::defaultDatabasePath()));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        const QString target = parser.value(screenshot);
        // Let the layouts and the first pages of the lists settle before grabbing.
        QTimer::singleShot(300, &window, [&window, target] {
            const bool saved = window.grab().save(target);
            if (!saved)
                std::fprintf(stderr, "%s\n",
                             qPrintable(QCoreApplication::translate("main", "Cannot write %1.").arg(target)));
            QCoreApplication::exit(saved ? 0 : 1);
        });
        return app.exec();
    }

    window.openAtStart(parser.value(database));
    return app.exec();
}
