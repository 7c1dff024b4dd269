// Templates to fill and the rejected rows as XLSX (issue 15 items 2 and 3): a template's header
// maps with no mapping file, its example is never read as a row, its drop-downs hold what the
// import reads (the database's units on a hidden sheet); refused rows come back as a workbook
// whose cells are text, never formulas.
#include "core/accounts/accountrepository.h"
#include "core/catalogue/catalogue.h"
#include "core/db/query.h"
#include "core/domain/codes.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "core/tables/awardimport.h"
#include "core/tables/awardmapping.h"
#include "core/tables/csvreader.h"
#include "core/tables/disciplineimport.h"
#include "core/tables/formnames.h"
#include "core/tables/peopleimport.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/tablefile.h"
#include "core/tables/templates.h"
#include "core/tables/unitimport.h"
#include "core/tables/unitmapping.h"
#include "core/tables/xlsxreader.h"
#include "core/tables/zipreader.h"
#include "core/text/csv.h"
#include "support/testdatabase.h"
#include "tables_support.h"

#include <catch2/catch.hpp>

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;

namespace {
constexpr int kYear = 2025; // the last rating column: Xếp loại 2021 … Xếp loại 2025

qint64 addUnit(Database &db, const QString &name, const QString &key, const QString &validTo = {})
{
    Unit u;
    u.key = key;
    u.name = name;
    u.kind = QStringLiteral("provincial_agency");
    if (!validTo.isEmpty()) {
        u.validFrom = QDate(2000, 1, 1);
        u.validTo = QDate::fromString(validTo, Qt::ISODate);
    }
    return UnitRepository(db).save(u);
}

/// An entry of the workbook's zip container, read with the project's own zip reader.
QByteArray entry(const QString &path, const QString &name)
{
    const QByteArray bytes = Test::readAll(path);
    return ZipReader(bytes).read(name);
}

/// The header row of the template's data sheet, as the import reads it back.
QStringList templateHeaders(const QString &path)
{
    const TableFile file = readFile(path);
    REQUIRE(file.sheet.rows.size() >= 2);
    const Row &header = file.sheet.rows.at(1);
    CHECK(header.number == kTemplateHeaderRow);
    QStringList out;
    for (const Cell &c : header.cells)
        out << c.text;
    return out;
}

/// `rows` under `headers` as the CSV Excel saves, read as the import reads it: the template
/// filled in without libxlsxwriter.
Sheet filledIn(const QStringList &headers, const QList<QStringList> &rows)
{
    return CsvReader::read(Csv::file(QList<QStringList>{headers} + rows, Csv::kExcelSeparator));
}

QString columnOfHeader(const QStringList &headers, const QString &header)
{
    const qsizetype i = headers.indexOf(header);
    REQUIRE(i >= 0);
    return columnName(int(i));
}
} // namespace

TEST_CASE("peopleTemplate_mapsWithNoMappingFile_andItsExampleIsNeverARow", "[tables][templates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("Sở Nội vụ"), QStringLiteral("SNV"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mau-can-bo.xlsx"));
        writeTemplate(&db, TemplateKind::People, path, kYear);

        const TableFile file = readFile(path);
        CHECK(file.format == QStringLiteral("XLSX"));
        CHECK(file.hiddenSheets == QStringList{QString::fromUtf8(kChoicesSheet)});
        const PeopleMapping m = mapPeople(file.sheet);
        CHECK(m.headerRow == kTemplateHeaderRow);
        CHECK(m.unrecognised.isEmpty());
        const TemplateSpec spec = templateSpec(TemplateKind::People, kYear);
        CHECK(m.columns.size() == spec.columns.size());
        for (const MappedColumn &c : m.columns)
            CHECK(c.field != Field::Ignore);
        CHECK(m.yearColumns().size() == 5);
        CHECK(m.yearColumns().first().year == 2021);
        CHECK(m.yearColumns().last().year == kYear);

        // The example is on the guide sheet only: the empty template has nothing to import.
        const PeoplePreview p = previewPeople(db, file.sheet, m);
        CHECK(p.rows.isEmpty());
        const Sheet guide = XlsxWorkbook(Test::readAll(path)).read(QStringLiteral("Guide"));
        bool exampleShown = false;
        for (const Row &r : guide.rows)
            exampleShown = exampleShown || r.cell(3).text == QStringLiteral("Nguyễn Thị Hoa");
        CHECK(exampleShown);
    });
}

