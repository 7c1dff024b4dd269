// The Catch2 main of every test program. The application class follows what the tests touch:
// the program's Ui::Application for widget tests (VINHDANH_TEST_WIDGETS), QGuiApplication for document layout
// and PDF (VINHDANH_TEST_GUI: fonts need it), QCoreApplication otherwise.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "core/i18n/language.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

#if defined(VINHDANH_TEST_WIDGETS)
// The program's own application object, so the widget tests run under its net for errors
// that escape an event handler (ui/common/application.h).
#include "ui/common/application.h"
using TestApplication = VinhDanh::Ui::Application;
#elif defined(VINHDANH_TEST_GUI)
#include <QGuiApplication>
using TestApplication = QGuiApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char *argv[])
{
    // catch_discover_tests runs this binary at build time without the test ENVIRONMENT, so
    // default to the offscreen platform here or the build fails on a machine with no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Each test program gets a PostgreSQL database of its own when the suite's server has them
    // (scripts/start-test-pg.sh makes vinhdanh_test_core, _ui, _documents, _cli and says so with
    // VINHDANH_TEST_PG_PER_PROGRAM): the programs then run side by side, each serialising only
    // its own tests (RESOURCE_LOCK postgres-<program> in tests/CMakeLists.txt).
    if (!qEnvironmentVariableIsEmpty("VINHDANH_TEST_PG") && !qEnvironmentVariableIsEmpty("VINHDANH_TEST_PG_PER_PROGRAM")) {
        const QString program = QFileInfo(QString::fromLocal8Bit(argv[0])).fileName().section(QLatin1Char('_'), 0, 0);
        QUrl url(qEnvironmentVariable("VINHDANH_TEST_PG"));
        url.setPath(url.path() + QLatin1Char('_') + program);
        qputenv("VINHDANH_TEST_PG", url.toString().toUtf8());
    }
    TestApplication app(argc, argv);
#if defined(VINHDANH_TEST_WIDGETS)
    // An error escaping a handler fails the test that met it, naming it, instead of waiting on
    // a box nobody closes; the error box's test turns the net on for itself.
    VinhDanh::Ui::Application::setLetErrorsThrough(true);
#endif
    // Never read or write a clerk's real settings or data folder.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VinhDanhTest"));
    QCoreApplication::setApplicationName(QStringLiteral("VinhDanhTest"));
    // Tests assert the English source texts; Vietnamese is checked by the translation tests.
    VinhDanh::Core::Language::install(app, QStringLiteral("en"));
    return Catch::Session().run(argc, argv);
}
