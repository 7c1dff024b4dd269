// A lower unit's danh sách đề nghị into a dossier (issue 15): the same list as an XLSX (title
// block, a two-row header of merged cells, group rows "I. Tập thể" / "II. Cá nhân", a signature
// block below) and as the table of a Word file (title and signature blocks as tables of their
// own, cells merged across and down); each row matched to the registry in words, then all the
// nominees or none through DossierRepository. Both backends.
#include "core/db/query.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/registry/unitrepository.h"
#include "core/tables/docxreader.h"
#include "core/tables/nomineelist.h"
#include "core/tables/tablefile.h"
#include "docx_support.h"
#include "support/testdatabase.h"
#include "tables_support.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;
using namespace VinhDanh::Core::Workflow;
using Test::errorOf;

namespace {
const QString kReason = QStringLiteral("Đơn vị đề nghị xét đặc cách vì thành tích đột xuất");

/// The Sở Nội vụ of the fixture with its Phòng Tổ chức cán bộ, four of its staff and a draft
/// dossier of 2025 on the regular track.
struct ListOffice
{
    Test::WorkflowFixture f;
    qint64 phong = 0, an = 0, binh = 0, cuong = 0, hoa = 0;
    Dossier dossier;

    explicit ListOffice(Database &db) : f(db)
    {
        Unit u;
        u.name = QStringLiteral("Phòng Tổ chức cán bộ");
        u.kind = QStringLiteral("department");
        u.parentId = f.unit;
        phong = UnitRepository(db).save(u);
        an = f.eligiblePerson(2025, QStringLiteral("Nguyễn Văn An"));
        binh = f.ineligiblePerson(QStringLiteral("Trần Thị Bình"));
        cuong = f.eligiblePerson(2025, QStringLiteral("Lê Văn Cường"), phong);
        hoa = f.eligiblePerson(2025, QStringLiteral("Đỗ Thị Hoa"));
        dossier = f.newDossier(2025);
    }
};

/// The nominee rows: STT, name, "chức vụ, đơn vị", form, summary. `full` adds a person not in
/// the registry and a form nobody can recognise.
QList<QStringList> nomineeRows(bool full)
{
    QList<QStringList> rows = {
        {QStringLiteral("1"), QStringLiteral("Nguyễn Văn An"), QStringLiteral("Chuyên viên, Sở Nội vụ"),
         QStringLiteral("Lao động tiên tiến"), QStringLiteral("Hoàn thành tốt nhiệm vụ năm 2025\nChủ trì đề án vị trí việc làm")},
        {QStringLiteral("2"), QStringLiteral("Lê Văn Cường"), QStringLiteral("Trưởng phòng Tổ chức cán bộ, Sở Nội vụ"),
         QStringLiteral("LĐTT"), QStringLiteral("Hoàn thành tốt nhiệm vụ")},
        {QStringLiteral("3"), QStringLiteral("Trần Thị Bình"), QStringLiteral("Chuyên viên, Sở Nội vụ"),
         QStringLiteral("Lao động tiên tiến"), QStringLiteral("Có nhiều đóng góp")},
    };
    if (full) {
        rows << QStringList{QStringLiteral("4"), QStringLiteral("Phạm Văn Dũng"), QStringLiteral("Chuyên viên, Sở Nội vụ"),
                            QStringLiteral("Lao động tiên tiến"), QString()};
        rows << QStringList{QStringLiteral("5"), QStringLiteral("Đỗ Thị Hoa"), QStringLiteral("Chuyên viên, Sở Nội vụ"),
                            QStringLiteral("Huy hiệu Tuổi trẻ sáng tạo"), QString()};
    }
    return rows;
}

const QStringList kCollective = {QStringLiteral("1"), QStringLiteral("Phòng Tổ chức cán bộ"), QStringLiteral("Sở Nội vụ"),
                                 QStringLiteral("Tập thể lao động tiên tiến"), QStringLiteral("Hoàn thành xuất sắc nhiệm vụ")};

/// The list as an Excel file: title block, merged two-row header, column numbers, group rows,
/// a signature block naming a registry person (who must not become a nominee).
QString listXlsx(const QTemporaryDir &dir, bool full)
{
    const QString path = dir.filePath(full ? QStringLiteral("danh-sach.xlsx") : QStringLiteral("danh-sach-sua.xlsx"));
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("Danh sách"));
    book.row(ws, 0,
             {QStringLiteral("UBND TỈNH QUẢNG BÌNH"), QVariant(), QVariant(), QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")});
    book.row(ws, 1, {QStringLiteral("SỞ NỘI VỤ"), QVariant(), QVariant(), QStringLiteral("Độc lập - Tự do - Hạnh phúc")});
    worksheet_merge_range(ws, 3, 0, 3, 5, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025", nullptr);
    book.row(ws, 4, {QStringLiteral("(Kèm theo Tờ trình số 45/TTr-SNV ngày 01/12/2025 của Sở Nội vụ)")});
    worksheet_merge_range(ws, 6, 0, 7, 0, "STT", nullptr);
    worksheet_merge_range(ws, 6, 1, 7, 1, "Họ và tên", nullptr);
    worksheet_merge_range(ws, 6, 2, 7, 2, "Chức vụ, đơn vị công tác", nullptr);
    worksheet_merge_range(ws, 6, 3, 6, 4, "Đề nghị khen thưởng", nullptr);
    worksheet_merge_range(ws, 6, 5, 7, 5, "Ghi chú", nullptr);
    book.row(ws, 7, {QVariant(), QVariant(), QVariant(), QStringLiteral("Hình thức"), QStringLiteral("Tóm tắt thành tích")});
    book.row(ws, 8,
             {QStringLiteral("(1)"), QStringLiteral("(2)"), QStringLiteral("(3)"), QStringLiteral("(4)"), QStringLiteral("(5)"),
              QStringLiteral("(6)")});
    book.row(ws, 9, {QStringLiteral("I"), QStringLiteral("Tập thể")});
    QVariantList collective;
    for (const QString &c : kCollective)
        collective << c;
    book.row(ws, 10, collective);
    book.row(ws, 11, {QStringLiteral("II"), QStringLiteral("Cá nhân")});
    int r = 12;
    for (const QStringList &cells : nomineeRows(full)) {
        QVariantList v;
        for (const QString &c : cells)
            v << c;
        book.row(ws, r++, v);
    }
    book.row(ws, r + 1, {QVariant(), QStringLiteral("NGƯỜI LẬP BIỂU"), QVariant(), QVariant(), QStringLiteral("THỦ TRƯỞNG ĐƠN VỊ")});
    book.row(ws, r + 2, {QVariant(), QStringLiteral("(Ký, ghi rõ họ tên)")});
    book.row(ws, r + 5, {QVariant(), QStringLiteral("Nguyễn Văn An"), QVariant(), QVariant(), QStringLiteral("Hoàng Văn Giám")});
    book.close();
    return path;
}

/// The same list as a Word file: the title block and the signature block are tables too.
QString listDocx(const QTemporaryDir &dir, bool full)
{
    using Test::Docx::Cell;
    const QString path = dir.filePath(full ? QStringLiteral("danh-sach.docx") : QStringLiteral("danh-sach-sua.docx"));
    QString body = Test::Docx::tableXml({{Cell{QStringLiteral("UBND TỈNH QUẢNG BÌNH\nSỞ NỘI VỤ")},
                                          Cell{QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")}}});
    body += Test::Docx::paragraphXml(QStringLiteral("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025"));
    body += Test::Docx::paragraphXml(QStringLiteral("(Kèm theo Tờ trình số 45/TTr-SNV ngày 01/12/2025 của Sở Nội vụ)"));
    QList<QList<Cell>> rows;
    rows << QList<Cell>{{QStringLiteral("STT"), 1, QStringLiteral("restart")},
                        {QStringLiteral("Họ và tên"), 1, QStringLiteral("restart")},
                        {QStringLiteral("Chức vụ, đơn vị công tác"), 1, QStringLiteral("restart")},
                        {QStringLiteral("Đề nghị khen thưởng"), 2, {}},
                        {QStringLiteral("Ghi chú"), 1, QStringLiteral("restart")}};
    rows << QList<Cell>{{{}, 1, QStringLiteral("continue")},    {{}, 1, QStringLiteral("continue")},
                        {{}, 1, QStringLiteral("continue")},    {QStringLiteral("Hình thức")},
                        {QStringLiteral("Tóm tắt thành tích")}, {{}, 1, QStringLiteral("continue")}};
    rows << QList<Cell>{{QStringLiteral("I. TẬP THỂ"), 6, {}}};
    auto plain = [](const QStringList &cells) {
        QList<Cell> out;
        for (const QString &c : cells)
            out << Cell{c};
        out << Cell{};
        return out;
    };
    rows << plain(kCollective);
    rows << QList<Cell>{{QStringLiteral("II. CÁ NHÂN"), 6, {}}};
    for (const QStringList &cells : nomineeRows(full))
        rows << plain(cells);
    body += Test::Docx::tableXml(rows);
    body += Test::Docx::tableXml({{Cell{QStringLiteral("NGƯỜI LẬP BIỂU\n(Ký, ghi rõ họ tên)\n\nNguyễn Văn An")},
                                   Cell{QStringLiteral("THỦ TRƯỞNG ĐƠN VỊ\n(Ký tên, đóng dấu)\n\nHoàng Văn Giám")}}});
    Test::Docx::write(path, body);
    return path;
}

NomineeListPreview previewFile(Database &db, qint64 dossierId, const QString &path, const QString &reason = {})
{
    const TableFile file = readFile(path);
    return previewNomineeList(db, dossierId, file.sheet, mapNomineeList(file.sheet), reason);
}

const PreviewRow &rowNamed(const NomineeListPreview &p, const QString &name)
{
    for (const PreviewRow &r : p.rows)
        if (r.name == name)
            return r;
    FAIL("no preview row for " << name.toStdString());
    return p.rows.first();
}

int indexOf(const NomineeListPreview &p, const QString &name)
{
    for (int i = 0; i < p.rows.size(); ++i)
        if (p.rows.at(i).name == name)
            return i;
    return -1;
}

QString joined(const PreviewRow &r)
{
    return r.reasons.join(QStringLiteral(" | "));
}

int nomineeRowCount(Database &db)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM dossier_nominees")).scalar(0).toInt();
}

/// The preview of the full list, checked the same way whichever file it came from.
void checkFullPreview(const NomineeListPreview &p)
{
    REQUIRE(p.rows.size() == 6); // the collective and five people; not the preparer under the signature
    const PreviewRow &collective = rowNamed(p, QStringLiteral("Phòng Tổ chức cán bộ"));
    CHECK(p.info.at(indexOf(p, QStringLiteral("Phòng Tổ chức cán bộ"))).subjectKind == QLatin1String("unit"));
    CHECK(p.info.at(indexOf(p, QStringLiteral("Phòng Tổ chức cán bộ"))).formCode == QLatin1String("TTLDTT"));
    // Not eligible (no ratings, no members with LĐTT): refused until the clerk gives a reason.
    CHECK(collective.status == RowStatus::Error);
    CHECK(joined(collective).contains(QStringLiteral("proceed reason")));

    const PreviewRow &an = rowNamed(p, QStringLiteral("Nguyễn Văn An"));
    CHECK(an.status == RowStatus::New);
    CHECK(joined(an).contains(QStringLiteral("person in the registry: Nguyễn Văn An, Sở Nội vụ")));
    CHECK(joined(an).contains(QStringLiteral("form: Lao động tiên tiến")));
    CHECK(joined(an).contains(QStringLiteral("eligibility check:")));
    // "LĐTT" and a unit named inside "Trưởng phòng Tổ chức cán bộ, Sở Nội vụ".
    const PreviewRow &cuong = rowNamed(p, QStringLiteral("Lê Văn Cường"));
    CHECK(cuong.status == RowStatus::New);
    CHECK(p.info.at(indexOf(p, QStringLiteral("Lê Văn Cường"))).formCode == QLatin1String("LDTT"));

    const PreviewRow &binh = rowNamed(p, QStringLiteral("Trần Thị Bình"));
    CHECK(binh.status == RowStatus::Error);
    CHECK(joined(binh).contains(QStringLiteral("not eligible")));
    CHECK(joined(binh).contains(QStringLiteral("proceed reason")));
    CHECK(p.info.at(indexOf(p, QStringLiteral("Trần Thị Bình"))).needsReason);

    const PreviewRow &dung = rowNamed(p, QStringLiteral("Phạm Văn Dũng"));
    CHECK(dung.status == RowStatus::Error);
    CHECK(joined(dung) == QStringLiteral("Phạm Văn Dũng is not in the registry; add the person first, or write their key."));
    const PreviewRow &hoa = rowNamed(p, QStringLiteral("Đỗ Thị Hoa"));
    CHECK(hoa.status == RowStatus::Error);
    CHECK(joined(hoa).contains(QStringLiteral("the award form \"Huy hiệu Tuổi trẻ sáng tạo\" is not recognised")));
    CHECK(p.plans.size() == 2); // An and Cường so far
}
} // namespace

TEST_CASE("nomineeListXlsx_previewNamesEveryRowsMatchFormAndReason_andWritesNothing", "[tables][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        ListOffice o(t.db());
        QTemporaryDir dir;
        const QString path = listXlsx(dir, true);
        const NomineeListPreview p = previewFile(t.db(), o.dossier.id, path);
        checkFullPreview(p);
        CHECK(p.headers.mid(0, 5)
              == QStringList{QStringLiteral("STT"), QStringLiteral("Họ và tên"), QStringLiteral("Chức vụ, đơn vị công tác"),
                             QStringLiteral("Hình thức"), QStringLiteral("Tóm tắt thành tích")});
        CHECK(nomineeRowCount(t.db()) == 0);
        // The commit refuses a preview with errors, and writes nothing.
        CHECK(errorOf([&] { commitNomineeList(t.db(), p); }).contains(QStringLiteral("nothing was written")));
        CHECK(nomineeRowCount(t.db()) == 0);
    });
}

TEST_CASE("nomineeListDocx_readsTheListTableNotTheTitleOrSignature_mergedHeaderAndGroupRows", "[tables][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        ListOffice o(t.db());
        QTemporaryDir dir;
        const QString path = listDocx(dir, true);
        const TableFile file = readFile(path);
        CHECK(file.format == QLatin1String("DOCX"));
        CHECK(file.sheet.name == QLatin1String("Table 2"));
        const NomineeListPreview p = previewFile(t.db(), o.dossier.id, path);
        checkFullPreview(p);
        // A cell of two paragraphs keeps both, one per line; the summary stores them on one.
        bool found = false;
        for (const Row &r : file.sheet.rows)
            found = found || r.cell(4).text == QStringLiteral("Hoàn thành tốt nhiệm vụ năm 2025\nChủ trì đề án vị trí việc làm");
        CHECK(found);
        for (const NomineePlan &plan : p.plans)
            if (plan.nominee.personId == o.an)
                CHECK(plan.nominee.summary == QStringLiteral("Hoàn thành tốt nhiệm vụ năm 2025 Chủ trì đề án vị trí việc làm"));
        CHECK(nomineeRowCount(t.db()) == 0);
    });
}

TEST_CASE("nomineeListCommit_addsEveryRowWithFormSummaryAndProceedReason_andAgainChangesNothing", "[tables][nominees]")
{
    const bool docx = GENERATE(false, true);
    Test::forEachBackend([docx](Test::TestDatabase &t) {
        ListOffice o(t.db());
        QTemporaryDir dir;
        const QString path = docx ? listDocx(dir, false) : listXlsx(dir, false);
        NomineeListPreview p = previewFile(t.db(), o.dossier.id, path);
        REQUIRE(p.count(RowStatus::Error) == 2); // the collective and Bình wait for a reason
        p = previewFile(t.db(), o.dossier.id, path, kReason);
        REQUIRE(p.count(RowStatus::Error) == 0);
        CHECK(joined(rowNamed(p, QStringLiteral("Trần Thị Bình"))).contains(kReason));

        int lastDone = 0;
        const NomineeListCommitResult done = commitNomineeList(t.db(), p, [&](int d, int) { lastDone = d; });
        CHECK(done.added == 4);
        CHECK(lastDone == 4);
        const QList<Nominee> nominees = DossierRepository(t.db()).nominees(o.dossier.id);
        REQUIRE(nominees.size() == 4);
        CHECK(nominees.at(0).unitId == o.phong);
        CHECK(nominees.at(0).formCode == QLatin1String("TTLDTT"));
        CHECK(nominees.at(0).proceedReason == kReason);
        CHECK(nominees.at(1).personId == o.an);
        CHECK(nominees.at(1).formCode == QLatin1String("LDTT"));
        CHECK(nominees.at(1).summary == QStringLiteral("Hoàn thành tốt nhiệm vụ năm 2025 Chủ trì đề án vị trí việc làm"));
        CHECK(nominees.at(1).proceedReason.isEmpty()); // given only where the engine says not eligible
        CHECK(nominees.at(2).personId == o.cuong);
        CHECK(nominees.at(3).personId == o.binh);
        CHECK(nominees.at(3).engineVerdict == QLatin1String("not_eligible"));
        CHECK(nominees.at(3).proceedReason == kReason);

        // The same list again: every row is already there.
        const NomineeListPreview again = previewFile(t.db(), o.dossier.id, path, kReason);
        CHECK(again.count(RowStatus::Unchanged) == 4);
        CHECK(again.plans.isEmpty());
        CHECK(joined(again.rows.first()).contains(QStringLiteral("already in the dossier")));
    });
}

TEST_CASE("nomineeListCommit_cancelOrAFailingRow_leavesTheDossiersNomineesAsTheyWere", "[tables][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        ListOffice o(t.db());
        o.f.addPerson(o.dossier.id, o.hoa); // one nominee entered by hand before the import
        QTemporaryDir dir;
        const NomineeListPreview p = previewFile(t.db(), o.dossier.id, listXlsx(dir, false), kReason);
        REQUIRE(p.plans.size() == 4);

        std::atomic_bool cancel{false};
        const NomineeListCommitResult cancelled = commitNomineeList(
            t.db(), p, [&](int done, int) { cancel = done == 2; }, &cancel);
        CHECK(cancelled.cancelled);
        CHECK(nomineeRowCount(t.db()) == 1);

        // A row the repository refuses half-way (its form was removed from the catalogue since
        // the preview, say): the rows before it are rolled back too.
        NomineeListPreview broken = p;
        broken.plans[2].nominee.formCode = QStringLiteral("NO_SUCH_FORM");
        const QString message = errorOf([&] { commitNomineeList(t.db(), broken); });
        CHECK(message.startsWith(QStringLiteral("Row %1: ").arg(broken.plans.at(2).sheetRow)));
        CHECK(message.endsWith(QStringLiteral("Nothing was written.")));
        CHECK(nomineeRowCount(t.db()) == 1);
        CHECK(DossierRepository(t.db()).nominees(o.dossier.id).first().personId == o.hoa);
    });
}

