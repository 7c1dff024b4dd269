// The DOCX round trip a clerk makes: opened in LibreOffice (converted headless to PDF), the
// decision, the tờ trình and the danh sách keep every block on as many pages as our own PDF;
// a long list repeats its header row, numbers its pages from 2 and splits no row; the signature
// block never stands alone on a page, nor leaves a blank one after it. Without LibreOffice the
// tests say so and check the XML.
#include "docxtools.h"
#include "pdftools.h"
#include "sampledocs.h"

#include "core/documents/decisiondocuments.h"
#include "core/documents/docxwriter.h"
#include "core/documents/dossierdocuments.h"
#include "core/documents/letterhead.h"
#include "core/documents/renderer.h"
#include "decisioncase.h"
#include "tests/core/workflow_fixture.h"
#include "tests/support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QFileInfo>
#include <QTemporaryDir>

using namespace VinhDanh;
using namespace VinhDanh::Documents;
namespace Read = VinhDanh::Test::Docx;
namespace Pdf = VinhDanh::Test::Pdf;

namespace {
/// A proposing unit's dossier of three nominees (as dossier_documents_test.cpp builds it).
qint64 proposalDossier(Test::WorkflowFixture &f)
{
    Letterhead l = Letterhead::load(f.db);
    l.parentBody = QStringLiteral("UBND TỈNH THANH HÓA");
    l.place = QStringLiteral("Thanh Hóa");
    l.save(f.db);
    const qint64 school = f.newUnit(QStringLiteral("Trường THPT Lam Sơn"));
    const qint64 an = f.eligiblePerson(2025, QStringLiteral("Nguyễn Văn An"));
    const qint64 binh = f.eligiblePerson(2025, QStringLiteral("Lê Thị Bình"));
    Core::Workflow::Dossier d = f.newDossier(2025);
    d.letterNo = QStringLiteral("7/TTr-SNV");
    d.letterDate = QDate(2026, 1, 5);
    f.dossiers().save(d);
    f.addPerson(d.id, an, QStringLiteral("LDTT"));
    f.addUnit(d.id, school, QStringLiteral("TTLDTT"));
    f.addPerson(d.id, binh, QStringLiteral("LDTT"));
    return d.id;
}

/// Saves the document as DOCX and as our PDF in `dir`; the DOCX's path.
QString saveBoth(const Document &doc, const QString &dir, const QString &stem)
{
    Renderer::save(doc, dir + QLatin1Char('/') + stem + QStringLiteral(".pdf"));
    const QString docx = dir + QLatin1Char('/') + stem + QStringLiteral(".docx");
    Renderer::save(doc, docx);
    return docx;
}

/// The text of every page of a PDF, whitespace flattened.
QStringList pageTexts(const QString &pdf)
{
    QStringList out;
    for (int page = 1, pages = Pdf::pages(pdf); page <= pages; ++page)
        out << Read::flat(Pdf::text(pdf, page));
    return out;
}

/// The first page (1-based) whose text holds `text`, 0 when none does.
int pageOf(const QStringList &pages, const QString &text)
{
    for (int i = 0; i < pages.size(); ++i)
        if (pages.at(i).contains(text))
            return i + 1;
    return 0;
}

bool libreOfficeMissing()
{
    if (!Read::libreOffice().isEmpty())
        return false;
    WARN("LibreOffice (soffice) is not installed: the DOCX is checked as XML only, not converted");
    return true;
}

/// A list of `rows` rows whose unit column wraps to three lines, each row ending in "mã NNN".
Document longList(int rows)
{
    Document doc;
    doc.kind = QStringLiteral("danh-sach");
    doc.title = QStringLiteral("Danh sách dài");
    doc.body = QStringLiteral("SỞ NỘI VỤ");
    Part part;
    part.letterhead = false;
    part.typeName = QStringLiteral("DANH SÁCH");
    Table t;
    t.headers = {QStringLiteral("TT"), QStringLiteral("Họ và tên"), QStringLiteral("Đơn vị")};
    t.widths = {10, 40, 50};
    for (int i = 1; i <= rows; ++i) {
        const QString n = QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
        t.rows << TableRow{
            {QString::number(i), QStringLiteral("Trần Văn Hùng %1").arg(n),
             QStringLiteral("Phòng Thi đua – Khen thưởng, Sở Nội vụ tỉnh Thanh Hóa, tổ công tác thường trực, mã %1").arg(n)},
            false};
    }
    part.tables << t;
    doc.parts << part;
    return doc;
}
} // namespace

