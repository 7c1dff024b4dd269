// First run (issue 16, item 7): an empty database opens on a start page whose buttons open
// the existing dialogs, the sample province is made in a new file and opened, and
// `vinhdanh FILE` opens FILE or says why not, never creating it.
#include "uitesthelpers.h"

#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/common/startuparguments.h"
#include "ui/mainwindow.h"
#include "ui/registry/unitsview.h"
#include "ui/startpage.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCommandLinkButton>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace VinhDanh;

namespace {

/// Clicks a start page button and returns the class of the modal dialog it opened (closed
/// again with Cancel), or an empty string when none opened.
QString dialogOpenedBy(Ui::MainWindow &window, const QString &button)
{
    auto *link = window.startPage()->findChild<QCommandLinkButton *>(button);
    REQUIRE(link);
    REQUIRE(link->isEnabled());
    QString opened;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        opened = QString::fromLatin1(dialog->metaObject()->className());
        dialog->reject();
    });
    poll.start();
    link->click();
    Test::waitUntil([&] { return !opened.isEmpty(); }, 500);
    return opened;
}

} // namespace

TEST_CASE("emptyDatabase_showsTheStartPage_andItsButtonsOpenTheirDialogs", "[ui][startpage]")
{
    Test::TestDatabase t;
    t.open();
    t.close();
    Ui::MainWindow window;
    window.show();
    CHECK(window.isStartPageShown()); // nothing open yet: open a file, or the sample
    auto *intro = window.startPage()->findChild<QLabel *>(QStringLiteral("startIntro"));
    REQUIRE(intro);
    CHECK(intro->text().startsWith(QStringLiteral("No database is open")));
    CHECK_FALSE(window.startPage()->findChild<QCommandLinkButton *>(QStringLiteral("startImport"))->isEnabled());
    CHECK(window.startPage()->findChild<QCommandLinkButton *>(QStringLiteral("startOpen"))->isEnabled());

    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    CHECK(window.isStartPageShown());
    CHECK(intro->text().contains(QStringLiteral("no units and no people")));
    CHECK(dialogOpenedBy(window, QStringLiteral("startLetterhead")) == QStringLiteral("VinhDanh::Ui::LetterheadDialog"));
    CHECK(dialogOpenedBy(window, QStringLiteral("startPayData")) == QStringLiteral("VinhDanh::Ui::PayDataDialog"));
    CHECK(dialogOpenedBy(window, QStringLiteral("startFirstAccount")) == QStringLiteral("VinhDanh::Ui::AccountDialog"));
    CHECK(dialogOpenedBy(window, QStringLiteral("startImport")) == QStringLiteral("VinhDanh::Ui::ImportTableDialog"));
    CHECK(dialogOpenedBy(window, QStringLiteral("startOpen")) == QStringLiteral("QFileDialog"));
    CHECK(dialogOpenedBy(window, QStringLiteral("startSample")) == QStringLiteral("QFileDialog"));
    // Cancelled dialogs wrote nothing: still empty, still the start page.
    CHECK(Core::UnitRepository(*window.database()).count() == 0);
    CHECK(window.isStartPageShown());

    // By hand: the Units page with its New form; the empty pages stay after a Cancel.
    CHECK(dialogOpenedBy(window, QStringLiteral("startByHand")) == QStringLiteral("VinhDanh::Ui::UnitDialog"));
    CHECK_FALSE(window.isStartPageShown());
    CHECK(window.pages()->currentWidget() == window.unitsView());
}

TEST_CASE("startPage_disappearsOnceTheRegistryHasData", "[ui][startpage]")
{
    Test::TestDatabase t;
    t.open();
    t.close();
    Ui::MainWindow window;
    window.show();
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    REQUIRE(window.isStartPageShown());
    // Any commit that adds a unit, wherever it was made: the window hears it from the database.
    Test::addUnit(*window.database(), QStringLiteral("Sở Công Thương"));
    QCoreApplication::processEvents();
    CHECK_FALSE(window.isStartPageShown());

    // Another empty database shows it again.
    Test::TestDatabase other;
    other.open();
    other.close();
    REQUIRE(window.openDatabase(other.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    CHECK(window.isStartPageShown());
}

TEST_CASE("sampleProvince_isMadeInTheChosenNewFile_andOpened", "[ui][startpage]")
{
    Test::TestDatabase t;
    t.open();
    t.close();
    QTemporaryDir dir;
    const QString chosen = dir.filePath(QStringLiteral("tinh-mau"));
    Ui::MainWindow window;
    window.show();
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());

    bool answered = false;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!files || answered)
            return;
        answered = true;
        files->selectFile(chosen);
        static_cast<QDialog *>(files)->accept(); // public in QDialog, protected in QFileDialog
    });
    poll.start();
    window.startPage()->findChild<QCommandLinkButton *>(QStringLiteral("startSample"))->click();
    poll.stop();
    REQUIRE(answered);

    const QString made = chosen + QStringLiteral(".sqlite"); // the extension is added
    REQUIRE(QFileInfo::exists(made));
    REQUIRE(window.database());
    CHECK(QFileInfo(window.database()->settings().path).absoluteFilePath() == QFileInfo(made).absoluteFilePath());
    CHECK(Core::UnitRepository(*window.database()).count() > 0);
    CHECK(Core::PersonRepository(*window.database()).count() > 0);
    CHECK_FALSE(window.isStartPageShown());
}

