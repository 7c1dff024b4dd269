// Vietnamese typed before Unicode (issue 15 item 4): TCVN3 (ABC), VNI and VIQR columns of an
// imported list found and converted to NFC, Unicode text never mistaken for them, the clerk's
// choice winning over the guess, and NFD text stored as NFC.
#include "core/db/query.h"
#include "core/registry/unitrepository.h"
#include "core/tables/legacytext.h"
#include "core/tables/peopleimport.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/tablefile.h"
#include "support/testdatabase.h"
#include "tables_support.h"

#include <catch2/catch.hpp>

#include <QTemporaryDir>

#include <iconv.h>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Tables;
using VinhDanh::Test::errorOf;

namespace {
/// A sheet of one row per entry of `rows`, each a list of cell texts.
Sheet sheetOf(const QList<QStringList> &rows)
{
    Sheet s;
    for (int i = 0; i < rows.size(); ++i) {
        Row r;
        r.number = i + 1;
        for (const QString &t : rows.at(i))
            r.cells.append(Cell::fromText(t));
        s.rows.append(r);
    }
    return s;
}

QStringList column(const Sheet &s, int c)
{
    QStringList out;
    for (const Row &r : s.rows)
        out << r.cell(c).text;
    return out;
}

/// `text` in TCVN 5712:1993 as glibc's own converter writes it (an oracle written by others
/// from the standard's table), each byte as the Latin-1 character Excel shows it as.
QString glibcTcvn(const QString &text)
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

const ColumnEncoding *encodingOf(const QList<ColumnEncoding> &list, int column)
{
    for (const ColumnEncoding &c : list)
        if (c.column == column)
            return &c;
    return nullptr;
}
} // namespace

TEST_CASE("tcvn3Letters_everyToneOfEveryVowelAndTheSevenCapitals_readAsTheStandardSays", "[tables][legacy]")
{
    // Every lowercase letter of Vietnamese (12 vowels × 6 tones, and đ) and the base capitals
    // ABC has: the TCVN3 bytes glibc writes for them come back as the same Unicode letters.
    const QStringList vowels = QString::fromUtf8("a ă â e ê i o ô ơ u ư y").split(u' ');
    const QList<char16_t> tones = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
    QStringList letters{QStringLiteral("đ"), QStringLiteral("Ă"), QStringLiteral("Â"), QStringLiteral("Ê"),
                        QStringLiteral("Ô"), QStringLiteral("Ơ"), QStringLiteral("Ư"), QStringLiteral("Đ")};
    for (const QString &v : vowels)
        for (char16_t t : tones)
            letters << (t ? v + QChar(t) : v).normalized(QString::NormalizationForm_C);
    REQUIRE(letters.size() == 80);
    for (const QString &letter : letters) {
        const QString tcvn = glibcTcvn(letter);
        INFO(letter.toStdString() << " = 0x" << QByteArray::number(tcvn.at(0).unicode(), 16).toStdString());
        CHECK(tcvn.size() == 1);
        CHECK(fromLegacy(tcvn, TextEncoding::Tcvn3) == letter);
    }
}

