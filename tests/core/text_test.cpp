#include "core/text/csv.h"
#include "core/text/vntext.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

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

TEST_CASE("csvFile_quotesCommasQuotesLineBreaksAndEdgeSpaces_andStartsWithBom", "[text]")
{
    using namespace VinhDanh::Core;
    const QByteArray csv = Csv::file({{QStringLiteral("Tên"), QStringLiteral("Ghi chú")},
                                      {QStringLiteral("Hà Nội, Việt Nam"), QStringLiteral("nói \"đạt\"\nxong")},
                                      {QStringLiteral(" Sở Y tế"), QStringLiteral("đạt ")}});
    CHECK(csv
          == QByteArray("\xEF\xBB\xBF")
                 + QStringLiteral("Tên,Ghi chú\r\n\"Hà Nội, Việt Nam\",\"nói \"\"đạt\"\"\nxong\"\r\n\" Sở Y tế\",\"đạt \"\r\n")
                       .toUtf8());
}

TEST_CASE("csvSave_writesTheWholeFile_orRefusesWithTheFileName", "[text]")
{
    using namespace VinhDanh::Core;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("danh-sach.csv"));
    Csv::save(path, {{QStringLiteral("Nguyễn Văn A")}});
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == Csv::file({{QStringLiteral("Nguyễn Văn A")}}));
    const QString impossible = dir.filePath(QStringLiteral("no-such-folder/x.csv"));
    CHECK_THROWS_WITH(Csv::save(impossible, {{QStringLiteral("x")}}), Catch::Contains("x.csv"));
    CHECK_FALSE(QFile::exists(impossible));
}

TEST_CASE("englishUi_countsReadAsWords_oneUnitTwoHundredUnitsOnePersonWorks", "[text][i18n]")
{
    // The test main runs in English, as `--lang en` does: the plural-only catalogue answers.
    auto n = [](const char *context, const char *source, int count) {
        return QCoreApplication::translate(context, source, nullptr, count);
    };
    // The status bar's counts are %Ln (grouped digits), so the source text carries the L.
    CHECK(n("VinhDanh::Ui::MainWindow", "%Ln unit(s)", 1) == QStringLiteral("1 unit"));
    CHECK(n("VinhDanh::Ui::MainWindow", "%Ln unit(s)", 200) == QStringLiteral("200 units"));
    CHECK(n("UnitRepository", "%n person(s) work in it", 1) == QStringLiteral("1 person works in it"));
    CHECK(n("UnitRepository", "%n person(s) work in it", 3) == QStringLiteral("3 people work in it"));
}
