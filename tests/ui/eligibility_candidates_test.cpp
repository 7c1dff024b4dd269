// The candidates page: the sweep on its own thread, the filters, CSV export, and the table
// model under QAbstractItemModelTester.
#include "eligibilitytesthelpers.h"

#include "core/accounts/accountrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/eligibility/candidatesmodel.h"
#include "ui/eligibility/candidatesview.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace VinhDanh;
using Core::Eligibility::Verdict;
using Ui::CandidatesModel;

namespace {
const QString kName = QStringLiteral("Nguyễn Thị Ánh Tuyết");

/// A unit with one person rated HTXSNV 2020–2024 and one never rated.
void seed(Core::Database &db)
{
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Giáo dục và Đào tạo"));
    const qint64 rated = Test::addPerson(db, kName, unit);
    Test::addPerson(db, QStringLiteral("Trần Văn Bình"), unit);
    Test::rateYears(db, Core::Subject::person(rated), 2020, 2024);
}

int rowOf(const QAbstractItemModel &model, const QString &name, const QString &awardCode)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, CandidatesModel::NameColumn).data().toString() == name
            && model.index(row, 0).data(CandidatesModel::AwardCodeRole).toString() == awardCode)
            return row;
    return -1;
}

void runSweep(Ui::CandidatesView &view, int year)
{
    view.yearBox()->setValue(year);
    view.run();
    REQUIRE(Test::waitUntil([&] { return !view.isRunning(); }, 20000));
}
} // namespace

TEST_CASE("candidatesView_listsEligiblePerson_andExportsCsvWithVietnameseNameIntact", "[ui][eligibility]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    seed(db);

    Ui::CandidatesView view;
    view.setDatabase(&db);
    view.show();
    runSweep(view, 2024);
    CandidatesModel *model = view.model();
    const int row = rowOf(*model, kName, QStringLiteral("LDTT"));
    REQUIRE(row >= 0);
    // Eligible on the records; the law's judgements are left to the clerk (needs review).
    CHECK(Verdict(model->index(row, 0).data(CandidatesModel::VerdictRole).toInt()) != Verdict::NotEligible);
    CHECK(rowOf(*model, QStringLiteral("Trần Văn Bình"), QStringLiteral("LDTT")) < 0); // never rated

    const QString path = t.dir() + QStringLiteral("/ứng viên 2024.csv");
    REQUIRE(view.exportTo(path).isEmpty());
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF")); // the BOM Excel needs to read UTF-8
    CHECK(bytes.contains(kName.toUtf8()));
    CHECK(bytes.count("\r\n") == model->rowCount() + 1); // header + every visible row
}

TEST_CASE("candidatesView_textFilterIgnoresDiacritics_andOtherFiltersNarrowTheList", "[ui][eligibility]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    seed(db);
    Ui::CandidatesView view;
    view.setDatabase(&db);
    view.show();
    runSweep(view, 2024);
    CandidatesModel *model = view.model();
    const int all = model->rowCount();
    REQUIRE(all > 0);

    QTest::keyClicks(view.filterEdit(), QStringLiteral("anh tuyet"));
    view.applyFilter();
    CHECK(model->rowCount() == all); // every row is hers
    view.filterEdit()->setText(QStringLiteral("khong co ai"));
    view.applyFilter();
    CHECK(model->rowCount() == 0);
    view.filterEdit()->clear();
    view.applyFilter();

    view.recipientFilter()->setCurrentIndex(view.recipientFilter()->findData(int(CandidatesModel::Recipients::Collectives)));
    for (int row = 0; row < model->rowCount(); ++row)
        CHECK(model->candidateAt(row).unitId != 0);
    view.recipientFilter()->setCurrentIndex(0);

    view.awardFilter()->setCurrentIndex(view.awardFilter()->findData(QStringLiteral("LDTT")));
    REQUIRE(model->rowCount() >= 1);
    for (int row = 0; row < model->rowCount(); ++row)
        CHECK(model->candidateAt(row).awardCode == QLatin1String("LDTT"));
    view.verdictFilter()->setCurrentIndex(view.verdictFilter()->findData(int(Verdict::NotEligible)));
    CHECK(rowOf(*model, kName, QStringLiteral("LDTT")) < 0);
}

TEST_CASE("candidatesModel_filteredAndSorted_passesModelTester", "[ui][eligibility]")
{
    Test::ModelTestLog log;
    CandidatesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    QList<Core::Eligibility::Candidate> rows;
    const QStringList names{QStringLiteral("Đỗ Văn An"), QStringLiteral("Nguyễn Thị Ánh"), QStringLiteral("Lê Bảo")};
    for (int i = 0; i < names.size(); ++i) {
        Core::Eligibility::Candidate c;
        c.personId = i + 1;
        c.key = QStringLiteral("P%1").arg(i);
        c.name = names[i];
        c.unitName = QStringLiteral("Sở Y tế");
        c.awardCode = i == 2 ? QStringLiteral("CSTDCS") : QStringLiteral("LDTT");
        c.verdict = i == 1 ? Verdict::NeedsReview : Verdict::Eligible;
        rows << c;
    }
    Core::Eligibility::Candidate collective;
    collective.unitId = 7;
    collective.name = QStringLiteral("Phòng Tổ chức cán bộ");
    collective.awardCode = QStringLiteral("TTLDTT");
    rows << collective;
    model.setCandidates(rows, {{QStringLiteral("LDTT"), QStringLiteral("Lao động tiên tiến")}});
    CHECK(model.rowCount() == 4);

    model.sort(CandidatesModel::NameColumn, Qt::AscendingOrder);
    // By given name, the Vietnamese way: An, Ánh, Bảo, …
    CHECK(model.index(0, CandidatesModel::NameColumn).data().toString() == QStringLiteral("Đỗ Văn An"));
    CHECK(model.index(1, CandidatesModel::NameColumn).data().toString() == QStringLiteral("Nguyễn Thị Ánh"));
    model.sort(CandidatesModel::VerdictColumn, Qt::DescendingOrder);

    CandidatesModel::Filter filter;
    filter.text = QStringLiteral("ANH");
    model.setFilter(filter);
    CHECK(model.rowCount() == 1);
    filter = {};
    filter.recipients = CandidatesModel::Recipients::Collectives;
    model.setFilter(filter);
    CHECK(model.rowCount() == 1);
    model.clear();
    CHECK(log.messages().isEmpty());
}

TEST_CASE("candidatesView_clerksSweepOnItsOwnThread_listsOnlyTheirSubtree", "[ui][eligibility][scope]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    seed(db); // kName, in Sở Giáo dục và Đào tạo
    const qint64 other = Test::addUnit(db, QStringLiteral("Sở Y tế"));
    const qint64 outsider = Test::addPerson(db, QStringLiteral("Lý Văn Hải"), other);
    Test::rateYears(db, Core::Subject::person(outsider), 2020, 2024);
    const QString password = QStringLiteral("mat-khau-dai");
    Core::AccountRepository accounts(db);
    accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, password);
    accounts.login(QStringLiteral("quantri"), password);
    accounts.create(QStringLiteral("vanthu"), {}, QStringLiteral("clerk"), other, password);
    accounts.login(QStringLiteral("vanthu"), password);

    // The sweep opens its own connection on its thread: it must still run as the clerk.
    Ui::CandidatesView view;
    view.setDatabase(&db);
    view.show();
    runSweep(view, 2024);
    CHECK(rowOf(*view.model(), QStringLiteral("Lý Văn Hải"), QStringLiteral("LDTT")) >= 0);
    CHECK(rowOf(*view.model(), kName, QStringLiteral("LDTT")) < 0);
}
