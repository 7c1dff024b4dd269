// Ui::showError (issue 17, item 2): the one error box shows what the clerk was doing and the
// error's message, keeps the technical detail one click away ("Show Details…") and writes the
// whole of it to the "vinhdanh.ui" log.
#include "uitesthelpers.h"

#include "core/db/query.h"
#include "core/error.h"
#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"
#include "ui/registry/personpage.h"
#include "ui/widgets/errorbox.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
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
