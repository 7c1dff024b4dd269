// Award forms as clerks write them in their lists (issue 15 item 2), recognised against the
// catalogue's forms: codes, names without diacritics, the abbreviations offices use.
#include "core/catalogue/catalogue.h"
#include "core/tables/formnames.h"

#include <catch2/catch.hpp>

using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;

TEST_CASE("awardFormCode_recognisesTheSpellingsOfficesWrite", "[tables][formnames]")
{
    const QList<AwardForm> forms = Catalogue::awardForms();
    const auto code = [&](const char *text) { return awardFormCode(forms, QString::fromUtf8(text)); };

    // Codes and names, any case, with or without diacritics.
    CHECK(code("BK_TINH") == QLatin1String("BK_TINH"));
    CHECK(code("cstd_tinh") == QLatin1String("CSTD_TINH"));
    CHECK(code("Lao động tiên tiến") == QLatin1String("LDTT"));
    CHECK(code("LAO DONG TIEN TIEN") == QLatin1String("LDTT"));
    CHECK(code("Chiến sĩ thi đua cơ sở") == QLatin1String("CSTDCS"));
    CHECK(code("Danh hiệu Chiến sĩ thi đua cấp tỉnh") == QLatin1String("CSTD_TINH"));
    // The abbreviations of the brief.
    CHECK(code("LĐTT") == QLatin1String("LDTT"));
    CHECK(code("CSTĐCS") == QLatin1String("CSTDCS"));
    CHECK(code("CSTĐ cơ sở") == QLatin1String("CSTDCS"));
    CHECK(code("BK UBND tỉnh") == QLatin1String("BK_TINH"));
    CHECK(code("Bằng khen Chủ tịch UBND tỉnh") == QLatin1String("BK_TINH"));
    CHECK(code("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh") == QLatin1String("BK_TINH"));
    CHECK(code("Giấy khen GĐ Sở") == QLatin1String("GIAYKHEN"));
    CHECK(code("BK TTg") == QLatin1String("BK_TTG"));
    CHECK(code("Bằng khen Thủ tướng Chính phủ") == QLatin1String("BK_TTG"));
    // NFD text (some Unikey settings), punctuation and a year beside the form.
    CHECK(code("Lao động tiên tiến").isEmpty() == false);
    CHECK(awardFormCode(forms, QString::fromUtf8("Lao động tiên tiến").normalized(QString::NormalizationForm_D))
          == QLatin1String("LDTT"));
    CHECK(code("LĐTT năm 2023") == QLatin1String("LDTT"));
    CHECK(code("BK-UBND tỉnh") == QLatin1String("BK_TINH"));
    // Collective titles are told from the individual ones they contain.
    CHECK(code("Tập thể LĐTT") == QLatin1String("TTLDTT"));
    CHECK(code("TTLĐXS") == QLatin1String("TTLDXS"));
    CHECK(code("Cờ thi đua UBND tỉnh") == QLatin1String("CO_TD_TINH"));
    // Orders, with the class as a number.
    CHECK(code("HCLĐ hạng Ba") == QLatin1String("HCLD_3"));
    CHECK(code("Huân chương Lao động hạng 2") == QLatin1String("HCLD_2"));
    CHECK(code("Huân chương lao động hạng I") == QLatin1String("HCLD_1"));
    // The closest name when the text adds an issuer the catalogue does not list.
    CHECK(code("Bằng khen Bộ trưởng Bộ Tài chính") == QLatin1String("BK_BO"));
    CHECK(code("Bằng khen Bộ Tài chính") == QLatin1String("BK_BO"));
    CHECK(code("Bằng khen UBND tỉnh Quảng Nam") == QLatin1String("BK_TINH"));
}

