// What every list's preview shares, committing a people preview and the status words (the
// rejected-rows file is rejected.cpp).
#include "core/tables/peopleimport.h"

#include "core/audit/bulkwrite.h"
#include "core/db/bulktuning.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/rowbatch.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/rowwriter.h"
#include "core/registry/validation.h"
#include "core/text/csv.h"
#include "core/text/vntext.h"

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

/// Rethrows `e` with its sheet row named; a DatabaseError stays one.
[[noreturn]] void rowError(int row, const Error &e)
{
    rethrowWithMessage(e, Tr::tr("Row %1: %2 Nothing was written.").arg(row).arg(e.message()));
}
} // namespace

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
    BulkTuning tuning(db, 64); // before `tx`: see core/db/bulktuning.h
    Transaction tx(db.sql());
    // One audit entry for the sheet (file, SHA-256, counts): new people and ratings write no
    // audit row each; changed ones keep their before/after rows. Off again when this returns.
    BulkWrite bulk(
        db, tx, BulkWrite::fileSource(QStringLiteral("people-table"), preview.sourceFile, preview.rows.size(), preview.sourceSha256));
    // Statements prepared once for the whole sheet, permissions checked once per unit.
    PersonRepository::Batch people(db);
    RecordRepository::RatingBatch ratings(db);
    {
        // Who holds the sheet's CCCD numbers, asked 500 at a time, not once a person.
        QStringList numbers;
        for (const PersonPlan &plan : preview.plans)
            if (plan.savePerson && !plan.person.cccd.isEmpty())
                numbers << plan.person.cccd;
        people.prefetchCccds(numbers);
    }
    // New people wait here, checked, and go in by chunks, their ratings after them: one
    // multi-row INSERT per chunk instead of a statement per person (on PostgreSQL every
    // statement is a round trip; on SQLite every statement writing people flushes their FTS5
    // search index into a new segment). Fixed chunk sizes keep the prepared statements few.
    constexpr int kPeopleChunk = 250; // 10 values a row
    QList<Person> waiting;
    QList<QList<Rating>> waitingRatings;
    QList<int> waitingRows; // each waiting person's sheet row, for a message
    // The new people's ratings go straight in by chunks of 500 (5 values a row): they were
    // validated with their row, and their person's unit was checked by checkNew(), so the
    // per-person permission lookup of RatingBatch (a query each) is not needed again.
    Interchange::Detail::RowBatch newRatings(db, RecordRepository::ratingRows().head(), 5, QString(), 500);
    const QVariant noUnit{QMetaType(QMetaType::LongLong)}; // braces: clang reads parentheses as a function
    const QString rowWord = Tr::tr("Row %1");              // translated once, not per rating
    const auto writePeople = [&] {
        if (waiting.isEmpty())
            return;
        const QSqlDatabase sql = db.sql();
        // A savepoint per chunk: when the chunk fails (a key taken meanwhile, a constraint),
        // it is rolled back and written again person by person to name the exact row. Rolling
        // back to it is also what lets PostgreSQL take statements again after the error.
        Query::run(sql, QStringLiteral("SAVEPOINT vd_people_chunk"));
        try {
            people.insertChecked(waiting);
            Query::run(sql, QStringLiteral("RELEASE SAVEPOINT vd_people_chunk"));
        } catch (const Error &chunkError) {
            Query::run(sql, QStringLiteral("ROLLBACK TO SAVEPOINT vd_people_chunk"));
            for (qsizetype p = 0; p < waiting.size(); ++p) {
                QList<Person> one{waiting.at(p)};
                try {
                    people.insertChecked(one);
                } catch (const Error &e) {
                    // PostgreSQL refuses every statement after an error, even freeing the
                    // prepared ones as the batch goes: back to the savepoint first.
                    Query::run(sql, QStringLiteral("ROLLBACK TO SAVEPOINT vd_people_chunk"));
                    rowError(waitingRows.at(p), e);
                }
            }
            rowError(waitingRows.first(), chunkError); // each went in alone: the chunk's own error
        }
        try {
            for (qsizetype p = 0; p < waiting.size(); ++p) {
                const QString where = rowWord.arg(waitingRows.at(p));
                for (const Rating &r : waitingRatings.at(p))
                    newRatings.add(
                        {waiting.at(p).id, noUnit, r.year, r.rating, Interchange::Detail::RowBatch::optional(Text::clean(r.note))},
                        where);
            }
        } catch (const Interchange::Detail::RecordError &e) { // its message names the row already
            rethrowWithMessage(e, Tr::tr("%1 Nothing was written.").arg(e.message()));
        } catch (const Error &e) { // a chunk failed whose rows each went in alone
            rowError(waitingRows.first(), e);
        }
        waiting.clear();
        waitingRatings.clear();
        waitingRows.clear();
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
                waiting << plan.person;
                waitingRatings << plan.ratings;
                waitingRows << plan.firstRow;
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
            rethrowWithMessage(e, Tr::tr("Row %1: %2 Nothing was written.").arg(plan.firstRow).arg(e.message()));
        }
        if (waiting.size() >= kPeopleChunk)
            writePeople();
        if (progress)
            progress(i + 1, total);
    }
    writePeople();
    try {
        newRatings.flush();
    } catch (const Interchange::Detail::RecordError &e) {
        rethrowWithMessage(e, Tr::tr("%1 Nothing was written.").arg(e.message()));
    } catch (const Error &e) {
        rethrowWithMessage(e, Tr::tr("%1 Nothing was written.").arg(e.message()));
    }
    if (cancel && cancel->load()) {
        result = CommitResult();
        result.cancelled = true;
        return result;
    }
    bulk.finish();
    tx.commit();
    // A big list leaves PostgreSQL's people list and search slow until autovacuum passes
    // (core/db/bulktuning.h); a few rows change nothing worth a VACUUM.
    if (result.peopleAdded + result.peopleChanged + result.ratingsSet >= 1000)
        settleAfterBulkLoad(db, {QStringLiteral("people"), QStringLiteral("ratings")});
    return result;
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

} // namespace VinhDanh::Core::Tables
