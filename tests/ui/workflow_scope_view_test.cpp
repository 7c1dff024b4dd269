// The Dossiers tab of a clerk: the work queue, its counts and the dossier windows follow the
// repository's limit to the clerk's subtree (DossierRepository::list/counts/dossier).
#include "workflowtesthelpers.h"

#include "core/registry/unitrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/dossiers/dossierlistmodel.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/dossiersview.h"
#include "ui/dossiers/nomineemodel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QLabel>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

TEST_CASE("clerksWorkQueue_listsAndCountsOnlyTheirSubtree_andRefusesAnotherUnitsDossier", "[ui][workflow][scope]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const qint64 agency = Test::addUnit(db, QStringLiteral("Sở Giáo dục và Đào tạo"));
        Core::Unit school;
        school.name = QStringLiteral("Trường THPT Lê Quý Đôn");
        school.kind = QStringLiteral("department");
        school.parentId = agency;
        Core::UnitRepository(db).save(school);
        const qint64 other = Test::addUnit(db, QStringLiteral("Sở Y tế"));
        const qint64 own = Test::addDossier(db, agency, 2024, QStringLiteral("Đề nghị của Sở Giáo dục"));
        const qint64 below = Test::addDossier(db, school.id, 2024, QStringLiteral("Đề nghị của Trường Lê Quý Đôn"));
        const qint64 foreign = Test::addDossier(db, other, 2024, QStringLiteral("Đề nghị của Sở Y tế"));

        Ui::DossiersView view;
        view.setDatabase(&db);
        view.show();
        CHECK(view.shownTotal() == 3); // no accounts: everything

        db.setSession(Core::Session{7, QStringLiteral("vanthu"), QStringLiteral("clerk"), agency});
        view.setDatabase(&db); // as after logging in
        Test::ModelTestLog log;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::Warning);
        CHECK(view.shownTotal() == 2);
        CHECK(view.shownCount(Wf::Status::Draft) == 2);
        REQUIRE(view.model()->rowCount() == 2);
        QList<qint64> ids{view.model()->idAt(0), view.model()->idAt(1)};
        std::sort(ids.begin(), ids.end());
        CHECK(ids == QList<qint64>{own, below});
        CHECK(view.model()->rowOfId(foreign) < 0);
        CHECK(log.messages().isEmpty());

        // Opened anyway (a stale link, a key typed in): the window says why and shows nothing.
        view.openDossier(foreign);
        Ui::DossierPage *page = view.pageOf(foreign);
        REQUIRE(page);
        const QString title = page->findChild<QLabel *>(QStringLiteral("title"))->text();
        CHECK(title.contains(QStringLiteral("outside Sở Giáo dục và Đào tạo and its sub-units")));
        CHECK_FALSE(title.contains(QStringLiteral("Sở Y tế")));
        CHECK(page->nominees()->rowCount() == 0);
        view.setDatabase(nullptr);
    });
}
