#include "documentbench.h"

#include "core/documents/document.h"
#include "core/documents/renderer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

namespace VinhDanh::Bench {

namespace {
using namespace VinhDanh::Documents;

/// A list shaped as DossierDocuments::nomineeList() makes it: collectives then individuals,
/// each under its form's heading, with a summary of achievements that wraps on two lines.
Document nomineeList(int count)
{
    static const QStringList family{QStringLiteral("Nguyễn"), QStringLiteral("Trần"), QStringLiteral("Lê"),  QStringLiteral("Phạm"),
                                    QStringLiteral("Hoàng"),  QStringLiteral("Vũ"),   QStringLiteral("Đặng")};
    static const QStringList given{QStringLiteral("Văn An"), QStringLiteral("Thị Bích Ngọc"), QStringLiteral("Quốc Huy"),
                                   QStringLiteral("Thị Thu Hường"), QStringLiteral("Đức Thắng")};
    static const QStringList forms{QStringLiteral("Bằng khen của Chủ tịch UBND tỉnh"), QStringLiteral("Chiến sĩ thi đua cơ sở"),
                                   QStringLiteral("Lao động tiên tiến")};
    Document doc;
    doc.kind = QStringLiteral("danh-sach");
    doc.title = QStringLiteral("Danh sách đề nghị khen thưởng");
    doc.landscape = true;
    doc.parentBody = QStringLiteral("UBND TỈNH THANH HÓA");
    doc.body = QStringLiteral("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    Part part;
    part.placeDate = QStringLiteral("Thanh Hóa, ngày 05 tháng 01 năm 2026");
    part.typeName = QStringLiteral("DANH SÁCH");
    part.subject = QStringLiteral(
        "Đề nghị khen thưởng tổng kết năm 2025\n(Kèm theo Tờ trình số 12/TTr-SKHCN ngày 05 tháng 01 năm 2026)");
    Table t;
    t.sheetName = QStringLiteral("Danh sach de nghi");
    t.headers = {QStringLiteral("TT"), QStringLiteral("Họ và tên / Tên tập thể"), QStringLiteral("Chức vụ, đơn vị"),
                 QStringLiteral("Hình thức đề nghị"), QStringLiteral("Tóm tắt thành tích")};
    t.widths = {5, 22, 25, 18, 30};
    t.centred = {0};
    t.rows << TableRow{{QStringLiteral("I. CÁ NHÂN")}, true};
    const int perForm = (count + int(forms.size()) - 1) / int(forms.size());
    for (int i = 0; i < count; ++i) {
        const QString form = forms.at(i / perForm);
        if (i % perForm == 0)
            t.rows << TableRow{{QStringLiteral("%1. %2").arg(i / perForm + 1).arg(form)}, true};
        t.rows << TableRow{{QString::number(i + 1), family.at(i % family.size()) + QLatin1Char(' ') + given.at(i / 7 % given.size()),
                            QStringLiteral("Chuyên viên Phòng Quản lý công nghệ %1").arg(i % 40 + 1), form,
                            QStringLiteral("Hoàn thành xuất sắc nhiệm vụ năm 2025; có sáng kiến được công nhận cấp cơ sở")},
                           false};
    }
    part.tables << t;
    part.signature.title = QStringLiteral("THỦ TRƯỞNG ĐƠN VỊ");
    doc.parts << part;
    return doc;
}

int pdfPages(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {path});
    if (!p.waitForFinished(60000))
        return -1;
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(QString::fromUtf8(p.readAllStandardOutput()));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}
} // namespace

QString benchDocuments(int rows, const QString &folder, const Measure &measure, bool withLibreOffice)
{
    const Document doc = nomineeList(rows);
    const QString pdf = QDir(folder).filePath(QStringLiteral("danh-sach.pdf"));
    QElapsedTimer timer;
    double ours = 0;
    measure(QStringLiteral("list of %1 nominees to PDF (page by page)").arg(rows), [&] {
        timer.start();
        Renderer::save(doc, pdf);
        ours = double(timer.nsecsElapsed()) / 1e9;
        return qint64(rows);
    });
    QString summary = QStringLiteral("%1-row list to PDF: %2 s, %3 pages").arg(rows).arg(ours, 0, 'f', 2).arg(pdfPages(pdf));
    const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    const QString xlsx = QDir(folder).filePath(QStringLiteral("lo/danh-sach.xlsx"));
    QDir(folder).mkpath(QStringLiteral("lo"));
    Renderer::save(doc, xlsx);
    if (!withLibreOffice)
        return summary;
    if (soffice.isEmpty())
        return summary + QStringLiteral("; LibreOffice (soffice) is not installed, so there is no ratio.");
    // A profile of its own, made by a first run that is not timed, so the timed run is
    // LibreOffice converting, not LibreOffice setting itself up.
    const QString profile = QUrl::fromLocalFile(QDir(folder).filePath(QStringLiteral("lo-profile"))).toString();
    auto convert = [&] {
        QProcess p;
        p.setWorkingDirectory(QDir(folder).filePath(QStringLiteral("lo")));
        p.start(soffice, {QStringLiteral("-env:UserInstallation=") + profile, QStringLiteral("--headless"),
                          QStringLiteral("--convert-to"), QStringLiteral("pdf"), QStringLiteral("danh-sach.xlsx")});
        return p.waitForFinished(600000) && p.exitCode() == 0;
    };
    convert();
    double theirs = 0;
    bool converted = false;
    measure(QStringLiteral("the same rows: LibreOffice XLSX to PDF"), [&] {
        timer.start();
        converted = convert();
        theirs = double(timer.nsecsElapsed()) / 1e9;
        return qint64(rows);
    });
    if (!converted)
        return summary + QStringLiteral("; LibreOffice failed to convert the XLSX.");
    return summary
           + QStringLiteral("; LibreOffice from XLSX: %1 s, %2 pages; ratio %3 (goal ≤ 0.5)")
                 .arg(theirs, 0, 'f', 2)
                 .arg(pdfPages(QDir(folder).filePath(QStringLiteral("lo/danh-sach.pdf"))))
                 .arg(ours / theirs, 0, 'f', 2);
}

} // namespace VinhDanh::Bench
