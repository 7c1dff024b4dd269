// Registry ▸ Likely duplicates… (issue 15 item 5): the pairs' model under
// QAbstractItemModelTester (with paging), a merge after a confirmation that lists what moves,
// a refusal shown in words, and the undo.
#include "uitesthelpers.h"

#include "core/db/query.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/mainwindow.h"
#include "ui/registry/duplicatesdialog.h"
#include "ui/registry/duplicatesmodel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QTimer>

using namespace VinhDanh;
using VinhDanh::Test::ModelTestLog;

namespace {
int people(Core::Database &db)
{
    return Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM people")).scalar(0).toInt();
}
} // namespace

TEST_CASE("duplicatesDialog_listsPairs_mergesAfterConfirming_andUndoes", "[ui][dedup]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    const qint64 a = Test::addPerson(db, QStringLiteral("Nguyễn Văn An"), unit, QStringLiteral("001080012345"));
    const qint64 b = Test::addPerson(db, QStringLiteral("NGUYEN VAN AN"), unit);
    Core::RecordRepository(db).setRating({0, Core::Subject::person(b), 2023, QStringLiteral("HTTNV"), {}});
    Test::addPerson(db, QStringLiteral("Trần Thị Bình"), unit);

    Ui::DuplicatesDialog dialog(db);
    QStringList asked, reported;
    dialog.setConfirm([&](const QString &, const QStringList &lines) {
        asked = lines;
        return true;
    });
    dialog.setReport([&](const QString &m, const QString &) { reported << m; });
    Ui::DuplicatesModel *model = dialog.model();
    ModelTestLog log;
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Warning);
    REQUIRE(model->rowCount() == 1);
    CHECK(model->index(0, Ui::DuplicatesModel::Score).data().toInt() == 50);
    const QString both = model->index(0, Ui::DuplicatesModel::First).data().toString()
                         + model->index(0, Ui::DuplicatesModel::Second).data().toString();
    CHECK(both.contains(QStringLiteral("CCCD ********2345"))); // masked in the list
    CHECK_FALSE(both.contains(QStringLiteral("001080012345")));
    CHECK(model->index(0, Ui::DuplicatesModel::Unit).data().toString() == QStringLiteral("Sở Nội vụ"));

    // Keep the one with the CCCD; the confirmation says what moves.
    const bool keepFirst = model->pair(0).firstId == a;
    REQUIRE(dialog.mergeRow(0, keepFirst));
    CHECK(asked.contains(QStringLiteral("Moves: 1 yearly rating")));
    CHECK(dialog.changed());
    CHECK(people(db) == 2);
    CHECK(model->rowCount() == 0);
    REQUIRE(dialog.merges().size() == 1);

    REQUIRE(dialog.undo(dialog.merges().first().id));
    CHECK(people(db) == 3);
    CHECK(model->rowCount() == 1);
    CHECK(dialog.merges().isEmpty());
    CHECK(reported.isEmpty());
    CHECK(log.messages().isEmpty());
}

TEST_CASE("duplicatesDialog_aRefusedMergeIsShownInWords_andWritesNothing", "[ui][dedup]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    const qint64 a = Test::addPerson(db, QStringLiteral("Lê Văn Tám"), unit);
    Test::addPerson(db, QStringLiteral("Le Van Tam"), unit);
    // The second record of the pair gets a CCCD different from the first's: two people.
    Core::Person p = *Core::PersonRepository(db).get(a);
    p.cccd = QStringLiteral("001080012345");
    Core::PersonRepository(db).save(p);
    Core::Query(db.sql(), QStringLiteral("UPDATE people SET cccd = '001080099999' WHERE id <> :id"))
        .bind(QStringLiteral(":id"), a)
        .exec();

    Ui::DuplicatesDialog dialog(db);
    // Two CCCDs: the finder does not pair them at all.
    CHECK(dialog.model()->rowCount() == 0);
    Core::Query(db.sql(), QStringLiteral("UPDATE people SET cccd = NULL WHERE id <> :id")).bind(QStringLiteral(":id"), a).exec();
    dialog.refresh();
    REQUIRE(dialog.model()->rowCount() == 1);
    // A record deleted meanwhile (by someone else): the merge's refusal is reported in words,
    // not thrown.
    QStringList reported;
    dialog.setReport([&](const QString &m, const QString &) { reported << m; });
    dialog.setConfirm([](const QString &, const QStringList &) { return true; });
    const qint64 other = dialog.model()->pair(0).firstId == a ? dialog.model()->pair(0).secondId : dialog.model()->pair(0).firstId;
    Core::PersonRepository(db).remove(other);
    CHECK_FALSE(dialog.mergeRow(0, dialog.model()->pair(0).firstId == a));
    REQUIRE(reported.size() == 1);
    CHECK(reported.first().contains(QStringLiteral("There is no person")));
    CHECK(people(db) == 1);
    CHECK_FALSE(dialog.changed());
}

TEST_CASE("duplicatesModel_pagesTwoHundredPairsAtATime", "[ui][dedup]")
{
    QList<Core::Dedup::Pair> pairs;
    for (int i = 0; i < 450; ++i) {
        Core::Dedup::Pair p;
        p.firstId = 2 * i + 1;
        p.secondId = 2 * i + 2;
        p.firstName = p.secondName = QStringLiteral("Người %1").arg(i);
        p.score = 50;
        pairs << p;
    }
    Ui::DuplicatesModel model;
    model.setPairs(pairs);
    CHECK(model.rowCount() == 200);
    REQUIRE(model.canFetchMore({}));
    model.fetchMore({});
    CHECK(model.rowCount() == 400);
    // The tester fetches the rest itself, checking each insertion as it goes.
    ModelTestLog log;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    CHECK(model.rowCount() == 450);
    CHECK_FALSE(model.canFetchMore({}));
    model.setPairs(pairs.mid(0, 3)); // a new search resets the list
    CHECK(model.rowCount() == 3);
    CHECK(log.messages().isEmpty());
}

TEST_CASE("mainWindow_registryMenuOpensTheLikelyDuplicatesDialog", "[ui][dedup]")
{
    Test::TestDatabase t;
    t.open();
    t.close();
    Ui::MainWindow window;
    REQUIRE(window.openDatabase(t.settings()).isEmpty());
    auto *action = window.findChild<QAction *>(QStringLiteral("likelyDuplicates"));
    REQUIRE(action);
    CHECK(action->text() == QStringLiteral("Likely &duplicates…"));
    bool shown = false;
    QTimer::singleShot(0, [&] {
        if (auto *dialog = qobject_cast<Ui::DuplicatesDialog *>(QApplication::activeModalWidget())) {
            shown = dialog->model() != nullptr;
            dialog->reject();
        }
    });
    action->trigger();
    CHECK(shown);
}