TEST_CASE("docxOfTheDecisionTheToTrinhAndTheList_keepEveryBlockInLibreOffice_onAsManyPagesAsOurPdf", "[documents][docx][libreoffice]")
{
    // Two offices: a People's Committee that issued a decision, a Sở that proposes.
    Test::TestDatabase committee, department;
    Test::DecisionCase decisionCase(committee.open());
    const Core::Workflow::Decision decision = decisionCase.issue();
    Test::WorkflowFixture f(department.open());
    const qint64 dossier = proposalDossier(f);
    const QList<std::pair<QString, Document>> documents{
        {QStringLiteral("quyet-dinh"), DecisionDocuments::decision(committee.db(), decision.id)},
        {QStringLiteral("to-trinh"), DossierDocuments::proposalLetter(department.db(), dossier)},
        {QStringLiteral("danh-sach"), DossierDocuments::nomineeList(department.db(), dossier)}};
    QTemporaryDir dir;
    QStringList files;
    for (const auto &[stem, doc] : documents) {
        files << saveBoth(doc, dir.path(), stem);
        // The XML holds every block whether or not LibreOffice is there to show it.
        const QString xmlText = Read::flat(Read::text(Read::entry(files.last(), QStringLiteral("word/document.xml"))));
        for (const QString &block : Read::blockTexts(doc)) {
            INFO(stem.toStdString() << ": " << block.toStdString());
            CHECK(xmlText.contains(Read::flat(block)));
        }
    }
    if (libreOfficeMissing())
        return;
    const QString out = dir.filePath(QStringLiteral("libreoffice"));
    REQUIRE(Read::convertToPdf(files, out) >= 0);
    for (const auto &[stem, doc] : documents) {
        INFO(stem.toStdString());
        const QString converted = out + QLatin1Char('/') + stem + QStringLiteral(".pdf");
        const QString text = Read::flat(Pdf::text(converted));
        REQUIRE_FALSE(text.isEmpty());
        for (const QString &block : Read::blockTexts(doc)) {
            INFO(block.toStdString());
            CHECK(text.contains(Read::flat(block)));
        }
        // These documents are far from a page's end: the same page count exactly (the decision:
        // its letter and, on a page of its own, the list).
        CHECK(Pdf::pages(converted) == Pdf::pages(dir.filePath(stem + QStringLiteral(".pdf"))));
        CHECK(Pdf::pageSize(converted).contains(QStringLiteral("A4")));
    }
}

TEST_CASE("docxLongList_inLibreOffice_repeatsTheHeaderRow_numbersPagesFromTwo_andSplitsNoRow", "[documents][docx][libreoffice]")
{
    constexpr int kRows = 120;
    QTemporaryDir dir;
    const QString docx = saveBoth(longList(kRows), dir.path(), QStringLiteral("dai"));
    const QByteArray xml = Read::entry(docx, QStringLiteral("word/document.xml"));
    CHECK(xml.contains("<w:tblHeader/>"));
    CHECK(xml.count("<w:cantSplit/>") == kRows + 1);
    if (libreOfficeMissing())
        return;
    REQUIRE(Read::convertToPdf({docx}, dir.path() + QStringLiteral("/libreoffice")) >= 0);
    const QString converted = dir.filePath(QStringLiteral("libreoffice/dai.pdf"));
    const QStringList pages = pageTexts(converted);
    REQUIRE(pages.size() > 3);
    // Within a page of ours: LibreOffice's line height for Liberation Serif is not Qt's to the
    // point, so over many pages of rows the last page break may fall one page apart.
    CHECK(std::abs(int(pages.size()) - Pdf::pages(dir.filePath(QStringLiteral("dai.pdf")))) <= 1);
    for (int page = 1; page <= pages.size(); ++page) {
        INFO("page " << page);
        CHECK(pages.at(page - 1).contains(QStringLiteral("TT Họ và tên Đơn vị")));
        const QString firstLine = Pdf::text(converted, page).trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
        if (page == 1)
            CHECK(firstLine == QStringLiteral("DANH SÁCH"));
        else
            CHECK(firstLine == QString::number(page));
    }
    for (int i = 1; i <= kRows; ++i) {
        const QString n = QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
        INFO("row " << i);
        const int first = pageOf(pages, QStringLiteral("Hùng ") + n);
        CHECK(first > 0);
        CHECK(first == pageOf(pages, QStringLiteral("mã ") + n));
    }
}

TEST_CASE("docxSignatureBlock_inLibreOffice_neverStandsAloneOnItsPage", "[documents][docx][libreoffice]")
{
    // Letters from 24 to 40 body paragraphs: for some of them the signature block does not fit
    // under the last paragraph, and that paragraph must go over with it.
    QTemporaryDir dir;
    QStringList files;
    for (int count = 24; count <= 40; ++count) {
        const Document doc = Test::Docs::signedLetter(count - 1);
        files << dir.filePath(QStringLiteral("to-trinh-%1.docx").arg(count));
        Renderer::save(doc, files.last());
    }
    if (libreOfficeMissing()) {
        CHECK(Read::entry(files.first(), QStringLiteral("word/document.xml")).contains("<w:keepNext/>"));
        return;
    }
    REQUIRE(Read::convertToPdf(files, dir.path()) >= 0);
    int overflowed = 0;
    for (const QString &docx : files) {
        const QString pdf = dir.filePath(QFileInfo(docx).completeBaseName() + QStringLiteral(".pdf"));
        const QStringList pages = pageTexts(pdf);
        INFO(QFileInfo(pdf).fileName().toStdString());
        const int signer = pageOf(pages, QStringLiteral("Lê Thị Hồng Nhung"));
        REQUIRE(signer > 0);
        CHECK(pageOf(pages, QStringLiteral("KT. GIÁM ĐỐC")) == signer);
        CHECK(pageOf(pages, QStringLiteral("kính trình xem xét")) == signer);
        CHECK(signer == pages.size()); // and no blank page after it
        overflowed += signer > 1 ? 1 : 0;
    }
    CHECK(overflowed > 0); // the sweep did reach past the first page
}
