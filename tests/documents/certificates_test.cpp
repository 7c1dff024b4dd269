// Certificates on pre-printed blanks: the shipped layouts, an office's own layout (checked on
// import), the text of each awardee's certificate in the attached list's order, the PDF placed
// where the layout says and moved by a printer's calibration, and the test grid.
#include "core/db/query.h"
#include "core/documents/certificates.h"
#include "core/registry/personrepository.h"
#include "core/settings.h"
#include "decisioncase.h"
#include "pdftools.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Documents;
namespace Cert = Documents::Certificates;

namespace {
QByteArray shippedJson(const QString &type)
{
    return Cert::toJson(Cert::builtIn(type));
}

/// The shipped layout with one field's value replaced.
QByteArray withField(const QString &type, int field, const char *name, const QJsonValue &value)
{
    QJsonObject o = QJsonDocument::fromJson(shippedJson(type)).object();
    QJsonArray fields = o.value(QStringLiteral("fields")).toArray();
    QJsonObject f = fields.at(field).toObject();
    f.insert(QLatin1String(name), value);
    fields.replace(field, f);
    o.insert(QStringLiteral("fields"), fields);
    return QJsonDocument(o).toJson();
}

QString refusal(Core::Database &db, const QByteArray &json, const QString &type = QStringLiteral("bang-khen"))
{
    try {
        Cert::saveOfficeLayout(db, type, json);
    } catch (const Core::Error &e) {
        return e.message();
    }
    return {};
}

void setGender(Core::Database &db, qint64 personId, const QString &gender)
{
    Core::PersonRepository people(db);
    Core::Person p = *people.get(personId);
    p.gender = gender;
    people.save(p);
}

qint64 personNamed(Core::Database &db, const QString &name)
{
    Core::Query q(db.sql(), QStringLiteral("SELECT id FROM people WHERE full_name = :n"));
    q.bind(QStringLiteral(":n"), name).exec();
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}
} // namespace

TEST_CASE("shippedLayouts_placeEveryLineInsideTheirBlank_andNameTheFormsPrintedOnIt", "[documents][certificates]")
{
    for (const QString &type : Cert::types()) {
        INFO(type.toStdString());
        const Cert::Layout l = Cert::builtIn(type);
        CHECK(l.type == type);
        CHECK_FALSE(l.forms.isEmpty());
        CHECK_FALSE(l.source.isEmpty()); // where the size comes from, and that it is to be checked
        for (const char *key :
             {"issuer", "presents", "recipient", "achievement", "decision", "goldBook", "placeDate", "signerTitle", "signerName"})
            CHECK(l.field(QLatin1String(key)));
        for (const Cert::Field &f : l.fields) {
            CHECK(f.x + f.width <= l.paper.width());
            CHECK(f.y < l.paper.height());
        }
        // What toJson writes, parse reads back unchanged.
        CHECK(Cert::toJson(Cert::parse(Cert::toJson(l))) == Cert::toJson(l));
    }
    CHECK(Cert::builtIn(QStringLiteral("bang-khen")).forms.contains(QStringLiteral("BK_TINH")));
    CHECK(Cert::builtIn(QStringLiteral("giay-khen")).forms.contains(QStringLiteral("GIAYKHEN")));
}

TEST_CASE("layoutImport_refusesAMalformedLayout_namingTheFieldAndReason_andKeepsTheLayoutInForce", "[documents][certificates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        CHECK(refusal(db, "{\n  \"type\": \"bang-khen\",\n  oops\n}").contains(QStringLiteral("line 3")));
        CHECK(refusal(db, withField(QStringLiteral("bang-khen"), 0, "field", QStringLiteral("nickname")))
                  .contains(QStringLiteral("fields[0].field \"nickname\"")));
        CHECK(refusal(db, withField(QStringLiteral("bang-khen"), 1, "width", 0)).contains(QStringLiteral("fields[1].width")));
        CHECK(refusal(db, withField(QStringLiteral("bang-khen"), 2, "x", 390)).contains(QStringLiteral("outside the 420 × 297 mm")));
        CHECK(refusal(db, withField(QStringLiteral("bang-khen"), 0, "size", 200)).contains(QStringLiteral("fields[0].size")));
        CHECK(refusal(db, shippedJson(QStringLiteral("giay-khen"))).contains(QStringLiteral("not for \"bang-khen\"")));
        CHECK_FALSE(Cert::hasOfficeLayout(db, QStringLiteral("bang-khen")));

        // A good one is kept and wins over the shipped one, until reset.
        REQUIRE(refusal(db, withField(QStringLiteral("bang-khen"), 0, "y", 121.5)).isEmpty());
        CHECK(Cert::hasOfficeLayout(db, QStringLiteral("bang-khen")));
        CHECK(Cert::layout(db, QStringLiteral("bang-khen")).fields.at(0).y == Approx(121.5));
        CHECK(refusal(db, withField(QStringLiteral("bang-khen"), 0, "align", QStringLiteral("middle")))
                  .contains(QStringLiteral("align")));
        CHECK(Cert::layout(db, QStringLiteral("bang-khen")).fields.at(0).y == Approx(121.5));
        Cert::resetOfficeLayout(db, QStringLiteral("bang-khen"));
        CHECK(Cert::layout(db, QStringLiteral("bang-khen")).fields.at(0).y
              == Approx(Cert::builtIn(QStringLiteral("bang-khen")).fields.at(0).y));
    });
}

