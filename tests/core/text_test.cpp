#include "core/text/vntext.h"

#include <catch2/catch.hpp>

using namespace VinhDanh::Core;

TEST_CASE("foldIgnoresCaseAndDiacritics_soPlainTypingFindsVietnameseNames", "[text]")
{
    CHECK(Text::fold(QStringLiteral("Nguyễn Văn A")) == QStringLiteral("nguyen van a"));
    CHECK(Text::fold(QStringLiteral("NGUYỄN VĂN A")) == QStringLiteral("nguyen van a"));
    CHECK(Text::fold(QStringLiteral("Đặng Thị Hường")) == QStringLiteral("dang thi huong"));
    CHECK(Text::fold(QStringLiteral("Ủy ban nhân dân phường Lê Đại Hành")) == QStringLiteral("uy ban nhan dan phuong le dai hanh"));
}

TEST_CASE("cleanStoresNfc_evenWhenInputIsDecomposed", "[text]")
{
    const QString nfd = QStringLiteral("Nguyễn").normalized(QString::NormalizationForm_D);
    REQUIRE(nfd.size() > QStringLiteral("Nguyễn").size());
    CHECK(Text::clean(nfd) == QStringLiteral("Nguyễn"));
    CHECK(Text::clean(QStringLiteral("  Trần   Thị\tB ")) == QStringLiteral("Trần Thị B"));
}

TEST_CASE("likePatternEscapesWildcards_soPercentIsSearchedLiterally", "[text]")
{
    CHECK(Text::likePattern(QStringLiteral("50%_x")) == QStringLiteral("%50\\%\\_x%"));
}

TEST_CASE("givenNameIsTheLastWord_whichLeadsVietnameseSorting", "[text]")
{
    CHECK(Text::givenName(QStringLiteral("Nguyễn Văn An")) == QStringLiteral("An"));
    CHECK(Text::givenName(QStringLiteral("Lê")) == QStringLiteral("Lê"));
}