TEST_CASE("tcvn3Words_becomeUnicodeNfc_asTypedInTheOrdinaryAndTheCapitalsFont", "[tables][legacy]")
{
    // As Excel shows .VnTime text: the brief's own example, written by hand.
    CHECK(fromLegacy(QStringLiteral("NguyÔn V¨n A"), TextEncoding::Tcvn3) == QStringLiteral("Nguyễn Văn A"));
    CHECK(fromLegacy(QStringLiteral("Lª ThÞ Hµ"), TextEncoding::Tcvn3) == QStringLiteral("Lê Thị Hà"));
    CHECK(fromLegacy(QStringLiteral("§ç Quang Vò"), TextEncoding::Tcvn3) == QStringLiteral("Đỗ Quang Vũ"));
    // Whole phrases through glibc's table: every tone, ă â ê ô ơ ư đ, and a base capital.
    for (const QString &phrase :
         {QStringLiteral("Trần Thị Hương"), QStringLiteral("Phạm Quốc Khánh"), QStringLiteral("Hồ Thị Lệ Hằng"),
          QStringLiteral("Lưu Đức Trí"), QStringLiteral("Võ Văn Kiệt"), QStringLiteral("Bùi Thị Nhẫn"), QStringLiteral("Đặng Thuỳ Mỹ"),
          QStringLiteral("Hoàn thành xuất sắc nhiệm vụ"), QStringLiteral("Phòng Tổ chức - Hành chính"),
          QStringLiteral("Sở Nội vụ tỉnh Hải Dương"), QStringLiteral("ủy ban nhân dân xã, lẳng lặng, ngẫm nghĩ, sửa chữa"),
          QStringLiteral("Ưu tiên: Ơn, Ông, Ân, Êm, Ăn, Đồng"),
          QStringLiteral("khuỷu tay, thuở nhỏ, nghiêng ngả, quyết định, giữ gìn, chuyện kể")}) {
        const QString tcvn = glibcTcvn(phrase);
        INFO(phrase.toStdString());
        CHECK(tcvn != phrase);
        CHECK(fromLegacy(tcvn, TextEncoding::Tcvn3) == phrase);
    }
    // A dash Word put in (beyond Latin-1) is kept and does not stop the conversion.
    CHECK(fromLegacy(glibcTcvn(QStringLiteral("Phòng Tổ chức")) + QStringLiteral(" – ") + glibcTcvn(QStringLiteral("Hành chính")),
                     TextEncoding::Tcvn3)
          == QStringLiteral("Phòng Tổ chức – Hành chính"));
    // .VnTimeH shows the lowercase codes as capitals: a heading typed in it is all capitals.
    CHECK(fromLegacy(QStringLiteral("Hä Vµ T£N"), TextEncoding::Tcvn3) == QStringLiteral("HỌ VÀ TÊN"));
    CHECK(fromLegacy(QStringLiteral("XÕP LO¹I"), TextEncoding::Tcvn3) == QStringLiteral("XẾP LOẠI"));
    // A capital vowel with its tone: the standard's combining tone after the letter.
    CHECK(fromLegacy(QStringLiteral("O\u00B3ng"), TextEncoding::Tcvn3) == QStringLiteral("Óng"));
    // A degree sign after a digit is no tone.
    CHECK(fromLegacy(QStringLiteral("25°C"), TextEncoding::Tcvn3) == QStringLiteral("25°C"));
}

TEST_CASE("vniWords_becomeUnicodeNfc_forEveryToneAndLetterInBothCases", "[tables][legacy]")
{
    // As Excel shows VNI-Times text, written by hand from VNI's code table.
    const QList<std::pair<QString, QString>> pairs = {
        {QStringLiteral("Nguyeãn Vaên A"), QStringLiteral("Nguyễn Văn A")},
        {QStringLiteral("Vieät Nam, Haø Noäi"), QStringLiteral("Việt Nam, Hà Nội")},
        {QStringLiteral("Thaønh phoá Hoà Chí Minh"), QStringLiteral("Thành phố Hồ Chí Minh")},
        // a: á à ả ã ạ; ă: ắ ằ ẳ ẵ ặ; â: ấ ầ ẩ ẫ ậ
        {QStringLiteral("Khaùnh Haø Haûi Ngaõ Phaïm"), QStringLiteral("Khánh Hà Hải Ngã Phạm")},
        {QStringLiteral("Thaéng Haèng haún laüng Ñaëng Vaên"), QStringLiteral("Thắng Hằng hẳn lẵng Đặng Văn")},
        {QStringLiteral("Taán Traàn Caåm Nhaãn Baäc Taâm"), QStringLiteral("Tấn Trần Cẩm Nhẫn Bậc Tâm")},
        // e, ê
        {QStringLiteral("Beù Cheø Treû Veõ Meï"), QStringLiteral("Bé Chè Trẻ Vẽ Mẹ")},
        {QStringLiteral("Hueá Veà Kieåm Nguyeãn Leä Leâ"), QStringLiteral("Huế Về Kiểm Nguyễn Lệ Lê")},
        // i, o, ô, ơ
        {QStringLiteral("Chí Chì Chæ Só Thò"), QStringLiteral("Chí Chì Chỉ Sĩ Thị")},
        {QStringLiteral("Coù Hoøa Nhoû Voõ Hoï"), QStringLiteral("Có Hòa Nhỏ Võ Họ")},
        {QStringLiteral("Quoác Hoà Toå Ñoã Hoäi Toâ"), QStringLiteral("Quốc Hồ Tổ Đỗ Hội Tô")},
        {QStringLiteral("Môùi Thôøi Ôû Vôõ Lôïi Sôn"), QStringLiteral("Mới Thời Ở Vỡ Lợi Sơn")},
        // u, ư, y
        {QStringLiteral("Thuù Huøng Thuûy Vuõ Thuï"), QStringLiteral("Thú Hùng Thủy Vũ Thụ")},
        {QStringLiteral("Ñöùc Töø Söû Höõu Löïc Löu"), QStringLiteral("Đức Từ Sử Hữu Lực Lưu")},
        {QStringLiteral("Lyù Kyø Kyû Myõ Thuî Höông"), QStringLiteral("Lý Kỳ Kỷ Mỹ Thuỵ Hương")},
        // Capitals
        {QStringLiteral("ÑOAØN VAÊN HAÄU"), QStringLiteral("ĐOÀN VĂN HẬU")},
        {QStringLiteral("ÖU TIEÂN ÔÛ ÆA ÓA ÒA ÎA ÍT ÌA"), QStringLiteral("ƯU TIÊN Ở ỈA ĨA ỊA ỴA ÍT ÌA")},
        {QStringLiteral("HÖÔÙNG DAÃN XEÁP LOAÏI"), QStringLiteral("HƯỚNG DẪN XẾP LOẠI")},
    };
    for (const auto &[vni, unicode] : pairs) {
        INFO(vni.toStdString());
        const QString out = fromLegacy(vni, TextEncoding::Vni);
        CHECK(out == unicode);
        CHECK(out.normalized(QString::NormalizationForm_C) == out);
    }
}

