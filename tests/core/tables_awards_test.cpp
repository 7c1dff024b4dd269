// The award history and disciplines from the office's spreadsheets (issue 15 item 1): a staff
// list with five years of ratings and titles, then a list of bằng khen, imported; the
// eligibility engine counts the titles; a second import changes nothing. Both backends.
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "core/tables/awardimport.h"
#include "core/tables/awardmapping.h"
#include "core/tables/disciplineimport.h"
#include "core/tables/peopleimport.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/tablefile.h"
#include "eligibility_support.h"
#include "support/testdatabase.h"
#include "tables_support.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

#include <iconv.h>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;

namespace {
int count(Database &db, const char *table)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).scalar(0).toInt();
}

/// `text` in TCVN3 (ABC) as an old .VnTime workbook holds it: glibc's converter, each byte as
/// the Latin-1 character Excel shows.
QString tcvn3(const QString &text)
{
    iconv_t cd = iconv_open("TCVN5712-1", "UTF-8");
    REQUIRE(cd != iconv_t(-1));
    QByteArray in = text.toUtf8();
    QByteArray out(in.size() * 4, '\0');
    char *inp = in.data();
    char *outp = out.data();
    size_t inLeft = size_t(in.size()), outLeft = size_t(out.size());
    const size_t done = iconv(cd, &inp, &inLeft, &outp, &outLeft);
    iconv_close(cd);
    REQUIRE(done != size_t(-1));
    out.truncate(out.size() - qsizetype(outLeft));
    return QString::fromLatin1(out);
}

qint64 addUnit(Database &db, const QString &key, const QString &name)
{
    Unit u;
    u.key = key;
    u.name = name;
    u.kind = QStringLiteral("provincial_agency");
    return UnitRepository(db).save(u);
}

qint64 personId(Database &db, const QString &name)
{
    const QList<PersonRow> rows = PersonRepository(db).page(name, PersonRepository::Sort::Name, true, 0, 5);
    REQUIRE(rows.size() == 1);
    return rows.first().id;
}

/// The staff list offices keep: ratings and titles for 2021–2025, one column per year.
/// Hoa is CSTĐCS in 2024 and 2025 (two years running); Tùng in 2023 and 2025 (not running).
QString staffHistory(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("thi-dua-2021-2025.xlsx"));
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("Cán bộ"));
    book.row(ws, 0, {QStringLiteral("KẾT QUẢ XẾP LOẠI VÀ DANH HIỆU THI ĐUA 2021–2025")});
    book.row(ws, 2,
             {QStringLiteral("STT"), QStringLiteral("Họ và tên"), QStringLiteral("Ngày sinh"), QStringLiteral("Đơn vị"),
              QStringLiteral("Đối tượng"), QStringLiteral("Xếp loại 2021"), QStringLiteral("Xếp loại 2022"),
              QStringLiteral("Xếp loại 2023"), QStringLiteral("Xếp loại 2024"), QStringLiteral("Xếp loại 2025"),
              QStringLiteral("Danh hiệu 2021"), QStringLiteral("Danh hiệu 2022"), QStringLiteral("DH 2023"),
              QStringLiteral("Danh hiệu 2024"), QStringLiteral("Danh hiệu 2025")});
    const QString xs = QStringLiteral("HTXSNV"), tot = QStringLiteral("HTTNV");
    book.row(ws, 3,
             {1, QStringLiteral("Nguyễn Thị Hoa"), QDate(1985, 3, 8), QStringLiteral("Sở Tài chính"), QStringLiteral("Công chức"), tot,
              tot, xs, xs, xs, QStringLiteral("LĐTT"), QStringLiteral("Lao động tiên tiến"), QStringLiteral("LĐTT"),
              QStringLiteral("LĐTT, CSTĐCS"), QStringLiteral("Lao động tiên tiến; Chiến sĩ thi đua cơ sở")});
    book.row(ws, 4,
             {2, QStringLiteral("Lê Văn Tùng"), QStringLiteral("12/11/1979"), QStringLiteral("STC"), QStringLiteral("Công chức"), xs,
              tot, xs, tot, xs, QStringLiteral("LĐTT"), QStringLiteral("LĐTT"), QStringLiteral("LĐTT, CSTĐ cơ sở"),
              QStringLiteral("LĐTT"), QStringLiteral("LAO DONG TIEN TIEN, CSTDCS")});
    return path;
}

