// Two clerks save the same unit: the second sees what changed and chooses; nothing is lost.
#include "uitesthelpers.h"

#include "core/repo/unitrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/accounts/conflictdialog.h"
#include "ui/registry/unitdialog.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace VinhDanh;

namespace {
/// Waits for the conflict dialog, records its differences and presses `button`.
struct ConflictAnswer
{
    QStringList rows;
    bool seen = false;
};

void answerConflict(ConflictAnswer &answer, const char *button)
{
    QTimer::singleShot(50, [&answer, button] {
        auto *dialog = qobject_cast<Ui::ConflictDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            answerConflict(answer, button);
            return;
        }
        answer.seen = true;
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("differences"));
        for (int r = 0; table && r < table->rowCount(); ++r)
            answer.rows << table->item(r, 0)->text() + QLatin1Char('|') + table->item(r, 1)->text() + QLatin1Char('|')
                    + table->item(r, 2)->text();
        QTest::mouseClick(dialog->findChild<QPushButton *>(QString::fromLatin1(button)), Qt::LeftButton);
    });
}

void saveAsOtherUser(Test::TestDatabase &t, qint64 id, const QString &name)
{
    Core::Database other(t.settings(), Core::Database::Mode::OpenExisting);
    Core::Unit u = *Core::UnitRepository(other).get(id);
    u.name = name;
    Core::UnitRepository(other).save(u);
}

void clickOk(QDialog &dialog)
{
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
}
} // namespace

TEST_CASE("unitForm_savedMeanwhileByAnother_showsDifferences_andKeepTheirsReloads", "[ui][conflict]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 id = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    Ui::UnitDialog dialog(db, id);
    dialog.show();
    saveAsOtherUser(t, id, QStringLiteral("Sở Nội vụ tỉnh Hưng Yên"));

    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("name"));
    name->setText(QStringLiteral("Sở Nội vụ (của tôi)"));
    ConflictAnswer answer;
    answerConflict(answer, "keepTheirs");
    clickOk(dialog);
    REQUIRE(answer.seen);
    CHECK(answer.rows == QStringList{QStringLiteral("Name|Sở Nội vụ (của tôi)|Sở Nội vụ tỉnh Hưng Yên")});
    CHECK(dialog.isVisible()); // still open, now showing the stored record
    CHECK(name->text() == QStringLiteral("Sở Nội vụ tỉnh Hưng Yên"));
    CHECK(Core::UnitRepository(db).get(id)->name == QStringLiteral("Sở Nội vụ tỉnh Hưng Yên"));
}

TEST_CASE("unitForm_savedMeanwhileByAnother_overwriteWithMine_savesOnTheNewVersion", "[ui][conflict]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 id = Test::addUnit(db, QStringLiteral("Sở Tư pháp"));
    Ui::UnitDialog dialog(db, id);
    dialog.show();
    saveAsOtherUser(t, id, QStringLiteral("Sở Tư pháp tỉnh"));

    dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("Sở Tư pháp (sửa)"));
    ConflictAnswer answer;
    answerConflict(answer, "overwriteWithMine");
    clickOk(dialog);
    REQUIRE(answer.seen);
    CHECK(dialog.result() == QDialog::Accepted);
    const Core::Unit stored = *Core::UnitRepository(db).get(id);
    CHECK(stored.name == QStringLiteral("Sở Tư pháp (sửa)"));
    CHECK(stored.version == 3);
}
