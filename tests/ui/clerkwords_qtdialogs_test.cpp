// Issue 16, item 2: Qt's own dialogs (print, print preview with its page setup, the file
// dialog in its three modes, input, progress and message boxes, the date editor's calendar) in
// Vietnamese through the program's catalogue (Debian ships no Vietnamese qtbase), the file
// dialog's dates as a clerk writes them, and both programs' --help.
#include "clerkwords.h"
#include "uitesthelpers.h"

#include "ui/widgets/filedialogs.h"

#include <catch2/catch.hpp>

#include <QCalendarWidget>
#include <QDateEdit>
#include <QDateTime>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPageSetupDialog>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProcess>
#include <QProcessEnvironment>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace VinhDanh;
using Test::ClerkWords;

namespace {

QPushButton *buttonNamed(QWidget *parent, const char *name)
{
    return parent->findChild<QPushButton *>(QString::fromLatin1(name));
}

void walkPrintDialog(ClerkWords &words, QPrinter &printer)
{
    QPrintDialog dialog(&printer);
    dialog.show();
    QTest::qWait(100);
    // The options part ("Options >>") is built folded away; open it so it is walked visible.
    for (QPushButton *b : dialog.findChildren<QPushButton *>())
        if (b->text().contains(QLatin1String(">>")))
            b->click();
    QTest::qWait(50);
    words.walk(&dialog, QStringLiteral("print dialog"));
    // Properties: the page setup (paper, orientation, margins) and job options, in a dialog.
    if (QPushButton *properties = buttonNamed(&dialog, "properties"))
        Test::openAndWalk(words, QStringLiteral("print dialog"), [properties] { properties->click(); });
    dialog.reject();
}

void walkFileDialog(ClerkWords &words, const QString &dir, QFileDialog::AcceptMode accept, QFileDialog::FileMode mode,
                    const QString &screen)
{
    std::unique_ptr<QFileDialog> dialog(
        Ui::FileDialogs::make(nullptr, QStringLiteral("Chọn tệp"), dir, QFileDialog::tr("All Files (*)")));
    dialog->setAcceptMode(accept);
    dialog->setFileMode(mode);
    dialog->setViewMode(QFileDialog::Detail);
    dialog->show();
    QTest::qWait(300);
    words.walk(dialog.get(), screen);
    dialog->reject();
}

} // namespace

TEST_CASE("clerkWords_qtOwnDialogsInVietnamese_everyTextQtLooksUpIsTranslated", "[ui][clerkwords]")
{
    QTemporaryDir dir;
    {
        QFile f(dir.filePath(QStringLiteral("danh-sach.sqlite")));
        REQUIRE(f.open(QIODevice::WriteOnly));
    }
    Test::VietnameseUi vietnamese;
    REQUIRE(vietnamese.installed());
    Test::RecordingTranslator recorder;
    ClerkWords words;

    QPrinter printer(QPrinter::HighResolution);
    walkPrintDialog(words, printer);

    {
        QPrintPreviewDialog preview(&printer);
        preview.show();
        QTest::qWait(200);
        words.walk(&preview, QStringLiteral("print preview"));
        preview.reject();
    }
    {
        // Without a printer (this machine has none) Qt refuses to show the page setup of the PDF
        // printer; its texts are the page part of the print dialog's Properties, walked above.
        QPageSetupDialog setup(&printer);
        Test::openAndWalk(words, QStringLiteral("page setup"), [&setup] { setup.open(); });
    }

    walkFileDialog(words, dir.path(), QFileDialog::AcceptOpen, QFileDialog::ExistingFile, QStringLiteral("file dialog, open"));
    walkFileDialog(words, dir.path(), QFileDialog::AcceptSave, QFileDialog::AnyFile, QStringLiteral("file dialog, save"));
    walkFileDialog(words, dir.path(), QFileDialog::AcceptOpen, QFileDialog::Directory, QStringLiteral("file dialog, folder"));

    Test::openAndWalk(words, QStringLiteral("input dialog"), [] {
        bool ok = false;
        QInputDialog::getText(nullptr, QStringLiteral("Kết nối máy chủ"), QStringLiteral("Địa chỉ:"), QLineEdit::Normal, {}, &ok);
    });
    Test::openAndWalk(words, QStringLiteral("message box"), [] {
        QMessageBox box(QMessageBox::Question, QStringLiteral("Vinh Danh"), QStringLiteral("Lưu thay đổi?"),
                        QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel | QMessageBox::Save | QMessageBox::Discard);
        box.setDetailedText(QStringLiteral("Chi tiết"));
        box.exec();
    });
    {
        QProgressDialog progress(QStringLiteral("Đang sao lưu…"), QProgressDialog::tr("Cancel"), 0, 10);
        progress.show();
        QTest::qWait(50);
        words.walk(&progress, QStringLiteral("progress dialog"));
    }
    {
        QDateEdit date(QDate(2026, 12, 6));
        date.setCalendarPopup(true);
        date.show();
        date.calendarWidget()->show();
        QTest::qWait(50);
        words.walk(date.calendarWidget(), QStringLiteral("calendar"));
        words.check(QStringLiteral("date editor"), date.text(), ClerkWords::Ampersand::Literal);
    }

    words.checkTranslated(recorder.lookups(), vietnamese.catalogue());
    INFO("texts checked: " << words.textsChecked());
    CHECK(words.textsChecked() > 100);
    const QStringList findings = words.findings();
    INFO(findings.join(QLatin1Char('\n')).toStdString());
    CHECK(findings.isEmpty());
}

