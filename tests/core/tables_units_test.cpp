// The office's list of units from a spreadsheet (issue 15 item 1): Vietnamese headers, a parent
// named by key or by name further down the sheet, kinds in the words offices write, a name
// column still in TCVN3; a preview in words, then all of it or nothing. Both backends.
#include "core/accounts/accountrepository.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/unitrepository.h"
#include "core/tables/csvreader.h"
#include "core/tables/tablefile.h"
#include "core/tables/unitimport.h"
#include "core/tables/unitmapping.h"
#include "support/testdatabase.h"
#include "tables_support.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;
using VinhDanh::Test::errorOf;

namespace {
qint64 addUnit(Database &db, const QString &name, const QString &key, const QString &kind, qint64 parent = 0)
{
    Unit u;
    u.key = key;
    u.name = name;
    u.kind = kind;
    u.parentId = parent;
    return UnitRepository(db).save(u);
}

int unitCount(Database &db)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM units")).scalar(0).toInt();
}

int auditCount(Database &db)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log")).scalar(0).toInt();
}

Unit unitByKey(Database &db, const QString &key)
{
    UnitRepository repo(db);
    const std::optional<Unit> u = repo.get(repo.idForKey(key));
    REQUIRE(u);
    return *u;
}

/// A province department's list as its office keeps it: a title line, Vietnamese headers, the
/// names typed in TCVN3 (.VnTime) as Excel shows them, two departments listed before the Sở they
/// belong to (one by its key, one by its name), and a commune merged into another in 2025.
QString unitListXlsx(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("danh-sach-don-vi.xlsx"));
    Test::XlsxWriter book(path);
    lxw_worksheet *ws = book.sheet(QStringLiteral("Đơn vị"));
    book.row(ws, 0, {QStringLiteral("DANH SÁCH ĐƠN VỊ")});
    book.row(ws, 1,
             {QStringLiteral("STT"), QStringLiteral("Mã đơn vị"), QStringLiteral("Tên đơn vị"), QStringLiteral("Đơn vị cấp trên"),
              QStringLiteral("Loại hình"), QStringLiteral("Ngày thành lập"), QStringLiteral("Ngày giải thể"),
              QStringLiteral("Đơn vị kế thừa")});
    book.row(ws, 2,
             {1, QStringLiteral("PKH"), QStringLiteral("Phßng KÕ ho¹ch"), QStringLiteral("SGD"), QStringLiteral("Phòng ban"),
              QStringLiteral("01/01/2010")});
    book.row(ws, 3,
             {2, QStringLiteral("PTC"), QStringLiteral("Phßng Tæ chøc c¸n bé"), QStringLiteral("Sở Giáo dục và Đào tạo"),
              QStringLiteral("phòng")});
    book.row(
        ws, 4,
        {3, QStringLiteral("SGD"), QStringLiteral("Së Gi¸o dôc vµ §µo t¹o"), QVariant(), QStringLiteral("Sở"), QDate(2008, 3, 15)});
    book.row(ws, 5,
             {4, QStringLiteral("XAB"), QStringLiteral("UBND x· An B×nh"), QVariant(), QStringLiteral("UBND xã"),
              QStringLiteral("01/01/2000"), QStringLiteral("30/06/2025"), QStringLiteral("UBND xã An Phú")});
    book.row(ws, 6,
             {5, QStringLiteral("XAP"), QStringLiteral("UBND x· An Phó"), QVariant(), QStringLiteral("Xã"),
              QStringLiteral("ngày 1 tháng 7 năm 2025")});
    book.close();
    return path;
}

UnitPreview previewFile(Database &db, const QString &path, TableFile *file = nullptr)
{
    const TableFile f = readFile(path);
    if (file)
        *file = f;
    return previewUnits(db, f.sheet, mapUnits(f.sheet));
}

UnitPreview previewCsv(Database &db, const QString &text)
{
    const Sheet s = CsvReader::read(text.toUtf8());
    return previewUnits(db, s, mapUnits(s));
}

QString reasonsOf(const UnitPreview &p, int sheetRow)
{
    for (const PreviewRow &r : p.rows)
        if (r.sheetRow == sheetRow)
            return reasonsText(r.reasons);
    return {};
}

RowStatus statusOf(const UnitPreview &p, int sheetRow)
{
    for (const PreviewRow &r : p.rows)
        if (r.sheetRow == sheetRow)
            return r.status;
    FAIL("no row " << sheetRow);
    return RowStatus::Error;
}
} // namespace

