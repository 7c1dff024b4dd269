#include "staffbench.h"

#include "core/db/query.h"
#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/tables/peopleimport.h"
#include "core/tables/tablefile.h"
#include "core/tables/xlsxout_p.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QUrl>

namespace VinhDanh::Bench {

namespace {
using namespace VinhDanh::Core;

/// The 40 units' names of the demo office, which the list's "Đơn vị" column names.
QStringList unitNames(Database &db)
{
    QStringList out;
    Query q(db.sql(), QStringLiteral("SELECT name FROM units ORDER BY id"));
    q.exec();
    while (q.next())
        out << q.text(0);
    return out;
}

struct StaffRow
{
    QString name;
    QDate birth;
    QString unit, category;
    QStringList ratings; // 2021 … 2025
};

const QStringList kHeaders{QStringLiteral("Họ và tên"),     QStringLiteral("Ngày sinh"),     QStringLiteral("Đơn vị"),
                           QStringLiteral("Đối tượng"),     QStringLiteral("Xếp loại 2021"), QStringLiteral("Xếp loại 2022"),
                           QStringLiteral("Xếp loại 2023"), QStringLiteral("Xếp loại 2024"), QStringLiteral("Xếp loại 2025")};

/// A staff list as offices keep them: ratings in words and in abbreviations, no two rows the
/// same person. The same rows are written as XLSX and as CSV.
QList<StaffRow> staffList(const QStringList &units, int rows)
{
    static const QStringList family{QStringLiteral("Nguyễn"), QStringLiteral("Trần"), QStringLiteral("Lê"),   QStringLiteral("Phạm"),
                                    QStringLiteral("Hoàng"),  QStringLiteral("Vũ"),   QStringLiteral("Đặng"), QStringLiteral("Bùi")};
    static const QStringList middle{QStringLiteral("Văn"), QStringLiteral("Thị"), QStringLiteral("Đức"), QStringLiteral("Minh"),
                                    QStringLiteral("Thu")};
    static const QStringList given{QStringLiteral("An"),    QStringLiteral("Bình"), QStringLiteral("Cường"), QStringLiteral("Dung"),
                                   QStringLiteral("Giang"), QStringLiteral("Hùng"), QStringLiteral("Lan"),   QStringLiteral("Mai")};
    static const QStringList second{QStringLiteral("Anh"), QStringLiteral("Bảo"), QStringLiteral("Chí"),   QStringLiteral("Diệu"),
                                    QStringLiteral("Gia"), QStringLiteral("Hải"), QStringLiteral("Khánh"), QStringLiteral("Ngọc")};
    static const QStringList ratings{QStringLiteral("HTXSNV"), QStringLiteral("HTTNV"), QStringLiteral("HTNV"),
                                     QStringLiteral("Hoàn thành tốt nhiệm vụ")};
    static const QStringList categories{QStringLiteral("Công chức"), QStringLiteral("Viên chức"), QStringLiteral("Người lao động")};
    QRandomGenerator random(7);
    auto pick = [&random](const QStringList &from) { return from.at(int(random.bounded(quint32(from.size())))); };
    QList<StaffRow> out;
    out.reserve(rows);
    for (int i = 0; i < rows; ++i) {
        // Birth dates (from the row number) repeat every 12,096 rows; from then on a second
        // middle name keeps the rows different people.
        const int cycle = i / 12096;
        StaffRow r;
        r.name = pick(family) + QLatin1Char(' ') + pick(middle);
        if (cycle > 0)
            r.name += QLatin1Char(' ') + second.at((cycle - 1) % second.size());
        r.name += QLatin1Char(' ') + pick(given);
        r.birth = QDate(1965 + i / 336 % 36, i / 28 % 12 + 1, i % 28 + 1);
        r.unit = pick(units);
        r.category = pick(categories);
        for (int y = 0; y < 5; ++y)
            r.ratings << pick(ratings);
        out << r;
    }
    return out;
}

/// As Excel saves a typed list: shared strings, birth dates as date cells (dd/mm/yyyy).
void writeXlsx(const QString &path, const QList<StaffRow> &rows)
{
    Tables::XlsxOut out(path);
    lxw_worksheet *sheet = workbook_add_worksheet(out.book(), "Danh sach");
    lxw_format *header = out.format(true);
    lxw_format *plain = out.format();
    lxw_format *date = out.format();
    format_set_num_format(date, "dd/mm/yyyy");
    for (int c = 0; c < kHeaders.size(); ++c)
        worksheet_write_string(sheet, 0, lxw_col_t(c), Tables::XlsxOut::cellText(kHeaders.at(c)).constData(), header);
    for (int i = 0; i < rows.size(); ++i) {
        const StaffRow &r = rows.at(i);
        const auto at = lxw_row_t(i + 1);
        worksheet_write_string(sheet, at, 0, r.name.toUtf8().constData(), plain);
        lxw_datetime birth{r.birth.year(), r.birth.month(), r.birth.day(), 0, 0, 0};
        worksheet_write_datetime(sheet, at, 1, &birth, date);
        worksheet_write_string(sheet, at, 2, r.unit.toUtf8().constData(), plain);
        worksheet_write_string(sheet, at, 3, r.category.toUtf8().constData(), plain);
        for (int y = 0; y < 5; ++y)
            worksheet_write_string(sheet, at, lxw_col_t(4 + y), r.ratings.at(y).toUtf8().constData(), plain);
    }
    out.close();
}

/// As Excel saves a CSV under Vietnamese settings: ";" between fields, UTF-8 with a BOM.
void writeCsv(const QString &path, const QList<StaffRow> &rows)
{
    QString text = kHeaders.join(QLatin1Char(';')) + QLatin1Char('\n');
    for (const StaffRow &r : rows)
        text += QStringList{r.name, r.birth.toString(QStringLiteral("dd/MM/yyyy")), r.unit, r.category}.join(QLatin1Char(';'))
                + QLatin1Char(';') + r.ratings.join(QLatin1Char(';')) + QLatin1Char('\n');
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(QStringLiteral("cannot write %1").arg(path));
    file.write("\xEF\xBB\xBF" + text.toUtf8());
}

/// Times `body` inside a bench row and keeps its seconds for the summary.
double timed(const Measure &measure, const QString &operation, const std::function<qint64()> &body)
{
    double seconds = 0;
    measure(operation, [&] {
        QElapsedTimer timer;
        timer.start();
        const qint64 rows = body();
        seconds = double(timer.nsecsElapsed()) / 1e9;
        return rows;
    });
    return seconds;
}

struct Times
{
    double preview = 0, commit = 0;
};

Times timeImport(const QString &backend, Database &db, const Tables::Sheet &sheet, const QString &source, int rows,
                 const Measure &measure)
{
    Times t;
    Tables::PeoplePreview preview;
    t.preview = timed(measure, QStringLiteral("import staff list (%1): map and preview %2 rows × 5 ratings").arg(backend).arg(rows),
                      [&] {
                          preview = Tables::previewPeople(db, sheet, Tables::mapPeople(sheet));
                          for (const Tables::PreviewRow &r : std::as_const(preview.rows))
                              if (r.status == Tables::RowStatus::Error) // the generated list must be clean
                                  throw Error(QStringLiteral("row %1: %2").arg(r.sheetRow).arg(Tables::reasonsText(r.reasons)));
                          return qint64(preview.rows.size());
                      });
    // The file's name and SHA-256 go into the import's one audit entry (issue 15).
    preview.sourceFile = source;
    const auto auditRows = [&db] { return Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log")).scalar(0).toLongLong(); };
    const qint64 auditBefore = auditRows();
    t.commit = timed(measure, QStringLiteral("import staff list (%1): commit, one transaction").arg(backend), [&] {
        const Tables::CommitResult r = Tables::commitPeople(db, preview);
        return qint64(r.peopleAdded + r.ratingsSet);
    });
    // Rows: the audit rows the commit wrote (one batch entry, plus before/after rows for
    // records it changed; a fresh office has none to change).
    measure(QStringLiteral("import staff list (%1): audit rows written by the commit").arg(backend),
            [&] { return auditRows() - auditBefore; });
    return t;
}

/// LibreOffice's plain conversion of the workbook to CSV, in seconds; < 0 when it failed. A
/// profile of its own in `folder` (never the user's), set up by a first run that is not timed.
double libreOffice(const QString &soffice, const QString &xlsx, const QString &folder, int rows, const Measure &measure)
{
    const QString profile = QUrl::fromLocalFile(QDir(folder).filePath(QStringLiteral("lo-profile"))).toString();
    const QString outDir = QDir(folder).filePath(QStringLiteral("lo"));
    QDir().mkpath(outDir);
    auto convert = [&] {
        QProcess p;
        p.start(soffice, {QStringLiteral("-env:UserInstallation=") + profile, QStringLiteral("--headless"),
                          QStringLiteral("--convert-to"), QStringLiteral("csv"), QStringLiteral("--outdir"), outDir, xlsx});
        return p.waitForFinished(600000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0
               && QFileInfo::exists(QDir(outDir).filePath(QFileInfo(xlsx).completeBaseName() + QStringLiteral(".csv")));
    };
    convert();
    QFile::remove(QDir(outDir).filePath(QFileInfo(xlsx).completeBaseName() + QStringLiteral(".csv")));
    bool converted = false;
    const double seconds = timed(measure, QStringLiteral("the same XLSX: LibreOffice --headless --convert-to csv"), [&] {
        converted = convert();
        return qint64(rows);
    });
    return converted ? seconds : -1;
}
} // namespace

QString benchImport(int rows, const QString &folder, const std::optional<ConnectionSettings> &pg, const Measure &measure,
                    bool withLibreOffice)
{
    DemoOptions office;
    office.units = 40;
    office.people = 400;
    const QString xlsx = QDir(folder).filePath(QStringLiteral("staff.xlsx"));
    const QString csv = QDir(folder).filePath(QStringLiteral("staff.csv"));
    const QString path = QDir(folder).filePath(QStringLiteral("import.sqlite"));
    QFile::remove(path);
    Database db(ConnectionSettings::sqlite(path));
    Demo::generate(db, office);
    const QList<StaffRow> list = staffList(unitNames(db), rows);
    measure(QStringLiteral("write the staff list as XLSX (libxlsxwriter)"), [&] {
        writeXlsx(xlsx, list);
        return qint64(rows);
    });
    writeCsv(csv, list);

    // Read through Tables::readFile, as the import dialog and `vinhdanh-cli import-table` do.
    Tables::TableFile file;
    const double read = timed(measure, QStringLiteral("read the XLSX (%1 KiB): %2 rows").arg(QFileInfo(xlsx).size() >> 10).arg(rows),
                              [&] {
                                  file = Tables::readFile(xlsx);
                                  return qint64(file.sheet.rows.size() - 1);
                              });
    const double readCsv = timed(measure, QStringLiteral("read the same list as CSV (%1 KiB)").arg(QFileInfo(csv).size() >> 10),
                                 [&] { return qint64(Tables::readFile(csv).sheet.rows.size() - 1); });
    const Times sqlite = timeImport(QStringLiteral("SQLite"), db, file.sheet, xlsx, rows, measure);
    std::optional<Times> postgres;
    if (pg) {
        Database pgDb(*pg);
        Demo::generate(pgDb, office); // the same seed: the same units
        postgres = timeImport(QStringLiteral("PostgreSQL"), pgDb, file.sheet, xlsx, rows, measure);
    }

    QStringList summary;
    const double total = read + sqlite.preview + sqlite.commit;
    summary << QStringLiteral("%1-row XLSX staff list on SQLite: read %2 s + preview %3 s + commit %4 s = %5 s (goal ≤ 10 s); "
                              "the CSV reads in %6 s")
                   .arg(rows)
                   .arg(read, 0, 'f', 2)
                   .arg(sqlite.preview, 0, 'f', 2)
                   .arg(sqlite.commit, 0, 'f', 2)
                   .arg(total, 0, 'f', 2)
                   .arg(readCsv, 0, 'f', 2);
    if (postgres)
        summary << QStringLiteral("PostgreSQL / SQLite: preview %1, commit %2 (goal ≤ 2), read + preview + commit %3")
                       .arg(postgres->preview / sqlite.preview, 0, 'f', 2)
                       .arg(postgres->commit / sqlite.commit, 0, 'f', 2)
                       .arg((read + postgres->preview + postgres->commit) / total, 0, 'f', 2);
    if (withLibreOffice) {
        const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
        if (soffice.isEmpty()) {
            summary << QStringLiteral("LibreOffice (soffice) is not installed: no ratio.");
        } else {
            const double theirs = libreOffice(soffice, xlsx, folder, rows, measure);
            summary << (theirs < 0 ? QStringLiteral("LibreOffice failed to convert the XLSX: no ratio.")
                                   : QStringLiteral("LibreOffice XLSX → CSV: %1 s; our read + preview %2 s, ratio %3 "
                                                    "(read alone: %4)")
                                         .arg(theirs, 0, 'f', 2)
                                         .arg(read + sqlite.preview, 0, 'f', 2)
                                         .arg((read + sqlite.preview) / theirs, 0, 'f', 2)
                                         .arg(read / theirs, 0, 'f', 2));
        }
    }
    return summary.join(QLatin1Char('\n'));
}

} // namespace VinhDanh::Bench