TEST_CASE("peopleTemplate_filledWithItsDropDownValues_importsTwoPeopleAndTheirRatings", "[tables][templates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 snv = addUnit(db, QStringLiteral("Sở Nội vụ"), QStringLiteral("SNV"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mau.xlsx"));
        writeTemplate(&db, TemplateKind::People, path, kYear);
        const QStringList headers = templateHeaders(path);
        REQUIRE(headers.size() == 13); // Mã … Số CCCD, then five years

        const QStringList ratings = choiceValues(&db, ChoiceList::Ratings);
        const QStringList units = choiceValues(&db, ChoiceList::Units);
        REQUIRE(units == QStringList{QStringLiteral("Sở Nội vụ")});
        const Sheet s = filledIn(
            headers,
            {{QString(), QStringLiteral("Nguyễn Thị Hoa"), QStringLiteral("14/02/1990"), QStringLiteral("Nữ"), units.at(0),
              QStringLiteral("Chuyên viên"), QStringLiteral("Công chức"), QStringLiteral("001090000123"), QString(), QString(),
              ratings.at(2), ratings.at(1), ratings.at(0)},
             {QString(), QStringLiteral("Lê Văn Bình"), QStringLiteral("03/05/1985"), QStringLiteral("Nam"), units.at(0), QString(),
              QStringLiteral("Người lao động"), QString(), ratings.at(3), QString(), QString(), QString(), ratings.at(1)}});
        const PeopleMapping m = mapPeople(s);
        CHECK(m.unrecognised.isEmpty());
        const PeoplePreview p = previewPeople(db, s, m);
        REQUIRE(p.rows.size() == 2);
        CHECK_FALSE(p.hasErrors());
        CHECK(p.count(RowStatus::New) == 2);
        const CommitResult done = commitPeople(db, p);
        CHECK(done.peopleAdded == 2);
        CHECK(done.ratingsSet == 5);
        const qint64 hoa = Query(db.sql(), QStringLiteral("SELECT id FROM people WHERE full_name = :n"))
                               .bind(QStringLiteral(":n"), QStringLiteral("Nguyễn Thị Hoa"))
                               .scalar(0)
                               .toLongLong();
        const std::optional<Person> person = PersonRepository(db).get(hoa);
        REQUIRE(person);
        CHECK(person->unitId == snv);
        CHECK(person->gender == QStringLiteral("female"));
        CHECK(person->category == QStringLiteral("cong_chuc"));
        CHECK(person->cccd == QStringLiteral("001090000123"));
        QStringList years;
        for (const Rating &r : RecordRepository(db).ratings(Subject::person(hoa)))
            years << QStringLiteral("%1 %2").arg(r.year).arg(r.rating);
        years.sort();
        CHECK(years == QStringList{QStringLiteral("2023 HTNV"), QStringLiteral("2024 HTTNV"), QStringLiteral("2025 HTXSNV")});
    });
}

