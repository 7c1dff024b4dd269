#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "core/i18n/language.h"

#include <QApplication>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    // catch_discover_tests runs this binary at build time without the test ENVIRONMENT, so
    // default to the offscreen platform here or the build fails on a machine with no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VinhDanhTest"));
    QCoreApplication::setApplicationName(QStringLiteral("VinhDanhTest"));
    VinhDanh::Core::Language::install(app, QStringLiteral("en"));
    return Catch::Session().run(argc, argv);
}
