// "Locks that hold" (issue 12 item 1). SQLite's locks are POSIX locks: when this process opens
// and closes the database's files itself (as a file dialog guessing types does), every lock it
// holds on them is dropped, and another program may then checkpoint and delete the -wal this
// process still writes into. These tests show that Qt's default dialog does open them (inotify
// sees every open), that the program's dialog opens none, and that a save survives browsing
// the folder while another program writes.
#include "uitesthelpers.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "ui/common/filedialogs.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileIconProvider>
#include <QFileSystemModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/inotify.h>
#include <unistd.h>

#include <memory>

using namespace VinhDanh;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/// Another program writes to the database and exits: vinhdanh-cli imports one unit.
void otherProgramWrites(const QString &dir, const QString &db, const QString &key)
{
    const QString json = QStringLiteral("%1/%2.json").arg(dir, key);
    QFile f(json);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(QJsonObject{{s("format"), s("vinhdanh-interchange")},
                                      {s("formatVersion"), 2},
                                      {s("units"), QJsonArray{QJsonObject{{s("key"), key},
                                                                          {s("name"), s("UBND phường Đông Hà")},
                                                                          {s("kind"), s("commune_ward")}}}}})
                .toJson());
    f.close();
    QProcess cli;
    cli.start(s(VINHDANH_CLI), {s("--lang"), s("en"), s("import"), s("--database"), db, s("--input"), json});
    REQUIRE(cli.waitForFinished(60000));
    INFO(cli.readAllStandardError().toStdString());
    REQUIRE(cli.exitCode() == 0);
}

/// Whether both saves are in the file once every program has closed it, and it is sound.
struct Outcome
{
    bool mine = false;
    bool theirs = false;
    bool sound = false;
};

Outcome reopen(const QString &db, const QString &mine, const QString &theirs)
{
    Outcome o;
    try {
        Core::Database d(Core::ConnectionSettings::sqlite(db), Core::Database::Mode::OpenExisting);
        const auto has = [&](const QString &name) {
            return Core::Query(d.sql(), s("SELECT count(*) FROM units WHERE name = :n")).bind(s(":n"), name).scalar().toInt() == 1;
        };
        o.mine = has(mine);
        o.theirs = has(theirs);
        o.sound = Core::Query(d.sql(), s("PRAGMA integrity_check")).scalar().toString() == QLatin1String("ok");
    } catch (const std::exception &) {
        // A corrupt file may not even open: neither save counts then.
    }
    return o;
}

/// The sequence that lost saves: this program has the database open and has written; something
/// in this process touches the database's files (`touch`); another program writes and exits;
/// this program saves again and quits.
Outcome runSequence(const std::function<void(const QString &folder, const QString &db)> &touch)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(s("office.sqlite"));
    const QString mine = s("UBND xã Tân Dân");
    {
        auto open = std::make_unique<Core::Database>(Core::ConnectionSettings::sqlite(db));
        Test::addUnit(*open, s("Sở Nội vụ"));
        touch(dir.path(), db);
        otherProgramWrites(dir.path(), db, s("u-other"));
        Test::addUnit(*open, mine);
    }
    return reopen(db, mine, s("UBND phường Đông Hà"));
}

/// Counts open(2) calls on the database's three files while `during` runs (inotify sees every
/// open by any process; this process is the only one running then).
int opensDuring(const QString &db, const std::function<void()> &during)
{
    const int fd = inotify_init1(IN_NONBLOCK);
    REQUIRE(fd >= 0);
    for (const QString &suffix : {QString(), s("-wal"), s("-shm")})
        REQUIRE(inotify_add_watch(fd, QFile::encodeName(db + suffix).constData(), IN_OPEN) >= 0);
    during();
    int opens = 0;
    alignas(inotify_event) char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        for (char *p = buffer; p < buffer + n;) {
            const auto *event = reinterpret_cast<const inotify_event *>(p);
            if (event->mask & IN_OPEN)
                ++opens;
            p += sizeof(inotify_event) + event->len;
        }
    }
    ::close(fd);
    return opens;
}

/// Shows `dialog` on `folder` until its model has listed the folder and its worker has looked
/// at every file (icons and types), then closes it.
void browse(QFileDialog *dialog, const QString &folder)
{
    dialog->setViewMode(QFileDialog::Detail); // the Type column asks for every file's type
    dialog->show();
    auto *model = dialog->findChild<QFileSystemModel *>();
    REQUIRE(model);
    QElapsedTimer timer;
    timer.start();
    bool loaded = false;
    QObject::connect(model, &QFileSystemModel::directoryLoaded, [&](const QString &) { loaded = true; });
    while (!loaded && timer.elapsed() < 10000)
        QTest::qWait(20);
    REQUIRE(loaded);
    // Ask for what the view would draw, then give the worker time to answer.
    const QModelIndex root = model->index(folder);
    for (int row = 0; row < model->rowCount(root); ++row)
        for (int column = 0; column < model->columnCount(root); ++column) {
            model->data(model->index(row, column, root), Qt::DecorationRole);
            model->data(model->index(row, column, root), Qt::DisplayRole);
        }
    QTest::qWait(1500);
    dialog->close();
}

void browseWithTheProgramsDialog(const QString &folder)
{
    std::unique_ptr<QFileDialog> dialog(Ui::FileDialogs::make(nullptr, s("Open"), folder, s("All files (*)")));
    browse(dialog.get(), folder);
}
} // namespace

TEST_CASE("qtsDefaultFileDialog_opensTheDatabasesFiles_toGuessTheirType", "[ui][locks]")
{
    // Why the program has its own icon provider: Qt's default one reads files to guess types.
    QTemporaryDir dir;
    const QString db = dir.filePath(s("office.sqlite"));
    Core::Database open(Core::ConnectionSettings::sqlite(db));
    Test::addUnit(open, s("Sở Nội vụ"));
    const int opens = opensDuring(db, [&] {
        QFileIconProvider qtDefault; // outlives the dialog, which only borrows it
        std::unique_ptr<QFileDialog> dialog(Ui::FileDialogs::make(nullptr, s("Open"), dir.path(), s("All files (*)")));
        dialog->setIconProvider(&qtDefault);
        browse(dialog.get(), dir.path());
    });
    CHECK(opens > 0);
}

TEST_CASE("theProgramsFileDialog_opensNoneOfTheDatabasesFiles", "[ui][locks]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(s("office.sqlite"));
    Core::Database open(Core::ConnectionSettings::sqlite(db));
    Test::addUnit(open, s("Sở Nội vụ"));
    REQUIRE(QFile::exists(db + s("-shm")));
    CHECK(opensDuring(db, [&] { browseWithTheProgramsDialog(dir.path()); }) == 0);
}

TEST_CASE("browsingTheDatabasesFolder_thenAnotherProgramWrites_losesNoSave", "[ui][locks]")
{
    const Outcome o = runSequence([](const QString &folder, const QString &) { browseWithTheProgramsDialog(folder); });
    CHECK(o.mine);
    CHECK(o.theirs);
    CHECK(o.sound);
}