TEST_CASE("everyDropDownValue_isReadByTheImport_andTogetherTheyCoverEveryCode", "[tables][templates]")
{
    auto covers = [](ChoiceList list, Codes::Set set, QString (*read)(const QString &)) {
        QSet<QString> codes;
        for (const QString &value : choiceValues(nullptr, list)) {
            INFO(value.toStdString());
            const QString code = read(value);
            CHECK_FALSE(code.isEmpty());
            codes.insert(code);
        }
        CHECK(codes.size() == Codes::list(set).size());
    };
    covers(ChoiceList::Ratings, Codes::Set::TaskRating, Values::rating);
    covers(ChoiceList::Genders, Codes::Set::Gender, Values::gender);
    covers(ChoiceList::Categories, Codes::Set::PersonCategory, Values::category);
    covers(ChoiceList::UnitKinds, Codes::Set::UnitKind, Values::unitKind);
    covers(ChoiceList::AwardKinds, Codes::Set::AwardKind, Values::awardKind);
    covers(ChoiceList::DisciplineKinds, Codes::Set::DisciplineKind, Values::disciplineKind);
    // Every award form of the catalogue by its name, as the drop-down offers it.
    const QList<AwardForm> forms = Catalogue::awardForms();
    const QStringList names = choiceValues(nullptr, ChoiceList::AwardForms);
    REQUIRE(names.size() == forms.size());
    QSet<QString> codes;
    for (const QString &name : names)
        codes.insert(awardFormCode(forms, name));
    CHECK(codes.size() == forms.size());
    CHECK_FALSE(codes.contains(QString()));
}

TEST_CASE("templateDropDowns_listTheDatabasesUnitsOnAHiddenSheet_byKeyWhereANameIsShared", "[tables][templates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("Sở Nội vụ"), QStringLiteral("SNV"));
        addUnit(db, QStringLiteral("Phòng Tổng hợp"), QStringLiteral("SNV-TH"));
        addUnit(db, QStringLiteral("Phòng Tổng hợp"), QStringLiteral("STC-TH"));
        addUnit(db, QStringLiteral("UBND xã An Bình"), QStringLiteral("XAB"), QStringLiteral("2025-06-30")); // merged away
        addUnit(db, QStringLiteral("Ban Thi đua – Khen thưởng"), QStringLiteral("BTDKT"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mau.xlsx"));
        writeTemplate(&db, TemplateKind::People, path, kYear);

        // Vietnamese order (Ban, Phòng…, Sở), the shared name by key, the dissolved unit left out.
        const Sheet lists = XlsxWorkbook(Test::readAll(path)).read(QString::fromUtf8(kChoicesSheet));
        QStringList units;
        int unitColumn = -1;
        for (int c = 0; c < lists.rows.first().cells.size(); ++c)
            if (lists.rows.first().cell(c).text == QStringLiteral("Đơn vị"))
                unitColumn = c;
        REQUIRE(unitColumn >= 0);
        for (int r = 1; r < lists.rows.size(); ++r)
            if (!lists.rows.at(r).cell(unitColumn).isEmpty())
                units << lists.rows.at(r).cell(unitColumn).text;
        CHECK(units
              == QStringList{QStringLiteral("Ban Thi đua – Khen thưởng"), QStringLiteral("SNV-TH"), QStringLiteral("STC-TH"),
                             QStringLiteral("Sở Nội vụ")});

        // The list sheet is hidden; each drop-down names its range, which covers the list.
        const QString workbook = QString::fromUtf8(entry(path, QStringLiteral("xl/workbook.xml")));
        CHECK(QRegularExpression(QStringLiteral("<sheet name=\"Danh mục\"[^>]*state=\"hidden\"")).match(workbook).hasMatch());
        CHECK(workbook.contains(
            QStringLiteral("<definedName name=\"DM_DonVi\">'Danh mục'!$%1$2:$%1$5</definedName>").arg(columnName(unitColumn))));
        const QString sheet = QString::fromUtf8(entry(path, QStringLiteral("xl/worksheets/sheet1.xml")));
        const QStringList headers = templateHeaders(path);
        const QString unitCol = columnOfHeader(headers, QStringLiteral("Đơn vị"));
        CHECK(QRegularExpression(
                  QStringLiteral(
                      "<dataValidation type=\"list\" errorStyle=\"warning\"[^>]*sqref=\"%1%2:%1%3\"><formula1>DM_DonVi</formula1>")
                      .arg(unitCol)
                      .arg(kTemplateHeaderRow + 1)
                      .arg(kMaxRows))
                  .match(sheet)
                  .hasMatch());
        const QString ratingCol = columnOfHeader(headers, QStringLiteral("Xếp loại 2025"));
        CHECK(
            QRegularExpression(QStringLiteral("<dataValidation type=\"list\" [^>]*sqref=\"%1%2:%1%3\"><formula1>DM_XepLoai</formula1>")
                                   .arg(ratingCol)
                                   .arg(kTemplateHeaderRow + 1)
                                   .arg(kMaxRows))
                .match(sheet)
                .hasMatch());
        CHECK(sheet.contains(QStringLiteral("<formula1>DM_GioiTinh</formula1>")));
        CHECK(sheet.contains(QStringLiteral("<formula1>DM_DoiTuong</formula1>")));
        // The header row stays in view (frozen below row 2).
        CHECK(sheet.contains(QStringLiteral("topLeftCell=\"A3\"")));
    });
}

