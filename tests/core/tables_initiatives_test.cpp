// Initiatives (sáng kiến) from the office's spreadsheets (issue 15 item 1): one row per holder,
// "used for" an award of a holder; the eligibility engine counts what was imported; a second
// import changes nothing; errors and a cancel write nothing. Both backends.
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "core/tables/awardmapping.h"
#include "core/tables/initiativeimport.h"
#include "core/tables/tablefile.h"
#include "core/tables/templates.h"
#include "eligibility_support.h"
#include "support/testdatabase.h"
#include "tables_support.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;

namespace {
int count(Database &db, const char *table)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).scalar(0).toInt();
}

qint64 addUnit(Database &db, const QString &key, const QString &name)
{
    Unit u;
    u.key = key;
    u.name = name;
    u.kind = QStringLiteral("provincial_agency");
    return UnitRepository(db).save(u);
}

InitiativePreview previewFile(Database &db, const QString &path)
{
    const TableFile file = readFile(path);
    return previewInitiatives(db, file.sheet, mapRecords(RecordList::Initiatives, file.sheet));
}

/// Lan: HTXSNV 2024 and 2025 and a BK tỉnh for 2025, given (demo's rule) for two initiatives.
struct Candidate
{
    qint64 unit = 0, lan = 0, minh = 0, bk = 0;
    explicit Candidate(Test::Office &o)
    {
        unit = addUnit(o.db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
        lan = o.person(QStringLiteral("Nguyễn Thị Lan"), unit);
        minh = o.person(QStringLiteral("Trần Văn Minh"), unit);
        o.rate(Subject::person(lan), 2024, 2025, QStringLiteral("HTXSNV"));
        bk = o.award(Subject::person(lan), QStringLiteral("BK_TINH"), 2025);
    }
};

/// BK tỉnh 2025 with the judgements every branch shares confirmed, so the verdict turns on the
/// "hai-sang-kien" branch (two HTXSNV years and two unused initiatives).
Eligibility::Result checkBkTinh(Test::Office &o, qint64 person)
{
    return o.check(Subject::person(person), QStringLiteral("BK_TINH"), 2025,
                   {{QStringLiteral("chap-hanh"), QStringLiteral("Đã xác nhận")},
                    {QStringLiteral("khong-dang-xem-xet"), QStringLiteral("Đã xác nhận")}});
}

const char *kList = "STT;Tên sáng kiến;Tác giả;Đơn vị;Số QĐ công nhận;Ngày QĐ;Cấp công nhận;Dùng để đề nghị;Ghi chú\n"
                    "1;Số hóa hồ sơ lưu trữ;Nguyễn Thị Lan;Sở Tài chính;15/QĐ-STC;20/10/2024;cơ sở;BK UBND tỉnh 2025;\n"
                    ";SỐ HÓA HỒ SƠ LƯU TRỮ;Trần Văn Minh;STC;15/QĐ-STC;;;;\n"
                    "2;Một cửa điện tử;Nguyễn Thị Lan;STC;22/QĐ-STC;05/09/2025;Cấp cơ sở;Bằng khen Chủ tịch UBND tỉnh năm 2025;"
                    "Áp dụng toàn Sở\n";
} // namespace

TEST_CASE("initiativeList_twoAuthorsUsedForBkTinh_makesTheCandidateEligible_andAReimportChangesNothing", "[tables][initiatives]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::Office o(db);
        const Candidate c(o);
        const Eligibility::Result before = checkBkTinh(o, c.lan);
        CHECK(before.verdict != Eligibility::Verdict::Eligible);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sang-kien.csv"));
        Test::writeAll(path, QByteArray(kList));
        const InitiativePreview p = previewFile(db, path);
        QString rows;
        for (const PreviewRow &r : p.rows)
            rows += QStringLiteral("%1: %2\n").arg(r.sheetRow).arg(reasonsText(r.reasons));
        INFO(rows.toStdString());
        REQUIRE(p.rows.size() == 3);
        CHECK_FALSE(p.hasErrors());
        CHECK(p.plans.size() == 2); // two rows, one initiative with two holders
        const InitiativeCommitResult done = commitInitiatives(db, p);
        CHECK(done.initiativesAdded == 2);

        const QList<Initiative> lans = RecordRepository(db).initiatives(c.lan);
        REQUIRE(lans.size() == 2);
        const QList<Initiative> minhs = RecordRepository(db).initiatives(c.minh);
        REQUIRE(minhs.size() == 1);
        CHECK(minhs.first().title == QStringLiteral("Số hóa hồ sơ lưu trữ"));
        CHECK(minhs.first().holderIds.size() == 2);
        CHECK(minhs.first().level == QStringLiteral("co_so"));
        CHECK(minhs.first().decisionDate == QDate(2024, 10, 20));
        for (const Initiative &i : lans)
            CHECK(i.usedForAwardId == c.bk);

        // Both initiatives serve that very award, so the engine counts them for it.
        const Eligibility::Result after = checkBkTinh(o, c.lan);
        const Eligibility::ConditionResult *two = Test::find(after.conditions, QStringLiteral("sang-kien-2"));
        REQUIRE(two);
        CHECK(two->state == Eligibility::Verdict::Eligible);
        CHECK(after.verdict == Eligibility::Verdict::Eligible);

        // The same list again: every row unchanged, nothing written, not even an audit entry.
        const int audit = count(db, "audit_log");
        const InitiativePreview again = previewFile(db, path);
        CHECK(again.count(RowStatus::Unchanged) == 3);
        CHECK(again.plans.isEmpty());
        CHECK(commitInitiatives(db, again).initiativesAdded == 0);
        CHECK(count(db, "initiatives") == 2);
        CHECK(count(db, "initiative_holders") == 3);
        CHECK(count(db, "audit_log") == audit);
    });
}