TEST_CASE("vinhdanhFILE_isParsedAsAFileThatMustExist", "[ui][startpage][arguments]")
{
    using Mode = Core::Database::Mode;
    const QString program = QStringLiteral("vinhdanh");
    Ui::StartupArguments a = Ui::StartupArguments::parse({program, QStringLiteral("/srv/tdkt/phong.sqlite")});
    CHECK(a.error.isEmpty());
    CHECK(a.database == QStringLiteral("/srv/tdkt/phong.sqlite"));
    CHECK(a.mode == Mode::OpenExisting);

    a = Ui::StartupArguments::parse({program, QStringLiteral("--database"), QStringLiteral("moi.sqlite")});
    CHECK(a.database == QStringLiteral("moi.sqlite"));
    CHECK(a.mode == Mode::OpenOrCreate); // --database still creates, as before

    a = Ui::StartupArguments::parse({program});
    CHECK(a.database.isEmpty());
    CHECK(a.error.isEmpty());

    CHECK_FALSE(Ui::StartupArguments::parse({program, QStringLiteral("a.sqlite"), QStringLiteral("b.sqlite")}).error.isEmpty());
    CHECK_FALSE(
        Ui::StartupArguments::parse({program, QStringLiteral("a.sqlite"), QStringLiteral("--database"), QStringLiteral("b.sqlite")})
            .error.isEmpty());
    CHECK_FALSE(Ui::StartupArguments::parse({program, QStringLiteral("--no-such-option")}).error.isEmpty());
}

TEST_CASE("vinhdanhFILE_missingFile_saysSo_andCreatesNothing", "[ui][startpage][arguments]")
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("danh-sach-2025.sqlite"));
    Ui::MainWindow window;
    window.show();
    // The warning, then the "open or create another?" question, which the clerk cancels.
    Test::MessageBoxAnswerer answers({QMessageBox::Ok, QMessageBox::Cancel});
    window.openAtStart(missing, Core::Database::Mode::OpenExisting);
    REQUIRE(answers.texts().size() >= 1);
    CHECK(answers.texts().first().contains(QStringLiteral("danh-sach-2025.sqlite")));
    CHECK_FALSE(QFileInfo::exists(missing));
    CHECK(window.database() == nullptr);
    CHECK(window.isStartPageShown()); // where Open… is one click away
}

#ifdef VINHDANH_GUI
TEST_CASE("vinhdanhFILE_theProgramOpensIt_orRefusesWithoutLeavingAFile", "[ui][startpage][arguments]")
{
    QTemporaryDir dir;
    // The program's own settings and data folder stay inside the test's folder.
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
    const QString picture = dir.filePath(QStringLiteral("window.png"));

    // A file that exists: opened (the window is drawn with its data).
    const QString good = dir.filePath(QStringLiteral("phong-tdkt.sqlite"));
    {
        Core::Database db(Core::ConnectionSettings::sqlite(good));
        Test::addUnit(db, QStringLiteral("Sở Khoa học và Công nghệ"));
    }
    CHECK(run({QStringLiteral("--screenshot"), picture, good}) == 0);
    CHECK(QFileInfo(picture).size() > 0);

    // A name that does not exist: refused with the name, and no file in its place.
    const QString missing = dir.filePath(QStringLiteral("phong-tdkt-cu.sqlite"));
    QString error;
    CHECK(run({QStringLiteral("--screenshot"), picture, missing}, &error) == 1);
    CHECK(error.contains(QStringLiteral("phong-tdkt-cu.sqlite")));
    CHECK_FALSE(QFileInfo::exists(missing));

    // A file that is not a database: refused, and left exactly as it was.
    const QString notes = dir.filePath(QStringLiteral("ghi-chu.sqlite"));
    const QByteArray content("Danh sách đề nghị khen thưởng – bản nháp\n");
    {
        QFile f(notes);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    CHECK(run({QStringLiteral("--screenshot"), picture, notes}) == 1);
    QFile f(notes);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == content);
}
#endif
