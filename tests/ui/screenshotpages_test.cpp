// Issue 16, item 8: `vinhdanh --screenshot F --page NAME` shows the page the user guide
// pictures, every NAME resolves on the demo province, an unknown NAME is refused with the list
// of names, and the guide (docs/huong-dan-su-dung.md) shows only pictures that
// scripts/screenshots.sh makes and that exist in docs/images.
#include "uitesthelpers.h"

#include "core/db/database.h"
#include "core/demo/demogenerator.h"
#include "ui/accounts/auditview.h"
#include "ui/common/screenshotpages.h"
#include "ui/common/startuparguments.h"
#include "ui/council/councilview.h"
#include "ui/decisions/decisionsview.h"
#include "ui/dossiers/appraisalpanel.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/dossiersview.h"
#include "ui/eligibility/candidatesview.h"
#include "ui/eligibility/rulesetsview.h"
#include "ui/mainwindow.h"
#include "ui/movements/movementsview.h"
#include "ui/registry/peopleview.h"
#include "ui/registry/personpage.h"
#include "ui/registry/unitpage.h"
#include "ui/registry/unitsview.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

using namespace VinhDanh;
namespace Pages = Ui::ScreenshotPages;

namespace {

QString makeProvince(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("tinh-mau.sqlite"));
    Core::Database seed(Core::ConnectionSettings::sqlite(path));
    Core::DemoOptions options;
    // What scripts/screenshots.sh pictures: a smaller province plays a season without an
    // appraised dossier.
    options.units = 40;
    options.people = 400;
    options.seed = 2025;
    Core::Demo::generateProvince(seed, options);
    return path;
}

QString makeEmpty(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("trong.sqlite"));
    Core::Database created(Core::ConnectionSettings::sqlite(path));
    return path;
}

// The repository's root, from this file's own path (CMake compiles it by its absolute path):
// the guide, its pictures and the script are checked where a clerk would read them.
QDir sourceRoot()
{
    QDir dir = QFileInfo(QStringLiteral(__FILE__)).absoluteDir(); // tests/ui
    dir.cdUp();
    dir.cdUp();
    return dir;
}

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace

TEST_CASE("screenshotPage_everyName_showsItsPageOnTheDemoProvince", "[ui][screenshot]")
{
    QTemporaryDir dir;
    const QString province = makeProvince(dir);
    const QString empty = makeEmpty(dir);

    for (const QString &name : Pages::names()) {
        INFO("page " << name.toStdString());
        Ui::MainWindow window;
        window.setHeadless(true);
        window.show();
        const QString database = name == QLatin1String("start") ? empty : province;
        REQUIRE(window.openDatabase(Core::ConnectionSettings::sqlite(database), Core::Database::Mode::OpenExisting).isEmpty());
        QString error;
        QWidget *shown = Pages::show(window, name, &error);
        INFO("error: " << error.toStdString());
        REQUIRE(shown != nullptr);
        CHECK(error.isEmpty());
        CHECK(shown->isVisible());
        CHECK_FALSE(shown->grab().isNull());

        QWidget *tab = window.pages()->currentWidget();
        if (name == QLatin1String("start")) {
            CHECK(window.isStartPageShown());
        } else if (name == QLatin1String("audit")) {
            CHECK(qobject_cast<Ui::AuditView *>(shown));
        } else {
            // Every other page is a tab of the main window, not the start page.
            CHECK_FALSE(window.isStartPageShown());
        }
        if (name == QLatin1String("units"))
            CHECK(tab == window.unitsView());
        if (name == QLatin1String("unit"))
            CHECK(qobject_cast<Ui::UnitPage *>(shown));
        if (name == QLatin1String("people"))
            CHECK(tab == window.peopleView());
        if (name == QLatin1String("person"))
            CHECK(qobject_cast<Ui::PersonPage *>(shown));
        if (name == QLatin1String("movements"))
            CHECK(qobject_cast<Ui::MovementsView *>(tab));
        if (name == QLatin1String("candidates")) {
            CHECK(tab == window.candidatesView());
            CHECK_FALSE(window.candidatesView()->isRunning()); // pictured after the sweep, with its rows
            CHECK(window.candidatesView()->table()->model()->rowCount() > 0);
            CHECK(window.candidatesView()->yearBox()->value() == 2025); // the demo's season, whatever today is
        }
        if (name == QLatin1String("dossiers"))
            CHECK(tab == window.dossiersView());
        if (name == QLatin1String("dossier")) {
            auto *page = qobject_cast<Ui::DossierPage *>(shown);
            REQUIRE(page);
            // The appraised dossier (the guide pictures the appraisal step with it): the one
            // whose next step is "Put to the council".
            CHECK(page->transitionButton(Core::Workflow::Transition::PutToCouncil) != nullptr);
        }
        if (name == QLatin1String("appraisal")) {
            auto *page = qobject_cast<Ui::DossierPage *>(shown);
            REQUIRE(page);
            // Under appraisal (it can be returned for supplement), on the tab with the panel.
            CHECK(page->transitionButton(Core::Workflow::Transition::Return) != nullptr);
            auto *panel = page->findChild<Ui::AppraisalPanel *>();
            REQUIRE(panel);
            CHECK(panel->isVisible());
        }
        if (name == QLatin1String("council") || name == QLatin1String("sitting")) {
            CHECK(tab == window.councilView());
            CHECK(window.councilView()->isPageShown() == (name == QLatin1String("sitting")));
        }
        if (name == QLatin1String("decisions") || name == QLatin1String("decision")) {
            CHECK(tab == window.decisionsView());
            CHECK(window.decisionsView()->isPageShown() == (name == QLatin1String("decision")));
        }
        if (name == QLatin1String("rules"))
            CHECK(tab == window.ruleSetsView());
        if (shown != &window)
            shown->close();
    }
}