TEST_CASE("templateWithoutADatabase_hasTheBuiltInListsOnly_andAClerkSeesTheirOwnUnits", "[tables][templates]")
{
    QTemporaryDir dir;
    const QString bare = dir.filePath(QStringLiteral("mau-khong-csdl.xlsx"));
    writeTemplate(nullptr, TemplateKind::People, bare, kYear);
    const QString sheet = QString::fromUtf8(entry(bare, QStringLiteral("xl/worksheets/sheet1.xml")));
    CHECK(sheet.contains(QStringLiteral("<formula1>DM_XepLoai</formula1>")));
    CHECK_FALSE(sheet.contains(QStringLiteral("DM_DonVi")));
    CHECK_FALSE(QString::fromUtf8(entry(bare, QStringLiteral("xl/workbook.xml"))).contains(QStringLiteral("DM_DonVi")));

    Test::TestDatabase t;
    Database &db = t.open();
    const qint64 snv = addUnit(db, QStringLiteral("Sở Nội vụ"), QStringLiteral("SNV"));
    addUnit(db, QStringLiteral("Sở Tài chính"), QStringLiteral("STC"));
    AccountRepository accounts(db);
    accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, QStringLiteral("mat-khau-dai-1"));
    accounts.login(QStringLiteral("quantri"), QStringLiteral("mat-khau-dai-1"));
    accounts.create(QStringLiteral("vanthu"), {}, QStringLiteral("clerk"), snv, QStringLiteral("mat-khau-dai-2"));
    accounts.login(QStringLiteral("vanthu"), QStringLiteral("mat-khau-dai-2"));
    CHECK(choiceValues(&db, ChoiceList::Units) == QStringList{QStringLiteral("Sở Nội vụ")});
}

TEST_CASE("unitsTemplate_mapsEveryColumn_andFilledInRowsImport", "[tables][templates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("UBND tỉnh"), QStringLiteral("UBT"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mau-don-vi.xlsx"));
        writeTemplate(&db, TemplateKind::Units, path);
        const TableFile file = readFile(path);
        const UnitMapping m = mapUnits(file.sheet);
        CHECK(m.headerRow == kTemplateHeaderRow);
        CHECK(m.unrecognised.isEmpty());
        CHECK(m.columns.size() == templateSpec(TemplateKind::Units, kYear).columns.size());
        CHECK(previewUnits(db, file.sheet, m).rows.isEmpty());
        const QString sheet = QString::fromUtf8(entry(path, QStringLiteral("xl/worksheets/sheet1.xml")));
        CHECK(sheet.contains(QStringLiteral("<formula1>DM_LoaiHinh</formula1>")));
        CHECK(sheet.contains(QStringLiteral("<formula1>DM_DonVi</formula1>")));

        const QStringList headers = templateHeaders(path);
        const QStringList kinds = choiceValues(&db, ChoiceList::UnitKinds);
        // A Sở under the province, and a department of it named further up the sheet.
        const Sheet s = filledIn(headers, {{QStringLiteral("SNV-P1"), QStringLiteral("Phòng Công chức"), QStringLiteral("SNV"),
                                            kinds.at(2), QString(), QString(), QString()},
                                           {QStringLiteral("SNV"), QStringLiteral("Sở Nội vụ"), QStringLiteral("UBND tỉnh"),
                                            kinds.at(0), QStringLiteral("01/01/2008"), QString(), QString()}});
        const UnitPreview p = previewUnits(db, s, mapUnits(s));
        CHECK_FALSE(p.hasErrors());
        CHECK(p.count(RowStatus::New) == 2);
    });
}

