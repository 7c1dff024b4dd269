// A dossier's nominee list mapped as the clerk corrects it (issue 15 item 2): headers nothing
// recognises read as the clerk names them, a column left out, a two-row header's lower names
// corrected; a mapping file's typo refused, a saved mapping's absent column skipped. Saved
// mappings of kind "nominees" beside the others, and deleting one: audited, rights checked,
// an unknown name refused naming the saved ones. Both backends where a database is involved.
#include "core/accounts/accountrepository.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/unitrepository.h"
#include "core/tables/csvreader.h"
#include "core/tables/mappingpresets.h"
#include "core/tables/nomineelist.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;
using VinhDanh::Test::errorOf;

namespace {
Sheet csv(const QString &text)
{
    return CsvReader::read(text.toUtf8());
}

/// A list whose name, place and form headers are nobody's usual spelling.
const QString kOddList = QStringLiteral("STT;Người được đề nghị;Nơi làm việc hiện nay;Chức vụ;Mức khen đề xuất\n"
                                        "1;Nguyễn Văn An;Chuyên viên, Sở Nội vụ;Chuyên viên;Lao động tiên tiến\n");

const QHash<QString, QString> kOddMapping = {{QStringLiteral("nguoi duoc de nghi"), QStringLiteral("name")},
                                             {QStringLiteral("noi lam viec hien nay"), QStringLiteral("positionAndUnit")},
                                             {QStringLiteral("muc khen de xuat"), QStringLiteral("form")},
                                             {QStringLiteral("chuc vu"), QStringLiteral("ignore")}};

int settingsAudit(Database &db, const QString &action)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'office_settings' AND action = :a "
                                          "AND record_key LIKE 'import.mapping.nominees.%'"))
        .bind(QStringLiteral(":a"), action)
        .scalar(0)
        .toInt();
}
} // namespace

TEST_CASE("nomineeList_headersNothingRecognises_areReadAsTheClerkMapsThem_aColumnLeftOut", "[tables][nominees][mapping]")
{
    const Sheet sheet = csv(kOddList);
    // Automatically: no name column, refused.
    CHECK(errorOf([&] { mapNomineeList(sheet); }).contains(QStringLiteral("No header row with a name column")));
    const NomineeMapping m = mapNomineeList(sheet, kOddMapping);
    CHECK(m.headerRow == 1);
    CHECK(m.columnOf(NomineeField::Number) == 0);
    CHECK(m.columnOf(NomineeField::Name) == 1);
    CHECK(m.columnOf(NomineeField::PositionAndUnit) == 2);
    CHECK(m.columnOf(NomineeField::Position) < 0); // "Chức vụ" left out on purpose
    CHECK(m.columnOf(NomineeField::Form) == 4);
    CHECK(m.unrecognised.isEmpty());
    // Each field name the mapping gives back is one a saved mapping of nominee lists accepts.
    for (const NomineeColumn &c : m.columns)
        CHECK(isMappingField(MappingKind::Nominees, nomineeFieldName(c.field)));
    // Two columns read as one field: refused, naming both.
    QHash<QString, QString> twice = kOddMapping;
    twice.insert(QStringLiteral("chuc vu"), QStringLiteral("positionAndUnit"));
    CHECK(errorOf([&] { mapNomineeList(sheet, twice); }).contains(QStringLiteral("Columns C and D")));
}

TEST_CASE("nomineeList_mappingFileTypoIsRefused_savedMappingsAbsentColumnIsSkipped", "[tables][nominees][mapping]")
{
    const Sheet sheet = csv(kOddList);
    QHash<QString, QString> withTypo = kOddMapping;
    withTypo.insert(QStringLiteral("so dien thoai"), QStringLiteral("note"));
    // A mapping file names a column the list lacks: a typo, refused naming it.
    CHECK(errorOf([&] { mapNomineeList(sheet, withTypo); }).contains(QStringLiteral("\"so dien thoai\"")));
    // A saved mapping made on another unit's file: the list is read, the column named as absent.
    QStringList absent;
    const NomineeMapping m = mapNomineeList(sheet, withTypo, &absent);
    CHECK(absent == QStringList{QStringLiteral("so dien thoai")});
    CHECK(m.columnOf(NomineeField::Name) == 1);

    // The mapping file on disk, as the CLI reads it; a field of another list is refused.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ghep.json"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"Người được đề nghị": "name", "Mức khen đề xuất": "form"})");
    f.close();
    CHECK(loadNomineeMappingFile(path).value(QStringLiteral("nguoi duoc de nghi")) == QStringLiteral("name"));
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(R"({"Người được đề nghị": "fullName"})");
    f.close();
    CHECK(errorOf([&] { loadNomineeMappingFile(path); }).contains(QStringLiteral("positionAndUnit")));
}