TEST_CASE("screenshotPage_unknownOrMisplaced_refusedWithTheListOfNames", "[ui][screenshot][arguments]")
{
    const QString program = QStringLiteral("vinhdanh");
    const Ui::StartupArguments unknown = Ui::StartupArguments::parse({program, QStringLiteral("--screenshot"), QStringLiteral("a.png"),
                                                                      QStringLiteral("--page"), QStringLiteral("hoso"),
                                                                      QStringLiteral("tinh.sqlite")});
    CHECK(unknown.error.contains(QStringLiteral("hoso")));
    for (const QString &name : Pages::names())
        CHECK(unknown.error.contains(name));

    // --page alone would open the window as usual and picture nothing: refused.
    CHECK_FALSE(Ui::StartupArguments::parse({program, QStringLiteral("--page"), QStringLiteral("units")}).error.isEmpty());

    const Ui::StartupArguments good = Ui::StartupArguments::parse({program, QStringLiteral("--screenshot"), QStringLiteral("a.png"),
                                                                   QStringLiteral("--page"), QStringLiteral("dossier"),
                                                                   QStringLiteral("tinh.sqlite")});
    CHECK(good.error.isEmpty());
    CHECK(good.page == QStringLiteral("dossier"));

    // The start page of a database with data, or a record of an empty list: a clear refusal,
    // never a picture of the wrong page.
    QTemporaryDir dir;
    const QString empty = makeEmpty(dir);
    Ui::MainWindow window;
    window.setHeadless(true);
    window.show();
    REQUIRE(window.openDatabase(Core::ConnectionSettings::sqlite(empty), Core::Database::Mode::OpenExisting).isEmpty());
    QString error;
    CHECK(Pages::show(window, QStringLiteral("person"), &error) == nullptr);
    CHECK_FALSE(error.isEmpty());
    CHECK(Pages::show(window, QStringLiteral("hoso"), &error) == nullptr);
    CHECK(error.contains(QStringLiteral("units")));
}

TEST_CASE("userGuide_picturesExist_andAreMadeByTheScreenshotScript", "[ui][screenshot][docs]")
{
    const QDir root = sourceRoot();
    const QString guide = readText(root.filePath(QStringLiteral("docs/huong-dan-su-dung.md")));
    const QString script = readText(root.filePath(QStringLiteral("scripts/screenshots.sh")));
    REQUIRE_FALSE(guide.isEmpty());
    REQUIRE_FALSE(script.isEmpty());

    // Every page the program can picture is pictured by the script…
    for (const QString &name : Pages::names()) {
        INFO("page " << name.toStdString());
        CHECK(script.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(name))));
    }
    // …and every picture the guide shows is one of them, present in docs/images.
    const QRegularExpression image(QStringLiteral(R"(!\[[^\]]*\]\((images/([a-z]+)\.png)\))"));
    QStringList shown;
    for (auto it = image.globalMatch(guide); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(2);
        shown << name;
        INFO("picture " << m.captured(1).toStdString());
        CHECK(Pages::names().contains(name));
        CHECK(QFileInfo(root.filePath(QStringLiteral("docs/") + m.captured(1))).size() > 0);
    }
    // A picture written any other way (another folder, another extension) escapes the checks above.
    CHECK(guide.count(QStringLiteral("![")) == shown.size());
    CHECK(shown.size() >= 10);
}

#ifdef VINHDANH_GUI
TEST_CASE("screenshotPage_theProgramPicturesTheNamedPage_orSaysWhichNamesExist", "[ui][screenshot][arguments]")
{
    QTemporaryDir dir;
    const QString province = makeProvince(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    const auto run = [&](const QStringList &arguments, QString *errorText = nullptr) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(VINHDANH_GUI), arguments);
        REQUIRE(p.waitForFinished(60000));
        if (errorText)
            *errorText = QString::fromLocal8Bit(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };

    const QString window = dir.filePath(QStringLiteral("units.png"));
    CHECK(run({QStringLiteral("--screenshot"), window, QStringLiteral("--page"), QStringLiteral("units"), province}) == 0);
    CHECK(QImage(window).size() == QSize(1280, 800)); // the guide's pictures share one size

    // A record's page is its own window: the picture is that window, not the main window.
    const QString person = dir.filePath(QStringLiteral("person.png"));
    CHECK(run({QStringLiteral("--screenshot"), person, QStringLiteral("--page"), QStringLiteral("person"), province}) == 0);
    CHECK_FALSE(QImage(person).isNull());
    CHECK(QImage(person).size() != QSize(1280, 800));

    QString error;
    const QString nothing = dir.filePath(QStringLiteral("nothing.png"));
    CHECK(run({QStringLiteral("--screenshot"), nothing, QStringLiteral("--page"), QStringLiteral("phien-hop"), province}, &error)
          == 1);
    CHECK(error.contains(QStringLiteral("phien-hop")));
    CHECK(error.contains(QStringLiteral("sitting")));
    CHECK_FALSE(QFileInfo::exists(nothing));
}
#endif
