// The dossier page's "Import list…" (issue 15): a lower unit's list read in the dialog, every
// row in words (the model checked by QAbstractItemModelTester), Import only once no row has an
// error (a reason for the not-eligible), the nominees then on the page; a cancel adds nothing;
// a submitted dossier offers no import. Both backends.
#include "core/tables_support.h"
#include "tests/support/testdatabase.h"
#include "tests/ui/eligibilitytesthelpers.h"
#include "tests/ui/workflowtesthelpers.h"

#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/nomineelistdialog.h"
#include "ui/dossiers/nomineemodel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QProgressDialog>
#include <QTableView>
#include <QTemporaryDir>

using namespace VinhDanh;

namespace {
QString listXlsx(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("danh-sach.xlsx"));
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("Danh sách"));
    book.row(ws, 0, {QStringLiteral("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024")});
    book.row(ws, 2,
             {QStringLiteral("STT"), QStringLiteral("Họ và tên"), QStringLiteral("Đơn vị công tác"),
              QStringLiteral("Danh hiệu đề nghị"), QStringLiteral("Thành tích")});
    book.row(ws, 3,
             {QStringLiteral("1"), QStringLiteral("Nguyễn Thị Lan"), QStringLiteral("Sở Y tế"), QStringLiteral("LĐTT"),
              QStringLiteral("Hoàn thành xuất sắc nhiệm vụ")});
    book.row(ws, 4,
             {QStringLiteral("2"), QStringLiteral("Lê Văn Đức"), QStringLiteral("Sở Y tế"), QStringLiteral("Lao động tiên tiến"),
              QStringLiteral("Hoàn thành tốt nhiệm vụ")});
    book.close();
    return path;
}

struct Office
{
    qint64 unit = 0, lan = 0, duc = 0, dossier = 0;
    explicit Office(Core::Database &db)
    {
        unit = Test::addUnit(db, QStringLiteral("Sở Y tế"));
        lan = Test::addPerson(db, QStringLiteral("Nguyễn Thị Lan"), unit);
        Test::rateYears(db, Core::Subject::person(lan), 2022, 2024);
        duc = Test::addPerson(db, QStringLiteral("Lê Văn Đức"), unit); // no rating: not eligible
        dossier = Test::addDossier(db, unit);
    }
};

int nomineeCount(Core::Database &db, qint64 dossier)
{
    return int(Core::Workflow::DossierRepository(db).nominees(dossier).size());
}
} // namespace

TEST_CASE("importListButton_previewsEveryRow_importsOnceAReasonIsGiven_andThePageListsThem", "[ui][workflow][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Office o(db);
        QTemporaryDir dir;
        const QString path = listXlsx(dir);
        auto *page = new Ui::DossierPage(db, o.dossier);
        page->show();
        auto *button = page->findChild<QPushButton *>(QStringLiteral("importList"));
        REQUIRE(button);
        CHECK(button->isEnabled());
        CHECK(page->contentControls().contains(button));

        auto ran = Test::onNextDialog<Ui::NomineeListDialog>([&](Ui::NomineeListDialog *dialog) {
            QAbstractItemModelTester tester(dialog->previewModel(), QAbstractItemModelTester::FailureReportingMode::Warning);
            Test::ModelTestLog log;
            CHECK(dialog->loadFile(path));
            QAbstractItemModel *m = dialog->previewModel();
            REQUIRE(m->rowCount() == 2);
            CHECK(m->index(0, 1).data(Qt::UserRole).toString() == QLatin1String("new"));
            CHECK(m->index(0, 2).data().toString() == QStringLiteral("Nguyễn Thị Lan"));
            CHECK(m->index(0, 3).data().toString() == QStringLiteral("Lao động tiên tiến"));
            CHECK(m->index(1, 1).data(Qt::UserRole).toString() == QLatin1String("error"));
            CHECK(m->index(1, 4).data().toString().contains(QStringLiteral("proceed reason")));
            CHECK_FALSE(dialog->importButton()->isEnabled());
            CHECK(dialog->summaryText().contains(QStringLiteral("1 new nominees, 0 already in the dossier, 1 with errors.")));
            dialog->setProceedReason(QStringLiteral("Đơn vị đề nghị xét đặc cách"));
            CHECK(m->index(1, 1).data(Qt::UserRole).toString() == QLatin1String("new"));
            REQUIRE(dialog->importButton()->isEnabled());
            CHECK(log.messages().isEmpty());
            dialog->importButton()->click();
        });
        button->click();
        REQUIRE(*ran);
        CHECK(nomineeCount(db, o.dossier) == 2);
        // The page shows the rows just added.
        REQUIRE(page->nominees()->rowCount() == 2);
        CHECK(page->nominees()->nomineeAt(1)->personId == o.duc);
        CHECK(page->nominees()->nomineeAt(1)->proceedReason == QStringLiteral("Đơn vị đề nghị xét đặc cách"));
        page->close();
    });
}

