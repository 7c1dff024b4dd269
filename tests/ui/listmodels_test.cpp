// The lazy list models: paging, filtering, the Vietnamese sort, and QAbstractItemModelTester.
#include "uitesthelpers.h"

#include "core/domain/codes.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/registry/peopleview.h"
#include "ui/registry/personlistmodel.h"
#include "ui/registry/unitlistmodel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QTest>

using namespace VinhDanh;

using VinhDanh::Test::ModelTestLog;

namespace {

QStringList column(const QAbstractItemModel &model, int col)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, col).data().toString();
    return out;
}
} // namespace

TEST_CASE("peopleList_filterAsYouType_ignoresCaseAndDiacritics", "[ui][lists]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Giáo dục và Đào tạo"));
    Test::addPerson(db, QStringLiteral("Nguyễn Văn A"), unit);
    Test::addPerson(db, QStringLiteral("Trần Thị B"), unit);

    Ui::PeopleView view;
    view.setDatabase(&db);
    view.show();
    Ui::PersonListModel *model = view.personModel();
    REQUIRE(model->rowCount() == 2);

    QTest::keyClicks(view.filterEdit(), QStringLiteral("nguyen van a"));
    // Debounced: not one query per key press.
    CHECK(model->rowCount() == 2);
    REQUIRE(Test::waitUntil([&] { return model->rowCount() == 1; }));
    CHECK(column(*model, Ui::PersonListModel::Name) == QStringList{QStringLiteral("Nguyễn Văn A")});

    view.filterEdit()->clear();
    REQUIRE(Test::waitUntil([&] { return model->rowCount() == 2; }));
    QTest::keyClicks(view.filterEdit(), QStringLiteral("TRAN THI"));
    REQUIRE(Test::waitUntil([&] { return model->rowCount() == 1; }));
    CHECK(column(*model, Ui::PersonListModel::Name) == QStringList{QStringLiteral("Trần Thị B")});
}

TEST_CASE("peopleList_sortsByGivenNameInVietnameseOrder", "[ui][lists]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("UBND phường Hạc Thành"), 0, QStringLiteral("commune_ward"));
    // Inserted out of order; given names An, Ánh, Bình, Đào, Dũng.
    for (const char *name : {"Phạm Thị Đào", "Lê Thị Ánh", "Hoàng Văn Dũng", "Trần Văn Bình", "Nguyễn Văn An"})
        Test::addPerson(db, QString::fromUtf8(name), unit);

    Ui::PersonListModel model;
    model.setDatabase(&db);
    // QCollator "vi": tones are secondary (An < Ánh), and Đ is a letter after D (Dũng < Đào).
    const QStringList expected{QStringLiteral("Nguyễn Văn An"), QStringLiteral("Lê Thị Ánh"), QStringLiteral("Trần Văn Bình"),
                               QStringLiteral("Hoàng Văn Dũng"), QStringLiteral("Phạm Thị Đào")};
    CHECK(column(model, Ui::PersonListModel::Name) == expected);

    model.sort(Ui::PersonListModel::Name, Qt::DescendingOrder);
    QStringList reversed = expected;
    std::reverse(reversed.begin(), reversed.end());
    CHECK(column(model, Ui::PersonListModel::Name) == reversed);
}

