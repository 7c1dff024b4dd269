// vinhdanh-cli: the headless face of Vinh Danh. Everything here is argument handling;
// the work is done by the core library.
#include "commands.h"

#include "core/i18n/language.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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
    VinhDanh::Core::Language::install(app, language);
    return VinhDanh::Cli::run(args);
}
