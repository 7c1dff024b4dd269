// The clerk's column mappings saved by name (issue 15 item 2): one list kind's presets are not
// another's, every clerk of the office reads them, the same name replaces; and a staff workbook
// with per-year ratings beside an award "Năm" column is read, the "Năm" left out. Both backends.
#include "core/error.h"
#include "core/tables/awardmapping.h"
#include "core/tables/csvreader.h"
#include "core/tables/mappingfile.h"
#include "core/tables/mappingpresets.h"
#include "core/tables/nomineelist.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/unitmapping.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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
} // namespace

TEST_CASE("mappingPreset_savedForStaff_isReadBackByAnyClerk_andNotOfferedForUnits", "[tables][mapping]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        {
            Database &db = t.db();
            saveMappingPreset(
                db, MappingKind::People, QStringLiteral("Sở Nội vụ"),
                {{QStringLiteral("ten nhan vien"), QStringLiteral("fullName")}, {QStringLiteral("phong"), QStringLiteral("unit")}});
            saveMappingPreset(db, MappingKind::Units, QStringLiteral("Huyện cũ"), {{QStringLiteral("ten"), QStringLiteral("name")}});
        }
        t.close(); // another clerk, another session
        Database &db = t.open();
        CHECK(mappingPresetNames(db, MappingKind::People) == QStringList{QStringLiteral("Sở Nội vụ")});
        CHECK(mappingPresetNames(db, MappingKind::Units) == QStringList{QStringLiteral("Huyện cũ")});
        CHECK(mappingPresetNames(db, MappingKind::Awards).isEmpty());
        // Found without case or diacritics, as a clerk types it on the command line.
        const QHash<QString, QString> preset = mappingPreset(db, MappingKind::People, QStringLiteral("so noi vu"));
        CHECK(preset.value(QStringLiteral("ten nhan vien")) == QStringLiteral("fullName"));

        // Applied to a list whose headers nothing recognises, it makes the list readable.
        const Sheet sheet = csv(QStringLiteral("Tên nhân viên;Phòng;Ngày sinh\nLê Thị Hoa;Văn phòng;02/03/1985\n"));
        CHECK_FALSE(errorOf([&] { mapPeople(sheet); }).isEmpty());
        const PeopleMapping m = mapPeople(sheet, preset);
        CHECK(m.columnOf(Field::FullName) == 0);
        CHECK(m.columnOf(Field::Unit) == 1);

        // Saved again under the same name in other case: replaced, not doubled.
        saveMappingPreset(db, MappingKind::People, QStringLiteral("SỞ NỘI VỤ"),
                          {{QStringLiteral("ten nhan vien"), QStringLiteral("fullName")}});
        CHECK(mappingPresetNames(db, MappingKind::People) == QStringList{QStringLiteral("SỞ NỘI VỤ")});
        CHECK(mappingPreset(db, MappingKind::People, QStringLiteral("Sở Nội vụ")).size() == 1);
    });
}

TEST_CASE("mappingPreset_unknownName_isRefusedNamingTheSavedOnes_andABadFieldIsNotSaved", "[tables][mapping]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        CHECK(errorOf([&] {
                  mappingPreset(db, MappingKind::People, QStringLiteral("Huyện"));
              }).contains(QStringLiteral("no column mapping is saved")));
        saveMappingPreset(db, MappingKind::People, QStringLiteral("Phòng GD"), {{QStringLiteral("ten"), QStringLiteral("fullName")}});
        saveMappingPreset(db, MappingKind::People, QStringLiteral("Bệnh viện"), {{QStringLiteral("ten"), QStringLiteral("fullName")}});
        const QString e = errorOf([&] { mappingPreset(db, MappingKind::People, QStringLiteral("Huyện")); });
        CHECK(e.contains(QStringLiteral("\"Huyện\"")));
        CHECK(e.contains(QStringLiteral("Bệnh viện, Phòng GD"))); // Vietnamese order
        // A field the list does not have, an empty name, nothing changed: refused, nothing written.
        CHECK_FALSE(
            errorOf([&] {
                saveMappingPreset(db, MappingKind::Units, QStringLiteral("X"), {{QStringLiteral("ten"), QStringLiteral("fullName")}});
            }).isEmpty());
        CHECK_FALSE(errorOf([&] {
                        saveMappingPreset(db, MappingKind::People, QStringLiteral("  "),
                                          {{QStringLiteral("ten"), QStringLiteral("fullName")}});
                    }).isEmpty());
        CHECK_FALSE(errorOf([&] { saveMappingPreset(db, MappingKind::People, QStringLiteral("Trống"), {}); }).isEmpty());
        CHECK(mappingPresetNames(db, MappingKind::Units).isEmpty());
        CHECK(mappingPresetNames(db, MappingKind::People).size() == 2);
    });
}