TEST_CASE("initiativeList_unknownAuthorOrMissingAward_isARowErrorInWords_andWritesNothing", "[tables][initiatives]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::Office o(db);
        const Candidate c(o);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sang-kien.csv"));
        // Headers without diacritics, as some offices type them.
        Test::writeAll(path, QStringLiteral("Ten sang kien;Ho va ten;Don vi;So QD cong nhan;Ngay QD;Pham vi anh huong;Su dung cho\n"
                                            "Kho dữ liệu số;Phạm Văn Vắng;STC;30/QĐ-STC;01/06/2025;cấp tỉnh;\n"
                                            "Kho dữ liệu số;Trần Văn Minh;STC;30/QĐ-STC;;;\n"
                                            "Sổ tay điện tử;Trần Văn Minh;STC;31/QĐ-STC;01/06/2025;toàn quốc;CSTĐCS 2025\n")
                                 .toUtf8());
        const InitiativePreview p = previewFile(db, path);
        REQUIRE(p.rows.size() == 3);
        CHECK(p.rows.at(0).status == RowStatus::Error);
        CHECK(reasonsText(p.rows.at(0).reasons).contains(QStringLiteral("Phạm Văn Vắng")));
        // Minh's row of that initiative waits for the faulty one.
        CHECK(p.rows.at(1).status == RowStatus::Error);
        CHECK(reasonsText(p.rows.at(1).reasons).contains(QStringLiteral("row 2")));
        // Minh has no CSTĐCS 2025 to have used the initiative for.
        CHECK(p.rows.at(2).status == RowStatus::Error);
        CHECK(reasonsText(p.rows.at(2).reasons).contains(QStringLiteral("Trần Văn Minh")));
        CHECK(reasonsText(p.rows.at(2).reasons).contains(QStringLiteral("2025")));
        CHECK_THROWS_AS(commitInitiatives(db, p), Error);
        CHECK(count(db, "initiatives") == 0);
        CHECK(count(db, "initiative_holders") == 0);
    });
}

TEST_CASE("initiativeCommit_cancelledMidway_leavesTheDatabaseAsItWas", "[tables][initiatives]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::Office o(db);
        const Candidate c(o);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sang-kien.csv"));
        Test::writeAll(path, QByteArray(kList));
        const InitiativePreview p = previewFile(db, path);
        REQUIRE(p.plans.size() == 2);
        const int audit = count(db, "audit_log");
        std::atomic_bool cancel{false};
        int calls = 0;
        const InitiativeCommitResult r = commitInitiatives(
            db, p,
            [&](int, int) {
                ++calls;
                cancel = true;
            },
            &cancel);
        CHECK(r.cancelled);
        CHECK(r.initiativesAdded == 0);
        CHECK(calls == 1);
        CHECK(count(db, "initiatives") == 0);
        CHECK(count(db, "initiative_holders") == 0);
        CHECK(count(db, "audit_log") == audit);
    });
}