TEST_CASE("nomineeList_twoRowHeader_theLowerRowsNameCorrected_stillOneHeader", "[tables][nominees][mapping]")
{
    // "Đề nghị khen thưởng" over "Mức khen" (nobody's spelling) and "Tóm tắt thành tích".
    // As a merged Excel range gives it: the upper text in its first cell only.
    const Sheet sheet = csv(QStringLiteral("STT;Họ và tên;Chức vụ, đơn vị công tác;Đề nghị khen thưởng;\n"
                                           ";;;Mức khen;Tóm tắt thành tích\n"
                                           "1;Nguyễn Văn An;Chuyên viên, Sở Nội vụ;LĐTT;Hoàn thành tốt nhiệm vụ\n"));
    const NomineeMapping automatic = mapNomineeList(sheet);
    CHECK(automatic.headerRow == 1); // "Mức khen" does not complete the header
    // …but is offered as its lower row, the two rows' names combined, for the clerk to name.
    CHECK(automatic.lowerIndex == 1);
    CHECK(automatic.lowerHeaders.value(3) == QStringLiteral("Mức khen"));
    CHECK(automatic.lowerHeaders.value(4) == QStringLiteral("Tóm tắt thành tích"));
    CHECK(std::any_of(automatic.lowerColumns.cbegin(), automatic.lowerColumns.cend(),
                      [](const NomineeColumn &c) { return c.column == 4 && c.field == NomineeField::Summary; }));
    const NomineeMapping m = mapNomineeList(sheet, {{QStringLiteral("muc khen"), QStringLiteral("form")}});
    CHECK(m.headerRow == 2);
    CHECK(m.columnOf(NomineeField::Form) == 3);
    CHECK(m.columnOf(NomineeField::Summary) == 4);
    CHECK(m.headers.value(3) == QStringLiteral("Mức khen"));
    CHECK(m.lowerIndex < 0); // taken: nothing more to offer
}

TEST_CASE("nomineeList_dataRowsAndColumnNumbersUnderTheHeader_areNeverOfferedAsItsLowerRow", "[tables][nominees][mapping]")
{
    // A data row fills the name column; a "(1) (2)" line is numbers; a note under an empty
    // header cell is data too when the row names someone.
    for (const QString &second : {QStringLiteral("1;Nguyễn Văn An;Chuyên viên, Sở Nội vụ;LĐTT;Mới\n"),
                                  QStringLiteral("(1);(2);(3);(4);(5)\n"), QStringLiteral(";Nguyễn Văn An;;;Ghi thêm\n")}) {
        INFO(second.toStdString());
        const Sheet sheet = csv(QStringLiteral("STT;Họ và tên;Chức vụ, đơn vị công tác;Hình thức đề nghị;\n") + second);
        CHECK(mapNomineeList(sheet).lowerIndex < 0);
    }
}