TEST_CASE("importListDialog_cancelDuringTheImport_addsNothing_andASubmittedDossierOffersNoImport", "[ui][workflow][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Office o(db);
        QTemporaryDir dir;
        Core::Workflow::DossierRepository repo(db);
        Ui::NomineeListDialog dialog(db, repo.dossier(o.dossier));
        dialog.setProceedReason(QStringLiteral("Đơn vị đề nghị xét đặc cách"));
        REQUIRE(dialog.loadFile(listXlsx(dir)));
        REQUIRE(dialog.importButton()->isEnabled());
        QObject::connect(&dialog, &Ui::NomineeListDialog::progressed, &dialog, [&](int done, int) {
            if (done == 1)
                if (auto *progress = dialog.findChild<QProgressDialog *>(QStringLiteral("importProgress")))
                    progress->cancel();
        });
        dialog.runImport();
        CHECK(dialog.problemText().contains(QStringLiteral("cancelled")));
        CHECK(dialog.added() == 0);
        CHECK(nomineeCount(db, o.dossier) == 0);

        // Submitted (with one nominee entered by hand): the page's button is off.
        Test::addNominee(db, o.dossier, Core::Subject::person(o.lan));
        repo.transition(o.dossier, Core::Workflow::Transition::Submit, Test::missingDocumentsReason());
        Ui::DossierPage page(db, o.dossier);
        auto *button = page.findChild<QPushButton *>(QStringLiteral("importList"));
        REQUIRE(button);
        CHECK_FALSE(button->isEnabled());
    });
}

TEST_CASE("importListDialog_choosesTheSheet_andSavesTheRejectedRowsWithTheirReasons", "[ui][workflow][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Office o(db);
        QTemporaryDir dir;
        // A cover sheet first, the list on the second: the dialog must let the clerk pick it.
        const QString path = dir.filePath(QStringLiteral("hai-trang.xlsx"));
        {
            Test::XlsxWriter book(path);
            lxw_worksheet *cover = book.sheet(QStringLiteral("Tờ trình"));
            book.row(cover, 0, {QStringLiteral("Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh")});
            lxw_worksheet *ws = book.sheet(QStringLiteral("Danh sách"));
            book.row(ws, 0,
                     {QStringLiteral("STT"), QStringLiteral("Họ và tên"), QStringLiteral("Đơn vị công tác"),
                      QStringLiteral("Danh hiệu đề nghị")});
            book.row(ws, 1,
                     {QStringLiteral("1"), QStringLiteral("Nguyễn Thị Lan"), QStringLiteral("Sở Y tế"), QStringLiteral("LĐTT")});
            book.row(ws, 2, {QStringLiteral("2"), QStringLiteral("Phạm Văn Vắng"), QStringLiteral("Sở Y tế"), QStringLiteral("LĐTT")});
            book.close();
        }
        Core::Workflow::DossierRepository repo(db);
        Ui::NomineeListDialog dialog(db, repo.dossier(o.dossier));
        dialog.loadFile(path);
        auto *sheet = dialog.findChild<QComboBox *>(QStringLiteral("sheet"));
        REQUIRE(sheet);
        CHECK(sheet->count() == 2);
        CHECK(dialog.preview().rows.size() != 2); // the cover sheet is no list
        REQUIRE(dialog.chooseSheet(QStringLiteral("Danh sách")));
        REQUIRE(dialog.preview().rows.size() == 2);
        CHECK(dialog.preview().rows.at(0).status == Core::Tables::RowStatus::New);
        CHECK(dialog.preview().rows.at(1).status == Core::Tables::RowStatus::Error);
        CHECK_FALSE(dialog.importButton()->isEnabled());
        REQUIRE(dialog.rejectedButton()->isEnabled());

        const QString rejected = dir.filePath(QStringLiteral("bi-loai.csv"));
        CHECK(dialog.saveRejected(rejected).isEmpty());
        QFile f(rejected);
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        CHECK(text.contains(QStringLiteral("Phạm Văn Vắng")));
        CHECK_FALSE(text.contains(QStringLiteral("Nguyễn Thị Lan")));
        CHECK(nomineeCount(db, o.dossier) == 0);
    });
}
