#include "importbench.h"

#include "core/demo/demogenerator.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "core/tables/peopleimport.h"
#include "core/tables/tablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <memory>

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

/// A staff list as offices keep them: a header row in Vietnamese, ratings in words and in
/// abbreviations, semicolons (Excel's CSV under Vietnamese settings), UTF-8 with a BOM.
void writeStaffList(const QString &path, const QStringList &units, int rows)
{
    static const QStringList family{QStringLiteral("Nguyễn"), QStringLiteral("Trần"), QStringLiteral("Lê"), QStringLiteral("Phạm"),
                                    QStringLiteral("Hoàng"), QStringLiteral("Vũ"), QStringLiteral("Đặng"), QStringLiteral("Bùi")};
    static const QStringList middle{QStringLiteral("Văn"), QStringLiteral("Thị"), QStringLiteral("Đức"), QStringLiteral("Minh"),
                                    QStringLiteral("Thu")};
    static const QStringList given{QStringLiteral("An"), QStringLiteral("Bình"), QStringLiteral("Cường"), QStringLiteral("Dung"),
                                   QStringLiteral("Giang"), QStringLiteral("Hùng"), QStringLiteral("Lan"), QStringLiteral("Mai")};
    static const QStringList ratings{QStringLiteral("HTXSNV"), QStringLiteral("HTTNV"), QStringLiteral("HTNV"),
                                     QStringLiteral("Hoàn thành tốt nhiệm vụ")};
    static const QStringList categories{QStringLiteral("Công chức"), QStringLiteral("Viên chức"), QStringLiteral("Người lao động")};
    QRandomGenerator random(7);
    auto pick = [&random](const QStringList &from) { return from.at(int(random.bounded(quint32(from.size())))); };
    QString text = QStringLiteral("Họ và tên;Ngày sinh;Đơn vị;Đối tượng;Xếp loại 2021;Xếp loại 2022;Xếp loại 2023;Xếp loại 2024;Xếp loại 2025\n");
    for (int i = 0; i < rows; ++i) {
        // Birth dates repeat every 12,096 rows; from then on a second middle name keeps the
        // rows different people (the first 12,096 rows are as they always were).
        static const QStringList second{QStringLiteral("Anh"), QStringLiteral("Bảo"), QStringLiteral("Chí"), QStringLiteral("Diệu"),
                                        QStringLiteral("Gia"), QStringLiteral("Hải"), QStringLiteral("Khánh"), QStringLiteral("Ngọc")};
        const int cycle = i / 12096;
        QString name = pick(family) + QLatin1Char(' ') + pick(middle);
        if (cycle > 0)
            name += QLatin1Char(' ') + second.at((cycle - 1) % second.size());
        QStringList cells{name + QLatin1Char(' ') + pick(given),
                          // Birth dates from the row number: no two rows are the same person.
                          QStringLiteral("%1/%2/%3").arg(i % 28 + 1, 2, 10, QLatin1Char('0')).arg(i / 28 % 12 + 1, 2, 10, QLatin1Char('0')).arg(1965 + i / 336 % 36),
                          pick(units), pick(categories)};
        for (int y = 0; y < 5; ++y)
            cells << pick(ratings);
        text += cells.join(QLatin1Char(';')) + QLatin1Char('\n');
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Core::Error(QStringLiteral("cannot write %1").arg(path));
    file.write("\xEF\xBB\xBF" + text.toUtf8());
}

void timeImport(const QString &backend, Database &db, const QString &csv, int rows, const Measure &measure)
{
    Tables::PeoplePreview preview;
    measure(QStringLiteral("import staff list (%1): read and preview %2 rows × 5 ratings").arg(backend).arg(rows), [&] {
        const Tables::TableFile file = Tables::readFile(csv);
        preview = Tables::previewPeople(db, file.sheet, Tables::mapPeople(file.sheet));
        for (const Tables::PreviewRow &r : preview.rows)
            if (r.status == Tables::RowStatus::Error) // the generated list must be clean
                throw Core::Error(QStringLiteral("row %1: %2").arg(r.sheetRow).arg(Tables::reasonsText(r.reasons)));
        return qint64(preview.rows.size());
    });
    // The file's name and SHA-256 go into the import's one audit entry (issue 15).
    preview.sourceFile = csv;
    const auto auditRows = [&db] { return Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log")).scalar(0).toLongLong(); };
    const qint64 auditBefore = auditRows();
    measure(QStringLiteral("import staff list (%1): commit, one transaction").arg(backend), [&] {
        const Tables::CommitResult r = Tables::commitPeople(db, preview);
        return qint64(r.peopleAdded + r.ratingsSet);
    });
    // Rows: the audit rows the commit wrote (one batch entry, plus before/after rows for
    // records it changed; a fresh office has none to change).
    measure(QStringLiteral("import staff list (%1): audit rows written by the commit").arg(backend),
            [&] { return auditRows() - auditBefore; });
}
} // namespace

void benchInterchange(Database &province, const QString &folder, const Measure &measure)
{
    const QString file = QDir(folder).filePath(QStringLiteral("province.json"));
    const QString target = QDir(folder).filePath(QStringLiteral("imported.sqlite"));
    QFile::remove(file);
    QFile::remove(target);
    measure(QStringLiteral("interchange: export the province"), [&] {
        const InterchangeCounts c = Interchange::exportTo(province, file);
        return qint64(c.units) + c.people + c.ratings + c.awards + c.initiatives + c.disciplines;
    });
    Database db(ConnectionSettings::sqlite(target));
    const auto auditRows = [&db] { return Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log")).scalar(0).toLongLong(); };
    const qint64 before = auditRows();
    measure(QStringLiteral("interchange: import the file (%1 MiB) into a new SQLite file").arg(QFileInfo(file).size() >> 20), [&] {
        const InterchangeCounts c = Interchange::importFrom(db, file);
        return qint64(c.units) + c.people + c.ratings + c.awards + c.initiatives + c.disciplines;
    });
    measure(QStringLiteral("interchange: audit rows written by the import"), [&] { return auditRows() - before; });
    Query::run(db.sql(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    measure(QStringLiteral("interchange: size of the database made (rows = MiB)"),
            [&] { return QFileInfo(target).size() >> 20; });
    measure(QStringLiteral("interchange: of which the audit log (rows = MiB, dbstat)"), [&] {
        return Query(db.sql(), QStringLiteral("SELECT COALESCE(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'audit_log%'"))
                   .scalar(0)
                   .toLongLong()
            >> 20;
    });
}

void benchImport(int rows, const QString &folder, const std::optional<ConnectionSettings> &pg, const Measure &measure)
{
    DemoOptions office;
    office.units = 40;
    office.people = 400;
    const QString csv = QDir(folder).filePath(QStringLiteral("staff.csv"));
    {
        const QString path = QDir(folder).filePath(QStringLiteral("import.sqlite"));
        QFile::remove(path);
        Database db(ConnectionSettings::sqlite(path));
        Demo::generate(db, office);
        writeStaffList(csv, unitNames(db), rows);
        timeImport(QStringLiteral("SQLite"), db, csv, rows, measure);
    }
    if (pg) {
        Database db(*pg);
        Demo::generate(db, office); // the same seed: the same units
        timeImport(QStringLiteral("PostgreSQL"), db, csv, rows, measure);
    }
}

} // namespace VinhDanh::Bench