TEST_CASE("unitHeaders_inTheirUsualSpellings_withOrWithoutDiacritics_areMatched", "[tables][units]")
{
    const QStringList expected{QStringLiteral("key"),      QStringLiteral("name"),      QStringLiteral("parent"),
                               QStringLiteral("kind"),     QStringLiteral("validFrom"), QStringLiteral("validTo"),
                               QStringLiteral("successor")};
    for (const QString &header :
         {QStringLiteral("Mã đơn vị,Tên đơn vị,Đơn vị cấp trên,Loại hình,Ngày thành lập,Ngày giải thể,Đơn vị kế thừa"),
          QStringLiteral("Ma don vi,Don vi,Truc thuoc,Loai don vi,Hieu luc tu,Het hieu luc,Don vi ke thua"),
          QStringLiteral("MÃ ĐƠN VỊ,ĐƠN VỊ,TRỰC THUỘC,LOẠI ĐƠN VỊ,HIỆU LỰC TỪ,HẾT HIỆU LỰC,ĐƠN VỊ KẾ THỪA")}) {
        INFO(header.toStdString());
        const UnitMapping m = mapUnits(CsvReader::read((header + QLatin1Char('\n')).toUtf8()));
        QStringList fields;
        for (const UnitColumn &c : m.columns)
            fields << unitFieldName(c.field);
        CHECK(fields == expected);
    }
    CHECK(errorOf([] { mapUnits(CsvReader::read("Mã,Loại hình\n")); }).contains(QStringLiteral("unit-name column")));
    // The words offices write for the kinds the program has.
    CHECK(Values::unitKind(QStringLiteral("UBND phường")) == QStringLiteral("commune_ward"));
    CHECK(Values::unitKind(QStringLiteral("Xã")) == QStringLiteral("commune_ward"));
    CHECK(Values::unitKind(QStringLiteral("Sở")) == QStringLiteral("provincial_agency"));
    CHECK(Values::unitKind(QStringLiteral("Phòng, ban thuộc đơn vị")) == QStringLiteral("department"));
    CHECK(Values::unitKind(QStringLiteral("Doanh nghiệp")) == QStringLiteral("enterprise"));
    CHECK(Values::unitKind(QStringLiteral("MTTQ, tổ chức chính trị – xã hội")) == QStringLiteral("front_org"));
    CHECK(Values::unitKind(QStringLiteral("Hội")) == QStringLiteral("social_org"));
    CHECK(Values::unitKind(QStringLiteral("HTX")) == QStringLiteral("cooperative"));
    CHECK(Values::unitKind(QStringLiteral("Câu lạc bộ")).isEmpty());
}

TEST_CASE("unitList_withParentsBelowTheirChildren_importsParentsFirst", "[tables][units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        QTemporaryDir dir;
        TableFile file;
        const UnitPreview p = previewFile(db, unitListXlsx(dir), &file);
        INFO(p.rows.size());
        CHECK(p.headerRow == 2);
        // The TCVN3 name column was found and converted before anything was matched.
        REQUIRE(std::any_of(file.encodings.begin(), file.encodings.end(),
                            [](const ColumnEncoding &c) { return c.column == 2 && c.encoding == TextEncoding::Tcvn3; }));
        REQUIRE(p.rows.size() == 5);
        CHECK(p.count(RowStatus::New) == 5);
        CHECK(p.rows.at(0).name == QStringLiteral("Phòng Kế hoạch"));
        CHECK(reasonsOf(p, 3) == QStringLiteral("new unit: Department inside a unit, under Sở Giáo dục và Đào tạo"));
        CHECK(unitCount(db) == 0); // the preview writes nothing

        const UnitCommitResult done = commitUnits(db, p);
        CHECK(done.unitsAdded == 5);
        const Unit sgd = unitByKey(db, QStringLiteral("SGD"));
        CHECK(sgd.name == QStringLiteral("Sở Giáo dục và Đào tạo"));
        CHECK(sgd.kind == QStringLiteral("provincial_agency"));
        CHECK(sgd.validFrom == QDate(2008, 3, 15));
        const Unit pkh = unitByKey(db, QStringLiteral("PKH"));
        CHECK(pkh.parentId == sgd.id);
        CHECK(pkh.kind == QStringLiteral("department"));
        CHECK(pkh.validFrom == QDate(2010, 1, 1));
        CHECK(unitByKey(db, QStringLiteral("PTC")).parentId == sgd.id);
        const Unit xab = unitByKey(db, QStringLiteral("XAB"));
        CHECK(xab.kind == QStringLiteral("commune_ward"));
        CHECK(xab.validTo == QDate(2025, 6, 30));
        CHECK(xab.succeededById == unitByKey(db, QStringLiteral("XAP")).id);
        CHECK(unitByKey(db, QStringLiteral("XAP")).validFrom == QDate(2025, 7, 1));
        // Each unit written through the repository; the new ones are one batch entry (issue 15).
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'units'")).scalar().toInt() == 0);
        CHECK(Query(db.sql(), QStringLiteral("SELECT counts FROM import_batches"))
                  .scalar()
                  .toString()
                  .contains(QStringLiteral("{\"units\":{\"added\":5}}")));

        // The same list again changes nothing.
        const UnitPreview again = previewFile(db, dir.filePath(QStringLiteral("danh-sach-don-vi.xlsx")));
        CHECK(again.count(RowStatus::Unchanged) == 5);
    });
}