/// One award per row, as a decision's annex lists them: the form column typed in TCVN3
/// (.VnTime) and in the clerks' abbreviations, a collective's title, a one-off award.
QString decisionList(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("khen-thuong.xlsx"));
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("Khen thưởng"));
    book.row(ws, 0,
             {QStringLiteral("STT"), QStringLiteral("Họ và tên"), QStringLiteral("Đơn vị"), QStringLiteral("Tập thể"),
              QStringLiteral("Hình thức khen thưởng"), QStringLiteral("Năm"), QStringLiteral("Số QĐ"), QStringLiteral("Ngày QĐ"),
              QStringLiteral("Cấp quyết định"), QStringLiteral("Loại khen thưởng")});
    book.row(ws, 1,
             {1, QStringLiteral("Nguyễn Thị Hoa"), QStringLiteral("Sở Tài chính"), QVariant(),
              tcvn3(QStringLiteral("Bằng khen Chủ tịch UBND tỉnh")), 2025, QStringLiteral("125/QĐ-UBND"), QStringLiteral("15/01/2026"),
              QStringLiteral("Chủ tịch UBND tỉnh"), QVariant()});
    book.row(ws, 2,
             {2, QVariant(), QVariant(), QStringLiteral("Sở Tài chính"), tcvn3(QStringLiteral("Tập thể lao động xuất sắc")), 2025,
              QStringLiteral("126/QĐ-UBND"), QDate(2026, 1, 15), QStringLiteral("Chủ tịch UBND tỉnh"), QVariant()});
    book.row(ws, 3,
             {3, QStringLiteral("Lê Văn Tùng"), QStringLiteral("STC"), QVariant(), tcvn3(QStringLiteral("Giấy khen GĐ Sở")), 2024,
              QStringLiteral("45/QĐ-STC"), QStringLiteral("ngày 3 tháng 9 năm 2024"), QStringLiteral("Giám đốc Sở Tài chính"),
              QStringLiteral("Đột xuất")});
    return path;
}

AwardPreview previewAwardFile(Database &db, const QString &path)
{
    const TableFile file = readFile(path);
    return previewAwards(db, file.sheet, mapRecords(RecordList::Awards, file.sheet));
}
} // namespace