TEST_CASE("nomineeList_aDossierNoLongerDraft_isRefusedBeforeAnyRowIsRead", "[tables][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        ListOffice o(t.db());
        const qint64 submitted = o.f.dossierIn(Status::Submitted, {o.cuong});
        const int before = nomineeRowCount(t.db());
        QTemporaryDir dir;
        const QString path = listXlsx(dir, false);
        const QString message = errorOf([&] { previewFile(t.db(), submitted, path, kReason); });
        CHECK(message.contains(QStringLiteral("nominees can no longer be added")));
        CHECK(message.contains(QStringLiteral("submitted")));
        // A preview made while it was a draft does not get in after the submission either.
        o.f.addPerson(o.dossier.id, o.hoa);
        const NomineeListPreview p = previewFile(t.db(), o.dossier.id, path, kReason);
        REQUIRE(p.plans.size() == 4);
        DossierRepository repo(t.db());
        o.f.attachRequired(o.dossier.id);
        repo.transition(o.dossier.id, Transition::Submit, kReason);
        CHECK(errorOf([&] { commitNomineeList(t.db(), p); }).contains(QStringLiteral("nominees can no longer be added")));
        CHECK(nomineeRowCount(t.db()) == before + 1);
    });
}

TEST_CASE("nomineeList_rowsMatchedByKeyUnitOrBirthDate_namesakesAndDefaultFormsInWords", "[tables][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        ListOffice o(t.db());
        // A namesake of An's in another department, outside the dossier's unit.
        const qint64 other = o.f.newUnit(QStringLiteral("Sở Tài chính"));
        o.f.eligiblePerson(2025, QStringLiteral("Nguyễn Văn An"), other);
        o.f.eligiblePerson(2025, QStringLiteral("Lê Văn Cường"), o.f.unit); // a second Cường in Sở Nội vụ
        Sheet sheet;
        sheet.name = QStringLiteral("CSV");
        auto row = [&](int n, const QStringList &cells) {
            Row r;
            r.number = n;
            for (const QString &c : cells)
                r.cells << Tables::Cell::fromText(c);
            sheet.rows << r;
        };
        row(1, {QStringLiteral("TT"), QStringLiteral("Ho va ten"), QStringLiteral("Don vi"), QStringLiteral("Hinh thuc de nghi"),
                QStringLiteral("Thanh tich")});
        row(2, {QStringLiteral("1"), QStringLiteral("Nguyễn Văn An"), QString(), QStringLiteral("LĐTT"), QStringLiteral("Tốt")});
        row(3, {QStringLiteral("2"), QStringLiteral("Lê Văn Cường"), QString(), QStringLiteral("LĐTT"), QString()});
        row(4, {QStringLiteral("3"), QStringLiteral("Lê Văn Cường"), QStringLiteral("Phòng Tổ chức cán bộ"), QStringLiteral("LĐTT"),
                QString()});
        row(5, {QStringLiteral("4"), QStringLiteral("Nguyễn Văn An"), QStringLiteral("Sở Tài chính"), QString(), QString()});
        const NomineeMapping m = mapNomineeList(sheet);
        CHECK(m.columnOf(NomineeField::Unit) == 2);
        const NomineeListPreview p = previewNomineeList(t.db(), o.dossier.id, sheet, m);
        REQUIRE(p.rows.size() == 4);
        // The namesake outside the proposing unit does not make An ambiguous.
        CHECK(p.rows.at(0).status == RowStatus::New);
        CHECK(p.info.at(0).subjectKind == QLatin1String("person"));
        CHECK(joined(p.rows.at(0)).contains(QStringLiteral("Nguyễn Văn An, Sở Nội vụ")));
        CHECK(p.rows.at(1).status == RowStatus::Error);
        CHECK(joined(p.rows.at(1)).contains(QStringLiteral("several people are named Lê Văn Cường")));
        CHECK(p.rows.at(2).status == RowStatus::New); // the unit tells them apart
        // No form on the row, and a regular-track dossier offers no single one.
        CHECK(p.rows.at(3).status == RowStatus::Error);
        CHECK(joined(p.rows.at(3)).contains(QStringLiteral("gives no award form")));
    });
}

