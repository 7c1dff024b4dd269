// File ▸ Back up now and File ▸ Restore from a backup… (issue 12 item 3), driven as a clerk
// would: the menu actions, the list of backups by date, the confirmation.
#include "uitesthelpers.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/store/backup.h"
#include "ui/common/backupactions.h"
#include "ui/mainwindow.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>

using namespace VinhDanh;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

int unitCount(Core::Database &db)
{
    return Core::Query(db.sql(), s("SELECT count(*) FROM units")).scalar().toInt();
}

/// Waits for the restore dialog, selects row `row` and presses Restore (or Cancel when the
/// Restore button stays disabled), recording what the dialog said about the backup.
void answerRestoreDialog(int row, QString *summary, int *rows)
{
    QTimer::singleShot(50, [=] {
        auto *dialog = qobject_cast<Ui::RestoreDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            answerRestoreDialog(row, summary, rows);
            return;
        }
        *rows = dialog->table()->rowCount();
        dialog->table()->selectRow(row);
        const auto *label = dialog->findChild<QLabel *>(s("summary"));
        *summary = label ? label->text() : QString();
        QPushButton *restore = nullptr;
        for (QPushButton *b : dialog->findChildren<QPushButton *>())
            if (b->text().contains(s("Restore")))
                restore = b;
        if (restore && restore->isEnabled())
            restore->click();
        else
            dialog->reject();
    });
}
} // namespace

TEST_CASE("backUpNowThenRestore_fromTheFileMenu_bringsBackTheBackedUpRecords", "[ui][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(s("phong-tdkt.sqlite"));
    Ui::MainWindow window;
    REQUIRE(window.openDatabase(Core::ConnectionSettings::sqlite(path)).isEmpty());
    Test::addUnit(*window.database(), s("Sở Nội vụ"));

    QAction *backupNow = window.findChild<QAction *>(s("backupNow"));
    QAction *restore = window.findChild<QAction *>(s("restoreBackup"));
    REQUIRE(backupNow);
    REQUIRE(restore);
    REQUIRE(restore->isEnabled());
    {
        Test::MessageBoxAnswerer done;
        backupNow->trigger();
        REQUIRE(done.texts().size() == 1);
        CHECK(done.texts().first().contains(s("backed up")));
    }
    const QList<Core::Backup::Summary> backups = Core::Backup::list(path);
    REQUIRE(backups.size() == 1);
    CHECK(backups.first().kind == Core::Backup::Kind::Manual);

    Test::addUnit(*window.database(), s("UBND xã Tân Dân"));
    REQUIRE(unitCount(*window.database()) == 2);

    QString summary;
    int rows = 0;
    Test::MessageBoxAnswerer answers({QMessageBox::Yes, QMessageBox::Ok});
    answerRestoreDialog(0, &summary, &rows);
    restore->trigger();
    CHECK(rows == 1);
    INFO(summary.toStdString());
    CHECK(summary.contains(s("1 units")));
    REQUIRE(window.database());
    CHECK(unitCount(*window.database()) == 1);
    REQUIRE(answers.texts().size() == 2);
    CHECK(answers.texts().at(1).contains(s("kept as")));
    // The replaced contents (two units) wait beside the others.
    bool keptBoth = false;
    for (const Core::Backup::Summary &b : Core::Backup::list(path))
        if (b.kind == Core::Backup::Kind::BeforeRestore)
            keptBoth = Core::Backup::inspect(b.path).units == 2;
    CHECK(keptBoth);
}

TEST_CASE("restoreDialog_refusesADamagedBackup_andKeepsTheRestoreButtonOff", "[ui][backup]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(s("office.sqlite"));
    Core::Database db(Core::ConnectionSettings::sqlite(path));
    QDir().mkpath(Core::Backup::folderFor(path));
    QFile junk(Core::Backup::folderFor(path) + s("/office-20261201-080000-hang-ngay.sqlite"));
    REQUIRE(junk.open(QIODevice::WriteOnly));
    junk.write("SQLite format 3");
    junk.write(QByteArray(4096, '\x7f'));
    junk.close();
    Ui::RestoreDialog dialog(path);
    REQUIRE(dialog.table()->rowCount() == 1);
    CHECK(dialog.table()->item(0, 0)->text() == s("01/12/2026 08:00"));
    dialog.table()->selectRow(0);
    CHECK(dialog.chosen().isEmpty());
    QPushButton *restore = nullptr;
    for (QPushButton *b : dialog.findChildren<QPushButton *>())
        if (b->text().contains(s("Restore")))
            restore = b;
    REQUIRE(restore);
    CHECK_FALSE(restore->isEnabled());
}
