// Ui::showError (issue 17, item 2): the one error box shows what the clerk was doing and the
// error's message, keeps the technical detail one click away ("Show Details…") and writes the
// whole of it to the "vinhdanh.ui" log.
#include "uitesthelpers.h"

#include "core/db/query.h"
#include "core/error.h"
#include "tests/support/testdatabase.h"
#include "ui/common/application.h"
#include "ui/mainwindow.h"
#include "ui/registry/personpage.h"
#include "ui/widgets/errorbox.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>

using namespace VinhDanh;

namespace {
/// What the box showed; read and closed from the event loop the modal box runs.
struct ShownBox
{
    QString title;
    QString text;
    QString details;
};

/// Polls for the next modal QMessageBox, records it and presses OK. Lives for one test.
class BoxReader : public QObject
{
public:
    BoxReader()
    {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || !box->isVisible())
                return;
            boxes.append({box->windowTitle(), box->text(), box->detailedText()});
            box->button(QMessageBox::Ok)->click();
        });
        m_timer.start();
    }
    QList<ShownBox> boxes;

private:
    QTimer m_timer;
};

/// The "vinhdanh.ui" lines logged while it lives.
class UiLog
{
public:
    UiLog()
    {
        s_lines.clear();
        m_previous = qInstallMessageHandler(&UiLog::handler);
    }
    ~UiLog() { qInstallMessageHandler(m_previous); }
    QStringList lines() const { return s_lines; }

private:
    static void handler(QtMsgType, const QMessageLogContext &context, const QString &message)
    {
        if (context.category && QByteArray(context.category) == "vinhdanh.ui")
            s_lines << message;
    }
    static inline QStringList s_lines;
    QtMessageHandler m_previous = nullptr;
};
} // namespace

TEST_CASE("showError_putsTheDetailInTheDetails_andLogsIt", "[ui][errors]")
{
    QWidget parent;
    parent.show();
    BoxReader reader;
    UiLog log;
    const Core::DatabaseError error(QStringLiteral("The database could not carry out the operation."),
                                    QStringLiteral("exec: no such table: awards — SELECT …"));
    Ui::showError(&parent, QStringLiteral("Cannot delete the movement"), error);

    REQUIRE(reader.boxes.size() == 1);
    const ShownBox box = reader.boxes.first();
    CHECK(box.title == QStringLiteral("Cannot delete the movement"));
    CHECK(box.text == error.message()); // the detail is not in the sentence the clerk reads…
    CHECK_FALSE(box.text.contains(QStringLiteral("no such table")));
    CHECK(box.details == error.detail()); // …but one click away
    REQUIRE(log.lines().size() == 1);
    CHECK(log.lines().first().contains(QStringLiteral("Cannot delete the movement")));
    CHECK(log.lines().first().contains(error.message()));
    CHECK(log.lines().first().contains(QStringLiteral("no such table: awards")));

    SECTION("a refusal without detail has no details to show")
    {
        Ui::showError(&parent, QStringLiteral("Retire a rule set"), Core::Error(QStringLiteral("Built-in sets cannot be retired.")));
        REQUIRE(reader.boxes.size() == 2);
        CHECK(reader.boxes.at(1).text == QStringLiteral("Built-in sets cannot be retired."));
        CHECK(reader.boxes.at(1).details.isEmpty());
        CHECK(log.lines().size() == 2);
    }
}

TEST_CASE("openingAFileThatIsNotADatabase_showsTheDriversReasonInTheDetails", "[ui][errors][mainwindow]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not-a-database.sqlite"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x')); // not an SQLite header: SQLite refuses it on first read
    }
    Ui::MainWindow window;
    window.show();
    BoxReader reader;
    UiLog log;
    CHECK_FALSE(window.openDatabaseOrWarn(Core::ConnectionSettings::sqlite(path), Core::Database::Mode::OpenExisting));
    REQUIRE(reader.boxes.size() == 1);
    CHECK(reader.boxes.first().title == QStringLiteral("Cannot open the database"));
    CHECK(reader.boxes.first().text.contains(QStringLiteral("not a Vinh Danh database file")));
    CHECK(reader.boxes.first().details.contains(QStringLiteral("not a database"))); // SQLite's words
    REQUIRE_FALSE(log.lines().isEmpty());
    CHECK(log.lines().last().contains(QStringLiteral("not a database")));
}