TEST_CASE("nomineeList_aClerksNamesakesOutsideTheirUnits_areNeitherChosenNorNamed", "[tables][nominees][scope]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        ListOffice o(t.db());
        const qint64 other = o.f.newUnit(QStringLiteral("Sở Tài chính"));
        o.f.eligiblePerson(2025, QStringLiteral("Phạm Văn Đức"), other);
        o.f.eligiblePerson(2025, QStringLiteral("Lê Văn Cường"), other); // and one under Sở Nội vụ (ListOffice)
        Sheet sheet;
        sheet.name = QStringLiteral("CSV");
        auto row = [&](int n, const QStringList &cells) {
            Row r;
            r.number = n;
            for (const QString &c : cells)
                r.cells << Tables::Cell::fromText(c);
            sheet.rows << r;
        };
        row(1, {QStringLiteral("TT"), QStringLiteral("Ho va ten"), QStringLiteral("Don vi"), QStringLiteral("Hinh thuc de nghi")});
        row(2, {QStringLiteral("1"), QStringLiteral("Phạm Văn Đức"), QStringLiteral("Sở Nội vụ"), QStringLiteral("LĐTT")});
        row(3, {QStringLiteral("2"), QStringLiteral("Lê Văn Cường"), QString(), QStringLiteral("LĐTT")});
        o.f.as(QStringLiteral("clerk"), o.f.unit);
        const NomineeListPreview p = previewNomineeList(t.db(), o.dossier.id, sheet, mapNomineeList(sheet));
        REQUIRE(p.rows.size() == 2);
        // Who works where outside the clerk's units is not theirs to read.
        CHECK(p.rows.at(0).status == RowStatus::Error);
        CHECK_FALSE(joined(p.rows.at(0)).contains(QStringLiteral("Sở Tài chính")));
        CHECK(joined(p.rows.at(0)).contains(QStringLiteral("outside the units you may edit")));
        // The clerk's own Cường is the one meant.
        CHECK(p.rows.at(1).status == RowStatus::New);
        CHECK(joined(p.rows.at(1)).contains(QStringLiteral("Lê Văn Cường, Phòng Tổ chức cán bộ")));
    });
}