TEST_CASE("unitImport_unknownKindOrMissingParent_isARowErrorInWords_andWritesNothing", "[tables][units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("Sở Nội vụ"), QStringLiteral("SNV"), QStringLiteral("provincial_agency"));
        const int unitsBefore = unitCount(db);
        const int auditBefore = auditCount(db);
        const UnitPreview p = previewCsv(db, QStringLiteral("Tên đơn vị;Trực thuộc;Loại đơn vị;Hiệu lực từ;Hết hiệu lực\n"
                                                            "Phòng Hành chính;Sở Nội vụ;Phòng ban;;\n"    // 2: fine
                                                            "Câu lạc bộ Hưu trí;Sở Nội vụ;Câu lạc bộ;;\n" // 3: unknown kind
                                                            "Phòng Pháp chế;Sở Không Có;Phòng ban;;\n"    // 4: parent nowhere
                                                            "Xã Cũ;;Xã;01/07/2025;30/06/2025\n"           // 5: end before start
                                                            "Phòng Hành chính;Sở Nội vụ;Phòng ban;;\n"    // 6: row 2 again
                                                            "Ban A;Ban B;Phòng ban;;\n"                   // 7: a circle…
                                                            "Ban B;Ban A;Phòng ban;;\n"                   // 8: …with row 8
                                                            "Phòng Tài vụ;Sở Nội vụ;;;\n"));              // 9: no kind
        CHECK(statusOf(p, 2) == RowStatus::New);
        CHECK(statusOf(p, 3) == RowStatus::Error);
        CHECK(reasonsOf(p, 3).contains(QStringLiteral("column C (Loại đơn vị): \"Câu lạc bộ\" is not a kind of unit; write one of:")));
        CHECK(reasonsOf(p, 4)
              == QStringLiteral("column B (Trực thuộc): \"Sở Không Có\" is neither a unit of the registry nor a row of this sheet"));
        CHECK(reasonsOf(p, 5).contains(QStringLiteral("The valid-to date (30/06/2025) is before the valid-from date (01/07/2025)")));
        CHECK(reasonsOf(p, 6) == QStringLiteral("the same unit is already on row 2"));
        CHECK(reasonsOf(p, 7) == QStringLiteral("the parent units go round in a circle: Ban A → Ban B → Ban A"));
        CHECK(reasonsOf(p, 8) == QStringLiteral("the parent units go round in a circle: Ban B → Ban A → Ban B"));
        CHECK(reasonsOf(p, 9) == QStringLiteral("the kind of unit (Loại hình) is missing"));
        CHECK(p.count(RowStatus::Error) == 7);

        CHECK(errorOf([&] { commitUnits(db, p); }).contains(QStringLiteral("nothing was written")));
        CHECK(unitCount(db) == unitsBefore);
        CHECK(auditCount(db) == auditBefore);

        // The rejected rows, with their reasons, for the clerk to fix.
        QTemporaryDir dir;
        const QString rejected = dir.filePath(QStringLiteral("rejected.csv"));
        saveRejected(p, rejected);
        QFile f(rejected);
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(f.readAll());
        CHECK(csv.contains(QStringLiteral("Câu lạc bộ Hưu trí")));
        CHECK(csv.contains(QStringLiteral("the same unit is already on row 2")));
        CHECK_FALSE(csv.contains(QStringLiteral("Phòng Hành chính;Sở Nội vụ;Phòng ban;;;2;")));
    });
}

