// Documents through vinhdanh-cli: `print` writes the format its --output names, refuses what it
// cannot make without leaving a file, and `letterhead` sets the header every document uses.
#include "cli/clioffice.h"
#include "cli/clirunner.h"
#include "documents/pdftools.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using VinhDanh::Test::cli;
using VinhDanh::Test::CliRun;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/// The office with one dossier proposing P1 for the provincial Bằng khen; returns its key.
QString dossierWithNominee(const QString &db)
{
    const CliRun made = cli({s("dossier"), s("new"), s("--database"), db, s("--unit"), s("U1"), s("--year"), s("2025"),
                             s("--title"), s("Đề nghị khen thưởng năm 2025"), s("--letter-no"), s("3/TTr-SNV"),
                             s("--letter-date"), s("05/01/2026")});
    REQUIRE(made.code == 0);
    const QString key = made.out.trimmed();
    const CliRun added = cli({s("dossier"), s("add-nominee"), s("--database"), db, s("--dossier"), key, s("--person"), s("P1"),
                              s("--award"), s("BK_TINH"), s("--summary"), s("Hai năm liền Chiến sĩ thi đua cơ sở")});
    INFO(added.err.toStdString());
    REQUIRE(added.code == 0);
    return key;
}

/// One entry of a zip container, through the vinhdanh-zipentry helper (its own process: see zipentry.cpp).
QByteArray zipEntry(const QString &path, const QString &entry)
{
    QProcess p;
    p.start(s(VINHDANH_ZIPENTRY), {path, entry});
    REQUIRE(p.waitForFinished(30000));
    INFO(entry.toStdString());
    REQUIRE(p.exitCode() == 0);
    return p.readAllStandardOutput();
}

/// The text of every non-empty cell of the first sheet, by its reference ("B4"): shared strings
/// resolved, numbers as written.
QMap<QString, QString> sheetCells(const QString &xlsx)
{
    QStringList shared;
    QXmlStreamReader strings(zipEntry(xlsx, s("xl/sharedStrings.xml")));
    while (!strings.atEnd()) {
        strings.readNext();
        if (strings.isStartElement() && strings.name() == QLatin1String("si"))
            shared << strings.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    REQUIRE_FALSE(strings.hasError());
    QMap<QString, QString> cells;
    QXmlStreamReader sheet(zipEntry(xlsx, s("xl/worksheets/sheet1.xml")));
    QString ref, type;
    while (!sheet.atEnd()) {
        sheet.readNext();
        if (!sheet.isStartElement())
            continue;
        if (sheet.name() == QLatin1String("c")) {
            ref = sheet.attributes().value(QLatin1String("r")).toString();
            type = sheet.attributes().value(QLatin1String("t")).toString();
        } else if (sheet.name() == QLatin1String("v")) {
            const QString v = sheet.readElementText();
            cells.insert(ref, type == QLatin1String("s") ? shared.value(v.toInt()) : v);
        }
    }
    REQUIRE_FALSE(sheet.hasError());
    return cells;
}
} // namespace

TEST_CASE("cliPrint_proposalLetterAsPdf_carriesTheLetterheadSetByTheCli_andTheNomineeListAsXlsx", "[cli][documents]")
{
    QTemporaryDir dir;
    const QString db = VinhDanh::Test::cliOffice(dir);
    const QString key = dossierWithNominee(db);
    const CliRun head = cli({s("letterhead"), s("--database"), db, s("--parent"), s("UBND TỈNH NGHỆ AN"), s("--place"), s("Nghệ An"),
                             s("--signer"), s("Hồ Thị Lan|Phó Giám đốc|KT")});
    INFO(head.err.toStdString());
    REQUIRE(head.code == 0);
    CHECK(head.out.contains(s("Hồ Thị Lan")));

    const QString pdf = dir.filePath(s("to-trinh.pdf"));
    const CliRun printed = cli({s("print"), s("--database"), db, s("--document"), s("to-trinh"), s("--id"), key, s("--output"), pdf});
    INFO(printed.err.toStdString());
    REQUIRE(printed.code == 0);
    const QString text = VinhDanh::Test::Pdf::text(pdf);
    CHECK(text.contains(s("UBND TỈNH NGHỆ AN")));
    CHECK(text.contains(s("Nghệ An, ngày 05 tháng 01 năm 2026")));
    CHECK(text.contains(s("Số: 03/TTr-SNV")));
    CHECK(VinhDanh::Test::Pdf::pageSize(pdf).contains(s("A4")));

    const QString xlsx = dir.filePath(s("danh-sach.xlsx"));
    REQUIRE(cli({s("print"), s("--database"), db, s("--document"), s("danh-sach"), s("--id"), key, s("--output"), xlsx}).code == 0);
    // Read back as a spreadsheet program would: the header row, the group, then the nominee's row.
    const QMap<QString, QString> cells = sheetCells(xlsx);
    CHECK(cells.value(s("A1")) == s("TT"));
    CHECK(cells.value(s("B1")) == s("Họ và tên / Tên tập thể"));
    CHECK(cells.value(s("A2")) == s("I. CÁ NHÂN"));
    CHECK(cells.value(s("A4")) == s("1"));
    CHECK(cells.value(s("B4")) == s("Nguyễn Văn An"));
    CHECK(cells.value(s("C4")) == s("Sở Nội vụ"));
    CHECK(cells.value(s("D4")) == s("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"));
    CHECK(cells.value(s("E4")) == s("Hai năm liền Chiến sĩ thi đua cơ sở"));
}

TEST_CASE("cliPrint_refusesAnUnknownFormatKindOrKey_withAMessage_andWritesNoFile", "[cli][documents]")
{
    QTemporaryDir dir;
    const QString db = VinhDanh::Test::cliOffice(dir);
    const QString key = dossierWithNominee(db);

    const QString doc = dir.filePath(s("to-trinh.docx"));
    const CliRun badFormat = cli({s("print"), s("--database"), db, s("--document"), s("to-trinh"), s("--id"), key, s("--output"), doc});
    CHECK(badFormat.code == 2);
    CHECK(badFormat.err.contains(s(".pdf, .odt, .xlsx or .csv")));
    CHECK_FALSE(QFile::exists(doc));

    const QString pdf = dir.filePath(s("x.pdf"));
    const CliRun badKind = cli({s("print"), s("--database"), db, s("--document"), s("giay-moi"), s("--id"), key, s("--output"), pdf});
    CHECK(badKind.code == 2);
    const CliRun badKey = cli({s("print"), s("--database"), db, s("--document"), s("to-trinh"), s("--id"), s("KHONG-CO"), s("--output"), pdf});
    CHECK(badKey.code == 1);
    CHECK(badKey.err.contains(s("KHONG-CO")));
    CHECK_FALSE(QFile::exists(pdf));

    const CliRun kinds = cli({s("documents")});
    CHECK(kinds.code == 0);
    CHECK(kinds.out.contains(s("to-trinh")));
    CHECK(kinds.out.contains(s("danh-sach")));
}