TEST_CASE("mappingPreset_namingAColumnTheFileLacks_stillReadsTheFile", "[tables][mapping]")
{
    const Sheet sheet = csv(QStringLiteral("Tên nhân viên;Đơn vị\nLê Thị Hoa;Văn phòng\n"));
    const QHash<QString, QString> preset = {{QStringLiteral("ten nhan vien"), QStringLiteral("fullName")},
                                            {QStringLiteral("so dien thoai"), QStringLiteral("ignore")}};
    // As a hand-written mapping file, the missing column is a typo and refused…
    CHECK_FALSE(errorOf([&] { mapPeople(sheet, preset); }).isEmpty());
    // …as a preset made on another office's file, it is simply not there.
    const PeopleMapping m = mapPeople(sheet, presentOverrides(sheet, preset));
    CHECK(m.columnOf(Field::FullName) == 0);

    // A data cell that folds like one of the preset's headers ("Nam", a gender, like "Năm") is
    // not taken for that header: the file is read, not refused for a header it lacks.
    const Sheet genders = csv(QStringLiteral("Tên nhân viên;Giới tính;Đơn vị\nLê Văn Nam;Nam;Văn phòng\n"));
    const QHash<QString, QString> withYear = {{QStringLiteral("ten nhan vien"), QStringLiteral("fullName")},
                                              {QStringLiteral("nam"), QStringLiteral("ignore")}};
    const QHash<QString, QString> present = presentOverrides(genders, withYear);
    CHECK(present.size() == 1);
    CHECK(errorOf([&] { mapPeople(genders, present); }).isEmpty());
}

TEST_CASE("mappingChoices_everyFieldOffered_isOneTheMappingFilesAccept", "[tables][mapping]")
{
    QTemporaryDir dir;
    for (MappingKind kind : mappingKinds()) {
        INFO(mappingKindCode(kind).toStdString());
        QJsonObject object;
        int n = 0;
        for (const MappingChoice &c : mappingChoices(kind, {2024})) {
            CHECK_FALSE(c.words.isEmpty());
            CHECK(isMappingField(kind, c.field));
            object.insert(QStringLiteral("column %1").arg(++n), c.field);
        }
        const QString path = dir.filePath(mappingKindCode(kind) + QStringLiteral(".json"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(object).toJson());
        f.close();
        QString e;
        if (kind == MappingKind::People)
            e = errorOf([&] { loadMappingFile(path); });
        else if (kind == MappingKind::Units)
            e = errorOf([&] { loadUnitMappingFile(path); });
        else if (kind == MappingKind::Nominees)
            e = errorOf([&] { loadNomineeMappingFile(path); });
        else
            e = errorOf([&] {
                loadRecordMappingFile(kind == MappingKind::Awards        ? RecordList::Awards
                                      : kind == MappingKind::Disciplines ? RecordList::Disciplines
                                                                         : RecordList::Initiatives,
                                      path);
            });
        CHECK(e.isEmpty());
    }
    CHECK(mappingKinds().size() == 6);
    CHECK(mappingKindFromCode(QStringLiteral("nominees")) == MappingKind::Nominees);
    CHECK_FALSE(mappingKindFromCode(QStringLiteral("dossiers")));
    CHECK_FALSE(isMappingField(MappingKind::Units, QStringLiteral("rating:2024")));
    CHECK_FALSE(isMappingField(MappingKind::Nominees, QStringLiteral("fullName")));
    CHECK(isMappingField(MappingKind::People, QStringLiteral("rating:2019")));
}

TEST_CASE("staffWorkbook_perYearRatingsBesideAnAwardYearColumn_isRead_theYearLeftOut", "[tables][mapping]")
{
    const Sheet sheet = csv(QStringLiteral(
        "Họ và tên;Đơn vị;Xếp loại 2021;Xếp loại 2022;Xếp loại 2023;Xếp loại 2024;Xếp loại 2025;Năm;Hình thức khen thưởng\n"
        "Lê Thị Hoa;Văn phòng;HTXSNV;HTXSNV;HTTNV;HTXSNV;HTXSNV;2024;Bằng khen UBND tỉnh\n"));
    const PeopleMapping m = mapPeople(sheet);
    CHECK(m.yearColumns().size() == 5);
    CHECK(m.columnOf(Field::Year) < 0);
    CHECK(m.unrecognised.contains(QStringLiteral("Năm")));
    // A "Năm" the clerk maps to the rating's year on purpose still needs its "Xếp loại".
    CHECK(errorOf([&] { mapPeople(sheet, {{QStringLiteral("nam"), QStringLiteral("year")}}); }).contains(QStringLiteral("Xếp loại")));
    // Without per-year columns a lone "Năm" is still refused: the ratings would be lost.
    CHECK_FALSE(errorOf([&] { mapPeople(csv(QStringLiteral("Họ và tên;Đơn vị;Năm\nLê Thị Hoa;Văn phòng;2024\n"))); }).isEmpty());
}