TEST_CASE("initiativeTemplate_mapsWithNoMappingFile_andAFilledInRowImports_withEveryLevelOfItsDropDown",
          "[tables][initiatives][templates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::Office o(db);
        const Candidate c(o);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mau-sang-kien.xlsx"));
        writeTemplate(&db, TemplateKind::Initiatives, path);
        Sheet sheet = readFile(path).sheet;
        const RecordMapping m = mapRecords(RecordList::Initiatives, sheet);
        CHECK(m.unrecognised.isEmpty());
        CHECK(m.headerRow == kTemplateHeaderRow);
        CHECK(m.columns.size() == templateSpec(TemplateKind::Initiatives, 2025).columns.size());

        // Every level the drop-down offers is one the import reads.
        QSet<QString> levels;
        for (const QString &word : choiceValues(&db, ChoiceList::InitiativeLevels))
            levels.insert(Values::initiativeLevel(word));
        CHECK(levels == QSet<QString>{QStringLiteral("co_so"), QStringLiteral("tinh"), QStringLiteral("toan_quoc")});

        // A row filled in under the template's own headers, as a clerk types it.
        const auto value = [&](const QString &header) -> QString {
            static const QHash<QString, QString> typed = {
                {QStringLiteral("Tên sáng kiến"), QStringLiteral("Sổ tay số")},
                {QStringLiteral("Họ và tên"), QStringLiteral("Trần Văn Minh")},
                {QStringLiteral("Đơn vị"), QStringLiteral("Sở Tài chính")},
                {QStringLiteral("Số QĐ công nhận"), QStringLiteral("40/QĐ-STC")},
                {QStringLiteral("Ngày QĐ"), QStringLiteral("02/12/2025")},
                {QStringLiteral("Cấp công nhận"), QStringLiteral("Cấp tỉnh")},
            };
            return typed.value(header);
        };
        Row row;
        row.number = kTemplateHeaderRow + 1;
        for (const Cell &h : sheet.rows.at(m.headerIndex).cells)
            row.cells << Cell::fromText(value(h.text));
        sheet.rows = sheet.rows.mid(0, m.headerIndex + 1) << row; // the data sheet's blank rows left out
        const InitiativePreview p = previewInitiatives(db, sheet, m);
        REQUIRE(p.rows.size() == 1);
        INFO(reasonsText(p.rows.at(0).reasons).toStdString());
        CHECK(p.rows.at(0).status == RowStatus::New);
        CHECK(commitInitiatives(db, p).initiativesAdded == 1);
        const QList<Initiative> stored = RecordRepository(db).initiatives(c.minh);
        REQUIRE(stored.size() == 1);
        CHECK(stored.first().level == QStringLiteral("tinh"));
        CHECK(stored.first().decisionDate == QDate(2025, 12, 2));
    });
}

TEST_CASE("initiativeList_aLaterHolderRowAddsTheHolder_andTwoLevelsForOneInitiativeAreAnError", "[tables][initiatives]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::Office o(db);
        const Candidate c(o);
        const qint64 ha = o.person(QStringLiteral("Lê Thu Hà"), c.unit);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sang-kien.csv"));
        Test::writeAll(path, QByteArray(kList));
        REQUIRE(commitInitiatives(db, previewFile(db, path)).initiativesAdded == 2);

        // Hà joins the first initiative; nothing else changes.
        Test::writeAll(path, QByteArray(kList) + QStringLiteral(";Số hóa hồ sơ lưu trữ;Lê Thu Hà;STC;15/QĐ-STC;;;;\n").toUtf8());
        const InitiativePreview more = previewFile(db, path);
        REQUIRE(more.rows.size() == 4);
        CHECK(more.rows.at(0).status == RowStatus::Changed);
        CHECK(reasonsText(more.rows.at(0).reasons).contains(QStringLiteral("holders added: Lê Thu Hà")));
        CHECK(more.rows.at(2).status == RowStatus::Unchanged);
        CHECK(commitInitiatives(db, more).initiativesChanged == 1);
        REQUIRE(RecordRepository(db).initiatives(ha).size() == 1);
        CHECK(RecordRepository(db).initiatives(ha).first().holderIds.size() == 3);
        CHECK(count(db, "initiatives") == 2);

        // Two authors in one cell: the row says how to write them.
        Test::writeAll(path, QStringLiteral("Tên sáng kiến;Tác giả;Đơn vị;Cấp công nhận\n"
                                            "Bản đồ số;\"Nguyễn Thị Lan, Trần Văn Minh\";STC;cơ sở\n")
                                 .toUtf8());
        const InitiativePreview joined = previewFile(db, path);
        REQUIRE(joined.rows.size() == 1);
        CHECK(joined.rows.at(0).status == RowStatus::Error);
        CHECK(reasonsText(joined.rows.at(0).reasons).contains(QStringLiteral("one author per row")));

        // The same initiative said to be of two levels: an error naming both, nothing written.
        Test::writeAll(path, QStringLiteral("Tên sáng kiến;Tác giả;Đơn vị;Cấp công nhận\n"
                                            "Bản đồ số;Nguyễn Thị Lan;STC;cơ sở\n"
                                            "Bản đồ số;Trần Văn Minh;STC;toàn quốc\n")
                                 .toUtf8());
        const InitiativePreview clash = previewFile(db, path);
        REQUIRE(clash.rows.size() == 2);
        CHECK(clash.rows.at(1).status == RowStatus::Error);
        CHECK(reasonsText(clash.rows.at(1).reasons).contains(QStringLiteral("row 2")));
        CHECK(clash.rows.at(0).status == RowStatus::Error);
        CHECK_THROWS_AS(commitInitiatives(db, clash), Error);
        CHECK(count(db, "initiatives") == 2);
    });
}