TEST_CASE("fileDialog_inVietnamese_listsDatesAsDayMonthYear", "[ui][clerkwords]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("khen-thuong.sqlite"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(2048, 'x'));
        f.flush(); // or the close would write, and date the file now
        REQUIRE(f.setFileTime(QDateTime(QDate(2026, 12, 6), QTime(9, 5)), QFileDevice::FileModificationTime));
    }
    Test::VietnameseUi vietnamese;
    REQUIRE(vietnamese.installed());
    std::unique_ptr<QFileDialog> dialog(Ui::FileDialogs::make(nullptr, QStringLiteral("Mở"), dir.path(), {}));
    dialog->setViewMode(QFileDialog::Detail);
    dialog->show();
    auto *tree = dialog->findChild<QTreeView *>(QStringLiteral("treeView"));
    REQUIRE(tree);
    QString dateShown, sizeShown;
    REQUIRE(Test::waitUntil([&] {
        const QAbstractItemModel *model = tree->model();
        for (int row = 0; row < model->rowCount(tree->rootIndex()); ++row) {
            if (model->index(row, 0, tree->rootIndex()).data().toString() == QLatin1String("khen-thuong.sqlite")) {
                sizeShown = model->index(row, 1, tree->rootIndex()).data().toString();
                dateShown = model->index(row, 3, tree->rootIndex()).data().toString();
                return true;
            }
        }
        return false;
    }));
    // Not "6 Dec 2026 09:05:00" (the system's English locale): as a Vietnamese clerk writes it.
    CHECK(dateShown.toStdString() == "06/12/2026 09:05");
    CHECK(sizeShown.toStdString() == QLocale().formattedDataSize(2048).toStdString());
    dialog->reject();
}

TEST_CASE("helpOfBothPrograms_inVietnamese_hasNoEnglishHeadings", "[ui][clerkwords]")
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // A fresh settings folder: Vietnamese is the default language of both programs.
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("VINHDANH_LANG"));
    const auto helpOf = [&env](const QString &program, const QStringList &args) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(program, args);
        const bool finished = p.waitForFinished(20000);
        INFO(program.toStdString() << " " << args.join(QLatin1Char(' ')).toStdString() << ": " << p.errorString().toStdString()
                                   << " / " << p.readAllStandardError().toStdString());
        REQUIRE(finished);
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    const QString gui = helpOf(QStringLiteral(VINHDANH_GUI), {QStringLiteral("--help")});
    const QString guiAll = helpOf(QStringLiteral(VINHDANH_GUI), {QStringLiteral("--help-all")});
    const QString cli = helpOf(QStringLiteral(VINHDANH_CLI), {QStringLiteral("init"), QStringLiteral("--help")});
    for (const QString &help : {gui, guiAll, cli}) {
        INFO(help.toStdString());
        CHECK(help.contains(QStringLiteral("Cách dùng:")));
        CHECK(help.contains(QStringLiteral("Tùy chọn:")));
        CHECK(help.contains(QStringLiteral("Hiện hướng dẫn về các tùy chọn dòng lệnh.")));
        for (const char *english : {"Usage:", "Options:", "Arguments:", "Displays"})
            CHECK_FALSE(help.contains(QLatin1String(english)));
    }
    CHECK(gui.contains(QStringLiteral("Đối số:")));
    CHECK(gui.contains(QStringLiteral("Hiện thông tin phiên bản.")));
}