TEST_CASE("certificatesOfAnIssuedDecision_followTheAttachedList_andCarryTheDecisionPlaceDateAndSigner", "[documents][certificates]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        Test::DecisionCase c(db);
        setGender(db, personNamed(db, QStringLiteral("Nguyễn Văn An")), QStringLiteral("male"));
        const Test::Wf::Decision d = c.issue();

        // The list: 1 the unit (Tập thể lao động xuất sắc), 2 An, 3 Bình — Bằng khen go to 2 and 3.
        const QList<Cert::Certificate> bk = Cert::forDecision(db, d.id, QStringLiteral("bang-khen"));
        REQUIRE(bk.size() == 2);
        CHECK(bk[0].position == 2);
        CHECK(bk[0].text.value(QStringLiteral("recipient")) == QStringLiteral("Ông Nguyễn Văn An"));
        CHECK(bk[1].position == 3);
        CHECK(bk[1].text.value(QStringLiteral("recipient")) == QStringLiteral("Trần Thị Bình")); // no gender recorded
        CHECK(bk[1].text.value(QStringLiteral("detail")).contains(QStringLiteral("Sở Khoa học và Công nghệ")));
        CHECK(bk[0].text.value(QStringLiteral("decision")) == QStringLiteral("Quyết định số %1 ngày 15/01/2026").arg(d.number));
        CHECK(bk[0].text.value(QStringLiteral("placeDate")) == QStringLiteral("Thanh Hóa, ngày 15 tháng 01 năm 2026"));
        CHECK(bk[0].text.value(QStringLiteral("signerTitle")) == QStringLiteral("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"));
        CHECK(bk[0].text.value(QStringLiteral("signerName")) == QStringLiteral("Nguyễn Văn Tỉnh"));
        CHECK(bk[0].text.value(QStringLiteral("achievement")).startsWith(QStringLiteral("Đã có thành tích xuất sắc")));
        // Who awards, above "TẶNG", as the decision names its decider; no gold book number before printing.
        CHECK(bk[0].text.value(QStringLiteral("issuer")) == QStringLiteral("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA"));
        CHECK(bk[0].text.value(QStringLiteral("presents")) == QStringLiteral("TẶNG"));
        CHECK(bk[0].goldBook == 0);
        CHECK(bk[0].text.value(QStringLiteral("goldBook")).isEmpty());

        // A reprint of one; a number that is not a Bằng khen, or not a number, is refused.
        const QList<Cert::Certificate> one = Cert::forKey(db, d.key + QStringLiteral("/3"), QStringLiteral("bang-khen"));
        REQUIRE(one.size() == 1);
        CHECK(one[0].awardeeName == QStringLiteral("Trần Thị Bình"));
        CHECK_THROWS_WITH(Cert::forKey(db, d.key + QStringLiteral("/1"), QStringLiteral("bang-khen")),
                          Catch::Contains("numbers 2, 3"));
        CHECK_THROWS_WITH(Cert::forKey(db, d.key + QStringLiteral("/x"), QStringLiteral("bang-khen")), Catch::Contains("KEY/3"));
        // No Giấy khen in this decision.
        CHECK_THROWS_WITH(Cert::forDecision(db, d.id, QStringLiteral("giay-khen")), Catch::Contains("awards nothing printed"));
    });
}

TEST_CASE("certificatesOfADraftDecision_areRefused_untilItIsIssuedWithItsFinalNumber", "[documents][certificates]")
{
    Test::TestDatabase t;
    Test::DecisionCase c(t.open());
    CHECK_THROWS_WITH(Cert::forDecision(t.db(), c.draft.id, QStringLiteral("bang-khen")), Catch::Contains("still a draft"));
    c.issue();
    CHECK(Cert::forDecision(t.db(), c.draft.id, QStringLiteral("bang-khen")).size() == 2);
}