TEST_CASE("unitListModel_passesModelTester_throughPagingFilterAndSort", "[ui][lists]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    for (int i = 1; i <= 12; ++i)
        Test::addUnit(db, QStringLiteral("Xã Số %1").arg(i, 2, 10, QLatin1Char('0')), 0, QStringLiteral("commune_ward"));
    Test::addUnit(db, QStringLiteral("Sở Nội vụ"));

    ModelTestLog log;
    Ui::UnitListModel model;
    model.setPageSize(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    tester.setUseFetchMore(false); // this test checks which pages are read
    model.setDatabase(&db);

    CHECK(model.totalCount() == 13);
    // The count is exact: every row is there for the view, but only the first page is read.
    CHECK(model.rowCount() == 13);
    CHECK_FALSE(model.canFetchMore({}));
    CHECK(model.cachedPages() == 1);
    CHECK(model.index(12, Ui::UnitListModel::Name).data().toString() == QStringLiteral("Xã Số 12"));
    CHECK(model.cachedPages() == 2); // the last page, read when asked for

    // Every row carries its id, and the id leads back to the same unit.
    const qint64 id = model.index(3, 0).data(Ui::UnitListModel::IdRole).toLongLong();
    CHECK(Core::UnitRepository(db).name(id) == model.index(3, Ui::UnitListModel::Name).data().toString());

    model.setFilter(QStringLiteral("so noi"));
    CHECK(column(model, Ui::UnitListModel::Name) == QStringList{QStringLiteral("Sở Nội vụ")});
    CHECK(model.index(0, Ui::UnitListModel::Kind).data().toString()
          == Core::Codes::label(Core::Codes::Set::UnitKind, QStringLiteral("provincial_agency")));

    model.setFilter(QStringLiteral("xa so"));
    CHECK(model.rowCount() == 12);
    model.sort(Ui::UnitListModel::Name, Qt::DescendingOrder);
    CHECK(model.index(0, Ui::UnitListModel::Name).data().toString() == QStringLiteral("Xã Số 12"));
    CHECK(model.index(11, Ui::UnitListModel::Name).data().toString() == QStringLiteral("Xã Số 01"));
    model.sort(Ui::UnitListModel::Bloc, Qt::AscendingOrder); // not sortable: order kept
    CHECK(model.index(0, Ui::UnitListModel::Name).data().toString() == QStringLiteral("Xã Số 12"));

    model.setDatabase(nullptr);
    CHECK(model.rowCount() == 0);
    INFO(log.messages().join(QLatin1Char('\n')).toStdString());
    CHECK(log.messages().isEmpty());
}

TEST_CASE("personListModel_passesModelTester_throughPagingFilterAndUnit", "[ui][lists]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 school = Test::addUnit(db, QStringLiteral("Trường Tiểu học Kim Đồng"));
    const qint64 clinic = Test::addUnit(db, QStringLiteral("Trạm Y tế xã"));
    for (int i = 1; i <= 7; ++i)
        Test::addPerson(db, QStringLiteral("Giáo viên Số %1").arg(i), school);
    Test::addPerson(db, QStringLiteral("Bác sĩ Lan"), clinic);

    ModelTestLog log;
    Ui::PersonListModel model;
    model.setPageSize(3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    tester.setUseFetchMore(false); // this test checks which pages are read
    model.setDatabase(&db);
    CHECK(model.rowCount() == 8);
    CHECK(model.totalCount() == 8);
    CHECK(model.cachedPages() == 1); // three rows read of eight
    CHECK_FALSE(model.canFetchMore({}));

    model.setUnitId(clinic);
    CHECK(column(model, Ui::PersonListModel::Name) == QStringList{QStringLiteral("Bác sĩ Lan")});
    CHECK(column(model, Ui::PersonListModel::Unit) == QStringList{QStringLiteral("Trạm Y tế xã")});
    model.setUnitId(school);
    CHECK(model.totalCount() == 7);
    model.setFilter(QStringLiteral("so 7"));
    CHECK(model.rowCount() == 1);
    model.setFilter(QString());
    CHECK(model.rowCount() == 7);
    model.sort(Ui::PersonListModel::Key, Qt::DescendingOrder);
    CHECK(model.rowCount() == 7);
    CHECK(model.cachedPages() == 1);
    INFO(log.messages().join(QLatin1Char('\n')).toStdString());
    CHECK(log.messages().isEmpty());
}

TEST_CASE("listModels_passModelTesterThatFetchesMoreItself", "[ui][lists]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Công Thương"));
    for (int i = 1; i <= 6; ++i) {
        Test::addUnit(db, QStringLiteral("Phòng %1").arg(i), unit, QStringLiteral("department"));
        Test::addPerson(db, QStringLiteral("Cán bộ Số %1").arg(i), unit);
    }

    ModelTestLog log;
    Ui::UnitListModel units;
    Ui::PersonListModel people;
    units.setPageSize(2);
    people.setPageSize(2);
    QAbstractItemModelTester unitTester(&units, QAbstractItemModelTester::FailureReportingMode::Warning);
    QAbstractItemModelTester peopleTester(&people, QAbstractItemModelTester::FailureReportingMode::Warning);
    units.setDatabase(&db);
    people.setDatabase(&db);
    units.setFilter(QStringLiteral("phong"));
    people.setFilter(QStringLiteral("can bo"));
    units.sort(Ui::UnitListModel::Kind, Qt::DescendingOrder);
    people.sort(Ui::PersonListModel::Unit, Qt::AscendingOrder);
    people.setUnitId(unit);
    while (units.canFetchMore({}))
        units.fetchMore({});
    while (people.canFetchMore({}))
        people.fetchMore({});
    CHECK(units.rowCount() == 6);
    CHECK(people.rowCount() == 6);
    INFO(log.messages().join(QLatin1Char('\n')).toStdString());
    CHECK(log.messages().isEmpty());
}

TEST_CASE("peopleList_showsNoCccdOrBirthDate", "[ui][lists][privacy]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Tư pháp"));
    Core::Person p;
    p.fullName = QStringLiteral("Vũ Thị Hạnh");
    p.unitId = unit;
    p.category = QStringLiteral("cong_chuc");
    p.cccd = QStringLiteral("036190004321");
    p.birthDate = QDate(1990, 4, 30);
    Core::PersonRepository(db).save(p);

    Ui::PersonListModel model;
    model.setDatabase(&db);
    REQUIRE(model.rowCount() == 1);
    for (int col = 0; col < model.columnCount(); ++col) {
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
            const QString cell = model.index(0, col).data(role).toString();
            CHECK_FALSE(cell.contains(QStringLiteral("036190004321")));
            CHECK_FALSE(cell.contains(QStringLiteral("1990")));
        }
    }
}