TEST_CASE("tableFile_oldWordDocOrEncryptedDocx_isRefusedWithTheWayOut", "[tables][nominees][hostile]")
{
    QTemporaryDir dir;
    const QString doc = dir.filePath(QStringLiteral("danh-sach.doc"));
    QFile f(doc);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(2048, '\0'));
    f.close();
    const QString message = errorOf([&] { readFile(doc); });
    CHECK(message.contains(QStringLiteral("Word 97–2003 document (.doc)")));
    CHECK(message.contains(QStringLiteral("save it as .docx")));
    // Rich Text saved under a .doc name is named as such.
    const QString rtf = dir.filePath(QStringLiteral("danh-sach-rtf.doc"));
    QFile r(rtf);
    REQUIRE(r.open(QIODevice::WriteOnly));
    r.write("{\\rtf1\\ansi Danh sach}");
    r.close();
    CHECK(errorOf([&] { readFile(rtf); }).contains(QStringLiteral("Rich Text (RTF)")));
    // A document with no table says what to do.
    const QString empty = dir.filePath(QStringLiteral("thu.docx"));
    Test::Docx::write(empty, Test::Docx::paragraphXml(QStringLiteral("Kính gửi: Sở Nội vụ")));
    CHECK(errorOf([&] { readFile(empty); }).contains(QStringLiteral("has no table")));
    // An entity declaration is refused before anything is expanded.
    const QString entities = dir.filePath(QStringLiteral("bom.docx"));
    Test::Docx::write(entities, QString());
    Test::replaceZipEntry(entities, QStringLiteral("word/document.xml"),
                          "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                          "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                          "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>");
    CHECK(errorOf([&] { readFile(entities); }).contains(QStringLiteral("DOCTYPE")));
}

