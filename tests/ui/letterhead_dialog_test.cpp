// Settings ▸ Letterhead: a signer and the recipients saved for every later document, an empty
// issuing body refused with the dialog left open, read-only for an account that may not
// change it, and the menu entry that follows the open database.
#include "workflowtesthelpers.h"

#include "core/documents/letterhead.h"
#include "tests/core/workflow_fixture.h"
#include "tests/support/testdatabase.h"
#include "ui/documents/letterheaddialog.h"
#include "ui/mainwindow.h"
#include "ui/widgets/editabletable.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace VinhDanh;
using Documents::Letterhead;

namespace {
QLineEdit *field(QWidget *dialog, const char *name)
{
    auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(name));
    REQUIRE(edit);
    return edit;
}

void retype(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    edit->del();
    Test::typeText(edit, text);
}

/// The body and its parent take several lines (a name is printed on the lines typed).
QPlainTextEdit *lines(QWidget *dialog, const char *name)
{
    auto *edit = dialog->findChild<QPlainTextEdit *>(QLatin1String(name));
    REQUIRE(edit);
    return edit;
}

void retype(QPlainTextEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (edit->toPlainText().size() > 0)
            QTest::keyClick(edit, Qt::Key_Return); // Enter starts the next line
        Test::typeText(edit, line);
    }
}
} // namespace

TEST_CASE("letterheadDialog_savesASignerAndTheRecipients_forTheNextDocuments", "[ui][documents]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Ui::LetterheadDialog dialog(db);
        dialog.show();
        CHECK_FALSE(dialog.isReadOnly());
        CHECK_FALSE(dialog.findChild<QLabel *>(QStringLiteral("readOnlyNote"))->isVisible());
        CHECK(lines(&dialog, "body")->toPlainText() == QStringLiteral("SỞ NỘI VỤ")); // the defaults to start from

        retype(lines(&dialog, "parentBody"), QStringLiteral("UBND TỈNH THANH HÓA"));
        retype(field(&dialog, "place"), QStringLiteral("Thanh Hóa"));
        Ui::EditableTable *signers = dialog.signersTable();
        QTest::mouseClick(signers->addButton(), Qt::LeftButton);
        const int row = signers->rowCount() - 1;
        signers->setText(row, Ui::LetterheadDialog::NameColumn, QStringLiteral("Trần Văn Minh"));
        signers->setText(row, Ui::LetterheadDialog::TitleColumn, QStringLiteral("Phó Giám đốc"));
        signers->setCode(row, Ui::LetterheadDialog::AuthorityColumn, QStringLiteral("KT"));
        auto *recipients = dialog.findChild<QPlainTextEdit *>(QStringLiteral("recipients"));
        REQUIRE(recipients);
        recipients->setPlainText(QStringLiteral("Như trên;\nUBND tỉnh (để b/c);\n\nLưu: VT, TĐKT."));

        QTest::mouseClick(Test::okButton(&dialog), Qt::LeftButton);
        CHECK(dialog.result() == QDialog::Accepted);
        CHECK_FALSE(dialog.isVisible());

        const Letterhead saved = Letterhead::load(db);
        CHECK(saved.parentBody == QStringLiteral("UBND TỈNH THANH HÓA"));
        CHECK(saved.place == QStringLiteral("Thanh Hóa"));
        REQUIRE(saved.signers.size() == 1);
        CHECK(saved.signers.first().name == QStringLiteral("Trần Văn Minh"));
        CHECK(saved.signers.first().title == QStringLiteral("Phó Giám đốc"));
        CHECK(saved.signers.first().authority == QStringLiteral("KT"));
        CHECK(saved.recipients
              == QStringList{QStringLiteral("Như trên;"), QStringLiteral("UBND tỉnh (để b/c);"), QStringLiteral("Lưu: VT, TĐKT.")});

        // Opened again, the form shows what was saved.
        Ui::LetterheadDialog again(db);
        REQUIRE(again.signersTable()->rowCount() == 1);
        CHECK(again.signersTable()->code(0, Ui::LetterheadDialog::AuthorityColumn) == QStringLiteral("KT"));
        CHECK(lines(&again, "parentBody")->toPlainText() == QStringLiteral("UBND TỈNH THANH HÓA"));
    });
}