TEST_CASE("viqrWords_becomeUnicode_andPlainAsciiStaysAsWritten", "[tables][legacy]")
{
    // RFC 1456's marks, its escape, and dd / DD / Dd.
    CHECK(fromLegacy(QStringLiteral("Nguye^~n Va(n A"), TextEncoding::Viqr) == QStringLiteral("Nguyễn Văn A"));
    CHECK(fromLegacy(QStringLiteral("DDu+'c Tra^`n Thi. Hu+o+ng"), TextEncoding::Viqr) == QStringLiteral("Đức Trần Thị Hương"));
    CHECK(fromLegacy(QStringLiteral("Ddo^ng Thu? Ha? Ky~ Pha.m"), TextEncoding::Viqr) == QStringLiteral("Đông Thủ Hả Kỹ Phạm"));
    CHECK(fromLegacy(QStringLiteral("O^ng te^n gi`\\? To^i te^n la` Hie^'u\\."), TextEncoding::Viqr)
          == QStringLiteral("Ông tên gì? Tôi tên là Hiếu."));
    CHECK(fromLegacy(QStringLiteral("No^.i vu."), TextEncoding::Viqr) == QStringLiteral("Nội vụ"));
    CHECK(fromLegacy(QStringLiteral("HA`NH CHI'NH"), TextEncoding::Viqr) == QStringLiteral("HÀNH CHÍNH"));
    // A mark that makes no syllable is not a mark: English, e-mail addresses, codes, dates.
    for (const QString &plain : {QStringLiteral("address"), QStringLiteral("an.nguyen@sonoivu.gov.vn"), QStringLiteral("O'Neil (USA)"),
                                 QStringLiteral("31.12.2025"), QStringLiteral("QĐ-UBND")}) {
        INFO(plain.toStdString());
        CHECK(fromLegacy(plain, TextEncoding::Viqr) == plain);
    }
}