TEST_CASE("docxReader_mergedCellsRepeatDownAndLeaveAcrossEmpty_tablesByNameOrNumber", "[tables][nominees]")
{
    using Test::Docx::Cell;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bang.docx"));
    Test::Docx::write(
        path,
        Test::Docx::tableXml({{Cell{QStringLiteral("a")}}})
            + Test::Docx::tableXml({{Cell{QStringLiteral("Đơn vị"), 1, QStringLiteral("restart")}, Cell{QStringLiteral("Tên"), 2, {}}},
                                    {Cell{{}, 1, QStringLiteral("continue")}, Cell{QStringLiteral("x")}, Cell{QStringLiteral("y")}}}));
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const DocxDocument doc(f.readAll());
    REQUIRE(doc.tables().size() == 2);
    CHECK(doc.mainTable() == 1);
    const Sheet s = doc.read(QStringLiteral("2"));
    REQUIRE(s.rows.size() == 2);
    CHECK(s.rows.at(0).cell(1).text == QStringLiteral("Tên"));
    CHECK(s.rows.at(0).cell(2).isEmpty());
    CHECK(s.rows.at(1).cell(0).text == QStringLiteral("Đơn vị")); // the vertical merge, repeated
    CHECK(s.rows.at(1).cell(2).text == QLatin1String("y"));
    CHECK(doc.read(QStringLiteral("table 1")).rows.first().cell(0).text == QLatin1String("a"));
    CHECK(errorOf([&] { doc.read(QStringLiteral("Table 3")); }).contains(QStringLiteral("Table 1, Table 2")));

    // A list in two tables of the same width (I. Tập thể, then II. Cá nhân): read whole.
    const QString split = dir.filePath(QStringLiteral("hai-bang.docx"));
    Test::Docx::write(split, Test::Docx::tableXml({{Cell{QStringLiteral("UBND")}, Cell{QStringLiteral("CỘNG HÒA")}}})
                                 + Test::Docx::tableXml(
                                     {{Cell{QStringLiteral("STT")}, Cell{QStringLiteral("Tên")}, Cell{QStringLiteral("Hình thức")}},
                                      {Cell{QStringLiteral("1")}, Cell{QStringLiteral("Phòng A")}, Cell{QStringLiteral("GK")}}})
                                 + Test::Docx::paragraphXml(QStringLiteral("II. Cá nhân"))
                                 + Test::Docx::tableXml({{Cell{QStringLiteral("1")}, Cell{QStringLiteral("Nguyễn Văn An")},
                                                          Cell{QStringLiteral("LĐTT")}}}));
    const Sheet whole = readFile(split).sheet;
    CHECK(whole.name == QStringLiteral("Table 2 + Table 3"));
    REQUIRE(whole.rows.size() == 3);
    CHECK(whole.rows.at(2).number == 3);
    CHECK(whole.rows.at(2).cell(1).text == QStringLiteral("Nguyễn Văn An"));
}