TEST_CASE("unitImport_existingUnitUnderTheSameParent_isChanged_notDuplicated", "[tables][units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 snv = addUnit(db, QStringLiteral("Sở Nội vụ"), QStringLiteral("SNV"), QStringLiteral("provincial_agency"));
        const qint64 stc = addUnit(db, QStringLiteral("Sở Tài chính"), QStringLiteral("STC"), QStringLiteral("provincial_agency"));
        const qint64 ptcSnv = addUnit(db, QStringLiteral("Phòng Tổ chức"), {}, QStringLiteral("department"), snv);
        addUnit(db, QStringLiteral("Phòng Tổ chức"), {}, QStringLiteral("department"), stc);
        const QString list = QStringLiteral("Đơn vị,Trực thuộc,Loại hình,Ngày thành lập\n"
                                            "PHÒNG TỔ CHỨC,so noi vu,Phòng ban,01/01/2015\n" // the registry's, a date added
                                            "Phòng Tổ chức,Sở Y tế,Phòng ban,\n"             // under a new Sở: a new unit
                                            "Sở Y tế,,Sở,\n"
                                            "Sở Tài chính,,,\n"); // as it is
        const UnitPreview p = previewCsv(db, list);
        CHECK(statusOf(p, 2) == RowStatus::Changed);
        CHECK(reasonsOf(p, 2) == QStringLiteral("name: Phòng Tổ chức → PHÒNG TỔ CHỨC; valid from: (empty) → 01/01/2015"));
        CHECK(statusOf(p, 3) == RowStatus::New);
        CHECK(statusOf(p, 4) == RowStatus::New);
        CHECK(statusOf(p, 5) == RowStatus::Unchanged);

        const UnitCommitResult done = commitUnits(db, p);
        CHECK(done.unitsAdded == 2);
        CHECK(done.unitsChanged == 1);
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM units WHERE search_key LIKE 'phong to chuc%'")).scalar().toInt()
              == 3);
        const std::optional<Unit> changed = UnitRepository(db).get(ptcSnv);
        REQUIRE(changed);
        CHECK(changed->validFrom == QDate(2015, 1, 1));
        CHECK(changed->parentId == snv);
        CHECK(changed->version == 2);
        // Read again: nothing new, nothing doubled.
        const UnitPreview again = previewCsv(db, list);
        CHECK(again.count(RowStatus::Unchanged) == 4);
    });
}

TEST_CASE("unitImport_cancelDuringCommit_leavesTheRegistryAsItWas", "[tables][units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        QTemporaryDir dir;
        const UnitPreview p = previewFile(db, unitListXlsx(dir));
        REQUIRE_FALSE(p.hasErrors());
        const int auditBefore = auditCount(db);
        std::atomic_bool cancel = false;
        const UnitCommitResult r = commitUnits(
            db, p, [&](int done, int) { cancel = done == 3; }, &cancel);
        CHECK(r.cancelled);
        CHECK(unitCount(db) == 0);
        CHECK(auditCount(db) == auditBefore);
    });
}

TEST_CASE("unitImport_byAClerk_staysInTheirSubtree_andTheSameKeyTwiceIsARowError", "[tables][units]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 snv = addUnit(db, QStringLiteral("Sở Nội vụ"), QStringLiteral("SNV"), QStringLiteral("provincial_agency"));
        addUnit(db, QStringLiteral("Sở Tài chính"), QStringLiteral("STC"), QStringLiteral("provincial_agency"));
        AccountRepository accounts(db);
        accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, QStringLiteral("mat-khau-dai-1"));
        accounts.login(QStringLiteral("quantri"), QStringLiteral("mat-khau-dai-1"));
        accounts.create(QStringLiteral("vanthu"), {}, QStringLiteral("clerk"), snv, QStringLiteral("mat-khau-dai-2"));
        accounts.login(QStringLiteral("vanthu"), QStringLiteral("mat-khau-dai-2"));
        const int before = unitCount(db);
        const UnitPreview p = previewCsv(db, QStringLiteral("Mã đơn vị,Tên đơn vị,Trực thuộc,Loại hình\n"
                                                            "P1,Phòng Tổ chức,SNV,Phòng ban\n"   // 2: theirs
                                                            "P2,Phòng Ngân sách,STC,Phòng ban\n" // 3: another Sở
                                                            "P1,Phòng Pháp chế,SNV,Phòng ban\n"  // 4: key of row 2
                                                            "SGD,Sở Giáo dục,,Sở\n"));           // 5: top level
        CHECK(statusOf(p, 2) == RowStatus::New);
        CHECK(reasonsOf(p, 3) == QStringLiteral("the parent unit is outside the units you may edit"));
        CHECK(reasonsOf(p, 4) == QStringLiteral("the key P1 is also given on row 2"));
        CHECK(reasonsOf(p, 5) == QStringLiteral("the parent unit is outside the units you may edit"));
        CHECK_THROWS(commitUnits(db, p));
        CHECK(unitCount(db) == before);
        // Their own unit alone goes in, under their Sở.
        const UnitCommitResult done = commitUnits(db, previewCsv(db, QStringLiteral("Mã đơn vị,Tên đơn vị,Trực thuộc,Loại hình\n"
                                                                                    "P1,Phòng Tổ chức,Sở Nội vụ,Phòng ban\n")));
        CHECK(done.unitsAdded == 1);
        CHECK(unitByKey(db, QStringLiteral("P1")).parentId == snv);
    });
}