TEST_CASE("unicodeVietnamese_isNeverTakenForTcvn3OrAnotherLegacyText", "[tables][legacy]")
{
    // Names from the commonest family, middle and given names (many in Latin-1 letters only,
    // which TCVN3 and VNI also use), office words, codes, dates, numbers and addresses.
    const QStringList families = QString::fromUtf8(
                                     "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Tô Hà Mã Tôn Lâm "
                                     "Phí Châu Trương Quách Từ Âu Ông Ứng Đàm Tạ Lò")
                                     .split(u' ');
    const QStringList middles = QString::fromUtf8("Văn Thị Hữu Đức Minh Ngọc Thanh Quang Xuân Thu Kim Bá Công Đình Như").split(u' ');
    const QStringList givens = QString::fromUtf8("An Ánh Bình Chí Dân Hà Hân Hải Hòa Hoà Hùng Khuê Lê Lý Mai Nhã Phúc Quý "
                                                 "Sáu Tâm Tú Tuấn Thuý Thủy Vân Vĩ Yến Ân Ý Đô Uyên Khoa Hoè Quyết Nguyệt "
                                                 "Toản Huyền Khánh Oanh Ngoạn Thoả Giàu Gấm Kiều Quế Diệu Nguyên Thư Đạt")
                                   .split(u' ');
    QList<QStringList> rows;
    for (const QString &f : families)
        for (const QString &m : middles)
            for (const QString &g : givens)
                rows.append({f + u' ' + m + u' ' + g});
    const QStringList office = {
        QStringLiteral("Phòng Tổ chức – Hành chính"),
        QStringLiteral("Sở Nội vụ"),
        QStringLiteral("Hoàn thành xuất sắc nhiệm vụ"),
        QStringLiteral("HTXSNV"),
        QStringLiteral("CSTĐCS"),
        QStringLiteral("BK UBND tỉnh"),
        QStringLiteral("Chuyên viên"),
        QStringLiteral("Trưởng phòng"),
        QStringLiteral("Hà Nam"),
        QStringLiteral("Tâm Đảo"),
        QStringLiteral("Lê Hà"),
        QStringLiteral("Công chức"),
        QStringLiteral("Nữ"),
        QStringLiteral("Nam"),
        QStringLiteral("31/12/2025"),
        QStringLiteral("ngày 31 tháng 12 năm 2025"),
        QStringLiteral("2025-12-31"),
        QStringLiteral("1.234,5"),
        QStringLiteral("079085001234"),
        QStringLiteral("an.nguyen@sonoivu.gov.vn"),
        QStringLiteral("QĐ 123/QĐ-UBND"),
        QStringLiteral("Số 12, đường Lê Lợi"),
        QStringLiteral("Café Ông Bầu"),
    };
    for (const QString &o : office)
        rows.append({o});
    for (QStringList &r : rows) // every cell also in its own column of one, where nothing outvotes it
        r << r.first() << r.first();
    Sheet sheet = sheetOf(rows);
    const Sheet before = sheet;
    const QList<ColumnEncoding> guessed = decodeLegacyColumns(sheet);
    REQUIRE(guessed.size() == 3);
    for (const ColumnEncoding &c : guessed) {
        CHECK(c.encoding == TextEncoding::Unicode);
        CHECK(c.converted == 0);
    }
    CHECK(encodingOf(guessed, 0)->confidence == 100);
    for (int i = 0; i < rows.size(); ++i) {
        INFO(rows.at(i).first().toStdString());
        Sheet one = sheetOf({rows.at(i).mid(0, 1)});
        const QList<ColumnEncoding> alone = decodeLegacyColumns(one);
        REQUIRE(alone.size() == 1);
        CHECK(alone.first().encoding == TextEncoding::Unicode);
    }
    // A foreign name in Latin-1 is no evidence either way.
    Sheet foreign = sheetOf({{QStringLiteral("Müller")}, {QStringLiteral("Café")}});
    CHECK(decodeLegacyColumns(foreign).first().encoding == TextEncoding::Unicode);
    CHECK(foreign.rows.at(0).cell(0).text == QStringLiteral("Müller"));
    // Even in a column the clerk calls legacy, a cell with a letter beyond Latin-1 is Unicode
    // already and stays as it is (lists pasted together mix both).
    const QList<ColumnEncoding> forced = decodeLegacyColumns(sheet, nullptr,
                                                             {{QStringLiteral("1"), TextEncoding::Tcvn3},
                                                              {QStringLiteral("2"), TextEncoding::Vni},
                                                              {QStringLiteral("3"), TextEncoding::Viqr}});
    int wide = 0;
    for (int c = 0; c < 3; ++c) {
        INFO(c);
        CHECK(encodingOf(forced, c)->chosen);
        for (int r = 0; r < sheet.rows.size(); ++r) {
            const QString was = before.rows.at(r).cell(c).text;
            if (std::any_of(was.begin(), was.end(), [](QChar ch) { return ch.unicode() > 0xFF && ch.isLetter(); })) {
                ++wide;
                CHECK(sheet.rows.at(r).cell(c).text == was);
            }
        }
    }
    CHECK(wide > 20000);
}