TEST_CASE("nomineeList_movementDossier_aRowWithoutAFormTakesTheOneOffered_aHeadingGivesItsForm", "[tables][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        ListOffice o(t.db());
        // catalogue-002 offers Giấy khen, and only it, at its annual occasion.
        const Dossier d = o.f.newDossier(2025, o.f.movement(), QStringLiteral("annual"));
        Sheet sheet;
        sheet.name = QStringLiteral("DS");
        auto row = [&](int n, const QStringList &cells) {
            Row r;
            r.number = n;
            for (const QString &c : cells)
                r.cells << Tables::Cell::fromText(c);
            sheet.rows << r;
        };
        row(1,
            {QStringLiteral("STT"), QStringLiteral("Họ và tên"), QStringLiteral("Đơn vị"), QStringLiteral("Hình thức khen thưởng")});
        row(2, {QStringLiteral("1"), QStringLiteral("Nguyễn Văn An"), QStringLiteral("Sở Nội vụ")});
        row(3, {QStringLiteral("A. Bằng khen của Chủ tịch UBND tỉnh")});
        row(4, {QStringLiteral("1"), QStringLiteral("Lê Văn Cường")});
        row(5, {QStringLiteral("Tổng cộng: 2 cá nhân")});
        const NomineeListPreview p = previewNomineeList(t.db(), d.id, sheet, mapNomineeList(sheet));
        REQUIRE(p.rows.size() == 2); // the heading and the total are not nominees
        CHECK(p.info.at(0).formCode == QLatin1String("GIAYKHEN"));
        CHECK(p.rows.at(0).status == RowStatus::New);
        CHECK(joined(p.rows.at(0)).contains(QStringLiteral("the only one the dossier's movement offers here")));
        CHECK(p.info.at(1).formCode == QLatin1String("BK_TINH"));
        CHECK(p.rows.at(1).status == RowStatus::Error); // not offered at this occasion: a reason is needed
        CHECK(joined(p.rows.at(1)).contains(QStringLiteral("does not offer")));
        CHECK(p.info.at(1).needsReason);
    });
}