TEST_CASE("letterheadDialog_refusesAnEmptyIssuingBody_saysWhy_andStaysOpen", "[ui][documents]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Ui::LetterheadDialog dialog(db);
        dialog.show();
        retype(field(&dialog, "place"), QStringLiteral("Nghệ An"));
        retype(lines(&dialog, "body"), QString());

        Test::MessageBoxAnswerer answers;
        QTest::mouseClick(Test::okButton(&dialog), Qt::LeftButton);
        REQUIRE(answers.texts().size() == 1);
        CHECK(answers.texts().first().contains(QStringLiteral("issuing body")));
        CHECK(dialog.isVisible());
        CHECK(dialog.result() != QDialog::Accepted);
        CHECK(Letterhead::load(db).place.isEmpty()); // nothing of the form was written

        retype(lines(&dialog, "body"), QStringLiteral("SỞ GIÁO DỤC\nVÀ ĐÀO TẠO"));
        QTest::mouseClick(Test::okButton(&dialog), Qt::LeftButton);
        CHECK_FALSE(dialog.isVisible());
        CHECK(Letterhead::load(db).body == QStringLiteral("SỞ GIÁO DỤC\nVÀ ĐÀO TẠO")); // kept on the lines typed
    });
}

TEST_CASE("letterheadDialog_isReadOnlyForAClerk_withANote_andEditableForAnAppraiser", "[ui][documents]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::WorkflowFixture f(db);
        f.as(QStringLiteral("clerk"), f.unit);
        {
            Ui::LetterheadDialog dialog(db);
            dialog.show();
            CHECK(dialog.isReadOnly());
            auto *note = dialog.findChild<QLabel *>(QStringLiteral("readOnlyNote"));
            CHECK(note->isVisible());
            CHECK_FALSE(note->text().isEmpty());
            CHECK_FALSE(Test::okButton(&dialog)); // Close only
            CHECK(lines(&dialog, "parentBody")->isReadOnly());
            CHECK(lines(&dialog, "body")->isReadOnly());
            for (const char *name : {"abbreviation", "place", "headTitle", "collectiveName"}) {
                INFO(name);
                CHECK(field(&dialog, name)->isReadOnly());
            }
            CHECK(dialog.findChild<QPlainTextEdit *>(QStringLiteral("recipients"))->isReadOnly());
            CHECK_FALSE(dialog.signersTable()->addButton()->isVisible());
        }
        f.as(QStringLiteral("appraiser"));
        Ui::LetterheadDialog dialog(db);
        dialog.show();
        CHECK_FALSE(dialog.isReadOnly());
        CHECK(Test::okButton(&dialog));
        f.asNobody();
    });
}

TEST_CASE("mainWindow_settingsLetterhead_enabledOnlyWithADatabaseOpen_opensTheDialog", "[ui][documents][mainwindow]")
{
    Test::TestDatabase t;
    t.open();
    t.close();
    Ui::MainWindow window;
    window.show();
    auto *letterhead = window.findChild<QAction *>(QStringLiteral("editLetterhead"));
    REQUIRE(letterhead);
    CHECK_FALSE(letterhead->isEnabled()); // nothing open yet

    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    CHECK(letterhead->isEnabled());
    const auto opened = Test::onNextDialog<Ui::LetterheadDialog>([](Ui::LetterheadDialog *dialog) { dialog->reject(); });
    letterhead->trigger();
    CHECK(*opened);
}

TEST_CASE("letterheadDialog_savesTheOfficesOwnLegalBases_bareAndInOrder", "[ui][documents]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Ui::LetterheadDialog dialog(db);
    dialog.show();
    lines(&dialog, "basesBefore")
        ->setPlainText(QStringLiteral("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"));
    lines(&dialog, "basesAfter")
        ->setPlainText(QStringLiteral("Quyết định số 35/2025/QĐ-UBND ban hành Quy chế thi đua, khen thưởng\n\n"
                                      "Quyết định số 36/2025/QĐ-UBND sửa đổi Quy chế."));
    QTest::mouseClick(Test::okButton(&dialog), Qt::LeftButton);
    REQUIRE(dialog.result() == QDialog::Accepted);
    const Letterhead saved = Letterhead::load(db);
    CHECK(saved.basesBefore == QStringList{QStringLiteral("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025")});
    CHECK(saved.basesAfter
          == QStringList{QStringLiteral("Quyết định số 35/2025/QĐ-UBND ban hành Quy chế thi đua, khen thưởng"),
                         QStringLiteral("Quyết định số 36/2025/QĐ-UBND sửa đổi Quy chế")});
    Ui::LetterheadDialog again(db);
    CHECK(lines(&again, "basesAfter")->toPlainText().startsWith(QStringLiteral("Quyết định số 35/2025")));
}