TEST_CASE("mappingPreset_deleted_isGoneForEveryClerk_otherKindsKept_auditedAndUnknownNamesListed", "[tables][mapping]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        saveMappingPreset(db, MappingKind::Nominees, QStringLiteral("Huyện Lệ Thủy"), kOddMapping);
        saveMappingPreset(db, MappingKind::Nominees, QStringLiteral("Sở Y tế"), {{QStringLiteral("ten"), QStringLiteral("name")}});
        saveMappingPreset(db, MappingKind::People, QStringLiteral("Huyện Lệ Thủy"),
                          {{QStringLiteral("ten"), QStringLiteral("fullName")}});
        CHECK(mappingPresetNames(db, MappingKind::Nominees)
              == QStringList{QStringLiteral("Huyện Lệ Thủy"), QStringLiteral("Sở Y tế")});
        CHECK(mappingPreset(db, MappingKind::Nominees, QStringLiteral("huyen le thuy")) == kOddMapping);
        const int inserted = settingsAudit(db, QStringLiteral("insert"));
        CHECK(inserted == 2);

        // Named without diacritics; the name as saved comes back.
        CHECK(deleteMappingPreset(db, MappingKind::Nominees, QStringLiteral("HUYEN LE THUY")) == QStringLiteral("Huyện Lệ Thủy"));
        CHECK(settingsAudit(db, QStringLiteral("delete")) == 1);
        // The staff list's mapping of the same name stays.
        CHECK(mappingPresetNames(db, MappingKind::People) == QStringList{QStringLiteral("Huyện Lệ Thủy")});

        // Gone for the next clerk too; an unknown name is refused naming the saved ones.
        t.close();
        Database &again = t.open();
        CHECK(mappingPresetNames(again, MappingKind::Nominees) == QStringList{QStringLiteral("Sở Y tế")});
        const QString e = errorOf([&] { deleteMappingPreset(again, MappingKind::Nominees, QStringLiteral("Huyện Lệ Thủy")); });
        CHECK(e.contains(QStringLiteral("\"Huyện Lệ Thủy\"")));
        CHECK(e.contains(QStringLiteral("saved for this list: Sở Y tế.")));
        deleteMappingPreset(again, MappingKind::Nominees, QStringLiteral("Sở Y tế"));
        CHECK(errorOf([&] {
                  deleteMappingPreset(again, MappingKind::Nominees, QStringLiteral("Sở Y tế"));
              }).contains(QStringLiteral("no column mapping is saved for this list")));
        CHECK(settingsAudit(again, QStringLiteral("delete")) == 2);
    });
}

TEST_CASE("mappingPreset_aLeaderMayNeitherSaveNorDelete_aClerkKeepsNomineeMappings", "[tables][mapping]")
{
    Test::TestDatabase t;
    Database &db = t.open();
    Unit u;
    u.name = QStringLiteral("Sở Nội vụ");
    u.kind = QStringLiteral("provincial_agency");
    const qint64 snv = UnitRepository(db).save(u);
    saveMappingPreset(db, MappingKind::Nominees, QStringLiteral("Huyện"), kOddMapping);
    AccountRepository accounts(db);
    accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, QStringLiteral("mat-khau-dai-1"));
    accounts.login(QStringLiteral("quantri"), QStringLiteral("mat-khau-dai-1"));
    accounts.create(QStringLiteral("lanhdao"), {}, QStringLiteral("leader"), 0, QStringLiteral("mat-khau-dai-2"));
    accounts.create(QStringLiteral("vanthu"), {}, QStringLiteral("clerk"), snv, QStringLiteral("mat-khau-dai-3"));

    accounts.login(QStringLiteral("lanhdao"), QStringLiteral("mat-khau-dai-2"));
    CHECK_FALSE(errorOf([&] { deleteMappingPreset(db, MappingKind::Nominees, QStringLiteral("Huyện")); }).isEmpty());
    CHECK_FALSE(errorOf([&] { saveMappingPreset(db, MappingKind::Nominees, QStringLiteral("Khác"), kOddMapping); }).isEmpty());
    CHECK(mappingPresetNames(db, MappingKind::Nominees) == QStringList{QStringLiteral("Huyện")});

    // A clerk fills dossiers: they keep the nominee lists' mappings.
    accounts.login(QStringLiteral("vanthu"), QStringLiteral("mat-khau-dai-3"));
    saveMappingPreset(db, MappingKind::Nominees, QStringLiteral("Khác"), kOddMapping);
    CHECK(deleteMappingPreset(db, MappingKind::Nominees, QStringLiteral("Huyện")) == QStringLiteral("Huyện"));
    CHECK(mappingPresetNames(db, MappingKind::Nominees) == QStringList{QStringLiteral("Khác")});
}
