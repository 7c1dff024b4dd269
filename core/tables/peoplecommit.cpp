// What every list's preview shares, committing a people preview and the status words (the
// rejected-rows file is rejected.cpp).
#include "core/tables/peopleimport.h"

#include "core/audit/bulkwrite.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/domain/validation.h"
#include "core/error.h"
#include "core/repo/personrepository.h"
#include "core/repo/recordrepository.h"
#include "core/text/csv.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <algorithm>
#include <limits>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};
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
    // One audit entry for the sheet (file, SHA-256, counts): new people and ratings write no
    // audit row each; changed ones keep their before/after rows. Off again when this returns.
    BulkWrite bulk(db, tx, BulkWrite::fileSource(QStringLiteral("people-table"), preview.sourceFile, preview.rows.size()));
    // Statements prepared once for the whole sheet, permissions checked once per unit.
    PersonRepository::Batch people(db);
    RecordRepository::RatingBatch ratings(db);
    // New people wait here, checked, and go in by chunks, their ratings after them: one
    // multi-row INSERT per chunk instead of a statement per person (on PostgreSQL every
    // statement is a round trip; 10,000 people took 17 s). Fixed chunk sizes keep the number
    // of prepared statements small. A database error of a chunk names the chunk's first row.
    constexpr int kPeopleChunk = 250;   // 10 values a row
    constexpr int kRatingsChunk = 500;  // 5 values a row
    QList<Person> waiting;
    QList<QList<Rating>> waitingRatings;
    int waitingRow = 0;
    QList<Rating> ratingQueue;
    int ratingRow = 0;
    const auto writeRatings = [&](bool all) {
        while (ratingQueue.size() >= kRatingsChunk || (all && !ratingQueue.isEmpty())) {
            const qsizetype n = std::min<qsizetype>(kRatingsChunk, ratingQueue.size());
            ratings.insertNew(ratingQueue.mid(0, n));
            ratingQueue.remove(0, n);
        }
    };
    const auto writePeople = [&] {
        if (waiting.isEmpty())
            return;
        try {
            people.insertChecked(waiting);
            if (ratingQueue.isEmpty())
                ratingRow = waitingRow;
            for (qsizetype p = 0; p < waiting.size(); ++p)
                for (Rating r : waitingRatings.at(p)) {
                    r.subject = Subject::person(waiting.at(p).id);
                    ratingQueue << r;
                }
            waiting.clear();
            waitingRatings.clear();
            writeRatings(false);
        } catch (const Error &e) {
            throw Error(Tr::tr("Row %1: %2 Nothing was written.").arg(ratingQueue.isEmpty() ? waitingRow : ratingRow).arg(e.message()),
                        e.detail());
        }
    };
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load()) {
            result = CommitResult();
            result.cancelled = true;
            return result; // ~Transaction rolls back
        }
        PersonPlan plan = preview.plans.at(i); // a copy: save() fills in the id, key and version
        try {
            const bool isNew = plan.person.id == 0;
            if (isNew && plan.savePerson) {
                people.checkNew(plan.person); // its row's problems named now, not at the chunk's write
                for (Rating rating : plan.ratings) {
                    // Year and rating now; the subject is the person the chunk's write makes
                    // (a stand-in id here, since the person has none yet).
                    rating.subject = Subject::person(std::numeric_limits<qint64>::max());
                    const QStringList problems = Validation::rating(rating);
                    if (!problems.isEmpty())
                        throw Error(problems.join(QLatin1Char(' ')));
                }
                if (waiting.isEmpty())
                    waitingRow = plan.firstRow;
                waiting << plan.person;
                waitingRatings << plan.ratings;
                ++result.peopleAdded;
                result.ratingsSet += int(plan.ratings.size());
            } else {
                if (plan.savePerson) {
                    // The version read by the preview: if someone changed the person since, the
                    // save is refused (ConflictError) rather than overwriting their edit.
                    people.save(plan.person);
                    ++result.peopleChanged;
                }
                for (Rating rating : plan.ratings) {
                    rating.subject = Subject::person(plan.person.id);
                    ratings.set(rating);
                }
                result.ratingsSet += int(plan.ratings.size());
            }
        } catch (const Error &e) {
            throw Error(Tr::tr("Row %1: %2 Nothing was written.").arg(plan.firstRow).arg(e.message()), e.detail());
        }
        if (waiting.size() >= kPeopleChunk)
            writePeople();
        if (progress)
            progress(i + 1, total);
    }
    writePeople();
    try {
        writeRatings(true);
    } catch (const Error &e) {
        throw Error(Tr::tr("Row %1: %2 Nothing was written.").arg(ratingRow).arg(e.message()), e.detail());
    }
    if (cancel && cancel->load()) {
        result = CommitResult();
        result.cancelled = true;
        return result;
    }
    bulk.finish();
    tx.commit();
    return result;
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
