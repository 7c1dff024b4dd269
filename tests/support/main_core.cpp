#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "core/i18n/language.h"

#include <QCoreApplication>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Never read or write a clerk's real settings or data folder.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VinhDanhTest"));
    QCoreApplication::setApplicationName(QStringLiteral("VinhDanhTest"));
    // Tests assert the English source texts; Vietnamese is checked by the translation tests.
    VinhDanh::Core::Language::install(app, QStringLiteral("en"));
    return Catch::Session().run(argc, argv);
}
