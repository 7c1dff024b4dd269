// vinhdanh-cli: the headless face of Vinh Danh. Everything here is argument handling;
// the work is done by the core library.
#include "clisupport.h"
#include "commands.h"

#include "core/i18n/language.h"

#include <QGuiApplication>

#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    // Documents are laid out with fonts, which need a QGuiApplication; the offscreen platform
    // gives one without a display (a server, a cron job, CI). Other commands stay on
    // QCoreApplication, which starts faster and loads no platform plugin.
    const char *command = nullptr; // the first word that is not --lang or its value
    for (int i = 1; i < argc && !command; ++i) {
        if (std::strcmp(argv[i], "--lang") == 0)
            ++i;
        else if (std::strcmp(argv[i], "--codes") == 0)
            continue;
        else
            command = argv[i];
    }
    std::unique_ptr<QCoreApplication> application;
    if (command && std::strcmp(command, "print") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("VinhDanh"));
    QCoreApplication::setApplicationName(QStringLiteral("VinhDanh"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VINHDANH_VERSION));

    // Messages are Vietnamese unless --lang en (or VINHDANH_LANG=en) asks for English.
    QStringList args = app.arguments().mid(1);
    QString language = qEnvironmentVariable("VINHDANH_LANG", QStringLiteral("vi"));
    const qsizetype langAt = args.indexOf(QStringLiteral("--lang"));
    if (langAt >= 0 && langAt + 1 < args.size()) {
        language = args.at(langAt + 1);
        args.remove(langAt, 2);
    }
    // --codes: stored codes instead of words in text and CSV output (for scripts).
    if (args.removeAll(QStringLiteral("--codes")) > 0)
        VinhDanh::Cli::setCodesWanted(true);
    VinhDanh::Core::Language::install(app, language);
    return VinhDanh::Cli::run(args);
}
