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
    forms.append({QStringLiteral("KNC_TD"), QStringLiteral("Kỷ niệm chương vì sự nghiệp thi đua"), QStringLiteral("certificate"),
                  QStringLiteral("individual"), QStringLiteral("tinh"), 5});
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
    for (const char *text : {"BK Chủ tịch UBND huyện", "Bằng khen UBND huyện", "Bằng khen UBND quận", "Bằng khen UBND thị xã",
                             "Bằng khen Chủ tịch UBND xã", "BK UBND phường", "Cờ thi đua UBND huyện"}) {
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

TEST_CASE("awardFormCode_anotherBodysAward_isNeverTheProvincesBangKhen", "[tables][formnames]")
{
    // Issue 15: the party's, the Front's, the unions' and the youth union's awards share
    // "Bằng khen … tỉnh … ủy" with BK_TINH and were filed as the province's — where the
    // eligibility rules count them toward the Prime Minister's Bằng khen.
    const QList<AwardForm> forms = Catalogue::awardForms();
    const AwardFormNames names(forms);
    for (const char *text : {"Bằng khen BTV Tỉnh ủy", "Bằng khen Ban Thường vụ Tỉnh ủy", "Giấy khen Tỉnh đoàn",
                             "Bằng khen Ủy ban MTTQ tỉnh", "Bằng khen LĐLĐ tỉnh", "Bằng khen Ban Thường vụ Tỉnh uỷ Nghệ An",
                             "Bằng khen Hội Liên hiệp Phụ nữ tỉnh", "Bang khen BCH Cong doan tinh"}) {
        INFO(text);
        CHECK(names.code(QString::fromUtf8(text)).isEmpty());
        CHECK(names.candidates(QString::fromUtf8(text)).isEmpty());
        // The row's message names the form as written and the body.
        const QString why = names.refusal(QString::fromUtf8(text));
        CHECK(why.contains(QString::fromUtf8(text)));
        CHECK(why.contains(QStringLiteral("not in the catalogue")));
    }
    CHECK(names.refusal(QString::fromUtf8("Bằng khen BTV Tỉnh ủy")).contains(QString::fromUtf8("of BTV Tỉnh ủy,")));
    CHECK(names.refusal(QString::fromUtf8("Bằng khen LĐLĐ tỉnh")).contains(QString::fromUtf8("of LĐLĐ tỉnh,")));
    // The State's forms are untouched, "lao động" of LĐTT is no union, "đảng" needs its marks.
    CHECK(names.code(QString::fromUtf8("Bằng khen Chủ tịch UBND tỉnh")) == QLatin1String("BK_TINH"));
    CHECK(names.code(QString::fromUtf8("Lao động tiên tiến")) == QLatin1String("LDTT"));
    CHECK(names.code(QString::fromUtf8("Giấy khen GĐ Sở")) == QLatin1String("GIAYKHEN"));
    CHECK(names.refusal(QString::fromUtf8("Bằng khen Chủ tịch UBND tỉnh")).isEmpty());
    CHECK(names.refusal(QString::fromUtf8("Kỷ niệm chương")).isEmpty());
    // A central mass organisation's Bằng khen is the catalogue's "… đoàn thể trung ương".
    CHECK(names.code(QString::fromUtf8("Bằng khen Trung ương Đoàn")) == QLatin1String("BK_BO"));
}

TEST_CASE("awardFormCode_anotherBodysAward_matchesTheCataloguesFormOfThatBody", "[tables][formnames]")
{
    QList<AwardForm> forms = Catalogue::awardForms();
    forms.append({QStringLiteral("BK_TU"), QStringLiteral("Bằng khen của Ban Thường vụ Tỉnh ủy"), QStringLiteral("certificate"),
                  QStringLiteral("both"), QStringLiteral("tinh"), 24});
    forms.append({QStringLiteral("BK_LDLD"), QStringLiteral("Bằng khen của Liên đoàn Lao động tỉnh"), QStringLiteral("certificate"),
                  QStringLiteral("both"), QStringLiteral("tinh"), 23});
    forms.append({QStringLiteral("BK_MTTQ"), QStringLiteral("Bằng khen của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
                  QStringLiteral("certificate"), QStringLiteral("both"), QStringLiteral("tinh"), 22});
    const AwardFormNames names(forms);
    const auto code = [&](const char *text) { return names.code(QString::fromUtf8(text)); };
    CHECK(code("Bằng khen BTV Tỉnh ủy") == QLatin1String("BK_TU"));
    CHECK(code("Bằng khen Ban Thường vụ Tỉnh ủy") == QLatin1String("BK_TU"));
    CHECK(code("Bằng khen LĐLĐ tỉnh") == QLatin1String("BK_LDLD"));
    CHECK(code("Bằng khen Ủy ban MTTQ tỉnh") == QLatin1String("BK_MTTQ"));
    // Another body's form is not the one asked for: the youth union has none here.
    CHECK(code("Giấy khen Tỉnh đoàn").isEmpty());
    CHECK(code("Bằng khen BTV Tỉnh đoàn").isEmpty());
    // And the province's own is still the province's.
    CHECK(code("BK UBND tỉnh") == QLatin1String("BK_TINH"));
}

TEST_CASE("awardFormCode_thanhPho_isTheProvinceOnlyForACentrallyRunCity", "[tables][formnames]")
{
    QList<AwardForm> forms = Catalogue::awardForms();
    const AwardFormNames anywhere(forms); // the office's place unknown
    const auto code = [&](const char *text) { return anywhere.code(QString::fromUtf8(text)); };
    // Named centrally-run cities are provinces, whatever the office.
    CHECK(code("Bằng khen UBND TP Hà Nội") == QLatin1String("BK_TINH"));
    CHECK(code("Bằng khen Chủ tịch UBND thành phố Hải Phòng") == QLatin1String("BK_TINH"));
    CHECK(code("BK UBND TP.HCM") == QLatin1String("BK_TINH"));
    CHECK(code("Cờ thi đua UBND thành phố Đà Nẵng năm 2024") == QLatin1String("CO_TD_TINH"));
    CHECK(code("Bằng khen UBND TP Huế") == QLatin1String("BK_TINH"));
    // Any other named city is a district, and the catalogue has no district Bằng khen; the
    // message names the city as written. TP Thanh Hóa is the capital of Thanh Hóa province.
    for (const char *text : {"Bằng khen UBND TP Vinh", "BK Chủ tịch UBND thành phố Thủ Đức", "Bằng khen UBND TP Thanh Hóa"}) {
        INFO(text);
        CHECK(code(text).isEmpty());
    }
    CHECK(anywhere.unknownLevel(QString::fromUtf8("Bằng khen UBND TP Vinh")) == QString::fromUtf8("TP Vinh"));
    // No name, the office's place unknown: it cannot be told, and the message says so.
    CHECK(code("Bằng khen UBND thành phố").isEmpty());
    CHECK(anywhere.candidates(QString::fromUtf8("Bằng khen UBND thành phố")).isEmpty());
    const QString why = anywhere.refusal(QString::fromUtf8("Bằng khen Chủ tịch UBND thành phố năm 2023"));
    CHECK(why.contains(QString::fromUtf8("\"thành phố\"")));
    CHECK(why.contains(QStringLiteral("cannot be told")));
    // A form naming no level still fits any city.
    CHECK(code("Giấy khen Chủ tịch UBND thành phố") == QLatin1String("GIAYKHEN"));

    // An office in a centrally-run city: its "UBND thành phố" is the province.
    const AwardFormNames haiPhong(forms,
                                  OfficePlace::fromLetterhead(QString(), QString::fromUtf8("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG"),
                                                              QString::fromUtf8("Hải Phòng")));
    CHECK(haiPhong.code(QString::fromUtf8("Bằng khen UBND thành phố")) == QLatin1String("BK_TINH"));
    CHECK(haiPhong.code(QString::fromUtf8("Cờ thi đua UBND TP")) == QLatin1String("CO_TD_TINH"));
    CHECK(haiPhong.refusal(QString::fromUtf8("Bằng khen UBND thành phố")).isEmpty());
    // …but a city inside it is still a district (Thủy Nguyên became a city of Hải Phòng).
    CHECK(haiPhong.code(QString::fromUtf8("Bằng khen UBND TP Thủy Nguyên")).isEmpty());

    // A district Bằng khen in the catalogue takes the named provincial cities.
    forms.append({QStringLiteral("BK_HUYEN"), QStringLiteral("Bằng khen của Chủ tịch Ủy ban nhân dân huyện"),
                  QStringLiteral("certificate"), QStringLiteral("both"), QStringLiteral("co_so"), 18});
    const AwardFormNames withDistrict(forms);
    CHECK(withDistrict.code(QString::fromUtf8("Bằng khen UBND TP Vinh")) == QLatin1String("BK_HUYEN"));
    CHECK(withDistrict.code(QString::fromUtf8("Bằng khen UBND TP Hồ Chí Minh")) == QLatin1String("BK_TINH"));
    CHECK(withDistrict.code(QString::fromUtf8("Bằng khen UBND thành phố")).isEmpty());
}

TEST_CASE("officePlace_readsTheProvinceFromTheLetterhead", "[tables][formnames]")
{
    const auto place = [](const char *parent, const char *body, const char *where) {
        return OfficePlace::fromLetterhead(QString::fromUtf8(parent), QString::fromUtf8(body), QString::fromUtf8(where));
    };
    // A department: its parent names the province, or only "tỉnh" and the date line's place does.
    CHECK(place("UBND TỈNH THANH HÓA", "SỞ NỘI VỤ", "Thanh Hóa").province == QString::fromUtf8("THANH HÓA"));
    CHECK(!place("UBND TỈNH THANH HÓA", "SỞ NỘI VỤ", "Thanh Hóa").centralCity);
    CHECK(place("UBND TỈNH", "SỞ NỘI VỤ", "Hà Tĩnh").province == QString::fromUtf8("Hà Tĩnh"));
    // The province itself, on two lines; "Hà Tĩnh" is no "tỉnh".
    CHECK(place("", "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "Hà Tĩnh").province == QString::fromUtf8("HÀ TĨNH"));
    // A centrally-run city, by its body, its parent or its place.
    CHECK(place("", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ", "").centralCity);
    CHECK(place("UBND TP. HỒ CHÍ MINH", "SỞ NỘI VỤ", "").centralCity);
    CHECK(place("", "ỦY BAN NHÂN DÂN PHƯỜNG LÊ ĐẠI HÀNH", "Hải Phòng").centralCity);
    // The date line as offices write it, with the word city in front.
    CHECK(place("", "ỦY BAN NHÂN DÂN PHƯỜNG BẾN NGHÉ", "TP. Hồ Chí Minh").centralCity);
    CHECK(place("", "ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU", "Thành phố Đà Nẵng").centralCity);
    CHECK(place("", "ỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH", "TPHCM").centralCity);
    // A district-level city tells nothing of its province; a commune's place is the commune.
    CHECK(place("", "ỦY BAN NHÂN DÂN THÀNH PHỐ VINH", "Vinh").province.isEmpty());
    CHECK(place("UBND TỈNH NGHỆ AN", "ỦY BAN NHÂN DÂN THÀNH PHỐ VINH", "Vinh").province == QString::fromUtf8("NGHỆ AN"));
    CHECK(place("", "ỦY BAN NHÂN DÂN XÃ KỲ ANH", "Kỳ Anh").province.isEmpty());
}

TEST_CASE("awardFormCode_aNationalBodysBangKhen_isTheCentralBodiesForm_notRefused", "[tables][formnames]")
{
    // "Bằng khen Tổng LĐLĐ Việt Nam" is the Confederation of Labour's: a central mass
    // organisation's Bằng khen, which the catalogue files as "… đoàn thể trung ương" (BK_BO)
    // and the Prime Minister's Bằng khen rules count. It was refused as "not in the catalogue".
    const AwardFormNames names(Catalogue::awardForms());
    const auto code = [&](const char *text) { return names.code(QString::fromUtf8(text)); };
    for (const char *text : {"Bằng khen Tổng LĐLĐ Việt Nam", "Bằng khen của Tổng Liên đoàn Lao động Việt Nam", "BK Tổng LĐLĐ VN",
                             "Bằng khen Hội Nông dân Việt Nam", "Bằng khen Hội CCB Việt Nam năm 2022"}) {
        INFO(text);
        CHECK(code(text) == QLatin1String("BK_BO"));
        CHECK(names.refusal(QString::fromUtf8(text)).isEmpty());
    }
    // What the body gave still has to be a Bằng khen: its medal is no catalogue form.
    CHECK(code("Kỷ niệm chương Tổng LĐLĐ Việt Nam").isEmpty());
    CHECK_FALSE(names.refusal(QString::fromUtf8("Kỷ niệm chương Tổng LĐLĐ Việt Nam")).isEmpty());
    // "Việt Nam" in a provincial committee's full name does not make it national.
    CHECK(code("Bằng khen Ủy ban MTTQ Việt Nam tỉnh Nghệ An").isEmpty());
    CHECK(code("Bằng khen LĐLĐ tỉnh").isEmpty());
    // Naming no level, an association's Bằng khen is most often a province's or a district's:
    // never the central bodies'.
    for (const char *text : {"Bằng khen Hội Nông dân", "BẰNG KHEN HỘI NÔNG DÂN", "Bằng khen Hội Cựu chiến binh",
                             "Bằng khen Hội Liên hiệp Phụ nữ", "Bằng khen Ủy ban Mặt trận Tổ quốc"}) {
        INFO(text);
        CHECK(code(text).isEmpty());
    }
}

TEST_CASE("awardFormCode_wordsAfterACitysName_stillCountForTheForm", "[tables][formnames]")
{
    // "UBND TP Đà Nẵng tặng Cờ thi đua": the city's name ended at the year, so "tặng Cờ thi
    // đua" was read as part of it and the form was lost.
    const AwardFormNames names(Catalogue::awardForms());
    const auto code = [&](const char *text) { return names.code(QString::fromUtf8(text)); };
    CHECK(code("UBND TP Đà Nẵng tặng Cờ thi đua") == QLatin1String("CO_TD_TINH"));
    CHECK(code("UBND thành phố Hồ Chí Minh tặng Bằng khen năm 2023") == QLatin1String("BK_TINH"));
    CHECK(code("UBND TP Vinh tặng Giấy khen") == QLatin1String("GIAYKHEN"));
    // Written in capitals the name ends at the first word of a form's name.
    CHECK(code("UBND TP VINH TẶNG GIẤY KHEN") == QLatin1String("GIAYKHEN"));
    CHECK(code("UBND TP HẢI PHÒNG TẶNG BẰNG KHEN") == QLatin1String("BK_TINH"));
    // Without marks, lower case, a name is read as before (up to the year).
    CHECK(code("bk ubnd tp ha noi") == QLatin1String("BK_TINH"));
    CHECK(names.unknownLevel(QString::fromUtf8("Bằng khen UBND TP Vinh cho tập thể")) == QString::fromUtf8("TP Vinh"));
    // A lower-case word after "thành phố" in a capitalised text is no city's name: the level
    // cannot be told, as for "UBND thành phố" alone.
    CHECK(code("Bằng khen UBND thành phố tặng").isEmpty());
    // A central city typed in lower case in a capitalised text is still the province.
    CHECK(code("BK UBND tp ha noi") == QLatin1String("BK_TINH"));
    CHECK(code("Bằng khen UBND thành phố hà nội") == QLatin1String("BK_TINH"));
    // A city's name holding a word of a form's name is not cut there: "tinh" of Hà Tĩnh
    // written without marks was read as "tỉnh", the province.
    for (const char *text : {"bang khen ubnd tp ha tinh", "BK UBND TP HA TINH", "co thi dua ubnd tp ha tinh",
                             "Bằng khen UBND TP Cao Bằng", "Bằng khen UBND TP Phú Quốc"}) {
        INFO(text);
        CHECK(code(text).isEmpty());
    }
    CHECK(names.unknownLevel(QString::fromUtf8("Bằng khen UBND TP Hà Tĩnh")) == QString::fromUtf8("TP Hà Tĩnh"));
    CHECK(names.unknownLevel(QString::fromUtf8("Bằng khen UBND TP Điện Biên Phủ")) == QString::fromUtf8("TP Điện Biên Phủ"));
    // Without marks a city may start with a word that, marked, would end a name: Đà Lạt.
    CHECK(names.unknownLevel(QString::fromUtf8("bang khen ubnd tp da lat")) == QString::fromUtf8("tp da lat"));
    CHECK(names.refusal(QString::fromUtf8("Bằng khen UBND thành phố tặng")).contains(QStringLiteral("cannot be told")));
}
