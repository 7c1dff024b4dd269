// vinhdanh: the desktop program. Argument handling and wiring only; the window and its
// pages live in ui/, the work in core/.
#include "core/i18n/language.h"
#include "core/settings.h"
#include "ui/common/application.h"
#include "ui/common/screenshotpages.h"
#include "ui/common/startuparguments.h"
#include "ui/mainwindow.h"

#include <QPointer>
#include <QTimer>

#include <cstdio>

using namespace VinhDanh;

int main(int argc, char *argv[])
{
    Ui::Application app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VinhDanh"));
    QCoreApplication::setApplicationName(QStringLiteral("VinhDanh"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VINHDANH_VERSION));
    // Before anything shows text, including --help.
    Core::Language::install(app, Core::Settings::language());

    const Ui::StartupArguments args = Ui::StartupArguments::parse(QCoreApplication::arguments());
    if (args.help) {
        std::fputs(qPrintable(args.helpText), stdout);
        return 0;
    }
    if (args.version) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()), VINHDANH_VERSION);
        return 0;
    }
    if (!args.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(args.error));
        return 1;
    }

    Ui::MainWindow window;
    window.show();

    if (!args.screenshot.isEmpty()) {
        // Headless check: no dialogs, a failure is printed and ends the program.
        window.setHeadless(true);
        const QString error = window.openDatabase(
            Core::ConnectionSettings::parse(args.database.isEmpty() ? Core::Settings::defaultDatabasePath() : args.database),
            args.mode);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        // The user guide's pictures (scripts/screenshots.sh): one size, so they never shift.
        window.resize(1280, 800);
        QWidget *subject = &window;
        if (!args.page.isEmpty()) {
            QString pageError;
            subject = Ui::ScreenshotPages::show(window, args.page, &pageError);
            if (!subject) {
                std::fprintf(stderr, "%s\n", qPrintable(pageError));
                return 1;
            }
        }
        const QString target = args.screenshot;
        // Let the layouts and the first pages of the lists settle before grabbing. QPointer:
        // a record's window could close itself meanwhile (then nothing is saved, and it says so).
        QTimer::singleShot(300, &window, [subject = QPointer<QWidget>(subject), target] {
            // Quality 0: PNG's strongest compression (lossless), so the guide's pictures stay small.
            const bool saved = subject && subject->grab().save(target, nullptr, 0);
            if (!saved)
                std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("main", "Cannot write %1.").arg(target)));
            QCoreApplication::exit(saved ? 0 : 1);
        });
        return app.exec();
    }

    window.openAtStart(args.database, args.mode);
    return app.exec();
}