TEST_CASE("awardFormCode_isEmptyForAmbiguousOrUnknownWords", "[tables][formnames]")
{
    const QList<AwardForm> forms = Catalogue::awardForms();
    const auto code = [&](const char *text) { return awardFormCode(forms, QString::fromUtf8(text)); };

    // "Bằng khen" alone could be the province's, a ministry's or the Prime Minister's.
    CHECK(code("Bằng khen").isEmpty());
    CHECK(code("CSTĐ").isEmpty());
    CHECK(code("Huân chương Lao động").isEmpty());
    CHECK(code("Kỷ niệm chương").isEmpty());
    CHECK(code("Nguyễn Văn An").isEmpty());
    CHECK(code("").isEmpty());
    CHECK(code(" - ").isEmpty());

    // The matcher names the candidates of an ambiguous text, so a row's message can.
    const AwardFormNames names(forms);
    const QStringList bk = names.candidates(QStringLiteral("Bằng khen"));
    CHECK(bk.size() == 3);
    CHECK(bk.contains(QLatin1String("BK_TINH")));
    CHECK(bk.contains(QLatin1String("BK_TTG")));
    CHECK(names.candidates(QStringLiteral("Kỷ niệm chương")).isEmpty());
}

TEST_CASE("awardFormCode_anotherOrderOrAMinistrysFlag_isNotTakenForACatalogueForm", "[tables][formnames]")
{
    const QList<AwardForm> forms = Catalogue::awardForms();
    const auto code = [&](const char *text) { return awardFormCode(forms, QString::fromUtf8(text)); };

    // Orders the catalogue lacks share "Huân chương … hạng Ba" with HCLD_3: recording them as
    // the Labour Order would put a wrong award in the ledger (and count toward the next one).
    CHECK(code("Huân chương Độc lập hạng Ba").isEmpty());
    CHECK(code("Huân chương Bảo vệ Tổ quốc hạng Ba").isEmpty());
    // A ministry's flag is not the Government's, though "Tài chính" shares "chính".
    CHECK(code("Cờ thi đua của Bộ Tài chính").isEmpty());
    // What closeness is for still works, and orders written in full still match.
    CHECK(code("Bằng khen Bộ Tài chính") == QLatin1String("BK_BO"));
    CHECK(code("Bằng khen UBND tỉnh Quảng Nam") == QLatin1String("BK_TINH"));
    CHECK(code("Huân chương Lao động hạng Ba năm 2020") == QLatin1String("HCLD_3"));
}

TEST_CASE("awardFormCode_followsTheCatalogueNotAFixedList", "[tables][formnames]")
{
    // A catalogue with a form of its own: its initials are understood without code changes.
    QList<AwardForm> forms = Catalogue::awardForms();
    forms.append({QStringLiteral("KNC_TD"), QStringLiteral("Kỷ niệm chương vì sự nghiệp thi đua"),
                  QStringLiteral("certificate"), QStringLiteral("individual"), QStringLiteral("tinh"), 5});
    CHECK(awardFormCode(forms, QStringLiteral("KNC vì sự nghiệp thi đua")) == QLatin1String("KNC_TD"));
    CHECK(awardFormCode(forms, QStringLiteral("Kỷ niệm chương")) == QLatin1String("KNC_TD"));
}

TEST_CASE("awardFormCode_aDistrictOrCommuneForm_isNeverTakenForTheProvincesBangKhen", "[tables][formnames]")
{
    // Issue 15 review: "BK Chủ tịch UBND huyện" shares all but one word with BK_TINH and was
    // filed as the province's Bằng khen.
    const QList<AwardForm> forms = Catalogue::awardForms();
    const AwardFormNames names(forms);
    const auto code = [&](const char *text) { return names.code(QString::fromUtf8(text)); };
    for (const char *text : {"BK Chủ tịch UBND huyện", "Bằng khen UBND huyện", "Bằng khen UBND quận",
                             "Bằng khen UBND thị xã", "Bằng khen Chủ tịch UBND xã", "BK UBND phường",
                             "Cờ thi đua UBND huyện"}) {
        INFO(text);
        CHECK(code(text).isEmpty());
    }
    // The row's message can say which level was read.
    CHECK(names.unknownLevel(QString::fromUtf8("BK Chủ tịch UBND huyện")) == QString::fromUtf8("huyện"));
    CHECK(names.unknownLevel(QString::fromUtf8("Bằng khen UBND thị xã")) == QString::fromUtf8("thị xã"));
    CHECK(names.unknownLevel(QString::fromUtf8("Bằng khen UBND tỉnh")).isEmpty());
    CHECK(names.unknownLevel(QString::fromUtf8("Kỷ niệm chương")).isEmpty());
    // Forms that name no issuer's level still take one, and the province's still matches.
    CHECK(code("Giấy khen Chủ tịch UBND huyện") == QLatin1String("GIAYKHEN"));
    CHECK(code("BK UBND tỉnh") == QLatin1String("BK_TINH"));
    // Nor is a ministry-level title taken for the province's or the base's.
    CHECK(code("Chiến sĩ thi đua cấp bộ").isEmpty());
}