TEST_CASE("staffTitleHistoryAndBangKhen_areImported_countedByEligibility_andReimportChangesNothing", "[tables][awards][eligibility]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
        QTemporaryDir dir;
        const QString staff = staffHistory(dir);

        // The same workbook, read twice: as a staff list (people and ratings; the title columns
        // are left out), then as an award list (the titles; the rating columns are left out).
        const TableFile file = readFile(staff);
        const PeoplePreview people = previewPeople(db, file.sheet, mapPeople(file.sheet));
        REQUIRE_FALSE(people.hasErrors());
        CHECK(commitPeople(db, people).peopleAdded == 2);

        const AwardPreview titles = previewAwardFile(db, staff);
        INFO(reasonsText(titles.rows.value(0).reasons).toStdString());
        REQUIRE(titles.rows.size() == 2);
        CHECK(titles.count(RowStatus::New) == 2);
        CHECK(titles.plans.size() == 14); // each: five LĐTT and two CSTĐCS
        CHECK(titles.rows.at(0).name == QStringLiteral("Nguyễn Thị Hoa"));
        const AwardCommitResult done = commitAwards(db, titles);
        CHECK(done.awardsAdded == 14);
        CHECK(count(db, "awards") == 14);
        // One audit entry for the sheet (issue 15 item 6), not one per award.
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM import_batches WHERE source = 'awards-table'")).scalar(0).toInt()
              == 1);

        const qint64 hoa = personId(db, QStringLiteral("Nguyễn Thị Hoa"));
        const qint64 tung = personId(db, QStringLiteral("Lê Văn Tùng"));
        const QList<YearRecord> years = RecordRepository(db).yearRecords(Subject::person(hoa));
        REQUIRE(years.size() == 5);
        CHECK(years.first().year == 2025);
        CHECK(years.first().rating == QStringLiteral("HTXSNV"));
        CHECK(years.first().titleCodes == QStringList{QStringLiteral("LDTT"), QStringLiteral("CSTDCS")});
        CHECK(years.last().titleCodes == QStringList{QStringLiteral("LDTT")});

        // The decision's annex: a bằng khen, a collective's title and a one-off giấy khen.
        const AwardPreview decisions = previewAwardFile(db, decisionList(dir));
        for (const PreviewRow &r : decisions.rows)
            INFO(r.sheetRow << ": " << reasonsText(r.reasons).toStdString());
        REQUIRE(decisions.rows.size() == 3);
        CHECK(decisions.count(RowStatus::New) == 3);
        CHECK(commitAwards(db, decisions).awardsAdded == 3);
        const QList<AwardRow> hoaAwards = RecordRepository(db).awards(Subject::person(hoa));
        REQUIRE_FALSE(hoaAwards.isEmpty());
        const Award bk = hoaAwards.first().award; // newest first, highest rank first
        CHECK(bk.formCode == QStringLiteral("BK_TINH"));
        CHECK(bk.decisionNo == QStringLiteral("125/QĐ-UBND"));
        CHECK(bk.decisionDate == QDate(2026, 1, 15));
        CHECK(bk.authority == QStringLiteral("Chủ tịch UBND tỉnh"));
        CHECK(bk.kind == QStringLiteral("cong_trang"));
        const qint64 stc = UnitRepository(db).idForKey(QStringLiteral("STC"));
        const QList<AwardRow> unitAwards = RecordRepository(db).awards(Subject::unit(stc));
        REQUIRE(unitAwards.size() == 1);
        CHECK(unitAwards.first().award.formCode == QStringLiteral("TTLDXS"));
        const QList<AwardRow> tungAwards = RecordRepository(db).awards(Subject::person(tung));
        const auto gk = std::find_if(tungAwards.begin(), tungAwards.end(),
                                     [](const AwardRow &a) { return a.award.formCode == QLatin1String("GIAYKHEN"); });
        REQUIRE(gk != tungAwards.end());
        CHECK(gk->award.kind == QStringLiteral("dot_xuat"));
        CHECK(gk->award.decisionDate == QDate(2024, 9, 3));
        CHECK(gk->award.authority == QStringLiteral("Giám đốc Sở Tài chính"));

        // Two CSTĐCS running (2024, 2025) meet Điều 74 khoản 1 điểm d for Hoa; Tùng's 2023 and
        // 2025 do not run.
        Test::Office office(db);
        const Eligibility::Result forHoa = office.check(Subject::person(hoa), QStringLiteral("BK_TINH"), 2025);
        const Eligibility::ConditionResult *running = Test::find(forHoa.conditions, QStringLiteral("cstdcs-2-lan"));
        REQUIRE(running);
        CHECK(running->state == Eligibility::Verdict::Eligible);
        const Eligibility::Result forTung = office.check(Subject::person(tung), QStringLiteral("BK_TINH"), 2025);
        const Eligibility::ConditionResult *broken = Test::find(forTung.conditions, QStringLiteral("cstdcs-2-lan"));
        REQUIRE(broken);
        CHECK(broken->state == Eligibility::Verdict::NotEligible);

        // Importing both lists again: every row unchanged, nothing to write.
        const int awardsBefore = count(db, "awards"), auditBefore = count(db, "audit_log");
        for (const QString &path : {staff, decisionList(dir)}) {
            const AwardPreview again = previewAwardFile(db, path);
            CHECK(again.count(RowStatus::Unchanged) == again.rows.size());
            CHECK(again.plans.isEmpty());
            CHECK(commitAwards(db, again).awardsAdded == 0);
        }
        CHECK(count(db, "awards") == awardsBefore);
        CHECK(count(db, "audit_log") == auditBefore);
    });
}

