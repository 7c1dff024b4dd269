// What every list's preview shares, committing a people preview, the rejected-rows file and the
// status words.
#include "core/tables/peopleimport.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/repo/personrepository.h"
#include "core/repo/recordrepository.h"
#include "core/text/csv.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <algorithm>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

/// A cell Excel would run as a formula (= + - @ first) gets a leading apostrophe: the
/// rejected rows come from a file someone else sent, and opening them must not run
/// "=HYPERLINK(…)" or worse. Excel shows the text without the apostrophe.
QString inert(const QString &cell)
{
    static const QString risky = QStringLiteral("=+-@");
    return !cell.isEmpty() && risky.contains(cell.at(0)) ? QLatin1Char('\'') + cell : cell;
}
} // namespace

int SheetPreview::count(RowStatus status) const
{
    return int(std::count_if(rows.begin(), rows.end(), [&](const PreviewRow &r) { return r.status == status; }));
}

void SheetPreview::begin(const Sheet &sheet, int headerIndex, int headerNumber, const QStringList &unrecognised)
{
    sheetName = sheet.name;
    headerRow = headerNumber;
    for (const Cell &c : sheet.rows.at(headerIndex).cells)
        headers << c.text.simplified();
    if (!unrecognised.isEmpty())
        notes << Tr::tr("Columns left out (not recognised): %1.").arg(unrecognised.join(QStringLiteral(", ")));
}

CommitResult commitPeople(Database &db, const PeoplePreview &preview, const std::function<void(int, int)> &progress,
                          const std::atomic_bool *cancel)
{
    if (preview.hasErrors())
        throw Error(Tr::tr("%n row(s) of the sheet have errors; nothing was written. Correct the file (or leave those rows "
                           "out) and import it again.",
                           nullptr, preview.count(RowStatus::Error)));
    CommitResult result;
    const int total = int(preview.plans.size());
    // One transaction for the whole sheet, written through the repositories' batches: their
    // validation, permission checks and audit triggers run as for a single edit, and any
    // failure (or a cancel) rolls everything back when `tx` goes out of scope.
    // A sheet of thousands of rows dirties more pages than SQLite's default 2 MB cache holds,
    // and a full cache spills to the WAL mid-transaction, writing each page twice: give this
    // connection room for the import, and its own size back after it.
    struct CacheForImport
    {
        Database &db;
        QString before;
        explicit CacheForImport(Database &d) : db(d)
        {
            if (db.backend() != Backend::Sqlite)
                return;
            before = Query(db.sql(), QStringLiteral("PRAGMA cache_size")).scalar().toString();
            Query::run(db.sql(), QStringLiteral("PRAGMA cache_size = -65536"));
        }
        ~CacheForImport()
        {
            bool number = false;
            before.toLongLong(&number);
            if (number)
                try {
                    Query::run(db.sql(), QStringLiteral("PRAGMA cache_size = ") + before);
                } catch (const Error &) {
                    // only the cache's size; the next connection starts with the default anyway
                }
        }
    } cache(db);
    Transaction tx(db.sql());
    // Statements prepared once for the whole sheet, permissions checked once per unit.
    PersonRepository::Batch people(db);
    RecordRepository::RatingBatch ratings(db);
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load()) {
            result = CommitResult();
            result.cancelled = true;
            return result; // ~Transaction rolls back
        }
        PersonPlan plan = preview.plans.at(i); // a copy: save() fills in the id, key and version
        try {
            const bool isNew = plan.person.id == 0;
            if (plan.savePerson) {
                // The version read by the preview: if someone changed the person since, the save
                // is refused (ConflictError) rather than overwriting their edit.
                people.save(plan.person);
                ++(isNew ? result.peopleAdded : result.peopleChanged);
            }
            QList<Rating> planned = plan.ratings;
            for (Rating &rating : planned)
                rating.subject = Subject::person(plan.person.id);
            if (isNew && plan.savePerson) {
                ratings.insertNew(planned); // a new person has no rating to replace: one statement
            } else {
                for (const Rating &rating : planned)
                    ratings.set(rating);
            }
            result.ratingsSet += int(planned.size());
        } catch (const Error &e) {
            throw Error(Tr::tr("Row %1: %2 Nothing was written.").arg(plan.firstRow).arg(e.message()), e.detail());
        }
        if (progress)
            progress(i + 1, total);
    }
    if (cancel && cancel->load()) {
        result = CommitResult();
        result.cancelled = true;
        return result;
    }
    tx.commit();
    return result;
}

void saveRejected(const SheetPreview &preview, const QString &path)
{
    QList<QStringList> rows;
    QStringList header = preview.headers;
    for (const PreviewRow &r : preview.rows)
        while (r.status == RowStatus::Error && header.size() < r.cells.size())
            header << QString();
    rows << (QStringList(header) << Tr::tr("Row") << Tr::tr("Reason"));
    for (const PreviewRow &r : preview.rows) {
        if (r.status != RowStatus::Error)
            continue;
        QStringList cells;
        for (const QString &c : r.cells)
            cells << inert(c);
        while (cells.size() < header.size())
            cells << QString();
        cells << QString::number(r.sheetRow) << inert(reasonsText(r.reasons));
        rows << cells;
    }
    for (QString &h : rows.first())
        h = inert(h);
    // Semicolons, as Excel under Vietnamese regional settings splits columns (see Csv::file).
    QSaveFile out(path);
    const QByteArray bytes = Csv::file(rows, Csv::kExcelSeparator);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        throw Error(Tr::tr("Cannot write the file %1.").arg(QDir::toNativeSeparators(path)), out.errorString());
}

QString reasonsText(const QStringList &reasons)
{
    QStringList parts;
    for (QString r : reasons) {
        if (r.endsWith(QLatin1Char('.')) && !r.endsWith(QLatin1String("…).")))
            r.chop(1);
        parts << r;
    }
    return parts.join(QStringLiteral("; "));
}

QString statusText(RowStatus status)
{
    switch (status) {
    case RowStatus::New: return Tr::tr("new person");
    case RowStatus::Changed: return Tr::tr("changes a person");
    case RowStatus::Unchanged: return Tr::tr("unchanged");
    case RowStatus::Error: return Tr::tr("error");
    }
    return {};
}

QString statusCode(RowStatus status)
{
    switch (status) {
    case RowStatus::New: return QStringLiteral("new");
    case RowStatus::Changed: return QStringLiteral("changed");
    case RowStatus::Unchanged: return QStringLiteral("unchanged");
    case RowStatus::Error: return QStringLiteral("error");
    }
    return {};
}

} // namespace VinhDanh::Core::Tables