TEST_CASE("awardFormCode_aDistrictForm_isFoundWhenTheCatalogueHasOne", "[tables][formnames]")
{
    QList<AwardForm> forms = Catalogue::awardForms();
    forms.append({QStringLiteral("BK_HUYEN"), QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân huyện"),
                  QStringLiteral("certificate"), QStringLiteral("both"), QStringLiteral("co_so"), 18});
    const AwardFormNames names(forms);
    CHECK(names.code(QString::fromUtf8("BK Chủ tịch UBND huyện")) == QLatin1String("BK_HUYEN"));
    CHECK(names.code(QString::fromUtf8("Bằng khen UBND huyện")) == QLatin1String("BK_HUYEN"));
    // A "quận" or "thị xã" is the same level as a "huyện".
    CHECK(names.code(QString::fromUtf8("Bằng khen UBND quận")) == QLatin1String("BK_HUYEN"));
    CHECK(names.code(QString::fromUtf8("Bằng khen UBND thị xã")) == QLatin1String("BK_HUYEN"));
    CHECK(names.code(QString::fromUtf8("BK UBND tỉnh")) == QLatin1String("BK_TINH"));
    CHECK(names.unknownLevel(QString::fromUtf8("Bằng khen UBND huyện")).isEmpty());
}

TEST_CASE("awardFormCode_aProvinceNamedLikeALevelOrAWordHoldingOne_isNoLevel", "[tables][formnames]")
{
    // Review of issue 15: the level words were compared folded, so "Hà Tĩnh" named the
    // province ("tinh") and "BK Chủ tịch UBND huyện Kỳ Anh, Hà Tĩnh" was the province's Bằng
    // khen again; "xã hội", "cán bộ", "cơ quan" named a commune, a ministry, a district.
    const QList<AwardForm> forms = Catalogue::awardForms();
    const AwardFormNames names(forms);
    const auto code = [&](const char *text) { return names.code(QString::fromUtf8(text)); };
    CHECK(code("BK Chủ tịch UBND huyện Kỳ Anh, Hà Tĩnh").isEmpty());
    CHECK(code("Cờ thi đua UBND huyện Hương Khê (Hà Tĩnh)").isEmpty());
    CHECK(names.unknownLevel(QString::fromUtf8("BK Chủ tịch UBND huyện Kỳ Anh, Hà Tĩnh")) == QString::fromUtf8("huyện"));
    // "cán bộ", "xã hội" name no level: the row's message must not say "the level bộ, xã".
    CHECK(names.unknownLevel(QString::fromUtf8("Chiến sĩ thi đua, cán bộ Bảo hiểm xã hội")).isEmpty());
    // The province's own, written with its name, and levels typed without marks still count.
    CHECK(code("Bằng khen của Chủ tịch UBND tỉnh Hà Tĩnh") == QLatin1String("BK_TINH"));
    CHECK(code("BK UBND tinh") == QLatin1String("BK_TINH"));
    CHECK(code("BK Chu tich UBND huyen").isEmpty());
    CHECK(names.unknownLevel(QStringLiteral("BK Chu tich UBND huyen")) == QLatin1String("huyen"));

    QList<AwardForm> withDistrict = forms;
    withDistrict.append({QStringLiteral("BK_HUYEN"), QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân huyện"),
                         QStringLiteral("certificate"), QStringLiteral("both"), QStringLiteral("co_so"), 18});
    CHECK(AwardFormNames(withDistrict).code(QString::fromUtf8("BK Chủ tịch UBND huyện Cẩm Xuyên, Hà Tĩnh"))
          == QLatin1String("BK_HUYEN"));
}