TEST_CASE("awardImport_unknownOrAmbiguousForm_isARowErrorNamingTheWords_andWritesNothing", "[tables][awards]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
        Test::Office office(db);
        office.person(QStringLiteral("Trần Văn Nam"), UnitRepository(db).idForKey(QStringLiteral("STC")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sai.csv"));
        Test::writeAll(path, QStringLiteral("Họ và tên;Đơn vị;Hình thức khen thưởng;Năm\n"
                                            "Trần Văn Nam;STC;LĐTT;2024\n"
                                            "Trần Văn Nam;STC;Kỷ niệm chương vì sự nghiệp;2024\n"
                                            "Trần Văn Nam;STC;Bằng khen;2024\n"
                                            "Trần Văn Nam;STC;Tập thể lao động tiên tiến;2024\n"
                                            "Phạm Thị Lan;STC;LĐTT;2024\n")
                                 .toUtf8());
        const AwardPreview p = previewAwardFile(db, path);
        REQUIRE(p.rows.size() == 5);
        CHECK(p.rows.at(0).status == RowStatus::New);
        CHECK(p.rows.at(1).status == RowStatus::Error);
        CHECK(reasonsText(p.rows.at(1).reasons).contains(QStringLiteral("Kỷ niệm chương vì sự nghiệp")));
        CHECK(p.rows.at(2).status == RowStatus::Error);
        const QString ambiguous = reasonsText(p.rows.at(2).reasons);
        CHECK(ambiguous.contains(QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")));
        CHECK(ambiguous.contains(QStringLiteral("Bằng khen của Thủ tướng Chính phủ")));
        CHECK(p.rows.at(3).status == RowStatus::Error); // a collective's title for a person
        CHECK(p.rows.at(4).status == RowStatus::Error); // not in the registry
        CHECK(reasonsText(p.rows.at(4).reasons).contains(QStringLiteral("Phạm Thị Lan")));

        const int before = count(db, "awards");
        CHECK_THROWS_AS(commitAwards(db, p), Error);
        CHECK(count(db, "awards") == before);
    });
}

TEST_CASE("awardCommit_cancelledMidway_leavesTheDatabaseAsItWas", "[tables][awards]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
        QTemporaryDir dir;
        const QString staff = staffHistory(dir);
        const TableFile file = readFile(staff);
        commitPeople(db, previewPeople(db, file.sheet, mapPeople(file.sheet)));
        const AwardPreview p = previewAwardFile(db, staff);
        REQUIRE(p.plans.size() > 3);
        const int awards = count(db, "awards"), audit = count(db, "audit_log");
        std::atomic_bool cancel{false};
        int calls = 0;
        const AwardCommitResult r = commitAwards(
            db, p,
            [&](int done, int) {
                ++calls;
                if (done == 3)
                    cancel = true;
            },
            &cancel);
        CHECK(r.cancelled);
        CHECK(r.awardsAdded == 0);
        CHECK(calls == 3);
        CHECK(count(db, "awards") == awards);
        CHECK(count(db, "audit_log") == audit);
    });
}