TEST_CASE("legacyColumns_areGuessedWithTheirConfidence_andConvertedBeforeMapping", "[tables][legacy]")
{
    Sheet sheet = sheetOf({
        {QStringLiteral("DANH S¸CH C¸N Bé"), QString(), QString(), QString()},
        {QStringLiteral("STT"), QStringLiteral("Hä Vµ T£N"), QStringLiteral("Ngày sinh"), QStringLiteral("Quê quán")},
        {QStringLiteral("1"), QStringLiteral("NguyÔn V¨n Hïng"), QStringLiteral("12/03/1980"), QStringLiteral("Nguyeãn Vaên Cöø")},
        {QStringLiteral("2"), QStringLiteral("TrÇn ThÞ H­¬ng"), QStringLiteral("01/01/1990"), QStringLiteral("Haø Noäi")},
        {QStringLiteral("3"), QStringLiteral("Lª Quang Vò"), QStringLiteral("05/05/1985"), QStringLiteral("Thaønh phoá Hueá")},
        {QStringLiteral("4"), QStringLiteral("Đỗ Thị Mai"), QStringLiteral("07/07/1977"), QStringLiteral("Quaûng Trò")},
        {QStringLiteral("5"), QStringLiteral("Ph¹m Thu Hµ"), QStringLiteral("09/09/1999"), QStringLiteral("Nghe Ann")},
    });
    const QList<ColumnEncoding> found = decodeLegacyColumns(sheet);
    // A: the title is TCVN3 but numbers say nothing; one telling cell of one.
    const ColumnEncoding *names = encodingOf(found, 1);
    REQUIRE(names);
    CHECK(names->encoding == TextEncoding::Tcvn3);
    CHECK(!names->chosen);
    CHECK(names->confidence == 83); // 5 of 6 telling cells; "Đỗ Thị Mai" is Unicode already
    CHECK(names->converted == 5);
    CHECK(column(sheet, 1)
          == QStringList{QString(), QStringLiteral("HỌ VÀ TÊN"), QStringLiteral("Nguyễn Văn Hùng"), QStringLiteral("Trần Thị Hương"),
                         QStringLiteral("Lê Quang Vũ"), QStringLiteral("Đỗ Thị Mai"), QStringLiteral("Phạm Thu Hà")});
    CHECK(encodingOf(found, 0)->encoding == TextEncoding::Tcvn3);
    CHECK(sheet.rows.at(0).cell(0).text == QStringLiteral("DANH SÁCH CÁN BỘ"));
    CHECK(encodingOf(found, 2)->encoding == TextEncoding::Unicode);
    const ColumnEncoding *home = encodingOf(found, 3);
    CHECK(home->encoding == TextEncoding::Vni);
    CHECK(home->confidence == 80); // "Quê quán" is Unicode; "Nghe Ann" tells nothing
    CHECK(sheet.rows.at(2).cell(3).text == QStringLiteral("Nguyễn Văn Cừ"));
    CHECK(sheet.rows.at(5).cell(3).text == QStringLiteral("Quảng Trị"));
    CHECK(sheet.rows.at(1).cell(3).text == QStringLiteral("Quê quán"));
    // The heading in the capitals font is found as the full-name column.
    const PeopleMapping m = mapPeople(sheet);
    CHECK(m.headerRow == 2);
    CHECK(m.columnOf(Field::FullName) == 1);

    Sheet viqr = sheetOf({{QStringLiteral("Ho. va` te^n")},
                          {QStringLiteral("Nguye^~n Va(n A")},
                          {QStringLiteral("DDa(.ng Thu? Ha`")},
                          {QStringLiteral("Tho")}});
    const QList<ColumnEncoding> v = decodeLegacyColumns(viqr);
    CHECK(v.first().encoding == TextEncoding::Viqr);
    CHECK(v.first().confidence == 100);
    CHECK(column(viqr, 0)
          == QStringList{QStringLiteral("Họ và tên"), QStringLiteral("Nguyễn Văn A"), QStringLiteral("Đặng Thủ Hà"),
                         QStringLiteral("Tho")});
}

