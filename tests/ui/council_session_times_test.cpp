// The sitting's page takes the start and end time and the secretary (a member ticked, or a
// name typed for one who is not a member); 25:00 or an end before the start is refused with a
// message and the stored sitting keeps what it had.
#include "counciltesthelpers.h"

#include "tests/support/testdatabase.h"
#include "ui/council/councilview.h"
#include "ui/council/sittingpage.h"

#include <catch2/catch.hpp>

#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

namespace {
template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    REQUIRE(w);
    return w;
}

void retype(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    Test::typeText(edit, text);
}
} // namespace

TEST_CASE("sessionPage_savesTheTimesAndTheSecretary_andRefuses25h_keepingTheStoredSitting", "[ui][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.open();
        Test::CouncilOffice f(db);
        Ui::CouncilView view;
        view.resize(1200, 900);
        view.show();
        view.setDatabase(&db);
        view.newAction()->trigger();
        REQUIRE(view.isPageShown());
        Ui::SittingPage *page = view.page();
        Test::typeText(child<QLineEdit>(page, "sessionTitle"), QStringLiteral("Phiên họp xét khen thưởng năm 2025"));
        Test::addMember(page->membersTable(), QStringLiteral("Lê Văn Chủ"), QStringLiteral("Chủ tịch Hội đồng"), true);
        Test::addMember(page->membersTable(), QStringLiteral("Phạm Thị Thư"), QStringLiteral("Ủy viên"), true);
        Test::addMember(page->membersTable(), QStringLiteral("Trần Văn Ba"), QStringLiteral("Ủy viên"), true);
        Test::typeText(child<QLineEdit>(page, "sessionStart"), QStringLiteral("08:00"));
        Test::typeText(child<QLineEdit>(page, "sessionEnd"), QStringLiteral("10:30"));
        // A name typed first, then a member ticked: the tick wins and clears the name, and
        // ticking another member unticks the first (one secretary).
        Test::typeText(child<QLineEdit>(page, "sessionSecretary"), QStringLiteral("Ngô Văn Ghi"));
        page->membersTable()->setChecked(2, Ui::SittingPage::SecretaryColumn, true);
        CHECK(child<QLineEdit>(page, "sessionSecretary")->text().isEmpty());
        page->membersTable()->setChecked(1, Ui::SittingPage::SecretaryColumn, true);
        CHECK_FALSE(page->membersTable()->checked(2, Ui::SittingPage::SecretaryColumn));
        QTest::mouseClick(child<QPushButton>(page, "saveSession"), Qt::LeftButton);
        REQUIRE(page->sessionId() > 0);
        const Wf::Sitting stored = f.council().session(page->sessionId());
        CHECK(stored.startTime == QTime(8, 0));
        CHECK(stored.endTime == QTime(10, 30));
        CHECK(stored.secretaryName() == QStringLiteral("Phạm Thị Thư"));

        // Reopened, the page shows what was stored.
        view.openSession(stored.id);
        CHECK(child<QLineEdit>(page, "sessionStart")->text() == QStringLiteral("08:00"));
        CHECK(child<QLineEdit>(page, "sessionEnd")->text() == QStringLiteral("10:30"));
        CHECK(page->membersTable()->checked(1, Ui::SittingPage::SecretaryColumn));

        // 25:00, then an end before the start: a message each, nothing written.
        retype(child<QLineEdit>(page, "sessionEnd"), QStringLiteral("25:00"));
        {
            Test::MessageBoxAnswerer boxes;
            QTest::mouseClick(child<QPushButton>(page, "saveSession"), Qt::LeftButton);
            REQUIRE(boxes.texts().size() == 1);
            CHECK(boxes.texts().first().contains(QStringLiteral("“25:00” is not a time of day")));
        }
        retype(child<QLineEdit>(page, "sessionEnd"), QStringLiteral("07:30"));
        {
            Test::MessageBoxAnswerer boxes;
            QTest::mouseClick(child<QPushButton>(page, "saveSession"), Qt::LeftButton);
            REQUIRE(boxes.texts().size() == 1);
            CHECK(boxes.texts().first().contains(QStringLiteral("the end time must be after the start time")));
        }
        CHECK(page->hasUnsavedChanges());
        const Wf::Sitting after = f.council().session(stored.id);
        CHECK(after.endTime == QTime(10, 30));
        CHECK(after.version == stored.version);
    });
}