TEST_CASE("certificatePdf_isTheBlankSize_onePagePerCertificate_textWhereTheLayoutSays_andMovedByTheOffset",
          "[documents][certificates][pdf]")
{
    Test::TestDatabase t;
    Test::DecisionCase c(t.open());
    const Test::Wf::Decision d = c.issue();
    const Cert::Layout layout = Cert::builtIn(QStringLiteral("bang-khen"));
    const QList<Cert::Certificate> list = Cert::forDecision(t.db(), d.id, layout.type);
    const QString plain = t.dir() + QStringLiteral("/bang-khen.pdf");
    const QString moved = t.dir() + QStringLiteral("/bang-khen-lech.pdf");
    Cert::savePdf(layout, list, Cert::Offset(0, 0), plain);
    Cert::savePdf(layout, list, Cert::Offset(3, -2), moved);

    CHECK(Test::Pdf::pages(plain) == 2);
    CHECK(Test::Pdf::pageSize(plain).startsWith(QStringLiteral("1191 x 842"))); // A3 landscape, 420 × 297 mm, whole points
    // At least one font (an unreadable file lists none, and the loop would pass), every one embedded serif.
    const QStringList fonts = Test::Pdf::fonts(plain);
    REQUIRE_FALSE(fonts.isEmpty());
    for (const QString &font : fonts)
        CHECK((font.contains(QStringLiteral("LiberationSerif")) && font.endsWith(QStringLiteral("|yes"))));
    CHECK(Test::Pdf::text(plain, 2).contains(QStringLiteral("Trần Thị Bình")));

    // The recipient line is centred in its box: "Trần … Bình" spans the box's middle, below its top.
    const Cert::Field *recipient = layout.field(QStringLiteral("recipient"));
    const Test::Pdf::Word first = Test::Pdf::word(plain, QStringLiteral("Trần"), 2);
    const Test::Pdf::Word last = Test::Pdf::word(plain, QStringLiteral("Bình"), 2);
    REQUIRE(first.page == 2);
    REQUIRE(last.page == 2);
    CHECK((first.left + last.right) / 2 == Approx(recipient->x + recipient->width / 2).margin(1.0));
    CHECK(first.top >= recipient->y - 0.5);
    CHECK(first.top < recipient->y + 12);

    // The calibration moves every line by exactly the offset.
    const Test::Pdf::Word shifted = Test::Pdf::word(moved, QStringLiteral("Trần"), 2);
    CHECK(shifted.left - first.left == Approx(3).margin(0.2));
    CHECK(shifted.top - first.top == Approx(-2).margin(0.2));
    const Test::Pdf::Word signer = Test::Pdf::word(plain, QStringLiteral("Tỉnh"), 1);
    const Test::Pdf::Word signerMoved = Test::Pdf::word(moved, QStringLiteral("Tỉnh"), 1);
    CHECK(signerMoved.left - signer.left == Approx(3).margin(0.2));
}

TEST_CASE("testGrid_isNumberedInMillimetres_marksEachField_andShiftsWithTheOffset", "[documents][certificates][pdf]")
{
    QTemporaryDir dir;
    const Cert::Layout layout = Cert::builtIn(QStringLiteral("giay-khen"));
    const QString plain = dir.filePath(QStringLiteral("grid.pdf"));
    const QString moved = dir.filePath(QStringLiteral("grid-moved.pdf"));
    Cert::saveTestGridPdf(layout, Cert::Offset(0, 0), plain);
    Cert::saveTestGridPdf(layout, Cert::Offset(-1.5, 2), moved);
    CHECK(Test::Pdf::pages(plain) == 1);
    CHECK(Test::Pdf::pageSize(plain).startsWith(QStringLiteral("842 x 595"))); // 297 × 210 mm, whole points
    const QString text = Test::Pdf::text(plain);
    CHECK(text.contains(QStringLiteral("LƯỚI CĂN CHỈNH")));
    // Each field's box is named in Vietnamese for the clerk laying the grid over the blank.
    CHECK(text.contains(QStringLiteral("Tên cá nhân, tập thể được khen")));
    CHECK(text.contains(QStringLiteral("Số sổ vàng")));
    CHECK(text.contains(QStringLiteral("Người quyết định khen thưởng")));
    for (const QString &key : Cert::fieldKeys())
        CHECK_FALSE(text.contains(key)); // no English key (recipient, goldBook…) left
    // The "100" of the top ruler sits just right of the 100 mm line.
    const Test::Pdf::Word ruler = Test::Pdf::word(plain, QStringLiteral("100"));
    REQUIRE(ruler.page == 1);
    CHECK(ruler.left == Approx(100.8).margin(0.5));
    const Test::Pdf::Word rulerMoved = Test::Pdf::word(moved, QStringLiteral("100"));
    CHECK(rulerMoved.left - ruler.left == Approx(-1.5).margin(0.2));
    CHECK(rulerMoved.top - ruler.top == Approx(2).margin(0.2));
}

TEST_CASE("calibration_correctsByWhatTheGridWasOff_andIsKeptPerPrinter", "[documents][certificates]")
{
    // Printed with +1 mm across, the cross was found 22.5 mm from the left and 19 mm from the top:
    // the printer puts things 2.5 mm right and 1 mm high of where they are sent.
    const Cert::Offset next = Cert::corrected(Cert::Offset(1, 0), 22.5, 19);
    CHECK(next.x() == Approx(-1.5));
    CHECK(next.y() == Approx(1));

    const QString printer = QStringLiteral("HP LaserJet 1020 / tầng 2");
    Core::Settings::setCertificateOffset(printer, next);
    CHECK(Core::Settings::certificateOffset(printer) == next);
    CHECK(Core::Settings::certificateOffset(QStringLiteral("Canon LBP 2900")) == QPointF());
    Core::Settings::setCertificateOffset(printer, QPointF());
}