TEST_CASE("encodingOverride_winsOverTheGuess_byHeaderOrNumber_andAnUnknownColumnIsRefused", "[tables][legacy]")
{
    const Sheet original = sheetOf({{QStringLiteral("Mã"), QStringLiteral("Hä vµ tªn")},
                                    {QStringLiteral("A1"), QStringLiteral("NguyÔn V¨n Hïng")},
                                    {QStringLiteral("A2"), QStringLiteral("TrÇn ThÞ H­¬ng")}});
    {
        // The header as the file has it, as it reads converted, or the number: all name column B.
        for (const QString &name :
             {QStringLiteral("Hä vµ tªn"), QStringLiteral("họ và tên"), QStringLiteral("HO VA TEN"), QStringLiteral("2")}) {
            INFO(name.toStdString());
            Sheet s = original;
            const QList<ColumnEncoding> out = decodeLegacyColumns(s, nullptr, {{name, TextEncoding::Unicode}});
            CHECK(encodingOf(out, 1)->chosen);
            CHECK(encodingOf(out, 1)->encoding == TextEncoding::Unicode);
            CHECK(column(s, 1) == column(original, 1)); // kept as written, as the clerk said
        }
    }
    {
        // A list mostly in Unicode with one VNI cell pasted in stays Unicode by the guess; the
        // clerk's VNI converts that cell and leaves the Unicode ones.
        const Sheet mixed = sheetOf({{QStringLiteral("Họ và tên"), QStringLiteral("Quê")},
                                     {QStringLiteral("An"), QStringLiteral("Hueá")},
                                     {QStringLiteral("Bình"), QStringLiteral("Hà Nội")},
                                     {QStringLiteral("Cúc"), QStringLiteral("Đà Nẵng")}});
        Sheet s = mixed;
        const QList<ColumnEncoding> guess = decodeLegacyColumns(s);
        CHECK(encodingOf(guess, 1)->encoding == TextEncoding::Unicode);
        CHECK(encodingOf(guess, 1)->confidence == 75);
        CHECK(column(s, 1) == column(mixed, 1));
        const QList<ColumnEncoding> chosen = decodeLegacyColumns(s, nullptr, {{QStringLiteral("Quê"), TextEncoding::Vni}});
        CHECK(encodingOf(chosen, 1)->encoding == TextEncoding::Vni);
        CHECK(encodingOf(chosen, 1)->converted == 1);
        CHECK(column(s, 1)
              == QStringList{QStringLiteral("Quê"), QStringLiteral("Huế"), QStringLiteral("Hà Nội"), QStringLiteral("Đà Nẵng")});
    }
    Sheet s = original;
    CHECK(errorOf([&] {
              decodeLegacyColumns(s, nullptr, {{QStringLiteral("Ngày sinh"), TextEncoding::Tcvn3}});
          }).contains(QStringLiteral("No column headed \"Ngày sinh\"")));
    CHECK(errorOf([&] {
              decodeLegacyColumns(s, nullptr, {{QStringLiteral("7"), TextEncoding::Tcvn3}});
          }).contains(QStringLiteral("there is no column 7")));
    CHECK(column(s, 1) == column(original, 1));
}