TEST_CASE("rejectedRowsAsXlsx_rowNumberFirst_reasonLast_andAFormulaStaysText", "[tables][templates][rejected]")
{
    Test::TestDatabase t;
    Database &db = t.open();
    addUnit(db, QStringLiteral("Sở Nội vụ"), QStringLiteral("SNV"));
    const Sheet s = CsvReader::read(QStringLiteral("Họ và tên;Đơn vị;Đối tượng;Ngày sinh;Chức vụ\n"
                                                   "Trần Văn Được;SNV;Công chức;01/01/1980;Chuyên viên\n"
                                                   "=1+1;SNV;Công chức;31/02/1990;@SUM(A1)\n")
                                        .toUtf8());
    const PeoplePreview p = previewPeople(db, s, mapPeople(s));
    REQUIRE(p.count(RowStatus::Error) == 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("loai.xlsx"));
    saveRejected(p, path);
    CHECK_FALSE(QFile::exists(path + QStringLiteral(".part")));

    const Sheet back = XlsxWorkbook(Test::readAll(path)).read();
    REQUIRE(back.rows.size() == 2);
    const Row &header = back.rows.at(0);
    CHECK(header.cell(0).text == QStringLiteral("Row"));
    CHECK(header.cell(1).text == QStringLiteral("Họ và tên"));
    CHECK(header.cell(5).text == QStringLiteral("Chức vụ"));
    CHECK(header.cell(6).text == QStringLiteral("Reason"));
    const Row &row = back.rows.at(1);
    CHECK(row.cell(0).kind == Cell::Kind::Number);
    CHECK(row.cell(0).text == QStringLiteral("3"));
    CHECK(row.cell(1).kind == Cell::Kind::Text);
    CHECK(row.cell(1).text == QStringLiteral("=1+1"));
    CHECK(row.cell(5).text == QStringLiteral("@SUM(A1)"));
    CHECK(row.cell(6).text.contains(QStringLiteral("not a real date")));
    // Fixed by the clerk, the workbook imports again: its own columns are left out, in words.
    CHECK(mapPeople(back).unrecognised == QStringList{QStringLiteral("Row"), QStringLiteral("Reason")});
    // Written as strings: no formula anywhere in the sheet; the reason wrapped, in red.
    const QString xml = QString::fromUtf8(entry(path, QStringLiteral("xl/worksheets/sheet1.xml")));
    CHECK_FALSE(xml.contains(QStringLiteral("<f>")));
    const QString styles = QString::fromUtf8(entry(path, QStringLiteral("xl/styles.xml")));
    CHECK(styles.contains(QStringLiteral("FFB00020")));
    CHECK(styles.contains(QStringLiteral("wrapText=\"1\"")));
    CHECK(styles.contains(QStringLiteral("<b/>")));

    // Any other name is the CSV, as before.
    const QString csv = dir.filePath(QStringLiteral("loai.csv"));
    saveRejected(p, csv);
    CHECK(Test::readAll(csv).startsWith("\xEF\xBB\xBF"));
}