TEST_CASE("disciplineList_isImported_reimportChangesNothing_andAnEditedEndDateChangesOne", "[tables][disciplines]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 stc = addUnit(db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
        Test::Office office(db);
        const qint64 nam = office.person(QStringLiteral("Trần Văn Nam"), stc);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ky-luat.csv"));
        const auto write = [&](const QString &end) {
            Test::writeAll(path, QStringLiteral("Họ và tên;Đơn vị;Hình thức kỷ luật;Từ ngày;Đến ngày;Số QĐ;Ghi chú\n"
                                                "Trần Văn Nam;Sở Tài chính;Khiển trách;01/03/2024;%1;12/QĐ-STC;\n"
                                                "Trần Văn Nam;STC;Cảnh cáo;2025-02-01;;;Chưa hết hiệu lực\n")
                                     .arg(end)
                                     .toUtf8());
        };
        const auto preview = [&] {
            const TableFile file = readFile(path);
            return previewDisciplines(db, file.sheet, mapRecords(RecordList::Disciplines, file.sheet));
        };
        write(QStringLiteral("28/02/2025"));
        const DisciplinePreview first = preview();
        REQUIRE(first.rows.size() == 2);
        CHECK(first.count(RowStatus::New) == 2);
        CHECK(commitDisciplines(db, first).disciplinesAdded == 2);
        const QList<Discipline> stored = RecordRepository(db).disciplines(Subject::person(nam));
        REQUIRE(stored.size() == 2);
        CHECK(stored.last().kind == QStringLiteral("khien_trach"));
        CHECK(stored.last().endDate == QDate(2025, 2, 28));
        CHECK(stored.first().kind == QStringLiteral("canh_cao"));
        CHECK_FALSE(stored.first().endDate.isValid());

        CHECK(preview().count(RowStatus::Unchanged) == 2);

        write(QStringLiteral("31/03/2025"));
        const DisciplinePreview edited = preview();
        CHECK(edited.rows.at(0).status == RowStatus::Changed);
        CHECK(edited.rows.at(1).status == RowStatus::Unchanged);
        CHECK(commitDisciplines(db, edited).disciplinesChanged == 1);
        CHECK(RecordRepository(db).disciplines(Subject::person(nam)).last().endDate == QDate(2025, 3, 31));

        // An unknown kind is a row error that names the kinds; nothing is written.
        Test::writeAll(path, QStringLiteral("Họ và tên;Đơn vị;Hình thức kỷ luật;Từ ngày\n"
                                            "Trần Văn Nam;STC;Phê bình;01/06/2025\n")
                                 .toUtf8());
        const DisciplinePreview wrong = preview();
        REQUIRE(wrong.rows.size() == 1);
        CHECK(wrong.rows.at(0).status == RowStatus::Error);
        CHECK(reasonsText(wrong.rows.at(0).reasons).contains(QStringLiteral("Phê bình")));
        CHECK_THROWS_AS(commitDisciplines(db, wrong), Error);
        CHECK(RecordRepository(db).disciplines(Subject::person(nam)).size() == 2);
    });
}

TEST_CASE("titleColumns_dashMeansNoTitle_andARowNamingBothPersonAndCollective_isAnError", "[tables][awards]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 stc = addUnit(db, QStringLiteral("STC"), QStringLiteral("Sở Tài chính"));
        Test::Office office(db);
        office.person(QStringLiteral("Trần Văn Nam"), stc);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dh.csv"));
        Test::writeAll(path, QStringLiteral("Họ và tên;Đơn vị;Tập thể;DH 2023;DH 2024\n"
                                            "Trần Văn Nam;STC;;–;LĐTT\n"
                                            "Trần Văn Nam;STC;Sở Tài chính;LĐTT;\n"
                                            ";;Sở Tài chính;Tập thể LĐTT;-\n")
                                 .toUtf8());
        const AwardPreview p = previewAwardFile(db, path);
        REQUIRE(p.rows.size() == 3);
        CHECK(p.rows.at(0).status == RowStatus::New);
        CHECK(p.rows.at(0).reasons == QStringList{QStringLiteral("new award: Lao động tiên tiến, 2024")});
        CHECK(p.rows.at(1).status == RowStatus::Error);
        CHECK(reasonsText(p.rows.at(1).reasons).contains(QStringLiteral("both a person and a collective")));
        CHECK(p.rows.at(2).status == RowStatus::New);
        CHECK(p.rows.at(2).name == QStringLiteral("Sở Tài chính"));
        CHECK(p.rows.at(2).reasons == QStringList{QStringLiteral("new award: Tập thể lao động tiên tiến, 2023")});
    });
}