TEST_CASE("tcvn3Csv_savedInItsOwnBytes_isReadAndConverted_whileWindows1258StaysRight", "[tables][legacy]")
{
    QTemporaryDir dir;
    // Excel saves a .VnTime list as "CSV" with the font's bytes: not UTF-8, so the reader first
    // takes it for Windows-1258, which would turn 0xD4 (ễ) into Ơ and 0xCC (è) into a grave.
    const QString tcvn = dir.filePath(QStringLiteral("tcvn3.csv"));
    Test::writeAll(tcvn, QByteArray("H\xE4 v\xB5 t\xAAn;\xA7\xACn v\xDE;Ghi ch\xF3\n"
                                    "Nguy\xD4n V\xA8n H\xEFng;S\xEB N\xE9i v\xF4;Kh\xCCn\n"
                                    "Tr\xC7n Th\xDE H\xAD\xACng;S\xEB N\xE9i v\xF4;V\xDE tr\xDD\n"));
    const TableFile file = readFile(tcvn);
    CHECK(file.encoding == QStringLiteral("windows-1258"));
    CHECK(column(file.sheet, 0)
          == QStringList{QStringLiteral("Họ và tên"), QStringLiteral("Nguyễn Văn Hùng"), QStringLiteral("Trần Thị Hương")});
    CHECK(column(file.sheet, 1) == QStringList{QStringLiteral("Đơn vị"), QStringLiteral("Sở Nội vụ"), QStringLiteral("Sở Nội vụ")});
    // "Ghi chó" reads in Unicode too, but its column is TCVN3: "Ghi chú".
    CHECK(column(file.sheet, 2) == QStringList{QStringLiteral("Ghi chú"), QStringLiteral("Khèn"), QStringLiteral("Vị trí")});
    CHECK(encodingOf(file.encodings, 0)->encoding == TextEncoding::Tcvn3);

    const QString cp1258 = dir.filePath(QStringLiteral("cp1258.csv"));
    // Windows-1258 proper: ễ = ê (EA) + tilde (DE), Đ = D0.
    const QByteArray bytes("H\xF2\xCC va\xCC t\xEAn;\xD0\xF5n vi\xF2\nNguy\xEA\xDEn V\xE3n \xD0\xF4ng;S\xF5\xD2 N\xF4\xF2i vu\xF2\n");
    Test::writeAll(cp1258, bytes);
    const TableFile right = readFile(cp1258);
    CHECK(right.sheet.rows.at(1).cell(0).text == QStringLiteral("Nguyễn Văn Đông"));
    CHECK(right.sheet.rows.at(1).cell(1).text == QStringLiteral("Sở Nội vụ"));
    CHECK(right.sheet.rows.at(0).cell(1).text == QStringLiteral("Đơn vị"));
    for (const ColumnEncoding &c : right.encodings)
        CHECK(c.encoding == TextEncoding::Unicode);
}

TEST_CASE("nfdNamesInAnXlsx_areStoredNfc_andTheSameListAgainChangesNothing", "[tables][legacy][import]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Unit u;
        u.key = QStringLiteral("SNV");
        u.name = QStringLiteral("Sở Nội vụ");
        u.kind = QStringLiteral("provincial_agency");
        UnitRepository(db).save(u);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nfd.xlsx"));
        const QString nfc = QStringLiteral("Nguyễn Thị Thuỷ");
        const QString nfd = nfc.normalized(QString::NormalizationForm_D);
        REQUIRE(nfd != nfc);
        {
            Test::XlsxWriter book(path);
            lxw_worksheet *ws = book.sheet(QStringLiteral("DS"));
            book.row(ws, 0,
                     {QStringLiteral("Họ và tên").normalized(QString::NormalizationForm_D), QStringLiteral("Ngày sinh"),
                      QStringLiteral("Đơn vị"), QStringLiteral("Đối tượng"), QStringLiteral("Xếp loại 2025")});
            book.row(ws, 1,
                     {nfd, QDate(1990, 4, 5), QStringLiteral("Sở Nội vụ").normalized(QString::NormalizationForm_D),
                      QStringLiteral("Công chức").normalized(QString::NormalizationForm_D), QStringLiteral("HTXSNV")});
        }
        const TableFile file = readFile(path);
        CHECK(file.sheet.rows.at(1).cell(0).text == nfc);
        const PeoplePreview first = previewPeople(db, file.sheet, mapPeople(file.sheet));
        REQUIRE(first.count(RowStatus::New) == 1);
        commitPeople(db, first);
        CHECK(Query(db.sql(), QStringLiteral("SELECT full_name FROM people")).scalar(0).toString() == nfc);
        const TableFile again = readFile(path);
        const PeoplePreview second = previewPeople(db, again.sheet, mapPeople(again.sheet));
        CHECK(second.count(RowStatus::Unchanged) == 1);
    });
}