TEST_CASE("personPage_whoseRecordCannotBeRead_saysSoInPlace_andLogsTheDatabaseFailure", "[ui][errors]")
{
    // Errors shown in a label, not a box, reach the log too: support matches a clerk's
    // "the page said it could not be read" to the driver's words.
    Test::TestDatabase t;
    Core::Database &db = t.db();
    Core::Query::run(db.sql(), QStringLiteral("ALTER TABLE people RENAME TO people_elsewhere"));
    UiLog log;
    Ui::PersonPage page(db, 1);
    QStringList shown;
    for (const QLabel *label : page.findChildren<QLabel *>())
        shown << label->text();
    CHECK(shown.contains(QStringLiteral("The database could not carry out the operation.")));
    REQUIRE(log.lines().size() == 1);
    CHECK(log.lines().first().contains(QStringLiteral("person page")));
    CHECK(log.lines().first().contains(QStringLiteral("no such table: people")));
}

namespace {
/// A control whose handler fails as a page's read does when another program holds the tables.
class FailingControl : public QObject
{
public:
    int tried = 0;
    bool event(QEvent *e) override
    {
        if (e->type() != QEvent::User)
            return QObject::event(e);
        ++tried;
        throw Core::DatabaseError(QStringLiteral("Another program is using this data right now."),
                                  QStringLiteral("canceling statement due to lock timeout"));
    }
};
} // namespace

TEST_CASE("anErrorNoPageCaught_isShownInOneErrorBox_andTheProgramGoesOn", "[ui][errors]")
{
    // The program's net, which the other widget tests leave off (tests/support/main.cpp).
    struct Net
    {
        Net() { Ui::Application::setLetErrorsThrough(false); }
        ~Net() { Ui::Application::setLetErrorsThrough(true); }
    } net;
    QWidget window;
    window.show();
    BoxReader reader;
    UiLog log;
    FailingControl control;
    // Three failures in a row (a timer that fails on each tick): one box, every one logged.
    for (int i = 0; i < 3; ++i) {
        QEvent event(QEvent::User);
        CHECK_FALSE(QCoreApplication::sendEvent(&control, &event));
    }
    CHECK(control.tried == 3);
    QElapsedTimer waited;
    waited.start();
    while (reader.boxes.isEmpty() && waited.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    REQUIRE(reader.boxes.size() == 1);
    CHECK(reader.boxes.first().title == QStringLiteral("The operation could not be completed"));
    CHECK(reader.boxes.first().text == QStringLiteral("Another program is using this data right now."));
    CHECK(reader.boxes.first().details == QStringLiteral("canceling statement due to lock timeout"));
    CHECK(log.lines().size() == 3);
    // The program goes on: the next failure gets its own box again.
    QEvent again(QEvent::User);
    QCoreApplication::sendEvent(&control, &again);
    waited.restart();
    while (reader.boxes.size() < 2 && waited.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    CHECK(reader.boxes.size() == 2);

    // Inside a nested loop (a progress bar's processEvents() during an import) the error still
    // reaches the code that started the loop, which rolls its transaction back.
    QEvent nested(QEvent::User);
    QObject starter;
    bool reachedTheCaller = false;
    QTimer::singleShot(0, &starter, [&] {
        try {
            QCoreApplication::sendEvent(&control, &nested);
        } catch (const Core::Error &) {
            reachedTheCaller = true;
        }
    });
    waited.restart();
    while (!reachedTheCaller && waited.elapsed() < 2000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    CHECK(reachedTheCaller);
    CHECK(reader.boxes.size() == 2); // and no box of its own

    // A page's timer that fails on every tick, also while the box is up: the box stays until
    // OK (the failures under it are logged), and a failure after it gets a box again.
    QTimer ticker;
    ticker.setInterval(1);
    int ticks = 0;
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        if (++ticks > 40)
            return ticker.stop();
        QEvent tick(QEvent::User);
        QCoreApplication::sendEvent(&control, &tick);
    });
    ticker.start();
    waited.restart();
    while (ticker.isActive() && waited.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    CHECK(ticks > 40);
    CHECK(reader.boxes.size() >= 3);
    const qsizetype before = reader.boxes.size();
    QEvent last(QEvent::User);
    QCoreApplication::sendEvent(&control, &last);
    waited.restart();
    while (reader.boxes.size() == before && waited.elapsed() < 2000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    CHECK(reader.boxes.size() == before + 1);
}