TEST_CASE("templateOrRejectedRows_inAFolderThatDoesNotExist_isAnErrorAndLeavesNoFile", "[tables][templates]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("khong-co/mau.xlsx"));
    CHECK(Test::errorOf([&] { writeTemplate(nullptr, TemplateKind::Units, path); }).contains(QStringLiteral("Cannot write the file")));
    CHECK(Test::errorOf([&] { saveRejected(PeoplePreview(), path); }).contains(QStringLiteral("Cannot write the file")));
    CHECK(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

TEST_CASE("awardAndDisciplineTemplates_mapEveryColumn_andFilledInRowsPreviewWithoutErrors", "[tables][templates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        addUnit(db, QStringLiteral("Sở Nội vụ"), QStringLiteral("SNV"));
        Person p;
        p.fullName = QStringLiteral("Nguyễn Thị Hoa");
        p.birthDate = QDate(1990, 2, 14);
        p.unitId = UnitRepository(db).idForKey(QStringLiteral("SNV"));
        p.category = QStringLiteral("cong_chuc");
        PersonRepository(db).save(p);
        QTemporaryDir dir;

        const QString awards = dir.filePath(QStringLiteral("mau-khen-thuong.xlsx"));
        writeTemplate(&db, TemplateKind::Awards, awards);
        const TableFile awardFile = readFile(awards);
        const RecordMapping am = mapRecords(RecordList::Awards, awardFile.sheet);
        CHECK(am.headerRow == kTemplateHeaderRow);
        CHECK(am.unrecognised.isEmpty());
        CHECK(am.columns.size() == templateSpec(TemplateKind::Awards, kYear).columns.size());
        CHECK(previewAwards(db, awardFile.sheet, am).rows.isEmpty());
        const QString awardXml = QString::fromUtf8(entry(awards, QStringLiteral("xl/worksheets/sheet1.xml")));
        CHECK(awardXml.contains(QStringLiteral("<formula1>DM_HinhThuc</formula1>")));
        CHECK(awardXml.contains(QStringLiteral("<formula1>DM_LoaiKhenThuong</formula1>")));
        // A person's title and a collective's certificate, in the drop-downs' words.
        const QStringList forms = choiceValues(&db, ChoiceList::AwardForms);
        REQUIRE(forms.contains(QStringLiteral("Chiến sĩ thi đua cơ sở")));
        const Sheet a = filledIn(
            templateHeaders(awards),
            {{QString(), QStringLiteral("Nguyễn Thị Hoa"), QStringLiteral("14/02/1990"), QStringLiteral("Sở Nội vụ"), QString(),
              QStringLiteral("Chiến sĩ thi đua cơ sở"), QStringLiteral("2024"), QStringLiteral("12/QĐ-SNV"),
              QStringLiteral("15/01/2025"), QStringLiteral("Giám đốc Sở Nội vụ"), QStringLiteral("Công trạng"), QString()},
             {QString(), QString(), QString(), QString(), QStringLiteral("Sở Nội vụ"),
              QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"), QStringLiteral("2024"), QStringLiteral("125/QĐ-UBND"),
              QStringLiteral("20/01/2025"), QStringLiteral("Chủ tịch UBND tỉnh"), QStringLiteral("Công trạng"), QString()}});
        const AwardPreview ap = previewAwards(db, a, mapRecords(RecordList::Awards, a));
        INFO(reasonsText(ap.rows.value(0).reasons).toStdString() << " | " << reasonsText(ap.rows.value(1).reasons).toStdString());
        CHECK_FALSE(ap.hasErrors());
        CHECK(ap.count(RowStatus::New) == 2);

        const QString disciplines = dir.filePath(QStringLiteral("mau-ky-luat.xlsx"));
        writeTemplate(&db, TemplateKind::Disciplines, disciplines);
        const RecordMapping dm = mapRecords(RecordList::Disciplines, readFile(disciplines).sheet);
        CHECK(dm.unrecognised.isEmpty());
        CHECK(dm.columns.size() == templateSpec(TemplateKind::Disciplines, kYear).columns.size());
        const Sheet d = filledIn(templateHeaders(disciplines),
                                 {{QString(), QStringLiteral("Nguyễn Thị Hoa"), QStringLiteral("14/02/1990"),
                                   QStringLiteral("Sở Nội vụ"), QStringLiteral("Khiển trách"), QStringLiteral("45/QĐ-SNV"),
                                   QStringLiteral("01/03/2024"), QStringLiteral("28/02/2025"), QString()}});
        const DisciplinePreview dp = previewDisciplines(db, d, mapRecords(RecordList::Disciplines, d));
        INFO(reasonsText(dp.rows.value(0).reasons).toStdString());
        CHECK_FALSE(dp.hasErrors());
        CHECK(dp.count(RowStatus::New) == 1);
    });
}
